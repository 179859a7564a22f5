"""Small readers of markup shared by every extractor: the rendered text of an
element, images and their captions, times, ads and hidden elements.

Elements are :class:`lxml.etree._Element` from :func:`~mayadeen_parse.load_page`.
"""

from __future__ import annotations

import datetime
import itertools
import re

from lxml import etree

from . import _site
from ._model import Image, Link
from ._text import (
    BR,
    absolutize,
    normalize_text,
    parse_iso_datetime,
    parse_visible_date,
    parse_visible_when,
    split_credit,
)

__all__ = ["Element", "text_of"]

Element = etree._Element

#: Tags whose content is never rendered text.
SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "form", "button", "input",
        "select", "textarea", "nav", "link", "meta", "object", "embed", "canvas", "map",
        "head", "title", "hr", "dialog",
    }
)  # fmt: skip
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
CONTAINER_TAGS = frozenset(
    {
        "div", "section", "article", "main", "aside", "center", "header", "footer", "font",
        "span", "dl", "dd", "dt", "details", "summary", "address", "picture", "body",
    }
)  # fmt: skip
BLOCK_TAGS = (
    frozenset({"p", "blockquote", "figure", "img", "iframe", "ul", "ol", "table", "video", "audio", "pre"})
    | CONTAINER_TAGS.difference({"span", "font", "picture"})
    | frozenset(HEADING_TAGS)
)
INLINE_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "button", "select", "textarea"})

_AD_RE = re.compile(r"(?:^|[\s_-])(?:" + "|".join(_site.AD_WORDS) + r")(?:$|[\s_-])", re.I)
_CLOCK_RE = re.compile(r"^\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?$", re.I)
_DISPLAY_NONE_RE = re.compile(r"display\s*:\s*none", re.I)
_CAPTION_CLASS_RE = re.compile("|".join(_site.CAPTION_CLASS_WORDS), re.I)
_ISO_DAY_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def classes(el: Element | None) -> str:
    """The class and id of *el*, space-joined (``" "`` for none)."""
    if el is None:
        return " "
    return (el.get("class") or "") + " " + (el.get("id") or "")


def is_ad(el: Element) -> bool:
    """An ad slot: ad markup (a class or id of :data:`_site.AD_WORDS`: a gpt
    or dfp slot id, ``ad``, ``banner``...) and no prose (no text, or only an
    "Advertisement" label, :data:`_site.AD_LABELS`). A marked element holding
    a sentence is content: a class name alone never drops text."""
    marker = classes(el)
    if len(marker) <= 1 or _AD_RE.search(marker) is None:
        return False
    shown = text_of(el)
    return shown is None or shown.casefold() in _site.AD_LABELS


def is_hidden(el: Element) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return style is not None and "none" in style and _DISPLAY_NONE_RE.search(style) is not None


def gather(el: Element, parts: list[str], links: list[Link] | None, base: str, skip_clock: bool) -> None:
    """Append the rendered text of *el*'s content (not its tail) to *parts*."""
    if el.text:
        parts.append(el.text)
    for child in el:
        tag = child.tag
        if tag == "br":
            parts.append(BR)
        elif (
            not isinstance(tag, str)
            or tag in INLINE_SKIP
            or (skip_clock and (tag == "time" or (len(child) == 0 and _CLOCK_RE.match((child.text or "").strip()))))
        ):
            pass
        elif tag == "a" and links is not None:
            gather_link(child, parts, links, base, skip_clock)
        else:
            gather(child, parts, links, base, skip_clock)
        if child.tail:
            parts.append(child.tail)


def gather_link(a: Element, parts: list[str], links: list[Link], base: str, skip_clock: bool) -> None:
    """Gather a link's text into *parts* and record it as a :class:`Link`."""
    start = len(parts)
    gather(a, parts, links, base, skip_clock)
    url = absolutize(a.get("href"), base)
    title = normalize_text("".join(parts[start:]).replace(BR, " "))
    if url and title:
        links.append(Link(title=title, url=url))


def gather_self(el: Element, parts: list[str], links: list[Link], base: str) -> None:
    """Like :func:`gather` but for *el* itself (an inline element)."""
    if el.tag in INLINE_SKIP:
        return
    if el.tag == "a":
        gather_link(el, parts, links, base, False)
    else:
        gather(el, parts, links, base, False)


def raw(el: Element) -> str:
    """The rendered text of *el*, not normalised (``<br>`` as :data:`BR`)."""
    if len(el) == 0:
        return el.text or ""
    for node in el.iterdescendants():
        # (a plain iteration tested here is faster than iterdescendants()
        # with the nine tag names of these two sets: lxml's tag matcher
        # costs more to set up than a small subtree costs to visit)
        tag = node.tag
        if tag == "br" or (tag in INLINE_SKIP and (node.text or len(node))):
            parts: list[str] = []
            gather(el, parts, None, "", False)
            return "".join(parts)
    # No line break, and nothing skipped that shows text (a lone <script
    # src>): the text nodes as they are, joined at C level (comments and
    # processing instructions give no text, tails stay).
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def text_of(el: Element) -> str | None:
    """The normalised rendered text of an element (scripts excluded)."""
    return normalize_text(raw(el).replace(BR, " "))


def inside(el: Element, containers: set[Element] | frozenset[Element]) -> bool:
    """Whether an ancestor of *el* is one of *containers*."""
    if not containers:
        return False
    return any(ancestor in containers for ancestor in el.iterancestors())


class Within:
    """:func:`inside` for many elements asked in page order: an element's
    answer is its parent's (kept from when the parent was asked), so each
    costs one step up instead of a walk to the root.

    It holds the elements asked about: keep one only for one reading.
    """

    __slots__ = ("_known", "containers")

    def __init__(self, containers: set[Element] | frozenset[Element]) -> None:
        self.containers = containers
        self._known: dict[Element, bool] = {}

    def __call__(self, el: Element) -> bool:
        """Whether an ancestor of *el* is one of the containers."""
        containers = self.containers
        parent = el.getparent()
        if parent is None or not containers:
            return False
        found = parent in containers or self._known.get(parent)
        if found is None:
            found = inside(parent, containers)
        self._known[el] = found
        return found


_PLACEHOLDER_RE = re.compile("|".join(_site.IMAGE_PLACEHOLDERS), re.I)


def img_src(img: Element, base: str) -> str | None:
    """The real URL of an image: lazy-loading attributes first (``src`` then
    often holds a placeholder), ``srcset`` candidates' first URL; never a
    placeholder (:data:`_site.IMAGE_PLACEHOLDERS`)."""
    for attr in _site.IMAGE_SRC_ATTRS:
        value = img.get(attr)
        if not value:
            continue
        if attr.endswith("srcset"):
            # The first candidate, as HTML splits a srcset: leading commas and
            # spaces skipped, the URL up to white space (it may hold commas),
            # a trailing comma dropped (", /a.jpg 2x" is "/a.jpg").
            words = value.lstrip("\t\n\f\r ,").split(None, 1)
            value = words[0].rstrip(",") if words else ""
        url = absolutize(value, base) if value else None
        if url and not _PLACEHOLDER_RE.search(url):
            return url
    return None


def first_img(el: Element) -> Element | None:
    if el.tag == "img":
        return el
    for img in el.iter("img"):
        return img
    return None


def image(img: Element, base: str, caption_text: str | None, title: str | None = None) -> Image | None:
    """An :class:`Image` from an ``<img>``: its caption from *caption_text*,
    else from an alt text that differs from *title* and reads like a caption."""
    url = img_src(img, base)
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


def caption_el(box: Element) -> Element | None:
    """A ``<figcaption>``, else an element whose class names a caption."""
    for cap in box.iter("figcaption"):
        return cap
    for node in box.iter():
        if node.tag not in ("img", "picture", "source") and _CAPTION_CLASS_RE.search(node.get("class") or ""):
            return node
    return None


def figcaption(box: Element) -> str | None:
    cap = caption_el(box)
    return text_of(cap) if cap is not None else None


def figure_box(img: Element) -> tuple[Element, Element | None]:
    """The element framing an image, and its caption element if it has one.

    ``<figure>`` is the reference markup; a ``<div>`` holding one image and a
    ``class="...caption..."`` element is the common variant.
    """
    node = img
    for _ in range(_site.FIGURE_CLIMB_LEVELS):
        parent = node.getparent()
        if parent is None:
            break
        if parent.tag == "figure":
            return parent, caption_el(parent)
        if parent.tag in ("picture", "a"):
            node = parent
            continue
        if next(itertools.islice(parent.iter(), _site.FIGURE_BOX_MAX_ELEMENTS, None), None) is not None:
            break  # a section, not a figure box (and not read whole once per image)
        if sum(1 for _ in parent.iter("img")) > 1:
            break
        caption = caption_el(parent)
        if caption is not None:
            if text_of(parent) != text_of(caption):
                break  # other text around: not a figure box
            return parent, caption
        node = parent
    return node, None


def _iso_day(value: str) -> datetime.date | None:
    match = _ISO_DAY_RE.match(value)
    if match is None:
        return None
    try:
        return datetime.date(*map(int, match.groups()))
    except ValueError:
        return None


def item_time(el: Element) -> datetime.datetime | None:
    """The aware time an element (or a ``<time>``, or a descendant's
    ``data-time``...) states in an attribute."""
    for node in (el, *el.iter("time")):
        moment = _attribute_time(node, _site.TIME_ATTRS)
        if moment is not None:
            return moment
    for node in el.iterdescendants():
        moment = _attribute_time(node, _site.TIME_ATTRS[1:])
        if moment is not None:
            return moment
    return None


def _attribute_time(node: Element, attrs: tuple[str, ...]) -> datetime.datetime | None:
    """The first aware time one of *attrs* of *node* states."""
    for attr in attrs:
        value = node.get(attr)
        if value:
            moment = parse_iso_datetime(value)
            if moment is not None:
                return moment
    return None


def time_value(node: Element) -> datetime.date | None:
    """The date or aware datetime a ``<time>`` element states, or ``None``."""
    for attr in _site.TIME_ATTRS:
        value = node.get(attr)
        if value:
            moment = parse_iso_datetime(value)
            if moment is not None:
                return moment
            day = parse_visible_date(value) or _iso_day(value)
            if day is not None:
                return day
    return parse_visible_when(text_of(node))
