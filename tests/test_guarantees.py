"""The robustness contract (docs/guarantees.md), one test per promise.

Hostile and broken inputs written by hand: entity bombs, external entities,
a ``<base href>`` pointing elsewhere, every encoding case, inputs past the
size limits, junk handed to the command line. Parsing must not open a
connection or a file. The property suite (tests/property/) generalises these
over generated input; the fuzz harness (fuzz/) over coverage-guided input.
"""

from __future__ import annotations

import builtins
import codecs
import contextlib
import gzip
import io
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import mayadeen_parse as mp
from mayadeen_parse import _cli
from tests.golden import html_fixtures, load_expected

SITE = "https://english.almayadeen.net"
REGRESSIONS = Path(__file__).parent / "fixtures" / "regressions"
ARTICLE = Path(__file__).parent / "fixtures" / "article" / "blinken-2023-11-06.html"


def _page(head: str = "", body: str = "") -> str:
    return f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


#: A small article in the reference layout, for tests that need one.
SMALL_ARTICLE = _page(
    body="""<article><h1 class="article-title">Blinken claims US ‘working very aggressively’</h1>
<ul class="article-info"><li class="author">By <a href="/authors/al-mayadeen-english">Al Mayadeen English</a></li>
<li class="date"><time datetime="2023-11-06T16:21:00+02:00">6 Nov 2023 16:21</time></li></ul>
<p class="lg_para summary">A humanitarian “pause could help”.</p>
<div class="p-content"><p>After almost three hours of talks, Blinken claimed that Washington was working.</p>
<p>A second paragraph with an <a href="tags/inline">inline link</a> inside it, long enough to count.</p>
<div class="related-news"><div class="related-title">Related News</div><ul>
<li><a href="/news/economy/us-withdrew-nearly-900mln"><span>US withdrew nearly $900mln from IMF</span></a></li>
</ul></div></div>
<ul class="tags"><li><a href="/tags/gaza">Gaza</a></li></ul></article>"""
)


# --- 1. total: a result or a MayadeenParseError -------------------------------------


def _regression_inputs() -> list[Path]:
    return sorted(REGRESSIONS.glob("*.input"))


@pytest.mark.parametrize("path", _regression_inputs(), ids=lambda p: p.name)
def test_regression_inputs(path: Path) -> None:
    """Inputs that once broke the contract (fuzzing, property tests, the
    attack of issue 14): each loads or raises PageDecodeError; parse_page,
    parse_article and inspect_page then return, their JSON encodes as UTF-8
    (no lone surrogate), and the whole takes well under the seconds each took
    before its fix (tests/test_linear.py checks the growth itself)."""
    start = time.perf_counter()
    try:
        page = mp.load_page(path.read_bytes())
    except mp.PageDecodeError:
        return
    mp.to_json(mp.parse_page(page)).encode("utf-8")
    with contextlib.suppress(mp.NotAnArticleError):
        mp.to_json(mp.parse_article(page)).encode("utf-8")
    mp.to_json(mp.inspect_page(page)).encode("utf-8")
    assert time.perf_counter() - start < 2.0


def test_article_metadata_without_headline() -> None:
    """Regression (fuzzing): og:type article, or a JSON-LD NewsArticle, but no
    headline anywhere made parse_page raise NotAnArticleError."""
    for markup in (
        b'<meta property="og:type" content="article">',
        b'<script type="application/ld+json">{"@type":"NewsArticle"}</script><p>x</p>',
    ):
        content = mp.parse_page(markup)
        assert content.article is None
        assert content.kind == "unknown"
        with pytest.raises(mp.NotAnArticleError):
            mp.parse_article(markup)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (gzip.compress(b"<html></html>"), "compressed"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"%PDF-1.7\n", "binary"),
    ],
    ids=["gzip", "png", "pdf"],
)
def test_refusals_say_what_was_wrong(data: bytes, reason: str) -> None:
    """Input that is not HTML is refused with PageDecodeError (also a
    ValueError) carrying a machine-readable reason and a readable message."""
    with pytest.raises(mp.PageDecodeError) as caught:
        mp.parse_page(data)
    assert caught.value.reason == reason
    assert isinstance(caught.value, ValueError)
    assert "not an HTML page" in str(caught.value) or "decompress" in str(caught.value)


def test_not_an_article_says_what_it_is() -> None:
    with pytest.raises(mp.NotAnArticleError) as caught:
        mp.parse_article(b"")
    assert caught.value.kind == "empty"
    assert "expected" in str(caught.value)


def test_wrong_type_is_a_type_error() -> None:
    """Not bytes or str at all: a TypeError, the caller's bug (documented)."""
    with pytest.raises(TypeError):
        mp.load_page(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01\x02\xff\xfe\xfd",
        b"\x1f\x8b\x08\x00junk",
        gzip.compress(b"<html><body><h1>T</h1></body></html>")[:15],
        gzip.compress(b"\x89PNG\r\n\x1a\n junk inside"),
        b"<html><body><h1>No article</h1></body></html>",
        b"\xef\xbb\xbf",
        b"\xff\xfe<\x00",
    ],
    ids=["empty", "junk", "gzip-junk", "gzip-truncated", "gzipped-png", "no-article", "bom-only", "utf16-fragment"],
)
@pytest.mark.parametrize("mode", [[], ["--all"], ["--breaking"], ["--most-read"], ["--read-next"], ["--jsonl"]])
def test_command_line_reports_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, mode: list[str]
) -> None:
    """The command line turns any file into output or a one-line error and an
    exit status of 0 or 1; it never shows a traceback."""
    bad = tmp_path / "page.html"
    bad.write_bytes(content)
    good = tmp_path / "good.html"
    good.write_text(SMALL_ARTICLE, encoding="utf-8")
    status = _cli.main([*mode, str(bad), str(good)])
    out, err = capsys.readouterr()
    assert status in (0, 1)
    assert "Traceback" not in err
    assert "Traceback" not in out
    if status == 1:
        assert "page.html" in err or "page.html" in out


# --- 2. bounded cost (functional checks; the numbers are in bench/limits.py) ------------


def test_input_size_limit() -> None:
    """Past MAX_INPUT_SIZE, bytes and str are refused before any parsing."""
    for value in (b" " * (mp.MAX_INPUT_SIZE + 1), " " * (mp.MAX_INPUT_SIZE + 1)):
        with pytest.raises(mp.PageDecodeError) as caught:
            mp.load_page(value)
        assert caught.value.reason == "too-large"


def test_deep_nesting_is_cut_with_a_warning() -> None:
    """10,000 nested elements: libxml2 stops at depth 256; what came before the
    cut is kept, and Page.warnings says where it stopped."""
    for tag in ("div", "b", "span"):
        deep = f"<{tag}>" * 10_000 + "deep" + f"</{tag}>" * 10_000
        markup = SMALL_ARTICLE.replace("<p>A second paragraph", deep + "<p>A second paragraph")
        page = mp.load_page(markup)
        assert any("libxml2" in warning and "256" in warning for warning in page.warnings)
        article = mp.parse_article(page)
        assert article.paragraphs[0].startswith("After almost three hours")
        assert article.title == "Blinken claims US ‘working very aggressively’"


def test_huge_text_node_is_cut_with_a_warning() -> None:
    """Regression (bench/limits.py): a single text node, attribute or comment
    over 10,000,000 bytes can make libxml2 (>= 2.14) stop with "Resource
    limit exceeded" (whether it does depends on libxml2's buffering); the page
    used to be cut silently. What came before is kept and Page.warnings says
    so."""
    for huge in ("<p>" + "w" * 10_000_001 + "</p>", "<!--" + "w" * 10_000_001 + "-->"):
        markup = (
            "<html><body><article><h1>The headline</h1><div class='p-content'>"
            f"<p>Before the cut, a paragraph long enough to be one.</p>{huge}<p>After the cut.</p>"
            "</div></article></body></html>"
        )
        page = mp.load_page(markup)
        assert any("libxml2" in warning for warning in page.warnings)
        assert mp.parse_article(page).paragraphs[0] == "Before the cut, a paragraph long enough to be one."


def test_huge_attribute_and_long_list() -> None:
    """A 1 MB attribute and a 100,000-item list parse (timings: bench/limits.py)."""
    markup = SMALL_ARTICLE.replace(
        "<p>A second", f'<p class="{"x" * 1_000_000}">A third</p><ul>{"<li>item</li>" * 100_000}</ul><p>A second'
    )
    article = mp.parse_article(markup)
    assert article.paragraphs[-1].startswith("A second paragraph")


@pytest.mark.parametrize(
    "junk",
    [
        "[" * 100_000,
        '{"title": ' * 50_000,
        '{"title": "' + "x" * (2 * 1024 * 1024) + '"}',
        '{"type": "article", "title": "Cut',
        "<!-- not json -->",
        "alert('x')",
    ],
    ids=["deep-list", "deep-object", "huge", "truncated", "comment", "javascript"],
)
def test_bad_json_blocks_degrade_to_the_markup(junk: str) -> None:
    """A tawsiyat or JSON-LD block that is nested 100,000 deep, over 1 MB,
    cut short or not JSON gives no facts, and the fields come from the other
    sources (here the visible markup)."""
    head = (
        f'<script id="tawsiyat-metadata" type="text/tawsiyat">{junk}</script>'
        f'<script type="application/ld+json">{junk}</script>'
    )
    markup = SMALL_ARTICLE.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + head)
    article = mp.parse_article(markup)
    assert article.title == "Blinken claims US ‘working very aggressively’"
    assert article.published is not None
    assert article.published.isoformat() == "2023-11-06T16:21:00+02:00"


# --- 3. no I/O ---------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html><head><title>&lol9;</title></head><body><article><h1>&lol9;</h1>
<div class="p-content"><p>&lol9; &lol9; &lol9;</p></div></article></body></html>"""


def test_billion_laughs_is_not_expanded() -> None:
    """An entity bomb stays unexpanded text: bounded time and size."""
    start = time.perf_counter()
    page = mp.load_page(BILLION_LAUGHS)
    content = mp.parse_page(page)
    assert time.perf_counter() - start < 5  # generous; expanded it would never finish
    assert len("".join(page.root.itertext())) < 5_000
    assert "lollol" not in mp.to_json(content)


def _secret_file(tmp_path: Path) -> tuple[Path, str]:
    secret = "MAYADEEN-SECRET-7f3a9c"
    path = tmp_path / "secret.txt"
    path.write_text(secret + "\n", encoding="utf-8")
    return path, secret


def _external_references(tmp_path: Path, url: str) -> tuple[bytes, list[str]]:
    """A page that refers to a local file and to *url* in every way HTML and
    XML allow; returns the page and the strings that must never appear."""
    secret_path, secret = _secret_file(tmp_path)
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY fromdtd "LOADED-FROM-DTD">', encoding="utf-8")
    passwd = Path("/etc/passwd")
    forbidden = [secret, "LOADED-FROM-DTD"]
    if passwd.exists():
        first = passwd.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
        forbidden += [first] if first.strip() else []
    markup = f"""<!DOCTYPE html SYSTEM "{dtd.as_uri()}" [
<!ENTITY xxe SYSTEM "{secret_path.as_uri()}">
<!ENTITY passwd SYSTEM "file:///etc/passwd">
<!ENTITY remote SYSTEM "{url}/entity">
<!ENTITY % pe SYSTEM "{url}/parameter-entity"> %pe;
]>
<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><meta charset="utf-8">
<base href="{url}/base/"><link rel="stylesheet" href="{url}/style.css">
<script src="{url}/script.js"></script>
<script type="application/ld+json">{{"@context": "{url}/context.jsonld", "@type": "NewsArticle",
 "headline": "Headline &xxe;"}}</script>
<title>&xxe; &passwd;</title></head>
<body><article><h1>Headline &xxe; &passwd; &remote; &fromdtd;</h1>
<div class="p-content"><p>Body &xxe; &passwd; &remote; &fromdtd; text of the article, long enough.</p>
<xi:include href="{secret_path.as_uri()}" parse="text"/>
<img src="{url}/img.jpg"><iframe src="{url}/frame"></iframe><object data="{secret_path.as_uri()}"></object>
</div></article></body></html>"""
    return markup.encode("utf-8"), forbidden


def test_external_entities_and_dtds_are_never_read(tmp_path: Path) -> None:
    """XXE: entities and DTDs that name a local file (a secret, /etc/passwd)
    are never resolved; their content appears nowhere in the result."""
    markup, forbidden = _external_references(tmp_path, "http://127.0.0.1:9")
    page = mp.load_page(markup)
    raw = "".join(page.root.itertext())
    out = mp.to_json(mp.parse_page(page))
    for text in forbidden:
        assert text not in raw
        assert text not in out


@contextlib.contextmanager
def _listener() -> Iterator[tuple[socket.socket, str]]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    try:
        yield server, f"http://127.0.0.1:{server.getsockname()[1]}"
    finally:
        server.close()


def test_no_network_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing a page that refers to a server (DTD, entities, <base>,
    stylesheet, script, image, JSON-LD @context) opens no connection: Python's
    socket API is patched to fail the test, and a real local server, which
    would see any connection libxml2 made from C, receives none."""
    with _listener() as (server, url):
        markup, _ = _external_references(tmp_path, url)

        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError(f"parsing opened a network connection: {args!r}")

        monkeypatch.setattr(socket, "socket", refuse)
        monkeypatch.setattr(socket, "create_connection", refuse)
        monkeypatch.setattr(socket, "getaddrinfo", refuse)
        for value in (markup, markup.decode("utf-8")):
            page = mp.load_page(value)
            mp.to_json(mp.parse_page(page))
            with contextlib.suppress(mp.NotAnArticleError):
                mp.parse_article(page)
        monkeypatch.undo()
        with pytest.raises(BlockingIOError):
            server.accept()  # nothing connected


_WATCHED_EVENTS = frozenset(
    {
        "open",
        "os.listdir",
        "os.scandir",
        "socket.__new__",
        "socket.connect",
        "socket.getaddrinfo",
        "urllib.Request",
        "subprocess.Popen",
        "os.system",
        "os.posix_spawn",
        "os.exec",
        "shutil.copyfile",
    }
)
_audit: dict[str, Any] = {"active": False, "seen": []}


def _audit_hook(event: str, args: tuple[Any, ...]) -> None:
    if _audit["active"] and event in _WATCHED_EVENTS:
        _audit["seen"].append((event, args))


sys.addaudithook(_audit_hook)  # hooks cannot be removed; it records only while active


@contextlib.contextmanager
def _no_file_or_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail if the block opens a file or a connection from Python: open()
    patched at every entry point, plus an audit hook (PEP 578) for the rest."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"parsing opened a file: {args!r}")

    with monkeypatch.context() as patch:
        patch.setattr(builtins, "open", refuse)
        patch.setattr(io, "open", refuse)
        patch.setattr(os, "open", refuse)
        _audit["seen"] = []
        _audit["active"] = True
        try:
            yield
        finally:
            _audit["active"] = False
    assert _audit["seen"] == [], f"parsing performed I/O: {_audit['seen']!r}"


def _inputs() -> list[tuple[str, bytes]]:
    cases = [(f"{p.parent.name}/{p.name}", p.read_bytes()) for p in html_fixtures()]
    cases.append(("billion-laughs", BILLION_LAUGHS))
    return cases


def test_no_file_opened_during_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing every fixture and the hostile pages opens no file and no
    connection, and starts no process, from Python code."""
    markup, _ = _external_references(tmp_path, "http://127.0.0.1:9")
    cases = [*_inputs(), ("external-references", markup)]
    for _, data in cases:  # warm up: lazy imports read .pyc files
        with contextlib.suppress(mp.MayadeenParseError):
            mp.parse_article(data)
        mp.parse_page(data)
    with _no_file_or_network(monkeypatch):
        for _, data in cases:
            page = mp.load_page(data)
            mp.to_json(mp.parse_page(page))
            with contextlib.suppress(mp.NotAnArticleError):
                mp.parse_article(page)


def test_files_are_not_touched_from_c(tmp_path: Path) -> None:
    """libxml2 reads files from C, where no Python hook sees it; the access
    time of the files the page names shows whether they were read. Skipped
    on file systems that do not record access times."""
    markup, _ = _external_references(tmp_path, "http://127.0.0.1:9")
    files = [tmp_path / "secret.txt", tmp_path / "evil.dtd"]
    for path in files:
        os.utime(path, (0, time.time()))
    files[0].read_bytes()
    if os.stat(files[0]).st_atime == 0:
        pytest.skip("this file system does not record access times")
    os.utime(files[0], (0, time.time()))
    page = mp.load_page(markup)
    mp.parse_page(page)
    for path in files:
        assert os.stat(path).st_atime == 0, f"{path.name} was read while parsing"


@pytest.mark.parametrize("url", [None, "https://english.almayadeen.net/news/politics/this-story"])
def test_base_href_is_ignored(url: str | None) -> None:
    """A <base href> pointing elsewhere changes nothing: relative links
    resolve against the page URL given, else the site's origin."""
    markup = SMALL_ARTICLE.replace(
        '<meta charset="utf-8">', '<meta charset="utf-8"><base href="https://evil.example/x/">'
    )
    content = mp.parse_page(markup, url=url)
    out = mp.to_json(content)
    assert "evil.example" not in out
    article = content.article
    assert article is not None
    assert article.authors[0].url == f"{SITE}/authors/al-mayadeen-english"
    assert article.tags[0].url == f"{SITE}/tags/gaza"
    assert article.related[0].url == f"{SITE}/news/economy/us-withdrew-nearly-900mln"
    inline = [link.url for block in article.body if isinstance(block, mp.Paragraph) for link in block.links]
    assert inline == [(url.rsplit("/", 1)[0] if url else SITE) + "/tags/inline"]


# --- 4. nothing lost (the property suite cuts every fixture anywhere) ----------------------


def test_truncated_download_keeps_the_paragraphs_before_the_cut() -> None:
    data = ARTICLE.read_bytes()
    full = mp.parse_article(data)
    cut = data.index(b"<blockquote")
    article = mp.parse_article(data[:cut])
    assert article.paragraphs == full.paragraphs[:4]
    assert article.title == full.title
    assert article.published == full.published


# --- 5. deterministic -----------------------------------------------------------------

_DIGEST = """
import hashlib, sys
from pathlib import Path
import mayadeen_parse as mp
from tests.golden import html_fixtures
digest = hashlib.sha256()
for path in html_fixtures():
    digest.update(mp.to_json(mp.parse_page(path.read_bytes())).encode())
print(digest.hexdigest())
"""


def test_same_bytes_same_json_across_processes() -> None:
    """The same bytes give the same to_json in processes with different hash
    seeds (set and dict order must never leak into the output)."""
    root = Path(__file__).parent.parent
    digests = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _DIGEST], cwd=root, env=env, capture_output=True, text=True, check=True
        )
        digests.add(done.stdout.strip())
    assert len(digests) == 1


# --- 6. encodings --------------------------------------------------------------------

TITLE = "“Gaza” — Sudani’s coalition & غزة"
DOC = _page(body=f"<article><h1>{TITLE}</h1><div class='p-content'><p>{TITLE} in a paragraph.</p></div></article>")


def _title(data: bytes | str, encoding: str | None = None) -> str | None:
    page = mp.load_page(data, encoding=encoding)
    return mp.normalize_text(page.root.findtext(".//h1"))


@pytest.mark.parametrize(
    ("data", "encoding", "source"),
    [
        (DOC.encode("utf-8"), "utf-8", "meta"),
        (DOC.replace('<meta charset="utf-8">', "").encode("utf-8"), "utf-8", "default"),
        (codecs.BOM_UTF8 + DOC.encode("utf-8"), "utf-8", "bom"),
        (DOC.encode("utf-16"), "utf-16le", "bom"),
        (codecs.BOM_UTF16_BE + DOC.encode("utf-16-be"), "utf-16be", "bom"),
        (
            DOC.replace("utf-8", "windows-1256").encode("windows-1256", "xmlcharrefreplace"),
            "windows-1256",
            "meta",
        ),
        (
            DOC.replace(
                '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
            ).encode("windows-1256", "xmlcharrefreplace"),
            "windows-1256",
            "meta",
        ),
    ],
    ids=[
        "utf8",
        "utf8-undeclared",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "windows-1256",
        "windows-1256-http-equiv",
    ],
)
def test_declared_encodings(data: bytes, encoding: str, source: str) -> None:
    """UTF-8 with and without BOM, UTF-16 with BOM, windows-1256 declared in
    <meta> (both forms): the text comes out exact."""
    page = mp.load_page(data)
    assert (page.encoding, page.encoding_source) == (encoding, source)
    assert _title(data) == TITLE
    assert not page.warnings


def test_windows_1252_declared_in_meta() -> None:
    data = _page(head="", body="<h1>\x93Gaza\x94 \x96 Sudani\x92s coalition</h1>").replace("utf-8", "windows-1252")
    raw = data.encode("latin-1")
    page = mp.load_page(raw)
    assert (page.encoding, page.encoding_source) == ("windows-1252", "meta")
    assert _title(raw) == "“Gaza” – Sudani’s coalition"


def test_content_type_argument_wins_over_meta() -> None:
    """The charset of the HTTP Content-Type header (the encoding argument)
    wins over a <meta> that contradicts it; a byte order mark wins over both."""
    data = DOC.replace("utf-8", "windows-1256").encode("utf-8")  # the meta is wrong
    page = mp.load_page(data, encoding="utf-8")
    assert (page.encoding, page.encoding_source) == ("utf-8", "argument")
    assert _title(data, encoding="utf-8") == TITLE
    assert _title(data) != TITLE  # without the argument the meta is believed
    bom = codecs.BOM_UTF8 + data
    assert mp.load_page(bom, encoding="windows-1252").encoding_source == "bom"
    assert _title(bom, encoding="windows-1252") == TITLE


@pytest.mark.parametrize(
    "data",
    [
        b"<html><body><h1>caf\xe9 \x93quoted\x94</h1></body></html>",
        b"<html><body><h1>\xff\xfe\xfd broken \xc3</h1></body></html>",
        b'<html><head><meta charset="no-such-charset"></head><body><h1>caf\xe9</h1></body></html>',
        b'<html><head><meta charset="utf-16"></head><body><h1>caf\xe9</h1></body></html>',
    ],
    ids=["latin1-undeclared", "invalid-utf8", "unknown-label", "false-utf16-claim"],
)
def test_undeclared_non_utf8_bytes_are_replaced(data: bytes) -> None:
    """Bytes that are not valid in the chosen encoding become U+FFFD with a
    warning; never an exception."""
    page = mp.load_page(data)
    assert page.encoding == "utf-8"
    assert "\ufffd" in (_title(data) or "")
    assert page.warnings
    mp.to_json(mp.parse_page(page))


def test_unknown_encoding_argument_falls_back_with_a_warning() -> None:
    page = mp.load_page(DOC.encode("utf-8"), encoding="x-no-such-codec")
    assert page.encoding == "utf-8"
    assert any("x-no-such-codec" in warning for warning in page.warnings)
    for label in ("base64", "rot13", "zlib"):  # codecs, but not text encodings
        assert mp.load_page(DOC.encode("utf-8"), encoding=label).encoding == "utf-8"


def test_fixture_inputs_match_their_expected_encoding() -> None:
    """Every encoding fixture decodes as its golden file says (guards the
    encoding tests above against drift in the fixtures)."""
    for path in html_fixtures():
        inputs = load_expected(path).get("input", {})
        page = mp.load_page(path.read_bytes(), encoding=inputs.get("encoding"))
        assert not any("U+FFFD" in warning for warning in page.warnings), path.name
