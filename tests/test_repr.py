"""The notebook displays of docs/recipes.md: ``Article._repr_html_`` and
``_repr_pretty_``, checked without IPython or Jupyter (core: no extra needed).
"""

from __future__ import annotations

from pathlib import Path

import mayadeen_parse as mp
from tests.recipe_loader import RECIPES


class FakePrinter:
    """The part of IPython's ``PrettyPrinter`` that ``_repr_pretty_`` uses."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def text(self, value: str) -> None:
        self.parts.append(value)


def example_article() -> mp.Article:
    return mp.parse_article(
        (Path(__file__).resolve().parent.parent / "examples" / "blinken-2023-11-06.html").read_bytes()
    )


def test_article_repr_html_is_a_readable_card() -> None:
    article = example_article()
    card = article._repr_html_()
    assert card.startswith("<div>")
    assert card.endswith("</div>")
    assert f'<a href="{article.url}">' in card
    assert "Blinken claims US 'working very aggressively' to send aid to Gaza" in card
    assert "By Al Mayadeen English" in card
    assert "Source: Agencies" in card
    assert card.count("<p>") >= len(article.paragraphs)
    for paragraph in article.paragraphs:
        assert paragraph.replace("&", "&amp;").replace('"', "&quot;") in card
    assert "<h4>&#x27;A pause could help&#x27;</h4>" in card or "<h4>'A pause could help'</h4>" in card
    assert "Tags: United States" in card


def test_article_repr_html_escapes_the_page_text() -> None:
    article = mp.Article(
        title='<script>alert("x")</script> & co',
        url='https://english.almayadeen.net/"onmouseover="x',
        body=(mp.Paragraph(text="<b>not bold</b>"),),
    )
    card = article._repr_html_()
    assert "<script>" not in card
    assert "<b>" not in card
    assert "&lt;script&gt;" in card
    assert "&amp; co" in card
    assert '"onmouseover' not in card


def test_recipes_page_shows_the_real_repr_pretty() -> None:
    """The ``_repr_pretty_`` output quoted in docs/recipes.md is what it prints."""
    from tests.markdown_code import code_blocks

    (block,) = [b for b in code_blocks(RECIPES.parent / "recipes.md") if b.marker == "test: pretty"]
    printer = FakePrinter()
    example_article()._repr_pretty_(printer, cycle=False)
    assert block.code == "".join(printer.parts) + "\n"


def test_article_repr_pretty_is_short() -> None:
    printer = FakePrinter()
    example_article()._repr_pretty_(printer, cycle=False)
    (text,) = printer.parts
    assert text.startswith("Article(\"Blinken claims US 'working very aggressively' to send aid to Gaza\"")
    assert "published='2023-11-06T16:21:00+02:00'" in text
    assert "paragraphs=12" in text
    assert len(text.splitlines()) <= 6
