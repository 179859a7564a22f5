"""Write the JSON Schema of the library's JSON output to ``mayadeen_parse/schemas/``.

Run from the repository root after changing a public record::

    python -m tools.make_schema          # rewrite mayadeen_parse/schemas/*.schema.json
    python -m tools.make_schema --check  # exit 1 if a file is out of date

The files ship in the wheel; :func:`mayadeen_parse.schema` loads them.

The schema is generated from the model — the attrs classes of
``mayadeen_parse/_model.py``, their type annotations and the docstring under
each field — and describes exactly what :func:`mayadeen_parse.to_dict` and
:func:`mayadeen_parse.to_json` write (and what the command line prints): every
field is present, absence is ``null`` or ``[]``, text is never empty and never
starts or ends with whitespace, URLs are absolute, datetimes carry an offset,
a day alone is ``YYYY-MM-DD``, each body block has a ``"type"``, and an
article has its derived ``"text"``. ``jsonl-line.schema.json`` describes one
line of the command line's ``--jsonl`` output: a record (an article, a page,
or a list under ``"items"``) or an error, plus the envelope keys.
``tests/test_schema.py`` checks that the files here are what this script
writes and that every fixture's output validates.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any

import attrs

import mayadeen_parse as mp
from mayadeen_parse._jsonl import JSONL_MODES
from mayadeen_parse._serialize import _BLOCK_TYPES, DERIVED
from tools.modelinfo import RECORDS, REPORT_RECORDS, field_docs, field_hints, is_block_union

__all__ = ["JSONL_LINE", "SCHEMA_DIR", "TOP_LEVEL", "generate", "jsonl_line_schema", "main", "render", "schema_for"]

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "mayadeen_parse" / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: File name → the record it describes. Lists (``--breaking``...) are arrays of these.
TOP_LEVEL: dict[str, type] = {
    "article.schema.json": mp.Article,
    "page-content.schema.json": mp.PageContent,
    "breaking-item.schema.json": mp.BreakingItem,
    "teaser.schema.json": mp.Teaser,
    "report.schema.json": mp.Report,
}
#: The file of the ``--jsonl`` line schema (see :func:`jsonl_line_schema`).
JSONL_LINE = "jsonl-line.schema.json"

# Normalised text: not empty, no whitespace at either end (newlines inside are
# allowed: a <br> in a paragraph). Python and ECMA-262 read it the same way.
TEXT = {"type": "string", "minLength": 1, "pattern": r"^\S(?:[\s\S]*\S)?$"}
URL = {"type": "string", "format": "uri", "pattern": r"^https?://\S+$"}
# isoformat() of an aware datetime: the offset is always there.
DATETIME = {
    "type": "string",
    "format": "date-time",
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?$",
}
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

# What the annotations cannot say, from the fields' docstrings.
EXTRA: dict[tuple[str, str], dict[str, Any]] = {
    ("Article", "post_id"): {"pattern": r"^[0-9]+$"},
    ("Article", "language"): {"pattern": r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*$"},
    ("Heading", "level"): {"minimum": 1, "maximum": 6},
    ("Article", "read_time_minutes"): {"minimum": 0},
    ("Article", "word_count"): {"minimum": 0},
    ("Article", "video_duration_seconds"): {"minimum": 0},
}

_ROLE_RE = re.compile(r":(?:py:)?\w+:`~?(?:[\w.]+\.)?([^`.]+)`")


def _plain_doc(doc: str) -> str:
    """A field docstring as plain text: RST roles and literals unwrapped."""
    text = _ROLE_RE.sub(r"\1", doc).replace("``", "`")
    return " ".join(text.split())


def _ref(cls: type) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _type_schema(hint: Any, field: str, owner: type, used: set[type]) -> dict[str, Any]:
    if is_block_union(hint):
        for block in typing.get_args(hint):
            used.add(block)
        return {"oneOf": [_ref(block) for block in typing.get_args(hint)]}
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(hint))}
    if origin is typing.Union or origin is types.UnionType:
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        schemas = [_type_schema(arg, field, owner, used) for arg in options]
        if type(None) in typing.get_args(hint):
            schemas.append({"type": "null"})
        return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
    if origin is tuple:
        item, _ = typing.get_args(hint)
        return {"type": "array", "items": _type_schema(item, field, owner, used)}
    if hint is str:
        if owner in REPORT_RECORDS and field != "url":
            # The report's texts are diagnostics, not page text: "" is allowed.
            return {"type": "string"}
        return dict(URL if field == "url" else TEXT) | EXTRA.get((owner.__name__, field), {})
    if hint is float:
        return {"type": "number"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"} | EXTRA.get((owner.__name__, field), {})
    if hint is datetime.datetime:
        return dict(DATETIME)
    if hint is datetime.date:
        return dict(DATE)
    if isinstance(hint, type) and attrs.has(hint):
        used.add(hint)
        return _ref(hint)
    raise TypeError(f"{owner.__name__}.{field}: no JSON Schema for {hint!r}")  # pragma: no cover


def _object_schema(cls: type, used: set[type]) -> dict[str, Any]:
    docs, hints = field_docs(cls), field_hints(cls)
    properties: dict[str, Any] = {}
    block_type = _BLOCK_TYPES.get(cls)
    if block_type is not None:
        properties["type"] = {"const": block_type, "description": "Which kind of body block this is."}
    derived = DERIVED.get(cls)
    for name, hint in hints.items():
        schema = _type_schema(hint, name, cls, used)
        if docs[name]:
            schema = {"description": _plain_doc(docs[name]), **schema}
        properties[name] = schema
        if derived is not None and name == derived[1]:
            doc = getattr(cls, derived[0]).__doc__ or ""
            properties[derived[0]] = {"description": _plain_doc(doc.split("\n\n")[0]), "type": "string"}
    return {
        "type": "object",
        "description": _plain_doc(cls.__doc__ or cls.__name__),
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _defs(used: set[type], top: type | None) -> dict[str, Any]:
    """The ``$defs`` of every record in *used* and the records they hold, in model order."""
    defs: dict[str, Any] = {}
    pending = set(used)
    while pending:
        record = pending.pop()
        if record.__name__ in defs or record is top:
            continue
        found: set[type] = set()
        defs[record.__name__] = _object_schema(record, found)
        pending |= found - {top} if top is not None else found
    order = {record: i for i, record in enumerate(RECORDS + REPORT_RECORDS)}
    return {name: defs[name] for name in sorted(defs, key=lambda n: order[getattr(mp, n)])}


def schema_for(cls: type) -> dict[str, Any]:
    """The self-contained JSON Schema of ``to_dict(<a cls instance>)``."""
    used: set[type] = set()
    top = _object_schema(cls, used)
    return {
        "$schema": DIALECT,
        "title": f"mayadeen_parse {cls.__name__}",
        "$comment": "Generated by `python -m tools.make_schema` from mayadeen_parse/_model.py. Do not edit.",
        **top,
        "$defs": _defs(used, cls),
    }


# The envelope of a --jsonl line (docs/cli.md; the names agreed for the batch
# command line): always "path", "parser_version" and "mode"; the four "warc_*" keys
# together, for a page read from a WARC record; "error" and "message" instead
# of the record when the page failed.
ENVELOPE: dict[str, dict[str, Any]] = {
    "path": {
        "description": "The input path as given on the command line, or - for standard input.",
        "type": "string",
        "minLength": 1,
    },
    "parser_version": {
        "description": "mayadeen_parse.__version__ of the parser that wrote the line.",
        "type": "string",
        "minLength": 1,
    },
    "mode": {
        "description": (
            "The option that wrote the line: article (none), all, breaking, most-read, related, read-next, "
            "report; read_jsonl_line reads the record with from_dict of its class."
        ),
        "enum": list(JSONL_MODES),
    },
    "warc_file": {"description": "The WARC file the page was read from.", "type": "string", "minLength": 1},
    "warc_offset": {"description": "Byte offset of the WARC record in warc_file.", "type": "integer", "minimum": 0},
    "warc_url": {
        "description": "The record's WARC-Target-URI; null when the record has none.",
        "anyOf": [URL, {"type": "null"}],
    },
    "warc_date": {
        "description": "The record's WARC-Date, ISO 8601 with an offset (or Z); null when missing or unreadable.",
        "anyOf": [
            {
                "type": "string",
                "format": "date-time",
                "pattern": DATETIME["pattern"].replace("[+-]", "(?:Z|[+-]").replace(")?)?$", ")?)?)$"),
            },
            {"type": "null"},
        ],
    },
}
_ALWAYS = ["path", "parser_version", "mode"]
_WARC = ["warc_file", "warc_offset", "warc_url", "warc_date"]


def _line(
    description: str, properties: dict[str, Any], required: list[str], modes: tuple[str, ...] = JSONL_MODES
) -> dict[str, Any]:
    envelope = {**ENVELOPE, "mode": {**ENVELOPE["mode"], "enum": list(modes)}}
    return {
        "type": "object",
        "description": description,
        "properties": {**properties, **envelope},
        "required": required + _ALWAYS,
        "additionalProperties": False,
        "dependentRequired": {key: [other for other in _WARC if other != key] for key in _WARC},
    }


def jsonl_line_schema() -> dict[str, Any]:
    """The JSON Schema of one line of ``mayadeen-parse --jsonl``.

    One of: an article (the default mode), a page (``--all``), a list
    (``--breaking``, ``--most-read``, ``--related``, ``--read-next``) under
    ``"items"``, a trust report (``--report``), or an error; each with the
    envelope keys.
    """
    used: set[type] = set()
    article = _object_schema(mp.Article, used)
    page = _object_schema(mp.PageContent, used)
    report = _object_schema(mp.Report, used)
    breaking = _type_schema(tuple[mp.BreakingItem, ...], "items", mp.PageContent, used)
    teasers = _type_schema(tuple[mp.Teaser, ...], "items", mp.PageContent, used)
    items = "What a list mode found, in page order."
    error = {
        "error": {
            "description": "The exception's class name, or WorkerCrashed, InputError...",
            "type": "string",
            "minLength": 1,
        },
        "message": {"description": "What went wrong, in words.", "type": "string"},
    }
    return {
        "$schema": DIALECT,
        "title": "mayadeen_parse --jsonl line",
        "$comment": "Generated by `python -m tools.make_schema` from mayadeen_parse/_model.py. Do not edit.",
        "description": _plain_doc(jsonl_line_schema.__doc__ or "").split(" One of:")[0]
        + ": a record or an error, plus the envelope keys (path, parser_version, mode; warc_file, warc_offset,"
        " warc_url and warc_date for a page read from a WARC record).",
        "oneOf": [
            _line(
                "An article (the default mode): Article's keys.",
                article["properties"],
                article["required"],
                ("article",),
            ),
            _line("A page (--all): PageContent's keys.", page["properties"], page["required"], ("all",)),
            _line("The ticker (--breaking).", {"items": {"description": items, **breaking}}, ["items"], ("breaking",)),
            _line(
                "A list of teasers (--most-read, --related, --read-next).",
                {"items": {"description": items, **teasers}},
                ["items"],
                ("most-read", "related", "read-next"),
            ),
            _line("A trust report (--report): Report's keys.", report["properties"], report["required"], ("report",)),
            _line("A page that failed: no record, the error instead.", error, ["error", "message"]),
        ],
        "$defs": _defs(used, None),
    }


def generate() -> dict[str, str]:
    """Every schema file: name → its text."""
    files = {name: render(schema_for(cls)) for name, cls in TOP_LEVEL.items()}
    files[JSONL_LINE] = render(jsonl_line_schema())
    return files


def render(schema: dict[str, Any]) -> str:
    """The text of a schema file: stable key order as built, 2-space indent."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.make_schema", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report out-of-date files instead of writing them")
    args = parser.parse_args(argv)
    stale = []
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, text in generate().items():
        path = SCHEMA_DIR / name
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not args.check:
            path.write_text(text, encoding="utf-8")
    for name in stale:
        print(f"{'out of date' if args.check else 'wrote'}: mayadeen_parse/schemas/{name}", file=sys.stderr)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
