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


def test_readme_links_to_the_docs() -> None:
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+)\)", text)
    assert "docs/index.md" in links
    for link in links:
        if not link.startswith(("http://", "https://")):
            assert (ROOT / link).exists(), f"README links to a missing file: {link}"


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run runs exactly the README's test command."""
    commands = [b.code.strip() for b in code_blocks(README) if b.language == "sh"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    test_command = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest"
    assert test_command in commands
    assert test_command in ci
