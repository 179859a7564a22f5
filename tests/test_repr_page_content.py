"""``PageContent._repr_html_``: what ``mp.parse_page(page)`` shows in Jupyter.

Kept apart from tests/test_recipes.py because the method lives in a core
module (``_model.py``) that the lead engineer commits.
"""

from __future__ import annotations

from pathlib import Path

import mayadeen_parse as mp

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "blinken-2023-11-06.html"


def test_page_content_repr_html_shows_the_article_and_the_lists() -> None:
    content = mp.parse_page(EXAMPLE.read_bytes())
    card = content._repr_html_()
    assert content.article is not None
    assert content.article._repr_html_() in card
    for heading in ("BREAKING", "Most Read", "Related News", "Read Next"):
        assert f"<h4>{heading}</h4>" in card
    assert "<small>11:42</small> An Israeli drone attacked a vehicle" in card
    herzog = content.breaking[3]
    assert f'<a href="{herzog.url}">{herzog.text}</a>' in card
    for teaser in content.most_read + content.related + content.read_next:
        assert f'<a href="{teaser.url}">' in card


def test_page_content_repr_html_of_a_page_without_article() -> None:
    content = mp.PageContent(url="https://english.almayadeen.net/news/politics", kind="section")
    assert (
        content._repr_html_()
        == "<div><p><small>section page https://english.almayadeen.net/news/politics</small></p></div>"
    )
