"""README.md: its Python example runs as written, and it points to the docs.

Code blocks preceded by ``<!-- test: run -->`` are run exactly as written, from
the repository root, by the interpreter running the tests. The install
commands are not run here (CI runs the test command through ``.ci/run``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.markdown_code import CodeBlock, code_blocks

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
RUNNABLE = [b for b in code_blocks(README) if b.marker == "test: run"]


def test_readme_has_a_runnable_python_example_of_five_lines() -> None:
    python = [b for b in RUNNABLE if b.language == "python"]
    assert python, "mark the README's example with <!-- test: run -->"
    assert all(len([line for line in b.code.splitlines() if line.strip()]) <= 5 for b in python)


@pytest.mark.parametrize("block", RUNNABLE, ids=lambda b: f"README.md:{b.line}")
def test_readme_block_runs_as_written(block: CodeBlock) -> None:
    assert block.language == "python", "only Python blocks are run from the README"
    result = subprocess.run(
        [sys.executable, "-c", block.code], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "Blinken claims US 'working very aggressively' to send aid to Gaza" in result.stdout


def test_readme_links_work_on_a_package_index() -> None:
    """The README is the project page on PyPI, where a link relative to the
    repository leads nowhere; the project has no public home to link to
    instead, so it names its files in plain text."""
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+)\)", text)
    assert links
    assert [link for link in links if not link.startswith("https://")] == []
    for name in ("docs/", "CHANGELOG.md", "CONTRIBUTING.md", "RELEASING.md"):
        assert f"`{name}`" in text
        assert (ROOT / name).exists()


def test_readme_says_which_pages_are_real() -> None:
    text = README.read_text(encoding="utf-8")
    assert "reconstruction" in text
    assert "tests/fixtures/real/" in text
    assert "trustworthy" not in text
    quickstart = (ROOT / "docs" / "quickstart.md").read_text(encoding="utf-8")
    assert "one real page" not in quickstart
    assert "reconstruction" in quickstart


TEST_COMMAND = (
    "python3 -m venv .venv && .venv/bin/pip install -q -e '.[dev]' && .venv/bin/python -m pytest --fail-on-skip"
)


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run runs exactly the README's test command (one line, every extra,
    nothing skipped), then the core suite on the other Pythons."""
    commands = [b.code.strip() for b in code_blocks(README) if b.language == "sh"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert TEST_COMMAND in commands
    assert TEST_COMMAND in ci
    assert any(".venv/bin/nox --sessions" in line for line in ci[ci.index(TEST_COMMAND) :])
