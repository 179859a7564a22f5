"""The command line's inputs, tried as a new user would (issues 13 and 14).

Each test is one bug found that way; each failed before its fix. They run the
program as a user does (``python -m mayadeen_parse``), with a timeout where the
bug was a hang.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import mayadeen_parse as mp
from mayadeen_parse import _cli

ROOT = Path(__file__).parent.parent
ARTICLE = ROOT / "tests" / "fixtures" / "article" / "blinken-2023-11-06.html"
TITLE = mp.parse_article(ARTICLE.read_bytes()).title


def run(*args: str | bytes, stdin: bytes | None = None, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "mayadeen_parse", *args],
        input=stdin,
        capture_output=True,
        check=False,
        cwd=ROOT,
        timeout=timeout,
    )


def lines(result: subprocess.CompletedProcess[bytes]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def summary(result: subprocess.CompletedProcess[bytes]) -> str:
    """The last line of standard error: the batch's summary line."""
    return result.stderr.decode("utf-8", "replace").strip().splitlines()[-1]


def test_standard_input_with_two_workers() -> None:
    """``cat page | mayadeen-parse --workers 2 -`` read standard input in a
    worker process, which saw an empty stream ("the document is empty")."""
    result = run("--workers", "2", "-", stdin=ARTICLE.read_bytes())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == TITLE


def test_recursive_glob_reads_each_file_once(tmp_path: Path) -> None:
    """``'dir/**'`` matches the directory, its subdirectories and its files;
    each directory was walked again, so files came out two or three times."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("top.html", "a/mid.html", "a/b/deep.html"):
        shutil.copy(ARTICLE, tmp_path / name)
    result = run("--jsonl", "--breaking", str(tmp_path / "**"))
    assert result.returncode == 0, result.stderr
    paths = [Path(r["path"]).relative_to(tmp_path).as_posix() for r in lines(result)]
    assert sorted(paths) == ["a/b/deep.html", "a/mid.html", "top.html"]


def test_xhtml_gz_is_found_in_directories(tmp_path: Path) -> None:
    """``.xhtml.gz`` is documented, and was not picked in a directory."""
    (tmp_path / "page.xhtml.gz").write_bytes(gzip.compress(ARTICLE.read_bytes()))
    result = run("--jsonl", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert [r["title"] for r in lines(result)] == [TITLE]


def test_files_not_picked_are_counted(tmp_path: Path) -> None:
    """Files a directory walk leaves out (no extension, ``.shtml``, wget's
    ``index.html?id=3``) were skipped without a word."""
    shutil.copy(ARTICLE, tmp_path / "page.html")
    for name in ("README", "page.shtml", "index.html?id=3"):
        shutil.copy(ARTICLE, tmp_path / name)
    result = run("--jsonl", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert len(lines(result)) == 1
    stderr = result.stderr.decode()
    assert "1 parsed, 0 failed; 3 skipped (not a page name 3)" in stderr
    assert "skipped: not a page name: e.g. " in stderr  # one example, to see what was left out
    assert "give others by name or --paths-from" in stderr


def test_an_empty_directory_is_an_error(tmp_path: Path) -> None:
    """An empty directory exited 0 in silence."""
    result = run("--jsonl", str(tmp_path))
    assert result.returncode == 1
    (record,) = lines(result)
    assert record["error"] == "InputError"
    assert "no page files" in record["message"]


def test_page_warnings_are_shown(tmp_path: Path) -> None:
    """``--encoding bogus`` exited 0 without a word: the page's warnings
    were never shown."""
    result = run("--encoding", "bogus", str(ARTICLE))
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == TITLE
    assert f"mayadeen-parse: {ARTICLE}: warning: ignored unknown encoding argument 'bogus'" in result.stderr.decode()


def test_abbreviated_options_are_refused() -> None:
    """``--json`` was silently taken as ``--jsonl``."""
    result = run("--json", str(ARTICLE))
    assert result.returncode == 2
    assert b"unrecognized arguments: --json" in result.stderr
    assert result.stdout == b""


def test_several_pages_without_jsonl_are_one_json_array(tmp_path: Path) -> None:
    """Several pages printed JSON documents run together, with no path."""
    other = tmp_path / "copy.html"
    shutil.copy(ARTICLE, other)
    result = run("--breaking", str(ARTICLE), str(other))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [item["path"] for item in data] == [str(ARTICLE), str(other)]
    assert all(len(item["items"]) == 10 for item in data)


def test_a_url_says_nothing_is_downloaded() -> None:
    """A URL given as PATH said "No such file"."""
    url = "https://english.almayadeen.net/news/politics/blinken-claims"
    result = run(url)
    assert result.returncode == 1
    message = result.stderr.decode()
    assert "never downloads pages" in message
    assert "Save Page As" in message
    assert f"--url {url}" in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_a_directory_is_skipped(tmp_path: Path) -> None:
    """A FIFO named ``*.html`` in a directory blocked the run forever."""
    shutil.copy(ARTICLE, tmp_path / "a.html")
    os.mkfifo(tmp_path / "b.html")
    result = run("--jsonl", str(tmp_path), timeout=30)
    assert result.returncode == 0, result.stderr
    assert [Path(r["path"]).name for r in lines(result)] == ["a.html"]
    assert "1 skipped (not a regular file 1)" in summary(result)


def test_a_corrupt_gzip_is_bad_gzip_data_not_a_bug(tmp_path: Path) -> None:
    """A corrupt deflate stream raises ``zlib.error``, which was reported as
    "unexpected: please report this page as a bug"."""
    data = bytearray(gzip.compress(ARTICLE.read_bytes()))
    for i in range(200, 260):
        data[i] ^= 0x55
    (tmp_path / "corrupt.html.gz").write_bytes(bytes(data))
    (tmp_path / "truncated.html.gz").write_bytes(gzip.compress(ARTICLE.read_bytes())[:500])
    result = run("--jsonl", str(tmp_path))
    assert result.returncode == 1
    records = lines(result)
    assert [r["error"] for r in records] == ["InputError", "InputError"]
    assert records[0]["message"].startswith("corrupt gzip file: ")
    assert records[1]["message"].startswith("truncated gzip file ")
    assert not any("report" in record["message"] for record in records)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names there must be valid Unicode")
def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """A file name that is not valid UTF-8 (``os.fsdecode`` makes its bad
    bytes lone surrogates) killed ``--jsonl`` with a traceback. It is written
    as a ``\\udcxx`` escape, which reads back as the same name."""
    raw = os.fsencode(tmp_path) + b"/caf\xe9.html"
    with open(raw, "wb") as handle:
        handle.write(ARTICLE.read_bytes())
    result = run("--jsonl", "--breaking", str(tmp_path))
    assert result.returncode == 0, result.stderr
    (record,) = lines(result)
    assert os.fsencode(record["path"]) == raw
    assert "\\udce9" in result.stdout.decode("utf-8")
    assert len(record["items"]) == 10
    # And through --paths-from: a line that is not valid UTF-8 names its file.
    listing = run("--jsonl", "--breaking", "--paths-from", "-", stdin=raw + b"\n")
    assert listing.returncode == 0, listing.stderr
    assert [os.fsencode(r["path"]) for r in lines(listing)] == [raw]
    # Plain text output too (the name is on standard error and in the CSV).
    text = run("--format", "csv", str(tmp_path))
    assert text.returncode == 0, text.stderr
    assert "\\udce9" in text.stdout.decode("utf-8")


def test_no_traceback_reaches_the_user(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A bug in the program itself is one line on standard error, status 70."""

    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(_cli._Writer, "write", broken)
    assert _cli.main(["--jsonl", str(ARTICLE)]) == 70
    err = capsys.readouterr().err
    assert err == "mayadeen-parse: internal error: RuntimeError: a bug (please report this as a bug)\n"


def test_named_pipe_given_by_name_is_read(tmp_path: Path) -> None:
    """A non-regular file named explicitly (``<(zcat page.gz)``) is read in
    the main process, also with several workers."""
    result = subprocess.run(
        ["bash", "-c", f'{sys.executable} -m mayadeen_parse --workers 2 --breaking <(cat "{ARTICLE}")'],
        capture_output=True,
        check=False,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 10


def test_output_file_for_every_format(tmp_path: Path) -> None:
    """``-o FILE`` takes what standard output would have shown, whatever
    the format (the ``--report`` summary too)."""
    for args in (["--format", "text"], ["--format", "csv"], ["--breaking"], ["--report"]):
        out = tmp_path / "out"
        shown = run(*args, str(ARTICLE), str(ARTICLE))
        written = run(*args, "-o", str(out), str(ARTICLE), str(ARTICLE))
        assert written.returncode == shown.returncode == 0, written.stderr
        assert written.stdout == b""
        assert out.read_bytes() == shown.stdout, args


def test_a_directory_that_cannot_be_listed_is_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``os.walk`` passes over a directory it cannot list (permission
    denied) in silence; the walk counts it. (Simulated: root lists anything.)"""
    from mayadeen_parse._cli_inputs import UNREADABLE_DIR, Inputs

    shutil.copy(ARTICLE, tmp_path / "a.html")
    real_walk = os.walk

    def walk(top: str, onerror: Any = None) -> Any:
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        return real_walk(top)

    monkeypatch.setattr(os, "walk", walk)
    inputs = Inputs()
    assert [Path(t.path).name for t in inputs.tasks([str(tmp_path)])] == ["a.html"]
    assert inputs.skipped == {UNREADABLE_DIR: 1}
    assert inputs.examples[UNREADABLE_DIR] == str(tmp_path / "locked")
