"""Rewrite expected JSON for golden fixtures. Review the diff before committing.

    .venv/bin/python -m tests.regen_golden                   # every fixture
    .venv/bin/python -m tests.regen_golden article/opinion   # some
    .venv/bin/python -m tests.regen_golden --new path.html   # start a new one

Keeps each file's ``input`` block (url, encoding) and ``note``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tests.golden import actual, fixture_id, html_fixtures


def write(path: Path, note: str | None = None, url: str | None = None, encoding: str | None = None) -> None:
    target = path.with_suffix(".json")
    old = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    inputs = old.get("input", {"url": url, "encoding": encoding})
    data = {"note": old.get("note", note or ""), "input": inputs, "expected": {}}
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    data["expected"] = actual(path)
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ids", nargs="*", help="fixture ids like article/blinken-2023-11-06")
    parser.add_argument("--new", type=Path, help="an .html fixture with no .json yet")
    parser.add_argument("--note", help="what the new fixture is and where it comes from")
    parser.add_argument("--url")
    parser.add_argument("--encoding")
    args = parser.parse_args()
    if args.new:
        write(args.new, args.note, args.url, args.encoding)
        return
    for path in html_fixtures():
        if not args.ids or fixture_id(path) in args.ids:
            write(path)


if __name__ == "__main__":
    main()
