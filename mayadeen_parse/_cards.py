"""Read the teaser cards of a page block (Most Read, Related, Read Next).

A teaser is a linked headline with what its card shows around it (section,
date, image, authors, time label). The readers take the block's root
elements, found by ``_furniture`` (the ticker's lines are ``_ticker``'s;
a listing page's cards are ``_listing_cards``'s).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

import attrs

from . import _site
from ._editions import Edition
from ._labels import parse_time_label, resolve_label
from ._markup import HEADING_TAGS, Element, classes, image, text_of, time_value
from ._model import Author, Image, Teaser
from ._text import absolutize, looks_like_story_path, normalize_text, parse_visible_when
from ._urls import story_key

__all__ = ["Reading", "card_of", "in_copy", "keys_below", "label_value", "teasers"]

_SECTION_CLASS_RE = re.compile("|".join(_site.SECTION_CLASS_WORDS), re.I)
_DIGIT_RE = re.compile(r"\d")


# --- teasers -----------------------------------------------------------------------


@attrs.frozen
class Reading:
    """What a block's reader needs to know about the page: where links
    resolve (*base*), when the page was fetched (relative time labels), its
    edition (the words of its labels) and the block's heading as shown."""

    base: str
    fetched_at: datetime.datetime | None = None
    edition: Edition | None = None
    block: str | None = None


def teasers(
    roots: Iterable[Element], boundary: set[Element], skip: Element | None, reading: Reading
) -> tuple[Teaser, ...]:
    """Linked headlines in *roots*, one per story URL, in page order (a
    slider's loop copies, ``swiper-slide-duplicate``, are skipped)."""
    base = reading.base
    skipped = set(skip.iter()) if skip is not None else set()
    groups: dict[str, list[Element]] = {}
    owner: dict[Element, str] = {}
    link_url: dict[Element, str] = {}
    for root in roots:
        copies: dict[Element, bool] = {}
        for a in root.iter("a"):
            if a in skipped or in_copy(a, root, copies):
                continue
            url = absolutize(a.get("href"), base)
            if url is None or not looks_like_story_path(url):
                continue
            key = story_key(url)  # one story linked twice, once with a fragment or a trailing slash
            groups.setdefault(key, []).append(a)
            owner[a] = key
            link_url[a] = url
    below = keys_below(owner)
    found = []
    for key, links in groups.items():
        card = card_of(links[0], key, below, boundary)
        teaser = _teaser(card, links, [link_url[a] for a in links], reading)
        if teaser is not None:
            found.append(teaser)
    return tuple(found)


def in_copy(el: Element, root: Element, known: dict[Element, bool]) -> bool:
    """Whether *el* is inside a slider's loop copy of a card (up to *root*),
    with the answer for each element met kept in *known* (for one *root*):
    the links of a block share their ancestors."""
    chain = []
    node: Element | None = el
    found = False
    while node is not None:
        seen = known.get(node)
        if seen is not None:
            found = seen
            break
        chain.append(node)
        if _copy_marked(node):
            found = True
            break
        if node is root:
            break
        node = node.getparent()
    for node in chain:
        known[node] = found
    return found


def _copy_marked(node: Element) -> bool:
    """A class or id token of :data:`_site.DUPLICATE_CLASSES` (``classes(node)``'s tokens)."""
    for attr in ("class", "id"):
        value = node.get(attr)
        if value and not _site.DUPLICATE_CLASSES.isdisjoint(value.split()):
            return True
    return False


#: What ``keys_below`` records of an element holding links of several stories.
_MIXED = ""


def keys_below(owner: dict[Element, str]) -> dict[Element, str]:
    """For every element holding a link of *owner* (itself included): the
    story key of all such links it holds, or ``""`` when they are of several
    stories. One walk up from each link, stopping where a walk passed."""
    below: dict[Element, str] = {}
    for a, key in owner.items():
        node: Element | None = a
        while node is not None:
            held = below.get(node)
            if held is None:
                below[node] = key
            elif held in (key, _MIXED):
                break  # a walk passed here: what is above already holds it
            else:
                below[node] = _MIXED
            node = node.getparent()
    return below


def card_of(link: Element, key: str, below: dict[Element, str], boundary: set[Element]) -> Element:
    """The largest element around *link* holding no other story's link
    (*below*: :func:`keys_below` of the block's links, computed once per block)."""
    card = link
    while True:
        parent = card.getparent()
        if parent is None or parent in boundary:
            return card
        if below.get(parent, key) != key:
            return card
        card = parent


@attrs.define
class _CardParts:
    """What one pass over a card finds (the card's own scratch record)."""

    img: Element | None = None
    heading: Element | None = None
    section_link: str | None = None
    time_date: datetime.date | None = None
    text_date: datetime.date | None = None
    label: str | None = None
    authors: list[Author] = attrs.Factory(list)
    leaves: list[tuple[Element, str]] = attrs.Factory(list)


def _author_link(node: Element, href: str | None) -> bool:
    """An author's link: a path under /authors/, or a link in an author box
    (``div.author-wrap > a[href="#"]``: a foreign author without a page)."""
    if href and any(part in href for part in _site.AUTHOR_PATHS):
        return True
    parent = node.getparent()
    return any(word in classes(x) for x in (node, parent) if x is not None for word in _site.AUTHOR_CLASS_WORDS)


def _link(found: _CardParts, node: Element, in_links: set[Element], base: str) -> None:
    if node in in_links:
        return
    href = absolutize(node.get("href"), base)
    if _author_link(node, node.get("href")):
        name = text_of(node)
        if name and all(a.name != name for a in found.authors):
            real = href if href and (node.get("href") or "").strip() not in ("", "#") else None
            found.authors.append(Author(name=name, url=real))
    elif found.section_link is None and href and _section_href(href):
        found.section_link = text_of(node)


def _section_href(href: str) -> bool:
    return not looks_like_story_path(href) and not any(p in href for p in _site.CARD_SKIP_PATHS)


def _scan_card(card: Element, in_links: set[Element], base: str) -> _CardParts:
    found = _CardParts()
    for node in card.iter():
        tag = node.tag
        if tag == "img":
            if found.img is None:
                found.img = node
        elif tag == "a":
            _link(found, node, in_links, base)
        elif tag == "time":
            if found.time_date is None:
                found.time_date = time_value(node)
        elif found.heading is None and tag in HEADING_TAGS:
            found.heading = node  # read only if the links give no title
        if len(node) == 0 and node.text and len(node.text) < _site.CARD_LABEL_MAX_CHARS:
            _leaf(found, node, node.text, tag)
    return found


def _leaf(found: _CardParts, node: Element, text: str, tag: object) -> None:
    shown = normalize_text(text)
    if not shown:
        return
    if found.label is None and found.time_date is None:
        found.text_date = parse_visible_when(shown)
        if found.text_date is not None or parse_time_label(shown) is not None:
            found.label = shown
            return
    if tag not in ("a", "img", "time", "figcaption"):
        found.leaves.append((node, shown))


def _published(parts: _CardParts, reading: Reading) -> datetime.date | None:
    """The card's date: a ``<time>``, else its label's value (a relative
    label placed against the fetch time)."""
    if parts.time_date is not None:
        return parts.time_date
    if parts.text_date is not None:
        return parts.text_date
    return label_value(parts.label, reading)


def label_value(label: str | None, reading: Reading) -> datetime.date | None:
    """A time label placed in time: read with the page edition's words first,
    then every edition's (a page may quote another edition's label); a
    relative label against the fetch time only (``_labels.resolve_label``)."""
    if label is None:
        return None
    parsed = parse_time_label(label, reading.edition) or parse_time_label(label)
    return resolve_label(parsed, reading.fetched_at)


def _teaser(card: Element, links: list[Element], urls: list[str], reading: Reading) -> Teaser | None:
    """One teaser from its card, read in one pass over the card.

    Title: the longest text of the story's links, else the card's first
    heading, else the image's alt. Section: another link's text (to a section,
    not a story or tag), else a short text whose element (or parent) has a
    class naming a category, else the first short text without digits. Date:
    a ``<time>``, else a short text that reads as a date.
    """
    base = reading.base
    titles = [text_of(a) for a in links]
    title = max((t for t in titles if t), key=len, default=None)
    # The headline link's own URL, not the thumbnail's.
    url = urls[titles.index(title)] if title is not None else urls[0]
    in_links = {node for a in links for node in a.iter()}
    parts = _scan_card(card, in_links, base)
    if title is None and parts.heading is not None:
        title = text_of(parts.heading)
    if title is None and parts.img is not None:
        title = normalize_text(parts.img.get("alt"))
    if title is None:
        return None
    picture = image(parts.img, base, None, title) if parts.img is not None else None
    section = parts.section_link if parts.section_link != title else None
    if section is None:
        section = _section_label(parts.leaves, title, picture, in_links, parts.authors)
    return Teaser(
        title=title,
        url=url,
        section=section,
        published=_published(parts, reading),
        image=picture,
        block=reading.block,
        authors=tuple(parts.authors),
        time_label=parts.label,
    )


def _section_label(
    leaves: list[tuple[Element, str]],
    title: str,
    picture: Image | None,
    in_links: set[Element],
    authors: list[Author],
) -> str | None:
    """A short text whose element (or parent) has a class naming a category,
    else the first short text that is not the title, a caption or a number."""
    fallback = None
    for node, shown in leaves:
        if (
            shown == title
            or len(shown) > _site.CARD_LABEL_MAX_CHARS
            or len(shown.split()) > _site.SECTION_MAX_WORDS
            or node in in_links
        ):
            continue
        if picture is not None and shown in (picture.alt, picture.caption):
            continue
        if any(shown == author.name for author in authors):
            continue
        if _DIGIT_RE.search(shown):
            continue  # a rank, a date, "2 hours ago": never a section name
        if _SECTION_CLASS_RE.search(classes(node)) or _SECTION_CLASS_RE.search(classes(node.getparent())):
            return shown
        if fallback is None:
            fallback = shown
    return fallback
