"""Write the page sets, incrementally: render only what changed, rewrite nothing else.

Every page and file gets a key: the digest of the build's salt (plugin code,
theme, settings, vocabulary, hand-written content) and of what it declares it
depends on (``Page.depends``: records and plain values; ``None`` means the
whole data folder). A manifest in the cache folder remembers the key each
output was written with; an output whose key is unchanged and whose file is
still there is neither rendered nor written. Outputs of the previous build
that this build no longer produces are deleted, so the output folder never
keeps a stale page (Pelican's own pages and theme files are not ours to touch).

Rendering follows Pelican's writer (``Writer.write_file``): the same context
names (``SITEURL`` relative to the page, ``output_file``, ``localsiteurl``,
and for a paginated list ``<name>_page``, ``<name>_paginator``,
``<name>_previous_page``, ``<name>_next_page`` from Pelican's ``Paginator``).
Large builds render in forked worker processes, one per core.

A kill at any point must not leave an output that the next build trusts:
before the first output is touched, the manifest is rewritten (durably) with
every output this build will write or delete marked as unknown, so a build
killed half-way leaves a manifest that trusts only what it did not touch, and
that still lists every file it may have left behind (so a later build that
no longer makes one deletes it). The manifest also names the output folder
by its inode: a folder swapped in whole (``make publish``) or restored from
elsewhere is not the one the manifest describes, and nothing in it is trusted.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from pelican.paginator import Paginator
from pelican.utils import get_relative_path, path_to_url

from . import cachefile
from .editions import ORIGINAL_EDITION, Edition
from .fingerprint import Fingerprints, digest_text
from .forked import in_workers
from .pages import File, Page
from .shared import project_package

faults = project_package("durable", "faults")

NOINDEX = re.compile(r"""<meta\s+name=["']robots["']\s+content=["'][^"']*noindex""", re.IGNORECASE)
MANIFEST_VERSION = "2"  # the keys themselves carry the salt
UNKNOWN = [None, None]  # an output being written or deleted: never fresh
# save_as → [key or None, indexed or None]
VALID_MANIFEST = cachefile.mapping_of(
    cachefile.is_str,
    cachefile.pair_of(lambda key: key is None or isinstance(key, str), lambda i: i in (None, True, False), list),
)
PARALLEL_FROM = 400  # outputs to write before forking workers pays for itself (SHOWCASE_PARALLEL_FROM)


class Written(NamedTuple):
    """An HTML page of this build, for the sitemap: whether it may be indexed."""

    save_as: str  # where it is written: the edition's folder and ``path``
    context: dict
    indexed: bool
    path: str  # its place in its edition, the same in every edition
    edition: str  # the edition's language tag


def paginate(page: Page, settings: dict) -> list[Page]:
    """A page with a ``paginated`` list → one page per list page, as Pelican's writer cuts it."""
    templates = settings["PAGINATED_TEMPLATES"]
    if not page.paginated or page.template not in templates:
        return [page]
    per_page = templates[page.template] or settings["DEFAULT_PAGINATION"]
    if not per_page:  # as Pelican's Paginator: no page size, one page
        return [page]
    url = page.save_as.removesuffix("index.html")
    paginators = {k: Paginator(page.save_as, url, v, settings, per_page) for k, v in page.paginated.items()}
    count = next(iter(paginators.values())).num_pages
    cut = []
    for number in range(1, count + 1):
        context = dict(page.context)
        for name, paginator in paginators.items():
            context[f"{name}_paginator"] = paginator
            context[f"{name}_page"] = listed = paginator.page(number)
            context[f"{name}_previous_page"] = paginator.page(number - 1) if number > 1 else None
            context[f"{name}_next_page"] = paginator.page(number + 1) if number < count else None
        depends = None
        if page.depends is not None:  # the neighbours are only linked by number: their records do not count
            depends = (page.depends, number, count, [list(context[f"{name}_page"].object_list) for name in paginators])
        cut.append(replace(page, save_as=listed.save_as, context=context, paginated=None, depends=depends))
    return cut


def _known(context: dict | Callable[[], dict]) -> dict:
    """A page's context without making it: a lazy one is not known before rendering."""
    return {} if callable(context) else context


class IncrementalWriter:
    def __init__(
        self,
        output_path: Path,
        cache_folder: Path | None,
        salt: str,
        site: str,
        fingerprints: Fingerprints,
        editions: list[Edition] | None = None,
    ):
        self.output_path = output_path
        self.salt = salt
        self.site = site  # digest of the whole data folder: the input of a page without `depends`
        self.fingerprints = fingerprints
        self.editions = editions or [ORIGINAL_EDITION]
        self.manifest_path = None
        if cache_folder is not None:
            self.manifest_path = cache_folder / f"written-{digest_text(str(output_path.resolve()))[:16]}.pickle"
        output_path.mkdir(parents=True, exist_ok=True)
        self.manifest_salt = f"{MANIFEST_VERSION} {folder_identity(output_path)}"
        self.previous: dict[str, list] = self._read_manifest()
        self.current: dict[str, list] = {}
        self.rendered = 0
        self.parallel_from = PARALLEL_FROM

    def _read_manifest(self) -> dict[str, list]:
        return cachefile.read(self.manifest_path, self.manifest_salt, VALID_MANIFEST)

    def key(self, item: Page | File) -> str:
        inputs = self.site if item.depends is None else self.fingerprints.of(item.depends)
        template = item.template if isinstance(item, Page) else ""
        return digest_text(self.salt, type(item).__name__, item.save_as, template, inputs)

    def write(self, items: Iterable[Page | File], render: Callable[[Page, Edition], str]) -> list[Written]:
        """Write what changed of ``items``, in every edition; return every HTML page of the build, for the sitemap."""
        jobs: list[Job] = []  # the outputs to render and write
        pages: list[Job] = []  # every HTML page, for the sitemap
        for item in items:
            key = self.key(item)
            per_edition = isinstance(item, Page) or item.editions
            for edition in self.editions if per_edition else self.editions[:1]:
                if edition.original and isinstance(item, Page) and item.written_by_pelican:
                    continue
                save_as = edition.prefix + item.save_as
                if save_as in self.current:
                    raise ValueError(f"两个页面写到同一个文件：{save_as}")
                # The original edition keeps the item's key; the others are keyed by it and their code.
                output_key = key if edition.original else digest_text(key, edition.code)
                old = self.previous.get(save_as)
                fresh = old is not None and old[0] == output_key and os.path.isfile(f"{self.output_path}/{save_as}")
                self.current[save_as] = [output_key, old[1] if fresh else None]
                job = Job(save_as, item, edition)
                if not fresh:
                    jobs.append(job)
                if isinstance(item, Page) and save_as.endswith(".html"):
                    pages.append(job)
        stale = set(self.previous.keys() - self.current.keys())
        if jobs or stale:
            self._write_intent([job.save_as for job in jobs], stale)
        for save_as, indexed in _run(jobs, self.output_path, render, self.parallel_from):
            self.current[save_as][1] = indexed
        self.rendered = len(jobs)
        self._remove_stale(stale)
        self._write_manifest()
        return [
            Written(j.save_as, _known(j.item.context), bool(self.current[j.save_as][1]), j.item.save_as, j.edition.code)
            for j in pages
        ]

    def _remove_stale(self, stale: set[str]) -> None:
        for save_as in sorted(stale):
            faults.point(f"remove:{save_as}")
            path = self.output_path / save_as
            if path.is_file():
                path.unlink()
            for parent in path.parents:  # drop folders the removal left empty
                if parent == self.output_path or not parent.is_dir() or any(parent.iterdir()):
                    break
                parent.rmdir()

    def _write_intent(self, touched: list[str], stale: set[str]) -> None:
        """Before any output changes: distrust, durably, every output about to be written or deleted."""
        if self.manifest_path is None:
            return
        intent = {save_as: entry for save_as, entry in self.previous.items() if save_as not in stale}
        intent.update((save_as, UNKNOWN) for save_as in [*touched, *stale])
        cachefile.write(self.manifest_path, self.manifest_salt, intent, sync=True)
        self.previous = intent  # what the cache now says: the final manifest must replace it

    def _write_manifest(self) -> None:
        if self.manifest_path is None or self.current == self.previous:
            return
        cachefile.write(self.manifest_path, self.manifest_salt, self.current, sync=True)


def folder_identity(folder: Path) -> str:
    """Which folder this is (device and inode), not just where it is."""
    info = folder.stat()
    return f"{info.st_dev}:{info.st_ino}"


class Job(NamedTuple):  # a tuple: made for every output of every build
    """One output: an item of a page set in one edition."""

    save_as: str  # the edition's folder and the item's save_as
    item: Page | File
    edition: Edition


# The outputs of the running build, inherited by forked workers (see forked.py).
_jobs: list[Job] = []
_output: Path = Path()
_render: Callable[[Page, Edition], str] | None = None


def _run(
    jobs: list[Job], output_path: Path, render: Callable[[Page, Edition], str], parallel_from: int
) -> list[tuple[str, bool | None]]:
    global _jobs, _output, _render
    _jobs, _output, _render = jobs, output_path, render
    try:
        # Site-wide outputs (no `depends`) stay in this process, written while the workers write
        # the rest: they are few, and what they remember between builds (memo.py) would be lost
        # in a worker.
        here = [i for i, job in enumerate(jobs) if job.item.depends is None]
        there = [i for i, job in enumerate(jobs) if job.item.depends is not None]
        # A folder's outputs (a record's page and its citation files) go to one worker: it makes
        # the folder once, and works out the record's citation once (citation.py).
        folder = lambda index: os.path.dirname(jobs[index].save_as)  # noqa: E731
        return in_workers(_do, there, parallel_from, meanwhile=lambda: _do(here), group=folder)
    finally:
        _jobs, _render = [], None


def _do(indexes: Iterable[int]) -> list[tuple[str, bool | None]]:
    done = []
    folders: set[str] = set()  # a proposal's folder holds several outputs: make it once
    output = str(_output)
    for index in indexes:  # plain strings for paths: pathlib's objects cost more than the writes here
        job = _jobs[index]
        item, edition = job.item, job.edition
        path = f"{output}/{job.save_as}"
        folder = os.path.dirname(path)
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        if isinstance(item, Page):
            html = edition.convert(_render(item, edition))
            _write(path, job.save_as, html.encode("utf-8"))
            done.append((job.save_as, not NOINDEX.search(html)))
        else:
            content = item.content
            if callable(content):
                content = content(edition) if item.editions else content()
            if not isinstance(content, bytes):
                content = (edition.convert(content) if item.editions else content).encode("utf-8")
            _write(path, job.save_as, content)
            done.append((job.save_as, None))
    return done


def _write(path: str, save_as: str, data: bytes) -> None:
    """Write one output in place. The fault point sits half-way, where a kill leaves the
    worst case, a torn file; the manifest's intent (above) makes the next build redo it."""
    if not faults.ACTIVE:  # the hot path: one write, no copies, no Python file object
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            view = memoryview(data)
            while view:  # os.write may write less than asked
                view = view[os.write(descriptor, view) :]
        finally:
            os.close(descriptor)
        return
    with open(path, "wb") as stream:
        stream.write(data[: len(data) // 2])
        stream.flush()
        faults.point(f"output:{save_as}")
        stream.write(data[len(data) // 2 :])


def page_context(page: Page, context: dict, settings: dict, edition: Edition = ORIGINAL_EDITION) -> dict:
    """The template context of one page in one edition, as Pelican's writer builds it.

    ``SITEURL`` leads to the edition's own folder (its pages link each other), ``ROOTURL`` to the
    site root (the theme's files, the open data and the search index are one set);
    ``edition_path`` is the page's place in every edition (hreflang, the language switch)."""
    local = dict(context)
    local["localsiteurl"] = context.get("localsiteurl")
    save_as = edition.prefix + page.save_as
    root = context.get("SITEURL") or ""
    if settings["RELATIVE_URLS"] and not page.absolute_urls:
        root = local["localsiteurl"] = path_to_url(get_relative_path(save_as))
    local["ROOTURL"] = root
    local["SITEURL"] = f"{root.rstrip('/')}/{edition.prefix.rstrip('/')}" if edition.prefix else root
    local["output_file"] = save_as
    local["edition_path"] = page.save_as
    local.update(page.context() if callable(page.context) else page.context)
    if page.edition_context is not None:
        local.update(page.edition_context(edition))
    return local
