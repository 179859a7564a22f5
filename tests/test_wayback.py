"""Wayback Machine captures: given with their Wayback URL, they give only the
site's own URLs, and the archive's toolbar and scripts are never content."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mayadeen_parse as mp
from mayadeen_parse._text import absolutize

FIXTURES = Path(__file__).parent / "fixtures"
ORIGINAL = "https://english.almayadeen.net/news/politics/blinken-claims-us--working-very-aggressively--to-send-aid-to"
STAMP = "20231106162100"
WAYBACK = f"https://web.archive.org/web/{STAMP}/{ORIGINAL}"
CAPTURED = datetime.datetime(2023, 11, 6, 16, 21, tzinfo=datetime.timezone.utc)

# What the Wayback Machine puts in the head of every capture it serves
# (seen on web.archive.org captures of the site, 2023-2025).
_HEAD_INSERT = f"""<script src="//archive.org/includes/athena.js" type="text/javascript"></script>
<script type="text/javascript">window.addEventListener('DOMContentLoaded',function(){{var v=archive_analytics.values;v.service='wb';v.server_name='wwwb-app220.us.archive.org';archive_analytics.send_pageview({{}});}});</script>
<script type="text/javascript" src="https://web-static.archive.org/_static/js/bundle-playback.js?v=HxkREWBo" charset="utf-8"></script>
<script type="text/javascript" src="https://web-static.archive.org/_static/js/wombat.js?v=txqj7nKC" charset="utf-8"></script>
<script type="text/javascript">
  __wm.init("https://web.archive.org/web");
  __wm.wombat("{ORIGINAL}","{STAMP}","https://web.archive.org/","web","https://web-static.archive.org/_static/","1699287660");
</script>
<link rel="stylesheet" type="text/css" href="https://web-static.archive.org/_static/css/banner-styles.css?v=S1zqJCYt" />
<link rel="stylesheet" type="text/css" href="https://web-static.archive.org/_static/css/iconochive.css?v=3PDvdIFv" />
<!-- End Wayback Rewrite JS Include -->
"""  # noqa: E501 - the archive writes these lines as they are

# The toolbar, inserted right after <body> (abridged from a real capture: the
# same ids, classes and texts).
_TOOLBAR = f"""<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<script>__wm.rw(0);</script>
<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;">
<div id="wm-ipp" style="position:fixed;left:0;top:0;right:0;">
<div id="wm-ipp-inside"><div id="wm-toolbar" style="position:relative;display:flex;flex-flow:row nowrap;">
<div id="wm-logo"><a href="/web/" title="Wayback Machine home page"><img src="https://web-static.archive.org/_static/images/toolbar/wayback-toolbar-logo-200.png" alt="Wayback Machine" /></a></div>
<div class="c"><div class="u"><form target="_top" method="get" action="/web/submit" name="wmtb" id="wmtb">
<input type="text" name="url" id="wmtbURL" value="{ORIGINAL}" /><input type="hidden" name="type" value="replay" />
<input type="hidden" name="date" value="{STAMP}" /><input type="submit" value="Go" /></form></div>
<div class="n"><table><tbody>
<tr class="m"><td class="b" nowrap="nowrap"><a href="https://web.archive.org/web/20231005000000*/{ORIGINAL}" title="OCT">OCT</a></td><td class="c" id="displayMonthEl" title="You are here: 16:21:00 Nov 06, 2023">NOV</td><td class="f" nowrap="nowrap"><a href="https://web.archive.org/web/20231208093012/{ORIGINAL}" title="08 Dec 2023">DEC</a></td></tr>
<tr class="d"><td class="b" nowrap="nowrap"><a href="https://web.archive.org/web/20231105120000/{ORIGINAL}" title="05 Nov 2023">05</a></td><td class="c" id="displayDayEl" title="You are here: 16:21:00 Nov 06, 2023">06</td><td class="f">07</td></tr>
<tr class="y"><td class="b" nowrap="nowrap">2022</td><td class="c" id="displayYearEl" title="You are here: 16:21:00 Nov 06, 2023">2023</td><td class="f">2024</td></tr>
</tbody></table></div>
<div class="s"><div id="wm-nav-captures"><a class="t" href="/web/{STAMP}*/{ORIGINAL}" title="See a list of every capture for this URL">3 captures</a>
<div class="r" title="Timespan for captures of this URL">06 Nov 2023 - 08 Dec 2023</div></div></div>
<div class="k"><a href="" id="wm-graph-anchor"><div id="wm-ipp-sparkline" title="Explore captures for this URL"><canvas class="sparkline" width="475" height="27"></canvas></div></a></div></div>
<div class="c"><div id="wm-btns"><a href="https://archive.org/account/login.php" title="Sign In" id="wm-sign-in">Sign In</a>
<a href="https://help.archive.org/help/category/the-wayback-machine/" title="Get some help using the Wayback Machine">Help</a>
<a href="#close" title="Close the toolbar"></a></div></div>
</div></div>
<div id="wm-capinfo" style="border-top:1px solid #777;display:none; overflow:hidden">
<div id="wm-capinfo-collected-by"><div style="background-color:#666;color:#fff;font-weight:bold;text-align:center">COLLECTED BY</div>
<div id="wm-collected-by-content">Organization: <a href="https://archive.org/details/archiveteam" target="_new"><span class="wm-title">Archive Team</span></a>
<div>Formed in 2009, the Archive Team is a rogue archivist collective dedicated to saving copies of rapidly dying or deleted websites for the sake of history and digital heritage.</div>
<h1>Wayback Machine collection headline</h1><p>This item was collected by the Wayback Machine toolbar paragraph.</p>
</div></div>
<div id="wm-capinfo-timestamps"><div>TIMESTAMPS</div><a href="/web/{STAMP}/{ORIGINAL}">the capture</a></div>
</div></div></div>
<div id="wm-ipp-print">The Wayback Machine - https://web.archive.org/web/{STAMP}/{ORIGINAL}</div>
<script type="text/javascript">__wm.bt(700,27,25,2,"web","{ORIGINAL}","{STAMP}",1996,"https://web-static.archive.org/_static/",["https://web-static.archive.org/_static/css/banner-styles.css?v=S1zqJCYt"], false);</script>
<!-- END WAYBACK TOOLBAR INSERT -->
"""  # noqa: E501

_TRAILER = f"""
<!--
     FILE ARCHIVED ON 16:21:00 Nov 06, 2023 AND RETRIEVED FROM THE
     INTERNET ARCHIVE ON 09:05:14 Dec 01, 2026.
     JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE.
-->
<!-- playback timings (ms): captures_list: 0.6 exclusion.robots: 0.02 -->
<script>__wm.rw(1); /* {STAMP} */</script>"""

# Words that are in the toolbar and nowhere on the site's page.
TOOLBAR_WORDS = (
    "Wayback",
    "captures",
    "COLLECTED BY",
    "Archive Team",
    "Sign In",
    "Timespan",
    "TIMESTAMPS",
    "archivist",
)

_ATTR_RE = re.compile(r"""\b(href|src|srcset|data-src|action|poster)=(["'])(.*?)\2""", re.DOTALL)
_FLAGS = {"src": "im_", "srcset": "im_", "data-src": "im_", "poster": "im_"}


def _rewrite(url: str, flag: str, absolute_form: bool) -> str:
    url = url.strip()
    if not url or url.startswith(("#", "javascript:", "data:", "mailto:", "tel:")):
        return url
    original = urljoin(ORIGINAL, url)
    prefix = "https://web.archive.org" if absolute_form else ""
    return f"{prefix}/web/{STAMP}{flag}/{original}"


def wayback_capture(html: str) -> str:
    """*html* as the Wayback Machine serves it: archive scripts in the head,
    the toolbar after ``<body>``, every link rewritten to the archive."""
    counter = iter(range(10**6))

    def attr(match: re.Match[str]) -> str:
        name, quote, value = match.groups()
        flag = _FLAGS.get(name, "")
        # The archive writes root-relative and absolute forms; use both.
        absolute = next(counter) % 2 == 0
        if name == "srcset":
            parts = []
            for item in value.split(","):
                bits = item.split()
                parts.append(" ".join([_rewrite(bits[0], flag, absolute), *bits[1:]]) if bits else item)
            value = ", ".join(parts)
        else:
            value = _rewrite(value, flag, absolute)
        return f"{name}={quote}{value}{quote}"

    def tag(match: re.Match[str]) -> str:
        text = match.group(0)
        lowered = text.lower()
        if lowered.startswith("<script"):
            return _ATTR_RE.sub(lambda m: attr(m).replace(f"{STAMP}/", f"{STAMP}js_/", 1), text)
        if lowered.startswith("<link") and "stylesheet" in lowered:
            return _ATTR_RE.sub(lambda m: attr(m).replace(f"{STAMP}/", f"{STAMP}cs_/", 1), text)
        if lowered.startswith("<iframe"):
            return _ATTR_RE.sub(lambda m: attr(m).replace(f"{STAMP}/", f"{STAMP}if_/", 1), text)
        return _ATTR_RE.sub(attr, text)

    rewritten = re.sub(r"<[a-zA-Z][^>]*>", tag, html)
    rewritten = re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + "\n" + _HEAD_INSERT, rewritten, count=1)
    rewritten = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + _TOOLBAR, rewritten, count=1)
    return rewritten + _TRAILER


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def _utf8_fixtures() -> list[Path]:
    """The HTML fixtures in UTF-8 without a byte order mark (the capture is
    built on text)."""
    found = []
    for path in sorted(FIXTURES.glob("*/*.html")):
        data = path.read_bytes()
        if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or b"windows-125" in data[:2000]:
            continue
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        found.append(path)
    return found


# blinken-markup-only first: no canonical link and no structured URL, so
# Article.url can only come from the url argument.
_CAPTURED_FIXTURES = sorted(_utf8_fixtures(), key=lambda p: p.stem != "blinken-markup-only")


@pytest.fixture(
    scope="module", params=_CAPTURED_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}" if isinstance(p, Path) else ""
)
def original_html(request: pytest.FixtureRequest) -> str:
    path: Path = request.param
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def markup_only() -> str:
    return (FIXTURES / "article" / "blinken-markup-only.html").read_text(encoding="utf-8")


def test_the_built_capture_looks_like_the_archive(original_html: str) -> None:
    """The test input is what it claims: every site link is rewritten."""
    capture = wayback_capture(original_html)
    assert 'id="wm-ipp-base"' in capture
    assert "<!-- BEGIN WAYBACK TOOLBAR INSERT -->" in capture
    assert capture.index("<body") < capture.index("wm-ipp-base") < capture.index("END WAYBACK TOOLBAR INSERT")
    page = capture.replace(_HEAD_INSERT, "").replace(_TOOLBAR, "").replace(_TRAILER, "")
    links = re.findall(r'(?:href|src)="([^"]*)"', page)
    site = [link for link in links if link.startswith(("/", "http"))]
    assert site
    assert all(f"/web/{STAMP}" in link for link in site)
    assert any(link.startswith("/web/") for link in site)
    assert any(link.startswith("https://web.archive.org/web/") for link in site)


def test_a_capture_given_with_its_wayback_url_gives_only_the_site_urls(markup_only: str) -> None:
    capture = wayback_capture(markup_only)
    page = mp.load_page(capture.encode("utf-8"), url=WAYBACK)
    assert page.url == ORIGINAL
    assert page.archive_url == WAYBACK
    assert page.base_url == ORIGINAL
    assert page.fetched_at == CAPTURED
    content = mp.to_dict(mp.parse_page(page))
    strings = _strings(content)
    assert not [s for s in strings if "archive.org" in s]
    assert not [s for s in strings if "/web/" in s]
    assert not [s for s in strings if any(word in s for word in TOOLBAR_WORDS)]
    assert content["url"] == ORIGINAL
    assert content["article"]["url"] == ORIGINAL
    assert content["article"]["tags"]
    assert all(tag["url"].startswith("https://english.almayadeen.net/tags/") for tag in content["article"]["tags"])


def test_a_capture_parses_as_the_original_page(original_html: str) -> None:
    """Unwrapping undoes the archive's rewriting exactly: the capture given
    with its Wayback URL gives what the original gives with its URL and the
    capture time."""
    capture = mp.parse_page(mp.load_page(wayback_capture(original_html), url=WAYBACK))
    original = mp.parse_page(mp.load_page(original_html, url=ORIGINAL, fetched_at=CAPTURED))
    assert mp.to_dict(capture) == mp.to_dict(original)


@pytest.mark.parametrize("flag", ["id_", "if_", ""])
def test_original_bytes_given_with_a_wayback_url_give_the_site_urls(original_html: str, flag: str) -> None:
    """An ``id_`` capture is the page's own bytes, links not rewritten: they
    resolve against the original URL, not the archive (they came out as
    ``https://web.archive.org/tags/...`` before)."""
    url = f"https://web.archive.org/web/{STAMP}{flag}/{ORIGINAL}"
    capture = mp.parse_page(mp.load_page(original_html, url=url))
    assert not [s for s in _strings(mp.to_dict(capture)) if "archive.org" in s]
    original = mp.parse_page(mp.load_page(original_html, url=ORIGINAL, fetched_at=CAPTURED))
    assert mp.to_dict(capture) == mp.to_dict(original)


def _without_raw(report: dict[str, Any]) -> dict[str, Any]:
    return {**report, "provenance": [{**p, "raw": None} for p in report["provenance"]]}


def test_the_report_of_a_capture_is_the_original_report(original_html: str) -> None:
    """The trust report too: no toolbar text, no block found in the toolbar,
    the same report as the original page's. Only the ``raw`` values differ:
    they are the page's own text, which the archive rewrote (a canonical link
    ``https://web.archive.org/web/.../https://english...``); the values used
    are unwrapped."""
    report = mp.to_dict(mp.inspect_page(mp.load_page(wayback_capture(original_html), url=WAYBACK)))
    strings = _strings(_without_raw(report))
    assert not [s for s in strings if "archive.org" in s or any(word in s for word in TOOLBAR_WORDS)]
    original = mp.to_dict(mp.inspect_page(mp.load_page(original_html, url=ORIGINAL, fetched_at=CAPTURED)))
    assert _without_raw(report) == _without_raw(original)
    raw = [p["raw"] for p in report["provenance"] if isinstance(p["raw"], str)]
    assert not [s for s in raw if any(word in s for word in TOOLBAR_WORDS)]


def test_the_toolbar_is_removed_with_nothing_else() -> None:
    """The text right after the toolbar (its lxml tail) stays."""
    html = f"<html><body><p>before</p>{_TOOLBAR}after<p>x</p></body></html>"
    page = mp.load_page(html, url=WAYBACK)
    texts = page.root.xpath("//body//text()[not(parent::script)]")
    assert " ".join(texts).split() == ["before", "after", "x"]
    assert not page.root.xpath("//*[starts-with(@id, 'wm-')]")


def test_fetched_at_given_wins_over_the_capture_time(original_html: str) -> None:
    when = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    page = mp.load_page(original_html, url=WAYBACK, fetched_at=when)
    assert page.fetched_at == when
    assert page.url == ORIGINAL


def test_a_page_without_url_keeps_the_default_base() -> None:
    page = mp.load_page(b"<html><body></body></html>")
    assert page.url is None
    assert page.archive_url is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"https://web.archive.org/web/{STAMP}/{ORIGINAL}", (ORIGINAL, CAPTURED)),
        (f"http://web.archive.org/web/{STAMP}id_/{ORIGINAL}", (ORIGINAL, CAPTURED)),
        (f"https://wayback.archive.org/web/{STAMP}if_/{ORIGINAL}", (ORIGINAL, CAPTURED)),
        (
            f"https://web.archive.org/web/{STAMP}im_/https://english.almayadeen.net/a.jpg",
            ("https://english.almayadeen.net/a.jpg", CAPTURED),
        ),
        (
            f"https://web.archive.org/web/{STAMP}js_/https://english.almayadeen.net/a.js",
            ("https://english.almayadeen.net/a.js", CAPTURED),
        ),
        (
            f"https://web.archive.org/web/{STAMP}cs_/http://english.almayadeen.net/a.css",
            ("https://english.almayadeen.net/a.css", CAPTURED),  # the site's one form
        ),
        (
            f"https://web.archive.org/web/{STAMP}/english.almayadeen.net/news/x",
            ("https://english.almayadeen.net/news/x", CAPTURED),
        ),
        (f"https://web.archive.org/web/{STAMP}/example.com/x", ("http://example.com/x", CAPTURED)),
        (
            f"https://web.archive.org/web/{STAMP}/https:/english.almayadeen.net/x",
            ("https://english.almayadeen.net/x", CAPTURED),
        ),
        (f"//web.archive.org/web/{STAMP}/{ORIGINAL}", (ORIGINAL, CAPTURED)),
        (f"web.archive.org/web/{STAMP}/{ORIGINAL}", (ORIGINAL, CAPTURED)),
        (f"/web/{STAMP}/{ORIGINAL}", (ORIGINAL, CAPTURED)),
        (f"https://web.archive.org/web/2023/{ORIGINAL}", (ORIGINAL, None)),
        (f"https://web.archive.org/web/20231399999999/{ORIGINAL}", (ORIGINAL, None)),
        (f"https://web.archive.org/web/{STAMP}/https://web.archive.org/web/2022/{ORIGINAL}", (ORIGINAL, CAPTURED)),
        # Not captures: kept as given.
        (ORIGINAL, (ORIGINAL, None)),
        (
            "https://web.archive.org/web/*/english.almayadeen.net*",
            ("https://web.archive.org/web/*/english.almayadeen.net*", None),
        ),
        ("https://english.almayadeen.net/web/2023/x", ("https://english.almayadeen.net/web/2023/x", None)),
        ("https://archive.org/details/x", ("https://archive.org/details/x", None)),
    ],
)
def test_unwrap_wayback(url: str, expected: tuple[str, datetime.datetime | None]) -> None:
    assert mp.unwrap_wayback(url) == expected
    again = mp.unwrap_wayback(expected[0])
    assert again == (expected[0], None)  # idempotent


def test_links_are_unwrapped_by_the_same_function() -> None:
    """absolutize (every link on a page) and load_page(url=) agree."""
    for link in (f"/web/{STAMP}/{ORIGINAL}", f"https://web.archive.org/web/{STAMP}im_/english.almayadeen.net/a.jpg"):
        assert absolutize(link) == mp.unwrap_wayback(link)[0]
        assert absolutize(link, WAYBACK) == mp.unwrap_wayback(link)[0]


_ORIGINALS = st.from_regex(
    r"https?://[a-z]{1,10}(\.[a-z]{2,8}){1,3}(/[a-zA-Z0-9._~%-]{0,12}){0,4}(\?[a-z=&]{0,10})?", fullmatch=True
)
_CAPTURES = st.datetimes(
    min_value=datetime.datetime(1996, 1, 1), max_value=datetime.datetime(2099, 12, 31, 23, 59, 59)
).map(lambda d: d.replace(microsecond=0, tzinfo=datetime.timezone.utc))


@given(
    original=_ORIGINALS,
    captured=_CAPTURES,
    prefix=st.sampled_from(
        ["https://web.archive.org", "http://web.archive.org", "https://wayback.archive.org", "//web.archive.org", ""]
    ),
    flag=st.sampled_from(["", "id_", "im_", "js_", "cs_", "if_", "fw_", "oe_"]),
)
def test_unwrapping_undoes_wrapping(original: str, captured: datetime.datetime, prefix: str, flag: str) -> None:
    """Every Wayback form of a URL gives the URL and the capture time back;
    the result is not a Wayback URL (unwrapping is idempotent)."""
    wrapped = f"{prefix}/web/{captured:%Y%m%d%H%M%S}{flag}/{original}"
    assert mp.unwrap_wayback(wrapped) == (original, captured)
    assert mp.unwrap_wayback(original) == (original, None)
    assert absolutize(wrapped) == original


@given(
    href=st.from_regex(
        r"\s*((https?:)?//(web|wayback)\.archive\.org)?/web/[0-9*]{0,16}([a-z]{2}_)?/.{0,40}", fullmatch=True
    )
)
def test_absolutize_stays_idempotent_on_wayback_links(href: str) -> None:
    """absolutize (which unwraps archive links) is idempotent on any string
    of the archive's shape."""
    once = absolutize(href)
    if once is not None:
        assert absolutize(once) == once
    original, _ = mp.unwrap_wayback(href)
    assert mp.unwrap_wayback(original)[0] == original


@pytest.mark.parametrize(
    ("wrapped", "original"),
    [
        ("http://web.archive.org/web/20231102200000/http://www.almayadeen.net:80/", "https://www.almayadeen.net/"),
        ("/web/2023/http://english.almayadeen.net:80/news/x", "https://english.almayadeen.net/news/x"),
        ("/web/2023/https://English.Almayadeen.net:443/news/x?a=1", "https://english.almayadeen.net/news/x?a=1"),
        ("/web/2023/http://example.com:80/x", "http://example.com:80/x"),  # not the site's: as given
        (
            "https://web.archive.org/web/20231102200000/https%3A%2F%2Fenglish.almayadeen.net%2Fnews%2Fx",
            "https://english.almayadeen.net/news/x",
        ),
        ("/web/2023/http%3a%2f%2fwww.almayadeen.net%3A80%2F", "https://www.almayadeen.net/"),
    ],
)
def test_unwrapped_site_urls_have_one_form(wrapped: str, original: str) -> None:
    """The original of a capture of the site is in the site's one form
    (https, lower-case host, no default port), percent-encoded or not: one
    story has one URL across captures."""
    assert mp.unwrap_wayback(wrapped)[0] == original
    assert mp.unwrap_wayback(original) == (original, None)


def test_links_of_an_http_port_80_capture_are_the_sites() -> None:
    """A capture requested as ``http://www.almayadeen.net:80/`` gives its page
    URL and its links in the site's https form."""
    home = (FIXTURES / "real" / "ar-homepage-2023-11-02.html").read_bytes()
    page = mp.load_page(home, url="http://web.archive.org/web/20231102200000/http://www.almayadeen.net:80/")
    assert page.base_url == "https://www.almayadeen.net/"
    urls = [teaser.url for teaser in mp.parse_listing(page)]
    assert urls
    assert all(url.startswith("https://www.almayadeen.net/") for url in urls)
