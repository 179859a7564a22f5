"""The docs site: it builds with warnings as errors, its examples run as
written, and its generated parts agree with the code.

The build is the same as ``sphinx-build -W --keep-going -b html docs
docs/_build/html``, into a temporary folder.
"""

from __future__ import annotations

import doctest
import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from lxml import html

import mayadeen_parse as mp
from mayadeen_parse._cli import _parser
from mayadeen_parse._parse import FIELDS
from tests.markdown_code import code_blocks, run_doctest_blocks
from tools import modelinfo

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))

pytestmark = pytest.mark.docs

_DOCS_EXTRA = "the docs site needs the 'docs' extra: pip install -e '.[docs]'"
#: Extras a page's examples import, by module: the page's examples skip,
#: naming the extra, when one is missing.
_EXAMPLE_EXTRAS = {"pandas": "recipes", "requests": "recipes", "httpx": "recipes", "dask": "scale"}


def _need_sphinx() -> None:
    for module in ("sphinx", "myst_parser", "furo"):
        pytest.importorskip(module, reason=_DOCS_EXTRA)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML site, built from scratch; the test fails on any warning."""
    _need_sphinx()
    out = tmp_path_factory.mktemp("docs")
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
    command += ["-d", str(out / "doctrees"), str(DOCS), str(out / "html")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"sphinx-build failed:\n{result.stderr}\n{result.stdout[-2000:]}"
    return out / "html"


def test_docs_build_without_warnings(built: Path) -> None:
    for page in PAGES:
        assert (built / page.with_suffix(".html").name).exists(), f"{page.name} was not built"


def _table(built: Path, page: str, record: str) -> list[list[str]]:
    tree = html.parse(str(built / page))
    (table,) = tree.xpath(f'//table[@id="table-{record.lower()}"]')
    return [[" ".join(cell.text_content().split()) for cell in row.xpath("./th|./td")] for row in table.iter("tr")]


def test_field_reference_source_order_is_fields(built: Path) -> None:
    """The Article table lists every field, in model order, with FIELDS' sources in order."""
    rows = _table(built, "fields.html", "Article")
    assert rows[0] == ["Field", "Type", "Meaning", "Source order", "Example"]
    assert [row[0] for row in rows[1:]] == [f.name for f in attrs.fields(mp.Article)]
    for field, _type, _meaning, sources, _example in rows[1:]:
        assert sources == " → ".join(source.name for source in FIELDS[field]), field


@pytest.mark.parametrize("record", modelinfo.RECORDS, ids=lambda cls: cls.__name__)
def test_field_reference_has_every_record_and_field(built: Path, record: type) -> None:
    rows = _table(built, "fields.html", record.__name__)
    hints = modelinfo.field_hints(record)
    assert [row[0] for row in rows[1:]] == list(hints)
    for row in rows[1:]:
        field, type_, meaning, sources, example = row
        assert type_ == modelinfo.type_label(hints[field])
        assert meaning not in ("", "—"), f"{record.__name__}.{field} has no meaning"
        assert sources not in ("", "—"), f"{record.__name__}.{field} has no source"
        assert example, f"{record.__name__}.{field} has no example"


def test_records_are_every_public_model_class() -> None:
    """A new public record must be added to tools/modelinfo.RECORDS (docs and schema)."""
    public = {
        getattr(mp, name)
        for name in mp.__all__
        if attrs.has(getattr(mp, name)) and getattr(mp, name).__module__ == "mayadeen_parse._model"
    }
    assert public == set(modelinfo.RECORDS)


def test_api_reference_covers_all(built: Path) -> None:
    """Every name of mayadeen_parse.__all__ is documented in the API reference."""
    tree = html.parse(str(built / "api.html"))
    ids = set(tree.xpath("//@id"))
    missing = [name for name in mp.__all__ if f"mayadeen_parse.{name}" not in ids]
    assert not missing


def test_cli_page_lists_every_option() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    options = [opt for action in _parser()._actions for opt in action.option_strings]
    assert options
    assert [opt for opt in options if f"`{opt}" not in text] == []
    for status in ("`0`", "`1`", "`2`"):
        assert f"| {status} |" in text


def test_toctree_has_the_pages_of_the_other_owners() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for page in ("guarantees", "report", "scale", "changelog", "api", "fields"):
        assert (DOCS / f"{page}.md").exists()
        assert f"\n{page}\n" in index


@pytest.mark.parametrize(
    "page", [p for p in PAGES if any(b.language == "pycon" for b in code_blocks(p))], ids=lambda p: p.name
)
def test_examples_run_as_written(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``pycon`` block of the page, in order, as one doctest session."""
    code = "\n".join(b.code for b in code_blocks(page) if b.language == "pycon")
    for module, extra in _EXAMPLE_EXTRAS.items():
        if re.search(rf"^>>> (?:import|from) {module}\b", code, re.M):
            pytest.importorskip(module, reason=f"{page.name}'s examples need the '{extra}' extra")
    monkeypatch.chdir(ROOT)
    result = run_doctest_blocks(page)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} example(s) of {page.name} failed: see the captured output"


RUNNABLE_SHELL = [
    pytest.param(block, id=f"{block.path.name}:{block.line}")
    for page in PAGES
    for block in code_blocks(page)
    if block.marker == "test: run" and block.language in ("sh", "bash", "console")
]


@pytest.mark.parametrize("block", RUNNABLE_SHELL)
def test_shell_examples_run(block: object) -> None:
    """Shell blocks marked ``<!-- test: run -->`` run from the repository root."""
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    code = getattr(block, "code")  # noqa: B009 - the param is typed loosely for the ids
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_helper_doctests() -> None:
    """The doctests of the docs' helpers (not under the collected test paths)."""
    _need_sphinx()
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        extension = importlib.import_module("mayadeen_docs")
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    for module in (modelinfo, extension):
        result = doctest.testmod(module)
        assert result.attempted > 0
        assert result.failed == 0
