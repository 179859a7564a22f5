"""A bare page whose paragraphs each sit in their own wrapper keeps them all.

The body found by structure is the run of sibling wrappers holding article
paragraphs, not the one wrapper holding the most paragraphs directly.
"""

from __future__ import annotations

import pytest

import mayadeen_parse as mp

_P = "<p>Paragraph {} has some words in it, enough to be prose, really.</p>"


def _page(wrapper: str, between: str = "") -> str:
    parts = [f"<{wrapper}>{_P.format(i)}</{wrapper}>" + (between if i == 9 else "") for i in range(20)]
    return "<html><body><h1>Title here</h1>" + "".join(parts) + "</body></html>"


@pytest.mark.parametrize(
    ("wrapper", "between"),
    [
        ("div", ""),
        ("section", ""),
        ("div", '<div class="ad-slot">Advertisement</div>'),
        ("div", '<div id="div-gpt-ad-1"></div>'),
    ],
)
def test_every_wrapped_paragraph_is_kept(wrapper: str, between: str) -> None:
    article = mp.parse_article(_page(wrapper, between))
    assert article.title == "Title here"
    assert article.paragraphs == tuple(
        f"Paragraph {i} has some words in it, enough to be prose, really." for i in range(20)
    )
    assert len(article.body) == 20


def test_a_wrapper_between_without_prose_keeps_its_figure() -> None:
    figure = '<div><img src="https://www.almayadeen.net/a.jpg" alt="A photo"></div>'
    article = mp.parse_article(_page("div", figure))
    assert len(article.paragraphs) == 20
    assert sum(isinstance(b, mp.Figure) for b in article.body) == 1
