"""Makers of hostile input files for tests/test_hostile_inputs.py: built in
tmp_path at test time, never committed."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

SHEET = "xl/worksheets/sheet1.xml"  # the 建议 sheet of exports.write_workbook


def rewrite_member(book: Path, name: str, edit) -> None:
    """Replace one member's bytes with edit(old bytes)."""
    with zipfile.ZipFile(book) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            archive.writestr(info.filename, edit(data) if info.filename == name else data)


def edit_sheet(book: Path, edit) -> None:
    rewrite_member(book, SHEET, lambda data: edit(data.decode("utf-8")).encode("utf-8"))


def stored_sheet(book: Path, text: str) -> None:
    """The 建议 sheet replaced by `text`, stored uncompressed (so only the
    sheet scan, not the ratio check, can refuse it)."""
    with zipfile.ZipFile(book) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            if name == SHEET:
                archive.writestr(name, text.encode("utf-8"), compress_type=zipfile.ZIP_STORED)
            else:
                archive.writestr(name, data)


def deflate_bomb(chunk_mib: int = 16, chunks: int = 70) -> tuple[bytes, int, int]:
    """A raw deflate stream of `chunks` x `chunk_mib` MiB of spaces, built
    without compressing a gigabyte: after a full flush the compressor starts
    afresh, so each chunk's compressed bytes are the same and can be repeated.
    -> (stream, inflated size, CRC-32 of the inflated bytes)."""
    chunk = b" " * (chunk_mib << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(chunks):
        crc = zlib.crc32(chunk, crc)
    return piece * chunks + end, len(chunk) * chunks, crc


def bomb_workbook(book: Path, declared: int | None = None) -> None:
    """The 建议 sheet replaced by a deflate bomb inflating past 1 GiB.
    `declared`: the uncompressed size its headers claim (None: the truth)."""
    stream, size, crc = deflate_bomb()
    with zipfile.ZipFile(book) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(book, "w") as archive:
        for name, data in members:
            archive.writestr(name, stream if name == SHEET else data, compress_type=zipfile.ZIP_STORED)
    _patch(book, SHEET, method=zipfile.ZIP_DEFLATED, size=size if declared is None else declared, crc=crc)


def _patch(book: Path, name: str, method: int, size: int, crc: int) -> None:
    """Rewrite a member's method, CRC and uncompressed size in both its local
    header and its central directory record."""
    data = bytearray(book.read_bytes())
    encoded = name.encode()
    with zipfile.ZipFile(book) as archive:
        local = archive.getinfo(name).header_offset
    struct.pack_into("<H", data, local + 8, method)
    struct.pack_into("<I", data, local + 14, crc)
    struct.pack_into("<I", data, local + 22, size)
    for match in re.finditer(rb"PK\x01\x02", data):
        at = match.start()
        length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + length]) == encoded:
            struct.pack_into("<H", data, at + 10, method)
            struct.pack_into("<I", data, at + 16, crc)
            struct.pack_into("<I", data, at + 24, size)
    book.write_bytes(bytes(data))


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]")
    lines.append(f"suggestions:\n  headers:\n    case_id: *a{levels}")
    return "\n".join(lines) + "\n"
