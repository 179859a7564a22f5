"""JSON-LD dates without an offset are UTC (site/README.md "Real markup").

Evidence: the real Arabic homepage's tawsiyat ``last_updated``
``2023-10-30T10:27:53+02:00`` is its JSON-LD ``dateModified``
``2023-10-30T08:27:53.2830000``; its ``published_time``
``2019-03-27T08:27:00+02:00`` is ``datePublished`` ``2019-03-27T06:27:00.0000000``.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping

import pytest

import mayadeen_parse as mp
from mayadeen_parse._text import parse_iso_datetime

UTC = datetime.timezone.utc


def _page(ld: Mapping[str, object]) -> str:
    return (
        '<html lang="ar"><head><script type="application/ld+json">'
        + json.dumps(ld, ensure_ascii=False)
        + '</script></head><body><h1>عنوان الخبر</h1><div class="p-content">'
        "<p>نص الخبر كما نشر على الموقع، فقرة واحدة طويلة بما يكفي لتكون فقرة.</p></div></body></html>"
    )


def test_a_page_whose_only_dates_are_offsetless_json_ld_dates_gives_the_right_instant() -> None:
    html = _page(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "عنوان الخبر",
            "datePublished": "2019-03-27T06:27:00.0000000",
            "dateModified": "2023-10-30T08:27:53.2830000",
        }
    )
    article = mp.parse_article(html, url="https://www.almayadeen.net/news/politics/x")
    assert article.published == datetime.datetime(2019, 3, 27, 6, 27, tzinfo=UTC)
    assert article.modified == datetime.datetime(2023, 10, 30, 8, 27, 53, 283000, tzinfo=UTC)
    # ... the same instants as the capture's tawsiyat, in Beirut time
    assert article.published.isoformat() == "2019-03-27T08:27:00+02:00"
    assert article.modified is not None
    assert article.modified.isoformat() == "2023-10-30T10:27:53.283000+02:00"


def test_offsetless_json_ld_agrees_with_tawsiyat_in_the_trust_report() -> None:
    """The capture's pair of values: one instant, so no disagreement."""
    ld = {"@type": "NewsArticle", "headline": "عنوان", "dateModified": "2023-10-30T08:27:53.2830000"}
    site = {"type": "article", "title": "عنوان", "last_updated": "2023-10-30T10:27:53+02:00"}
    html = _page(ld).replace(
        "</head>",
        '<script id="tawsiyat-metadata" type="text/tawsiyat">' + json.dumps(site) + "</script></head>",
    )
    report = mp.inspect_page(html)
    assert [d for d in report.disagreements if d.field == "modified"] == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019-03-27T06:27:00.0000000", "2019-03-27T08:27:00+02:00"),
        ("2023-10-30T08:27:53.2830000", "2023-10-30T10:27:53.283000+02:00"),
        ("2023-07-30T20:57:00", "2023-07-30T23:57:00+03:00"),  # summer time
        ("2023-10-30T08:27:53.123456789", "2023-10-30T10:27:53.123456+02:00"),  # nine digits
        # an offset is honoured whatever naive_as says
        ("2023-10-30T10:27:53+02:00", "2023-10-30T10:27:53+02:00"),
        ("2023-11-06T14:21:00Z", "2023-11-06T16:21:00+02:00"),
    ],
)
def test_naive_as_utc(raw: str, expected: str) -> None:
    moment = parse_iso_datetime(raw, naive_as="utc")
    assert moment is not None
    assert moment.isoformat() == expected


def test_naive_as_defaults_to_site_time() -> None:
    """Other sources (tawsiyat, meta, ``<time datetime>``) keep Beirut time."""
    moment = parse_iso_datetime("2023-10-30T10:27:53.2830000")
    assert moment is not None
    assert moment.isoformat() == "2023-10-30T10:27:53.283000+02:00"
