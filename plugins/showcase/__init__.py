"""showcase: render the published data folder (docs/published-data.md) as the public site.

Settings: ``SHOWCASE_DATA`` (the data folder, default ``data/public``) and
``SHOWCASE_VOCABULARY`` (default ``config/vocabulary.yaml``); relative paths
are taken from the current directory. ``SHOWCASE_SEARCH`` (default True): build
the Pagefind index at ``finalized`` (``search.py``). See README.md for the template context.
"""

from pelican import signals

from . import citation_formats, outputguard, qr, search, sitemap
from .fragments import FragmentCache
from .generator import ShowcaseGenerator
from .render import FILTERS
from .when import when_filter


def get_generators(pelican_object):
    outputguard.hold(pelican_object)  # already held since `initialized`, except in --autoreload's later runs
    return ShowcaseGenerator


def add_filters(generator):
    generator.env.add_extension(FragmentCache)
    generator.env.extensions[FragmentCache.identifier].enabled = generator.settings.get("SHOWCASE_FRAGMENTS", True)
    generator.env.filters.update(FILTERS)
    generator.env.filters.update(qr.FILTERS)
    generator.env.filters["when"] = when_filter(generator.settings)
    generator.env.filters.update(citation_formats.filters(generator.settings))


def register():
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)
    signals.all_generators_finalized.connect(sitemap.start)
    signals.content_written.connect(sitemap.collect)
    signals.initialized.connect(outputguard.hold)
    signals.finalized.connect(sitemap.write)
    signals.finalized.connect(search.write)
    signals.finalized.connect(outputguard.release)  # last: after every write of the build
