"""The published-data format as one JSON Schema, shared by the pipeline and the site.

`published-data.schema.json` describes every file kind of data/public/
(docs/published-data.md). Both sides check records through this package: the
pipeline (`pipeline/checks.py`, the commit guards) imports it; the site plugin
(`plugins/showcase/formats.py`) loads it from this folder by path, because the
plugin imports nothing from the project outside its own folder.

    schema = record_schema("proposal", vocabularies_from_yaml(raw_vocabulary))
    for finding in schema.check(record):
        print(finding.key, finding.code, finding.message)

This package imports only the standard library, fastjsonschema and jsonschema.
"""

from .findings import Finding
from .validator import KINDS, SCHEMA_FILE, RecordSchema, load_schema, record_schema, vocabularies_from_yaml

__all__ = [
    "KINDS",
    "SCHEMA_FILE",
    "Finding",
    "RecordSchema",
    "load_schema",
    "record_schema",
    "vocabularies_from_yaml",
]
