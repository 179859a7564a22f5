"""Read the items of a page block: teaser cards and ticker lines.

A teaser is a linked headline with what its card shows around it (section,
date, image); a ticker line is one breaking item. Both readers take the block's
root elements, found by ``_furniture``.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable

import attrs

from . import _site
from ._locate import HEADING_KIND
from ._markup import (
    HEADING_TAGS,
    SKIP_TAGS,
    Element,
    classes,
    gather,
    image,
    inside,
    item_time,
    text_of,
    time_value,
)
from ._model import BreakingItem, Image, Teaser
from ._text import BR, absolutize, looks_like_story_path, normalize_text, parse_visible_when

__all__ = ["split_attribution", "teasers", "ticker"]

_SECTION_CLASS_RE = re.compile("|".join(_site.SECTION_CLASS_WORDS), re.I)
_DIGIT_RE = re.compile(r"\d")
_ATTRIBUTION_TAIL_RE = re.compile(_site.ATTRIBUTION_TAIL, re.I)


# --- teasers -----------------------------------------------------------------------


def teasers(roots: Iterable[Element], boundary: set[Element], skip: Element | None, base: str) -> tuple[Teaser, ...]:
    """Linked headlines in *roots*, one per story URL, in page order."""
    skipped = set(skip.iter()) if skip is not None else set()
    groups: dict[str, list[Element]] = {}
    owner: dict[Element, str] = {}
    link_url: dict[Element, str] = {}
    for root in roots:
        for a in root.iter("a"):
            if a in skipped:
                continue
            url = absolutize(a.get("href"), base)
            if url is None or not looks_like_story_path(url):
                continue
            # One story linked twice, once with a fragment or a trailing slash.
            key = url.split("#", 1)[0].rstrip("/")
            groups.setdefault(key, []).append(a)
            owner[a] = key
            link_url[a] = url
    found = []
    for key, links in groups.items():
        card = _card(links[0], key, owner, boundary)
        teaser = _teaser(card, links, [link_url[a] for a in links], base)
        if teaser is not None:
            found.append(teaser)
    return tuple(found)


def _card(link: Element, key: str, owner: dict[Element, str], boundary: set[Element]) -> Element:
    """The largest element around *link* holding no other story's link."""
    card = link
    while True:
        parent = card.getparent()
        if parent is None or parent in boundary:
            return card
        if any(owner.get(a, key) != key for a in parent.iter("a")):
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
    leaves: list[tuple[Element, str]] = attrs.Factory(list)


def _scan_card(card: Element, in_links: set[Element], base: str) -> _CardParts:
    found = _CardParts()
    for node in card.iter():
        tag = node.tag
        if tag == "img":
            if found.img is None:
                found.img = node
        elif tag == "a":
            if found.section_link is None and node not in in_links:
                href = absolutize(node.get("href"), base)
                if href and not looks_like_story_path(href) and not any(p in href for p in _site.CARD_SKIP_PATHS):
                    found.section_link = text_of(node)
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
    if found.text_date is None and found.time_date is None:
        found.text_date = parse_visible_when(shown)
    if tag not in ("a", "img", "time", "figcaption"):
        found.leaves.append((node, shown))


def _teaser(card: Element, links: list[Element], urls: list[str], base: str) -> Teaser | None:
    """One teaser from its card, read in one pass over the card.

    Title: the longest text of the story's links, else the card's first
    heading, else the image's alt. Section: another link's text (to a section,
    not a story or tag), else a short text whose element (or parent) has a
    class naming a category, else the first short text without digits. Date:
    a ``<time>``, else a short text that reads as a date.
    """
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
        section = _section_label(parts.leaves, title, picture, in_links)
    return Teaser(
        title=title,
        url=url,
        section=section,
        published=parts.time_date if parts.time_date is not None else parts.text_date,
        image=picture,
    )


def _section_label(
    leaves: list[tuple[Element, str]], title: str, picture: Image | None, in_links: set[Element]
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
        if _DIGIT_RE.search(shown):
            continue  # a rank, a date, "2 hours ago": never a section name
        if _SECTION_CLASS_RE.search(classes(node)) or _SECTION_CLASS_RE.search(classes(node.getparent())):
            return shown
        if fallback is None:
            fallback = shown
    return fallback


# --- the ticker ------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def split_attribution(text: str) -> tuple[str | None, str | None]:
    """Split a ticker line into (attribution, statement), or (None, None).

    >>> split_attribution("Barrack: Damascus will now actively assist us")
    ('Barrack', 'Damascus will now actively assist us')
    >>> split_attribution("An Israeli drone attacked a vehicle in Toul: Al Mayadeen's correspondent")
    ("Al Mayadeen's correspondent", 'An Israeli drone attacked a vehicle in Toul')
    >>> split_attribution("Colombian President orders suspension of intelligence sharing")
    (None, None)
    """
    if ": " not in text:
        return None, None
    head, _, rest = text.partition(": ")
    body, _, tail = text.rpartition(": ")
    tail_words = tail.rstrip(".").split()
    if (
        len(tail_words) <= _site.ATTRIBUTION_TAIL_MAX_WORDS
        and body
        and _ATTRIBUTION_TAIL_RE.search(tail)
        and len(body) > len(tail)
    ):
        return normalize_text(tail.rstrip(".")), normalize_text(body)
    if (
        head
        and rest.strip()
        and len(head.split()) <= _site.SPEAKER_MAX_WORDS
        and not head.rstrip().endswith(("http", "https"))
    ):
        return normalize_text(head), normalize_text(rest)
    return None, None


def ticker(roots: Iterable[Element], skip: Element | None, base: str) -> tuple[BreakingItem, ...]:
    """The ticker's lines in *roots*: list items, else the children of the
    element with the most text-bearing children; one item per distinct text."""
    roots = list(roots)
    skipped = set(skip.iter()) if skip is not None else set()
    lines = [
        li
        for root in roots
        for li in ((root,) if root.tag == "li" else root.iter("li"))
        if li not in skipped and next(li.iterdescendants("li"), None) is None
    ]
    if not lines:
        lines = _line_children(roots, skip)
    items: list[BreakingItem] = []
    seen: set[str] = set()
    for line in lines:
        text = _line_text(line, base)
        if not text or text.casefold() in HEADING_KIND or text in seen:
            continue
        seen.add(text)
        attribution, statement = split_attribution(text)
        items.append(
            BreakingItem(
                text=text, url=_line_url(line, base), time=item_time(line), attribution=attribution, statement=statement
            )
        )
    return tuple(items)


def _line_text(line: Element, base: str) -> str | None:
    if len(line) == 0:
        return normalize_text(line.text)
    parts: list[str] = []
    gather(line, parts, None, base, True)
    return normalize_text("".join(parts).replace(BR, " "))


def _line_url(line: Element, base: str) -> str | None:
    for a in line.iter("a"):
        url = absolutize(a.get("href"), base)
        if url:
            return url
    parent = line.getparent()
    if parent is not None and parent.tag == "a":
        return absolutize(parent.get("href"), base)
    return None


def _line_children(roots: list[Element], skip: Element | None) -> list[Element]:
    """Ticker lines that are not list items: the children of the element with
    the most text-bearing children."""
    best: list[Element] = []
    for root in roots:
        for el in root.iter():
            if el.tag in SKIP_TAGS:
                continue
            kids = [
                child
                for child in el
                if isinstance(child.tag, str)
                and child is not skip
                and child.tag not in SKIP_TAGS
                and not (skip is not None and inside(skip, {child}))
                and text_of(child)
            ]
            if len(kids) > len(best):
                best = kids
    if not best:
        best = [root for root in roots if root is not skip and text_of(root)]
    return best
