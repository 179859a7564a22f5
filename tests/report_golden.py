"""Golden trust reports: ``tests/fixtures/<kind>/<slug>.report.json``.

Every ``.html`` fixture gets one, beside its ``<slug>.json``: the expected
:func:`mayadeen_parse.inspect_page` output as :func:`mayadeen_parse.to_dict`
gives it. The inputs (``url``, ``encoding``) are those of the fixture's
``<slug>.json`` when it has one. Expected reports are written only by
``python -m tests.regen_report`` and the diff is reviewed before committing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import mayadeen_parse as mp

FIXTURES = Path(__file__).parent / "fixtures"


def all_fixtures() -> list[Path]:
    """Every ``.html`` fixture, whether or not it has a report yet."""
    return sorted(FIXTURES.glob("*/*.html"))


def fixture_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def report_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.report.json")


def inputs(path: Path) -> dict[str, Any]:
    """The fixture's ``url`` and ``encoding``, from its golden ``.json``."""
    golden = path.with_suffix(".json")
    if not golden.exists():
        return {}
    data: dict[str, Any] = json.loads(golden.read_text(encoding="utf-8")).get("input") or {}
    return data


def load_page(path: Path) -> mp.Page:
    given = inputs(path)
    return mp.load_page(path.read_bytes(), url=given.get("url"), encoding=given.get("encoding"))


def actual_report(path: Path) -> dict[str, Any]:
    """The report the library gives for the fixture today, as a JSON-safe dict."""
    return mp.to_dict(mp.inspect_page(load_page(path)))


def expected_report(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(report_path(path).read_text(encoding="utf-8"))
    return data


def dumps(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
