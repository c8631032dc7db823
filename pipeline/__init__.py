"""The data pipeline: staff export -> validated, anonymised, deterministic YAML.

Stages, one module each: `load` (files -> tables), `normalise` (cell
spellings -> canonical values), `validate` (tables -> problems), `publication`
(which records are published), `anonymise`, `stats`, `export` (-> YAML files).
`__main__` chains them.
"""
