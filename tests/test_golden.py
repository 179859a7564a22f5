"""Golden fixtures: one test per (fixture, field), plus the shape of each.

A failure names the fixture and the field. If the change is intended,
regenerate with ``python -m tests.regen_golden <id>`` and review the diff.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pytest

import mayadeen_parse as mp
from tests.golden import actual, fixture_id, html_fixtures, load_expected

# The keys of to_dict(article): its fields and the derived "text" (the body as
# plain text, which tests/fixtures/add_article_text.py wrote into the goldens
# from their own expected body, by a second implementation of the rule).
ARTICLE_FIELDS = [*(f.name for f in attrs.fields(mp.Article)), "text"]
PAGE_FIELDS = [f.name for f in attrs.fields(mp.PageContent) if f.name != "article"]


@cache
def _actual(path: Path) -> dict[str, Any]:
    return actual(path)


def _cases() -> list[Any]:
    cases = []
    for path in html_fixtures():
        expected = load_expected(path)["expected"]
        for name in PAGE_FIELDS:
            cases.append(pytest.param(path, None, name, id=f"{fixture_id(path)}::{name}"))
        if expected.get("article") is not None:
            for name in ARTICLE_FIELDS:
                cases.append(pytest.param(path, "article", name, id=f"{fixture_id(path)}::article.{name}"))
    return cases


@pytest.mark.parametrize(("path", "part", "name"), _cases())
def test_field(path: Path, part: str | None, name: str) -> None:
    expected = load_expected(path)["expected"]
    got = _actual(path)
    if part is not None:
        expected, got = expected[part], got[part]
    assert got[name] == expected[name]


@pytest.mark.parametrize("path", html_fixtures(), ids=fixture_id)
def test_no_missing_or_extra_fields(path: Path) -> None:
    expected = load_expected(path)["expected"]
    got = _actual(path)
    assert set(got) == set(expected)
    assert (got["article"] is None) == (expected["article"] is None)
    if got["article"] is not None:
        assert set(got["article"]) == set(expected["article"]) == set(ARTICLE_FIELDS)


@pytest.mark.parametrize("path", html_fixtures(), ids=fixture_id)
def test_round_trip(path: Path) -> None:
    """The expected JSON rebuilds into the same Article the page gives, and
    ``from_dict(Article, to_dict(a)) == a`` (the golden's ``text`` is checked
    against its body on the way)."""
    inputs = load_expected(path)["input"]
    page = mp.load_page(path.read_bytes(), url=inputs.get("url"), encoding=inputs.get("encoding"))
    content = mp.parse_page(page)
    if content.article is not None:
        assert mp.from_dict(mp.Article, mp.to_dict(content.article)) == content.article
        assert mp.from_dict(mp.Article, load_expected(path)["expected"]["article"]) == content.article
    assert mp.from_dict(mp.PageContent, mp.to_dict(content)) == content
    assert mp.from_dict(mp.PageContent, load_expected(path)["expected"]) == content
