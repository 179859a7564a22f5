"""``--report`` without ``--jsonl``: one page's full report, or a summary.

Moved here from ``_report.py`` (it prints, reads the inputs and handles a
closed pipe: command-line work), so that the report module never imports the
command line.
"""

from __future__ import annotations

import collections
import json
from collections.abc import Iterator, Mapping
from typing import IO, Any

from ._cli_inputs import Inputs, Task
from ._cli_pool import ordered_map
from ._cli_work import Options, Tally, crashed, process, silence_stdout
from ._parse import FIELDS
from ._report import BLOCKS

__all__ = ["Summary", "summarize"]


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


#: Paths kept per summary bucket, to look at.
EXAMPLES_PER_BUCKET = 5


class Summary:
    """Counts over many reports (as :func:`~mayadeen_parse.to_dict` gives
    them): what a crawler tracks to notice drift."""

    def __init__(self) -> None:
        self.pages = 0
        self.failed = 0
        self.counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        self.anchors: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        self.winners: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        self.examples: dict[str, list[str]] = collections.defaultdict(list)

    def _example(self, bucket: str, path: str) -> None:
        kept = self.examples[bucket]
        if len(kept) < EXAMPLES_PER_BUCKET:
            kept.append(path)

    def add(self, path: str, report: Mapping[str, Any]) -> None:
        """Count one page's report."""
        self.pages += 1
        status, kind = report["status"], report["kind"]
        self.counts["status"][status] += 1
        self.counts["kind"][kind] += 1
        if status != "complete":
            self._example(f"status:{status}", path)
        for item in report["missing"]:
            self.counts["missing"][item["field"]] += 1
            self._example(f"missing:{item['field']}", path)
        for item in report["disagreements"]:
            self.counts["disagreements"][item["kind"]] += 1
            self._example(f"disagreement:{item['kind']}", path)
            for source in item["dissenting"]:
                self.counts["dissenting"][source] += 1
        fallback = False
        for block in report["layout"]:
            self.anchors[block["block"]][block["anchor"]] += 1
            if block["fallback"] and block["expected"]:
                fallback = True
                self.counts["fallback"][block["block"]] += 1
                self._example(f"fallback:{block['block']}", path)
            if block["expected"] and not block["found"]:
                self.counts["missing_blocks"][block["block"]] += 1
                self._example(f"missing_block:{block['block']}", path)
        self.counts["pages_with_fallback"]["pages"] += fallback
        for source in report["sources"]:
            state = "error" if source["error"] else ("found" if source["found"] else "absent")
            self.counts[f"source:{source['name']}"][state] += 1
        if status != "not_article":
            for item in report["provenance"]:
                self.winners[item["field"]][item["source"] or "none"] += 1
                for rejected in item["rejected"]:
                    self.counts["rejected"][rejected["source"]] += 1
                    self._example(f"rejected:{rejected['source']}", path)

    def add_failure(self, path: str, error: str) -> None:
        """Count one page that could not be read or parsed."""
        self.failed += 1
        self.counts["errors"][error] += 1
        self._example(f"error:{error}", path)

    def result(self) -> dict[str, Any]:
        """The summary as a JSON-safe dict (keys sorted by count, then name)."""

        def ranked(counter: Mapping[str, int]) -> dict[str, int]:
            return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))

        counts = self.counts
        return {
            "pages": self.pages,
            "failed": self.failed,
            "status": ranked(counts["status"]),
            "kind": ranked(counts["kind"]),
            "missing": ranked(counts["missing"]),
            "disagreements": ranked(counts["disagreements"]),
            "dissenting": ranked(counts["dissenting"]),
            "pages_with_fallback": counts["pages_with_fallback"]["pages"],
            "fallback": ranked(counts["fallback"]),
            "missing_blocks": ranked(counts["missing_blocks"]),
            "anchors": {block: ranked(self.anchors[block]) for block in BLOCKS if block in self.anchors},
            "sources": {
                name: ranked(counts[f"source:{name}"])
                for name in ("tawsiyat", "json-ld", "meta")
                if counts[f"source:{name}"]
            },
            "provenance": {name: ranked(self.winners[name]) for name in FIELDS if name in self.winners},
            "rejected": ranked(counts["rejected"]),
            "errors": ranked(counts["errors"]),
            "examples": dict(sorted(self.examples.items())),
        }
