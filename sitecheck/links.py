"""Every internal link and anchor resolves, and no file makes a request to
another host.

In every HTML file: each URL attribute (``href``, ``src``, ``srcset``,
``poster``, ``action``, ``formaction``, ``data``, ``xlink:href``) and each CSS
``url()``/``@import`` (``<style>``, ``style=""``); in every CSS file: each
``url()``/``@import``. An internal URL must name a file of the site, and its
``#fragment`` an ``id`` (or ``<a name>``) of the target page. An external URL
is a finding, except an ``https:`` link (``<a href>``) inside a story's text
(``class="story-body"``): the only place a page may link to another site.
``mailto:``, ``tel:`` and ``data:`` are skipped; ``javascript:`` is a finding.

Pages are read with the standard library's HTML parser (fast, keeps line
numbers); the HTML itself is judged by the ``html`` check."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .findings import Finding, line
from .site import EXTERNAL, INTERNAL, UNSAFE, Site

URL_ATTRIBUTES = ("href", "src", "poster", "action", "formaction", "data", "xlink:href")
SRCSET_ATTRIBUTES = ("srcset", "imagesrcset")
EXTERNAL_LINKS_ALLOWED_IN = "story-body"  # the class of a story's sanitised Markdown text
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""")


@dataclass
class Reference:
    url: str
    line: int
    what: str  # "<a href>", "CSS url()" ...
    external_allowed: bool = False


@dataclass
class Page:
    anchors: set[str] = field(default_factory=set)
    references: list[Reference] = field(default_factory=list)


class _Reader(HTMLParser):
    """Collects the anchors and the URL references of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open: list[tuple[str, bool]] = []  # (tag, opens a story body)

    def _in_story_body(self) -> bool:
        return any(story for _, story in self.open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        number = self.getpos()[0]
        if "id" in values:
            self.page.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.anchors.add(values["name"])
        allowed = tag == "a" and self._in_story_body()
        for name in URL_ATTRIBUTES:
            if name in values and not (name == "data" and tag != "object"):
                self.page.references.append(Reference(values[name], number, f"<{tag} {name}>", allowed))
        for name in SRCSET_ATTRIBUTES:
            for candidate in values.get(name, "").split(","):
                if candidate.strip():
                    url = candidate.split()[0]
                    self.page.references.append(Reference(url, number, f"<{tag} {name}>"))
        if "style" in values:
            self.page.references += css_references(values["style"], number, f"<{tag} style>")
        if tag not in VOID:
            story = EXTERNAL_LINKS_ALLOWED_IN in (values.get("class") or "").split()
            self.open.append((tag, story))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.open and self.open[-1][0] == tag:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1][0] == "style":
            self.page.references += css_references(data, self.getpos()[0], "<style> url()")


def css_references(css: str, first_line: int = 1, what: str = "CSS url()") -> list[Reference]:
    found = []
    for match in CSS_URL.finditer(css):
        url = next(group for group in match.groups() if group is not None)
        if url and not url.startswith("#"):  # url(#id) is an SVG reference inside the same document
            found.append(Reference(url, first_line + css.count("\n", 0, match.start()), what))
    return found


def read_page(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.page


def check(site: Site) -> list[Finding]:
    findings: list[Finding] = []
    pages: dict[Path, Page] = {}
    for path in site.files(".html", ".htm"):
        try:
            pages[path] = read_page(path)
        except (OSError, UnicodeDecodeError) as error:
            findings.append(Finding(site.name(path), "", "unreadable", f"无法读取页面（{type(error).__name__}）"))
    sheets: dict[Path, list[Reference]] = {}
    for path in site.files(".css"):
        try:
            sheets[path] = css_references(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            findings.append(Finding(site.name(path), "", "unreadable", f"无法读取样式表（{type(error).__name__}）"))
    for path, references in [*((p, page.references) for p, page in pages.items()), *sheets.items()]:
        for reference in references:
            problem = judge(site, path, reference, pages)
            if problem:
                findings.append(Finding(site.name(path), line(reference.line), *problem))
    return findings


def judge(site: Site, path: Path, reference: Reference, pages: dict[Path, Page]) -> tuple[str, str] | None:
    """(code, message) of what is wrong with one reference, or None."""
    url, what = reference.url, reference.what
    target = site.resolve(url, path)
    if target.kind == UNSAFE:
        return "scheme", f"{what} 使用了不允许的协议：{url}"
    if target.kind == EXTERNAL:
        if reference.external_allowed and url.strip().lower().startswith("https://"):
            return None
        return (
            "external",
            f"{what} 引用了其他网站的地址：{url}（本站不得向其他主机发起请求，外部链接只能出现在成果案例正文中）",
        )
    if target.kind != INTERNAL:
        return None
    if target.file is None:
        return "broken", f"{what} 指向站点以外：{url}"
    if not target.exists:
        return "broken", f"{what} 指向不存在的文件：{url}"
    fragment = target.fragment
    page = pages.get(target.file)
    if not fragment or page is None or fragment.lower() == "top" or fragment.startswith(":~:"):
        return None
    if fragment not in page.anchors:
        return "anchor", f"{what} 的锚点不存在：{url}（目标页面没有 id=“{fragment}”）"
    return None
