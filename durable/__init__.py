"""Crash-safe file operations shared by the pipeline and the site build.

The pipeline imports this package as ``durable``; the Pelican plugin loads it
by path (``plugins/showcase/shared.py``), as it does ``schema/``, because the
plugin imports nothing from the project outside its own folder.

- ``faults``: test-only fault points (kill or fail the process at a named step).
- ``files``: fsync of files and folders, atomic file writes, the atomic exchange of two folders.
- ``folders``: a folder replaced whole (staging beside it, swapped in with one step, recovered after a kill).
- ``lock``: one run at a time per folder, with the holder's pid; a dead holder's lock is taken over.

See docs/decisions.md ("Durability and locking") for the guarantees.
"""
