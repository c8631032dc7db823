"""Guard: the leak scanner (pipeline/leaks, independent of the scrubber) over
staged files of data/public/ and content/ (the hand-written Markdown pages)."""

from __future__ import annotations

from pathlib import Path

from ..leaks import format_leak, scan
from .report import Guard

GUARD = Guard(
    "发现疑似个人信息",
    "content/ 中的页面：请删去或改写所指位置的内容后重新提交。"
    "data/public 中的文件：不要手工修改，请在原系统中修改该记录后重新导出（make export）。"
    "如确认是可以公开的信息（例如单位的公开电话），请联系技术人员处理，不要跳过检查。",
)


def check(paths: list[Path]) -> list[str]:
    """Each finding names the file, the line and the kind of data, never the value."""
    return [format_leak(leak) for leak in scan(paths)] if paths else []
