"""A damaged build cache is detected, ignored and rebuilt, never used; two builds on one output
folder cannot run at once. Every build here is a real ``pelican`` run (tests/faults/build_helpers.py)."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from durable import lock
from tests.faults.build_helpers import SAMPLE, built, killed_at, pelican, replace_contents, tree


@pytest.fixture(scope="module")
def start(tmp_path_factory):
    root = tmp_path_factory.mktemp("corrupt")
    clean = tree(built(root / "clean", SAMPLE, None, search=True))
    site, cache = root / "site", root / "cache"
    built(site, SAMPLE, cache, search=True)
    shutil.copytree(site, root / "start")
    shutil.copytree(cache, root / "start-cache")
    kinds = sorted({p.name.split("-")[0] if p.is_file() else p.name for p in cache.iterdir()})
    assert kinds == ["derived.pickle", "jinja", "pagefind", "parsed.pickle", "written"], kinds
    return root, site, cache, clean


def damage(cache, how) -> int:
    count = 0
    for path in [p for p in cache.rglob("*") if p.is_file()]:
        raw = path.read_bytes()
        path.write_bytes(how(raw))
        count += 1
    return count


CUTS = {
    "zero bytes": lambda raw: b"",
    "cut short": lambda raw: raw[: max(1, len(raw) // 3)],
    "cut in the header": lambda raw: raw[:40],
    "garbage": lambda raw: bytes((b * 7 + 3) % 256 for b in raw),
    "older format (a bare pickle)": lambda raw: pickle.dumps(("1", {"index.html": ["key", True]})),
}


@pytest.mark.parametrize("how", CUTS, ids=list(CUTS))
def test_a_damaged_cache_is_ignored_and_the_build_equals_a_clean_one(start, how):
    root, site, cache, clean = start
    replace_contents(root / "start", site)
    shutil.rmtree(cache)
    shutil.copytree(root / "start-cache", cache)
    assert damage(cache, CUTS[how]) >= 5
    result = pelican(site, SAMPLE, cache, search=True)
    assert result.returncode == 0, result.stdout[-3000:]
    assert tree(site) == clean
    if how != "older format (a bare pickle)":
        assert "已损坏" in result.stdout


def test_a_second_build_on_the_same_output_is_refused_naming_it_and_the_holder(tmp_path):
    site = tmp_path / "site"
    held = lock.acquire(site, "另一次构建")
    try:
        result = pelican(site, SAMPLE, None)
    finally:
        held.release()
    assert result.returncode == 1, result.stdout
    assert f"输出目录 {site} 正在被另一次构建使用（进程 {os.getpid()}（另一次构建" in result.stdout
    assert not (site / "index.html").exists()


def test_a_killed_builds_lock_is_taken_over_and_said_so(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    killed_at(3, site, SAMPLE, cache)
    result = pelican(site, SAMPLE, cache)
    assert result.returncode == 0, result.stdout
    assert "没有正常结束" in result.stdout


def test_two_real_builds_at_once_the_second_is_refused_and_the_first_completes(tmp_path):
    """Two ``pelican`` processes on one OUTPUT: the first is held at its ``build:write`` step
    (lock taken, outputs not written yet) while the second starts."""
    site, resume = tmp_path / "site", tmp_path / "resume"
    pause = {"SHOWCASE_FAULT_PAUSE": "build:write", "SHOWCASE_FAULT_RESUME": str(resume)}
    with ThreadPoolExecutor(max_workers=1) as pool:
        first = pool.submit(pelican, site, SAMPLE, None, **pause)
        deadline = time.monotonic() + 120
        while not Path(f"{resume}.paused").exists():
            assert not first.done(), first.result().stdout
            assert time.monotonic() < deadline, "the first build never reached its pause"
            time.sleep(0.05)
        holder = Path(f"{resume}.paused").read_text(encoding="utf-8").strip()
        second = pelican(site, SAMPLE, None)
        resume.touch()
        done = first.result(timeout=300)
    assert second.returncode == 1, second.stdout
    assert f"输出目录 {site} 正在被另一次构建使用（进程 {holder}（构建网站" in second.stdout
    assert done.returncode == 0, done.stdout
    assert (site / "index.html").is_file()


def rewritten_parse_cache(cache: Path, salt_of) -> None:
    """parsed.pickle, whole and well formed, with one proposal's cached title changed and the
    header's salt chosen by ``salt_of(salt)``: what a cache of other code could hold."""
    path = cache / "parsed.pickle"
    head, _, payload = path.read_bytes().partition(b"\n")
    magic, checksum, salt = head.decode().split(" ")
    entries = pickle.loads(payload)
    label = next(label for label in sorted(entries) if label.startswith("proposals/"))
    key, blob = entries[label]
    data, problems = pickle.loads(blob)
    entries[label] = (key, pickle.dumps(({**data, "title": FOREIGN_TITLE}, problems)))
    payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    checksum = hashlib.blake2b(payload, digest_size=16).hexdigest()
    path.write_bytes(f"{magic} {checksum} {salt_of(salt)}\n".encode() + payload)


FOREIGN_TITLE = "另一版本代码缓存的标题"


@pytest.mark.parametrize("salt_of, used", [(lambda s: "0" * len(s), False), (lambda s: s, True)], ids=["other", "same"])
def test_a_whole_cache_from_other_code_is_not_used(tmp_path, salt_of, used):
    """A well-formed cache whose salt names other code is ignored. The same file with this
    code's salt IS used (that is what the cache is for), which shows the salt is what decides."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    built(site, SAMPLE, cache)
    shutil.rmtree(site)
    rewritten_parse_cache(cache, salt_of)
    built(site, SAMPLE, cache)
    shown = any(FOREIGN_TITLE in page.read_text(encoding="utf-8") for page in site.glob("proposals/*/index.html"))
    assert shown is used
