"""The command line: ``python -m mayadeen_parse`` and ``mayadeen-parse``.

The only module that reads files. Exit status: 0 when every input parsed,
1 when at least one input failed (each failure is reported and the others are
still processed), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import collections
import glob
import gzip
import io
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import IO, Any, TypeVar

from ._errors import MayadeenParseError
from ._page import MAX_INPUT_SIZE, load_page
from ._parse import (
    parse_article,
    parse_breaking,
    parse_most_read,
    parse_page,
    parse_read_next,
    parse_related,
)
from ._serialize import _plain

__all__ = ["main"]

_PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")
_MODES: dict[str, Callable[[Any], Any]] = {
    "article": parse_article,
    "breaking": parse_breaking,
    "most_read": parse_most_read,
    "related": parse_related,
    "read_next": parse_read_next,
    "all": parse_page,
}


class InputError(Exception):
    """A file could not be read (missing, unreadable, too large, bad gzip)."""


def _version() -> str:
    from . import __version__

    return __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mayadeen-parse",
        description=(
            "Parse saved Al Mayadeen English pages into JSON. Each PATH is an HTML file "
            "(.html.gz is read transparently), a directory (searched recursively for "
            "*.html, *.htm and their .gz forms), a glob pattern, or - for standard input."
        ),
        epilog="Exit status: 0 all inputs parsed, 1 some inputs failed (reported, others still processed), 2 usage.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="pages to parse")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--breaking", dest="mode", action="store_const", const="breaking", help="the BREAKING ticker")
    what.add_argument("--most-read", dest="mode", action="store_const", const="most_read", help="the Most Read list")
    what.add_argument("--related", dest="mode", action="store_const", const="related", help="the Related News box")
    what.add_argument("--read-next", dest="mode", action="store_const", const="read_next", help="the Read Next cards")
    what.add_argument("--all", dest="mode", action="store_const", const="all", help="article and every list")
    what.add_argument(
        "--report",
        dest="mode",
        action="store_const",
        const="report",
        help="how far to trust each page (one page: the full report; several: a summary)",
    )
    parser.set_defaults(mode="article")
    parser.add_argument("--url", help="the URL the page was fetched from (base for relative links)")
    parser.add_argument("--encoding", help="the charset from the HTTP Content-Type header, if known")
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help="batch mode: one compact JSON object per page per line, with its path; errors as JSON lines",
    )
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="parse with N processes (default 1)")
    parser.add_argument(
        "--paths-from", metavar="FILE", help="read more PATHs, one per line, from FILE (- for standard input)"
    )
    parser.add_argument("--indent", type=int, default=2, metavar="N", help="JSON indentation (default 2)")
    parser.add_argument("--no-progress", action="store_true", help="no progress line on a terminal")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    return parser


# --- inputs ---------------------------------------------------------------------


def _expand(paths: Iterable[str]) -> Iterator[str]:
    """Files to read, in a stable order, lazily (directories are walked)."""
    for path in paths:
        if path == "-" or os.path.isfile(path):
            yield path
        elif os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(_PAGE_SUFFIXES):
                        yield os.path.join(folder, name)
        elif glob.has_magic(path):
            matched = sorted(glob.iglob(path, recursive=True))
            if not matched:
                yield path  # reported as missing
            for item in matched:
                if os.path.isdir(item):
                    yield from _expand([item])
                else:
                    yield item
        else:
            yield path  # reported as missing


def _read_limited(stream: IO[bytes], what: str) -> bytes:
    data = stream.read(MAX_INPUT_SIZE + 1)
    if len(data) > MAX_INPUT_SIZE:
        raise InputError(f"{what} is larger than {MAX_INPUT_SIZE:,} bytes")
    return data


def read_input(path: str) -> bytes:
    """The bytes of a page file (gunzipped when gzip), size-limited."""
    try:
        if path == "-":
            data = _read_limited(sys.stdin.buffer, "standard input")
        else:
            with open(path, "rb") as handle:
                data = _read_limited(handle, "the file")
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from exc
    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
                data = _read_limited(unzipped, "the decompressed page")  # type: ignore[arg-type]
        except (OSError, EOFError) as exc:
            raise InputError(f"bad gzip data: {exc}") from exc
    return data


# --- one page -------------------------------------------------------------------


def process(path: str, mode: str, url: str | None, encoding: str | None) -> tuple[str, Any, str | None, str | None]:
    """Parse one file: ``(path, payload, error type, error message)``.

    Top-level and picklable so that worker processes can run it. Never
    raises: a page that breaks the library is reported like any bad page (the
    error type is then the exception's class name), so that one page never
    stops a batch.
    """
    try:
        data = read_input(path)
        page = load_page(data, url=url, encoding=encoding)
        if mode == "report":
            from ._report import inspect_page

            return path, _plain(inspect_page(page)), None, None
        return path, _plain(_MODES[mode](page)), None, None
    except InputError as exc:
        return path, None, "InputError", str(exc)
    except MayadeenParseError as exc:
        return path, None, type(exc).__name__, str(exc)
    except RecursionError:  # pragma: no cover - libxml2 caps depth at 256
        return path, None, "RecursionError", "the document is nested too deeply"
    except Exception as exc:  # a bug in this library: report the page, keep going
        return path, None, type(exc).__name__, f"{exc} (unexpected: please report this page as a bug)"


def process_line(path: str, mode: str, url: str | None, encoding: str | None) -> tuple[str, str, bool]:
    """``--jsonl``: ``(path, output line, failed)`` for one file.

    The line is built where the page was parsed, so a worker process sends
    back one string instead of a tree of dicts to pickle.
    """
    from . import __version__

    path, payload, error, message = process(path, mode, url, encoding)
    # The envelope of mayadeen_parse/schemas/jsonl-line.schema.json.
    record: dict[str, Any] = {"path": path, "parser_version": __version__}
    if error is not None:
        record |= {"error": error, "message": message}
    elif isinstance(payload, dict):
        record |= payload
    else:
        record["items"] = payload
    return path, json.dumps(record, ensure_ascii=False), error is not None


_T = TypeVar("_T")


def _ordered_map(
    func: Callable[..., _T],
    paths: Iterable[str],
    args: tuple[Any, ...],
    workers: int,
    crashed: Callable[[str], _T],
) -> Iterator[_T]:
    """``func(path, *args)`` for each path, in input order.

    With several workers, at most ``8 * workers`` pages are in flight, so
    memory stays flat however many paths come in. If a worker process dies
    (killed, out of memory, a crash in C code), the pages it may have held are
    retried one by one in a fresh process; a page that kills its process again
    gives ``crashed(path)``, and the run goes on.
    """
    if workers <= 1:
        for path in paths:
            yield func(path, *args)
        return
    window = workers * 8
    pending: collections.deque[tuple[str, Future[_T]]] = collections.deque()
    pool = ProcessPoolExecutor(max_workers=workers)

    def drain(keep: int) -> Iterator[_T]:
        """Yield finished results, oldest first, until at most *keep* are in flight."""
        nonlocal pool
        while len(pending) > keep:
            try:
                yield pending[0][1].result()
                pending.popleft()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                while pending:
                    yield _isolated(func, pending.popleft()[0], args, crashed)
                pool = ProcessPoolExecutor(max_workers=workers)

    try:
        for path in paths:
            pending.append((path, pool.submit(func, path, *args)))
            yield from drain(window - 1)
        yield from drain(0)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _isolated(func: Callable[..., _T], path: str, args: tuple[Any, ...], crashed: Callable[[str], _T]) -> _T:
    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(func, path, *args).result()
        except BrokenProcessPool:
            return crashed(path)


_CRASH_MESSAGE = "the worker process parsing this page died (killed, out of memory, or a crash in C code)"


def _crashed_result(path: str) -> tuple[str, Any, str | None, str | None]:
    return path, None, "WorkerCrashed", _CRASH_MESSAGE


def _crashed_line(path: str) -> tuple[str, str, bool]:
    from . import __version__

    record = {"path": path, "parser_version": __version__, "error": "WorkerCrashed", "message": _CRASH_MESSAGE}
    return path, json.dumps(record, ensure_ascii=False), True


class _Progress:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = self.last = time.monotonic()
        self.done = self.failed = 0

    def update(self, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self.enabled and now - self.last > 0.2:
            self.last = now
            self._show(now)

    def _show(self, now: float) -> None:
        rate = self.done / max(now - self.start, 1e-9)
        sys.stderr.write(f"\r{self.done:,} pages, {self.failed:,} failed, {rate:,.0f} pages/s ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self._show(time.monotonic())
            sys.stderr.write("\n")


def _write(out: IO[str], text: str) -> None:
    out.write(text + "\n")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:  # JSON keeps non-ASCII text; a cp1252 console must not fail on it
        reconfigure(encoding="utf-8")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    paths: Iterable[str] = list(args.paths)
    if args.paths_from:
        try:
            listing = sys.stdin if args.paths_from == "-" else open(args.paths_from, encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            parser.error(f"cannot read --paths-from {args.paths_from}: {exc.strerror}")
        extra = (line.rstrip("\r\n") for line in listing)
        paths = _chain(paths, (p for p in extra if p.strip()))
    elif not args.paths:
        parser.error("give at least one PATH (or - for standard input)")
    if args.mode == "report" and not args.jsonl:
        from ._report import summarize_cli

        status: int = summarize_cli(_expand(paths), args, process)
        return status

    out = sys.stdout
    progress = _Progress(args.jsonl and not args.no_progress and sys.stderr.isatty())
    failed = 0
    options = (args.mode, args.url, args.encoding)
    try:
        if args.jsonl:
            for _, line, bad in _ordered_map(process_line, _expand(paths), options, args.workers, _crashed_line):
                progress.update(bad)
                failed += bad
                _write(out, line)
                out.flush()
        else:
            results = _ordered_map(process, _expand(paths), options, args.workers, _crashed_result)
            for path, payload, error, message in results:
                progress.update(error is not None)
                if error is not None:
                    failed += 1
                    print(f"mayadeen-parse: {path}: {error}: {message}", file=sys.stderr)
                    continue
                _write(out, json.dumps(payload, ensure_ascii=False, indent=args.indent))
                out.flush()
    except BrokenPipeError:  # e.g. piped into `head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        progress.close()
        return 130
    progress.close()
    return 1 if failed else 0


def _chain(first: Iterable[str], second: Iterable[str]) -> Iterator[str]:
    yield from first
    yield from second
