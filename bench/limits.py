"""Measure what hostile sizes cost: time and peak memory per case.

Contract point 2 of docs/guarantees.md: a 10 MB page, 10,000-level nesting, a
1 MB attribute, a 100,000-item list, and a tawsiyat or JSON-LD block that is
huge, deeply nested, truncated or not JSON each finish in bounded time and
memory, and degrade to the other sources. This script measures the bounds; it
is not a test (nothing here fails on speed), and the numbers go in the docs.

Each case runs in a fresh child process, so that its peak resident memory is
its own:

``load s`` / ``parse s``
    wall time of ``load_page`` and of ``parse_page`` (article and furniture);
``peak RSS MB``
    the child's peak resident set while parsing (``VmHWM``, reset just
    before; ``ru_maxrss`` where that is not available) minus its size after
    imports and building the input: lxml's C tree and Python objects alike;
``py peak MB``
    the peak of Python allocations during a second parse (``tracemalloc``,
    which does not see libxml2's own memory and is too slow to time).

Usage::

    python bench/limits.py                  # every case, a Markdown table
    python bench/limits.py --case NAME      # one case, JSON (what the parent runs)
    python bench/limits.py --list
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import mayadeen_parse as mp  # noqa: E402  (after the path is set)

REFERENCE = ROOT / "tests" / "fixtures" / "article" / "blinken-2023-11-06.html"
MB = 1024 * 1024


def _reference() -> str:
    return REFERENCE.read_text(encoding="utf-8")


def _in_body(extra: str, before: str = "<h3>'A pause could help'</h3>") -> bytes:
    """The reference page with *extra* markup inside the article body."""
    html = _reference()
    assert before in html
    return html.replace(before, extra + before, 1).encode("utf-8")


def _in_head(extra: str) -> bytes:
    html = _reference()
    return html.replace("</head>", extra + "</head>", 1).encode("utf-8")


_SCRIPT_RE = {
    "tawsiyat": r'(<script id="tawsiyat-metadata" type="text/tawsiyat">).*?(</script>)',
    "json-ld": r'(<script type="application/ld\+json">).*?(</script>)',
}


def _replace_script(which: str, text: str, html: str | None = None) -> bytes:
    """The reference page with its tawsiyat or JSON-LD block's text replaced."""
    html = _reference() if html is None else html
    new, count = re.subn(_SCRIPT_RE[which], lambda m: m.group(1) + text + m.group(2), html, count=1, flags=re.S)
    assert count == 1
    return new.encode("utf-8")


def _both_scripts(tawsiyat: str, json_ld: str) -> bytes:
    return _replace_script("json-ld", json_ld, _replace_script("tawsiyat", tawsiyat).decode("utf-8"))


def _tags(n: int) -> bytes:
    links = "".join(f'<li><a href="/tags/t{i}">T{i}</a></li>' for i in range(n))
    return _reference().replace('<ul class="tags">', '<ul class="tags">' + links, 1).encode("utf-8")


def _paragraphs_to(size: int) -> bytes:
    paragraph = (
        "<p>Blinken relayed to reporters post-meeting that the US acknowledges "
        '"the deep concern" in Turkey "for the terrible toll" in Gaza.</p>\n'
    )
    return _in_body(paragraph * (size // len(paragraph)))


def _teasers(n: int) -> str:
    return "".join(
        f'<div class="item"><a class="thumb" href="/news/politics/story-{i}"><img src="/i/{i}.jpg" alt="Story {i}"></a>'
        f'<h3><a href="/news/politics/story-{i}">Story number {i}</a></h3>'
        '<ul class="meta"><li class="category"><a href="/news/politics">Politics</a></li>'
        '<li class="date">8 Nov 2025</li></ul></div>'
        for i in range(n)
    )


def _most_read(n: int) -> bytes:
    html = _reference()
    start = html.index('<section class="most-read">')
    end = html.index("</section>", start) + len("</section>")
    block = f'<section class="most-read"><h2 class="section-title">Most Read</h2>{_teasers(n)}</section>'
    return (html[:start] + block + html[end:]).encode("utf-8")


def _ticker(n: int) -> bytes:
    html = _reference()
    lines = "".join(f"<li><span>Speaker {i}: statement number {i} of the ticker</span></li>" for i in range(n))
    return re.sub(
        r'(<div class="breaking-slider">\s*<ul>).*?(</ul>)',
        lambda m: m.group(1) + lines + m.group(2),
        html,
        count=1,
        flags=re.S,
    ).encode("utf-8")


def _tawsiyat_object(**extra: Any) -> str:
    site = {"type": "article", "postid": "2042516", "title": "Huge block title", **extra}
    return json.dumps(site)


#: name → (what it is, a function building the input bytes)
CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "reference": ("the reference page as is (22 KB)", lambda: REFERENCE.read_bytes()),
    "10mb-paragraphs": ("10 MB page: ~80,000 body paragraphs", lambda: _paragraphs_to(10 * MB)),
    "60mb-paragraphs": ("60 MB page (near the 64 MiB limit): ~460,000 paragraphs", lambda: _paragraphs_to(60 * MB)),
    "9mb-one-paragraph": (
        "9 MB page: one paragraph of 9 MB",
        lambda: _in_body("<p>" + "word " * (9 * MB // 5) + "</p>"),
    ),
    "10mb-one-paragraph": ("10 MB page: one paragraph of 10 MB", lambda: _in_body("<p>" + "word " * (2 * MB) + "</p>")),
    "10mb-script": (
        "10 MB page: one 10 MB inline script",
        lambda: _in_head("<script>" + "x" * (10 * MB) + "</script>"),
    ),
    "10mb-comment": ("10 MB page: one 10 MB comment", lambda: _in_body("<!--" + "x" * (10 * MB) + "-->")),
    "nesting-10k-div": (
        "10,000 nested <div> in the body",
        lambda: _in_body("<div>" * 10_000 + "x" + "</div>" * 10_000),
    ),
    "nesting-10k-inline": ("10,000 nested <b> in a paragraph", lambda: _in_body("<p>" + "<b>" * 10_000 + "x</p>")),
    "nesting-100k-div": ("100,000 nested <div>, never closed", lambda: _in_body("<div>" * 100_000)),
    "nesting-10k-blockquote": (
        "10,000 nested <blockquote> in the body",
        lambda: _in_body("<blockquote>" * 10_000 + "x" + "</blockquote>" * 10_000),
    ),
    "attr-1mb-class": (
        "1 MB class attribute on a body paragraph",
        lambda: _in_body(f'<p class="{"a " * (MB // 2)}">x</p>'),
    ),
    "attr-1mb-href": (
        "1 MB href on a link in a paragraph",
        lambda: _in_body(f'<p>see <a href="/news/politics/{"x" * MB}">this</a></p>'),
    ),
    "attr-1mb-alt": (
        "1 MB alt text on a Most Read image",
        lambda: REFERENCE.read_bytes().replace(
            b'alt="Yemen busts CIA-Mossad-Saudi spy network operating from Saudi Arabia"',
            b'alt="' + b"caption " * (MB // 8) + b'(AP)"',
        ),
    ),
    "attr-1mb-style": (
        "1 MB style attribute on the body container",
        lambda: REFERENCE.read_bytes().replace(
            b'<div class="p-content">', b'<div class="p-content" style="' + b"x:y;" * (MB // 4) + b'">'
        ),
    ),
    "list-100k-body": ("100,000-item <ul> in the body", lambda: _in_body("<ul>" + "<li>item</li>" * 100_000 + "</ul>")),
    "list-100k-ticker": ("100,000 BREAKING items", lambda: _ticker(100_000)),
    "list-100k-most-read": ("100,000 Most Read teasers", lambda: _most_read(100_000)),
    "list-100k-tags": ("100,000 tag links", lambda: _tags(100_000)),
    "list-100k-paragraph-links": (
        "100,000 inline links in one paragraph",
        lambda: _in_body("<p>" + '<a href="/tags/x">x</a> ' * 100_000 + "</p>"),
    ),
    "tawsiyat-900kb": (
        "tawsiyat of 900 KB (under the 1 MB limit)",
        lambda: _replace_script("tawsiyat", _tawsiyat_object(description="d" * (900 * 1024))),
    ),
    "tawsiyat-5mb": (
        "tawsiyat of 5 MB (over the limit: skipped)",
        lambda: _replace_script("tawsiyat", _tawsiyat_object(description="d" * (5 * MB))),
    ),
    "tawsiyat-deep-list": ("tawsiyat nested 100,000 deep ([[[...)", lambda: _replace_script("tawsiyat", "[" * 100_000)),
    "tawsiyat-deep-object": (
        'tawsiyat nested 100,000 deep ({"a":{"a":...)',
        lambda: _replace_script("tawsiyat", '{"a":' * 100_000 + "1" + "}" * 100_000),
    ),
    "tawsiyat-20k-classes": (
        "tawsiyat with 20,000 classes (0.8 MB)",
        lambda: _replace_script(
            "tawsiyat",
            _tawsiyat_object(classes=[{"mapping": "country", "value": f"C{i}"} for i in range(20_000)]),
        ),
    ),
    "tawsiyat-100k-classes": (
        "tawsiyat with 100,000 classes (4 MB: over the limit, skipped)",
        lambda: _replace_script(
            "tawsiyat",
            _tawsiyat_object(classes=[{"mapping": "country", "value": f"C{i}"} for i in range(100_000)]),
        ),
    ),
    "tawsiyat-100k-keywords": (
        "tawsiyat with 100,000 keywords",
        lambda: _replace_script("tawsiyat", _tawsiyat_object(keywords=",".join(f"k{i}" for i in range(100_000)))),
    ),
    "tawsiyat-truncated": (
        "tawsiyat cut in the middle",
        lambda: _replace_script("tawsiyat", _tawsiyat_object(description="cut")[:40]),
    ),
    "tawsiyat-not-json": (
        "tawsiyat that is JavaScript",
        lambda: _replace_script("tawsiyat", "window.x = {a: 1};" * 1000),
    ),
    "jsonld-900kb": (
        "JSON-LD of 900 KB",
        lambda: _replace_script("json-ld", json.dumps({"@type": "NewsArticle", "headline": "H" * (900 * 1024)})),
    ),
    "jsonld-deep-graph": (
        "JSON-LD @graph nested 100,000 deep",
        lambda: _replace_script("json-ld", '{"@graph":' * 100_000 + "[]" + "}" * 100_000),
    ),
    "jsonld-25k-graph": (
        "JSON-LD @graph of 25,000 objects (0.9 MB)",
        lambda: _replace_script(
            "json-ld", json.dumps({"@graph": [{"@type": "Thing", "name": f"n{i}"} for i in range(25_000)]})
        ),
    ),
    "jsonld-50k-authors": (
        "JSON-LD with 50,000 authors (0.9 MB)",
        lambda: _replace_script(
            "json-ld", json.dumps({"@type": "NewsArticle", "author": [{"name": f"A{i}"} for i in range(50_000)]})
        ),
    ),
    "jsonld-truncated": ("JSON-LD cut in the middle", lambda: _replace_script("json-ld", '{"@type": "NewsArt')),
    "jsonld-not-json": ("JSON-LD that is not JSON", lambda: _replace_script("json-ld", "<!-- nothing -->")),
    "both-json-junk": (
        "tawsiyat and JSON-LD each 0.9 MB of unbalanced brackets",
        lambda: _both_scripts("[" * (900 * 1024), "{" * (900 * 1024)),
    ),
}


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS counter (Linux >= 4.0); False if unsupported."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
    except OSError:
        return False
    return True


def _status_mb(field: str) -> float | None:
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _peak_rss_mb() -> float:
    hwm = _status_mb("VmHWM")
    if hwm is not None:
        return hwm
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (MB if sys.platform == "darwin" else 1024)


def run_case(name: str) -> dict[str, Any]:
    """Build the input, parse it twice, measure. Runs in the child process.

    The first parse is timed and gives the peak RSS; the second runs under
    tracemalloc (which slows allocation several times, so it is not timed).
    """
    data = CASES[name][1]()
    before = _status_mb("VmRSS") or _peak_rss_mb()
    _reset_peak()  # else building the input would count as the parse's peak
    start = time.perf_counter()
    page = mp.load_page(data)
    loaded = time.perf_counter()
    content = mp.parse_page(page)
    parsed = time.perf_counter()
    peak_rss = max(_peak_rss_mb() - before, 0.0)
    article = content.article
    row = {
        "case": name,
        "input_mb": round(len(data) / MB, 2),
        "load_s": round(loaded - start, 3),
        "parse_s": round(parsed - loaded, 3),
        "peak_rss_mb": round(peak_rss, 1),
        "kind": content.kind,
        "title": article.title[:40] if article else None,
        "paragraphs": len(article.paragraphs) if article else 0,
        "lists": [len(content.breaking), len(content.most_read), len(content.related), len(content.read_next)],
        "warnings": list(page.warnings),
    }
    del page, content, article
    tracemalloc.start()
    mp.parse_page(mp.load_page(data))
    row["py_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / MB, 1)
    tracemalloc.stop()
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", help="run one case in this process and print JSON")
    parser.add_argument("--list", action="store_true", help="list the cases")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per case (default 600)")
    parser.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    parser.add_argument("only", nargs="*", help="case names to run (default: all)")
    args = parser.parse_args(argv)
    if args.list:
        for name, (what, _) in CASES.items():
            print(f"{name:28} {what}")
        return 0
    if args.case:
        print(json.dumps(run_case(args.case)))
        return 0
    names = args.only or list(CASES)
    print(
        f"<!-- {platform.python_version()}, lxml {'.'.join(map(str, __import__('lxml.etree').etree.LXML_VERSION))}, "
        f"libxml2 {'.'.join(map(str, __import__('lxml.etree').etree.LIBXML_VERSION))}, {platform.machine()} -->"
    )
    if not args.json:
        print("| case | input MB | load s | parse s | peak RSS MB | py peak MB | result |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for name in names:
        try:
            done = subprocess.run(
                [sys.executable, __file__, "--case", name],
                capture_output=True,
                text=True,
                timeout=args.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            print(f"| {name} | | | | | | TIMEOUT after {args.timeout:.0f} s |", flush=True)
            continue
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["?"])[-1]
            print(f"| {name} | | | | | | FAILED: {last} |", flush=True)
            continue
        row = json.loads(done.stdout)
        if args.json:
            print(json.dumps(row), flush=True)
            continue
        result = f"{row['kind']}, {row['paragraphs']} paragraphs, lists {row['lists']}"
        if row["warnings"]:
            result += " — " + "; ".join(w[:70] for w in row["warnings"])
        print(
            f"| {name} | {row['input_mb']} | {row['load_s']} | {row['parse_s']} | {row['peak_rss_mb']} "
            f"| {row['py_peak_mb']} | {result} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
