"""mypy --strict and ruff (lint and format) as tests, so that nothing merges
that breaks them. Needs the ``lint`` extra; the settings are pyproject.toml's.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_REASON = "the lint checks need the 'lint' extra: pip install -e '.[lint]'"


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False)


def test_mypy_strict() -> None:
    """``mypy`` on the files pyproject.toml lists (the package, tools/, tests/typing/), strict."""
    pytest.importorskip("mypy", reason=_REASON)
    result = _run("mypy")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr


@pytest.mark.parametrize("command", [("check", "."), ("format", "--check", ".")], ids=["check", "format"])
def test_ruff(command: tuple[str, ...]) -> None:
    pytest.importorskip("ruff", reason=_REASON)
    result = _run("ruff", *command)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr
