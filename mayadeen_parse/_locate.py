"""Locate page blocks: by class hint, then by visible heading.

Every block is located by the most specific anchor that works, in this order,
and the anchor used is recorded for the report:

``class``
    a class hint of the block's :class:`~mayadeen_parse._site.BlockSpec`
    (``.most-read``, ``div.p-content``...), matched through one class index
    per page (:class:`Hint`);
``heading``
    the block's visible heading (``BREAKING``, ``Most Read``...), matched case-
    and whitespace-insensitively, found by one pruned walk per page
    (:func:`heading_nodes`), then judged by :func:`heading_element`; the walk
    runs only for the headings whose words the text of ``<body>`` (joined by
    libxml2, searched as bytes) shows, so on most pages it does not run;
``structure``
    the shape of the content alone (see ``_furniture`` and ``_article``).

The two whole-page scans here are the only ones in Python (the text search
runs in C); ``tests/test_dom_scans.py`` holds them to plain definitions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Container, Iterable
from itertools import islice

from lxml import etree

from . import _site
from ._markup import Element, text_of
from ._page import Page, Slot
from ._text import normalize_text

__all__ = [
    "BLOCK_HINTS",
    "BREAKING_LIST_HINT",
    "CONFIRM_HINTS",
    "HEADINGS",
    "HEADING_KIND",
    "Hint",
    "bodies",
    "heading_element",
    "heading_nodes",
    "headings_in",
]


class Hint:
    """A class-name hint: a CSS selector list of simple compounds (``tag.class``,
    ``.class``, ``#id``, ``[attr~=token]``), matched against the class index.

    Hints are looked for on container elements only (:data:`_site.HINT_TAGS`):
    that is where the site's blocks, body and standfirst live, and it keeps
    the scan to a few hundred elements on a page carrying thousands of menu
    links. ``tests/test_dom_scans.py`` holds it to the cssselect XPath.

    The page's class index covers the tokens of every hint in the site tables
    (:data:`INDEX_KEYS`); a hint naming other tokens gets its own index, so a
    hint works whenever it was made.
    """

    _COMPOUND_RE = re.compile(
        r"^(?P<tag>[a-z][a-z0-9]*)?(?:\.(?P<cls>[A-Za-z_][\w-]*)|#(?P<id>[A-Za-z_][\w-]*)"
        r"|\[(?P<attr>[a-z][\w-]*)~=(?P<token>[A-Za-z_][\w-]*)\])$"
    )

    def __init__(self, css: str) -> None:
        self.css = css
        self.parts: tuple[tuple[str | None, str, str], ...] = tuple(map(self._compound, css.split(",")))
        self.keys = frozenset((attr, token) for _, attr, token in self.parts)

    @classmethod
    def of(cls, compounds: tuple[str, ...]) -> Hint:
        """A hint matching any of *compounds* (a site table's class list)."""
        return cls(", ".join(compounds))

    @classmethod
    def _compound(cls, part: str) -> tuple[str | None, str, str]:
        match = cls._COMPOUND_RE.match(part.strip())
        if match is None:
            raise ValueError(f"not a simple selector: {part!r}")
        if match["cls"]:
            return match["tag"], "class", match["cls"]
        if match["id"]:
            return match["tag"], "id", match["id"]
        return match["tag"], match["attr"], match["token"]

    def __repr__(self) -> str:
        return f"Hint({self.css!r})"

    def __call__(self, page: Page, context: Element | None = None) -> list[Element]:
        """Matching elements in document order (within *context*, itself included)."""
        if self.keys <= INDEX_KEYS:
            index, positions = class_index(page), page._memo.get(INDEX_POSITIONS)
        else:
            index, positions = _build_index(page, self.keys)
        found: dict[Element, None] = {}
        lists = 0
        for tag, attr, token in self.parts:
            matched = index.get((attr, token))
            if matched:
                lists += 1
                for el in matched:
                    if tag is None or el.tag == tag:
                        found[el] = None
        # Each list is in page order: only a hint matched through several needs a sort.
        result = list(found) if lists < 2 else sorted(found, key=_position(page, positions))
        if context is not None and context is not page.root:
            result = [el for el in result if el is context or any(a is context for a in el.iterancestors())]
        return result


#: The hints of the site tables: each block's classes, the body, the summary.
BLOCK_HINTS: dict[str, Hint] = {spec.name: Hint.of(spec.classes) for spec in _site.BLOCKS}
#: The hints that count only under one of the block's headings (``BlockSpec.confirm``).
CONFIRM_HINTS: dict[str, Hint] = {spec.name: Hint.of(spec.confirm) for spec in _site.BLOCKS if spec.confirm}
#: The second breaking list [cms: section.breaking-news-vertical].
BREAKING_LIST_HINT = Hint.of(_site.BREAKING_LIST)
BODY_HINT = Hint.of(_site.BODY)
SUMMARY_HINT = Hint.of(_site.SUMMARY)
#: The class tokens of a listing card's root: a card holds a story, never a
#: page block's heading (:func:`heading_nodes` skips it).
CARD_KEYS: frozenset[tuple[str, str]] = frozenset(("class", token) for token in _site.LISTING.card_classes)
#: Every ``(attr, token)`` the page's shared class index holds.
INDEX_KEYS: frozenset[tuple[str, str]] = CARD_KEYS.union(
    *(
        hint.keys
        for hint in (*BLOCK_HINTS.values(), *CONFIRM_HINTS.values(), BREAKING_LIST_HINT, BODY_HINT, SUMMARY_HINT)
    )
)

ClassIndex = dict[tuple[str, str], list[Element]]
Positions = dict[Element, int]
CLASS_INDEX: Slot[ClassIndex] = Slot("class_index", "(attr, token) → container elements, page order")
INDEX_POSITIONS: Slot[Positions] = Slot("index_positions", "the page-order position of each class-index element")


def class_index(page: Page) -> ClassIndex:
    """``(attr, token) -> elements`` in page order, for every token of
    :data:`INDEX_KEYS`, over the container elements of the page (cached)."""
    cached = page._memo.get(CLASS_INDEX)
    if cached is not None:
        return cached
    index, positions = _build_index(page, INDEX_KEYS)
    page._memo.put(INDEX_POSITIONS, positions)
    return page._memo.put(CLASS_INDEX, index)


def _position(page: Page, positions: Positions | None) -> Callable[[Element], int]:
    return positions.__getitem__ if positions is not None else page.position


# Raw class attribute → its tokens among INDEX_KEYS: a page repeats a few
# hundred class strings over thousands of containers, and so does a site over
# its pages. Bounded: cleared when full.
_CLASS_HITS: dict[str, tuple[tuple[str, str], ...]] = {}
_CLASS_HITS_MAX = 8192


def _build_index(page: Page, keys: frozenset[tuple[str, str]]) -> tuple[ClassIndex, Positions]:
    """One pass over the containers, in page order: the index and the
    position of each element in it. An element whose only attribute is its
    class, or that has none, is not asked for the other attributes."""
    index: ClassIndex = {}
    positions: Positions = {}
    classes = frozenset(token for attr, token in keys if attr == "class")
    ids = frozenset(token for attr, token in keys if attr == "id")
    others = tuple(sorted({attr for attr, _ in keys} - {"class", "id"}))
    hits = _CLASS_HITS if keys is INDEX_KEYS else {}
    if len(hits) > _CLASS_HITS_MAX:
        hits.clear()
    for position, el in enumerate(page.root.iter(*_site.HINT_TAGS)):
        value = el.get("class")
        if value:
            found = hits.get(value)
            if found is None:
                found = hits[value] = tuple(("class", token) for token in value.split() if token in classes)
            if found:
                positions[el] = position
                for key in found:
                    index.setdefault(key, []).append(el)
            if len(el.attrib) == 1:
                continue  # the class is its only attribute (most containers)
        elif value is None and not len(el.attrib):
            continue
        value = el.get("id")
        if value and value in ids:  # an id is one value (#x is @id = 'x')
            positions[el] = position
            index.setdefault(("id", value), []).append(el)
        for attr in others:  # whitespace-separated tokens: [itemprop~=x]
            value = el.get(attr)
            if value:
                for token in value.split():
                    if (attr, token) in keys:
                        positions[el] = position
                        index.setdefault((attr, token), []).append(el)
    return index, positions


# --- block headings ----------------------------------------------------------

#: Visible headings of each page block, lower case, whitespace collapsed, all
#: languages (from :data:`_site.BLOCKS`).
HEADINGS: dict[str, tuple[str, ...]] = {spec.name: spec.all_headings() for spec in _site.BLOCKS}
#: Heading text → the block it names.
HEADING_KIND = {text: kind for kind, texts in HEADINGS.items() for text in texts}

# Subtrees that never hold a block heading: menus (a "Most Read" menu entry is
# a link, not the block), graphics, scripts and forms.
NO_HEADINGS = frozenset(
    {"nav", "svg", "math", "script", "style", "noscript", "template", "select", "form", "iframe", "object"}
)
_INLINE_TAGS = frozenset({"span", "b", "strong", "em", "i", "a", "font", "small", "u", "mark", "label", "bdi"})
# Blocks whose text is running prose: an inline heading word inside one of
# these starts a sentence ("<p><b>Read next</b>: <a>...</a></p>").
_PROSE_TAGS = frozenset({"p", "li", "td", "dd", "figcaption", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "a"})

HeadingNode = tuple[Element, bool, str]
HEADING_NODES: Slot[dict[frozenset[str], list[HeadingNode]]] = Slot(
    "heading_nodes", "text nodes reading as block headings, page order, by the blocks walked for"
)
_EDITION_HEADINGS = {spec.name: spec.headings for spec in _site.BLOCKS}


def heading_key(text: str | None, keys: Container[str] = HEADING_KIND) -> str | None:
    """The heading table key of a short text node (one of *keys*), or ``None``."""
    if text is None or len(text) >= _site.HEADING_MAX_CHARS or text.isspace():
        return None
    key = " ".join(text.split()).lower()
    return key if key in keys else None


def heading_nodes(page: Page, kinds: Iterable[str] | None = None) -> list[HeadingNode]:
    """Every text node under ``<body>`` that reads as the heading of a block
    of *kinds* (every block when ``None``) in the page's edition (every
    edition's when :attr:`Page.edition` is unknown), in document order:
    ``(element, is_tail, heading)``, *element* being the one whose ``text``
    (or, when *is_tail*, ``tail``) it is.

    One pruned walk per set of kinds (a walk for more kinds answers for
    fewer): it skips the subtrees that never hold a block heading
    (:data:`NO_HEADINGS`) and the listing's cards (a card holds a story:
    ``LISTING.card_classes``, found through the class index). It walks only
    for the headings whose words the body's text shows (:func:`_shown`): on
    most pages, none.
    """
    wanted = frozenset(HEADINGS if kinds is None else kinds)
    walked = page._memo.setdefault(HEADING_NODES, {})
    cached = walked.get(wanted)
    if cached is not None:
        return cached
    for done, nodes in walked.items():
        if wanted < done:
            return walked.setdefault(wanted, [node for node in nodes if HEADING_KIND[node[2]] in wanted])
    keys = _edition_keys(page, wanted)
    found: list[HeadingNode] = []
    cards: set[Element] | None = None
    for body in bodies(page) if keys else ():
        shown = _shown(_walked_text(body), keys)
        if shown:
            if cards is None:
                index = class_index(page)
                cards = {el for key in CARD_KEYS for el in index.get(key, ())}
            _walk_headings(body, found, shown, cards)
    return walked.setdefault(wanted, found)


def headings_outside(page: Page, kinds: Iterable[str], boxes: Iterable[Element]) -> bool:
    """Whether a text node of ``<body>`` outside *boxes* (their subtrees)
    may read as the heading of a block of *kinds*; ``False`` is certain.

    Each heading's longest run (:func:`_needle`) is counted in the body's
    text and in the text of each box: when the boxes hold every place it shows, no text node
    outside them reads as that heading. Heading elements found under a box
    then stay inside it (:func:`heading_element` climbs out of inline
    elements only, so a box must not be one).
    """
    keys = _edition_keys(page, frozenset(kinds))
    if not keys:
        return False
    tops = bodies(page)
    boxes = tuple(boxes)
    if len(tops) != 1 or any(box.tag in _INLINE_TAGS for box in boxes):
        return True
    body = tops[0]
    for box in boxes:
        above = list(box.iterancestors())
        if not any(el is body for el in above) or any(el in boxes for el in above):
            return True  # the counts below hold for disjoint boxes inside the body
    text = _lowered_text(body)
    inner = [_lowered_text(box) for box in boxes]
    for key in keys:
        needle = _needle(key)
        if needle is None or _count(text, needle) > sum(_count(part, needle) for part in inner):
            return True
    return False


def _edition_keys(page: Page, wanted: frozenset[str]) -> frozenset[str]:
    """The headings of the blocks of *wanted* in the page's edition (every
    edition's when it is unknown)."""
    edition = page.edition
    return frozenset(
        key
        for kind in wanted
        for key in (HEADINGS[kind] if edition is None else _EDITION_HEADINGS[kind].get(edition, ()))
    )


def bodies(page: Page) -> list[Element]:
    """The ``<body>`` elements not inside another one."""
    return [body for body in page.elements("body") if not any(a.tag == "body" for a in body.iterancestors())]


# --- what the text of a subtree can hold, found at C level -------------------------
#
# A text node reads as a heading when " ".join(text.split()).lower() is the
# heading (heading_key). So the heading's words, lowered, stand in the text of
# every element holding that node, separated by runs of white space; that
# text, concatenated by libxml2 (tostring, method="text") and ASCII-lowered
# as bytes, is searched for them instead of reading each text node in Python.

#: Every character ``str.isspace`` (and so ``str.split``) takes for white
#: space; ``tests/test_dom_scans.py`` checks it over every code point.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_SPACES = b"(?:" + b"|".join(re.escape(char.encode()) for char in WHITESPACE) + b")+"
# Any one character, as UTF-8 (a lead byte and its continuation bytes).
_ANY_CHAR = rb"(?:[\x00-\x7f]|[\xc0-\xff][\x80-\xbf]*)"
_KELVIN = "\u212a".encode()  # KELVIN SIGN: lowers to "k", as bytes.lower() cannot
# A text node read as a heading is shorter than HEADING_MAX_CHARS characters:
# its UTF-8 spans at most four bytes each.
_SPAN = 4 * _site.HEADING_MAX_CHARS


def _lowered_text(el: Element) -> bytes:
    """Every text node under *el* (its tail excluded), concatenated at C
    level as UTF-8, ASCII letters and the Kelvin sign lowered."""
    return _lowered(etree.tostring(el, method="text", encoding="utf-8", with_tail=False))


def _walked_text(body: Element) -> bytes:
    """The :func:`_lowered_text` of *body* without the children the heading
    walk skips whole (their tails kept): a page's big inline scripts are
    children of ``<body>``. The walk reads no text outside these."""
    parts = []
    for child in body:
        if isinstance(child.tag, str) and child.tag not in NO_HEADINGS:
            parts.append(etree.tostring(child, method="text", encoding="utf-8", with_tail=True))
        elif child.tail:
            parts.append(child.tail.encode())
    return _lowered(b"".join(parts))


def _lowered(text: bytes) -> bytes:
    return text.lower().replace(_KELVIN, b"k")


def _searchable(char: str) -> bool:
    """Whether *char* of a heading is itself in the :func:`_lowered_text` of
    any text that lowers to it (``str.lower``).

    ASCII: its capital is lowered too, so is the Kelvin sign, and the ``i``
    of U+0130 comes with U+0307 (a heading holding it gets no search).
    Beyond ASCII: a character without case, that nothing else lowers to.
    ``tests/test_dom_scans.py`` checks this over every code point.
    """
    if char.isspace() or char == "\u0307":
        return False
    return char.isascii() or (char.lower() == char and char.upper() == char)


@functools.lru_cache(maxsize=1024)
def _runs(key: str) -> tuple[bytes, ...]:
    """The runs of :func:`_searchable` characters of *key*, as UTF-8: the
    :func:`_lowered_text` of any text node that reads as *key*
    (:func:`heading_key`) holds each; none when *key* holds U+0307."""
    if "\u0307" in key:
        return ()
    runs: list[bytes] = []
    run: list[str] = []
    for char in key + " ":
        if _searchable(char):
            run.append(char)
        elif run:
            runs.append("".join(run).encode())
            run = []
    return tuple(runs)


def _needle(key: str) -> bytes | None:
    """The longest of *key*'s :func:`_runs`, or ``None`` when it has none
    (the heading cannot be ruled out)."""
    return max(_runs(key), key=len, default=None)


@functools.lru_cache(maxsize=1024)
def _pattern(key: str) -> re.Pattern[bytes]:
    """What a text node reading as *key* shows in a :func:`_lowered_text`:
    its searchable characters as they are, white space as a run of it, any
    other character as one character."""
    parts = []
    for char in key:
        if char == " ":
            parts.append(_SPACES)
        elif _searchable(char):
            parts.append(re.escape(char.encode()))
        else:
            parts.append(_ANY_CHAR)
    return re.compile(b"".join(parts))


def _shows(text: bytes, key: str) -> bool:
    """Whether a text node reading as *key* may be among those *text* (a
    :func:`_lowered_text`) joins; ``False`` is certain. Each run of the
    heading must stand in *text*; then :func:`_pattern` is looked for around
    each place its longest run stands."""
    needle = _needle(key)
    if needle is None:
        return True
    if not all(run in text for run in _runs(key)):
        return False
    pattern = _pattern(key)
    at = text.find(needle)
    while at >= 0:
        if pattern.search(text, max(0, at - _SPAN), at + len(needle) + _SPAN):
            return True
        at = text.find(needle, at + 1)
    return False


def _shown(text: bytes, keys: frozenset[str]) -> frozenset[str]:
    """The headings of *keys* that may read as a text node *text* joins."""
    return frozenset(key for key in keys if _shows(text, key))


def _count(text: bytes, needle: bytes) -> int:
    """How many places of *text* *needle* starts at (overlaps counted)."""
    count = 0
    at = text.find(needle)
    while at >= 0:
        count += 1
        at = text.find(needle, at + 1)
    return count


def _walk_headings(el: Element, found: list[HeadingNode], keys: frozenset[str], skip: set[Element]) -> None:
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in NO_HEADINGS and child not in skip:
            key = heading_key(child.text, keys)
            if key is not None:
                found.append((child, False, key))
            if len(child):
                _walk_headings(child, found, keys, skip)
        key = heading_key(child.tail, keys)
        if key is not None:
            found.append((child, True, key))


def _reads(el: Element, wanted: str) -> bool:
    """Whether the whole text of *el* is *wanted* (a short heading), without
    gathering the text of a large element: it stops once the text is longer."""
    budget = len(wanted) * _site.HEADING_TEXT_FACTOR + _site.HEADING_TEXT_SLACK
    parts: list[str] = []
    size = 0
    for text in el.itertext():
        size += len(text)
        if size > budget:
            return False
        parts.append(text)
    return (normalize_text("".join(parts)) or "").casefold() == wanted


def heading_element(el: Element, is_tail: bool, wanted: str) -> Element | None:
    """The element a heading text node names, or None if it is part of prose."""
    if is_tail:
        parent = el.getparent()
        if parent is None or not _reads(parent, wanted):
            return None
        el = parent
    while el.tag in _INLINE_TAGS:
        parent = el.getparent()
        if parent is None:
            return None
        if _reads(parent, wanted):
            el = parent
            continue
        if parent.tag in _PROSE_TAGS or normalize_text(el.tail):
            return None
        following = el.getnext()
        if following is not None and following.tag in _INLINE_TAGS and text_of(following):
            return None
        break
    if el.tag in ("title", "option", "body", "html"):
        return None
    return el


def headings_in(box: Element, kind: str) -> list[Element]:
    """The heading of *kind* at the top of *box* (the box included), if any.

    A block's heading comes before its items: only the first elements of the
    box are looked at, not its whole subtree; a text shorter than every
    heading of *kind* is not read further.
    """
    found = []
    shortest = _SHORTEST[kind]
    limit = _site.HEADING_MAX_CHARS
    for el in islice(box.iter(), _site.HEADING_SCAN_ELEMENTS + 1):
        for is_tail, text in ((False, el.text), (True, el.tail if el is not box else None)):
            if text is None or not shortest <= len(text) < limit:
                continue
            wanted = heading_key(text)
            if wanted is not None and HEADING_KIND[wanted] == kind:
                head = heading_element(el, is_tail, wanted)
                if head is not None:
                    found.append(head)
    return found


# A text node reading as a heading is at least as long as the heading: white
# space is only collapsed, and lower() lengthens only U+0130, which gives
# U+0307 (a kind with a heading holding it gets no bound).
_SHORTEST = {
    kind: 0 if any("\u0307" in text for text in texts) else min(map(len, texts), default=0)
    for kind, texts in HEADINGS.items()
}
