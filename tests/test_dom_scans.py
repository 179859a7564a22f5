"""The two whole-document scans of ``_locate`` give what their definitions give.

The extractors walk each page at most twice in Python (everything else is local to
a block): the class index behind every :class:`~mayadeen_parse._locate.Hint`,
over container elements, and the pruned walk for block headings. These tests
hold both to plain definitions (the cssselect XPath limited to container
tags; every text node of ``<body>`` outside the pruned subtrees) on every
fixture, the padded benchmark page and markup chosen for its edges.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from cssselect import HTMLTranslator
from lxml import etree

import mayadeen_parse as mp
from mayadeen_parse import _locate, _site

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from make_heavy import REFERENCE, heavy_page  # noqa: E402

EDGE_CASES = {
    "class-whitespace": (
        '<html><body><div class="x\tp-content\n y"><p>a</p></div><div class="xp-content">b</div>'
        '<section class="coverage\r">c</section><div class="coverage">not a section</div>'
        '<p class="lg_para summary">s</p><p class="Summary">case</p><span id="breaking-news ">no</span>'
        '<div itemprop="articleBody  text">ld</div><div itemprop="articlebody">case</div>'
        '<li class="most-read">not a container</li></body></html>'
    ),
    "nested-blocks": (
        '<html><body><div class="most-read" id="breaking-news"><div class="most-read">inner</div>'
        '<article><p class="summary">one</p><div class="summary"><p class="summary">two</p></div></article>'
        "</div></body></html>"
    ),
    "headings": (
        "<html><head><title>Most Read</title></head><body>"
        "<h2>Most\u00a0Read</h2><h2>MOST READ</h2><h2> \n Related\tNews </h2><h2>Most\u2003Read</h2>"
        "<div><i></i>Read Next<b>x</b> Coverage </div>"
        "<div><span><i>1</i>Breaking</span>Most Popular</div><script>Most Read</script>"
        "<style>Coverage</style><noscript>Urgent</noscript><p>Related</p>"
        "<nav><a>Most Read</a></nav><form><label>Breaking</label></form><svg><text>Coverage</text></svg>"
        "<h3>" + "Most Read " * 9 + "</h3></body></html>"
    ),
    "empty": "<html><body></body></html>",
    # What the C-level text search before the walk must not miss: a Kelvin
    # sign for K, capitals, every kind of white space between the words, a
    # heading beside a big script, Arabic headings among their common words.
    "heading-text": (
        "<html><body><script>var most = 'read';</script><div><p>x</p><h2>BREA\u212aING</h2></div>"
        "<div><span>Most\u3000\u2028READ</span>Lo M\u00c1S le\u00cdDO<b>\u00daLTIMA\x85hora</b></div>"
        "<section><i>Related</i>\tStories </section><h3>\u0623\u062e\u0628\u0627\u0631 \u0630\u0627\u062a"
        "\n\u0635\u0644\u0629</h3><p>\u0623\u062e\u0628\u0627\u0631 \u0627\u0644\u064a\u0648\u0645</p>"
        "<svg><text>Coverage</text></svg>Coverage</body></html>"
    ),
}


def _pages() -> list[Any]:
    params = [
        pytest.param(p.read_bytes(), id=f"{p.parent.name}/{p.stem}")
        for p in sorted(ROOT.glob("tests/fixtures/*/*.html"))
    ]
    params.append(pytest.param(heavy_page(REFERENCE.read_bytes()), id="heavy"))
    params.extend(pytest.param(html.encode(), id=name) for name, html in EDGE_CASES.items())
    return params


def _hints() -> list[_locate.Hint]:
    found: list[_locate.Hint] = []
    for value in vars(_locate).values():
        if isinstance(value, _locate.Hint):
            found.append(value)
        elif isinstance(value, dict):
            found.extend(v for v in value.values() if isinstance(v, _locate.Hint))
    return found


def test_every_hint_is_checked() -> None:
    assert len(_hints()) >= 7


def test_a_hint_made_after_the_index_still_finds() -> None:
    """A hint naming tokens outside the site tables, made after a page's class
    index was built, finds its elements (the index is data, not import order)."""
    page = mp.load_page(b'<html><body><div class="late-class">x</div><div class="p-content">y</div></body></html>')
    assert len(_locate.BODY_HINT(page)) == 1
    late = _locate.Hint(".late-class")
    assert [el.get("class") for el in late(page)] == ["late-class"]


@pytest.mark.parametrize("data", _pages())
def test_hints_match_their_xpath_on_containers(data: bytes) -> None:
    page = mp.load_page(data)
    containers = " or ".join(f"self::{tag}" for tag in _site.HINT_TAGS)
    for hint in _hints():
        xpath = etree.XPath(f"({HTMLTranslator().css_to_xpath(hint.css)})[{containers}]")
        assert hint(page) == xpath(page.root), hint


def _reference_headings(page: Any) -> list[tuple[Any, bool, str]]:
    """Every text node under <body> reading as a heading of the page's edition
    (every edition's when unknown), outside pruned subtrees and listing cards."""
    cards = {token for _, token in _locate.CARD_KEYS}
    keys = {
        key
        for spec in _site.BLOCKS
        for edition, texts in spec.headings.items()
        if page.edition in (None, edition)
        for key in texts
    }

    def pruned(el: Any) -> bool:
        return el.tag in _locate.NO_HEADINGS or (
            el.tag in _site.HINT_TAGS and bool(cards.intersection((el.get("class") or "").split()))
        )

    found = []
    for el in page.root.iter():
        if not isinstance(el.tag, str) or not any(a.tag == "body" for a in el.iterancestors()):
            continue
        if any(pruned(a) for a in el.iterancestors()):
            continue
        for is_tail, text in ((False, el.text), (True, el.tail)):
            if not is_tail and pruned(el):
                continue
            key = " ".join((text or "").split()).lower()
            if text and len(text) < 80 and key in keys:
                found.append((el, is_tail, key))
    return found


@pytest.mark.parametrize("data", _pages())
def test_heading_walk_finds_every_heading_text(data: bytes) -> None:
    page = mp.load_page(data)
    got = _locate.heading_nodes(page)
    want = _reference_headings(page)
    assert sorted(map(repr, got)) == sorted(map(repr, want))


def test_heading_walk_skips_cards_and_other_editions() -> None:
    page = mp.load_page(
        '<html lang="en"><body><div class="swiper-slide"><h3>Most Read</h3></div><h2>الأكثر قراءة</h2>'
        "<section><h2>Most Read</h2></section></body></html>"
    )
    assert [(el.tag, key) for el, _, key in _locate.heading_nodes(page)] == [("h2", "most read")]
    assert _locate.heading_nodes(page, ("related",)) == []


def test_heading_walk_on_the_edge_cases() -> None:
    page = mp.load_page(EDGE_CASES["headings"])
    keys = [key for _, _, key in _locate.heading_nodes(page)]
    assert keys == [
        "most read",  # NBSP
        "most read",  # upper case
        "related news",  # tab and newlines
        "most read",  # em space
        "read next",  # the tail of <i>
        "coverage",  # the tail of <b>
        "breaking",  # the tail of <i> inside a <span>
        "most popular",  # the tail of that <span>
        "related",  # in prose-looking markup: the walk finds it, _heading_element judges it
    ]


def test_searchable_characters_show_as_themselves() -> None:
    """Every character ``_locate._searchable`` accepts is, in the ASCII-lowered
    UTF-8 of any text, only where ``str.lower`` gives that character: from
    itself, its ASCII capital or the Kelvin sign (U+0130 gives ``i`` followed
    by U+0307, which no searched heading holds). Checked over every code point."""
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        lowered = char.lower()
        if lowered == char:
            continue
        for found in lowered:
            if found != char and _locate._searchable(found):
                assert char.isascii() or char == "\u212a" or (char == "\u0130" and lowered == "i\u0307"), hex(code)
                assert _locate._lowered(char.encode()) == found.encode() or char == "\u0130", hex(code)


def test_whitespace_is_what_split_splits_on() -> None:
    everything = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    assert "".join(char for char in everything if char.isspace()) == _locate.WHITESPACE
    assert not any(char.isspace() for char in "".join(c.lower() for c in everything if not c.isspace()))


def test_a_heading_only_inside_the_ticker_needs_no_walk() -> None:
    page = mp.load_page(
        '<html lang="en"><body><div class="breaking-news"><h2>Breaking</h2><ul><li><a href="/news/a">A</a></li>'
        "</ul></div><p>A break in the news</p></body></html>"
    )
    (box,) = _locate.BLOCK_HINTS["breaking"](page)
    assert not _locate.headings_outside(page, ("breaking",), (box,))
    outside = mp.load_page(
        '<html lang="en"><body><div class="breaking-news"><h2>Breaking</h2></div>'
        "<div><h3>BREAKING</h3></div></body></html>"
    )
    (box,) = _locate.BLOCK_HINTS["breaking"](outside)
    assert _locate.headings_outside(outside, ("breaking",), (box,))
