"""Release checks: the sdist and wheel build, pass ``twine check --strict``,
carry complete (and only true) metadata, hold what they should, and work: the
wheel in a fresh virtual environment, the test suite from the unpacked sdist.

One build, one install and one sdist run for the whole module (about a minute:
the build runs hatchling in an isolated environment, the install fetches lxml,
cssselect and attrs from the package index, the sdist run is the suite minus
this module). Needs the ``release`` extra; deselect with ``-m 'not packaging'``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import venv
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import pytest

_REASON = "the release checks need the 'release' extra: pip install -e '.[release]'"
pytest.importorskip("build", reason=_REASON)
pytest.importorskip("twine", reason=_REASON)

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
# The one place the version is written (tomllib is Python 3.11+; the line is simple).
_VERSION = re.search(r'^version = "([^"]+)"$', PYPROJECT, re.M)
assert _VERSION is not None
VERSION = _VERSION[1]
PACKAGE = ROOT / "mayadeen_parse"

pytestmark = pytest.mark.packaging


def run(*command: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> str:
    result = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, check=False, env=env)
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


def _wheel_names(dist: Path) -> list[str]:
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        return wheel.namelist()


def test_build_names_the_version_of_pyproject(dist: Path) -> None:
    assert _wheel(dist).name == f"mayadeen_parse-{VERSION}-py3-none-any.whl"
    assert _sdist(dist).name == f"mayadeen_parse-{VERSION}.tar.gz"


def test_twine_check_passes(dist: Path) -> None:
    output = run(sys.executable, "-m", "twine", "check", "--strict", *sorted(dist.iterdir()))
    assert output.count("PASSED") == 2


def test_wheel_metadata_is_complete_and_true(dist: Path) -> None:
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        (metadata_name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = HeaderParser().parsestr(wheel.read(metadata_name).decode())
    assert metadata["Name"] == "mayadeen-parse"
    assert metadata["Version"] == VERSION
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Requires-Python"] == ">=3.10"
    assert metadata["Description-Content-Type"] == "text/markdown"
    classifiers = metadata.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers
    assert any(c.startswith("Programming Language :: Python :: 3.1") for c in classifiers)
    # The project has no public home yet: no URL rather than a made-up one.
    assert metadata.get_all("Project-URL") is None
    assert "placeholder" not in PYPROJECT.lower()
    requires = metadata.get_all("Requires-Dist") or []
    runtime = sorted(r.split(">")[0].split("=")[0].strip() for r in requires if "extra ==" not in r)
    assert runtime == ["attrs", "cssselect", "lxml"]
    extras = set(metadata.get_all("Provides-Extra") or [])
    assert {"test", "docs", "recipes", "scale", "lint", "release", "dev"} <= extras


def test_long_description_links_work_on_a_package_index(dist: Path) -> None:
    """The README is the project page on PyPI: a link relative to the
    repository would lead nowhere there, so it has none."""
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        (metadata_name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
        description = wheel.read(metadata_name).decode().split("\n\n", 1)[1]
    links = re.findall(r"\]\(([^)\s]+)\)", description) + re.findall(r'href="([^"]+)"', description)
    assert links, "the README links to the site at least"
    assert [link for link in links if not link.startswith("https://")] == []


def test_supported_pythons_agree(dist: Path) -> None:
    """The classifiers, requires-python and the nox sessions name the same versions."""
    classifiers = re.findall(r'"Programming Language :: Python :: (3\.\d+)"', PYPROJECT)
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    supported = re.search(r"^SUPPORTED = \(([^)]*)\)", noxfile, re.M)
    assert supported is not None
    assert classifiers == re.findall(r'"(3\.\d+)"', supported[1])
    assert classifiers[0] == re.search(r'^requires-python = ">=(3\.\d+)"$', PYPROJECT, re.M)[1]  # type: ignore[index]


def test_wheel_holds_the_package_and_nothing_else(dist: Path) -> None:
    """Every module and schema of the package (whatever modules other changes
    add), ``py.typed``; no tests, docs, tools or caches."""
    names = _wheel_names(dist)
    package = sorted(n for n in names if not n.startswith("mayadeen_parse-"))
    expected = sorted(
        p.relative_to(ROOT).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix in (".py", ".json", ".typed")
    )
    assert package == expected
    assert "mayadeen_parse/py.typed" in names
    assert "mayadeen_parse/schemas/jsonl-line.schema.json" in names
    assert sorted(n for n in names if n.startswith("mayadeen_parse/schemas/")) == sorted(
        f"mayadeen_parse/schemas/{p.name}" for p in (PACKAGE / "schemas").glob("*.schema.json")
    )


def _sdist_names(dist: Path) -> set[str]:
    with tarfile.open(_sdist(dist)) as sdist:
        return {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}


def test_sdist_holds_the_sources_docs_and_tests(dist: Path) -> None:
    names = _sdist_names(dist)
    for expected in (
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "RELEASING.md",
        "CONTRIBUTING.md",
        "LICENSE",
        "noxfile.py",
        ".ci/run",
        "mayadeen_parse/py.typed",
        "mayadeen_parse/schemas/article.schema.json",
        "docs/conf.py",
        "docs/index.md",
        "tools/make_schema.py",
        "bench/bench.py",
        "examples/blinken-2023-11-06.html",
        "tests/fixtures/article/blinken-2023-11-06.html",
        "tests/fixtures/add_article_text.py",
    ):
        assert expected in names, expected
    assert not [n for n in names if n.startswith(("docs/_build", ".venv", "bench/pages")) or "__pycache__" in n]


def test_sdist_ships_every_tracked_file_the_tests_use(dist: Path) -> None:
    """Every file git tracks under the folders the suite reads is in the sdist."""
    listed = run("git", "ls-files", "mayadeen_parse", "tests", "docs", "examples", "tools", "bench", "fuzz", ".ci")
    missing = sorted(set(listed.split()) - _sdist_names(dist))
    assert missing == []


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (no system site-packages) with the wheel installed; its bin/."""
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(home)
    bin_dir = home / ("Scripts" if sys.platform == "win32" else "bin")
    run(bin_dir / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", _wheel(dist))
    return bin_dir


def test_installed_wheel_brings_three_dependencies(installed: Path, tmp_path: Path) -> None:
    """``pip install mayadeen-parse``: the package, lxml, cssselect and attrs;
    nothing else besides the venv's own pip (and setuptools, which ensurepip
    adds on Python < 3.12)."""
    listing = json.loads(run(installed / "python", "-m", "pip", "list", "--format=json", cwd=tmp_path))
    names = {item["name"].lower() for item in listing} - {"pip", "setuptools"}
    assert names == {"mayadeen-parse", "lxml", "cssselect", "attrs"}


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


def test_installed_package_is_typed_and_has_its_schemas(installed: Path, tmp_path: Path) -> None:
    code = (
        "import importlib.resources as r, mayadeen_parse as mp\n"
        "print(r.files('mayadeen_parse').joinpath('py.typed').is_file())\n"
        "print(*(mp.schema(n)['title'] for n in mp._schema.SCHEMA_NAMES), sep='|')"
    )
    typed, titles = run(installed / "python", "-c", code, cwd=tmp_path).splitlines()
    assert typed == "True"
    assert titles.split("|") == [
        "mayadeen_parse Article",
        "mayadeen_parse PageContent",
        "mayadeen_parse BreakingItem",
        "mayadeen_parse Teaser",
        "mayadeen_parse Report",
        "mayadeen_parse --jsonl line",
    ]


def test_suite_passes_from_the_unpacked_sdist(dist: Path, tmp_path: Path) -> None:
    """The sdist's own tests pass (they failed: bench/ and .ci/ were not in
    it). Run with this interpreter, on the sdist's copy of the package, minus
    this module (no build inside the build)."""
    with tarfile.open(_sdist(dist)) as sdist:
        sdist.extractall(tmp_path, filter="data")
    (source,) = tmp_path.iterdir()
    env = {**os.environ, "PYTHONPATH": str(source), "CI": "true"}
    code = "import mayadeen_parse; print(mayadeen_parse.__file__)"
    assert Path(run(sys.executable, "-c", code, cwd=source, env=env).strip()).is_relative_to(source)
    output = run(
        sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:randomly", "-p", "no:cacheprovider",
        "-m", "not packaging", cwd=source, env=env,
    )  # fmt: skip
    assert re.search(r"\d+ passed", output)
