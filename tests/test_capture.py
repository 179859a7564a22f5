"""An archive.today-style capture of an article page: every ``class`` and
``id`` and all scripts, styles, links and non-charset metas removed. The
standfirst and the lead photo are found by their place, not read as body."""

from __future__ import annotations

from pathlib import Path

import lxml.html

import mayadeen_parse as mp

REFERENCE = Path(__file__).parent / "fixtures" / "article" / "blinken-cms.html"


def _capture(html: bytes) -> str:
    doc = lxml.html.fromstring(html)
    for el in list(doc.iter("script", "style", "link", "meta")):
        if el.tag != "meta" or el.get("charset") is None:
            el.drop_tree()
    for el in doc.iter():
        if isinstance(el.tag, str):
            el.attrib.pop("class", None)
            el.attrib.pop("id", None)
    return str(lxml.html.tostring(doc, encoding="unicode"))


def test_capture_keeps_standfirst_and_lead_image_out_of_the_body() -> None:
    source = REFERENCE.read_bytes()
    reference = mp.parse_article(source)
    article = mp.parse_article(_capture(source))
    assert reference.summary is not None
    assert reference.lead_image is not None
    assert article.summary == reference.summary
    assert article.lead_image == reference.lead_image
    assert article.body == reference.body
    assert reference.summary not in article.paragraphs
    assert not any(isinstance(b, mp.Figure) and b.image.url == reference.lead_image.url for b in article.body)


def test_two_paragraphs_before_the_figure_are_body() -> None:
    para = "<p>{} sentence of the article, long enough to be read as prose.</p>"
    html = (
        "<html><body><article><h1>Title of the story</h1>"
        + para.format("First")
        + para.format("Second")
        + '<figure><img src="https://www.almayadeen.net/a.jpg" alt="A photo"></figure>'
        + para.format("Third")
        + "</article></body></html>"
    )
    article = mp.parse_article(html)
    assert article.summary is None
    assert article.paragraphs[0].startswith("First")
