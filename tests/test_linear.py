"""Cost grows linearly with the input (docs/guarantees.md, promise 2).

Each case times one function (a normaliser, a metadata reader, a block
finder, an entry point) on a hostile input of size n and of size 4n in the
same run, and fails if the time grew more than 6 times: a linear cost grows
about 4 times, a quadratic one 16 times. It is a ratio, never an absolute
time, so a slow or busy machine does not fail it; each size is timed three
times and the fastest run kept, and the garbage collector is kept out of the
timed runs, to resist the noise of a shared machine.

n is chosen per case at run time: doubled from a small start until one run at
n takes ``_TARGET`` seconds, so that the run at 4n takes about 50-200 ms.

Two kinds of cases:

- named cases (``CASES``): each shape that was quadratic before issue 14 (a
  title of whitespace, a JSON block of comments, thousands of byline lines,
  of "Most Read" headings, of body containers...), and the shapes that were
  always linear, as a guard;
- every regular expression of the package (``test_every_regex_is_linear``):
  found by walking the modules (compiled patterns) and their source (literal
  patterns passed to ``re.search``...), each run over inputs built from its
  own literal pieces and from whitespace. A new regex is covered without
  writing a case for it.
"""

from __future__ import annotations

import ast
import gc
import importlib
import json
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import mayadeen_parse as mp
from mayadeen_parse import _dates, _metadata, _page, _parse, _report, _text

try:  # Python 3.11+: the regex parser is re._parser (sre_parse is deprecated)
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

MAX_RATIO = 6.0
_TARGET = 0.015  # seconds for one run at n; the run at 4n then takes ~60 ms
_LIMIT = 1 << 15  # n is never grown past this: a case still fast there is timed over many calls

Build = Callable[[int], Any]


def _modules() -> Iterator[Any]:
    """The package's modules (not ``__main__``, which runs the command line)."""
    for info in pkgutil.iter_modules(mp.__path__):
        if not info.name.startswith("__"):
            yield importlib.import_module(f"mayadeen_parse.{info.name}")


def _caches() -> list[Any]:
    """Every functools.lru_cache of the package: cleared before each run, so
    that a repeat is not a cache hit (the work it hides could be quadratic)."""
    found = []
    for module in _modules():
        found.extend(value for value in vars(module).values() if hasattr(value, "cache_clear"))
    return found


_CACHES = _caches()


def _once(fn: Callable[[Any], Any], value: Any, fresh: bool = True) -> float:
    """The thread's CPU time for ``fn(value)``, the garbage collector off;
    when *fresh*, the package's caches are cleared first."""
    if fresh:
        for cache in _CACHES:
            cache.cache_clear()
    gc.disable()
    try:
        start = time.thread_time()
        fn(value)
        return time.thread_time() - start
    finally:
        gc.enable()


def _best(fn: Callable[[Any], Any], value: Any, repeats: int = 3, fresh: bool = True) -> float:
    if fresh:
        gc.collect()  # the garbage of earlier runs is not this run's cost
    return min(_once(fn, value, fresh) for _ in range(repeats))


def growth(fn: Callable[[Any], Any], build: Build, start: int = 64) -> tuple[int, float, float]:
    """``(n, t(n), t(4n))``, n doubled from *start* until a run takes _TARGET.

    A function still faster than that at ``_LIMIT`` (a bounded one) is timed
    over as many calls as make one run take _TARGET.
    """
    n = start
    small = build(n)
    while n < _LIMIT and min(_once(fn, small), _once(fn, small)) < _TARGET:
        n *= 2
        small = build(n)
    calls = max(1, round(_TARGET / max(_once(fn, small), 1e-7)))
    if calls > 1:
        fn = _repeat(fn, calls)
    return n, _best(fn, small), _best(fn, build(4 * n))


def _repeat(fn: Callable[[Any], Any], times: int) -> Callable[[Any], Any]:
    def run(value: Any) -> None:
        for _ in range(times):
            fn(value)

    return run


def assert_linear(fn: Callable[[Any], Any], build: Build, start: int = 64) -> None:
    """Fails when the time at 4n exceeds MAX_RATIO times the time at n twice
    in a row: once may be another process taking the CPU, twice is the code."""
    for _ in range(2):
        n, small, large = growth(fn, build, start)
        ratio = large / max(small, 1e-9)
        if ratio <= MAX_RATIO:
            return
    raise AssertionError(f"n={n}: {small * 1000:.1f} ms, 4n: {large * 1000:.1f} ms, x{ratio:.1f}")


# --- inputs -----------------------------------------------------------------------

_HEAD = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title>{head}</head><body>'
_H1 = '<h1 class="article-title">A headline long enough to be the article</h1>'
_P = "<p>The first paragraph of the article, long enough to count as body text.</p>"


def page(head: str = "", header: str = "", body: str = "", after: str = "", before: str = "") -> bytes:
    """An article in the reference layout with hostile pieces put in."""
    return (
        _HEAD.format(head=head)
        + f'{before}<article>{_H1}{header}<div class="p-content">{_P}{body}</div></article>{after}</body></html>'
    ).encode("utf-8", "surrogatepass")


def _script(kind: str, text: str) -> str:
    if kind == "tawsiyat":
        return f'<script id="tawsiyat-metadata" type="application/json">{text}</script>'
    return f'<script type="application/ld+json">{text}</script>'


def _teaser(i: int) -> str:
    return (
        f'<div class="card"><a href="/news/politics/story-{i}"><img src="/i/{i}.jpg" alt="Story {i}"></a>'
        f'<span class="category">Politics</span><h3><a href="/news/politics/story-{i}">Story number {i}</a></h3>'
        f"<time>8 Nov 2025</time></div>"
    )


_WS = " \t\n\u00a0"


def _spaces(n: int) -> str:
    return (_WS * (n // 4 + 1))[:n]


# Entry points, on a page
def _parse_page(data: bytes) -> None:
    mp.to_json(mp.parse_page(data))


def _inspect_page(data: bytes) -> None:
    mp.to_json(mp.inspect_page(data))


def _load(data: bytes) -> None:
    mp.load_page(data)


#: (id, function, build(n), first n)
CASES: list[tuple[str, Callable[[Any], Any], Build, int]] = [
    # --- normalisers (_text) ---
    ("normalize_text:whitespace", _text.normalize_text, lambda n: "a" + _spaces(n) + "b", 1024),
    ("normalize_text:marks-surrogates", _text.normalize_text, lambda n: "a\u200b\ud800\u202e " * n, 256),
    ("normalize_lines:br", _text.normalize_lines, lambda n: (" x \ue000" + _spaces(8)) * n, 256),
    ("absolutize:long-href", _text.absolutize, lambda n: "/news/" + "a\n\t " * n + "b", 1024),
    ("absolutize:wayback", _text.absolutize, lambda n: "/web/" + "1" * n + "id_/https://x/" + "/web/" * n, 256),
    ("without_surrogates", _text.without_surrogates, lambda n: "\ud800a" * n, 1024),
    ("split_keywords", _text.split_keywords, lambda n: "Gaza, , \u060c" * n, 256),
    ("split_credit:parens", _text.split_credit, lambda n: "(a" * n + ")" + " (AP)", 256),
    ("parse_int:digits", _text.parse_int, lambda n: " " + "1," * n, 1024),
    ("parse_iso_datetime:spaces", _text.parse_iso_datetime, lambda n: _spaces(n), 1024),
    # parse_iso_datetime reads 64 characters at most; its regex on any length:
    ("iso-regex:spaces-before-zone", _text._ISO_RE.match, lambda n: "2023-11-06T14:21" + " " * n + "x", 1024),
    # The one date reader on unbounded text (its callers cut at 80 / 200
    # characters): runs of fillers, of almost-dates, of month words.
    (
        "find_date:fillers",
        lambda t: _dates.find_date(_dates.tokens(t), ("en", "ar", "es")),
        lambda n: "6 de " * n + "x",
        256,
    ),
    (
        "find_date:near-dates",
        lambda t: _dates.find_date(_dates.tokens(t), ("en", "ar", "es")),
        lambda n: "Monday 6 Nov 16:21 pm " * n,
        256,
    ),
    (
        "find_date:months",
        lambda t: _dates.find_date(_dates.tokens(t), ("en", "ar", "es")),
        lambda n: "تشرين اول " * n,
        256,
    ),
    # --- the assembly's normalisers (_parse) ---
    ("strip_site_name:whitespace", _parse._strip_site_name, lambda n: "T" + " " * n + "x", 1024),
    ("strip_site_name:separators", _parse._strip_site_name, lambda n: "T" + " | Al Mayadeen" * n + " x", 256),
    ("authors_from_names:whitespace", lambda s: _parse._authors_from_names(s, None), lambda n: " " * n + "x", 1024),
    ("authors_from_names:many", lambda s: _parse._authors_from_names(s, None), lambda n: "A, B and C; " * n, 256),
    (
        "authors_from_ld:many",
        lambda v: _parse._authors_from_ld(v, _parse.Context(mp.load_page(b"<p>"))),
        lambda n: [{"name": f"Author {i}", "url": f"/authors/a{i}"} for i in range(n)] + [" " * n + "x"],
        256,
    ),
    # --- the metadata readers (_metadata) ---
    ("loads_lenient:block-comments", _metadata.loads_lenient, lambda n: "{" + "/* " * n + "}", 256),
    ("loads_lenient:closed-comments", _metadata.loads_lenient, lambda n: '{"a": 1, ' + "/* c */ " * n + "}", 256),
    ("loads_lenient:newlines", _metadata.loads_lenient, lambda n: "{" + "\n" * n + "x", 1024),
    ("loads_lenient:line-comments", _metadata.loads_lenient, lambda n: "{\n" + "  // c\n" * n + '"a": 1,}', 256),
    ("loads_lenient:trailing-commas", _metadata.loads_lenient, lambda n: "[" + "1," + " " * n + "]" * 2, 1024),
    ("loads_lenient:script", _metadata.loads_lenient, lambda n: "var t = " + "{" * n + "};", 256),
    ("loads_lenient:cdata", _metadata.loads_lenient, lambda n: "<![CDATA[" + "// " * n + "]]>", 256),
    (
        "loads_lenient:surrogates",
        _metadata.loads_lenient,
        lambda n: json.dumps({f"k{i}": "\ud800" for i in range(n)}),
        256,
    ),
    # --- the report (_report) ---
    ("json_safe:wide", _report._json_safe, lambda n: {f"k{i}": list(range(10)) for i in range(n)}, 256),
    ("count_words", _report.count_words, lambda n: tuple(mp.Paragraph(text="w " * 20) for _ in range(n)), 256),
    # --- decoding and the tag limit (_page) ---
    ("decode:meta-prescan", lambda d: _page._decode(d, None), lambda n: b"<meta " * n + b"charset=" + b" " * n, 256),
    ("load_page:tags", _load, lambda n: b"<p>a</p>" * n, 1024),
    ("tag_limit", _page._tag_limit, lambda n: b"<" * n, 1 << 16),
    # --- whole pages: the block finders, through the entry points ---
    ("page:title-whitespace", _inspect_page, lambda n: page(head="<title>" + " " * n + "x</title>"), 1024),
    (
        "page:meta-author-whitespace",
        _parse_page,
        lambda n: page(head=f'<meta name="author" content="{" " * n}x">'),
        1024,
    ),
    (
        "page:json-ld-comments",
        _inspect_page,
        lambda n: page(head=_script("ld", '{"@type":"NewsArticle","headline":"H",' + "/* " * n + "}")),
        256,
    ),
    ("page:tawsiyat-newlines", _parse_page, lambda n: page(head=_script("tawsiyat", "{" + "\n" * n + "x")), 1024),
    (
        "page:json-ld-graph",
        _inspect_page,
        lambda n: page(
            head=_script("ld", json.dumps({"@graph": [{"@type": "Thing", "name": str(i)} for i in range(n)]}))
        ),
        64,
    ),
    (
        "page:byline-lines",
        _parse_page,
        lambda n: page(header="".join(f"<div>By Author{i}</div>" for i in range(n))),
        64,
    ),
    (
        "page:most-read-headings",
        _parse_page,
        lambda n: page(after="".join(f"<div><h2>Most Read</h2><p>item {i}</p></div>" for i in range(n))),
        64,
    ),
    (
        "page:related-headings",
        _parse_page,
        lambda n: page(after="<div><h3>Related News</h3><p>x</p></div>" * n),
        64,
    ),
    (
        "page:headings-with-items",
        _parse_page,
        lambda n: page(
            after="".join(f'<section><h2>Most Read</h2><a href="/news/a/s{i}">S {i}</a></section>' for i in range(n))
        ),
        64,
    ),
    (
        "page:body-class-siblings",
        _parse_page,
        lambda n: (
            _HEAD.format(head="") + "<article>" + _H1 + f'<div class="p-content">{_P}</div>' * n + "</article>"
        ).encode(),
        64,
    ),
    ("page:image-siblings", _parse_page, lambda n: page(body='<div><img src="/a.jpg"></div>' * n), 64),
    ("page:paragraphs", _parse_page, lambda n: page(body="<p>a</p>" * n), 256),
    (
        "page:paragraphs-by-structure",
        _parse_page,
        lambda n: (_HEAD.format(head="") + _H1 + "<div>" + _P * n).encode(),
        256,
    ),
    ("page:list-items", _parse_page, lambda n: page(body="<ul>" + "<li>item</li>" * n + "</ul>"), 256),
    (
        "page:links-in-a-paragraph",
        _parse_page,
        lambda n: page(body="<p>" + '<a href="/news/a/b/c">x</a> ' * n + "</p>"),
        256,
    ),
    ("page:ad-siblings", _parse_page, lambda n: page(body='<div class="ad"><p>x</p></div>' * n), 256),
    (
        "page:figures",
        _parse_page,
        lambda n: page(body='<div><img src="/a.jpg"><span class="caption">C (AP)</span></div>' * n),
        64,
    ),
    ("page:headings-in-body", _parse_page, lambda n: page(body=("<h2>Sub</h2>" + _P) * n), 64),
    ("page:header-spans", _parse_page, lambda n: page(header="<span>x</span>" * n), 256),
    (
        "page:h1s",
        _parse_page,
        lambda n: (_HEAD.format(head="") + "".join(f"<h1>Headline {i}</h1>" for i in range(n))).encode(),
        256,
    ),
    (
        "page:tags",
        _parse_page,
        lambda n: page(after="<ul>" + "".join(f'<li><a href="/tags/t{i}">T{i}</a></li>' for i in range(n)) + "</ul>"),
        256,
    ),
    (
        "breaking:items",
        mp.parse_breaking,
        lambda n: page(
            before='<div class="breaking-news"><span>BREAKING</span><ul>'
            + "".join(f"<li>Item {i}: said</li>" for i in range(n))
            + "</ul></div>"
        ),
        64,
    ),
    (
        "breaking:lines",
        mp.parse_breaking,
        lambda n: page(
            before="<div><span>BREAKING</span><div>"
            + "".join(f"<div>Item {i}</div>" for i in range(n))
            + "</div></div>"
        ),
        64,
    ),
    (
        "most_read:teasers",
        mp.parse_most_read,
        lambda n: page(
            after='<section class="most-read"><h2>Most Read</h2>' + "".join(map(_teaser, range(n))) + "</section>"
        ),
        64,
    ),
    (
        "related:by-heading",
        mp.parse_related,
        lambda n: page(
            body="<div><div>Related News</div><ul>"
            + "".join(f"<li>{_teaser(i)}</li>" for i in range(n))
            + "</ul></div>"
        ),
        64,
    ),
    (
        "read_next:by-heading",
        mp.parse_read_next,
        lambda n: page(after="<section><h2>Read Next</h2>" + "".join(map(_teaser, range(n))) + "</section>"),
        64,
    ),
    # The body shapes of issue 14 §3: each reader they go through stays linear.
    (
        "page:items-with-share-links",
        _parse_page,
        lambda n: page(body="<ul>" + '<li>item <a href="https://twitter.com/intent/tweet">t</a></li>' * n + "</ul>"),
        256,
    ),
    (
        "page:promo-with-links",
        _parse_page,
        lambda n: page(body="<p>Read next: " + '<a href="/news/a/b/c">x</a> ' * n + "</p>"),
        256,
    ),
    (
        "page:classless-related-boxes",
        _parse_page,
        lambda n: page(body='<div><div>Related News</div><ul><li><a href="/news/a/b">x</a></li></ul></div>' * n),
        64,
    ),
    (
        "page:share-boxes",
        _parse_page,
        lambda n: page(body='<div><a href="https://wa.me/?t=1">W</a> <a href="https://x.com/intent/x">X</a></div>' * n),
        256,
    ),
    ("page:quote-lines", _parse_page, lambda n: page(body="<blockquote>" + "<p>a</p>b<ul><li>c</li></ul>" * n), 256),
    (
        "page:figures-with-content",
        _parse_page,
        lambda n: page(
            body="<figure><p>x</p><table><tr><td>t</td></tr></table><figcaption>c</figcaption></figure>" * n
        ),
        64,
    ),
    (
        "page:ad-labels",
        _parse_page,
        lambda n: page(body='<div class="ad"><span>Advertisement</span><div>x</div></div>' * n),
        256,
    ),
    ("article:byline-and-body", mp.parse_article, lambda n: page(header="<div>By A and B</div>" * n, body=_P * n), 64),
]


@pytest.mark.parametrize(("fn", "build", "start"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_linear(fn: Callable[[Any], Any], build: Build, start: int) -> None:
    """Time at 4n is at most 6 times the time at n."""
    assert_linear(fn, build, start)


# --- every regex of the package --------------------------------------------------


def _patterns() -> dict[str, re.Pattern[Any]]:
    """Every compiled pattern held by a module or a class of the package, and
    every literal pattern passed to a ``re`` function in its source."""
    found: dict[str, re.Pattern[Any]] = {}
    for module in _modules():
        name = module.__name__.rsplit(".", 1)[1]
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{name}.{attr}"] = value
            elif isinstance(value, type):
                for inner, pattern in vars(value).items():
                    if isinstance(pattern, re.Pattern):
                        found[f"{name}.{attr}.{inner}"] = pattern
        tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.func.attr in ("search", "match", "fullmatch", "sub", "split", "findall", "finditer")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                flags = 0
                if len(node.args) > 2 or any(k.arg == "flags" for k in node.keywords):
                    flags = re.I  # the only flag used inline
                found[f"{name}:{node.lineno}"] = re.compile(node.args[0].value, flags)
    return found


def _literals(pattern: re.Pattern[Any]) -> list[str]:
    """The runs of literal characters of a pattern ("/*", "<meta", "Source")."""
    runs: list[str] = []

    def walk(items: Any) -> None:
        current: list[str] = []
        for op, arg in items:
            if op is sre_constants.LITERAL:
                current.append(chr(arg))
                continue
            if current:
                runs.append("".join(current))
                current = []
            if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
                walk(arg[2])
            elif op is sre_constants.SUBPATTERN:
                walk(arg[-1])
            elif op is sre_constants.BRANCH:
                for branch in arg[1]:
                    walk(branch)
            elif op is sre_constants.IN:
                for kind, value in arg:
                    if kind is sre_constants.LITERAL:
                        runs.append(chr(value))
        if current:
            runs.append("".join(current))

    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    walk(sre_parse.parse(source, pattern.flags & ~re.UNICODE))
    return sorted(set(runs))


def _families(pattern: re.Pattern[Any]) -> dict[str, Build]:
    """Hostile inputs for one pattern: runs of whitespace, and its literal
    pieces (the longest eight) repeated, with a space after each, or before
    a run of spaces; each ends in a character that fails the match."""
    families: dict[str, Build] = {
        "spaces": lambda n: " " * n + "\x00",
        "newlines": lambda n: "\n" * n + "\x00",
        "mixed-space": lambda n: " \t\n\u00a0" * (n // 4) + "\x00",
    }
    for piece in sorted(_literals(pattern), key=len, reverse=True)[:8]:
        families[f"{piece!r}*n"] = lambda n, p=piece: p * (n // len(p)) + "\x00"
        families[f"({piece!r}+space)*n"] = lambda n, p=piece: (p + " ") * (n // (len(p) + 1)) + "\x00"
        families[f"{piece!r}+spaces"] = lambda n, p=piece: p + " " * n + "\x00"
    return families


def _apply(pattern: re.Pattern[Any]) -> Callable[[str], Any]:
    """Scan the whole input: every match, every position tried."""
    if isinstance(pattern.pattern, bytes):
        return lambda text: pattern.sub(b"", text.encode("utf-8"))
    return lambda text: pattern.sub("", text)


_PATTERNS = _patterns()
_REGEX_N = 1024  # characters: a quadratic regex takes milliseconds here, seconds at 4n... x16
_REGEX_TARGET = 0.004  # seconds per timed run at n (calls repeated to reach it): at 1 ms, noise alone gave x6.4


def regex_growth(apply: Callable[[str], Any], build: Build) -> tuple[float, float]:
    small, large = build(_REGEX_N), build(4 * _REGEX_N)
    calls = max(1, round(_REGEX_TARGET / max(_once(apply, small, fresh=False), 1e-7)))
    run = _repeat(apply, calls) if calls > 1 else apply
    return _best(run, small, fresh=False), _best(run, large, fresh=False)


@pytest.mark.parametrize("name", sorted(_PATTERNS))
def test_every_regex_is_linear(name: str) -> None:
    """Every regex of the package, on inputs built from its own pieces: the
    time at 4n is at most 6 times the time at n."""
    pattern = _PATTERNS[name]
    apply = _apply(pattern)
    slow = []
    for family, build in _families(pattern).items():
        for _ in range(3):  # more tries: a noisy moment is not a quadratic regex
            small, large = regex_growth(apply, build)
            if large / max(small, 1e-9) <= MAX_RATIO:
                break
        else:
            slow.append(f"{family}: {small * 1000:.2f} ms, 4n {large * 1000:.2f} ms")
    assert not slow, f"{name} ({pattern.pattern!r}) grows faster than linearly on: {slow}"


def test_the_regex_walk_finds_every_regex() -> None:
    """The walk above finds the patterns issue 14 named, and the inline ones."""
    names = set(_PATTERNS)
    for expected in (
        "_parse._SITE_SUFFIX_RE",
        # One author-name splitter since issue 11: it replaced _parse._NAME_SPLIT_RE
        # and _dom._AUTHOR_SPLIT_RE.
        "_header._NAME_SEPARATOR_RE",
        "_header._BYLINE_CUT_RE",
        "_text._ISO_RE",
        "_metadata._LINE_COMMENT_RE",
        "_page._META_CHARSET_RE",
        "_locate.Hint._COMPOUND_RE",
    ):
        assert expected in names
    assert any(name.startswith("_render:") for name in names)  # a pattern written inline
