"""Zip limits for a workbook, checked before openpyxl reads anything: how
many members, how they are compressed, their declared sizes and ratios; then
every member is inflated once through a stream capped at its declared size,
so a header that lies (declared small, inflating huge) is caught while
inflating, never after. XML members are fed to expat on the way (see
sheetscan), so a NUL or a broken sheet is named before openpyxl sees it.

Limits, against a generated 100,000-row workbook (41.5 MB on disk, 9
members, largest sheet 261 MB inflated, highest ratio 9.1 : 1)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from .inputs import MIB, size_text
from .problems import Problem, problem
from .sheetscan import SheetScan, sheet_members

MAX_MEMBERS = 500  # Excel writes 10-30
MAX_MEMBER_BYTES = 512 * MIB  # twice the 100k sheet
MAX_TOTAL_BYTES = 768 * MIB
MAX_RATIO = 100  # deflate reaches ~1000 : 1 only on padding
RATIO_FLOOR = 1 * MIB  # small XML parts may compress better; they cannot grow big
CHUNK = 1 * MIB


class ZipRefused(Exception):
    pass


def _declared(infos: list[zipfile.ZipInfo]) -> str | None:
    """Why the central directory alone is unacceptable, or None."""
    if len(infos) > MAX_MEMBERS:
        return f"内部文件 {len(infos)} 个，上限 {MAX_MEMBERS}"
    total = 0
    for info in infos:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            return f"{info.filename} 使用了 Excel 不用的压缩方式"
        if info.file_size > MAX_MEMBER_BYTES:
            return f"{info.filename} 解压后 {size_text(info.file_size)}，上限 {size_text(MAX_MEMBER_BYTES)}"
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            return f"{info.filename} 压缩比 {ratio:.0f} : 1，上限 {MAX_RATIO} : 1"
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        return f"解压后共 {size_text(total)}，上限 {size_text(MAX_TOTAL_BYTES)}"
    return None


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes, never more than it declared (zipfile stops there
    and then checks the CRC, so a lying header ends in BadZipFile)."""
    seen = 0
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            seen += len(chunk)
            if seen > info.file_size:
                raise ZipRefused(f"{info.filename} 解压后超过声明的大小")
            yield chunk


def check_workbook(handle: BinaryIO, source: str) -> tuple[dict[str, SheetScan], list[Problem]]:
    """-> each sheet's scan by sheet name, or the refusal."""
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError) as error:  # not a zip at all
        return {}, [problem(source, "file.unreadable", expected=type(error).__name__)]
    try:
        infos = archive.infolist()
        why = _declared(infos)
        if why:
            return {}, [problem(source, "xlsx.zip", expected=why)]
        members = sheet_members(archive)
        scans = {}
        for info in infos:
            name = members.get(info.filename)
            scan = SheetScan(f"{source}[{name}]" if name else source, info.filename, sheet=name is not None)
            for chunk in _inflate(archive, info):
                if info.filename.endswith((".xml", ".rels")) and not scan.feed(chunk):
                    return {}, scan.problems
            if info.filename.endswith((".xml", ".rels")) and not scan.close():
                return {}, scan.problems
            if name:
                scans[name] = scan
        return scans, []
    except ZipRefused as refused:
        return {}, [problem(source, "xlsx.zip", expected=str(refused))]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
        return {}, [problem(source, "xlsx.zip", expected=f"{type(error).__name__}: {str(error)[:80]}")]
    except Exception as error:  # zlib.error and the like: a corrupt stream
        return {}, [problem(source, "xlsx.zip", expected=type(error).__name__)]
