"""The attack of issue 14 on the contract (docs/guarantees.md), case by case.

Each case was reproduced on the code before the fix: a foreign exception
(``UnicodeError``, ``IndexError``, ``AttributeError``, ``RecursionError``,
``OverflowError``), a string that cannot be written as UTF-8, or memory
growing without bound. The inputs of the same cases are kept as files under
``tests/fixtures/regressions/`` (replayed by
``tests/test_guarantees.py::test_regression_inputs``); the cost of the
quadratic ones is checked by ``tests/test_linear.py``.
"""

from __future__ import annotations

import codecs
import datetime
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import mayadeen_parse as mp
from mayadeen_parse import _markup, _page, _text

SITE = "https://english.almayadeen.net"
_BODY = (
    '<body><article><h1 class="article-title">A headline long enough to be the article</h1>'
    '<div class="p-content"><p>The first paragraph of the article, long enough to count as body text.</p>'
    "{body}</div></article>{after}</body></html>"
)


def page(head: str = "", body: str = "", after: str = "") -> str:
    return f'<!DOCTYPE html><html lang="en"><head>{head}</head>' + _BODY.format(body=body, after=after)


def strings(value: Any) -> Iterator[str]:
    """Every string in a plain (to_dict) value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def every_output_string(page_or_html: Any, url: str | None = None) -> list[str]:
    """Every string the library returns for a page: its Page attributes, the
    parse_page result, the article, each block, and the inspect_page report."""
    loaded = mp.load_page(page_or_html, url=url)
    found = [loaded.url or "", loaded.base_url, loaded.encoding, *loaded.warnings]
    found += strings(mp.to_dict(mp.parse_page(loaded)))
    found += strings(mp.to_dict(mp.inspect_page(loaded)))
    for items in (mp.parse_breaking, mp.parse_most_read, mp.parse_related, mp.parse_read_next):
        found += strings([mp.to_dict(item) for item in items(loaded)])
    return found


def assert_encodable(found: list[str]) -> None:
    bad = [text for text in found if any("\ud800" <= ch <= "\udfff" for ch in text)]
    assert not bad, bad[:5]
    for text in found:
        text.encode("utf-8")


# --- codecs that are not text encodings --------------------------------------------

# Python codecs and aliases a browser does not accept as an encoding label:
# some are not text encodings, some raise on bytes they do not expect, some
# are text encodings no browser decodes (UTF-7, UTF-32: a script-injection risk).
NOT_BROWSER_LABELS = (
    "idna", "punycode", "undefined", "rot13", "rot_13", "base64", "base_64", "zlib", "zip", "hex", "uu",
    "bz2", "quopri", "utf-7", "utf-32", "utf_32_le", "unicode_escape", "raw_unicode_escape", "mbcs", "oem",
    "palmos", "hz", "iso2022_kr", "iso-2022-kr", "replacement", "cp65001", "utf-8-sig", "latin-1", "string_escape",
    "charmap", "unicode_internal", "\u0130dna", "utf-8\x00", "x" * 500,
)  # fmt: skip
_DATA = b"<html><body><h1>caf\xe9 \x80\xff \xc3( \x00 tail</h1></body></html>"


@pytest.mark.parametrize("label", NOT_BROWSER_LABELS)
def test_codecs_that_are_not_browser_encodings_are_refused(label: str) -> None:
    """A label a browser refuses (Python's idna, punycode, undefined, rot13,
    base64...) is ignored with a warning, in <meta> and as the argument,
    and the next step of the browser order decodes the page."""
    meta = f'<meta charset="{label}">'.encode("utf-8", "surrogatepass") + _DATA
    page = mp.load_page(meta)
    assert page.encoding == "utf-8"
    if re.fullmatch(r"[a-zA-Z0-9_.:\-]+", label):  # what the <meta> prescan reads as a label
        assert page.encoding_source == "default"
        assert any("ignored unknown <meta> charset" in warning for warning in page.warnings)
    mp.to_json(mp.inspect_page(page))
    argument = mp.load_page(_DATA, encoding=label)
    assert (argument.encoding, argument.encoding_source) == ("utf-8", "default")
    assert any("ignored unknown encoding argument" in warning for warning in argument.warnings)
    mp.to_json(mp.parse_page(argument))


@pytest.mark.parametrize("label", sorted(_page._LABELS))
def test_every_whatwg_label_decodes_any_bytes(label: str) -> None:
    """Each label of the WHATWG Encoding Standard decodes, with its Python
    codec, any bytes without raising (invalid ones become U+FFFD)."""
    info = codecs.lookup(_page._PYTHON_CODECS[_page._LABELS[label]])
    assert info._is_text_encoding  # type: ignore[attr-defined]
    junk = bytes(range(256)) * 2 + b"\x1b$B\x1b(J\x8e\xff\xfe\x00"
    for data in (_DATA, junk + _DATA):
        page = mp.load_page(data, encoding=label)
        assert page.encoding_source == "argument"
        mp.to_json(mp.parse_page(page))
        meta = mp.load_page(f'<meta charset="{label.upper()}">'.encode() + data)
        assert meta.encoding_source in ("meta", "default")


def test_labels_are_matched_as_browsers_match_them() -> None:
    """Case and surrounding ASCII whitespace (and quotes from a Content-Type)
    do not matter; the browser's remappings apply."""
    assert _page._codec("  Latin1 ") == "windows-1252"
    assert _page._codec('"ISO-8859-1"') == "windows-1252"
    assert _page._codec("Shift_JIS") == "shift_jis"
    assert _page._codec("x-user-defined") == "windows-1252"
    assert _page._codec("utf-16") == "utf-16le"
    assert _page._codec("latin-1") is None  # a Python alias, not a WHATWG label


# --- srcset ----------------------------------------------------------------------------

SRCSETS = {
    ", /a.jpg 2x": f"{SITE}/a.jpg",
    ",": None,
    " , , ": None,
    "": None,
    " \t\n": None,
    "\u00a0": f"{SITE}/%C2%A0",
    "2x": f"{SITE}/2x",
    "/a,b.jpg 1x, /c.jpg 2x": f"{SITE}/a,b.jpg",
    ",,/d.jpg,,": f"{SITE}/d.jpg",
    "/e.jpg, /f.jpg 2x": f"{SITE}/e.jpg",
    "/g.jpg 100w,/h.jpg 200w": f"{SITE}/g.jpg",
    "data:image/png;base64,AAAA 1x, /i.jpg 2x": None,
    "/j.jpg (1x), /k.jpg": f"{SITE}/j.jpg",
}


@pytest.mark.parametrize("srcset", list(SRCSETS), ids=repr)
def test_srcset_shapes_never_raise(srcset: str) -> None:
    """A leading comma, empty candidates, descriptors only, whitespace, commas
    inside URLs: the first candidate's URL, as HTML parses it, or none."""
    img = mp.load_page(f'<img srcset="{srcset}">').root.find(".//img")
    assert img is not None
    found = _markup.img_src(img, SITE)
    if SRCSETS[srcset] is None or srcset == "\u00a0":
        assert found in (None, SRCSETS[srcset], f"{SITE}/\u00a0")
    else:
        assert found == SRCSETS[srcset]
    markup = page(
        body=f'<p><img srcset="{srcset}"></p>',
        after=f'<section class="most-read"><h2>Most Read</h2><div><a href="/news/politics/s-1"><img srcset="{srcset}"'
        ' alt="A story"></a><h3><a href="/news/politics/s-1">A story</a></h3></div></section>',
    )
    mp.to_json(mp.parse_page(markup))
    mp.to_json(mp.inspect_page(markup))


# --- lone surrogates -----------------------------------------------------------------

_S = "\\ud800"


def _surrogate_page() -> str:
    site = {
        "postid": f"1{_S}",
        "title": f"Title {_S}",
        "description": f"Summary {_S}",
        "url": f"https://english.almayadeen.net/news/politics/a{_S}b",
        "lang": f"en{_S}",
        "type": f"article{_S}",
        "author": f"Name{_S} and Two{_S}",
        "published_time": f"2023-11-06T16:21:00{_S}",
        "keywords": f"Gaza{_S},US",
        "thumbnail": f"/img/a{_S}.jpg",
        f"key{_S}": f"value{_S}",
        "word_count": f"12{_S}",
    }
    site_text = json.dumps(site).replace("\\\\ud800", "\\ud800")
    classes = (
        f'[{{"mapping":"author{_S}","value":"A{_S}"}},{{"mapping":"country","value":"Gaza{_S}"}},'
        f'{{"mapping":"category","value":"Politics{_S}"}}]'
    )
    site_text = site_text[:-1] + f',"classes":{classes}}}'
    ld = (
        '{"@type":["NewsArticle","X' + _S + '"],"headline":"H' + _S + '","url":"/news/politics/b' + _S + '",'
        '"image":{"url":"/i' + _S + '.jpg"},"author":[{"name":"P' + _S + '","url":"/authors/p' + _S + '"}],'
        '"articleSection":"S' + _S + '","description":"d' + _S + '","keywords":["k' + _S + '"]}'
    )
    return page(
        head=f'<meta charset="utf-8"><script id="tawsiyat-metadata" type="application/json">{site_text}</script>'
        f'<script type="application/ld+json">{ld}</script><meta name="author" content="M&#xD800;N">'
        f"<title>T&#xDFFF;</title>",
    )


def test_no_returned_string_holds_a_lone_surrogate() -> None:
    """\\ud800 escapes in every JSON string (tawsiyat and JSON-LD, keys and
    values), character references to surrogates, a url argument and a str
    input holding lone surrogates: every string returned encodes as UTF-8."""
    markup = _surrogate_page()
    assert_encodable(every_output_string(markup.encode()))
    assert_encodable(every_output_string(markup.encode(), url=f"{SITE}/news/politics/u\ud800v"))
    assert_encodable(every_output_string(markup.replace("Title", "Ti\udc00tle")))
    article = mp.parse_article(markup.encode())
    assert article.url == f"{SITE}/news/politics/a\ufffdb"
    assert article.title == "Title \ufffd"
    assert mp.load_page(b"<p>", url="\udfff").url == "\ufffd"


def test_surrogate_pairs_in_json_are_kept() -> None:
    """A pair of escapes is one character (an emoji) and stays."""
    markup = page(
        head='<script id="tawsiyat-metadata" type="application/json">{"title":"Smile \\ud83d\\ude00"}</script>'
    )
    assert mp.parse_article(markup).title == "Smile \U0001f600"


# --- argument types ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [{"url": 42}, {"url": b"https://x"}, {"url": ["x"]}, {"encoding": 42}, {"encoding": b"utf-8"}],
    ids=repr,
)
def test_arguments_of_the_wrong_type_are_a_type_error(kwargs: dict[str, Any]) -> None:
    """url=42 (and any argument of the wrong type) is a TypeError, as
    documented, from every entry point, for bytes, str and a Page."""
    loaded = mp.load_page(b"<p>x</p>")
    for value in (b"<p>x</p>", "<p>x</p>", loaded):
        with pytest.raises(TypeError):
            mp.load_page(value, **kwargs)
        if "url" in kwargs:
            for entry in (mp.parse_page, mp.parse_article, mp.inspect_page):
                with pytest.raises(TypeError):
                    entry(value, **kwargs)
    with pytest.raises(TypeError):
        mp.load_page(b"<p>", fetched_at="2023-11-06")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="timezone-aware"):
        mp.load_page(b"<p>", fetched_at=datetime.datetime(2023, 11, 6))


# --- recursion and overflow in inspect_page ---------------------------------------------------

_SITE_KEYS = (
    "url", "postid", "lang", "type", "title", "description", "author", "published_time", "last_updated",
    "word_count", "video_duration", "thumbnail", "keywords", "classes",
)  # fmt: skip
_LD_KEYS = (
    "mainEntityOfPage", "url", "identifier", "inLanguage", "headline", "description", "articleSection",
    "author", "datePublished", "dateModified", "wordCount", "duration", "image", "thumbnailUrl", "keywords",
)  # fmt: skip


@pytest.mark.parametrize("depth", [10, 400, 990])
def test_deep_json_values_in_every_field(depth: int) -> None:
    """Every key a field reads, in tawsiyat and in JSON-LD, holding an object
    or a list nested as deep as the JSON decoder allows: inspect_page and
    parse_page return (before: RecursionError from inspect_page)."""
    for shape in ('{"a":', "["):
        close = "}" if shape.startswith("{") else "]"
        deep = shape * depth + '"x"' + close * depth
        site = "{" + ",".join(f'"{key}":{deep}' for key in _SITE_KEYS) + "}"
        ld = '{"@type":"NewsArticle",' + ",".join(f'"{key}":{deep}' for key in _LD_KEYS) + "}"
        markup = page(
            head=f'<script id="tawsiyat-metadata" type="application/json">{site}</script>'
            f'<script type="application/ld+json">{ld}</script>'
        )
        report = mp.inspect_page(markup)
        assert all(len(str(p.raw)) <= 240 for p in report.provenance)
        mp.to_json(report)
        mp.to_json(mp.parse_page(markup))


@pytest.mark.parametrize(
    "number", ["9" * 400, "1e400", "-1e400", "1e308", "-5", '"' + "9" * 400 + '"', "18446744073709551616"]
)
def test_huge_numbers(number: str) -> None:
    """A word count, duration or post id of 400 digits (before: OverflowError
    from inspect_page) is not a number the library returns."""
    site = f'{{"title":"T","word_count":{number},"video_duration":{number},"postid":{number}}}'
    ld = f'{{"@type":"NewsArticle","headline":"H","wordCount":{number},"duration":{number}}}'
    markup = page(
        head=f'<script id="tawsiyat-metadata" type="application/json">{site}</script>'
        f'<script type="application/ld+json">{ld}</script>'
    )
    mp.to_json(mp.inspect_page(markup))
    article = mp.parse_article(markup)
    for value in (article.word_count, article.video_duration_seconds, article.post_id):
        assert value is None or int(value) <= _text.MAX_INT


def test_parse_int_and_durations_are_bounded() -> None:
    assert _text.parse_int(_text.MAX_INT) == _text.MAX_INT
    assert _text.parse_int(_text.MAX_INT + 1) is None
    assert _text.parse_int(float("inf")) is None
    assert _text.parse_int(1e300) is None
    assert _text.parse_iso_duration("P" + "9" * 30 + "D") is None
    assert _text.parse_iso_duration("PT2M39S") == 159


# --- the tag limit ------------------------------------------------------------------------


def test_tag_limit_finds_the_first_tag_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """_tag_limit agrees with a plain search, across its 64 KiB blocks."""
    monkeypatch.setattr(_page, "MAX_TAGS", 150)
    data = (b"x" * 1000 + b"<") * 200
    positions = [i for i, byte in enumerate(data) if byte == 0x3C]
    assert _page._tag_limit(data) == positions[150]
    assert _page._tag_limit(data[: positions[149] + 1]) is None
    assert _page._tag_limit(b"<" * 151) == 150


def test_a_page_past_the_tag_limit_is_cut_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page is kept up to the cut, as a truncated download is."""
    monkeypatch.setattr(_page, "MAX_TAGS", 1000)
    markup = page(body="<p>a</p>" * 2000)
    loaded = mp.load_page(markup)
    assert any("limit is 1,000 tags" in warning for warning in loaded.warnings)
    body = mp.parse_article(loaded).body
    assert 400 < len(body) < 500
    assert all(block == mp.Paragraph(text="a") for block in body[1:])
    assert mp.inspect_page(loaded).warnings == loaded.warnings


_MILLION = """
import resource, sys, time
import mayadeen_parse as mp
data = b"<html><body><h1>Headline here</h1><div class='p-content'>" + b"<p>a</p>" * 1_000_000 + b"</div></body></html>"
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
page = mp.load_page(data)
article = mp.parse_article(page)
seconds = time.perf_counter() - start
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(len(article.body), len(page.warnings), round(grown), round(seconds, 1))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX only")
def test_a_million_paragraphs_stay_within_memory() -> None:
    """1,000,000 <p>a</p> (8 MB; 2,000,000 tags): cut at MAX_TAGS with a
    warning, the first half kept; resident memory grows by well under the
    804 MB it took before the limit (measured: about 240 MB)."""
    result = subprocess.run([sys.executable, "-c", _MILLION], capture_output=True, text=True, check=True, timeout=600)
    blocks, warnings, grown_mb, _ = result.stdout.split()
    assert 499_000 < int(blocks) <= 500_000
    assert warnings == "1"
    assert int(grown_mb) < 450


def test_the_report_is_strict_json_for_non_finite_numbers() -> None:
    """JSON's decoder reads Infinity and NaN (and 1e400 as infinity); the
    report shows them as text, so its JSON stays strict."""
    site = '{"title":"T","word_count":1e400,"postid":NaN,"video_duration":-Infinity}'
    markup = page(head=f'<script id="tawsiyat-metadata" type="application/json">{site}</script>')

    def refuse(constant: str) -> None:
        raise ValueError(constant)

    json.loads(mp.to_json(mp.inspect_page(markup)), parse_constant=refuse)
