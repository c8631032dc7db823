"""Real-browser tests (Playwright + Debian's Chromium) over the sample site served on 127.0.0.1.

A package so that module names here (``test_search`` ...) do not clash with those in ``tests/``.
"""
