"""Packaging: the sdist and wheel build, pass ``twine check``, carry complete
metadata, and the wheel works in a fresh virtual environment.

One build and one install for the whole module (about 20 s: the build runs
hatchling in an isolated environment, the install fetches lxml, cssselect and
attrs from the package index). Deselect with ``-m 'not packaging'``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
import venv
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The one place the version is written (tomllib is Python 3.11+; the line is simple).
_VERSION = re.search(r'^version = "([^"]+)"$', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)
assert _VERSION is not None
VERSION = _VERSION[1]

pytestmark = pytest.mark.packaging


def run(*command: str | Path, cwd: Path = ROOT) -> str:
    result = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{' '.join(map(str, command))} failed:\n{result.stdout[-3000:]}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``python -m build``: the sdist, then the wheel built from the sdist."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", out, ROOT)
    return out


def _wheel(dist: Path) -> Path:
    (wheel,) = dist.glob("*.whl")
    return wheel


def _sdist(dist: Path) -> Path:
    (sdist,) = dist.glob("*.tar.gz")
    return sdist


def test_build_names_the_version_of_pyproject(dist: Path) -> None:
    assert _wheel(dist).name == f"mayadeen_parse-{VERSION}-py3-none-any.whl"
    assert _sdist(dist).name == f"mayadeen_parse-{VERSION}.tar.gz"


def test_twine_check_passes(dist: Path) -> None:
    output = run(sys.executable, "-m", "twine", "check", "--strict", *sorted(dist.iterdir()))
    assert output.count("PASSED") == 2


def test_wheel_metadata_is_complete(dist: Path) -> None:
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        names = wheel.namelist()
        (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = HeaderParser().parsestr(wheel.read(metadata_name).decode())
    assert "mayadeen_parse/py.typed" in names
    assert not [n for n in names if n.startswith(("tests/", "docs/", "tools/"))]
    assert metadata["Name"] == "mayadeen-parse"
    assert metadata["Version"] == VERSION
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Requires-Python"] == ">=3.10"
    assert metadata["Description-Content-Type"] == "text/markdown"
    classifiers = metadata.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers
    assert any(c.startswith("Programming Language :: Python :: 3.1") for c in classifiers)
    urls = dict(u.split(", ", 1) for u in metadata.get_all("Project-URL") or [])
    assert {"Homepage", "Documentation", "Repository", "Issues", "Changelog"} <= set(urls)
    requires = metadata.get_all("Requires-Dist") or []
    runtime = sorted(r.split(">")[0].split("=")[0].strip() for r in requires if "extra ==" not in r)
    assert runtime == ["attrs", "cssselect", "lxml"]


def test_sdist_holds_the_sources_docs_and_tests(dist: Path) -> None:
    with tarfile.open(_sdist(dist)) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for expected in (
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "LICENSE",
        "mayadeen_parse/py.typed",
        "docs/conf.py",
        "docs/index.md",
        "schema/article.schema.json",
        "tools/make_schema.py",
        "examples/blinken-2023-11-06.html",
        "tests/fixtures/article/blinken-2023-11-06.html",
    ):
        assert expected in names
    assert not [n for n in names if n.startswith(("docs/_build", ".venv")) or "__pycache__" in n]


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (no system site-packages) with the wheel installed; its bin/."""
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(home)
    bin_dir = home / ("Scripts" if sys.platform == "win32" else "bin")
    run(bin_dir / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", _wheel(dist))
    return bin_dir


def test_installed_cli_parses_the_example_page(installed: Path, tmp_path: Path) -> None:
    # Run outside the checkout, so that the installed package is the one imported.
    page = ROOT / "examples" / "blinken-2023-11-06.html"
    article = json.loads(run(installed / "python", "-m", "mayadeen_parse", page, cwd=tmp_path))
    assert article["title"] == "Blinken claims US 'working very aggressively' to send aid to Gaza"
    assert article["published"] == "2023-11-06T16:21:00+02:00"
    breaking = json.loads(run(installed / "mayadeen-parse", "--breaking", page, cwd=tmp_path))
    assert len(breaking) == 10


def test_installed_version_comes_from_pyproject(installed: Path, tmp_path: Path) -> None:
    assert run(installed / "mayadeen-parse", "--version", cwd=tmp_path).strip() == f"mayadeen-parse {VERSION}"
    assert run(installed / "python", "-m", "mayadeen_parse", "--version", cwd=tmp_path).strip().endswith(VERSION)
    code = "import mayadeen_parse, pathlib; print(mayadeen_parse.__version__, pathlib.Path(mayadeen_parse.__file__))"
    version, location = run(installed / "python", "-c", code, cwd=tmp_path).split()
    assert version == VERSION
    assert Path(location).is_relative_to(installed.parent), "imported the checkout, not the installed wheel"


def test_installed_package_is_typed(installed: Path, tmp_path: Path) -> None:
    code = "import importlib.resources as r; print(r.files('mayadeen_parse').joinpath('py.typed').is_file())"
    assert run(installed / "python", "-c", code, cwd=tmp_path).strip() == "True"
