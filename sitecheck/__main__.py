"""Command line: ``python -m sitecheck OUTPUT [--siteurl URL] [--only CHECK]``.

Runs every check over a built site and prints each finding (Chinese, for
staff). Exit status: 0 no finding; 1 at least one finding; 2 usage error."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from . import datapackage, feeds, html, links
from .findings import Finding, format_finding
from .site import Site

EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2

CHECKS: dict[str, tuple[str, Callable[[Site], list[Finding]]]] = {
    "links": ("链接与锚点", links.check),
    "html": ("HTML 规范", html.check),
    "feeds": ("订阅与站点地图", feeds.check),
    "datapackage": ("开放数据包", datapackage.check),
}


def run(site: Site, name: str) -> list[Finding]:
    """The findings of one check; a check that crashes is a finding itself."""
    try:
        return CHECKS[name][1](site)
    except Exception as error:
        return [Finding("", "", "internal", f"检查程序出错（{type(error).__name__}）：{error}")]


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m sitecheck", description="static checks of a built site")
    main.add_argument("output", type=Path, help="the built site (make html's OUTPUT)")
    main.add_argument(
        "--siteurl",
        default=os.environ.get("SITEURL", ""),
        help="the site's own address, for a build with absolute URLs (default: $SITEURL, as publishconf.py)",
    )
    main.add_argument("--only", action="append", choices=list(CHECKS), help="run only this check (repeatable)")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not args.output.is_dir():
        print(f"找不到要检查的网站文件夹：{args.output}", file=sys.stderr)
        return EXIT_USAGE
    site = Site(args.output, args.siteurl)
    total = 0
    for name in args.only or list(CHECKS):
        title = CHECKS[name][0]
        started = time.monotonic()
        findings = run(site, name)
        seconds = time.monotonic() - started
        total += len(findings)
        if findings:
            print(f"{title}：{len(findings)} 处问题（{seconds:.1f} 秒）", file=sys.stderr)
            for finding in findings:
                print(f"  {format_finding(finding)}", file=sys.stderr)
        else:
            print(f"{title}：通过（{seconds:.1f} 秒）")
    if total:
        print(f"网站检查未通过：{args.output} 共 {total} 处问题。", file=sys.stderr)
        return EXIT_FOUND
    print(f"网站检查通过：{args.output}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
