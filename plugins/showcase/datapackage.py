"""``/data/datapackage.json``: the Frictionless Data Package of the downloads.

Made from the data dictionary (so every field has the description the /data/
page shows) and from the bytes of the CSV (``bytes`` and a sha256 ``hash``,
which ``frictionless validate`` checks). No build time is written:
the same data gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json

from .dictionary import DataDictionary, Field, Resource


def _field(field: Field) -> dict:
    described = {"name": field.name, "type": field.type, "title": field.title, "description": field.description}
    constraints: dict = {}
    if field.required:
        constraints["required"] = True
    if field.pattern:
        constraints["pattern"] = field.pattern
    if field.enum is not None:
        constraints["enum"] = list(field.enum)
    if constraints:
        described["constraints"] = constraints
    return described


def _resource(resource: Resource, content: bytes) -> dict:
    """Every resource is a table (a JSON array of objects is one too, so its schema is checked).
    Frictionless reads JSON as a stream and cannot count its bytes: size and hash are given
    for the CSV only."""
    integrity = {"bytes": len(content), "hash": "sha256:" + hashlib.sha256(content).hexdigest()}
    return {
        "name": resource.name,
        "type": "table",
        "path": resource.path,
        "title": resource.title,
        "description": resource.description,
        "format": resource.format,
        "mediatype": resource.mediatype,
        "encoding": "utf-8",
        **(integrity if resource.format == "csv" else {}),
        "schema": {"fields": [_field(f) for f in resource.fields], "primaryKey": [resource.primary_key]},
    }


def datapackage(dictionary: DataDictionary, contents: dict[str, bytes], settings: dict) -> bytes:
    """The package as JSON bytes; ``contents`` maps each resource's path to its bytes."""
    site_url = (settings.get("SITEURL") or "").rstrip("/")
    package = {
        "name": dictionary.name,
        "title": dictionary.title,
        "description": dictionary.description,
        **({"homepage": f"{site_url}/data/"} if site_url else {}),
        "licenses": [dict(dictionary.license)],
        "contributors": [{"title": settings.get("SITENAME", ""), "role": "publisher"}],
        "resources": [_resource(r, contents[r.path]) for r in dictionary.resources],
    }
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
