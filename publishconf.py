"""Production settings (``make publish``): pelicanconf.py plus the public address.

``make publish`` builds with these settings and then runs the same checks as
``make check`` on the result; a failed check deletes the output folder."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

# The public address of the site (e.g. https://host.example), from the
# environment of the production build. Without it the build keeps relative
# URLs, so the output still works wherever it is copied.
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = not SITEURL

# Feeds are on in every build: the showcase plugin writes feeds/*.atom.xml
# (Pelican's own feeds stay off, pelicanconf.py); with SITEURL set their
# links are absolute, as feed readers expect.

# A production build starts from an empty folder: no page of an earlier build survives.
DELETE_OUTPUT_DIRECTORY = True
