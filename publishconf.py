"""Production settings (``make publish``): pelicanconf.py plus absolute URLs."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402, F403

# The public address of the site, without a trailing slash. Set SITEURL in the
# environment of the production build; the placeholder is never a real host.
SITEURL = os.environ.get("SITEURL", "https://example.invalid")
RELATIVE_URLS = False

DELETE_OUTPUT_DIRECTORY = True
