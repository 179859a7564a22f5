"""Code blocks of Markdown files (README.md, docs/*.md), for running them.

A block is a fenced block (```` ``` ```` or ``~~~``) with an info string; the
line right before it may hold an HTML comment such as ``<!-- test: run -->``,
which GitHub and the docs do not show.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import attrs

__all__ = ["CodeBlock", "code_blocks", "run_doctest_blocks"]

_FENCE_RE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")
_MARKER_RE = re.compile(r"^<!--\s*(?P<marker>[^>]*?)\s*-->$")


@attrs.frozen
class CodeBlock:
    path: Path
    line: int
    """1-based line of the first line of code (after the opening fence)."""
    language: str
    code: str
    marker: str | None
    """The HTML comment on the line before the opening fence, if any."""


def code_blocks(path: Path) -> list[CodeBlock]:
    """Every fenced block of *path*, in order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[CodeBlock] = []
    i = 0
    while i < len(lines):
        match = _FENCE_RE.match(lines[i])
        if match is None:
            i += 1
            continue
        fence, info = match["fence"], match["info"].strip()
        before = _MARKER_RE.match(lines[i - 1].strip()) if i else None
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not (lines[j].strip().startswith(fence) and not lines[j].strip().strip(fence[0])):
            body.append(lines[j])
            j += 1
        language = info.split()[0] if info else ""
        blocks.append(
            CodeBlock(
                path=path,
                line=i + 2,
                language=language,
                code="\n".join(body) + "\n",
                marker=before["marker"] if before else None,
            )
        )
        i = j + 1
    return blocks


def run_doctest_blocks(path: Path, language: str = "pycon") -> doctest.TestResults:
    """Run the ``pycon`` blocks of *path* as one doctest session, in order.

    Names defined in one block are visible in the next, as on the page.
    """
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs: dict[str, object] = {"__name__": f"docs.{path.stem}"}
    for block in code_blocks(path):
        if block.language != language:
            continue
        test = parser.get_doctest(block.code, globs, f"{path.name}:{block.line}", str(path), block.line - 1)
        runner.run(test, clear_globs=False)
        globs = test.globs  # DocTest copies its globals: carry them on
    return runner.summarize(verbose=False)
