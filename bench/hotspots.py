"""Where ``parse_page`` spends its time, per page (the numbers of bench/PROFILE.md).

Four views, all on the CPU clock of this thread, medians over rounds:

``stages``   ``parse_page`` cut into its stages, run one after the other on a
             fresh page each round (each stage fills the caches the next one
             reads, so the stages add up to the whole): the UTF-8 check, the
             lxml parse, the 21-tag index, the class index, the metadata scan,
             the furniture, the article, the result, and freeing it all.
``suspects`` the costs issue 16 names, each timed alone on a parsed page (the
             caches they fill are emptied before each call) or counted by
             wrapping the function (inclusive time, calls; the wrapper's own
             cost is measured and taken off).
``cprofile`` ``cProfile`` of ``parse_page``, top functions by own time
             (its overhead inflates small Python calls: read the order, take
             the milliseconds from the other views).
``lines``    ``line_profiler`` on the hottest functions (when installed).
``pyinstrument``  a pyinstrument call tree (wall clock; when installed).

    python bench/hotspots.py [--rounds 200] [--view stages suspects cprofile lines pyinstrument] [PAGE ...]

Pages by default: the reference, the realistic page and the real homepage
(see bench.py). The library is imported from this checkout, or from
``$MAYADEEN_PARSE_PATH`` (to profile a prototype copy).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import os
import pstats
import statistics
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
if os.environ.get("MAYADEEN_PARSE_PATH"):
    sys.path.insert(0, os.environ["MAYADEEN_PARSE_PATH"])
sys.path.insert(1, str(BENCH))

import lxml.etree  # noqa: E402
import lxml.html  # noqa: E402

import bench  # noqa: E402
import mayadeen_parse as mp  # noqa: E402
from mayadeen_parse import (  # noqa: E402
    _article,
    _body,
    _cards,
    _embeds,
    _furniture,
    _header,
    _locate,
    _markup,
    _metadata,
    _page,
    _parse,
    _site,
    _text,
    _ticker,
)

clock = time.thread_time_ns
#: The modules ``_dom.py`` was split into (issue 11). A function of ``_text``
#: is counted as called from these, as it was counted from ``_dom`` before.
DOM = (_markup, _locate, _cards, _furniture, _header, _embeds, _body, _article)


def _median_ms(samples: list[int]) -> float:
    return statistics.median(samples) / 1e6


# --- stages ------------------------------------------------------------------


def stages(data: bytes, rounds: int) -> dict[str, float]:
    """Median CPU ms of each stage of ``parse_page`` (they add up to the whole)."""
    names = [
        "utf-8 check (data.decode)",
        "lxml parse (library parser)",
        "Page() + tag index (21 tags + order dict)",
        "class index",
        "metadata scan (tawsiyat, JSON-LD, meta)",
        "furniture (blocks)",
        "article (fields, layout, body)",
        "parse_page rest (PageContent)",
        "parse_listing" if hasattr(mp, "parse_listing") else "",
        "free the page and results",
    ]
    names = [n for n in names if n]
    samples: dict[str, list[int]] = {n: [] for n in names}
    samples["whole (sum)"] = []
    parser = _page._parser()
    gc.collect()
    gc.freeze()
    for _ in range(rounds):
        t = [clock()]
        fixed, codec, source, _warnings = _page._decode(data, None)
        t.append(clock())
        root = lxml.etree.fromstring(fixed, parser)
        t.append(clock())
        page = _page.Page(root, url=None, encoding=codec, encoding_source=source, empty=False, warnings=())
        page.elements("body")
        t.append(clock())
        _locate.class_index(page)
        t.append(clock())
        ctx = _parse.Context(page)
        t.append(clock())
        _furniture.furniture(page)
        t.append(clock())
        with contextlib.suppress(mp.NotAnArticleError):
            _parse.parse_article(page)
        t.append(clock())
        content = mp.parse_page(page)
        t.append(clock())
        if "parse_listing" in samples:
            mp.parse_listing(page)  # type: ignore[attr-defined]
            t.append(clock())
        del root, page, ctx, content
        t.append(clock())
        for name, a, b in zip(names, t, t[1:], strict=False):
            samples[name].append(b - a)
        samples["whole (sum)"].append(t[-1] - t[0])
    gc.unfreeze()
    return {n: _median_ms(s) for n, s in samples.items()}


# --- suspects ------------------------------------------------------------------


def _timed(fn: Callable[[], Any], rounds: int, setup: Callable[[], Any] | None = None) -> float:
    samples = []
    for _ in range(rounds):
        if setup is not None:
            setup()
        start = clock()
        fn()
        samples.append(clock() - start)
    return _median_ms(samples)


def _package_modules() -> list[Any]:
    return [m for n, m in list(sys.modules.items()) if n == "mayadeen_parse" or n.startswith("mayadeen_parse.")]


def bindings(owner: Any, name: str, scope: tuple[Any, ...] | None = None) -> list[tuple[Any, str]]:
    """Every place a call to ``owner.name`` looks the function up.

    Since the ``_dom`` split a function is called through the names other
    modules imported it under (``from ._markup import text_of``, ``read_tags as
    _read_tags``), so replacing ``owner.name`` alone would miss those calls. A
    class attribute is only the class's. With *scope*, only the bindings in
    those modules (not *owner*'s own, unless it is one of them).
    """
    if not isinstance(owner, types.ModuleType):
        return [(owner, name)]
    original = getattr(owner, name)
    found = [] if scope is not None and owner not in scope else [(owner, name)]
    for module in _package_modules() if scope is None else scope:
        for attr, value in vars(module).items():
            if value is original and (module, attr) != (owner, name):
                found.append((module, attr))
    return found


#: What :class:`Wrapped` and :data:`WRAPPED` take: (module or class, name), or
#: (module, name, the modules whose calls are counted).
Target = tuple[Any, str] | tuple[Any, str, tuple[Any, ...]]


def _label(target: Target) -> str:
    owner, name = target[0], target[1]
    label = f"{getattr(owner, '__name__', owner)}.{name}"
    return label + " (from the _dom modules)" if len(target) > 2 else label


class Wrapped:
    """Inclusive CPU time and calls of module functions, per ``parse_page``."""

    def __init__(self, targets: list[Target]) -> None:
        self.targets = targets
        self.ns: dict[str, int] = {}
        self.calls: dict[str, int] = {}
        self.saved: list[tuple[Any, str, Any]] = []
        self.depth: dict[str, int] = {}

    def __enter__(self) -> Wrapped:
        for target in self.targets:
            owner, name = target[0], target[1]
            scope = target[2] if len(target) > 2 else None  # type: ignore[misc]
            original = getattr(owner, name)
            label = _label(target)
            self.ns[label] = 0
            self.calls[label] = 0
            self.depth[label] = 0
            wrapper = self._wrap(label, original)
            for where, attr in bindings(owner, name, scope):
                self.saved.append((where, attr, getattr(where, attr)))
                setattr(where, attr, wrapper)
        return self

    def _wrap(self, label: str, original: Callable[..., Any]) -> Callable[..., Any]:
        ns, calls, depth = self.ns, self.calls, self.depth

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[label] += 1
            if depth[label]:  # recursive: count the outermost call only
                return original(*args, **kwargs)
            depth[label] += 1
            start = clock()
            try:
                return original(*args, **kwargs)
            finally:
                ns[label] += clock() - start
                depth[label] -= 1

        return wrapper

    def __exit__(self, *exc: object) -> None:
        for owner, name, original in reversed(self.saved):
            setattr(owner, name, original)


#: Functions whose inclusive time and calls are reported (module, name), in
#: the order of the old ``_dom`` names they replace (issue 11 split ``_dom``):
#: ``_teasers`` → ``_cards.teasers``, ``_ticker`` → ``_ticker.ticker``,
#: ``_headings_in`` / ``_heading_nodes`` → ``_locate``, ``_inside`` / ``_raw`` /
#: ``_gather`` / ``_is_ad`` / ``_is_hidden`` / ``text_of`` → ``_markup``,
#: ``_embed_in`` → ``_embeds``, ``_has_blocks`` / ``_read_body`` /
#: ``_body_by_structure`` → ``_body``, ``_contentful`` / ``_climb`` /
#: ``_holding_article`` → ``_furniture``, ``_best_title`` / ``_read_header`` /
#: ``_read_tags`` → ``_header``. Every suspect still exists as a function (see
#: :data:`GONE`). ``_markup.inside`` is no longer called by ``Hint`` (its
#: context filter walks the ancestors inline), so it counts fewer calls.
WRAPPED: list[Target] = [
    (_cards, "teasers"),
    (_cards, "_teaser"),
    (_ticker, "ticker"),
    (_locate, "headings_in"),
    (_locate, "heading_nodes"),
    (_markup, "inside"),
    (_markup, "raw"),
    (_markup, "gather"),
    (_embeds, "embed_in"),
    (_markup, "is_ad"),
    (_markup, "is_hidden"),
    (_body, "has_blocks"),
    (_furniture, "_contentful"),
    (_furniture, "_climb"),
    (_header, "best_title"),
    (_header, "read_header"),
    (_header, "read_tags"),
    (_body, "read_body"),
    (_body, "body_by_structure"),
    (_furniture, "_holding_article"),
    (_markup, "text_of"),
    (_text, "normalize_text", DOM),
    (_text, "normalize_lines", DOM),
    (_text, "absolutize", DOM),
    (_text, "looks_like_story_path", DOM),
    (_metadata, "_scan"),
    (_parse, "resolve"),
    (_parse, "classify"),
]
#: Suspects of issue 16 that are no longer a function: (old name, what became of it).
GONE: list[tuple[str, str]] = []


def wrapped_costs(data: bytes, rounds: int) -> tuple[dict[str, tuple[float, float]], float]:
    """``{function: (ms per page, calls per page)}``, wrapper cost taken off; and that cost (µs/call)."""

    def noop() -> None:
        return None

    probe = Wrapped([])
    wrapped_noop = probe._wrap("noop", noop)
    probe.ns["noop"] = probe.calls["noop"] = probe.depth["noop"] = 0
    start = clock()
    for _ in range(100_000):
        wrapped_noop()
    per_call = (clock() - start) / 100_000  # ns: the wrapper around a call to nothing
    start = clock()
    for _ in range(100_000):
        noop()
    per_call -= (clock() - start) / 100_000
    inner = probe.ns["noop"] / 100_000  # what the wrapper's own clock sees of itself
    results: dict[str, list[tuple[int, int]]] = {}
    for target in WRAPPED:  # one at a time: no wrapper inside another's time
        for _ in range(rounds):
            page = mp.load_page(data)
            with Wrapped([target]) as w:
                mp.parse_page(page)
            for label in w.ns:
                results.setdefault(label, []).append((w.ns[label], w.calls[label]))
            del page
    out = {}
    for label, values in results.items():
        ms = statistics.median(ns - calls * inner for ns, calls in values) / 1e6
        calls = statistics.median(c for _, c in values)
        if calls:
            out[label] = (max(ms, 0.0), calls)
    return out, per_call / 1000


def suspects(data: bytes, rounds: int) -> dict[str, float]:
    """The named costs of issue 16, each alone (ms)."""
    out: dict[str, float] = {}
    out["full UTF-8 decode (data.decode('utf-8'))"] = _timed(lambda: data.decode("utf-8"), rounds)
    out["lxml.html.fromstring (the floor)"] = _timed(lambda: lxml.html.fromstring(data), rounds)
    page = mp.load_page(data)
    root = page.root
    out["library parse only (etree.fromstring, own parser)"] = _timed(
        lambda: lxml.etree.fromstring(data, _page._parser()), rounds
    )

    def clear(*slots: _page.Slot[Any]) -> Callable[[], None]:
        def run() -> None:
            for slot in slots:
                page._memo._values.pop(slot, None)

        return run

    def clear_tags() -> None:
        page._tags, page._order = None, {}

    out["tag index: _index (21 tags + order dict)"] = _timed(lambda: _page._index(page), rounds, clear_tags)
    tags = _page.INDEXED_TAGS

    def index_no_order() -> None:
        index: dict[str, list[Any]] = {tag: [] for tag in tags}
        for el in root.iter(*tags):
            index[el.tag].append(el)

    out["  the same without the order dict"] = _timed(index_no_order, rounds)
    out["  root.iter(*21 tags) alone (proxies)"] = _timed(lambda: sum(1 for _ in root.iter(*tags)), rounds)
    page.elements("body")
    out["class index: _locate.class_index (3 el.get per container)"] = _timed(
        lambda: _locate.class_index(page), rounds, clear(_locate.CLASS_INDEX)
    )
    keys = _locate.INDEX_KEYS
    class_tokens = {t for a, t in keys if a == "class"}
    id_tokens = {t for a, t in keys if a == "id"}

    def class_index_lean() -> None:
        # One C-level pass over the container tags reading the attrib dict once.
        index: dict[tuple[str, str], list[Any]] = {}
        for el in root.iter(*_site.HINT_TAGS):
            attrib = el.attrib
            value = attrib.get("class")
            if value:
                for token in value.split():
                    if token in class_tokens:
                        index.setdefault(("class", token), []).append(el)
            value = attrib.get("id")
            if value and value in id_tokens:
                index.setdefault(("id", value), []).append(el)

    out["  a one-pass class/id index (prototype)"] = _timed(class_index_lean, rounds)
    n_containers = sum(len(page.elements(t)) for t in _site.HINT_TAGS)
    out[f"  containers indexed (count, not ms): {n_containers}"] = float("nan")
    _locate.class_index(page)
    content = mp.parse_page(page)
    out["parse_page on a loaded page (all cached: the cache lookups)"] = _timed(lambda: mp.parse_page(page), rounds)
    del content

    # Freeing: a page after parse_page vs a page just loaded vs a bare lxml tree.
    def free(make: Callable[[], Any]) -> float:
        samples = []
        for _ in range(rounds):
            obj = make()
            start = clock()
            del obj
            samples.append(clock() - start)
        return _median_ms(samples)

    out["free a bare lxml.html tree"] = free(lambda: lxml.html.fromstring(data))
    out["free a loaded Page (no parse)"] = free(lambda: mp.load_page(data))

    def parsed() -> Any:
        p = mp.load_page(data)
        return p, mp.parse_page(p)

    out["free a Page after parse_page (tree, caches, proxies, results)"] = free(parsed)
    p = mp.load_page(data)
    mp.parse_page(p)
    # What Page._cache held is now the typed memo plus the tag index beside it.
    proxies = _count_cached_elements((p._memo._values, p._tags, p._order))
    out[f"  element references held in Page._memo + tag index (count, not ms): {proxies}"] = float("nan")
    for old, now in GONE:
        out[f"  {old}: no longer a function ({now})"] = float("nan")
    return out


def _count_cached_elements(obj: Any, seen: set[int] | None = None) -> int:
    """Distinct lxml elements reachable from the page cache (their proxies stay alive)."""
    found: set[int] = set()
    stack = [obj]
    visited: set[int] = set()
    while stack:
        item = stack.pop()
        if id(item) in visited:
            continue
        visited.add(id(item))
        if isinstance(item, lxml.etree._Element):
            found.add(id(item))
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            stack.extend(item)
        elif hasattr(item, "__attrs_attrs__"):
            stack.extend(getattr(item, a.name) for a in item.__attrs_attrs__)
    return len(found)


def normalised_twice(data: bytes) -> tuple[int, int, int]:
    """(calls of normalize_text/normalize_lines from the _dom modules, distinct inputs, inputs seen again)."""
    seen: dict[str, int] = {}

    def counting(fn: Callable[[str | None], str | None]) -> Callable[[str | None], str | None]:
        def wrapper(text: str | None) -> str | None:
            if text:
                seen[text] = seen.get(text, 0) + 1
                out = fn(text)
                if out and out != text:
                    seen.setdefault(out, 0)
                return out
            return fn(text)

        return wrapper

    saved = []
    for name in ("normalize_text", "normalize_lines"):
        wrapper = counting(getattr(_text, name))
        for where, attr in bindings(_text, name, DOM):
            saved.append((where, attr, getattr(where, attr)))
            setattr(where, attr, wrapper)
    try:
        mp.parse_page(data)
    finally:
        for where, attr, original in reversed(saved):
            setattr(where, attr, original)
    calls = sum(seen.values())
    return calls, sum(1 for c in seen.values() if c), sum(c - 1 for c in seen.values() if c > 1)


# --- cProfile and line_profiler -------------------------------------------------------


def cprofile(data: bytes, rounds: int, top: int = 30) -> str:
    profiler = cProfile.Profile(time.thread_time)
    profiler.enable()
    for _ in range(rounds):
        bench.full(data)
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return f"(totals over {rounds} calls: divide by {rounds} for per page)\n" + stream.getvalue()


#: ``_dom._class_index`` is now ``_locate.class_index``, whose scan is
#: ``_locate._build_index``; ``_dom._article_layout`` is ``_article._read``.
LINE_TARGETS = [
    (_cards, "teasers"),
    (_cards, "_teaser"),
    (_locate, "_build_index"),
    (_furniture, "furniture"),
    (_article, "_read"),
    (_locate, "headings_in"),
    (_page, "_index"),
    (_page, "load_page"),
]


def lines(data: bytes, rounds: int) -> str:
    try:
        from line_profiler import LineProfiler
    except ImportError:
        return "(line_profiler is not installed)"
    profiler = LineProfiler()
    for owner, name in LINE_TARGETS:
        profiler.add_function(getattr(owner, name))
    profiler.enable_by_count()
    for _ in range(rounds):
        bench.full(data)
    profiler.disable_by_count()
    stream = io.StringIO()
    profiler.print_stats(stream=stream, output_unit=1e-3, stripzeros=True)
    return f"(totals over {rounds} calls, ms)\n" + stream.getvalue()


def pyinstrument_view(data: bytes, rounds: int) -> str:
    try:
        from pyinstrument import Profiler
    except ImportError:
        return "(pyinstrument is not installed)"
    profiler = Profiler(interval=0.0001)
    profiler.start()
    for _ in range(rounds):
        bench.full(data)
    profiler.stop()
    return f"(pyinstrument, wall clock, {rounds} calls)\n" + profiler.output_text(unicode=False, color=False)


# --- the command --------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Where parse_page spends its time (CPU ms per page).")
    parser.add_argument("pages", nargs="*", help="HTML files (default: reference, realistic, real homepage)")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument(
        "--view",
        nargs="+",
        default=["stages", "suspects"],
        choices=["stages", "suspects", "cprofile", "lines", "pyinstrument"],
    )
    args = parser.parse_args(argv)
    print(bench.environment())
    pages = {Path(p).stem: Path(p).read_bytes() for p in args.pages} if args.pages else bench.main_pages([])
    for name, data in pages.items():
        bench.full(data)  # warm up
        print(f"\n## {name}: {len(data):,} bytes, {bench.elements(data):,} elements\n")
        if "stages" in args.view:
            print("| stage of parse_page | CPU ms (median) |\n| --- | ---: |")
            for stage, ms in stages(data, args.rounds).items():
                print(f"| {stage} | {ms:.3f} |")
        if "suspects" in args.view:
            print("\n| suspect cost, timed alone | CPU ms (median) |\n| --- | ---: |")
            for what, ms in suspects(data, args.rounds).items():
                print(f"| {what} | {'' if ms != ms else f'{ms:.3f}'} |")
            costs, per_call = wrapped_costs(data, max(args.rounds // 4, 5))
            print("\n| function (inclusive, outermost call) | ms per page | calls per page |\n| --- | ---: | ---: |")
            for label, (ms, calls) in sorted(costs.items(), key=lambda kv: -kv[1][0]):
                print(f"| {label} | {ms:.3f} | {calls:.0f} |")
            print(f"(wrapper cost {per_call:.2f} µs per call, measured and taken off)")
            calls, distinct, again = normalised_twice(data)
            print(
                f"\nnormalize_text / normalize_lines: {calls} calls, {distinct} distinct inputs, "
                f"{again} calls on an input already normalised once"
            )
        if "cprofile" in args.view:
            print(cprofile(data, max(args.rounds // 4, 5)))
        if "lines" in args.view:
            print(lines(data, max(args.rounds // 4, 5)))
        if "pyinstrument" in args.view:
            print(pyinstrument_view(data, max(args.rounds // 2, 5)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
