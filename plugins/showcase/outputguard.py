"""One build at a time per output folder, and what a killed build left is never trusted.

The lock (``durable/lock.py``: ``flock`` on ``<parent>/.<output>.work/lock``) is
taken at Pelican's ``initialized`` signal, before anything is read or written,
and released after the last ``finalized`` receiver (sitemap, Pagefind) ran. A
second build on the same output folder is refused with the holder's pid; it
does not wait (a forgotten second build should fail at once, not hang a CI
job). A build that fails or is killed keeps the lock file filled in; the next
build takes over (the kernel released the ``flock``) and says so. What that
build may have left half-done is handled where it happens: the writer's
manifest records its intent before the first output is touched
(``writer.py``), the Pagefind stamp is removed before Pagefind runs
(``search.py``), and every cache file proves it is whole (``cachefile.py``).
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from . import bytecode
from .shared import project_package

lock = project_package("durable", "lock")
logger = logging.getLogger(__name__)

WHAT = "构建网站"
_TEMPORARY = re.compile(r"^\..+\.(\d+)\.tmp$")  # files.atomic_write's temporary files: .<name>.<pid>.tmp
_held: dict[str, object] = {}  # output folder → the lock this process holds on it


class OutputBusy(Exception):
    """Another live build holds the output folder."""


def per_output_cache(settings: dict) -> Path | None:
    """Where a build keeps what it knows of its output folder (manifest, Pagefind stamp).
    None without a cache, and for a build that empties its output first (``make publish``):
    there is nothing to reuse, and a staging folder's files would pile up in the cache."""
    value = settings.get("SHOWCASE_CACHE")
    if not value or settings.get("DELETE_OUTPUT_DIRECTORY"):
        return None
    return Path(value).expanduser().resolve()


def hold(pelican) -> None:
    """``initialized`` (and ``get_generators``, for ``pelican --autoreload``'s later runs)
    receiver: take the output folder's lock, or refuse the build. Holding it already (this
    run, or an earlier run in this process that failed) is enough."""
    output = Path(pelican.output_path).resolve()
    if str(output) in _held:
        return
    try:
        held = lock.acquire(output, WHAT)
    except lock.Busy as busy:
        raise OutputBusy(
            f"输出目录 {output} 正在被另一次构建使用（{busy.holder or '另一个进程'}）：本次构建不运行。"
            "请等它结束后再运行；若那个进程已不存在，直接重新运行即可。"
        ) from None
    _held[str(output)] = held
    if held.stale:
        logger.warning(
            "上一次构建 %s 没有正常结束（%s，被终止或失败）：它写了一半的页面和缓存不会被信任，本次会重新生成。",
            output,
            held.stale,
        )
    cache = settings_cache(pelican.settings)
    if cache is not None:
        _remove_dead_temporaries(cache)
    bytecode.install(pelican.settings, cache)


def release(pelican) -> None:
    """Last ``finalized`` receiver: the build ended normally."""
    held = _held.pop(str(Path(pelican.output_path).resolve()), None)
    if held is not None:
        held.release()


def settings_cache(settings: dict) -> Path | None:
    value = settings.get("SHOWCASE_CACHE")
    return Path(value).expanduser().resolve() if value else None


def _remove_dead_temporaries(cache: Path) -> None:
    """Temporary cache files of killed builds (a live build's, even on another output, stay)."""
    if not cache.is_dir():
        return
    for path in cache.iterdir():
        found = _TEMPORARY.match(path.name)
        if found and not _alive(int(found.group(1))):
            path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
