"""Rewrite expected trust reports of golden fixtures. Review the diff before committing.

    .venv/bin/python -m tests.regen_report                       # every fixture
    .venv/bin/python -m tests.regen_report report/title-edited   # some
    .venv/bin/python -m tests.regen_report --missing             # fixtures without one yet

Writes ``<slug>.report.json`` beside each ``<slug>.html`` (see tests/report_golden.py).
"""

from __future__ import annotations

import argparse

from tests.report_golden import actual_report, all_fixtures, dumps, fixture_id, report_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ids", nargs="*", help="fixture ids like report/title-edited")
    parser.add_argument("--missing", action="store_true", help="only fixtures that have no report yet")
    args = parser.parse_args()
    known = {fixture_id(path) for path in all_fixtures()}
    unknown = sorted(set(args.ids) - known)
    if unknown:
        parser.error(f"no such fixture: {', '.join(unknown)}")
    for path in all_fixtures():
        if args.ids and fixture_id(path) not in args.ids:
            continue
        target = report_path(path)
        if args.missing and target.exists():
            continue
        text = dumps(actual_report(path))
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
