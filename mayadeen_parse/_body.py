"""Find the article body and read it into blocks, in page order.

The body is its class hint's container (``div.p-content``...), else the element
holding most of the article's paragraphs (:func:`body_by_structure`). The
:class:`Walker` turns its content into paragraphs, headings, lists, figures,
quotes and embeds, leaving out promos (``Read next: ...``, collected as
``see_also``), share lists, ads, hidden elements and page furniture.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable

import attrs

from . import _site
from ._embeds import blockquote, embed_in, media_embed
from ._locate import BODY_HINT, heading_key
from ._markup import (
    BLOCK_TAGS,
    CONTAINER_TAGS,
    HEADING_TAGS,
    INLINE_SKIP,
    SKIP_TAGS,
    Element,
    caption_el,
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
from ._model import Block, Embed, Figure, Heading, Link, ListBlock, Paragraph, Quote
from ._page import Page
from ._text import BR, absolutize, looks_like_story_path, normalize_lines, normalize_text

__all__ = ["BodyFound", "Walker", "body_by_class", "body_by_structure", "read_body"]

_PROMO_RE = re.compile("^(?:" + "|".join(re.escape(p) for p in _site.PROMO_PREFIXES) + r")\s*[:\-\u2013\u2014]", re.I)
_SHARE_RE = re.compile("|".join(_site.SHARE_LINKS), re.I)
# A piece of text every match of _SHARE_RE holds, lower case (each form of
# _site.SHARE_LINKS names one): most links name none, and the search itself
# tries its thirteen forms at every character of the URL (~20 µs for 100).
_SHARE_MARKS = (".com/", ".me/", "whatsapp://", "mailto:", "addtoany", "sharethis")


def _is_share_url(url: str) -> bool:
    """Whether *url* is a share link (:data:`_site.SHARE_LINKS`).

    >>> _is_share_url("https://x.com/intent/tweet?url=a"), _is_share_url("/news/politics/a")
    (True, False)
    """
    if url.isascii():  # an ASCII text matches the case-blind pattern only as its lower case does
        lowered = url.lower()
        if not any(mark in lowered for mark in _SHARE_MARKS):
            return False
    return _SHARE_RE.search(url) is not None


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
) -> tuple[Element, ...]:
    """The element holding most article paragraphs, widened over sibling wrappers.

    *excluded* holds every block whose paragraphs are not the article's;
    *outside* the blocks that never sit inside the body (all but Related News).
    Where the parent cannot be the body (``<body>`` itself, or it holds page
    furniture), the body is the run of sibling wrappers of the same tag that
    hold article paragraphs (``<div><p>...</p></div>`` per paragraph), with
    what sits between them but ads and furniture.
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
        return ()
    best = max(scores, key=lambda el: scores[el])
    # Widen to a parent that holds more article paragraphs in other wrappers,
    # but never to one that holds page furniture.
    while True:
        parent = best.getparent()
        if parent is None:
            break
        if parent.tag in ("body", "html") or any(inside(f, {parent}) for f in outside):
            return _sibling_run(best, chains, excluded, outside, barred)
        extra = sum(size for size, chain in chains if parent in chain and best not in chain and chain[0] is not parent)
        extra += sum(size for size, chain in chains if chain[0] is parent)
        if extra < _site.BODY_WIDEN_MIN_CHARS:
            break
        best = parent
    return (best,)


def _sibling_run(
    best: Element,
    chains: list[tuple[int, list[Element]]],
    excluded: frozenset[Element],
    outside: frozenset[Element],
    barred: dict[Element, bool],
) -> tuple[Element, ...]:
    """*best* and its siblings of the same tag holding article paragraphs, from
    the first to the last, with the elements between them that are neither
    ads nor furniture."""
    parent = best.getparent()
    if parent is None:
        return (best,)
    holding = {chain[chain.index(parent) - 1] for _, chain in chains if parent in chain and chain[0] is not parent}
    run = [i for i, el in enumerate(parent) if el in holding and el.tag == best.tag]
    if not run:
        return (best,)
    return tuple(
        el
        for el in parent[run[0] : run[-1] + 1]
        if isinstance(el.tag, str)
        and el.tag not in SKIP_TAGS
        and not _barred(el, excluded, barred)
        and not any(f is el or inside(f, {el}) for f in outside)
    )


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
            text_raw = "".join(self.pending)
            if not text_raw.isspace():  # the line breaks between blocks: no paragraph
                self._paragraph(normalize_lines(text_raw), tuple(self.pending_links))
        self.pending, self.pending_links = [], []

    def _paragraph(self, text: str | None, links: tuple[Link, ...]) -> None:
        """Add a paragraph of normalised *text* (none when empty), or a promo's links."""
        if not text:
            return
        if links and _is_promo(text, links):  # (a promo is its links)
            self.see_also.extend(links)
            return
        if links and _is_share_run(text, links):
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

    def _left_out(self, child: Element) -> bool:
        """In *skip*, hidden, or of a class that is never body text."""
        if child in self.skip:
            return True
        if not child.keys():  # no attribute (most paragraphs): neither hidden nor of a class
            return False
        return is_hidden(child) or not _site.NOT_BODY_CLASSES.isdisjoint(classes(child).split())

    def _child(self, child: Element, tag: str, depth: int) -> None:
        if self._left_out(child):
            self.flush()
        elif self.header_end is not None and (child in self.header_chain or self._before_header_end(child)):
            self.flush()
            if child in self.header_chain:
                self.walk(child, depth + 1)
                self.flush()
        elif tag == "p":  # the common case first (a block, read as text: see _block)
            self.flush()
            self._text_block(child, tag)
        elif tag == "br":
            self.pending.append(BR)
        elif tag in SKIP_TAGS:
            if tag == "script" and child.get("data-telegram-post"):
                self.flush()
                post = (child.get("data-telegram-post") or "").strip("/")
                self.blocks.append(Embed(provider="telegram", url=f"https://t.me/{post}"))
        elif tag in CONTAINER_TAGS and (_is_share_list(child) or self._is_block_box(child)):
            self.flush()  # a share box, or a page block without its class (Related News): furniture
        elif tag in BLOCK_TAGS or tag == "picture" or (tag in CONTAINER_TAGS and has_blocks(child)):
            # <picture>: libxml2 nests the <img> inside the void <source>
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

    def _is_block_box(self, el: Element) -> bool:
        """A page block without its class inside the body: its first child
        reads as a block heading (``Related News``), and the rest is story
        links only."""
        if el.text and el.text.strip():
            return False
        first = next((c for c in el if isinstance(c.tag, str)), None)
        if first is None:
            return False
        if next(itertools.islice(first.iter(), _site.BOX_HEADING_MAX_ELEMENTS, None), None) is not None:
            return False  # a heading is a few elements at most (and a large first child is not read per level)
        if heading_key(text_of(first)) is None:
            return False
        titles = 0
        for a in el.iter("a"):
            url = absolutize(a.get("href"), self.base)
            if not url or not looks_like_story_path(url):
                return False
            titles += _letters(text_of(a))
        return titles > 0 and _letters(text_of(el)) - _letters(text_of(first)) <= titles

    def _text_block(self, el: Element, tag: str) -> None:
        """A paragraph, or a container of inline content only."""
        if tag != "p" and is_ad(el):
            return
        if len(el) == 0:  # its text only (most paragraphs): no link, embed or image inside
            self._paragraph(normalize_lines(el.text), ())
            return
        # One look at the descendants says which of the readers below can
        # find anything (most paragraphs hold a few inline elements at most).
        links_in = media_in = False
        for node in el.iterdescendants():
            name = node.tag
            if name == "a":
                links_in = True
            elif name in _EMBED_TAGS:
                media_in = True
        if links_in and _is_share_list(el):
            return  # (without links, a share list needs links: it is not one)
        embed = embed_in(el, self.base) if media_in else None
        if embed is not None and not _meaningful_text(el):
            self.blocks.append(embed)
            return
        parts: list[str] = []
        links: list[Link] = []
        gather(el, parts, links, self.base, False)
        # Empty once normalised by lines exactly when empty as one line.
        text = normalize_lines("".join(parts))
        if not text:
            for img in el.iter("img"):
                picture = image(img, self.base, figcaption(el) if tag != "p" else None)
                if picture is not None:
                    self.blocks.append(Figure(image=picture))
            return
        self._paragraph(text, tuple(links))

    def _heading(self, el: Element, tag: str, depth: int) -> None:
        parts: list[str] = []
        links: list[Link] = []
        gather(el, parts, links, self.base, False)  # the parts of text_of(el), and the links
        text = normalize_text("".join(parts).replace(BR, " "))
        if text:
            if _is_promo(text, tuple(links)):
                self.see_also.extend(links)
            else:
                self.blocks.append(Heading(text=text, level=HEADING_TAGS[tag]))

    def _blockquote(self, el: Element, tag: str, depth: int) -> None:
        self.blocks.append(blockquote(el, self.base))

    def _figure(self, el: Element, tag: str, depth: int) -> None:
        if tag == "figure" and not _image_only(el):
            self._figure_content(el, depth)
            return
        embed = embed_in(el, self.base) if tag == "figure" else None
        img = first_img(el)
        if img is not None:
            picture = image(img, self.base, figcaption(el) if tag == "figure" else None)
            if picture is not None:
                self.blocks.append(Figure(image=picture))
                return
        if embed is not None:
            self.blocks.append(embed)

    def _figure_content(self, el: Element, depth: int) -> None:
        """A ``<figure>`` holding more than an image and its caption (a
        paragraph, a quote, a table, a player): its content read as body, in
        order, and its caption given to the one block it captions (a
        player's text, a quote's attribution), else kept as a paragraph."""
        cap = caption_el(el)
        caption = text_of(cap) if cap is not None else None
        start = len(self.blocks)
        if cap is not None:
            self.skip.add(cap)
        try:
            self.walk(el, depth + 1)
            self.flush()
        finally:
            if cap is not None:
                self.skip.discard(cap)
        if caption is None:
            return
        new = self.blocks[start:]
        if len(new) == 1 and isinstance(new[0], Embed) and not new[0].text:
            self.blocks[start] = attrs.evolve(new[0], text=caption)
        elif len(new) == 1 and isinstance(new[0], Quote) and not new[0].attribution:
            self.blocks[start] = attrs.evolve(new[0], attribution=caption)
        else:
            self.blocks.append(Paragraph(text=caption))

    def _media(self, el: Element, tag: str, depth: int) -> None:
        embed = media_embed(el, self.base)
        if embed is not None:
            self.blocks.append(embed)

    def _list(self, el: Element, tag: str, depth: int) -> None:
        """A list: its items without their share links; loose text between
        the items (``<ul>Text<li>...``) a paragraph in its place."""
        if _is_share_list(el):
            return
        items: list[str] = []
        for child, is_item in _list_parts(el):
            text = normalize_lines(child)
            if text and is_item:
                items.append(text)
            elif text:
                if items:
                    self.blocks.append(ListBlock(items=tuple(items), ordered=tag == "ol"))
                    items = []
                self.blocks.append(Paragraph(text=text))
        if items:
            self.blocks.append(ListBlock(items=tuple(items), ordered=tag == "ol"))

    def _table(self, el: Element, tag: str, depth: int) -> None:
        for cap in el.iterchildren("caption"):
            text = text_of(cap)
            if text:
                self.blocks.append(Paragraph(text=text))
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
        if is_ad(el):  # ad markup and no prose (an "Advertisement" label at most)
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


#: What :func:`embed_in` looks for (a block holding none has no embed).
_EMBED_TAGS = frozenset({"iframe", "video", "blockquote", "audio"})

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


def _letters(text: str | None) -> int:
    """How many letters and digits *text* holds (what is left of a line once
    its links are taken out says whether it is prose)."""
    return sum(map(str.isalnum, text)) if text else 0


def _is_promo(text: str, links: tuple[Link, ...]) -> bool:
    """A promo line: a promo prefix (``Read next:``) and nothing after it
    but its links. ``Read more: <a>the talks</a> collapsed on Tuesday`` is
    prose, kept whole."""
    match = _PROMO_RE.match(text) if links else None
    return match is not None and _letters(text[match.end() :]) <= sum(_letters(link.title) for link in links)


def _is_share_run(text: str, links: tuple[Link, ...]) -> bool:
    """A run of share links and nothing else (a share box without its list)."""
    return all(_is_share_url(link.url) for link in links) and _letters(text) <= sum(
        _letters(link.title) for link in links
    )


def _is_share_list(el: Element) -> bool:
    """A share list: links, every one a share URL, and no text but theirs."""
    titles = 0
    for a in el.iter("a"):
        if not _is_share_url(a.get("href") or ""):
            return False
        titles += _letters(text_of(a))
    return (titles > 0 and _letters(text_of(el)) <= titles) or (titles == 0 and _has_share_links(el))


def _has_share_links(el: Element) -> bool:
    """Icon-only share links (no text at all)."""
    return any(True for _ in el.iter("a")) and text_of(el) is None


def _image_only(el: Element) -> bool:
    """Whether a ``<figure>`` holds only images and their caption."""
    cap = caption_el(el)
    for node in el.iter("p", "table", "blockquote", "iframe", "video", "audio", "ul", "ol", "pre", *HEADING_TAGS):
        if cap is None or not (node is cap or inside(node, {cap})):
            return False
    text = text_of(el)
    return text is None or (cap is not None and text == text_of(cap))


def _list_parts(el: Element) -> list[tuple[str, bool]]:
    """A list's content in order: ``(item text, True)`` for each ``<li>``
    (its share links left out), ``(loose text, False)`` for text between."""
    parts: list[tuple[str, bool]] = []
    run: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "li":
            parts.append(("".join(run), False))
            run = []
            parts.append((_without_share_links(child), True))
        elif isinstance(child.tag, str) and child.tag not in INLINE_SKIP:
            run.append(raw(child))
        if child.tail:
            run.append(child.tail)
    parts.append(("".join(run), False))
    return parts


def _without_share_links(el: Element) -> str:
    """The rendered text of *el* without its share links' text."""
    if not any(_is_share_url(a.get("href") or "") for a in el.iter("a")):
        return raw(el)
    parts: list[str] = []
    _gather_without_share(el, parts)
    return "".join(parts)


def _gather_without_share(el: Element, parts: list[str]) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        if child.tag == "br":
            parts.append(BR)
        elif (
            isinstance(child.tag, str)
            and child.tag not in INLINE_SKIP
            and not (child.tag == "a" and _is_share_url(child.get("href") or ""))
        ):
            _gather_without_share(child, parts)
        if child.tail:
            parts.append(child.tail)
