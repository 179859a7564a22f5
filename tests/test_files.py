"""read_page_file: the one reader of saved pages (the command line and the
Dask and Spark recipes use it)."""

from __future__ import annotations

import datetime
import gzip
import io
import os
import threading
from pathlib import Path

import pytest

import mayadeen_parse as mp
import mayadeen_parse._files as files

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = (FIXTURES / "article" / "blinken-2023-11-06.html").read_bytes()


def _reason(path: object) -> tuple[str, str]:
    with pytest.raises(mp.InputError) as caught:
        mp.read_page_file(path)  # type: ignore[arg-type]
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, mp.MayadeenParseError)
    assert str(path) in str(error) or error.path is None
    return error.reason, str(error)


def test_a_plain_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE)
    page = mp.read_page_file(path)
    assert mp.parse_page(page) == mp.parse_page(PAGE)
    assert mp.read_page_file(str(path)).encoding == "utf-8"


@pytest.mark.parametrize("name", ["page.html.gz", "page.html", "page"])
def test_gzip_is_recognised_by_its_bytes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(PAGE))
    assert mp.parse_page(mp.read_page_file(path)) == mp.parse_page(PAGE)


def test_concatenated_gzip_members_are_one_stream(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    half = len(PAGE) // 2
    path.write_bytes(gzip.compress(PAGE[:half]) + gzip.compress(PAGE[half:]) + bytes(8))
    assert files.read_page_bytes(path) == PAGE


def test_the_arguments_reach_load_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE))
    when = datetime.datetime(2023, 11, 6, 17, tzinfo=datetime.timezone.utc)
    page = mp.read_page_file(path, url="https://english.almayadeen.net/x", encoding="windows-1252", fetched_at=when)
    assert (page.url, page.encoding, page.encoding_source, page.fetched_at) == (
        "https://english.almayadeen.net/x",
        "windows-1252",
        "argument",
        when,
    )
    wayback = mp.read_page_file(path, url="https://web.archive.org/web/20231106162100/https://english.almayadeen.net/x")
    assert wayback.url == "https://english.almayadeen.net/x"
    assert wayback.fetched_at == datetime.datetime(2023, 11, 6, 16, 21, tzinfo=datetime.timezone.utc)


def test_a_binary_file_object() -> None:
    assert mp.parse_page(mp.read_page_file(io.BytesIO(gzip.compress(PAGE)))) == mp.parse_page(PAGE)
    with pytest.raises(mp.InputError) as caught:
        mp.read_page_file(io.BytesIO(gzip.compress(PAGE)[:-100]))
    assert caught.value.reason == "truncated-gzip"
    assert caught.value.path is None


def test_a_text_file_object_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="binary mode"):
        mp.read_page_file(io.StringIO("<html></html>"))  # type: ignore[arg-type]


def test_a_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "cut.html.gz"
    path.write_bytes(gzip.compress(PAGE)[: len(gzip.compress(PAGE)) // 2])
    reason, message = _reason(path)
    assert reason == "truncated-gzip"
    assert "truncated gzip file" in message


def test_a_gzip_without_its_trailer(tmp_path: Path) -> None:
    path = tmp_path / "cut.html.gz"
    path.write_bytes(gzip.compress(PAGE)[:-4])
    assert _reason(path)[0] == "truncated-gzip"


def test_a_corrupt_gzip(tmp_path: Path) -> None:
    path = tmp_path / "bad.html.gz"
    data = bytearray(gzip.compress(PAGE))
    data[30:60] = bytes(30)
    path.write_bytes(bytes(data))
    reason, message = _reason(path)
    assert reason == "corrupt-gzip"
    assert "corrupt gzip file" in message


def test_garbage_after_the_gzip_stream(tmp_path: Path) -> None:
    path = tmp_path / "bad.html.gz"
    path.write_bytes(gzip.compress(PAGE) + b"garbage")
    assert _reason(path)[0] == "corrupt-gzip"


def test_a_missing_file(tmp_path: Path) -> None:
    reason, message = _reason(tmp_path / "nope.html")
    assert reason == "missing"
    assert "no such file" in message


def test_a_directory(tmp_path: Path) -> None:
    reason, message = _reason(tmp_path)
    assert reason == "not-a-file"
    assert "directory" in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    result: list[tuple[str, str]] = []
    worker = threading.Thread(target=lambda: result.append(_reason(fifo)), daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock the thread so that the run can end
        with open(fifo, "wb"):
            pass
        pytest.fail("read_page_file blocked on a FIFO")
    assert result[0][0] == "not-a-file"
    assert "named pipe" in result[0][1]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.html"
    path.write_bytes(PAGE)
    path.chmod(0)
    try:
        reason, message = _reason(path)
    finally:
        path.chmod(0o600)
    assert reason == "unreadable"
    assert "permission denied" in message


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_INPUT_SIZE", 1000)
    path = tmp_path / "big.html"
    path.write_bytes(PAGE)
    reason, message = _reason(path)
    assert reason == "too-large"
    assert "limit is 1,000" in message


def test_a_gzip_bomb_stops_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_INPUT_SIZE", 100_000)
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + bytes(10_000_000)))
    assert path.stat().st_size < 100_000
    reason, message = _reason(path)
    assert reason == "too-large"
    assert "more than 100,000 bytes" in message


def test_not_html_is_still_a_page_decode_error(tmp_path: Path) -> None:
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(mp.PageDecodeError):
        mp.read_page_file(path)


def test_input_errors_pickle() -> None:
    """Errors cross process boundaries (Dask, Spark, multiprocessing) intact."""
    import pickle

    error = mp.InputError("x.html.gz: truncated gzip file", path="x.html.gz", reason="truncated-gzip")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.path, copy.reason) == (mp.InputError, str(error), "x.html.gz", "truncated-gzip")
    missing = mp.MissingExtraError("needs warcio", extra="warc", name="warcio")
    again = pickle.loads(pickle.dumps(missing))
    assert (type(again), str(again), again.extra, again.name) == (
        mp.MissingExtraError,
        "needs warcio",
        "warc",
        "warcio",
    )
