"""The no-change fast path (plugins/showcase/buildstamp.py) never skips a real change.

A build that finds its inputs the same as the last complete build's writes nothing at
all. The danger is the other way round: a build that wrongly thinks nothing changed
would keep a stale site. So after a first build, each test changes one kind of input
(a record's bytes with its size and file times kept, a new record, a theme file, a
hand-written page, a setting, a deleted output folder), rebuilds with the cache, and
compares the site with a clean build of the same input, byte for byte.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sitebuild import ROOT, build
from test_incremental import stamps, tree, unlinked_proposals

SAMPLE = ROOT / "data" / "public"


@pytest.fixture
def lab(tmp_path) -> dict[str, Path]:
    """A copy of the sample data, theme and hand-written content, built once with a cache."""
    lab = {"data": tmp_path / "data", "theme": tmp_path / "theme", "content": tmp_path / "content"}
    shutil.copytree(SAMPLE, lab["data"])
    shutil.copytree(ROOT / "theme", lab["theme"])
    shutil.copytree(ROOT / "content", lab["content"])
    lab |= {"site": tmp_path / "site", "cache": tmp_path / "cache", "clean": tmp_path / "clean"}
    incremental(lab)
    return lab


def incremental(lab: dict[str, Path], **settings) -> dict[str, int]:
    options = {"THEME": str(lab["theme"]), "PATH": str(lab["content"]), **settings}
    build(lab["site"], lab["data"], SHOWCASE_CACHE=str(lab["cache"]), **options)
    return stamps(lab["site"])


def equals_clean(lab: dict[str, Path], **settings) -> None:
    options = {"THEME": str(lab["theme"]), "PATH": str(lab["content"]), **settings}
    assert tree(lab["site"]) == tree(build(lab["clean"], lab["data"], **options))


def same_size_and_times(path: Path, old: str, new: str) -> None:
    """Replace text in a file keeping its size and its access and modification times."""
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text and len(old.encode()) == len(new.encode())
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size


def test_nothing_changed_writes_nothing_at_all(lab):
    before = stamps(lab["site"])
    after = incremental(lab)
    # Not even Pelican's own pages or the sitemap; Pelican copies the theme's files on every build.
    assert {k: v for k, v in after.items() if not k.startswith("theme/")} == {
        k: v for k, v in before.items() if not k.startswith("theme/")
    }
    assert list(lab["cache"].glob("written-*.stamp"))
    equals_clean(lab)


def test_a_record_changed_in_place_with_its_size_and_times_kept_is_rebuilt(lab):
    path = unlinked_proposals(lab["data"])[0]
    title = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("title:"))
    same_size_and_times(path, title[-2:], "更正")
    incremental(lab)
    assert "更正" in (lab["site"] / "proposals" / path.stem / "index.html").read_text(encoding="utf-8")
    equals_clean(lab)


def test_a_new_record_a_theme_file_a_page_and_a_setting_are_each_rebuilt(lab):
    template = unlinked_proposals(lab["data"])[0]
    (lab["data"] / "proposals" / "xzjy-2099-000001.yaml").write_text(
        template.read_text(encoding="utf-8").replace(template.stem, "xzjy-2099-000001"), encoding="utf-8"
    )
    incremental(lab)
    equals_clean(lab)
    css = lab["theme"] / "static" / "css" / "site.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* v2 */\n", encoding="utf-8")
    base = lab["theme"] / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</body>", "<!-- v2 --></body>", 1), encoding="utf-8")
    incremental(lab)
    assert "<!-- v2 -->" in (lab["site"] / "about" / "index.html").read_text(encoding="utf-8")
    equals_clean(lab)
    about = lab["content"] / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    incremental(lab)
    assert "新的一段" in (lab["site"] / "about" / "index.html").read_text(encoding="utf-8")
    equals_clean(lab)
    incremental(lab, SITEURL="https://example.org", RELATIVE_URLS=False)
    equals_clean(lab, SITEURL="https://example.org", RELATIVE_URLS=False)


def test_a_deleted_output_folder_is_made_again(lab):
    shutil.rmtree(lab["site"] / "proposals")
    incremental(lab)
    equals_clean(lab)


def test_a_build_without_data_it_can_read_writes_no_stamp(lab):
    """A stray file in the data folder fails the build (the full path reports it), and leaves
    no stamp behind: the build after the fix does the full work."""
    (lab["data"] / "proposals" / "notes.txt").write_text("草稿", encoding="utf-8")
    with pytest.raises(Exception, match="unexpected-file"):
        incremental(lab)
    assert not list(lab["cache"].glob("written-*.stamp"))
    (lab["data"] / "proposals" / "notes.txt").unlink()
    incremental(lab)
    equals_clean(lab)
