"""Read a listing page's cards (homepage, section index): the links of a
card sorted by role (:class:`CardLinks`), and one card read in one pass
(:func:`listing_card`). ``_listing`` finds the cards; the furniture's
teasers are ``_cards``'s.
"""

from __future__ import annotations

import datetime
import re

import attrs
from lxml import etree

from . import _site
from ._editions import EDITION_HOSTS, FURNITURE_WORDS
from ._labels import fold, longer_than, parse_time_label, resolve_label
from ._markup import HEADING_TAGS, INLINE_SKIP, SKIP_TAGS, Element, image, text_of, time_value
from ._model import Author, Teaser
from ._text import BR, absolutize, normalize_text
from ._urls import story_key

__all__ = ["CardLinks", "listing_card"]

_SECTION_CLASS_RE = re.compile("|".join(_site.SECTION_CLASS_WORDS), re.I)

_LISTING = _site.LISTING
_AUTHOR_ROOTS = frozenset({"authors", "author"})
_NOT_STORY_ROOTS = _site.INDEX_ROOTS | _LISTING.not_story_roots
_INLINE = frozenset({"strong", "b", "em", "i", "span", "small", "u", "mark"})
_FURNITURE_TEXTS = frozenset(fold(word) for words in FURNITURE_WORDS.values() for word in words)
_FURNITURE_LONG = longer_than(max(map(len, _FURNITURE_TEXTS)))
#: A card's icon class, as a whole token of the raw attribute.
_ICON_RE = re.compile(r"(?<!\S)(?:" + "|".join(map(re.escape, sorted(_LISTING.image_skip_classes))) + r")(?!\S)")


def _furniture_text(text: str) -> bool:
    """Whether *text* is a block's own word ("more", "المزيد"): a long text is
    not folded to learn that it is not."""
    return not _FURNITURE_LONG.match(text) and fold(text) in _FURNITURE_TEXTS


class CardLinks:
    """Sorts a listing page's links by their role in a card (one per page).

    ``story`` a card's story; ``weak`` a story-shaped link showing only a
    short text (a card's story, or its section label when the card has a
    ``story`` link besides); ``label`` a section label; ``author`` an author's
    page (or an author box's link); ``other`` anything else (a badge, a flag,
    a section index, another site).

    Each link is read once: its role, and its text and whether it shows a
    picture in one pass over its elements (:meth:`_read`); each ``href``'s URL
    and shape once per page (one story is linked from its picture and its title).
    """

    __slots__ = ("_hrefs", "_pictures", "_roles", "_texts", "base", "hosts")

    def __init__(self, base: str) -> None:
        self.base = base
        host = base.split("//", 1)[-1].partition("/")[0].lower()
        self.hosts = frozenset(EDITION_HOSTS) | {host}
        self._roles: dict[Element, tuple[str, str | None]] = {}
        self._texts: dict[Element, str | None] = {}
        self._pictures: set[Element] = set()
        self._hrefs: dict[str | None, tuple[int, str | None]] = {}

    def text(self, a: Element) -> str | None:
        """The rendered text of a link (or a heading), normalised: :func:`text_of`,
        each element's read once (the walk and the card reader share it)."""
        texts = self._texts
        if a in texts:
            return texts[a]
        return self._read(a)

    def _read(self, a: Element) -> str | None:
        """:func:`text_of` the link, noting on the way whether it holds a
        picture (an ``img`` or a heading): one pass over its elements."""
        if not len(a):
            found = self._texts[a] = text_of(a)
            return found
        plain = True  # what _markup.raw joins at C level: no line break, nothing skipped that shows text
        for node in a.iterdescendants():
            tag = node.tag
            if tag in _GATHER_SET:
                if tag == "br" or node.text or len(node):
                    plain = False
            elif tag in _PICTURE_SET:
                self._pictures.add(a)
        if plain:
            shown = etree.tostring(a, method="text", encoding="unicode", with_tail=False)
            found = normalize_text(shown.replace(BR, " "))
        else:
            found = text_of(a)
        self._texts[a] = found
        return found

    def role(self, a: Element) -> tuple[str, str | None]:
        """``(role, absolute URL or None)`` of the link *a* (each link read once)."""
        found = self._roles.get(a)
        if found is None:
            found = self._roles[a] = self._role(a)
        return found

    def _href(self, href: str | None) -> tuple[int, str | None]:
        """``(shape, absolute URL)`` of a link target (:data:`_NO_URL`...)."""
        url = absolutize(href, self.base) if href and not href.lstrip().startswith("#") else None
        if url is None:
            return _NO_URL, None
        host, _, path = url.split("//", 1)[-1].partition("/")
        parts = [part for part in path.split("?", 1)[0].split("#", 1)[0].split("/") if part]
        root = parts[0].lower() if parts else ""
        if root in _AUTHOR_ROOTS:
            return _AUTHOR_URL, url
        if host.lower() not in self.hosts or root in _NOT_STORY_ROOTS:
            return _OTHER_URL, url
        if len(parts) < max(2, _LISTING.min_parts.get(root, 2)):
            return _OTHER_URL, url  # an index page
        return _STORY_URL, url

    def _role(self, a: Element) -> tuple[str, str | None]:
        href = a.get("href")
        hrefs = self._hrefs
        shape = hrefs.get(href)
        if shape is None:
            shape = hrefs[href] = self._href(href)
        kind, url = shape
        # Class tokens of the link or its parent, tested on the raw attributes.
        marks = a.get("class") or ""
        parent = a.getparent()
        if parent is not None:
            marks = marks + " " + (parent.get("class") or "")
        marked = len(marks) > 1
        if marked and _AUTHOR_CLASS_RE.search(marks):
            return "author", url
        if kind == _NO_URL:
            return "other", None
        if kind == _AUTHOR_URL:
            return "author", url
        if marked and _LABEL_CLASS_RE.search(marks):
            return "label", url
        if kind == _OTHER_URL or not self.is_content(a):
            return "other", url  # an index page, or a "more" link to one
        text = self.text(a)
        if _in_prose(a, text):
            return "other", url  # a link in running text ("Read next: <a>...</a>")
        return ("weak" if _weak(a in self._pictures, text) else "story"), url

    def is_content(self, a: Element) -> bool:
        """Whether a link that is no story is content of its own (a ticker
        item, a widget), not a "more" link of the block it ends."""
        return not _furniture_text(self.text(a) or "")


def _tokens_re(tokens: frozenset[str]) -> re.Pattern[str]:
    """Any of *tokens* as a whole class token of a raw attribute."""
    return re.compile(r"(?<!\S)(?:" + "|".join(map(re.escape, sorted(tokens))) + r")(?!\S)")


_AUTHOR_CLASS_RE = _tokens_re(_LISTING.author_classes)
_LABEL_CLASS_RE = _tokens_re(_LISTING.label_classes)
# The shapes of a link target (CardLinks._href).
_NO_URL, _AUTHOR_URL, _OTHER_URL, _STORY_URL = range(4)
#: What _markup.raw reads apart (a line break, a skipped subtree).
_GATHER_SET = frozenset({"br", *INLINE_SKIP})


def _in_prose(a: Element, text: str | None) -> bool:
    """Whether the link *a* (showing *text*) is inline in a paragraph holding other text."""
    block = a.getparent()
    for _ in range(_LISTING.inline_levels):
        if block is None or block.tag not in _INLINE:
            break
        block = block.getparent()
    return block is not None and block.tag in _LISTING.prose_tags and text_of(block) != text


_PICTURE_TAGS = ("img", *sorted(HEADING_TAGS))
_PICTURE_SET = frozenset(_PICTURE_TAGS)


def _weak(picture: bool, text: str | None) -> bool:
    """A link showing a short text (*text*) only (no *picture*: an image, a heading)."""
    if picture:
        return False
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
    return None if _furniture_text(text) else text


def _scan_listing(node: Element, found: _ListingParts, links: CardLinks, link: Element | None, icon: bool) -> None:
    """One pass over a card: its links by role, headings, images, labels.

    A class is read only where it counts: an icon's (its images are no
    picture, below it too), a leaf's section class.
    """
    for child in node:
        tag = child.tag
        if tag == "a":
            _scan_link(child, found, links, icon)
            continue
        if not isinstance(tag, str) or tag in SKIP_TAGS:
            continue
        inner = len(child)
        if not inner and tag not in _READ_LEAVES:
            shown = normalize_text(child.text)
            _listing_leaf(found, shown, link)
            if link is None and found.other_section is None:
                tokens = child.get("class")
                if tokens and _SECTION_CLASS_RE.search(tokens):
                    found.other_section = _short_label(shown)  # <span class="category">Economy</span>
            continue
        # The icon decides only which image is the picture: once one is, it is not read.
        inner_icon = icon or (found.img is None and _is_icon(child))
        if tag == "img":
            if found.img is None and not inner_icon:
                found.img = child
        elif tag in HEADING_TAGS:
            _listing_heading(child, found, links, link, inner_icon)
            continue
        elif tag == "time" and found.time_date is None:
            found.time_date = time_value(child)
        if inner:
            _scan_listing(child, found, links, link, inner_icon)


#: Tags a leaf of a card is read by (others: as text).
_READ_LEAVES = frozenset({"img", "time", *HEADING_TAGS})


def _is_icon(el: Element) -> bool:
    tokens = el.get("class")
    return tokens is not None and _ICON_RE.search(tokens) is not None


def _listing_heading(head: Element, found: _ListingParts, links: CardLinks, link: Element | None, icon: bool) -> None:
    """A heading of the card, with the story link around it or inside it."""
    at, before = len(found.headings), len(found.stories)
    found.headings.append((head, link))
    _scan_listing(head, found, links, link, icon)
    if link is None and len(found.stories) > before:
        found.headings[at] = (head, found.stories[before][0])  # <h3><a href="/news/...">


def _scan_link(a: Element, found: _ListingParts, links: CardLinks, icon: bool) -> None:
    role, url = links.role(a)
    if role == "weak":
        # Beside the card's own story, a short link to another page is its label.
        role = "label" if url is not None and found.key is not None and story_key(url) != found.key else "story"
    if role == "author":
        name = links.text(a)
        if name:
            found.authors.append(Author(name=name, url=url))
        return
    if role == "label":
        if found.section is None:
            found.section = links.text(a)
        return
    if role == "story" and url is not None:
        found.stories.append((a, url))
        if len(a) == 0:
            _listing_leaf(found, normalize_text(a.text), a)
            return
        shown = a.text
        if shown and not shown.isspace():
            found.texts.append((links.text(a) or "", a))
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


def _listing_title(found: _ListingParts, links: CardLinks) -> tuple[str | None, Element | None]:
    """The card's headline and the link holding it: a heading in a story link,
    else a heading in no link, else the longest text of its story links."""
    stories = {a for a, _ in found.stories}
    for wanted in (True, False):
        for head, link in found.headings:
            if (link in stories) if wanted else (link is None):
                title = links.text(head)
                if title:
                    return title, link
    best: tuple[str | None, Element | None] = (None, None)
    for text, link in found.texts:
        if text != found.label and len(text) > len(best[0] or ""):
            best = (text, link)
    return best


def listing_card(
    card: Element,
    links: CardLinks,
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
    title, link = _listing_title(found, links)
    if title is None or len(title) < _LISTING.min_title_chars or _furniture_text(title):
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
