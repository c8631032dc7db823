"""Helpers of the site-build fault tests: real ``pelican`` runs (killed or not), trees compared
byte for byte, output folders restored in place (the writer's manifest names its folder by inode)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from pathlib import Path

import yaml
from sitebuild import linked_ids

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "public"
PELICAN = ROOT / ".venv" / "bin" / "pelican"


def pelican(output: Path, data: Path, cache: Path | None, *, search: bool = False, **env: str):
    """One real ``pelican`` run as ``make html`` does it; nothing forks, so fault points count
    deterministically. Returns the completed process; any child it left (Pagefind) is killed."""
    settings = f"SHOWCASE_SEARCH={'true' if search else 'false'}"
    command = [str(PELICAN), "content", "-s", "pelicanconf.py", "-o", str(output), "-e", settings]
    command.append("SHOWCASE_PARALLEL_FROM=1000000")
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("SHOWCASE_")}
    clean_env |= {"SHOWCASE_DATA": str(data), "SHOWCASE_CACHE": str(cache or ""), "COLUMNS": "1000", **env}
    process = subprocess.Popen(
        command, cwd=ROOT, env=clean_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    out, _ = process.communicate(timeout=300)
    with contextlib.suppress(ProcessLookupError):  # a Pagefind still running after its parent was killed
        os.killpg(process.pid, signal.SIGKILL)
    return subprocess.CompletedProcess(command, process.returncode, out.decode("utf-8", "replace"), "")


def built(output: Path, data: Path, cache: Path | None, **options) -> Path:
    result = pelican(output, data, cache, **options)
    assert result.returncode == 0, result.stdout
    return output


def points(output: Path, data: Path, cache: Path, trace: Path, **options) -> list[str]:
    """The fault points of one run, in order (the run really happens)."""
    trace.unlink(missing_ok=True)
    built(output, data, cache, SHOWCASE_FAULT_TRACE=str(trace), **options)
    return trace.read_text(encoding="utf-8").splitlines()


def killed_at(number: int, output: Path, data: Path, cache: Path, **options) -> None:
    result = pelican(output, data, cache, SHOWCASE_FAULT_KILL=str(number), **options)
    assert result.returncode == -signal.SIGKILL, f"not killed at point {number}: {result.stdout[-2000:]}"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file's bytes; of what Pagefind varies by itself only the presence and count count."""
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = str(path.relative_to(folder))
        if name.startswith("pagefind/filter/"):
            continue
        if name.startswith("pagefind/") and name.endswith(".pf_meta"):
            files["pagefind/(the .pf_meta)"] = b"present"
        else:
            files[name] = b"present" if name == "pagefind/pagefind-entry.json" else path.read_bytes()
    files["pagefind/filter/ (files)"] = str(len(list(folder.glob("pagefind/filter/*")))).encode()
    return files


def replace_contents(source: Path, target: Path) -> None:
    """Make ``target`` hold exactly what ``source`` holds, keeping ``target`` itself (its inode)."""
    target.mkdir(parents=True, exist_ok=True)
    for child in target.iterdir():
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    shutil.copytree(source, target, dirs_exist_ok=True)


def read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write(path: Path, record: dict) -> None:
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


def changed_copy(source: Path, target: Path) -> Path:
    """The sample with one proposal retitled, one removed and one added (every list shifts)."""
    shutil.copytree(source, target)
    linked = linked_ids(target)
    free = [p for p in sorted((target / "proposals").glob("*.yaml")) if p.stem not in linked]
    retitled, removed = free[0], free[1]
    record = read(retitled)
    record["title"] += "（更正）"
    write(retitled, record)
    removed.unlink()
    new = read(free[2]) | {"id": "xzjy-2099-000001", "received": "2099-01", "title": "新的一条建议"}
    write(target / "proposals" / "xzjy-2099-000001.yaml", new)
    return target
