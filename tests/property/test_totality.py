"""Contract point 1: any input gives a result or a MayadeenParseError.

Every public entry point is called on arbitrary bytes, arbitrary text and
random markup in the site's vocabulary; the only exceptions allowed are
subclasses of :class:`mayadeen_parse.MayadeenParseError`, and they carry a
message. Whatever is returned serializes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mayadeen_parse as mp

from .strategies import encodings, html_soup

ENTRY_POINTS: dict[str, Callable[[Any], Any]] = {
    "load_page": mp.load_page,
    "parse_article": mp.parse_article,
    "parse_page": mp.parse_page,
    "parse_breaking": mp.parse_breaking,
    "parse_most_read": mp.parse_most_read,
    "parse_related": mp.parse_related,
    "parse_read_next": mp.parse_read_next,
}


def outcome(call: Callable[[Any], Any], value: Any) -> Any:
    """Call, check the contract, and return the result or the error."""
    try:
        result = call(value)
    except mp.MayadeenParseError as exc:
        error = exc
    else:
        if not isinstance(result, mp.Page):
            mp.to_json(result)
        return result
    assert str(error).strip(), "an error must say what was wrong"
    return error


@pytest.mark.parametrize("name", ENTRY_POINTS)
@given(data=st.binary(max_size=2000))
def test_any_bytes(name: str, data: bytes) -> None:
    """Any bytes: a result or a MayadeenParseError, nothing else."""
    outcome(ENTRY_POINTS[name], data)


@pytest.mark.parametrize("name", ENTRY_POINTS)
@given(text=st.text(max_size=2000))
def test_any_text(name: str, text: str) -> None:
    """Any str (lone surrogates included): a result or a MayadeenParseError."""
    outcome(ENTRY_POINTS[name], text)


@given(markup=html_soup)
def test_tag_soup(markup: str) -> None:
    """Random markup in the site's vocabulary, given as str and as UTF-8
    bytes (lone surrogates become invalid bytes): every entry point gives a
    result or a MayadeenParseError, and parse_page never raises once the page
    has loaded."""
    for value in (markup, markup.encode("utf-8", "surrogatepass")):
        page = outcome(mp.load_page, value)
        if isinstance(page, mp.MayadeenParseError):
            continue
        for name, call in ENTRY_POINTS.items():
            result = outcome(call, page)
            if name != "parse_article":
                assert not isinstance(result, mp.MayadeenParseError), f"{name} raised {result!r} on a loaded page"


@given(markup=html_soup, encoding=encodings, argument=st.sampled_from([None, "utf-8", "windows-1256", "bogus", ""]))
def test_tag_soup_any_encoding(markup: str, encoding: tuple[str, str | None, bool], argument: str | None) -> None:
    """Random markup in any encoding, with any Content-Type charset argument:
    load_page decodes it (replacing what does not decode) and parse_page
    returns."""
    codec = encoding[0]
    data = markup.encode(codec, "replace") if codec != "utf-8" else markup.encode("utf-8", "surrogatepass")
    page = outcome(lambda value: mp.load_page(value, encoding=argument), data)
    if not isinstance(page, mp.MayadeenParseError):
        outcome(mp.parse_page, page)
