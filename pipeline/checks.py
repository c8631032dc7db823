"""Checks over published data: every file parses, follows the published-data
JSON Schema (schema/published-data.schema.json, the one definition the site
checks against too) with the vocabulary's names filled in, and is named after
its record. Run on the records of an export before they are written, by
`python -m pipeline check DIR...` on any published tree, and by the commit
guard on the staged files of data/public."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from schema import RecordSchema, record_schema, vocabularies_from_yaml

from . import yamlio
from .config import Vocabulary, load_vocabulary
from .problems import Problem

# Top folder of data/public -> the record kind of its files.
FOLDERS = {"proposals": "proposal", "stories": "story", "commendations": "commendation_year", "sessions": "session"}
UNEXPECTED_FILE = "不属于公开数据的文件（只应有 stats.yaml 与四个文件夹中的 .yaml 文件）"  # four: len(FOLDERS)


def kind_of(relative: str, record: object) -> str | None:
    """The schema kind of a file (path relative to the data folder), or None if no file belongs there."""
    if relative == "stats.yaml":
        return "stats"
    path = PurePosixPath(relative)
    if len(path.parts) != 2 or path.suffix != ".yaml" or path.parts[0] not in FOLDERS:
        return None
    if isinstance(record, dict) and record.get("status") == "withdrawn":
        return "tombstone"
    return FOLDERS[path.parts[0]]


def schema_problem(relative: str, message: str, code: str = "published.schema", key: str | None = None) -> Problem:
    return Problem(relative, None, key, None, code, message)


class PublishedData:
    """Checks records of data/public against the shared schema, one compiled schema per kind."""

    def __init__(self, vocabulary: Vocabulary | None = None):
        self.vocabularies = vocabularies_from_yaml((vocabulary or load_vocabulary()).raw)
        self._schemas: dict[str, RecordSchema] = {}

    def schema(self, kind: str) -> RecordSchema:
        if kind not in self._schemas:
            self._schemas[kind] = record_schema(kind, self.vocabularies)
        return self._schemas[kind]

    def check_record(self, relative: str, record: object) -> list[Problem]:
        kind = kind_of(relative, record)
        if kind is None:
            return [schema_problem(relative, UNEXPECTED_FILE)]
        problems = [
            schema_problem(relative, finding.message, f"published.{finding.code}", finding.key or None)
            for finding in self.schema(kind).check(record)
        ]
        if not problems and kind != "stats":
            identity = record["year"] if kind == "commendation_year" else record["id"]
            if str(identity) != PurePosixPath(relative).stem:
                key = "year" if kind == "commendation_year" else "id"
                problems.append(schema_problem(relative, "应与文件名一致", "published.name-mismatch", key))
        return problems

    def check_files(self, files: dict[str, object]) -> list[Problem]:
        return [item for relative, record in files.items() for item in self.check_record(relative, record)]


def check_files(files: dict[str, object], vocabulary: Vocabulary | None = None) -> list[Problem]:
    """Relative path -> record, as an export is about to write them."""
    return PublishedData(vocabulary).check_files(files)


def is_published_data(folder: Path) -> bool:
    """A published-data folder (as opposed to a built site) has stats.yaml."""
    return (Path(folder) / "stats.yaml").is_file()


def read_record(path: Path, relative: str) -> tuple[object, list[Problem]]:
    """One file parsed; a file that is not UTF-8 YAML is one problem, not a crash."""
    try:
        return yamlio.load(path.read_text(encoding="utf-8")), []
    except Exception as error:  # any unreadable file is one problem, not a crash
        return None, [schema_problem(relative, f"无法读取（应为 UTF-8 编码的 YAML）：{type(error).__name__}")]


def check_folder(folder: Path, vocabulary: Vocabulary | None = None) -> list[Problem]:
    folder = Path(folder)
    if not is_published_data(folder):
        return [schema_problem(str(folder), "不是公开数据文件夹（缺少 stats.yaml）")]
    checker = PublishedData(vocabulary)
    problems = []
    for path in sorted(folder.rglob("*")):
        if path.is_dir():
            continue
        relative = path.relative_to(folder).as_posix()
        record, unreadable = read_record(path, relative)
        problems += unreadable or checker.check_record(relative, record)
    return problems
