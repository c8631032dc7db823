"""The parts of `python -m pipeline diff` (see pipeline/diff.py): read the
data folder in the work tree and at a git revision, compare the records,
the figures and the audit report, and render the result for a reviewer."""
