"""The order of the writes and syncs of an export (from a traced run): every
staged file is written and fsynced, and every staged folder fsynced, before
the exchange that publishes them; DATA's parent folder is fsynced after it."""

from __future__ import annotations

from pathlib import PurePosixPath

from .harness import Case, trace


def test_staged_data_is_durable_before_the_exchange_and_the_exchange_after(trees, tmp_path):
    case = Case(tmp_path, trees)
    points = trace(case.data, case.audit, case.folder)
    position = {name: i for i, name in enumerate(points)}  # the last time each point was reached
    exchange = next(i for i, name in enumerate(points) if name.startswith("exchange:"))
    work = PurePosixPath(case.data.parent / ".public.work")
    written = [PurePosixPath(name.partition(":")[2]) for name in points if name.startswith("write:")]
    staged = [path for path in written if work in path.parents]
    staging = work / staged[0].relative_to(work).parts[0]  # work/new-XXXX
    assert all(staging in path.parents for path in staged)
    assert len(staged) == len(trees.new)
    folders = {parent for path in staged for parent in path.parents if parent == staging or staging in parent.parents}
    assert {str(folder.relative_to(staging)) for folder in folders} == {
        ".",
        "proposals",
        "stories",
        "commendations",
        "sessions",
    }
    late = [
        f"{what}:{path}"
        for path in staged
        for what in ("write", "fsync-file")
        if position.get(f"{what}:{path}", len(points)) > exchange
    ]
    late += [f"fsync-dir:{folder}" for folder in folders if position.get(f"fsync-dir:{folder}", len(points)) > exchange]
    assert late == []
    # Each file's data is synced after it was written, each folder after its last new entry.
    assert all(position[f"fsync-file:{path}"] > position[f"write:{path}"] for path in staged)
    assert all(
        position[f"fsync-dir:{folder}"] > max(position[f"write:{path}"] for path in staged if folder in path.parents)
        for folder in folders
    )
    after = points[exchange + 1 :]
    assert f"fsync-dir:{case.data.parent}" in after  # the exchange itself is durable
    assert after.index(f"fsync-dir:{case.data.parent}") < after.index(f"remove-old:{case.data}")
