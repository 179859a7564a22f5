"""Pure functions over the edition tables: which edition, time labels, ticker places.

Everything here reads :mod:`mayadeen_parse._editions` and plain values (no
tree, no page): the extractors of issue 12 call it with the text they found.
All of it runs in linear time (no regular expression; inputs are bounded
before any work), is deterministic (no clock: a relative label is resolved
against the page's fetch time only), and is cached where a crawl meets the
same value on every page (labels, hosts, headings).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from ._dates import TimeLabel, find_date, fold, languages_of, read_label, to_ascii_digits, tokens
from ._editions import (
    EDITION_CODES,
    EDITION_HOSTS,
    EDITIONS,
    ERROR_TITLES,
    HEADINGS,
    PATH_KINDS,
    PLACES,
    POST_TYPES,
    Edition,
    PostType,
)
from ._site import ERROR_STATUS_CODES, LABEL_CLOCK_SKEW
from ._text import absolutize, normalize_text, to_site_time

__all__ = [
    "MAX_LABEL_CHARS",
    "MAX_PLACE_CHARS",
    "PLACE_NAMES",
    "TimeLabel",
    "edition_of",
    "error_title",
    "fold",
    "heading_block",
    "kind_of_path",
    "longer_than",
    "parse_time_label",
    "post_type",
    "resolve_label",
    "split_place",
    "to_ascii_digits",
]

#: A time label longer than this is no label (the site's are under 20 chars).
MAX_LABEL_CHARS = 80
#: A ticker place longer than this is no place (the longest seen,
#: "الولايات المتحدة الأميركية", has 26 characters).
MAX_PLACE_CHARS = 40
_MAX_URL_CHARS = 4096

#: Characters :func:`fold` keeps one for one: ASCII letters and digits, the
#: Arabic letters but the tatweel (a hamza or madda on one is split off, the
#: letter stays). A text holding more of them than a key has characters never
#: folds to that key: :func:`longer_than` tells so without folding it.
_KEPT = "A-Za-z0-9\u0621-\u063a\u0641-\u064a"


def longer_than(chars: int) -> re.Pattern[str]:
    """A pattern whose ``match`` says that a text folds to more than *chars*
    characters (C level: a long title is not folded to learn that it is no
    heading). Anchored at the start: tried at one position only, it is linear
    (each run of other characters is given back once), even through
    ``search``."""
    return re.compile(f"\\A[^{_KEPT}]*(?:[{_KEPT}][^{_KEPT}]*){{{chars + 1}}}")


# --- editions -------------------------------------------------------------------------------


def _host(url: str) -> str | None:
    if "//" not in url or len(url) > _MAX_URL_CHARS:
        return None  # a relative URL names no host
    absolute = absolutize(url)  # unwraps a Wayback Machine URL
    if absolute is None:
        return None
    try:
        host = urlsplit(absolute).hostname
    except ValueError:
        return None
    return host.rstrip(".") if host else None


def _language(value: object) -> Edition | None:
    if not isinstance(value, str) or len(value) > 35:
        return None
    primary = value.strip().lower().replace("_", "-").partition("-")[0]
    for code in EDITION_CODES:
        if primary == EDITIONS[code].language:
            return code
    return None


@functools.lru_cache(maxsize=1024)
def _edition(url: str | None, lang: str | None, html_lang: str | None) -> Edition | None:
    if url is not None:
        host = _host(url)
        if host is not None and host in EDITION_HOSTS:
            return EDITION_HOSTS[host]
    return _language(lang) or _language(html_lang)


def edition_of(url: str | None = None, lang: str | None = None, html_lang: str | None = None) -> Edition | None:
    """Which edition a page is from: ``"en"``, ``"ar"``, ``"es"`` or ``None``.

    The URL's host decides (a Wayback Machine URL is unwrapped first); then
    the site JSON's ``lang``; then ``<html lang>``. Language tags are read by
    their primary subtag (``ar-LB``, ``es_ES``, ``EN``). A host of no edition
    (a mirror, ``localhost``) lets the language decide.

    >>> edition_of("https://www.almayadeen.net/news/politics/x", "en")
    'ar'
    >>> edition_of("https://web.archive.org/web/2023id_/https://espanol.almayadeen.net/")
    'es'
    >>> edition_of(None, None, "ar-LB"), edition_of("/relative/path", "fr", "de") is None
    ('ar', True)
    """
    # Only strings reach the cache: the site JSON's "lang" may be any JSON value.
    if not isinstance(url, str) or len(url) > _MAX_URL_CHARS:
        url = None
    return _edition(url, lang if isinstance(lang, str) else None, html_lang if isinstance(html_lang, str) else None)


def heading_block(text: str | None, edition: Edition | None = None) -> str | None:
    """The block a visible heading names (``"most_read"`` for ``الأكثر قراءة``).

    Matched after :func:`fold` (so ``MOST READ`` and ``most read`` match too),
    among *edition*'s headings or all of them.

    >>> heading_block("\\nالأكثر قراءة\\n"), heading_block("BREAKING", "en"), heading_block("BREAKING", "ar")
    ('most_read', 'breaking', None)
    """
    if not isinstance(text, str) or len(text) > MAX_LABEL_CHARS or _HEADING_LONG.match(text):
        return None
    return _HEADING_INDEX.get((edition, fold(text)))


_HEADING_INDEX: Mapping[tuple[Edition | None, str], str] = {
    **{(None, fold(heading.text)): heading.block for heading in reversed(HEADINGS)},
    **{(heading.edition, fold(heading.text)): heading.block for heading in HEADINGS},
}
_HEADING_LONG = longer_than(max(len(key) for _, key in _HEADING_INDEX))

# Punctuation an error title may hold between its words ("404 - Page not
# found", "عذراً، الصفحة غير موجودة", "Error: not found!").
_TITLE_PUNCTUATION = str.maketrans(dict.fromkeys(",\u060c|:;!?.\u061f-\u2013\u2014()[]", " "))


def _error_words(text: str) -> str:
    return " ".join(fold(text).translate(_TITLE_PUNCTUATION).split())


_ERROR_INDEX: Mapping[Edition | None, frozenset[str]] = {
    None: frozenset(_error_words(text) for texts in ERROR_TITLES.values() for text in texts),
    # An edition's own words and the English ones: a server's own error page
    # ("404 Not Found", "502 Bad Gateway") is English on every host.
    **{
        edition: frozenset(_error_words(text) for text in (*texts, *ERROR_TITLES["en"]))
        for edition, texts in ERROR_TITLES.items()
    },
}


def error_title(title: str | None, edition: Edition | None = None) -> bool:
    """Whether a page title (its site suffix already cut) is an error
    document's: the whole title is one of *edition*'s error titles
    (:data:`~mayadeen_parse._editions.ERROR_TITLES`, and the English ones;
    all editions' for ``None``), or a status code (:data:`~mayadeen_parse._site.ERROR_STATUS_CODES`,
    ``Error 404``) alone or followed by one. A word inside a headline is no
    error ("500 days of war on Gaza", "A fatal error in Gaza").

    >>> error_title("الصفحة غير موجودة"), error_title("404 - Page not found"), error_title("Error 500")
    (True, True, True)
    >>> error_title("500 days of war on Gaza"), error_title("Blinken admits an error")
    (False, False)
    """
    if not isinstance(title, str) or len(title) > MAX_LABEL_CHARS:
        return False
    titles = _ERROR_INDEX.get(edition, _ERROR_INDEX[None])
    words = _error_words(title).split()
    if words[:1] == ["error"] and words[1:2] and words[1] in ERROR_STATUS_CODES:
        words = words[1:]  # "Error 404"
    if words[:1] and words[0] in ERROR_STATUS_CODES:
        rest = " ".join(words[1:])
        return not rest or rest in titles
    return bool(words) and " ".join(words) in titles


_POST_TYPE_INDEX: Mapping[str, PostType] = {fold(entry.text): entry for entry in POST_TYPES}


def post_type(text: str | None) -> PostType | None:
    """The tawsiyat ``posttype`` entry for *text* (its ``kind`` is ``None``
    for a page that is no article), or ``None`` for an unknown value.

    >>> post_type("تقارير إخبارية").kind, post_type("الكتاب").kind, post_type("الصفحات").kind
    ('report', 'opinion', None)
    """
    if not isinstance(text, str) or len(text) > MAX_LABEL_CHARS:
        return None
    return _POST_TYPE_INDEX.get(fold(text))


_PATH_INDEX = {entry.prefix: entry for entry in PATH_KINDS}


def kind_of_path(url: str | None) -> str | None:
    """The ``kind`` of a story URL of the Arabic edition, from its path shape.

    ``None`` for an index page (too few segments), an unknown prefix, or a
    URL on another edition's host (the English paths, ``/articles/analysis/…``,
    are ``_parse``'s: the same prefix means something else there).

    >>> kind_of_path("https://www.almayadeen.net/newscast/2023/11/2/نشرة-الظهيرة")
    'newscast'
    >>> kind_of_path("/reports/x"), kind_of_path("/newscast"), kind_of_path("/tags/x") is None
    ('report', None, True)
    >>> kind_of_path("https://english.almayadeen.net/articles/analysis/x") is None
    True
    """
    if not isinstance(url, str) or len(url) > _MAX_URL_CHARS:
        return None
    if "//" in url:
        if EDITION_HOSTS.get(_host(url) or "", "ar") != "ar":
            return None
        url = url.split("//", 1)[1].partition("/")[2]
    path = url.split("?", 1)[0].split("#", 1)[0]
    parts = [part for part in path.split("/") if part]
    entry = _PATH_INDEX.get(parts[0].lower()) if parts else None
    return entry.kind if entry is not None and len(parts) >= entry.min_parts else None


# --- time labels ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _parse_label(text: str, edition: Edition | None) -> TimeLabel | None:
    clean = normalize_text(text)
    if clean is None:
        return None
    words = tokens(clean)
    label = read_label(words, languages_of(edition))
    # An English label in another language's words ("6 ago 2023") is none.
    foreign = edition == "en" and label is None and read_label(words, ("ar", "es")) is not None
    if label is None and edition in (None, "en") and not foreign:
        # English dates are found inside a text too, as in a byline: "Posted Nov 6, 2023".
        label = find_date(words, languages_of(None))
    return label


def parse_time_label(text: str | None, edition: Edition | None = None) -> TimeLabel | None:
    """Read a card's or a ticker item's time label; ``None`` when it is none.

    Understands the real Arabic labels (``اليوم 21:48``, ``30 تشرين اول``,
    ``1 تشرين ثاني``, ``2 أيلول``), the standard Arabic month names, Arabic-Indic
    digits (``٣٠ تشرين اول``), Spanish (``6 nov 2023 16:21``, ``6 de
    noviembre de 2023``, ``hoy 16:21``), and English (``Today 16:21``, and every
    form :func:`~mayadeen_parse._text.parse_visible_when` reads). *edition*
    limits the words to that edition's language; ``None`` tries all three.
    The whole label must be a label (English dates excepted: ``_text`` finds
    them inside a text). Over :data:`MAX_LABEL_CHARS` characters: ``None``.

    >>> parse_time_label("اليوم 21:48")
    TimeLabel(kind='today', day=None, month=None, year=None, hour=21, minute=48)
    >>> parse_time_label("٣٠ تشرين اول", "ar") == parse_time_label("30 تشرين اول", "ar")
    True
    >>> parse_time_label("6 de noviembre de 2023", "es")
    TimeLabel(kind='full', day=6, month=11, year=2023, hour=None, minute=None)
    >>> parse_time_label("Barrack: Damascus will now") is None
    True
    """
    if not isinstance(text, str) or len(text) > MAX_LABEL_CHARS:
        return None
    return _parse_label(text, edition)


def _latest(month: int, day: int, reference: _dt.date) -> _dt.date | None:
    # The latest day-month not after the reference day: this year or, when it
    # is still to come, the year before (29 February: the last leap year).
    for year in range(reference.year, reference.year - 9, -1):
        try:
            candidate = _dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference:
            return candidate
    return None


def _relative_day(label: TimeLabel, fetch_day: _dt.date) -> _dt.date | None:
    if label.kind == "today":
        return fetch_day
    if label.kind == "yesterday":
        return fetch_day - _dt.timedelta(days=1)
    if label.month is None or label.day is None:
        return None
    return _latest(label.month, label.day, fetch_day)


def _at(day: _dt.date, label: TimeLabel) -> _dt.date | _dt.datetime:
    if label.hour is None or label.minute is None:
        return day
    return to_site_time(_dt.datetime(day.year, day.month, day.day, label.hour, label.minute))


def resolve_label(label: TimeLabel | None, fetched_at: _dt.datetime | None) -> _dt.date | _dt.datetime | None:
    """Place a label in time: an aware datetime (Beirut time) when it shows
    a time of day, a :class:`datetime.date` when it shows a day only.

    A relative label (today, yesterday, a day-month without a year) is read
    against *fetched_at*, the page's fetch time, on Beirut's calendar; a
    day-month is the latest such day not after the fetch day. A relative
    label with a time that would fall after the fetch (more than
    :data:`~mayadeen_parse._site.LABEL_CLOCK_SKEW` after it) is read one day
    earlier: a page cannot show an item published after it was fetched.
    Without a fetch time a relative label gives ``None`` (the machine's clock
    is never read); a ``full`` label needs none. A naive *fetched_at* is
    taken as Beirut wall-clock time (``Page.fetched_at`` is always aware).

    >>> fetched = _dt.datetime(2023, 11, 2, 19, 50, tzinfo=_dt.timezone.utc)
    >>> resolve_label(parse_time_label("اليوم 21:48"), fetched).isoformat()
    '2023-11-02T21:48:00+02:00'
    >>> resolve_label(parse_time_label("30 تشرين اول"), fetched)
    datetime.date(2023, 10, 30)
    >>> resolve_label(parse_time_label("5 كانون ثاني"), fetched)
    datetime.date(2023, 1, 5)
    >>> just_after_midnight = _dt.datetime(2023, 11, 2, 22, 30, tzinfo=_dt.timezone.utc)
    >>> resolve_label(parse_time_label("اليوم 21:48"), just_after_midnight).isoformat()
    '2023-11-02T21:48:00+02:00'
    >>> resolve_label(parse_time_label("اليوم 21:48"), None) is None
    True
    """
    if label is None:
        return None
    try:
        if label.kind == "full":
            if label.year is None or label.month is None or label.day is None:
                return None
            return _at(_dt.date(label.year, label.month, label.day), label)
        if fetched_at is None:
            return None
        fetched = to_site_time(fetched_at)
        day = _relative_day(label, fetched.date())
        if day is None:
            return None
        when = _at(day, label)
        if isinstance(when, _dt.datetime) and when > fetched + LABEL_CLOCK_SKEW:
            # Shown before the fetch, so of an earlier day: the day before
            # (today, yesterday) or the day-month's previous occurrence.
            earlier = _relative_day(label, fetched.date() - _dt.timedelta(days=1))
            return None if earlier is None else _at(earlier, label)
        return when
    except (ValueError, OverflowError):  # a label at the ends of the calendar
        return None


# --- ticker places ---------------------------------------------------------------------------

#: Every place name of the vocabulary (``_editions.PLACES``), as written.
PLACE_NAMES: frozenset[str] = frozenset(place.text for place in PLACES)


@functools.lru_cache(maxsize=16)
def _folded_set(places: frozenset[str]) -> frozenset[str]:
    return frozenset(fold(place) for place in places if isinstance(place, str))


def split_place(text: str | None, places: Iterable[str] = PLACE_NAMES) -> tuple[str | None, str]:
    """``(place, statement)`` of a ticker item that reads ``Place: statement``.

    A leading ``Place:`` is split off only when ``Place`` is in *places* (the
    site's vocabulary by default): a colon alone proves nothing, since English
    items read ``Barrack: Damascus will ...`` (a speaker). Otherwise
    ``(None, text)``. Texts are normalised (:func:`~mayadeen_parse._text.normalize_text`);
    the place is returned as written in the item.

    >>> split_place("العراق: المقاومة الإسلامية في العراق: استهدفنا هدفاً")
    ('العراق', 'المقاومة الإسلامية في العراق: استهدفنا هدفاً')
    >>> split_place("Barrack: Damascus will now cooperate")
    (None, 'Barrack: Damascus will now cooperate')
    """
    clean = normalize_text(text) if isinstance(text, str) else None
    if clean is None:
        return None, ""
    colon = clean.find(":", 0, MAX_PLACE_CHARS + 1)
    if colon <= 0:
        return None, clean
    head, rest = normalize_text(clean[:colon]), normalize_text(clean[colon + 1 :])
    if head is None or rest is None:
        return None, clean
    vocabulary = _folded_set(places) if isinstance(places, frozenset) else _folded_set(frozenset(places))
    return (head, rest) if fold(head) in vocabulary else (None, clean)
