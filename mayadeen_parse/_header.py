"""Read the article header: the headline, the standfirst, the byline parts
(``By ...``, ``Source: ...``, the date, ``N Min Read``), the lead figure, the
tag list and the post id. Each function returns what it found.

Byline parts are found by their text (the words of :mod:`._site`), tags by
their ``/tags/`` links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

import attrs
from lxml import etree

from . import _site
from ._locate import SUMMARY_HINT
from ._markup import (
    SKIP_TAGS,
    Element,
    Within,
    caption_el,
    classes,
    figure_box,
    first_img,
    image,
    inside,
    raw,
    text_of,
)
from ._model import Author, Image, Tag
from ._page import Page
from ._text import BR, absolutize, normalize_text, parse_int, parse_visible_datetime

__all__ = ["Byline", "Lead", "Located", "TagList", "best_title", "read_header", "split_names"]


def _words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


BY_RE = re.compile(rf"^(?:{_words(_site.BY_WORDS)})\s+", re.I)
SOURCE_RE = re.compile(rf"^(?:{_words(_site.SOURCE_WORDS)})\s*:\s*", re.I)
# "Source: X" inside a one-line "By" element (case as shown on the site).
_SOURCE_IN_BYLINE_RE = re.compile(rf"(?:{_words(tuple(w.capitalize() for w in _site.SOURCE_WORDS))})\s*:\s*(.+)$")
# What ends the names of a byline: a separator, or the agency part. Matched
# from the separator on (no leading run of spaces: linear); callers normalise.
_BYLINE_CUT_RE = re.compile(
    "(?:"
    + _words(_site.BYLINE_SEPARATORS)
    + "|"
    + _words(tuple(w.capitalize() for w in _site.SOURCE_WORDS))
    + r"\s*:).*",
    re.S,
)
_READ_TIME_RES = tuple(re.compile(p, re.I) for p in _site.READ_TIME_PATTERNS)
# Every pattern starts with the number: a text that does not is none of them
# (and most header lines are tried).
_READ_TIME_NUMBER_FIRST = all(p.startswith(r"^(\d") for p in _site.READ_TIME_PATTERNS)
_NAME_SEPARATOR_RE = re.compile(
    "|".join(
        [f"[{''.join(re.escape(s) for s in _site.AUTHOR_SEPARATORS)}]"]
        + [rf"\b{re.escape(w)}\b" for w in _site.AUTHOR_SEPARATOR_WORDS]
    )
)


def split_names(names: str) -> list[str]:
    """The author names in a byline or a structured author string, normalised,
    in order: "A, B and C" (an outlet name never holds these separators).

    >>> split_names("Karim Nasser, Hana Saleh and Ali")
    ['Karim Nasser', 'Hana Saleh', 'Ali']
    """
    return [n for n in (normalize_text(x) for x in _NAME_SEPARATOR_RE.split(names)) if n]


def cut_byline(text: str) -> str:
    """*text* up to a byline separator or the ``Source:`` part."""
    return _BYLINE_CUT_RE.sub("", text, count=1)


def read_time(text: str) -> int | None:
    """The minutes of a read-time label (``3 Min Read``), else ``None``;
    ``-1`` for a label whose number is unreadable."""
    if _READ_TIME_NUMBER_FIRST and not text[:1].isdecimal():  # (\d is what isdecimal() accepts)
        return None
    for pattern in _READ_TIME_RES:
        match = pattern.match(text)
        if match:
            number = parse_int(match.group(1))
            return -1 if number is None else number
    return None


@attrs.frozen
class Located:
    """One part of the article: its element, the anchor it was found by, its text."""

    el: Element | None = None
    anchor: str = "missing"
    text: str | None = None


# --- the headline -------------------------------------------------------------------


def _in_main(h: Element) -> bool:
    return any(a.tag in ("article", "main") for a in h.iterancestors())


def best_title(page: Page, wanted: Iterable[str | None], skip: frozenset[Element]) -> Located:
    """The headline element.

    The ``<h1>`` is the reference markup, but scrapers of the Arabic edition
    (same CMS) read the headline from an ``<h2>``, and a logo may sit in an
    ``<h1>``: a heading whose text equals a structured title wins first.
    """
    wanted_set = {w.casefold() for w in (normalize_text(x) for x in wanted) if w}
    el, anchor, shown = _title_element(page, wanted_set, skip)
    if el is not None and shown is None:
        shown = text_of(el)
    return Located(el=el, anchor=anchor, text=shown)


def _readable(page: Page, tags: tuple[str, ...], skip: frozenset[Element]) -> list[tuple[Element, str]]:
    found = []
    # One tag's list is in page order already: only several need the sort
    # (and the page-order index it builds over the whole tree).
    ordered = (
        page.elements(tags[0])
        if len(tags) == 1
        else sorted((h for tag in tags for h in page.elements(tag)), key=page.position)
    )
    for h in ordered:
        shown = text_of(h)
        if shown and shown.casefold() not in _site.SITE_NAMES and not inside(h, skip):
            found.append((h, shown))
    return found


def _title_element(
    page: Page, wanted_set: set[str], skip: frozenset[Element]
) -> tuple[Element | None, str, str | None]:
    """The headline element, its anchor, and its text when already read."""
    headings = _readable(page, ("h1",), skip)
    for h, shown in headings:
        if shown.casefold() in wanted_set:
            return h, "h1", shown
    # Read the <h2>/<h3> (teaser titles, block headings) only when needed.
    headings += _readable(page, ("h2", "h3"), skip)
    for level in ("h2", "h3"):
        for h, shown in headings:
            if h.tag == level and shown.casefold() in wanted_set:
                return h, level, shown
    h1s = [h for h, _ in headings if h.tag == "h1"]
    in_article = [h for h in h1s if _in_main(h)]
    if in_article:
        return in_article[0], "h1", None
    if h1s:
        return max(h1s, key=lambda h: len(text_of(h) or "")), "h1", None
    el = _title_by_text(page, wanted_set, skip) if wanted_set else None
    if el is not None:
        return el, "structure", None
    # No <h1> and nothing to compare with: the first substantial <h2> of the
    # main content, never a block heading (those are in *skip* or short).
    for h, shown in headings:
        if h.tag == "h2" and len(shown) >= _site.H2_TITLE_MIN_CHARS and _in_main(h):
            return h, "h2", shown
    return None, "missing", None


def _title_by_text(page: Page, wanted_set: set[str], skip: frozenset[Element]) -> Element | None:
    """A small ``<div>``, ``<span>`` or ``<p>`` whose text is a structured title."""
    for el in sorted((el for tag in ("div", "span", "p") for el in page.elements(tag)), key=page.position):
        if len(el) > _site.TEXT_TITLE_MAX_CHILDREN:
            continue
        candidate = text_of(el)
        if candidate and candidate.casefold() in wanted_set and not inside(el, skip):
            return el
    return None


# --- the standfirst ---------------------------------------------------------------------


def find_summary(
    page: Page,
    region: Element,
    body_set: set[Element],
    region_mode: bool,
    descriptions: Iterable[str | None],
    title_el: Element | None = None,
) -> Located:
    """The standfirst: a class hint, then equality with a structured
    description; with no structured description, its place
    (:func:`_standfirst_by_place`)."""
    for el in SUMMARY_HINT(page, region):
        if not inside(el, body_set) or region_mode:
            return Located(el=el, anchor="class", text=text_of(el))
    wanted = {d for d in (normalize_text(x) for x in descriptions) if d}
    if wanted:
        for el in region.iter("p", "div", "h2"):
            if el.tag != "p" and len(el) > 0:
                continue
            if text_of(el) in wanted:
                return Located(el=el, anchor="description", text=text_of(el))
        return Located()
    return _standfirst_by_place(region, title_el, body_set, region_mode)


def _prose(el: Element) -> bool:
    """A paragraph of prose: long enough, not a byline or source line, not a caption."""
    shown = raw(el).strip()
    return (
        len(shown) >= _site.BODY_START_MIN_CHARS
        and not BY_RE.match(shown)
        and not SOURCE_RE.match(shown)
        and not any(a.tag in ("figure", "figcaption") for a in el.iterancestors())
    )


def _standfirst_by_place(
    region: Element, title_el: Element | None, body_set: set[Element], region_mode: bool
) -> Located:
    """The standfirst by its place (a capture without classes or metadata):
    the first prose paragraph after the headline and its byline, when the
    next thing is the lead image (a figure before any other prose paragraph)
    or, the body being its own container, the body."""
    if title_el is None:
        return Located()
    candidate: Element | None = None
    after_title = False
    for el in region.iter():
        if el is title_el:
            after_title = True
            continue
        if not after_title or not isinstance(el.tag, str) or inside(el, {title_el}):
            continue
        if not region_mode and el in body_set:
            break
        if el.tag in ("figure", "img", "picture"):
            break
        if el.tag == "p" and _prose(el):
            if candidate is not None:
                return Located()  # two paragraphs before the lead image: the body's
            candidate = el
    if candidate is None or (region_mode and not _figure_follows(region, candidate)):
        return Located()
    return Located(el=candidate, anchor="place", text=text_of(candidate))


def _figure_follows(region: Element, el: Element) -> bool:
    """Whether a figure comes after *el* before any other prose paragraph."""
    started = False
    for node in region.iter():
        if node is el:
            started = True
        elif started and isinstance(node.tag, str) and not inside(node, {el}):
            if node.tag in ("figure", "img", "picture"):
                return True
            if node.tag == "p" and _prose(node):
                return False
    return False


# --- the byline and the lead figure ---------------------------------------------------------


@attrs.frozen
class Byline:
    """The byline parts: each element, and what the markup says (raw strings)."""

    by_el: Element | None = None
    source_el: Element | None = None
    date_el: Element | None = None
    read_time_el: Element | None = None
    authors: tuple[Author, ...] = ()
    text: str | None = None
    """The text of the ``By`` element."""
    source: str | None = None
    date_raw: str | None = None
    date_attr: str | None = None
    """A ``<time datetime>`` value."""
    read_time: int | None = None

    def elements(self) -> tuple[Element, ...]:
        return tuple(x for x in (self.by_el, self.source_el, self.date_el, self.read_time_el) if x is not None)


@attrs.frozen
class Lead:
    """The lead figure: its box and its image."""

    el: Element | None = None
    image: Image | None = None


@attrs.define
class _Scan:
    """The header walk's findings so far (private to :func:`read_header`)."""

    by_matches: list[Element] = attrs.Factory(list)
    by_texts: dict[Element, str] = attrs.Factory(dict)  # each match's text_of()
    source_el: Element | None = None
    source: str | None = None
    read_time_el: Element | None = None
    read_time: int | None = None
    date_el: Element | None = None
    date_raw: str | None = None
    date_attr: str | None = None
    lead_el: Element | None = None
    lead_image: Image | None = None


def read_header(header: list[Element], base: str, furniture_set: frozenset[Element]) -> tuple[Byline, Lead]:
    """The byline parts and the lead figure among *header* (page order)."""
    scan = _Scan()
    in_furniture = Within(furniture_set)
    in_lead: set[Element] = set()  # the lead box's descendants, once it is found
    # Elements without text: their descendants have none either (an element's
    # text holds theirs, but for skipped tags, which are left out here), so
    # _text_part would find nothing in them (a share bar of icons).
    blank: set[Element] = set()
    for el in header:
        if el.tag in SKIP_TAGS or in_furniture(el):
            continue
        if el.tag == "time" and scan.date_attr is None:
            # A <time datetime> beats a date read from the text of its parent
            # (<li class="date"><time ...>), which the walk meets first.
            scan.date_el, scan.date_attr, scan.date_raw = el, el.get("datetime"), text_of(el)
        elif el in in_lead:
            pass
        elif scan.lead_el is None and el.tag in ("figure", "img", "picture"):
            _lead(scan, el, base)
            if scan.lead_el is not None:
                in_lead.update(scan.lead_el.iterdescendants())
        elif el.getparent() in blank or _text_part(scan, el):
            blank.add(el)
    return _byline(scan, base), Lead(el=scan.lead_el, image=scan.lead_image)


def _lead(scan: _Scan, el: Element, base: str) -> None:
    img = first_img(el)
    if img is not None and not _is_logo(img):
        box, caption = (el, caption_el(el)) if el.tag == "figure" else figure_box(img)
        scan.lead_el = box
        scan.lead_image = image(img, base, text_of(caption) if caption is not None else None)


def _text_part(scan: _Scan, el: Element) -> bool:
    """Read a byline part from *el*'s text; whether it has no text at all."""
    shown_raw = raw(el)
    if len(shown_raw) > _site.HEADER_PART_MAX_CHARS:
        return False
    shown = normalize_text(shown_raw.replace(BR, " "))
    if not shown:
        return True
    minutes = read_time(shown) if scan.read_time_el is None else None
    if BY_RE.match(shown):
        scan.by_matches.append(el)
        scan.by_texts[el] = shown
    elif scan.source_el is None and SOURCE_RE.match(shown):
        scan.source_el = el
        scan.source = normalize_text(cut_byline(SOURCE_RE.sub("", shown, count=1)))
    elif minutes is not None:
        scan.read_time_el = el
        scan.read_time = None if minutes < 0 else minutes
    if scan.date_el is None and len(shown) < _site.DATE_LINE_MAX_CHARS and parse_visible_datetime(shown) is not None:
        # Checked on its own: a one-line byline holds "By ... | 6 Nov 2023 16:21".
        scan.date_el = el
        scan.date_raw = shown
    return False


def _byline(scan: _Scan, base: str) -> Byline:
    # The innermost "By" elements: drop each one holding another (one walk up
    # from each match, not a test of every pair: thousands of lines).
    matched = set(scan.by_matches)
    holders = {a for o in scan.by_matches for a in o.iterancestors() if a in matched}
    by_matches = [m for m in scan.by_matches if m not in holders]
    by_el = by_matches[0] if by_matches else None
    text = scan.by_texts[by_el] if by_el is not None else None
    source = scan.source
    # A "Source:" inside the "By" element (one-line bylines).
    if source is None and text:
        match = _SOURCE_IN_BYLINE_RE.search(text)
        if match:
            source = normalize_text(cut_byline(match.group(1)))
    return Byline(
        by_el=by_el,
        source_el=scan.source_el,
        date_el=scan.date_el,
        read_time_el=scan.read_time_el,
        authors=_authors(by_el, base) if by_el is not None else (),
        text=text,
        source=source,
        date_raw=scan.date_raw,
        date_attr=scan.date_attr,
        read_time=scan.read_time,
    )


def _is_logo(img: Element) -> bool:
    marker = ((img.get("src") or "") + " " + classes(img) + " " + (img.get("alt") or "")).lower()
    return any(word in marker for word in _site.LOGO_WORDS) or marker.strip().endswith(".svg")


def _authors(el: Element, base: str) -> tuple[Author, ...]:
    authors = []
    for a in el.iter("a"):
        name = text_of(a)
        if name and not SOURCE_RE.match(name):
            authors.append(Author(name=BY_RE.sub("", name), url=absolutize(a.get("href"), base)))
    if authors:
        return tuple(authors)
    shown = text_of(el) or ""
    return tuple(Author(name=n) for n in split_names(cut_byline(BY_RE.sub("", shown, count=1))))


# --- tags and the post id ----------------------------------------------------------------------

# Tag links after the body, in page order (a tag list may sit outside <article>).
_TAG_LINKS_AFTER = etree.XPath(
    "following::a[" + " or ".join(f"contains(@href, '{path}')" for path in _site.TAG_PATHS) + "]"
)


@attrs.frozen
class TagList:
    """The tag list: its box and its tags, in order."""

    el: Element | None = None
    tags: tuple[Tag, ...] = ()


def is_tag_link(href: str | None) -> bool:
    return href is not None and any(map(href.__contains__, _site.TAG_PATHS))


def read_tags(region: Element, last_body: Element | None, base: str, furniture_set: frozenset[Element]) -> TagList:
    """The largest box around the first usable tag link that holds only tag links."""

    def usable(a: Element) -> bool:
        # An inline link to a tag page inside a paragraph is body text.
        return not any(x.tag == "p" for x in a.iterancestors()) and not inside(a, furniture_set)

    first = next((a for a in region.iter("a") if is_tag_link(a.get("href")) and usable(a)), None)
    if first is None and last_body is not None:
        after = cast("list[Element]", _TAG_LINKS_AFTER(last_body))
        first = next((a for a in after if usable(a)), None)
    if first is None:
        return TagList()
    box = first
    while True:
        parent = box.getparent()
        if parent is None or parent.tag in ("body", "html") or parent is region:
            break
        if not all(is_tag_link(a.get("href")) for a in parent.iter("a")):
            break
        box = parent
    tags: dict[str, Tag] = {}
    for a in box.iter("a"):
        name = text_of(a)
        if name:
            name = name.lstrip("#").strip() or name
            tags.setdefault(name, Tag(name=name, url=absolutize(a.get("href"), base)))
    return TagList(el=box, tags=tuple(tags.values()))


def post_id(region: Element) -> str | None:
    """A post id attribute on the article element or an ancestor."""
    for el in (region, *region.iterancestors()):
        for attr in _site.POST_ID_ATTRS:
            value = el.get(attr)
            if value and value.strip().isdigit():
                return value.strip()
    return None
