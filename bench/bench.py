"""Time the library against a plain lxml parse of the same bytes.

One process, one run, interleaved: every iteration times every variant once
on every page, in a rotating order, so that load from other processes on the
machine falls on all variants alike. Reported: the median milliseconds per
page and the ratio to the floor.

Variants (all on the raw bytes, as a crawler holds them):

``floor``    ``lxml.html.document_fromstring(data)``: parsing and nothing else.
``all``      ``parse_page(data)``: ``load_page`` + ``parse_article`` (on an
             article) + the ticker, Most Read, Related and Read Next.
``article``  ``parse_article(data)`` alone.
``load``     ``load_page(data)`` alone (decode + parse with the library's
             ``etree.HTMLParser``), for reading the others.
``trafilatura``  ``trafilatura.extract(data)``, only when it is installed:
             a generic extractor as a reference point.

Pages: every ``tests/fixtures/*/*.html`` and the heavy page from
``bench/make_heavy.py`` (the reference page padded to ~300 KB). Not a test:
nothing fails on speed.

    python bench/bench.py [--iterations 200] [--no-heavy] [PAGE.html ...]
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml
import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from make_heavy import REFERENCE, heavy_page

import mayadeen_parse as mp

ROOT = Path(__file__).resolve().parent.parent
GOAL = 1.5


def _variants() -> dict[str, Callable[[bytes], Any]]:
    variants: dict[str, Callable[[bytes], Any]] = {
        "floor": lxml.html.document_fromstring,
        "all": mp.parse_page,
        "article": mp.parse_article,
        "load": mp.load_page,
    }
    try:
        import trafilatura  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        pass
    else:
        variants["trafilatura"] = trafilatura.extract
    return variants


def _pages(paths: list[str], heavy: bool) -> dict[str, bytes]:
    pages: dict[str, bytes] = {}
    files = [Path(p) for p in paths] or sorted((ROOT / "tests" / "fixtures").glob("*/*.html"))
    for path in files:
        name = f"{path.parent.name}/{path.stem}" if path.is_relative_to(ROOT / "tests") else path.name
        pages[name] = path.read_bytes()
    if heavy:
        pages["heavy (reference padded)"] = heavy_page(REFERENCE.read_bytes())
    return pages


def _applicable(variants: dict[str, Callable[[bytes], Any]], data: bytes) -> list[str]:
    names = []
    for name, run in variants.items():
        try:
            run(data)
        except mp.NotAnArticleError:
            continue  # parse_article on a page that is no article
        names.append(name)
    return names


def measure(pages: dict[str, bytes], iterations: int) -> dict[str, dict[str, list[float]]]:
    """Milliseconds per call: ``{page: {variant: [ms, ...]}}``."""
    variants = _variants()
    plan = {name: _applicable(variants, data) for name, data in pages.items()}  # also warms up
    times: dict[str, dict[str, list[float]]] = {name: {v: [] for v in plan[name]} for name in pages}
    clock = time.perf_counter_ns
    gc.collect()
    for i in range(iterations):
        for name, data in pages.items():
            order = plan[name]
            shift = i % len(order)
            for variant in order[shift:] + order[:shift]:
                run = variants[variant]
                start = clock()
                run(data)
                times[name][variant].append((clock() - start) / 1e6)
    return times


def report(pages: dict[str, bytes], times: dict[str, dict[str, list[float]]]) -> str:
    columns = ["floor", "all", "article", "load", "trafilatura"]
    shown = [c for c in columns if any(c in t for t in times.values())]
    head = f"{'page':<34} {'KB':>6}" + "".join(
        f" {c + ' ms':>10}" + ("" if c == "floor" else f" {'×':>6}") for c in shown
    )
    lines = [head, "-" * len(head)]
    for name, data in pages.items():
        medians = {v: statistics.median(ms) for v, ms in times[name].items()}
        floor = medians["floor"]
        row = f"{name[:34]:<34} {len(data) / 1024:>6.1f}"
        for c in shown:
            if c not in medians:
                row += f" {'-':>10}" + ("" if c == "floor" else f" {'':>6}")
                continue
            row += f" {medians[c]:>10.3f}"
            if c != "floor":
                row += f" {medians[c] / floor:>6.2f}"
        lines.append(row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time parse_page against a plain lxml parse (median ms, ratio).")
    parser.add_argument("pages", nargs="*", help="HTML files (default: every tests/fixtures/*/*.html)")
    parser.add_argument("--iterations", "-n", type=int, default=200, help="timed rounds (default 200)")
    parser.add_argument("--no-heavy", action="store_true", help="leave out the padded ~300 KB page")
    args = parser.parse_args(argv)
    pages = _pages(args.pages, not args.no_heavy)
    load = os.getloadavg()
    print(
        f"mayadeen_parse {mp.__version__}, lxml {'.'.join(map(str, lxml.etree.LXML_VERSION))}, "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, load average {load[0]:.2f}"
    )
    print(f"{len(pages)} pages × {args.iterations} interleaved iterations; median ms per page, × = ratio to floor")
    start = time.monotonic()
    times = measure(pages, args.iterations)
    print(report(pages, times))
    print(f"({time.monotonic() - start:.1f} s; load average now {os.getloadavg()[0]:.2f}; goal: all ≤ {GOAL}× floor)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
