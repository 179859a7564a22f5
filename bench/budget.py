"""What a pure-Python extractor must spend on a page, whatever its design.

The goal of issue 6 is everything (article + ticker, Most Read, Related, Read
Next) in at most 1.5x the lxml parse of the same bytes: 0.5x the parse for
all the work after it. This script measures, on one page, the pieces no
design can skip, and prints them against that budget:

``walk``     one Python pass over the tree reading each element's text and
             tail (any extractor that anchors on visible text must look at
             the text somewhere);
``json``     decoding the page's JSON blocks (tawsiyat, JSON-LD);
``records``  building the result's frozen attrs records from ready values;
``text``     normalising every string of the result once.

    python bench/budget.py [PAGE.html] [--iterations 300]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import lxml.html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import mayadeen_parse as mp  # noqa: E402
from mayadeen_parse._text import normalize_text  # noqa: E402

REFERENCE = ROOT / "tests" / "fixtures" / "article" / "blinken-2023-11-06.html"


def _records(obj: Any) -> Iterator[tuple[type, dict[str, Any]]]:
    """Every record in *obj*, innermost first, with its field values."""
    if attrs.has(type(obj)):
        values = {}
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name)
            yield from _records(value)
            values[field.name] = value
        yield type(obj), values
    elif isinstance(obj, tuple):
        for item in obj:
            yield from _records(item)


def _strings(obj: Any) -> Iterator[str]:
    if attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            yield from _strings(getattr(obj, field.name))
    elif isinstance(obj, tuple):
        for item in obj:
            yield from _strings(item)
    elif isinstance(obj, str):
        yield obj


def _median_ms(fn: Callable[[], Any], iterations: int) -> float:
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", nargs="?", type=Path, default=REFERENCE)
    parser.add_argument("--iterations", type=int, default=300)
    args = parser.parse_args(argv)
    data = args.page.read_bytes()
    page = mp.load_page(data)
    content = mp.parse_page(page)
    root = page.root
    blocks = [el.text or "" for el in root.iter("script") if (el.get("type") or "").endswith(("json", "tawsiyat"))]
    records = list(_records(content))
    strings = list(_strings(content))

    def walk() -> None:
        for el in root.iter():
            el.text
            el.tail

    def decode() -> None:
        for block in blocks:
            json.loads(block, strict=False)

    def build() -> None:
        for cls, values in records:
            cls(**values)

    def normalise() -> None:
        for text in strings:
            normalize_text(text)

    gc.disable()
    floor_times, our_times = [], []
    for _ in range(args.iterations):  # interleaved, as bench.py does
        start = time.perf_counter()
        lxml.html.document_fromstring(data)
        middle = time.perf_counter()
        mp.parse_page(data)
        floor_times.append(middle - start)
        our_times.append(time.perf_counter() - middle)
    floor = statistics.median(floor_times) * 1000
    ours = statistics.median(our_times) * 1000
    parts = {
        "walk": _median_ms(walk, args.iterations),
        "json": _median_ms(decode, args.iterations),
        "records": _median_ms(build, args.iterations),
        "text": _median_ms(normalise, args.iterations),
    }
    gc.enable()
    budget = floor * 0.5
    print(
        f"{args.page.name}: {len(data) / 1024:.1f} KB, {sum(1 for _ in root.iter())} elements, "
        f"{len(records)} records, {len(strings)} strings"
    )
    print(f"lxml parse (floor)          {floor:7.3f} ms")
    print(f"parse_page (all)            {ours:7.3f} ms   {ours / floor:5.2f}x floor")
    print(f"budget after the parse      {budget:7.3f} ms   (goal: all <= 1.5x floor)")
    for name, ms in parts.items():
        print(f"  unavoidable: {name:<10}   {ms:7.3f} ms   {ms / budget:6.0%} of the budget")
    total = sum(parts.values())
    print(f"  sum                       {total:7.3f} ms   {total / budget:6.0%} of the budget")


if __name__ == "__main__":
    main()
