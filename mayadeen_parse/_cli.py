"""The command line: ``python -m mayadeen_parse`` and ``mayadeen-parse``.

Exit status: 0 when every input parsed, 1 when at least one input failed (each
failure is reported and the others are still processed), 2 for a usage error,
130 when interrupted, 70 for a bug in this program (reported in one line, never
a traceback).

Modules: this one (options, one page in a worker, the output), ``_cli_inputs``
(which files a PATH names, their bytes), ``_cli_pool`` (worker processes),
``_cli_resume`` (``--resume``), ``_cli_report`` (``--report``'s summary) and
``_render`` (text, Markdown, CSV).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import glob
import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ._cli_inputs import HINTS, RESUMED, Inputs, Task, count_pages, is_warc_name
from ._cli_pool import ordered_map
from ._cli_work import Options, Outcome, Tally, _version, crashed, line_mode, process, silence_stdout
from ._render import CSV_COLUMNS
from ._wayback import unwrap_wayback

__all__ = ["main", "process"]  # process: for tests and bench/ (the worker function)

FORMATS = ("json", "jsonl", "text", "markdown", "csv")
#: The CSV header: where the row comes from, then the article's columns.
CSV_HEADER = ("path", "warc_offset", *CSV_COLUMNS)
#: Between two articles in ``--format text`` and ``markdown``.
SEPARATOR = "\n---\n\n"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mayadeen-parse",
        description=(
            "Parse saved Al Mayadeen pages into JSON, text, Markdown or CSV. Each PATH is an HTML file "
            "(.html.gz is read transparently), a WARC file (.warc, .warc.gz: every HTML response of the "
            "site), a directory (searched recursively for *.html, *.htm, *.xhtml, their .gz forms and "
            "WARC files), a glob pattern, or - for standard input. Nothing is ever downloaded."
        ),
        epilog=(
            "Exit status: 0 all inputs parsed, 1 some inputs failed (reported, others still processed), "
            "2 usage, 130 interrupted."
        ),
        allow_abbrev=False,  # --json must not silently mean --jsonl
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
        "--fetched-at",
        metavar="TIME",
        help=(
            "when the pages were fetched, ISO 8601 with a UTC offset or Z (2023-11-02T22:00:00+02:00), or mtime "
            "for each file's modification time: relative labels such as 'today 21:48' resolve against it "
            "(a WARC record's WARC-Date and a Wayback --url's capture time win)"
        ),
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help=(
            "json (default: one document, or an array of {path, ...} objects for several pages), "
            "jsonl (one object per page per line), text, markdown, csv (one row per article)"
        ),
    )
    parser.add_argument("--jsonl", action="store_true", help="the same as --format jsonl (batch mode)")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output (replaced, unless --resume)"
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help=(
            "with -o FILE and JSONL: skip the inputs already in FILE and append the others "
            "(refused when FILE holds lines of another mode)"
        ),
    )
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="parse with N processes (default 1)")
    parser.add_argument(
        "--paths-from", metavar="FILE", help="read more PATHs, one per line, from FILE (- for standard input)"
    )
    parser.add_argument("--indent", type=int, default=2, metavar="N", help="JSON indentation (default 2)")
    parser.add_argument("--no-progress", action="store_true", help="no progress line on a terminal")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    return parser


# --- output -------------------------------------------------------------------------


class _Writer:
    """Writes outcomes in the chosen format; the JSON array is opened lazily."""

    def __init__(self, out: IO[str], options: Options) -> None:
        self.out = out
        self.options = options
        self.count = 0
        self.csv: csv.DictWriter[str] | None = None
        if options.format == "csv":
            self.csv = csv.DictWriter(out, fieldnames=CSV_HEADER, lineterminator="\n")
            self.csv.writeheader()

    def write(self, outcome: Outcome) -> None:
        output, fmt = outcome.output, self.options.format
        if output is None:
            return
        if self.csv is not None:
            self.csv.writerow(output)
        elif fmt == "jsonl" or (fmt == "json" and self.options.single):
            self.out.write(output + "\n")
        elif fmt == "json":
            indent = " " * (self.options.indent or 0)
            item = output.replace("\n", "\n" + indent) if self.options.indent is not None else output
            self.out.write(("[\n" if self.count == 0 else ",\n") + indent + item)
        else:  # text, markdown
            self.out.write((SEPARATOR if self.count else "") + output)
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.options.format == "json" and not self.options.single:
            self.out.write("\n]\n" if self.count else "[]\n")
        self.out.flush()


def _paths_from(source: str) -> Iterator[str]:
    """Lines of *source* as paths: bytes decoded as the file system does
    (``os.fsdecode``), so a name that is not valid UTF-8 still names its file."""
    try:
        stream = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
    except OSError as exc:
        raise _UsageError(f"cannot read --paths-from {source}: {exc.strerror}") from exc
    return _lines(stream)


def _lines(stream: IO[bytes]) -> Iterator[str]:
    with stream:
        for raw in stream:
            line = os.fsdecode(raw.rstrip(b"\r\n"))
            if line.strip():
                yield line


class _UsageError(Exception):
    pass


def _single(args: argparse.Namespace) -> bool:
    """One document, not a list: one PATH that is one page (a file or ``-``)."""
    if args.paths_from or len(args.paths) != 1:
        return False
    path = args.paths[0]
    return path == "-" or (not os.path.isdir(path) and not is_warc_name(path) and not _is_pattern(path))


def _is_pattern(path: str) -> bool:
    return glob.has_magic(path) and not os.path.exists(path)


def _options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Options:
    fmt = args.format or ("jsonl" if args.jsonl else "json")
    if args.jsonl and fmt != "jsonl":
        parser.error(f"--jsonl is --format jsonl: it cannot go with --format {fmt}")
    if fmt in ("text", "markdown", "csv") and args.mode != "article":
        parser.error(f"--format {fmt} shows articles: it does not go with --{args.mode.replace('_', '-')}")
    if args.resume and not args.output:
        parser.error("--resume needs -o/--output FILE (the output to resume)")
    if args.resume and fmt != "jsonl":
        parser.error("--resume works on JSON Lines output: add --jsonl (or --format jsonl)")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if not args.paths and not args.paths_from:
        parser.error("give at least one PATH (or - for standard input)")
    if args.paths_from == "-" and "-" in args.paths:
        parser.error("- as a PATH and --paths-from - cannot both read standard input")
    single = _single(args)
    return Options(args.mode, "dict" if fmt == "json" and args.mode == "report" else fmt, args.indent, single)


# What --fetched-at takes: isoformat() of an aware datetime (or "Z"), a space
# allowed for the "T"; checked here rather than left to fromisoformat(), which
# reads other shapes and differs between Python versions.
_FETCHED_AT_RE = re.compile(r"(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}:\d{2})?")
_FETCHED_AT_EXAMPLE = "e.g. 2023-11-02T22:00:00+02:00, or Z for UTC"


def parse_fetched_at(text: str) -> datetime.datetime:
    """The aware datetime of a ``--fetched-at`` value.

    Raises:
        ValueError: not an ISO 8601 date and time, or one without a UTC
            offset (the message says what to write instead).
    """
    match = _FETCHED_AT_RE.fullmatch(text.strip())
    if match is None:
        raise ValueError(
            f"--fetched-at {text}: expected an ISO 8601 date and time with a UTC offset "
            f"({_FETCHED_AT_EXAMPLE}), or mtime"
        )
    if match.group(2) is None:
        raise ValueError(
            f"--fetched-at {text}: a time without a UTC offset is ambiguous; add one ({_FETCHED_AT_EXAMPLE})"
        )
    offset = "+00:00" if match.group(2) == "Z" else match.group(2)
    try:
        return datetime.datetime.fromisoformat(match.group(1) + offset)
    except ValueError as exc:
        raise ValueError(f"--fetched-at {text}: not a valid date and time ({exc})") from None


def _fetch_time(parser: argparse.ArgumentParser, args: argparse.Namespace) -> dict[str, Any]:
    """``Inputs``' fetch-time arguments from ``--fetched-at`` (a usage error when malformed)."""
    if args.fetched_at is None:
        return {}
    if args.url and unwrap_wayback(args.url)[1] is not None:
        print(
            "mayadeen-parse: warning: --fetched-at is not used: the Wayback --url gives the capture time",
            file=sys.stderr,
        )
    if args.fetched_at.strip() == "mtime":
        return {"mtime": True}
    try:
        return {"fetched_at": parse_fetched_at(args.fetched_at)}
    except ValueError as exc:
        parser.error(str(exc))


def _configure_streams() -> None:
    # JSON keeps non-ASCII text; a cp1252 console must not fail on it, and a
    # file name that is not valid UTF-8 (a lone surrogate from os.fsdecode)
    # is written as a \udcxx escape, which JSON reads back as the same name.
    for stream, encoding in ((sys.stdout, "utf-8"), (sys.stderr, None)):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding=encoding or getattr(stream, "encoding", None) or "utf-8", errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into `head`
        silence_stdout()
        return 1
    except Exception as exc:  # a bug in this program: one line, never a traceback
        print(
            f"mayadeen-parse: internal error: {type(exc).__name__}: {exc} (please report this as a bug)",
            file=sys.stderr,
        )
        return 70


def _main(argv: list[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _configure_streams()
    options = _options(parser, args)
    paths = _all_paths(parser, args)
    inputs = Inputs(url=args.url, encoding=args.encoding, **_fetch_time(parser, args))
    batch = not options.single or options.format in ("jsonl", "csv") or bool(args.output)
    show_progress = batch and not args.no_progress and sys.stderr.isatty()
    total = count_pages(args.paths) if show_progress and not args.paths_from else None
    out, done = _open_output(parser, args)
    tally = Tally(show_progress, total, skipped=inputs.skipped)
    try:
        if options.mode == "report" and options.format == "dict":
            from ._cli_report import summarize

            return summarize(inputs.tasks(paths), inputs, args.workers, options, out, tally)
        tasks = inputs.tasks(paths)
        if done:
            tasks = _not_done(tasks, done, inputs)
        interrupted = _run(tasks, args.workers, options, out, tally)
    finally:
        if out is not sys.stdout:
            _close(out)
    tally.close()
    if batch:
        _summarize(tally, inputs, args, options, interrupted)
    if interrupted:
        return 130
    return 1 if tally.failed or (not tally.pages and not inputs.skipped.get(RESUMED)) else 0


def _all_paths(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Iterable[str]:
    """The PATH arguments, then the lines of ``--paths-from``."""
    paths: Iterable[str] = list(args.paths)
    if args.paths_from:
        try:
            paths = _chain(paths, _paths_from(args.paths_from))
        except _UsageError as exc:
            parser.error(str(exc))
    return paths


def _open_output(parser: argparse.ArgumentParser, args: argparse.Namespace) -> tuple[IO[str], set[Any]]:
    """Where the results go (``-o FILE`` or standard output), and, with
    ``--resume``, the inputs that file already holds."""
    done: set[Any] = set()
    if not args.output:
        return sys.stdout, done
    if args.resume:
        from ._cli_resume import ModeMismatch, prepare

        try:
            done, note = prepare(args.output, line_mode(args.mode), _version())
        except OSError as exc:
            parser.error(f"cannot resume {args.output}: {exc.strerror or exc}")
        except ModeMismatch as exc:
            parser.error(str(exc))
        for part in (note or "").splitlines():
            print(f"mayadeen-parse: {args.output}: {part}", file=sys.stderr)
    try:
        out = open(  # noqa: SIM115 - closed by _main
            args.output, "a" if args.resume else "w", encoding="utf-8", errors="backslashreplace", newline=""
        )
    except OSError as exc:
        parser.error(f"cannot write {args.output}: {exc.strerror or exc}")
    return out, done


def _run(tasks: Iterable[Task], workers: int, options: Options, out: IO[str], tally: Tally) -> bool:
    """Parse every task and write its result; ``True`` when interrupted (Ctrl-C)."""
    writer = _Writer(out, options)
    try:
        for outcome in ordered_map(process, tasks, (options,), workers, crashed(options)):
            tally.add(outcome)
            for warning in outcome.warnings:
                tally.say(f"mayadeen-parse: {outcome.path}: warning: {warning}")
            if outcome.error is not None and options.format != "jsonl":
                tally.say(f"mayadeen-parse: {outcome.path}: {outcome.error}: {outcome.message}")
            writer.write(outcome)
        writer.close()
    except KeyboardInterrupt:
        return True
    return False


def _summarize(tally: Tally, inputs: Inputs, args: argparse.Namespace, options: Options, interrupted: bool) -> None:
    """The batch's last lines on stderr: an example of each skip, then the summary."""
    for reason, example in sorted(inputs.examples.items()):
        if reason != RESUMED:
            hint = f" ({HINTS[reason]})" if reason in HINTS else ""
            tally.say(f"mayadeen-parse: skipped: {reason}: e.g. {example}{hint}")
    resumable = args.output and options.format == "jsonl"
    resume = f" (interrupted: run again with -o {args.output} --resume)" if resumable else " (interrupted)"
    tally.say(tally.line(dict(inputs.skipped)) + (resume if interrupted else ""))  # last: what a script reads


def _close(out: IO[str]) -> None:
    with contextlib.suppress(OSError):  # a full disk at the last flush: reported by the summary's absence
        out.close()


def _not_done(tasks: Iterator[Task], done: set[Any], inputs: Inputs) -> Iterator[Task]:
    for task in tasks:
        if task.key in done:
            inputs.skip(RESUMED, task.path)
        else:
            yield task


def _chain(first: Iterable[str], second: Iterable[str]) -> Iterator[str]:
    yield from first
    yield from second
