"""The listing of a page: every story card, in page order, with its block.

A homepage or a section index is a run of blocks (a heading, then cards).
:func:`read_listing` finds both in **one walk** of the page, bottom up:

- a *card* is the largest element around one story's links that holds no
  other story's link and no block heading (the roles of links are
  :class:`~mayadeen_parse._listing_cards.CardLinks`'s: a section label, an author, a
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

Each card is then read in one pass over its own elements
(:func:`~mayadeen_parse._listing_cards.listing_card`). The ticker's lists, the menus,
the header and the footer are never walked; a block whose heading names the
ticker (``أخبار عاجلة``, ``BREAKING``) gives no card. A story shown twice
(another tab, the mobile copy, another block) is listed once, at its first
card.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterator

from . import _site
from ._labels import heading_block
from ._listing_cards import CardLinks, listing_card
from ._locate import bodies
from ._markup import Element, text_of
from ._model import Teaser
from ._page import Page, Slot
from ._urls import story_key

__all__ = ["read_listing"]

_LISTING = _site.LISTING
#: The tags the walk is grown from: links and heading tags (see ``_Walk.grow``).
_TREE_TAGS = ("a", *sorted(_LISTING.heading_tags))
#: Any class token the walk reads (skip, card, block head), as a whole token of the raw attribute.
_TOKENS_RE = re.compile(
    r"(?<!\S)(?:"
    + "|".join(map(re.escape, sorted(_LISTING.skip_classes | _LISTING.card_classes | _LISTING.heading_containers)))
    + r")(?!\S)"
)
_NONE: frozenset[str] = frozenset()
#: Levels under ``<body>`` where the walk's tree leaves the skipped subtrees
#: out whole (the real homepage's menus sit 3–4 levels down, a padded page's at 2).
_SKIP_LEVELS = 5
#: The class tokens that matter inside a card: a skipped subtree, a block head.
_INNER_RE = re.compile(
    r"(?<!\S)(?:" + "|".join(map(re.escape, sorted(_LISTING.skip_classes | _LISTING.heading_containers))) + r")(?!\S)"
)
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

    __slots__ = ("first", "items", "key", "marked", "state", "weak")

    def __init__(
        self,
        state: int,
        key: str | None,
        items: list[_Item],
        marked: bool = False,
        weak: str | None = None,
        first: int = -1,
    ) -> None:
        self.state = state
        self.key = key  # the one story of an open subtree (None: no story link)
        self.items = items  # closed subtrees: cards, markers and open headings, page order (never changed)
        self.marked = marked  # an open subtree holding a link to another page
        self.weak = weak  # an open subtree's short text-only story link (maybe a label)
        self.first = first  # the index of the first open heading in items (-1: none)


_NO_ITEMS: list[_Item] = []  # an open subtree's (shared: items are never changed)
_EMPTY = _Sub(_OPEN, None, _NO_ITEMS)
_MIXED = "\x00mixed"  # weak links of several stories and no full one: each is a card
_MARKED = _Sub(_OPEN, None, _NO_ITEMS, marked=True)
LISTING: Slot[tuple[Teaser, ...]] = Slot("listing", "the page's story cards, page order, once each")


class _Walk:
    """The one walk over the page (see the module docstring)."""

    def __init__(self, page: Page) -> None:
        self.links = CardLinks(page.base_url)
        self.tree: set[Element] = set()

    def grow(self, body: Element, levels: int = _SKIP_LEVELS) -> None:
        """Add *body*'s links and heading tags, with their ancestors, to the
        elements the walk visits (C-level ``iter`` with tag filters).

        Any other element's subtree holds no link and no heading tag, so it
        is empty to the walk unless it holds a titled text-only element
        (:meth:`_gap`). The skipped subtrees (menus, header, footer) within
        *levels* levels are left out at once, not climbed out of link by link.
        """
        tree = self.tree
        tree.add(body)
        for child in body:
            tag = child.tag
            if not isinstance(tag, str) or tag in _LISTING.skip_tags:
                continue
            if levels and next(child.iter(*_LISTING.skip_tags), None) is not None:
                self.grow(child, levels - 1)
                continue
            for found in child.iter(*_TREE_TAGS):
                node: Element | None = found
                while node is not None and node not in tree:
                    tree.add(node)
                    node = node.getparent()

    def _gap(self, el: Element) -> bool:
        """Whether a subtree outside the tree may hold a block heading: a
        text-only element showing a known heading (then it joins the tree)."""
        if el.tag in _LISTING.skip_tags:
            return False  # the walk does not go in
        for node in el.iter():
            # Cheapest first: a leaf showing text, its class (or its parent's), then its text.
            if len(node) or not node.text or not isinstance(node.tag, str):
                continue
            if _titled_leaf(node, node.get("class")) and heading_block(text_of(node)) is not None:
                self.tree.update(el.iter())
                return True
        return False

    def visit(self, el: Element, in_link: bool, in_card: bool, in_head: bool) -> _Sub:
        tag = el.tag
        if not isinstance(tag, str) or tag in _LISTING.skip_tags:
            return _EMPTY
        tokens = el.get("class")
        # The raw attribute is tested first: most classes name none of the tokens.
        classes = frozenset(tokens.split()) if tokens and _TOKENS_RE.search(tokens) else _NONE
        if classes and not classes.isdisjoint(_LISTING.skip_classes):
            return _EMPTY
        key: str | None = None
        own = _EMPTY
        if tag == "a" and not in_head:  # a block head's links go to its index, never a story
            key, own = self._link(el)
            in_link = in_link or key is not None or own.weak is not None
        elif (
            not in_link and not in_card and (tag in _LISTING.heading_tags or (not len(el) and _titled_leaf(el, tokens)))
        ):
            head = self._heading(el, tag, in_head)
            if head is not None:
                return _Sub(_CLOSED, None, [head], first=0)
        card_class = bool(classes) and not in_card and not classes.isdisjoint(_LISTING.card_classes)
        head_box = bool(classes) and not classes.isdisjoint(_LISTING.heading_containers)
        known = self._card(el, in_head or head_box) if card_class else None
        if known is not None:
            return known
        kids = self._kids(el, in_link, in_card or card_class, in_head or head_box)
        return self._merge(el, key, kids, card_class, own)

    def _kids(self, el: Element, in_link: bool, in_card: bool, in_head: bool) -> list[tuple[Element, _Sub]]:
        """The children of *el* that hold something, with their subtrees: the
        walk's tree, and outside links and cards any subtree that may hold a
        titled text-only heading (:meth:`_gap`)."""
        tree = self.tree
        gaps = not in_link and not in_card
        kids: list[tuple[Element, _Sub]] = []
        for child in el:
            if child in tree or (gaps and self._gap(child)):
                sub = self.visit(child, in_link, in_card, in_head)
                if sub is not _EMPTY:
                    kids.append((child, sub))
        return kids

    def _card(self, el: Element, in_head: bool) -> _Sub | None:
        """A card-class element read from its links alone (C-level ``iter``),
        when that gives what the walk would: no subtree of it is skipped or a
        block head holding links, and its links show one story at most (and
        one short link's); else ``None`` (the walk goes in)."""
        if in_head or el.tag == "a":
            return None  # links in a block head are no stories; a card link is read as a link
        anchors = list(el.iter("a"))
        if not self._clear(el, anchors):
            return None
        key = weak = None
        marked = False
        for a in anchors:
            found, own = self._link(a)
            if found is not None:
                if key is not None and found != key:
                    return None
                key = found
            elif own.weak is not None:
                if weak is not None and own.weak != weak:
                    return None
                weak = own.weak
            marked = marked or own.marked
        one = key or weak
        if one is not None:
            return _Sub(_CLOSED, None, [_Card(el, one)])
        return _MARKED if marked else _EMPTY

    @staticmethod
    def _clear(el: Element, anchors: list[Element]) -> bool:
        """Whether no element of *el* holding links (of *anchors*, its links)
        is skipped or a block head (a lone ``<script>`` is nothing): from each
        link up to *el*, each element looked at once."""
        clear: set[Element] = set()
        for a in anchors:
            node: Element | None = a
            while node is not el and node is not None and node not in clear:
                tokens = node.get("class")
                if node.tag in _LISTING.skip_tags or (tokens and _INNER_RE.search(tokens)):
                    return False
                clear.add(node)
                node = node.getparent()
        return True

    def _link(self, a: Element) -> tuple[str | None, _Sub]:
        """A link's story key (a full story link), or its own subtree record
        (a weak link's, a link to other content's)."""
        role, url = self.links.role(a)
        if url is None:
            return None, _EMPTY
        if role in ("story", "weak") and not _heading_link(a, self.links):
            if role == "story":
                return story_key(url), _EMPTY
            return None, _Sub(_OPEN, None, _NO_ITEMS, weak=story_key(url))
        return None, (_MARKED if self.links.is_content(a) else _EMPTY)

    def _heading(self, el: Element, tag: str, in_head: bool) -> _Head | None:
        text = self.links.text(el)
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

    def _merge(
        self, el: Element, key: str | None, kids: list[tuple[Element, _Sub]], card_class: bool, own: _Sub
    ) -> _Sub:
        """One element from its children's subtrees: still one story's (open:
        its card may grow), or closed (its children's cards, in order).

        Weak links (short text-only story links: maybe a card's section label)
        join the card of a full story link beside them; alone, they are cards.
        """
        closed, key, weak, marked = _combine(key, kids, own)
        if not closed:
            one = key or weak
            if card_class and one is not None:
                return _Sub(_CLOSED, None, [_Card(el, one)])
            if one is not None:
                return _Sub(_OPEN, key, _NO_ITEMS, weak=None if key is not None else weak)
            return _MARKED if marked else _EMPTY
        items: list[_Item] = []
        first = -1
        for child, sub in kids:
            if sub.state == _CLOSED:
                if first < 0 <= sub.first:
                    first = len(items) + sub.first
                items.extend(sub.items)
            elif sub.key is not None or sub.weak is not None:
                items.append(_Card(child, sub.key or sub.weak))
            elif sub.marked and not (items and items[-1] is _MARKER):
                items.append(_MARKER)
        items, first = _close(items, first)
        return _Sub(_CLOSED, None, items, first=first)


def _combine(key: str | None, kids: list[tuple[Element, _Sub]], own: _Sub) -> tuple[bool, str | None, str | None, bool]:
    """``(closed, story, weak story, marked)`` of an element from its children's."""
    closed, marked, weak = False, own.marked, own.weak
    for _, sub in kids:
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


def _heading_link(a: Element, links: CardLinks) -> bool:
    """Whether the link *a* holds a known block heading only (the heading's
    link to its index page, ``<a href="/programs-tv/..."><h2>وثائقي الميادين</h2></a>``)."""
    first = next(iter(a), None)
    if first is None or first.tag not in _LISTING.heading_tags or len(a) > 1:
        return False
    return heading_block(links.text(first)) is not None


def _titled_leaf(el: Element, tokens: str | None) -> bool:
    """Whether *el* is a text-only element whose class (or its parent's)
    names a head or a title: a heading in a ``<div>`` (``div.box-head``)."""
    if len(el) or not el.text:
        return False
    if tokens and _TITLE_WORDS_RE.search(tokens):
        return True
    parent = el.getparent()
    marks = parent.get("class") if parent is not None else None
    return marks is not None and _TITLE_WORDS_RE.search(marks) is not None


#: Any of the class fragments of a titled element, in its class or its parent's
#: (searched apart: no fragment holds a space, so none spans the two).
_TITLE_WORDS_RE = re.compile("|".join(map(re.escape, _LISTING.heading_class_words)))


def _close(items: list[_Item], first: int) -> tuple[list[_Item], int]:
    """Give each open heading the run of unclaimed cards right after it.

    Every card stays, in page order. A heading that no card has followed yet
    stays open (one level older, until :data:`~mayadeen_parse._site.LISTING_HEADING_CLIMB_LEVELS`);
    one whose run is cut by another block's cards names nothing and goes.
    *first* is the index of the first open heading (-1: none, nothing
    to do); so is the second value returned, in the items returned.
    """
    if first < 0:
        return items, -1
    kept = items[:first]
    head: _Head | None = None
    found = -1
    for item in itertools.islice(items, first, None):
        if isinstance(item, _Head):
            if head is not None and not head.claimed:
                found = _keep_head(kept, head, found)
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
        found = _keep_head(kept, head, found)
    return kept, found


def _keep_head(kept: list[_Item], head: _Head, found: int) -> int:
    """Keep the open heading *head* one level older, unless it is too old;
    the index of the first open heading kept."""
    head.age += 1
    if head.age > _site.LISTING_HEADING_CLIMB_LEVELS:
        return found
    if found < 0:
        found = len(kept)
    kept.append(head)
    return found


def _cards(items: list[_Item]) -> Iterator[_Card]:
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
    tops = bodies(page)
    found: list[Teaser] = []
    seen: set[str] = set()
    fetched_at: datetime.datetime | None = page.fetched_at
    for body in tops or [page.root]:
        walk.grow(body)
    for body in tops or [page.root]:
        top = walk.visit(body, False, False, False)
        one = top.key or top.weak
        items: list[_Item] = list(top.items) if top.state == _CLOSED else []
        if top.state == _OPEN and one is not None:
            items.append(_Card(body, one))
        for card in _cards(items):
            teaser = listing_card(card.root, walk.links, fetched_at, card.block, card.key)
            if teaser is None:
                continue
            key = story_key(teaser.url)
            if key not in seen:
                seen.add(key)
                found.append(teaser)
    return page._memo.put(LISTING, tuple(found))
