"""The open-data downloads as bytes: proposals.csv, proposals.json, stories.json.

The CSV's columns are the dictionary's fields, in its order; a row is built
from a proposal and checked against them, so the CSV and its description
cannot drift apart. The JSON files are the YAML records as they were read,
one array per kind, sorted by id, with null for a field a record's YAML
leaves out. Same data, same bytes: nothing here knows the time of the build.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re

from .citation import cite
from .dictionary import Resource
from .models import Proposal, Session

LIST_SEPARATOR = "、"
# A spreadsheet runs a cell as a formula when it begins with one of = + - @
# (Excel and WPS also take the full-width forms typed with a Chinese IME),
# even after leading blanks; a leading tab or carriage return is refused too.
FORMULA_START = re.compile(r"^(?:[\t\r]|[ \t\r\n\u3000]*[=+\-@＝＋－＠])")


def neutralise(cell: str) -> str:
    """Prefix a single quote to a cell a spreadsheet would run as a formula."""
    return "'" + cell if FORMULA_START.match(cell) else cell


def _joined(values) -> str:
    return LIST_SEPARATOR.join(values)


def proposal_row(proposal: Proposal, resource: Resource, settings: dict) -> list[str]:
    """One CSV row (not yet neutralised), in the dictionary's column order."""
    citation = cite(proposal, settings)
    values = {
        "id": proposal.id,
        "url": citation.url,
        "title": proposal.title,
        "received": proposal.received,
        "channel": proposal.channel,
        "campaign": proposal.campaign,
        "topic": proposal.topic,
        "proposer": proposal.proposer.label,
        "proposer_type": proposal.proposer.type,
        "proposer_group": proposal.proposer.group,
        "proposer_district": proposal.proposer.district,
        "decision": proposal.decision,
        "stage": proposal.stage,
        "lead_unit": proposal.lead_unit,
        "co_units": _joined(proposal.co_units),
        "first_published": citation.published,
        "last_updated": citation.updated,
        "stories": _joined(proposal.stories),
        "commendations": _joined(f"{c.year} {c.award}" for c in proposal.commendations),
        "body": proposal.body,
        "outcome": proposal.outcome,
    }
    dates = {step.name: step.date for step in proposal.steps if step.reached}
    values |= {f.name: dates.get(f.stage) for f in resource.fields if f.stage}
    return _in_order(values, resource)


# The session columns copied as they are; attendees' names are left out of the open data (see session_row).
SESSION_COLUMNS = (
    "id", "title", "held_on", "district", "street", "topic", "campaign", "proposers_present", "residents_present",
    "proposals_discussed", "agreed", "follow_up_on",
)  # fmt: skip
PAGE_ONLY_KEYS = ("attendees",)  # consenting attendees are named on the session page only


def session_row(session: Session, resource: Resource, settings: dict) -> list[str]:
    """One sessions.csv row, in the dictionary's column order."""
    citation = cite(session, settings)
    values = {name: getattr(session, name) for name in SESSION_COLUMNS}
    values |= {
        "url": citation.url,
        "units": _joined(session.units),
        "proposals": _joined(session.proposals),
        "first_published": citation.published,
        "last_updated": citation.updated,
    }
    return _in_order(values, resource)


def open_record(record: dict, resource: Resource) -> dict:
    """A YAML record as a JSON download gives it: every field of the dictionary,
    in its order, null where the YAML has none (the optional English fields are
    absent from YAML without them). Frictionless reads a JSON array of objects by
    the first object's keys, so every object carries all of them."""
    undescribed = set(record) - set(resource.field_names)
    if undescribed:
        raise ValueError(f"data_dictionary.yaml {resource.name} 缺少字段说明：{sorted(undescribed)}")
    return {name: record.get(name) for name in resource.field_names}


def open_session(record: dict) -> dict:
    """A session's YAML record as sessions.json gives it: without the names of attendees."""
    return {key: value for key, value in record.items() if key not in PAGE_ONLY_KEYS}


def _in_order(values: dict, resource: Resource) -> list[str]:
    """The row's cells in the dictionary's order; a column without a description (or the reverse) is an error."""
    if set(values) != set(resource.field_names):
        raise ValueError(
            f"data_dictionary.yaml {resource.name} 的字段与 CSV 的列不一致："
            f"缺少说明 {sorted(set(values) - set(resource.field_names))}，"
            f"缺少取值 {sorted(set(resource.field_names) - set(values))}"
        )
    return ["" if values[name] is None else str(values[name]) for name in resource.field_names]


def csv_line(cells: list[str]) -> str:
    """One CSV line, formulas neutralised, CRLF-terminated (RFC 4180)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerow([neutralise(cell) for cell in cells])
    return buffer.getvalue()


def proposals_csv(proposals, resource: Resource, settings: dict, line=None) -> bytes:
    """UTF-8 with BOM (Excel and WPS then read it as UTF-8), CRLF line ends, sorted by id.

    ``line(proposal)`` gives a proposal's CSV line (default: made here); the
    site build passes one that remembers lines between builds.
    """
    line = line or (lambda proposal: csv_line(proposal_row(proposal, resource, settings)))
    rows = [line(proposal) for proposal in sorted(proposals, key=lambda p: p.id)]
    return codecs.BOM_UTF8 + (csv_line(resource.field_names) + "".join(rows)).encode("utf-8")


def json_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


def records_json(records: list[dict], line=json_line) -> bytes:
    """The YAML records as a JSON array sorted by id, keys in the YAML's order.

    One record per line: readable in a diff, and each line goes through the C
    encoder (``indent`` would switch to the pure-Python one: 0.36 s against 0.13 s at 10k records).
    ``line(record)`` encodes one record (the site build remembers them).
    """
    ordered = sorted(records, key=lambda record: str(record["id"]))
    lines = ",\n".join(map(line, ordered))
    return f"[\n{lines}\n]\n".encode() if ordered else b"[]\n"
