"""Write the JSON Schema of the library's JSON output to ``schema/``.

Run from the repository root after changing a public record::

    python -m tools.make_schema          # rewrite schema/*.schema.json
    python -m tools.make_schema --check  # exit 1 if a file is out of date

The schema is generated from the model — the attrs classes of
``mayadeen_parse/_model.py``, their type annotations and the docstring under
each field — and describes exactly what :func:`mayadeen_parse.to_dict` and
:func:`mayadeen_parse.to_json` write (and what the command line prints): every
field is present, absence is ``null`` or ``[]``, text is never empty and never
starts or ends with whitespace, URLs are absolute, datetimes carry an offset,
a day alone is ``YYYY-MM-DD``, and each body block has a ``"type"``.
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
from mayadeen_parse._serialize import _BLOCK_TYPES
from tools.modelinfo import RECORDS, field_docs, field_hints, is_block_union

__all__ = ["SCHEMA_DIR", "TOP_LEVEL", "main", "render", "schema_for"]

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: File name → the record it describes. Lists (``--breaking``...) are arrays of these.
TOP_LEVEL: dict[str, type] = {
    "article.schema.json": mp.Article,
    "page-content.schema.json": mp.PageContent,
    "breaking-item.schema.json": mp.BreakingItem,
    "teaser.schema.json": mp.Teaser,
}

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
        return dict(URL if field == "url" else TEXT) | EXTRA.get((owner.__name__, field), {})
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
    for name, hint in hints.items():
        schema = _type_schema(hint, name, cls, used)
        if docs[name]:
            schema = {"description": _plain_doc(docs[name]), **schema}
        properties[name] = schema
    return {
        "type": "object",
        "description": _plain_doc(cls.__doc__ or cls.__name__),
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def schema_for(cls: type) -> dict[str, Any]:
    """The self-contained JSON Schema of ``to_dict(<a cls instance>)``."""
    used: set[type] = set()
    top = _object_schema(cls, used)
    defs: dict[str, Any] = {}
    pending = set(used)
    while pending:
        record = pending.pop()
        if record.__name__ in defs or record is cls:
            continue
        found: set[type] = set()
        defs[record.__name__] = _object_schema(record, found)
        pending |= found - {cls}
    order = {record: i for i, record in enumerate(RECORDS)}
    return {
        "$schema": DIALECT,
        "title": f"mayadeen_parse {cls.__name__}",
        "$comment": "Generated by `python -m tools.make_schema` from mayadeen_parse/_model.py. Do not edit.",
        **top,
        "$defs": {name: defs[name] for name in sorted(defs, key=lambda n: order[getattr(mp, n)])},
    }


def render(schema: dict[str, Any]) -> str:
    """The text of a schema file: stable key order as built, 2-space indent."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.make_schema", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report out-of-date files instead of writing them")
    args = parser.parse_args(argv)
    stale = []
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, cls in TOP_LEVEL.items():
        path = SCHEMA_DIR / name
        text = render(schema_for(cls))
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not args.check:
            path.write_text(text, encoding="utf-8")
    for name in stale:
        print(f"{'out of date' if args.check else 'wrote'}: schema/{name}", file=sys.stderr)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
