"""Change one published proposal, as a staff re-export after one record changed would.

The first published proposal (by file name) gets one sentence appended to its body, a
different sentence each run so every incremental build sees a real change; the file is
written with the pipeline's own YAML dumper, so it stays exactly what an export writes.
The data folder is the benchmark's own copy: the change is left in place.
"""

from __future__ import annotations

import sys
from pathlib import Path

from datasets import PUBLISHED_LINE
from processes import ROOT

sys.path.insert(0, str(ROOT))
from pipeline import yamlio


class OneRecord:
    def __init__(self, data: Path) -> None:
        files = sorted((data / "proposals").glob("*.yaml"))
        self.path = next(p for p in files if PUBLISHED_LINE in p.read_text(encoding="utf-8"))
        self.original = self.path.read_bytes()

    def change(self, run: int) -> None:
        record = yamlio.load(self.original.decode("utf-8"))
        record["body"] += f"本条为基准测试第 {run} 次修改。"
        self.path.write_text(yamlio.dump(record), encoding="utf-8")
