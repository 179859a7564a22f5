"""Locate and read the page furniture: the ticker, Most Read, Related News,
Read Next and Coverage (one :class:`~mayadeen_parse._site.BlockSpec` each).

A block found by one of its class hints needs only a look for its heading
inside its own box; the walk over the whole page for headings runs only when
a block has to be found by its heading, and only for headings the page's
text shows (a breaking heading shown only inside the ticker names the
ticker: no walk looks for a second breaking list under it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import attrs
from cssselect import HTMLTranslator
from lxml import etree

from . import _site
from ._cards import Reading, teasers
from ._locate import (
    BLOCK_HINTS,
    BODY_HINT,
    BREAKING_LIST_HINT,
    CONFIRM_HINTS,
    HEADING_KIND,
    HEADINGS,
    heading_element,
    heading_nodes,
    headings_in,
    headings_outside,
)
from ._markup import Element, inside, raw, text_of
from ._model import BreakingItem, Teaser
from ._page import Page, Slot
from ._text import absolutize, looks_like_story_path
from ._ticker import breaking_list, merge_breaking, ticker

__all__ = ["Found", "Furniture", "furniture"]

# Whether an element itself is a body container (the cssselect XPath of the body hint).
_IS_BODY = etree.XPath(f"boolean({HTMLTranslator().css_to_xpath(BODY_HINT.css, prefix='self::')})")
_SPECS = {spec.name: spec for spec in _site.BLOCKS}
Items = tuple[BreakingItem, ...] | tuple[Teaser, ...]


@attrs.frozen
class Found:
    """A located block: its items, its elements and the anchor used."""

    kind: str
    items: Items = ()
    elements: tuple[Element, ...] = ()
    heading: Element | None = None
    anchor: str = "missing"
    """``"class"``, ``"heading"``, ``"structure"`` or ``"missing"``."""
    detail: str | None = None
    """What matched: the selector, or the heading text."""


@attrs.frozen
class Furniture:
    """Every page block located on one page."""

    blocks: dict[str, Found]
    containers: frozenset[Element]
    """The block elements: nothing inside them belongs to the article."""

    @property
    def breaking(self) -> tuple[BreakingItem, ...]:
        """The ticker's items."""
        return cast("tuple[BreakingItem, ...]", self.blocks["breaking"].items)

    def teasers(self, kind: str) -> tuple[Teaser, ...]:
        """The teasers of a block whose items are teaser cards."""
        return cast("tuple[Teaser, ...]", self.blocks[kind].items)


FURNITURE: Slot[Furniture] = Slot("furniture", "every page block located and read")


def _items(
    kind: str, roots: Sequence[Element], boundary: set[Element], skip: Element | None, reading: Reading
) -> Items:
    reader = _SPECS[kind].items
    if reader == "ticker":
        return ticker(roots, skip, reading)
    if reader == "none":
        return ()
    # The cards' block: the heading as shown (the skipped heading element, or
    # the one a sibling run follows).
    block = text_of(skip) if skip is not None else reading.block
    return teasers(roots, boundary, skip, attrs.evolve(reading, block=block))


def furniture(page: Page) -> Furniture:
    """Locate the ticker, Most Read, Related News, Read Next and Coverage (cached)."""
    cached = page._memo.get(FURNITURE)
    if cached is not None:
        return cached
    reading = Reading(base=page.base_url, fetched_at=page.fetched_at, edition=page.edition)
    blocks: dict[str, Found] = {}
    for kind in HEADINGS:
        found = _by_class(page, kind, reading)
        if found is not None:
            blocks[kind] = found
    missing = [kind for kind in HEADINGS if kind not in blocks]
    if missing:
        blocks.update(_by_heading(page, missing, reading))
    blocks = {kind: blocks[kind] for kind in HEADINGS}
    blocks["breaking"] = _with_breaking_list(page, blocks["breaking"], reading)
    containers = frozenset(el for found in blocks.values() for el in found.elements)
    return page._memo.put(FURNITURE, Furniture(blocks=blocks, containers=containers))


def _by_class(page: Page, kind: str, reading: Reading) -> Found | None:
    candidates = [(el, False) for el in BLOCK_HINTS[kind](page)]
    if kind in CONFIRM_HINTS:
        candidates += [(el, True) for el in CONFIRM_HINTS[kind](page)]
    for el, needs_heading in candidates:
        head = next(iter(headings_in(el, kind)), None)
        if needs_heading and head is None:
            continue
        items = _items(kind, [el], {el}, head, reading)
        if items or _SPECS[kind].items == "none":
            return Found(kind=kind, items=items, elements=(el,), heading=head, anchor="class", detail=el.get("class"))
    return None


def _by_heading(page: Page, missing: list[str], reading: Reading) -> dict[str, Found]:
    headings = _headings(page, missing)
    if not headings:
        return {kind: Found(kind=kind) for kind in missing}
    # How many block headings each element holds (itself included), counted
    # once per page: _climb asks it of every heading it tries.
    held: dict[Element, int] = {}
    for h in dict.fromkeys(el for found in headings.values() for el in found):
        for el in (h, *h.iterancestors()):
            held[el] = held.get(el, 0) + 1
    holds_article = _holding_article(page)
    blocks = {}
    for kind in missing:
        found = Found(kind=kind)
        for head in headings.get(kind, ()):
            located = _climb(kind, head, held, reading, holds_article)
            if located is not None:
                items, elements = located
                found = Found(
                    kind=kind, items=items, elements=elements, heading=head, anchor="heading", detail=text_of(head)
                )
                break
        blocks[kind] = found
    return blocks


def _headings(page: Page, kinds: Sequence[str]) -> dict[str, list[Element]]:
    """The heading elements of the blocks of *kinds*, by block, in page order.

    Only the blocks still to be located are walked for: a block found by
    class has its heading from its own box.
    """
    headings: dict[str, list[Element]] = {}
    for node, is_tail, wanted in heading_nodes(page, kinds):
        kind = HEADING_KIND[wanted]
        if kind in kinds:
            el = heading_element(node, is_tail, wanted)
            if el is not None:
                headings.setdefault(kind, []).append(el)
    return headings


def _with_breaking_list(page: Page, ticker_found: Found, reading: Reading) -> Found:
    """The ticker with the second breaking list merged in: found by class
    (``section.breaking-news-vertical``), else as a second box under a
    breaking heading; its items give the ticker's items their place and
    time label (``_cards.merge_breaking``)."""
    ticker_roots = set(ticker_found.elements)
    boxes = BREAKING_LIST_HINT(page)
    if any(_within(box, ticker_roots) for box in boxes) or any(inside(el, set(boxes)) for el in ticker_found.elements):
        # The "ticker" found by its heading is the second list itself (a page
        # without the ticker): read it as that list, found by its class.
        ticker_found = Found(kind="breaking")
        ticker_roots = set()
    boxes = [el for el in boxes if not _within(el, ticker_roots)]
    anchor, detail = "class", (boxes[0].get("class") if boxes else None)
    if not boxes and headings_outside(page, ("breaking",), ticker_found.elements):
        # (A breaking heading only inside the ticker names the ticker: no walk for it.)
        anchor = "heading"
        for head in _headings(page, ("breaking",)).get("breaking", ()):
            if head is not ticker_found.heading and not _within(head, ticker_roots):
                box = _list_box(head, ticker_roots)
                if box is not None:
                    boxes.append(box)
                    detail = detail or text_of(head)
    listed = breaking_list(boxes, reading) if boxes else ()
    if not listed:
        return ticker_found
    items = merge_breaking(cast("tuple[BreakingItem, ...]", ticker_found.items), listed, reading)
    if ticker_found.anchor == "missing":
        return Found(kind="breaking", items=items, elements=tuple(boxes), anchor=anchor, detail=detail)
    return attrs.evolve(ticker_found, items=items, elements=(*ticker_found.elements, *boxes))


def _within(el: Element, roots: set[Element]) -> bool:
    """Whether *el* is one of *roots* or inside one."""
    return el in roots or inside(el, roots)


def _list_box(head: Element, ticker_roots: set[Element]) -> Element | None:
    """The nearest ancestor of a breaking heading holding place links (not in the ticker)."""
    node = head
    for _ in range(_site.HEADING_CLIMB_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html") or _within(parent, ticker_roots):
            return None
        if any(part in (a.get("href") or "") for a in parent.iter("a") for part in _site.PLACE_PATHS):
            return parent
        node = parent
    return None


def _holding_article(page: Page) -> set[Element]:
    """Every element that holds the headline, an ``<article>`` or the body container."""
    markers = [*page.elements("h1"), *page.elements("article"), *BODY_HINT(page)]
    holding: set[Element] = set()
    for marker in markers:
        holding.add(marker)
        holding.update(marker.iterancestors())
    return holding


def _contentful(el: Element, skip: Element) -> bool:
    """Whether *el* holds article text (so is not a block's own box).

    A paragraph of running text directly inside it, or the body's own class,
    means the block's heading sits among the article's paragraphs.
    """
    if bool(_IS_BODY(el)):
        return True
    return any(
        child.tag == "p" and child is not skip and len(raw(child).strip()) >= _site.PROSE_MIN_CHARS for child in el
    )


def _climb(
    kind: str, head: Element, held: dict[Element, int], reading: Reading, holds_article: set[Element]
) -> tuple[Items, tuple[Element, ...]] | None:
    """The block a heading names: ``(items, elements)``, or None.

    Climbs from the heading to the nearest ancestor holding the block's items;
    where the heading shares its parent with other blocks or with the article
    (*holds_article*: the ancestors of the headline, of any ``<article>`` and of
    the body container), the block is the run of siblings after the heading.
    *held* counts the block headings each element holds: an ancestor of
    *head* holds another one when it holds two, a sibling when it holds one.
    """
    wants_items = _SPECS[kind].items != "none"
    node = head
    for _ in range(_site.HEADING_CLIMB_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        if held.get(parent, 0) > 1 or _contentful(parent, head) or parent in holds_article:
            # The heading shares its parent with other blocks or with the
            # article (whose links are not the block's): the block is the run
            # of siblings after the heading.
            run = _sibling_run(node, held, reading.base)
            if not wants_items:
                return (), (node, *run)
            items = _items(kind, run, {parent}, None, attrs.evolve(reading, block=text_of(head)))
            return (items, (node, *run)) if items else None
        if not wants_items:
            if len(parent) > 1:
                return (), (parent,)
        else:
            items = _items(kind, [parent], {parent}, head, reading)
            if items:
                return items, (parent,)
        node = parent
    return None


def _sibling_run(node: Element, held: dict[Element, int], base: str) -> list[Element]:
    """The siblings after *node* up to a paragraph, a heading or another block."""
    run = []
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6") and not _story_links_only(sibling, base):
            break
        if held.get(sibling, 0) > 0:
            break
        run.append(sibling)
    return run


def _story_links_only(el: Element, base: str) -> bool:
    links = [absolutize(a.get("href"), base) for a in el.iter("a")]
    return bool(links) and all(url and looks_like_story_path(url) for url in links) and el.tag != "p"
