"""The listing of a page: every story card, in page order, with its block.

A homepage or a section index is a run of blocks (a heading, then cards).
:func:`read_listing` finds both in **one walk** of the page, bottom up:

- a *card* is the largest element around one story's links that holds no
  other story's link and no block heading (the roles of links are
  :class:`_Links`'s: a section label, an author, a
  "more" link or a heading's own link is no story; a short text-only story
  link beside a full one is that card's label); an element carrying one of
  :data:`~mayadeen_parse._site.LISTING`'s card classes is a card by itself,
  so a known card never climbs into its neighbours;
- a *block heading* is a heading tag inside a block head container
  (``div.section_head``), a short element whose text is a known block heading
  in any edition (``_editions.HEADINGS``: ``الأكثر قراءة``, ``Most Read``,
  ``Lo más leído``...), or an ``h2``/``h3`` outside links and cards that cards
  follow (the structure alone: what survives a rename of every class);
- the run of cards that follows a heading, within the lowest element
  holding both, is the heading's block; cards before any heading have no
  block (the homepage's headless lead stories). A heading followed first by
  other content (links that are no cards: a ticker's items) or by another
  block's cards, or that finds no card within
  :data:`~mayadeen_parse._site.LISTING_HEADING_CLIMB_LEVELS` levels, names
  no card.

Every element is visited once and every card read once: linear in the page.

The card reader here is the listing's own (``_cards`` reads the furniture's
teasers from links it is given; a listing card is found first, then read):
both share the element readers of ``_markup`` and the labels of ``_labels``.

Each card is then read in one pass over its own elements
(:func:`_read_card`). The ticker's lists, the menus,
the header and the footer are never walked; a block whose heading names the
ticker (``أخبار عاجلة``, ``BREAKING``) gives no card. A story shown twice
(another tab, the mobile copy, another block) is listed once, at its first
card.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

import attrs

from . import _site
from ._editions import EDITION_HOSTS, FURNITURE_WORDS
from ._labels import fold, heading_block, parse_time_label, resolve_label
from ._markup import HEADING_TAGS, SKIP_TAGS, Element, image, text_of, time_value
from ._model import Author, Teaser
from ._page import Page, Slot
from ._text import absolutize, normalize_text

__all__ = ["read_listing"]

_LISTING = _site.LISTING
_OPEN = 0  # an element holding links of one story only: its card may grow
_CLOSED = 1  # an element holding cards or a heading: nothing above it is one card


class _Head:
    """A block heading not yet given its cards."""

    __slots__ = ("age", "claimed", "excluded", "text")

    def __init__(self, text: str, excluded: bool) -> None:
        self.text = text
        self.excluded = excluded
        self.age = 0
        self.claimed = False


class _Card:
    """A card's root element, not yet read."""

    __slots__ = ("block", "claimed", "excluded", "key", "root")

    def __init__(self, root: Element, key: str | None) -> None:
        self.root = root
        self.key = key  # the card's story (its URL without fragment)
        self.block: str | None = None
        self.excluded = False
        self.claimed = False


class _Marker:
    """Content that is no card (links to other pages: a ticker's items, a
    widget): a heading followed by it names that content, not later cards."""

    __slots__ = ()


_MARKER = _Marker()
_Item = _Head | _Card | _Marker


class _Sub:
    """What the walk knows of one element's subtree."""

    __slots__ = ("items", "key", "marked", "state", "weak")

    def __init__(
        self, state: int, key: str | None, items: list[_Item], marked: bool = False, weak: str | None = None
    ) -> None:
        self.state = state
        self.key = key  # the one story of an open subtree (None: no story link)
        self.items = items  # closed subtrees: cards, markers and open headings, page order
        self.marked = marked  # an open subtree holding a link to another page
        self.weak = weak  # an open subtree's short text-only story link (maybe a label)


_EMPTY = _Sub(_OPEN, None, [])
_MIXED = "\x00mixed"  # weak links of several stories and no full one: each is a card
_MARKED = _Sub(_OPEN, None, [], marked=True)
LISTING: Slot[tuple[Teaser, ...]] = Slot("listing", "the page's story cards, page order, once each")


class _Walk:
    """The one walk over the page (see the module docstring)."""

    def __init__(self, page: Page) -> None:
        self.links = _Links(page.base_url)

    def visit(self, el: Element, in_link: bool, in_card: bool, in_head: bool) -> _Sub:
        tag = el.tag
        if not isinstance(tag, str) or tag in _LISTING.skip_tags:
            return _EMPTY
        tokens = el.get("class")
        classes = frozenset(tokens.split()) if tokens else frozenset()
        if classes and not classes.isdisjoint(_LISTING.skip_classes):
            return _EMPTY
        key: str | None = None
        own = _EMPTY
        if tag == "a" and not in_head:  # a block head's links go to its index, never a story
            key, own = self._link(el)
            in_link = in_link or key is not None or own.weak is not None
        elif not in_link and not in_card and (tag in _LISTING.heading_tags or _titled_leaf(el, tokens)):
            head = self._heading(el, tag, in_head)
            if head is not None:
                return _Sub(_CLOSED, None, [head])
        card_class = bool(classes) and not in_card and not classes.isdisjoint(_LISTING.card_classes)
        head_box = bool(classes) and not classes.isdisjoint(_LISTING.heading_containers)
        subs = [self.visit(child, in_link, in_card or card_class, in_head or head_box) for child in el]
        return self._merge(el, key, subs, card_class, own)

    def _link(self, a: Element) -> tuple[str | None, _Sub]:
        """A link's story key (a full story link), or its own subtree record
        (a weak link's, a link to other content's)."""
        role, url = self.links.role(a)
        if url is None:
            return None, _EMPTY
        if role in ("story", "weak") and not _heading_link(a):
            if role == "story":
                return _story_key(url), _EMPTY
            return None, _Sub(_OPEN, None, [], weak=_story_key(url))
        return None, (_MARKED if self.links.is_content(a) else _EMPTY)

    def _heading(self, el: Element, tag: str, in_head: bool) -> _Head | None:
        text = text_of(el)
        if text is None or len(text) >= _site.HEADING_MAX_CHARS:
            return None
        if any(self.links.role(a)[0] in ("story", "weak") for a in el.iter("a")):
            return None  # a card's linked headline (<h3><a href="/news/...">)
        block = heading_block(text)
        if block is None and (
            tag not in _LISTING.heading_tags or not (in_head or tag in _LISTING.structural_heading_tags)
        ):
            return None
        return _Head(text, block in _LISTING.excluded_blocks)

    def _merge(self, el: Element, key: str | None, subs: list[_Sub], card_class: bool, own: _Sub) -> _Sub:
        """One element from its children's subtrees: still one story's (open:
        its card may grow), or closed (its children's cards, in order).

        Weak links (short text-only story links: maybe a card's section label)
        join the card of a full story link beside them; alone, they are cards.
        """
        closed, key, weak, marked = _combine(key, subs, own)
        if not closed:
            one = key or weak
            if card_class and one is not None:
                return _Sub(_CLOSED, None, [_Card(el, one)])
            if one is not None:
                return _Sub(_OPEN, key, [], weak=None if key is not None else weak)
            return _MARKED if marked else _EMPTY
        items: list[_Item] = []
        for child, sub in zip(el, subs, strict=True):
            if sub.state == _CLOSED:
                items.extend(sub.items)
            elif sub.key is not None or sub.weak is not None:
                items.append(_Card(child, sub.key or sub.weak))
            elif sub.marked and not (items and items[-1] is _MARKER):
                items.append(_MARKER)
        return _Sub(_CLOSED, None, _close(items))


def _combine(key: str | None, subs: list[_Sub], own: _Sub) -> tuple[bool, str | None, str | None, bool]:
    """``(closed, story, weak story, marked)`` of an element from its children's."""
    closed, marked, weak = False, own.marked, own.weak
    for sub in subs:
        if sub.state == _CLOSED:
            closed = True
        elif sub.key is not None:
            if key is None:
                key = sub.key
            elif sub.key != key:
                closed = True
        elif sub.weak is not None:
            if weak is None:
                weak = sub.weak
            elif sub.weak != weak:
                weak = _MIXED
        marked = marked or sub.marked
    if key is None and weak is _MIXED:
        closed = True  # several short links and no full one: each is a card
    return closed, key, (None if weak is _MIXED else weak), marked


def _heading_link(a: Element) -> bool:
    """Whether the link *a* holds a known block heading only (the heading's
    link to its index page, ``<a href="/programs-tv/..."><h2>وثائقي الميادين</h2></a>``)."""
    first = next(iter(a), None)
    if first is None or first.tag not in _LISTING.heading_tags or len(a) > 1:
        return False
    return heading_block(text_of(first)) is not None


def _titled_leaf(el: Element, tokens: str | None) -> bool:
    """Whether *el* is a text-only element whose class (or its parent's)
    names a head or a title: a heading in a ``<div>`` (``div.box-head``)."""
    if len(el) or not el.text:
        return False
    parent = el.getparent()
    marks = (tokens or "") + " " + ((parent.get("class") or "") if parent is not None else "")
    return any(word in marks for word in _LISTING.heading_class_words)


def _close(items: list[_Item]) -> list[_Item]:
    """Give each open heading the run of unclaimed cards right after it.

    Every card stays, in page order. A heading that no card has followed yet
    stays open (one level older); one whose run is cut by another block's
    cards names nothing and goes.
    """
    kept: list[_Item] = []
    head: _Head | None = None
    for item in items:
        if isinstance(item, _Head):
            if head is not None and not head.claimed:
                kept.append(head)
            head = item
            continue
        kept.append(item)
        if head is None:
            continue
        if isinstance(item, _Marker):
            if not head.claimed:
                head = None  # the heading names content that is no card
            continue
        if item.claimed:
            if not head.claimed:
                head = None  # another block's cards come first: this heading names nothing
            continue
        item.block, item.excluded, item.claimed = head.text, head.excluded, True
        head.claimed = True
    if head is not None and not head.claimed:
        kept.append(head)
    for item in kept:
        if isinstance(item, _Head):
            item.age += 1
    return [item for item in kept if not isinstance(item, _Head) or item.age <= _site.LISTING_HEADING_CLIMB_LEVELS]


def _unexcluded(items: list[_Item]) -> Iterator[_Card]:
    for item in items:
        if isinstance(item, _Card) and not item.excluded:
            yield item


def read_listing(page: Page) -> tuple[Teaser, ...]:
    """Every story card of *page* in page order, once per story (the first
    card wins), each with its block's heading (cached on the page)."""
    cached = page._memo.get(LISTING)
    if cached is not None:
        return cached
    walk = _Walk(page)
    bodies = [body for body in page.elements("body") if not any(a.tag == "body" for a in body.iterancestors())]
    found: list[Teaser] = []
    seen: set[str] = set()
    fetched_at: datetime.datetime | None = page.fetched_at
    for body in bodies or [page.root]:
        top = walk.visit(body, False, False, False)
        one = top.key or top.weak
        items: list[_Item] = list(top.items) if top.state == _CLOSED else []
        if top.state == _OPEN and one is not None:
            items.append(_Card(body, one))
        for card in _unexcluded(items):
            teaser = _read_card(card.root, walk.links, fetched_at, card.block, card.key)
            if teaser is None:
                continue
            key = _story_key(teaser.url)
            if key not in seen:
                seen.add(key)
                found.append(teaser)
    return page._memo.put(LISTING, tuple(found))


# --- the cards: their links by role, and the one pass that reads a card ---------------

_SECTION_CLASS_RE = re.compile("|".join(_site.SECTION_CLASS_WORDS), re.I)
_AUTHOR_ROOTS = frozenset({"authors", "author"})
_NOT_STORY_ROOTS = _site.INDEX_ROOTS | _LISTING.not_story_roots
_INLINE = frozenset({"strong", "b", "em", "i", "span", "small", "u", "mark"})
_FURNITURE_TEXTS = frozenset(fold(word) for words in FURNITURE_WORDS.values() for word in words)


def _story_key(url: str) -> str:
    """The key of a story URL: one story linked twice, once with a fragment
    or a trailing slash, is one story."""
    return url.split("#", 1)[0].rstrip("/")


class _Links:
    """Sorts a listing page's links by their role in a card (one per page).

    ``story`` a card's story; ``weak`` a story-shaped link showing only a
    short text (a card's story, or its section label when the card has a
    ``story`` link besides); ``label`` a section label; ``author`` an author's
    page (or an author box's link); ``other`` anything else (a badge, a flag,
    a section index, another site).
    """

    __slots__ = ("_roles", "base", "hosts")

    def __init__(self, base: str) -> None:
        self.base = base
        host = base.split("//", 1)[-1].partition("/")[0].lower()
        self.hosts = frozenset(EDITION_HOSTS) | {host}
        self._roles: dict[Element, tuple[str, str | None]] = {}

    def role(self, a: Element) -> tuple[str, str | None]:
        """``(role, absolute URL or None)`` of the link *a* (each link read once)."""
        found = self._roles.get(a)
        if found is None:
            found = self._roles[a] = self._role(a)
        return found

    def _role(self, a: Element) -> tuple[str, str | None]:
        href = a.get("href")
        tokens = set((a.get("class") or "").split())
        parent = a.getparent()
        if parent is not None:
            tokens.update((parent.get("class") or "").split())
        url = absolutize(href, self.base) if href and not href.lstrip().startswith("#") else None
        if not tokens.isdisjoint(_LISTING.author_classes):
            return "author", url
        if url is None:
            return "other", None
        host, _, path = url.split("//", 1)[-1].partition("/")
        parts = [part for part in path.split("?", 1)[0].split("#", 1)[0].split("/") if part]
        root = parts[0].lower() if parts else ""
        if root in _AUTHOR_ROOTS:
            return "author", url
        if not tokens.isdisjoint(_LISTING.label_classes):
            return "label", url
        if host.lower() not in self.hosts or root in _NOT_STORY_ROOTS:
            return "other", url
        if len(parts) < max(2, _LISTING.min_parts.get(root, 2)) or not self.is_content(a):
            return "other", url  # an index page, or a "more" link to one
        if _in_prose(a):
            return "other", url  # a link in running text ("Read next: <a>...</a>")
        return ("weak" if _weak(a) else "story"), url

    def is_content(self, a: Element) -> bool:
        """Whether a link that is no story is content of its own (a ticker
        item, a widget), not a "more" link of the block it ends."""
        return fold(text_of(a) or "") not in _FURNITURE_TEXTS


def _in_prose(a: Element) -> bool:
    """Whether the link *a* is inline in a paragraph holding other text."""
    block = a.getparent()
    for _ in range(_LISTING.inline_levels):
        if block is None or block.tag not in _INLINE:
            break
        block = block.getparent()
    return block is not None and block.tag in _LISTING.prose_tags and text_of(block) != text_of(a)


def _weak(a: Element) -> bool:
    """A link showing a short text only (no picture, no heading)."""
    if any(child.tag in HEADING_TAGS or child.tag == "img" for child in a.iter() if child is not a):
        return False
    text = text_of(a)
    return text is not None and len(text) <= _site.CARD_LABEL_MAX_CHARS and len(text.split()) <= _site.SECTION_MAX_WORDS


@attrs.define
class _ListingParts:
    """What one pass over a listing card finds."""

    stories: list[tuple[Element, str]] = attrs.Factory(list)
    headings: list[tuple[Element, Element | None]] = attrs.Factory(list)
    texts: list[tuple[str, Element]] = attrs.Factory(list)
    img: Element | None = None
    section: str | None = None
    other_section: str | None = None
    authors: list[Author] = attrs.Factory(list)
    label: str | None = None
    time_date: datetime.date | None = None
    key: str | None = None


def _short_label(text: str | None) -> str | None:
    if text is None or len(text) > _site.CARD_LABEL_MAX_CHARS or len(text.split()) > _site.SECTION_MAX_WORDS:
        return None
    return None if fold(text) in _FURNITURE_TEXTS else text


def _scan_listing(node: Element, found: _ListingParts, links: _Links, link: Element | None, icon: bool) -> None:
    """One pass over a card: its links by role, headings, images, labels."""
    for child in node:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIP_TAGS:
            continue
        if tag == "a":
            _scan_link(child, found, links, icon)
            continue
        tokens = child.get("class")
        inner_icon = icon or (tokens is not None and not _LISTING.image_skip_classes.isdisjoint(tokens.split()))
        if tag == "img":
            if found.img is None and not inner_icon:
                found.img = child
        elif tag in HEADING_TAGS:
            _listing_heading(child, found, links, link, inner_icon)
            continue
        elif tag == "time":
            if found.time_date is None:
                found.time_date = time_value(child)
        elif len(child) == 0:
            shown = normalize_text(child.text)
            _listing_leaf(found, shown, link)
            if link is None and found.other_section is None and tokens and _SECTION_CLASS_RE.search(tokens):
                found.other_section = _short_label(shown)  # <span class="category">Economy</span>
        _scan_listing(child, found, links, link, inner_icon)


def _listing_heading(head: Element, found: _ListingParts, links: _Links, link: Element | None, icon: bool) -> None:
    """A heading of the card, with the story link around it or inside it."""
    at, before = len(found.headings), len(found.stories)
    found.headings.append((head, link))
    _scan_listing(head, found, links, link, icon)
    if link is None and len(found.stories) > before:
        found.headings[at] = (head, found.stories[before][0])  # <h3><a href="/news/...">


def _scan_link(a: Element, found: _ListingParts, links: _Links, icon: bool) -> None:
    role, url = links.role(a)
    if role == "weak":
        # Beside the card's own story, a short link to another page is its label.
        role = "label" if url is not None and found.key is not None and _story_key(url) != found.key else "story"
    if role == "author":
        name = text_of(a)
        if name:
            found.authors.append(Author(name=name, url=url))
        return
    if role == "label":
        if found.section is None:
            found.section = text_of(a)
        return
    if role == "story" and url is not None:
        found.stories.append((a, url))
        if len(a) == 0:
            _listing_leaf(found, normalize_text(a.text), a)
            return
        if a.text and not a.text.isspace():
            found.texts.append((text_of(a) or "", a))
        _scan_listing(a, found, links, a, icon)
        return
    if found.other_section is None and len(a) == 0:
        found.other_section = _short_label(normalize_text(a.text))
    _scan_listing(a, found, links, a, True)  # a badge or a flag: its heading is no title, its image no picture


def _listing_leaf(found: _ListingParts, shown: str | None, link: Element | None) -> None:
    if not shown:
        return
    if found.label is None and len(shown) <= _site.CARD_LABEL_MAX_CHARS and parse_time_label(shown) is not None:
        found.label = shown
    elif link is not None and link.tag == "a" and any(link is a for a, _ in found.stories):
        found.texts.append((shown, link))


def _listing_title(found: _ListingParts) -> tuple[str | None, Element | None]:
    """The card's headline and the link holding it: a heading in a story link,
    else a heading in no link, else the longest text of its story links."""
    stories = {a for a, _ in found.stories}
    for wanted in (True, False):
        for head, link in found.headings:
            if (link in stories) if wanted else (link is None):
                title = text_of(head)
                if title:
                    return title, link
    best: tuple[str | None, Element | None] = (None, None)
    for text, link in found.texts:
        if text != found.label and len(text) > len(best[0] or ""):
            best = (text, link)
    return best


def _read_card(
    card: Element,
    links: _Links,
    fetched_at: datetime.datetime | None,
    block: str | None = None,
    key: str | None = None,
) -> Teaser | None:
    """One listing card of *block* as a :class:`Teaser`, read in one pass;
    ``None`` for a card showing no headline (an untitled thumbnail).

    Title: see :func:`_listing_title`; URL: the link holding the title, else
    the card's first story link. Section: the label link (``a.category-meta``),
    else a short link text to an index page. Time: a ``<time>``, else the
    label as shown (``time_label``), resolved against *fetched_at*.
    """
    found = _ListingParts(key=key)
    if card.tag == "a":
        _scan_link(card, found, links, False)
    else:
        _scan_listing(card, found, links, None, False)
    if not found.stories:
        return None
    title, link = _listing_title(found)
    if title is None or len(title) < _LISTING.min_title_chars or fold(title) in _FURNITURE_TEXTS:
        return None
    url = next((u for a, u in found.stories if a is link), found.stories[0][1])
    picture = image(found.img, links.base, None, title) if found.img is not None else None
    section = found.section if found.section is not None else found.other_section
    published: datetime.date | None = found.time_date
    if published is None and found.label is not None:
        published = resolve_label(parse_time_label(found.label), fetched_at)
    return Teaser(
        title=title,
        url=url,
        section=section if section != title else None,
        published=published,
        image=picture,
        block=block,
        authors=tuple(found.authors),
        time_label=found.label,
    )
