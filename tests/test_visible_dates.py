"""One reader of visible dates (``_dates``) serves the byline, the teasers'
dates and the time labels: 12-hour times, weekdays, the time before or after
the date, the Arabic comma and the Spanish "de" are read alike everywhere."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

import mayadeen_parse as mp
from mayadeen_parse._labels import parse_time_label
from mayadeen_parse._text import parse_visible_datetime, parse_visible_when

WINTER = datetime.timezone(datetime.timedelta(hours=2))
AT_1621 = datetime.datetime(2023, 11, 6, 16, 21, tzinfo=WINTER)
_CMS = (Path(__file__).parent / "fixtures" / "article" / "blinken-cms.html").read_text(encoding="utf-8")

# Every form, each meaning 6 November 2023 16:21, Beirut.
FORMS = [
    "6 Nov 2023 16:21",
    "6 Nov 2023 4:21 PM",
    "6 Nov 2023 4:21 p.m.",
    "6 Nov 2023, 4:21pm",
    "Nov 6, 2023 4:21 PM",
    "Monday, 6 November 2023 at 16:21",
    "6 de noviembre de 2023 16:21",
    "lunes 6 de noviembre de 2023 a las 4:21 p. m.",
    "6 نوفمبر، 2023 16:21",
    "6 نوفمبر 2023 4:21 م",
    "16:21 | 6 تشرين ثاني 2023",
    "الاثنين 6 تشرين ثاني 2023 - 16:21",
    "الإثنين ٦ تشرين الثاني ٢٠٢٣ الساعة 16:21",
]


@pytest.mark.parametrize("text", FORMS)
def test_every_form_is_read(text: str) -> None:
    assert parse_visible_datetime(text) == AT_1621
    assert parse_visible_when(text) == AT_1621


@pytest.mark.parametrize("text", FORMS)
def test_the_labels_read_the_same(text: str) -> None:
    """The time labels and the byline are one reader: the same answer."""
    label = parse_time_label(text)
    assert label is not None
    assert (label.kind, label.year, label.month, label.day, label.hour, label.minute) == ("full", 2023, 11, 6, 16, 21)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12:05 AM 6 Nov 2023", datetime.datetime(2023, 11, 6, 0, 5, tzinfo=WINTER)),
        ("6 Nov 2023 12:05 PM", datetime.datetime(2023, 11, 6, 12, 5, tzinfo=WINTER)),
        ("6 Nov 2023 9:00 ص", datetime.datetime(2023, 11, 6, 9, 0, tzinfo=WINTER)),
        ("6 Nov 2023 9:00 a. m.", datetime.datetime(2023, 11, 6, 9, 0, tzinfo=WINTER)),
    ],
)
def test_twelve_hour_times(text: str, expected: datetime.datetime) -> None:
    assert parse_visible_datetime(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "6 Nov 2023 16:21 PM",  # a 24-hour time with PM: no time is guessed
        "6 Nov 2023 0:21 AM",
    ],
)
def test_an_impossible_twelve_hour_time_gives_the_day_only(text: str) -> None:
    assert parse_visible_datetime(text) is None
    assert parse_visible_when(text) == datetime.date(2023, 11, 6)


def test_dates_inside_a_text_and_no_dates() -> None:
    assert parse_visible_when("By Al Mayadeen English | 8 Nov 2025") == datetime.date(2025, 11, 8)
    assert parse_visible_when("Nov 6 Nov 2023") == datetime.date(2023, 11, 6)
    assert parse_visible_when("500 days of war on Gaza") is None
    assert parse_visible_when("تشرين اول 30") is None  # no year: a label, no visible date
    assert parse_visible_when("6 Nov 2023", "ar") is None  # English words on the Arabic edition


def _byline_only(shown: str) -> mp.Page:
    """The CMS page with its byline date as *shown*, and no structured date."""
    html = re.sub(r'<script id="tawsiyat-metadata".*?</script>', "", _CMS, flags=re.S)
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    html = re.sub(r'<meta property="article:[a-z_]*time"[^>]*>', "", html)
    assert "<p>6 Nov 2023 16:21</p>" in html
    return mp.load_page(html.replace("<p>6 Nov 2023 16:21</p>", f"<p>{shown}</p>"))


@pytest.mark.parametrize("shown", FORMS)
def test_the_byline_date_is_found_and_read(shown: str) -> None:
    page = _byline_only(shown)
    assert mp.parse_article(page).published == AT_1621
    assert mp.inspect_page(page).status == "complete"
