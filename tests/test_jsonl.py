"""``read_jsonl_line``: the command line's JSON Lines read back as records.

Before it, ``mp.from_dict(mp.Article, json.loads(line))`` on a line of
``mayadeen-parse --jsonl`` raised ``RecordError $.path: unknown key for
Article`` (the envelope is no field of the record), while the tutorial said
the command line writes the same file as ``to_json``. Every line the command
line writes, in every mode, must read back to the record the Python API gives.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import mayadeen_parse as mp
from mayadeen_parse._cli_work import MODES
from mayadeen_parse._jsonl import JSONL_MODES, line_modes
from tests.golden import html_fixtures

ROOT = Path(__file__).parent.parent
ARTICLE = ROOT / "examples" / "blinken-2023-11-06.html"
#: --jsonl line mode → the command-line option.
OPTIONS = {mode: [] if mode == "article" else [f"--{mode}"] for mode in JSONL_MODES}


def _run(*args: str) -> list[str]:
    command = [sys.executable, "-m", "mayadeen_parse", "--no-progress", *args]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout.splitlines()


def _python_api(path: Path, mode: str) -> tuple[Any, str | None]:
    """What the Python API gives for the page: (record, None) or (None, error class name)."""
    try:
        page = mp.load_page(path.read_bytes())
        if mode == "report":
            return mp.inspect_page(page), None
        return MODES[mode.replace("-", "_")](page), None
    except mp.MayadeenParseError as exc:
        return None, type(exc).__name__


@pytest.fixture(scope="module")
def pages() -> list[Path]:
    return html_fixtures()


@pytest.mark.parametrize("mode", JSONL_MODES)
def test_every_line_reads_back_to_the_python_apis_record(mode: str, pages: list[Path], tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    lines = _run("--jsonl", *OPTIONS[mode], *map(str, pages), str(missing))
    assert len(lines) == len(pages) + 1
    for path, text in zip([*pages, missing], lines, strict=True):
        line = mp.read_jsonl_line(text)
        assert (line.path, line.parser_version, line.mode) == (str(path), mp.__version__, mode)
        assert line.warc_file is line.warc_offset is line.warc_url is line.warc_date is None
        if path == missing:
            assert (line.record, line.error) == (None, "InputError")
            assert line.message
            continue
        record, error = _python_api(path, mode)
        assert line.error == error, (path, line.message)
        assert line.record == record, path
        # The decoded object reads the same; and a line written before the
        # "mode" key (inferred from the keys) gives the same record.
        data = json.loads(text)
        assert mp.read_jsonl_line(data) == line
        older = mp.read_jsonl_line({key: value for key, value in data.items() if key != "mode"})
        assert older.record == line.record
        assert older.mode in (mode, None)
        assert mode in line_modes({key: value for key, value in data.items() if key != "mode"})


def test_from_dict_alone_refuses_a_line_and_read_jsonl_line_reads_it() -> None:
    (text,) = _run("--jsonl", str(ARTICLE))
    with pytest.raises(mp.RecordError, match=r"\$\.path: unknown key for Article"):
        mp.from_dict(mp.Article, json.loads(text))
    assert mp.read_jsonl_line(text).record == mp.parse_article(ARTICLE.read_bytes())


def test_the_items_of_a_json_array_read_the_same(pages: list[Path]) -> None:
    array = json.loads("\n".join(_run("--breaking", *map(str, pages[:3]))))
    for item, path in zip(array, pages[:3], strict=True):
        line = mp.read_jsonl_line(item)
        assert line.record == mp.parse_breaking(path.read_bytes())
        assert line.mode == "breaking"


def test_a_warc_lines_envelope(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from tests import warc_builder as wb

    data, _ = wb.crawl(compress=True)
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(data)
    lines = [mp.read_jsonl_line(text) for text in _run("--jsonl", "--all", str(crawl))]
    items = list(mp.iter_warc(crawl))
    assert len(lines) == len(items)
    for line, item in zip(lines, items, strict=True):
        assert (line.warc_file, line.warc_offset, line.warc_url) == (str(crawl), item.offset, item.url)
        assert line.warc_date == item.fetched_at
        assert isinstance(line.warc_date, datetime.datetime | None)
        assert line.record == (mp.parse_page(item.page) if item.page is not None else None)


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("not json", r"\$: not a line of JSON"),
        ("[1, 2]", r"\$: expected a JSON object"),
        ('{"parser_version": "1", "mode": "article"}', r"\$\.path: expected a non-empty string"),
        ('{"path": "a", "parser_version": "1", "mode": "most_read", "items": []}', r"\$\.mode: unknown mode"),
        ('{"path": "a", "parser_version": "1", "mode": "breaking", "items": [{"text": 5}]}', r"\$\.items\[0\]\.text"),
        ('{"path": "a", "parser_version": "1", "mode": "breaking", "title": "x"}', r"holds one key, items"),
        ('{"path": "a", "parser_version": "1", "mode": "all", "error": "E", "message": "m", "url": "x"}', r"\$\.url"),
        ('{"path": "a", "parser_version": "1", "nothing": 1}', r"no line of mayadeen-parse --jsonl"),
        ('{"path": "a", "parser_version": "1", "mode": "all", "warc_file": "w"}', r"\$\.warc_offset"),
    ],
)
def test_what_is_no_line_is_a_record_error(line: str, where: str) -> None:
    with pytest.raises(mp.RecordError, match=where):
        mp.read_jsonl_line(line)


def test_an_older_line_of_teasers_or_an_empty_list_has_no_mode() -> None:
    teaser = {"title": "T", "url": "https://english.almayadeen.net/news/x"}
    line = mp.read_jsonl_line({"path": "a", "parser_version": "0.1.0", "items": [teaser]})
    assert (line.mode, line.record) == (None, (mp.Teaser(title="T", url=teaser["url"]),))
    assert line_modes({"path": "a", "parser_version": "0.1.0", "items": [teaser]}) == {
        "most-read",
        "related",
        "read-next",
    }
    assert mp.read_jsonl_line({"path": "a", "parser_version": "0.1.0", "items": []}).record == ()
    failure = mp.read_jsonl_line({"path": "a", "parser_version": "0.1.0", "error": "InputError", "message": "gone"})
    assert (failure.mode, failure.record, failure.error, failure.message) == (None, None, "InputError", "gone")
