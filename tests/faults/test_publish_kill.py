"""A killed ``make publish`` leaves no deployable output: ``OUTPUT`` is the previous checked
publish or nothing, never a tree that was not checked whole; what the killed run left lies only
in OUTPUT's self-ignoring work folder; the next publish succeeds.

The kills hit the whole process group, as a CI time limit or a closed terminal does: during the
build, during the checks (both through the real ``make publish``), and at the swap itself (through
``python -m sitepublish`` with its own fault points and a trivial check, to keep the time down).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml
from sitebuild import write_yaml

from .build_helpers import ROOT, SAMPLE

SITEURL = "https://jianyi.example.cn"
CHECKS_START = "检查（与 make check 相同）"
NEW_TITLE = "（发布中途被中止后更正）"


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "SHOWCASE_"))}
    env.pop("SITEURL", None)
    return {**env, "SHOWCASE_CACHE": "", **extra}


def publish_command(output: Path, data: Path) -> list[str]:
    make = ["make", "--no-print-directory", "-o", ".venv/.installed", "publish"]
    return [*make, f"SITEURL={SITEURL}", f"OUTPUT={output}", f"DATA={data}"]


def sitepublish_command(output: Path, data: Path) -> list[str]:
    build = (
        f'SITEURL="{SITEURL}" SHOWCASE_DATA="{data}" {ROOT}/.venv/bin/pelican content -s publishconf.py '
        '-o "$STAGING" --delete-output-directory -e SHOWCASE_SEARCH=false'
    )
    return [
        sys.executable,
        "-m",
        "sitepublish",
        str(output),
        "--build",
        build,
        "--check",
        "test -f $STAGING/index.html",
    ]


def files(folder: Path) -> dict[str, bytes] | None:
    if not folder.exists():
        return None
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def killed_when(command: list[str], ready, timeout: float = 300) -> None:
    """Run ``command`` in its own process group; SIGKILL the whole group once ``ready(lines)`` is true."""
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
    reader.start()
    deadline = time.monotonic() + timeout
    while not ready(lines):
        assert process.poll() is None, f"publish ended before the kill point:\n{''.join(lines)}"
        assert time.monotonic() < deadline, "the kill point never came"
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    reader.join(timeout=60)


def staged_pages(output: Path) -> int:
    return sum(1 for _ in output.parent.glob(f".{output.name}.work/new-*/proposals/*/index.html"))


def assert_nothing_deployable_but(output: Path, previous: dict | None) -> None:
    assert files(output) == previous, "OUTPUT is neither the previous checked publish nor absent"
    siblings = {p.name for p in output.parent.iterdir()} - {output.name, "data"}
    assert siblings <= {f".{output.name}.work"}, siblings
    work = output.parent / f".{output.name}.work"
    assert (work / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def retitle(data: Path, marker: str) -> None:
    path = sorted((data / "proposals").glob("*.yaml"))[0]
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["title"] += marker
    write_yaml(path, record)


@pytest.fixture
def published(tmp_path) -> tuple[Path, Path, dict]:
    """A previous publish of the sample in OUTPUT, and data changed since."""
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    output = tmp_path / "site"
    made = subprocess.run(sitepublish_command(output, data), cwd=ROOT, env=environment(), capture_output=True)
    assert made.returncode == 0, made.stdout + made.stderr
    retitle(data, NEW_TITLE)
    return data, output, files(output)


def next_publish_succeeds(data: Path, output: Path, marker: str = NEW_TITLE) -> None:
    made = subprocess.run(sitepublish_command(output, data), cwd=ROOT, env=environment(), capture_output=True)
    assert made.returncode == 0, made.stdout + made.stderr
    assert any(marker in p.read_text(encoding="utf-8") for p in output.glob("proposals/*/index.html"))
    assert not list(output.parent.glob(f".{output.name}.work/new-*")), "the next publish left staging trees"


def test_a_publish_killed_during_the_build_or_the_checks_leaves_no_unchecked_output(published):
    data, output, previous = published
    during_build = lambda lines: staged_pages(output) > 10  # noqa: E731
    during_checks = lambda lines: any(CHECKS_START in line for line in lines)  # noqa: E731
    for ready in (during_build, during_checks):
        killed_when(publish_command(output, data), ready)
        assert_nothing_deployable_but(output, previous)
    next_publish_succeeds(data, output)


def test_a_publish_killed_at_the_swap_leaves_the_old_or_the_new_output(published, tmp_path):
    data, output, previous = published
    traced, trace = tmp_path / "traced", tmp_path / "trace"
    shutil.copytree(output, traced)  # an existing OUTPUT: the swap is an exchange
    env = environment(SHOWCASE_FAULT_TRACE=str(trace))
    made = subprocess.run(sitepublish_command(traced, data), cwd=ROOT, env=env, capture_output=True)
    assert made.returncode == 0, made.stdout + made.stderr
    names = trace.read_text(encoding="utf-8").splitlines()
    at = {kind: next(i for i, n in enumerate(names) if n.startswith(kind)) + 1 for kind in ("exchange:", "remove-old:")}
    outcomes = []
    for number, marker in ((at["exchange:"], NEW_TITLE), (at["remove-old:"], "（再次更正）")):
        if marker != NEW_TITLE:
            retitle(data, marker)
        env = environment(SHOWCASE_FAULT_KILL=str(number))
        killed = subprocess.run(sitepublish_command(output, data), cwd=ROOT, env=env, capture_output=True)
        assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
        now = files(output)
        is_new = now is not None and any(marker.encode() in page for page in now.values())
        outcomes.append("old" if now == previous else "new" if is_new else "neither")
        next_publish_succeeds(data, output, marker)
        previous = files(output)
    assert outcomes == ["old", "new"]
