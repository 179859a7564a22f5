"""Pure, idempotent normalisers: text, URLs, numbers, dates and the site's clock.

Every string the library returns went through one of these functions; the
extractors never call ``.strip()`` on their own.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Literal
from urllib.parse import urljoin

from ._dates import find_date, languages_of, tokens
from ._editions import Edition
from ._site import NOT_CREDIT_WORDS
from ._urls import read_path
from ._wayback import unwrap_wayback

__all__ = [
    "BR",
    "MAX_INT",
    "SITE_ORIGIN",
    "absolutize",
    "beirut_offset",
    "looks_like_story_path",
    "normalize_lines",
    "normalize_text",
    "parse_int",
    "parse_iso_datetime",
    "parse_iso_duration",
    "parse_visible_date",
    "parse_visible_datetime",
    "parse_visible_when",
    "split_credit",
    "split_keywords",
    "to_site_time",
    "without_surrogates",
]

SITE_ORIGIN = "https://english.almayadeen.net"

#: Marker the DOM walker writes for ``<br>``; :func:`normalize_lines` turns it
#: into a newline. A private-use code point cannot occur in the site's text.
BR = "\ue000"

# Invisible format characters that change nothing a reader sees: zero-width
# space, word joiner, BOM, soft hyphen, Arabic letter mark, LRM/RLM and the
# bidi embeddings, overrides and isolates. ZWJ and ZWNJ (U+200D, U+200C) are
# kept: emoji sequences and Persian/Arabic spelling need them.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u200b\u2060\ufeff\u00ad\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    )
)
_INVISIBLE_RE = re.compile("[\u200b\u2060\ufeff\u00ad\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Lone surrogates cannot be encoded; lxml silently drops text holding them.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# Either kind: one scan says whether a text needs the two above (most
# non-ASCII text, every Arabic line, holds neither).
_MARK_OR_SURROGATE_RE = re.compile(_INVISIBLE_RE.pattern[:-1] + _SURROGATE_RE.pattern[1:])


def without_surrogates(text: str) -> str:
    """*text* with every lone surrogate replaced by U+FFFD.

    A ``str`` can hold them (a ``\\ud800`` escape in JSON, a ``str`` decoded
    with ``surrogateescape``) but no UTF-8 output can: this is how every
    input of the library is cleaned at the door (the page's text, the ``url``
    argument, each string decoded from the page's JSON), so that no string the
    library returns holds one. A surrogate pair in JSON (``\\ud83d\\ude00``) is
    one character by then, and is kept.

    >>> without_surrogates("a\\ud800b\\udfff") == "a\\ufffdb\\ufffd"
    True
    """
    if text.isascii() or _SURROGATE_RE.search(text) is None:
        return text
    return _SURROGATE_RE.sub("\ufffd", text)


def normalize_text(text: str | None) -> str | None:
    """Collapse whitespace, drop invisible marks; ``None`` for empty results.

    Any run of whitespace (NBSP, thin spaces, newlines, tabs included) becomes
    one space; zero-width and bidi control marks are removed; the ends are
    trimmed. Idempotent.

    >>> normalize_text("  Blinken\\xa0claims \\u200bUS\\n 'working' ")
    "Blinken claims US 'working'"
    >>> normalize_text(" \\xa0\\u200e ") is None
    True
    >>> normalize_text(None) is None
    True

    A text already normal (most paragraphs) is returned as it is, told by
    :meth:`str.isprintable`: every whitespace character but the space, every
    mark removed here and every surrogate is unprintable.

    >>> changed = (c for c in map(chr, range(0x110000)) if c != " " and (c.isspace() or _MARK_OR_SURROGATE_RE.match(c)))
    >>> [hex(ord(c)) for c in changed if c.isprintable()]
    []
    """
    if not text:
        return None
    if text[0] != " " and text[-1] != " " and "  " not in text and text.isprintable():
        return text
    # isascii() is O(1); marks and surrogates are not ASCII
    if not text.isascii() and _MARK_OR_SURROGATE_RE.search(text) is not None:
        if _INVISIBLE_RE.search(text):
            text = text.translate(_INVISIBLE)
        text = without_surrogates(text)
    return " ".join(text.split()) or None


def normalize_lines(text: str | None) -> str | None:
    """Like :func:`normalize_text`, but each :data:`BR` marker becomes ``"\\n"``.

    Empty lines are dropped, so ``<br><br>`` gives one newline.

    >>> normalize_lines("first line \\ue000\\ue000  second\\n line \\ue000")
    'first line\\nsecond line'
    """
    if not text:
        return None
    if BR not in text:
        return normalize_text(text)
    lines = [line for line in map(normalize_text, text.split(BR)) if line]
    return "\n".join(lines) or None


_IGNORED_SCHEMES = ("javascript:", "data:", "about:", "#")
# WHATWG URL parsing trims "C0 control or space" from both ends, and nothing
# else: str.strip() would also trim U+0085 or U+3000 that a first call had
# kept inside the URL (absolutize must be idempotent; found by a property test).
_C0_OR_SPACE = "".join(map(chr, range(0x21)))


def absolutize(href: str | None, base: str = SITE_ORIGIN) -> str | None:
    """Resolve *href* against *base*; ``None`` for empty and non-navigable links.

    Absolute URLs are kept as given. Links rewritten by the Wayback Machine
    (``/web/<timestamp>/https://...``) are unwrapped to the original URL.
    ``javascript:``, ``data:`` and fragment-only links give ``None``. A
    ``<base href>`` in the page is never consulted.

    >>> absolutize("/news/politics/x")
    'https://english.almayadeen.net/news/politics/x'
    >>> absolutize("https://web.archive.org/web/2023id_/https://english.almayadeen.net/tags/gaza")
    'https://english.almayadeen.net/tags/gaza'
    >>> absolutize("javascript:void(0)") is None
    True
    """
    if not href:
        return None
    href = href.strip(_C0_OR_SPACE)
    if "\n" in href or "\t" in href or "\r" in href:
        # WHATWG URL parsing removes ASCII tab and newline anywhere in a URL.
        href = href.replace("\n", "").replace("\t", "").replace("\r", "")
    if not href or href.startswith(_IGNORED_SCHEMES):
        return None
    if "/web/" in href:
        original, _ = unwrap_wayback(href)
        if original != href:
            return original
    if href.startswith(("https://", "http://")):
        return href
    if href.startswith("/") and not href.startswith("//") and base == SITE_ORIGIN:
        return SITE_ORIGIN + href
    try:
        # urljoin drops an empty query or fragment ("a ?" -> ".../a "): trim
        # what that exposes, as a second call would.
        url = urljoin(base, href).strip(_C0_OR_SPACE)
    except ValueError:  # e.g. an invalid IPv6 literal in the host
        return None
    if "/web/" in url:
        url = unwrap_wayback(url)[0]
    return url or None


@functools.lru_cache(maxsize=8192)
def looks_like_story_path(url: str) -> bool:
    """Whether *url* has the shape of a story on the site, not an index.

    Stories live at ``/news/<section>/<slug>``, ``/articles/<kind>/<slug>``,
    ``/videos/<kind>/<slug>``, ``/infographs/<slug>`` and
    ``/in-pictures/<slug>``; ``/news/politics`` or ``/tags/gaza`` are indexes.
    Links to other hosts count as stories when their path is deep enough.

    >>> looks_like_story_path("https://english.almayadeen.net/news/politics/some-slug")
    True
    >>> looks_like_story_path("https://english.almayadeen.net/news/politics")
    False
    >>> looks_like_story_path("https://english.almayadeen.net/tags/gaza")
    False
    """
    start = url.find("//")
    path_start = url.find("/", start + 2) if start >= 0 else 0
    if path_start < 0:
        return False
    return read_path(url[path_start:].split("?", 1)[0].split("#", 1)[0]).is_story


#: The largest number :func:`parse_int` accepts (18 digits): a word count, a
#: post id or a duration is far smaller, and a bound keeps arithmetic on it
#: (a ratio, a float) from overflowing.
MAX_INT = 10**18 - 1


def parse_int(value: object) -> int | None:
    """A non-negative integer up to :data:`MAX_INT` from an int or a string
    of digits, else ``None``.

    The site writes numbers as strings (``"153"``); thousands separators are
    accepted.

    >>> parse_int("1,724"), parse_int(542), parse_int("n/a"), parse_int(True), parse_int(10**400)
    (1724, 542, None, None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value <= MAX_INT else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and 0 <= value <= MAX_INT else None
    if isinstance(value, str):
        digits = value.strip().replace(",", "")
        if digits.isascii() and digits.isdigit() and len(digits) <= 18:
            return int(digits)
    return None


def split_keywords(value: object) -> tuple[str, ...]:
    """Keywords from a comma-separated string or a list of strings.

    Split on commas (Latin and Arabic), trimmed, empties dropped, repeats
    dropped keeping the first occurrence.

    >>> split_keywords("Russia,Russia, Ukraine ,,Gaza")
    ('Russia', 'Ukraine', 'Gaza')
    """
    if isinstance(value, str):
        raw = value.replace("\u060c", ",").split(",")
    elif isinstance(value, list | tuple):
        raw = [item for item in value if isinstance(item, str)]
        raw = [piece for item in raw for piece in item.replace("\u060c", ",").split(",")]
    else:
        return ()
    seen: dict[str, None] = {}
    for item in raw:
        keyword = normalize_text(item)
        if keyword and keyword not in seen:
            seen[keyword] = None
    return tuple(seen)


# No leading \s*: what comes before the credit is normalised after the cut,
# and a \s* tried at each space of a run is quadratic in the run.
_CREDIT_RE = re.compile(r"\(([^()]{1,120})\)\s*$")


@functools.lru_cache(maxsize=4096)
def split_credit(caption: str | None) -> tuple[str | None, str | None]:
    """Split a trailing parenthesised credit off a caption.

    >>> split_credit('Blinken speaks in "Tel Aviv" on Friday, Nov. 3, 2023 (AP)')
    ('Blinken speaks in "Tel Aviv" on Friday, Nov. 3, 2023', 'AP')
    >>> split_credit("No credit here")
    ('No credit here', None)
    >>> split_credit("Julian Assange (Part Two)")
    ('Julian Assange (Part Two)', None)
    """
    caption = normalize_text(caption)
    if caption is None:
        return None, None
    match = _CREDIT_RE.search(caption)
    if match is None:
        return caption, None
    credit = normalize_text(match.group(1))
    if credit is not None and credit.split()[0].casefold() in NOT_CREDIT_WORDS:
        return caption, None  # "(Part two)": a title's part, no credit
    rest = normalize_text(caption[: match.start()])
    return rest, credit


# --- the site's clock -------------------------------------------------------

_UTC = _dt.timezone.utc
_WINTER = _dt.timezone(_dt.timedelta(hours=2))
_SUMMER = _dt.timezone(_dt.timedelta(hours=3))


def _last_sunday(year: int, month: int) -> _dt.date:
    last = _dt.date(year, month, 31)  # March and October both have 31 days
    return last - _dt.timedelta(days=(last.weekday() + 1) % 7)


@functools.lru_cache(maxsize=256)
def _summer(year: int) -> tuple[_dt.datetime, _dt.datetime, _dt.datetime, _dt.datetime]:
    """Summer time of *year*: (local start, local end, UTC start, UTC end).

    Lebanon since 1999: from the last Sunday of March, 00:00, to the last
    Sunday of October, 00:00 (tz database, Rule Lebanon). The hour skipped in
    March (00:00-00:59 local) takes the winter offset, as zoneinfo does.
    """
    march, october = _last_sunday(year, 3), _last_sunday(year, 10)
    local_start = _dt.datetime(march.year, march.month, march.day, 1)
    local_end = _dt.datetime(october.year, october.month, october.day)
    return local_start, local_end, local_start - _dt.timedelta(hours=3), local_end - _dt.timedelta(hours=3)


def _is_summer_local(local: _dt.datetime) -> bool:
    start, end, _, _ = _summer(local.year)
    return start <= local.replace(tzinfo=None) < end


def beirut_offset(local: _dt.datetime) -> _dt.timezone:
    """The UTC offset of Asia/Beirut for a naive local wall-clock time.

    Built in rather than read from the system's tz database so that the same
    page gives the same answer on every machine (and on Windows, which has no
    tz database). Ambiguous times at the end of summer time take the summer
    offset, like ``zoneinfo`` with ``fold=0``.

    >>> beirut_offset(_dt.datetime(2023, 11, 6, 16, 21))
    datetime.timezone(datetime.timedelta(seconds=7200))
    >>> beirut_offset(_dt.datetime(2023, 7, 30, 23, 57))
    datetime.timezone(datetime.timedelta(seconds=10800))
    """
    return _SUMMER if _is_summer_local(local) else _WINTER


def _is_summer_utc(utc: _dt.datetime) -> bool:
    _, _, start, end = _summer(utc.year)
    return start <= utc < end


def to_site_time(moment: _dt.datetime) -> _dt.datetime:
    """Express an aware datetime in Beirut local time (same instant).

    A naive datetime is taken to be Beirut wall-clock time already. An instant
    too close to the ends of the datetime range to shift is returned as is.

    >>> to_site_time(_dt.datetime(2023, 11, 6, 14, 21, tzinfo=_dt.timezone.utc)).isoformat()
    '2023-11-06T16:21:00+02:00'
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=beirut_offset(moment))
    try:
        utc = moment.astimezone(_UTC).replace(tzinfo=None)
        return moment.astimezone(_SUMMER if _is_summer_utc(utc) else _WINTER)
    except (OverflowError, ValueError):
        return moment


# Matched on the stripped value: "\s*(zone)?\s*$" backtracked over a run of
# spaces quadratically; one optional "\s*" before the zone cannot.
_ISO_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"(?:\s*(Z|z|[+-]\d{2}(?::?\d{2})?))?$"
)


def parse_iso_datetime(value: object, *, naive_as: Literal["site", "utc"] = "site") -> _dt.datetime | None:
    """An aware datetime in site local time from an ISO 8601 string.

    Offsets (``+03:00``, ``+0300``, ``Z``) are honoured; a value without an
    offset is read as Beirut local time, or as UTC with ``naive_as="utc"``
    (the site's JSON-LD writes UTC without an offset: ``dateModified``
    ``2023-10-30T08:27:53.2830000`` is tawsiyat ``2023-10-30T10:27:53+02:00``);
    a date without a time gives ``None`` (never a made-up midnight). Up to
    nine fractional digits are read (microseconds kept).

    >>> parse_iso_datetime("2023-11-06T14:21:00Z").isoformat()
    '2023-11-06T16:21:00+02:00'
    >>> parse_iso_datetime("2023-07-30T23:57:00+03:00").isoformat()
    '2023-07-30T23:57:00+03:00'
    >>> parse_iso_datetime("2023-10-30T08:27:53.2830000", naive_as="utc").isoformat()
    '2023-10-30T10:27:53.283000+02:00'
    >>> parse_iso_datetime("2023-11-06") is None
    True
    """
    if not isinstance(value, str) or len(value) > 64:
        return None
    return _parse_iso(value.strip(), naive_as == "utc")


@functools.lru_cache(maxsize=4096)
def _parse_iso(value: str, naive_utc: bool = False) -> _dt.datetime | None:
    # Cached: a crawl meets the same ticker and teaser times on every page.
    match = _ISO_RE.match(value)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        moment = _dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro)
        if zone in (None, ""):
            return to_site_time(moment.replace(tzinfo=_UTC) if naive_utc else moment)
        if zone in ("Z", "z"):
            tz = _UTC
        else:
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
            tz = _dt.timezone(sign * _dt.timedelta(hours=hours, minutes=minutes))
        return to_site_time(moment.replace(tzinfo=tz))
    except (ValueError, OverflowError):
        return None


_DIGIT_RE = re.compile(r"\d")


def _visible_parts(text: str | None, edition: Edition | None = None) -> tuple[_dt.date, tuple[int, int] | None] | None:
    if not text or len(text) > 200 or _DIGIT_RE.search(text) is None:
        return None  # most texts tried are headlines: no digit, no date
    return _visible_parts_cached(text, edition)


@functools.lru_cache(maxsize=4096)
def _visible_parts_cached(text: str, edition: Edition | None) -> tuple[_dt.date, tuple[int, int] | None] | None:
    # The one date reader (_dates), which the time labels use too.
    clean = normalize_text(text)
    label = find_date(tokens(clean), languages_of(edition)) if clean else None
    if label is None or label.year is None or label.month is None or label.day is None:
        return None
    clock = (label.hour, label.minute) if label.hour is not None and label.minute is not None else None
    return _dt.date(label.year, label.month, label.day), clock


def parse_visible_when(text: str | None, edition: Edition | None = None) -> _dt.date | None:
    """What a visible date says: an aware datetime when it has a time of day
    (site local time), a :class:`datetime.date` when it shows a day only.

    The first date in *text* is read, in the words of *edition* (all three
    editions' for ``None``; the tables are :mod:`mayadeen_parse._editions`),
    by the reader the time labels use (:mod:`mayadeen_parse._dates`): the
    day, the month and the year in either order, a weekday before them, a
    24-hour or 12-hour time before or after them.

    >>> parse_visible_when("8 Nov 2025"), parse_visible_when("6 Nov 2023 16:21").isoformat()
    (datetime.date(2025, 11, 8), '2023-11-06T16:21:00+02:00')
    >>> parse_visible_when("6 Nov 2023 4:21 PM").isoformat()
    '2023-11-06T16:21:00+02:00'
    >>> parse_visible_when("الاثنين 6 تشرين ثاني 2023 - 16:21").isoformat()
    '2023-11-06T16:21:00+02:00'
    """
    parts = _visible_parts(text, edition)
    if parts is None:
        return None
    date, clock = parts
    if clock is None:
        return date
    return to_site_time(_dt.datetime(date.year, date.month, date.day, clock[0], clock[1]))


def parse_visible_date(text: str | None, edition: Edition | None = None) -> _dt.date | None:
    """The day a teaser shows (``8 Nov 2025``) as a :class:`datetime.date`.

    >>> parse_visible_date("8 Nov 2025")
    datetime.date(2025, 11, 8)
    """
    parts = _visible_parts(text, edition)
    return parts[0] if parts else None


def parse_visible_datetime(text: str | None, edition: Edition | None = None) -> _dt.datetime | None:
    """A byline time (``6 Nov 2023 16:21``, Beirut local) as an aware datetime.

    ``None`` when the text has no time of day: a day alone is not a datetime.

    >>> parse_visible_datetime("6 Nov 2023 16:21").isoformat()
    '2023-11-06T16:21:00+02:00'
    >>> parse_visible_datetime("6 Nov 2023") is None
    True
    """
    parts = _visible_parts(text, edition)
    if parts is None or parts[1] is None:
        return None
    date, (hour, minute) = parts[0], parts[1]
    return to_site_time(_dt.datetime(date.year, date.month, date.day, hour, minute))


_DURATION_RE = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def parse_iso_duration(value: object) -> int | None:
    """Seconds from an ISO 8601 duration (``PT2M39S``) or a number.

    >>> parse_iso_duration("PT2M39S"), parse_iso_duration("159")
    (159, 159)
    """
    number = parse_int(value)
    if number is not None:
        return number
    if not isinstance(value, str) or len(value) > 40:
        return None
    match = _DURATION_RE.match(value.strip().upper())
    if match is None or not any(match.groups()):
        return None
    days, hours, minutes, seconds = (float(group or 0) for group in match.groups())
    total = days * 86400 + hours * 3600 + minutes * 60 + seconds
    return int(total) if total <= MAX_INT else None
