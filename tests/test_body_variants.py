"""Nothing in the body is silently dropped, nothing of the furniture leaks in
(issue 14 §3).

Each variant under ``tests/fixtures/article/body/`` is the reference page with
one shape of body markup inserted (``tests/fixtures/make_body_variants.py``);
its ``.body.json`` holds the exact expected body, written by hand, and the
fields the variant must not change (no fake author or source).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import mayadeen_parse as mp

BODY = Path(__file__).parent / "fixtures" / "article" / "body"
CASES = sorted(BODY.glob("*.html"))


def _expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.with_name(f"{path.stem}.body.json").read_text(encoding="utf-8"))
    return data


def _article(path: Path) -> dict[str, Any]:
    article = mp.to_dict(mp.parse_article(mp.load_page(path.read_bytes())))
    assert isinstance(article, dict)
    return article


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_body(path: Path) -> None:
    assert _article(path)["body"] == _expected(path)["body"]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_unchanged_fields(path: Path) -> None:
    got = _article(path)
    for key, value in _expected(path)["checks"].items():
        assert got[key] == value, key


def test_every_variant_is_built() -> None:
    from tests.fixtures.make_body_variants import VARIANTS

    assert sorted(p.stem for p in CASES) == sorted(VARIANTS)
