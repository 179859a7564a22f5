"""WARC input: iter_warc and WarcReader on files written by warcio's own writer
(tests/warc_builder.py), with the pages the test suite ships."""

from __future__ import annotations

import datetime
import gzip
import io
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest

import mayadeen_parse as mp
from mayadeen_parse._warc import WarcProblem, WarcReader, WarcResponse
from tests import warc_builder as wb

pytest.importorskip("warcio")

UTC = datetime.timezone.utc


def _date(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


@pytest.fixture(scope="module", params=[True, False], ids=["warc.gz", "warc"])
def crawl_file(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Any]]:
    data, offsets = wb.crawl(compress=request.param)
    path = tmp_path_factory.mktemp("crawl") / ("crawl.warc.gz" if request.param else "crawl.warc")
    path.write_bytes(data)
    return path, offsets


@pytest.fixture(scope="module")
def results(crawl_file: tuple[Path, list[Any]]) -> tuple[list[mp.WarcPage], dict[str, int]]:
    path, _ = crawl_file
    pages = mp.iter_warc(path)
    items = list(pages)
    return items, dict(pages.skipped)


def test_one_item_per_html_response_of_the_site(results: tuple[list[mp.WarcPage], dict[str, int]]) -> None:
    items, skipped = results
    got = [(item.url, "page" if item.page is not None else getattr(item.error, "reason", None)) for item in items]
    assert got == wb.EXPECTED
    assert skipped == wb.EXPECTED_SKIPPED
    assert len([i for i in items if i.page]) == 4
    assert len([i for i in items if i.error]) == 3
    for item in items:
        assert (item.page is None) != (item.error is None)


def test_pages_carry_the_record_url_date_and_header_charset(results: tuple[list[mp.WarcPage], Any]) -> None:
    items, _ = results
    article, opinion, home, _, revisit, *_ = items
    assert article.page is not None
    assert article.page.url == wb.ARTICLE_1252
    assert article.page.fetched_at == article.fetched_at == _date(wb.DATES[wb.ARTICLE_1252])
    assert (article.page.encoding, article.page.encoding_source) == ("windows-1252", "argument")
    assert opinion.page is not None
    assert (opinion.page.encoding, opinion.page.encoding_source) == ("windows-1256", "argument")
    assert opinion.page.fetched_at == _date(wb.DATES[wb.ARTICLE_1256])
    assert home.page is not None
    assert home.page.url == wb.HOMEPAGE
    assert (home.page.encoding, home.page.encoding_source) == ("utf-8", "argument")
    assert home.page.fetched_at == datetime.datetime(2023, 11, 2, 9, 12, 44, tzinfo=UTC)
    assert revisit.page is not None
    assert revisit.page.fetched_at == datetime.datetime(2023, 11, 7, 8, 0, 0, 250000, tzinfo=UTC)
    assert revisit.page.url == wb.ARTICLE_1252
    for item in items:
        assert item.fetched_at is not None
        assert item.fetched_at.utcoffset() == datetime.timedelta(0)


def _reference(url: str, meta_bytes: bytes, fetched_at: datetime.datetime) -> dict[str, Any]:
    return mp.to_dict(mp.parse_page(mp.load_page(meta_bytes, url=url, fetched_at=fetched_at)))


def test_pages_parse_as_the_pages_themselves(results: tuple[list[mp.WarcPage], Any]) -> None:
    """Decoded with the header's charset (the <meta> removed), gunzipped,
    dechunked, inflated: the same result as the original bytes with their
    <meta> charset."""
    items, _ = results
    article, opinion, home, _, revisit, *_ = items
    fixtures = wb.FIXTURES / "article"
    for item, name in (
        (article, "blinken-windows-1252"),
        (opinion, "opinion-dollar-windows-1256"),
        (revisit, "blinken-windows-1252"),
    ):
        assert item.page is not None
        assert item.url is not None
        assert item.fetched_at is not None
        got = mp.to_dict(mp.parse_page(item.page))
        assert got == _reference(item.url, (fixtures / f"{name}.html").read_bytes(), item.fetched_at)
        assert "\ufffd" not in repr(got)
    assert home.page is not None
    content = mp.parse_page(home.page)
    assert content.url == wb.HOMEPAGE
    assert home.page.root.findtext(".//title") == "الرئيسية | الميادين"


def test_errors_say_what_was_wrong(results: tuple[list[mp.WarcPage], Any], crawl_file: tuple[Path, Any]) -> None:
    items, _ = results
    path, _ = crawl_file
    not_found, unresolved, truncated = (item for item in items if item.error is not None)
    for item in (not_found, unresolved, truncated):
        assert isinstance(item.error, mp.InputError)
        assert isinstance(item.error, ValueError)
        assert item.error.path == str(path)
    assert not_found.status == 404
    assert "404" in str(not_found.error)
    assert "captured-in-another-crawl" in str(unresolved.error)
    assert "not in this file" in str(unresolved.error)
    assert unresolved.fetched_at == _date(wb.ELSEWHERE_DATE)
    assert "cut short" in str(truncated.error) or "ends inside" in str(truncated.error)
    assert truncated.fetched_at == _date(wb.DATES[wb.TRUNCATED])


def test_offsets_reopen_the_record(results: tuple[list[mp.WarcPage], Any], crawl_file: tuple[Path, list[Any]]) -> None:
    """Seek to an item's offset and read one record: it is the same record
    (for warcio, and for this library's reader)."""
    from warcio.archiveiterator import ArchiveIterator

    items, _ = results
    path, written = crawl_file
    starts = {offset for _, _, offset in written}
    for item in items:
        assert item.offset in starts
        with path.open("rb") as handle:
            handle.seek(item.offset)
            record = next(iter(ArchiveIterator(handle)))
            assert record.rec_headers.get_header("WARC-Target-URI") == item.url
        if item.page is not None:
            with path.open("rb") as handle:
                handle.seek(item.offset)
                again = next(iter(mp.iter_warc(handle)))
                assert again.url == item.url
                if item.fetched_at == _date(wb.REVISIT_DATE):  # alone, a revisit has no earlier record
                    assert getattr(again.error, "reason", None) == "revisit-unresolved"
                    continue
                assert again.page is not None
                assert mp.parse_page(again.page) == mp.parse_page(item.page)


def test_offset_and_length_are_a_byte_range(crawl_file: tuple[Path, Any]) -> None:
    """What a Common Crawl index entry gives: the record is bytes
    ``offset .. offset + length`` of the file."""
    path, _ = crawl_file
    data = path.read_bytes()
    responses = [item for item in WarcReader(path) if isinstance(item, WarcResponse)]
    assert len(responses) == 5
    for response in responses:
        piece = data[response.offset : response.offset + response.length]
        (alone,) = list(WarcReader(io.BytesIO(piece)))
        assert alone.url == response.url
        assert alone.fetched_at == response.fetched_at
        if response.record_type == "response":
            assert isinstance(alone, WarcResponse)
            assert alone.payload == response.payload
        else:  # a revisit alone: its payload is elsewhere
            assert isinstance(alone, WarcProblem)
            assert alone.reason == "revisit-unresolved"


def test_the_raw_reader(crawl_file: tuple[Path, Any]) -> None:
    path, _ = crawl_file
    reader = WarcReader(path)
    items = list(reader)
    assert [type(item).__name__ for item in items] == ["WarcResponse"] * 5 + ["WarcProblem"] * 2
    assert dict(reader.skipped) == wb.EXPECTED_SKIPPED
    article = items[0]
    assert isinstance(article, WarcResponse)
    assert article.encoding == "windows-1252"
    assert article.status == 200
    assert article.file == str(path)
    assert article.payload == wb.pages()[wb.ARTICLE_1252]
    assert items[1].payload == wb.pages()[wb.ARTICLE_1256]  # type: ignore[union-attr]
    assert items[2].payload == wb.pages()[wb.HOMEPAGE]  # type: ignore[union-attr]
    not_found = items[3]
    assert isinstance(not_found, WarcResponse)
    assert not_found.status == 404
    revisit = items[4]
    assert isinstance(revisit, WarcResponse)
    assert revisit.record_type == "revisit"
    assert revisit.payload == article.payload
    assert [(p.reason, p.url) for p in items[5:]] == [  # type: ignore[union-attr]
        ("revisit-unresolved", wb.ELSEWHERE),
        ("truncated", wb.TRUNCATED),
    ]
    assert list(reader) == items  # a path can be read again; counts start again
    assert dict(reader.skipped) == wb.EXPECTED_SKIPPED


class _Unseekable(io.RawIOBase):
    """A pipe-like stream: read only, no seek, no tell."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data.read(min(len(buffer), 1000))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_an_unseekable_stream_gives_the_same(
    crawl_file: tuple[Path, Any], results: tuple[list[mp.WarcPage], Any]
) -> None:
    """Revisits are resolved from the bodies kept in memory; offsets are the
    same (counted from the start of the stream)."""
    path, _ = crawl_file
    expected, _ = results
    pages = mp.iter_warc(io.BufferedReader(_Unseekable(path.read_bytes())))
    got = list(pages)
    assert [(i.url, i.offset, i.fetched_at, i.status) for i in got] == [
        (i.url, i.offset, i.fetched_at, i.status) for i in expected
    ]
    assert [type(i.error).__name__ for i in got] == [type(i.error).__name__ for i in expected]
    assert all(i.file is None for i in got)
    assert dict(pages.skipped) == wb.EXPECTED_SKIPPED


def test_hosts(crawl_file: tuple[Path, Any]) -> None:
    path, _ = crawl_file
    everything = mp.iter_warc(path, hosts=None)
    urls = [item.url for item in everything]
    assert wb.OTHER_HOST in urls
    assert "other-host" not in everything.skipped
    only = mp.iter_warc(path, hosts=["EXAMPLE.com"])
    assert [item.url for item in only] == [wb.OTHER_HOST]
    assert only.skipped["other-host"] == 9  # the site's 7 responses (with the redirect) and 2 revisits
    english = mp.iter_warc(path, hosts=["english.almayadeen.net"])
    assert wb.HOMEPAGE not in [item.url for item in english]


def test_a_corrupt_record_ends_the_iteration_with_a_problem() -> None:
    data, written = wb.crawl()
    (offset,) = [o for kind, url, o in written if kind == "response" and url == wb.NOT_FOUND]
    broken = data[:offset] + b"this is not a WARC record at all\r\n\r\n" + data[offset:]
    items = list(mp.iter_warc(io.BytesIO(broken)))
    assert [item.url for item in items[:3]] == [wb.ARTICLE_1252, wb.ARTICLE_1256, wb.HOMEPAGE]
    last = items[-1]
    assert isinstance(last.error, mp.InputError)
    assert last.error.reason == "corrupt"
    assert last.offset == offset
    assert len(items) == 4


def test_a_file_cut_inside_the_warc_headers() -> None:
    data, written = wb.crawl()
    (offset,) = [o for kind, url, o in written if url == wb.TRUNCATED]
    items = list(WarcReader(io.BytesIO(data[: offset + 40])))
    assert isinstance(items[-1], WarcProblem)
    assert items[-1].reason == "truncated"
    assert items[-1].offset == offset


def test_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(b"")
    pages = mp.iter_warc(path)
    assert list(pages) == []
    assert not pages.skipped


def test_a_missing_file(tmp_path: Path) -> None:
    pages = mp.iter_warc(tmp_path / "missing.warc.gz")
    with pytest.raises(mp.InputError, match="cannot be opened"):
        next(pages)


def test_missing_warcio_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    with pytest.raises(mp.MissingExtraError, match=r"pip install 'mayadeen-parse\[warc\]'") as caught:
        mp.iter_warc(io.BytesIO(b""))
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, mp.MayadeenParseError)
    assert caught.value.extra == "warc"


_HTML = "<html><head><title>Café</title></head><body><h1>Café — “quoted”</h1></body></html>".encode()


def _one(body: bytes, headers: list[tuple[str, str]], *, status: str = "200 OK") -> WarcResponse | WarcProblem | None:
    out = io.BytesIO()
    writer = wb.Writer(out, compress=True)
    writer.response("https://english.almayadeen.net/news/x", body, headers, status=status, date="2023-11-06T16:21:00Z")
    out.seek(0)
    reader = WarcReader(out)
    items = list(reader)
    return items[0] if items else None


def _brotli(data: bytes) -> bytes:
    brotli = pytest.importorskip("brotli")
    result: bytes = brotli.compress(data)
    return result


@pytest.mark.parametrize(
    ("encode", "headers"),
    [
        (lambda b: b, []),
        (lambda b: b, [("Content-Encoding", "identity")]),
        (lambda b: gzip.compress(b), [("Content-Encoding", "gzip")]),
        (lambda b: gzip.compress(b), [("Content-Encoding", "x-gzip")]),
        (lambda b: gzip.compress(b), [("Content-Encoding", "GZIP")]),
        (lambda b: b, [("Content-Encoding", "gzip")]),  # stored decoded, header kept
        (lambda b: zlib.compress(b), [("Content-Encoding", "deflate")]),
        (lambda b: zlib.compress(b)[2:-4], [("Content-Encoding", "deflate")]),  # raw deflate, as some servers send
        (lambda b: gzip.compress(zlib.compress(b)), [("Content-Encoding", "deflate, gzip")]),
        (lambda b: wb.chunked(b, 7), [("Transfer-Encoding", "chunked")]),
        (lambda b: wb.chunked(b, 7), [("Transfer-Encoding", "Chunked")]),
        (lambda b: wb.chunked(gzip.compress(b), 5), [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]),
        (lambda b: b, [("Transfer-Encoding", "chunked")]),  # stored dechunked, header kept
        # Common Crawl: bodies stored decoded, the headers renamed.
        (lambda b: b, [("X-Crawler-Content-Encoding", "gzip"), ("X-Crawler-Transfer-Encoding", "chunked")]),
        (_brotli, [("Content-Encoding", "br")]),
    ],
    ids=lambda v: "" if callable(v) else ",".join(f"{k}={v}" for k, v in v) or "plain",
)
def test_bodies_are_decoded(encode: Any, headers: list[tuple[str, str]]) -> None:
    item = _one(encode(_HTML), [("Content-Type", "text/html; charset=utf-8"), *headers])
    assert isinstance(item, WarcResponse)
    assert item.payload == _HTML


@pytest.mark.parametrize(
    ("body", "headers", "reason"),
    [
        (gzip.compress(_HTML)[:-20], [("Content-Encoding", "gzip")], "truncated"),
        (b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4, [("Content-Encoding", "gzip")], "content-encoding"),
        (_HTML, [("Content-Encoding", "compress")], "content-encoding"),
        (wb.chunked(_HTML, 7)[:-30], [("Transfer-Encoding", "chunked")], "truncated"),
        (gzip.compress(bytes(mp.MAX_INPUT_SIZE + 1)), [("Content-Encoding", "gzip")], "too-large"),
    ],
    ids=["gzip-cut", "gzip-corrupt", "unknown-coding", "chunks-cut", "gzip-bomb"],
)
def test_bodies_that_cannot_be_decoded_are_problems(body: bytes, headers: list[tuple[str, str]], reason: str) -> None:
    item = _one(body, [("Content-Type", "text/html"), *headers])
    assert isinstance(item, WarcProblem)
    assert item.reason == reason
    assert item.url == "https://english.almayadeen.net/news/x"


@pytest.mark.parametrize(
    ("content_type", "body", "kept"),
    [
        ("text/html", _HTML, True),
        ("TEXT/HTML; charset=utf-8", _HTML, True),
        ("application/xhtml+xml", _HTML, True),
        (None, _HTML, True),  # no Content-Type: the body is looked at
        ("application/octet-stream", b"<!DOCTYPE html>" + _HTML, True),
        (None, b'{"json": true}', False),
        ("application/json", b'{"json": true}', False),
        ("text/css", b"body{}", False),
        ("image/png", b"\x89PNG\r\n\x1a\n", False),
    ],
)
def test_what_counts_as_html(content_type: str | None, body: bytes, kept: bool) -> None:
    headers = [("Content-Type", content_type)] if content_type else []
    out = io.BytesIO()
    wb.Writer(out, compress=False).response(
        "https://english.almayadeen.net/x", body, headers, date="2023-11-06T16:21:00Z"
    )
    reader = WarcReader(io.BytesIO(out.getvalue()))
    items = list(reader)
    assert (len(items) == 1) == kept
    assert reader.skipped == ({} if kept else {"non-html": 1})


@pytest.mark.parametrize(
    ("status", "skipped"),
    [
        ("301 Moved", "redirect"),
        ("302 Found", "redirect"),
        ("307 Temporary Redirect", "redirect"),
        ("304 Not Modified", "not-modified"),
    ],
)
def test_statuses_that_are_skipped(status: str, skipped: str) -> None:
    out = io.BytesIO()
    wb.Writer(out, compress=True).response(
        "https://english.almayadeen.net/x",
        _HTML,
        [("Content-Type", "text/html")],
        status=status,
        date="2023-11-06T16:21:00Z",
    )
    reader = WarcReader(io.BytesIO(out.getvalue()))
    assert list(reader) == []
    assert reader.skipped == {skipped: 1}


@pytest.mark.parametrize("status", [404, 410, 500, 503])
def test_http_errors_are_error_items(status: int) -> None:
    out = io.BytesIO()
    wb.Writer(out, compress=True).response(
        "https://english.almayadeen.net/x",
        _HTML,
        [("Content-Type", "text/html")],
        status=f"{status} X",
        date="2023-11-06T16:21:00Z",
    )
    (item,) = list(mp.iter_warc(io.BytesIO(out.getvalue())))
    assert item.page is None
    assert item.status == status
    assert isinstance(item.error, mp.InputError)
    assert item.error.reason == "http-status"


def test_a_page_the_library_refuses_is_an_error_item() -> None:
    out = io.BytesIO()
    wb.Writer(out, compress=True).response(
        "https://english.almayadeen.net/x",
        b"\x89PNG\r\n\x1a\n" + bytes(64),
        [("Content-Type", "text/html")],
        date="2023-11-06T16:21:00Z",
    )
    (item,) = list(mp.iter_warc(io.BytesIO(out.getvalue())))
    assert item.page is None
    assert isinstance(item.error, mp.PageDecodeError)
    assert item.status == 200


def test_revisit_by_uri_and_date_without_digest() -> None:
    """A revisit found by WARC-Refers-To-Target-URI + WARC-Refers-To-Date (the
    digest differs: e.g. a writer that digests the decoded body)."""
    out = io.BytesIO()
    writer = wb.Writer(out, compress=True)
    writer.response(
        "https://english.almayadeen.net/x", _HTML, [("Content-Type", "text/html")], date="2023-11-06T16:21:00Z"
    )
    writer.revisit(
        "https://english.almayadeen.net/x",
        digest="sha1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
        refers_to_uri="https://english.almayadeen.net/x",
        refers_to_date="2023-11-06T16:21:00Z",
        date="2023-11-09T00:00:00Z",
    )
    items = list(WarcReader(io.BytesIO(out.getvalue())))
    assert [type(i).__name__ for i in items] == ["WarcResponse", "WarcResponse"]
    assert items[1].payload == _HTML  # type: ignore[union-attr]
    assert items[1].fetched_at == datetime.datetime(2023, 11, 9, tzinfo=UTC)


def test_common_crawl_recipe(tmp_path: Path) -> None:
    """docs/recipes/common_crawl.py on a local WARC file: the index gives file,
    offset and length, the byte range is one gzipped record, the library reads
    it (the network is a function that slices the file)."""
    import json

    from tests.recipe_loader import recipe

    cc = recipe("common_crawl")
    data, written = wb.crawl(compress=True)
    filename = "crawl-data/CC-MAIN-2023-50/segments/1700679100000.0/warc/CC-MAIN-20231106-00000.warc.gz"
    responses = [item for item in WarcReader(io.BytesIO(data)) if isinstance(item, WarcResponse)]
    ranges = {item.url: (item.offset, item.length) for item in responses if item.record_type == "response"}
    image = next(o for kind, url, o in written if url == wb.IMAGE)
    after_image = next(o for kind, url, o in written if o > image)
    ranges[wb.IMAGE] = (image, after_image - image)
    # What index.commoncrawl.org answers with output=json (fields as it writes them).
    index = "\n".join(
        json.dumps(
            {
                "urlkey": "net,almayadeen)/",
                "timestamp": "20231106163000",
                "url": url,
                "mime": "text/html",
                "status": "200",
                "digest": "X",
                "length": str(length),
                "offset": str(offset),
                "filename": filename,
            }
        )
        for url, (offset, length) in ranges.items()
    )
    asked: list[tuple[str, dict[str, str]]] = []

    def fetch(url: str, headers: dict[str, str]) -> bytes:
        asked.append((url, headers))
        if url.startswith(cc.INDEX_SERVER):
            assert url.startswith("https://index.commoncrawl.org/CC-MAIN-2023-50-index?url=english.almayadeen.net")
            return index.encode()
        assert url == cc.DATA_SERVER + filename
        first, last = headers["Range"].removeprefix("bytes=").split("-")
        return data[int(first) : int(last) + 1]

    out = io.StringIO()
    cc.main("CC-MAIN-2023-50", fetch, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(asked) == 1 + len(ranges)
    by_url = {r["warc_url"]: r for r in records}
    assert set(by_url) == set(ranges)
    article = by_url[wb.ARTICLE_1252]
    assert article["url"] == wb.ARTICLE_1252
    assert article["warc_offset"] == ranges[wb.ARTICLE_1252][0]
    assert article["warc_date"] == "2023-11-06T16:30:00+00:00"
    assert article["warc_file"] == article["path"] == filename
    assert article["parser_version"] == mp.__version__
    assert article["mode"] == "all"
    assert mp.read_jsonl_line(article).warc_offset == ranges[wb.ARTICLE_1252][0]
    assert article["article"]["title"] == "Blinken claims US 'working very aggressively' to send aid to Gaza"
    assert by_url[wb.ARTICLE_1256]["article"]["title"] == "Why the dollar is losing its grip on global trade"
    assert by_url[wb.HOMEPAGE]["url"] == wb.HOMEPAGE
    assert by_url[wb.NOT_FOUND]["error"] == "InputError"
    assert by_url[wb.IMAGE]["error"] == "InputError"
    assert "non-html: 1" in by_url[wb.IMAGE]["message"]


@pytest.mark.parametrize("seekable", [True, False])
def test_a_revisit_of_an_image_is_skipped_as_one(seekable: bool) -> None:
    out = io.BytesIO()
    writer = wb.Writer(out, compress=True)
    writer.response(wb.IMAGE, b"\xff\xd8\xff" + bytes(100), [("Content-Type", "image/jpeg")])
    writer.revisit(
        wb.IMAGE,
        digest="sha1:CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC",  # found by URI and date
        refers_to_uri=wb.IMAGE,
        refers_to_date="2023-11-06T16:30:01.000Z",  # the same instant, written otherwise
        date="2023-11-09T00:00:00Z",
    )
    data = out.getvalue()
    source = io.BytesIO(data) if seekable else io.BufferedReader(_Unseekable(data))
    reader = WarcReader(source)
    assert list(reader) == []
    assert reader.skipped == {"non-html": 2}


def test_responses_pickle_for_worker_processes() -> None:
    """A command line reads the WARC in one process and loads pages in
    workers: WarcResponse and WarcProblem pickle, and warc_page gives the
    same WarcPage on either side."""
    import pickle

    from mayadeen_parse._warc import warc_page

    data, _ = wb.crawl()
    items = list(WarcReader(io.BytesIO(data)))
    copies = pickle.loads(pickle.dumps(items))
    assert copies == items
    for item, copy in zip(items, copies, strict=True):
        here, there = warc_page(item), warc_page(copy)
        assert (here.url, here.offset, here.fetched_at, type(here.error)) == (
            there.url,
            there.offset,
            there.fetched_at,
            type(there.error),
        )
        if here.page is not None:
            assert there.page is not None
            assert mp.parse_page(here.page) == mp.parse_page(there.page)


def test_a_whole_file_gzip_is_refused_with_the_fix() -> None:
    """``gzip crawl.warc`` makes one gzip stream: records cannot be found by
    offset in it; the problem says how to recompress it."""
    data, _ = wb.crawl(compress=False)
    items = list(mp.iter_warc(io.BytesIO(gzip.compress(data))))
    assert [(i.page, getattr(i.error, "reason", None), i.offset) for i in items] == [(None, "corrupt", 0)]
    assert "warcio recompress" in str(items[0].error)


def test_error_items_pickle() -> None:
    """A WarcPage without a page (an error) goes back from a worker as is."""
    import pickle

    data, _ = wb.crawl()
    errors = [item for item in mp.iter_warc(io.BytesIO(data)) if item.error is not None]
    assert len(errors) == 3
    copies = pickle.loads(pickle.dumps(errors))
    assert [(c.url, c.offset, str(c.error), getattr(c.error, "reason", None)) for c in copies] == [
        (e.url, e.offset, str(e.error), getattr(e.error, "reason", None)) for e in errors
    ]


def _common_crawl_record(url: str, body: bytes, date: str = "2023-11-06T16:30:00Z") -> bytes:
    """One response record as Common Crawl writes it (WARC/1.0; the body
    stored decoded, its encodings renamed to X-Crawler-*), gzipped alone."""
    http = (
        b"HTTP/1.1 200 OK\r\n"
        b"Date: Mon, 06 Nov 2023 16:30:00 GMT\r\n"
        b"Content-Type: text/html; charset=windows-1256\r\n"
        b"X-Crawler-Transfer-Encoding: chunked\r\n"
        b"X-Crawler-Content-Encoding: br\r\n"
        b"Content-Length: %d\r\n"
        b"\r\n" % len(body)
    )
    block = http + body
    headers = (
        "WARC/1.0\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Date: {date}\r\n"
        "WARC-Record-ID: <urn:uuid:8d7f1f0a-1a7b-4d1b-9b1e-6c2b0f6a1d01>\r\n"
        f"Content-Length: {len(block)}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        "WARC-Warcinfo-ID: <urn:uuid:0f0e0d0c-0b0a-0908-0706-050403020100>\r\n"
        "WARC-Concurrent-To: <urn:uuid:11111111-2222-3333-4444-555555555555>\r\n"
        "WARC-IP-Address: 104.18.2.3\r\n"
        f"WARC-Target-URI: {url}\r\n"
        "WARC-Payload-Digest: sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ\r\n"
        "WARC-Block-Digest: sha1:4I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ\r\n"
        "WARC-Identified-Payload-Type: text/html\r\n"
        "\r\n"
    ).encode()
    return gzip.compress(headers + block + b"\r\n\r\n")


def test_a_record_as_common_crawl_writes_it() -> None:
    body = wb.pages()[wb.ARTICLE_1256]
    record = _common_crawl_record(wb.ARTICLE_1256, body)
    (item,) = list(mp.iter_warc(io.BytesIO(record)))
    assert item.page is not None
    assert (item.page.url, item.page.encoding, item.page.encoding_source) == (
        wb.ARTICLE_1256,
        "windows-1256",
        "argument",
    )
    assert item.fetched_at == datetime.datetime(2023, 11, 6, 16, 30, tzinfo=UTC)
    expected = _reference(
        wb.ARTICLE_1256, (wb.FIXTURES / "article" / "opinion-dollar-windows-1256.html").read_bytes(), item.fetched_at
    )
    assert mp.to_dict(mp.parse_page(item.page)) == expected
    # Two such records one after the other, as in a Common Crawl file.
    both = record + _common_crawl_record(wb.ARTICLE_1252, b"<html><body><h1>x</h1></body></html>")
    assert [(i.url, i.offset) for i in mp.iter_warc(io.BytesIO(both))] == [
        (wb.ARTICLE_1256, 0),
        (wb.ARTICLE_1252, len(record)),
    ]
