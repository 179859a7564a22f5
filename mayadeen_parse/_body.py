"""Find the article body and read it into blocks, in page order.

The body is its class hint's container (``div.p-content``...), else the element
holding most of the article's paragraphs (:func:`body_by_structure`). The
:class:`Walker` turns its content into paragraphs, headings, lists, figures,
quotes and embeds, leaving out promos (``Read next: ...``, collected as
``see_also``), share lists, ads, hidden elements and page furniture.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import attrs

from . import _site
from ._embeds import blockquote, embed_in, media_embed
from ._locate import BODY_HINT
from ._markup import (
    BLOCK_TAGS,
    CONTAINER_TAGS,
    HEADING_TAGS,
    SKIP_TAGS,
    Element,
    classes,
    figcaption,
    figure_box,
    first_img,
    gather,
    gather_self,
    image,
    inside,
    is_ad,
    is_hidden,
    raw,
    text_of,
)
from ._model import Block, Embed, Figure, Heading, Link, ListBlock, Paragraph
from ._page import Page
from ._text import BR, normalize_lines, normalize_text

__all__ = ["BodyFound", "Walker", "body_by_class", "body_by_structure", "read_body"]

_PROMO_RE = re.compile("^(?:" + "|".join(re.escape(p) for p in _site.PROMO_PREFIXES) + r")\s*[:\-\u2013\u2014]", re.I)
_SHARE_RE = re.compile("|".join(_site.SHARE_LINKS), re.I)


@attrs.frozen
class BodyFound:
    """The body: its containers, the anchor they were found by, its blocks."""

    roots: tuple[Element, ...] = ()
    anchor: str = "missing"
    blocks: tuple[Block, ...] = ()
    see_also: tuple[Link, ...] = ()


# --- locating the body ------------------------------------------------------------------


def body_by_class(page: Page, furniture_set: frozenset[Element]) -> tuple[Element, ...]:
    """The outermost body-class containers outside the furniture that hold text."""
    roots = [el for el in BODY_HINT(page) if not inside(el, furniture_set)]
    # The outermost ones: one walk up from each, not a test of every pair.
    root_set = set(roots)
    roots = [el for el in roots if not any(a in root_set for a in el.iterancestors())]
    return tuple(el for el in roots if any(True for _ in el.iter("p")) or text_of(el))


def _barred(el: Element, excluded: frozenset[Element], memo: dict[Element, bool]) -> bool:
    """Whether paragraphs inside *el* cannot be article text (memoised)."""
    found = memo.get(el)
    if found is None:
        found = memo[el] = el in excluded or el.tag in ("footer", "aside", "nav") or is_ad(el)
    return found


def body_by_structure(
    page: Page, excluded: frozenset[Element], outside: frozenset[Element], descriptions: Iterable[str | None]
) -> Element | None:
    """The element holding most article paragraphs, widened over sibling wrappers.

    *excluded* holds every block whose paragraphs are not the article's;
    *outside* the blocks that never sit inside the body (all but Related News).
    """
    wanted = {d for d in (normalize_text(x) for x in descriptions) if d}
    scores: dict[Element, int] = {}
    chains: list[tuple[int, list[Element]]] = []
    barred: dict[Element, bool] = {}  # ancestors shared by many paragraphs: judge each once
    for p in page.elements("p"):
        size = len(raw(p).strip())
        if size < _site.PROSE_MIN_CHARS:
            continue
        chain = list(p.iterancestors())
        if any(_barred(a, excluded, barred) for a in chain):
            continue
        if wanted and text_of(p) in wanted:
            continue
        chains.append((size, chain))
        scores[chain[0]] = scores.get(chain[0], 0) + size
    if not scores:
        return None
    best = max(scores, key=lambda el: scores[el])
    # Widen to a parent that holds more article paragraphs in other wrappers,
    # but never to one that holds page furniture.
    while True:
        parent = best.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        if any(inside(f, {parent}) for f in outside):
            break
        extra = sum(size for size, chain in chains if parent in chain and best not in chain and chain[0] is not parent)
        extra += sum(size for size, chain in chains if chain[0] is parent)
        if extra < _site.BODY_WIDEN_MIN_CHARS:
            break
        best = parent
    return best


# --- reading the body ----------------------------------------------------------------------


def read_body(
    roots: tuple[Element, ...], base: str, skip: set[Element], header_end: Element | None, region: Element | None
) -> tuple[tuple[Block, ...], tuple[Link, ...]]:
    """The blocks and the in-body promos of the body containers *roots*."""
    walker = Walker(base, skip, header_end, region)
    for root in roots:
        walker.walk(root)
        walker.flush()
    return tuple(walker.blocks), tuple(walker.see_also)


class Walker:
    """Turns the body containers into blocks, in page order.

    *skip* holds the elements left out (furniture, the tag list, the lead
    figure); in region mode (the body shares its container with the header),
    everything up to *header_end* is header, not body.
    """

    def __init__(self, base: str, skip: set[Element], header_end: Element | None, region: Element | None) -> None:
        self.base = base
        self.skip = skip
        self.blocks: list[Block] = []
        self.see_also: list[Link] = []
        self.pending: list[str] = []
        self.pending_links: list[Link] = []
        self.header_end = header_end
        self.header_chain = set(header_end.iterancestors()) if header_end is not None else set()
        self.order: dict[Element, int] | None = None
        self.region = region

    # inline runs (text directly inside a container, <a>, <strong>...)
    def flush(self) -> None:
        if self.pending:
            self._paragraph("".join(self.pending), tuple(self.pending_links))
        self.pending, self.pending_links = [], []

    def _paragraph(self, text_raw: str, links: tuple[Link, ...]) -> None:
        text = normalize_lines(text_raw)
        if not text:
            return
        if links and _PROMO_RE.match(text):
            self.see_also.extend(links)
            return
        self.blocks.append(Paragraph(text=text, links=links))

    def _before_header_end(self, el: Element) -> bool:
        if self.header_end is None:
            return False
        if self.order is None and self.region is not None:
            self.order = {node: i for i, node in enumerate(self.region.iter())}
        order = self.order or {}
        return order.get(el, 1 << 30) < order.get(self.header_end, -1)

    def walk(self, container: Element, depth: int = 0) -> None:
        if container.text:
            self.pending.append(container.text)
        for child in container:
            if isinstance(child.tag, str):
                self._child(child, child.tag, depth)
            if child.tail:
                self.pending.append(child.tail)

    def _child(self, child: Element, tag: str, depth: int) -> None:
        if child in self.skip or is_hidden(child) or not _site.NOT_BODY_CLASSES.isdisjoint(classes(child).split()):
            self.flush()
        elif self.header_end is not None and (child in self.header_chain or self._before_header_end(child)):
            self.flush()
            if child in self.header_chain:
                self.walk(child, depth + 1)
                self.flush()
        elif tag == "br":
            self.pending.append(BR)
        elif tag in SKIP_TAGS:
            if tag == "script" and child.get("data-telegram-post"):
                self.flush()
                post = (child.get("data-telegram-post") or "").strip("/")
                self.blocks.append(Embed(provider="telegram", url=f"https://t.me/{post}"))
        elif tag in BLOCK_TAGS or (tag in CONTAINER_TAGS and has_blocks(child)):
            self.flush()
            self._block(child, tag, depth)
        elif is_ad(child) and tag in CONTAINER_TAGS:
            pass
        else:
            gather_self(child, self.pending, self.pending_links, self.base)

    def _block(self, el: Element, tag: str, depth: int) -> None:
        if tag == "p" or (tag in CONTAINER_TAGS and not has_blocks(el)):
            self._text_block(el, tag)
        elif tag in _READERS:
            _READERS[tag](self, el, tag, depth)
        else:
            self._container(el, depth)

    def _text_block(self, el: Element, tag: str) -> None:
        """A paragraph, or a container of inline content only."""
        if tag != "p" and is_ad(el):
            return
        embed = embed_in(el, self.base)
        if embed is not None and not _meaningful_text(el):
            self.blocks.append(embed)
            return
        parts: list[str] = []
        links: list[Link] = []
        gather(el, parts, links, self.base, False)
        text_raw = "".join(parts)
        if not normalize_text(text_raw.replace(BR, " ")):
            for img in el.iter("img"):
                picture = image(img, self.base, figcaption(el) if tag != "p" else None)
                if picture is not None:
                    self.blocks.append(Figure(image=picture))
            return
        self._paragraph(text_raw, tuple(links))

    def _heading(self, el: Element, tag: str, depth: int) -> None:
        text = text_of(el)
        if text:
            links: list[Link] = []
            gather(el, [], links, self.base, False)
            if links and _PROMO_RE.match(text):
                self.see_also.extend(links)
            else:
                self.blocks.append(Heading(text=text, level=HEADING_TAGS[tag]))

    def _blockquote(self, el: Element, tag: str, depth: int) -> None:
        self.blocks.append(blockquote(el, self.base))

    def _figure(self, el: Element, tag: str, depth: int) -> None:
        embed = embed_in(el, self.base) if tag == "figure" else None
        img = first_img(el)
        if img is not None:
            picture = image(img, self.base, figcaption(el) if tag == "figure" else None)
            if picture is not None:
                self.blocks.append(Figure(image=picture))
                return
        if embed is not None:
            self.blocks.append(embed)

    def _media(self, el: Element, tag: str, depth: int) -> None:
        embed = media_embed(el, self.base)
        if embed is not None:
            self.blocks.append(embed)

    def _list(self, el: Element, tag: str, depth: int) -> None:
        if _is_share_list(el):
            return
        items = tuple(t for t in (normalize_lines(raw(li)) for li in el.iterchildren("li")) if t)
        if items:
            self.blocks.append(ListBlock(items=items, ordered=tag == "ol"))

    def _table(self, el: Element, tag: str, depth: int) -> None:
        for row in el.iter("tr"):
            cells = [text_of(cell) for cell in row if cell.tag in ("td", "th")]
            text = " | ".join(c for c in cells if c)
            if text:
                self.blocks.append(Paragraph(text=text))

    def _pre(self, el: Element, tag: str, depth: int) -> None:
        text = normalize_text(raw(el))
        if text:
            self.blocks.append(Paragraph(text=text))

    def _container(self, el: Element, depth: int) -> None:
        """A container with blocks inside: a figure box, a share list, or walked."""
        if is_ad(el) and not _meaningful_text(el):
            return
        img = first_img(el)
        if img is not None:
            box, caption = figure_box(img)
            if box is el and caption is not None:
                picture = image(img, self.base, text_of(caption))
                if picture is not None:
                    self.blocks.append(Figure(image=picture))
                    return
        if _is_share_list(el):
            return
        if depth > _site.BODY_MAX_DEPTH:
            text = text_of(el)
            if text:
                self.blocks.append(Paragraph(text=text))
            return
        self.walk(el, depth + 1)
        self.flush()


# The readers of block tags other than <p> and inline-only containers. Unbound
# methods in a module table: a walker holding its own bound methods would be a
# reference cycle, and each parse would wait for the cyclic collector.
_READERS: dict[str, Callable[[Walker, Element, str, int], None]] = {
    **dict.fromkeys(HEADING_TAGS, Walker._heading),
    "blockquote": Walker._blockquote,
    **dict.fromkeys(("figure", "img", "picture"), Walker._figure),
    **dict.fromkeys(("iframe", "video", "audio"), Walker._media),
    **dict.fromkeys(("ul", "ol"), Walker._list),
    "table": Walker._table,
    "pre": Walker._pre,
}


def has_blocks(el: Element) -> bool:
    """Whether *el* holds a block element (at any depth through containers)."""
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and (tag in BLOCK_TAGS or (tag in CONTAINER_TAGS and has_blocks(child))):
            return True
    return False


def _meaningful_text(el: Element) -> bool:
    text = text_of(el)
    return text is not None and len(text) > _site.MEANINGFUL_MIN_CHARS


def _is_share_list(el: Element) -> bool:
    hrefs = [a.get("href") or "" for a in el.iter("a")]
    return bool(hrefs) and all(_SHARE_RE.search(h) for h in hrefs)
