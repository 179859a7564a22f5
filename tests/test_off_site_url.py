"""A URL the page states on a host not the site's (an archive copy's
canonical) is never ``Article.url`` when a site URL is known."""

from __future__ import annotations

import re
from pathlib import Path

import mayadeen_parse as mp

_CMS = (Path(__file__).parent / "fixtures" / "article" / "blinken-cms.html").read_text(encoding="utf-8")
_SITE_URL = "https://english.almayadeen.net/news/politics/blinken-claims-us--working-very-aggressively--to-send-aid-to"
_COPY = "https://archive.ph/AbCd1"


def _archived_copy() -> str:
    """The page as archive.today serves it: its own canonical and og:url, and
    no site JSON or JSON-LD stating the story's URL."""
    html = re.sub(r'<script id="tawsiyat-metadata".*?</script>', "", _CMS, flags=re.S)
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    html = re.sub(r'<link rel="canonical"[^>]*>', f'<link rel="canonical" href="{_COPY}">', html)
    return re.sub(r'<meta property="og:url"[^>]*>', f'<meta property="og:url" content="{_COPY}">', html)


def test_an_off_site_canonical_loses_to_the_url_argument() -> None:
    html = _archived_copy()
    assert _COPY in html
    article = mp.parse_article(mp.load_page(html, url=_SITE_URL))
    assert article.url == _SITE_URL


def test_the_report_lists_an_off_site_canonical_as_rejected() -> None:
    report = mp.inspect_page(mp.load_page(_archived_copy(), url=_SITE_URL))
    url = next(item for item in report.provenance if item.field == "url")
    assert url.source == "argument:url"
    assert {rejected.source for rejected in url.rejected} >= {"meta:canonical", "meta:og:url"}


def test_an_off_site_url_is_kept_when_nothing_else_is_known() -> None:
    article = mp.parse_article(mp.load_page(_archived_copy()))
    assert article.url == _COPY
    report = mp.inspect_page(mp.load_page(_archived_copy()))
    assert next(item for item in report.provenance if item.field == "url").source == "off-site:url"


def test_a_site_canonical_still_wins_over_the_argument() -> None:
    article = mp.parse_article(mp.load_page(_CMS, url="http://localhost:8000/copy.html"))
    assert article.url == _SITE_URL
