"""``--resume``: which inputs an interrupted run already wrote.

A JSON Lines output is read back line by line (never whole: it can hold
millions of pages); each complete line names its input by ``"path"``, or by
``"warc_file"`` and ``"warc_offset"`` for a WARC record. A last line without
its newline is what a killed run leaves: it is cut off, so that its input is
parsed again and the file stays one JSON object per line.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

__all__ = ["line_key", "prepare"]

# The envelope the command line writes first on each line: a cheap look at
# the keys without decoding a whole article (a line is ~10 KB).
_STRING = r'"(?:[^"\\]|\\.)*"'
_HEAD_RE = re.compile(
    rf'\{{"path": ({_STRING}), "parser_version": {_STRING}(?:, "mode": "[a-z-]+")?'
    rf'(?:, "warc_file": ({_STRING}), "warc_offset": (\d+))?'
)


def line_key(line: str) -> str | tuple[str, int] | None:
    """The input a JSONL line stands for (``None``: not a line of ours)."""
    head = _HEAD_RE.match(line)
    if head is not None:
        if head.group(2) is not None:
            return json.loads(head.group(2)), int(head.group(3))
        path: str = json.loads(head.group(1))
        return path
    try:  # written by an older version, or re-serialised by another tool
        record: Any = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    if isinstance(record.get("warc_file"), str) and isinstance(record.get("warc_offset"), int):
        return record["warc_file"], record["warc_offset"]
    value = record.get("path")
    return value if isinstance(value, str) else None


def prepare(output: str) -> tuple[set[Any], str | None]:
    """The keys already in *output*, after cutting off a half-written last
    line; and a note for standard error (or ``None``)."""
    done: set[Any] = set()
    try:
        handle = open(output, "rb+")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return done, None
    notes: list[str] = []
    unreadable = 0
    with handle:
        end = 0  # the offset just after the last complete line
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            end += len(raw)
            key = line_key(raw.decode("utf-8", "surrogateescape").rstrip("\r\n"))
            if key is None:
                unreadable += raw.strip() != b""
            else:
                done.add(key)
        size = handle.seek(0, os.SEEK_END)
        if size > end:
            handle.truncate(end)
            notes.append(f"removed a half-written last line ({size - end:,} bytes); its page is parsed again")
    if unreadable:
        notes.append(f"{unreadable:,} lines name no input; ignored")
    if done:
        notes.insert(0, f"resuming after {len(done):,} inputs")
    return done, "; ".join(notes) or None
