"""Old benchmark outputs moved aside instead of deleted before a timed run (docs/decisions.md 46).

On this machine's ext4 a big ``rm -rf`` makes creating files slow for the next 30–60 s (the inode
allocator skips recently deleted inodes), which would land in the build timed right after it. A
rename into the trash folder costs the same for 10 files or 40,000; the trash is deleted once, after
everything timed has run.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


class Trash:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def empty(self, *folders: Path) -> None:
        """Leave each of ``folders`` empty: what was there is renamed into the trash."""
        for folder in folders:
            if folder.exists():
                self.folder.mkdir(parents=True, exist_ok=True)
                folder.rename(Path(tempfile.mkdtemp(dir=self.folder)) / folder.name)
            folder.mkdir(parents=True)

    def remove(self) -> None:
        """Delete what was moved aside (outside any timed part)."""
        shutil.rmtree(self.folder, ignore_errors=True)
