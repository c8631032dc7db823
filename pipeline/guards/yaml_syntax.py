"""Guard: every staged YAML file parses (syntax only: composing, not loading, so any tag is fine)."""

from __future__ import annotations

from pathlib import Path

import yaml

from .report import Guard

GUARD = Guard(
    "YAML 语法错误",
    "打开所列文件，修正所指的行（常见原因：缩进不齐、冒号后缺空格、引号没有成对）后重新提交。"
    "data/public 中的文件由导出生成，请不要手工修改，重新运行 make export 即可。",
)


def problem(path: Path) -> str | None:
    """Where and why one file does not parse, or None."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return f"{path}：不是 UTF-8 编码，请另存为 UTF-8"
    try:
        for _ in yaml.compose_all(text, Loader=yaml.CSafeLoader):
            pass
    except yaml.MarkedYAMLError as error:
        mark, start = error.problem_mark or error.context_mark, error.context_mark
        where = f" 第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else ""
        if start and mark and start.line != mark.line:
            where += f"（出错的部分从第 {start.line + 1} 行开始）"
        return f"{path}{where}：YAML 语法错误（{error.problem or error.context}）"
    except yaml.YAMLError as error:
        return f"{path}：YAML 语法错误（{error}）"
    return None


def check(paths: list[Path]) -> list[str]:
    return [found for found in map(problem, paths) if found]
