"""What the public records say about themselves: field docstrings and types.

Shared by the JSON Schema generator (:mod:`tools.make_schema`) and the docs'
field reference (``docs/_ext/field_reference.py``), so that both describe the
model from the same source: the attrs classes in ``mayadeen_parse/_model.py``
and the docstring written under each field.
"""

from __future__ import annotations

import ast
import datetime
import inspect
import itertools
import types
import typing
from functools import cache
from typing import Any

import attrs

import mayadeen_parse as mp
from mayadeen_parse import _model, _report_model

__all__ = ["BLOCK_TYPES", "RECORDS", "REPORT_RECORDS", "field_docs", "field_hints", "is_block_union", "type_label"]

#: Every public record, in the order the docs and the schema list them.
RECORDS: tuple[type, ...] = (
    mp.Article,
    mp.Author,
    mp.Image,
    mp.Tag,
    mp.Link,
    mp.Paragraph,
    mp.Heading,
    mp.Embed,
    mp.Figure,
    mp.Quote,
    mp.ListBlock,
    mp.Teaser,
    mp.BreakingItem,
    mp.PageContent,
)

#: The records of the trust report (:func:`mayadeen_parse.inspect_page`), in
#: the order the schema lists them.
REPORT_RECORDS: tuple[type, ...] = (
    mp.Report,
    mp.MissingField,
    mp.Disagreement,
    mp.SourceValue,
    mp.BlockLayout,
    mp.StructuredSource,
    mp.Provenance,
)

#: The members of the ``Block`` union, in declaration order.
BLOCK_TYPES: tuple[type, ...] = typing.get_args(mp.Block)


@cache
def _model_docs() -> dict[tuple[str, str], str]:
    """``(class name, field name) → docstring`` for every documented field.

    attrs keeps no field docstrings at run time; like Sphinx's autodoc, read
    the bare string statement that follows each annotated field in the source.
    """
    docs: dict[tuple[str, str], str] = {}
    # The records of the model, and those of the trust report.
    nodes = [node for module in (_model, _report_model) for node in ast.parse(inspect.getsource(module)).body]
    for node in nodes:
        if not isinstance(node, ast.ClassDef):
            continue
        body = node.body
        for stmt, after in itertools.pairwise(body):
            if (
                isinstance(stmt, ast.AnnAssign)
                and isinstance(stmt.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                docs[node.name, stmt.target.id] = inspect.cleandoc(after.value.value)
    return docs


def field_docs(cls: type) -> dict[str, str]:
    """Each field of the attrs class *cls* → its docstring (``""`` if none)."""
    docs = _model_docs()
    return {field.name: docs.get((cls.__name__, field.name), "") for field in attrs.fields(cls)}


def field_hints(cls: type) -> dict[str, Any]:
    """Each field of *cls* → its resolved type annotation, in field order."""
    hints = typing.get_type_hints(cls)
    return {field.name: hints[field.name] for field in attrs.fields(cls)}


def is_block_union(hint: Any) -> bool:
    """Whether *hint* is the ``Block`` union (``Paragraph | Heading | ...``)."""
    return _is_union(hint) and set(typing.get_args(hint)) == set(BLOCK_TYPES)


def _is_union(hint: Any) -> bool:
    origin = typing.get_origin(hint)
    return origin is typing.Union or origin is types.UnionType


def type_label(hint: Any) -> str:
    """A short, readable spelling of a field's type, as the model writes it.

    >>> type_label(field_hints(mp.Teaser)["published"])
    'datetime.date | datetime.datetime | None'
    >>> type_label(field_hints(mp.Article)["body"])
    'tuple[Block, ...]'
    """
    if hint is type(None):
        return "None"
    if is_block_union(hint):
        return "Block"
    if _is_union(hint):
        return " | ".join(type_label(arg) for arg in typing.get_args(hint))
    if typing.get_origin(hint) is typing.Literal:
        return " | ".join(repr(arg) for arg in typing.get_args(hint))
    if typing.get_origin(hint) is tuple:
        item, _ = typing.get_args(hint)
        return f"tuple[{type_label(item)}, ...]"
    if hint in (datetime.date, datetime.datetime):
        return f"datetime.{hint.__name__}"
    if isinstance(hint, type):
        return hint.__name__
    return str(hint)  # pragma: no cover - no other kind of annotation in the model
