"""WARC files for the tests, written by warcio's own writer (a real writer, as
the crawlers of the field use), from pages the test suite ships.

:func:`crawl` writes the crawl of ``tests/test_warc.py``; :data:`EXPECTED`
says what is in it.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

ARTICLE_1252 = (
    "https://english.almayadeen.net/news/politics/blinken-claims-us--working-very-aggressively--to-send-aid-to"
)
ARTICLE_1256 = "https://english.almayadeen.net/articles/opinion/why-the-dollar-is-losing-its-grip-on-global-trade"
HOMEPAGE = "https://www.almayadeen.net/"
NOT_FOUND = "https://english.almayadeen.net/news/politics/no-such-story"
REDIRECT = "http://almayadeen.net/"
IMAGE = "https://english.almayadeen.net/Content/uploads/2023/11/06/blinken-turkey-press.jpg"
OTHER_HOST = "https://example.com/news/politics/blinken"
ELSEWHERE = "https://english.almayadeen.net/news/politics/captured-in-another-crawl"
TRUNCATED = "https://espanol.almayadeen.net/noticias/politica/blinken"

DATES = {
    ARTICLE_1252: "2023-11-06T16:30:00Z",
    ARTICLE_1256: "2023-11-06T16:31:05Z",
    HOMEPAGE: "2023-11-02T09:12:44Z",
    NOT_FOUND: "2023-11-06T16:32:00Z",
    REDIRECT: "2023-11-02T09:12:43Z",
    IMAGE: "2023-11-06T16:30:01Z",
    OTHER_HOST: "2023-11-06T16:40:00Z",
    TRUNCATED: "2023-11-06T16:50:00Z",
}
REVISIT_DATE = "2023-11-07T08:00:00.250Z"  # WARC 1.1 allows fractions of a second
ELSEWHERE_DATE = "2023-11-08T10:00:00Z"

#: What a reader keeps, in file order: (url, kind); kind is "page" or the
#: InputError reason.
EXPECTED = [
    (ARTICLE_1252, "page"),
    (ARTICLE_1256, "page"),
    (HOMEPAGE, "page"),
    (NOT_FOUND, "http-status"),
    (ARTICLE_1252, "page"),  # the revisit, resolved in the same file
    (ELSEWHERE, "revisit-unresolved"),
    (TRUNCATED, "truncated"),
]
#: What a reader skips, by reason.
EXPECTED_SKIPPED = {"warcinfo": 1, "request": 2, "metadata": 1, "redirect": 1, "non-html": 1, "other-host": 1}


def _without_meta_charset(html: bytes) -> bytes:
    """The page with its <meta> charset declarations removed: the charset is
    then only in the HTTP header, as on many servers."""
    return re.sub(rb"<meta[^>]*charset[^>]*>", b"", html, flags=re.IGNORECASE)


def chunked(body: bytes, size: int = 4000) -> bytes:
    """*body* in HTTP/1.1 chunked transfer coding, with a chunk extension."""
    out = [
        b"%x;name=value\r\n%s\r\n" % (len(body[i : i + size]), body[i : i + size]) for i in range(0, len(body), size)
    ]
    return b"".join(out) + b"0\r\n\r\n"


def pages() -> dict[str, bytes]:
    """The page bodies (decoded) the crawl holds."""
    return {
        ARTICLE_1252: _without_meta_charset((FIXTURES / "article" / "blinken-windows-1252.html").read_bytes()),
        ARTICLE_1256: _without_meta_charset((FIXTURES / "article" / "opinion-dollar-windows-1256.html").read_bytes()),
        HOMEPAGE: gzip.decompress((FIXTURES / "warc" / "ar-homepage-2023-11-02.html.gz").read_bytes()),
        NOT_FOUND: (FIXTURES / "other" / "not-found-404.html").read_bytes(),
        TRUNCATED: (FIXTURES / "article" / "blinken-2023-11-06.html").read_bytes(),
    }


def _warcio() -> tuple[Any, Any]:
    writer = pytest.importorskip("warcio.warcwriter")
    headers = pytest.importorskip("warcio.statusandheaders")
    return writer.WARCWriter, headers.StatusAndHeaders


class Writer:
    """A thin layer over warcio's WARCWriter that records each record's offset."""

    def __init__(self, out: io.BytesIO, *, compress: bool) -> None:
        warc_writer, self.headers = _warcio()
        self.out = out
        self.writer = warc_writer(out, gzip=compress, warc_version="WARC/1.1")
        self.offsets: list[tuple[str, str, int]] = []

    def _write(self, record: Any) -> Any:
        self.offsets.append((record.rec_type, record.rec_headers.get_header("WARC-Target-URI") or "", self.out.tell()))
        self.writer.write_record(record)
        return record

    def response(
        self, url: str, body: bytes, headers: list[tuple[str, str]], *, status: str = "200 OK", date: str | None = None
    ) -> Any:
        http = self.headers(status, headers, protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": date or DATES[url]},
        )
        return self._write(record)

    def request(self, url: str) -> Any:
        path = re.sub(r"^https?://[^/]+", "", url) or "/"
        http = self.headers(
            f"GET {path} HTTP/1.1", [("Host", url.split("/")[2]), ("User-Agent", "test")], is_http_request=True
        )
        record = self.writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""), http_headers=http, warc_headers_dict={"WARC-Date": DATES[url]}
        )
        return self._write(record)

    def metadata(self, url: str) -> Any:
        record = self.writer.create_warc_record(
            url,
            "metadata",
            payload=io.BytesIO(b"outlink: https://english.almayadeen.net/tags/gaza L a/@href\r\n"),
            warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Date": DATES[url]},
        )
        return self._write(record)

    def warcinfo(self) -> Any:
        record = self.writer.create_warcinfo_record(
            "crawl.warc.gz", {"software": "tests/warc_builder.py", "format": "WARC 1.1"}
        )
        return self._write(record)

    def revisit(self, url: str, *, digest: str, refers_to_uri: str, refers_to_date: str, date: str) -> Any:
        http = self.headers("200 OK", [("Content-Type", "text/html; charset=windows-1252")], protocol="HTTP/1.1")
        record = self.writer.create_revisit_record(
            url, digest, refers_to_uri, refers_to_date, http_headers=http, warc_headers_dict={"WARC-Date": date}
        )
        return self._write(record)


def crawl(*, compress: bool = True) -> tuple[bytes, list[tuple[str, str, int]]]:
    """The test crawl: the bytes of the file and (type, URL, offset) of each record.

    Its last record is cut in the middle of its body.
    """
    body = pages()
    out = io.BytesIO()
    w = Writer(out, compress=compress)
    w.warcinfo()
    w.request(ARTICLE_1252)
    first = w.response(
        ARTICLE_1252,
        gzip.compress(body[ARTICLE_1252], mtime=0),
        [
            ("Content-Type", "text/html; charset=windows-1252"),
            ("Content-Encoding", "gzip"),
            ("Vary", "Accept-Encoding"),
        ],
    )
    w.metadata(ARTICLE_1252)
    w.response(
        ARTICLE_1256,
        chunked(zlib.compress(body[ARTICLE_1256])),  # as wget stores it: chunked, deflate, raw
        [
            ("Content-Type", "text/html;charset=windows-1256"),
            ("Transfer-Encoding", "chunked"),
            ("Content-Encoding", "deflate"),
        ],
    )
    w.request(HOMEPAGE)
    w.response(
        HOMEPAGE,
        chunked(body[HOMEPAGE], 65536),
        [("Content-Type", "text/html; charset=UTF-8"), ("Transfer-Encoding", "chunked")],
    )
    w.response(NOT_FOUND, body[NOT_FOUND], [("Content-Type", "text/html; charset=utf-8")], status="404 Not Found")
    w.response(REDIRECT, b"", [("Location", HOMEPAGE), ("Content-Length", "0")], status="301 Moved Permanently")
    w.response(IMAGE, b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200), [("Content-Type", "image/jpeg")])
    w.response(OTHER_HOST, b"<html><body><h1>Elsewhere</h1></body></html>", [("Content-Type", "text/html")])
    w.revisit(
        ARTICLE_1252,
        digest=first.rec_headers.get_header("WARC-Payload-Digest"),
        refers_to_uri=ARTICLE_1252,
        refers_to_date=DATES[ARTICLE_1252],
        date=REVISIT_DATE,
    )
    w.revisit(
        ELSEWHERE,
        digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        refers_to_uri=ELSEWHERE,
        refers_to_date="2023-10-01T00:00:00Z",
        date=ELSEWHERE_DATE,
    )
    start = out.tell()
    w.response(
        TRUNCATED,
        gzip.compress(body[TRUNCATED], mtime=0),
        [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
    )
    data = out.getvalue()
    return data[: start + (len(data) - start) // 2], w.offsets
