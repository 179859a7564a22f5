"""Locate and read the article's parts, in stages that pass values.

1. the furniture (``_furniture``): nothing inside it is the article;
2. the headline (:func:`~._header.best_title`);
3. the body containers: class hint, else structure (``_body``);
4. the article region: ``<article>``, else what holds headline and body;
5. the standfirst, then the header walk up to the body: byline parts and
   the lead figure (``_header``);
6. the tag list and the post id; then the body's blocks (``_body``).

Each stage's result is a frozen record; :class:`ArticleMarkup` holds them all.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from . import _site
from ._body import BodyFound, body_by_class, body_by_structure, read_body
from ._furniture import Furniture, furniture
from ._header import BY_RE, SOURCE_RE, Byline, Lead, Located, TagList, best_title, find_summary, post_id, read_header
from ._header import read_tags as _read_tags
from ._markup import Element, inside, raw
from ._page import Page, Slot

__all__ = ["ArticleMarkup", "article_markup"]


@attrs.frozen
class ArticleMarkup:
    """Where each part of the article is, and what the markup says."""

    title: Located = attrs.field(factory=Located)
    body: BodyFound = attrs.field(factory=BodyFound)
    region: Element | None = None
    summary: Located = attrs.field(factory=Located)
    byline: Byline = attrs.field(factory=Byline)
    lead: Lead = attrs.field(factory=Lead)
    tags: TagList = attrs.field(factory=TagList)
    post_id: str | None = None


ARTICLE_MARKUP: Slot[ArticleMarkup] = Slot("article_markup", "the article's parts located and read")


def article_markup(
    page: Page, *, wanted_titles: Iterable[str | None] = (), descriptions: Iterable[str | None] = ()
) -> ArticleMarkup:
    """Locate and read the article's parts (cached on the page).

    *wanted_titles* and *descriptions* are what the structured sources say
    the headline and the standfirst are: a heading or paragraph equal to one
    of them is the one.
    """
    cached = page._memo.get(ARTICLE_MARKUP)
    if cached is not None:
        return cached
    return page._memo.put(ARTICLE_MARKUP, _read(page, list(wanted_titles), list(descriptions)))


def cached_markup(page: Page) -> ArticleMarkup | None:
    """The page's :class:`ArticleMarkup` if it was read already."""
    return page._memo.get(ARTICLE_MARKUP)


def _read(page: Page, wanted_titles: list[str | None], descriptions: list[str | None]) -> ArticleMarkup:
    furn = furniture(page)
    excluded = furn.containers | frozenset(page.elements("nav"))
    title = best_title(page, wanted_titles, excluded)
    body = _locate_body(page, furn, excluded, descriptions)
    region = _region(title.el, body.roots)
    if region is None:
        return ArticleMarkup(title=title, body=body)
    base = page.base_url
    region_mode = any(title.el is not None and (b is title.el or inside(title.el, {b})) for b in body.roots)
    # A page without its class hints (the body found by structure): the standfirst by its place.
    by_place = title.el if body.anchor == "structure" else None
    summary = find_summary(page, region, set(body.roots), region_mode, descriptions, by_place)
    header = _header_elements(region, title, body, summary, region_mode)
    byline, lead = read_header(header, base, furn.containers)
    skip: set[Element] = set()
    header_end = None
    if region_mode:
        parts = [x for x in (title.el, *byline.elements(), summary.el, lead.el) if x is not None]
        order = {el: i for i, el in enumerate(region.iter())}
        header_end = max(parts, key=lambda x: order.get(x, -1)) if parts else None
        skip.update(parts)
    tags = _read_tags(region, body.roots[-1] if body.roots else None, base, furn.containers)
    if tags.el is not None:
        skip.add(tags.el)
    if body.roots:
        skip |= furn.containers
        if lead.el is not None:
            skip.add(lead.el)
        blocks, see_also = read_body(body.roots, base, skip, header_end, region)
        body = attrs.evolve(body, blocks=blocks, see_also=see_also)
    return ArticleMarkup(
        title=title, body=body, region=region, summary=summary, byline=byline, lead=lead, tags=tags,
        post_id=post_id(region),
    )  # fmt: skip


def _locate_body(
    page: Page, furn: Furniture, excluded: frozenset[Element], descriptions: list[str | None]
) -> BodyFound:
    """The body containers: class anchor first, then the element holding most paragraphs."""
    roots = body_by_class(page, furn.containers)
    if roots:
        return BodyFound(roots=roots, anchor="class")
    outside = frozenset(el for kind, f in furn.blocks.items() if kind != "related" for el in f.elements)
    found = body_by_structure(page, excluded, outside, descriptions)
    return BodyFound(roots=found, anchor="structure") if found else BodyFound()


def _lca(a: Element, b: Element) -> Element | None:
    chain = {id(x): x for x in (a, *a.iterancestors())}
    for x in (b, *b.iterancestors()):
        if id(x) in chain:
            return x
    return None


def _region(title_el: Element | None, roots: tuple[Element, ...]) -> Element | None:
    """The article region: ``<article>``, else what holds both title and body."""
    if title_el is not None:
        region = next((a for a in title_el.iterancestors() if a.tag == "article"), None)
        if region is None and roots:
            region = _lca(title_el, roots[0])
        return region if region is not None else title_el.getparent()
    if roots:
        region = next((a for a in roots[0].iterancestors() if a.tag == "article"), None)
        return region if region is not None else roots[0].getparent()
    return None


def _header_elements(
    region: Element, title: Located, body: BodyFound, summary: Located, region_mode: bool
) -> list[Element]:
    """The region's elements in page order up to the body, the title's and the
    body's wrappers left out."""
    header: list[Element] = []
    first_body = body.roots[0] if body.roots and not region_mode else None
    title_subtree = set(title.el.iter()) if title.el is not None else set()
    stop = None
    for el in region.iter():
        if el is first_body or (region_mode and _starts_body(el, title, summary)):
            stop = el
            break
        if el in title_subtree or not isinstance(el.tag, str):
            continue
        header.append(el)
    if stop is not None:  # the wrappers around the body are not header parts
        around = set(stop.iterancestors())
        header = [el for el in header if el not in around]
    return header


def _starts_body(el: Element, title: Located, summary: Located) -> bool:
    """In region mode: the first real paragraph after the title starts the body."""
    if el.tag != "p" or el is summary.el:
        return False
    if title.el is None:
        return True
    shown = raw(el).strip()
    return len(shown) >= _site.BODY_START_MIN_CHARS and not BY_RE.match(shown) and not SOURCE_RE.match(shown)
