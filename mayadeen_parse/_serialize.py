"""JSON-safe dictionaries and back: ``to_dict``, ``to_json``, ``from_dict``.

Built on the attrs fields of each record. Dates and datetimes become ISO 8601
strings (``2023-11-06T16:21:00+02:00``; a day alone stays ``2023-11-06``),
tuples become lists, non-ASCII text is kept as is, each body block carries a
``"type"`` key (``"paragraph"``, ``"heading"``...) and an article carries its
derived ``"text"`` (:attr:`Article.text <mayadeen_parse.Article.text>`), so
that the dictionary can be turned back into the same objects:
``from_dict(Article, to_dict(a)) == a``.

:func:`from_dict` is the door for stored JSON: it checks what it reads against
the model (types, aware datetimes, known keys and block types) and raises
:class:`~mayadeen_parse.RecordError` naming the field path and the value,
rather than building a record that breaks the model's promises.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
import types
import typing
import warnings
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar, overload

import attrs

from ._errors import RecordError
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

#: Values computed from a record's fields and written beside them: class →
#: (key, the field it follows in the output, how to compute it).
DERIVED: dict[type, tuple[str, str, Any]] = {
    Article: ("text", "body", lambda article: article.text),
}


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    # attrs.fields() builds nothing, but the lookup costs more than the cache.
    return tuple(field.name for field in attrs.fields(cls))


def _plain(value: Any) -> Any:
    cls = type(value)
    if attrs.has(cls):
        out: dict[str, Any] = {}
        block_type = _BLOCK_TYPES.get(cls)
        if block_type is not None:
            out["type"] = block_type
        derived = DERIVED.get(cls)
        for name in _field_names(cls):
            out[name] = _plain(getattr(value, name))
            if derived is not None and name == derived[1]:
                out[derived[0]] = derived[2](value)
        return out
    if isinstance(value, datetime.date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def _is_record(obj: object) -> bool:
    return attrs.has(type(obj))


@overload
def to_dict(obj: attrs.AttrsInstance) -> dict[str, Any]: ...
@overload
def to_dict(obj: Sequence[attrs.AttrsInstance]) -> list[dict[str, Any]]: ...
def to_dict(obj: attrs.AttrsInstance | Sequence[attrs.AttrsInstance]) -> dict[str, Any] | list[dict[str, Any]]:
    """A JSON-safe dictionary of a record of this library, or a list of them
    for a tuple or list of records (what ``parse_breaking`` and the other
    list helpers return).

    >>> from mayadeen_parse import Link
    >>> to_dict(Link(title="Gaza", url="https://english.almayadeen.net/tags/gaza"))
    {'title': 'Gaza', 'url': 'https://english.almayadeen.net/tags/gaza'}
    >>> to_dict(())
    []

    Raises:
        TypeError: *obj* is neither a record nor a sequence of records.
    """
    if _is_record(obj):
        result: dict[str, Any] = _plain(obj)
        return result
    if isinstance(obj, tuple | list):
        for index, item in enumerate(obj):
            if not _is_record(item):
                raise TypeError(
                    f"to_dict() takes a mayadeen_parse record or a sequence of records; item {index} is a "
                    f"{type(item).__name__}"
                )
        return [_plain(item) for item in obj]
    raise TypeError(f"to_dict() takes a mayadeen_parse record or a sequence of records, not {type(obj).__name__}")


def to_json(obj: attrs.AttrsInstance | Sequence[attrs.AttrsInstance], **kwargs: Any) -> str:
    """JSON text of a record, or of a list/tuple of records (as :func:`to_dict`).

    Keyword arguments go to :func:`json.dumps`; ``ensure_ascii`` defaults to
    ``False`` (Arabic and curly quotes stay readable).

    Raises:
        TypeError: *obj* is neither a record nor a sequence of records.
    """
    kwargs.setdefault("ensure_ascii", False)
    return json.dumps(to_dict(obj), **kwargs)


# --- from_dict: the checked way back ------------------------------------------

# What isoformat() writes for an aware datetime (an offset is required; "Z" is
# read too, as other tools write it), and for a date. Spelled out rather than
# left to fromisoformat(), which on Python 3.11+ also reads "20231106" and
# week dates, and differs between versions.
_DATETIME_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)"
)
_NAIVE_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")

_SCALARS: dict[type, str] = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}


def _is_union(hint: Any) -> bool:
    origin = typing.get_origin(hint)
    return origin is typing.Union or origin is types.UnionType


def _scalar_ok(value: Any, hint: type) -> bool:
    # bool is an int in Python, not in the model: True is no word count.
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, hint)


def _datetime(value: Any, path: str) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        parsed = value
    elif isinstance(value, str) and _DATETIME_RE.fullmatch(value):
        try:
            parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as exc:
            raise RecordError(path, value, f"not a valid date and time ({exc})") from None
    elif isinstance(value, str) and _NAIVE_RE.fullmatch(value):
        raise RecordError(path, value, "a datetime without a UTC offset; expected e.g. 2023-11-06T16:21:00+02:00")
    else:
        raise RecordError(path, value, "expected an ISO 8601 date and time with a UTC offset")
    if parsed.utcoffset() is None:
        raise RecordError(path, value, "a naive datetime; expected a timezone-aware one")
    return parsed


def _date(value: Any, path: str) -> datetime.date:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and _DATE_RE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as exc:
            raise RecordError(path, value, f"not a valid date ({exc})") from None
    raise RecordError(path, value, "expected a date, YYYY-MM-DD")


def _describe(hint: Any) -> str:
    if _is_union(hint):
        return " or ".join(_describe(arg) for arg in typing.get_args(hint))
    if hint is type(None):
        return "null"
    if typing.get_origin(hint) is tuple:
        return "a list"
    if hint in _SCALARS:
        return _SCALARS[hint]
    if hint is datetime.datetime:
        return "a date and time"
    if hint is datetime.date:
        return "a date"
    if typing.get_origin(hint) is typing.Literal:
        return "one of " + ", ".join(repr(arg) for arg in typing.get_args(hint))
    return f"an object ({getattr(hint, '__name__', hint)})"


def _structure(value: Any, hint: Any, path: str) -> Any:
    if _is_union(hint):
        return _structure_union(value, hint, path)
    if value is None:
        raise RecordError(path, value, f"null is not allowed here; expected {_describe(hint)}")
    if typing.get_origin(hint) is tuple:
        if not isinstance(value, list | tuple):
            raise RecordError(path, value, "expected a list")
        (item_hint, _) = typing.get_args(hint)
        return tuple(_structure(item, item_hint, f"{path}[{index}]") for index, item in enumerate(value))
    if hint is datetime.datetime:
        return _datetime(value, path)
    if hint is datetime.date:
        return _date(value, path)
    if hint in _SCALARS:
        if not _scalar_ok(value, hint):
            raise RecordError(path, value, f"expected {_SCALARS[hint]}")
        return value
    if typing.get_origin(hint) is typing.Literal:
        allowed = typing.get_args(hint)
        if value not in allowed or not isinstance(value, str):
            raise RecordError(path, value, f"expected one of {list(allowed)}")
        return value
    if isinstance(hint, type) and attrs.has(hint):
        return _record(hint, value, path)
    if hint is Any:  # pragma: no cover - no such field today
        return value
    raise TypeError(f"{path}: from_dict() cannot read a field of type {hint!r}")  # pragma: no cover


def _structure_union(value: Any, hint: Any, path: str) -> Any:
    options = typing.get_args(hint)
    if value is None:
        if type(None) in options:
            return None
        raise RecordError(path, value, f"null is not allowed here; expected {_describe(hint)}")
    options = tuple(arg for arg in options if arg is not type(None))
    if len(options) == 1:
        return _structure(value, options[0], path)
    if all(opt in _BLOCK_TYPES for opt in options):
        return _block(value, path)
    if set(options) == {datetime.date, datetime.datetime}:
        # A day alone, or an instant: the string's shape says which.
        if isinstance(value, str) and _DATE_RE.fullmatch(value):
            return _date(value, path)
        return _datetime(value, path)
    for option in options:
        if option in _SCALARS and _scalar_ok(value, option):
            return value
    raise RecordError(path, value, f"expected {_describe(hint)}")


def _block(value: Any, path: str) -> Any:
    if not isinstance(value, Mapping):
        raise RecordError(path, value, "expected an object (a body block)")
    if "type" not in value:
        raise RecordError(f"{path}.type", None, f"a body block needs a type, one of {sorted(_BLOCK_CLASSES)}")
    block_type = value["type"]
    cls = _BLOCK_CLASSES.get(block_type) if isinstance(block_type, str) else None
    if cls is None:
        raise RecordError(f"{path}.type", block_type, f"unknown block type; expected one of {sorted(_BLOCK_CLASSES)}")
    return _record(cls, value, path)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _record(cls: type[T], data: Any, path: str) -> T:
    if not isinstance(data, Mapping):
        raise RecordError(path, data, f"expected an object ({cls.__name__})")
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    known = {field.name for field in fields}
    block_type = _BLOCK_TYPES.get(cls)
    derived = DERIVED.get(cls)
    extra = {"type"} if block_type is not None else set()
    if derived is not None:
        extra.add(derived[0])
    for key in data:
        if key not in known and key not in extra:
            where = f"{path}.{key}" if isinstance(key, str) else path
            raise RecordError(where, key, f"unknown key for {cls.__name__}")
    if block_type is not None and "type" in data and data["type"] != block_type:
        raise RecordError(f"{path}.type", data["type"], f"expected {block_type!r} for {cls.__name__}")
    hints = _hints(cls)  # type: ignore[arg-type]
    kwargs: dict[str, Any] = {}
    for field in fields:
        if field.name in data:
            kwargs[field.name] = _structure(data[field.name], hints[field.name], f"{path}.{field.name}")
        elif field.default is attrs.NOTHING:
            raise RecordError(f"{path}.{field.name}", None, f"missing; {cls.__name__} requires it")
    record = cls(**kwargs)
    if derived is not None and derived[0] in data:
        key, _, compute = derived
        if data[key] != compute(record):
            raise RecordError(
                f"{path}.{key}", data[key], f"not the {key} computed from the record's other fields; fix or drop it"
            )
    return record


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Rebuild a record of class *cls* from :func:`to_dict` output (or from
    that output read back from JSON), checking it on the way.

    Every key must be a field of *cls* (or the block ``"type"``, or an
    article's derived ``"text"``, which must then equal the text of the
    rebuilt article); every value must have the field's type; datetimes
    must carry a UTC offset; a field with no default must be present; a
    missing optional field takes its default.

    >>> from mayadeen_parse import Link
    >>> from_dict(Link, {"title": "Gaza", "url": "https://english.almayadeen.net/tags/gaza"})
    Link(title='Gaza', url='https://english.almayadeen.net/tags/gaza')
    >>> from_dict(Link, {"title": 5, "url": "https://english.almayadeen.net/tags/gaza"})
    Traceback (most recent call last):
    ...
    mayadeen_parse._errors.RecordError: $.title: expected a string (got 5)

    Raises:
        RecordError: *data* is not such a record; the error names the field
            path (``$.body[2].type``) and the value.
        TypeError: *cls* is not a record class of this library.
    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise TypeError(f"from_dict() takes a mayadeen_parse record class, not {cls!r}")
    # A block read on its own may leave out its "type" (the class says it).
    return _record(cls, data, "$")  # type: ignore[return-value]


def article_from_dict(data: Mapping[str, Any]) -> Article:
    """The :class:`~mayadeen_parse.Article` that :func:`to_dict` turned into *data*.

    .. deprecated:: 0.1.0
        Use ``from_dict(Article, data)``, which this calls: one way to do it.
    """
    warnings.warn(
        "article_from_dict(data) is deprecated; use from_dict(Article, data)",
        DeprecationWarning,
        stacklevel=2,
    )
    return from_dict(Article, data)
