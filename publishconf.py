"""Production settings (``make publish``): pelicanconf.py plus the public address."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

# The public address of the site (e.g. https://host.example), from the
# environment of the production build. Without it the build keeps relative
# URLs, so the output still works wherever it is copied.
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = not SITEURL

DELETE_OUTPUT_DIRECTORY = True
