"""Small hand-made staff exports for tests: valid by default, so a test
changes exactly the cell it is about."""

from __future__ import annotations

import csv
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = yaml.safe_load((ROOT / "config" / "columns.yaml").read_text(encoding="utf-8"))
TABLES = ("suggestions", "stories", "story_metrics", "commendations")


def headers(table: str) -> list[str]:
    return [column["header"] for column in SCHEMA[table]["columns"].values()]


def suggestion(number: int, **changes: str) -> dict:
    """A published suggestion (adopted, consented, at 展示) by header."""
    row = {
        "建议编号": f"XZJY-2024-{number:06d}",
        "收到日期": "2024-03-05",
        "征集渠道": "家门口党群服务中心",
        "专项活动": "",
        "领域": "城乡建设",
        "建议标题": f"关于老旧小区加装电梯的建议{number}",
        "建议内容": "我是张伟，住在云龙区民主南路8号3栋2单元501室，电话13852001234。建议加装电梯。",
        "建议人姓名": "张伟",
        "联系电话": "13852001234",
        "身份证号": "32030319850312123X",
        "联系地址": "云龙区民主南路8号3栋2单元501室",
        "电子邮箱": "zhangwei@example.com",
        "工作单位": "徐州市某某机械厂",
        "建议人类别": "教师",
        "所在地区": "云龙区",
        "特约建议人": "否",
        "当前环节": "展示",
        "办理结果": "采纳",
        "牵头单位": "市住房城乡建设局",
        "协办单位": "市市场监管局、云龙区政府",
        "报送日期": "2024-03-08",
        "督办日期": "2024-03-20",
        "转化日期": "2024-04-15",
        "反馈日期": "2024-05-06",
        "展示日期": "2024-05-20",
        "褒奖日期": "",
        "办理情况": "已纳入2024年加装电梯计划。张伟同志的建议被采纳。",
        "同意公开": "是",
        "同意署名": "否",
        "已撤回": "否",
    }
    row.update(changes)
    return row


def story(**changes: str) -> dict:
    row = {
        "案例编号": "lift-ebike-ai",
        "标题": "电梯里的“电动车识别”",
        "摘要": "加装电梯增设阻车系统。",
        "正文": "## 变化\n\n- 已安装 **120** 套",
        "相关建议": "XZJY-2024-000001",
        "专项活动": "加强和改进社会安全生产",
        "牵头单位": "市住房城乡建设局",
        "发布日期": "2024-06-01",
    }
    row.update(changes)
    return row


def metric(**changes: str) -> dict:
    row = {"案例编号": "lift-ebike-ai", "指标": "社区协助事项", "原值": "148", "现值": "61", "单位": "项", "说明": ""}
    row.update(changes)
    return row


def commendation(**changes: str) -> dict:
    row = {
        "年度": "2024",
        "奖项": "金点子一等奖",
        "建议编号": "XZJY-2024-000001",
        "获奖人姓名": "张伟",
        "获奖人类别": "教师",
        "所在地区": "云龙区",
        "同意署名": "否",
        "颁发日期": "2024-12-20",
    }
    row.update(changes)
    return row


def default_rows() -> dict[str, list[dict]]:
    return {
        "suggestions": [
            suggestion(1),
            suggestion(2, **{"建议人姓名": "李娜", "建议内容": "本人李娜建议增设休息驿站。"}),
        ],
        "stories": [story()],
        "story_metrics": [metric()],
        "commendations": [commendation()],
    }


def write_csv(
    path: Path, header: list[str], rows: list[dict], encoding: str = "utf-8-sig", newline: str = "\r\n"
) -> None:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, lineterminator=newline)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(h, "") for h in header])


def write_export(folder: Path, rows: dict[str, list[dict]] | None = None, **options) -> Path:
    """Write the four CSVs; `rows` replaces whole tables of the default."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = default_rows()
    tables.update(rows or {})
    for table in TABLES:
        write_csv(folder / SCHEMA[table]["file"], headers(table), tables[table], **options)
    return folder


def write_workbook(path: Path, rows: dict[str, list[dict]] | None = None, as_dates: bool = True):
    """The same export as an .xlsx workbook; ISO date cells become real dates."""
    import datetime as dt

    from openpyxl import Workbook

    tables = default_rows()
    tables.update(rows or {})
    book = Workbook()
    book.remove(book.active)
    for table in TABLES:
        sheet = book.create_sheet(SCHEMA[table]["sheet"])
        columns = SCHEMA[table]["columns"].values()
        sheet.append([c["header"] for c in columns])
        for row in tables[table]:
            cells = []
            for column in columns:
                value = row.get(column["header"], "")
                if as_dates and column["type"] == "date" and value:
                    value = dt.datetime.strptime(value, "%Y-%m-%d")
                cells.append(value if value != "" else None)
            sheet.append(cells)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return book


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below a folder: relative path -> bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def work_leftovers(data: Path) -> list[str]:
    """What a run left in DATA's work folder beyond its own .gitignore and lock
    (durable/folders.py): staging or retired trees, temporary files."""
    work = data.parent / f".{data.name}.work"
    return sorted(p.name for p in work.iterdir() if p.name not in (".gitignore", "lock")) if work.is_dir() else []
