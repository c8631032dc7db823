"""Read the published data folder and the vocabulary, check them, build the models.

This is the only module that touches files. YAML is read from
libyaml's events (``yamlload.py``; PyYAML's standard loader where the file is unusual or
PyYAML lacks libyaml), through the parse cache (``parsecache.py``). All problems of all files are
collected first; if there is any, :class:`ShowcaseDataError` is raised with the
whole list, so the build fails once with every file and key named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from . import formats
from .fingerprint import Fingerprints, digest_text
from .inputs import DATA_SUBFOLDERS
from .memo import Memo
from .models import CommendationYear, Proposal, Session, SessionTombstone, Showcase, Story, Tombstone
from .parsecache import ParseCache, parse_yaml
from .schema import Problem
from .vocabulary import VOCABULARY_SPEC, Vocabulary

T = TypeVar("T")


class ShowcaseDataError(Exception):
    """The data folder (or the vocabulary) does not follow docs/published-data.md."""

    def __init__(self, folder: Path | str, problems: list[Problem]):
        self.folder = str(folder)
        self.problems = problems
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"发布数据不符合格式（{self.folder}），共 {len(problems)} 处问题：\n{lines}")


def read_yaml(path: Path, label: str) -> tuple[object, list[Problem]]:
    """Parse one file; a syntax or encoding error is a problem, not an exception."""
    return parse_yaml(path.read_bytes(), label)


@dataclass
class SourceFiles:
    """The files a showcase was read from, in reading order (see ``Showcase.source``)."""

    folder: Path
    raw: dict[str, bytes] = field(default_factory=dict)  # "proposals/x.yaml" -> bytes
    parsed: dict[str, object] = field(default_factory=dict)  # -> the checked mapping
    digests: dict[str, str] = field(default_factory=dict)  # -> digest of the bytes
    fingerprints: Fingerprints = field(default_factory=Fingerprints)  # record object -> digest
    memo: Memo = field(default_factory=lambda: Memo(None, ""))  # set by the generator to its cache

    def derive(self, kind: str, record: object, make: Callable[[], T]) -> T:
        """``make()``, or what it gave for a record with the same content in an earlier build."""
        return self.memo.get(kind, self.fingerprints.of(record), make)

    def add(self, label: str, raw: bytes, data: object, key: str) -> None:
        self.raw[label], self.parsed[label], self.digests[label] = raw, data, key
        self.fingerprints.add(data, key)

    def records(self, subfolder: str) -> list[dict]:
        """The parsed files of a subfolder, by file name, tombstones left out."""
        prefix = f"{subfolder}/"
        found = [(label, data) for label, data in self.parsed.items() if label.startswith(prefix)]
        return [data for _, data in sorted(found) if data.get("status") != "withdrawn"]

    def copies(self) -> list[tuple[str, bytes]]:
        """Every file as (path relative to the folder, bytes), sorted: the open data's byte copies."""
        return sorted(self.raw.items())


def load_vocabulary(path: Path) -> Vocabulary:
    data, problems = read_yaml(path, path.name)
    problems = problems or VOCABULARY_SPEC(data, path.name, "")
    if problems:
        raise ShowcaseDataError(path, problems)
    return Vocabulary.from_yaml(data)


def _files(folder: Path, subfolder: str, problems: list[Problem]) -> list[Path]:
    """The ``*.yaml`` files of a subfolder, sorted; any other file is a problem."""
    directory = folder / subfolder
    if not directory.is_dir():
        return []
    paths = []
    for path in sorted(directory.iterdir(), key=lambda path: path.name):  # names: Path order is slow
        if path.name.startswith("."):
            continue
        if path.is_file() and path.suffix == ".yaml":
            paths.append(path)
        else:
            problems.append(Problem(f"{subfolder}/{path.name}", "(文件)", "unexpected-file", "这里只应有 .yaml 文件"))
    return paths


def _same_name(data: dict, key: str, path: Path, label: str) -> list[Problem]:
    if str(data[key]) != path.stem:
        return [Problem(label, key, "name-mismatch", f"{key} 为 {data[key]!r}，应与文件名 {path.stem!r} 一致")]
    return []


def _load_published(folder, subfolder, rule, build, tombstone, reader, failed, consistency=None):
    """A folder of published records and their tombstones (``status: withdrawn``): proposals, sessions.
    ``consistency(data, label)``: checks a published record past its schema."""

    def check_of(path: Path, label: str):
        def check(data) -> list[Problem]:
            withdrawn = isinstance(data, dict) and data.get("status") == "withdrawn"
            found = (formats.TOMBSTONE if withdrawn else rule)(data, label, "")
            found = found or _same_name(data, "id", path, label)
            if not found and not withdrawn and consistency:
                found = consistency(data, label)
            return found

        return check

    tasks = []
    for path in _files(folder, subfolder, reader.problems):
        label = f"{subfolder}/{path.name}"
        tasks.append((path, label, check_of(path, label)))
    records, tombstones = [], []
    for (_, label, _), data in zip(tasks, reader.read_many(tasks, failed), strict=True):
        if data is None:
            continue
        if data.get("status") == "withdrawn":
            tombstones.append(reader.keep(tombstone.from_yaml(data), label))
        else:
            records.append(reader.keep(build(data), label))
    return records, tombstones


def _load_proposals(folder, vocabulary, reader, failed):
    return _load_published(
        folder, "proposals", formats.proposal(vocabulary), lambda data: Proposal.from_yaml(data, vocabulary),
        Tombstone, reader, failed, lambda data, label: formats.proposal_consistency(data, vocabulary, label),
    )  # fmt: skip


def _load_sessions(folder, vocabulary, reader, failed):
    """sessions/<id>.yaml: a session, or the tombstone of one withdrawn (the folder is optional)."""
    return _load_published(
        folder, "sessions", formats.session(vocabulary), lambda data: Session.from_yaml(data, vocabulary),
        SessionTombstone, reader, failed,
    )  # fmt: skip


def _load_each(folder, subfolder, rule, key, build, reader, failed):
    records = []
    for path in _files(folder, subfolder, reader.problems):
        label = f"{subfolder}/{path.name}"

        def check(data, path=path, label=label) -> list[Problem]:
            return rule(data, label, "") or _same_name(data, key, path, label)

        data = reader.read(path, label, check, failed)
        if data is not None:
            records.append(reader.keep(build(data), label))
    return records


def _session_links(sessions, proposal_ids) -> list[Problem]:
    """A session links only published proposals."""
    return [
        Problem(f"sessions/{s.id}.yaml", f"proposals[{index}]", "broken-link", f"没有已公开的建议 {proposal_id!r}")
        for s in sessions
        for index, proposal_id in enumerate(s.proposals)
        if proposal_id not in proposal_ids
    ]


def _links(proposals, stories, commendations, failed) -> list[Problem]:
    """Every link between records must lead to a page the site writes.

    Links to a file that already has a problem are not reported again.
    """
    proposal_ids = {p.id for p in proposals} | failed["proposals"]
    story_ids = {s.id for s in stories} | failed["stories"]
    problems = []
    for p in proposals:
        for index, story_id in enumerate(p.stories):
            if story_id not in story_ids:
                problems.append(
                    Problem(f"proposals/{p.id}.yaml", f"stories[{index}]", "broken-link", f"没有成果案例 {story_id!r}")
                )
    for s in stories:
        for index, proposal_id in enumerate(s.proposals):
            if proposal_id not in proposal_ids:
                problems.append(
                    Problem(
                        f"stories/{s.id}.yaml",
                        f"proposals[{index}]",
                        "broken-link",
                        f"没有已公开的建议 {proposal_id!r}",
                    )
                )
    for year in commendations:
        for index, award in enumerate(year.awards):
            if award.proposal is not None and award.proposal not in proposal_ids:
                problems.append(
                    Problem(
                        f"commendations/{year.year}.yaml",
                        f"awards[{index}].proposal",
                        "broken-link",
                        f"没有已公开的建议 {award.proposal!r}",
                    )
                )
    return problems


class _Reader:
    """Reads data files through the parse cache, collecting problems and sources."""

    def __init__(self, folder: Path, cache: ParseCache):
        self.cache = cache
        self.problems: list[Problem] = []
        self.source = SourceFiles(folder)

    def read(self, path: Path, label: str, check, failed: set[str]) -> object | None:
        """The checked data of one file, or None (its problems recorded) if it has any."""
        return self.read_many([(path, label, check)], failed)[0]

    def read_many(self, tasks: list, failed: set[str]) -> list[object | None]:
        """``read`` for (path, label, check) tasks, in order."""
        found_data = []
        for (path, label, _), (data, found, raw, key) in zip(tasks, self.cache.read_many(tasks), strict=True):
            self.problems += found
            if found:
                failed.add(path.stem)
                found_data.append(None)
            else:
                self.source.add(label, raw, data, key)
                found_data.append(data)
        return found_data

    def keep(self, record, label: str):
        self.source.fingerprints.add(record, self.source.digests[label])
        return record


def load_showcase(folder: Path, vocabulary: Vocabulary, cache: ParseCache | None = None) -> Showcase:
    """Read and check the whole data folder; raise :class:`ShowcaseDataError` on any problem.

    ``cache`` (a :class:`ParseCache`) reuses what an earlier build parsed and
    checked from identical bytes; the result is the same with or without it.
    """
    if not folder.is_dir():
        raise ShowcaseDataError(folder, [Problem(str(folder), "(目录)", "missing-folder", "数据目录不存在")])
    reader = _Reader(folder, cache or ParseCache(None, ""))

    stats_path = folder / "stats.yaml"
    stats = None
    if stats_path.is_file():
        stats = reader.read(stats_path, "stats.yaml", lambda data: formats.STATS(data, "stats.yaml", ""), set())
    else:
        reader.problems.append(Problem("stats.yaml", "(文件)", "missing-file", "缺少 stats.yaml"))

    failed: dict[str, set[str]] = {name: set() for name in DATA_SUBFOLDERS}  # a folder not listed there: KeyError
    proposals, tombstones = _load_proposals(folder, vocabulary, reader, failed["proposals"])
    stories = _load_each(
        folder, "stories", formats.story(vocabulary), "id",
        lambda data: Story.from_yaml(data, vocabulary), reader, failed["stories"],
    )  # fmt: skip
    commendations = _load_each(
        folder, "commendations", formats.commendation_year(vocabulary), "year",
        lambda data: CommendationYear.from_yaml(data, vocabulary), reader, failed["commendations"],
    )  # fmt: skip
    sessions, session_tombstones = _load_sessions(folder, vocabulary, reader, failed["sessions"])
    problems = reader.problems + _links(proposals, stories, commendations, failed)
    problems += _session_links(sessions, {p.id for p in proposals} | failed["proposals"])
    reader.cache.save()

    if problems:
        raise ShowcaseDataError(folder, problems)
    showcase = Showcase(
        vocabulary=vocabulary,
        stats=stats,
        proposals=tuple(sorted(proposals, key=lambda p: (p.received, p.id), reverse=True)),
        tombstones=tuple(sorted(tombstones, key=lambda t: t.id)),
        stories=tuple(sorted(stories, key=lambda s: (s.published_on, s.id), reverse=True)),
        commendations=tuple(sorted(commendations, key=lambda c: c.year, reverse=True)),
        sessions=tuple(sorted(sessions, key=lambda s: (s.held_on, s.id), reverse=True)),
        session_tombstones=tuple(sorted(session_tombstones, key=lambda t: t.id)),
        source=reader.source,
    )
    # Many pages depend on all stories and commendation years: fingerprint those tuples once.
    for group in (showcase.stories, showcase.commendations, showcase.sessions):
        reader.source.fingerprints.add(group, digest_text(reader.source.fingerprints.of(group)))
    return showcase
