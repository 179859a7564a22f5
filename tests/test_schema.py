"""The JSON Schema in schema/: up to date with the model, and true of every output.

Regenerate with ``python -m tools.make_schema`` after changing a public record.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import mayadeen_parse as mp
from tests.golden import actual, fixture_id, html_fixtures, load_expected
from tools import make_schema

Validator = jsonschema.Draft202012Validator


@cache
def schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((make_schema.SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return data


def errors(name: str, instance: Any) -> list[str]:
    validator = Validator(schema(name), format_checker=Validator.FORMAT_CHECKER)
    return [f"{e.json_path}: {e.message[:200]}" for e in validator.iter_errors(instance)]


@pytest.mark.parametrize("name", list(make_schema.TOP_LEVEL))
def test_checked_in_schema_is_generated(name: str) -> None:
    """schema/<name> is exactly what `python -m tools.make_schema` writes."""
    path = make_schema.SCHEMA_DIR / name
    assert path.exists(), "run python -m tools.make_schema"
    generated = make_schema.render(make_schema.schema_for(make_schema.TOP_LEVEL[name]))
    assert path.read_text(encoding="utf-8") == generated, "out of date: run python -m tools.make_schema"


def test_no_stray_schema_files() -> None:
    assert sorted(p.name for p in make_schema.SCHEMA_DIR.glob("*.json")) == sorted(make_schema.TOP_LEVEL)


@pytest.mark.parametrize("name", list(make_schema.TOP_LEVEL))
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    Validator.check_schema(schema(name))


def test_check_mode_reports_nothing() -> None:
    assert make_schema.main(["--check"]) == 0


@pytest.mark.parametrize("path", html_fixtures(), ids=fixture_id)
def test_fixture_output_validates(path: Path) -> None:
    """The golden JSON and what the parser makes of the page today both validate."""
    for data in (load_expected(path)["expected"], actual(path)):
        assert errors("page-content.schema.json", data) == []
        if data["article"] is not None:
            assert errors("article.schema.json", data["article"]) == []
        for item in data["breaking"]:
            assert errors("breaking-item.schema.json", item) == []
        for teaser in data["most_read"] + data["related"] + data["read_next"]:
            assert errors("teaser.schema.json", teaser) == []


@pytest.fixture(scope="module")
def article() -> dict[str, Any]:
    example = Path(__file__).resolve().parent.parent / "examples" / "blinken-2023-11-06.html"
    return mp.to_dict(mp.parse_article(example.read_bytes()))


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"published": "2023-11-06T16:21:00"}, "$.published"),  # naive datetime
        ({"published": "2023-11-06"}, "$.published"),  # a day where an instant is due
        ({"title": ""}, "$.title"),  # absence is null, never ""
        ({"summary": " padded "}, "$.summary"),  # text is trimmed
        ({"url": "/news/politics/x"}, "$.url"),  # URLs are absolute
        ({"post_id": "20425a"}, "$.post_id"),
        ({"tags": None}, "$.tags"),  # an empty list is [], not null
        ({"extra": 1}, "$"),
    ],
)
def test_schema_rejects_what_the_library_never_writes(
    article: dict[str, Any], change: dict[str, Any], where: str
) -> None:
    assert errors("article.schema.json", article) == []
    found = errors("article.schema.json", {**article, **change})
    assert found
    assert all(e.startswith(where) for e in found), found


def test_schema_rejects_a_block_without_type(article: dict[str, Any]) -> None:
    body = [{k: v for k, v in article["body"][0].items() if k != "type"}, *article["body"][1:]]
    assert errors("article.schema.json", {**article, "body": body})


def test_teaser_dates_are_days_or_instants() -> None:
    teaser = mp.to_dict(mp.Teaser(title="x", url="https://english.almayadeen.net/news/x"))
    for published in ("2025-11-08", "2025-11-08T09:00:00+02:00", None):
        assert errors("teaser.schema.json", {**teaser, "published": published}) == []
    assert errors("teaser.schema.json", {**teaser, "published": "8 Nov 2025"})
