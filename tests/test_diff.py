"""`python -m pipeline diff` (and `make diff`) on a real git repository in
tmp_path: the committed fixture data, then a prepared re-export, compared
with the whole output."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from pipeline import yamlio
from pipeline.audit import AuditLog
from pipeline.diffing.textdiff import inline, line_diff

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "public"
PROJECT = Path(__file__).resolve().parents[1]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout.strip()


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "--all", "data")
    git(repo, "commit", "--quiet", "-m", message)
    return git(repo, "rev-parse", "--short", "HEAD")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository whose last commit holds the fixture data in data/public;
    the command runs from its top, as `make diff` does."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root / "data" / "public")
    git(root, "init", "--quiet")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.org")
    commit(root, "publish")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def diff(repo, cli):
    """Run the command on the repository's data/public: (status, stdout, stderr)."""

    def run(*args):
        return cli("diff", "--data", "data/public", "--audit", "audit", *args)

    return run


def read(path: Path) -> dict:
    return yamlio.load(path.read_text(encoding="utf-8"))


def write(path: Path, record: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yamlio.dump(record), encoding="utf-8")


def edit(path: Path, **fields) -> None:
    write(path, {**read(path), **fields})


NEW_BODY = "我母亲今年72岁，晚上九点以后从高铁站回市区很不方便。"


def prepare_change(data: Path) -> None:
    """A re-export: one proposal newly public, one corrected (text, a figure
    in it, a decision, a list), one withdrawn, the totals moved; bookkeeping
    dates written here and there (not a change to review)."""
    proposals = data / "proposals"
    write(
        proposals / "xzjy-2024-000302.yaml",
        {
            **read(proposals / "xzjy-2024-000215.yaml"),
            "id": "xzjy-2024-000302",
            "title": "延长夜间公交末班车时间",
            "body": NEW_BODY,
            "first_published": "2025-01-10",
        },
    )
    edit(
        proposals / "xzjy-2024-000101.yaml",
        decision="部分采纳",
        co_units=["市民政局", "市司法局", "市财政局"],
        outcome="市委社会工作部牵头开展专题调研，出台减负措施，社区协助事项由148项精简为60项。\n"
        "不得要求村（社区）出具的证明事项由20项增加到31项。\n设立减负观察点44个。",
        last_updated="2025-01-10",
    )
    withdrawn = {"id": "xzjy-2024-000188", "status": "withdrawn", "withdrawn_on": "2025-01-10"}
    write(proposals / "xzjy-2024-000188.yaml", withdrawn)
    edit(proposals / "xzjy-2024-000215.yaml", first_published="2024-07-15", last_updated="2024-07-15")
    stats = read(data / "stats.yaml")
    stats["totals"].update(received=125, withdrawn=2, commendations=5)
    stats["by_year"][2024]["received"] = 85
    stats["funnel"]["征集"] = 125
    write(data / "stats.yaml", stats)


def write_audit(folder: Path) -> None:
    """The audit report of that export, written by the pipeline's own AuditLog."""
    log = AuditLog()
    log.note("proposal", "xzjy-2024-000302", "body", NEW_BODY, Counter())
    log.note("proposal", "xzjy-2024-000215", "body", "我女儿在星光实验小学上学，", Counter())
    log.note("proposal", "xzjy-2024-000215", "outcome", "已为72岁的老人安装。", Counter({"name": 1}))
    log.note("proposal", "xzjy-2024-000101", "outcome", "〔姓名〕牵头调研", Counter({"name": 1}))
    log.write(folder)


PLAIN = """\
新公开 1 条，修改 1 条，撤回 1 条
比较：data/public（工作区）与版本 HEAD（{commit}）

新公开（1）
  建议 xzjy-2024-000302：延长夜间公交末班车时间

修改（1）
  删去的文字标为 [-…-]，新加的文字标为 {{+…+}}。
  建议 xzjy-2024-000101：考核指标不应层层下压到社区
    办理结果：采纳 → 部分采纳
    协办单位：市民政局、市司法局 → 市民政局、市司法局、市财政局
    办理情况：
      …协助事项由148项精简为[-61-]{{+60+}}项。
      {{+设立减负观察点44个。+}}

撤回（1）
  建议 xzjy-2024-000188：节假日在彭城七里沿线增派志愿讲解员（保留撤回页）

统计数字
  收到建议：120 → 125（+5）
  撤回：1 → 2（+1）
  获得褒奖：<5 → 5
  分项统计有变化：按年份 1 处、各办理环节 1 处（见 stats.yaml）。

审计报告
  2 条记录的公开文字中有可能识别个人的细节（共 3 处），提交前请逐条阅读：audit/report.md
  其中本次新公开或修改的 1 条：建议 xzjy-2024-000302
"""

MARKDOWN = """\
### 新公开 1 条，修改 1 条，撤回 1 条

比较：`data/public`（工作区）与版本 `HEAD`（{commit}）

#### 新公开（1）

- 建议 `xzjy-2024-000302`：延长夜间公交末班车时间

#### 修改（1）

删去的文字标为 `[-…-]`，新加的文字标为 `{{+…+}}`。

- 建议 `xzjy-2024-000101`：考核指标不应层层下压到社区
  - 办理结果：采纳 → 部分采纳
  - 协办单位：市民政局、市司法局 → 市民政局、市司法局、市财政局
  - 办理情况：

    ```text
    …协助事项由148项精简为[-61-]{{+60+}}项。
    {{+设立减负观察点44个。+}}
    ```

#### 撤回（1）

- 建议 `xzjy-2024-000188`：节假日在彭城七里沿线增派志愿讲解员（保留撤回页）

#### 统计数字

| 数字 | 原来 | 现在 | 变化 |
|---|--:|--:|--:|
| 收到建议 | 120 | 125 | +5 |
| 撤回 | 1 | 2 | +1 |
| 获得褒奖 | <5 | 5 |  |

分项统计有变化：按年份 1 处、各办理环节 1 处（见 `stats.yaml`）。

#### 审计报告

2 条记录的公开文字中有可能识别个人的细节（共 3 处），提交前请逐条阅读：`audit/report.md`

其中本次新公开或修改的 1 条：建议 `xzjy-2024-000302`
"""


def test_plain_text_of_a_prepared_change(repo, diff):
    prepare_change(repo / "data" / "public")
    write_audit(repo / "audit")
    assert diff() == (0, PLAIN.format(commit=git(repo, "rev-parse", "--short", "HEAD")), "")


def test_markdown_of_a_prepared_change(repo, diff):
    prepare_change(repo / "data" / "public")
    write_audit(repo / "audit")
    assert diff("--markdown") == (0, MARKDOWN.format(commit=git(repo, "rev-parse", "--short", "HEAD")), "")


def test_make_diff_prints_the_same(repo, diff):
    prepare_change(repo / "data" / "public")
    write_audit(repo / "audit")
    _, expected, _ = diff("--markdown")
    made = subprocess.run(
        ["make", "--no-print-directory", "-C", str(PROJECT), "diff", f"DATA={repo / 'data' / 'public'}", "MARKDOWN=1"],
        capture_output=True,
        text=True,
        cwd=repo,
    )
    # make runs from the project, so the default audit folder there is read:
    # compare everything above the audit section.
    assert made.returncode == 0, made.stderr
    assert made.stdout.split("#### 审计报告")[0] == expected.split("#### 审计报告")[0]


def test_no_changes(repo, diff):
    commit_id = git(repo, "rev-parse", "--short", "HEAD")
    expected = (
        f"没有变化\n比较：data/public（工作区）与版本 HEAD（{commit_id}）\n\n"
        "审计报告\n  没有找到审计报告 audit/report.md：它由导出（make export）写出，不提交到 git。\n"
    )
    assert diff() == (0, expected, "")


def test_bookkeeping_dates_and_yaml_layout_are_not_changes(repo, diff):
    """Every file rewritten: keys reordered, dates of the bookkeeping added."""
    for path in sorted((repo / "data" / "public").rglob("*.yaml")):
        record = read(path)
        reordered = dict(reversed(record.items()))
        write(path, {**reordered, "last_updated": "2025-01-10"} if "id" in record else reordered)
    status, out, _ = diff()
    assert (status, out.splitlines()[0]) == (0, "没有变化")
    assert git(repo, "status", "--porcelain") != ""  # the files did change on disk


def test_a_story_and_a_commendation_change(repo, diff):
    data = repo / "data" / "public"
    story = read(data / "stories" / "grassroots-burden-2024.yaml")
    story["metrics"][0]["after"] = 60
    story["body"] = story["body"].replace("形成调研报告", "形成调研报告《做好加减两篇文章》")
    write(data / "stories" / "grassroots-burden-2024.yaml", story)
    awards = read(data / "commendations" / "2024.yaml")
    awards["awards"][1].update(recipient="王建华", recipient_label="新就业群体 · 云龙区")
    write(data / "commendations" / "2024.yaml", awards)
    write(data / "commendations" / "2025.yaml", {"year": 2025, "awards": awards["awards"][:1]})
    status, out, _ = diff()
    assert status == 0
    assert out.split("\n统计数字")[0] == (
        "新公开 1 条，修改 2 条，撤回 0 条\n"
        f"比较：data/public（工作区）与版本 HEAD（{git(repo, 'rev-parse', '--short', 'HEAD')}）\n"
        "\n"
        "新公开（1）\n"
        "  褒奖 2025：1 个奖项\n"
        "\n"
        "修改（2）\n"
        "  删去的文字标为 [-…-]，新加的文字标为 {+…+}。\n"
        "  成果案例 grassroots-burden-2024：为基层减负：社区协助事项从148项减到61项\n"
        "    成果指标：\n"
        "      社区协助事项：148 → [-61-]{+60+} 项\n"
        "    正文：\n"
        "      - 开展专题调研，形成调研报告{+《做好加减两篇文章》+}\n"
        "  褒奖 2024：2 个奖项\n"
        "    奖项：\n"
        "      优秀特约人民建议征集人 · {+王建华（+}新就业群体 · 云龙区{+）+} · 2024-12-20\n"
    )
    assert out.split("\n统计数字\n")[1].startswith("  没有变化。\n")


def test_a_proposal_commended_shows_its_stage_timeline_and_award(repo, diff):
    path = repo / "data" / "public" / "proposals" / "xzjy-2024-000215.yaml"
    record = read(path)
    record["timeline"].append({"stage": "褒奖", "date": "2024-12-20", "days": 110})
    edit(
        path,
        stage="褒奖",
        timeline=record["timeline"],
        commendations=[{"year": 2024, "award": "金点子二等奖"}],
        outcome="在3个小区试点安装。",
    )
    _, out, _ = diff()
    assert out.split("修改（1）\n")[1].split("\n\n")[0] == (
        "  删去的文字标为 [-…-]，新加的文字标为 {+…+}。\n"
        "  建议 xzjy-2024-000215：加装电梯增设电动自行车识别阻车装置\n"
        "    当前环节：展示 → 褒奖\n"
        "    办理进程：\n"
        "      {+褒奖 2024-12-20+}\n"
        "    褒奖：（空） → 2024 金点子二等奖\n"
        "    办理情况：（空） → 在3个小区试点安装。"
    )


def test_withdrawn_by_deleting_files_warns_of_broken_urls(repo, diff):
    data = repo / "data" / "public"
    (data / "proposals" / "xzjy-2024-000215.yaml").unlink()
    (data / "proposals" / "xzjy-2023-000045.yaml").unlink()  # a tombstone
    (data / "stories" / "grassroots-burden-2024.yaml").unlink()
    (data / "README.txt").write_text("notes\n", encoding="utf-8")
    status, out, _ = diff()
    assert status == 0
    assert out.split("\n统计数字")[0].split("\n", 2)[2] == (
        "\n"
        "撤回（2）\n"
        "  建议 xzjy-2024-000215：加装电梯增设电动自行车识别阻车装置"
        "（文件已删除，/proposals/xzjy-2024-000215/ 将无法访问）\n"
        "  成果案例 grassroots-burden-2024：为基层减负：社区协助事项从148项减到61项"
        "（文件已删除，/stories/grassroots-burden-2024/ 将无法访问）\n"
        "\n"
        "其他文件（2）\n"
        "  proposals/xzjy-2023-000045.yaml：撤回页被删除，/proposals/xzjy-2023-000045/ 将无法访问\n"
        "  README.txt：新增\n"
    )
    assert out.startswith("新公开 0 条，修改 0 条，撤回 2 条\n")


def test_a_tombstone_published_again(repo, diff):
    data = repo / "data" / "public"
    again = {**read(data / "proposals" / "xzjy-2024-000215.yaml"), "id": "xzjy-2023-000045", "title": "重新公开的建议"}
    write(data / "proposals" / "xzjy-2023-000045.yaml", again)
    _, out, _ = diff()
    assert "新公开（1）\n  建议 xzjy-2023-000045：重新公开的建议（曾撤回，重新公开）\n" in out


def test_against_an_earlier_commit_after_committing(repo, diff):
    """Staff who committed already review the commit against the one before."""
    prepare_change(repo / "data" / "public")
    previous = git(repo, "rev-parse", "--short", "HEAD")
    commit(repo, "re-export")
    assert diff()[1].startswith("没有变化\n")
    _, out, _ = diff("--against", "HEAD~1")
    assert out.splitlines()[:2] == [
        "新公开 1 条，修改 1 条，撤回 1 条",
        f"比较：data/public（工作区）与版本 HEAD~1（{previous}）",
    ]


def test_a_folder_not_yet_committed_is_all_new(repo, cli):
    shutil.copytree(FIXTURE, repo / "build" / "data")
    _, out, _ = cli("diff", "--data", "build/data", "--audit", "audit")
    assert out.splitlines()[:3] == [
        "新公开 5 条，修改 0 条，撤回 0 条",
        f"比较：build/data（工作区）与版本 HEAD（{git(repo, 'rev-parse', '--short', 'HEAD')}）",
        "版本 HEAD 中还没有这个文件夹：其中的记录都按新公开列出。",
    ]


def test_hostile_text_cannot_act_in_a_terminal_or_a_pull_request(repo, diff):
    data = repo / "data" / "public"
    title = "看这里\x1b[2J[链接](http://a.b)<b>\u202e`代码`&amp;"
    edit(data / "proposals" / "xzjy-2024-000215.yaml", title=title)
    _, plain, _ = diff()
    _, markdown, _ = diff("--markdown")
    assert (
        "    标题：加装电梯增设电动自行车识别阻车装置 → 看这里<U+001B>[2J[链接](http://a.b)<b><U+202E>`代码`&amp;\n"
    ) in plain
    assert (
        "  - 标题：加装电梯增设电动自行车识别阻车装置 → "
        "看这里\\<U+001B>\\[2J\\[链接\\](http://a.b)\\<b>\\<U+202E>\\`代码\\`\\&amp;\n"
    ) in markdown


def test_audit_report_of_another_export(repo, diff):
    log = AuditLog()
    log.note("proposal", "xzjy-2099-000001", "body", "我母亲今年72岁", Counter())
    log.note("story", "grassroots-burden-2024", "body", "我女儿今年8岁", Counter())
    log.write(repo / "audit")
    _, out, _ = diff()
    assert out.split("审计报告\n")[1] == (
        "  2 条记录的公开文字中有可能识别个人的细节（共 2 处），提交前请逐条阅读：audit/report.md\n"
        "  注意：其中 1 条不在这个数据文件夹中，报告可能来自另一次导出；请重新导出后再看。\n"
    )


def test_audit_report_with_nothing_to_read(repo, diff):
    log = AuditLog()
    log.note("proposal", "xzjy-2024-000215", "body", "【手机号已隐去】", Counter({"mobile": 1}))
    log.write(repo / "audit")
    assert diff()[1].split("审计报告\n")[1] == "  没有需要人工查看的记录。报告：audit/report.md\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--against", "no-such-branch"),
            "无法比较：找不到版本 no-such-branch：请给出提交编号、分支名或 HEAD（新仓库要先提交一次）\n",
        ),
        (("--against=--output=x",), "无法比较：无效的版本：--output=x\n"),
        (("--data", "data/missing"), "无法比较：找不到数据文件夹 data/missing\n"),
    ],
)
def test_usage_errors(repo, cli, args, message):
    assert cli("diff", "--data", "data/public", "--audit", "audit", *args) == (2, "", message)


def test_not_a_git_repository(tmp_path, cli):
    shutil.copytree(FIXTURE, tmp_path / "public")
    status, out, err = cli("diff", "--data", tmp_path / "public", "--audit", tmp_path / "audit")
    assert (status, out, err) == (2, "", f"无法比较：{tmp_path / 'public'} 不在 git 仓库中：比较需要上一次提交的数据\n")


def test_a_repository_without_commits(tmp_path, cli):
    shutil.copytree(FIXTURE, tmp_path / "public")
    git(tmp_path, "init", "--quiet")
    status, _, err = cli("diff", "--data", tmp_path / "public", "--audit", tmp_path / "audit")
    assert (status, err) == (2, "无法比较：找不到版本 HEAD：请给出提交编号、分支名或 HEAD（新仓库要先提交一次）\n")


def test_unreadable_yaml_is_a_usage_error(repo, diff):
    (repo / "data" / "public" / "stats.yaml").write_text("totals: [unclosed\n", encoding="utf-8")
    assert diff() == (2, "", "无法比较：无法读取工作区中的 data/public/stats.yaml：不是有效的 UTF-8 YAML\n")


LONG = "一二三四五六七八九十甲乙" * 2


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ("由148项精简为61项。", "由148项精简为60项。", "由148项精简为[-61-]{+60+}项。"),
        ("每年要配合完成的考核和台账事项", "每年要完成的考核事项", "每年要[-配合-]完成的考核[-和台账-]事项"),
        (
            f"开头{LONG}改动{LONG}结尾",
            f"开头{LONG}改变{LONG}结尾",
            "…二三四五六七八九十甲乙改[-动-]{+变+}一二三四五六七八九十甲乙…",
        ),
        # kept whole: cutting would save little
        (f"{LONG[2:]}改动", f"{LONG[2:]}改变", f"{LONG[2:]}改[-动-]{{+变+}}"),
        ("年满65岁", "年满70岁", "年满[-65-]{+70+}岁"),
        ("中间两字相同的改动", "中间两字相同的修订", "中间两字相同的[-改动-]{+修订+}"),
    ],
)
def test_a_changed_line_marks_whole_numbers_and_keeps_little_context(old, new, shown):
    assert inline(old, new) == shown


def test_changed_lines_pair_with_the_line_they_edit():
    old = ["第一段没有变。", "删掉的一段。", "第三段里改了一个字。"]
    new = ["第一段没有变。", "第三段里改了两个字。", "新加的一段。"]
    assert line_diff(old, new) == ["[-删掉的一段。-]", "第三段里改了[-一-]{+两+}个字。", "{+新加的一段。+}"]
