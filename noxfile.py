"""The core suite on every Python that ``requires-python`` promises and this
machine has (``nox`` from the ``dev`` extra; ``.ci/run`` runs it).

    .venv/bin/nox                 # the core suite on each interpreter found
    .venv/bin/nox -s tests-3.12   # one of them
    .venv/bin/nox -l              # which ones this machine has

Each session installs ``.[test]`` only (pytest, hypothesis, jsonschema and the
runtime dependencies) and runs the suite: the tests that need another extra
(docs, recipes, scale, lint, release) skip, naming it. The full suite, with
every extra and nothing skipped, is the README's test command.

Interpreters are found on ``PATH`` and in pyenv's versions folder (pyenv's
shims only answer for the active versions); a version the machine lacks is
left out of the session list rather than failed, and none is downloaded.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nox

#: The versions of the ``Programming Language :: Python :: 3.x`` classifiers
#: (pyproject.toml); tests/test_packaging.py checks that the two agree.
SUPPORTED = ("3.10", "3.11", "3.12", "3.13")

nox.options.download_python = "never"
nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False


def _runs(python: str, version: str) -> bool:
    try:
        result = subprocess.run(
            [python, "-c", "import sys; print(f'{sys.version_info.major}.{sys.version_info.minor}')"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except OSError:
        return False
    return result.returncode == 0 and result.stdout.strip() == version


def _find(version: str) -> str | None:
    """An interpreter of *version* on this machine, or ``None``."""
    pyenv = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    candidates = [shutil.which(f"python{version}")]
    candidates += sorted(glob.glob(os.path.join(pyenv, "versions", f"{version}.*", "bin", f"python{version}")))
    return next((c for c in candidates if c and _runs(c, version)), None)


FOUND = {version: path for version in SUPPORTED if (path := _find(version))}
# nox looks interpreters up by name on PATH, where pyenv's shims answer only
# for the active versions: put each found interpreter's folder in front.
os.environ["PATH"] = os.pathsep.join([*dict.fromkeys(str(Path(p).parent) for p in FOUND.values()), os.environ["PATH"]])


@nox.session(python=list(FOUND) or None)
def tests(session: nox.Session) -> None:
    """The core suite (``pip install -e '.[test]'``, then pytest)."""
    session.install("-q", "-e", ".[test]")
    session.run("python", "-m", "pytest", "-q", "-p", "no:randomly", *session.posargs, env={"CI": "true"})


if __name__ == "__main__":
    # For .ci/run: the sessions of the Pythons other than the one running
    # this (that one has just run the whole suite).
    current = f"{sys.version_info.major}.{sys.version_info.minor}"
    print(" ".join(f"tests-{version}" for version in FOUND if version != current))
