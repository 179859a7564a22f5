"""Import the recipes under ``docs/recipes/`` (not a package: the docs include them as files)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

RECIPES = Path(__file__).resolve().parent.parent / "docs" / "recipes"


def recipe(name: str) -> ModuleType:
    """Import ``docs/recipes/<name>.py`` once, as module ``docs_recipes_<name>``."""
    module_name = f"docs_recipes_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, RECIPES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module
