"""The library and other extractors on the same pages, in one run (issue 16).

Same harness as ``bench/bench.py`` (CPU clock, rotated interleaved rounds,
medians, the floor ``lxml.html.fromstring`` of the same bytes); each peer is
imported only if it is installed, so install them in a separate venv, never in
the project's dependencies::

    python3 -m venv /tmp/peers-venv
    /tmp/peers-venv/bin/pip install -e . trafilatura readability-lxml goose3 newspaper4k fundus
    /tmp/peers-venv/bin/python bench/peers.py [--quick] [--markdown FILE]

What each peer does per page (its usual entry point on HTML already fetched;
those that want text get ``data.decode("utf-8")`` inside the timed call):

``mayadeen_parse``  ``load_page`` + ``parse_page`` (+ ``parse_listing``), as
                    ``full`` in bench.py: article and all the furniture.
``fundus``          fundus has no Al Mayadeen parser (checked at run time: no
                    publisher on ``almayadeen.net``). Timed instead: a minimal
                    per-site fundus parser written here the way fundus' own are
                    (``BaseParser`` with title, body, authors, date, topics from
                    JSON-LD, ``<meta>`` and an XPath for the paragraphs), i.e.
                    fundus' machinery doing less than the library (no
                    furniture, no links, no figures).
``trafilatura``     ``trafilatura.extract(data)`` (defaults: text, comments).
``readability``     ``readability.Document(text).summary()``.
``goose3``          ``Goose().extract(raw_html=text)`` (one ``Goose`` reused).
``newspaper4k``     ``Article(url).download(input_html=text)`` + ``.parse()``.

Not a test: nothing fails on speed.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import statistics
import sys
import time
import warnings
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import bench  # noqa: E402  (the harness)

URL = "https://english.almayadeen.net/news/politics/blinken"


def _fundus() -> tuple[str, Any] | None:
    try:
        import datetime

        from fundus import PublisherCollection
        from fundus.parser import ArticleBody, BaseParser, attribute
        from fundus.parser.utility import (
            extract_article_body_with_selector,
            generic_author_parsing,
            generic_date_parsing,
            generic_topic_parsing,
        )
        from lxml.etree import XPath
    except ImportError:
        return None
    own = [p.name for p in PublisherCollection if "almayadeen" in str(getattr(p, "domain", "")).lower()]
    if own:  # a real one: use it
        publisher = next(p for p in PublisherCollection if p.name == own[0])
        parser = publisher.parser(datetime.date.today())
        return f"fundus ({own[0]} parser)", lambda data: parser.parse(data.decode("utf-8"), "suppress")

    class AlMayadeenParser(BaseParser):  # type: ignore[misc]
        _paragraph_selector = XPath("//div[contains(@class, 'p-content')]/p")
        _subheadline_selector = XPath("//div[contains(@class, 'p-content')]/h3")
        _summary_selector = XPath("//p[contains(@class, 'summary')]")

        @attribute  # type: ignore[misc]
        def body(self) -> ArticleBody | None:
            return extract_article_body_with_selector(
                self.precomputed.doc,
                summary_selector=self._summary_selector,
                paragraph_selector=self._paragraph_selector,
                subheadline_selector=self._subheadline_selector,
            )

        @attribute  # type: ignore[misc]
        def title(self) -> str | None:
            title = self.precomputed.ld.xpath_search("NewsArticle/headline", scalar=True)
            return title or self.precomputed.meta.get("og:title")

        @attribute  # type: ignore[misc]
        def authors(self) -> list[str]:
            return generic_author_parsing(self.precomputed.ld.xpath_search("NewsArticle/author"))

        @attribute  # type: ignore[misc]
        def publishing_date(self) -> datetime.datetime | None:
            return generic_date_parsing(self.precomputed.ld.xpath_search("NewsArticle/datePublished", scalar=True))

        @attribute  # type: ignore[misc]
        def topics(self) -> list[str]:
            return generic_topic_parsing(self.precomputed.meta.get("keywords"))

    parser = AlMayadeenParser()
    return "fundus (own minimal parser; none for Al Mayadeen)", lambda data: parser.parse(
        data.decode("utf-8"), "suppress"
    )


def peers() -> tuple[dict[str, bench.Variant], dict[str, str]]:
    """``{name: run}`` of the installed peers, and ``{name: version or why not}``."""
    found: dict[str, bench.Variant] = {"floor": bench.floor, "mayadeen_parse": bench.full}
    notes: dict[str, str] = {"mayadeen_parse": bench.mp.__version__}

    def version(dist: str) -> str:
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            return "?"

    fundus = _fundus()
    if fundus is None:
        notes["fundus"] = "not installed (or fails to import)"
    else:
        found["fundus"] = fundus[1]
        notes["fundus"] = f"{version('fundus')}: {fundus[0]}"
    try:
        import trafilatura
    except ImportError:
        notes["trafilatura"] = "not installed"
    else:
        found["trafilatura"] = trafilatura.extract
        notes["trafilatura"] = version("trafilatura")
    try:
        import readability
    except ImportError:
        notes["readability"] = "not installed"
    else:
        found["readability"] = lambda data: readability.Document(data.decode("utf-8")).summary()
        notes["readability"] = version("readability-lxml")
    try:
        from goose3 import Goose
    except ImportError:
        notes["goose3"] = "not installed"
    else:
        goose = Goose()
        found["goose3"] = lambda data: goose.extract(raw_html=data.decode("utf-8"))
        notes["goose3"] = version("goose3")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import newspaper
    except ImportError:
        notes["newspaper4k"] = "not installed"
    else:

        def news(data: bytes) -> Any:
            article = newspaper.Article(URL)
            article.download(input_html=data.decode("utf-8"))
            article.parse()
            return article

        found["newspaper4k"] = news
        notes["newspaper4k"] = version("newspaper4k")
    return found, notes


def ratio_table(pages: dict[str, bytes], counts: dict[str, int], times: bench.Times, names: list[str]) -> str:
    """Markdown: one row per page, one column per extractor: median ms and per-round ratio."""
    lines = [
        "| page | bytes | elements | floor ms | " + " | ".join(names) + " |",
        "| --- | ---: | ---: | ---: | " + " | ".join("---:" for _ in names) + " |",
    ]
    for page, data in pages.items():
        t = times[page]
        row = f"| {page} | {len(data):,} | {counts[page]:,} | {statistics.median(t['floor']):.2f} |"
        for name in names:
            if t.get(name):
                row += f" {statistics.median(t[name]):.1f} ms, {statistics.median(bench.ratios(t, name)):.1f}× |"
            else:
                row += " – |"
        lines.append(row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The library and its peers on the same pages, one run.")
    parser.add_argument("--quick", action="store_true", help="about a minute")
    parser.add_argument("--seconds", type=float, help="wall-time budget (default 300, quick 45)")
    parser.add_argument("--iterations", "-n", type=int, help="exactly this many rounds")
    parser.add_argument("--markdown", metavar="FILE", help="also write the table and versions to FILE")
    args = parser.parse_args(argv)
    env = bench.environment()
    print(env)
    variants, notes = peers()
    versions = "; ".join(f"{name} {note}" for name, note in notes.items())
    print("extractors: " + versions)
    pages = bench.main_pages([])
    counts = {name: bench.elements(data) for name, data in pages.items()}
    rounds = args.iterations if args.iterations is not None else 100_000
    seconds = None if args.iterations is not None else (args.seconds or (45.0 if args.quick else 300.0))
    started = time.monotonic()
    times = bench.measure(pages, variants, rounds, seconds)
    n = min(len(v) for t in times.values() for v in t.values() if v)
    names = [name for name in variants if name != "floor"]
    print(f"\n{n} interleaved rounds; CPU ms per call (median) and median per-round ratio to the floor")
    table = ratio_table(pages, counts, times, names)
    print(table)
    print(f"({time.monotonic() - started:.0f} s)")
    if args.markdown:
        Path(args.markdown).write_text(f"{env}\nextractors: {versions}\n\n{table}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
