"""Problems are data: each names the file, the row a staff member sees in
Excel (header = row 1), the column header and the value, with a stable code
for tests and a Chinese message for staff."""

from __future__ import annotations

from dataclasses import dataclass

# Stable code -> message template for staff. `{expected}` is filled per problem.
MESSAGES = {
    "file.missing": "找不到文件或工作表：{expected}",
    "file.ambiguous": "输入文件夹中有多个工作簿，无法确定使用哪一个：{expected}",
    "file.empty": "文件是空的，没有表头或数据行",
    "file.encoding": "无法识别文件编码（支持 UTF-8、带 BOM 的 UTF-8、GB18030），请在 Excel 中另存为“CSV UTF-8”",
    "file.unreadable": "无法打开文件：{expected}",
    "file.outside": "这是指向输入文件夹以外的链接（符号链接），不予读取；请把文件本身复制到输入文件夹",
    "file.not_regular": "不是普通文件（而是管道、设备或文件夹），不予读取",
    "file.too_large": "文件过大（{expected}），不像是一次导出；请检查是否选错了文件",
    "file.utf16": "文件是 UTF-16 编码（Excel 的“Unicode 文本”），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
    "file.mixed_encoding": (
        "文件混用了 UTF-8 和 GB18030 两种编码，这一行与其他行不同；请在 Excel 中整体另存为“CSV UTF-8”"
    ),
    "file.cell_too_large": "单元格过大（超过 {expected} 个字符），文件可能已损坏或不是导出文件",
    "value.nul": "单元格含有空字符（NUL），文件可能已损坏；请删除该字符后重新导出",
    "xlsx.zip": "工作簿的压缩结构异常（{expected}），可能已损坏或是“压缩炸弹”，不予读取",
    "xlsx.xml": "工作表含有 XML 不允许的内容（如空字符 NUL）或已损坏：{expected}",
    "xlsx.too_large": "工作表的已用范围过大（{expected}），请删除多余的行列后重新保存",
    "yaml.unsafe": "YAML 文件不予读取：{expected}",
    "file.ragged_row": "这一行的单元格数量与表头不一致（表头 {expected} 列）",
    "column.missing": "缺少必需的列“{expected}”",
    "column.duplicate": "表头中这一列出现了不止一次",
    "value.required": "必填项为空",
    "value.vocabulary": "不是可用的值，应为以下之一：{expected}",
    "value.date": "不是有效日期，可写作 2024-03-05、2024/3/5、2024.3.5 或 2024年3月5日",
    "value.yes_no": "应填“是”或“否”（也接受 Y/N、1/0、true/false）；是否同意不能猜测",
    "value.number": "应为数字",
    "value.year": "应为四位年份，如 2024",
    "value.slug": "编号只能由小写英文字母、数字和连字符组成，如 lift-ebike-ai",
    "value.id": "编号只能由英文字母、数字、连字符和下划线组成，如 XZJY-2024-000123",
    "value.duplicate": "编号重复，已在第 {expected} 行出现",
    "value.too_long": "内容过长（超过 {expected} 个字符）",
    "value.not_english": "英文列只能填写英文，不能含有汉字或全角符号（发现“{expected}”）；人名、地名请用拼音",
    "value.count": "应为 0 或更大的整数（人数）",
    "value.place": "只填到街道（镇）一级，不能含门牌号、楼栋、单元或其他数字",
    "value.consent_required": "填写了参会人姓名，必须写明是否同意署名（是/否）；是否同意不能猜测",
    "dates.before_submission": "活动日期早于所商议建议 {expected} 的报送日期（未报送的，早于收到日期）",
    "dates.follow_up": "跟进日期早于活动日期 {expected}",
    "value.number_mangled": "号码被 Excel 当成数字保存，末尾数字可能已丢失；请把这一列设为“文本”后重新录入",
    "dates.order": "日期早于前一环节“{expected}”的日期",
    "dates.beyond_stage": "当前环节为“{expected}”，却填写了之后环节的日期",
    "xlsx.formula": "单元格是公式，请改为粘贴数值",
    "xlsx.hidden_row": "这一行在 Excel 中被隐藏；请取消隐藏或删除这一行",
    "xlsx.hidden_column": "这一列在 Excel 中被隐藏；请取消隐藏或删除这一列",
    "xlsx.number_stored": "号码以数字格式保存，末尾数字可能已丢失；请把这一列设为“文本”后重新录入",
    "ref.unknown_case": "引用的建议编号在导出的建议表中不存在",
    "ref.unknown_story": "引用的案例编号在成果案例表中不存在",
    "guard.withdrawals": (
        "本次导出会让 {expected} 条已公开的建议下线，超过允许的比例；如确属有意，请加 --confirm-withdrawals 重新运行"
    ),
}

HIDDEN_VALUE = "（个人信息，不显示）"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    value: str | None
    code: str
    message: str


def problem(
    file: str,
    code: str,
    row: int | None = None,
    column: str | None = None,
    value: str | None = None,
    expected: str = "",
    personal: bool = False,
) -> Problem:
    """Build a Problem; a personal column's value is never carried."""
    shown = HIDDEN_VALUE if personal and value else value
    if shown is not None and len(shown) > 60:
        shown = shown[:60] + "…"
    return Problem(file, row, column, shown, code, MESSAGES[code].format(expected=expected))


def format_problem(item: Problem) -> str:
    """One line a staff member can act on: where, what, and what is expected."""
    where = item.file
    if item.row is not None:
        where += f" 第 {item.row} 行"
    if item.column:
        where += f"「{item.column}」"
    value = f"：“{item.value}”" if item.value not in (None, "") else ""
    return f"{where}{value} —— {item.message} [{item.code}]"


def in_reading_order(problems: list[Problem], headers: dict[str, dict[str, int]]) -> list[Problem]:
    """File, then the row, then the column left to right as in the export
    (`headers`: file -> header -> position)."""

    def position(item: Problem) -> tuple:
        column = headers.get(item.file, {}).get(item.column or "", -1)
        return (item.file, item.row or 0, column, item.code, item.value or "")

    return sorted(problems, key=position)
