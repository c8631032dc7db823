"""The built site as a folder of files, and what a URL written in one of its
files points to.

A URL is internal when it is relative (``../about/``), root-relative
(``/about/``) or under the site's own address (``SITEURL``, for a production
build with absolute URLs); it then resolves to a file of the site, a path
ending in ``/`` (or naming a folder) to that folder's ``index.html``. Any other
``scheme:`` or ``//host`` URL is external, except the schemes that make no
request (``mailto:``, ``tel:``, ``data:``); ``javascript:`` and ``vbscript:``
are unsafe. Browsers read ``\\`` as ``/`` and drop tabs and newlines in URLs,
so this does too (``/\\host`` is another host)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

SKIPPED_SCHEMES = frozenset({"mailto", "tel", "data"})
UNSAFE_SCHEMES = frozenset({"javascript", "vbscript"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_IGNORED_CHARACTERS = re.compile(r"[\t\n\r]")

INTERNAL, EXTERNAL, SKIPPED, UNSAFE = "internal", "external", "skipped", "unsafe"


@dataclass(frozen=True)
class Target:
    """What a URL points to. ``file`` (internal only) is the file it names,
    ``None`` when that is outside the site; ``exists`` whether it is there."""

    kind: str
    file: Path | None = None
    exists: bool = False
    fragment: str = ""


class Site:
    def __init__(self, root: Path, siteurl: str = "") -> None:
        self.root = Path(os.path.abspath(root))
        own = urlsplit(siteurl.strip().rstrip("/"))
        self.host = own.netloc.lower() if own.scheme in ("http", "https") else ""
        self.scheme = own.scheme.lower()
        self.base_path = own.path.rstrip("/")

    def name(self, path: Path) -> str:
        """The path inside the site, with "/"."""
        try:
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def files(self, *suffixes: str) -> list[Path]:
        """Every file of the site with one of these suffixes, sorted."""
        return sorted(p for p in self.root.rglob("*") if p.suffix.lower() in suffixes and p.is_file())

    def resolve(self, url: str, base: Path) -> Target:
        """What ``url``, written in the file ``base``, points to."""
        url = _IGNORED_CHARACTERS.sub("", url).strip(" \x00\x0c")
        cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
        url = url[:cut].replace("\\", "/") + url[cut:]
        scheme = _SCHEME.match(url)
        if scheme or url.startswith("//"):
            name = scheme[1].lower() if scheme else ""
            if name in SKIPPED_SCHEMES:
                return Target(SKIPPED)
            if name in UNSAFE_SCHEMES:
                return Target(UNSAFE)
            own = self._own_path(url, name)
            if own is None:
                return Target(EXTERNAL)
            url = own
        parts = urlsplit(url)
        fragment = unquote(parts.fragment)
        path = unquote(parts.path)
        if not path:
            return Target(INTERNAL, base, base.is_file(), fragment)
        start = self.root if path.startswith("/") else Path(os.path.abspath(base)).parent
        full = Path(os.path.normpath(start / path.lstrip("/")))
        if full != self.root and self.root not in full.parents:
            return Target(INTERNAL, None, False, fragment)
        if full.is_dir() or path.endswith("/"):
            full = full / "index.html"
        return Target(INTERNAL, full, full.is_file(), fragment)

    def _own_path(self, url: str, scheme: str) -> str | None:
        """The root-relative form of an absolute URL under SITEURL, else None."""
        if not self.host:
            return None
        parts = urlsplit(url)
        if parts.netloc.lower() != self.host or scheme not in ("", self.scheme):
            return None
        if parts.path != self.base_path and not parts.path.startswith(self.base_path + "/"):
            return None
        rest = parts.path[len(self.base_path) :] or "/"
        return rest + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
