"""Golden fixtures: ``tests/fixtures/<kind>/<slug>.html`` beside ``<slug>.json``.

The JSON holds the inputs (``url``, ``encoding``) and the expected output of
:func:`mayadeen_parse.parse_page` as :func:`mayadeen_parse.to_dict` gives it.
Expected files are written only by ``python -m tests.regen_golden`` and the
diff is reviewed before committing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import mayadeen_parse as mp

FIXTURES = Path(__file__).parent / "fixtures"


def html_fixtures() -> list[Path]:
    """Every ``.html`` fixture that has an expected ``.json`` beside it."""
    return sorted(p for p in FIXTURES.glob("*/*.html") if p.with_suffix(".json").exists())


def fixture_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def load_expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return data


def actual(path: Path) -> dict[str, Any]:
    """What the library makes of the fixture today, as a JSON-safe dict."""
    inputs = load_expected(path).get("input", {})
    page = mp.load_page(path.read_bytes(), url=inputs.get("url"), encoding=inputs.get("encoding"))
    return mp.to_dict(mp.parse_page(page))
