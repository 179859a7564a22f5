"""Pages out of WARC files (Common Crawl, Heritrix, Browsertrix, ``wget --warc-file``).

Two layers:

- :class:`WarcReader` walks a ``.warc`` or ``.warc.gz`` file (one gzip member
  per record, as Common Crawl and every crawler write it) and gives one
  :class:`WarcResponse` (the HTTP body as the server meant it, with its URL,
  fetch time, charset and status) or one :class:`WarcProblem` per HTML
  response of the site's hosts. Everything else is skipped and counted in
  :attr:`WarcReader.skipped`.
- :func:`iter_warc` parses each response with
  :func:`~mayadeen_parse.load_page` and gives one :class:`WarcPage` per
  response: a page, or an error.

The WARC format is read by warcio (the reference implementation of the field,
https://github.com/webrecorder/warcio), an optional extra:
``pip install 'mayadeen-parse[warc]'``. It is imported only when a reader is
made. What warcio does and what this module does itself (measured with warcio
1.8.1):

- warcio parses the WARC and HTTP headers, finds each record's offset, and
  undoes the per-record gzip of the file. This module reads the record's HTTP
  body as stored (``raw_stream``) and :mod:`._http` decodes it, because warcio's
  ``content_stream()`` dechunks only when ``Transfer-Encoding`` is exactly
  ``chunked``, decodes only a single ``Content-Encoding`` it knows (``gzip``,
  ``deflate``; ``br`` only when ``brotli`` is importable), and on a corrupt
  stream prints the zlib error on stderr and returns the bytes decoded so far
  as if they were the whole body. Here a list of encodings is undone in
  order, bounded by :data:`~mayadeen_parse.MAX_INPUT_SIZE` (a gzip bomb
  stops there), and a failure is a :class:`WarcProblem`.
- warcio does not tell a truncated record from a complete one: its reader
  returns fewer bytes than the record's ``Content-Length``. This module
  compares them.
- warcio does not resolve ``revisit`` records. This module remembers the
  responses it has seen (their offsets) and re-reads the one a revisit
  points to (by ``WARC-Refers-To``, by ``WARC-Refers-To-Target-URI`` and
  ``WARC-Refers-To-Date``, or by payload digest); a revisit whose payload is
  in another file is a :class:`WarcProblem`.
- fastwarc (https://github.com/chatnoir-eu/chatnoir-resiliparse) walks
  records about five times faster than warcio, but reading is not the cost:
  on 3,000 responses it would save 0.1 ms of the 3.1 ms a page takes to read,
  load and parse (``docs/scale.md``, "WARC files"), so warcio it is.
- Common Crawl stores bodies already decoded, and renames the headers to
  ``X-Crawler-Content-Encoding`` and ``X-Crawler-Transfer-Encoding``: those
  are not undone again (:mod:`._http`).
"""

from __future__ import annotations

import collections
import datetime
import importlib
import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, TypeAlias
from urllib.parse import urlsplit

import attrs

from ._editions import EDITION_HOSTS
from ._errors import InputError, MayadeenParseError, MissingExtraError
from ._http import BodyError, charset, decode_body, is_html, maybe_html, skip_status, status_code
from ._page import MAX_INPUT_SIZE, Page, load_page

__all__ = [
    "EDITION_HOSTS",
    "WARC_SUFFIXES",
    "WarcPage",
    "WarcPages",
    "WarcProblem",
    "WarcReader",
    "WarcResponse",
    "iter_warc",
    "warc_page",
]


#: File names that hold WARC records (Common Crawl, Heritrix, wget and
#: Browsertrix write ``.warc.gz``; ``.warc`` is the uncompressed form).
WARC_SUFFIXES = (".warc", ".warc.gz")

_INSTALL = "pip install 'mayadeen-parse[warc]'"
# WARC-Date: ISO 8601 in UTC, "2023-11-02T10:11:12Z"; WARC 1.1 allows a
# fraction of a second of any length (Browsertrix writes microseconds).
_WARC_DATE_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$", re.IGNORECASE
)
# Unseekable input: how many bytes of earlier payloads are kept for revisits.
_KEPT_BYTES = MAX_INPUT_SIZE


@attrs.frozen(kw_only=True)
class WarcResponse:
    """One HTTP response of the site read from a WARC record, body decoded."""

    url: str
    """The record's ``WARC-Target-URI``."""
    fetched_at: datetime.datetime | None
    """The record's ``WARC-Date`` (timezone-aware, UTC), or ``None`` when
    missing or invalid."""
    offset: int
    """Where the record starts in the file, in bytes (the start of its gzip
    member in a ``.warc.gz``): seek there and read one record to get it again.
    For a file object, counted from where it was when the reader started."""
    length: int
    """How many bytes the record takes in the file from :attr:`offset` (the
    ``length`` of a Common Crawl index entry)."""
    file: str | None
    """The WARC file as given, or the file object's ``name``, else ``None``."""
    encoding: str | None
    """The ``charset`` of the HTTP ``Content-Type`` header, as written, or
    ``None``: the encoding hint for :func:`~mayadeen_parse.load_page`."""
    payload: bytes = attrs.field(repr=False)
    """The HTTP body, with its transfer and content encodings undone."""
    status: int
    """The HTTP status code (2xx, 4xx or 5xx: redirects are skipped)."""
    record_type: str
    """``"response"``, or ``"revisit"`` when the body was found in the earlier
    record the revisit points to."""


@attrs.frozen(kw_only=True)
class WarcProblem:
    """A record of the site that should have given a page and could not."""

    url: str | None
    """The record's ``WARC-Target-URI``, when it was read."""
    offset: int
    """Where the record starts in the file (see :attr:`WarcResponse.offset`)."""
    file: str | None
    """The WARC file (see :attr:`WarcResponse.file`)."""
    reason: str
    """``"truncated"`` (the record or its body is cut short),
    ``"revisit-unresolved"`` (the earlier payload is not in this file),
    ``"content-encoding"`` (the body cannot be decoded), ``"too-large"``, or
    ``"corrupt"`` (warcio cannot read on: the rest of the file is not read)."""
    message: str
    """What was wrong, for a person."""
    fetched_at: datetime.datetime | None = None
    """The record's ``WARC-Date``, when it was read."""


@attrs.frozen(kw_only=True)
class WarcPage:
    """One page read from a WARC file by :func:`iter_warc`: a page, or an error."""

    page: Page | None
    """The loaded page (``url``, ``fetched_at`` and the encoding hint come from
    the record), or ``None`` when :attr:`error` is set."""
    error: MayadeenParseError | None
    """Why there is no page: an :class:`~mayadeen_parse.InputError` (the
    record is truncated, an unresolved revisit, an HTTP error status...) or
    a :class:`~mayadeen_parse.PageDecodeError`; ``None`` with a page."""
    url: str | None
    """The record's ``WARC-Target-URI``."""
    fetched_at: datetime.datetime | None
    """The record's ``WARC-Date`` (timezone-aware, UTC), or ``None`` when
    missing or invalid."""
    offset: int
    """Where the record starts in the file, in bytes (the start of its gzip
    member in a ``.warc.gz``): seek there and read one record to get it again.
    For a file object, counted from where it was when reading started."""
    file: str | None
    """The WARC file as given, or the file object's ``name``, else ``None``."""
    status: int | None = None
    """The HTTP status code, when the record was read."""


def _archive_iterator() -> Any:
    """warcio's ``ArchiveIterator``, imported on first use."""
    try:
        module = importlib.import_module("warcio.archiveiterator")
    except ImportError as exc:
        raise MissingExtraError(
            f"reading WARC files needs warcio, which is not installed: {_INSTALL}", extra="warc", name="warcio"
        ) from exc
    return module.ArchiveIterator


class WarcReader:
    """The site's HTML responses in a WARC file, one by one, bodies decoded.

    Iterating gives, in file order, one :class:`WarcResponse` per HTML
    ``response`` record (or ``revisit`` resolved in the same file) of *hosts*
    with a 2xx, 4xx or 5xx status, and one :class:`WarcProblem` per such
    record that cannot be read. It never raises for a bad record: a file that
    warcio cannot read on ends the iteration with a ``"corrupt"`` problem.

    Args:
        source: A path (``.warc`` or ``.warc.gz``), or a binary file object
            (read from where it is; a seekable one lets revisits be
            resolved by re-reading, an unseekable one keeps up to
            :data:`~mayadeen_parse.MAX_INPUT_SIZE` bytes of earlier bodies).
        hosts: The hosts to keep (lower case); ``None`` keeps every host.

    Raises:
        MissingExtraError: warcio is not installed.

    Attributes:
        skipped: Records that gave nothing, by reason, counted as the
            iteration goes: the record type (``"request"``, ``"metadata"``,
            ``"warcinfo"``, ``"resource"``...), ``"other-host"``,
            ``"redirect"`` (3xx), ``"not-modified"`` (304), ``"non-html"``,
            ``"not-http"`` (``dns:`` records and the like). Reset when the
            iteration starts again (a path is read again from its start; a
            file object goes on from where it is).
    """

    def __init__(self, source: str | os.PathLike[str] | IO[bytes], *, hosts: Iterable[str] | None = EDITION_HOSTS):
        self._archive_iterator = _archive_iterator()
        self._source = source
        self.hosts: frozenset[str] | None = None if hosts is None else frozenset(h.lower() for h in hosts)
        self.skipped: collections.Counter[str] = collections.Counter()
        if hasattr(source, "read"):
            name = getattr(source, "name", None)
            self.file: str | None = name if isinstance(name, str) else None
        else:
            self.file = os.fspath(source)

    def __repr__(self) -> str:
        return f"<WarcReader file={self.file!r}>"

    def __iter__(self) -> Iterator[WarcResponse | WarcProblem]:
        self.skipped.clear()
        if hasattr(self._source, "read"):
            yield from self._walk(self._source)  # type: ignore[arg-type]
            return
        try:
            handle = open(self._source, "rb")  # noqa: SIM115 - closed below, the generator may stop early
        except OSError as exc:
            raise InputError(
                f"{self.file}: cannot be opened ({exc.strerror or exc})", path=self.file, reason="unreadable"
            ) from exc
        with handle:
            yield from self._walk(handle)

    def _walk(self, handle: IO[bytes]) -> Iterator[WarcResponse | WarcProblem]:
        try:
            seekable = handle.seekable()
        except (AttributeError, OSError, ValueError):
            seekable = False
        seen = _Seen(handle if seekable else None, self._archive_iterator)
        records = self._archive_iterator(handle)
        # ``records.offset`` is where the current record starts: warcio's own
        # count, from where the handle was (0 for an unseekable stream).
        try:
            for record in records:
                offset = records.offset
                item = self._record(record, offset, seen)
                length = records.get_record_length()
                if item is not None:
                    if isinstance(item, WarcResponse):
                        item = attrs.evolve(item, length=length)
                    yield item
        except Exception as exc:  # warcio raises assorted types; it cannot read on after any
            if "non-chunked gzip" in str(exc):
                # warcio's offsets are meaningless in such a file (they go negative).
                yield WarcProblem(
                    url=None,
                    offset=0,
                    file=self.file,
                    reason="corrupt",
                    message="the file is one gzip stream, not one gzip member per record as WARC files are"
                    " written, so its records cannot be found again by offset: recompress it with"
                    " `warcio recompress OLD.warc.gz NEW.warc.gz` (or gunzip it) and read the new file",
                )
                return
            offset = max(getattr(records, "offset", 0), 0)
            url, date, cut = _sniff_record(handle if seekable else None, offset)
            yield WarcProblem(
                url=url,
                offset=offset,
                file=self.file,
                reason="truncated" if cut else "corrupt",
                message="the file ends inside the headers of a record"
                if cut
                else f"the WARC file cannot be read on from here: {_describe(exc)}",
                fetched_at=date,
            )
            return
        # warcio ends silently when the file stops inside a record's headers
        # (an EOFError it takes for the end): bytes left after the last
        # record it gave are a truncated record.
        try:
            end = records.fh.tell()
        except (AttributeError, OSError, ValueError):
            return
        if end > records.offset:
            url, date, _ = _sniff_record(handle if seekable else None, records.offset)
            yield WarcProblem(
                url=url,
                offset=records.offset,
                file=self.file,
                reason="truncated",
                message=f"the file ends inside a record: its last {end - records.offset:,} bytes are not a whole one",
                fetched_at=date,
            )

    def _record(self, record: Any, offset: int, seen: _Seen) -> WarcResponse | WarcProblem | None:
        kind = record.rec_type or "unknown"
        headers = record.rec_headers
        url = headers.get_header("WARC-Target-URI") or ""
        if kind not in ("response", "revisit"):
            self.skipped[kind] += 1
            return None
        if not url.lower().startswith(("http://", "https://")):
            self.skipped["not-http"] += 1
            return None
        host = (urlsplit(url).hostname or "").lower()
        if self.hosts is not None and host not in self.hosts:
            self.skipped["other-host"] += 1
            return None
        fetched_at = _warc_date(headers.get_header("WARC-Date"))

        def problem(reason: str, message: str) -> WarcProblem:
            return WarcProblem(
                url=url, offset=offset, file=self.file, reason=reason, message=message, fetched_at=fetched_at
            )

        read = self._response if kind == "response" else self._revisit
        found = read(record, url, offset, seen, problem)
        if found is None or isinstance(found, WarcProblem):
            return found
        http, raw, status = found
        try:
            payload = decode_body(http, raw)
        except BodyError as exc:
            return problem(exc.reason, str(exc))
        if not is_html(http, payload):
            self.skipped["non-html"] += 1
            return None
        return WarcResponse(
            url=url,
            fetched_at=fetched_at,
            offset=offset,
            length=0,
            file=self.file,
            encoding=charset(http),
            payload=payload,
            status=status,
            record_type=kind,
        )

    def _response(self, record: Any, url: str, offset: int, seen: _Seen, problem: _Problem) -> _Found:
        """A ``response`` record's HTTP headers, stored body and status; ``None``
        when it gives no page (counted in :attr:`skipped`)."""
        http = record.http_headers
        if http is None:
            self.skipped["not-http"] += 1
            return None
        status = status_code(http)
        skip = skip_status(status) or (None if maybe_html(http) else "non-html")
        if skip:
            seen.add(record.rec_headers, offset, http, None)  # a revisit of it is skipped the same way
            self.skipped[skip] += 1
            return None
        raw = record.raw_stream.read(MAX_INPUT_SIZE + 1)
        if len(raw) > MAX_INPUT_SIZE:
            return problem("too-large", f"the HTTP body is larger than {MAX_INPUT_SIZE:,} bytes")
        missing = getattr(record.raw_stream, "limit", 0)
        if missing > 0:
            return problem(
                "truncated",
                f"the record is cut short: {missing:,} of its {record.length:,} bytes are missing"
                " (the file ends inside it)",
            )
        seen.add(record.rec_headers, offset, http, raw)
        return http, raw, status

    def _revisit(self, record: Any, url: str, offset: int, seen: _Seen, problem: _Problem) -> _Found:
        """A ``revisit`` record resolved: the HTTP headers and stored body of the
        earlier response it points to, and the status; ``None`` when it gives no
        page (counted in :attr:`skipped`)."""
        headers = record.rec_headers
        original = seen.find(headers)
        if original is None:
            refers = headers.get_header("WARC-Refers-To-Target-URI") or url
            when = headers.get_header("WARC-Refers-To-Date") or "an unknown date"
            return problem(
                "revisit-unresolved",
                f"a revisit of {refers} captured at {when} (payload digest"
                f" {headers.get_header('WARC-Payload-Digest') or 'unknown'}); that earlier record is not in"
                " this file: read the file that holds it",
            )
        original_http, kept = original
        http = record.http_headers
        status = status_code(http) if http is not None else 0
        if status in (0, 304):  # "server-not-modified" revisits carry a 304: the page is the earlier one
            status = status_code(original_http)
        skip = skip_status(status)
        if skip:
            self.skipped[skip] += 1
            return None
        if kept is None or not maybe_html(original_http):
            self.skipped["non-html"] += 1
            return None
        return original_http, kept, status


# What a record reader gives: the HTTP headers, the stored body and the
# status of a page; a problem; or None (the record is skipped and counted).
_Found: TypeAlias = "tuple[Any, bytes, int] | WarcProblem | None"
_Problem: TypeAlias = Callable[[str, str], WarcProblem]


class _Seen:
    """The site's responses read so far, so that revisits can find theirs."""

    def __init__(self, handle: IO[bytes] | None, archive_iterator: Any) -> None:
        self._handle = handle  # seekable: re-read; else keep bodies in memory
        self._archive_iterator = archive_iterator
        self._by_key: dict[tuple[str, str], int] = {}
        self._kept: collections.OrderedDict[int, tuple[Any, bytes | None]] = collections.OrderedDict()
        self._kept_bytes = 0

    def add(self, headers: Any, offset: int, http: Any, raw: bytes | None) -> None:
        """Remember a response; *raw* is ``None`` for one that gives no page
        (its revisits are skipped for the same reason)."""
        get = headers.get_header
        for key in _keys(get("WARC-Record-ID"), get("WARC-Target-URI"), get("WARC-Date"), get("WARC-Payload-Digest")):
            self._by_key.setdefault(key, offset)
        if self._handle is None:
            self._kept[offset] = (http, raw)
            self._kept_bytes += len(raw or b"")
            while self._kept_bytes > _KEPT_BYTES and len(self._kept) > 1:
                _, (_, old) = self._kept.popitem(last=False)
                self._kept_bytes -= len(old or b"")

    def find(self, headers: Any) -> tuple[Any, bytes | None] | None:
        """The HTTP headers and stored body of the response a revisit points to."""
        get = headers.get_header
        refers = get("WARC-Refers-To"), get("WARC-Refers-To-Target-URI"), get("WARC-Refers-To-Date")
        for key in _keys(*refers, get("WARC-Payload-Digest")):
            offset = self._by_key.get(key)
            if offset is not None:
                return self._read(offset)
        return None

    def _read(self, offset: int) -> tuple[Any, bytes | None] | None:
        if self._handle is None:
            return self._kept.get(offset)
        where = self._handle.tell()
        try:
            self._handle.seek(offset)
            record = next(iter(self._archive_iterator(self._handle)))
            raw = record.raw_stream.read(MAX_INPUT_SIZE + 1)
            return record.http_headers, raw
        except Exception:  # it was read once; if it cannot be read again, the revisit is unresolved
            return None
        finally:
            self._handle.seek(where)


_TARGET_RE = re.compile(rb"^WARC-Target-URI:[ \t]*<?([^\s>]+)", re.IGNORECASE | re.MULTILINE)
_DATE_RE = re.compile(rb"^WARC-Date:[ \t]*(\S+)", re.IGNORECASE | re.MULTILINE)


def _sniff_record(handle: IO[bytes] | None, offset: int) -> tuple[str | None, datetime.datetime | None, bool]:
    """What can be read of a record warcio could not read: its target URI, its
    date, and whether the file ends inside its WARC headers."""
    if handle is None:
        return None, None, False
    try:
        handle.seek(offset)
        head = handle.read(64 * 1024)
        at_end = not handle.read(1)
    except (OSError, ValueError):
        return None, None, False
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(31).decompress(head, 64 * 1024)
        except zlib.error:
            return None, None, False
    cut = at_end and head.startswith(b"WARC/") and b"\r\n\r\n" not in head
    head = head.split(b"\r\n\r\n", 1)[0]
    target, date = _TARGET_RE.search(head), _DATE_RE.search(head)
    url = target.group(1).decode("utf-8", "replace") if target else None
    return url, _warc_date(date.group(1).decode("ascii", "replace")) if date else None, cut


def _keys(record_id: str | None, uri: str | None, date: str | None, digest: str | None) -> Iterator[tuple[str, str]]:
    if record_id:
        yield "id", record_id.strip()
    if uri and date:
        # The same instant may be written with or without a fraction of a second.
        when = _warc_date(date)
        yield "uri-date", f"{uri.strip()} {when.isoformat() if when else date.strip()}"
    if digest:
        yield "digest", digest.strip()


def _warc_date(value: str | None) -> datetime.datetime | None:
    """A ``WARC-Date`` as an aware datetime; ``None`` when missing or invalid.

    >>> _warc_date("2023-11-02T10:11:12Z")
    datetime.datetime(2023, 11, 2, 10, 11, 12, tzinfo=datetime.timezone.utc)
    >>> _warc_date("2023-11-02T10:11:12.123456789Z").microsecond
    123456
    >>> _warc_date("yesterday") is None
    True
    """
    match = _WARC_DATE_RE.match((value or "").strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    tz = datetime.timezone.utc
    if zone and zone.upper() != "Z":
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        tz = datetime.timezone(sign * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    try:
        return datetime.datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second or 0),
            int((fraction or "0")[:6].ljust(6, "0")), tzinfo=tz,
        ).astimezone(datetime.timezone.utc)  # fmt: skip
    except ValueError:
        return None


def _describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class WarcPages(Iterator[WarcPage]):
    """What :func:`iter_warc` returns: an iterator of :class:`WarcPage`, with counts.

    Attributes:
        skipped: The :attr:`WarcReader.skipped` counts of the records that
            gave nothing (filled as the iteration goes).
    """

    def __init__(self, reader: WarcReader) -> None:
        self.reader = reader
        self._items = self._pages()

    @property
    def skipped(self) -> collections.Counter[str]:
        return self.reader.skipped

    def __iter__(self) -> WarcPages:
        return self

    def __next__(self) -> WarcPage:
        return next(self._items)

    def _pages(self) -> Iterator[WarcPage]:
        for item in self.reader:
            yield warc_page(item)


def warc_page(item: WarcResponse | WarcProblem) -> WarcPage:
    """One :class:`WarcReader` item → the :class:`WarcPage` :func:`iter_warc` gives.

    A problem or a 4xx / 5xx response becomes an
    :class:`~mayadeen_parse.InputError`; a response is loaded with its URL,
    date and charset. Module-level and pure, so that a command line can read
    the WARC in one process and load the pages in workers (a
    :class:`WarcResponse` pickles; a :class:`~mayadeen_parse.Page` does not).
    """
    if isinstance(item, WarcProblem):
        error = InputError(
            f"{item.url or 'record'} at offset {item.offset} of {item.file or 'the WARC file'}: {item.message}",
            path=item.file,
            reason=item.reason,
        )
        return WarcPage(
            page=None, error=error, url=item.url, fetched_at=item.fetched_at, offset=item.offset, file=item.file
        )
    page: Page | None = None
    failure: MayadeenParseError | None = None
    if item.status >= 400:
        failure = InputError(
            f"{item.url} at offset {item.offset} of {item.file or 'the WARC file'}: the server answered"
            f" HTTP {item.status}, not the page",
            path=item.file,
            reason="http-status",
        )
    else:
        try:
            page = load_page(item.payload, url=item.url, encoding=item.encoding, fetched_at=item.fetched_at)
        except MayadeenParseError as exc:
            failure = exc
    return WarcPage(
        page=page,
        error=failure,
        url=item.url,
        fetched_at=item.fetched_at,
        offset=item.offset,
        file=item.file,
        status=item.status,
    )


def iter_warc(source: str | os.PathLike[str] | IO[bytes], *, hosts: Iterable[str] | None = EDITION_HOSTS) -> WarcPages:
    """The site's pages in a WARC file: one :class:`WarcPage` per HTML response.

    Each HTML ``response`` record of *hosts* (the three editions by default)
    with a 2xx status gives a loaded :class:`~mayadeen_parse.Page`: its ``url``
    is the record's ``WARC-Target-URI``, its ``fetched_at`` the
    ``WARC-Date``, the charset of the HTTP ``Content-Type`` its encoding
    hint; chunked transfer coding and gzip / deflate / br content coding are
    undone. A ``revisit`` record gives the earlier payload it points to when
    that is in the same file. A truncated record, an unresolved revisit or a
    4xx / 5xx status gives an :class:`~mayadeen_parse.InputError` in
    :attr:`WarcPage.error` instead; a page the library refuses, its
    :class:`~mayadeen_parse.PageDecodeError`. Requests, metadata, redirects,
    images and other hosts give nothing: they are counted in the returned
    iterator's ``skipped``.

    Args:
        source: A ``.warc`` / ``.warc.gz`` path or a binary file object (for
            Common Crawl, the bytes of one record fetched by range:
            ``io.BytesIO(data)``).
        hosts: The hosts to keep; ``None`` keeps every host.

    Raises:
        MissingExtraError: warcio is not installed
            (``pip install 'mayadeen-parse[warc]'``).
        InputError: the path cannot be opened (raised on the first ``next``).
    """
    return WarcPages(WarcReader(source, hosts=hosts))
