"""Fast, exact stand-ins for the whole-document XPath scans of ``_dom``.

libxml2 evaluates an XPath predicate node by node at roughly half a
microsecond each, so a class selector compiled by cssselect
(``descendant-or-self::*[@class and contains(concat(' ', normalize-space(@class), ' '), ' x ')]``)
costs a full pass over the document every time it is used: on a real 300 KB
page the block, body and summary selectors and the block-heading search took
longer than parsing the page. This module answers the same questions in one
cheap pass each and keeps the XPath as the definition:

- :class:`Selector` takes a CSS selector list. When it is a list of simple
  compounds (``tag.class``, ``.class``, ``#id``, ``[attr~=token]``) it
  matches against a page's *candidates*: the few elements whose class, id or
  itemprop attribute contains one of the tokens of any selector, found by one
  XPath pass over attribute nodes shared by every selector and cached on the
  page. Any other selector runs its cssselect XPath unchanged.
- :func:`heading_texts` returns the text nodes under ``<body>`` whose
  collapsed, lower-cased text is one of the given headings, by one Python
  pass over the elements instead of an XPath predicate on every text node.

Both give the same elements in the same (document) order as the XPath they
replace; ``tests/test_fast_select.py`` checks it on every fixture and on
tricky markup.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from cssselect import HTMLTranslator
from lxml import etree

from ._page import Page

__all__ = ["Selector", "TextNode", "heading_texts"]

Element = Any  # lxml.etree._Element

_css = HTMLTranslator().css_to_xpath

# One compound of a selector list: an optional tag name and one class, id or
# ``~=`` attribute token. Anything else (combinators, pseudo-classes, several
# classes) is left to cssselect's XPath.
_COMPOUND_RE = re.compile(
    r"^(?P<tag>[a-z][a-z0-9]*)?(?:\.(?P<cls>[A-Za-z_][\w-]*)|#(?P<id>[A-Za-z_][\w-]*)"
    r"|\[(?P<attr>[a-z][\w-]*)~=(?P<token>[A-Za-z_][\w-]*)\])$"
)
# XPath's normalize-space() knows only these four whitespace characters.
_XML_SPACE_RE = re.compile(r"[ \t\r\n]+")

_SELECTORS: list[Selector] = []
_prefilter: tuple[etree.XPath, re.Pattern[str]] | None = None


class Selector:
    """A CSS selector list, called like the XPath cssselect makes of it.

    ``selector(page)`` gives the matching elements of the whole document;
    ``selector(page, context)`` those of *context*'s subtree (the context
    included), in document order, like ``descendant-or-self::``.
    """

    def __init__(self, css: str) -> None:
        self.css = css
        self.xpath = etree.XPath(_css(css))
        """The exact definition, and the fallback for selectors too complex for the fast path."""
        alternatives: list[tuple[str | None, str, str]] = []
        for part in css.split(","):
            match = _COMPOUND_RE.match(part.strip())
            if match is None:
                alternatives = []
                break
            if match["cls"]:
                alternatives.append((match["tag"], "class", match["cls"]))
            elif match["id"]:
                alternatives.append((match["tag"], "id", match["id"]))
            else:
                alternatives.append((match["tag"], match["attr"], match["token"]))
        self.alternatives: tuple[tuple[str | None, str, str], ...] | None = tuple(alternatives) or None
        """``(tag or None, attribute, token)`` per compound; ``None``: use :attr:`xpath`."""
        if self.alternatives is not None:
            global _prefilter
            _SELECTORS.append(self)
            _prefilter = None  # rebuilt with this selector's tokens on next use

    def __repr__(self) -> str:
        return f"Selector({self.css!r})"

    def matches(self, el: Element) -> bool:
        for tag, attr, token in self.alternatives or ():
            if tag is not None and el.tag != tag:
                continue
            value = el.get(attr)
            if value is None:
                continue
            if attr == "id":
                if value == token:
                    return True
            elif token in _XML_SPACE_RE.split(value):
                return True
        return False

    def __call__(self, page: Page, context: Element | None = None) -> list[Element]:
        if self.alternatives is None:
            return list(self.xpath(page.root if context is None else context))
        found = [el for el in _candidates(page) if self.matches(el)]
        if context is not None and context is not page.root:
            found = [el for el in found if el is context or any(a is context for a in el.iterancestors())]
        return found


def _build_prefilter() -> tuple[etree.XPath, re.Pattern[str]]:
    """The attribute nodes that selectors test, and a pattern finding any of
    their tokens in a value (a cheap superset; :meth:`Selector.matches` is
    exact). Matching the tokens in Python beats ``contains()`` predicates:
    libxml2 would evaluate every ``contains()`` on every attribute."""
    attrs: set[str] = set()
    tokens: set[str] = set()
    for selector in _SELECTORS:
        for _, attr, token in selector.alternatives or ():
            attrs.add(attr)
            tokens.add(token)
    path = " | ".join(f"//@{attr}" for attr in sorted(attrs)) or "/.."
    return etree.XPath(path), re.compile("|".join(re.escape(t) for t in sorted(tokens)) or "(?!)")


def _candidates(page: Page) -> list[Element]:
    cached: list[Element] | None = page._cache.get("selector_candidates")
    if cached is None:
        global _prefilter
        if _prefilter is None:
            _prefilter = _build_prefilter()
        attributes, tokens = _prefilter
        cached = []
        for value in attributes(page.root):
            if tokens.search(value):
                el = value.getparent()
                if not cached or cached[-1] is not el:  # class and id of one element are adjacent
                    cached.append(el)
        page._cache["selector_candidates"] = cached
    return cached


# --- block headings ------------------------------------------------------------


class TextNode(str):
    """A text node, like lxml's smart string result: its text, the element
    holding it (:meth:`getparent`) and whether it is that element's tail."""

    __slots__ = ("_parent", "is_tail")

    _parent: Element
    is_tail: bool

    def getparent(self) -> Element:
        return self._parent


def _text_node(text: str, parent: Element, is_tail: bool) -> TextNode:
    node = TextNode(text)
    node._parent = parent
    node.is_tail = is_tail
    return node


def _document_position(node: TextNode) -> tuple[float, ...]:
    """A sort key in document order: child indexes from the root, then before
    the children (an element's text) or after the subtree (its tail)."""
    el = node.getparent()
    path: list[float] = [float("inf") if node.is_tail else -1.0]
    parent = el.getparent()
    while parent is not None:
        path.append(parent.index(el))
        el, parent = parent, parent.getparent()
    return tuple(reversed(path))


def heading_texts(root: Element, headings: Collection[str]) -> list[TextNode]:
    """Text nodes under ``<body>`` that read as one of *headings*.

    The same nodes, in the same order, as the XPath
    ``//body//text()[not(parent::script or parent::style)][string-length(.) < 80]``
    filtered on ``normalize-space(translate(., NBSP, ' '))`` lower-cased
    (ASCII letters only, as ``translate()`` does) being one of *headings*
    (lower-case ASCII strings).
    """
    bodies = list(root.iter("body"))
    if len(bodies) > 1:
        bodies = [b for b in bodies if not any(a.tag == "body" for a in b.iterancestors())]
    found: list[TextNode] = []
    for body in bodies:
        for el in body.iter():
            text = el.text
            if (
                text
                and len(text) < 80
                and not text.isspace()
                and isinstance(el.tag, str)
                and el.tag not in ("script", "style")
                and _reads_as(text, headings)
            ):
                found.append(_text_node(text, el, False))
            text = el.tail
            if text and len(text) < 80 and not text.isspace() and el is not body:
                parent = el.getparent()
                if parent is not None and parent.tag not in ("script", "style") and _reads_as(text, headings):
                    found.append(_text_node(text, el, True))
    if len(found) > 1 and any(node.is_tail for node in found):
        found.sort(key=_document_position)
    return found


def _reads_as(text: str, headings: Collection[str]) -> bool:
    # str.split() knows more whitespace than normalize-space(), so this cheap
    # test never rejects a text that the exact one below accepts.
    if " ".join(text.split()).lower() not in headings:
        return False
    shown = _XML_SPACE_RE.sub(" ", text.replace("\u00a0", " ")).strip(" ")
    return shown.isascii() and shown.lower() in headings
