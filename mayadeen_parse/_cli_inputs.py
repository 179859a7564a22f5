"""The command line's inputs: which files a PATH names, and their bytes.

A PATH is a page file, a directory (walked, sorted, for page files and WARC
files), a glob pattern, a WARC file (one task per HTML response record), ``-``
for standard input, or any other file given by name (a FIFO, ``/dev/fd/63``
from ``<(zcat page.gz)``), read in the main process. Each input becomes a
:class:`Task` for a worker; what is left out is counted in
:attr:`Inputs.skipped`, by reason, so that the summary line can say so.

Only this module and ``_cli.py`` read files; the library never does.
"""

from __future__ import annotations

import collections
import datetime
import glob
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any, NamedTuple

import attrs

from ._errors import MayadeenParseError
from ._files import read_page_bytes
from ._wayback import unwrap_wayback

__all__ = ["HINTS", "PAGE_SUFFIXES", "WARC_SUFFIXES", "Inputs", "Task", "count_pages"]

#: Names picked in a directory or by a glob (case-insensitive).
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
#: WARC files: every HTML response record of the site's hosts is a page.
WARC_SUFFIXES = (".warc", ".warc.gz")  # as _warc.WARC_SUFFIXES, without importing the WARC reader

# A PATH that is a web address, not a file: "https://...", "www.almayadeen.net/...".
_URL_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)

#: Skipped-input reasons, as the summary line shows them.
UNPICKED = "not a page name"
NOT_REGULAR = "not a regular file"
UNREADABLE_DIR = "directory that cannot be listed"
#: What the example line of a skip reason adds, to say what to do.
HINTS = {
    UNPICKED: "picked: *.html, *.htm, *.xhtml, their .gz forms, *.warc, *.warc.gz; give others by name or --paths-from",
    NOT_REGULAR: "a FIFO, a socket or a device: never opened",
}
RESUMED = "already in the output"


class Task(NamedTuple):
    """One page to parse, as sent to a worker (small and picklable)."""

    path: str
    """The input path as given or as walked (``"-"``: standard input)."""
    data: bytes | None = None
    """The bytes (gunzipped), when the main process read them (standard
    input, a pipe); ``None``: the worker reads :attr:`path` (or :attr:`record`)."""
    url: str | None = None
    encoding: str | None = None
    fetched_at: datetime.datetime | None = None
    warc: tuple[str, int, str | None, str | None] | None = None
    """``(warc_file, warc_offset, warc_url, warc_date)`` for a WARC record."""
    problem: tuple[str, str] | None = None
    """``(error, message)`` known before parsing: the worker reports it."""
    record: Any = None
    """The ``WarcResponse`` or ``WarcProblem`` a WARC reader gave (read by
    the main process; the worker turns it into a page with ``warc_page``,
    exactly as :func:`~mayadeen_parse.iter_warc` does)."""

    @property
    def key(self) -> str | tuple[str, int]:
        """What ``--resume`` matches: the path, or the WARC file and offset."""
        return (self.warc[0], self.warc[1]) if self.warc else self.path


# --- names --------------------------------------------------------------------------


def is_page_name(name: str) -> bool:
    return name.lower().endswith(PAGE_SUFFIXES)


def is_warc_name(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def _url_problem(path: str) -> tuple[str, str]:
    return (
        "InputError",
        "this is a web address, not a file: mayadeen-parse never downloads pages. Save the page first "
        "(in a browser: Save Page As..., or an archived copy: "
        f"curl -o page.html 'https://web.archive.org/web/2024id_/{path}'), "
        f"then give the saved file, with --url {path} for its links",
    )


class Inputs:
    """The tasks named by PATHs, lazily, with what was skipped counted.

    *url*, *encoding*: the command line's ``--url`` and ``--encoding`` (a
    WARC record brings its own URL and charset). *fetched_at*: the fetch
    time of every page (``--fetched-at TIME``); *mtime*: each file's
    modification time instead (``--fetched-at mtime``; none for standard
    input and pipes). Either is only a fallback: a WARC record's
    ``WARC-Date`` and the capture time of a Wayback *url* win.
    """

    def __init__(
        self,
        *,
        url: str | None = None,
        encoding: str | None = None,
        fetched_at: datetime.datetime | None = None,
        mtime: bool = False,
        counting: bool = False,
    ) -> None:
        self.counting = counting  # count_pages(): WARC files are noted, not read
        self.url = url
        self.encoding = encoding
        captured = url is not None and unwrap_wayback(url)[1] is not None
        # load_page() takes a fetched_at given over the Wayback capture time: give none.
        self.fetched_at = None if captured else fetched_at
        self.mtime = mtime and not captured
        self.skipped: collections.Counter[str] = collections.Counter()
        self.examples: dict[str, str] = {}
        self.has_warc = False

    def skip(self, reason: str, path: str, count: int = 1) -> None:
        self.skipped[reason] += count
        self.examples.setdefault(reason, path)

    def tasks(self, paths: Iterable[str]) -> Iterator[Task]:
        """One task per page, in a stable order (arguments in order,
        directories walked in sorted order)."""
        for path in paths:
            yield from self._one(path)

    def _task(self, path: str, data: bytes | None = None, problem: tuple[str, str] | None = None) -> Task:
        fetched_at = self.fetched_at
        if self.mtime and data is None and problem is None:
            fetched_at = _modified(path)
        return Task(path, data, self.url, self.encoding, fetched_at, None, problem)

    def _one(self, path: str) -> Iterator[Task]:
        if path == "-":
            yield self._read_here(path, sys.stdin.buffer)
            return
        try:
            mode = os.stat(path).st_mode
        except (OSError, ValueError):
            mode = None
        if mode is None:
            if glob.has_magic(path):
                yield from self._glob(path)
            elif _URL_RE.match(path):
                yield self._task(path, problem=_url_problem(path))
            else:
                yield self._task(path)  # the worker reports what is wrong ("No such file ...")
        elif stat.S_ISDIR(mode):
            found = False
            for task in self._walk(path):
                found = True
                yield task
            if not found:
                yield self._task(path, problem=("InputError", self._nothing_in(path)))
        elif stat.S_ISREG(mode):
            yield from (self._warc(path) if is_warc_name(path) else [self._task(path)])
        else:  # named explicitly: a FIFO, /dev/stdin, /dev/fd/63 from <(zcat page.gz)
            try:
                handle = open(path, "rb")  # noqa: SIM115 - closed by _read_here
            except OSError as exc:
                yield self._task(path, problem=("InputError", exc.strerror or str(exc)))
                return
            with handle:
                yield self._read_here(path, handle)

    def _read_here(self, path: str, stream: IO[bytes]) -> Task:
        """A task holding the bytes (gunzipped) of a stream the workers cannot open."""
        try:
            return self._task(path, read_page_bytes(stream))
        except MayadeenParseError as exc:  # InputError: too large, bad gzip...
            name = getattr(stream, "name", None)
            where = name if isinstance(name, str) else None
            return self._task(path, problem=(type(exc).__name__, unprefixed(str(exc), path, where)))

    def _nothing_in(self, path: str) -> str:
        return (
            "no page files here (looked for *.html, *.htm, *.xhtml, their .gz forms and *.warc[.gz]; "
            "give other files by name or with --paths-from)"
        )

    def _walk(self, top: str) -> Iterator[Task]:
        """Page and WARC files under *top*, sorted, FIFOs and devices skipped."""
        for folder, dirs, files in os.walk(top, onerror=self._unreadable):
            dirs.sort()
            for name in sorted(files):
                yield from self._entry(os.path.join(folder, name))

    def _unreadable(self, error: OSError) -> None:
        """A directory the walk cannot list (permission denied): counted, not silent."""
        self.skip(UNREADABLE_DIR, str(error.filename))

    def _entry(self, path: str) -> Iterator[Task]:
        page, warc = is_page_name(path), is_warc_name(path)
        if not (page or warc):
            self.skip(UNPICKED, path)
            return
        if not os.path.isfile(path):  # a FIFO named page.html blocks forever on open
            self.skip(NOT_REGULAR, path)
            return
        yield from (self._warc(path) if warc else [self._task(path)])

    def _glob(self, pattern: str) -> Iterator[Task]:
        """The matches of *pattern*: each file once, directories walked
        (``'dir/**'`` matches ``dir/``, its subdirectories and its files:
        each file is still read once)."""
        matched = sorted(glob.glob(pattern, recursive=True))
        if not matched:
            yield self._task(pattern, problem=("InputError", "no file matches this pattern"))
            return
        seen: set[str] = set()
        for item in matched:
            if os.path.isdir(item):
                for folder, dirs, files in os.walk(item, onerror=self._unreadable):
                    dirs.sort()
                    for name in sorted(files):
                        full = os.path.join(folder, name)
                        if os.path.normpath(full) not in seen:
                            seen.add(os.path.normpath(full))
                            yield from self._entry(full)
            elif os.path.normpath(item) not in seen:
                seen.add(os.path.normpath(item))
                yield from self._entry(item)

    def _warc(self, path: str) -> Iterator[Task]:
        """One task per HTML response record of the site in a WARC file (the
        same records, URLs, dates and errors as :func:`~mayadeen_parse.iter_warc`)."""
        self.has_warc = True
        if self.counting:
            yield self._task(path)
            return
        from ._warc import WarcReader

        # For a record without a (valid) WARC-Date: --fetched-at, or the WARC file's mtime.
        fallback = _modified(path) if self.mtime else self.fetched_at
        try:
            reader = WarcReader(path)
            for record in reader:
                warc_date = record.fetched_at.isoformat() if record.fetched_at is not None else None
                where = (path, record.offset, record.url, warc_date)
                if record.fetched_at is None and fallback is not None:
                    record = attrs.evolve(record, fetched_at=fallback)  # warc_date stays the record's: none
                yield Task(path, None, record.url, None, record.fetched_at, where, None, record)
        except MayadeenParseError as exc:  # MissingExtraError (no warcio), InputError (cannot open)
            yield self._task(path, problem=(type(exc).__name__, unprefixed(str(exc), path)))
            return
        for reason, count in reader.skipped.items():
            self.skip(f"WARC {reason}", path, count)


def _modified(path: str) -> datetime.datetime | None:
    """The modification time of the file *path*, aware (UTC); ``None`` when
    it cannot be read (the worker then reports what is wrong with the file)."""
    try:
        return datetime.datetime.fromtimestamp(os.stat(path).st_mtime, tz=datetime.timezone.utc)
    except (OSError, ValueError, OverflowError):
        return None


def unprefixed(message: str, *names: str | None) -> str:
    """*message* without a leading ``"PATH: "`` (the command line's own
    report already starts with the path)."""
    for name in names:
        if name and message.startswith(f"{name}: "):
            return message[len(name) + 2 :]
    return message


def count_pages(paths: Iterable[str]) -> int | None:
    """How many tasks :meth:`Inputs.tasks` gives for *paths* (for the
    progress line's total and ETA), or ``None`` when a WARC file is among
    them (its records are counted only by reading it)."""
    inputs = Inputs(counting=True)
    total = 0
    for path in paths:
        if path == "-":
            total += 1
        elif os.path.isdir(path):
            total += sum(1 for _ in inputs._walk(path)) or 1
        elif glob.has_magic(path) and not os.path.exists(path):
            total += sum(1 for _ in inputs._glob(path))
        else:
            total += 1
            inputs.has_warc |= is_warc_name(path)
    return None if inputs.has_warc else total
