"""Hypothesis strategies shared by the property suite, and the renderers that
turn generated values into the site's markup.

Two kinds of things live here:

- *values*: headlines, prose, names, dates, URLs, whole article-like records
  (:class:`ArticleSpec`) and page-furniture lists (:class:`FurnitureSpec`);
- *renderers*: functions that write those values into markup shaped like
  ``tests/fixtures/article/blinken-2023-11-06.html`` (the reference layout) or
  into a *drifted* layout (other class names, extra wrappers, the blocks in
  another order), so that a test can parse the markup and compare.

Importing this module registers a type strategy with hypothesis, used by
``st.builds(Article)``: aware datetimes for ``datetime.datetime`` (the model
promises timezone-aware values).
"""

from __future__ import annotations

import copy
import datetime
import html
import json
import re
import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
from hypothesis import strategies as st
from lxml import etree

import mayadeen_parse as mp
from mayadeen_parse._locate import HEADINGS
from mayadeen_parse._text import beirut_offset

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SITE = "https://english.almayadeen.net"

# --- text ---------------------------------------------------------------------

# Visible block headings: a generated text equal to one of them would be read
# as that block's heading, which is right, but not what a round trip tests.
_HEADING_TEXTS = frozenset(text for texts in HEADINGS.values() for text in texts)
_CLOCK_RE = re.compile(r"^\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?$", re.I)

# Characters the site's text can hold. Excluded: surrogates (not encodable),
# control characters (HTML turns most into U+FFFD or drops them), private use
# (the library's <br> marker is U+E000) and unassigned code points.
_CHARS = st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn"))

#: Pieces of real headlines that have broken extractors: curly and straight
#: quotes, ampersands, currency and percent signs, Arabic, emoji (with skin
#: tone and ZWJ sequences), RTL marks, NBSP, entities written out as text.
_PIECES = (
    "Gaza",
    "“New Gaza”",
    "‘partition’",
    "'Israel'",
    '"pause could help"',
    "US & Canada",
    "AT&T",
    "&amp;",
    "&lt;b&gt;",
    "<b>",
    "$900mln",
    "56%",
    "غزة",
    "الميادين",
    "حزب الله",
    "🇵🇸",
    "👍🏽",
    "👩‍👩‍👧",
    "\u200f",
    "\xa0",
    "—",
    "Sudani’s",
    "Al-Aqsa",
    "Nabatieh:",
    "1,724",
    "#tag",
)


def _usable(text: str) -> bool:
    shown = mp.normalize_text(text)
    if shown is None:
        return False
    return shown.lower() not in _HEADING_TEXTS and not _CLOCK_RE.match(shown)


_LOWER = "abcdefghijklmnopqrstuvwxyz"
# Capitalised ASCII words (much cheaper to generate than from_regex).
_words = st.text(_LOWER, min_size=2, max_size=10).map(str.capitalize)


def prose(min_words: int = 1, max_words: int = 12) -> st.SearchStrategy[str]:
    """One line of text: words, real-headline pieces and random characters."""
    word = st.one_of(st.sampled_from(_PIECES), st.text(_CHARS, min_size=1, max_size=12), _words)
    return st.lists(word, min_size=min_words, max_size=max_words).map(" ".join).filter(_usable)


#: Headlines, including very long ones (the site cuts slugs, never titles).
headlines = st.one_of(
    prose(1, 12),
    prose(2, 8).map(lambda line: " ".join([line] * 15)),
    st.text(_CHARS, min_size=1, max_size=300).filter(_usable),
)

#: Person names: capitalised words. No commas, "and" or "&", which separate
#: names in the byline and the tawsiyat ``author`` string.
names = (
    st.lists(_words, min_size=1, max_size=3).map(" ".join).filter(lambda name: not {"By", "Source"} & set(name.split()))
)


def slug(i: int) -> st.SearchStrategy[str]:
    """A URL slug, unique through its index *i* (``a-b-c-<i>``)."""
    return st.text(_LOWER + "0123456789-:", min_size=1, max_size=40).map(lambda s: f"{s}-{i}")


# --- dates --------------------------------------------------------------------

#: Beirut wall-clock times to the minute, as the byline shows them.
local_times = st.datetimes(
    min_value=datetime.datetime(2000, 1, 1), max_value=datetime.datetime(2035, 12, 31, 23, 59)
).map(lambda d: d.replace(second=0, microsecond=0))

_OFFSETS = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda m: datetime.timezone(datetime.timedelta(minutes=m))
)
aware_datetimes = st.datetimes(
    min_value=datetime.datetime(1900, 1, 1), max_value=datetime.datetime(2100, 1, 1), timezones=_OFFSETS
)
st.register_type_strategy(datetime.datetime, aware_datetimes)


def as_site_time(local: datetime.datetime) -> datetime.datetime:
    """A Beirut wall-clock time as an aware datetime (the offset of that day)."""
    return local.replace(tzinfo=beirut_offset(local))


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def visible_datetime(moment: datetime.datetime) -> str:
    """``6 Nov 2023 16:21``, as the byline shows a Beirut local time."""
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year} {moment:%H:%M}"


# --- records ------------------------------------------------------------------

_BLOCK_CLASSES = (mp.Paragraph, mp.Heading, mp.Embed, mp.Figure, mp.Quote, mp.ListBlock)
#: Any body block. (A union cannot be registered as a type strategy;
#: hypothesis resolves ``tuple[Block, ...]`` itself, this makes the choice
#: explicit and even.)
blocks: st.SearchStrategy[Any] = st.one_of(*(st.builds(cls) for cls in _BLOCK_CLASSES))

#: Any Article the model can hold (not only ones a page can produce).
articles = st.builds(mp.Article, body=st.lists(blocks, max_size=5).map(tuple))


@attrs.frozen
class ArticleSpec:
    """What an article page states; rendered by :func:`render_article`."""

    path: str
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    tags: tuple[str, ...]
    authors: tuple[str, ...]
    published: datetime.datetime
    """Beirut wall-clock time, naive (the byline shows no offset)."""
    modified: datetime.datetime
    sources: frozenset[str]
    """Which structured sources the page carries: ``tawsiyat``, ``json-ld``,
    ``meta`` (any subset; none means visible markup only)."""


def _unique_by_norm(values: Sequence[str]) -> bool:
    shown = [(mp.normalize_text(v) or "").lower().lstrip("#").strip() for v in values]
    return len(set(shown)) == len(shown) and all(shown)


# A heading that is only the site's name is its logo, not a headline (the
# library skips such <h1>s: mayadeen_parse._site, SITE_NAMES).
_SITE_NAMES = frozenset({"al mayadeen english", "al mayadeen", "almayadeen", "الميادين", "slogan"})


def _not_site_name(title: str) -> bool:
    return (mp.normalize_text(title) or "").casefold() not in _SITE_NAMES


def _not_hashed(tag: str) -> bool:
    # The library drops a leading "#" from tag names ("#Gaza" is shown as a hashtag).
    return not (mp.normalize_text(tag) or "").startswith("#")


@st.composite
def article_specs(draw: st.DrawFn) -> ArticleSpec:
    published = draw(local_times)
    return ArticleSpec(
        path=f"/news/politics/{draw(slug(0))}",
        title=draw(headlines.filter(_not_site_name)),
        summary=draw(prose(3, 30)),
        paragraphs=tuple(draw(st.lists(prose(4, 30), min_size=1, max_size=6))),
        tags=tuple(draw(st.lists(prose(1, 3).filter(_not_hashed), max_size=6).filter(_unique_by_norm))),
        authors=tuple(draw(st.lists(names, min_size=1, max_size=3, unique_by=str.casefold))),
        published=published,
        modified=published + draw(st.timedeltas(min_value=datetime.timedelta(0), max_value=datetime.timedelta(days=3))),
        sources=frozenset(draw(st.sets(st.sampled_from(("tawsiyat", "json-ld", "meta"))))),
    )


@attrs.frozen
class Item:
    """One linked headline of a furniture block."""

    title: str
    path: str | None
    section: str


@attrs.frozen
class FurnitureSpec:
    """The four lists of page furniture; an empty list means the block is absent."""

    breaking: tuple[Item, ...]
    most_read: tuple[Item, ...]
    related: tuple[Item, ...]
    read_next: tuple[Item, ...]
    order: tuple[str, ...]
    """The order of the blocks outside the article (drifted layout only)."""


_SECTIONS = ("Politics", "Economy", "Sports", "Health", "Opinion", "Arts&Culture")


def _items(
    start: int, linked: bool | None, min_size: int = 0, max_size: int = 6
) -> st.SearchStrategy[tuple[Item, ...]]:
    """Items with distinct titles (the ticker drops repeats) and unique URLs."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[Item, ...]:
        titles = draw(
            st.lists(headlines, min_size=min_size, max_size=max_size, unique_by=lambda t: mp.normalize_text(t))
        )
        items = []
        for i, title in enumerate(titles, start):
            has_link = draw(st.booleans()) if linked is None else linked
            section = draw(st.sampled_from(_SECTIONS))
            path = f"/news/{section.lower().replace('&', '-')}/{draw(slug(i))}" if has_link else None
            items.append(Item(title=title, path=path, section=section))
        return tuple(items)

    return build()


@st.composite
def furniture_specs(draw: st.DrawFn) -> FurnitureSpec:
    return FurnitureSpec(
        breaking=draw(_items(0, None)),
        most_read=draw(_items(100, True)),
        related=draw(_items(200, True)),
        read_next=draw(_items(300, True)),
        order=tuple(draw(st.permutations(("breaking", "most_read", "read_next")))),
    )


# --- rendering ------------------------------------------------------------------


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def script_json(value: Any) -> str:
    """JSON for a ``<script>`` element: ``<`` escaped so no text can close it."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("<", "\\u003c")


def _head(spec: ArticleSpec) -> str:
    url = SITE + spec.path
    published = as_site_time(spec.published).isoformat()
    modified = as_site_time(spec.modified).isoformat()
    parts = ['<meta charset="utf-8">', f"<title>{esc(spec.title)} | Al Mayadeen English</title>"]
    if "meta" in spec.sources:
        parts += [
            f'<meta name="description" content="{esc(spec.summary)}">',
            f'<link rel="canonical" href="{url}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{esc(spec.title)}">',
            f'<meta property="article:published_time" content="{published}">',
            f'<meta property="article:modified_time" content="{modified}">',
        ]
    if "json-ld" in spec.sources:
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": spec.title,
            "description": spec.summary,
            "datePublished": published,
            "dateModified": modified,
            "author": [{"@type": "Person", "name": name} for name in spec.authors],
        }
        parts.append(f'<script type="application/ld+json">{script_json(ld)}</script>')
    if "tawsiyat" in spec.sources:
        site = {
            "type": "article",
            "postid": "2042516",
            "title": spec.title,
            "url": url,
            "description": spec.summary,
            "published_time": published,
            "last_updated": modified,
            "author": ", ".join(spec.authors),
            "classes": [{"key": "class1", "mapping": "posttype", "value": "News"}]
            + [{"key": "class6", "mapping": "author", "value": name} for name in spec.authors],
        }
        parts.append(f'<script id="tawsiyat-metadata" type="text/tawsiyat">{script_json(site)}</script>')
    return "\n".join(parts)


def _author_slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def _tag_slug(i: int) -> str:
    return f"tag-{i}"


def article_body(spec: ArticleSpec, related: str = "") -> str:
    """The ``<article>`` of the reference layout; *related* goes mid-body."""
    byline = ", ".join(f'<a href="/authors/{_author_slug(name)}">{esc(name)}</a>' for name in spec.authors)
    paragraphs = [f"<p>{esc(text)}</p>" for text in spec.paragraphs]
    paragraphs.insert(min(2, len(paragraphs)), related)
    tags = "".join(f'<li><a href="/tags/{_tag_slug(i)}">{esc(tag)}</a></li>' for i, tag in enumerate(spec.tags))
    return f"""<article class="article" data-id="2042516">
<h1 class="article-title">{esc(spec.title)}</h1>
<ul class="article-info">
<li class="author">By {byline}</li>
<li class="source">Source: Agencies</li>
<li class="date"><time datetime="{as_site_time(spec.published).isoformat()}">{visible_datetime(spec.published)}</time>
</li>
</ul>
<div class="read-time"><span>3</span> Min Read</div>
<p class="lg_para summary">{esc(spec.summary)}</p>
<figure class="article-image"><img src="/Content/uploads/lead.jpg" alt="Lead">
<figcaption>A caption (AP)</figcaption></figure>
<div class="p-content">
{chr(10).join(paragraphs)}
</div>
<ul class="tags">{tags}</ul>
</article>"""


def render_article(spec: ArticleSpec) -> bytes:
    """A whole page in the reference layout for *spec*."""
    return f"""<!DOCTYPE html>
<html lang="en"><head>
{_head(spec)}
</head><body>
<main class="container"><div class="row"><div class="col-main">
{article_body(spec)}
</div></div></main>
</body></html>""".encode()


# Furniture in the reference layout (class names as in the reference page).


def _href(item: Item) -> str:
    return f' href="{item.path}"' if item.path else ""


def breaking_html(items: Sequence[Item], drifted: bool = False) -> str:
    if not items:
        return ""
    if drifted:
        # Another ticker: no class hints, a heading element, <div> lines.
        lines = "".join(
            f'<div class="t-line">{f"<a{_href(i)}>{esc(i.title)}</a>" if i.path else esc(i.title)}</div>' for i in items
        )
        return (
            '<div class="top-strip"><div class="wrap"><h4 class="lbl">Breaking</h4>'
            f'<div class="rows">{lines}</div></div></div>'
        )
    lines = "".join(
        f"<li><a{_href(i)}><span>{esc(i.title)}</span></a></li>" if i.path else f"<li><span>{esc(i.title)}</span></li>"
        for i in items
    )
    return (
        '<div class="breaking-news" id="breaking-news"><span class="breaking-label">BREAKING</span>'
        f'<div class="breaking-slider"><ul>{lines}</ul></div></div>'
    )


def most_read_html(items: Sequence[Item], drifted: bool = False) -> str:
    if not items:
        return ""
    cards = "".join(
        f'<div class="item"><a class="thumb"{_href(i)}><img src="/img/{n}.jpg" alt="{esc(i.title)}"></a>'
        f"<h3><a{_href(i)}>{esc(i.title)}</a></h3>"
        f'<ul class="meta"><li class="category"><a href="/news/{i.section.lower()}">{esc(i.section)}</a></li>'
        f'<li class="date">8 Nov 2025</li></ul></div>'
        for n, i in enumerate(items)
    )
    if drifted:
        return f'<div class="panel x1"><div class="inner"><h5>MOST READ</h5><div class="list">{cards}</div></div></div>'
    return f'<section class="most-read"><h2 class="section-title">Most Read</h2>{cards}</section>'


def related_html(items: Sequence[Item], drifted: bool = False) -> str:
    if not items:
        return ""
    lis = "".join(
        f'<li><a{_href(i)}><img src="/img/r{n}.jpg" alt="{esc(i.title)}"><span>{esc(i.title)}</span></a></li>'
        for n, i in enumerate(items)
    )
    if drifted:
        return f'<aside class="box-rel"><div><strong class="ttl">Related  news</strong></div><ol>{lis}</ol></aside>'
    return f'<div class="related-news"><div class="related-title">Related News</div><ul>{lis}</ul></div>'


def read_next_html(items: Sequence[Item], drifted: bool = False) -> str:
    if not items:
        return ""
    cards = "".join(
        f'<div class="card"><figure><img src="/img/n{n}.jpg" alt="A photo caption, Thursday (AP)"></figure>'
        f'<span class="category">{esc(i.section)}</span><h3><a{_href(i)}>{esc(i.title)}</a></h3></div>'
        for n, i in enumerate(items)
    )
    if drifted:
        return (
            '<div class="zone"><div class="zone-head"><h2>Read next</h2></div>'
            f'<div class="grid"><div class="wrap">{cards}</div></div></div>'
        )
    return (
        '<section class="read-next"><h2 class="section-title">Read Next</h2>'
        f'<ul class="tabs"><li class="active">All</li></ul><div class="cards">{cards}</div></section>'
    )


FILLER = ArticleSpec(
    path="/news/politics/filler-story",
    title="Filler headline of the page",
    summary="A summary of the filler article that hosts the furniture.",
    paragraphs=(
        "A first paragraph of the host article, long enough to read as article text.",
        "A second paragraph of the host article, also long enough to read as text.",
        "A third paragraph, after the Related News box of the host article.",
    ),
    tags=("Gaza",),
    authors=("Al Mayadeen English",),
    published=datetime.datetime(2023, 11, 6, 16, 21),
    modified=datetime.datetime(2023, 11, 6, 16, 38),
    sources=frozenset({"tawsiyat", "json-ld", "meta"}),
)


def render_furniture(spec: FurnitureSpec, drifted: bool = False) -> bytes:
    """A page carrying the four blocks around an article.

    The reference layout puts the ticker under the header, Most Read in the
    side column and Read Next after the article; the drifted layout uses the
    drifted markup of each block, wraps each in extra elements and puts them
    in ``spec.order``.
    """
    body = article_body(FILLER, related=related_html(spec.related, drifted))
    blocks = {
        "breaking": breaking_html(spec.breaking, drifted),
        "most_read": most_read_html(spec.most_read, drifted),
        "read_next": read_next_html(spec.read_next, drifted),
    }
    if drifted:
        outside = "".join(f'<div class="w{n}"><div>{blocks[name]}</div></div>' for n, name in enumerate(spec.order))
        page = f'<div class="page">{outside}<div class="content"><div>{body}</div></div></div>'
    else:
        page = (
            f'{blocks["breaking"]}<main class="container"><div class="row"><div class="col-main">{body}</div>'
            f'<aside class="col-side">{blocks["most_read"]}</aside></div>{blocks["read_next"]}</main>'
        )
    return f"""<!DOCTYPE html><html lang="en"><head>{_head(FILLER)}</head>
<body>{page}</body></html>""".encode()


# --- fixtures and their mutations -------------------------------------------------


def fixture_pages() -> list[Path]:
    """Every HTML fixture with an expected JSON beside it (as the golden test)."""
    return sorted(p for p in FIXTURES.glob("*/*.html") if p.with_suffix(".json").exists())


#: How a mutation changes the tree: a kind and where (indices are taken modulo
#: the number of candidates, so any integer is valid for any fixture).
tree_mutations = st.lists(
    st.tuples(
        st.sampled_from(("drop", "duplicate", "swap", "unwrap", "truncate-text", "move-to-end")),
        st.integers(min_value=0, max_value=10_000),
        st.integers(min_value=0, max_value=10_000),
    ),
    min_size=1,
    max_size=6,
)

#: Replacements for the text of a JSON ``<script>`` (tawsiyat or JSON-LD).
_DEEP = "[" * 5000 + "]" * 5000
json_corruptions = st.one_of(
    st.sampled_from(
        (
            "",
            "null",
            "[]",
            '"a string"',
            "42",
            "{",
            '{"title": ',
            "not json at all",
            "<![CDATA[ {} ]]>",
            "{'single': 'quotes'}",
            _DEEP,
            '{"a":' * 3000 + "1" + "}" * 3000,
            '{"@graph": ' + "[" * 2000 + "]" * 2000 + "}",
            '{"title": null, "postid": [], "classes": "x", "published_time": 5, "keywords": {}, "author": 3}',
            '{"@type": ["NewsArticle", 1], "author": [null, 1, {"name": 2}], "image": [[]], "datePublished": []}',
            '{"title": "' + "x" * 100_000 + '"}',
        )
    ),
    st.text(max_size=200),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=15), inner, max_size=4),
        max_leaves=20,
    ).map(lambda value: json.dumps(value)),
)

#: How to re-encode a page: ``(codec, declared, faithful)``: the Python codec
#: for the bytes, what ``<meta charset>`` then says (``None``: no declaration),
#: and whether a browser would read the same text back.
encodings = st.sampled_from(
    (
        ("utf-8", "utf-8", True),
        ("utf-8", None, True),
        ("utf-8-sig", None, True),
        ("utf-8-sig", "windows-1256", True),  # the BOM wins over the meta
        ("utf-16", "utf-8", True),  # Python's utf-16 writes a BOM
        ("utf-16-le", None, True),
        ("windows-1252", "windows-1252", True),
        ("windows-1256", "windows-1256", True),
        ("iso-8859-6", "iso-8859-6", True),
        ("shift_jis", "shift_jis", True),
        ("windows-1252", "utf-8", False),
        ("utf-8", "windows-1256", False),
        ("windows-1256", None, False),
        ("latin-1", "no-such-charset", False),
    )
)

# <meta charset="..."> and <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET_RE = re.compile(r"<meta\b[^>]*\bcharset\s*=[^>]*>", re.I)


def fixture_text(data: bytes) -> str:
    """A fixture's text, decoded as the library decodes it."""
    page = mp.load_page(data)
    codec = {"utf-8": "utf-8-sig", "utf-16le": "utf-16", "utf-16be": "utf-16"}.get(page.encoding, page.encoding)
    return data.decode(codec)


def declare(text: str, charset: str | None) -> str:
    """*text* with its charset declaration replaced (or removed for ``None``)."""
    tag = f'<meta charset="{charset}">' if charset else ""
    new, count = _META_CHARSET_RE.subn(tag, text, count=1)
    if count == 0 and charset:
        new = re.sub(r"<head[^>]*>", lambda m: m.group(0) + tag, text, count=1, flags=re.I)
    return new


def encode(text: str, codec: str) -> tuple[bytes, bool]:
    """*text* in *codec*: ``(bytes, exact)``; characters the codec lacks become
    character references (so ``exact`` is false: references are not decoded
    inside ``<script>``)."""
    try:
        return text.encode(codec), True
    except UnicodeEncodeError:
        return text.encode(codec, "xmlcharrefreplace"), False


def _elements(root: Any) -> list[Any]:
    return [el for el in root.iter() if isinstance(el.tag, str) and el.tag not in ("html", "head", "body")]


def mutate_tree(root: Any, mutations: Sequence[tuple[str, int, int]]) -> None:
    """Apply *mutations* (from :data:`tree_mutations`) to an lxml tree in place."""
    for kind, a, b in mutations:
        elements = _elements(root)
        if not elements:
            return
        el = elements[a % len(elements)]
        parent = el.getparent()
        if parent is None:
            continue
        if kind == "drop":
            parent.remove(el)
        elif kind == "duplicate":
            parent.insert(parent.index(el) + 1, copy.deepcopy(el))
        elif kind == "swap":
            other = elements[b % len(elements)]
            other_parent = other.getparent()
            if other is el or other_parent is None or el in other.iterancestors() or other in el.iterancestors():
                continue
            placeholder = etree.Element("span")
            parent.replace(el, placeholder)
            other_parent.replace(other, el)
            parent.replace(placeholder, other)
        elif kind == "unwrap":
            index = parent.index(el)
            for offset, child in enumerate(list(el)):
                parent.insert(index + 1 + offset, child)
            parent.remove(el)
        elif kind == "truncate-text":
            if el.text:
                el.text = el.text[: len(el.text) * (b % 100) // 100]
        elif kind == "move-to-end":
            body = root.find("body")
            if body is not None and body is not el and body not in el.iter():
                body.append(el)


def json_scripts(root: Any) -> list[Any]:
    """The tawsiyat and JSON-LD ``<script>`` elements of a tree."""
    return [
        el
        for el in root.iter("script")
        if el.get("id") == "tawsiyat-metadata"
        or (el.get("type") or "").strip().lower() in ("text/tawsiyat", "application/ld+json")
    ]


def parse_tree(markup: str | bytes) -> Any:
    """An lxml tree of a fixture, for mutating (never network, no entities)."""
    parser = etree.HTMLParser(no_network=True, remove_comments=True)
    if isinstance(markup, bytes):
        markup = fixture_text(markup)
    return etree.fromstring(markup, parser)


def serialize(root: Any) -> str:
    return str(etree.tostring(root, method="html", encoding="unicode", doctype="<!DOCTYPE html>"))


# --- tag soup -----------------------------------------------------------------------

_SOUP_TAGS = (
    "div", "p", "span", "a", "ul", "ol", "li", "h1", "h2", "h3", "h4", "section", "article", "aside", "main",
    "figure", "img", "figcaption", "blockquote", "script", "time", "table", "tr", "td", "iframe", "br", "nav",
    "header", "footer", "strong", "title", "meta", "link", "base", "picture", "video", "pre", "template",
)  # fmt: skip
_SOUP_ATTRS = (
    'class="p-content"', 'class="breaking-news"', 'class="most-read"', 'class="related-news"',
    'class="read-next"', 'class="lg_para summary"', 'class="tags"', 'class="twitter-tweet"', 'class="ad-slot"',
    'class="category"', 'class="caption"', 'href="/news/politics/a-story"', 'href="/news/politics/other-one"',
    'href="/articles/opinion/x"', 'href="/tags/gaza"', 'href="javascript:void(0)"', 'href="//evil.example/x"',
    'href="http://[::1"', 'href="/web/2023/https://english.almayadeen.net/tags/x"', 'href="https://x.com/a/status/1"',
    'src="/a.jpg"', 'data-src="https://www.youtube.com/embed/x"', 'srcset=" , "', 'alt="A caption (AP)"',
    'datetime="2023-11-06T16:21:00+02:00"', 'data-time="2025-13-45T99:99:00Z"', 'datetime="99999-01-01T00:00Z"',
    'id="tawsiyat-metadata"', 'type="application/ld+json"', 'type="text/tawsiyat"', 'style="display:none"',
    "hidden", 'data-id="123"', 'rel="canonical"', 'property="og:type" content="article"', 'name="postid" content="x"',
    'charset="windows-1256"', 'lang="ar"', 'data-telegram-post="x/1"',
)  # fmt: skip
_SOUP_TEXTS = (
    "BREAKING", "Most Read", "Related News", "Read Next", "Coverage", "By Someone", "By A, B and C",
    "Source: Agencies", "6 Nov 2023 16:21", "8 Nov 2025", "31 Feb 2023 25:61", "3 Min Read", "Read next: ",
    "12:30", "Barrack: Damascus", ": Al Mayadeen's correspondent", '{"type": "article", "title": "T"}',
    '{"@type": "NewsArticle", "headline": "H", "@graph": [{}]}', "[[[[", "&amp;", "&#0;", "&#x110000;", "&bogus;",
    "\u200b", "\ufeff", "\ue000", "\x00", "\r\n", "\ud800",
)  # fmt: skip


def _element(tag: str, attributes: list[str], children: list[str], closed: bool) -> str:
    attrs_text = "".join(" " + a for a in attributes)
    return f"<{tag}{attrs_text}>{''.join(children)}" + (f"</{tag}>" if closed else "")


_soup_leaf = st.one_of(st.sampled_from(_SOUP_TEXTS), prose(1, 4), st.text(max_size=10))

#: Random markup built from the site's vocabulary: tags, the class names and
#: link shapes the extractors look for, headings, bylines, dates, JSON
#: fragments, entities and characters that are invalid in some layer.
html_soup = st.recursive(
    _soup_leaf,
    lambda inner: st.builds(
        _element,
        st.sampled_from(_SOUP_TAGS),
        st.lists(st.sampled_from(_SOUP_ATTRS), max_size=3),
        st.lists(inner, max_size=5),
        st.booleans(),
    ),
    max_leaves=40,
).map(lambda body: "<!DOCTYPE html><html><head></head><body>" + body)


# --- malformed records ----------------------------------------------------------

#: Body block "type" → class, spelled here (not read from the library) so that
#: the malformed-record strategy does not share the code it tests.
BLOCK_TYPE_NAMES: dict[str, type] = {
    "paragraph": mp.Paragraph,
    "heading": mp.Heading,
    "embed": mp.Embed,
    "figure": mp.Figure,
    "quote": mp.Quote,
    "list": mp.ListBlock,
}

#: Values to put where they do not belong; each is kept only where the
#: field's type clearly rules it out (see :func:`_plainly_allowed`).
_WRONG_VALUES: tuple[Any, ...] = (None, 5, 1.5, True, "x", "2023-11-06T16:21:00", [], ["x"], {}, {"x": 1})
_NAIVE = ("2023-11-06T16:21:00", "2023-11-06T16:21", "2023-11-06 16:21:00", "2023-11-06T16:21:00.5")


def _union_args(hint: Any) -> tuple[Any, ...]:
    origin = typing.get_origin(hint)
    return typing.get_args(hint) if origin is typing.Union or origin is types.UnionType else (hint,)


def _plainly_allowed(value: Any, hint: Any) -> bool:
    """Whether *value* might be valid for *hint* (erring towards yes): a
    mutation keeps only values for which this is False."""
    for arg in _union_args(hint):
        if arg is type(None) and value is None:
            return True
        if arg is str and isinstance(value, str):
            return True
        if arg is bool and isinstance(value, bool):
            return True
        if arg is int and isinstance(value, int) and not isinstance(value, bool):
            return True
        if typing.get_origin(arg) is tuple and isinstance(value, list):
            return True
        if isinstance(arg, type) and attrs.has(arg) and isinstance(value, dict):
            return True
        if arg in (datetime.date, datetime.datetime) and value == "2023-11-06":
            return True
    return False


def _slots(data: dict[str, Any], cls: type) -> list[tuple[dict[str, Any], str, Any]]:
    """Every ``(object, key, type hint)`` of the record *data* of class *cls*,
    nested records included, walked along the model's annotations."""
    found: list[tuple[dict[str, Any], str, Any]] = []
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        hint = hints[field.name]
        found.append((data, field.name, hint))
        value = data[field.name]
        items = value if typing.get_origin(hint) is tuple else [value]
        if typing.get_origin(hint) is tuple:
            (hint,) = typing.get_args(hint)[:1]
        for item in items:
            if not isinstance(item, dict):
                continue
            records = [arg for arg in _union_args(hint) if isinstance(arg, type) and attrs.has(arg)]
            if len(records) > 1:  # the Block union: the "type" says which
                found.extend(_slots(item, BLOCK_TYPE_NAMES[item["type"]]))
            elif records:
                found.extend(_slots(item, records[0]))
    return found


def _objects(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        return [data, *(o for v in data.values() for o in _objects(v))]
    if isinstance(data, list):
        return [o for v in data for o in _objects(v)]
    return []


@st.composite
def malformed_articles(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """``(data, what was broken)``: ``to_dict`` of a generated Article with
    exactly one defect: a value of the wrong type, a naive datetime, an
    unknown key, or an unknown body block type."""
    data = copy.deepcopy(mp.to_dict(draw(articles)))
    kind = draw(st.sampled_from(("wrong-type", "naive", "unknown-key", "unknown-block")))
    if kind == "naive":
        dated = [
            (obj, key)
            for obj, key, hint in _slots(data, mp.Article)
            if datetime.datetime in _union_args(hint) and datetime.date not in _union_args(hint)
        ]
        obj, key = draw(st.sampled_from(dated))  # Article.published is always one
        obj[key] = draw(st.sampled_from(_NAIVE))
        return data, f"naive datetime at {key}"
    if kind == "unknown-key":
        obj = draw(st.sampled_from(_objects(data)))
        key = draw(st.text(min_size=1, max_size=12).filter(lambda k: k not in obj and k not in {"type", "text"}))
        obj[key] = draw(st.sampled_from(_WRONG_VALUES))
        return data, f"unknown key {key!r}"
    if kind == "unknown-block":
        bad = draw(st.text(max_size=12).filter(lambda t: t not in BLOCK_TYPE_NAMES) | st.sampled_from((None, 5, [])))
        if data["body"] and draw(st.booleans()):
            draw(st.sampled_from(data["body"]))["type"] = bad
        else:
            data["body"].append({"type": bad, "text": "x"})
        return data, f"unknown block type {bad!r}"
    obj, key, hint = draw(st.sampled_from(_slots(data, mp.Article)))
    obj[key] = draw(st.sampled_from([v for v in _WRONG_VALUES if not _plainly_allowed(v, hint)]))
    return data, f"wrong type at {key}: {obj[key]!r}"


# --- JSON strings holding lone surrogates (issue 14) -------------------------------

# Pieces of a JSON string's text: escapes of lone surrogates (high and low),
# a valid pair, and ordinary characters; each piece is valid JSON string text.
_JSON_PIECES = ("a", " ", "\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\ud83d\\ude00", "/", ",", "\u00e9", "\\n", "1")
json_string_text = st.lists(st.sampled_from(_JSON_PIECES), max_size=8).map("".join)


@st.composite
def surrogate_json_value(draw: st.DrawFn) -> str:
    """JSON text of a string, a list of strings, or an object with name, url
    and @id, every string holding random escapes of lone surrogates."""
    kind = draw(st.sampled_from(("string", "list", "object")))
    if kind == "string":
        return '"' + draw(json_string_text) + '"'
    if kind == "list":
        return "[" + ",".join('"' + s + '"' for s in draw(st.lists(json_string_text, max_size=3))) + "]"
    name, url, ident = draw(json_string_text), draw(json_string_text), draw(json_string_text)
    return f'{{"name":"{name}","url":"/a/{url}","@id":"{ident}","value":"{name}"}}'


#: The keys of each structured source that a field reads.
SITE_KEYS = (
    "url", "postid", "lang", "type", "title", "description", "author", "published_time", "last_updated",
    "word_count", "video_duration", "thumbnail", "keywords",
)  # fmt: skip
LD_KEYS = (
    "mainEntityOfPage", "url", "identifier", "inLanguage", "headline", "description", "articleSection",
    "author", "datePublished", "dateModified", "wordCount", "duration", "image", "thumbnailUrl", "keywords",
)  # fmt: skip


@st.composite
def surrogate_json_pages(draw: st.DrawFn) -> bytes:
    """An article page whose tawsiyat and JSON-LD blocks give every key a
    field reads (and the class list, and a key of their own) a value holding
    escapes of lone surrogates."""
    site = ",".join(f'"{key}":{draw(surrogate_json_value())}' for key in SITE_KEYS)
    mapping, value = draw(json_string_text), draw(json_string_text)
    site += f',"classes":[{{"mapping":"author","value":"{value}"}},{{"mapping":"{mapping}","value":"{value}"}}]'
    site += f',"{draw(json_string_text)}":{draw(surrogate_json_value())}'
    ld_type = draw(st.sampled_from(('"NewsArticle"', '["NewsArticle","X\\ud800"]', '"Video\\udfffObject"')))
    ld = f'{{"@type":{ld_type},' + ",".join(f'"{key}":{draw(surrogate_json_value())}' for key in LD_KEYS) + "}"
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f'<script id="tawsiyat-metadata" type="application/json">{{{site}}}</script>'
        f'<script type="application/ld+json">{ld}</script></head><body><article><h1>Headline</h1>'
        '<div class="p-content"><p>A paragraph of the article, long enough to count as body text.</p></div>'
        "</article></body></html>"
    ).encode()
