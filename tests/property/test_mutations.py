"""Mutations of the golden fixtures: what a bad download or a careless
server does to a real page.

Contract points 1 (total), 4 (nothing lost), 5 (deterministic) and 6
(encodings) over every fixture in ``tests/fixtures/*/``: elements dropped,
duplicated, swapped, unwrapped, moved or cut short; the tawsiyat and JSON-LD
blocks replaced by junk; the bytes cut anywhere; the page re-encoded.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import mayadeen_parse as mp

from .strategies import (
    declare,
    encode,
    encodings,
    fixture_pages,
    fixture_text,
    json_corruptions,
    json_scripts,
    mutate_tree,
    parse_tree,
    serialize,
    tree_mutations,
)

PAGES = fixture_pages()
pages = st.sampled_from(PAGES).map(str)


@cache
def _bytes(path: str) -> bytes:
    return Path(path).read_bytes()


@cache
def _inputs(path: str) -> dict[str, Any]:
    expected: dict[str, Any] = json.loads(Path(path).with_suffix(".json").read_text(encoding="utf-8"))
    return expected.get("input") or {}


def _load(path: str, value: bytes | str) -> mp.Page:
    inputs = _inputs(path)
    encoding = inputs.get("encoding") if isinstance(value, bytes) else None
    return mp.load_page(value, url=inputs.get("url"), encoding=encoding)


def _parse_all(page: mp.Page) -> tuple[mp.PageContent, mp.Article | None]:
    """parse_page must return; parse_article may only raise NotAnArticleError."""
    content = mp.parse_page(page)
    mp.to_json(content)
    try:
        article: mp.Article | None = mp.parse_article(page)
    except mp.NotAnArticleError:
        article = None
    assert (article is None) == (content.article is None)
    return content, article


@cache
def _full_article(path: str) -> mp.Article | None:
    return _parse_all(_load(path, _bytes(path)))[1]


def _json(path: str, value: bytes | str) -> str:
    """to_json of parse_page on a fresh Page (no cache shared between calls)."""
    return mp.to_json(mp.parse_page(_load(path, value)))


@given(path=pages, mutations=tree_mutations)
def test_tree_mutations(path: str, mutations: list[tuple[str, int, int]]) -> None:
    """Elements dropped, duplicated, swapped, unwrapped, moved to the end or
    with their text cut: parse_page returns and serializes, parse_article
    returns or raises NotAnArticleError, and parsing the same markup twice
    gives the same to_json (determinism)."""
    root = parse_tree(_bytes(path))
    mutate_tree(root, mutations)
    markup = serialize(root)
    _parse_all(_load(path, markup))
    assert _json(path, markup) == _json(path, markup)
    data = markup.encode("utf-8")
    assert _json(path, data) == _json(path, data)


@given(path=pages, which=st.sampled_from(("tawsiyat", "json-ld", "both")), junk=json_corruptions)
def test_corrupt_json_blocks(path: str, which: str, junk: str) -> None:
    """A tawsiyat or JSON-LD block that is empty, truncated, not JSON,
    nested thousands deep, huge, or of the wrong shape never breaks parsing;
    the body and the page furniture, read from the markup, are unchanged."""
    root = parse_tree(_bytes(path))
    before = _parse_all(_load(path, serialize(root)))
    markers = []
    for n, script in enumerate(json_scripts(root)):
        is_site = script.get("id") == "tawsiyat-metadata" or script.get("type") == "text/tawsiyat"
        if which == "both" or (which == "tawsiyat") == is_site:
            # A marker, replaced after serializing: lxml refuses control
            # characters in text, and the junk must reach the library as is.
            script.text = f"@@junk-{n}@@"
            markers.append(script.text)
    markup = serialize(root)
    for marker in markers:
        markup = markup.replace(marker, junk.replace("</", "<\\/"))
    after = _parse_all(_load(path, markup))
    (old_content, old_article), (new_content, new_article) = before, after
    if old_article is not None and new_article is not None:
        assert new_article.body == old_article.body
    for name in ("breaking", "most_read", "related", "read_next"):
        assert getattr(new_content, name) == getattr(old_content, name), name


def _visible(page: mp.Page) -> str:
    return mp.normalize_text(" ".join(page.root.itertext())) or ""


@given(path=pages, cut=st.integers(min_value=0, max_value=1 << 24))
def test_truncated_download_keeps_what_came(path: str, cut: int) -> None:
    """Nothing lost: a page cut anywhere (a truncated download) still parses,
    and every body paragraph whose whole text arrived before the cut is in
    the body, in order, exactly as in the full page."""
    data = _bytes(path)
    prefix = data[: cut % (len(data) + 1)]
    page = _load(path, prefix)
    _, article = _parse_all(page)
    full = _full_article(path)
    if full is None:
        return
    whole_text = _visible(_load(path, data))
    arrived = _visible(page)
    # The leading paragraphs that arrived whole. A paragraph whose text also
    # occurs elsewhere on the page (a summary equal to the first paragraph)
    # proves nothing about the cut, so counting stops there.
    count = 0
    for paragraph in full.paragraphs:
        text = mp.normalize_text(paragraph) or ""
        if whole_text.count(text) != 1 or text not in arrived:
            break
        count += 1
    if count:
        assert article is not None, "paragraphs arrived but the page is no longer an article"
        assert article.paragraphs[: count - 1] == full.paragraphs[: count - 1]
        # The last one may have been cut inside its closing markup: a cut
        # "&nbsp;" shows as "&", but none of its text is lost.
        assert article.paragraphs[count - 1].startswith(full.paragraphs[count - 1])


@given(path=pages, encoding=encodings)
def test_reencoded(path: str, encoding: tuple[str, str | None, bool]) -> None:
    """A fixture re-encoded (UTF-8 with and without BOM, UTF-16 with BOM,
    UTF-16LE without, windows-1252, windows-1256, ISO-8859-6, Shift_JIS) and
    declared accordingly gives the same result as its text; declared wrongly
    or not at all, it still parses (bytes the codec rejects become U+FFFD)."""
    codec, declared, faithful = encoding
    text = declare(fixture_text(_bytes(path)).lstrip(), declared)
    data, exact = encode(text, codec)
    page = mp.load_page(data, url=_inputs(path).get("url"))
    _parse_all(page)
    if faithful and exact:
        assert _json(path, data) == _json(path, text)
