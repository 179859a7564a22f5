"""The trust report: how far to trust what the parser made of one page.

:func:`inspect_page` re-reads the page through the same field table the parser
uses (:data:`~mayadeen_parse._parse.FIELDS`): it asks *every* source of every
field instead of stopping at the first that answers, and records

- **kind** and **status**: what the page is, and whether every field expected
  for that kind has a value (``complete``), some do not (``partial``, with the
  reason), or the page is not an article at all (``not_article``);
- **provenance**: per field, the source that gave the value, its raw value
  before normalising, the sources that would take over, and the sources that
  were present but unusable (a date the parser cannot read...);
- **disagreements**: fields whose sources give different answers (compared as
  values: instants for dates, sets of names for authors...), and the word count
  the site claims against the one counted in the body;
- **layout**: each block of the page, found or not, and by which anchor (class
  name, visible heading, structure...), so that a change of class names shows
  as "found by fallback" before it shows as "missing".

Nothing here runs unless asked: :func:`~mayadeen_parse.parse_article` does
none of this work. The report reuses the page's cached parse and findings, so
calling both on one :class:`~mayadeen_parse.Page` costs one parse.

This module also holds :class:`Summary`, the counts over many reports that the
command line's ``--report`` prints for a batch (the command line itself, which
reads files and prints, lives in ``_cli_report.py``: this module never imports
the command line).

No ``from __future__ import annotations``: the records keep real annotations,
so that :func:`~mayadeen_parse.from_dict` can rebuild a :class:`Report`.
"""

import datetime
import json
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from . import _site
from ._errors import NotAnArticleError
from ._model import Article, Author, Block, Embed, Heading, Image, ListBlock, Paragraph, Quote
from ._parse import FIELDS, Context, PageInput, Source, _context, classify, iter_sources, parse_article, resolve
from ._report_model import (
    MAX_RAW_CHARS,
    BlockLayout,
    Disagreement,
    JsonScalar,
    MissingField,
    Provenance,
    Report,
    SourceValue,
    StructuredSource,
)
from ._serialize import _plain
from ._urls import story_key

__all__ = [
    "BlockLayout",
    "Disagreement",
    "MissingField",
    "Provenance",
    "Report",
    "SourceValue",
    "StructuredSource",
    "inspect_page",
]

# --- kinds and expectations ---------------------------------------------------------

# Article.kind → report kind, and a non-article page's kind → report kind:
# both from the one kind table (_site.KIND_TABLE).
_ARTICLE_KINDS = _site.REPORT_KIND_OF_POST
_OTHER_KINDS = _site.REPORT_KIND_OF_PAGE

_TEXT_FIELDS = ("url", "title", "summary", "section", "authors", "published", "lead_image", "body", "tags")
#: Fields a page of each kind is expected to have; other article kinds (an
#: unknown post type) are held to ``_TEXT_FIELDS``. Only what the reference
#: page shows is expected of text articles; a video report legitimately has
#: no body (site reference: "a complete page of kind video with an empty body").
EXPECTED_FIELDS: Mapping[str, tuple[str, ...]] = {
    "article": _TEXT_FIELDS,
    "opinion": _TEXT_FIELDS,
    "analysis": _TEXT_FIELDS,
    "blog": _TEXT_FIELDS,
    "feature": _TEXT_FIELDS,
    "video": ("url", "title", "summary", "published"),
    "infograph": ("url", "title", "published", "lead_image"),
    "gallery": ("url", "title", "published", "lead_image"),
    "live_blog": ("url", "title", "published"),
}

_FURNITURE = tuple(spec.name for spec in _site.BLOCKS)
#: Each block with its first-choice anchor, in report order: the article's
#: parts, then the furniture of the site tables (each first looked for by class).
BLOCKS: Mapping[str, str] = {
    "title": "h1",
    "body": "class",
    "summary": "class",
    "byline": "text",
    "lead_image": "structure",
    "tags": "links",
    **dict.fromkeys(_FURNITURE, "class"),
}
# The reference page shows every block but Related News on an article; the
# ticker heads every page of the site. Other kinds' templates are not known.
_TEXT_BLOCKS = frozenset(BLOCKS) - {"related"}
_ANY_ARTICLE_BLOCKS = frozenset({"title", "breaking"})
_SITE_PAGE_BLOCKS = frozenset({"breaking"})


def _expected_fields(kind: str, is_article: bool) -> tuple[str, ...]:
    return EXPECTED_FIELDS.get(kind, _TEXT_FIELDS) if is_article else ()


def _expected_blocks(kind: str, is_article: bool) -> frozenset[str]:
    if not is_article:
        return frozenset() if kind in ("not_a_page", "error_page", "empty") else _SITE_PAGE_BLOCKS
    return _TEXT_BLOCKS if _expected_fields(kind, is_article) is _TEXT_FIELDS else _ANY_ARTICLE_BLOCKS


# --- JSON-safe values -----------------------------------------------------------


def _cut(text: str) -> str:
    return text if len(text) <= MAX_RAW_CHARS else text[: MAX_RAW_CHARS - 1] + "\u2026"


#: How much of a structured raw value is rendered as JSON text before it is
#: cut to :data:`MAX_RAW_CHARS`: nesting levels, and values in all.
MAX_RAW_DEPTH = 8
MAX_RAW_NODES = 200


def _json_safe(value: Any) -> JsonScalar:
    """A raw value as a JSON scalar: text cut short, structures as JSON text.

    A structure is rendered only as deep and as far as the text shown can
    reach (:data:`MAX_RAW_DEPTH`, :data:`MAX_RAW_NODES`): a JSON-LD value
    nested thousands deep costs no recursion and no time.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return json.dumps(value)  # "Infinity", "NaN": a JSON value, as the page wrote it, is a string here
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return _cut(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    budget = [MAX_RAW_NODES]
    return _cut(json.dumps(_bounded(value, 0, budget), ensure_ascii=False, separators=(",", ":"), default=str))


def _bounded(value: Any, depth: int, budget: list[int]) -> Any:
    """A plain copy of *value* down to :data:`MAX_RAW_DEPTH` levels and
    *budget* values, with "…" where it stops."""
    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_RAW_DEPTH:
        return "\u2026"
    if attrs.has(type(value)):
        value = _plain(value)  # a record of this library: a few levels at most
    if isinstance(value, str):
        return _cut(value)
    if isinstance(value, tuple | list):
        items = []
        for item in value:
            if budget[0] <= 0:
                items.append("\u2026")
                break
            items.append(_bounded(item, depth + 1, budget))
        return items
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if budget[0] <= 0:
                out["\u2026"] = "\u2026"
                break
            out[_cut(str(key))] = _bounded(item, depth + 1, budget)
        return out
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _shown(value: Any) -> JsonScalar:
    """A normalised value as a JSON scalar, readable in a disagreement."""
    if isinstance(value, Image):
        return value.url
    if isinstance(value, tuple) and value and all(isinstance(x, Author) for x in value):
        return "; ".join(a.name for a in value)
    if isinstance(value, tuple) and all(isinstance(x, str) for x in value):
        return _cut(", ".join(value))
    return _json_safe(value)


# --- comparing values -------------------------------------------------------------

_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'"}
    | {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"'}
    | {"\u2013": "-", "\u2014": "-", "\u2212": "-"}
)


def _fold(text: str) -> str:
    """Text as compared: case, quote and dash styles and a final stop ignored.

    >>> _fold("Blinken claims US ‘working’ — “hard”.") == _fold('blinken claims us \\'working\\' - "hard"')
    True
    """
    return " ".join(text.translate(_QUOTES).casefold().split()).rstrip(" .\u2026")


def _same_text(a: Any, b: Any) -> bool:
    return _fold(a) == _fold(b)


def _same_summary(a: Any, b: Any) -> bool:
    """Equal, or one is the other cut short (meta descriptions often are)."""
    short, long = sorted((_fold(a), _fold(b)), key=len)
    return short == long or (len(short) >= 40 and long.startswith(short))


def _same_instant(a: Any, b: Any) -> bool:
    """The same minute: visible times have no seconds. Aware datetimes compare
    as instants, whatever their offsets."""
    try:
        return bool(abs((a - b).total_seconds()) < 60)
    except TypeError:  # pragma: no cover - the parser never gives naive datetimes
        return bool(a == b)


def _names(value: Any) -> frozenset[str]:
    return frozenset(_fold(a.name) for a in value)


def _same_authors(a: Any, b: Any) -> bool:
    return _names(a) == _names(b)


def _same_set(a: Any, b: Any) -> bool:
    return {_fold(x) for x in a} == {_fold(x) for x in b}


def _url_key(url: str) -> str:
    rest = story_key(url).partition("://")[2]
    host, _, path = rest.partition("/")
    return f"{host.lower().removeprefix('www.')}/{path}"


def _same_url(a: Any, b: Any) -> bool:
    return _url_key(a) == _url_key(b)


def _same_image(a: Any, b: Any) -> bool:
    # A thumbnail is the same picture with a resizing query (?v=2&width=1000).
    return _url_key(a.url.split("?", 1)[0]) == _url_key(b.url.split("?", 1)[0])


def _same_language(a: Any, b: Any) -> bool:
    return bool(a.lower().split("-")[0].split("_")[0] == b.lower().split("-")[0].split("_")[0])


def _equal(a: Any, b: Any) -> bool:
    return bool(a == b)


#: How a field's sources are compared; fields not listed have one source, or
#: sources that cannot be compared (the body, lists of links).
COMPARE: Mapping[str, Callable[[Any, Any], bool]] = {
    "url": _same_url,
    "post_id": _equal,
    "language": _same_language,
    "kind": _equal,
    "title": _same_text,
    "summary": _same_summary,
    "section": _same_text,
    "authors": _same_authors,
    "published": _same_instant,
    "modified": _same_instant,
    "word_count": _equal,
    "video_duration_seconds": _equal,
    "lead_image": _same_image,
    "keywords": _same_set,
}
#: Sources never compared: the caller's ``url`` argument (where the page was
#: fetched from may differ from where it says it lives), the JSON-LD catch-all
#: ``NewsArticle`` type (opinion and video pages carry it too), and the visible
#: tags as keywords (a selection of the keywords, standing in when no source
#: states any; not a second statement of them).
UNCOMPARED = frozenset({"argument:url", "json-ld:@type:NewsArticle", "markup:tags"})


# --- the report ---------------------------------------------------------------------


def inspect_page(page_or_html: PageInput, *, url: str | None = None) -> Report:
    """A :class:`Report` on how far to trust what the parser makes of a page.

    Never raises :class:`~mayadeen_parse.NotAnArticleError`: a page that is
    not an article gets status ``not_article`` and its kind. The report is
    computed only by this call; :func:`~mayadeen_parse.parse_article` does
    none of this work.

    Args:
        page_or_html: A :class:`~mayadeen_parse.Page` (then its parse and
            cached findings are reused), or the page's bytes or text.
        url: Where the page was fetched from, when *page_or_html* is not
            already a ``Page``.

    Raises:
        PageDecodeError: the input is not HTML at all (see
            :func:`~mayadeen_parse.load_page`).

    >>> import mayadeen_parse as mp
    >>> report = mp.inspect_page(b"<html><body><p>Not found</p></body></html>")
    >>> report.kind, report.status
    ('not_a_page', 'not_article')
    """
    ctx = _context(page_or_html, url)
    page_kind, evidence = classify(ctx)
    try:
        article = parse_article(ctx.page)
    except NotAnArticleError as exc:
        kind, is_article = _OTHER_KINDS.get(exc.kind, exc.kind), False
        if page_kind == "article":
            evidence = f"{evidence}, but no headline in any source"
    else:
        post_type = article.kind or "news"
        kind, is_article = _ARTICLE_KINDS.get(post_type, post_type), True
    for name in FIELDS:  # url first: the url:path sources of later fields read it
        resolve(ctx, name)
    provenance, candidates = _provenance(ctx)
    if is_article:
        source = next(p.source for p in provenance if p.field == "kind")
        evidence += f"; post type {ctx.resolved['kind']} from {source}" if source else "; no post type stated"
    missing = tuple(
        MissingField(field=name, reason=_why_missing(ctx, name))
        for name in FIELDS
        if name in _expected_fields(kind, is_article) and _empty(ctx.resolved.get(name))
    )
    status = "not_article" if not is_article else ("partial" if missing else "complete")
    return Report(
        url=ctx.resolved.get("url") or ctx.page.url,
        kind=kind,
        status=status,
        kind_evidence=evidence,
        missing=missing,
        disagreements=_disagreements(ctx, candidates),
        layout=_layout(ctx, _expected_blocks(kind, is_article)),
        sources=_structured(ctx),
        provenance=provenance,
        warnings=tuple(ctx.page.warnings),
    )


def _empty(value: Any) -> bool:
    return value is None or value == ()


# Fields whose every source speaks only for some pages (a post type, a path
# shape): a value they cannot read is "not applicable", not "rejected".
_CLASSIFYING_FIELDS = frozenset({"kind"})


def _provenance(ctx: Context) -> tuple[tuple[Provenance, ...], dict[str, list[tuple[Source, Any]]]]:
    """Provenance per field, and each field's usable (source, value) pairs."""
    out = []
    candidates: dict[str, list[tuple[Source, Any]]] = {}
    for name in FIELDS:
        usable: list[tuple[Source, Any, Any]] = []
        rejected = []
        for source, raw, value in iter_sources(ctx, name):
            if value is not None:
                usable.append((source, raw, value))
            elif (
                raw is not None
                and raw != ""
                and name not in _CLASSIFYING_FIELDS
                and not source.name.startswith(("url:", "argument:"))
            ):
                rejected.append(SourceValue(source=source.name, value=_json_safe(raw)))
        candidates[name] = [(source, value) for source, _, value in usable]
        first = usable[0] if usable else None
        out.append(
            Provenance(
                field=name,
                source=first[0].name if first else None,
                raw=_json_safe(first[1]) if first else None,
                alternatives=tuple(source.name for source, _, _ in usable[1:]),
                rejected=tuple(rejected),
            )
        )
    return _in_article_order(out), candidates


_ARTICLE_ORDER = {name: i for i, name in enumerate(attrs.fields_dict(Article))}


def _in_article_order(items: list[Provenance]) -> tuple[Provenance, ...]:
    return tuple(sorted(items, key=lambda p: _ARTICLE_ORDER[p.field]))


def _disagreements(ctx: Context, candidates: dict[str, list[tuple[Source, Any]]]) -> tuple[Disagreement, ...]:
    found = []
    for name in FIELDS:
        same = COMPARE.get(name)
        pairs = candidates[name]
        if same is None or not pairs:
            continue
        used, reference = pairs[0]
        compared = [(used, reference)] + [(s, v) for s, v in pairs[1:] if s.name not in UNCOMPARED]
        dissent = [(s, v) for s, v in compared[1:] if not same(reference, v)]
        if dissent:
            found.append(
                Disagreement(
                    kind=name,
                    field=name,
                    used=used.name,
                    dissenting=tuple(s.name for s, _ in dissent),
                    values=tuple(SourceValue(source=s.name, value=_shown(v)) for s, v in compared),
                    detail=_detail(name, used.name, reference, dissent),
                )
            )
    counted = _word_count_check(ctx, candidates["word_count"])
    if counted is not None:
        found.append(counted)
    return tuple(sorted(found, key=lambda d: _ARTICLE_ORDER[d.field]))


def _detail(name: str, used: str, reference: Any, dissent: list[tuple[Source, Any]]) -> str:
    if name in ("published", "modified"):
        by_delta: dict[datetime.timedelta, list[str]] = {}
        for source, value in dissent:
            by_delta.setdefault(value - reference, []).append(source.name)
        return "; ".join(
            f"{', '.join(names)}: {abs(delta)} {'later' if delta > datetime.timedelta(0) else 'earlier'} than {used}"
            for delta, names in by_delta.items()
        )
    names = ", ".join(s.name for s, _ in dissent)
    return f"{names} {'differs' if len(dissent) == 1 else 'differ'} from {used}"


def count_words(body: Iterable[Block]) -> int:
    """Words of the body's text: paragraphs, headings, quotes, list items and
    the text of embedded posts (a rendered page shows them all).

    >>> count_words((Paragraph(text="One two three."), Heading(text="Four")))
    4
    """
    total = 0
    for block in body:
        if isinstance(block, Paragraph | Heading | Quote):
            total += len(block.text.split())
        elif isinstance(block, ListBlock):
            total += sum(len(item.split()) for item in block.items)
        elif isinstance(block, Embed) and block.text:
            total += len(block.text.split())
    return total


def _word_count_check(ctx: Context, claims: list[tuple[Source, Any]]) -> Disagreement | None:
    """The stated word count against the words counted in the body.

    What the site's CMS counts is not known (the summary? captions?), so only
    a gap of more than a third (and 30 words) is reported: the size of a body
    that lost paragraphs, not of a different way of counting.
    """
    body = ctx.resolved.get("body")
    if not claims or not body:
        return None
    source, claimed = claims[0]
    counted = count_words(body)
    if abs(counted - claimed) <= max(30, claimed / 3):
        return None
    return Disagreement(
        kind="word_count_vs_body",
        field="word_count",
        used=source.name,
        dissenting=("counted:body",),
        values=(SourceValue(source=source.name, value=claimed), SourceValue(source="counted:body", value=counted)),
        detail=f"{source.name} states {claimed} words; the body has {counted}",
    )


# --- why a field is missing ---------------------------------------------------------

#: Why a markup source gave nothing, by source name.
_MARKUP_ABSENT = {
    "markup:h1": "no <h1> and no element showing the structured title",
    "markup:summary": "no summary paragraph (by class or equal to a structured description)",
    "markup:byline": "no 'By …' line before the body",
    "markup:byline-source": "no 'Source: …' line before the body",
    "markup:time-datetime": "no <time datetime> before the body",
    "markup:byline-date": "no visible date before the body",
    "markup:read-time": "no 'N Min Read' before the body",
    "markup:lead-figure": "no picture between the headline and the body",
    "markup:tags": "no list of /tags/ links",
    "markup:read-next-promos": "no 'Read next:' promo in the body",
    "markup:related": "no Related News box",
    "markup:data-id": "no data-id on the article element",
    "markup:html-lang": "no <html lang>",
}


def _why_missing(ctx: Context, name: str) -> str:
    reasons: list[str] = []
    for source, raw, _ in iter_sources(ctx, name):
        where = source.name.split(":", 1)[0]
        if raw is not None:
            reasons.append(f"{source.name}: unusable value {_json_safe(raw)!r}")
            continue
        block = _block_absent(ctx, where)
        if block is not None:
            if block not in reasons:
                reasons.append(block)
        elif source.name == "markup:body":
            reasons.append(f"markup:body: {_body_absent(ctx)}")
        elif where == "markup":
            reasons.append(f"{source.name}: {_MARKUP_ABSENT.get(source.name, 'not found in the markup')}")
        elif where == "url":
            reasons.append(f"{source.name}: {'no URL' if not ctx.resolved.get('url') else 'not in the URL path'}")
        elif where == "argument":
            reasons.append(f"{source.name}: not given")
        else:
            reasons.append(f"{source.name}: absent")
    return "; ".join(reasons)


def _block_absent(ctx: Context, where: str) -> str | None:
    """Why a whole structured source is missing, or ``None`` when present."""
    if where == "tawsiyat":
        if not ctx.site.found:
            return "tawsiyat: no block on the page"
        if ctx.site.error:
            return f"tawsiyat: unreadable block ({ctx.site.error})"
    elif where == "json-ld":
        if not ctx.ld.found:
            return "json-ld: no block on the page"
        if ctx.ld.error:
            return f"json-ld: unreadable block ({ctx.ld.error})"
        if not ctx.ld.data:
            return "json-ld: no article object in the blocks"
    return None


def _body_absent(ctx: Context) -> str:
    body = ctx.dom.body
    if body.anchor == "missing":
        return "no body container (no div.p-content or similar, no element holding the paragraphs)"
    return f"the body container ({_describe_all(body.roots)}, by {body.anchor}) holds no article text"


# --- layout -----------------------------------------------------------------------


def _describe(el: Any) -> str | None:
    """An element as ``tag.class1.class2`` or ``tag#id`` (at most two classes)."""
    if el is None:
        return None
    classes = (el.get("class") or "").split()
    if classes:
        return str(el.tag) + "".join(f".{c}" for c in classes[:2])
    if el.get("id"):
        return f"{el.tag}#{el.get('id')}"
    return str(el.tag)


def _describe_all(elements: Iterable[Any]) -> str:
    return ", ".join(d for d in (_describe(el) for el in elements) if d)


def _layout(ctx: Context, expected: frozenset[str]) -> tuple[BlockLayout, ...]:
    dom = ctx.dom
    rows: dict[str, tuple[str, str | None, int | None]] = {
        "title": (dom.title.anchor, _describe(dom.title.el), None),
        "body": (
            dom.body.anchor,
            _describe_all(dom.body.roots) or None,
            len(dom.body.blocks) if dom.body.roots else None,
        ),
        "summary": (dom.summary.anchor, _describe(dom.summary.el), None),
    }
    parts = [
        (label, el)
        for label, el in (
            ("by", dom.byline.by_el),
            ("source", dom.byline.source_el),
            ("date", dom.byline.date_el),
            ("read time", dom.byline.read_time_el),
        )
        if el is not None
    ]
    rows["byline"] = ("text", ", ".join(p for p, _ in parts), len(parts)) if parts else ("missing", None, None)
    lead = dom.lead.el
    rows["lead_image"] = ("structure", _describe(lead), None) if lead is not None else ("missing", None, None)
    tags = dom.tags.el
    rows["tags"] = ("links", _describe(tags), len(dom.tags.tags)) if tags is not None else ("missing", None, None)
    for block in _FURNITURE:
        found = ctx.furniture.blocks[block]
        count = None if block == "coverage" or found.anchor == "missing" else len(found.items)
        rows[block] = (found.anchor, found.detail if found.anchor != "missing" else None, count)
    return tuple(
        BlockLayout(
            block=block,
            found=rows[block][0] != "missing",
            anchor=rows[block][0],
            fallback=rows[block][0] not in ("missing", first_choice),
            expected=block in expected,
            detail=rows[block][1],
            items=rows[block][2],
        )
        for block, first_choice in BLOCKS.items()
    )


def _structured(ctx: Context) -> tuple[StructuredSource, ...]:
    site, ld, meta = ctx.site, ctx.ld, ctx.meta
    site_type = site.get("type")
    ld_error = ld.error or (None if ld.data or not ld.found else "no article object")
    if ld.types:
        ld_detail: str | None = ", ".join(ld.types)
    else:
        ld_detail = ("types: " + ", ".join(dict.fromkeys(ld.all_types))) if ld.all_types else None
    meta_parts = [f"{len(meta.values)} meta tags"] if meta.values else []
    meta_parts += [label for label, there in (("canonical link", meta.canonical), ("title", meta.title)) if there]
    return (
        StructuredSource(
            name="tawsiyat",
            found=site.found,
            error=site.error,
            detail=f"type {site_type}" if isinstance(site_type, str) else None,
        ),
        StructuredSource(name="json-ld", found=ld.found, error=ld_error, detail=ld_detail),
        StructuredSource(name="meta", found=bool(meta_parts), detail=", ".join(meta_parts) or None),
    )
