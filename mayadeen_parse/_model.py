"""Public records: what the library returns.

Plain frozen attrs classes built from plain values. The model never sees HTML
or lxml elements; ``_parse.py`` builds these from what the extractors found.

Conventions shared by every record:

- absence is ``None`` for a scalar and ``()`` for a collection, never ``""``;
- text is normalised (see :func:`mayadeen_parse.normalize_text`): no leading or
  trailing whitespace, runs of whitespace collapsed to one space, NBSP turned
  into a space, zero-width and bidi control marks removed, entities decoded;
- URLs are absolute (``https://english.almayadeen.net/...``) and otherwise kept
  as the page gives them, query string included;
- datetimes are timezone-aware and expressed in the site's local time
  (Asia/Beirut, UTC+2 in winter and UTC+3 in summer); a value the page shows
  as a day only is a :class:`datetime.date`, never a made-up midnight.

This module deliberately does not use ``from __future__ import annotations``:
``hypothesis.strategies.builds`` needs the real annotations.
"""

import datetime

import attrs

from ._editions import Edition
from ._site import Kind, PageKind

__all__ = [
    "Article",
    "Author",
    "Block",
    "BreakingItem",
    "Embed",
    "Figure",
    "Heading",
    "Image",
    "Link",
    "ListBlock",
    "PageContent",
    "Paragraph",
    "Quote",
    "Tag",
    "Teaser",
]


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _html_link(text: str, url: str | None) -> str:
    return f'<a href="{_html_escape(url)}">{_html_escape(text)}</a>' if url else _html_escape(text)


@attrs.frozen(kw_only=True)
class Image:
    """A picture: the lead image, an in-body figure, or a teaser's thumbnail."""

    url: str
    """Absolute URL of the image file, query string kept as given."""
    alt: str | None = None
    """The ``alt`` text exactly as the page gives it (it may be a headline, a
    truncated caption or a full caption)."""
    caption: str | None = None
    """The visible caption without its trailing credit, or ``None``. For a
    teaser whose ``alt`` is a photo caption rather than its headline, that
    caption (without credit)."""
    credit: str | None = None
    """The credit split off the end of the caption: the text of a trailing
    parenthesised group such as ``(AP)`` → ``"AP"``, or ``None``."""


@attrs.frozen(kw_only=True)
class Author:
    """A person or an outlet named in the byline. An agency named after
    ``Source:`` is not an author (see :attr:`Article.source`)."""

    name: str
    """The name as the byline shows it, without the leading ``By``."""
    url: str | None = None
    """Absolute URL of the author's page on the site, when the byline links
    to one."""


@attrs.frozen(kw_only=True)
class Tag:
    """A topic link from the tag list under the article."""

    name: str
    """The tag as shown."""
    url: str | None = None
    """Absolute URL of the tag's page (``/tags/<slug>``), when linked."""


@attrs.frozen(kw_only=True)
class Link:
    """A linked headline or an inline link."""

    title: str
    """The link text as shown."""
    url: str
    """Absolute URL of the target."""


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of article text."""

    text: str
    """The paragraph as rendered: inline markup flattened, spaces around
    inline links kept, whitespace collapsed. A ``<br>`` inside the paragraph
    becomes ``"\\n"``."""
    links: tuple[Link, ...] = ()
    """Links inside the paragraph, in order."""


@attrs.frozen(kw_only=True)
class Heading:
    """A subheading inside the body (``<h2>``–``<h6>``)."""

    text: str
    """The heading text as shown."""
    level: int = 2
    """The HTML heading level, 2 to 6."""


@attrs.frozen(kw_only=True)
class Embed:
    """An embedded post or player: an X/Twitter post, an Instagram post, a
    YouTube or other iframe."""

    provider: str
    """Lower-case provider name: ``"twitter"`` (X), ``"instagram"``,
    ``"facebook"``, ``"youtube"``, ``"telegram"``, ``"tiktok"``, or the
    embed's host name when unknown."""
    url: str | None = None
    """Absolute URL of the embedded post or player, when the markup has one."""
    text: str | None = None
    """The post's text as the page shows it (for a tweet, the quoted text
    without the author line), or ``None`` for a bare player."""
    author: str | None = None
    """The post's author line as shown, without its date, e.g. ``"Michael
    Weingardt (@Michael_Wgd)"``, or ``None``. When the line has the form
    ``Name (@handle)``, :attr:`author_name` and :attr:`handle` are its two
    parts; otherwise they are ``None`` and this is the whole line."""
    author_name: str | None = None
    """The author's display name from the author line (``"Michael
    Weingardt"``), or ``None``."""
    handle: str | None = None
    """The author's account as shown, with its ``@`` (``"@Michael_Wgd"``),
    or ``None``."""
    date: datetime.date | None = None
    """The day the attribution shows (``November 6, 2023`` →
    ``2023-11-06``), or ``None``. A day only: the embed shows no time or
    time zone."""


@attrs.frozen(kw_only=True)
class Figure:
    """An image inside the body."""

    image: Image
    """The image, with its caption and credit when shown."""


@attrs.frozen(kw_only=True)
class Quote:
    """A quotation set apart in the body (a ``<blockquote>`` that is not an
    embedded social post)."""

    text: str
    """The quoted text; paragraphs inside the quote are joined by ``"\\n"``."""
    attribution: str | None = None
    """Who is quoted, when the quote carries a ``<cite>`` or ``<footer>``."""


@attrs.frozen(kw_only=True)
class ListBlock:
    """A bulleted or numbered list inside the body."""

    items: tuple[str, ...] = ()
    """The text of each list item, in order."""
    ordered: bool = False
    """``True`` for a numbered list (``<ol>``)."""


Block = Paragraph | Heading | Embed | Figure | Quote | ListBlock
"""One unit of the article body, in page order."""


@attrs.frozen(kw_only=True)
class Teaser:
    """A linked story in a list: Related News, Most Read, Read Next."""

    title: str
    """The headline as shown, exact (curly quotes and all)."""
    url: str
    """Absolute URL of the story."""
    section: str | None = None
    """The section label shown with the teaser (``"Politics"``), if any."""
    published: datetime.date | datetime.datetime | None = None
    """When the teaser shows a date: a :class:`datetime.date` for a day only
    (``8 Nov 2025``), an aware :class:`datetime.datetime` when a time is
    given; else ``None``."""
    image: Image | None = None
    """The teaser's picture, never the site's lazy-loading placeholder (the
    real URL of a lazy image comes from ``data-src``, ``data-original`` or
    ``srcset``). Its ``caption`` is set only when the ``alt`` text is a photo
    caption rather than the headline."""
    block: str | None = None
    """The visible heading of the block the card is in, as shown
    (``"Most Read"``, ``"الأكثر قراءة"``); ``None`` for a block that shows
    no heading."""
    authors: tuple[Author, ...] = ()
    """The authors the card names (``div.author-wrap`` links, or an author
    link in the section slot), in card order."""
    time_label: str | None = None
    """The card's time label exactly as shown (``"8 Nov 2025"``,
    ``"اليوم 18:53"``, ``"30 تشرين اول"``); ``published`` is its value, placed
    in time against :attr:`Page.fetched_at` when the label is relative (no
    fetch time: ``published`` stays ``None``)."""


@attrs.frozen(kw_only=True)
class BreakingItem:
    """One line of the BREAKING ticker."""

    text: str
    """The statement exactly as shown on one line."""
    url: str | None = None
    """Absolute URL of the story the item links to, or ``None``."""
    time: datetime.datetime | None = None
    """When the page states the item's time (an aware datetime in site local
    time), else ``None``. Never guessed from a bare ``HH:MM``; a relative label
    (``"اليوم 21:48"``, today at 21:48) is placed on the day of
    :attr:`Page.fetched_at`, and without a fetch time ``time`` is ``None``."""
    time_label: str | None = None
    """The item's time label exactly as shown (``"اليوم 21:48"``), or ``None``
    when the page shows none (a machine-readable time only is no label)."""
    attribution: str | None = None
    """Who said it, for items of the form ``"Speaker: statement"`` or
    ``"statement: Al Mayadeen's correspondent"``; else ``None``."""
    statement: str | None = None
    """The item without its place and attribution, when ``place`` or
    ``attribution`` is set; else ``None``. ``text`` is always the full line."""
    place: str | None = None
    """The country or region the item is filed under (``"العراق"`` for
    ``"العراق: ..."``), as written; only from evidence: the page's own place
    link (``/maingroup/<place>``) or a place of the site's vocabulary before
    the first colon. Never from a colon alone (``"Barrack: ..."`` names a
    speaker): else ``None``."""


@attrs.frozen(kw_only=True)
class Article:
    """One article page of english.almayadeen.net, as typed data.

    Each field states its contract. Where its value comes from, source by
    source in order of preference, is the parser's field table
    (``mayadeen_parse._parse.FIELDS``); the field reference in the docs is
    generated from it. Build one with :func:`mayadeen_parse.parse_article`.
    """

    url: str | None = None
    """Canonical absolute URL: the page's own statement of it on one of the
    site's hosts, else the ``url`` argument. A URL the page states on another
    host (an archive copy's ``<link rel="canonical" href="https://archive.ph/...">``)
    is rejected, and kept only when nothing else gives one."""
    post_id: str | None = None
    """The site's numeric post id, as a string of digits."""
    language: str | None = None
    """Language code (``"en"``), as the page states it."""
    edition: Edition | None = None
    """Which edition of the site the page is from: ``"en"``
    (english.almayadeen.net), ``"ar"`` (www.almayadeen.net) or ``"es"``
    (espanol.almayadeen.net); from the URL's host, else the site JSON's
    ``lang``, else ``<html lang>`` (see :attr:`Page.edition`)."""
    kind: Kind | str | None = None
    """Post type, lower case and singular: ``"news"``, ``"opinion"``,
    ``"analysis"``, ``"blog"``, ``"feature"``, ``"video"``, ``"infograph"``,
    ``"gallery"``, ``"live"`` (a live blog); a post type the library does not
    know is kept as the site writes it, lower case, spaces as ``-``."""
    title: str
    """The headline (a ``<title>`` loses the site-name suffix)."""
    summary: str | None = None
    """The standfirst."""
    section: str | None = None
    """Section name as the site writes it (``"Politics"``)."""
    authors: tuple[Author, ...] = ()
    """Authors in byline order. An outlet byline (``"Al Mayadeen English"``) is
    an author; an agency after ``Source:`` is not. A missing URL is taken
    from any source naming the same author (the byline links, JSON-LD)."""
    source: str | None = None
    """The agency named after ``Source:`` in the byline (``"Agencies"``,
    ``"Reuters"``), or ``None``."""
    published: datetime.datetime | None = None
    """First publication, aware, in site local time. A byline text
    (``6 Nov 2023 16:21``) is read as Asia/Beirut local time."""
    modified: datetime.datetime | None = None
    """Last update, aware, in site local time."""
    read_time_minutes: int | None = None
    """The ``N Min Read`` figure shown under the byline."""
    word_count: int | None = None
    """The word count the site states; ``None`` when the site states none.
    Not a count of the body."""
    video_duration_seconds: int | None = None
    """For video reports: the duration the site states, in seconds."""
    lead_image: Image | None = None
    """The image above the body with its caption and credit; from structured
    metadata, the URL only."""
    body: tuple[Block, ...] = ()
    """The article, in page order, and nothing else: no "Read next" promos, no
    Related News box, no share links, ads, scripts or page furniture. Empty for
    a video report."""
    tags: tuple[Tag, ...] = ()
    """The topic links under the article, in order."""
    keywords: tuple[str, ...] = ()
    """Keywords, split on commas, trimmed, first occurrence kept; without
    stated keywords, the names of the visible tags."""
    countries: tuple[str, ...] = ()
    """Countries the site files the article under (tawsiyat classes with
    mapping ``country``), in order, without repeats."""
    coverage: tuple[str, ...] = ()
    """Ongoing dossiers the article belongs to (tawsiyat classes with mapping
    ``coverage``, e.g. ``"Operation Al-Aqsa Flood"``)."""
    see_also: tuple[Link, ...] = ()
    """The in-body ``Read next: <headline>`` promos, in order."""
    related: tuple[Teaser, ...] = ()
    """The "Related News" box, in order (same as
    :func:`mayadeen_parse.parse_related`)."""

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The text of every :class:`Paragraph` of the body, in order."""
        return tuple(block.text for block in self.body if isinstance(block, Paragraph))

    @property
    def text(self) -> str:
        """The body as plain text: one piece per block, in order, joined by a
        blank line (``"\\n\\n"``); ``""`` for an empty body.

        A :class:`Paragraph`, a :class:`Heading` and a :class:`Quote` give
        their ``text`` (a quote without its attribution); a :class:`ListBlock`
        gives its items, one per line (``"\\n"``), without bullets or numbers;
        an :class:`Embed` and a :class:`Figure` give nothing: they are someone
        else's post and a picture, not the article's prose (their text stays
        in the blocks: ``Embed.text``, ``Figure.image.caption``). A line break
        inside a block (a ``<br>`` in a paragraph) is kept; an empty piece is
        left out. :func:`~mayadeen_parse.to_dict` writes this value under
        ``"text"``, and :func:`~mayadeen_parse.from_dict` checks it.
        """
        pieces: list[str] = []
        for block in self.body:
            if isinstance(block, Paragraph | Heading | Quote):
                pieces.append(block.text)
            elif isinstance(block, ListBlock):
                pieces.append("\n".join(item for item in block.items if item))
        return "\n\n".join(piece for piece in pieces if piece)

    def _repr_html_(self) -> str:
        """A readable card for Jupyter: headline, byline, date, summary, body."""
        esc = _html_escape
        byline = ", ".join(esc(a.name) for a in self.authors)
        meta = " · ".join(
            part
            for part in (
                byline and f"By {byline}",
                self.source and f"Source: {esc(self.source)}",
                self.published and esc(self.published.isoformat()),
                self.section and esc(self.section),
            )
            if part
        )
        title = esc(self.title)
        if self.url:
            title = f'<a href="{esc(self.url)}">{title}</a>'
        parts = [f"<h3>{title}</h3>"]
        if meta:
            parts.append(f"<p><small>{meta}</small></p>")
        if self.summary:
            parts.append(f"<p><em>{esc(self.summary)}</em></p>")
        for block in self.body:
            if isinstance(block, Paragraph):
                parts.append(f"<p>{esc(block.text)}</p>")
            elif isinstance(block, Heading):
                parts.append(f"<h4>{esc(block.text)}</h4>")
            elif isinstance(block, Quote | Embed) and block.text:
                parts.append(f"<blockquote>{esc(block.text)}</blockquote>")
        if self.tags:
            parts.append("<p><small>Tags: " + ", ".join(esc(t.name) for t in self.tags) + "</small></p>")
        return "<div>" + "".join(parts) + "</div>"

    def _repr_pretty_(self, printer: object, cycle: bool) -> None:
        """IPython's plain-text display: the headline and key facts."""
        lines = [f"Article({self.title!r}"]
        for label, value in (
            ("url", self.url),
            ("published", self.published and self.published.isoformat()),
            ("authors", ", ".join(a.name for a in self.authors) or None),
            ("paragraphs", len(self.paragraphs)),
        ):
            if value is not None:
                lines.append(f"  {label}={value!r}")
        printer.text("\n".join(lines) + ")")  # type: ignore[attr-defined]


@attrs.frozen(kw_only=True)
class PageContent:
    """Everything :func:`mayadeen_parse.parse_page` finds on one page."""

    url: str | None = None
    """The page's canonical URL when it states one, else the ``url`` given."""
    edition: Edition | None = None
    """The site edition (``"en"``, ``"ar"``, ``"es"``), as
    :attr:`Page.edition` says it."""
    kind: PageKind = "unknown"
    """What the page is: ``"article"`` (any post: news, opinion, video...),
    ``"section"`` (a section, tag or author index), ``"home"``, ``"live"``
    (the live stream page), ``"page"`` (the site labels it ``type: page``),
    ``"error"`` (a "not found" or error document), ``"empty"`` or
    ``"unknown"`` (no headline, or no sign of an article)."""
    article: Article | None = None
    """The article, or ``None`` for a page that is not an article."""
    breaking: tuple[BreakingItem, ...] = ()
    """The BREAKING ticker, newest first as shown."""
    most_read: tuple[Teaser, ...] = ()
    """The Most Read list; rank is the position."""
    related: tuple[Teaser, ...] = ()
    """The Related News box."""
    read_next: tuple[Teaser, ...] = ()
    """The Read Next cards."""
    listing: tuple[Teaser, ...] = ()
    """For a listing page (``kind`` ``"home"``, ``"section"`` or ``"page"``):
    every story card in page order, once per story, each with its block's
    heading (:func:`mayadeen_parse.parse_listing`); ``()`` for an article."""

    def _repr_pretty_(self, printer: object, cycle: bool) -> None:
        """IPython's plain-text display: the kind, the URL, the article's
        headline and how many items each list holds."""
        lines = [f"PageContent(kind={self.kind!r}"]
        for label, value in (
            ("url", self.url),
            ("article", self.article and self.article.title),
            ("breaking", len(self.breaking)),
            ("most_read", len(self.most_read)),
            ("related", len(self.related)),
            ("read_next", len(self.read_next)),
        ):
            if value is not None:
                lines.append(f"  {label}={value!r}")
        printer.text("\n".join(lines) + ")")  # type: ignore[attr-defined]

    def _repr_html_(self) -> str:
        """A readable card for Jupyter: the article's card, then each list."""
        esc = _html_escape
        if self.article is not None:
            parts = [self.article._repr_html_()]
        else:
            parts = [f"<p><small>{esc(self.kind)} page {esc(self.url or '')}</small></p>"]
        if self.breaking:
            parts.append("<h4>BREAKING</h4><ul>")
            for item in self.breaking:
                clock = f"<small>{item.time:%H:%M}</small> " if item.time else ""
                parts.append(f"<li>{clock}{_html_link(item.text, item.url)}</li>")
            parts.append("</ul>")
        for label, teasers in (
            ("Most Read", self.most_read),
            ("Related News", self.related),
            ("Read Next", self.read_next),
        ):
            if teasers:
                items = "".join(
                    f"<li>{_html_link(t.title, t.url)}{f' <small>{esc(t.section)}</small>' if t.section else ''}</li>"
                    for t in teasers
                )
                parts.append(f"<h4>{label}</h4><ol>{items}</ol>")
        return "<div>" + "".join(parts) + "</div>"
