"""durable/: atomic writes, the folder exchange and its fallback, recovery of
what a killed run left, the per-folder lock, and the fault points themselves
(those in a child process: they read their variables once, at import)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from exports import tree

from durable import files, folders, lock

ROOT = Path(__file__).resolve().parents[1]


def make(folder: Path, content: dict[str, str]) -> Path:
    for relative, text in content.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def as_bytes(content: dict[str, str]) -> dict[str, bytes]:
    return {k: v.encode() for k, v in content.items()}


OLD = {"a.yaml": "old\n", "sub/b.yaml": "old b\n"}
NEW = {"a.yaml": "new\n", "c/d.yaml": "d\n"}


# --- files ------------------------------------------------------------------------


def test_atomic_write_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    files.atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_a_failed_atomic_write_keeps_the_old_file_and_removes_the_temporary(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")

    def full(*_):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "replace", full)
    with pytest.raises(OSError):
        files.atomic_write(target, b"new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    first, second = make(tmp_path / "one", OLD), make(tmp_path / "two", NEW)
    files.exchange(first, second)
    assert tree(first) == as_bytes(NEW) and tree(second) == as_bytes(OLD)


def test_sync_tree_reaches_every_file_and_folder(tmp_path):
    make(tmp_path / "t", {**OLD, **NEW})
    files.sync_tree(tmp_path / "t")  # fsync of each: no error on files, nested folders, the root


# --- folders ------------------------------------------------------------------------


def test_the_work_folder_ignores_itself_and_repairs_an_empty_ignore_file(tmp_path):
    work = folders.work_folder(tmp_path / "public")
    assert work == tmp_path / ".public.work"
    assert (work / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    (work / ".gitignore").write_text("", encoding="utf-8")  # as a kill while writing it would leave it
    folders.work_folder(tmp_path / "public")
    assert (work / ".gitignore").read_text(encoding="utf-8") == folders.IGNORE_ALL


def test_replace_puts_a_new_tree_in_place_of_the_old_one(tmp_path):
    target = make(tmp_path / "public", OLD)
    staging = make(folders.staging_folder(target), NEW)
    assert oct(staging.stat().st_mode & 0o777) == "0o755"
    folders.replace(staging, target)
    assert tree(target) == as_bytes(NEW)
    assert sorted(p.name for p in (tmp_path / ".public.work").iterdir()) == [".gitignore"]


def test_replace_creates_a_missing_target(tmp_path):
    target = tmp_path / "public"
    folders.replace(make(folders.staging_folder(target), NEW), target)
    assert tree(target) == as_bytes(NEW)


def test_without_an_exchange_replace_falls_back_to_two_renames(tmp_path, monkeypatch):
    def unsupported(*_):
        raise OSError(errno.ENOSYS, "renameat2 is not available here")

    monkeypatch.setattr(folders, "exchange", unsupported)
    target = make(tmp_path / "public", OLD)
    folders.replace(make(folders.staging_folder(target), NEW), target)
    assert tree(target) == as_bytes(NEW)
    assert sorted(p.name for p in (tmp_path / ".public.work").iterdir()) == [".gitignore"]


def test_another_exchange_error_is_raised_and_the_old_tree_stays(tmp_path, monkeypatch):
    def read_only(*_):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(folders, "exchange", read_only)
    target = make(tmp_path / "public", OLD)
    with pytest.raises(OSError) as raised:
        folders.replace(make(folders.staging_folder(target), NEW), target)
    assert raised.value.errno == errno.EROFS
    assert tree(target) == as_bytes(OLD)


def test_recover_finds_nothing_after_a_clean_run(tmp_path):
    target = make(tmp_path / "public", OLD)
    found = folders.recover(target)
    assert not found and found.removed == [] and found.restored is None


def test_recover_removes_staging_trees_of_both_layouts(tmp_path):
    target = make(tmp_path / "public", OLD)
    work = folders.work_folder(target)
    left = [make(work / "new-abc", NEW), make(tmp_path / ".public.new-x1y2", NEW), make(work / "old-def", OLD)]
    (tmp_path / ".other.new-zz").mkdir()  # another folder's: not ours to remove
    found = folders.recover(target)
    assert sorted(found.removed) == sorted(left) and found.restored is None
    assert not any(path.exists() for path in left)
    assert tree(target) == as_bytes(OLD)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.new-zz", ".public.work", "public"]


@pytest.mark.parametrize("retired", [".public.work/old-abc", ".public.old-abc"])
def test_recover_puts_the_old_tree_back_when_the_target_is_missing(tmp_path, retired):
    target = tmp_path / "public"
    make(tmp_path / retired, OLD)
    staged = make(folders.work_folder(target) / "new-xyz", NEW)  # complete, but never swapped in
    found = folders.recover(target)
    assert found.restored == tmp_path / retired and found.removed == [staged]
    assert tree(target) == as_bytes(OLD)


# --- lock --------------------------------------------------------------------------------


def test_a_held_lock_refuses_a_second_holder_and_names_the_first(tmp_path):
    with lock.acquire(tmp_path / "public", "导出") as held:
        assert held.stale == ""
        with pytest.raises(lock.Busy) as busy:
            lock.acquire(tmp_path / "public", "构建")
    assert busy.value.folder == tmp_path / "public"
    assert busy.value.holder.startswith(f"进程 {os.getpid()}（导出，开始于 20")
    again = lock.acquire(tmp_path / "public", "导出")  # released: free again, and nothing stale
    assert again.stale == ""
    again.release()


def test_a_holder_that_did_not_end_normally_is_reported_as_stale(tmp_path):
    with pytest.raises(RuntimeError), lock.acquire(tmp_path / "public", "导出"):
        raise RuntimeError("failed")
    taken = lock.acquire(tmp_path / "public", "导出")
    assert taken.stale.startswith(f"进程 {os.getpid()}（导出")
    taken.release()


def test_the_lock_of_a_killed_process_is_free_and_stale(tmp_path):
    code = "import sys, os; from durable import lock; lock.acquire(sys.argv[1], '导出'); os.kill(os.getpid(), 9)"
    child = subprocess.run([sys.executable, "-c", code, str(tmp_path / "public")], cwd=ROOT, timeout=60)
    assert child.returncode == -9
    taken = lock.acquire(tmp_path / "public", "导出")
    assert taken.stale.startswith("进程 ") and f"进程 {os.getpid()}" not in taken.stale
    taken.release()


# --- faults -------------------------------------------------------------------------------

POINTS = "from durable.faults import point\nfor name in ('step:a', 'write:x', 'write:y', 'step:b'):\n    point(name)\n"


def points(tmp_path: Path, **variables: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHOWCASE_FAULT_")}
    env |= {f"SHOWCASE_FAULT_{k}": v for k, v in variables.items()}
    return subprocess.run([sys.executable, "-c", POINTS], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_fault_points_trace_kill_and_fail_on_request(tmp_path):
    trace = tmp_path / "trace"
    assert points(tmp_path, TRACE=str(trace)).returncode == 0
    assert trace.read_text(encoding="utf-8").splitlines() == ["step:a", "write:x", "write:y", "step:b"]
    trace.unlink()
    assert points(tmp_path, TRACE=str(trace), KILL="3").returncode == -9
    assert trace.read_text(encoding="utf-8").splitlines() == ["step:a", "write:x", "write:y"]
    failed = points(tmp_path, ERRNO="write:ENOSPC")
    assert failed.returncode == 1 and "OSError: [Errno 28] No space left on device: 'x'" in failed.stderr
    assert points(tmp_path).returncode == 0  # no variable: no fault


def test_a_paused_point_waits_for_the_resume_file(tmp_path):
    resume = tmp_path / "go"
    env = {**os.environ, "SHOWCASE_FAULT_PAUSE": "write:", "SHOWCASE_FAULT_RESUME": str(resume)}
    env["SHOWCASE_FAULT_TRACE"] = str(tmp_path / "trace")
    child = subprocess.Popen([sys.executable, "-c", POINTS], cwd=ROOT, env=env)
    try:
        paused = tmp_path / "go.paused"
        while not paused.exists():
            assert child.poll() is None
            time.sleep(0.01)
        assert child.poll() is None  # still waiting at write:x
        assert (tmp_path / "trace").read_text(encoding="utf-8").splitlines() == ["step:a", "write:x"]
    finally:
        resume.touch()
    assert child.wait(timeout=60) == 0
    assert (tmp_path / "trace").read_text(encoding="utf-8").splitlines()[-1] == "step:b"
