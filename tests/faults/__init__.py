"""Fault tests of the export: real `python -m pipeline export` processes killed,
refused, failed at named points (durable/faults.py), on full and read-only disks."""
