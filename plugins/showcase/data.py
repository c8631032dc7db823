"""Read the published data folder and the vocabulary, check them, build the models.

This is the only module that touches files. YAML is read with
``yaml.CSafeLoader`` (libyaml) and nothing else. All problems of all files are
collected first; if there is any, :class:`ShowcaseDataError` is raised with the
whole list, so the build fails once with every file and key named.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from . import formats
from .models import CommendationYear, Proposal, Showcase, Story, Tombstone
from .schema import Problem
from .vocabulary import VOCABULARY_SPEC, Vocabulary


class ShowcaseDataError(Exception):
    """The data folder (or the vocabulary) does not follow docs/published-data.md."""

    def __init__(self, folder: Path | str, problems: list[Problem]):
        self.folder = str(folder)
        self.problems = problems
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"发布数据不符合格式（{self.folder}），共 {len(problems)} 处问题：\n{lines}")


def read_yaml(path: Path, label: str) -> tuple[object, list[Problem]]:
    """Parse one file; a syntax or encoding error is a problem, not an exception."""
    try:
        text = path.read_text(encoding="utf-8")
        return yaml.load(text, Loader=yaml.CSafeLoader), []
    except UnicodeDecodeError as error:
        return None, [Problem(label, "(文件)", "not-utf8", f"不是 UTF-8 编码：{error}")]
    except yaml.YAMLError as error:
        return None, [Problem(label, "(文件)", "yaml-syntax", f"YAML 语法错误：{error}")]


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
    for path in sorted(directory.iterdir()):
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


def _load_proposals(folder, vocabulary, problems, failed):
    rule = formats.proposal(vocabulary)
    proposals, tombstones = [], []
    for path in _files(folder, "proposals", problems):
        label = f"proposals/{path.name}"
        data, found = read_yaml(path, label)
        withdrawn = isinstance(data, dict) and data.get("status") == "withdrawn"
        if not found:
            found = (formats.TOMBSTONE if withdrawn else rule)(data, label, "")
        if not found:
            found = _same_name(data, "id", path, label)
        if not found and not withdrawn:
            found = formats.proposal_consistency(data, vocabulary, label)
        problems += found
        if found:
            failed.add(path.stem)
        elif withdrawn:
            tombstones.append(Tombstone(data["id"]))
        else:
            proposals.append(Proposal.from_yaml(data, vocabulary))
    return proposals, tombstones


def _load_each(folder, subfolder, rule, key, build, problems, failed):
    records = []
    for path in _files(folder, subfolder, problems):
        label = f"{subfolder}/{path.name}"
        data, found = read_yaml(path, label)
        found = found or rule(data, label, "")
        found = found or _same_name(data, key, path, label)
        problems += found
        if found:
            failed.add(path.stem)
        else:
            records.append(build(data))
    return records


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


def load_showcase(folder: Path, vocabulary: Vocabulary) -> Showcase:
    """Read and check the whole data folder; raise :class:`ShowcaseDataError` on any problem."""
    if not folder.is_dir():
        raise ShowcaseDataError(folder, [Problem(str(folder), "(目录)", "missing-folder", "数据目录不存在")])
    problems: list[Problem] = []

    stats_path = folder / "stats.yaml"
    stats = None
    if stats_path.is_file():
        data, found = read_yaml(stats_path, "stats.yaml")
        found = found or formats.STATS(data, "stats.yaml", "")
        problems += found
        stats = None if found else data
    else:
        problems.append(Problem("stats.yaml", "(文件)", "missing-file", "缺少 stats.yaml"))

    failed: dict[str, set[str]] = {"proposals": set(), "stories": set(), "commendations": set()}
    proposals, tombstones = _load_proposals(folder, vocabulary, problems, failed["proposals"])
    stories = _load_each(
        folder, "stories", formats.story(vocabulary), "id",
        lambda data: Story.from_yaml(data, vocabulary), problems, failed["stories"],
    )  # fmt: skip
    commendations = _load_each(
        folder, "commendations", formats.commendation_year(vocabulary), "year",
        lambda data: CommendationYear.from_yaml(data, vocabulary), problems, failed["commendations"],
    )  # fmt: skip
    problems += _links(proposals, stories, commendations, failed)

    if problems:
        raise ShowcaseDataError(folder, problems)
    return Showcase(
        vocabulary=vocabulary,
        stats=stats,
        proposals=tuple(sorted(proposals, key=lambda p: (p.received, p.id), reverse=True)),
        tombstones=tuple(sorted(tombstones, key=lambda t: t.id)),
        stories=tuple(sorted(stories, key=lambda s: (s.published_on, s.id), reverse=True)),
        commendations=tuple(sorted(commendations, key=lambda c: c.year, reverse=True)),
    )


def data_files(folder: Path) -> list[tuple[str, bytes]]:
    """Every data file as (path relative to the folder, bytes), sorted: the open
    data's byte copies. Call after :func:`load_showcase` found no problem."""
    files = [("stats.yaml", (folder / "stats.yaml").read_bytes())]
    for subfolder in ("commendations", "proposals", "stories"):
        files += [(f"{subfolder}/{path.name}", path.read_bytes()) for path in _files(folder, subfolder, [])]
    return files
