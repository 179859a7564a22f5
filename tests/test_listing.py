"""``_listing.read_listing``: the story cards of a listing page.

The real capture's expected listing is checked in ``test_real_fixtures.py``
(every card, every field, the variants); here: what the listing must survive
beyond those files (every class and id of the page renamed, no ``<h2>`` at
all), a section index page, time labels, and that it is read once.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import mayadeen_parse as mp
from mayadeen_parse._listing import read_listing

ROOT = Path(__file__).parent
REAL = ROOT / "fixtures" / "real" / "ar-homepage-2023-11-02.html"
EXPECTED = ROOT / "fixtures" / "real" / "ar-homepage-2023-11-02.expected.json"
SECTION = ROOT / "fixtures" / "section" / "politics-index.html"
AR = "https://www.almayadeen.net/"


def _stable(name: str) -> str:
    h = 0
    for ch in name:
        h = (h * 131 + ord(ch)) % 2_147_483_647
    return f"z{h % 100000:05d}"


@cache
def _want() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(EXPECTED.read_text(encoding="utf-8"))["listing"]
    return data


def _drifted(no_h2: bool) -> bytes:
    """The real capture with every class token and id renamed (a CSS-module
    build), and optionally every ``<h2>`` made an ``<h3>``."""
    text = REAL.read_bytes().decode("utf-8")
    text = re.sub(r'\bclass="([^"]*)"', lambda m: 'class="' + " ".join(map(_stable, m[1].split())) + '"', text)
    text = re.sub(r'\bid="([^"]*)"', lambda m: f'id="{_stable(m[1])}"', text)
    if no_h2:
        text = re.sub(r"<(/?)h2\b", r"<\1h3", text)
    return text.encode("utf-8")


@pytest.mark.parametrize("no_h2", [False, True], ids=["classes", "classes-and-h2"])
def test_survives_renaming_every_class(no_h2: bool) -> None:
    """With no class or id the parser knows (ticker, section heads, cards,
    labels all renamed), the listing still has every card once, in order,
    with its block (known heading texts, then the structure), title, URL,
    section, image and time label. What needs a class is lost: a foreign
    author without a page (``href="#"``, 4 cards) is no author without
    ``div.author-wrap``."""
    page = mp.load_page(_drifted(no_h2), url=AR)
    got = [mp.to_dict(t) for t in read_listing(page)]
    want = _want()
    for key in ("url", "block", "title", "section", "image", "time_label"):
        assert [g[key] for g in got] == [w[key] for w in want], key
    lost = [w["authors"] for g, w in zip(got, want, strict=True) if g["authors"] != w["authors"]]
    assert len(lost) == 4
    assert all(author["url"] is None for authors in lost for author in authors)


def test_section_index_page() -> None:
    """A section index: its story cards, the Most Read box as a block of its
    own; no ticker item (the ticker's linked one included), no menu link."""
    page = mp.load_page(SECTION.read_bytes(), url="https://english.almayadeen.net/news/politics")
    got = read_listing(page)
    assert [(t.block, t.title[:20]) for t in got] == [
        (None, "Gaza Civil Defense r"),
        (None, "Iraq election result"),
        ("Most read", "US politics polariza"),
        ("Most read", "Imperialism and the "),
        ("Most read", "The cost of the war "),
    ]
    # An English date resolves without a fetch time: it names its year.
    assert got[0].time_label == "12 Nov 2025"
    assert got[0].published == dt.date(2025, 11, 12)
    assert got[0].image is not None
    assert got[0].image.url == "https://english.almayadeen.net/Content/uploads/2025/11/12/sheikh-radwan.jpg"
    assert all("herzog" not in t.url for t in got)


def test_labels_resolve_against_the_fetch_time_only() -> None:
    data = REAL.read_bytes()
    assert all(t.published is None for t in read_listing(mp.load_page(data, url=AR)))
    fetched = dt.datetime(2023, 11, 2, 22, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    first = read_listing(mp.load_page(data, url=AR, fetched_at=fetched))[0]
    assert first.time_label == "اليوم 18:53"
    assert first.published == dt.datetime(2023, 11, 2, 18, 53, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def test_placeholder_is_never_an_image() -> None:
    html = (
        '<html><body><div class="section_head"><h2>Most Read</h2></div><div>'
        '<div class="card"><a href="/news/politics/one-story"><img src="/mdn2023/images/default1.7.png"'
        ' alt="x"><h4>One story here</h4></a></div>'
        '<div class="card"><a href="/news/politics/two-story"><img src="/mdn2023/images/default1.7.png"'
        ' data-original="/media/two.jpg" alt="y"></a><h4><a href="/news/politics/two-story">Two story here</a></h4>'
        "</div></div></body></html>"
    )
    got = read_listing(mp.load_page(html, url="https://english.almayadeen.net/"))
    assert [(t.block, t.title, t.image.url if t.image else None) for t in got] == [
        ("Most Read", "One story here", None),
        ("Most Read", "Two story here", "https://english.almayadeen.net/media/two.jpg"),
    ]


def test_untitled_and_duplicate_cards_are_left_out() -> None:
    html = (
        "<html><body><section><h2>Videos</h2><div>"
        '<div><a href="/news/politics/a-story"><img data-src="/a.jpg" alt="only an alt"></a></div>'
        '<div><a href="/news/politics/b-story#top"><h4>B story</h4></a></div>'
        '<div><a href="/news/politics/b-story/"><h4>B story again</h4></a></div>'
        "</div></section></body></html>"
    )
    got = read_listing(mp.load_page(html, url="https://english.almayadeen.net/"))
    assert [(t.block, t.title, t.url) for t in got] == [
        ("Videos", "B story", "https://english.almayadeen.net/news/politics/b-story#top")
    ]


def test_read_once_per_page() -> None:
    page = mp.load_page(SECTION.read_bytes())
    assert read_listing(page) is read_listing(page)


def test_article_page_blocks_not_its_inline_promos() -> None:
    """On an article page the listing is its teaser blocks; a "Read next:"
    link inside a paragraph is running text, not a card. Cards whose headline
    is ``<h3><a>`` and whose section is a plain ``<span class="category">``."""
    page = mp.load_page((ROOT / "fixtures" / "article" / "blinken-2023-11-06.html").read_bytes())
    got = read_listing(page)
    assert [t.block for t in got] == ["Related News"] * 2 + ["Most Read"] * 4 + ["Read Next"] * 4
    assert all(not t.title.startswith(("US does not want", "Blinken should have")) for t in got)
    assert [t.section for t in got[-4:]] == ["Economy", "Politics", "Politics", "Politics"]
    assert got[2].published == dt.date(2025, 11, 8)


def test_slider_loop_copies_are_not_listed_twice() -> None:
    """A page saved from a browser holds Swiper's loop copies (a clone of the
    last slide first, of the first slide last, class swiper-slide-duplicate):
    the listing is the page's, in its order (found by an adversarial review:
    each block started with its last card)."""
    import copy

    from lxml import html as lxml_html

    raw = (Path(__file__).parent / "fixtures" / "real" / "ar-homepage-2023-11-02.html").read_bytes()
    doc = lxml_html.fromstring(raw)
    wrappers = doc.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " swiper-wrapper ")]')
    assert wrappers
    for wrap in wrappers:
        slides = [c for c in wrap if "swiper-slide" in (c.get("class") or "")]
        if slides:
            last, first = copy.deepcopy(slides[-1]), copy.deepcopy(slides[0])
            for clone in (last, first):
                clone.set("class", clone.get("class", "") + " swiper-slide-duplicate")
            wrap.insert(0, last)
            wrap.append(first)
    saved = lxml_html.tostring(doc, encoding="unicode")
    url = "https://www.almayadeen.net/"
    # Compared by block and title: lxml writes the saved page's links
    # percent-encoded, which the library keeps as given.
    original = [(t.block, t.title) for t in mp.parse_listing(mp.load_page(raw, url=url))]
    assert [(t.block, t.title) for t in mp.parse_listing(mp.load_page(saved, url=url))] == original
