"""Regenerate docs/screenshots/diff.txt, diff.md and diff.png: the real
output of `python -m pipeline diff` for a realistic re-export of the sample,
for the staff guide.

    .venv/bin/python docs/screenshots/diff.py

In a temporary git repository: commit the data/public of HEAD, then export
(with the pipeline as committed at HEAD, so work in progress elsewhere in
the tree cannot break it) a copy of data/sample in which one suggestion reached 展示 (newly public),
one published outcome was corrected, one proposal was withdrawn and one
story figure was updated; run the diff from that repository. Commit dates
are fixed so the commit id in the output is the same on every run. The PNG
is the plain output in a terminal-like page, taken with Debian's Chromium
through Playwright (never `playwright install`)."""

from __future__ import annotations

import csv
import datetime as dt
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
FIXED_DATE = "2025-11-01T10:00:00+08:00"
# With `python -m`, the working directory comes first on sys.path: the export
# runs in the committed copy, the diff (from the temporary repository) finds
# this tree's pipeline through PYTHONPATH.
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "GIT_AUTHOR_DATE": FIXED_DATE, "GIT_COMMITTER_DATE": FIXED_DATE}


def run(*args: str, cwd: Path = ROOT, stdout=subprocess.PIPE) -> str:
    done = subprocess.run(args, cwd=cwd, env=ENV, stdout=stdout, stderr=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def public(row: dict) -> bool:
    return row["办理结果"] in ("采纳", "部分采纳") and row["同意公开"] == "是" and row["已撤回"] != "是"


def edit_export(raw: Path) -> None:
    """What happens between two real exports, chosen from the sample itself."""
    rows = read_csv(raw / "suggestions.csv")
    shown = [row for row in rows if public(row) and row["当前环节"] in ("展示", "褒奖")]
    waiting = next(row for row in rows if public(row) and row["当前环节"] == "反馈" and row["反馈日期"])
    feedback = dt.date.fromisoformat(waiting["反馈日期"].replace("/", "-"))
    waiting.update({"当前环节": "展示", "展示日期": (feedback + dt.timedelta(days=10)).isoformat()})
    corrected = next(row for row in shown if re.search(r"\d+", row["办理情况"]))
    figure = re.search(r"\d+", corrected["办理情况"])
    corrected["办理情况"] = (
        corrected["办理情况"][: figure.start()]
        + str(int(figure.group()) + 3)
        + corrected["办理情况"][figure.end() :]
        + "（数字经年底复核更正。）"
    )
    next(row for row in shown if row is not corrected)["已撤回"] = "是"
    write_csv(raw / "suggestions.csv", rows)
    metrics = read_csv(raw / "story_metrics.csv")
    largest = max(metrics, key=lambda row: float(row["现值"] or 0))
    largest["现值"] = str(round(float(largest["现值"]) * 1.15, -2)).removesuffix(".0")
    write_csv(raw / "story_metrics.csv", metrics)


def screenshot(text: str, target: Path) -> None:
    from playwright.sync_api import sync_playwright

    page_html = (
        "<!doctype html><meta charset=utf-8><style>"
        "body{margin:0;background:#1e1e1e}"
        "pre{margin:0;padding:16px 20px;color:#e8e8e8;white-space:pre-wrap;width:840px;"
        "font:15px/1.5 'Noto Sans Mono CJK SC','DejaVu Sans Mono',monospace}"
        f"</style><pre>$ make diff\n{html.escape(text)}</pre>"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium")
        page = browser.new_page(viewport={"width": 880, "height": 400}, device_scale_factor=1)
        page.set_content(page_html)
        page.locator("pre").screenshot(path=str(target))
        browser.close()


def extract(paths: str, target: Path) -> None:
    """Files as committed at HEAD, without touching the work tree or index."""
    target.mkdir(parents=True, exist_ok=True)
    command = ["git", "-C", str(ROOT), "archive", "HEAD", *paths.split()]
    archive = subprocess.run(command, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="diff-sample-") as folder:
        repo = Path(folder) / "site"
        (repo / "data").mkdir(parents=True)
        extract("data/public", repo)
        committed = Path(folder) / "committed"
        extract("pipeline config", committed)
        run("git", "init", "--quiet", cwd=repo)
        run("git", "-c", "user.name=staff", "-c", "user.email=staff@example.org", "add", "data", cwd=repo)
        run("git", "-c", "user.name=staff", "-c", "user.email=staff@example.org", "commit", "-qm", "发布", cwd=repo)
        raw = Path(folder) / "export"
        shutil.copytree(ROOT / "data" / "sample", raw)
        edit_export(raw)
        python = str(ROOT / ".venv" / "bin" / "python")
        export = ("-m", "pipeline", "export", "--input", str(raw), "--out", str(repo / "data/public"))
        run(python, *export, "--audit", str(repo / "audit"), cwd=committed)
        diff = (python, "-m", "pipeline", "diff", "--data", "data/public", "--audit", "audit")
        plain, markdown = run(*diff, cwd=repo), run(*diff, "--markdown", cwd=repo)
    (HERE / "diff.txt").write_text(plain, encoding="utf-8")
    (HERE / "diff.md").write_text(markdown, encoding="utf-8")
    screenshot(plain, HERE / "diff.png")
    print(plain)


if __name__ == "__main__":
    main()
