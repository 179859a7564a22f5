"""Assembly: choose each field's value from its sources, in a declared order.

Every field of :class:`~mayadeen_parse.Article` has an ordered tuple of
:class:`Source` entries below; the first source that yields a value wins. The
same table drives :func:`~mayadeen_parse.inspect_page`, which evaluates every
source to report provenance and disagreements. The field reference in the docs
lists the same order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from . import _site
from ._article import ArticleMarkup, article_markup, cached_markup
from ._errors import NotAnArticleError
from ._furniture import Furniture, furniture
from ._header import split_names
from ._labels import edition_of, error_title, kind_of_path, post_type
from ._listing import read_listing
from ._metadata import JsonLdFacts, MetaFacts, SiteFacts, json_ld_facts, meta_facts, site_facts
from ._model import (
    Article,
    Author,
    BreakingItem,
    Image,
    PageContent,
    Teaser,
)
from ._page import Page, Slot, load_page
from ._text import (
    absolutize,
    normalize_text,
    parse_int,
    parse_iso_datetime,
    parse_iso_duration,
    parse_visible_datetime,
    split_keywords,
)
from ._urls import read_path, url_path

__all__ = [
    "FIELDS",
    "Context",
    "Source",
    "classify",
    "parse_article",
    "parse_breaking",
    "parse_most_read",
    "parse_page",
    "parse_read_next",
    "parse_related",
]

PageInput = Page | bytes | bytearray | memoryview | str

RESOLVED: Slot[dict[str, Any]] = Slot("resolved", "each field's winning value, by field name")
ARTICLE: Slot[Article] = Slot("article", "the assembled Article")


class Context:
    """Everything known about one page, computed lazily and at most once.

    Every result is cached on the :class:`Page`, never the context itself: a
    page holding its context would be a reference cycle, and each parsed
    page would wait for the cyclic garbage collector (with its whole tree).
    """

    __slots__ = ("ld", "meta", "page", "resolved", "site")

    def __init__(self, page: Page) -> None:
        self.page = page
        self.site: SiteFacts = site_facts(page)
        self.ld: JsonLdFacts = json_ld_facts(page)
        self.meta: MetaFacts = meta_facts(page)
        self.resolved: dict[str, Any] = page._memo.setdefault(RESOLVED, {})

    @property
    def furniture(self) -> Furniture:
        return furniture(self.page)

    @property
    def dom(self) -> ArticleMarkup:
        cached = cached_markup(self.page)
        if cached is not None:
            return cached
        return article_markup(
            self.page,
            wanted_titles=(
                _str(self.site.get("title")),
                _str(self.ld.get("headline")),
                self.meta.get("og:title"),
                _strip_site_name(self.meta.title),
            ),
            descriptions=(
                _str(self.site.get("description")),
                _str(self.ld.get("description")),
                self.meta.get("description"),
                self.meta.get("og:description"),
            ),
        )


@attrs.frozen
class Source:
    """One place a field's value can come from."""

    name: str
    """``"<source>:<key>"``: ``tawsiyat:title``, ``json-ld:headline``,
    ``meta:og:title``, ``markup:h1``, ``argument:url``..."""
    get: Callable[[Context], Any]
    """Reads the raw value (``None`` when absent)."""
    norm: Callable[[Any, Context], Any] = attrs.field(default=lambda raw, ctx: raw)
    """Turns the raw value into the field's value, or ``None``."""


# --- normalisers ------------------------------------------------------------


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _text(raw: Any, ctx: Context) -> str | None:
    return normalize_text(raw) if isinstance(raw, str) else None


def _url(raw: Any, ctx: Context) -> str | None:
    if isinstance(raw, dict):
        raw = raw.get("@id") or raw.get("url")
    return absolutize(raw, ctx.page.base_url) if isinstance(raw, str) else None


def _site_url(raw: Any, ctx: Context) -> str | None:
    """A URL the page states for itself, only on one of the site's hosts: a
    copy's canonical (``https://archive.ph/AbCd1``) is the copy's, not the
    story's (rejected; :func:`_off_site_url` keeps it when nothing else is)."""
    url = _url(raw, ctx)
    return url if url is not None and edition_of(url) is not None else None


def _off_site_url(ctx: Context) -> str | None:
    """The first URL the page states on a host not the site's: the last
    resort, when no source gives a site URL and no ``url`` argument was given."""
    for source in FIELDS["url"]:
        if source.norm is _site_url:
            raw = source.get(ctx)
            url = _url(raw, ctx) if raw is not None else None
            if url is not None and edition_of(url) is None:
                return url
    return None


def _when(raw: Any, ctx: Context) -> Any:
    return parse_iso_datetime(raw)


def _when_utc(raw: Any, ctx: Context) -> Any:
    # The site's JSON-LD writes UTC without an offset (site/README.md "Real markup").
    return parse_iso_datetime(raw, naive_as="utc")


def _visible_when(raw: Any, ctx: Context) -> Any:
    return parse_visible_datetime(raw) if isinstance(raw, str) else None


def _int(raw: Any, ctx: Context) -> int | None:
    return parse_int(raw)


def _seconds(raw: Any, ctx: Context) -> int | None:
    """A positive duration in seconds from ISO 8601 (``PT2M39S``) or a number."""
    return parse_iso_duration(raw) or None


def _post_id(raw: Any, ctx: Context) -> str | None:
    if isinstance(raw, dict):  # schema.org PropertyValue
        raw = raw.get("value")
    number = parse_int(raw)
    return str(number) if number is not None else None


def _keywords(raw: Any, ctx: Context) -> tuple[str, ...] | None:
    return split_keywords(raw) or None


def _tuple(raw: Any, ctx: Context) -> Any:
    return tuple(raw) or None if raw is not None else None


# Matched on normalised text (one space at most between words): on raw text
# a leading \s* made a title of 30 KB of whitespace take seconds.
_SITE_SUFFIX_RE = re.compile(rf" ?[|\-\u2013\u2014:] ?(?:{'|'.join(_site.TITLE_SUFFIXES)})$", re.I)


def _strip_site_name(value: str | None) -> str | None:
    text = normalize_text(value)
    return normalize_text(_SITE_SUFFIX_RE.sub("", text)) if text else None


def _page_title(raw: Any, ctx: Context) -> str | None:
    return _strip_site_name(raw) if isinstance(raw, str) else None


def _kind(raw: Any, ctx: Context) -> str | None:
    name = normalize_text(raw) if isinstance(raw, str) else None
    if name is None:
        return None
    name = name.lower()
    if name in _site.POST_TYPES:
        return _site.POST_TYPES[name]
    arabic = post_type(name)  # the Arabic edition's posttype values (_editions.POST_TYPES)
    if arabic is not None and arabic.kind is not None:
        return arabic.kind
    return name.replace(" ", "-")


def _edition_from_url(raw: Any, ctx: Context) -> str | None:
    return edition_of(url=raw) if isinstance(raw, str) else None


def _edition_from_lang(raw: Any, ctx: Context) -> str | None:
    return edition_of(lang=raw) if isinstance(raw, str) else None


def _path_parts(url: str | None) -> tuple[str, ...]:
    path = url_path(url)
    return read_path(path).parts if path is not None else ()


def _kind_from_url(raw: Any, ctx: Context) -> str | None:
    path = url_path(raw) if isinstance(raw, str) else None
    if path is None:
        return None
    if ctx.page.edition == "ar":
        # The Arabic edition's own path shapes (/newscast/Y/M/D/..., /reports/...);
        # on the English edition the same roots mean something else.
        return kind_of_path(path) or read_path(path).kind
    return read_path(path).kind


def _kind_from_ld(raw: Any, ctx: Context) -> str | None:
    for kind in raw or ():
        if kind in _site.LD_KINDS:
            return _site.LD_KINDS[kind]
    return None


def _news_from_ld(raw: Any, ctx: Context) -> str | None:
    return "news" if raw and any(t in raw for t in _site.LD_NEWS_TYPES) else None


def _section_from_url(raw: Any, ctx: Context) -> str | None:
    path = url_path(raw) if isinstance(raw, str) else None
    return read_path(path).section if path is not None else None


def _first_text(raw: Any, ctx: Context) -> str | None:
    if isinstance(raw, list):
        raw = next((x for x in raw if isinstance(x, str) and x.strip()), None)
    return _text(raw, ctx)


def _authors_from_names(raw: Any, ctx: Context) -> tuple[Author, ...] | None:
    if isinstance(raw, str):
        raw = split_names(raw)
    if not isinstance(raw, list | tuple):
        return None
    names: dict[str, Author] = {}
    for item in raw:
        name = normalize_text(item) if isinstance(item, str) else None
        if name:
            names.setdefault(name.casefold(), Author(name=name.removeprefix("By ").strip() or name))
    return tuple(names.values()) or None


def _authors_from_ld(raw: Any, ctx: Context) -> tuple[Author, ...] | None:
    items = raw if isinstance(raw, list) else [raw]
    authors: dict[str, Author] = {}
    for item in items:
        if isinstance(item, str):
            for author in _authors_from_names(item, ctx) or ():
                authors.setdefault(author.name.casefold(), author)
        elif isinstance(item, dict):
            name = normalize_text(item.get("name")) if isinstance(item.get("name"), str) else None
            if name:
                url = item.get("url") or item.get("@id")
                authors.setdefault(
                    name.casefold(),
                    Author(name=name, url=absolutize(url, ctx.page.base_url) if isinstance(url, str) else None),
                )
    return tuple(authors.values()) or None


def _image_url(raw: Any, ctx: Context) -> Image | None:
    if isinstance(raw, list):
        raw = raw[0] if raw else None
    if isinstance(raw, dict):
        raw = raw.get("url") or raw.get("contentUrl") or raw.get("@id")
    url = absolutize(raw, ctx.page.base_url) if isinstance(raw, str) else None
    return Image(url=url) if url else None


def _dom_published(ctx: Context) -> Any:
    return ctx.dom.byline.date_attr


# --- the field table ------------------------------------------------------------

S = Source


# Each reads the facts' mapping itself (what their get() does, one call less:
# the table's sources are read a few dozen times per page).
def _tawsiyat(key: str) -> Callable[[Context], Any]:
    return lambda ctx: ctx.site.data.get(key)


def _ld(key: str) -> Callable[[Context], Any]:
    return lambda ctx: ctx.ld.data.get(key)


def _meta(key: str) -> Callable[[Context], Any]:
    return lambda ctx: ctx.meta.values.get(key)


def _classes(mapping: str) -> Callable[[Context], Any]:
    return lambda ctx: ctx.site.classes_of(mapping) or None


#: Field name → its sources, best first. Mirrors docs/fields.md.
FIELDS: Mapping[str, tuple[Source, ...]] = {
    "url": (
        S("tawsiyat:url", _tawsiyat("url"), _site_url),
        S("meta:canonical", lambda ctx: ctx.meta.canonical, _site_url),
        S("meta:og:url", _meta("og:url"), _site_url),
        S("json-ld:mainEntityOfPage", _ld("mainEntityOfPage"), _site_url),
        S("json-ld:url", _ld("url"), _site_url),
        S("argument:url", lambda ctx: ctx.page.url, _url),
        S("off-site:url", _off_site_url, _url),
    ),
    "post_id": (
        S("tawsiyat:postid", _tawsiyat("postid"), _post_id),
        S("meta:postid", _meta("postid"), _post_id),
        S("json-ld:identifier", _ld("identifier"), _post_id),
        S("markup:data-id", lambda ctx: ctx.dom.post_id, _post_id),
    ),
    "language": (
        S("tawsiyat:lang", _tawsiyat("lang"), _text),
        S("json-ld:inLanguage", _ld("inLanguage"), _first_text),
        S("markup:html-lang", lambda ctx: ctx.meta.lang, _text),
    ),
    "edition": (
        S("argument:url", lambda ctx: ctx.page.url, _edition_from_url),
        S("tawsiyat:lang", _tawsiyat("lang"), _edition_from_lang),
        S("markup:html-lang", lambda ctx: ctx.meta.lang, _edition_from_lang),
    ),
    "kind": (
        S("tawsiyat:type", _tawsiyat("type"), lambda raw, ctx: "video" if raw == "video" else None),
        S("tawsiyat:class:posttype", lambda ctx: next(iter(ctx.site.classes_of("posttype")), None), _kind),
        S("url:path", lambda ctx: ctx.resolved.get("url"), _kind_from_url),
        S("json-ld:@type", lambda ctx: ctx.ld.types or None, _kind_from_ld),
        S("json-ld:@type:NewsArticle", lambda ctx: ctx.ld.types or None, _news_from_ld),
    ),
    "title": (
        S("tawsiyat:title", _tawsiyat("title"), _text),
        S("json-ld:headline", _ld("headline"), _text),
        S("markup:h1", lambda ctx: ctx.dom.title.text, _text),
        S("meta:og:title", _meta("og:title"), _text),
        S("meta:twitter:title", _meta("twitter:title"), _text),
        S("meta:title", lambda ctx: ctx.meta.title, _page_title),
    ),
    "summary": (
        S("tawsiyat:description", _tawsiyat("description"), _text),
        S("json-ld:description", _ld("description"), _text),
        S("markup:summary", lambda ctx: ctx.dom.summary.text, _text),
        S("meta:description", _meta("description"), _text),
        S("meta:og:description", _meta("og:description"), _text),
    ),
    "section": (
        S("tawsiyat:class:category", lambda ctx: next(iter(ctx.site.classes_of("category")), None), _text),
        S("json-ld:articleSection", _ld("articleSection"), _first_text),
        S("meta:article:section", _meta("article:section"), _text),
        S("url:path", lambda ctx: ctx.resolved.get("url"), _section_from_url),
    ),
    "authors": (
        S("tawsiyat:class:author", _classes("author"), _authors_from_names),
        S("tawsiyat:author", _tawsiyat("author"), _authors_from_names),
        S("json-ld:author", _ld("author"), _authors_from_ld),
        S("meta:author", _meta("author"), _authors_from_names),
        S("markup:byline", lambda ctx: ctx.dom.byline.authors or None, _tuple),
    ),
    "source": (S("markup:byline-source", lambda ctx: ctx.dom.byline.source, _text),),
    "published": (
        S("tawsiyat:published_time", _tawsiyat("published_time"), _when),
        S("json-ld:datePublished", _ld("datePublished"), _when_utc),
        S("meta:article:published_time", _meta("article:published_time"), _when),
        S("markup:time-datetime", _dom_published, _when),
        S("markup:byline-date", lambda ctx: ctx.dom.byline.date_raw, _visible_when),
    ),
    "modified": (
        S("tawsiyat:last_updated", _tawsiyat("last_updated"), _when),
        S("json-ld:dateModified", _ld("dateModified"), _when_utc),
        S("meta:article:modified_time", _meta("article:modified_time"), _when),
        S("meta:og:updated_time", _meta("og:updated_time"), _when),
    ),
    "read_time_minutes": (S("markup:read-time", lambda ctx: ctx.dom.byline.read_time, _int),),
    "word_count": (
        S("tawsiyat:word_count", _tawsiyat("word_count"), _int),
        S("json-ld:wordCount", _ld("wordCount"), _int),
    ),
    "video_duration_seconds": (
        S("tawsiyat:video_duration", _tawsiyat("video_duration"), lambda raw, ctx: parse_int(raw) or None),
        S("json-ld:duration", _ld("duration"), _seconds),
        # Seen in scrapers of the Arabic edition, which runs the same CMS.
        S("meta:og:video_duration", _meta("og:video_duration"), _seconds),
        S("meta:og:video:duration", _meta("og:video:duration"), _seconds),
        S("meta:video:duration", _meta("video:duration"), _seconds),
    ),
    "lead_image": (
        S("markup:lead-figure", lambda ctx: ctx.dom.lead.image, lambda raw, ctx: raw),
        S("tawsiyat:thumbnail", _tawsiyat("thumbnail"), _image_url),
        S("json-ld:image", _ld("image"), _image_url),
        S("json-ld:thumbnailUrl", _ld("thumbnailUrl"), _image_url),
        S("meta:og:image", _meta("og:image"), _image_url),
    ),
    "body": (S("markup:body", lambda ctx: ctx.dom.body.blocks or None, _tuple),),
    "tags": (S("markup:tags", lambda ctx: ctx.dom.tags.tags or None, _tuple),),
    "keywords": (
        S("tawsiyat:keywords", _tawsiyat("keywords"), _keywords),
        S("json-ld:keywords", _ld("keywords"), _keywords),
        S("meta:keywords", _meta("keywords"), _keywords),
        S("meta:news_keywords", _meta("news_keywords"), _keywords),
        # On the site the tags are the keywords; the visible list is the fallback.
        S("markup:tags", lambda ctx: tuple(tag.name for tag in ctx.dom.tags.tags) or None, _keywords),
    ),
    "countries": (S("tawsiyat:class:country", _classes("country"), _keywords),),
    "coverage": (S("tawsiyat:class:coverage", _classes("coverage"), _keywords),),
    "see_also": (S("markup:read-next-promos", lambda ctx: ctx.dom.body.see_also or None, _tuple),),
    "related": (S("markup:related", lambda ctx: ctx.furniture.blocks["related"].items or None, _tuple),),
}

_EMPTY: dict[str, Any] = {
    name: (() if attrs.fields_dict(Article)[name].default == () else None) for name in FIELDS if name != "title"
}


def resolve(ctx: Context, name: str) -> Any:
    """The first value any of the field's sources gives (cached)."""
    if name in ctx.resolved:
        return ctx.resolved[name]
    value = None
    tried = 0
    for tried, source in enumerate(FIELDS[name], 1):  # noqa: B007 (read after the loop)
        raw = source.get(ctx)
        if raw is None:
            continue
        value = source.norm(raw, ctx)
        if value is not None:
            break
    if name == "authors" and value:
        value = _merge_author_urls(ctx, value, tried)
    ctx.resolved[name] = value
    return value


def _merge_author_urls(ctx: Context, authors: tuple[Author, ...], tried: int) -> tuple[Author, ...]:
    """Keep the winning names; take each missing URL from any other source
    (*authors* came from source number *tried*, the ones before gave nothing)."""
    if all(a.url for a in authors):
        return authors
    urls: dict[str, str] = {}
    for source in FIELDS["authors"][tried - 1 :]:
        if source.norm is _authors_from_names:
            continue  # names only: it never gives a URL
        raw = source.get(ctx)
        others = source.norm(raw, ctx) if raw is not None else None
        for other in others or ():
            if other.url:
                urls.setdefault(other.name.casefold(), other.url)
    return tuple(a if a.url else Author(name=a.name, url=urls.get(a.name.casefold())) for a in authors)


# --- what kind of page --------------------------------------------------------

Verdict = tuple[_site.PageKind, str]


def classify(ctx: Context) -> Verdict:
    """``(kind, evidence)``: ``kind`` is ``"article"`` or why the page is not one.

    The structured metadata decides first (tawsiyat ``type``, JSON-LD, the
    URL, ``og:type``); only then the markup."""
    if ctx.page.empty:
        return "empty", "the document is empty"
    url = None
    verdict = _by_site_type(ctx)
    if verdict is None and ctx.ld.types:
        verdict = "article", f"JSON-LD describes a {ctx.ld.types[0]}"
    if verdict is None:
        url = resolve(ctx, "url") or ctx.page.url
        verdict = _by_url_and_types(ctx, _path_parts(url))
    return verdict if verdict is not None else _by_markup(ctx, url)


def _by_site_type(ctx: Context) -> Verdict | None:
    site_type = ctx.site.get("type")
    if not isinstance(site_type, str) or not site_type.strip():
        return None
    label = site_type.strip().lower()
    if label in _site.NOT_ARTICLE_TYPES:
        return _site.NOT_ARTICLE_TYPES[label], f"the tawsiyat block says type {site_type!r}"
    if label in _site.ARTICLE_TYPES:
        return "article", f"the tawsiyat block says type {site_type!r}"
    return None


def _by_url_and_types(ctx: Context, parts: tuple[str, ...]) -> Verdict | None:
    if parts and parts[0] == "live" and len(parts) == 1:
        return "live", "the URL is the live stream page"
    og_type = (ctx.meta.get("og:type") or "").strip().lower()
    if og_type == "article":
        return "article", "og:type is 'article'"
    listing = set(ctx.ld.all_types) & _site.LISTING_LD_TYPES
    if listing:
        return ("home" if not parts else "section"), f"JSON-LD describes a {sorted(listing)[0]}"
    if og_type == "website":
        return ("home" if not parts else "section"), "og:type is 'website'"
    return None


def _by_markup(ctx: Context, url: str | None) -> Verdict:
    dom = ctx.dom
    body, byline = dom.body.blocks, dom.byline
    # Article evidence (the metadata was read before): a byline, or a
    # headline with a body. An error page has a body too (its message).
    evidence = bool(byline.date_raw or byline.authors or (dom.title.el is not None and body))
    if not evidence and error_title(_strip_site_name(ctx.meta.title), ctx.page.edition):
        return "error", f"the page title says {normalize_text(ctx.meta.title)!r}"
    if dom.title.el is not None and (body or byline.date_raw or byline.authors):
        return "article", "the markup has a headline with a body or byline"
    if url and not _path_parts(url):
        return "home", "the URL is the site's home page"
    if dom.title.el is None:
        return "unknown", "no headline (<h1>) and no article metadata"
    return "unknown", "a headline but no body, byline or article metadata"


# --- public entry points ---------------------------------------------------------


def _context(page_or_html: PageInput, url: str | None) -> Context:
    return Context(load_page(page_or_html, url=url))


def _build(ctx: Context) -> Article:
    kind, evidence = classify(ctx)
    if kind != "article":
        where = ctx.page.url or resolve(ctx, "url")
        raise NotAnArticleError(
            f"not an article page ({kind}): {evidence}; expected a news, opinion, analysis or video page"
            + (f" [{where}]" if where else ""),
            kind=kind,
            url=where,
        )
    values = {name: resolve(ctx, name) for name in FIELDS}
    title = values.pop("title")
    if title is None:
        raise NotAnArticleError(
            "the page looks like an article but has no headline: no tawsiyat title, JSON-LD headline, <h1>, "
            "og:title or <title>",
            kind="unknown",
            url=values.get("url"),
        )
    for name, value in values.items():
        if value is None:
            values[name] = _EMPTY[name]
    return Article(title=title, **values)


def parse_article(page_or_html: PageInput, *, url: str | None = None) -> Article:
    """Parse an article page into an :class:`~mayadeen_parse.Article`.

    Args:
        page_or_html: A :class:`Page` from :func:`load_page`, or the page's
            bytes or text (then parsed here; pass a ``Page`` to parse once
            and call several helpers).
        url: Where the page was fetched from, when *page_or_html* is not
            already a ``Page``. Relative links resolve against it; it is the
            article's URL when the page states no canonical URL.

    Raises:
        NotAnArticleError: the page is a section index, the home page, a
            ``type: page``, an error or empty document.
        PageDecodeError: the input is not HTML at all (see :func:`load_page`).
    """
    ctx = _context(page_or_html, url)
    cached = ctx.page._memo.get(ARTICLE)
    if cached is None:
        cached = ctx.page._memo.put(ARTICLE, _build(ctx))
    return cached


def _block(page_or_html: PageInput, kind: str, url: str | None) -> Any:
    return furniture(load_page(page_or_html, url=url)).blocks[kind].items


def parse_breaking(page: PageInput, *, url: str | None = None) -> tuple[BreakingItem, ...]:
    """The BREAKING ticker's items in page order (newest first); ``()`` when
    the page has no ticker. Works on any page: articles, indexes, home.

    *url* is where the page was fetched from, when *page* is not already a
    :class:`Page`: relative links resolve against it."""
    items: tuple[BreakingItem, ...] = _block(page, "breaking", url)
    return items


def parse_most_read(page: PageInput, *, url: str | None = None) -> tuple[Teaser, ...]:
    """The Most Read list; rank is the position. ``()`` when absent.

    *url* is where the page was fetched from, when *page* is not already a
    :class:`Page`: relative links resolve against it."""
    items: tuple[Teaser, ...] = _block(page, "most_read", url)
    return items


def parse_related(page: PageInput, *, url: str | None = None) -> tuple[Teaser, ...]:
    """The Related News box (the same items as :attr:`Article.related`).

    *url* is where the page was fetched from, when *page* is not already a
    :class:`Page`: relative links resolve against it."""
    items: tuple[Teaser, ...] = _block(page, "related", url)
    return items


def parse_read_next(page: PageInput, *, url: str | None = None) -> tuple[Teaser, ...]:
    """The Read Next cards: section, headline, image with its caption.

    *url* is where the page was fetched from, when *page* is not already a
    :class:`Page`: relative links resolve against it."""
    items: tuple[Teaser, ...] = _block(page, "read_next", url)
    return items


def parse_listing(page: PageInput, *, url: str | None = None) -> tuple[Teaser, ...]:
    """Every story card of a listing page (the homepage, a section index) in
    page order, once per story (its first card), each with the visible
    heading of its block (:attr:`Teaser.block`), its section, time label,
    image and authors as the card shows them. Menus, the ticker and "more"
    links are no cards. Works on any page; on an article it lists the
    story cards around the article too.

    *url* is where the page was fetched from, when *page* is not already a
    :class:`Page`: relative links resolve against it."""
    return read_listing(load_page(page, url=url))


def parse_page(page_or_html: PageInput, *, url: str | None = None) -> PageContent:
    """Everything on the page from one parse: the article (``None`` when the
    page is not an article) and the four furniture lists. Never raises
    :class:`NotAnArticleError`."""
    ctx = _context(page_or_html, url)
    kind, _ = classify(ctx)
    article = None
    if kind == "article":
        try:
            article = parse_article(ctx.page)
        except NotAnArticleError:
            # Article metadata (og:type, a JSON-LD NewsArticle) but no headline
            # anywhere: not an article we can return (fuzzing found this).
            kind = "unknown"
    furn = ctx.furniture
    return PageContent(
        url=article.url if article is not None else (resolve(ctx, "url") or ctx.page.url),
        edition=ctx.page.edition,
        kind=kind,
        article=article,
        breaking=furn.breaking,
        most_read=furn.teasers("most_read"),
        related=furn.teasers("related"),
        read_next=furn.teasers("read_next"),
        listing=read_listing(ctx.page) if kind in _LISTING_KINDS else (),
    )


#: The page kinds whose cards are its content: ``PageContent.listing`` is
#: filled for them (an article's cards are its furniture's).
_LISTING_KINDS = frozenset({"home", "section", "page"})


def iter_sources(ctx: Context, name: str) -> Iterable[tuple[Source, Any, Any]]:
    """Every source of a field with its raw and normalised value (for reports)."""
    for source in FIELDS[name]:
        raw = source.get(ctx)
        yield source, raw, (source.norm(raw, ctx) if raw is not None else None)
