"""``--resume``: which inputs an interrupted run already wrote.

A JSON Lines output is read back line by line (never whole: it can hold
millions of pages); each complete line names its input by ``"path"``, or by
``"warc_file"`` and ``"warc_offset"`` for a WARC record. A last line without
its newline is what a killed run leaves: it is cut off, so that its input is
parsed again and the file stays one JSON object per line.

Lines of another mode than this run's (``"mode"``; for lines written before
that key, what their keys allow) make ``--resume`` refuse: one file, one kind
of record. Lines of another major parser version are resumed, with a warning.
"""

from __future__ import annotations

import collections
import json
import os
import re
from typing import Any, NamedTuple

from ._jsonl import line_modes

__all__ = ["ModeMismatch", "line_key", "prepare"]

# The envelope the command line writes first on each line: a cheap look at
# the keys without decoding a whole article (a line is ~10 KB).
_STRING = r'"(?:[^"\\]|\\.)*"'
_HEAD_RE = re.compile(
    rf'\{{"path": ({_STRING}), "parser_version": ({_STRING})(?:, "mode": "([a-z-]+)")?'
    rf'(?:, "warc_file": ({_STRING}), "warc_offset": (\d+))?'
)


class ModeMismatch(ValueError):
    """The output holds lines of another mode than this run's: appending
    would mix records of two kinds in one file."""


class _Line(NamedTuple):
    key: str | tuple[str, int] | None
    """The input the line stands for (``None``: not a line of ours)."""
    modes: frozenset[str]
    """The modes that could have written it (empty: cannot tell)."""
    version: str | None


def _read_line(line: str) -> _Line:
    head = _HEAD_RE.match(line)
    if head is not None and head.group(3) is not None:  # the common case: nothing decoded in full
        key: str | tuple[str, int] = (
            (json.loads(head.group(4)), int(head.group(5))) if head.group(4) is not None else json.loads(head.group(1))
        )
        return _Line(key, frozenset({head.group(3)}), json.loads(head.group(2)))
    try:  # written before the "mode" key, by an older version, or re-serialised by another tool
        record: Any = json.loads(line)
    except ValueError:
        return _Line(None, frozenset(), None)
    if not isinstance(record, dict):
        return _Line(None, frozenset(), None)
    version = record.get("parser_version")
    modes = line_modes(record)  # a failure without "mode": every mode
    version = version if isinstance(version, str) else None
    if isinstance(record.get("warc_file"), str) and isinstance(record.get("warc_offset"), int):
        return _Line((record["warc_file"], record["warc_offset"]), modes, version)
    value = record.get("path")
    return _Line(value if isinstance(value, str) else None, modes, version)


def line_key(line: str) -> str | tuple[str, int] | None:
    """The input a JSONL line stands for (``None``: not a line of ours)."""
    return _read_line(line).key


def _mode_name(mode: str) -> str:
    return "the default mode (articles, no mode option)" if mode == "article" else f"--{mode}"


def _mismatch(output: str, mode: str, others: collections.Counter[frozenset[str]]) -> str:
    (modes, count), *_ = others.most_common(1)
    if len(modes) == 1:
        (other,) = modes
        written = f"written with {_mode_name(other)}"
    else:
        written = "written in another mode (by their keys: " + " or ".join(map(_mode_name, sorted(modes))) + ")"
    return (
        f"cannot resume {output}: {count:,} of its lines were {written}, and this run is {_mode_name(mode)}; "
        "resume with the mode of the first run, or write this mode to another file"
    )


def _major(version: str) -> str:
    return version.split(".", 1)[0]


def prepare(output: str, mode: str | None = None, version: str | None = None) -> tuple[set[Any], str | None]:
    """The keys already in *output*, after cutting off a half-written last
    line; and a note for standard error (or ``None``; one line per
    ``"\n"``).

    *mode*: this run's line mode (``"article"``, ``"most-read"``...): a line
    written in another one (its ``"mode"`` key, or for an older line what its
    keys allow) raises :class:`ModeMismatch`, and the file is left as it
    was. *version*: this parser's version; lines of another major version
    give a warning in the note.
    """
    done: set[Any] = set()
    try:
        handle = open(output, "rb+")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return done, None
    notes: list[str] = []
    unreadable = 0
    others: collections.Counter[frozenset[str]] = collections.Counter()
    versions: collections.Counter[str] = collections.Counter()
    with handle:
        end = 0  # the offset just after the last complete line
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            end += len(raw)
            line = _read_line(raw.decode("utf-8", "surrogateescape").rstrip("\r\n"))
            if line.key is None:
                unreadable += raw.strip() != b""
                continue
            done.add(line.key)
            if mode is not None and line.modes and mode not in line.modes:
                others[line.modes] += 1
            if version is not None and line.version is not None and _major(line.version) != _major(version):
                versions[line.version] += 1
        if others:
            raise ModeMismatch(_mismatch(output, mode or "", others))
        size = handle.seek(0, os.SEEK_END)
        if size > end:
            handle.truncate(end)
            notes.append(f"removed a half-written last line ({size - end:,} bytes); its page is parsed again")
    if unreadable:
        notes.append(f"{unreadable:,} lines name no input; ignored")
    if done:
        notes.insert(0, f"resuming after {len(done):,} inputs")
    text = "; ".join(notes)
    if versions:
        written = ", ".join(f"{name} ({count:,} lines)" for name, count in versions.most_common(3))
        text += (
            f"\nwarning: lines written by mayadeen-parse {written}, another major version than this one"
            f" ({version}): their records may differ from the new lines' (run afresh without --resume to have"
            " one version)"
        )
    return done, text.strip("\n") or None
