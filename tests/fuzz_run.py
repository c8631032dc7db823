"""Running one fuzzed export in-process: write its CSVs into a fresh temp
folder, call `pipeline.__main__.main`, and check the outcome against the
pipeline's contract (exit 0 and clean published data, or exit 1 with the
problems listed; never a crash)."""

from __future__ import annotations

import contextlib
import csv
import io
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from exports import SCHEMA
from fuzz_grammar import Export

from pipeline import checks
from pipeline.__main__ import main
from pipeline.leaks import RAW_SHORT_NAME, raw_values, scan

AS_OF = "2025-11-01"
INTERNAL_ERROR = "内部错误"


@dataclass
class Run:
    status: int
    out: str
    err: str
    input: Path
    data: Path


def write(folder: Path, export: Export) -> None:
    """The four CSVs. A cell that the encoding cannot hold (a lone surrogate)
    is written as the bytes `surrogateescape` (or `surrogatepass`) makes of it:
    bytes that are not valid UTF-8, what a broken export file looks like."""
    folder.mkdir(parents=True)
    for table, (header, rows) in export.tables.items():
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator=export.newline)
        writer.writerow(header)
        writer.writerows(rows)
        text = buffer.getvalue()
        data = None
        for encoding, errors in ((export.encoding, "strict"), ("utf-8", "surrogateescape"), ("utf-8", "surrogatepass")):
            with contextlib.suppress(UnicodeEncodeError):
                data = data or text.encode(encoding, errors)
        (folder / SCHEMA[table]["file"]).write_bytes(data)


@contextlib.contextmanager
def exported(export: Export) -> Iterator[Run]:
    """Write the export and run `python -m pipeline export` on it in-process."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as temp:
        root = Path(temp)
        write(root / "in", export)
        out, err = io.StringIO(), io.StringIO()
        arguments = ["--debug", "export", "--input", root / "in", "--out", root / "data", "--audit", root / "audit"]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main([*map(str, arguments), "--as-of", AS_OF])
        yield Run(status, out.getvalue(), err.getvalue(), root / "in", root / "data")


def assert_contract(run: Run) -> None:
    """Exported and clean, or refused with its problems listed; never a crash."""
    # --debug: an internal error prints its traceback before the message.
    assert INTERNAL_ERROR not in run.err, run.err[-3000:]
    if run.status == 0:
        assert_clean(run)
    else:
        assert run.status == 1, (run.status, run.err[-3000:])
        assert run.err.startswith("导出被拒绝："), run.err[-3000:]
        listed = [line for line in run.err.splitlines()[1:] if line.startswith("  ")]
        assert listed, run.err[-3000:]
        assert not run.data.exists(), "a refused export wrote its data folder"


def assert_clean(run: Run) -> None:
    """What an export wrote passes `python -m pipeline check DATA --raw INPUT`:
    the published-data schema, and the leak scan with the export's own values."""
    assert run.out.startswith("导出完成："), run.out
    assert checks.check_folder(run.data) == []
    leaks = [leak for leak in scan([run.data], raw_values(run.input)) if leak.family != RAW_SHORT_NAME]
    assert leaks == []
