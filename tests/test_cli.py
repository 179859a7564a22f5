"""The command line, run as a user would: ``python -m mayadeen_parse``."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

import mayadeen_parse as mp
from mayadeen_parse._cli import main

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "blinken-2023-11-06.html"
SECTION = ROOT / "tests" / "fixtures" / "section" / "politics-index.html"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "mayadeen_parse", *args], input=stdin, capture_output=True, check=False, cwd=ROOT
    )


def test_prints_the_article_as_json() -> None:
    result = run(str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data == mp.to_dict(mp.parse_article(EXAMPLE.read_bytes()))
    assert "‘New Gaza’" not in result.stdout.decode()  # the article JSON has no furniture


def test_non_ascii_is_kept_as_is(tmp_path: Path) -> None:
    page = ROOT / "tests" / "fixtures" / "article" / "opinion-dollar-windows-1256.html"
    out = run(str(page)).stdout.decode("utf-8")
    assert "فك الارتباط بالدولار" in out
    assert "\\u" not in out


def test_reads_stdin_and_takes_a_base_url() -> None:
    html = (
        b'<html><body><article><h1>Hello</h1><p class="x">By <a href="/authors/x">X</a></p>'
        b'<div class="p-content"><p>One paragraph of text that is long enough.</p>'
        b'<p><a href="rel/link">link</a> here</p></div></article></body></html>'
    )
    result = run("--url", "https://english.almayadeen.net/news/politics/hello", "-", stdin=html)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "Hello"
    assert data["url"] == "https://english.almayadeen.net/news/politics/hello"
    assert data["body"][1]["links"][0]["url"] == "https://english.almayadeen.net/news/politics/rel/link"


def test_bad_file_reports_one_line_and_the_rest_is_processed(tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    result = run(str(missing), str(SECTION), str(EXAMPLE))
    assert result.returncode == 1
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 3  # two failures, then the summary line
    assert errors[0].startswith(f"mayadeen-parse: {missing}: InputError: ")
    assert "NotAnArticleError" in errors[1]
    assert "section" in errors[1]
    assert errors[2].startswith("mayadeen-parse: 3 pages in ")
    assert "1 parsed, 2 failed (InputError 1, NotAnArticleError 1)" in errors[2]
    (data,) = json.loads(result.stdout)  # several pages: one JSON array of {path, ...}
    assert data["path"] == str(EXAMPLE)
    assert data["title"].startswith("Blinken claims")


@pytest.mark.parametrize(
    ("flag", "count"), [("--breaking", 10), ("--most-read", 4), ("--related", 2), ("--read-next", 4)]
)
def test_list_flags(flag: str, count: int) -> None:
    result = run(flag, str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == count


def test_all_prints_everything_parse_page_returns() -> None:
    result = run("--all", str(SECTION))
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["kind"] == "section"
    assert data["article"] is None
    assert len(data["breaking"]) == 5


def test_gzip_input(tmp_path: Path) -> None:
    target = tmp_path / "page.html.gz"
    target.write_bytes(gzip.compress(EXAMPLE.read_bytes()))
    assert main([str(target), "--breaking"]) == 0


def test_binary_input_is_an_error_not_a_crash(tmp_path: Path) -> None:
    target = tmp_path / "image.html"
    target.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = run(str(target))
    assert result.returncode == 1
    assert b"PageDecodeError: input is a PNG image" in result.stderr
    assert result.stderr.count(b"\n") == 1


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"mayadeen-parse {mp.__version__}"


def test_usage_error_without_paths() -> None:
    assert run().returncode == 2


def test_console_script_is_declared() -> None:
    text = (ROOT / "pyproject.toml").read_text()
    assert 'mayadeen-parse = "mayadeen_parse._cli:main"' in text


def test_gzip_on_standard_input() -> None:
    result = run("--breaking", "-", stdin=gzip.compress(EXAMPLE.read_bytes()))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 10
