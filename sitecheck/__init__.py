"""Static checks of a built site (``python -m sitecheck OUTPUT``), one module
per check: ``links`` (internal links and anchors resolve, no request to
another host), ``html`` (the Nu HTML checker), ``feeds`` (Atom feeds and the
sitemap), ``datapackage`` (Frictionless). Each ``check(site)`` returns a list
of findings and never raises on bad input. Messages are in Chinese for staff."""
