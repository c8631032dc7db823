"""The commit guards, met the way staff meet them: `git commit` in a temporary
repository whose hooks were set up by `make install-hooks` from the project's
.pre-commit-config.yaml. Each guard refuses its bad case with a Chinese message
naming the file (and no commit is made); a clean commit of published data,
hand-written pages and the synthetic sample goes through with every guard run.

The temporary repository links to the project's pipeline/, schema/, config/
and .venv (what the hooks run) and copies the files the commit needs.

Run from the project root: .venv/bin/python -m pytest tests/test_guards.py -q
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import yaml
from gitenv import GIT_ENV

from pipeline.guards import raw_exports

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "public"
LINKED = ("pipeline", "schema", "config", ".venv", "requirements.txt", "requirements-dev.txt", "requirements-bench.txt")
COPIED = (".pre-commit-config.yaml", ".gitignore", "pyproject.toml", "Makefile")
PROPOSAL = "data/public/proposals/xzjy-2024-000188.yaml"
RAW_HEADER = "建议编号,收到日期,建议标题,建议人姓名,联系电话,身份证号\n"


class Repo:
    def __init__(self, root: Path, home: Path):
        self.root = root
        self.env = {
            **os.environ,
            "PRE_COMMIT_HOME": str(home),
            **GIT_ENV,
        }
        self.base = ""

    def run(self, *command: str) -> subprocess.CompletedProcess:
        return subprocess.run(command, cwd=self.root, env=self.env, capture_output=True, text=True, timeout=180)

    def git(self, *args: str) -> str:
        result = self.run("git", *args)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def write(self, relative: str, content: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def commit(self, files: dict[str, str | bytes], force: bool = False) -> tuple[bool, str]:
        """Start again from the first commit, write and stage `files`, `git commit`:
        -> (whether a commit was made, what pre-commit printed)."""
        self.git("reset", "--quiet", "--hard", self.base)
        self.git("clean", "--quiet", "-fd")
        shutil.rmtree(self.root / "data" / "raw", ignore_errors=True)  # ignored, so not cleaned
        for relative, content in files.items():
            self.write(relative, content)
        self.git("add", *(["--force"] if force else []), "--", *files)
        result = self.run("git", "commit", "--quiet", "-m", "发布")
        committed = self.git("rev-parse", "HEAD") != self.base
        assert committed == (result.returncode == 0), result.stdout + result.stderr
        return committed, result.stdout + result.stderr


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Repo:
    top = tmp_path_factory.mktemp("guards")
    repo = Repo(top / "project", top / "pre-commit-home")
    repo.root.mkdir()
    repo.git("init", "--quiet", "--initial-branch", "main")
    for name in LINKED:
        (repo.root / name).symlink_to(ROOT / name)
    (repo.root / ".git" / "info" / "exclude").write_text("\n".join(f"/{name}" for name in LINKED) + "\n")
    for name in COPIED:
        shutil.copy(ROOT / name, repo.root / name)
    repo.git("add", *COPIED)
    repo.git("commit", "--quiet", "-m", "项目")
    repo.base = repo.git("rev-parse", "HEAD")
    # The Makefile target, without rebuilding the shared .venv it links to.
    installed = repo.run("make", "--no-print-directory", "-o", ".venv/.installed", "install-hooks")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert (repo.root / ".git" / "hooks" / "pre-commit").is_file()
    return repo


def published_files() -> dict[str, str]:
    return {
        f"data/public/{path.relative_to(FIXTURE).as_posix()}": path.read_text(encoding="utf-8")
        for path in sorted(FIXTURE.rglob("*.yaml"))
    }


def edited_proposal(**changes) -> dict[str, str]:
    record = yaml.safe_load((FIXTURE / "proposals" / "xzjy-2024-000188.yaml").read_text(encoding="utf-8"))
    record.update(changes)
    return {PROPOSAL: yaml.safe_dump(record, allow_unicode=True, sort_keys=False)}


def hook_names() -> dict[str, str]:
    """Hook id -> the name pre-commit prints for it."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook["name"] for repo in config["repos"] for hook in repo["hooks"]}


def results(output: str) -> dict[str, str]:
    """Hook id -> Passed, Failed or Skipped, from pre-commit's output."""
    found = {}
    for hook, name in hook_names().items():
        lines = [line for line in output.splitlines() if line.startswith(name + ".")]
        found[hook] = lines[0].rsplit(".", 1)[-1].split(")")[-1] if lines else "missing"
    return found


GUARDS = ("no-raw-export", "yaml-syntax", "published-schema", "leak-scan")


# --- a clean commit ---------------------------------------------------------------


def test_a_clean_commit_goes_through_with_every_guard_run(repo):
    sample = ROOT / "data" / "sample"
    files = {
        **published_files(),
        "data/public/proposals/xzjy-2023-000001.yaml": (
            "id: xzjy-2023-000001\nstatus: withdrawn\nfirst_published: '2023-06-01'\nwithdrawn_on: '2025-11-01'\n"
        ),
        "content/pages/about.md": (ROOT / "content" / "pages" / "about.md").read_text(encoding="utf-8"),
        "data/sample/dataset.yaml": (sample / "dataset.yaml").read_text(encoding="utf-8"),
        "data/sample/suggestions.csv": (sample / "suggestions.csv").read_bytes(),
    }
    committed, output = repo.commit(files)
    assert committed, output
    assert results(output) == {
        **dict.fromkeys(GUARDS, "Passed"),
        "no-staging-folder": "Skipped",
        "ruff-check": "Skipped",
        "ruff-format": "Skipped",
    }
    assert sorted(repo.git("show", "--name-only", "--format=", "HEAD").splitlines()) == sorted(files)


# --- each guard refuses its bad case -----------------------------------------------


def assert_refused(repo: Repo, files: dict, *expected: str, force: bool = False) -> str:
    committed, output = repo.commit(files, force=force)
    assert not committed, output
    for text in expected:
        assert text in output, output
    return output


def test_anything_under_data_raw_is_refused(repo):
    assert_refused(
        repo,
        {"data/raw/2024-06/suggestions.csv": RAW_HEADER, "data/raw/2024-06/README.txt": "六月导出"},
        "提交被拒绝：像是含个人信息的原始导出（2 处）",
        "data/raw/2024-06/README.txt：data/raw/ 存放原始导出，其中的任何文件都不能提交",
        "data/raw/2024-06/suggestions.csv：data/raw/ 存放原始导出",
        "处理办法：原始导出只能放在 data/raw/",
        force=True,  # data/raw/ is git-ignored: only `git add -f` stages it
    )


def test_a_csv_with_an_id_number_header_anywhere_is_refused(repo):
    assert_refused(
        repo,
        {"handover/list.csv": "序号,身份证号,备注\n1,320302199001011234,无\n", "notes/todo.md": "整理名单"},
        "提交被拒绝：像是含个人信息的原始导出（1 处）",
        "handover/list.csv：表头含个人信息列（身份证号）",
    )


def test_a_workbook_with_personal_columns_is_refused(repo, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "建议"
    sheet.append(["2024年6月建议汇总"])  # a title row before the header
    sheet.append(["建议编号", "手机号", "家庭住址"])
    workbook.save(tmp_path / "export.xlsx")
    assert_refused(
        repo,
        {"docs/June.XLSX": (tmp_path / "export.xlsx").read_bytes()},
        "docs/June.XLSX：表头含个人信息列（手机号、家庭住址、住址）",
    )


def test_a_phone_number_in_published_data_is_refused(repo):
    body = "建议在彭城七里沿线增派志愿讲解员。联系人电话13852001234。"
    output = assert_refused(
        repo,
        {**published_files(), **edited_proposal(body=body)},
        "提交被拒绝：发现疑似个人信息",
        f"{PROPOSAL} 第",
        "疑似手机号 [mobile]",
        "不要手工修改，请在原系统中修改该记录后重新导出（make export）",
    )
    assert "13852001234" not in output
    assert results(output)["published-schema"] == "Passed"  # a valid record: only the leak scan refuses it
    assert results(output)["leak-scan"] == "Failed"


def test_a_phone_number_in_a_hand_written_page_is_refused(repo):
    page = "Title: 联系我们\n\n如有疑问，请联系王老师，手机 139 1234 5678。\n"
    output = assert_refused(
        repo,
        {"content/pages/contact.md": page},
        "提交被拒绝：发现疑似个人信息（1 处）",
        "content/pages/contact.md 第 3 行",
        "疑似手机号 [mobile]",
        "content/ 中的页面：请删去或改写所指位置的内容后重新提交",
    )
    assert "139 1234 5678" not in output


def test_a_schema_violation_in_published_data_is_refused(repo):
    assert_refused(
        repo,
        {**published_files(), **edited_proposal(received="2024/04", channel="朋友圈", colour="红")},
        "提交被拒绝：data/public 中的文件不符合发布数据格式（3 处）",
        f"{PROPOSAL}「received」 —— 格式应为 'YYYY-MM' 或 'YYYY' [published.bad-format]",
        f"{PROPOSAL}「channel」 —— 不在词表 channels 中 [published.not-in-vocabulary]",
        f"{PROPOSAL}「colour」 —— 不是发布格式中的字段 [published.unknown-key]",
        "请不要手工修改，在项目目录运行 make export",
    )


def test_files_of_a_staging_or_work_folder_are_refused(repo):
    """What a killed export left beside data/public: never leak-scanned, so never committed,
    even added by force past both ignore files."""
    stats = (FIXTURE / "stats.yaml").read_text(encoding="utf-8")
    output = assert_refused(
        repo,
        {
            "data/.public.work/new-k2j4x9/stats.yaml": stats,
            "data/.public.new-a1b2c3d4/proposals/xzjy-2024-000188.yaml": "id: xzjy-2024-000188\n",
            "output/.site.old-zz/index.html": "<p>旧</p>",
            "data/public/stats.yaml": stats,
        },
        "提交被拒绝：导出或构建中断后留下的临时文件夹（3 处）",
        "data/.public.work/new-k2j4x9/stats.yaml：位于临时文件夹 .public.work/ 中",
        "data/.public.new-a1b2c3d4/proposals/xzjy-2024-000188.yaml：位于临时文件夹 .public.new-a1b2c3d4/ 中",
        "output/.site.old-zz/index.html：位于临时文件夹 .site.old-zz/ 中",
        "下一次 make export 会自动清理",
        force=True,
    )
    assert "data/public/stats.yaml：" not in output
    assert results(output)["no-staging-folder"] == "Failed"


def test_the_project_ignores_staging_and_work_folders(repo):
    """The second line of defence: `git add -A` does not pick them up at all."""
    repo.git("reset", "--quiet", "--hard", repo.base)
    staging = ("data/.public.work/new-x/stats.yaml", "data/.public.new-x/a.yaml", "data/.public.old-x/a.yaml")
    for relative in (*staging, "data/public/stats.yaml"):
        repo.write(relative, "a: 1\n")
    try:
        assert repo.git("add", "-A", "--dry-run") == "add 'data/public/stats.yaml'"
    finally:  # only what this test wrote: the links to .venv etc. are ignored too
        shutil.rmtree(repo.root / "data")


def test_a_yaml_syntax_error_is_refused(repo):
    assert_refused(
        repo,
        {".github/workflows/site.yml": "on: [push\njobs:\n  build: {}\n", "docs/example.yaml": "a: 1\n"},
        "提交被拒绝：YAML 语法错误（1 处）",
        ".github/workflows/site.yml 第 2 行",
        "处理办法：打开所列文件，修正所指的行",
    )


# --- the raw-export guard's reading of table files ------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "found"),
    [
        ("gbk.csv", "编号,姓名,电话\n".encode("gb18030"), ["姓名"]),  # Excel on a Chinese Windows
        ("bom.csv", "\ufeff建议编号\t联系电话\n".encode(), ["联系电话"]),
        ("tab.tsv", "编号\t现住址\n", ["住址"]),
        ("open-data.csv", "建议编号,标题,建议人,办理情况\nxzjy-1,加装电梯,教师 · 泉山区,已办结\n", []),
        ("text.csv", "编号,内容\n1,请在表格中填写姓名和联系电话后提交给社区\n", []),  # words in text, not headers
        ("old.xls", b"\xd0\xcf\x11\xe0" + "身份证号".encode("utf-16-le"), ["身份证号"]),
    ],
)
def test_personal_headers_are_found_in_table_files(tmp_path, name, content, found):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    assert raw_exports.headers_found(path, raw_exports.personal_headers()) == found
