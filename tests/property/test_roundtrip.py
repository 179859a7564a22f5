"""Round trips: generate values, render the site's markup, parse, compare.

Also the pure invariants of the model and the normalisers: serialization
round trips over any ``Article`` and idempotent text normalisation.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from hypothesis import example, given
from hypothesis import strategies as st

import mayadeen_parse as mp
from mayadeen_parse._text import absolutize, normalize_lines

from .strategies import (
    FILLER,
    SITE,
    ArticleSpec,
    FurnitureSpec,
    Item,
    article_specs,
    articles,
    as_site_time,
    furniture_specs,
    render_article,
    render_furniture,
)


def _norm(values: Sequence[str]) -> list[str | None]:
    return [mp.normalize_text(v) for v in values]


def _url(item: Item) -> str | None:
    return SITE + item.path if item.path else None


# --- articles -------------------------------------------------------------------


@given(spec=article_specs())
def test_article_round_trip(spec: ArticleSpec) -> None:
    """An article rendered in the reference layout, with any subset of the
    structured sources (tawsiyat, JSON-LD, meta; none = markup only), parses
    back to the same title, summary, paragraphs, tags, authors and dates
    (texts compared after normalize_text, dates as instants)."""
    article = mp.parse_article(render_article(spec))
    assert article.title == mp.normalize_text(spec.title)
    assert article.summary == mp.normalize_text(spec.summary)
    assert list(article.paragraphs) == _norm(spec.paragraphs)
    assert [tag.name for tag in article.tags] == _norm(spec.tags)
    assert [(a.name, a.url) for a in article.authors] == [
        (name, f"{SITE}/authors/{name.lower().replace(' ', '-')}") for name in spec.authors
    ]
    assert article.published == as_site_time(spec.published)
    assert article.published is not None
    assert article.published.utcoffset() is not None
    if spec.sources:
        assert article.url == SITE + spec.path
        assert article.modified == as_site_time(spec.modified)
    else:
        assert article.modified is None


# --- page furniture (issue 3) ---------------------------------------------------------


@given(spec=furniture_specs(), drifted=st.booleans())
def test_furniture_round_trip(spec: FurnitureSpec, drifted: bool) -> None:
    """Headlines (Arabic, quotes, ampersands, emoji, very long ones) rendered
    as the BREAKING ticker, Most Read, Related News and Read Next, in the
    reference markup or a drifted one (other class names, extra wrappers,
    another block order), come back from parse_breaking / parse_most_read /
    parse_related / parse_read_next as the same lists: titles exact after
    normalize_text, URLs absolute, sections kept; a missing block gives ().
    The host article's body keeps its own paragraphs and nothing else."""
    page = mp.load_page(render_furniture(spec, drifted))
    breaking = mp.parse_breaking(page)
    assert [(b.text, b.url) for b in breaking] == [(mp.normalize_text(i.title), _url(i)) for i in spec.breaking]
    for items, teasers in (
        (spec.most_read, mp.parse_most_read(page)),
        (spec.related, mp.parse_related(page)),
        (spec.read_next, mp.parse_read_next(page)),
    ):
        assert [(t.title, t.url) for t in teasers] == [(mp.normalize_text(i.title), _url(i)) for i in items]
    assert [t.section for t in mp.parse_most_read(page)] == [i.section for i in spec.most_read]
    assert [t.section for t in mp.parse_read_next(page)] == [i.section for i in spec.read_next]
    article = mp.parse_article(page)
    assert article.paragraphs == FILLER.paragraphs
    assert article.related == mp.parse_related(page)


# --- the model and the normalisers ---------------------------------------------------


@given(article=articles)
def test_article_dict_round_trip(article: mp.Article) -> None:
    """from_dict(Article, to_dict(a)) == a for any Article, also through JSON
    text (to_json, json.loads)."""
    assert mp.from_dict(mp.Article, mp.to_dict(article)) == article
    assert mp.from_dict(mp.Article, json.loads(mp.to_json(article))) == article


@given(text=st.text())
def test_normalize_text_idempotent(text: str) -> None:
    """normalize_text is idempotent, and its output is normalised: no
    whitespace at the ends, no run of whitespace, never "" (None instead)."""
    once = mp.normalize_text(text)
    assert mp.normalize_text(once) == once
    if once is not None:
        assert once == once.strip()
        assert "  " not in once
        assert once.split() == once.split(" ")


@given(text=st.text())
def test_normalize_lines_idempotent(text: str) -> None:
    """normalize_lines is idempotent and never leaves an empty line."""
    once = normalize_lines(text)
    assert normalize_lines(once) == once
    if once is not None:
        assert all(line and line == mp.normalize_text(line) for line in once.split("\n"))


@given(href=st.one_of(st.text(), st.from_regex(r"\s*(https?:)?(//[a-z.]+)?(/[a-z0-9:%-]*){0,4}(\?[a-z=&]*)?\s*")))
@example(href="0\x85#")  # str.strip() trimmed U+0085 on the second call only
@example(href="0 ?")  # urljoin dropped the empty query, exposing a trailing space
def test_absolutize_idempotent(href: str) -> None:
    """absolutize is idempotent: an absolute URL it returned comes back as is."""
    once = absolutize(href)
    if once is not None:
        assert absolutize(once) == once
