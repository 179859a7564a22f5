"""Read the breaking items: the ticker's lines and the second breaking list.

A ticker line is one breaking item; the homepage's second list
(``section.breaking-news-vertical``) shows the same items with their place
and time label, merged into the ticker's (:func:`merge_breaking`). The
readers take the block's root elements, found by ``_furniture``.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable

from . import _site
from ._cards import Reading, card_of, in_copy, keys_below, label_value
from ._labels import parse_time_label, split_place
from ._locate import HEADING_KIND
from ._markup import SKIP_TAGS, Element, gather, inside, item_time, text_of
from ._model import BreakingItem
from ._text import BR, absolutize, looks_like_story_path, normalize_text
from ._urls import story_key

__all__ = ["breaking_item", "breaking_list", "merge_breaking", "split_attribution", "ticker"]

_ATTRIBUTION_TAIL_RE = re.compile(_site.ATTRIBUTION_TAIL, re.I)
# A clock time in a line's head ("الساعة 12:30: ..."): a time, not a speaker.
_CLOCK_RE = re.compile(r"\d{1,2}:\d{2}")


# --- the ticker ------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def split_attribution(text: str) -> tuple[str | None, str | None]:
    """Split a ticker line into (attribution, statement), or (None, None).

    A short tail naming a source ("...: Al Mayadeen's correspondent") is the
    attribution however short the statement; else a short head is the
    speaker ("Barrack: ..."), unless it is a label ("Breaking: ...") or a
    clock time ("12:30: ...").

    >>> split_attribution("Barrack: Damascus will now actively assist us")
    ('Barrack', 'Damascus will now actively assist us')
    >>> split_attribution("An Israeli drone attacked a vehicle in Toul: Al Mayadeen's correspondent")
    ("Al Mayadeen's correspondent", 'An Israeli drone attacked a vehicle in Toul')
    >>> split_attribution("2 martyrs in Khiam: Al Mayadeen's correspondent")
    ("Al Mayadeen's correspondent", '2 martyrs in Khiam')
    >>> split_attribution("Breaking: explosion in Beirut")
    (None, 'explosion in Beirut')
    >>> split_attribution("Colombian President orders suspension of intelligence sharing")
    (None, None)
    """
    if ": " not in text:
        return None, None
    head, _, rest = text.partition(": ")
    body, _, tail = text.rpartition(": ")
    tail_words = tail.rstrip(".").split()
    if body and len(tail_words) <= _site.ATTRIBUTION_TAIL_MAX_WORDS and _ATTRIBUTION_TAIL_RE.search(tail):
        return normalize_text(tail.rstrip(".")), normalize_text(body)
    if not head or not rest.strip() or head.rstrip().endswith(("http", "https")):
        return None, None
    if normalize_text(head.casefold()) in _site.TICKER_LABELS:
        return None, normalize_text(rest)
    if len(head.split()) <= _site.SPEAKER_MAX_WORDS and _CLOCK_RE.search(head) is None:
        return normalize_text(head), normalize_text(rest)
    return None, None


def ticker(roots: Iterable[Element], skip: Element | None, reading: Reading) -> tuple[BreakingItem, ...]:
    """The ticker's lines in *roots*: list items, else the children of the
    element with the most text-bearing children; one item per distinct text."""
    base = reading.base
    roots = list(roots)
    skipped = set(skip.iter()) if skip is not None else set()
    lines = []
    for root in roots:
        copies: dict[Element, bool] = {}
        lines += [
            li
            for li in ((root,) if root.tag == "li" else root.iter("li"))
            if li not in skipped and next(li.iterdescendants("li"), None) is None and not in_copy(li, root, copies)
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
        items.append(breaking_item(text, _line_url(line, base), item_time(line), None, None, reading))
    return tuple(items)


def breaking_item(
    text: str,
    url: str | None,
    time: datetime.datetime | None,
    place: str | None,
    label: str | None,
    reading: Reading,
) -> BreakingItem:
    """One item from what its line shows: *place* from the page's own place
    link when it has one, else a place of the site's vocabulary before the
    first colon (``_labels.split_place``); attribution and statement from
    the text after the place; *time* from the label against the fetch time."""
    rest = text
    if place is not None:
        head, colon, tail = text.partition(":")
        if colon and normalize_text(head) == place:
            rest = normalize_text(tail) or text
    else:
        place, rest = split_place(text)
        rest = rest if place is not None else text
    attribution, statement = split_attribution(rest)
    if statement is None and place is not None:
        statement = rest
    if time is None and label is not None:
        when = label_value(label, reading)
        time = when if isinstance(when, datetime.datetime) else None
    return BreakingItem(
        text=text, url=url, time=time, time_label=label, attribution=attribution, statement=statement, place=place
    )


# --- the second breaking list ------------------------------------------------------


def breaking_list(roots: Iterable[Element], reading: Reading) -> tuple[BreakingItem, ...]:
    """The items of a breaking list that shows each item's place as a link
    (``/maingroup/<place>``) and its time label beside the statement
    [cms: ``section.breaking-news-vertical``]; read by structure, not by
    class: an item is the largest element around one story link."""
    base = reading.base
    items: list[BreakingItem] = []
    seen: set[str] = set()
    for root in roots:
        copies: dict[Element, bool] = {}
        links = [a for a in root.iter("a") if not in_copy(a, root, copies)]
        story = {a: absolutize(a.get("href"), base) for a in links if not _place_link(a)}
        owner = {a: story_key(url) for a, url in story.items() if url and looks_like_story_path(url)}
        below = keys_below(owner)
        for a, key in owner.items():
            if key in seen:
                continue
            text = text_of(a)
            if not text:
                continue
            seen.add(key)
            card = card_of(a, key, below, {root})
            place, label = _place_and_label(card, a)
            items.append(breaking_item(text, story[a], item_time(card), place, label, reading))
    return tuple(items)


def _place_link(a: Element) -> bool:
    href = a.get("href") or ""
    return any(part in href for part in _site.PLACE_PATHS)


def _place_and_label(card: Element, statement: Element) -> tuple[str | None, str | None]:
    """The place link's text and the first short text reading as a time label."""
    place = label = None
    inner = set(statement.iter())
    for node in card.iter():
        if node in inner or not isinstance(node.tag, str) or node.tag in SKIP_TAGS:
            continue
        if node.tag == "a" and place is None and _place_link(node):
            place = text_of(node)
        elif label is None and node.text and len(node.text) < _site.CARD_LABEL_MAX_CHARS:
            shown = normalize_text(node.text)
            if shown and parse_time_label(shown) is not None:
                label = shown
    return place, label


def merge_breaking(
    ticker_items: tuple[BreakingItem, ...], listed: tuple[BreakingItem, ...], reading: Reading
) -> tuple[BreakingItem, ...]:
    """The ticker's items with the second list's place and time label filled
    in (matched by URL, else by statement), in the ticker's order; the list's
    items the ticker lacks follow, in their order. Never an item twice."""
    if not listed:
        return ticker_items
    if not ticker_items:
        return listed
    by_url = {_item_key(item.url): item for item in listed if item.url}
    by_text = {item.text: item for item in listed}
    used: set[int] = set()
    merged: list[BreakingItem] = []
    for item in ticker_items:
        match = by_url.get(_item_key(item.url)) if item.url else None
        if match is None:
            match = next((x for t, x in by_text.items() if item.text.endswith(t) and id(x) not in used), None)
        if match is None:
            merged.append(item)
            continue
        used.add(id(match))
        merged.append(
            breaking_item(
                item.text,
                item.url or match.url,
                item.time or match.time,
                match.place or item.place,
                match.time_label,
                reading,
            )
        )
    merged.extend(item for item in listed if id(item) not in used)
    return tuple(merged)


def _item_key(url: str | None) -> str:
    return story_key(url or "")


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
