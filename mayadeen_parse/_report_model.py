"""The trust report's records (built by :func:`~mayadeen_parse.inspect_page`
in ``_report.py``).

No ``from __future__ import annotations``: the records keep real annotations,
so that :func:`~mayadeen_parse.from_dict` can rebuild a :class:`Report`.
"""

import attrs

__all__ = [
    "MAX_RAW_CHARS",
    "BlockLayout",
    "Disagreement",
    "JsonScalar",
    "MissingField",
    "Provenance",
    "Report",
    "SourceValue",
    "StructuredSource",
]

#: A JSON scalar: what raw and compared values are shown as.
JsonScalar = str | int | float | bool | None

#: Raw values longer than this (as text) are cut, and end with "…".
MAX_RAW_CHARS = 240


# --- the records ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SourceValue:
    """One source's value for one field."""

    source: str
    """The source's name, as in :attr:`Provenance.source`."""
    value: JsonScalar = None
    """The value, JSON-safe: text (cut at 240 characters, ending with "…"),
    a number, or ISO 8601 for a date. Lists and objects are given as compact
    JSON text; authors as their names joined by ``"; "``."""


@attrs.frozen(kw_only=True)
class Provenance:
    """Where one :class:`~mayadeen_parse.Article` field's value came from."""

    field: str
    """The Article field (``"title"``, ``"published"``...)."""
    source: str | None = None
    """The source that gave the value: ``"<where>:<key>"`` with *where* one of
    ``tawsiyat`` (the site's own JSON block), ``json-ld``, ``meta`` (``<meta>``,
    ``<link rel=canonical>``, ``<title>``), ``markup`` (the visible page),
    ``url`` (read from the page's URL) or ``argument`` (given by the caller).
    ``None`` when no source gave a value."""
    raw: JsonScalar = None
    """That source's value before normalising, JSON-safe as in
    :attr:`SourceValue.value` (``"2023-11-06T16:21:00+02:00"``, ``"542"``)."""
    alternatives: tuple[str, ...] = ()
    """The other sources that gave a value too, in precedence order: the one
    that would take over if :attr:`source` disappeared comes first. They may
    disagree; see :attr:`Report.disagreements`."""
    rejected: tuple[SourceValue, ...] = ()
    """Sources that were present but whose value could not be used (a date in
    an unknown format, a word count that is not a number), with the raw value.
    A source format change shows here first."""


@attrs.frozen(kw_only=True)
class Disagreement:
    """Sources of one field that give different answers."""

    kind: str
    """What disagrees: the field's name (``"title"``, ``"published"``,
    ``"authors"``...), or ``"word_count_vs_body"`` for the word count the site
    states against the words counted in the body. Stable: count by it."""
    field: str
    """The Article field concerned."""
    used: str | None = None
    """The source whose value the Article has."""
    dissenting: tuple[str, ...] = ()
    """The sources whose value differs from the used one, in precedence
    order (``"counted:body"`` for the counted word count)."""
    values: tuple[SourceValue, ...] = ()
    """Every compared source with its normalised value, in precedence order
    (the used one first)."""
    detail: str = ""
    """The difference in words: ``"markup:byline-date: 1:00:00 later than
    tawsiyat:published_time"``."""


@attrs.frozen(kw_only=True)
class MissingField:
    """A field expected for the page's kind that has no value."""

    field: str
    """The Article field."""
    reason: str
    """Why, source by source: ``"markup:body: no body container found"``;
    a structured block absent from the page is named once
    (``"tawsiyat: no block on the page"``)."""


@attrs.frozen(kw_only=True)
class BlockLayout:
    """One block of the page and how it was located."""

    block: str
    """``title``, ``body``, ``summary``, ``byline``, ``lead_image``, ``tags``,
    ``breaking``, ``most_read``, ``related``, ``read_next`` or ``coverage``."""
    found: bool
    """Whether the block was located in the markup."""
    anchor: str
    """How it was located: ``class`` (a class name of the site's markup),
    ``heading`` (its visible heading, e.g. ``Most Read``), ``h1``, ``h2`` or
    ``h3`` (the title's tag; an ``<h2>`` title is a fallback), ``text`` (the
    byline's ``By …``/``Source: …``/date text), ``links`` (the tag list's
    ``/tags/`` links), ``structure`` (the shape of the content:
    the element holding most paragraphs, the first picture before the body),
    ``description`` (the summary found by its equality with the structured
    description), or ``missing``."""
    fallback: bool
    """``True`` when found, but not by the block's first-choice anchor
    (``class`` for the body, the summary and the furniture; ``h1`` for the
    title): the sign of layout drift to alert on."""
    expected: bool
    """Whether pages of this kind are expected to have the block. A missing
    expected block is drift; a missing unexpected one is normal (most
    articles have no Related News box)."""
    detail: str | None = None
    """What matched: an element (``div.p-content``), a heading's text
    (``Most Read``) or the byline parts found (``by, source, date, read
    time``)."""
    items: int | None = None
    """How many items the block held (body blocks, tags, ticker lines,
    teasers, byline parts); ``None`` for single-element blocks and for the
    script-filled Coverage box. Found with 0 items is suspicious too."""


@attrs.frozen(kw_only=True)
class StructuredSource:
    """Whether one structured metadata source was on the page."""

    name: str
    """``tawsiyat``, ``json-ld`` or ``meta``."""
    found: bool
    """Whether the page holds it (a tawsiyat or JSON-LD block, even if
    unreadable; at least one ``<meta>``, canonical link or ``<title>``)."""
    error: str | None = None
    """Why a present block gave nothing (``"not valid JSON: ..."``,
    ``"no article object"``), else ``None``."""
    detail: str | None = None
    """A short description: the tawsiyat ``type``, the JSON-LD ``@type``, the
    number of meta tags."""


@attrs.frozen(kw_only=True)
class Report:
    """How far to trust what the parser made of one page.

    Build it with :func:`~mayadeen_parse.inspect_page`; turn it into JSON with
    :func:`~mayadeen_parse.to_json`.
    """

    url: str | None = None
    """The page's URL (the article's canonical URL when stated, else the
    ``url`` argument), or ``None``."""
    kind: str
    """What the page is. Articles, by post type: ``article`` (news, or no post
    type stated), ``opinion``, ``analysis``, ``blog``, ``feature``, ``video``,
    ``infograph``, ``gallery``, ``live_blog`` (an unknown post type is given
    as the site writes it, lower case). Not articles: ``section_index``,
    ``home_page``, ``live_page``, ``page`` (the site labels it ``type: page``),
    ``error_page`` (a "not found" or error document), ``not_a_page`` (no
    headline or no article metadata), ``empty``."""
    status: str
    """``complete`` (every field expected for the kind has a value),
    ``partial`` (see :attr:`missing`) or ``not_article`` (then
    :func:`~mayadeen_parse.parse_article` raises
    :class:`~mayadeen_parse.NotAnArticleError`). Disagreements do not change
    the status."""
    kind_evidence: str
    """Why the page was given that kind, in words."""
    missing: tuple[MissingField, ...] = ()
    """The expected fields with no value, in Article field order; empty
    unless :attr:`status` is ``partial``."""
    disagreements: tuple[Disagreement, ...] = ()
    """Fields whose sources differ, in Article field order."""
    layout: tuple[BlockLayout, ...] = ()
    """Every block, found or not, in a fixed order: title, body, summary,
    byline, lead_image, tags, breaking, most_read, related, read_next,
    coverage."""
    sources: tuple[StructuredSource, ...] = ()
    """The structured sources: tawsiyat, json-ld, meta, in that order."""
    provenance: tuple[Provenance, ...] = ()
    """One entry per Article field, in Article field order (also for pages
    that are not articles: what each source says)."""
    warnings: tuple[str, ...] = ()
    """Problems met while decoding the page (see
    :attr:`~mayadeen_parse.Page.warnings`)."""
