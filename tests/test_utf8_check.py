"""Invalid UTF-8 is found by libxml2's parse, not by a Python decode first (issue 16).

``load_page`` lets libxml2 check UTF-8 input as it parses and re-parses from
Python's replacement only when the parse says (or cannot rule out) that the
bytes were invalid: the result must be what decoding first gave, one U+FFFD
per maximal invalid subpart (libxml2 2.14 gives one per byte).
"""

from __future__ import annotations

import pytest

import mayadeen_parse as mp

WARNING = "input is not valid UTF-8; invalid bytes were replaced with U+FFFD"
SEQUENCES = [b"\xe2\x82", b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80", b"\xf0\x9f\x98", b"\xc3"]


def _text(page: mp.Page) -> str:
    return "".join(page.root.itertext())


@pytest.mark.parametrize("bad", SEQUENCES, ids=[s.hex() for s in SEQUENCES])
@pytest.mark.parametrize(
    "template",
    [
        b"<html><body><p>a%sb</p></body></html>",
        b'<html><body><p title="a%sb">x</p></body></html>',
        b"<html><body><!-- %s --><p>ab</p></body></html>",
        b"<html><body><p>ab</p></body></html>%s",
    ],
)
def test_invalid_bytes_are_replaced_as_python_does(template: bytes, bad: bytes) -> None:
    data = template.replace(b"%s", bad)
    page = mp.load_page(data)
    expected = mp.load_page(data.decode("utf-8", "replace"))
    assert page.warnings == (WARNING,)
    assert _text(page) == _text(expected)
    assert [el.attrib for el in page.root.iter("p")] == [el.attrib for el in expected.root.iter("p")]


def test_valid_utf8_gives_no_warning() -> None:
    page = mp.load_page("<html><body><p>الميادين é</p></body></html>".encode())
    assert page.warnings == ()
    assert _text(page) == "الميادين é"


def test_an_error_after_a_full_log_is_still_found() -> None:
    """libxml2 stops logging after 100 errors: the check must not trust a full log."""
    data = b"<html><body>" + b"<p>x</x>" * 300 + b"<p>a\xe2\x82b</p></body></html>"
    page = mp.load_page(data)
    assert page.warnings == (WARNING,)
    assert _text(page).endswith("a\ufffdb")


def test_an_error_after_a_cut_is_still_warned() -> None:
    """Bytes after the place libxml2 stopped are never checked by it."""
    data = b"<html><body>" + b"<div>" * 300 + b"x" + b"</div>" * 300 + b"<p>a\xe2\x82b</p></body></html>"
    page = mp.load_page(data)
    assert page.warnings[0] == WARNING
    assert any("cut" in w for w in page.warnings[1:])


def test_invalid_bytes_alone() -> None:
    page = mp.load_page(b"\xe2\x82")
    assert page.warnings == (WARNING,)
    assert not page.empty


def test_a_replacement_character_of_the_page_itself_is_no_warning() -> None:
    """U+FFFD written by the page (the real Arabic homepage holds one) is not
    a sign of bad bytes in any encoding (found by an adversarial review: every
    UTF-16 copy of that page was warned about)."""
    text = "<p>a \ufffd b</p>"
    assert mp.load_page(b"\xff\xfe" + text.encode("utf-16-le")).warnings == ()
    assert mp.load_page(text.encode("utf-16-be"), encoding="utf-16be").warnings == ()
    bad = mp.load_page(b"\xff\xfe" + "<p>a b</p>".encode("utf-16-le") + b"\x00\xd8")
    assert any("not valid utf-16le" in w for w in bad.warnings)
