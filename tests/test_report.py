"""The trust report: golden reports on every fixture, its invariants, the CLI.

A golden failure names the fixture and the report section. If the change is
intended, regenerate with ``python -m tests.regen_report <id>`` and review the
diff.
"""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pytest

import mayadeen_parse as mp
from mayadeen_parse._cli_report import Summary
from mayadeen_parse._report import BLOCKS, EXPECTED_FIELDS
from tests.report_golden import (
    FIXTURES,
    actual_report,
    all_fixtures,
    expected_report,
    fixture_id,
    load_page,
    report_path,
)

ROOT = Path(__file__).parent.parent
SECTIONS = list(attrs.fields_dict(mp.Report))
ARTICLE_FIELDS = list(attrs.fields_dict(mp.Article))
REFERENCE = FIXTURES / "article" / "blinken-2023-11-06.html"
MADE = FIXTURES / "report"


@cache
def _actual(path: Path) -> dict[str, Any]:
    return actual_report(path)


@cache
def _report(path: Path) -> mp.Report:
    return mp.inspect_page(load_page(path))


def _with_reports() -> list[Path]:
    return [path for path in all_fixtures() if report_path(path).exists()]


# --- golden reports -------------------------------------------------------------


def test_every_fixture_has_a_report() -> None:
    # real/: the real capture and its variants have hand-reviewed expected
    # files of their own (tests/test_real_fixtures.py); their reports are to be
    # written when issue 12's extraction lands, not from today's output.
    missing = [
        fixture_id(path) for path in all_fixtures() if not report_path(path).exists() and path.parent.name != "real"
    ]
    assert not missing, f"no expected report; run: .venv/bin/python -m tests.regen_report --missing  ({missing})"


@pytest.mark.parametrize(
    ("path", "section"),
    [
        pytest.param(path, section, id=f"{fixture_id(path)}::{section}")
        for path in _with_reports()
        for section in SECTIONS
    ],
)
def test_report_section(path: Path, section: str) -> None:
    assert _actual(path)[section] == expected_report(path)[section]


@pytest.mark.parametrize("path", _with_reports(), ids=fixture_id)
def test_no_missing_or_extra_sections(path: Path) -> None:
    assert set(_actual(path)) == set(expected_report(path)) == set(SECTIONS)


# --- invariants, on every fixture -----------------------------------------------


@pytest.mark.parametrize("path", all_fixtures(), ids=fixture_id)
def test_not_article_exactly_when_parse_article_refuses(path: Path) -> None:
    report = _report(path)
    try:
        mp.parse_article(load_page(path))
    except mp.NotAnArticleError:
        assert report.status == "not_article"
    else:
        assert report.status in ("complete", "partial")
    assert (report.status == "partial") == bool(report.missing)


@pytest.mark.parametrize("path", all_fixtures(), ids=fixture_id)
def test_provenance_matches_the_article(path: Path) -> None:
    """One entry per Article field, in field order; a source is named exactly
    when the Article has a value."""
    report = _report(path)
    assert [p.field for p in report.provenance] == ARTICLE_FIELDS
    if report.status == "not_article":
        return
    article = mp.parse_article(load_page(path))
    for item in report.provenance:
        value = getattr(article, item.field)
        assert (item.source is None) == (value is None or value == ()), item.field
        assert item.source not in item.alternatives
    for missing in report.missing:
        assert getattr(article, missing.field) in (None, ())


@pytest.mark.parametrize("path", all_fixtures(), ids=fixture_id)
def test_disagreements_name_the_used_source(path: Path) -> None:
    report = _report(path)
    winners = {p.field: p.source for p in report.provenance}
    for item in report.disagreements:
        assert item.used == winners[item.field]
        assert item.values[0].source == item.used
        assert item.dissenting
        assert set(item.dissenting) <= {v.source for v in item.values}
        assert item.used not in item.dissenting


@pytest.mark.parametrize("path", all_fixtures(), ids=fixture_id)
def test_layout_lists_every_block_once(path: Path) -> None:
    layout = _report(path).layout
    assert [b.block for b in layout] == list(BLOCKS)
    for block in layout:
        assert block.found == (block.anchor != "missing")
        assert not (block.fallback and not block.found)


@pytest.mark.parametrize("path", all_fixtures(), ids=fixture_id)
def test_report_is_json_and_round_trips(path: Path) -> None:
    report = _report(path)
    text = mp.to_json(report)
    assert json.loads(text) == mp.to_dict(report)
    assert mp.from_dict(mp.Report, json.loads(text)) == report
    hash(report)  # frozen all the way down


@pytest.mark.parametrize("path", all_fixtures(), ids=fixture_id)
def test_report_leaves_the_article_alone(path: Path) -> None:
    page = load_page(path)
    mp.inspect_page(page)
    fresh = load_page(path)
    if _report(path).status == "not_article":
        return
    assert mp.parse_article(page) == mp.parse_article(fresh)


def test_parse_article_does_no_report_work(monkeypatch: pytest.MonkeyPatch) -> None:
    import mayadeen_parse._parse as parse_module
    import mayadeen_parse._report as report_module

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("report work done by parse_article")

    monkeypatch.setattr(report_module, "_provenance", fail)
    monkeypatch.setattr(parse_module, "iter_sources", fail)
    assert mp.parse_article(REFERENCE.read_bytes()).title


def test_raw_values_are_cut_short() -> None:
    for item in _report(REFERENCE).provenance:
        assert not isinstance(item.raw, str) or len(item.raw) <= 240


# --- what the made-to-disagree fixtures must show ------------------------------------


def _disagreement(name: str, kind: str) -> mp.Disagreement:
    found = [d for d in _report(MADE / f"{name}.html").disagreements if d.kind == kind]
    assert len(found) == 1, _report(MADE / f"{name}.html").disagreements
    return found[0]


def test_reference_is_complete_and_agrees() -> None:
    report = _report(REFERENCE)
    assert (report.kind, report.status, report.disagreements) == ("article", "complete", ())
    assert all(b.found and not b.fallback for b in report.layout)
    assert {p.field: p.source for p in report.provenance}["title"] == "tawsiyat:title"


def test_json_date_an_hour_off_the_byline() -> None:
    item = _disagreement("json-date-off-by-an-hour", "published")
    assert item.used == "tawsiyat:published_time"
    assert "markup:byline-date" in item.dissenting
    assert "json-ld:datePublished" not in item.dissenting  # it says the same (wrong) thing
    assert "1:00:00 later" in item.detail


def test_title_edited_after_publication() -> None:
    item = _disagreement("title-edited", "title")
    assert (item.used, item.dissenting) == ("tawsiyat:title", ("markup:h1",))


def test_byline_names_another_author() -> None:
    item = _disagreement("byline-author-differs", "authors")
    assert item.dissenting == ("markup:byline",)
    assert {v.source: v.value for v in item.values}["markup:byline"] == "Karim Nasser"


def test_truncated_body_against_the_stated_word_count() -> None:
    item = _disagreement("body-truncated", "word_count_vs_body")
    assert item.dissenting == ("counted:body",)
    assert item.values[0].value == 542


def test_download_cut_short_is_partial() -> None:
    report = _report(MADE / "download-cut-short.html")
    assert report.status == "partial"
    assert [m.field for m in report.missing] == ["body", "tags"]
    lead = {p.field: p for p in report.provenance}["lead_image"]
    assert lead.source == "tawsiyat:thumbnail"
    assert not {b.block: b for b in report.layout}["lead_image"].found


def test_unreadable_date_is_rejected_and_replaced() -> None:
    published = {p.field: p for p in _report(MADE / "tawsiyat-date-unreadable.html").provenance}["published"]
    assert published.source == "json-ld:datePublished"
    assert published.rejected == (mp.SourceValue(source="tawsiyat:published_time", value="06/11/2023 16:21"),)


def test_renamed_classes_are_found_by_fallback() -> None:
    report = _report(MADE / "classes-renamed.html")
    anchors = {b.block: b.anchor for b in report.layout}
    assert anchors == {
        "title": "h1",
        "body": "structure",
        "summary": "description",
        "byline": "text",
        "lead_image": "structure",
        "tags": "links",
        "breaking": "heading",
        "most_read": "heading",
        "related": "heading",
        "read_next": "heading",
        "coverage": "heading",
    }
    assert report.status == "complete"
    renamed = mp.parse_page(load_page(MADE / "classes-renamed.html"))
    assert renamed == mp.parse_page(load_page(REFERENCE))


# --- kinds ------------------------------------------------------------------------


def test_kinds_of_the_fixtures() -> None:
    kinds = {fixture_id(path): _report(path).kind for path in all_fixtures()}
    assert kinds["video/newsfeed-lebanon-border"] == "video"
    assert kinds["section/politics-index"] == "section_index"
    assert kinds["article/opinion-dollar-windows-1256"] == "opinion"
    assert kinds["other/not-found-404"] == "error_page"


def test_video_without_body_is_complete() -> None:
    report = _report(FIXTURES / "video" / "newsfeed-lebanon-border.html")
    assert report.status == "complete"
    assert "body" not in EXPECTED_FIELDS["video"]
    assert not {b.block: b for b in report.layout}["body"].expected


@pytest.mark.parametrize(
    ("html", "kind"),
    [
        (b"", "empty"),
        (b"<html><body><p>Nothing here</p></body></html>", "not_a_page"),
        (
            b'<html><head><script id="tawsiyat-metadata" type="text/tawsiyat">{"type": "page"}</script></head></html>',
            "page",
        ),
        (
            b'<html><head><script type="application/ld+json">{"@type": "VideoObject", "name": "x"}</script></head>'
            b"<body><h1>Clip</h1></body></html>",
            "video",
        ),
    ],
)
def test_small_pages(html: bytes, kind: str) -> None:
    report = mp.inspect_page(html)
    assert report.kind == kind


def test_article_without_headline_is_not_an_article() -> None:
    html = (
        b'<html><head><script type="application/ld+json">{"@type": "NewsArticle"}</script></head><body></body></html>'
    )
    report = mp.inspect_page(html)
    assert (report.kind, report.status) == ("not_a_page", "not_article")
    assert "no headline" in report.kind_evidence


def test_missing_reason_names_each_source() -> None:
    html = REFERENCE.read_text(encoding="utf-8").replace('<p class="lg_para summary">', '<p class="lg_para">', 1)
    html = html.replace('"description":', '"x-description":')
    html = html.replace('<meta name="description"', '<meta name="x-description"')
    html = html.replace('<meta property="og:description"', '<meta property="x-og:description"')
    html = html.replace("lg_para", "standfirst-old")
    report = mp.inspect_page(html)
    (missing,) = report.missing
    assert missing.field == "summary"
    for source in ("tawsiyat:description", "json-ld:description", "markup:summary", "meta:description"):
        assert source in missing.reason


def test_not_html_raises() -> None:
    with pytest.raises(mp.PageDecodeError):
        mp.inspect_page(b"\x1f\x8b\x08\x00binary")


# --- the summary and the command line ---------------------------------------------


def test_summary_counts() -> None:
    summary = Summary()
    for path in sorted(MADE.glob("*.html")):
        summary.add(str(path), _actual(path))
    summary.add_failure("gone.html", "InputError")
    result = summary.result()
    assert result["pages"] == 7
    assert result["failed"] == 1
    assert result["status"] == {"complete": 6, "partial": 1}
    assert result["disagreements"] == {"authors": 1, "published": 1, "title": 1, "word_count_vs_body": 1}
    assert result["missing"] == {"body": 1, "tags": 1}
    assert result["fallback"]["breaking"] == 1
    assert result["pages_with_fallback"] == 1
    assert result["anchors"]["body"] == {"class": 5, "structure": 1, "missing": 1}
    assert result["provenance"]["published"] == {"tawsiyat:published_time": 6, "json-ld:datePublished": 1}
    assert result["rejected"] == {"tawsiyat:published_time": 1}
    assert result["examples"]["error:InputError"] == ["gone.html"]
    json.dumps(result)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "mayadeen_parse", *args], input=stdin, capture_output=True, check=False, cwd=ROOT
    )


def test_cli_one_page_prints_its_report() -> None:
    result = run("--report", str(REFERENCE))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == _actual(REFERENCE)


def test_cli_report_from_stdin() -> None:
    result = run("--report", "-", stdin=REFERENCE.read_bytes())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["status"] == "complete"


def test_cli_directory_prints_a_summary() -> None:
    result = run("--report", str(MADE))
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["pages"] == 7
    assert summary["status"] == {"complete": 6, "partial": 1}


def test_cli_summary_with_a_failure_exits_1(tmp_path: Path) -> None:
    result = run("--report", str(REFERENCE), str(tmp_path / "missing.html"), "--workers", "2")
    assert result.returncode == 1
    summary = json.loads(result.stdout)
    assert (summary["pages"], summary["failed"]) == (1, 1)
    assert "missing.html" in result.stderr.decode()


def test_cli_one_missing_page_exits_1(tmp_path: Path) -> None:
    result = run("--report", str(tmp_path / "missing.html"))
    assert result.returncode == 1
    assert result.stdout == b""


def test_cli_jsonl_streams_reports() -> None:
    result = run("--jsonl", "--report", str(MADE))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 7
    first = lines[0]
    assert first["path"].endswith("body-truncated.html")
    assert first["mode"] == "report"
    assert {k: v for k, v in first.items() if k not in ("path", "parser_version", "mode")} == _actual(
        MADE / "body-truncated.html"
    )
