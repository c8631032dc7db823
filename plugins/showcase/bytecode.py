"""Compiled templates kept in the build cache (``<cache>/jinja/``), never trusted when damaged.

Jinja's ``FileSystemBytecodeCache`` writes atomically and drops a file with a
wrong header or a bad code object, but a file cut short inside the source
checksum (a truncated pickle) or garbage after the header raises, and that
would fail the build. Here any file that does not load is treated as missing:
the template is compiled again from its source and the file rewritten. The files are keyed
by the plugin's code too: a filter that starts taking the page's context (``pass_context``)
changes how templates that call it compile.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from .fingerprint import digest_files

logger = logging.getLogger(__name__)
FOLDER = "jinja"


class CheckedBytecodeCache(FileSystemBytecodeCache):
    def __init__(self, directory: str, salt: str = ""):
        super().__init__(directory)
        self.salt = salt

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        # Compiled code depends on the filters too (whether one takes the context is decided when
        # the template is compiled): code compiled against another version of the plugin is not reused.
        return hashlib.sha1(f"{self.salt}|{super().get_cache_key(name, filename)}".encode()).hexdigest()

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
    from .inputs import PLUGIN_FOLDER

    salt = digest_files(sorted(PLUGIN_FOLDER.rglob("*.py")), PLUGIN_FOLDER)
    environment["bytecode_cache"] = CheckedBytecodeCache(str(folder), salt)
    settings["JINJA_ENVIRONMENT"] = environment
