"""No string the library returns holds a lone surrogate (issue 14).

JSON allows ``\\ud800`` escapes; Python decodes them to lone surrogates,
which no UTF-8 output can hold: a single page used to break the command
line's whole JSON batch.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.property.strategies import surrogate_json_pages
from tests.test_hostile_inputs import assert_encodable, every_output_string

_URLS = st.sampled_from((None, "https://english.almayadeen.net/news/politics/a\ud800b", "/rel\udfff"))


@given(surrogate_json_pages(), _URLS)
def test_every_output_string_encodes_as_utf8(data: bytes, url: str | None) -> None:
    """For a page whose JSON blocks put lone-surrogate escapes in every key a
    field reads (and a url argument holding them): every string of the Page,
    of parse_page, of each block and of inspect_page encodes as UTF-8."""
    assert_encodable(every_output_string(data, url=url))
