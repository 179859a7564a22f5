"""Batches that survive: ``-o FILE --resume`` (issue 13).

A batch killed halfway (SIGKILL, as the out-of-memory killer or a lost
machine would) and run again with ``--resume`` ends with each input exactly
once in the output; a half-written last line is cut off and its page parsed
again; every line carries ``parser_version``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import mayadeen_parse as mp
from mayadeen_parse._cli_resume import line_key, prepare

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
ARTICLE = FIXTURES / "article" / "blinken-2023-11-06.html"


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "mayadeen_parse", *args]


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """300 pages in 3 folders (the fixtures, over and over)."""
    pages = sorted(FIXTURES.glob("*/*.html"))
    folder = tmp_path / "pages"
    for i in range(300):
        sub = folder / f"{i // 100}"
        sub.mkdir(parents=True, exist_ok=True)
        shutil.copy(pages[i % len(pages)], sub / f"page-{i:03d}.html")
    return folder


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_killed_batch_resumes_with_each_input_once(many: Path, tmp_path: Path, workers: str) -> None:
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        _command("--jsonl", "--all", "--workers", workers, "-o", str(out), str(many)),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the workers die with it
    )
    try:
        deadline = time.monotonic() + 120
        while (not out.exists() or out.read_bytes().count(b"\n") < 40) and time.monotonic() < deadline:
            assert process.poll() is None, "the batch ended before it could be killed"
            time.sleep(0.01)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL
    written = out.read_bytes().count(b"\n")
    assert 40 <= written < 300  # really killed halfway
    with open(out, "ab") as handle:  # and as if killed in the middle of a line
        handle.write(b'{"path": "' + str(many).encode() + b"/2/page-299.html")

    again = subprocess.run(
        _command("--jsonl", "--all", "--workers", workers, "-o", str(out), "--resume", str(many)),
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    stderr = again.stderr.decode()
    assert "removed a half-written last line" in stderr
    assert f"{written:,} skipped (already in the output {written:,})" in stderr
    records = _records(out)
    counts = Counter(record["path"] for record in records)
    assert len(counts) == 300
    assert set(counts.values()) == {1}
    assert all(record["parser_version"] == mp.__version__ for record in records)
    assert all("error" not in record for record in records)


def test_ctrl_c_stops_cleanly_and_says_how_to_resume(many: Path, tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the whole process group, as a terminal sends it):
    status 130, no traceback from the main process or the workers, complete
    lines only, and a summary line that says how to go on."""
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        _command("--jsonl", "--all", "--workers", "2", "-o", str(out), str(many)),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while (not out.exists() or out.read_bytes().count(b"\n") < 40) and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    stderr = err.decode()
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1].endswith(f"(interrupted: run again with -o {out} --resume)")
    assert out.read_bytes().endswith(b"\n")
    assert len(_records(out)) < 300


def test_resume_of_a_finished_batch_does_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = subprocess.run(
        _command("--jsonl", "-o", str(out), str(ARTICLE)), cwd=ROOT, capture_output=True, check=False
    )
    assert first.returncode == 0, first.stderr
    before = out.read_bytes()
    again = subprocess.run(
        _command("--jsonl", "-o", str(out), "--resume", str(ARTICLE)), cwd=ROOT, capture_output=True, check=False
    )
    assert again.returncode == 0, again.stderr
    assert out.read_bytes() == before
    last = again.stderr.decode().strip().splitlines()[-1]
    assert last.startswith("mayadeen-parse: 0 pages in ")
    assert last.endswith("0 parsed, 0 failed; 1 skipped (already in the output 1)")


def test_resume_needs_an_output_file_and_jsonl(tmp_path: Path) -> None:
    for args in (["--jsonl", "--resume"], ["-o", str(tmp_path / "x.json"), "--resume"]):
        result = subprocess.run(_command(*args, str(ARTICLE)), cwd=ROOT, capture_output=True, check=False)
        assert result.returncode == 2
        assert b"--resume" in result.stderr


def test_line_keys() -> None:
    """A line names its input by path, or by WARC file and offset; the
    envelope is read without decoding the whole line, and lines from other
    writers (keys in another order) are decoded in full."""
    assert line_key('{"path": "a/b \\"c\\".html", "parser_version": "1.0", "title": "x"}') == 'a/b "c".html'
    assert line_key('{"path": "caf\\udce9.html", "parser_version": "1.0"}') == "caf\udce9.html"
    warc = '{"path": "c.warc.gz", "parser_version": "1", "warc_file": "c.warc.gz", "warc_offset": 1234, "x": 1}'
    assert line_key(warc) == ("c.warc.gz", 1234)
    assert line_key('{"title": "t", "warc_offset": 7, "warc_file": "w.warc", "path": "w.warc"}') == ("w.warc", 7)
    assert line_key('{"title": "t", "path": "p.html"}') == "p.html"
    assert line_key("not json") is None
    assert line_key("[1, 2]") is None


def test_prepare_cuts_only_a_half_written_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert prepare(str(out)) == (set(), None)  # nothing yet: start from zero
    good = '{"path": "a.html", "parser_version": "1"}\n{"path": "b.html", "parser_version": "1"}\n'
    out.write_text(good + '{"path": "c.ht')
    done, note = prepare(str(out))
    assert done == {"a.html", "b.html"}
    assert note is not None
    assert "half-written" in note
    assert out.read_text() == good
    assert prepare(str(out)) == ({"a.html", "b.html"}, "resuming after 2 inputs")


def test_every_line_carries_the_parser_version(tmp_path: Path) -> None:
    result = subprocess.run(
        _command("--jsonl", "--breaking", str(ARTICLE), str(tmp_path / "missing.html")),
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(r)[:2] for r in records] == [["path", "parser_version"]] * 2
    assert {r["parser_version"] for r in records} == {mp.__version__}


# --- another mode, another version ---------------------------------------------------


def _resume(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_command("--no-progress", *args), cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("a.html", "b.html", "c.html"):
        shutil.copy(ARTICLE, folder / name)
    return folder


def test_resume_in_another_mode_is_refused(articles: Path, tmp_path: Path) -> None:
    """The bug: ``--jsonl -o o.jsonl dir/`` then ``--jsonl --breaking -o o.jsonl
    --resume dir/`` said "3 skipped (already in the output)" and wrote nothing:
    the file held articles, and the user thought it held the ticker."""
    out = tmp_path / "o.jsonl"
    assert _resume("--jsonl", "-o", str(out), str(articles)).returncode == 0
    with open(out, "ab") as handle:
        handle.write(b'{"path": "half')  # a half-written line stays: the file is not touched
    before = out.read_bytes()
    result = _resume("--jsonl", "--breaking", "-o", str(out), "--resume", str(articles))
    assert result.returncode == 2
    assert result.stdout == ""
    last = result.stderr.splitlines()[-1]
    assert f"cannot resume {out}: 3 of its lines were written with the default mode" in last
    assert "this run is --breaking" in last
    assert out.read_bytes() == before


@pytest.mark.parametrize(("first", "then"), [("--all", "--report"), ("--most-read", "--related"), ("--breaking", "")])
def test_the_mode_key_tells_every_pair_apart(articles: Path, tmp_path: Path, first: str, then: str) -> None:
    out = tmp_path / "o.jsonl"
    assert _resume("--jsonl", first, "-o", str(out), str(articles)).returncode == 0
    result = _resume("--jsonl", *([then] if then else []), "-o", str(out), "--resume", str(articles))
    assert result.returncode == 2
    assert f"written with {first}" in result.stderr
    assert ("this run is " + (then or "the default mode")) in result.stderr


def test_failures_carry_the_mode_too(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    _resume("--jsonl", "--most-read", "-o", str(out), str(tmp_path / "missing.html"))
    assert json.loads(out.read_text())["mode"] == "most-read"
    result = _resume("--jsonl", "-o", str(out), "--resume", str(tmp_path / "missing.html"))
    assert result.returncode == 2
    assert "written with --most-read" in result.stderr


def _without_mode(path: Path) -> None:
    records = [{k: v for k, v in r.items() if k != "mode"} for r in _records(path)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_lines_without_the_mode_key_are_judged_by_their_keys(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    _resume("--jsonl", "-o", str(out), str(articles), str(tmp_path / "missing.html"))
    _without_mode(out)  # as an older version wrote them
    refused = _resume("--jsonl", "--breaking", "-o", str(out), "--resume", str(articles))
    assert refused.returncode == 2
    assert "3 of its lines were written with the default mode" in refused.stderr  # the failure line: any mode
    same = _resume("--jsonl", "-o", str(out), "--resume", str(articles), str(tmp_path / "missing.html"))
    assert same.returncode == 0, same.stderr
    assert "4 skipped (already in the output 4)" in same.stderr
    # A list of teasers could be any of three modes: the keys cannot tell, so each of them resumes.
    teasers = tmp_path / "t.jsonl"
    _resume("--jsonl", "--most-read", "-o", str(teasers), str(articles))
    _without_mode(teasers)
    assert _resume("--jsonl", "--related", "-o", str(teasers), "--resume", str(articles)).returncode == 0
    assert _resume("--jsonl", "--breaking", "-o", str(teasers), "--resume", str(articles)).returncode == 2


def test_another_major_version_resumes_with_a_warning(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    _resume("--jsonl", "-o", str(out), str(articles))
    major = int(mp.__version__.split(".")[0]) + 1
    out.write_text(out.read_text().replace(f'"parser_version": "{mp.__version__}"', f'"parser_version": "{major}.0.0"'))
    result = _resume("--jsonl", "-o", str(out), "--resume", str(articles))
    assert result.returncode == 0, result.stderr
    assert f"warning: lines written by mayadeen-parse {major}.0.0 (3 lines), another major version" in result.stderr
    assert "3 skipped (already in the output 3)" in result.stderr


def test_prepare_refuses_another_mode_before_cutting_anything(tmp_path: Path) -> None:
    from mayadeen_parse._cli_resume import ModeMismatch

    out = tmp_path / "out.jsonl"
    text = '{"path": "a.html", "parser_version": "1", "mode": "all", "url": null}\n{"path": "b'
    out.write_text(text)
    with pytest.raises(ModeMismatch, match="written with --all, and this run is --read-next"):
        prepare(str(out), "read-next")
    assert out.read_text() == text
    assert prepare(str(out), "all")[0] == {"a.html"}
