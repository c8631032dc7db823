"""Export: published records -> one YAML file each under DATA, swapped in
atomically. The new tree is written to a temporary sibling folder and only
then put in place, so a refusal or a crash leaves the previous DATA as it
was."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

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


def write_tree(data_dir: Path, files: dict[str, object], verify: Callable[[Path], list] | None = None) -> list:
    """Write the files to a staging folder; if `verify` (the leak scan) finds
    nothing there, swap it in. -> what verify found (nothing written then)."""
    data_dir = Path(data_dir).resolve()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}.new-", dir=data_dir.parent))
    try:
        for relative, record in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(yamlio.dump(record))
        found = verify(staging) if verify else []
        if found:
            shutil.rmtree(staging)
            return found
        swap(staging, data_dir)
        return []
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def swap(staging: Path, data_dir: Path) -> None:
    """Two renames on one file system; the old tree is removed last."""
    os.chmod(staging, 0o755)  # mkdtemp makes it private; published data is not
    if not data_dir.exists():
        os.rename(staging, data_dir)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}.old-", dir=data_dir.parent))
    os.rmdir(retired)
    os.rename(data_dir, retired)
    try:
        os.rename(staging, data_dir)
    except BaseException:
        os.rename(retired, data_dir)
        raise
    shutil.rmtree(retired)
