"""``--report`` without ``--jsonl``: one page's full report, or a summary.

Moved here from ``_report.py`` (it prints, reads the inputs and handles a
closed pipe: command-line work), so that the report module never imports the
command line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

from ._cli_inputs import Inputs, Task
from ._cli_pool import ordered_map
from ._cli_work import Options, Tally, crashed, process, silence_stdout
from ._report import Summary

__all__ = ["summarize"]


def summarize(tasks: Iterator[Task], inputs: Inputs, args: argparse.Namespace, options: Options) -> int:
    """Print one page's report (one file or ``-`` given; nothing when it
    cannot be read) or a :class:`~mayadeen_parse._report.Summary` of many
    (a directory, a glob, several paths, ``--paths-from``).

    Returns the exit status: 0 when every page was read, 1 when some could
    not be (each is reported on standard error).
    """
    summary = Summary()
    tally = Tally(progress=False)
    last: Any = None
    for outcome in ordered_map(process, tasks, (options,), args.workers, crashed(options)):
        tally.add(outcome)
        for warning in outcome.warnings:
            tally.say(f"mayadeen-parse: {outcome.path}: warning: {warning}")
        if outcome.error is not None:
            tally.say(f"mayadeen-parse: {outcome.path}: {outcome.error}: {outcome.message}")
            summary.add_failure(outcome.path, outcome.error)
        else:
            summary.add(outcome.path, outcome.output)
            last = outcome.output
    try:
        if options.single:
            if last is not None:
                sys.stdout.write(json.dumps(last, ensure_ascii=False, indent=options.indent) + "\n")
        else:
            sys.stdout.write(json.dumps(summary.result(), ensure_ascii=False, indent=options.indent) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`
        silence_stdout()
        return 1
    if not options.single:
        tally.say(tally.line(dict(inputs.skipped)))
    return 1 if summary.failed else 0
