"""The extras stay light where they must: the core suite's ``test`` extra
installs few distributions (it installed 132, 538 MB, before it was split).

Counted from the metadata of what is installed here (the transitive closure of
``mayadeen-parse[test]``'s requirements, markers evaluated for this
interpreter), so it runs in no time and never touches an index.
"""

from __future__ import annotations

import re
from importlib import metadata

import pytest

requirements = pytest.importorskip("packaging.requirements", reason="needs packaging (a pytest dependency)")


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(project: str, extras: frozenset[str] = frozenset()) -> set[str]:
    """The distributions ``pip install project[extras]`` brings, *project* included."""
    seen: set[tuple[str, frozenset[str]]] = set()
    found: set[str] = set()
    pending = [(project, extras)]
    while pending:
        name, wanted = pending.pop()
        if (name, wanted) in seen:
            continue
        seen.add((name, wanted))
        found.add(_name(name))
        for line in metadata.requires(name) or []:
            requirement = requirements.Requirement(line)
            marker = requirement.marker
            if marker is None or any(marker.evaluate({"extra": extra}) for extra in wanted or {""}):
                pending.append((requirement.name, frozenset(requirement.extras)))
    return found


def test_test_extra_installs_at_most_40_distributions() -> None:
    core = closure("mayadeen-parse", frozenset({"test"}))
    assert {"pytest", "hypothesis", "jsonschema", "lxml", "cssselect", "attrs"} <= core
    assert not core & {"sphinx", "pandas", "scrapy", "dask", "mypy", "build"}
    assert len(core) <= 40, sorted(core)


def test_runtime_is_three_dependencies() -> None:
    assert closure("mayadeen-parse") == {"mayadeen-parse", "lxml", "cssselect", "attrs"}
