"""The JSON Schemas of the library's JSON output, shipped in the package.

The files in ``mayadeen_parse/schemas/`` are generated from the model by
``python -m tools.make_schema`` (in the source tree) and checked against it by
the test suite.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["SCHEMA_NAMES", "schema"]

#: The names :func:`schema` knows, each the stem of a file in ``schemas/``.
SCHEMA_NAMES = ("article", "page-content", "breaking-item", "teaser", "report", "jsonl-line")


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of output, as a new dict.

    *name* is one of ``"article"`` (``to_dict(article)``, the command line's
    default output), ``"page-content"`` (``--all``), ``"breaking-item"`` and
    ``"teaser"`` (one item of the list modes), ``"report"`` (a trust report,
    ``--report``), ``"jsonl-line"`` (one line of ``--jsonl``: the record or an
    error, plus the envelope keys).

    >>> schema("article")["title"]
    'mayadeen_parse Article'

    Raises:
        ValueError: *name* is not one of those.
    """
    if name not in SCHEMA_NAMES:
        raise ValueError(f"no schema named {name!r}; expected one of {', '.join(SCHEMA_NAMES)}")
    # Imported here: importlib.resources costs ~5 ms, and few programs ask.
    from importlib import resources

    text = resources.files(__package__).joinpath("schemas").joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
