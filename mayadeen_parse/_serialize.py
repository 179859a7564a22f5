"""JSON-safe dictionaries and back: ``to_dict``, ``to_json``, ``*_from_dict``.

Built on :func:`attrs.asdict`. Dates and datetimes become ISO 8601 strings
(``2023-11-06T16:21:00+02:00``; a day alone stays ``2023-11-06``), tuples
become lists, non-ASCII text is kept as is, and each body block carries a
``"type"`` key (``"paragraph"``, ``"heading"``...) so that the dictionary can be
turned back into the same objects: ``article_from_dict(to_dict(a)) == a``.
"""

from __future__ import annotations

import datetime
import json
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import attrs

from ._model import Article, Embed, Figure, Heading, ListBlock, Paragraph, Quote

__all__ = ["article_from_dict", "from_dict", "to_dict", "to_json"]

T = TypeVar("T")

_BLOCK_TYPES: dict[type, str] = {
    Paragraph: "paragraph",
    Heading: "heading",
    Embed: "embed",
    Figure: "figure",
    Quote: "quote",
    ListBlock: "list",
}
_BLOCK_CLASSES = {name: cls for cls, name in _BLOCK_TYPES.items()}


def _plain(value: Any) -> Any:
    if attrs.has(type(value)):
        out: dict[str, Any] = {}
        block_type = _BLOCK_TYPES.get(type(value))
        if block_type is not None:
            out["type"] = block_type
        for field in attrs.fields(type(value)):
            out[field.name] = _plain(getattr(value, field.name))
        return out
    if isinstance(value, datetime.date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def to_dict(obj: Any) -> dict[str, Any]:
    """A JSON-safe dictionary of any record of this library.

    >>> from mayadeen_parse import Link
    >>> to_dict(Link(title="Gaza", url="https://english.almayadeen.net/tags/gaza"))
    {'title': 'Gaza', 'url': 'https://english.almayadeen.net/tags/gaza'}
    """
    if not attrs.has(type(obj)):
        raise TypeError(f"to_dict() takes a mayadeen_parse record, not {type(obj).__name__}")
    result: dict[str, Any] = _plain(obj)
    return result


def to_json(obj: Any, **kwargs: Any) -> str:
    """JSON text of a record, or of a list/tuple of records.

    Keyword arguments go to :func:`json.dumps`; ``ensure_ascii`` defaults to
    ``False`` (Arabic and curly quotes stay readable).
    """
    kwargs.setdefault("ensure_ascii", False)
    if isinstance(obj, Sequence) and not isinstance(obj, str | bytes):
        return json.dumps([_plain(item) for item in obj], **kwargs)
    return json.dumps(to_dict(obj), **kwargs)


def _datetime_or_date(value: str) -> datetime.date:
    if "T" in value or " " in value.strip():
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return datetime.date.fromisoformat(value)


def _structure(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if any(opt in _BLOCK_TYPES for opt in options):
            return from_dict(_BLOCK_CLASSES[value["type"]], value)
        if datetime.date in options or datetime.datetime in options:
            return _datetime_or_date(value)
        return _structure(value, options[0]) if len(options) == 1 else value
    if origin is tuple:
        (item_hint, _) = typing.get_args(hint)
        return tuple(_structure(item, item_hint) for item in value)
    if hint is datetime.datetime:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if hint is datetime.date:
        return _datetime_or_date(value)
    if isinstance(hint, type) and attrs.has(hint):
        return from_dict(hint, value)
    return value


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Rebuild a record of class *cls* from :func:`to_dict` output.

    Raises:
        TypeError: *data* is not a mapping or lacks a required field.
    """
    if not isinstance(data, Mapping):
        raise TypeError(f"expected a dict for {cls.__name__}, got {type(data).__name__}")
    hints = typing.get_type_hints(cls)
    kwargs = {
        field.name: _structure(data[field.name], hints[field.name])
        for field in attrs.fields(cls)  # type: ignore[arg-type]
        if field.name in data
    }
    return cls(**kwargs)


def article_from_dict(data: Mapping[str, Any]) -> Article:
    """The :class:`~mayadeen_parse.Article` that :func:`to_dict` turned into *data*."""
    return from_dict(Article, data)
