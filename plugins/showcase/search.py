"""The search index: Pagefind's extended build, run at Pelican's ``finalized`` signal.

Every ``pelican`` build (``make html``, ``make publish``, CI) writes
``<output>/pagefind/``: the index and Pagefind's search scripts (``pagefind.js``,
its worker and WebAssembly), which the ``/search/`` page (``pages/search.py``,
template ``search.html``, ``theme/static/js/search.js``) loads. Pagefind's
ready-made interfaces are deleted from the bundle (``UNUSED_FILES``): the page
is our own, on Pagefind's JS API. Only
the *extended* binary (``pagefind[extended]``, package ``pagefind_bin_extended``)
segments Chinese, so it is the only one used: without it the build fails
rather than write an index that finds nothing for 电梯.

What is indexed is chosen by the templates: the ``data-pagefind-body`` region
of proposal and story pages (``proposal.html``, ``story.html``), minus what is
marked ``data-pagefind-ignore`` (timeline, related links, citation block).
Pagefind reads only ``proposals/*/index.html`` and ``stories/*/index.html``
(``GLOB``); a page there without the region (a withdrawn proposal) is left out.
Pagefind indexes every page *whole* when no page has the region, so the run is
checked: the index must hold exactly the pages that carry it, else the build
fails; a site without any such page gets no index (a warning). Pagefind
exiting non-zero fails the build too. ``<output>/pagefind/`` is deleted first,
so no fragment of an earlier build survives.

Chinese queries. Pagefind 1.5's ``pagefind.js`` (and its worker) splits a
Chinese query with the browser's ``Intl.Segmenter`` (ICU) before searching,
and ICU's dictionary disagrees with the one the index was segmented with: in
Chromium 加装电梯 and 营商环境 find nothing and 减负 finds one page of 13
(upstream issue Pagefind/pagefind#1237). Without that step Pagefind matches
the unsplit query against the indexed words itself, as 1.4 did, and finds them
all. So ``unsplit_chinese_queries`` edits the one expression that turns the
step on for ``zh`` in both files; if Pagefind's code changes, the edit finds
nothing and the build fails, so an upgrade cannot silently bring the step back.

Setting ``SHOWCASE_SEARCH`` (default True): False skips the index (tests that
do not search); ``/search/`` is still written. With a build cache
(``SHOWCASE_CACHE``) the index is kept when no page Pagefind reads changed.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import time
from pathlib import Path

from . import buildstamp, outputguard
from .editions import editions
from .fingerprint import digest_files, digest_text
from .shared import project_package

faults = project_package("durable", "faults")
files = project_package("durable", "files")

logger = logging.getLogger(__name__)

SETTING = "SHOWCASE_SEARCH"
BUNDLE = "pagefind"  # the bundle's folder in the output
INDEXED = ("proposals", "stories")  # in every edition's folder (editions.py): Pagefind keeps one index per <html lang>
BODY = "data-pagefind-body"
# The languages whose queries pagefind.js splits with Intl.Segmenter, with and without Chinese.
SPLIT_LANGUAGES = b'["zh","ja","th"].includes(primaryLang)'
SPLIT_LANGUAGES_BUT_CHINESE = b'["ja","th"].includes(primaryLang)'
SEARCH_SCRIPTS = ("pagefind.js", "pagefind-worker.js")
# Pagefind's ready-made interfaces and its highlighter: /search/ is our own page on pagefind.js
# (theme/js/search.js), so nothing loads these and they are not published.
UNUSED_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(Exception):
    """Pagefind is missing, failed, or indexed other pages than the marked ones."""


def executable() -> Path:
    """The extended Pagefind binary of the ``pagefind[extended]`` package."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as error:
        raise SearchIndexError(
            "搜索索引需要 Pagefind 扩展版（中文分词）：pip install 'pagefind[extended]==1.5.2'"
        ) from error
    return get_executable()


def folders(prefixes: list[str]) -> list[str]:
    """The folders whose pages Pagefind reads, in the editions with these folders."""
    return [f"{prefix}{folder}" for prefix in prefixes for folder in INDEXED]


def glob(prefixes: list[str]) -> str:
    return "{" + ",".join(folders(prefixes)) + "}/*/index.html"


def read_pages(output: Path, prefixes: list[str]) -> list[Path]:
    return [page for folder in folders(prefixes) for page in output.glob(f"{folder}/*/index.html")]


def marked_pages(output: Path, prefixes: list[str] = ("",)) -> list[str]:
    """The pages Pagefind reads (``glob``) that carry the indexed region."""
    pages = read_pages(output, prefixes)
    return sorted(str(p.relative_to(output)) for p in pages if BODY in p.read_text(encoding="utf-8"))


def unsplit_chinese_queries(bundle: Path) -> None:
    """Turn off the browser's splitting of Chinese queries in Pagefind's search scripts (see above)."""
    for name in SEARCH_SCRIPTS:
        path = bundle / name
        code = path.read_bytes()
        if code.count(SPLIT_LANGUAGES) != 1:
            raise SearchIndexError(
                f"{path} 中找不到 {SPLIT_LANGUAGES.decode()}：Pagefind 的代码变了，请重查中文查询分词（search.py）"
            )
        faults.point(f"pagefind:edit:{name}")
        path.write_bytes(code.replace(SPLIT_LANGUAGES, SPLIT_LANGUAGES_BUT_CHINESE))


def remove_unused_files(bundle: Path) -> None:
    """Delete the parts of Pagefind's bundle that no page loads (``UNUSED_FILES``)."""
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)


def build_index(output: Path, prefixes: list[str] = ("",)) -> dict | None:
    """Write ``output/pagefind/`` and return its ``pagefind-entry.json`` (None: nothing to index)."""
    output = output.resolve()
    bundle = output / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)
        faults.point("pagefind:removed")
    expected = marked_pages(output, prefixes)
    if not expected:
        logger.warning("Pagefind skipped: no proposal or story page to index")
        return None
    # Run in the output folder with no PAGEFIND_* variables: no pagefind.yml or
    # environment from elsewhere changes what is indexed.
    env = {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")}
    command = [str(executable()), "--site", ".", "--output-subdir", BUNDLE, "--glob", glob(prefixes)]
    result = subprocess.run(command, cwd=output, env=env, capture_output=True, text=True, check=False)
    log = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind 失败（退出码 {result.returncode}）：\n{log}")
    faults.point("pagefind:ran")
    logger.debug("Pagefind:\n%s", log)
    entry_file = bundle / "pagefind-entry.json"
    if not entry_file.is_file():
        raise SearchIndexError(f"Pagefind 没有写出 {entry_file}：\n{log}")
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    if indexed != len(expected):
        raise SearchIndexError(
            f"搜索索引收录了 {indexed} 个页面，应为 {len(expected)} 个（带 {BODY} 的建议和案例页）：\n{log}"
        )
    unsplit_chinese_queries(bundle)
    remove_unused_files(bundle)
    return entry


def _stamp(output: Path, cache: Path | None, prefixes: list[str]) -> tuple[Path | None, bytes]:
    """Where the digest of the last indexed pages is kept, and the digest of the pages now.

    Pagefind cannot update an index, and re-indexing 10,000 pages takes many
    seconds; when no page it reads changed (same bytes, same Pagefind), the
    index in the output is the one it would write again. The stamp is removed
    before Pagefind runs and written after it succeeded, so it never vouches for
    an index that a kill cut short; it names the output folder by its inode, as
    the writer's manifest does, so a folder swapped in whole is not trusted.
    """
    output = output.resolve()
    pages = read_pages(output, prefixes)
    identity = output.stat()
    now = digest_text(str(executable()), f"{identity.st_dev}:{identity.st_ino}", digest_files(pages, output))
    stamp = cache / f"pagefind-{digest_text(str(output))[:16]}.txt" if cache else None
    return stamp, now.encode()


def write(pelican) -> None:
    """``finalized`` receiver: build the index unless ``SHOWCASE_SEARCH`` is false."""
    if not pelican.settings.get(SETTING, True):
        logger.info("Pagefind skipped (%s is false)", SETTING)
        return
    started = time.perf_counter()
    output = Path(pelican.output_path)
    if buildstamp.vouched(output):  # nothing changed since a build that left a whole index
        logger.info("Pagefind: nothing changed, index kept")
        return
    prefixes = [edition.prefix for edition in editions(pelican.settings)]
    stamp, pages = _stamp(output, outputguard.per_output_cache(pelican.settings), prefixes)
    entry_file = output / BUNDLE / "pagefind-entry.json"
    if stamp and stamp.is_file() and stamp.read_bytes() == pages and entry_file.is_file():
        remove_unused_files(output / BUNDLE)  # an index kept from before they were removed
        logger.info("Pagefind: no indexed page changed, index kept")
        return
    if stamp and stamp.exists():
        stamp.unlink()
        files.fsync_dir(stamp.parent)
    faults.point("pagefind:run")
    entry = build_index(output, prefixes)
    if stamp:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        files.atomic_write(stamp, pages)
    if entry is None:
        return
    pages = sum(language["page_count"] for language in entry["languages"].values())
    logger.info("Pagefind: %d pages indexed in %.2f s", pages, time.perf_counter() - started)
