"""The open data package ``data/datapackage.json`` validates with Frictionless:
its metadata, and every resource against its schema (types, enums, dates,
primary keys, byte counts and hashes).

The download must stand alone and the check must make no request: a
descriptor that points a resource, schema or dialect to another host is a
finding, and is not validated."""

from __future__ import annotations

import json
import re

from .findings import Finding
from .site import Site

PACKAGE = "data/datapackage.json"
REMOTE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
LINKED_KEYS = ("path", "schema", "dialect")  # values Frictionless would open


def check(site: Site) -> list[Finding]:
    path = site.root / PACKAGE
    if not path.is_file():
        return [Finding(PACKAGE, "", "datapackage", "缺少开放数据包描述文件")]
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return [Finding(PACKAGE, "", "datapackage", f"无法读取为 JSON（{type(error).__name__}）")]
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return [Finding(PACKAGE, "", "datapackage", "不是数据包描述：应为含 resources 列表的 JSON 对象")]
    remote = [
        (resource.get("name") or str(number), key)
        for number, resource in enumerate(descriptor["resources"], 1)
        if isinstance(resource, dict)
        for key in LINKED_KEYS
        for value in _strings(resource.get(key))
        if REMOTE.match(value)
    ]
    if remote:
        return [
            Finding(PACKAGE, f"资源 {name}", "datapackage", f"{key} 指向其他网站：数据包必须自成一体")
            for name, key in remote
        ]
    try:
        import frictionless

        report = frictionless.validate(str(path), type="package")
    except Exception as error:  # a broken descriptor must be a finding, never a crash
        return [Finding(PACKAGE, "", "datapackage", f"Frictionless 无法校验（{type(error).__name__}）：{error}")]
    findings = [_finding("", error) for error in report.errors]
    for task in report.tasks:
        findings += [_finding(f"资源 {task.name}", error) for error in task.errors]
    return findings


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def _finding(resource: str, error) -> Finding:
    row = getattr(error, "row_number", None)
    field = getattr(error, "field_name", None)
    place = " ".join(
        part for part in (resource, f"第 {row} 行" if row else "", f"字段 {field}" if field else "") if part
    )
    return Finding(PACKAGE, place, "datapackage", f"数据包校验错误（{error.type}）：{error.note}")
