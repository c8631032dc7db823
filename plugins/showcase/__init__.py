"""showcase: render the published data folder (docs/published-data.md) as the public site.

Settings: ``SHOWCASE_DATA`` (the data folder, default ``data/public``) and
``SHOWCASE_VOCABULARY`` (default ``config/vocabulary.yaml``); relative paths
are taken from the current directory. ``SHOWCASE_SEARCH`` (default True): build
the Pagefind index at ``finalized`` (``search.py``). See README.md for the template context.
"""

from pelican import signals

from . import buildstamp, outputguard, search, sitemap
from .generator import ShowcaseGenerator, skip_pelican_pages


def get_generators(pelican_object):
    outputguard.hold(pelican_object)  # already held since `initialized`, except in --autoreload's later runs
    buildstamp.check(pelican_object)  # every run, before any generator exists
    return ShowcaseGenerator


def add_filters(generator):
    if buildstamp.vouched(generator.output_path):  # nothing will be rendered (buildstamp.py)
        return
    from . import chart_rows, citation_formats, i18n, imports, qr
    from .fragments import FragmentCache
    from .render import FILTERS
    from .when import when_filter

    generator.env.add_extension(FragmentCache)
    shared = generator.settings.get("SHOWCASE_FRAGMENTS", True)  # fragments and imports: one switch
    generator.env.extensions[FragmentCache.identifier].enabled = shared
    imports.install(generator.env, shared)
    i18n.install(generator.env, generator.settings)
    generator.env.filters.update(FILTERS)
    generator.env.filters.update(qr.FILTERS)
    generator.env.filters.update(chart_rows.FILTERS)
    generator.env.filters["when"] = when_filter(generator.settings)
    generator.env.filters.update(citation_formats.filters(generator.settings))


def register():
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)
    signals.all_generators_finalized.connect(sitemap.start)
    signals.all_generators_finalized.connect(skip_pelican_pages)
    signals.content_written.connect(sitemap.collect)
    signals.initialized.connect(outputguard.hold)
    signals.finalized.connect(sitemap.write)
    signals.finalized.connect(search.write)
    signals.finalized.connect(buildstamp.write)  # after every other output of the build
    signals.finalized.connect(outputguard.release)  # last: after every write of the build
