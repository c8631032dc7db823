"""DATA's lock, the repair of what a killed export left, and what staff are
told when DATA (or the audit folder) cannot be written.

One export at a time per DATA: a second one is refused at once, naming the
holder (docs/decisions.md, "Durability and locking"). Messages are in
Chinese and name folders only, never a file's contents."""

from __future__ import annotations

import errno
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from durable import folders, lock
from durable.faults import point

FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
DENIED = frozenset({errno.EACCES, errno.EPERM})


class WriteFailed(Exception):
    """The export stopped cleanly (nothing published); the message says why, for staff."""


def failure(error: OSError, folder: Path) -> str:
    """A staff message for an I/O error while writing `folder` (never its file names)."""
    if error.errno in FULL:
        why = f"磁盘已满：无法写入 {folder}。请清理磁盘空间后重新导出"
    elif error.errno == errno.EROFS:
        why = f"{folder} 是只读的（所在磁盘以只读方式挂载），无法写入。请换一个可写的位置，或请技术人员处理"
    elif error.errno in DENIED:
        why = f"没有写入 {folder} 的权限。请检查文件夹的权限，或请技术人员处理"
    else:
        name = errno.errorcode.get(error.errno or 0, type(error).__name__)
        why = f"无法写入 {folder}：{error.strerror or '读写错误'}（{name}）。请把这条信息发给技术人员"
    return f"导出失败：{why}。公开数据保持原样，未写入任何文件。"


def say(message: str) -> None:
    print(message, file=sys.stderr)


def tell_recovered(out: Path, held: lock.Lock, found: folders.Recovered) -> None:
    if held.stale:
        say(f"注意：上一次导出没有正常结束（{held.stale}），已接管它留下的锁。")
    if found.restored:
        say(f"注意：上一次导出在替换 {out} 的途中中断，已恢复它之前的公开数据。")
    if found.removed:
        names = "、".join(path.name for path in found.removed)
        say(f"注意：已清理上一次导出中断后留下的 {len(found.removed)} 个临时文件夹（{names}）。")


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold DATA's lock for the whole export, after repairing what a killed
    run left. A clean end or a clean failure (`WriteFailed`) releases it; an
    unexpected error leaves its mark, as a kill does."""
    try:
        held = lock.acquire(out, "导出")
    except lock.Busy as busy:
        raise WriteFailed(
            f"导出被拒绝：{out} 正在被另一次导出使用（{busy.holder or '另一个进程'}），未做任何改动。"
            "请等它结束后再运行；如果确认没有其他导出在运行，请联系技术人员。"
        ) from None
    except OSError as error:
        raise WriteFailed(failure(error, out)) from None
    try:
        point("step:lock")
        try:
            found = folders.recover(out)
        except OSError as error:
            raise WriteFailed(failure(error, out)) from None
        tell_recovered(out, held, found)
        yield
    except WriteFailed:
        held.release()
        raise
    except BaseException:
        held.abandon()
        raise
    held.release()
