"""The fast selector paths give exactly what their XPath definitions give.

``mayadeen_parse._select`` replaces whole-document XPath scans (cssselect
class selectors, the block-heading text search) with cheaper passes. These
tests hold them to the XPath on every fixture, on the padded benchmark page
and on markup chosen to hit the edges of XPath's string functions.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

import mayadeen_parse as mp
from mayadeen_parse import _dom
from mayadeen_parse._select import Selector, heading_texts

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from make_heavy import REFERENCE, heavy_page  # noqa: E402

EDGE_CASES = {
    "class-whitespace": (
        '<html><body><div class="x\tp-content\n y"><p>a</p></div><div class="xp-content">b</div>'
        '<section class="coverage\r">c</section><div class="coverage">not a section</div>'
        '<p class="lg_para summary">s</p><p class="Summary">case</p><span id="breaking-news ">no</span>'
        '<div itemprop="articleBody  text">ld</div><div itemprop="articlebody">case</div></body></html>'
    ),
    "nested-blocks": (
        '<html><body><div class="most-read" id="breaking-news"><div class="most-read">inner</div>'
        '<article><p class="summary">one</p><div class="summary"><p class="summary">two</p></div></article>'
        "</div></body></html>"
    ),
    "headings": (
        "<html><head><title>Most Read</title></head><body>"
        "<h2>Most\u00a0Read</h2><h2>MOST READ</h2><h2> \n Related\tNews </h2><h2>Most\u2003Read</h2>"
        "<h2>\u212aBREAKING</h2><div><i></i>Read Next<b>x</b> Coverage </div>"
        "<div><span><i>1</i>Breaking</span>Most Popular</div><script>Most Read</script>"
        "<style>Coverage</style><noscript>Urgent</noscript><p>Related</p>"
        "<h3>" + "Most Read " * 9 + "</h3></body></html>"
    ),
    "empty": "<html><body></body></html>",
}


def _pages() -> list[Any]:
    params = [
        pytest.param(p.read_bytes(), id=f"{p.parent.name}/{p.stem}")
        for p in sorted(ROOT.glob("tests/fixtures/*/*.html"))
    ]
    params.append(pytest.param(heavy_page(REFERENCE.read_bytes()), id="heavy"))
    params.extend(pytest.param(html.encode(), id=name) for name, html in EDGE_CASES.items())
    return params


def _selectors() -> list[Selector]:
    found = [value for value in vars(_dom).values() if isinstance(value, Selector)]
    for value in vars(_dom).values():
        if isinstance(value, dict):
            found.extend(v for v in value.values() if isinstance(v, Selector))
    return found


def test_dom_selectors_take_the_fast_path() -> None:
    """Every selector in ``_dom`` is simple enough to skip its XPath."""
    selectors = _selectors()
    assert selectors
    assert [s.css for s in selectors if s.alternatives is None] == []


@pytest.mark.parametrize("data", _pages())
def test_selectors_match_their_xpath(data: bytes) -> None:
    """Same elements, same order, from the document and from any subtree."""
    page = mp.load_page(data)
    contexts = [el for el in page.root.iter() if len(el) > 0][:40]
    for selector in _selectors():
        assert selector(page) == list(selector.xpath(page.root)), selector
        for context in contexts:
            assert selector(page, context) == list(selector.xpath(context)), (selector, context)


@pytest.mark.parametrize("data", _pages())
def test_heading_texts_match_the_xpath(data: bytes) -> None:
    """Same text nodes (holder, tail or not, text) in the same order."""
    root = mp.load_page(data).root
    fast = [(node.getparent(), node.is_tail, str(node)) for node in heading_texts(root, _dom._HEADING_KIND)]
    slow = [(node.getparent(), node.is_tail, str(node)) for node in _dom._HEADING_TEXTS(root)]
    assert fast == slow


def test_heading_texts_need_a_whole_heading() -> None:
    """The XPath's ``contains('|a|b|', concat('|', text, '|'))`` also accepted
    texts spanning two headings ("Most Read|Most Popular"), which then had no
    kind; the fast path accepts whole headings only."""
    root = mp.load_page(b"<html><body><h2>Most Read|Most Popular</h2></body></html>").root
    assert heading_texts(root, _dom._HEADING_KIND) == []
