"""``--report`` without ``--jsonl``: one page's full report, or a summary.

Moved here from ``_report.py`` (it prints, reads the inputs and handles a
closed pipe: command-line work), so that the report module never imports the
command line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from ._cli_inputs import Inputs, Task
from ._cli_pool import ordered_map
from ._cli_work import Options, Tally, crashed, process, silence_stdout
from ._report import Summary

__all__ = ["summarize"]


def summarize(tasks: Iterator[Task], inputs: Inputs, workers: int, options: Options, out: IO[str], tally: Tally) -> int:
    """Print one page's report (one file or ``-`` given; nothing when it
    cannot be read) or a :class:`~mayadeen_parse._report.Summary` of many
    (a directory, a glob, several paths, ``--paths-from``).

    Returns the exit status: 0 when every page was read, 1 when some could
    not be (each is reported on standard error).
    """
    summary = Summary()
    last: Any = None
    for outcome in ordered_map(process, tasks, (options,), workers, crashed(options)):
        tally.add(outcome)
        for warning in outcome.warnings:
            tally.say(f"mayadeen-parse: {outcome.path}: warning: {warning}")
        if outcome.error is not None:
            tally.say(f"mayadeen-parse: {outcome.path}: {outcome.error}: {outcome.message}")
            summary.add_failure(outcome.path, outcome.error)
        else:
            summary.add(outcome.path, outcome.output)
            last = outcome.output
    tally.close()
    try:
        if options.single:
            if last is not None:
                out.write(json.dumps(last, ensure_ascii=False, indent=options.indent) + "\n")
        else:
            out.write(json.dumps(summary.result(), ensure_ascii=False, indent=options.indent) + "\n")
        out.flush()
    except BrokenPipeError:  # e.g. piped into `head`
        silence_stdout()
        return 1
    if not options.single:
        tally.say(tally.line(dict(inputs.skipped)))
    return 1 if summary.failed else 0
