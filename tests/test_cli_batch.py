"""Batch mode: ``python -m mayadeen_parse --jsonl DIR_OR_GLOB... [--workers N]``.

One JSON object per page and line, in input order, each with its ``path``;
a page that cannot be parsed gives an error line and the run goes on; gzip is
read transparently; paths can come from standard input; memory is bounded by
a fixed window of pages in flight.
"""

from __future__ import annotations

import gzip
import io
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import mayadeen_parse as mp
from mayadeen_parse import _cli, _cli_pool, _cli_work
from mayadeen_parse._cli import main
from mayadeen_parse._cli_inputs import Task

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
ARTICLE = FIXTURES / "article" / "blinken-2023-11-06.html"


def _fixture_pages() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.html"))[:4]


@pytest.fixture
def batch_dir(tmp_path: Path) -> Path:
    """Good pages, a gzipped page, a PNG named .html and a corrupt .html.gz."""
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    for i, page in enumerate(_fixture_pages()):
        shutil.copy(page, folder / f"{i:02d}-{page.name}")
    (folder / "sub" / "zipped.html.gz").write_bytes(gzip.compress(ARTICLE.read_bytes()))
    (folder / "05-image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "06-broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (folder / "notes.txt").write_text("not a page")
    return folder


def _expected(path: str) -> dict[str, Any]:
    data = Path(path).read_bytes()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    return {"path": path, "parser_version": mp.__version__, "mode": "all", **mp.to_dict(mp.parse_page(data))}


def _run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]], str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, [json.loads(line) for line in captured.out.splitlines()], captured.err


def test_directory_with_a_bad_file_among_good_ones(batch_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, records, _ = _run_main(capsys, "--jsonl", "--all", str(batch_dir))
    assert status == 1  # some pages failed
    paths = [r["path"] for r in records]
    assert [Path(p).name for p in paths] == [
        *(f"{i:02d}-{page.name}" for i, page in enumerate(_fixture_pages())),
        "05-image.html",
        "06-broken.html.gz",
        "zipped.html.gz",
    ]  # every page file, directories walked in sorted order, .txt left out
    bad = {Path(r["path"]).name: r for r in records if "error" in r}
    assert set(bad) == {"05-image.html", "06-broken.html.gz"}
    assert bad["05-image.html"]["error"] == "PageDecodeError"
    assert "PNG" in bad["05-image.html"]["message"]
    assert bad["06-broken.html.gz"]["error"] == "InputError"
    assert "gzip" in bad["06-broken.html.gz"]["message"]
    for record in records:
        if "error" not in record:
            assert record == _expected(record["path"])


def test_gzip_is_read_transparently(batch_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, records, _ = _run_main(capsys, "--jsonl", str(batch_dir / "sub" / "zipped.html.gz"))
    assert status == 0
    (record,) = records
    assert record["title"] == mp.parse_article(ARTICLE.read_bytes()).title


def test_glob_patterns(batch_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, records, _ = _run_main(capsys, "--jsonl", "--breaking", str(batch_dir / "**" / "*.gz"))
    assert status == 1
    assert [Path(r["path"]).name for r in records] == ["06-broken.html.gz", "zipped.html.gz"]
    assert len(records[1]["items"]) == len(mp.parse_breaking(ARTICLE.read_bytes()))


def test_two_workers_give_the_same_lines_in_the_same_order(batch_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = _run_main(capsys, "--jsonl", "--all", str(batch_dir))
    two = _run_main(capsys, "--jsonl", "--all", "--workers", "2", str(batch_dir))
    assert two[0] == one[0] == 1
    assert two[1] == one[1]


def test_workers_without_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --jsonl, several pages: one indented JSON array of the same
    objects as the JSONL lines, in order (not documents run together)."""
    pages = [str(p) for p in _fixture_pages()[:3]]
    main(["--all", "--workers", "2", *pages])
    out = capsys.readouterr().out
    assert json.loads(out) == [_expected(p) for p in pages]
    assert out == json.dumps([_expected(p) for p in pages], ensure_ascii=False, indent=2) + "\n"


def test_paths_from_standard_input(batch_dir: Path, tmp_path: Path) -> None:
    """``find ... | mayadeen-parse --jsonl --paths-from -``: one path per line,
    blank lines ignored, a missing path reported and skipped."""
    good = sorted(str(p) for p in batch_dir.glob("0[0-3]-*.html"))
    listing = "\n".join([good[0], "", str(tmp_path / "missing.html"), *good[1:]]) + "\n"
    result = subprocess.run(
        [sys.executable, "-m", "mayadeen_parse", "--jsonl", "--workers", "2", "--paths-from", "-"],
        input=listing.encode(),
        capture_output=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["path"] for r in records] == [good[0], str(tmp_path / "missing.html"), *good[1:]]
    assert records[1]["error"] == "InputError"
    # No progress line when standard error is not a terminal; the summary line only.
    (summary,) = result.stderr.decode().splitlines()
    assert summary.startswith("mayadeen-parse: 5 pages in ")
    assert summary.endswith(": 4 parsed, 1 failed (InputError 1); 0 skipped")
    assert "\r" not in summary


def test_paths_from_a_file_and_arguments_together(batch_dir: Path, tmp_path: Path, capsys: Any) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(str(batch_dir / "sub" / "zipped.html.gz") + "\n")
    status, records, _ = _run_main(capsys, "--jsonl", "--paths-from", str(listing), str(ARTICLE))
    assert status == 0
    assert [r["path"] for r in records] == [str(ARTICLE), str(batch_dir / "sub" / "zipped.html.gz")]


def _explode(page: Any) -> Any:
    raise KeyError("a bug")


def test_a_library_bug_is_an_error_line_not_a_stop(
    batch_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(_cli_work.MODES, "article", _explode)
    status, records, _ = _run_main(capsys, "--jsonl", str(ARTICLE), str(ARTICLE))
    assert status == 1
    assert [r["error"] for r in records] == ["KeyError", "KeyError"]
    assert "please report" in records[0]["message"]


def _die_on_marker(page: Any) -> Any:
    if b"DIE-HERE" in etree_bytes(page):
        os._exit(3)
    return mp.parse_breaking(page)


def etree_bytes(page: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(page.root))


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the patched mode must reach the workers")
def test_a_dying_worker_costs_one_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page that kills its worker process (as a crash in C code would) is
    reported as ``WorkerCrashed``; every other page is still parsed."""
    monkeypatch.setitem(_cli_work.MODES, "breaking", _die_on_marker)
    for i in range(6):
        body = b"<p>DIE-HERE</p>" if i == 3 else b""
        (tmp_path / f"{i}.html").write_bytes(ARTICLE.read_bytes().replace(b"</body>", body + b"</body>"))
    status, records, _ = _run_main(capsys, "--jsonl", "--breaking", "--workers", "2", str(tmp_path))
    assert status == 1
    assert [Path(r["path"]).name for r in records] == [f"{i}.html" for i in range(6)]
    assert [r.get("error") for r in records] == [None, None, None, "WorkerCrashed", None, None]
    assert all(len(r["items"]) == 10 for r in records if "error" not in r)


def test_pages_in_flight_are_bounded(tmp_path: Path) -> None:
    """Constant memory: paths are pulled lazily, at most a few chunks per
    worker ahead of the output, whatever the input's length."""
    pulled = 0

    def tasks() -> Iterator[Task]:
        nonlocal pulled
        for i in range(400):
            pulled += 1
            yield Task(str(tmp_path / f"missing-{i}.html"))

    options = _cli_work.Options("article", "jsonl", None, single=False)
    results = _cli_pool.ordered_map(_cli.process, tasks(), (options,), 2, _cli_work.crashed(options))
    for done, outcome in enumerate(results, start=1):
        assert pulled - done <= _cli_pool.in_flight_limit(2) == 96
        assert outcome.path.endswith(f"missing-{done - 1}.html")
    assert done == pulled == 400


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_on_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["--jsonl", "--breaking", str(ARTICLE), str(ARTICLE)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    shown = terminal.getvalue()
    assert "2 / 2 pages (100 %), 0 failed" in shown  # the total is known: share, rate and ETA
    assert "ETA 0:00:00" in shown
    assert shown.endswith("\n")
    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert main(["--jsonl", "--no-progress", "--breaking", str(ARTICLE)]) == 0
    assert quiet.getvalue().startswith("mayadeen-parse: 1 page in ")  # the summary line only
    assert "\r" not in quiet.getvalue()


def test_progress_counts_resumed_inputs_as_done() -> None:
    """With --resume, the inputs found in the output are part of the total
    and done: the line reaches 100 % and the ETA is for what is left."""
    from mayadeen_parse._cli_inputs import RESUMED

    terminal = _Terminal()
    skipped: Counter[str] = Counter({RESUMED: 6})
    tally = _cli_work.Tally(True, total=10, stream=terminal, skipped=skipped)
    for _ in range(4):
        tally.add(_cli_work.Outcome("p.html", "{}", None, None))
    tally.close()
    assert "10 / 10 pages (100 %), 0 failed" in terminal.getvalue()
