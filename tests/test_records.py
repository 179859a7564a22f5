"""The data contract at the door: ``from_dict`` checks what it reads,
``to_dict`` / ``to_json`` take what the parse functions return, and the
smaller promises of the public surface (issue 15, and the deprecation and
import-time items of issues 11 and 16).

Each test here failed before the change it names.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

import mayadeen_parse as mp

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "blinken-2023-11-06.html"


@pytest.fixture(scope="module")
def page() -> mp.Page:
    return mp.load_page(EXAMPLE.read_bytes())


@pytest.fixture(scope="module")
def article_dict(page: mp.Page) -> dict[str, Any]:
    return mp.to_dict(mp.parse_article(page))


def test_record_error_is_the_librarys_and_a_value_error() -> None:
    assert issubclass(mp.RecordError, mp.MayadeenParseError)
    assert issubclass(mp.RecordError, ValueError)
    error = mp.RecordError("$.title", 5, "expected a string")
    assert (error.path, error.value, error.problem) == ("$.title", 5, "expected a string")
    assert str(error) == "$.title: expected a string (got 5)"


@pytest.mark.parametrize(
    ("change", "path", "value"),
    [
        # {'title': 5} was accepted: a title that is not a string.
        ({"title": 5}, "$.title", 5),
        # A naive published string became a naive datetime.
        ({"published": "2023-11-06T16:21:00"}, "$.published", "2023-11-06T16:21:00"),
        ({"published": "2023-11-06 16:21:00"}, "$.published", "2023-11-06 16:21:00"),
        ({"modified": "2023-11-06"}, "$.modified", "2023-11-06"),
        # A typo'd key was dropped silently.
        ({"titel": "Blinken"}, "$.titel", "titel"),
        ({"tags": "gaza"}, "$.tags", "gaza"),
        ({"word_count": "300"}, "$.word_count", "300"),
        ({"word_count": True}, "$.word_count", True),
        ({"authors": [{"name": "A", "email": "a@example.org"}]}, "$.authors[0].email", "email"),
        ({"authors": [{"url": None}]}, "$.authors[0].name", None),
        (
            {"lead_image": "https://english.almayadeen.net/x.jpg"},
            "$.lead_image",
            "https://english.almayadeen.net/x.jpg",
        ),
        ({"text": "not the body"}, "$.text", "not the body"),
    ],
)
def test_from_dict_rejects_a_malformed_article(
    article_dict: dict[str, Any], change: dict[str, Any], path: str, value: Any
) -> None:
    with pytest.raises(mp.RecordError) as caught:
        mp.from_dict(mp.Article, {**article_dict, **change})
    assert (caught.value.path, caught.value.value) == (path, value)
    assert str(caught.value).startswith(f"{path}: ")


def test_from_dict_rejects_an_unknown_block_type_with_its_path(article_dict: dict[str, Any]) -> None:
    """An unknown block type raised a bare KeyError."""
    body = [*article_dict["body"][:2], {"type": "video", "url": "https://example.org/v"}]
    with pytest.raises(mp.RecordError, match=r"^\$\.body\[2\]\.type: unknown block type") as caught:
        mp.from_dict(mp.Article, {**article_dict, "body": body, "text": None})
    assert caught.value.value == "video"
    with pytest.raises(mp.RecordError, match=r"^\$\.body\[0\]\.type: a body block needs a type"):
        mp.from_dict(mp.Article, {**article_dict, "body": [{"text": "x"}]})
    with pytest.raises(mp.RecordError, match=r"^\$\.type: expected 'heading'"):
        mp.from_dict(mp.Heading, {"type": "paragraph", "text": "x"})
    assert mp.from_dict(mp.Heading, {"text": "x", "level": 3}) == mp.Heading(text="x", level=3)


def test_from_dict_rejects_what_is_not_a_record() -> None:
    for data in ([], "x", None, 5):
        with pytest.raises(mp.RecordError, match=r"^\$: expected an object"):
            mp.from_dict(mp.Article, data)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="record class"):
        mp.from_dict(dict, {})


def test_from_dict_reads_days_and_aware_instants() -> None:
    teaser = {"title": "x", "url": "https://english.almayadeen.net/news/x"}
    day = mp.from_dict(mp.Teaser, {**teaser, "published": "2025-11-08"})
    assert day.published == datetime.date(2025, 11, 8)
    instant = mp.from_dict(mp.Teaser, {**teaser, "published": "2025-11-08T09:00:00Z"})
    assert instant.published == datetime.datetime(2025, 11, 8, 9, tzinfo=datetime.timezone.utc)
    for bad in ("8 Nov 2025", "20251108", "2025-11-08T09:00:00", "2025-13-08"):
        with pytest.raises(mp.RecordError, match=r"^\$\.published: "):
            mp.from_dict(mp.Teaser, {**teaser, "published": bad})


def test_from_dict_reads_a_report_back(page: mp.Page) -> None:
    report = mp.inspect_page(page)
    assert mp.from_dict(mp.Report, json.loads(mp.to_json(report))) == report


def test_to_dict_and_to_json_take_tuples_of_records(page: mp.Page) -> None:
    """to_json(parse_breaking(page)) worked, to_dict(...) raised TypeError."""
    breaking = mp.parse_breaking(page)
    as_list = mp.to_dict(breaking)
    assert isinstance(as_list, list)
    assert len(as_list) == len(breaking) == 10
    assert json.loads(mp.to_json(breaking)) == as_list
    assert [mp.from_dict(mp.BreakingItem, item) for item in as_list] == list(breaking)
    assert mp.to_dict(()) == []
    with pytest.raises(TypeError, match="item 1 is a str"):
        mp.to_dict([breaking[0], "x"])  # type: ignore[list-item]
    for junk in ({"a": 1}, "x", 5):
        with pytest.raises(TypeError):
            mp.to_dict(junk)  # type: ignore[arg-type]


def test_article_from_dict_is_deprecated_and_still_works(article_dict: dict[str, Any]) -> None:
    with pytest.warns(DeprecationWarning, match=r"from_dict\(Article, data\)"):
        article = mp.article_from_dict(article_dict)
    assert article == mp.from_dict(mp.Article, article_dict)


def test_text_follows_the_documented_rule() -> None:
    article = mp.Article(
        title="x",
        body=(
            mp.Heading(text="Who pays"),
            mp.Paragraph(text="One.\nTwo."),
            mp.Figure(image=mp.Image(url="https://english.almayadeen.net/a.jpg", caption="A caption")),
            mp.Embed(provider="twitter", text="A post"),
            mp.Quote(text="Quoted", attribution="Someone"),
            mp.ListBlock(items=("a", "b"), ordered=True),
            mp.ListBlock(),
        ),
    )
    assert article.text == "Who pays\n\nOne.\nTwo.\n\nQuoted\n\na\nb"
    assert mp.to_dict(article)["text"] == article.text
    assert list(mp.to_dict(article))[list(mp.to_dict(article)).index("body") + 1] == "text"
    assert mp.Article(title="x").text == ""


def test_page_content_pretty_repr(page: mp.Page) -> None:
    """PageContent had no _repr_pretty_ (Article had one)."""

    class Printer:
        def __init__(self) -> None:
            self.out = ""

        def text(self, value: str) -> None:
            self.out += value

    printer = Printer()
    mp.parse_page(page)._repr_pretty_(printer, False)
    assert printer.out.startswith("PageContent(kind='article'\n  url='https://english.almayadeen.net/news/politics/")
    assert "  article=\"Blinken claims US 'working very aggressively'" in printer.out
    assert printer.out.endswith("  breaking=10\n  most_read=4\n  related=2\n  read_next=4)")


def test_import_does_not_read_the_installed_metadata() -> None:
    """``import mayadeen_parse`` cost ~0.25 s, 74 ms of it importlib.metadata
    for __version__; the version is now read on first use."""
    code = "import sys, mayadeen_parse; print('importlib.metadata' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    assert "__version__" in mp.__all__
    from importlib.metadata import version

    assert mp.__version__ == version("mayadeen-parse")
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        mp.nope  # type: ignore[attr-defined]


def test_no_deprecated_call_left_in_the_library_or_docs() -> None:
    root = Path(__file__).resolve().parent.parent
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        mp.from_dict(mp.Article, mp.to_dict(mp.Article(title="x")))
    users = [
        path
        for folder in ("docs", "fuzz", "mayadeen_parse", "examples")
        for path in (root / folder).rglob("*")
        if path.suffix in (".py", ".md") and "article_from_dict(" in path.read_text(encoding="utf-8")
    ]
    assert [p.relative_to(root).as_posix() for p in users] == ["mayadeen_parse/_serialize.py"]
