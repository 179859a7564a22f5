"""Time the library against a plain lxml parse of the same bytes (issue 16).

What is timed (all on the raw bytes, as a crawler holds them):

``floor``    ``lxml.html.fromstring(data)``: parsing and nothing else (the
             issue's ratios are against this call; for a whole page it is
             ``document_fromstring`` plus a regex test of the first bytes).
             The returned tree is dropped inside the timed call, as the
             library's is, so freeing the tree is on both sides.
``full``     the whole work on a page: ``load_page`` + ``parse_page`` (the
             article and every furniture list) + ``parse_listing`` when the
             library has it (``getattr``: issue 12 adds it).
``page``     ``load_page`` + ``parse_page`` alone: what the issue calls the
             full work (``parse_page`` holds the listing on listing pages;
             on an article page its cards are the furniture's, and ``full``
             adds the ``parse_listing`` that ``parse_page`` leaves out).
``article``  ``parse_article(data)`` alone (article pages only).
``load``     ``load_page(data)`` alone (the library's decode check and its
             own ``etree.HTMLParser``): the library's floor.

How:

- the CPU clock of this thread (``time.thread_time_ns``), not the wall
  clock: time spent descheduled by the other processes on a loaded machine is
  not counted (their cache and memory-bandwidth pressure still is);
- rounds interleaved and rotated: every round times every variant once on
  every page, the variants in an order that rotates from round to round, so a
  slow stretch of the machine falls on all of them alike;
- medians, with p10 and p90; the ratio is the median of the per-round ratios
  (the library and the floor timed next to each other in the same round);
- ``gc.freeze()`` after the warm-up, so the cyclic collector does not rescan
  the benchmark's own objects; it stays enabled (its cost on the library's
  garbage is part of the library's cost).

Pages: the reference article (22 KB), the realistic page (the reference
padded to ~300 KB by ``bench/make_heavy.py``, same parse result, checked
here), the real 1.2 MB Arabic homepage (``tests/fixtures/real/`` or
``../shared/site/real/``), and a size series (the realistic page with its
padding scaled x0 ... x8) with a least-squares fit of
``ms = fixed + us/element`` for the floor and for the library.

Printed with every result: lxml and libxml2 versions (run-time and compiled),
Python, the library's version and git commit, CPU model, cores, load average.

    python bench/bench.py                 # thorough (a few minutes)
    python bench/bench.py --quick         # about 30 s
    python bench/bench.py --markdown docs-table.md
    python bench/bench.py -n 1 PAGE.html  # one round on given pages (tests)

Not a test: nothing fails on speed.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml
import lxml.etree
import lxml.html

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

from make_heavy import REFERENCE, heavy_page, padded_page  # noqa: E402

import mayadeen_parse as mp  # noqa: E402

HOMEPAGE_NAME = "ar-homepage-2023-11-02.html"
HOMEPAGE_PLACES = (ROOT / "tests" / "fixtures" / "real", ROOT.parent / "shared" / "site" / "real")
#: Padding scales of the size series (x1 is the realistic page).
SERIES = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0)
QUICK_SERIES = (0.0, 0.5, 2.0, 8.0)
#: Goals of issue 16 (full / floor).
GOALS = {"reference": 3.0, "realistic": 1.4, "homepage": 1.5}

Variant = Callable[[bytes], Any]


# --- what is timed ----------------------------------------------------------


def floor(data: bytes) -> Any:
    return lxml.html.fromstring(data)


def full(data: bytes) -> Any:
    page = mp.load_page(data)
    content = mp.parse_page(page)
    listing = getattr(mp, "parse_listing", None)
    if listing is not None:
        return content, listing(page)
    return content


def page(data: bytes) -> Any:
    return mp.parse_page(mp.load_page(data))


def article(data: bytes) -> Any:
    return mp.parse_article(data)


def load(data: bytes) -> Any:
    return mp.load_page(data)


VARIANTS: dict[str, Variant] = {"floor": floor, "full": full, "page": page, "article": article, "load": load}


# --- the machine and the versions --------------------------------------------


def _version(parts: tuple[int, ...]) -> str:
    return ".".join(map(str, parts))


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "log", "-1", "--format=%h %cd", "--date=short"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no", "--", "mayadeen_parse"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out + (" (library modified)" if dirty else "")


def environment() -> str:
    """One line per fact: what a reader needs to trust (or redo) the numbers."""
    etree = lxml.etree
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return "\n".join(
        [
            f"date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
            f"mayadeen_parse {mp.__version__} at {_git_commit()}",
            f"lxml {_version(etree.LXML_VERSION)}, libxml2 {_version(etree.LIBXML_VERSION)} "
            f"(compiled against {_version(etree.LIBXML_COMPILED_VERSION)}), "
            f"Python {platform.python_version()} ({platform.python_implementation()})",
            f"machine: {_cpu_model()}, {nproc} cores (nproc), load average "
            + " ".join(f"{x:.2f}" for x in os.getloadavg()),
        ]
    )


# --- pages -------------------------------------------------------------------


def homepage() -> Path | None:
    for place in HOMEPAGE_PLACES:
        if (place / HOMEPAGE_NAME).is_file():
            return place / HOMEPAGE_NAME
    return None


def elements(data: bytes) -> int:
    """Elements of the page as ``lxml.html.fromstring`` builds it (no comments)."""
    return sum(1 for _ in lxml.html.fromstring(data).iter(lxml.etree.Element))


def check_padded(reference: bytes, padded: bytes) -> None:
    """The padding must not change what the library reads (no body text added)."""
    if mp.parse_page(padded) != mp.parse_page(reference):
        raise AssertionError("the padded page does not parse like the reference page")


def main_pages(paths: list[str]) -> dict[str, bytes]:
    """The pages of the table: given *paths*, else reference, realistic, homepage."""
    pages: dict[str, bytes] = {}
    reference = REFERENCE.read_bytes()
    if paths:
        for p in paths:
            pages[Path(p).stem] = Path(p).read_bytes()
    else:
        pages["reference (blinken-2023-11-06)"] = reference
    realistic = heavy_page(reference)
    check_padded(reference, realistic)
    pages["realistic (heavy: reference padded)"] = realistic
    if not paths:
        found = homepage()
        if found is not None:
            pages[f"real homepage ({found.stem})"] = found.read_bytes()
        else:
            print(f"(the real homepage {HOMEPAGE_NAME} is in none of {[str(p) for p in HOMEPAGE_PLACES]})")
    return pages


def series_pages(scales: tuple[float, ...]) -> dict[str, bytes]:
    reference = REFERENCE.read_bytes()
    pages = {}
    for scale in scales:
        data = padded_page(reference, scale)
        check_padded(reference, data)
        pages[f"padding x{scale:g}"] = data
    return pages


# --- timing ------------------------------------------------------------------


def applicable(variants: dict[str, Variant], data: bytes) -> list[str]:
    """The variants that run on *data* (``article`` only on an article); warms up."""
    names = []
    for name, run in variants.items():
        try:
            run(data)
        except mp.NotAnArticleError:
            continue
        except Exception as exc:  # a peer that cannot read the page: left out, said so
            print(f"  ({name} fails on this page: {type(exc).__name__}: {str(exc)[:80]})")
            continue
        names.append(name)
    return names


Times = dict[str, dict[str, list[float]]]


def measure(
    pages: dict[str, bytes],
    variants: dict[str, Variant],
    rounds: int,
    seconds: float | None = None,
    plan: dict[str, list[str]] | None = None,
) -> Times:
    """CPU milliseconds per call: ``{page: {variant: [ms per round, ...]}}``.

    At most *rounds* rounds; with *seconds*, also stop once that much wall
    time has passed (after at least 3 rounds).
    """
    if plan is None:
        plan = {name: applicable(variants, data) for name, data in pages.items()}
    times: Times = {name: {v: [] for v in plan[name]} for name in pages}
    clock = time.thread_time_ns
    gc.collect()
    gc.freeze()
    start = time.monotonic()
    try:
        for i in range(rounds):
            for name, data in pages.items():
                order = plan[name]
                if not order:
                    continue
                shift = i % len(order)
                for variant in order[shift:] + order[:shift]:
                    run = variants[variant]
                    begin = clock()
                    run(data)
                    times[name][variant].append((clock() - begin) / 1e6)
            if seconds is not None and i >= 2 and time.monotonic() - start > seconds:
                break
    finally:
        gc.unfreeze()
    return times


def quantiles(values: list[float]) -> tuple[float, float, float]:
    """(p10, median, p90)."""
    if len(values) < 2:
        return values[0], values[0], values[0]
    deciles = statistics.quantiles(values, n=10, method="inclusive")
    return deciles[0], statistics.median(values), deciles[-1]


def ratios(times: dict[str, list[float]], variant: str, base: str = "floor") -> list[float]:
    """Per-round ratios of *variant* to *base* (timed in the same round)."""
    return [a / b for a, b in zip(times[variant], times[base], strict=True) if b > 0]


# --- output ------------------------------------------------------------------


def console_table(pages: dict[str, bytes], counts: dict[str, int], times: Times, columns: list[str]) -> str:
    """Median ms (p10-p90) per variant, and the median per-round ratio to the floor."""
    head = f"{'page':<36} {'KB':>7} {'elems':>6}"
    for c in columns:
        head += f" {c + ' ms (p10-p90)':>24}" + ("" if c == "floor" else f" {'x':>5}")
    lines = [head, "-" * len(head)]
    for name, data in pages.items():
        row = f"{name[:36]:<36} {len(data) / 1024:>7.1f} {counts[name]:>6}"
        for c in columns:
            if c not in times[name] or not times[name][c]:
                row += f" {'-':>24}" + ("" if c == "floor" else f" {'':>5}")
                continue
            p10, med, p90 = quantiles(times[name][c])
            row += f" {f'{med:.2f} ({p10:.2f}-{p90:.2f})':>24}"
            if c != "floor":
                row += f" {statistics.median(ratios(times[name], c)):>5.2f}"
        lines.append(row)
    return "\n".join(lines)


def markdown_table(
    pages: dict[str, bytes], counts: dict[str, int], times: Times, library: str = "full", label: str = "library"
) -> str:
    """The table ``docs/scale.md`` includes: page, bytes, elements, floor, library, ratio."""
    lines = [
        f"| page | bytes | elements | floor ms | {label} ms | ratio (p10–p90) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, data in pages.items():
        t = times[name]
        if library not in t or not t[library]:
            continue
        r10, r50, r90 = quantiles(ratios(t, library))
        lines.append(
            f"| {name} | {len(data):,} | {counts[name]:,} | {statistics.median(t['floor']):.2f} | "
            f"{statistics.median(t[library]):.2f} | {r50:.2f}× ({r10:.2f}–{r90:.2f}) |"
        )
    return "\n".join(lines)


def fit(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Least squares ``y = a + b x``: (a, b, r²)."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    b = sxy / sxx if sxx else 0.0
    a = my - b * mx
    ss_res = sum((y - a - b * x) ** 2 for x, y in zip(xs, ys, strict=True))
    ss_tot = sum((y - my) ** 2 for y in ys)
    return a, b, (1 - ss_res / ss_tot) if ss_tot else 1.0


def fit_report(pages: dict[str, bytes], counts: dict[str, int], times: Times) -> str:
    xs = [float(counts[name]) for name in pages]
    lines = [
        "| what | fixed ms per page | µs per element | r² |",
        "| --- | ---: | ---: | ---: |",
    ]
    medians = {v: [statistics.median(times[name][v]) for name in pages] for v in ("floor", "full")}
    medians["after the parse (full − floor)"] = [f - p for f, p in zip(medians["full"], medians["floor"], strict=True)]
    if "load" in times[next(iter(pages))]:
        medians["load_page"] = [statistics.median(times[name]["load"]) for name in pages]
    labels = {"floor": "floor (`lxml.html.fromstring`)", "full": "library (full)"}
    for what, ys in medians.items():
        a, b, r2 = fit(xs, ys)
        lines.append(f"| {labels.get(what, what)} | {a:.2f} | {b * 1000:.3f} | {r2:.4f} |")
    return "\n".join(lines)


# --- the command --------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time parse_page against lxml.html.fromstring (CPU ms, ratio).")
    parser.add_argument("pages", nargs="*", help="HTML files (default: reference, realistic, real homepage)")
    parser.add_argument("--quick", action="store_true", help="about 30 s: fewer rounds, a shorter size series")
    parser.add_argument("--iterations", "-n", type=int, help="exactly this many rounds (default: by time)")
    parser.add_argument("--seconds", type=float, help="wall-time budget of each timed run (default 120, quick 12)")
    parser.add_argument("--no-series", action="store_true", help="leave out the size series and the fit")
    parser.add_argument("--markdown", metavar="FILE", help="also write the Markdown tables and versions to FILE")
    args = parser.parse_args(argv)
    if args.iterations is not None:
        rounds, seconds = args.iterations, None
    else:
        rounds, seconds = 10_000, args.seconds or (12.0 if args.quick else 120.0)
    scales = QUICK_SERIES if args.quick else SERIES
    env = environment()
    print(env)
    started = time.monotonic()

    pages = main_pages(args.pages)
    counts = {name: elements(data) for name, data in pages.items()}
    times = measure(pages, VARIANTS, rounds, seconds)
    n = min(len(v) for t in times.values() for v in t.values() if v)
    print(
        f"\nPages: {len(pages)}; {n} interleaved rounds; CPU ms per call, median (p10-p90); x = median per-round ratio"
    )
    print(console_table(pages, counts, times, ["floor", "load", "article", "page", "full"]))
    table = markdown_table(pages, counts, times)
    page_table = markdown_table(pages, counts, times, library="page", label="load + parse_page")
    print("\n" + table + "\n\n" + page_table)
    out = [env, "", table, "", page_table]

    if not args.no_series and not args.pages:
        series = series_pages(scales)
        scounts = {name: elements(data) for name, data in series.items()}
        sseconds = None if seconds is None else seconds
        stimes = measure(series, {k: VARIANTS[k] for k in ("floor", "load", "full")}, rounds, sseconds)
        n = min(len(v) for t in stimes.values() for v in t.values() if v)
        print(f"\nSize series (the realistic page's padding scaled), {n} rounds")
        print(console_table(series, scounts, stimes, ["floor", "load", "full"]))
        stable = markdown_table(series, scounts, stimes)
        fitted = fit_report(series, scounts, stimes)
        print("\n" + stable + "\n\nLeast-squares fit over the series, ms = fixed + µs/element × elements:\n" + fitted)
        out += ["", stable, "", fitted]
    goals = ", ".join(f"{k} ≤ {v}×" for k, v in GOALS.items())
    print(
        f"\n({time.monotonic() - started:.0f} s; load average now {os.getloadavg()[0]:.2f}; goals of issue 16: {goals})"
    )
    if args.markdown:
        Path(args.markdown).write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
