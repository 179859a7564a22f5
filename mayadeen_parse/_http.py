"""HTTP responses as archives store them: status, media type, charset, body.

A WARC ``response`` record holds the HTTP response as it came over the wire:
the status line, the headers, and the body with its transfer and content
codings still applied. :mod:`._warc` walks the records (with warcio); this
module reads the HTTP part of one, given warcio's header object (anything
with ``get_header(name)`` and ``get_statuscode()``):

- :func:`status_code` and :func:`skip_status`: the status, and why a status
  gives no page (a redirect, ``304 Not Modified``, none at all);
- :func:`maybe_html` (from the headers, before the body is read) and
  :func:`is_html` (with the body: a generic or missing ``Content-Type`` is
  sniffed from the first bytes): whether the response is a page;
- :func:`charset`: the ``charset`` of the ``Content-Type``, as written, the
  encoding hint for :func:`~mayadeen_parse.load_page`;
- :func:`decode_body`: ``Transfer-Encoding: chunked`` undone, then the
  ``Content-Encoding`` list undone in order (gzip; deflate, zlib-wrapped or
  raw; br when ``brotli`` is importable; identity), bounded by
  :data:`~mayadeen_parse.MAX_INPUT_SIZE` so that a gzip bomb stops there. A
  body that cannot be decoded raises :class:`BodyError`, whose ``reason``
  (``"truncated"``, ``"too-large"``, ``"content-encoding"``) becomes the
  reason of the WARC reader's problem.

Common Crawl stores bodies already decoded, and renames the headers to
``X-Crawler-Content-Encoding`` and ``X-Crawler-Transfer-Encoding``: those are
not read, so such a body is not decoded twice.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from ._files import _InflateError, inflate
from ._page import MAX_INPUT_SIZE

__all__ = ["BodyError", "charset", "decode_body", "is_html", "maybe_html", "skip_status", "status_code"]

# text/html is what the site serves; application/xhtml+xml is the other HTML
# media type a crawler may have stored.
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# A missing or generic Content-Type: look at the body.
_SNIFFED_TYPES = frozenset({"", "application/octet-stream", "text/plain", "unknown/unknown"})
_SNIFF_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?\s*([^"';,\s]+)""", re.IGNORECASE)


def status_code(http: Any) -> int:
    """The HTTP status code; 0 when the status line has none."""
    try:
        return int(http.get_statuscode())
    except (TypeError, ValueError):
        return 0


def skip_status(status: int) -> str | None:
    """Why a response with *status* gives no page (a ``skipped`` reason), or ``None``."""
    if status == 304:
        return "not-modified"
    if 300 <= status < 400:
        return "redirect"
    if status < 200:
        return "no-status" if status == 0 else "non-final"
    return None


def _media_type(http: Any) -> str:
    value = http.get_header("Content-Type") or ""
    return str(value).split(";", 1)[0].strip().lower()


def maybe_html(http: Any) -> bool:
    """Whether the headers allow an HTML page (an HTML type, or one to sniff)."""
    media = _media_type(http)
    return media in _HTML_TYPES or media in _SNIFFED_TYPES


def is_html(http: Any, payload: bytes) -> bool:
    """Whether the response is an HTML page: by its type, else by its first bytes."""
    media = _media_type(http)
    return media in _HTML_TYPES or bool(_SNIFF_RE.match(payload[:4096]))


def charset(http: Any) -> str | None:
    """The ``charset`` of the ``Content-Type`` header, as written, or ``None``."""
    match = _CHARSET_RE.search(http.get_header("Content-Type") or "")
    return match.group(1) if match else None


def _tokens(value: str | None) -> list[str]:
    return [token.strip().lower() for token in (value or "").split(",") if token.strip()]


class BodyError(Exception):
    """The HTTP body cannot be decoded; :attr:`reason` says why, in one word."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def decode_body(http: Any, raw: bytes) -> bytes:
    """The body with ``Transfer-Encoding: chunked`` and ``Content-Encoding`` undone."""
    body = raw
    if "chunked" in _tokens(http.get_header("Transfer-Encoding")):
        body = _dechunk(body)
    for coding in reversed(_tokens(http.get_header("Content-Encoding"))):
        body = _undo(coding, body)
    return body


def _dechunk(data: bytes) -> bytes:
    """Undo HTTP/1.1 chunked transfer coding (RFC 9112, section 7.1).

    Bodies that do not start with a chunk size are kept as they are: some
    crawlers store the body dechunked but keep the header.
    """
    out: list[bytes] = []
    pos = 0
    while True:
        end = data.find(b"\n", pos)
        line = data[pos:end] if end >= 0 else data[pos:]
        size_field = line.split(b";", 1)[0].strip()
        try:
            size = int(size_field, 16) if size_field and len(size_field) <= 16 else -1
        except ValueError:
            size = -1
        if size < 0 or end < 0:
            if not out:
                return data
            raise BodyError(
                "the HTTP body is cut short: a chunked body without its last (zero-size) chunk", reason="truncated"
            )
        if size == 0:
            return b"".join(out)
        start = end + 1
        chunk = data[start : start + size]
        if len(chunk) < size:
            raise BodyError(
                f"the HTTP body is cut short: a chunk of {size:,} bytes has only {len(chunk):,}", reason="truncated"
            )
        out.append(chunk)
        pos = start + size
        if data.startswith(b"\r\n", pos):
            pos += 2
        elif data.startswith(b"\n", pos):
            pos += 1


def _undo(coding: str, body: bytes) -> bytes:
    try:
        if coding in ("gzip", "x-gzip"):
            # A body stored decoded with its Content-Encoding kept (some
            # crawlers do) does not start with the gzip magic bytes.
            return inflate(body, wbits=31) if body.startswith(b"\x1f\x8b") else body
        if coding == "deflate":
            # RFC 9110 says zlib-wrapped; some servers send raw deflate.
            try:
                return inflate(body, wbits=15)
            except _InflateError as exc:
                if exc.reason != "corrupt":
                    raise
                return inflate(body, wbits=-15)
        if coding == "br":
            return _unbrotli(body)
        if coding == "identity":
            return body
    except _InflateError as exc:
        reason = exc.reason if exc.reason in ("truncated", "too-large") else "content-encoding"
        raise BodyError(f"the HTTP body ({coding}) cannot be decoded: {exc}", reason=reason) from exc
    raise BodyError(f"the HTTP body has an unsupported Content-Encoding {coding!r}", reason="content-encoding")


def _unbrotli(body: bytes) -> bytes:
    try:
        brotli: Any = importlib.import_module("brotli")
    except ImportError:
        raise BodyError(
            "the HTTP body is brotli-compressed (Content-Encoding: br); install the brotli package to read it",
            reason="content-encoding",
        ) from None
    try:
        data = brotli.decompress(body)
    except Exception as exc:  # brotli.error; the module has no stable exception name across versions
        raise BodyError(f"the HTTP body (br) cannot be decoded: {exc}", reason="content-encoding") from exc
    if not isinstance(data, bytes) or len(data) > MAX_INPUT_SIZE:
        raise BodyError(f"the HTTP body (br) decompresses to more than {MAX_INPUT_SIZE:,} bytes", reason="too-large")
    return data
