"""WARC input on the command line: ``mayadeen-parse --jsonl crawl.warc.gz``.

The crawl is the one ``tests/test_warc.py`` reads through ``iter_warc``
(written by warcio's own writer: ``tests/warc_builder.py``): an article with
gzip content coding and its charset only in the HTTP header, a chunked and
deflated opinion page, the real Arabic homepage, a 404, a redirect, an image,
another host, a revisit resolved in the file, one that is not, and a truncated
record. The command line must give what ``iter_warc`` gives, one line per
page, each with the record's file, offset, URL and date.
"""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import mayadeen_parse as mp
from mayadeen_parse._cli import main
from tests import warc_builder as wb

pytest.importorskip("warcio")

ROOT = Path(__file__).parent.parent
ARTICLE = ROOT / "tests" / "fixtures" / "article" / "blinken-2023-11-06.html"


@pytest.fixture(scope="module", params=[True, False], ids=["warc.gz", "warc"])
def crawl(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    data, written = wb.crawl(compress=request.param)
    path = tmp_path_factory.mktemp("crawl") / ("crawl.warc.gz" if request.param else "crawl.warc")
    path.write_bytes(data)
    return path, {"written": written}


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "mayadeen_parse", *args], capture_output=True, check=False, cwd=cwd, timeout=120
    )


def _lines(result: subprocess.CompletedProcess[bytes]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def test_one_line_per_page_as_iter_warc_gives(crawl: tuple[Path, dict[str, Any]]) -> None:
    path, _ = crawl
    result = _run("--jsonl", "--all", str(path))
    assert result.returncode == 1  # the 404, the unresolved revisit and the truncated record
    records = _lines(result)
    items = list(mp.iter_warc(path))
    assert len(records) == len(items) == len(wb.EXPECTED)
    for record, item in zip(records, items, strict=True):
        assert record["path"] == str(path)
        assert record["parser_version"] == mp.__version__
        assert record["warc_file"] == str(path)
        assert record["warc_offset"] == item.offset
        assert record["warc_url"] == item.url
        assert record["warc_date"] == (item.fetched_at.isoformat() if item.fetched_at else None)
        if item.page is not None:
            assert "error" not in record, record
            envelope = ("path", "parser_version", "mode", "warc_file", "warc_offset", "warc_url", "warc_date")
            assert {k: v for k, v in record.items() if k not in envelope} == mp.to_dict(mp.parse_page(item.page))
        else:
            assert record["error"] == "InputError"
            assert item.error is not None
            assert record["message"] in str(item.error)
    assert [r["warc_url"] for r in records] == [url for url, _ in wb.EXPECTED]
    article = records[0]["article"]
    assert article["url"] == wb.ARTICLE_1252  # the record's URL
    assert article["title"] == mp.parse_article(ARTICLE.read_bytes()).title  # windows-1252, from the HTTP header
    assert "HTTP 404" in records[3]["message"]
    last = result.stderr.decode().strip().splitlines()[-1]
    assert ": 4 parsed, 3 failed (InputError 3); 7 skipped (" in last
    for reason in ("WARC request 2", "WARC metadata 1", "WARC redirect 1", "WARC non-html 1", "WARC other-host 1"):
        assert reason in last


def test_warc_date_is_iso_with_offset(crawl: tuple[Path, dict[str, Any]]) -> None:
    path, _ = crawl
    (record, *_) = _lines(_run("--jsonl", "--breaking", str(path)))
    assert datetime.datetime.fromisoformat(record["warc_date"]) == datetime.datetime(
        2023, 11, 6, 16, 30, tzinfo=datetime.timezone.utc
    )
    assert record["warc_date"].endswith("+00:00")


def test_a_directory_of_warc_files_and_pages(crawl: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    path, _ = crawl
    folder = tmp_path / "crawls"
    folder.mkdir()
    shutil.copy(path, folder / path.name)
    shutil.copy(ARTICLE, folder / "a-page.html")
    result = _run("--jsonl", "--all", "--workers", "2", str(folder))
    records = _lines(result)
    assert [Path(r["path"]).name for r in records] == ["a-page.html"] + [path.name] * len(wb.EXPECTED)
    assert "warc_offset" not in records[0]


def test_resume_by_warc_file_and_offset(crawl: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    path, _ = crawl
    out = tmp_path / "out.jsonl"
    assert _run("--jsonl", "--all", "-o", str(out), str(path), str(ARTICLE)).returncode == 1
    full = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(full[:3]) + full[3][:40], encoding="utf-8")  # killed while writing the 4th line
    again = _run("--jsonl", "--all", "-o", str(out), "--resume", str(path), str(ARTICLE))
    assert again.returncode == 1  # the error records are not retried, but still failed in the first run
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    assert sorted(lines) == sorted(full)
    keys = Counter((json.loads(line)["path"], json.loads(line).get("warc_offset")) for line in lines)
    assert set(keys.values()) == {1}
    assert "10 skipped (already in the output 3, WARC request 2, " in again.stderr.decode()


def test_csv_rows_carry_the_offset(crawl: tuple[Path, dict[str, Any]]) -> None:
    path, _ = crawl
    result = _run("--format", "csv", str(path))
    rows = result.stdout.decode("utf-8").splitlines()
    assert rows[0].startswith("path,warc_offset,url,")
    assert rows[1].startswith(f"{path},{next(iter(mp.iter_warc(path))).offset},{wb.ARTICLE_1252},")


def test_without_warcio_each_warc_file_is_an_error_naming_the_extra(
    crawl: tuple[Path, dict[str, Any]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = crawl
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)  # import fails
    assert main(["--jsonl", str(path), str(ARTICLE)]) == 1
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["error"] == "MissingExtraError"
    assert "pip install 'mayadeen-parse[warc]'" in first["message"]
    assert second["title"] == mp.parse_article(ARTICLE.read_bytes()).title
