"""Compiled templates kept in the build cache (``<cache>/jinja/``), never trusted when damaged.

Jinja's ``FileSystemBytecodeCache`` writes atomically and drops a file with a
wrong header or a bad code object, but a file cut short inside the source
checksum (a truncated pickle) or garbage after the header raises, and that
would fail the build. Here any file that does not load is treated as missing:
the template is compiled again from its source and the file rewritten.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

logger = logging.getLogger(__name__)
FOLDER = "jinja"


class CheckedBytecodeCache(FileSystemBytecodeCache):
    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # any unreadable file is no file
            logger.warning("模板缓存文件 %s 已损坏：忽略，重新编译", self._get_cache_filename(bucket))
            bucket.reset()


def install(settings: dict, cache: Path | None) -> None:
    """Give Pelican's Jinja environment the checked bytecode cache (before generators exist)."""
    if cache is None:
        return
    folder = cache / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    environment = dict(settings.get("JINJA_ENVIRONMENT") or {})
    environment["bytecode_cache"] = CheckedBytecodeCache(str(folder))
    settings["JINJA_ENVIRONMENT"] = environment
