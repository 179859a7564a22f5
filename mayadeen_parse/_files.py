"""Reading saved pages from files: the one place the library opens a page file.

:func:`read_page_file` is what the command line and the Dask and Spark
recipes call: it reads at most :data:`~mayadeen_parse.MAX_INPUT_SIZE` bytes,
undoes gzip when the bytes say so (a ``.html.gz``, or a page saved
compressed under any name), and turns every way a file can fail into one
:class:`~mayadeen_parse.InputError` with a reason and a message that says
what was wrong, before the page is parsed with
:func:`~mayadeen_parse.load_page`.
"""

from __future__ import annotations

import datetime
import os
import stat
import zlib
from typing import IO

from ._errors import InputError
from ._page import MAX_INPUT_SIZE, Page, load_page

__all__ = ["read_page_bytes", "read_page_file"]

_GZIP_MAGIC = b"\x1f\x8b"
# Read in 1 MiB pieces; decompress in 1 MiB pieces so that a gzip bomb is
# stopped at the limit instead of filling memory.
_CHUNK = 1 << 20


class _InflateError(Exception):
    """Raised by :func:`inflate`; ``reason`` is ``truncated``, ``corrupt`` or ``too-large``."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def inflate(data: bytes, *, wbits: int, limit: int = MAX_INPUT_SIZE) -> bytes:
    """Decompress a zlib, raw-deflate or (multi-member) gzip stream, bounded.

    *wbits* is zlib's: ``31`` for gzip, ``15`` for zlib, ``-15`` for raw
    deflate. At most *limit* bytes are produced.

    Raises:
        _InflateError: the stream ends early (``truncated``), is not valid
            (``corrupt``), or decompresses to more than *limit* bytes
            (``too-large``).
    """
    out: list[bytes] = []
    size = 0
    rest = data
    while True:
        decompressor = zlib.decompressobj(wbits)
        try:
            while rest:
                piece = decompressor.decompress(rest, _CHUNK)
                rest = decompressor.unconsumed_tail
                size += len(piece)
                if size > limit:
                    raise _InflateError(f"decompresses to more than {limit:,} bytes", reason="too-large")
                out.append(piece)
                if decompressor.eof:
                    break
            tail = decompressor.flush()
        except zlib.error as exc:
            raise _InflateError(f"corrupt compressed data ({exc})", reason="corrupt") from exc
        size += len(tail)
        if size > limit:
            raise _InflateError(f"decompresses to more than {limit:,} bytes", reason="too-large")
        out.append(tail)
        if not decompressor.eof:
            raise _InflateError(
                f"the compressed stream ends after {len(data):,} bytes ({size:,} decompressed) without its end marker",
                reason="truncated",
            )
        rest = decompressor.unused_data
        if wbits != 31 or not rest.strip(b"\0"):
            # zlib and deflate streams are one member; NUL padding after a
            # gzip stream is ignored, as gzip(1) and Python's gzip module do.
            return b"".join(out)
        if not rest.startswith(_GZIP_MAGIC):
            raise _InflateError(
                f"corrupt compressed data ({len(rest):,} bytes of garbage after the end)", reason="corrupt"
            )


def read_page_bytes(path: str | os.PathLike[str] | IO[bytes]) -> bytes:
    """The bytes of a saved page: read bounded, gunzipped when they are gzip.

    What :func:`read_page_file` reads before it parses; see there.
    """
    if hasattr(path, "read"):
        name = getattr(path, "name", None)
        where = name if isinstance(name, str) else None
        try:
            data = path.read(MAX_INPUT_SIZE + 1)
        except OSError as exc:
            raise InputError(f"{where or 'the file'}: cannot be read ({exc})", path=where, reason="unreadable") from exc
        if not isinstance(data, bytes):
            raise TypeError(f"the file object must be opened in binary mode, it gave {type(data).__name__}, not bytes")
        return _unwrap(data, where)
    where = os.fspath(path)
    return _unwrap(_read(where), where)


def read_page_file(
    path: str | os.PathLike[str] | IO[bytes],
    *,
    url: str | None = None,
    encoding: str | None = None,
    fetched_at: datetime.datetime | None = None,
) -> Page:
    """Read a saved page (``.html``, ``.html.gz``...) and :func:`~mayadeen_parse.load_page` it.

    Gzip is recognised by its magic bytes, whatever the file's name, and
    undone (several concatenated gzip members are one stream). At most
    :data:`~mayadeen_parse.MAX_INPUT_SIZE` bytes are read, and at most that
    many decompressed. A FIFO, a device or a directory is refused before it is
    read, so the call never blocks on a pipe.

    Args:
        path: The file (``str`` or path-like), or a binary file object
            already open (read from where it is, to its end).
        url, encoding, fetched_at: Passed to
            :func:`~mayadeen_parse.load_page` (a Wayback Machine *url* is
            unwrapped there).

    Raises:
        InputError: the file is missing (``reason="missing"``), cannot be read
            (``"unreadable"``), is not a regular file (``"not-a-file"``), is
            larger than the limit, or decompresses to more (``"too-large"``),
            or is a gzip stream that is cut short (``"truncated-gzip"``) or
            corrupt (``"corrupt-gzip"``).
        PageDecodeError: the bytes are not an HTML page (see
            :func:`~mayadeen_parse.load_page`).
    """
    return load_page(read_page_bytes(path), url=url, encoding=encoding, fetched_at=fetched_at)


def _read(where: str) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    # It changes nothing for a regular file, the only kind read below.
    flags |= getattr(os, "O_NONBLOCK", 0)
    try:
        if not hasattr(os, "O_NONBLOCK"):  # pragma: no cover - Windows: no FIFOs to open, but stat first anyway
            _check_kind(os.stat(where).st_mode, where)
        fd = os.open(where, flags)
    except FileNotFoundError as exc:
        raise InputError(f"{where}: no such file", path=where, reason="missing") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{where}: is a directory, not a page file", path=where, reason="not-a-file") from exc
    except PermissionError as exc:
        raise InputError(f"{where}: permission denied", path=where, reason="unreadable") from exc
    except OSError as exc:
        raise InputError(f"{where}: cannot be opened ({exc.strerror or exc})", path=where, reason="unreadable") from exc
    try:
        info = os.fstat(fd)
        _check_kind(info.st_mode, where)
        if info.st_size > MAX_INPUT_SIZE:
            raise InputError(
                f"{where}: is {info.st_size:,} bytes; the limit is {MAX_INPUT_SIZE:,}", path=where, reason="too-large"
            )
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            data = handle.read(MAX_INPUT_SIZE + 1)
    except OSError as exc:
        raise InputError(f"{where}: cannot be read ({exc.strerror or exc})", path=where, reason="unreadable") from exc
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > MAX_INPUT_SIZE:  # it grew while being read
        raise InputError(f"{where}: is larger than {MAX_INPUT_SIZE:,} bytes", path=where, reason="too-large")
    return data


def _check_kind(mode: int, where: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        kind = "a directory"
    elif stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    else:  # pragma: no cover - no other kinds on the platforms we run on
        kind = "not a regular file"
    raise InputError(f"{where}: is {kind}, not a page file", path=where, reason="not-a-file")


def _unwrap(data: bytes, where: str | None) -> bytes:
    label = where or "the file"
    if len(data) > MAX_INPUT_SIZE:
        raise InputError(f"{label}: is larger than {MAX_INPUT_SIZE:,} bytes", path=where, reason="too-large")
    if not data.startswith(_GZIP_MAGIC):
        return data
    try:
        return inflate(data, wbits=31, limit=MAX_INPUT_SIZE)
    except _InflateError as exc:
        reason, what = _GZIP_FAILURES[exc.reason]
        raise InputError(f"{label}: {what}: {exc}", path=where, reason=reason) from exc


_GZIP_FAILURES = {
    "truncated": ("truncated-gzip", "truncated gzip file (was it cut short while being written or copied?)"),
    "corrupt": ("corrupt-gzip", "corrupt gzip file"),
    "too-large": ("too-large", "gzip file too large"),
}
