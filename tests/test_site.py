"""The site tables (``mayadeen_parse._site``) are consistent with the code
that reads them and with the model's types."""

from __future__ import annotations

import typing

import attrs

import mayadeen_parse as mp
from mayadeen_parse import _locate, _site


def test_page_kind_literal_is_the_kind_table() -> None:
    assert typing.get_args(_site.PageKind) == _site.PAGE_KINDS


def test_article_kind_literal_is_the_kind_table() -> None:
    assert typing.get_args(_site.Kind) == _site.ARTICLE_KINDS


def test_every_post_type_maps_to_a_known_kind() -> None:
    assert set(_site.POST_TYPES.values()) <= set(_site.ARTICLE_KINDS)
    assert set(_site.LD_KINDS.values()) <= set(_site.ARTICLE_KINDS)
    assert set(_site.ROOT_KINDS.values()) <= set(_site.ARTICLE_KINDS)
    assert set(_site.NOT_ARTICLE_TYPES.values()) <= set(_site.PAGE_KINDS)


def test_model_kinds_use_the_vocabulary() -> None:
    hints = typing.get_type_hints(mp.PageContent)
    assert hints["kind"] == _site.PageKind
    assert _site.Kind in typing.get_args(typing.get_type_hints(mp.Article)["kind"])
    assert attrs.fields_dict(mp.PageContent)["kind"].default in _site.PAGE_KINDS


def test_headings_are_lower_case_and_collapsed() -> None:
    for spec in _site.BLOCKS:
        assert set(spec.headings) <= set(_site.HEADING_LANGUAGES), spec.name
        for heading in spec.all_headings():
            assert heading == " ".join(heading.split()).lower(), heading
            assert len(heading) < _site.HEADING_MAX_CHARS


def test_one_heading_names_one_block() -> None:
    seen: dict[str, str] = {}
    for spec in _site.BLOCKS:
        for heading in spec.all_headings():
            assert seen.setdefault(heading, spec.name) == spec.name, heading


def test_every_block_has_a_hint_and_a_heading() -> None:
    for spec in _site.BLOCKS:
        assert spec.classes, spec.name
        assert spec.all_headings(), spec.name
        assert _locate.BLOCK_HINTS[spec.name].keys <= _locate.INDEX_KEYS


def test_months_have_twelve_entries() -> None:
    for lang, months in _site.MONTH_NAMES.items():
        assert len(months) == 12, lang
        assert all(names for names in months), lang


def test_furniture_helpers_resolve_links_against_url() -> None:
    """``url=`` on the four furniture helpers: relative links resolve against
    the fetch URL, as on every other entry point."""
    html = (
        '<html><body><div class="breaking-news"><ul><li><a href="/latestnews/2023/11/2/x">A: b</a></li></ul></div>'
        '<section class="most-read"><h2>Most Read</h2><a href="/news/politics/one-story">One story</a></section>'
        '<div class="related-news"><a href="/news/politics/two-story">Two story</a></div>'
        '<section class="read-next"><a href="/news/politics/three-story">Three story</a></section></body></html>'
    )
    base = "https://mirror.example.org/site/"
    assert mp.parse_breaking(html, url=base)[0].url == "https://mirror.example.org/latestnews/2023/11/2/x"
    assert mp.parse_most_read(html, url=base)[0].url == "https://mirror.example.org/news/politics/one-story"
    assert mp.parse_related(html, url=base)[0].url == "https://mirror.example.org/news/politics/two-story"
    assert mp.parse_read_next(html, url=base)[0].url == "https://mirror.example.org/news/politics/three-story"
    assert mp.parse_most_read(html)[0].url == "https://english.almayadeen.net/news/politics/one-story"
