"""Walking through docs/staff-guide.md exactly as written.

Every ```sh block marked `<!-- walkthrough -->` in the guide is run, command by command and in
order, in a fresh copy of the repository (its tracked and untracked-but-not-ignored files, committed
in a new git repository with a bare `origin`), where `data/raw/2025-06/` holds a new export: the
synthetic sample with one published outcome corrected and one published proposal withdrawn.
Each command must succeed; then the outputs are checked: data/public changed, `make diff` names
both records, the commit went through the guards, `make publish` wrote a site.

The other command blocks (not runnable here: `make serve` blocks, the withdrawal example needs
another export) must use Makefile targets and variables that exist.

Run from the project root: .venv/bin/python -m pytest tests/test_staff_guide.py -q (about 15 s)
"""

from __future__ import annotations

import csv
import os
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import makefile_calls
import pytest
import yaml
from exports import write_csv

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "staff-guide.md"
RAW = "data/raw/2025-06"  # where the guide puts the new export
SHELL_BLOCK = re.compile(r"(?P<marker><!-- walkthrough -->\n)?```sh\n(?P<body>.*?)```", re.DOTALL)
PLACEHOLDER = re.compile(r"【待填写：[^】]+】")


@dataclass(frozen=True)
class Step:
    command: str
    status: int
    output: str


def shell_blocks(text: str) -> list[tuple[bool, list[str]]]:
    """(marked as walkthrough, its command lines) for each ```sh block of the guide."""
    blocks = []
    for match in SHELL_BLOCK.finditer(text):
        lines = [line.strip() for line in match["body"].splitlines()]
        blocks.append((bool(match["marker"]), [line for line in lines if line and not line.startswith("#")]))
    return blocks


def walkthrough_commands() -> list[str]:
    return [line for marked, lines in shell_blocks(GUIDE.read_text(encoding="utf-8")) if marked for line in lines]


# --- a fresh copy of the repository ------------------------------------------------------------


def project_files() -> list[str]:
    """What a clone of the current work would hold: tracked and untracked files git does not ignore."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return sorted({name for name in listed.split("\0") if name and (ROOT / name).is_file()})


def link_environment(clone: Path) -> None:
    """The shared .venv and node_modules, linked: a .venv folder of links whose .installed is newer
    than the requirements, so `make` uses it and never rebuilds the shared one."""
    venv = clone / ".venv"
    venv.mkdir()
    for entry in (ROOT / ".venv").iterdir():
        if entry.name == "pyvenv.cfg":
            shutil.copy2(entry, venv / entry.name)
        elif entry.name != ".installed":
            (venv / entry.name).symlink_to(entry)
    (venv / ".installed").touch()
    if (ROOT / "node_modules").is_dir():
        (clone / "node_modules").symlink_to(ROOT / "node_modules")


def environment(home: Path) -> dict[str, str]:
    """The staff member's shell: a git identity, pre-commit's cache in the test folder, no SITEURL."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "MAKE"))}
    env.pop("SITEURL", None)
    for role in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{role}_NAME"], env[f"GIT_{role}_EMAIL"] = "工作人员", "staff@example.org"
    return {**env, "PRE_COMMIT_HOME": str(home / "pre-commit"), "GIT_CONFIG_GLOBAL": os.devnull}


def git(clone: Path, env: dict, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=clone, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def make_clone(top: Path, env: dict) -> Path:
    """The project as staff get it from the forge: committed on main, pushed to origin."""
    clone = top / "project"
    for name in project_files():
        (clone / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, clone / name)  # keeps mtimes: make sees nothing to rebuild
    link_environment(clone)
    git(clone, env, "init", "--quiet", "--initial-branch", "main")
    git(clone, env, "add", "--all")
    git(clone, env, "commit", "--quiet", "-m", "项目")
    git(top, env, "init", "--quiet", "--bare", "--initial-branch", "main", str(top / "origin.git"))
    git(clone, env, "remote", "add", "origin", str(top / "origin.git"))
    git(clone, env, "push", "--quiet", "-u", "origin", "main")
    return clone


# --- the new export ------------------------------------------------------------------------------


def read_rows(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def is_published(public: Path, row: dict) -> bool:
    path = public / "proposals" / f"{row['建议编号'].lower()}.yaml"
    return path.is_file() and yaml.safe_load(path.read_text(encoding="utf-8"))["status"] == "published"


def prepare_export(clone: Path) -> dict[str, str]:
    """The sample with one published outcome corrected and one published proposal withdrawn:
    -> public id of each."""
    raw = clone / RAW
    shutil.copytree(clone / "data" / "sample", raw)
    header, rows = read_rows(raw / "suggestions.csv")
    shown = [row for row in rows if is_published(clone / "data" / "public", row) and row["办理情况"].strip()]
    corrected, withdrawn = shown[0], shown[1]
    corrected["办理情况"] += "（数字经年底复核更正。）"
    withdrawn["已撤回"] = "是"
    write_csv(raw / "suggestions.csv", header, rows)
    return {"corrected": corrected["建议编号"].lower(), "withdrawn": withdrawn["建议编号"].lower()}


# --- the walk --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Walk:
    clone: Path
    env: dict
    records: dict[str, str]
    start: str  # the commit the walk started from
    steps: list[Step]

    def step(self, command: str) -> Step:
        found = [step for step in self.steps if step.command == command]
        assert found, f"the guide's walkthrough has no step `{command}` (or an earlier step failed)"
        return found[0]


@pytest.fixture(scope="module")
def walk(tmp_path_factory) -> Walk:
    top = tmp_path_factory.mktemp("staff-guide")
    env = environment(top)
    clone = make_clone(top, env)
    records = prepare_export(clone)
    start = git(clone, env, "rev-parse", "HEAD")
    steps = []
    for command in walkthrough_commands():
        result = subprocess.run(
            ["bash", "-c", command], cwd=clone, env=env, capture_output=True, text=True, timeout=600, check=False
        )
        steps.append(Step(command, result.returncode, result.stdout + result.stderr))
        if result.returncode != 0:
            break  # the next steps depend on this one
    return Walk(clone, env, records, start, steps)


def test_the_guide_has_a_walkthrough_from_export_to_publish():
    commands = walkthrough_commands()
    heads = [" ".join(shlex.split(command)[:2]) for command in commands]
    for expected in ("make install-hooks", "make export", "make diff", "make html", "make check"):
        assert expected in heads, expected
    order = ["make export", "make diff", "git commit", "git push", "make publish"]
    assert [heads.index(head) for head in order] == sorted(heads.index(head) for head in order)


def test_every_walkthrough_command_succeeds_as_written(walk):
    for step in walk.steps:
        assert step.status == 0, f"`{step.command}` failed ({step.status}):\n{step.output}"
    assert [step.command for step in walk.steps] == walkthrough_commands()


def test_the_export_changed_the_published_data(walk):
    assert "导出完成" in walk.step(f"make export INPUT={RAW}").output
    changed = git(walk.clone, walk.env, "diff", "--name-only", walk.start, "HEAD", "--", "data/public").splitlines()
    for record in walk.records.values():
        assert f"data/public/proposals/{record}.yaml" in changed
    withdrawn = walk.clone / "data" / "public" / "proposals" / f"{walk.records['withdrawn']}.yaml"
    assert yaml.safe_load(withdrawn.read_text(encoding="utf-8"))["status"] == "withdrawn"


def test_the_audit_report_the_guide_shows_exists(walk):
    assert walk.step("head -n 30 audit/report.md").output.startswith("# 匿名化审计报告")


def test_make_diff_names_the_correction_and_the_withdrawal(walk):
    output = walk.step("make diff").output
    # A session that linked the withdrawn proposal no longer links it: it is listed as changed too.
    linking = [
        path.stem
        for path in sorted((ROOT / "data" / "public" / "sessions").glob("*.yaml"))
        if walk.records["withdrawn"] in yaml.safe_load(path.read_text(encoding="utf-8"))["proposals"]
    ]
    changed = 1 + len(linking)
    assert output.startswith(f"新公开 0 条，修改 {changed} 条，撤回 1 条"), output
    corrected = output.index(f"建议 {walk.records['corrected']}")
    assert output.rindex(f"修改（{changed}）", 0, corrected) < corrected < output.index("撤回（1）")
    assert all(f"面对面交流活动 {sid}" in output for sid in linking)
    assert "{+（数字经年底复核更正。）+}" in output
    assert output.index(f"建议 {walk.records['withdrawn']}") > output.index("撤回（1）")


def test_make_check_scanned_for_the_raw_values_and_passed(walk):
    output = walk.step(f"make check RAW={RAW}").output
    assert f'--raw "{RAW}"' in output
    assert "网站检查通过" in output


def test_the_commit_went_through_every_guard(walk):
    output = walk.step('git commit -m "发布 2025 年 6 月导出"').output
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook["name"] for repo in config["repos"] for hook in repo["hooks"]}
    results = {}
    for hook, name in hooks.items():
        found = re.search(rf"^{re.escape(name)}\.+(?:\(no files to check\))?(Passed|Skipped|Failed)$", output, re.M)
        results[hook] = found[1] if found else "missing"
    # Only YAML files of data/public are committed: no spreadsheet, no Python.
    assert results == {
        "no-raw-export": "Skipped",
        "no-staging-folder": "Skipped",
        "yaml-syntax": "Passed",
        "published-schema": "Passed",
        "leak-scan": "Passed",
        "ruff-check": "Skipped",
        "ruff-format": "Skipped",
    }, output
    committed = git(walk.clone, walk.env, "show", "--name-only", "--format=%s", "HEAD").splitlines()
    assert committed[0] == "发布 2025 年 6 月导出"
    assert all(name.startswith("data/public/") for name in committed[1:] if name)
    assert not any(name.startswith("data/raw/") for name in committed)


def test_the_branch_was_pushed(walk):
    pushed = git(walk.clone, walk.env, "rev-parse", "origin/export-2025-06")
    assert pushed == git(walk.clone, walk.env, "rev-parse", "HEAD") != walk.start


def test_make_publish_wrote_a_checked_site(walk):
    output = walk.step("make publish").output
    assert "发布检查通过：output 可以部署" in output
    site = walk.clone / "output"
    for page in ("index.html", "privacy/index.html", "changes/index.html", "feeds/changes.atom.xml"):
        assert (site / page).is_file(), page
    changes = (site / "changes" / "index.html").read_text(encoding="utf-8")
    assert f"proposals/{walk.records['withdrawn']}/" in changes


# --- the commands the walk does not run ------------------------------------------------------------


def test_every_command_of_the_guide_exists_with_the_targets_and_variables_it_names():
    guide = GUIDE.read_text(encoding="utf-8")
    commands = [line for _, lines in shell_blocks(guide) for line in lines] + re.findall(r"`(make [^`]+)`", guide)
    assert len(commands) > 15
    for command in commands:
        words = shlex.split(command)
        if words[0] == "make":
            assert makefile_calls.unknown(words[1:]) == [], command
        else:
            assert shutil.which(words[0]), command


def test_the_guide_lists_every_placeholder_of_the_pages():
    pages = {
        path.relative_to(ROOT / "content" / "pages").as_posix(): set(
            PLACEHOLDER.findall(path.read_text(encoding="utf-8"))
        )
        for path in ROOT.glob("content/pages/**/*.md")  # the English versions in en/ too
    }
    guide = GUIDE.read_text(encoding="utf-8")
    listed = {
        match[0]: set(match[1].split("、"))
        for match in re.findall(r"^\| (【待填写：[^】]+】) \| ([^|]+?) \|$", guide, re.M)
    }
    expected = {}
    for page, found in pages.items():
        for placeholder in found:
            expected.setdefault(placeholder, set()).add(page)
    assert listed == expected


def test_the_files_the_guide_links_exist():
    guide = GUIDE.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#]+)\)", guide)
    assert "screenshots/diff.png" in links
    for link in links:
        if not link.startswith("http"):
            assert (GUIDE.parent / link).exists(), link
