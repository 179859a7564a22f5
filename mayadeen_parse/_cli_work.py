"""The command line's work on one page, in a worker process, and its counts.

:func:`process` reads, parses and formats one :class:`~mayadeen_parse._cli_inputs.Task`
and never raises; :class:`Tally` counts the outcomes for the progress line and
the summary line on standard error.
"""

from __future__ import annotations

import collections
import json
import os
import sys
import time
from collections.abc import Callable
from typing import IO, Any, NamedTuple

from ._cli_inputs import RESUMED, Task, unprefixed
from ._errors import InputError, MayadeenParseError
from ._files import read_page_bytes
from ._page import Page, load_page
from ._parse import (
    parse_article,
    parse_breaking,
    parse_most_read,
    parse_page,
    parse_read_next,
    parse_related,
)
from ._render import csv_row, plain, to_markdown, to_text

__all__ = ["MODES", "Options", "Outcome", "Tally", "crashed", "line_mode", "process", "silence_stdout"]

MODES: dict[str, Callable[[Any], Any]] = {
    "article": parse_article,
    "breaking": parse_breaking,
    "most_read": parse_most_read,
    "related": parse_related,
    "read_next": parse_read_next,
    "all": parse_page,
}
_CRASH_MESSAGE = "the worker process parsing this page died (killed, out of memory, or a crash in C code)"
_VERSION: str | None = None


def _version() -> str:
    global _VERSION  # looked up once per process
    if _VERSION is None:
        from . import __version__

        _VERSION = str(__version__)
    return _VERSION


def line_mode(mode: str) -> str:
    """The ``"mode"`` key of a JSONL line for an ``Options.mode``: the
    option's name (``most_read`` → ``"most-read"``; no option: ``"article"``)."""
    return mode.replace("_", "-")


# --- one page, in a worker ------------------------------------------------------------


class Options(NamedTuple):
    """What every worker needs to know: small, sent with each chunk."""

    mode: str
    format: str  # one of FORMATS, or "dict" for --report's summary
    indent: int | None
    single: bool  # one document for one input, not a list of {path, ...}


class Outcome(NamedTuple):
    """What a worker sends back for one page: the output is ready to write."""

    path: str
    output: Any  # str, a CSV row dict, a report dict; None when failed and nothing is written
    error: str | None
    message: str | None
    warnings: tuple[str, ...] = ()


def _envelope(task: Task, options: Options) -> dict[str, Any]:
    # "mode": which option wrote the line, so that read_jsonl_line knows the
    # record's class and --resume refuses to mix modes in one file.
    head: dict[str, Any] = {"path": task.path, "parser_version": _version(), "mode": line_mode(options.mode)}
    if task.warc is not None:
        head["warc_file"], head["warc_offset"], head["warc_url"], head["warc_date"] = task.warc
    return head


def _load(task: Task) -> Page:
    if task.record is not None:  # a WARC record: the same page or error as iter_warc gives
        from ._warc import warc_page

        item = warc_page(task.record)
        if item.page is None:
            raise item.error or InputError("the WARC record gave no page", path=task.path, reason="corrupt")
        return item.page
    # task.data: read (and gunzipped) by the main process.
    data = read_page_bytes(task.path) if task.data is None else task.data
    return load_page(data, url=task.url, encoding=task.encoding, fetched_at=task.fetched_at)


def _render(task: Task, result: Any, options: Options) -> Any:
    fmt = options.format
    if fmt == "text":
        return to_text(result)
    if fmt == "markdown":
        return to_markdown(result)
    if fmt == "csv":
        return {"path": task.path, "warc_offset": str(task.warc[1]) if task.warc else "", **csv_row(result)}
    payload = plain(result)
    if fmt == "dict":
        return payload
    if options.single and fmt == "json":
        return json.dumps(payload, ensure_ascii=False, indent=options.indent)
    head = _envelope(task, options)
    record = {**head, **payload} if isinstance(payload, dict) else {**head, "items": payload}
    if fmt == "jsonl":
        return json.dumps(record, ensure_ascii=False)
    return json.dumps(record, ensure_ascii=False, indent=options.indent)


def _failed(task: Task, options: Options, error: str, message: str, warnings: tuple[str, ...] = ()) -> Outcome:
    output = None
    if options.format == "jsonl":
        output = json.dumps({**_envelope(task, options), "error": error, "message": message}, ensure_ascii=False)
    return Outcome(task.path, output, error, message, warnings)


def process(task: Task, options: Options) -> Outcome:
    """Parse one page and format it where it was parsed (a worker sends back
    one string instead of a tree of dicts to pickle).

    Top-level and picklable so that worker processes can run it. Never
    raises: a page that breaks the library is reported like any bad page (the
    error type is then the exception's class name), so that one page never
    stops a batch.
    """
    warnings: tuple[str, ...] = ()
    try:
        if task.problem is not None:
            return _failed(task, options, *task.problem)
        page = _load(task)
        warnings = page.warnings
        if options.mode == "report":
            from ._report import inspect_page

            result: Any = inspect_page(page)
        else:
            result = MODES[options.mode](page)
        return Outcome(task.path, _render(task, result, options), None, None, warnings)
    except InputError as exc:  # the message starts with the path, which the report already shows
        return _failed(task, options, "InputError", unprefixed(str(exc), task.path), warnings)
    except MayadeenParseError as exc:
        return _failed(task, options, type(exc).__name__, str(exc), warnings)
    except RecursionError:  # pragma: no cover - libxml2 caps depth at 256
        return _failed(task, options, "RecursionError", "the document is nested too deeply", warnings)
    except Exception as exc:  # a bug in this library: report the page, keep going
        message = f"{exc} (unexpected: please report this page as a bug)"
        return _failed(task, options, type(exc).__name__, message, warnings)


def crashed(options: Options) -> Callable[[Task], Outcome]:
    """What :func:`~mayadeen_parse._cli_pool.ordered_map` gives for a page
    that killed its worker process twice."""
    return lambda task: _failed(task, options, "WorkerCrashed", _CRASH_MESSAGE)


# --- progress and the summary line ------------------------------------------------------


class Tally:
    """What the summary line counts, and the progress line shows on a terminal."""

    def __init__(
        self,
        progress: bool,
        total: int | None = None,
        stream: IO[str] | None = None,
        skipped: collections.Counter[str] | None = None,
    ) -> None:
        self.progress = progress
        self.total = total
        # The inputs' skip counts, filled as the run goes: inputs --resume
        # found in the output are part of the total, and done.
        self.skipped: collections.Counter[str] = skipped if skipped is not None else collections.Counter()
        self.stream = stream or sys.stderr
        self.start = self.last = time.monotonic()
        self.parsed = 0
        self.failed: dict[str, int] = {}
        self.warnings = 0
        self.shown = False

    @property
    def pages(self) -> int:
        return self.parsed + sum(self.failed.values())

    def add(self, outcome: Outcome) -> None:
        if outcome.error is None:
            self.parsed += 1
        else:
            self.failed[outcome.error] = self.failed.get(outcome.error, 0) + 1
        self.warnings += len(outcome.warnings)
        now = time.monotonic()
        if self.progress and now - self.last > 0.2:
            self.last = now
            self._show(now)

    def say(self, line: str) -> None:
        """A message on standard error, clearing the progress line first."""
        if self.shown:
            self.stream.write("\r\033[K")
            self.shown = False
        self.stream.write(line + "\n")
        self.stream.flush()

    def _show(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        rate = self.pages / elapsed
        failed = sum(self.failed.values())
        if self.total:
            done = self.pages + self.skipped[RESUMED]
            share = min(done * 100 // self.total, 100)
            text = f"{done:,} / {self.total:,} pages ({share} %), {failed:,} failed, {rate:,.0f} pages/s"
            left = max(self.total - done, 0)
            if rate > 0 and self.pages:
                eta = int(left / rate)
                text += f", ETA {eta // 3600}:{eta // 60 % 60:02d}:{eta % 60:02d}"
        else:
            text = f"{self.pages:,} pages, {failed:,} failed, {rate:,.0f} pages/s"
        self.stream.write("\r" + text + " \033[K")
        self.stream.flush()
        self.shown = True

    def line(self, skipped: dict[str, int]) -> str:
        """``mayadeen-parse: 7 pages in 0.4 s (17 pages/s): 5 parsed, 2 failed
        (InputError 1, PageDecodeError 1); 3 skipped (...)``."""
        elapsed = time.monotonic() - self.start
        failed = sum(self.failed.values())

        def detail(counts: dict[str, int]) -> str:
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            return " (" + ", ".join(f"{name} {count:,}" for name, count in ranked) + ")" if ranked else ""

        text = (
            f"mayadeen-parse: {self.pages:,} page{'s' * (self.pages != 1)} in {elapsed:.1f} s "
            f"({self.pages / max(elapsed, 1e-9):,.0f} pages/s): {self.parsed:,} parsed, {failed:,} failed"
            f"{detail(self.failed)}; {sum(skipped.values()):,} skipped{detail(skipped)}"
        )
        if self.warnings:
            text += f"; {self.warnings:,} warning{'s' * (self.warnings != 1)}"
        return text

    def close(self) -> None:
        if self.progress and self.pages:
            self._show(time.monotonic())
            self.stream.write("\n")
            self.shown = False


def silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass
