"""Read the visible markup: locate each block, then read it.

The class names of the site's markup are not known for certain (see the site
reference: only ``div.p-content`` and ``p.lg_para.summary`` are seen in public
scrapers), so every block is located by the most specific anchor that works,
in this order, and the anchor used is recorded for the report:

``class``
    a class name from the reference markup (``.breaking-news``, ``.most-read``,
    ``.related-news``, ``.read-next``, ``div.p-content``...);
``heading``
    the block's visible heading (``BREAKING``, ``Most Read``, ``Related News``,
    ``Read Next``), matched case- and whitespace-insensitively, and the nearest
    enclosing element that holds the block's items;
``structure``
    the shape of the content alone (the element that holds most of the
    article's paragraphs; a box of linked headlines inside the body).

Byline parts are found by their text (``By ...``, ``Source: ...``, a
``6 Nov 2023 16:21`` date, ``3 Min Read``), tags by their ``/tags/`` links.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from typing import Any

import attrs
from cssselect import HTMLTranslator
from lxml import etree

from ._model import (
    Author,
    Block,
    BreakingItem,
    Embed,
    Figure,
    Heading,
    Image,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Tag,
    Teaser,
)
from ._page import Page
from ._text import (
    BR,
    absolutize,
    looks_like_story_path,
    normalize_lines,
    normalize_text,
    parse_int,
    parse_iso_datetime,
    parse_visible_date,
    parse_visible_datetime,
    parse_visible_when,
    split_credit,
)

__all__ = ["ArticleLayout", "Furniture", "article_layout", "furniture"]

Element = Any  # lxml.etree._Element; kept loose so the public stubs stay simple

_css = HTMLTranslator().css_to_xpath


class Hint:
    """A class-name hint: a CSS selector list of simple compounds (``tag.class``,
    ``.class``, ``#id``, ``[attr~=token]``), matched against the class index.

    Hints are looked for on container elements only (:data:`_HINT_TAGS`):
    that is where the site's blocks, body and standfirst live, and it keeps
    the scan to a few hundred elements on a page carrying thousands of menu
    links. ``tests/test_dom_scans.py`` holds it to the cssselect XPath.
    """

    _COMPOUND_RE = re.compile(
        r"^(?P<tag>[a-z][a-z0-9]*)?(?:\.(?P<cls>[A-Za-z_][\w-]*)|#(?P<id>[A-Za-z_][\w-]*)"
        r"|\[(?P<attr>[a-z][\w-]*)~=(?P<token>[A-Za-z_][\w-]*)\])$"
    )

    def __init__(self, css: str) -> None:
        self.css = css
        parts = []
        for part in css.split(","):
            match = self._COMPOUND_RE.match(part.strip())
            if match is None:
                raise ValueError(f"not a simple selector: {part!r}")
            if match["cls"]:
                parts.append((match["tag"], "class", match["cls"]))
            elif match["id"]:
                parts.append((match["tag"], "id", match["id"]))
            else:
                parts.append((match["tag"], match["attr"], match["token"]))
        self.parts: tuple[tuple[str | None, str, str], ...] = tuple(parts)
        _HINT_KEYS.update((attr, token) for _, attr, token in parts)

    def __repr__(self) -> str:
        return f"Hint({self.css!r})"

    def __call__(self, page: Page, context: Element | None = None) -> list[Element]:
        """Matching elements in document order (within *context*, itself included)."""
        index = _class_index(page)
        found: dict[Element, None] = {}
        for tag, attr, token in self.parts:
            for el in index.get((attr, token), ()):
                if tag is None or el.tag == tag:
                    found[el] = None
        result = sorted(found, key=page.position) if len(self.parts) > 1 else list(found)
        if context is not None and context is not page.root:
            result = [el for el in result if el is context or _inside(el, {context})]
        return result


_HINT_KEYS: set[tuple[str, str]] = set()
_HINT_TAGS = (
    "div", "section", "aside", "article", "main", "header", "footer", "ul", "ol", "p", "span", "figure", "h2",
)  # fmt: skip


def _class_index(page: Page) -> dict[tuple[str, str], list[Element]]:
    """``(attr, token) -> elements`` in page order, for every token a
    :class:`Hint` names, over the container elements of the page (cached)."""
    cached: dict[tuple[str, str], list[Element]] | None = page._cache.get("class_index")
    if cached is not None:
        return cached
    index: dict[tuple[str, str], list[Element]] = {}
    keys = _HINT_KEYS
    for tag in _HINT_TAGS:
        for el in page.elements(tag):
            for attr in ("class", "id", "itemprop"):
                value = el.get(attr)
                if value:
                    # An id is one value (#x is @id = 'x'); class and itemprop
                    # are whitespace-separated tokens (.x and [itemprop~=x]).
                    for token in (value,) if attr == "id" else value.split():
                        if (attr, token) in keys:
                            index.setdefault((attr, token), []).append(el)
    for found in index.values():
        found.sort(key=page.position)
    page._cache["class_index"] = index
    return index


# Subtrees that never hold a block heading: menus (a "Most Read" menu entry is
# a link, not the block), graphics, scripts and forms.
_NO_HEADINGS = frozenset(
    {"nav", "svg", "math", "script", "style", "noscript", "template", "select", "form", "iframe", "object"}
)


def _heading_nodes(page: Page) -> list[tuple[Element, bool, str]]:
    """Every text node under ``<body>`` that reads as a block heading, in
    document order: ``(element, is_tail, heading)``, *element* being the one
    whose ``text`` (or, when *is_tail*, ``tail``) it is. One pruned walk."""
    cached: list[tuple[Element, bool, str]] | None = page._cache.get("heading_nodes")
    if cached is not None:
        return cached
    found: list[tuple[Element, bool, str]] = []
    for body in page.elements("body"):
        if not any(a.tag == "body" for a in body.iterancestors()):
            _walk_headings(body, found)
    page._cache["heading_nodes"] = found
    return found


def _walk_headings(el: Element, found: list[tuple[Element, bool, str]]) -> None:
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in _NO_HEADINGS:
            text = child.text
            if text is not None and len(text) < 80 and not text.isspace():
                key = " ".join(text.split()).lower()
                if key in _HEADING_KIND:
                    found.append((child, False, key))
            if len(child):
                _walk_headings(child, found)
        text = child.tail
        if text is not None and len(text) < 80 and not text.isspace():
            key = " ".join(text.split()).lower()
            if key in _HEADING_KIND:
                found.append((child, True, key))


def _select(css: str) -> Hint:
    return Hint(css)


# --- block headings ----------------------------------------------------------

#: Visible headings of each page block, lower case, whitespace collapsed.
HEADINGS: dict[str, tuple[str, ...]] = {
    "breaking": ("breaking", "breaking news", "urgent"),
    "most_read": ("most read", "most popular", "most viewed"),
    "related": ("related news", "related", "related articles", "related stories"),
    "read_next": ("read next", "up next", "more stories"),
    "coverage": ("coverage",),
}
_HEADING_KIND = {text: kind for kind, texts in HEADINGS.items() for text in texts}
# Every text node whose whole (collapsed, lower-cased) text is a block
# heading; the match is done by libxml2, so only headings come back.
_INLINE_TAGS = frozenset({"span", "b", "strong", "em", "i", "a", "font", "small", "u", "mark", "label", "bdi"})
# Blocks whose text is running prose: an inline heading word inside one of
# these starts a sentence ("<p><b>Read next</b>: <a>...</a></p>").
_PROSE_TAGS = frozenset({"p", "li", "td", "dd", "figcaption", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "a"})


def _reads(el: Element, wanted: str) -> bool:
    """Whether the whole text of *el* is *wanted* (a short heading), without
    gathering the text of a large element: it stops once the text is longer."""
    budget = len(wanted) * 3 + 40
    parts: list[str] = []
    size = 0
    for text in el.itertext():
        size += len(text)
        if size > budget:
            return False
        parts.append(text)
    return (normalize_text("".join(parts)) or "").casefold() == wanted


def _heading_element(el: Element, is_tail: bool, wanted: str) -> Element | None:
    """The element a heading text node names, or None if it is part of prose."""
    if is_tail:
        el = el.getparent()
        if el is None or not _reads(el, wanted):
            return None
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


# Class names of the reference markup (reconstructed): tried first, so that a
# change of class names shows in the report as "found by heading".
#   <div class="breaking-news" id="breaking-news"><span class="breaking-label">BREAKING</span>
#   <section class="most-read"><h2 class="section-title">Most Read</h2>
#   <div class="related-news"><div class="related-title">Related News</div>
#   <section class="read-next"><h2 class="section-title">Read Next</h2>
#   <section class="coverage"><h2 class="section-title">Coverage</h2>
_BLOCK_CLASSES = {
    "breaking": _select(".breaking-news, #breaking-news"),
    "most_read": _select(".most-read"),
    "related": _select(".related-news"),
    "read_next": _select(".read-next"),
    "coverage": _select("section.coverage"),
}

# <div class="p-content"> holds the body paragraphs (seen in public scrapers
# of the Arabic edition); the others are common CMS names, newest first.
_BODY_CSS = (
    "div.p-content, [itemprop~=articleBody], .article-body, .article-content, "
    ".article__body, .post-content, .entry-content, .story-body"
)
_BODY_CLASSES = _select(_BODY_CSS)
_BODY_CLASS_SELF = etree.XPath(f"boolean({_css(_BODY_CSS, prefix='self::')})")
# <p class="lg_para summary"> is the standfirst (Arabic edition scrapers).
_SUMMARY_CLASSES = _select("p.summary, p.lg_para, .article-summary, .standfirst, .excerpt")

_SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "form", "button", "input",
        "select", "textarea", "nav", "link", "meta", "object", "embed", "canvas", "map",
        "head", "title", "hr", "dialog",
    }
)  # fmt: skip
_HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_CONTAINER_TAGS = frozenset(
    {
        "div", "section", "article", "main", "aside", "center", "header", "footer", "font",
        "span", "dl", "dd", "dt", "details", "summary", "address", "picture", "body",
    }
)  # fmt: skip
_BLOCK_TAGS = (
    frozenset({"p", "blockquote", "figure", "img", "iframe", "ul", "ol", "table", "video", "audio", "pre"})
    | _CONTAINER_TAGS.difference({"span", "font", "picture"})
    | frozenset(_HEADING_TAGS)
)
_INLINE_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "button", "select", "textarea"})

_AD_RE = re.compile(r"(?:^|[\s_-])(?:ad|ads|adv|advert\w*|gpt-ad\w*|dfp|sponsor\w*|banner)(?:$|[\s_-])", re.I)
_SHARE_RE = re.compile(
    r"(?:twitter\.com|x\.com)/(?:intent|share)|facebook\.com/(?:sharer|share\.php|dialog)"
    r"|wa\.me/|whatsapp\.com/send|whatsapp://|t\.me/share|telegram\.me/share|linkedin\.com/share"
    r"|reddit\.com/submit|pinterest\.com/pin|^mailto:\?|addtoany|sharethis",
    re.I,
)
_PROMO_RE = re.compile(r"^(?:read next|read also|also read|read more|see also|related)\s*[:\-\u2013\u2014]", re.I)
_READ_TIME_RE = re.compile(r"^(\d{1,3})\s*min(?:ute)?s?\.?\s*read$", re.I)
_CLOCK_RE = re.compile(r"^\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?$", re.I)
_BY_RE = re.compile(r"^by\s+", re.I)
# No leading/trailing \s*: every result is normalised afterwards, and a \s*
# tried at each space of a long run is quadratic in the run.
_BYLINE_CUT_RE = re.compile(r"(?:\||\u00b7|\u2022|\u2014|Source\s*:).*$", re.S)
_AUTHOR_SPLIT_RE = re.compile(r",|;|\band\b|&")
_SOURCE_RE = re.compile(r"^source\s*:\s*", re.I)
_TIME_ATTRS = ("datetime", "data-time", "data-datetime", "data-date", "data-published", "data-timestamp")


# --- small readers -------------------------------------------------------------


def _classes(el: Element) -> str:
    return (el.get("class") or "") + " " + (el.get("id") or "")


def _is_ad(el: Element) -> bool:
    marker = _classes(el)
    return len(marker) > 1 and _AD_RE.search(marker) is not None


def _is_hidden(el: Element) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style) and "none" in style and re.search(r"display\s*:\s*none", style, re.I) is not None


def _gather(el: Element, parts: list[str], links: list[Link] | None, base: str, skip_clock: bool) -> None:
    """Append the rendered text of *el*'s content (not its tail) to *parts*."""
    if el.text:
        parts.append(el.text)
    for child in el:
        tag = child.tag
        if tag == "br":
            parts.append(BR)
        elif (
            not isinstance(tag, str)
            or tag in _INLINE_SKIP
            or (skip_clock and (tag == "time" or (len(child) == 0 and _CLOCK_RE.match((child.text or "").strip()))))
        ):
            pass
        elif tag == "a" and links is not None:
            _gather_link(child, parts, links, base, skip_clock)
        else:
            _gather(child, parts, links, base, skip_clock)
        if child.tail:
            parts.append(child.tail)


def _raw(el: Element) -> str:
    if len(el) == 0:
        return el.text or ""
    parts: list[str] = []
    _gather(el, parts, None, "", False)
    return "".join(parts)


def text_of(el: Element) -> str | None:
    """The normalised rendered text of an element (scripts excluded)."""
    return normalize_text(_raw(el).replace(BR, " "))


def _inside(el: Element, containers: set[Element] | frozenset[Element]) -> bool:
    if not containers:
        return False
    return any(ancestor in containers for ancestor in el.iterancestors())


def _img_src(img: Element, base: str) -> str | None:
    # Lazy-loading attributes first: "src" then often holds a placeholder.
    for attr in ("data-src", "data-lazy-src", "data-original", "src"):
        value = img.get(attr)
        if value:
            url = absolutize(value, base)
            if url:
                return url
    srcset = img.get("data-srcset") or img.get("srcset")
    if srcset:
        # The first candidate's URL, as HTML parses a srcset: skip whitespace
        # and commas, take the run up to whitespace, drop its trailing commas
        # (a URL may hold commas: "/img,w_800/a.jpg 2x").
        words = srcset.lstrip("\t\n\f\r ,").split(None, 1)
        return absolutize(words[0].rstrip(",") if words else None, base)
    return None


def _first_img(el: Element) -> Element | None:
    if el.tag == "img":
        return el
    for img in el.iter("img"):
        return img
    return None


def _image(img: Element, base: str, caption_text: str | None, title: str | None = None) -> Image | None:
    url = _img_src(img, base)
    if url is None:
        return None
    alt = normalize_text(img.get("alt"))
    if caption_text is not None:
        caption, credit = split_credit(caption_text)
    elif alt and (title is None or alt.casefold() != title.casefold()):
        caption, credit = split_credit(alt)
        if title is None and credit is None:
            # Without a figcaption, an alt text is a caption only when it
            # reads like one (it ends with a credit): alts are often cut short.
            caption = None
    else:
        caption = credit = None
    return Image(url=url, alt=alt, caption=caption, credit=credit)


_CAPTION_CLASS_RE = re.compile(r"caption|credit", re.I)


def _caption_el(box: Element) -> Element | None:
    """A ``<figcaption>``, else an element whose class names a caption."""
    for cap in box.iter("figcaption"):
        return cap
    for node in box.iter():
        if node.tag not in ("img", "picture", "source") and _CAPTION_CLASS_RE.search(node.get("class") or ""):
            return node
    return None


def _figcaption(box: Element) -> str | None:
    cap = _caption_el(box)
    return text_of(cap) if cap is not None else None


# A figure box is small (an image, a caption, a credit); a larger element is
# not one, and its size is checked before anything in it is read.
_FIGURE_BOX_MAX = 64


def _figure_box(img: Element) -> tuple[Element, Element | None]:
    """The element framing an image, and its caption element if it has one.

    ``<figure>`` is the reference markup; a ``<div>`` holding one image and a
    ``class="...caption..."`` element is the common variant.
    """
    node = img
    for _ in range(3):
        parent = node.getparent()
        if parent is None:
            break
        if parent.tag == "figure":
            return parent, _caption_el(parent)
        if parent.tag in ("picture", "a"):
            node = parent
            continue
        if next(itertools.islice(parent.iter(), _FIGURE_BOX_MAX, None), None) is not None:
            break  # a box of many elements is a section, not a figure box (and is not read whole per image)
        if sum(1 for _ in parent.iter("img")) > 1:
            break
        caption = _caption_el(parent)
        if caption is not None:
            if text_of(parent) != text_of(caption):
                break  # other text around: not a figure box
            return parent, caption
        node = parent
    return node, None


_ISO_DAY_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def _iso_day(value: str) -> Any:
    import datetime

    match = _ISO_DAY_RE.match(value)
    if match is None:
        return None
    try:
        return datetime.date(*map(int, match.groups()))
    except ValueError:
        return None


def _item_time(el: Element) -> Any:
    for node in (el, *el.iter("time")):
        for attr in _TIME_ATTRS:
            value = node.get(attr)
            if value:
                moment = parse_iso_datetime(value)
                if moment is not None:
                    return moment
    for node in el.iter():
        if node is not el:
            for attr in _TIME_ATTRS[1:]:
                value = node.get(attr)
                if value:
                    moment = parse_iso_datetime(value)
                    if moment is not None:
                        return moment
    return None


# --- page furniture ---------------------------------------------------------


@attrs.define
class Found:
    """A located block: its items, its elements and the anchor used."""

    kind: str
    items: tuple[Any, ...] = ()
    elements: tuple[Element, ...] = ()
    heading: Element | None = None
    anchor: str = "missing"
    """``"class"``, ``"heading"``, ``"structure"`` or ``"missing"``."""
    detail: str | None = None
    """What matched: the selector, or the heading text."""


@attrs.define
class Furniture:
    """Every page block located on one page."""

    blocks: dict[str, Found]
    containers: frozenset[Element]
    """The block elements: nothing inside them belongs to the article."""


def _teasers(roots: Iterable[Element], boundary: set[Element], skip: Element | None, base: str) -> tuple[Teaser, ...]:
    """Linked headlines in *roots*, one per story URL, in page order."""
    skipped = set(skip.iter()) if skip is not None else ()
    groups: dict[str, list[Element]] = {}
    first_url: dict[str, str] = {}
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
            first_url.setdefault(key, url)
            owner[a] = key
            link_url[a] = url
    teasers = []
    for key, links in groups.items():
        card = links[0]
        while True:
            parent = card.getparent()
            if parent is None or parent in boundary:
                break
            if any(owner.get(a, key) != key for a in parent.iter("a")):
                break
            card = parent
        teaser = _teaser(card, links, [link_url[a] for a in links], base)
        if teaser is not None:
            teasers.append(teaser)
    return tuple(teasers)


_SECTION_CLASS_RE = re.compile(r"categ|section|kicker|label|rubric|topic", re.I)


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
    img = heading = section_link = classed = fallback = time_date = text_date = None
    leaves: list[tuple[Element, str]] = []
    for node in card.iter():
        tag = node.tag
        if tag == "img":
            if img is None:
                img = node
        elif tag == "a":
            if section_link is None and node not in in_links:
                href = absolutize(node.get("href"), base)
                if href and not looks_like_story_path(href) and "/tags/" not in href:
                    section_link = text_of(node)
        elif tag == "time":
            if time_date is None:
                time_date = _time_value(node)
        elif heading is None and tag in _HEADING_TAGS:
            heading = node  # read only if the links give no title
        if len(node) == 0 and node.text and len(node.text) < 40:
            shown = normalize_text(node.text)
            if shown:
                if text_date is None and time_date is None:
                    text_date = parse_visible_when(shown)
                if tag not in ("a", "img", "time", "figcaption"):
                    leaves.append((node, shown))
    if title is None and heading is not None:
        title = text_of(heading)
    if title is None and img is not None:
        title = normalize_text(img.get("alt"))
    if title is None:
        return None
    image = _image(img, base, None, title) if img is not None else None
    if section_link is not None and section_link == title:
        section_link = None
    if section_link is None:
        for node, shown in leaves:
            if shown == title or len(shown) > 40 or len(shown.split()) > 4 or node in in_links:
                continue
            if image is not None and shown in (image.alt, image.caption):
                continue
            if _DIGIT_RE.search(shown):
                continue  # a rank, a date, "2 hours ago": never a section name
            if _SECTION_CLASS_RE.search(_classes(node)) or _SECTION_CLASS_RE.search(_classes(node.getparent())):
                classed = shown
                break
            if fallback is None:
                fallback = shown
    return Teaser(
        title=title,
        url=url,
        section=section_link or classed or fallback,
        published=time_date if time_date is not None else text_date,
        image=image,
    )


_DIGIT_RE = re.compile(r"\d")


def _time_value(node: Element) -> Any:
    """The date or aware datetime a ``<time>`` element states, or ``None``."""
    for attr in _TIME_ATTRS:
        value = node.get(attr)
        if value:
            moment = parse_iso_datetime(value)
            if moment is not None:
                return moment
            day = parse_visible_date(value) or _iso_day(value)
            if day is not None:
                return day
    shown = text_of(node)
    return parse_visible_when(shown)


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
        len(tail_words) <= 6
        and body
        and re.search(r"correspondent|reporter|sources?$|media$|al mayadeen", tail, re.I)
        and len(body) > len(tail)
    ):
        return normalize_text(tail.rstrip(".")), normalize_text(body)
    if head and rest.strip() and len(head.split()) <= 20 and not head.rstrip().endswith(("http", "https")):
        return normalize_text(head), normalize_text(rest)
    return None, None


def _ticker(roots: Iterable[Element], skip: Element | None, base: str) -> tuple[BreakingItem, ...]:
    roots = list(roots)
    skipped = set(skip.iter()) if skip is not None else ()
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
        if len(line) == 0:
            text = normalize_text(line.text)
        else:
            parts: list[str] = []
            _gather(line, parts, None, base, True)
            text = normalize_text("".join(parts).replace(BR, " "))
        if not text or text.casefold() in _HEADING_KIND or text in seen:
            continue
        seen.add(text)
        url = None
        for a in line.iter("a"):
            url = absolutize(a.get("href"), base)
            if url:
                break
        if url is None and line.getparent() is not None and line.getparent().tag == "a":
            url = absolutize(line.getparent().get("href"), base)
        attribution, statement = split_attribution(text)
        items.append(
            BreakingItem(text=text, url=url, time=_item_time(line), attribution=attribution, statement=statement)
        )
    return tuple(items)


def _line_children(roots: list[Element], skip: Element | None) -> list[Element]:
    """Ticker lines that are not list items: the children of the element with
    the most text-bearing children."""
    best: list[Element] = []
    for root in roots:
        for el in root.iter():
            if el.tag in _SKIP_TAGS:
                continue
            kids = [
                child
                for child in el
                if isinstance(child.tag, str)
                and child is not skip
                and child.tag not in _SKIP_TAGS
                and not (skip is not None and _inside(skip, {child}))
                and text_of(child)
            ]
            if len(kids) > len(best):
                best = kids
    if not best:
        best = [root for root in roots if root is not skip and text_of(root)]
    return best


def _items(kind: str, roots: list[Element], boundary: set[Element], skip: Element | None, base: str) -> tuple[Any, ...]:
    if kind == "breaking":
        return _ticker(roots, skip, base)
    if kind == "coverage":
        return ()
    return _teasers(roots, boundary, skip, base)


def _contentful(el: Element, skip: Element) -> bool:
    """Whether *el* holds article text (so is not a block's own box).

    A paragraph of running text directly inside it, or the body's own class,
    means the block's heading sits among the article's paragraphs.
    """
    if _BODY_CLASS_SELF(el):
        return True
    return any(child.tag == "p" and child is not skip and len(_raw(child).strip()) >= 30 for child in el)


def furniture(page: Page) -> Furniture:
    """Locate the ticker, Most Read, Related News, Read Next and Coverage.

    A block found by its class name needs only a look for its heading inside
    its own box; the walk over the whole page for headings runs only when a
    block has to be found by its heading.
    """
    cached: Furniture | None = page._cache.get("furniture")
    if cached is not None:
        return cached
    base = page.base_url
    blocks: dict[str, Found] = {}
    missing: list[str] = []
    for kind in HEADINGS:
        for el in _BLOCK_CLASSES[kind](page):
            head = next(iter(_headings_in(el, kind)), None)
            items = _items(kind, [el], {el}, head, base)
            if items or kind == "coverage":
                detail = el.get("class")
                blocks[kind] = Found(
                    kind=kind, items=items, elements=(el,), heading=head, anchor="class", detail=detail
                )
                break
        else:
            missing.append(kind)
    if missing:
        headings: dict[str, list[Element]] = {}
        heading_elements: list[Element] = []
        for node, is_tail, wanted in _heading_nodes(page):
            el = _heading_element(node, is_tail, wanted)
            if el is not None:
                headings.setdefault(_HEADING_KIND[wanted], []).append(el)
                heading_elements.append(el)
        holds_article = _holding_article(page)
        # How many block headings each element holds (itself included),
        # counted once: _climb asks it of every heading it tries.
        held: dict[Element, int] = {}
        for h in dict.fromkeys(heading_elements):
            for el in (h, *h.iterancestors()):
                held[el] = held.get(el, 0) + 1
        for kind in missing:
            found = Found(kind=kind)
            for head in headings.get(kind, ()):
                located = _climb(kind, head, held, base, holds_article)
                if located is not None:
                    items, elements = located
                    detail = text_of(head)
                    found = Found(
                        kind=kind, items=items, elements=elements, heading=head, anchor="heading", detail=detail
                    )
                    break
            blocks[kind] = found
    blocks = {kind: blocks[kind] for kind in HEADINGS}
    containers = frozenset(el for found in blocks.values() for el in found.elements)
    result = Furniture(blocks=blocks, containers=containers)
    page._cache["furniture"] = result
    return result


def _holding_article(page: Page) -> set[Element]:
    """Every element that holds the headline, an ``<article>`` or the body container."""
    markers = [*page.elements("h1"), *page.elements("article"), *_BODY_CLASSES(page)]
    holding: set[Element] = set()
    for marker in markers:
        holding.add(marker)
        holding.update(marker.iterancestors())
    return holding


def _headings_in(box: Element, kind: str) -> list[Element]:
    """The heading of *kind* at the top of *box* (the box included), if any.

    A block's heading comes before its items: only the first elements of the
    box are looked at, not its whole subtree.
    """
    found = []
    for count, el in enumerate(box.iter()):
        if count > 24:
            break
        for is_tail, text in ((False, el.text), (True, el.tail if el is not box else None)):
            if text is not None and len(text) < 80 and not text.isspace():
                wanted = " ".join(text.split()).lower()
                if _HEADING_KIND.get(wanted) == kind:
                    head = _heading_element(el, is_tail, wanted)
                    if head is not None:
                        found.append(head)
    return found


def _climb(
    kind: str, head: Element, held: dict[Element, int], base: str, holds_article: set[Element]
) -> tuple[tuple[Any, ...], tuple[Element, ...]] | None:
    """The block a heading names: ``(items, elements)``, or None.

    Climbs from the heading to the nearest ancestor holding the block's items;
    where the heading shares its parent with other blocks or with the article
    (*holds_article*: the ancestors of the headline, of any ``<article>`` and of
    the body container), the block is the run of siblings after the heading.
    *held* counts the block headings each element holds: an ancestor of
    *head* holds another one when it holds two, a sibling when it holds one.
    """
    node = head
    for _ in range(8):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        if held.get(parent, 0) > 1 or _contentful(parent, head) or parent in holds_article:
            # The heading shares its parent with other blocks or with the
            # article (whose links are not the block's): the block is the run
            # of siblings after the heading.
            run = []
            for sibling in node.itersiblings():
                if not isinstance(sibling.tag, str):
                    continue
                if sibling.tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6") and not _story_links_only(sibling, base):
                    break
                if held.get(sibling, 0) > 0:
                    break
                run.append(sibling)
            if kind == "coverage":
                return (), (node, *run)
            items = _items(kind, run, {parent}, None, base)
            return (items, (node, *run)) if items else None
        if kind == "coverage":
            if len(parent) > 1:
                return (), (parent,)
        else:
            items = _items(kind, [parent], {parent}, head, base)
            if items:
                return items, (parent,)
        node = parent
    return None


def _story_links_only(el: Element, base: str) -> bool:
    links = [absolutize(a.get("href"), base) for a in el.iter("a")]
    return bool(links) and all(url and looks_like_story_path(url) for url in links) and el.tag != "p"


# --- the article ------------------------------------------------------------


@attrs.define
class ArticleLayout:
    """Where each part of the article is, and what the markup says."""

    title_el: Element | None = None
    title_anchor: str = "missing"
    region: Element | None = None
    body_roots: tuple[Element, ...] = ()
    body_anchor: str = "missing"
    header_end: Element | None = None
    summary_el: Element | None = None
    summary_anchor: str = "missing"
    lead_el: Element | None = None
    byline_el: Element | None = None
    source_el: Element | None = None
    date_el: Element | None = None
    read_time_el: Element | None = None
    tags_el: Element | None = None
    skip: set[Element] = attrs.Factory(set)
    # What the markup says (raw strings, before normalising):
    title: str | None = None
    summary: str | None = None
    authors: tuple[Author, ...] = ()
    byline_raw: str | None = None
    source: str | None = None
    date_raw: str | None = None
    date_attr: str | None = None
    read_time: int | None = None
    lead_image: Image | None = None
    tags: tuple[Tag, ...] = ()
    body: tuple[Block, ...] = ()
    see_also: tuple[Link, ...] = ()
    post_id: str | None = None


_SITE_NAMES = frozenset({"al mayadeen english", "al mayadeen", "almayadeen", "الميادين", "slogan"})


def _best_title(page: Page, wanted: Iterable[str | None], skip: frozenset[Element]) -> tuple[Element | None, str]:
    """The headline element: ``(element, anchor)``.

    The ``<h1>`` is the reference markup, but scrapers of the Arabic edition
    (same CMS) read the headline from an ``<h2>``, and a logo may sit in an
    ``<h1>``: a heading whose text equals a structured title wins first.
    """
    wanted_set = {w.casefold() for w in (normalize_text(x) for x in wanted) if w}

    def readable(tags: tuple[str, ...]) -> list[tuple[Element, str]]:
        found = []
        for h in sorted((h for tag in tags for h in page.elements(tag)), key=page.position):
            shown = text_of(h)
            if shown and shown.casefold() not in _SITE_NAMES and not _inside(h, skip):
                found.append((h, shown))
        return found

    headings = readable(("h1",))
    for h, shown in headings:
        if shown.casefold() in wanted_set:
            return h, "h1"
    # Read the <h2>/<h3> (teaser titles, block headings) only when needed.
    headings += readable(("h2", "h3"))
    for level in ("h2", "h3"):
        for h, shown in headings:
            if h.tag == level and shown.casefold() in wanted_set:
                return h, level
    h1s = [h for h, _ in headings if h.tag == "h1"]
    in_article = [h for h in h1s if any(a.tag in ("article", "main") for a in h.iterancestors())]
    if in_article:
        return in_article[0], "h1"
    if h1s:
        return max(h1s, key=lambda h: len(text_of(h) or "")), "h1"
    if wanted_set:
        for el in sorted((el for tag in ("div", "span", "p") for el in page.elements(tag)), key=page.position):
            if len(el) > 2:
                continue
            candidate = text_of(el)
            if candidate and candidate.casefold() in wanted_set and not _inside(el, skip):
                return el, "structure"
    # No <h1> and nothing to compare with: the first substantial <h2> of the
    # main content, never a block heading (those are in *skip* or short).
    for h, shown in headings:
        if h.tag == "h2" and len(shown) >= 25 and any(a.tag in ("article", "main") for a in h.iterancestors()):
            return h, "h2"
    return None, "missing"


def article_layout(
    page: Page, *, wanted_titles: Iterable[str | None] = (), descriptions: Iterable[str | None] = ()
) -> ArticleLayout:
    """Locate and read the article's parts (cached on the page)."""
    cached: ArticleLayout | None = page._cache.get("article_layout")
    if cached is not None:
        return cached
    layout = _article_layout(page, list(wanted_titles), list(descriptions))
    page._cache["article_layout"] = layout
    return layout


def _ancestors(el: Element) -> list[Element]:
    return list(el.iterancestors())


def _lca(a: Element, b: Element) -> Element | None:
    chain = {id(x): x for x in (a, *a.iterancestors())}
    for x in (b, *b.iterancestors()):
        if id(x) in chain:
            return x
    return None


def _article_layout(page: Page, wanted_titles: list[str | None], descriptions: list[str | None]) -> ArticleLayout:
    base = page.base_url
    furn = furniture(page)
    furniture_set = furn.containers
    layout = ArticleLayout()
    excluded = furniture_set | frozenset(page.elements("nav"))
    layout.title_el, layout.title_anchor = _best_title(page, wanted_titles, excluded)
    if layout.title_el is not None:
        layout.title = text_of(layout.title_el)

    # The body: class anchor first, then the element holding most paragraphs.
    roots = [el for el in _BODY_CLASSES(page) if not _inside(el, furniture_set)]
    # The outermost ones: one walk up from each, not a test of every pair.
    root_set = set(roots)
    roots = [el for el in roots if not any(a in root_set for a in el.iterancestors())]
    roots = [el for el in roots if any(True for _ in el.iter("p")) or text_of(el)]
    if roots:
        layout.body_roots, layout.body_anchor = tuple(roots), "class"
    else:
        outside = frozenset(el for kind, f in furn.blocks.items() if kind != "related" for el in f.elements)
        found = _body_by_structure(page, excluded, outside, descriptions)
        if found is not None:
            layout.body_roots, layout.body_anchor = (found,), "structure"

    # The article region: <article>, else what holds both title and body.
    title_el = layout.title_el
    region = None
    if title_el is not None:
        region = next((a for a in title_el.iterancestors() if a.tag == "article"), None)
        if region is None and layout.body_roots:
            region = _lca(title_el, layout.body_roots[0])
        if region is None:
            region = title_el.getparent()
    elif layout.body_roots:
        region = next((a for a in layout.body_roots[0].iterancestors() if a.tag == "article"), None)
        region = region if region is not None else layout.body_roots[0].getparent()
    layout.region = region
    if region is None:
        return layout

    body_set = set(layout.body_roots)
    region_mode = any(title_el is not None and (b is title_el or _inside(title_el, {b})) for b in layout.body_roots)

    # The summary: class anchor, then equality with a structured description.
    wanted_summaries = {d for d in (normalize_text(x) for x in descriptions) if d}
    for el in _SUMMARY_CLASSES(page, region):
        if not _inside(el, body_set) or region_mode:
            layout.summary_el, layout.summary_anchor = el, "class"
            break
    if layout.summary_el is None and wanted_summaries:
        for el in region.iter("p", "div", "h2"):
            if el.tag != "p" and len(el) > 0:
                continue
            if text_of(el) in wanted_summaries:
                layout.summary_el, layout.summary_anchor = el, "description"
                break
    if layout.summary_el is not None:
        layout.summary = text_of(layout.summary_el)

    # Walk the region in page order up to the body: byline parts, lead image.
    header: list[Element] = []
    first_body = layout.body_roots[0] if layout.body_roots and not region_mode else None
    title_subtree = set(title_el.iter()) if title_el is not None else set()
    stop = None
    for el in region.iter():
        if el is first_body or (region_mode and _starts_body(el, layout)):
            stop = el
            break
        if el in title_subtree or not isinstance(el.tag, str):
            continue
        header.append(el)
    if stop is not None:  # the wrappers around the body are not header parts
        around = set(stop.iterancestors())
        header = [el for el in header if el not in around]
    _read_header(layout, header, base, furniture_set)

    if region_mode:
        parts = [
            x
            for x in (
                title_el,
                layout.byline_el,
                layout.source_el,
                layout.date_el,
                layout.read_time_el,
                layout.summary_el,
                layout.lead_el,
            )
            if x is not None
        ]
        order = {el: i for i, el in enumerate(region.iter())}
        layout.header_end = max(parts, key=lambda x: order.get(x, -1)) if parts else None
        layout.skip.update(parts)

    _read_tags(layout, region, base, furniture_set)
    layout.post_id = _post_id(region)
    if layout.body_roots:
        _read_body(layout, base, furniture_set)
    return layout


def _starts_body(el: Element, layout: ArticleLayout) -> bool:
    """In region mode: the first real paragraph after the title starts the body."""
    if el.tag != "p" or el is layout.summary_el:
        return False
    if layout.title_el is None:
        return True
    shown = _raw(el)
    return len(shown.strip()) >= 40 and not _BY_RE.match(shown.strip()) and not _SOURCE_RE.match(shown.strip())


def _barred(el: Element, excluded: frozenset[Element], memo: dict[Element, bool]) -> bool:
    """Whether paragraphs inside *el* cannot be article text (memoised)."""
    found = memo.get(el)
    if found is None:
        found = memo[el] = el in excluded or el.tag in ("footer", "aside", "nav") or _is_ad(el)
    return found


def _body_by_structure(
    page: Page, excluded: frozenset[Element], outside: frozenset[Element], descriptions: list[str | None]
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
        size = len(_raw(p).strip())
        if size < 30:
            continue
        chain = _ancestors(p)
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
        if any(_inside(f, {parent}) for f in outside):
            break
        extra = sum(size for size, chain in chains if parent in chain and best not in chain and chain[0] is not parent)
        extra += sum(size for size, chain in chains if chain[0] is parent)
        if extra < 80:
            break
        best = parent
    return best


def _read_header(layout: ArticleLayout, header: list[Element], base: str, furniture_set: frozenset[Element]) -> None:
    by_matches: list[Element] = []
    for el in header:
        tag = el.tag
        if tag in _SKIP_TAGS or _inside(el, furniture_set):
            continue
        if tag == "time" and layout.date_attr is None:
            # A <time datetime> beats a date read from the text of its parent
            # (<li class="date"><time ...>), which the walk meets first.
            layout.date_el = el
            layout.date_attr = el.get("datetime")
            layout.date_raw = text_of(el)
            continue
        if layout.lead_el is not None and _inside(el, {layout.lead_el}):
            continue
        if layout.lead_el is None and tag in ("figure", "img", "picture"):
            img = _first_img(el)
            if img is not None and not _is_logo(img) and not _inside(el, layout.skip):
                box, caption = (el, _caption_el(el)) if tag == "figure" else _figure_box(img)
                layout.lead_el = box
                layout.lead_image = _image(img, base, text_of(caption) if caption is not None else None)
            continue
        raw = _raw(el)
        if len(raw) > 300:
            continue
        shown = normalize_text(raw.replace(BR, " "))
        if not shown:
            continue
        if _BY_RE.match(shown):
            by_matches.append(el)
        elif layout.source_el is None and _SOURCE_RE.match(shown):
            layout.source_el = el
            layout.source = normalize_text(_BYLINE_CUT_RE.sub("", _SOURCE_RE.sub("", shown, count=1)))
        elif layout.read_time_el is None and _READ_TIME_RE.match(shown):
            layout.read_time_el = el
            match = _READ_TIME_RE.match(shown)
            layout.read_time = parse_int(match.group(1)) if match else None
        if layout.date_el is None and len(shown) < 120 and parse_visible_datetime(shown) is not None:
            # Checked on its own: a one-line byline holds "By ... | 6 Nov 2023 16:21".
            layout.date_el = el
            layout.date_raw = shown
    # The innermost "By" elements: drop each one holding another (one walk up
    # from each match, not a test of every pair: thousands of lines).
    matched = set(by_matches)
    holders = {a for o in by_matches for a in o.iterancestors() if a in matched}
    by_matches = [m for m in by_matches if m not in holders]
    if by_matches:
        el = by_matches[0]
        layout.byline_el = el
        layout.byline_raw = text_of(el)
        layout.authors = _authors(el, base)
    # A "Source:" inside the "By" element (one-line bylines).
    if layout.source is None and layout.byline_raw and "Source" in layout.byline_raw:
        match = re.search(r"Source\s*:\s*(.+)$", layout.byline_raw)
        if match:
            layout.source = normalize_text(_BYLINE_CUT_RE.sub("", match.group(1)))


def _is_logo(img: Element) -> bool:
    marker = ((img.get("src") or "") + " " + _classes(img) + " " + (img.get("alt") or "")).lower()
    return "logo" in marker or "slogan" in marker or marker.strip().endswith(".svg")


def _authors(el: Element, base: str) -> tuple[Author, ...]:
    authors = []
    for a in el.iter("a"):
        name = text_of(a)
        if name and not _SOURCE_RE.match(name):
            authors.append(Author(name=_BY_RE.sub("", name), url=absolutize(a.get("href"), base)))
    if authors:
        return tuple(authors)
    shown = text_of(el) or ""
    names = _BYLINE_CUT_RE.sub("", _BY_RE.sub("", shown, count=1))
    return tuple(Author(name=n) for n in (normalize_text(x) for x in _split_names(names)) if n)


def _split_names(names: str) -> list[str]:
    # "A, B and C"; an outlet name never holds these separators.
    return _AUTHOR_SPLIT_RE.split(names)


# Tag links after the body, in page order (a tag list may sit outside <article>).
_TAG_LINKS_AFTER = etree.XPath("following::a[contains(@href, '/tags/') or contains(@href, '/tag/')]")


def _read_tags(layout: ArticleLayout, region: Element, base: str, furniture_set: frozenset[Element]) -> None:
    def usable(a: Element) -> bool:
        # An inline link to a tag page inside a paragraph is body text.
        return not any(x.tag == "p" for x in a.iterancestors()) and not _inside(a, furniture_set)

    first = next((a for a in region.iter("a") if _is_tag_link(a.get("href")) and usable(a)), None)
    if first is None and layout.body_roots:
        first = next((a for a in _TAG_LINKS_AFTER(layout.body_roots[-1]) if usable(a)), None)
    if first is None:
        return
    # The tag list: the largest box around the first tag link that holds only tag links.
    box = first
    while True:
        parent = box.getparent()
        if parent is None or parent.tag in ("body", "html") or parent is region:
            break
        if not all(_is_tag_link(a.get("href")) for a in parent.iter("a")):
            break
        box = parent
    tags: dict[str, Tag] = {}
    for a in box.iter("a"):
        name = text_of(a)
        if name:
            name = name.lstrip("#").strip() or name
            tags.setdefault(name, Tag(name=name, url=absolutize(a.get("href"), base)))
    layout.tags = tuple(tags.values())
    layout.tags_el = box
    layout.skip.add(box)


def _is_tag_link(href: str | None) -> bool:
    return bool(href) and ("/tags/" in href or "/tag/" in href)  # type: ignore[operator]


def _post_id(region: Element) -> str | None:
    for el in (region, *region.iterancestors()):
        for attr in ("data-id", "data-postid", "data-post-id", "data-article-id"):
            value: str | None = el.get(attr)
            if value and value.strip().isdigit():
                return value.strip()
    return None


# --- the body walk ------------------------------------------------------------


class _Walker:
    """Turns the body containers into blocks, in page order."""

    def __init__(self, layout: ArticleLayout, base: str, skip: set[Element]) -> None:
        self.base = base
        self.skip = skip
        self.blocks: list[Block] = []
        self.see_also: list[Link] = []
        self.pending: list[str] = []
        self.pending_links: list[Link] = []
        self.header_end = layout.header_end
        self.header_chain = set(layout.header_end.iterancestors()) if layout.header_end is not None else set()
        self.order: dict[Element, int] | None = None
        self.region = layout.region

    # inline runs (text directly inside a container, <a>, <strong>...)
    def _flush(self) -> None:
        if self.pending:
            self._paragraph("".join(self.pending), tuple(self.pending_links))
        self.pending, self.pending_links = [], []

    def _paragraph(self, raw: str, links: tuple[Link, ...]) -> None:
        text = normalize_lines(raw)
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
            tag = child.tag
            if not isinstance(tag, str):
                pass
            elif child in self.skip or _is_hidden(child):
                self._flush()
            elif self.header_end is not None and (child in self.header_chain or self._before_header_end(child)):
                self._flush()
                if child in self.header_chain:
                    self.walk(child, depth + 1)
                    self._flush()
            elif tag == "br":
                self.pending.append(BR)
            elif tag in _SKIP_TAGS:
                if tag == "script" and child.get("data-telegram-post"):
                    self._flush()
                    post = child.get("data-telegram-post", "").strip("/")
                    self.blocks.append(Embed(provider="telegram", url=f"https://t.me/{post}"))
            elif tag in _BLOCK_TAGS or (tag in _CONTAINER_TAGS and _has_blocks(child)):
                self._flush()
                self._block(child, tag, depth)
            elif _is_ad(child) and tag in _CONTAINER_TAGS:
                pass
            else:
                self._inline(child)
            if child.tail:
                self.pending.append(child.tail)

    def _inline(self, el: Element) -> None:
        _gather_self(el, self.pending, self.pending_links, self.base)

    def _block(self, el: Element, tag: str, depth: int) -> None:
        if tag == "p" or (tag in _CONTAINER_TAGS and not _has_blocks(el)):
            if tag != "p" and _is_ad(el):
                return
            embed = _embed_in(el, self.base)
            if embed is not None and not _meaningful_text(el):
                self.blocks.append(embed)
                return
            parts: list[str] = []
            links: list[Link] = []
            _gather(el, parts, links, self.base, False)
            raw = "".join(parts)
            if not normalize_text(raw.replace(BR, " ")):
                for img in el.iter("img"):
                    image = _image(img, self.base, _figcaption(el) if tag != "p" else None)
                    if image is not None:
                        self.blocks.append(Figure(image=image))
                return
            self._paragraph(raw, tuple(links))
        elif tag in _HEADING_TAGS:
            text = text_of(el)
            if text:
                links = []
                _gather(el, [], links, self.base, False)
                if links and _PROMO_RE.match(text):
                    self.see_also.extend(links)
                else:
                    self.blocks.append(Heading(text=text, level=_HEADING_TAGS[tag]))
        elif tag == "blockquote":
            self.blocks.append(_blockquote(el, self.base))
        elif tag in ("figure", "img", "picture"):
            embed = _embed_in(el, self.base) if tag == "figure" else None
            img = _first_img(el)
            if img is not None:
                image = _image(img, self.base, _figcaption(el) if tag == "figure" else None)
                if image is not None:
                    self.blocks.append(Figure(image=image))
                    return
            if embed is not None:
                self.blocks.append(embed)
        elif tag in ("iframe", "video", "audio"):
            embed = _media_embed(el, self.base)
            if embed is not None:
                self.blocks.append(embed)
        elif tag in ("ul", "ol"):
            if _is_share_list(el):
                return
            items = tuple(t for t in (normalize_lines(_raw(li)) for li in el.iterchildren("li")) if t)
            if items:
                self.blocks.append(ListBlock(items=items, ordered=tag == "ol"))
        elif tag == "table":
            for row in el.iter("tr"):
                cells = [text_of(cell) for cell in row if cell.tag in ("td", "th")]
                text = " | ".join(c for c in cells if c)
                if text:
                    self.blocks.append(Paragraph(text=text))
        elif tag == "pre":
            text = normalize_text(_raw(el))
            if text:
                self.blocks.append(Paragraph(text=text))
        else:  # a container with blocks inside
            if _is_ad(el) and not _meaningful_text(el):
                return
            img = _first_img(el)
            if img is not None:
                box, caption = _figure_box(img)
                if box is el and caption is not None:
                    image = _image(img, self.base, text_of(caption))
                    if image is not None:
                        self.blocks.append(Figure(image=image))
                        return
            if _is_share_list(el):
                return
            if depth > 64:
                text = text_of(el)
                if text:
                    self.blocks.append(Paragraph(text=text))
                return
            self.walk(el, depth + 1)
            self._flush()


def _gather_self(el: Element, parts: list[str], links: list[Link], base: str) -> None:
    """Like :func:`_gather` but for *el* itself (an inline element)."""
    if el.tag in _INLINE_SKIP:
        return
    if el.tag == "a":
        _gather_link(el, parts, links, base, False)
    else:
        _gather(el, parts, links, base, False)


def _gather_link(a: Element, parts: list[str], links: list[Link], base: str, skip_clock: bool) -> None:
    """Gather a link's text into *parts* and record it as a :class:`Link`."""
    start = len(parts)
    _gather(a, parts, links, base, skip_clock)
    url = absolutize(a.get("href"), base)
    title = normalize_text("".join(parts[start:]).replace(BR, " "))
    if url and title:
        links.append(Link(title=title, url=url))


def _has_blocks(el: Element) -> bool:
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and (tag in _BLOCK_TAGS or (tag in _CONTAINER_TAGS and _has_blocks(child))):
            return True
    return False


def _meaningful_text(el: Element) -> bool:
    text = text_of(el)
    return text is not None and len(text) > 2


def _is_share_list(el: Element) -> bool:
    hrefs = [a.get("href") or "" for a in el.iter("a")]
    return bool(hrefs) and all(_SHARE_RE.search(h) for h in hrefs)


_PROVIDERS = (
    ("youtube", ("youtube.com", "youtube-nocookie.com", "youtu.be")),
    ("twitter", ("twitter.com", "x.com")),
    ("instagram", ("instagram.com",)),
    ("facebook", ("facebook.com", "fb.watch")),
    ("tiktok", ("tiktok.com",)),
    ("telegram", ("t.me", "telegram.org", "telegram.me")),
    ("vimeo", ("vimeo.com",)),
    ("soundcloud", ("soundcloud.com",)),
    ("spotify", ("spotify.com",)),
    ("dailymotion", ("dailymotion.com",)),
)
_AD_HOSTS = ("doubleclick.net", "googlesyndication.com", "googletagservices.com", "adservice.google")


def _provider(url: str) -> str:
    host = url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    host = host.removeprefix("www.")
    for name, hosts in _PROVIDERS:
        if any(host == h or host.endswith("." + h) for h in hosts):
            return name
    return host or "unknown"


def _media_embed(el: Element, base: str) -> Embed | None:
    src = el.get("src") or el.get("data-src")
    if not src and el.tag in ("video", "audio"):
        for source in el.iter("source"):
            src = source.get("src")
            if src:
                break
    url = absolutize(src, base)
    if url is None:
        return None
    if any(host in url for host in _AD_HOSTS):
        return None
    provider = el.tag if el.tag in ("video", "audio") and "//" not in (src or "")[:8] else _provider(url)
    return Embed(provider=provider, url=url, text=normalize_text(el.get("title")))


def _embed_in(el: Element, base: str) -> Embed | None:
    for node in el.iter("iframe", "video", "blockquote", "audio"):
        if node.tag == "blockquote":
            block = _blockquote(node, base)
            return block if isinstance(block, Embed) else None
        return _media_embed(node, base)
    return None


def _blockquote(el: Element, base: str) -> Block:
    marker = (el.get("class") or "").lower()
    links = [(a, absolutize(a.get("href"), base)) for a in el.iter("a")]
    provider = None
    if "twitter" in marker:
        provider = "twitter"
    elif "instagram" in marker:
        provider = "instagram"
    elif "tiktok" in marker:
        provider = "tiktok"
    elif "fb-" in marker or "facebook" in marker:
        provider = "facebook"
    elif "reddit" in marker:
        provider = "reddit"
    elif "telegram" in marker:
        provider = "telegram"
    elif any(url and re.search(r"(?:twitter|x)\.com/[^/]+/status/", url) for _, url in links):
        provider = "twitter"
    if provider is None:
        return _quote(el)
    url = el.get("data-instgrm-permalink") or el.get("cite") or el.get("data-href")
    url = absolutize(url, base) if url else None
    status_link = None
    if provider == "twitter":
        for a, link in reversed(links):
            if link and "/status/" in link:
                status_link, url = a, link
                break
    if url is None:
        url = next((link for _, link in links if link), None)
    if provider == "twitter":
        first_p = next(el.iter("p"), None)
        text = normalize_lines(_raw(first_p)) if first_p is not None else None
        rest: list[str] = []
        if first_p is not None and first_p.tail:
            rest.append(first_p.tail)
        started = first_p is None
        for child in el:
            if child is first_p:
                started = True
                continue
            if not started:
                continue
            if child is not status_link and isinstance(child.tag, str):
                rest.append(_raw(child))
            if child.tail:
                rest.append(child.tail)
        author = normalize_text("".join(rest).replace(BR, " "))
        if author:
            author = normalize_text(author.lstrip("\u2014\u2013- ")) or None
        if first_p is None:
            text, author = text_of(el), None
        return Embed(provider=provider, url=url, text=text, author=author)
    return Embed(provider=provider, url=url, text=text_of(el))


def _quote(el: Element) -> Block:
    attribution = None
    parts = []
    for node in el.iter("cite", "footer"):
        shown = text_of(node)
        attribution = normalize_text(shown.lstrip("\u2014\u2013-~ ")) if shown else None
        break
    paragraphs = list(el.iter("p"))
    parts = [normalize_lines(_raw(p)) for p in paragraphs] if paragraphs else [normalize_lines(_raw(el))]
    text = "\n".join(p for p in parts if p)
    if attribution and text.endswith(attribution):
        text = text[: -len(attribution)].rstrip(" \n\u2014\u2013-")
    return Quote(text=text or (attribution or ""), attribution=attribution)


def _read_body(layout: ArticleLayout, base: str, furniture_set: frozenset[Element]) -> None:
    skip = set(layout.skip) | set(furniture_set)
    if layout.lead_el is not None:
        skip.add(layout.lead_el)
    walker = _Walker(layout, base, skip)
    for root in layout.body_roots:
        walker.walk(root)
        walker._flush()
    layout.body = tuple(walker.blocks)
    layout.see_also = tuple(walker.see_also)
