"""Sphinx configuration: MyST Markdown pages, autodoc over ``mayadeen_parse.__all__``.

Build (warnings are errors; ``tests/test_docs.py`` runs the same build)::

    .venv/bin/sphinx-build -W --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

import sys
from importlib.metadata import version as _version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# docs/_ext holds the field-table and cli-help directives; the repository root gives it tools/.
sys.path[:0] = [str(ROOT / "docs" / "_ext"), str(ROOT)]

project = "mayadeen_parse"
author = "mayadeen_parse contributors"
copyright = "mayadeen_parse contributors"
release = _version("mayadeen-parse")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "mayadeen_docs",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "recipes/*.py", "README.md"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# The API reference documents exactly the public surface: mayadeen_parse.__all__.
autodoc_default_options = {"members": True, "member-order": "bysource"}
autodoc_typehints = "description"
# Types only for documented parameters: no second list of an attrs class's fields.
autodoc_typehints_description_target = "documented"
autodoc_typehints_format = "short"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# "Attributes:" sections as :ivar: fields: no second description of the same attribute.
napoleon_use_ivar = True


html_theme = "furo"
html_title = f"mayadeen_parse {release}"
html_static_path = ["_static"]
html_css_files = ["field-tables.css"]
