"""Pad the reference page to the weight of a real page (~300 KB).

Real article pages of the site are 10-15 times heavier than their visible
text: inline scripts (tag managers, ad configuration, the player), inline
styles, SVG icon sprites and share-button icons, ad slots, and mega menus and
footers of a few hundred links. The padding added here is of those kinds only,
and no body text: the padded page must give exactly the same parse result as
the reference page (``bench/bench.py`` and this script check it; so does
``tests/test_bench.py``). Deterministic: the same bytes on every run.

The padding, as shares of the room between the reference (22 KB) and the
target size (300 KB by default):

==========================  =====  ==========================================
where                       share  what
==========================  =====  ==========================================
``<head>``                  18 %   one ``<style>`` of generated CSS rules
``<head>``                  30 %   two minified-looking ``<script>`` bundles
top of ``<body>``           14 %   a hidden SVG icon sprite (``<symbol>`` s)
the main ``<nav>``          16 %   a mega menu (section/region index links)
``<footer>``                10 %   a footer site map (index links)
end of ``<body>``           ~12 %  one more script (fills up to the target)
share buttons               fixed  an inline SVG icon in each of 3 buttons
ad slots                    fixed  4 GPT-style slots (div + inline script)
                                   outside the article: leaderboard, before
                                   and after the sidebar, footer
==========================  =====  ==========================================

``padded_page(reference, scale)`` scales the room (``scale=1`` is the
realistic page; ``scale=0`` is the reference itself) for the size series.

    python bench/make_heavy.py [REFERENCE.html] [-o bench/pages/heavy.html] [--size 300000]
"""

from __future__ import annotations

import argparse
import random
import string
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "fixtures" / "article" / "blinken-2023-11-06.html"
TARGET_SIZE = 300_000

_SECTIONS = ["politics", "economy", "sports", "arts-culture", "health", "miscellaneous", "technology", "environment"]
_REGIONS = ["africa", "asia", "asia-pacific", "europe", "latin-america", "mena", "palestine", "us-canada"]
_WORDS = [
    "window",
    "document",
    "push",
    "config",
    "slot",
    "render",
    "lazy",
    "player",
    "event",
    "track",
    "banner",
    "consent",
    "frame",
    "widget",
    "queue",
    "viewport",
    "scroll",
    "observer",
    "request",
    "callback",
    "module",
    "bundle",
    "chunk",
    "locale",
    "theme",
    "analytics",
    "session",
]


def _ident(rng: random.Random) -> str:
    return rng.choice(string.ascii_lowercase) + "".join(rng.choices(string.ascii_letters + string.digits, k=5))


def _script(rng: random.Random, size: int) -> str:
    """Minified-looking JavaScript, with the '<' comparisons and HTML strings real bundles hold."""
    parts = ["!function(){"]
    length = 0
    while length < size:
        a, b, w = _ident(rng), _ident(rng), rng.choice(_WORDS)
        chunk = rng.choice(
            [
                f'var {a}=function({b}){{return {b}&&{b}.{w}<{rng.randint(1, 999)}?"{w}":null}};',
                f'{a}.{w}=({b}||[]).map(function(x){{return"<div class=\\"{w}\\">"+x+"<\\/div>"}});',
                f'if({a}.length>{rng.randint(1, 99)}){{{b}["{w}"]={rng.random():.6f}}}',
                f'document.addEventListener("{w}",function(e){{{a}(e.{w},{rng.randint(0, 9999)})}});',
            ]
        )
        parts.append(chunk)
        length += len(chunk)
    parts.append("}();")
    return "<script>" + "".join(parts) + "</script>\n"


def _style(rng: random.Random, size: int) -> str:
    rules = []
    length = 0
    while length < size:
        sel = f".{rng.choice(_WORDS)}-{_ident(rng)} > .{rng.choice(_WORDS)}:not(:last-child)"
        rule = (
            f"{sel}{{margin:{rng.randint(0, 40)}px {rng.randint(0, 40)}px;color:#{rng.randint(0, 0xFFFFFF):06x};"
            f"font:{rng.randint(10, 30)}px/1.{rng.randint(1, 9)} Arial,sans-serif}}"
        )
        rules.append(rule)
        length += len(rule)
    return "<style>" + "".join(rules) + "</style>\n"


def _path(rng: random.Random, points: int) -> str:
    return "M" + " ".join(f"{rng.uniform(0, 24):.3f} {rng.uniform(0, 24):.3f}" for _ in range(points)) + "z"


def _sprite(rng: random.Random, size: int) -> str:
    symbols = []
    length = 0
    while length < size:
        symbol = (
            f'<symbol id="icon-{_ident(rng)}" viewBox="0 0 24 24">'
            f'<path d="{_path(rng, 40)}"/><path fill-rule="evenodd" d="{_path(rng, 20)}"/></symbol>'
        )
        symbols.append(symbol)
        length += len(symbol)
    return '<svg xmlns="http://www.w3.org/2000/svg" style="display:none">' + "".join(symbols) + "</svg>\n"


def _icon(rng: random.Random) -> str:
    return f'<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="{_path(rng, 30)}"/></svg>'


def _mega_menu(rng: random.Random, size: int) -> str:
    """Index links only (sections, regions, programs): a menu never links to stories."""
    columns = []
    length = 0
    while length < size:
        section = rng.choice(_SECTIONS)
        links = "".join(
            f'<li class="menu-item"><a href="/news/{section}?page={rng.randint(2, 99)}" '
            f'data-track="menu-{_ident(rng)}">{rng.choice(_WORDS).title()} {rng.choice(_REGIONS).title()}</a></li>'
            for _ in range(12)
        )
        column = f'<div class="mega-col"><span class="mega-title">{section.title()}</span><ul>{links}</ul></div>'
        columns.append(column)
        length += len(column)
    return '<div class="mega-menu">' + "".join(columns) + "</div>"


def _footer_links(rng: random.Random, size: int) -> str:
    items = []
    length = 0
    while length < size:
        region = rng.choice(_REGIONS)
        item = f'<li><a href="/region/{region}?from=footer-{_ident(rng)}">{region.replace("-", " ").title()}</a></li>'
        items.append(item)
        length += len(item)
    return '<ul class="footer-sitemap">' + "".join(items) + "</ul>\n"


def _share_links(rng: random.Random) -> str:
    url = "https%3A%2F%2Fenglish.almayadeen.net%2Fnews%2Fpolitics%2Fblinken"
    targets = [
        ("share-fb", f"https://www.facebook.com/sharer/sharer.php?u={url}"),
        ("share-wa", f"https://wa.me/?text={url}"),
        ("share-tg", f"https://t.me/share/url?url={url}"),
    ]
    return "".join(f'<li><a class="{cls}" href="{href}">{_icon(rng)}</a></li>' for cls, href in targets)


def _ad_slot(rng: random.Random, where: str) -> str:
    """A GPT-style ad slot: an empty box the ad script fills (no visible text)."""
    slot = f"div-gpt-ad-{rng.randint(10**12, 10**13 - 1)}-0"
    return (
        f'<div class="ad-slot ad-{where}" data-ad-unit="/21/almayadeen/en/article/{where}">'
        f'<div id="{slot}" style="min-height:90px">'
        f'<script>googletag.cmd.push(function(){{googletag.display("{slot}")}});</script></div></div>\n'
    )


def padded_page(reference: bytes, scale: float, seed: int = 6) -> bytes:
    """The reference with the realistic page's padding scaled by *scale* (0: the reference)."""
    if scale <= 0:
        return reference
    room = max(TARGET_SIZE - len(reference), 0)
    return heavy_page(reference, len(reference) + int(room * scale), seed)


def heavy_page(reference: bytes, size: int = TARGET_SIZE, seed: int = 6) -> bytes:
    """The reference page padded to about *size* bytes with script, style, SVG and menus."""
    rng = random.Random(seed)
    html = reference.decode("utf-8")
    room = max(size - len(reference), 0)

    def insert(marker: str, text: str, before: bool = True) -> None:
        nonlocal html
        at = html.index(marker)
        html = html[:at] + text + html[at:] if before else html[: at + len(marker)] + text + html[at + len(marker) :]

    # <head>: styles and scripts (about half the padding, as on real pages).
    insert("</head>", _style(rng, room * 18 // 100) + _script(rng, room * 22 // 100) + _script(rng, room * 8 // 100))
    # Top of <body>: the icon sprite.
    insert('<body class="article-page lang-en">\n', _sprite(rng, room * 14 // 100), before=False)
    # The main menu grows a mega menu; share buttons get icons.
    insert("</nav>", _mega_menu(rng, room * 16 // 100))
    insert('<ul class="share-links">\n', _share_links(rng), before=False)
    # Ad slots, outside the article.
    insert('<main class="container">', _ad_slot(rng, "leaderboard"))
    insert('<aside class="col-side">', _ad_slot(rng, "side-top"))
    insert("</aside>", _ad_slot(rng, "side-bottom"))
    insert("</footer>", _ad_slot(rng, "footer"))
    # Footer site map and end-of-body scripts.
    insert("</footer>", _footer_links(rng, room * 10 // 100))
    used = len(html.encode("utf-8"))
    insert("</body>", _script(rng, max(size - used - 40, 1000)))
    return html.encode("utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", nargs="?", default=str(REFERENCE))
    parser.add_argument("-o", "--output", default=str(ROOT / "bench" / "pages" / "heavy.html"))
    parser.add_argument("--size", type=int, default=TARGET_SIZE)
    args = parser.parse_args(argv)
    reference = Path(args.reference).read_bytes()
    data = heavy_page(reference, args.size)
    import mayadeen_parse as mp

    if mp.parse_page(data) != mp.parse_page(reference):
        raise SystemExit("the padded page does not parse like the reference page: the padding is wrong")
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(f"{out}: {len(data):,} bytes")


if __name__ == "__main__":
    main()
