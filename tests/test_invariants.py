"""Invariants that hold for every golden fixture's output."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import mayadeen_parse as mp
from tests.golden import fixture_id, html_fixtures, load_expected


def _content(path: Path) -> mp.PageContent:
    inputs = load_expected(path)["input"]
    page = mp.load_page(path.read_bytes(), url=inputs.get("url"), encoding=inputs.get("encoding"))
    return mp.parse_page(page)


def _values(obj: Any, name: str = "") -> Iterator[tuple[str, Any]]:
    if attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            yield from _values(getattr(obj, field.name), field.name)
    elif isinstance(obj, tuple):
        for item in obj:
            yield from _values(item, name)
    else:
        yield name, obj


FIXTURES = html_fixtures()


@pytest.mark.parametrize("path", FIXTURES, ids=fixture_id)
def test_body_and_furniture_are_disjoint(path: Path) -> None:
    """No ticker, Most Read, Related or Read Next text ever appears in the body."""
    content = _content(path)
    if content.article is None:
        return
    body = [text for block in content.article.body for _, text in _values(block) if isinstance(text, str)]
    furniture = [item.text for item in content.breaking] + [
        teaser.title for teaser in (*content.most_read, *content.related, *content.read_next)
    ]
    for text in furniture:
        assert all(text not in chunk for chunk in body), text
    for block in content.article.body:
        text = getattr(block, "text", "") or ""
        assert not text.lower().startswith(("read next:", "related news")), text


@pytest.mark.parametrize("path", FIXTURES, ids=fixture_id)
def test_values_are_clean(path: Path) -> None:
    """No empty strings, no untrimmed text, absolute URLs, no naive datetimes."""
    content = _content(path)
    for name, value in _values(content):
        if isinstance(value, str):
            assert value, name
            assert value == value.strip(), (name, value)
            if name == "url":
                assert value.startswith(("https://", "http://")), (name, value)
        if isinstance(value, datetime.datetime):
            assert value.utcoffset() is not None, name


@pytest.mark.parametrize("path", FIXTURES, ids=fixture_id)
def test_one_page_object_serves_every_helper(path: Path) -> None:
    """The helpers accept a Page, bytes or str and agree with parse_page."""
    inputs = load_expected(path)["input"]
    data = path.read_bytes()
    page = mp.load_page(data, url=inputs.get("url"), encoding=inputs.get("encoding"))
    content = mp.parse_page(page)
    assert mp.parse_breaking(page) == content.breaking
    assert mp.parse_most_read(data) == content.most_read
    assert mp.parse_read_next(page) == content.read_next
    assert mp.parse_related(page) == content.related
    if content.article is not None:
        assert content.article.related == content.related
        assert mp.parse_article(page) is content.article  # cached on the page


@pytest.mark.parametrize("path", FIXTURES, ids=fixture_id)
def test_parsing_leaves_no_reference_cycles(path: Path) -> None:
    """A parsed page is freed by reference counting, not the cyclic collector.

    A cycle (say, a page holding an object that holds the page) keeps every
    page and its whole lxml tree alive until a collection, which then walks
    all of them: in a crawl, memory and time grow with the page count.
    """
    import gc

    data = path.read_bytes()
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            page = mp.load_page(data)
            mp.parse_page(page)
            mp.inspect_page(page)
            del page
        assert gc.collect() == 0
    finally:
        gc.enable()
