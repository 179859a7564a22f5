"""No import cycle between the package's modules (issue 11).

Every ``import`` of every module is read with :mod:`ast`, function-level and
class-level imports included (a lazy import inside a function is still an
edge: it only hides the cycle until that function runs). Imports under ``if
TYPE_CHECKING:`` are left out: they never run. ``from . import x`` is an edge
to module ``x`` when the package has one, else to the package itself
(``__init__``, e.g. for ``__version__``).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "mayadeen_parse"
NAME = PACKAGE.name


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join((NAME, *parts))] = path
    return found


def _type_checking_only(tree: ast.AST) -> set[int]:
    """ids of the import nodes under ``if TYPE_CHECKING:``."""
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            name = test.id if isinstance(test, ast.Name) else test.attr if isinstance(test, ast.Attribute) else ""
            if name == "TYPE_CHECKING":
                hidden.update(id(inner) for child in node.body for inner in ast.walk(child))
    return hidden


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that *module* imports, anywhere in its code."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    hidden = _type_checking_only(tree)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in hidden:
            continue
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names if alias.name.split(".")[0] == NAME)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            if source.split(".")[0] != NAME:
                continue
            for alias in node.names:
                candidate = f"{source}.{alias.name}"
                targets.add(candidate if candidate in modules else source)
    return {target for target in targets if target in modules and target != module}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {module: imports_of(module, path, modules) for module, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle() -> None:
    graph = _graph()
    cycles = _cycles(graph)
    edges = [[f"{a} -> {b}" for a in cycle for b in sorted(graph[a] & set(cycle))] for cycle in cycles]
    detail = "; ".join(f"{' <-> '.join(cycle)} ({', '.join(e)})" for cycle, e in zip(cycles, edges, strict=True))
    assert not cycles, f"import cycles: {detail}"


def test_the_reader_sees_function_level_imports() -> None:
    """The check is only as good as its reader: a lazy import in a function
    and ``from . import __version__`` are edges; TYPE_CHECKING imports are not."""
    graph = _graph()
    assert f"{NAME}._report" in graph[f"{NAME}._cli_work"]  # inside process()
    assert NAME in graph[f"{NAME}._cli_work"]  # from . import __version__, inside a function
    assert f"{NAME}._cli" in graph[f"{NAME}.__main__"]
    assert not any(target.startswith(f"{NAME}._cli") for target in graph[f"{NAME}._report"])
    fake = {"p": {"q"}, "q": {"r"}, "r": {"p"}, "s": {"p"}}
    assert _cycles(fake) == [["p", "q", "r"]]


def test_type_checking_imports_are_not_edges(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ._a import A\n"
        "def f():\n    from . import _b\n    from ._c import C\n"
    )
    modules = {f"{NAME}.m": source, f"{NAME}._a": source, f"{NAME}._b": source, f"{NAME}._c": source}
    assert imports_of(f"{NAME}.m", source, modules) == {f"{NAME}._b", f"{NAME}._c"}
