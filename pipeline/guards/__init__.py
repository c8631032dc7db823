"""The commit guards: what `git commit` runs through pre-commit
(.pre-commit-config.yaml, `make install-hooks`) so nothing unsafe is committed.

    python -m pipeline.guards yaml FILE...         YAML that does not parse
    python -m pipeline.guards published FILE...    data/public files off the published-data schema
    python -m pipeline.guards leaks FILE...        personal data in data/public and content/
    python -m pipeline.guards raw-export FILE...   anything under data/raw/, spreadsheets with personal columns

Each guard names every file it refuses and says, in Chinese, what to do; the
exit status is 1 when it refuses anything. Modules: one per guard, and
`report` for the message staff read.
"""
