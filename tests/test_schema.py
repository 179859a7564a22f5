"""The JSON Schemas in mayadeen_parse/schemas/: up to date with the model,
shipped with the package, and true of every output (the ``--jsonl`` lines too).

Regenerate with ``python -m tools.make_schema`` after changing a public record.
"""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import mayadeen_parse as mp
from tests.golden import FIXTURES, actual, fixture_id, html_fixtures, load_expected
from tools import make_schema

jsonschema = pytest.importorskip("jsonschema", reason="the schema checks need jsonschema: pip install -e '.[test]'")
Validator = jsonschema.Draft202012Validator
NAMES = {f"{name}.schema.json": name for name in mp._schema.SCHEMA_NAMES}


@cache
def schema(file_name: str) -> dict[str, Any]:
    return mp.schema(NAMES[file_name])


def errors(name: str, instance: Any) -> list[str]:
    validator = Validator(schema(name), format_checker=Validator.FORMAT_CHECKER)
    return [f"{e.json_path}: {e.message[:200]}" for e in validator.iter_errors(instance)]


@pytest.mark.parametrize("name", list(make_schema.generate()))
def test_checked_in_schema_is_generated(name: str) -> None:
    """mayadeen_parse/schemas/<name> is exactly what `python -m tools.make_schema` writes."""
    path = make_schema.SCHEMA_DIR / name
    assert path.exists(), "run python -m tools.make_schema"
    assert path.read_text(encoding="utf-8") == make_schema.generate()[name], (
        "out of date: run python -m tools.make_schema"
    )


def test_no_stray_schema_files() -> None:
    on_disk = sorted(p.name for p in make_schema.SCHEMA_DIR.glob("*.json"))
    assert on_disk == sorted(make_schema.generate()) == sorted(NAMES)


@pytest.mark.parametrize("name", list(NAMES))
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    Validator.check_schema(schema(name))


def test_schema_loads_from_the_package() -> None:
    article = mp.schema("article")
    assert article["title"] == "mayadeen_parse Article"
    assert "text" in article["properties"]
    article["title"] = "changed"
    assert mp.schema("article")["title"] == "mayadeen_parse Article", "each call returns a new dict"
    with pytest.raises(ValueError, match="jsonl-line"):
        mp.schema("articles")


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


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*/*.report.json")), ids=lambda p: p.name)
def test_report_goldens_and_reports_validate(path: Path) -> None:
    page = path.with_name(path.name.replace(".report.json", ".html"))
    inputs = load_expected(page).get("input", {}) if page.with_suffix(".json").exists() else {}
    report = mp.inspect_page(mp.load_page(page.read_bytes(), url=inputs.get("url"), encoding=inputs.get("encoding")))
    for data in (json.loads(path.read_text(encoding="utf-8")), mp.to_dict(report)):
        assert errors("report.schema.json", data) == []


# --- the --jsonl line -----------------------------------------------------------

_JSONL_MODES = ("", "--all", "--breaking", "--most-read", "--related", "--read-next", "--report")


@pytest.mark.parametrize("mode", _JSONL_MODES, ids=lambda m: m or "article")
def test_cli_jsonl_lines_validate(mode: str, tmp_path: Path) -> None:
    """Every line the command line writes with ``--jsonl`` (successes and
    failures alike) validates against the jsonl-line schema. Before the schema
    existed, the ``path`` key made every line fail article.schema.json."""
    pages = [str(p) for p in html_fixtures()] + [str(tmp_path / "missing.html")]
    command = [sys.executable, "-m", "mayadeen_parse", "--jsonl", "--no-progress", *([mode] if mode else []), *pages]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(pages)
    assert {line["parser_version"] for line in lines} == {mp.__version__}
    assert any("error" in line for line in lines)
    for line in lines:
        assert errors("jsonl-line.schema.json", line) == [], line["path"]


def test_jsonl_line_with_warc_envelope_validates() -> None:
    article = mp.to_dict(mp.parse_article((FIXTURES / "article" / "blinken-2023-11-06.html").read_bytes()))
    warc = {
        "warc_file": "crawl-00001.warc.gz",
        "warc_offset": 1234,
        "warc_url": "https://english.almayadeen.net/news/politics/x",
        "warc_date": "2023-11-06T14:21:00Z",
    }
    line = {"path": "crawl-00001.warc.gz", "parser_version": mp.__version__, "mode": "article", **warc, **article}
    assert errors("jsonl-line.schema.json", line) == []
    error = {"path": "x.warc.gz", "parser_version": "0.1.0", "mode": "all", **warc}
    error |= {"error": "PageDecodeError", "message": "binary"}
    assert errors("jsonl-line.schema.json", error) == []
    # The WARC keys come together; the envelope is required; no stray keys.
    assert errors("jsonl-line.schema.json", {k: v for k, v in line.items() if k != "warc_offset"})
    assert errors("jsonl-line.schema.json", {k: v for k, v in line.items() if k != "parser_version"})
    # "mode" is always there, and names the record's class.
    assert errors("jsonl-line.schema.json", {k: v for k, v in line.items() if k != "mode"})
    assert errors("jsonl-line.schema.json", {**line, "mode": "all"})
    assert errors("jsonl-line.schema.json", {**error, "mode": "most_read"})
    assert errors("jsonl-line.schema.json", {**line, "pth": "x"})
    assert errors("jsonl-line.schema.json", {**error, "title": "x"})
