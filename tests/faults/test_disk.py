"""A full or read-only disk: exit 1, a Chinese message naming the folder, no
traceback, the old DATA intact, nothing left in the work folder.

The real cases mount a small tmpfs as DATA's parent (root only; CI runs as
root); without mount permission they are skipped with that reason and only
the injected errors (SHOWCASE_FAULT_ERRNO) run."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from exports import tree

from .harness import Case, export

PAGE = 4096


def mount(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["mount", *args], capture_output=True, text=True, timeout=60)


@pytest.fixture
def tmpfs(tmp_path):
    """A tmpfs of its own (DATA's parent), unmounted afterwards."""
    point = tmp_path / "disk"
    point.mkdir()
    mounted = mount("-t", "tmpfs", "-o", "size=64m,mode=0755", "tmpfs", str(point))
    if mounted.returncode != 0:
        pytest.skip(
            f"mount -t tmpfs is not permitted here ({mounted.stderr.strip()}): the real full and read-only "
            "disk tests did not run, only the injected ENOSPC/EROFS ones"
        )
    yield point
    subprocess.run(["umount", "--lazy", str(point)], check=True, timeout=60)


def used(folder: Path) -> int:
    stat = os.statvfs(folder)
    return (stat.f_blocks - stat.f_bfree) * stat.f_frsize


def assert_failed_cleanly(result, message: str, data: Path, old: dict) -> None:
    assert result.returncode == 1, result.stderr
    assert message in result.stderr, result.stderr
    assert "公开数据保持原样，未写入任何文件" in result.stderr
    assert "Traceback" not in result.stderr and "内部错误" not in result.stderr
    assert result.stdout == ""
    assert tree(data) == old
    work = data.parent / f".{data.name}.work"
    assert not work.exists() or sorted(p.name for p in work.iterdir()) in ([".gitignore"], [".gitignore", "lock"])
    assert sorted(p.name for p in data.parent.iterdir() if p.name != ".public.work") == ["public"]


def test_a_full_disk_fails_cleanly_and_the_next_export_succeeds(trees, tmpfs, tmp_path):
    data = tmpfs / "public"
    shutil.copytree(trees.source, data)
    room = used(tmpfs) + used(tmpfs) // 3 // PAGE * PAGE  # the old tree fits; old + new does not
    assert mount("-o", f"remount,size={room}", str(tmpfs)).returncode == 0
    failed = export(data, tmp_path / "audit")
    assert_failed_cleanly(failed, f"导出失败：磁盘已满：无法写入 {data}。请清理磁盘空间后重新导出", data, trees.old)
    assert mount("-o", "remount,size=64m", str(tmpfs)).returncode == 0
    again = export(data, tmp_path / "audit")
    assert again.returncode == 0, again.stderr
    assert "没有正常结束" not in again.stderr  # the failed run let go of its lock cleanly
    assert tree(data) == trees.new


def test_a_read_only_disk_fails_cleanly(trees, tmpfs, tmp_path):
    data = tmpfs / "public"
    shutil.copytree(trees.source, data)
    assert mount("-o", "remount,ro", str(tmpfs)).returncode == 0
    failed = export(data, tmp_path / "audit")
    assert_failed_cleanly(failed, f"导出失败：{data} 是只读的", data, trees.old)


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("write:ENOSPC", "导出失败：磁盘已满：无法写入 {data}。"),
        ("fsync-file:{work}:ENOSPC", "导出失败：磁盘已满：无法写入 {data}。"),  # the staged files' sync
        ("fsync-file:ENOSPC", "导出失败：磁盘已满：无法写入 {audit}。"),  # the audit report's, first synced
        ("write:EROFS", "导出失败：{data} 是只读的"),
        ("exchange:EROFS", "导出失败：{data} 是只读的"),
        ("fsync-dir:{work}:EIO", "导出失败：无法写入 {data}：Input/output error（EIO）"),
        ("rename:ENOSPC", "导出失败：磁盘已满：无法写入 {audit}。"),  # the audit report's, before the swap
    ],
)
def test_an_injected_io_error_fails_cleanly(trees, tmp_path, fault, message):
    case = Case(tmp_path, trees)
    failed = case.export(ERRNO=fault.format(work=case.data.parent / ".public.work"))
    assert_failed_cleanly(failed, message.format(data=case.data, audit=case.audit), case.data, trees.old)
    assert case.strays() == []
