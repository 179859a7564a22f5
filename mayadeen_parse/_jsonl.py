"""Reading back the command line's JSON Lines: :func:`read_jsonl_line`.

A line of ``mayadeen-parse --jsonl`` is a record's :func:`~mayadeen_parse.to_dict`
keys (a list under ``"items"``) plus the envelope keys: ``"path"``,
``"parser_version"``, ``"mode"`` (which option wrote it), the four
``"warc_*"`` keys for a page read from a WARC record, and ``"error"`` and
``"message"`` instead of the record for a page that failed. The envelope is
not part of the record, so :func:`~mayadeen_parse.from_dict` alone refuses
the line; :func:`read_jsonl_line` splits it and reads the record with
``from_dict`` of the mode's class.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import Any, Literal, TypeAlias, cast

import attrs

from ._errors import RecordError
from ._model import Article, BreakingItem, PageContent, Teaser
from ._report_model import Report
from ._serialize import _datetime, from_dict

__all__ = ["ENVELOPE_KEYS", "JSONL_MODES", "JsonlLine", "JsonlMode", "line_modes", "read_jsonl_line"]

#: The ``"mode"`` of a line: the option that wrote it (``"article"``: none).
JsonlMode: TypeAlias = Literal["article", "all", "breaking", "most-read", "related", "read-next", "report"]
#: Every mode, in the order of the command line's options.
JSONL_MODES: tuple[JsonlMode, ...] = ("article", "all", "breaking", "most-read", "related", "read-next", "report")
_LIST_MODES = frozenset({"breaking", "most-read", "related", "read-next"})
_TEASER_MODES = frozenset({"most-read", "related", "read-next"})
#: The keys a line carries besides its record, in the order they are written.
ENVELOPE_KEYS = ("path", "parser_version", "mode", "warc_file", "warc_offset", "warc_url", "warc_date")
_WARC_KEYS = ENVELOPE_KEYS[3:]
_ERROR_KEYS = ("error", "message")
_RECORD_CLASSES: dict[str, type] = {"article": Article, "all": PageContent, "report": Report}

#: What a line holds: a record, a list of items, or nothing (a failure).
LineRecord: TypeAlias = Article | PageContent | Report | tuple[BreakingItem, ...] | tuple[Teaser, ...] | None


@attrs.frozen(kw_only=True)
class JsonlLine:
    """One line of ``mayadeen-parse --jsonl``: the envelope, and the record
    read back as :func:`~mayadeen_parse.from_dict` reads it."""

    path: str
    """The input path as given on the command line (``"-"``: standard input)."""
    parser_version: str
    """``mayadeen_parse.__version__`` of the parser that wrote the line."""
    mode: JsonlMode | None
    """The option that wrote the line (``"article"``: none, ``"most-read"``:
    ``--most-read``...); for a line without a ``"mode"`` key (written before
    it existed), what its keys tell, or ``None`` when they cannot (a failure,
    a list of teasers, an empty list)."""
    record: LineRecord
    """The :class:`~mayadeen_parse.Article` (the default mode), the
    :class:`~mayadeen_parse.PageContent` (``--all``), the
    :class:`~mayadeen_parse.Report` (``--report``), the tuple of
    :class:`~mayadeen_parse.BreakingItem` or :class:`~mayadeen_parse.Teaser`
    (the list modes), equal to what the Python API gives for the page;
    ``None`` for a failure."""
    error: str | None = None
    """For a failure: the exception's class name (``"InputError"``,
    ``"NotAnArticleError"``, ``"WorkerCrashed"``...); else ``None``."""
    message: str | None = None
    """For a failure: what went wrong, in words; else ``None``."""
    warc_file: str | None = None
    """The WARC file the page was read from; ``None`` for other inputs."""
    warc_offset: int | None = None
    """Byte offset of the WARC record in :attr:`warc_file`."""
    warc_url: str | None = None
    """The record's ``WARC-Target-URI``."""
    warc_date: datetime.datetime | None = None
    """The record's ``WARC-Date`` (aware), or ``None``."""


def _keys_fit(keys: set[str], cls: type) -> bool:
    allowed = {field.name for field in attrs.fields(cls)} | ({"text"} if cls is Article else set())
    return keys <= allowed


def line_modes(data: Mapping[str, Any]) -> frozenset[str]:
    """The modes that could have written the line *data* (a decoded JSON
    object): its ``"mode"`` when it has one, else what its keys allow; every
    mode for a failure without ``"mode"``, none for an object that is no line."""
    mode = data.get("mode")
    if mode is not None:
        return frozenset({mode}) if mode in JSONL_MODES else frozenset()
    if "error" in data:
        return frozenset(JSONL_MODES)
    keys = {key for key in data if key not in ENVELOPE_KEYS}
    if "items" in data:
        items = data["items"]
        if keys != {"items"} or not isinstance(items, list):
            return frozenset()
        if not items:
            return _LIST_MODES
        first = items[0]
        first_keys = set(first) if isinstance(first, Mapping) else set()
        breaking, teaser = _keys_fit(first_keys, BreakingItem), _keys_fit(first_keys, Teaser)
        return frozenset(({"breaking"} if breaking else set()) | (_TEASER_MODES if teaser else set()))
    return frozenset(mode for mode, cls in _RECORD_CLASSES.items() if keys and _keys_fit(keys, cls))


def _text(data: Mapping[str, Any], key: str, *, optional: bool = False) -> Any:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value:
        raise RecordError(f"$.{key}", value, "expected a non-empty string" + ("" if optional else " (always there)"))
    return value


def _envelope(data: Mapping[str, Any]) -> dict[str, Any]:
    head: dict[str, Any] = {"path": _text(data, "path"), "parser_version": _text(data, "parser_version")}
    if any(key in data for key in _WARC_KEYS):
        offset = data.get("warc_offset")
        if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
            raise RecordError("$.warc_offset", offset, "expected the record's byte offset, an integer >= 0")
        head["warc_file"] = _text(data, "warc_file")
        head["warc_offset"] = offset
        head["warc_url"] = _text(data, "warc_url", optional=True)
        date = data.get("warc_date")
        head["warc_date"] = None if date is None else _datetime(date, "$.warc_date")
    return head


def _mode(data: Mapping[str, Any]) -> JsonlMode | None:
    if "mode" not in data:
        modes = line_modes(data)
        if not modes:
            raise RecordError("$", sorted(data), "these keys are no line of mayadeen-parse --jsonl in any mode")
        return cast("JsonlMode", next(iter(modes))) if len(modes) == 1 else None
    mode = data["mode"]
    if mode not in JSONL_MODES or not isinstance(mode, str):
        raise RecordError("$.mode", mode, f"unknown mode; expected one of {list(JSONL_MODES)}")
    return cast("JsonlMode", mode)


def _record(data: Mapping[str, Any], mode: JsonlMode | None) -> LineRecord:
    body = {key: value for key, value in data.items() if key not in ENVELOPE_KEYS}
    if mode in _RECORD_CLASSES:
        return cast("LineRecord", from_dict(_RECORD_CLASSES[mode], body))
    if set(body) != {"items"} or not isinstance(body["items"], list):
        raise RecordError("$", sorted(body), f"a line of mode {mode or 'list'} holds one key, items, a list")
    items: list[Any] = body["items"]
    cls = BreakingItem if mode == "breaking" else Teaser  # None: an older line of teasers, or empty
    out: list[Any] = []
    for index, item in enumerate(items):
        try:
            out.append(from_dict(cls, item))
        except RecordError as exc:
            raise RecordError(f"$.items[{index}]{exc.path[1:]}", exc.value, exc.problem) from None
    return cast("LineRecord", tuple(out))


def read_jsonl_line(line: str | bytes | Mapping[str, Any]) -> JsonlLine:
    """One line of ``mayadeen-parse --jsonl`` (the text, or the object
    :func:`json.loads` made of it) as a :class:`JsonlLine`: the envelope,
    and the record read with :func:`~mayadeen_parse.from_dict` of the class
    its ``"mode"`` names. An item of ``--format json``'s array for several
    pages is read the same way.

    A line written before the ``"mode"`` key existed is read by its keys.

    >>> line = read_jsonl_line('{"path": "a.html", "parser_version": "0.1.0", "mode": "breaking", "items": []}')
    >>> line.path, line.mode, line.record, line.error
    ('a.html', 'breaking', (), None)

    Raises:
        RecordError: not JSON, not an object, an envelope key missing or of
            the wrong type, or a record that ``from_dict`` refuses (its
            path is then the path inside the line: ``$.items[2].time``).
    """
    if isinstance(line, str | bytes):
        try:
            data: Any = json.loads(line)
        except ValueError as exc:
            raise RecordError("$", line, f"not a line of JSON ({exc})") from None
    else:
        data = line
    if not isinstance(data, Mapping):
        raise RecordError("$", data, "expected a JSON object")
    head = _envelope(data)
    mode = _mode(data)
    if "error" in data:
        extra = [key for key in data if key not in ENVELOPE_KEYS and key not in _ERROR_KEYS]
        if extra:
            raise RecordError(f"$.{extra[0]}", extra[0], "a failure's line holds no record")
        message = data.get("message")
        if not isinstance(message, str):
            raise RecordError("$.message", message, "expected a string (a failure's message)")
        return JsonlLine(**head, mode=mode, record=None, error=_text(data, "error"), message=message)
    return JsonlLine(**head, mode=mode, record=_record(data, mode))
