"""Property: removing one structured source moves each field to the next source.

The parser reads every field from an ordered list of sources (tawsiyat JSON,
JSON-LD, ``<meta>`` tags, the visible markup). Removing one of them from a
fixture (a whole block, one key of a JSON block, or one meta tag) must leave
the other sources' answers alone: each field then comes from the first source
that gave a value before and was not removed, and the report names it. In
particular a field never loses or changes its value while another source
carried the same value.

The pages are edited as trees (a copy of the parsed fixture), so nothing but
the removed source differs between the two pages compared. The ``url:path``
sources read the page's URL: they count as removed when the URL was lost.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import mayadeen_parse as mp
from mayadeen_parse._metadata import loads_lenient
from mayadeen_parse._parse import _context, iter_sources
from tests.report_golden import all_fixtures, fixture_id, load_page

_TAWSIYAT = etree.XPath("//script[@id='tawsiyat-metadata' or @type='text/tawsiyat']")
_JSON_LD = etree.XPath("//script[@type='application/ld+json']")
# What the meta:* sources read: <meta name|property|itemprop>, the canonical
# link and <title>; charset and viewport are not sources.
_META = etree.XPath(
    "//meta[(@name or @property or @itemprop) and not(@name='viewport')] | //link[@rel='canonical'] | //title"
)
_BLOCKS = {"tawsiyat": _TAWSIYAT, "json-ld": _JSON_LD, "meta": _META}


def _copy(page: mp.Page, root: Any) -> mp.Page:
    return mp.Page(root, url=page.url, encoding=page.encoding, encoding_source=page.encoding_source)


@cache
def _original(path: Path) -> mp.Page:
    return load_page(path)


def _meta_key(el: Any) -> str:
    if el.tag == "title":
        return "title"
    if el.tag == "link":
        return "canonical"
    return str(el.get("name") or el.get("property") or el.get("itemprop")).strip().lower()


def _json_keys(el: Any, block: str) -> list[str]:
    data, _ = loads_lenient(el.text or "")
    entity = _entity(data) if block == "json-ld" else data
    return sorted(entity) if isinstance(entity, dict) else []


def _entity(data: Any) -> Any:
    """The JSON-LD object that carries the article's keys (the one with a headline or a date)."""
    if isinstance(data, list):
        return next((e for e in map(_entity, data) if e is not None), None)
    if isinstance(data, dict):
        if "@graph" in data:
            return _entity(data["@graph"])
        if "headline" in data or "datePublished" in data or "name" in data:
            return data
    return None


@cache
def _keys(path: Path, block: str) -> tuple[str, ...]:
    """The keys of *block* one can remove from the fixture, one at a time."""
    elements = _BLOCKS[block](_original(path).root)
    if block == "meta":
        return tuple(sorted({_meta_key(el) for el in elements}))
    return tuple(sorted({key for el in elements for key in _json_keys(el, block)}))


def _article_fixtures() -> list[Path]:
    out = []
    for path in all_fixtures():
        try:
            mp.parse_article(_original(path))
        except mp.NotAnArticleError:
            continue
        if any(_keys(path, block) for block in _BLOCKS):
            out.append(path)
    return out


ARTICLES = _article_fixtures()


def _remove(page: mp.Page, block: str, key: str | None) -> mp.Page:
    root = copy.deepcopy(page.root)
    for el in _BLOCKS[block](root):
        if key is None or (block == "meta" and _meta_key(el) == key):
            el.getparent().remove(el)
        elif block != "meta":
            data, _ = loads_lenient(el.text or "")
            entity = _entity(data) if block == "json-ld" else data
            if isinstance(entity, dict) and key in entity:
                del entity[key]
                el.text = json.dumps(data)
    return _copy(page, root)


def _affected(source: str, block: str, key: str | None) -> bool:
    where, _, name = source.partition(":")
    if where != block:
        return False
    if key is None:
        return True
    if block == "tawsiyat" and key == "classes":
        return name.startswith("class:")
    if block == "json-ld" and key == "@type":
        return True  # without its type the object is no longer the article's
    return name == key


@cache
def _before(path: Path) -> tuple[mp.Article, mp.Report, dict[str, dict[str, Any]]]:
    """The unchanged fixture's Article, report, and every source's normalised
    value of every field."""
    page = _original(path)
    report = mp.inspect_page(page)  # resolves the url first, as parsing does
    ctx = _context(page, None)
    values = {
        item.field: {source.name: value for source, _, value in iter_sources(ctx, item.field) if value is not None}
        for item in report.provenance
    }
    return mp.parse_article(page), report, values


def _comparable(field: str, value: Any) -> Any:
    if value in (None, ()):
        return None
    if field == "authors":  # author URLs are merged from any source
        return tuple(author.name for author in value)
    return value


@st.composite
def removals(draw: st.DrawFn) -> tuple[Path, str, str | None]:
    path = draw(st.sampled_from(ARTICLES))
    block = draw(st.sampled_from([b for b in _BLOCKS if _keys(path, b)]))
    key = draw(st.none() | st.sampled_from(_keys(path, block)))
    return path, block, key


@given(removals())
def test_removing_a_source_hands_each_field_to_the_next(removal: tuple[Path, str, str | None]) -> None:
    """For every field: the new provenance is the first source that gave a value
    before and was not removed, and the new value is the value it gave."""
    path, block, key = removal
    _, before, values = _before(path)
    after_page = _remove(_original(path), block, key)
    after = mp.inspect_page(after_page)
    assert after.status != "not_article", (fixture_id(path), block, key, after.kind_evidence)
    article = mp.parse_article(after_page)
    old = {p.field: p for p in before.provenance}
    new = {p.field: p for p in after.provenance}
    url_lost = before.url != after.url
    for field, item in old.items():
        usable = [s for s in (item.source, *item.alternatives) if s is not None]
        heir = next(
            (s for s in usable if not _affected(s, block, key) and not (url_lost and s.startswith("url:"))), None
        )
        assert new[field].source == heir, (fixture_id(path), block, key, field)
        expected = values[field].get(heir) if heir else None
        assert _comparable(field, getattr(article, field)) == _comparable(field, expected), (field, heir)


@given(removals())
def test_a_field_carried_by_another_source_keeps_its_value(removal: tuple[Path, str, str | None]) -> None:
    """The corollary users rely on: when a source that was not removed gave
    exactly the winner's value, the Article field does not change."""
    path, block, key = removal
    before_article, before, all_values = _before(path)
    after = mp.parse_article(_remove(_original(path), block, key))
    url_lost = before_article.url != after.url
    for item in before.provenance:
        if item.source is None:
            continue
        values = all_values[item.field]
        winner = _comparable(item.field, values[item.source])
        carriers = [
            s
            for s in item.alternatives
            if not _affected(s, block, key)
            and not (url_lost and s.startswith("url:"))
            and _comparable(item.field, values[s]) == winner
        ]
        if carriers:
            assert _comparable(item.field, getattr(after, item.field)) == _comparable(
                item.field, getattr(before_article, item.field)
            ), (fixture_id(path), block, key, item.field, carriers)
