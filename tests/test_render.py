"""Formats people read (``_render.py``, ``--format``) and the cached serialiser."""

from __future__ import annotations

import csv
import datetime
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import mayadeen_parse as mp
from mayadeen_parse._render import CSV_COLUMNS, csv_row, plain, to_markdown, to_text

# The CommonMark check needs markdown-it-py (the docs extra); the core suite
# on other Pythons skips this module with that reason.
MarkdownIt = pytest.importorskip("markdown_it", reason="needs markdown-it-py (the docs extra)").MarkdownIt

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
ARTICLE = FIXTURES / "article" / "blinken-2023-11-06.html"
SECTION = FIXTURES / "section" / "politics-index.html"
BEIRUT = datetime.timezone(datetime.timedelta(hours=2))

STORY = mp.Article(
    url="https://english.almayadeen.net/news/politics/story",
    title="A *bold* claim",
    summary="What happened.",
    section="Politics",
    authors=(mp.Author(name="Ada Lovelace", url="https://english.almayadeen.net/authors/ada"), mp.Author(name="Bo")),
    source="Agencies",
    published=datetime.datetime(2023, 11, 6, 16, 21, tzinfo=BEIRUT),
    modified=datetime.datetime(2023, 11, 6, 16, 38, tzinfo=BEIRUT),
    body=(
        mp.Paragraph(
            text="Talks in Gaza and Ankara went on.",
            links=(
                mp.Link(title="Gaza", url="https://english.almayadeen.net/tags/gaza"),
                mp.Link(title="Ankara", url="https://example.org/a(b)"),
            ),
        ),
        mp.Heading(text="What next"),
        mp.Quote(text="We will see.", attribution="Blinken"),
        mp.ListBlock(items=("one", "two"), ordered=True),
        mp.ListBlock(items=("# not a heading",)),
        mp.Figure(image=mp.Image(url="https://x.org/i.jpg", alt="Protest", caption="Adana", credit="AP")),
        mp.Embed(provider="twitter", url="https://twitter.com/x/status/1", text="A post.", author="X (@x)"),
        mp.Paragraph(text="1. Not a list, and <b>not</b> HTML."),
    ),
    tags=(mp.Tag(name="Gaza", url="https://english.almayadeen.net/tags/gaza"), mp.Tag(name="Turkey")),
    keywords=("Gaza", "Turkey"),
)


def test_text() -> None:
    assert to_text(STORY) == (
        "A *bold* claim\n"
        "==============\n"
        "By Ada Lovelace, Bo · Source: Agencies\n"
        "2023-11-06 16:21 +02:00 (updated 2023-11-06 16:38 +02:00)\n"
        "Politics\n"
        "https://english.almayadeen.net/news/politics/story\n\n"
        "What happened.\n\n"
        "Talks in Gaza [1] and Ankara [2] went on.\n\n"
        "What next\n---------\n\n"
        "“We will see.” — Blinken\n\n"
        "1. one\n2. two\n\n"
        "- # not a heading\n\n"
        "[Image: Adana — AP]\n\n"
        "[twitter: A post. — X (@x)] https://twitter.com/x/status/1\n\n"
        "1. Not a list, and <b>not</b> HTML.\n\n"
        "Links:\n[1] https://english.almayadeen.net/tags/gaza\n[2] https://example.org/a(b)\n\n"
        "Tags: Gaza, Turkey\n"
    )


def test_markdown() -> None:
    assert to_markdown(STORY) == (
        "# [A \\*bold\\* claim](https://english.almayadeen.net/news/politics/story)\n\n"
        "*By Ada Lovelace, Bo · Source: Agencies · 2023-11-06 16:21 +02:00 (updated 2023-11-06 16:38 +02:00)"
        " · Politics*\n\n"
        "**What happened.**\n\n"
        "Talks in [Gaza](https://english.almayadeen.net/tags/gaza) and "
        "[Ankara](<https://example.org/a(b)>) went on.\n\n"
        "## What next\n\n"
        "> We will see.\n>\n> — Blinken\n\n"
        "1. one\n2. two\n\n"
        "- \\# not a heading\n\n"
        "![Protest](https://x.org/i.jpg)\n*Adana — AP*\n\n"
        "> [twitter: A post. — X (@x)](https://twitter.com/x/status/1)\n\n"
        "1\\. Not a list, and \\<b\\>not\\</b\\> HTML.\n\n"
        "Tags: [Gaza](https://english.almayadeen.net/tags/gaza), Turkey\n"
    )


def test_markdown_shows_the_page_text_as_written() -> None:
    """Rendered by a CommonMark parser, the escaped text is the page's text:
    no emphasis, list or raw HTML made from a ``*``, a ``1.`` or a ``<b>``."""
    html = MarkdownIt("commonmark").render(to_markdown(STORY))
    assert "<em>bold</em>" not in html
    assert "A *bold* claim" in html
    assert "<b>" not in html
    assert "1. Not a list" in html
    assert html.count("<ol>") == 1  # the real list only
    assert '<a href="https://example.org/a(b)">Ankara</a>' in html


def test_reference_page_in_every_format() -> None:
    article = mp.parse_article(ARTICLE.read_bytes())
    text = to_text(article)
    assert text.startswith(article.title + "\n")
    for paragraph in article.paragraphs:
        assert paragraph.split(" ")[0] in text
    markdown = to_markdown(article)
    html = MarkdownIt("commonmark").render(markdown)
    headings = [b for b in article.body if isinstance(b, mp.Heading)]
    assert sum(html.count(f"<h{level}>") for level in range(2, 7)) == len(headings) == 1
    assert f"<h{headings[0].level}>{headings[0].text}</h{headings[0].level}>" in html
    row = csv_row(article)
    assert tuple(row) == CSV_COLUMNS
    assert row["title"] == article.title
    assert row["authors"] == "Al Mayadeen English"
    assert row["published"] == "2023-11-06T16:21:00+02:00"
    assert row["paragraphs"] == str(len(article.paragraphs))
    assert row["text"] == article.text


def test_csv_row_of_a_bare_article() -> None:
    row = csv_row(mp.Article(title="T"))
    assert row == {**dict.fromkeys(CSV_COLUMNS, ""), "title": "T", "paragraphs": "0"}
    assert csv_row(STORY)["author_urls"] == "https://english.almayadeen.net/authors/ada; "


def _pages() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.html"))


@pytest.mark.parametrize("page", _pages(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_cached_serialiser_matches_to_dict(page: Path) -> None:
    """``plain`` (field lists cached per class) gives exactly what
    ``to_dict`` gives, keys in the same order, for every record the command
    line serialises."""
    loaded = mp.load_page(page.read_bytes())
    content = mp.parse_page(loaded)
    assert json.dumps(plain(content)) == json.dumps(mp.to_dict(content))
    report = mp.inspect_page(loaded)
    assert json.dumps(plain(report)) == json.dumps(mp.to_dict(report))
    assert plain(content.breaking) == json.loads(mp.to_json(content.breaking))


def test_cached_serialiser_writes_derived_values(monkeypatch: pytest.MonkeyPatch) -> None:
    """A value the serialiser derives from a record (``_serialize.DERIVED``:
    the article's ``"text"``, written after ``"body"``) is written by the
    cached serialiser too, in the same place."""
    from mayadeen_parse import _render, _serialize

    derived = {mp.Article: ("text", "body", lambda article: article.text)}
    monkeypatch.setattr(_serialize, "DERIVED", derived, raising=False)
    monkeypatch.setattr(_render, "_CONVERTERS", {})
    data = plain(STORY)
    keys = list(data)
    assert keys[keys.index("body") + 1] == "text"
    assert data["text"] == STORY.text
    assert list(data["body"][1]) == ["type", "text", "level"]  # a Heading's own "text" is its field, once


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "mayadeen_parse", *args], capture_output=True, check=False, cwd=ROOT, timeout=60
    )


def test_cli_csv_has_one_header_and_one_row_per_article(tmp_path: Path) -> None:
    result = run("--format", "csv", str(ARTICLE), str(SECTION), str(ARTICLE))
    assert result.returncode == 1  # the section page is not an article
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"))))
    assert [row["path"] for row in rows] == [str(ARTICLE), str(ARTICLE)]
    assert list(rows[0]) == ["path", "warc_offset", *CSV_COLUMNS]
    assert rows[0] == {"path": str(ARTICLE), "warc_offset": "", **csv_row(mp.parse_article(ARTICLE.read_bytes()))}
    assert b"NotAnArticleError" in result.stderr


def test_cli_text_and_markdown() -> None:
    article = mp.parse_article(ARTICLE.read_bytes())
    text = run("--format", "text", str(ARTICLE))
    assert text.returncode == 0, text.stderr
    assert text.stdout.decode() == to_text(article)
    two = run("--format", "markdown", str(ARTICLE), str(ARTICLE))
    assert two.stdout.decode() == to_markdown(article) + "\n---\n\n" + to_markdown(article)


def test_cli_format_usage_errors() -> None:
    assert run("--format", "text", "--breaking", str(ARTICLE)).returncode == 2
    assert run("--format", "csv", "--jsonl", str(ARTICLE)).returncode == 2
    assert run("--format", "yaml", str(ARTICLE)).returncode == 2


def test_jsonl_is_format_jsonl() -> None:
    assert run("--jsonl", str(ARTICLE)).stdout == run("--format", "jsonl", str(ARTICLE)).stdout
