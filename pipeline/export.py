"""Export: published records -> one YAML file each under DATA, swapped in
atomically. The new tree is written to a staging folder in DATA's work folder
(`.<name>.work/`, which git ignores by itself), checked, made durable and only
then exchanged with DATA, so a refusal, an I/O error or a kill leaves the
previous DATA as it was (or, after the exchange, the complete new one)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from durable import files as durable_files
from durable import folders
from durable.faults import point

from . import yamlio


def read_previous_records(data_dir: Path) -> dict[str, dict[str, dict]]:
    """The proposal, story and session records the last export wrote, by folder and
    file name: {"proposals": {id: record}, "stories": {id: record}, "sessions": ...}. Their
    statuses drive the tombstones; their dates are kept (`public_records.stamp`)."""
    found: dict[str, dict[str, dict]] = {"proposals": {}, "stories": {}, "sessions": {}}
    for subfolder, records in found.items():
        folder = Path(data_dir) / subfolder
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
            record = yamlio.load(path.read_text(encoding="utf-8"))
            if isinstance(record, dict):
                records[path.stem] = record
    return found


def statuses(proposals: dict[str, dict]) -> dict[str, str]:
    """Public id -> status of each previous proposal file."""
    return {pid: str(record["status"]) for pid, record in proposals.items() if "status" in record}


def read_previous(data_dir: Path) -> dict[str, str]:
    """Public id -> status of each proposal file the last export wrote."""
    return statuses(read_previous_records(data_dir)["proposals"])


def layout(
    proposals: dict[str, dict],
    stories: dict[str, dict],
    commendations: dict[int, dict],
    stats: dict,
    sessions: dict[str, dict] | None = None,
) -> dict[str, object]:
    """Relative path -> record, one file per record so a commit shows exactly
    which records changed."""
    files: dict[str, object] = {f"proposals/{pid}.yaml": record for pid, record in proposals.items()}
    files.update({f"stories/{sid}.yaml": record for sid, record in stories.items()})
    files.update({f"commendations/{year}.yaml": record for year, record in commendations.items()})
    files.update({f"sessions/{sid}.yaml": record for sid, record in (sessions or {}).items()})
    files["stats.yaml"] = stats
    return dict(sorted(files.items()))


def write_tree(
    data_dir: Path,
    files: dict[str, object],
    verify: Callable[[Path], list] | None = None,
    before_swap: Callable[[], None] | None = None,
) -> list:
    """Write the files to a staging tree in DATA's work folder; if `verify`
    (the leak scan) finds nothing there, run `before_swap` and put the tree in
    DATA's place in one atomic step (durable/folders.py). -> what verify found
    (nothing written then). Call it holding DATA's lock."""
    data_dir = Path(data_dir).absolute()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = folders.staging_folder(data_dir)
    try:
        for relative, record in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            # Made durable all at once by folders.replace, before the exchange.
            durable_files.write_file(path, yamlio.dump(record).encode("utf-8"), sync=False)
        point("step:leak-scan")
        found = verify(staging) if verify else []
        if found:
            shutil.rmtree(staging)
            return found
        if before_swap:
            before_swap()
        point("step:before-swap")
        folders.replace(staging, data_dir)
        point("step:after-swap")
        return []
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
