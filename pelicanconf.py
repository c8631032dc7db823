"""Pelican settings for local builds (``make html``). Production: publishconf.py."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent

SITENAME = "倾听徐州·在一起"
SITEURL = ""
RELATIVE_URLS = True
DEFAULT_LANG = "zh"  # the theme writes lang="zh-CN"; "zh-CN" here breaks i18n_subsites
TIMEZONE = "Asia/Shanghai"

PATH = "content"
# Hand-written pages are Markdown. The reST reader is off: docutils has no
# "zh" localisation and would warn on every build.
READERS = {"rst": None}
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["showcase"]

# The published data folder and the vocabulary (see plugins/showcase/README.md).
# Choose the folder with -e 'SHOWCASE_DATA="build/data"' on the pelican command
# line or with the environment variable SHOWCASE_DATA (-e wins). A relative
# path is taken from the current directory.
SHOWCASE_DATA = os.environ.get("SHOWCASE_DATA") or str(ROOT / "data" / "public")
SHOWCASE_VOCABULARY = str(ROOT / "config" / "vocabulary.yaml")
# The Pagefind search index (output/pagefind/), built at the end of every build
# by plugins/showcase/search.py; -e SHOWCASE_SEARCH=false skips it.
SHOWCASE_SEARCH = True

# What the build keeps between runs to skip unchanged work, keyed on content
# (plugins/showcase/writer.py): SHOWCASE_CACHE in the environment names the
# folder; an empty value turns the cache off.
SHOWCASE_CACHE = os.environ.get("SHOWCASE_CACHE", str(ROOT / ".cache" / "showcase"))
# Compiled templates go to SHOWCASE_CACHE/jinja/: the plugin installs Jinja's bytecode cache
# there (plugins/showcase/bytecode.py), one that ignores a damaged file instead of failing.

# Pelican leaves autoescape off; every data string must be escaped.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "auto_reload": False,  # templates do not change during a build: no stat per get_template
    "extensions": [],
}

# How a date reads on the site: the `when` filter (plugins/showcase/when.py) of the theme.
SHOWCASE_DATE_FORMATS = {"year": "{year}年", "month": "{year}年{month}月", "day": "{year}年{month}月{day}日"}

# Hand-written pages at /<slug>/.
PAGE_PATHS = ["pages"]
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# A page's English version (content/pages/en/<name>.md, same Slug, Lang: en) is a Pelican
# translation of it (page.translations): Pelican writes no file for it; the English edition
# renders it under /en/<slug>/.
PAGE_LANG_URL = ""
PAGE_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""

# No articles: the showcase plugin writes the index and every data page.
ARTICLE_PATHS = []
DIRECT_TEMPLATES = []
ARTICLE_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
INDEX_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""

# Pelican's own feeds are off: the showcase plugin writes feeds/*.atom.xml.
FEED_ALL_ATOM = None
# Our own feeds (plugins/showcase/pages/feeds.py) carry the newest 50 entries.
FEED_MAX_ITEMS = 50
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

STATIC_PATHS = []
DEFAULT_PAGINATION = False
# The proposal lists (index, facets, campaigns, collectors): 20 a page, page n at <list>/page/<n>/.
PAGINATED_TEMPLATES = {"proposals": 20, "facet": 20, "campaign": 20, "changes": 50, "collectors": 20, "collector": 20}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
DELETE_OUTPUT_DIRECTORY = False
