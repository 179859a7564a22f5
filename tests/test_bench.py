"""The benchmark script runs (one iteration): CI never times anything."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import mayadeen_parse as mp

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_runs_once(capsys: pytest.CaptureFixture[str]) -> None:
    bench = _load("bench")
    assert bench.main(["--iterations", "1", str(BENCH.parent / "examples" / "blinken-2023-11-06.html")]) == 0
    out = capsys.readouterr().out
    assert "blinken-2023-11-06" in out
    assert "heavy" in out
    assert "floor ms" in out


def test_heavy_page_is_the_reference_page_padded() -> None:
    """The padding is only scripts, styles, SVG and menus: same parse result."""
    heavy = _load("make_heavy")
    reference = heavy.REFERENCE.read_bytes()
    data = heavy.heavy_page(reference)
    assert 280_000 < len(data) < 320_000
    assert data == heavy.heavy_page(reference)  # deterministic
    assert mp.parse_page(data) == mp.parse_page(reference)


def test_budget_runs_once(capsys: pytest.CaptureFixture[str]) -> None:
    budget = _load("budget")
    budget.main(["--iterations", "1"])
    out = capsys.readouterr().out
    assert "unavoidable: records" in out
    assert "of the budget" in out


def test_padded_series_parses_like_the_reference() -> None:
    heavy = _load("make_heavy")
    reference = heavy.REFERENCE.read_bytes()
    assert heavy.padded_page(reference, 0) == reference
    small, large = heavy.padded_page(reference, 0.25), heavy.padded_page(reference, 2)
    assert len(reference) < len(small) < len(large)
    assert mp.parse_page(small) == mp.parse_page(large) == mp.parse_page(reference)


def test_hotspots_and_peers_run_once(capsys: pytest.CaptureFixture[str]) -> None:
    page = str(BENCH.parent / "examples" / "blinken-2023-11-06.html")
    assert _load("hotspots").main(["--rounds", "2", "--view", "stages", "suspects", "--", page]) == 0
    out = capsys.readouterr().out
    assert "whole (sum)" in out
    assert "libxml2" in out
    assert _load("peers").main(["--iterations", "1"]) == 0
    assert "mayadeen_parse" in capsys.readouterr().out


def _counted(calls: dict[str, int], label: str, fn: Any) -> Any:
    calls[label] = 0

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls[label] += 1
        return fn(*args, **kwargs)

    return wrapper


#: Patched functions the two test pages need not call: ``Page.position`` once
#: P3b / P3c stop sorting, the headline found by text only without a matching
#: heading.
_ONLY_WHEN_ASKED = frozenset({"position", "_title_by_text"})


def test_prototypes_patch_what_the_library_calls() -> None:
    """Each prototype of bench/prototypes.py still replaces functions the library
    calls (a rename in the package breaks this test, not only the script), and
    restoring puts the library back."""
    proto = _load("prototypes")
    reference = (BENCH.parent / "examples" / "blinken-2023-11-06.html").read_bytes()
    drifted = BENCH.parent / "tests" / "fixtures" / "article" / "blinken-drifted.html"  # blocks found by heading
    pages = [reference, drifted.read_bytes()]
    expected = mp.parse_page(reference)
    for name, make in proto.PATCHES.items():
        calls: dict[str, int] = {}
        patches = [(owner, attr, _counted(calls, attr, new)) for owner, attr, new in make()]
        originals = {(w, a): getattr(w, a) for owner, attr, _ in patches for w, a in proto.bindings(owner, attr)}
        proto.apply(patches)
        try:
            outputs = [mp.parse_page(page) for page in pages]
        finally:
            proto.restore(patches)
        assert outputs[0] == expected, name
        never = sorted(label for label, n in calls.items() if not n and label not in _ONLY_WHEN_ASKED)
        assert not never, f"{name}: the library never calls the patched {never}"
        assert all(getattr(w, a) is fn for (w, a), fn in originals.items()), f"{name}: not restored"


def test_same_output_records_and_tells_a_difference() -> None:
    """bench/same_output.py: one record per page and base URL, and a changed
    value is reported with its path (the check the speed work relies on)."""
    same = _load("same_output")
    data = (BENCH.parent / "examples" / "blinken-2023-11-06.html").read_bytes()
    first = same.record(data, None)
    assert set(first) == {"page", "listing", "breaking", "most_read", "related", "read_next", "report"}
    assert first["page"]["article"]["title"]
    assert same.record(data, None) == first
    changed = {**first, "breaking": [*first["breaking"][:-1], {"text": "other"}]}
    lines = same._diff(first, changed)
    assert lines
    assert all(line.startswith(f".breaking[{len(first['breaking']) - 1}].") for line in lines)
    assert "error" in same.record(b"\x89PNG\r\n\x1a\n", None)["load"]
    variants = same._variants(data, "ref", (5,))
    assert set(variants) == {"ref~drop5", "ref~declass5"}
    assert all(v != data for v in variants.values())
