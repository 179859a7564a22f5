"""The label functions (``_labels.py``): editions, time labels, ticker places.

Unit tests, every real label of the real capture, and property tests whose
invariants are stated in their docstrings.
"""

from __future__ import annotations

import datetime
import time

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mayadeen_parse import _editions as ed
from mayadeen_parse._labels import (
    MAX_LABEL_CHARS,
    PLACE_NAMES,
    TimeLabel,
    edition_of,
    fold,
    heading_block,
    kind_of_path,
    parse_time_label,
    post_type,
    resolve_label,
    split_place,
    to_ascii_digits,
)
from mayadeen_parse._site import LABEL_CLOCK_SKEW
from mayadeen_parse._text import normalize_text, to_site_time

from .test_editions import capture  # noqa: F401  (the module-scoped fixture)

UTC = datetime.timezone.utc
WINTER = datetime.timezone(datetime.timedelta(hours=2))
SUMMER = datetime.timezone(datetime.timedelta(hours=3))
# The capture's last ticker time is 21:48 on 2 Nov 2023 (Beirut, UTC+2).
FETCHED = datetime.datetime(2023, 11, 2, 19, 50, tzinfo=UTC)


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


# --- edition_of ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "lang", "html_lang", "expected"),
    [
        ("https://english.almayadeen.net/news/politics/x", None, None, "en"),
        ("https://www.almayadeen.net/", None, None, "ar"),
        ("https://almayadeen.net/news/politics/x", None, None, "ar"),
        ("http://WWW.ALMAYADEEN.NET./x", None, None, "ar"),
        ("https://espanol.almayadeen.net:443/x", None, None, "es"),
        ("//espanol.almayadeen.net/x", None, None, "es"),
        ("https://web.archive.org/web/20231102215000/https://www.almayadeen.net/", None, None, "ar"),
        # the host decides over the languages
        ("https://www.almayadeen.net/", "en", "es", "ar"),
        # no edition's host: the site JSON's lang, then <html lang>
        ("https://example.org/mirror", "es", "ar", "es"),
        ("/relative/www.almayadeen.net", None, "ar-LB", "ar"),
        ("www.almayadeen.net/no-scheme", None, None, None),
        (None, "AR", None, "ar"),
        (None, "es_ES", None, "es"),
        (None, None, "en-GB", "en"),
        (None, "fr", "de", None),
        (None, "", "", None),
        ("https://[::1/", None, None, None),
        (None, None, None, None),
    ],
)
def test_edition_of(url: str | None, lang: str | None, html_lang: str | None, expected: str | None) -> None:
    assert edition_of(url, lang, html_lang) == expected


def test_edition_of_never_raises_on_junk() -> None:
    assert edition_of(123, ["ar"], {"x": 1}) is None  # type: ignore[arg-type]
    assert edition_of("https://" + "a" * 10_000, None, "ar") == "ar"


# --- parse_time_label -------------------------------------------------------------------------


def _label(kind: str, day: int | None = None, month: int | None = None, year: int | None = None,
           hour: int | None = None, minute: int | None = None) -> TimeLabel:  # fmt: skip
    return TimeLabel(kind=kind, day=day, month=month, year=year, hour=hour, minute=minute)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "edition", "expected"),
    [
        # real (the capture)
        ("اليوم 21:48", "ar", _label("today", hour=21, minute=48)),
        ("اليوم 07:29", "ar", _label("today", hour=7, minute=29)),
        ("30 تشرين اول", "ar", _label("day-month", 30, 10)),
        ("1 تشرين ثاني", "ar", _label("day-month", 1, 11)),
        ("2 أيلول", "ar", _label("day-month", 2, 9)),
        # the README's other examples
        ("2 تشرين ثاني", "ar", _label("day-month", 2, 11)),
        ("1 أيلول", "ar", _label("day-month", 1, 9)),
        # Levantine forms: the article, hamza, alef maqsura, tatweel, no alef
        ("5 كانون ثاني", "ar", _label("day-month", 5, 1)),
        ("5 كانون الثاني", "ar", _label("day-month", 5, 1)),
        ("5 كانون الثانى", "ar", _label("day-month", 5, 1)),
        ("31 كانون الأول", "ar", _label("day-month", 31, 12)),
        ("31 كانون اول 2022", "ar", _label("full", 31, 12, 2022)),
        ("3 تشرين الاول", "ar", _label("day-month", 3, 10)),
        ("3 تشـرين أول", "ar", _label("day-month", 3, 10)),
        ("14 شباط", "ar", _label("day-month", 14, 2)),
        ("14 آذار", "ar", _label("day-month", 14, 3)),
        ("14 اذار", "ar", _label("day-month", 14, 3)),
        ("9 نيسان", "ar", _label("day-month", 9, 4)),
        ("9 ايار", "ar", _label("day-month", 9, 5)),
        ("11 حزيران", "ar", _label("day-month", 11, 6)),
        ("11 تموز", "ar", _label("day-month", 11, 7)),
        ("4 آب", "ar", _label("day-month", 4, 8)),
        ("4 اب", "ar", _label("day-month", 4, 8)),
        # standard Arabic months and their variants
        ("6 يونيو", "ar", _label("day-month", 6, 6)),
        ("6 يونيه", "ar", _label("day-month", 6, 6)),
        ("6 يوليه 2023", "ar", _label("full", 6, 7, 2023)),
        ("6 فبراير", "ar", _label("day-month", 6, 2)),
        ("6 إبريل", "ar", _label("day-month", 6, 4)),
        ("6 نوفمبر، 2023", "ar", _label("full", 6, 11, 2023)),
        # Arabic-Indic and Eastern Arabic-Indic digits
        ("٣٠ تشرين اول", "ar", _label("day-month", 30, 10)),
        ("اليوم ٢١:٤٨", "ar", _label("today", hour=21, minute=48)),
        ("۳۰ تشرين اول ۲۰۲۳", "ar", _label("full", 30, 10, 2023)),
        ("أمس 10:05", "ar", _label("yesterday", hour=10, minute=5)),
        ("امس", "ar", _label("yesterday")),
        ("اليوم الساعة 21:48", "ar", _label("today", hour=21, minute=48)),
        ("\u200f30 تشرين اول\u200f", "ar", _label("day-month", 30, 10)),
        # Spanish [reconstructed]
        ("6 nov 2023 16:21", "es", _label("full", 6, 11, 2023, 16, 21)),
        ("6 de noviembre de 2023", "es", _label("full", 6, 11, 2023)),
        ("6 de noviembre de 2023, 16:21", "es", _label("full", 6, 11, 2023, 16, 21)),
        ("6 ene. 2024", "es", _label("full", 6, 1, 2024)),
        ("6 Dic", "es", _label("day-month", 6, 12)),
        ("hoy 16:21", "es", _label("today", hour=16, minute=21)),
        ("Ayer a las 9:05", "es", _label("yesterday", hour=9, minute=5)),
        ("6 setiembre", "es", _label("day-month", 6, 9)),
        # English: _text.parse_visible_when's forms, and relative days
        ("6 Nov 2023 16:21", "en", _label("full", 6, 11, 2023, 16, 21)),
        ("8 Nov 2025", "en", _label("full", 8, 11, 2025)),
        ("Nov 6, 2023", "en", _label("full", 6, 11, 2023)),
        ("6 November 2023, 16:21", "en", _label("full", 6, 11, 2023, 16, 21)),
        ("8 Nov", "en", _label("day-month", 8, 11)),
        ("Today 16:21", "en", _label("today", hour=16, minute=21)),
        ("Yesterday at 9:05", "en", _label("yesterday", hour=9, minute=5)),
        # edition None: every language
        ("اليوم 21:48", None, _label("today", hour=21, minute=48)),
        ("6 ago 2023", None, _label("full", 6, 8, 2023)),
        ("16:21 - 6 Nov 2023", None, _label("full", 6, 11, 2023, 16, 21)),
        # words of another language than the edition's
        ("Today 16:21", "ar", None),
        ("30 تشرين اول", "en", None),
        ("6 ago 2023", "en", None),
        # not labels
        ("21:48", "ar", None),
        ("30 تشرين", "ar", None),
        ("تشرين اول 30", "ar", None),
        ("32 تشرين اول", "ar", None),
        ("30 شباط", "ar", None),
        ("29 شباط 2023", "ar", None),
        ("اليوم 24:00", "ar", None),
        ("اليوم 21:48 21:49", "ar", None),
        ("اليوم 30 تشرين اول", "ar", None),
        ("0 تشرين اول", "ar", None),
        ("", "ar", None),
        (" \u200f ", None, None),
        (None, "ar", None),
        ("Barrack: Damascus will now", None, None),
        ("العراق: المقاومة الإسلامية", None, None),
    ],
)
def test_parse_time_label(text: str | None, edition: ed.Edition | None, expected: TimeLabel | None) -> None:
    assert parse_time_label(text, edition) == expected


def test_a_long_text_is_no_label() -> None:
    assert parse_time_label("30 تشرين اول" + " " * MAX_LABEL_CHARS) is None
    assert parse_time_label("x" * 10**6) is None


# --- resolve_label --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fetched_at", "expected"),
    [
        ("اليوم 21:48", FETCHED, datetime.datetime(2023, 11, 2, 21, 48, tzinfo=WINTER)),
        ("اليوم", FETCHED, datetime.date(2023, 11, 2)),
        ("أمس 23:30", FETCHED, datetime.datetime(2023, 11, 1, 23, 30, tzinfo=WINTER)),
        ("30 تشرين اول", FETCHED, datetime.date(2023, 10, 30)),
        ("2 تشرين ثاني", FETCHED, datetime.date(2023, 11, 2)),  # the fetch day itself
        ("3 تشرين ثاني", FETCHED, datetime.date(2022, 11, 3)),  # still to come: last year
        ("5 كانون ثاني", FETCHED, datetime.date(2023, 1, 5)),
        ("2 أيلول", FETCHED, datetime.date(2023, 9, 2)),
        # Beirut's calendar, not UTC's: 22:30 UTC on 1 Nov is 00:30 on 2 Nov in Beirut
        ("اليوم 00:10", datetime.datetime(2023, 11, 1, 22, 30, tzinfo=UTC),
         datetime.datetime(2023, 11, 2, 0, 10, tzinfo=WINTER)),
        # summer time comes from the label's own day
        ("اليوم 12:00", datetime.datetime(2023, 7, 30, 9, 0, tzinfo=UTC),
         datetime.datetime(2023, 7, 30, 12, 0, tzinfo=SUMMER)),
        ("30 تموز", FETCHED, datetime.date(2023, 7, 30)),
        # 29 February: the last leap year's
        ("29 شباط", FETCHED, datetime.date(2020, 2, 29)),
        # a naive fetch time is Beirut wall-clock time
        ("اليوم 21:48", datetime.datetime(2023, 11, 2, 21, 50), datetime.datetime(2023, 11, 2, 21, 48, tzinfo=WINTER)),
        # a full label needs no fetch time
        ("6 Nov 2023 16:21", None, datetime.datetime(2023, 11, 6, 16, 21, tzinfo=WINTER)),
        ("8 Nov 2025", None, datetime.date(2025, 11, 8)),
        # without a fetch time, a relative label is None: deterministic
        ("اليوم 21:48", None, None),
        ("30 تشرين اول", None, None),
        ("أمس", None, None),
    ],
)  # fmt: skip
def test_resolve_label(
    text: str, fetched_at: datetime.datetime | None, expected: datetime.date | datetime.datetime | None
) -> None:
    resolved = resolve_label(parse_time_label(text), fetched_at)
    assert resolved == expected
    assert type(resolved) is type(expected)
    if isinstance(resolved, datetime.datetime):
        assert resolved.utcoffset() == expected.utcoffset()  # type: ignore[union-attr]


def test_resolve_label_at_the_ends_of_the_calendar() -> None:
    first = datetime.datetime(1, 1, 1, 12, tzinfo=UTC)
    assert resolve_label(parse_time_label("أمس"), first) is None
    assert resolve_label(parse_time_label("5 آب"), first) is None
    assert resolve_label(None, FETCHED) is None


# --- split_place ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("العراق: المقاومة الإسلامية في العراق: استهدفنا", ("العراق", "المقاومة الإسلامية في العراق: استهدفنا")),
        ("فلسطين المحتلة: 7 شهداء", ("فلسطين المحتلة", "7 شهداء")),
        ("الولايات المتحدة الأميركية : البنتاغون", ("الولايات المتحدة الأميركية", "البنتاغون")),
        ("لبنان:المقاومة", ("لبنان", "المقاومة")),
        ("سورية: بيان", ("سورية", "بيان")),  # the vocabulary, folded: ة and ه
        ("Lebanon: statement", ("Lebanon", "statement")),
        # a speaker, not a place
        ("Barrack: Damascus will now cooperate", (None, "Barrack: Damascus will now cooperate")),
        ("وزير الدفاع: سيجري إرسال", (None, "وزير الدفاع: سيجري إرسال")),
        ("Statement: Al Mayadeen's correspondent", (None, "Statement: Al Mayadeen's correspondent")),
        # no statement, no colon, nothing
        ("لبنان:", (None, "لبنان:")),
        (":لبنان", (None, ":لبنان")),
        ("لبنان يرد", (None, "لبنان يرد")),
        ("  ", (None, "")),
        (None, (None, "")),
    ],
)
def test_split_place(text: str | None, expected: tuple[str | None, str]) -> None:
    assert split_place(text) == expected


def test_split_place_takes_any_vocabulary() -> None:
    assert split_place("Barrack: Damascus", ["Barrack"]) == ("Barrack", "Damascus")
    assert split_place("Barrack: Damascus", frozenset({"barrack"})) == ("Barrack", "Damascus")
    assert split_place("لبنان: بيان", ()) == (None, "لبنان: بيان")


def test_split_place_is_linear() -> None:
    text = "لبنان" * 200_000 + ": " + "x:" * 200_000
    start = time.perf_counter()
    assert split_place(text) == (None, normalize_text(text))
    assert time.perf_counter() - start < 1.0


# --- the real capture ---------------------------------------------------------------------------------


def test_every_real_label_of_the_capture_parses(capture: lxml.html.HtmlElement) -> None:  # noqa: F811
    labels = [_text(p) for p in capture.cssselect("div.day_time div.time > p, div.time > p")]
    for item in capture.cssselect("section.breaking-news-vertical div.single-news"):
        labels += [_text(m) for m in item.cssselect("div.breaking-meta") if not m.cssselect("a")]
    assert len(labels) == 134 + 10  # 64 distinct card labels, the ten breaking times
    fetch_day = datetime.date(2023, 11, 2)
    for label in labels:
        for edition in ("ar", None):
            parsed = parse_time_label(label, edition)
            assert parsed is not None, label
            assert parsed.kind in ("today", "day-month"), label
        resolved = resolve_label(parse_time_label(label, "ar"), FETCHED)
        assert resolved is not None, label
        day = resolved.date() if isinstance(resolved, datetime.datetime) else resolved
        assert datetime.date(2023, 9, 1) <= day <= fetch_day, label
        if isinstance(resolved, datetime.datetime):
            assert resolved.utcoffset() == datetime.timedelta(hours=2)


def test_the_tickers_places_are_the_second_lists(capture: lxml.html.HtmlElement) -> None:  # noqa: F811
    """The ticker's "Place: statement" texts split into the place link and the
    statement of the second breaking list, item by item."""
    ticker = [_text(p) for p in capture.cssselect("div.ticker-item div.ticker-text p")]
    vertical = [
        (_text(item.cssselect("div.breaking-meta a")[0]), _text(item.cssselect("div.breaking-text h5")[0]))
        for item in capture.cssselect("section.breaking-news-vertical div.single-news")
    ]
    assert len(ticker) == len(vertical) == 10
    assert [split_place(text) for text in ticker] == vertical


def test_every_heading_of_the_capture_names_its_block(capture: lxml.html.HtmlElement) -> None:  # noqa: F811
    headings = [_text(h) for h in capture.cssselect(".section_head .title h2, .ticker-label h4")]
    blocks = [heading_block(h, "ar") for h in headings]
    assert None not in blocks
    assert blocks.count("most_read") == 1
    assert heading_block("أخبار عاجلة", "ar") == "breaking"


# --- headings, post types, paths ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "edition", "expected"),
    [
        ("BREAKING", "en", "breaking"),
        ("Breaking", None, "breaking"),
        ("ÚLTIMA HORA", "es", "breaking"),
        ("Most Read", "en", "most_read"),
        ("الأكثر قراءة", None, "most_read"),
        ("الاكثر قراءه", "ar", "most_read"),
        ("Related News", None, "related"),
        ("Read Next", "en", "read_next"),
        ("اقرأ", "ar", "read"),
        ("Most Read", "ar", None),
        ("Some headline", None, None),
        (None, None, None),
    ],
)
def test_heading_block(text: str | None, edition: ed.Edition | None, expected: str | None) -> None:
    assert heading_block(text, edition) == expected


def test_post_types() -> None:
    assert {p.text: post_type(p.text) for p in ed.POST_TYPES} == {p.text: p for p in ed.POST_TYPES}
    assert post_type("تقارير اخبارية") == post_type("تقارير إخبارية")
    assert post_type("انفوغراف") == post_type("إنفوغراف")
    assert post_type("News") is None
    assert post_type(None) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.almayadeen.net/news/politics/خشية-من-صواريخ-المقاومة", "news"),
        ("https://www.almayadeen.net/news/politics", None),
        ("/latestnews/2023/11/2/العراق--المقاومة", "news"),
        ("/latestnews/2023/11/2", None),
        ("/newscast/2023/11/2/نشرة-الثامنة", "newscast"),
        ("/reports/الاحتلال-يواصل", "report"),
        ("/tv-reports/x", "report"),
        ("/press/هآرتس:-نتنياهو", "press"),
        ("/podcasts/لماذا-رحلت-العصافير", "podcast"),
        ("/infograph/هل-سمعتم-بقبائل-الزولو-الأفريقية", "infograph"),
        ("/articles/x?utm=1#top", "opinion"),
        ("/episodes-tv/المقاومة-في-فنون", "video"),
        ("/tags/x", None),
        ("/", None),
        (None, None),
    ],
)
def test_kind_of_path(url: str | None, expected: str | None) -> None:
    assert kind_of_path(url) == expected


# --- properties ------------------------------------------------------------------------------------------

_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_EASTERN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_MONTH_FORMS = st.sampled_from([m for m in ed.MONTHS if m.language in ("ar", "es")])
_DAYS_IN = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
fetch_times = st.datetimes(
    min_value=datetime.datetime(1990, 1, 1), max_value=datetime.datetime(2100, 1, 1), timezones=st.just(UTC)
) | st.datetimes(min_value=datetime.datetime(1990, 1, 1), max_value=datetime.datetime(2100, 1, 1))


@st.composite
def day_month_labels(draw: st.DrawFn) -> tuple[str, ed.Edition, TimeLabel]:
    """A label as the site writes it (``30 تشرين اول``, ``6 nov 21:48``) and what it says."""
    name = draw(_MONTH_FORMS)
    day = draw(st.integers(1, _DAYS_IN[name.month - 1]))
    clock = draw(st.none() | st.tuples(st.integers(0, 23), st.integers(0, 59)))
    text = f"{day} {name.text}"
    if clock is not None:
        text += f" {clock[0]:02d}:{clock[1]:02d}"
    hour, minute = clock if clock is not None else (None, None)
    edition: ed.Edition = "ar" if name.language == "ar" else "es"
    return text, edition, _label("day-month", day, name.month, hour=hour, minute=minute)


@given(st.text(max_size=60))
def test_fold_is_idempotent(text: str) -> None:
    """fold(fold(x)) == fold(x): a key never moves when folded again."""
    assert fold(fold(text)) == fold(text)


@given(day_month_labels())
def test_labels_round_trip(case: tuple[str, ed.Edition, TimeLabel]) -> None:
    """A day-month label written as the site writes it parses back to its parts,
    with the edition given or not."""
    text, edition, expected = case
    assert parse_time_label(text, edition) == expected
    assert parse_time_label(text) == expected


@given(day_month_labels(), st.sampled_from([_ARABIC_INDIC, _EASTERN]))
def test_arabic_indic_digits_read_as_ascii_digits(
    case: tuple[str, ed.Edition, TimeLabel], table: dict[int, str]
) -> None:
    """A label in Arabic-Indic or Eastern Arabic-Indic digits says what the
    same label in ASCII digits says."""
    text, edition, _ = case
    assert parse_time_label(text.translate(table), edition) == parse_time_label(text, edition)
    assert to_ascii_digits(text.translate(table)) == text


@given(day_month_labels(), fetch_times)
def test_a_day_month_is_never_after_the_fetch_day(
    case: tuple[str, ed.Edition, TimeLabel], fetched_at: datetime.datetime
) -> None:
    """A label without a year resolves to a day not after the fetch day (on
    Beirut's calendar), less than a year before it (29 February excepted),
    and a time of day gives an aware datetime."""
    text, edition, label = case
    resolved = resolve_label(parse_time_label(text, edition), fetched_at)
    assert resolved is not None
    fetch_day = (fetched_at.astimezone(UTC) if fetched_at.tzinfo else fetched_at).date()
    day = resolved.date() if isinstance(resolved, datetime.datetime) else resolved
    assert day <= fetch_day + datetime.timedelta(days=1)  # Beirut is ahead of UTC
    beirut_day = to_site_time(fetched_at).date()
    assert day <= beirut_day
    if (label.day, label.month) != (29, 2):
        assert beirut_day - day < datetime.timedelta(days=366)
    assert (day.day, day.month) == (label.day, label.month)
    if label.hour is None:
        assert type(resolved) is datetime.date
    else:
        assert isinstance(resolved, datetime.datetime)
        assert resolved.tzinfo is not None
        assert (resolved.hour, resolved.minute) == (label.hour, label.minute)


@given(st.sampled_from(["اليوم", "أمس", "hoy", "ayer", "Today", "Yesterday"]), st.integers(0, 23), fetch_times)
def test_relative_days_are_aware_and_at_most_a_day_back(word: str, hour: int, fetched_at: datetime.datetime) -> None:
    """Today/yesterday with a time: an aware datetime on the fetch day (today)
    or the day before (yesterday), one day earlier when that would be after
    the fetch; never after the fetch (beyond the clock skew)."""
    resolved = resolve_label(parse_time_label(f"{word} {hour}:05"), fetched_at)
    assert isinstance(resolved, datetime.datetime)
    assert resolved.tzinfo is not None
    fetched = to_site_time(fetched_at)  # a naive fetch time is Beirut's
    assert resolved <= fetched + LABEL_CLOCK_SKEW
    beirut_day = fetched.date()
    days_back = 0 if word in ("اليوم", "hoy", "Today") else 1
    day = beirut_day - datetime.timedelta(days=days_back)
    first_reading = to_site_time(datetime.datetime(day.year, day.month, day.day, hour, 5))
    days_back += first_reading > fetched + LABEL_CLOCK_SKEW
    assert (beirut_day - resolved.date()).days == days_back


@pytest.mark.parametrize(
    ("text", "fetched_at", "expected"),
    [
        # fetched 00:30 Beirut on 3 Nov: "today 21:48" cannot be 3 Nov 21:48, after the fetch
        ("اليوم 21:48", datetime.datetime(2023, 11, 3, 0, 30, tzinfo=WINTER),
         datetime.datetime(2023, 11, 2, 21, 48, tzinfo=WINTER)),
        ("Today 16:21", datetime.datetime(2023, 11, 6, 16, 0, tzinfo=WINTER),
         datetime.datetime(2023, 11, 5, 16, 21, tzinfo=WINTER)),
        # within the clock skew: still the fetch day
        ("اليوم 21:48", datetime.datetime(2023, 11, 2, 21, 40, tzinfo=WINTER),
         datetime.datetime(2023, 11, 2, 21, 48, tzinfo=WINTER)),
        # "yesterday 23:59" fetched at 23:30 on the 3rd... is the 2nd, before the fetch
        ("أمس 23:59", datetime.datetime(2023, 11, 3, 23, 30, tzinfo=WINTER),
         datetime.datetime(2023, 11, 2, 23, 59, tzinfo=WINTER)),
        # a day-month with a time later on the fetch day: the year before
        ("3 تشرين ثاني 21:48", datetime.datetime(2023, 11, 3, 0, 30, tzinfo=WINTER),
         datetime.datetime(2022, 11, 3, 21, 48, tzinfo=WINTER)),
        # a day only cannot be after the fetch: kept
        ("اليوم", datetime.datetime(2023, 11, 3, 0, 30, tzinfo=WINTER), datetime.date(2023, 11, 3)),
    ],
)  # fmt: skip
def test_a_relative_label_is_never_after_the_fetch(
    text: str, fetched_at: datetime.datetime, expected: datetime.date | datetime.datetime
) -> None:
    """A page cannot show an item published after it was fetched: a label
    later than the fetch (beyond LABEL_CLOCK_SKEW) is the day before's."""
    assert resolve_label(parse_time_label(text), fetched_at) == expected


@given(st.text(max_size=100), st.sampled_from(["ar", "en", "es", None]))
def test_parse_time_label_is_total(text: str, edition: ed.Edition | None) -> None:
    """Any text: a label or None, never an exception; the same answer twice."""
    first = parse_time_label(text, edition)
    assert first == parse_time_label(text, edition)
    if first is not None:
        assert len(text) <= MAX_LABEL_CHARS
        resolve_label(first, FETCHED)


@given(st.sampled_from(sorted(PLACE_NAMES)), st.text(min_size=1, max_size=40))
def test_a_vocabulary_place_is_always_split(place: str, statement: str) -> None:
    """``Place: statement`` gives the place back when the statement has text."""
    found, rest = split_place(f"{place}: {statement}")
    if normalize_text(statement) is None:
        assert found is None
    else:
        assert found == place
        assert rest == normalize_text(statement)


@given(st.text(max_size=80))
def test_split_place_keeps_the_text(text: str) -> None:
    """Split or not, nothing of the (normalised) text is lost or invented."""
    place, rest = split_place(text)
    clean = normalize_text(text) or ""
    if place is None:
        assert rest == clean
    else:
        assert place in PLACE_NAMES or fold(place) in {fold(p) for p in PLACE_NAMES}
        assert clean.startswith(place)
        assert clean.endswith(rest)
