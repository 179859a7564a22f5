"""The one reader of visible dates: bylines, teasers' dates and time labels.

``_text.parse_visible_when`` (the byline, a teaser's date) and
``_labels.parse_time_label`` (a card's or a ticker item's label) both read a
date here, from the same tokens and the same tables
(:mod:`mayadeen_parse._editions`: month names, weekdays, relative days, the
halves of the day), so the forms one of them reads the other reads too:
``6 Nov 2023 16:21``, ``Nov 6, 2023 4:21 PM``, ``6 de noviembre de 2023
16:21``, ``6 نوفمبر، 2023 16:21``, ``16:21 | 6 تشرين ثاني 2023``,
``الاثنين 6 تشرين ثاني 2023 - 16:21``, ``اليوم 21:48``.

No regular expression: a text is folded (:func:`fold`), its separators made
spaces, and its tokens read once, left to right (linear time; inputs are
bounded by the callers). This module imports only the edition tables, so
that ``_text`` and ``_labels`` can both use it.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Literal

import attrs

from ._editions import DAY_PERIODS, DIGITS, EDITION_CODES, EDITIONS, MONTHS, RELATIVE_DAYS, WEEKDAYS, Edition

__all__ = ["TimeLabel", "find_date", "fold", "languages_of", "read_label", "to_ascii_digits", "tokens"]

_MAX_CACHED_CHARS = 256  # longer strings are folded but not kept in the cache

# --- folding ------------------------------------------------------------------------------

_DIGIT_TABLE = str.maketrans(dict(DIGITS))
# After NFKD has split the hamza and madda off the alefs (أ إ آ → ا) and the
# marks are dropped: alef maqsura → ya, ta marbuta → ha, alef wasla → alef,
# tatweel (kashida) removed, Arabic-Indic digits → ASCII.
_FOLD_TABLE = str.maketrans({"\u0649": "\u064a", "\u0629": "\u0647", "\u0671": "\u0627", "\u0640": "", **DIGITS})


def to_ascii_digits(text: str) -> str:
    """*text* with Arabic-Indic and Eastern Arabic-Indic digits as ASCII digits.

    >>> to_ascii_digits("٣٠ تشرين اول ۲۰۲۳")
    '30 تشرين اول 2023'
    """
    return text.translate(_DIGIT_TABLE)


def _fold_once(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(kept.translate(_FOLD_TABLE).split())


@functools.lru_cache(maxsize=8192)
def _fold_cached(text: str) -> str:
    # A fixed point: casefold after NFKD can make a character NFKD changes
    # again (and the reverse), so fold until nothing moves (twice in practice).
    for _ in range(8):
        folded = _fold_once(text)
        if folded == text:
            break
        text = folded
    return text


def fold(text: str) -> str:
    """The key two spellings of one word share: for matching, never for output.

    Case folded; accents, Arabic diacritics (harakat, shadda) and the hamza
    on alef dropped (``أ إ آ`` → ``ا``); ``ى`` → ``ي``, ``ة`` → ``ه``;
    tatweel removed; digits ASCII; whitespace collapsed. Idempotent.

    >>> fold("تشرين الأول") == fold("تشرين الاول"), fold("الكتّاب") == fold("الكتاب")
    (True, True)
    >>> fold("  Líbano ")
    'libano'
    """
    if len(text) > _MAX_CACHED_CHARS:
        return _fold_cached.__wrapped__(text)
    return _fold_cached(text)


# --- reading ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class TimeLabel:
    """What a visible time label says, before it is placed in time.

    ``today`` / ``yesterday``: a relative day (``اليوم 21:48``); ``day-month``:
    a day and a month without a year (``30 تشرين اول``); ``full``: a day, a
    month and a year (``6 Nov 2023 16:21``). Hours are site local (Beirut),
    24-hour (a ``4:21 PM`` is read as 16:21).
    """

    kind: Literal["today", "yesterday", "day-month", "full"]
    day: int | None = None
    month: int | None = None
    year: int | None = None
    hour: int | None = None
    minute: int | None = None


def _by_language(entries: Iterable[tuple[str, str, object]]) -> Mapping[str, Mapping[str, object]]:
    index: dict[str, dict[str, object]] = {}
    for language, text, value in entries:
        index.setdefault(language, {})[fold(text).rstrip(".")] = value
    return index


_MONTH_INDEX = _by_language((entry.language, entry.text, entry.month) for entry in MONTHS)
_RELATIVE_INDEX = _by_language((entry.language, entry.text, entry.days_ago) for entry in RELATIVE_DAYS)
_WEEKDAY_INDEX = _by_language((entry.language, entry.text, entry.weekday) for entry in WEEKDAYS)
_PERIOD_INDEX = _by_language((entry.language, entry.text, entry.after_noon) for entry in DAY_PERIODS)
# Words a label may hold between its parts: "a las 16:21", "6 de noviembre
# de 2023", "Yesterday at 16:21", "الساعة 21:48" [reconstructed].
_FILLERS: Mapping[str, frozenset[str]] = {
    "en": frozenset({"at"}),
    "ar": frozenset({fold("الساعة")}),
    "es": frozenset({"de", "a", "las", "la", "h", "hs"}),
}
# Separators a label may use between its parts: "6 Nov 2023, 16:21",
# "21:48 | 30 تشرين اول", "6 نوفمبر، 2023" (Arabic comma), "الاثنين ... - 16:21".
_SEPARATORS = str.maketrans(dict.fromkeys(",\u060c|\u2022\u00b7-\u2013\u2014", " "))
_MAX_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_WORDS_MAX = 2  # "تشرين اول", "كانون الثاني", "p. m."


@attrs.frozen
class _Vocabulary:
    months: Mapping[str, object]
    relative: Mapping[str, object]
    weekdays: Mapping[str, object]
    periods: Mapping[str, object]
    fillers: frozenset[str]
    months_first: Mapping[str, object]
    """Months that may come before the day: English ("Nov 6, 2023") only."""


@functools.lru_cache(maxsize=16)
def _vocabulary(languages: tuple[str, ...]) -> _Vocabulary:
    """The words of *languages*."""
    months: dict[str, object] = {}
    relative: dict[str, object] = {}
    weekdays: dict[str, object] = {}
    periods: dict[str, object] = {}
    fillers: set[str] = set()
    for language in languages:
        months.update(_MONTH_INDEX.get(language, {}))
        relative.update(_RELATIVE_INDEX.get(language, {}))
        weekdays.update(_WEEKDAY_INDEX.get(language, {}))
        periods.update(_PERIOD_INDEX.get(language, {}))
        fillers |= _FILLERS.get(language, frozenset())
    months_first = _MONTH_INDEX.get("en", {}) if "en" in languages else {}
    return _Vocabulary(months, relative, weekdays, periods, frozenset(fillers), months_first)


def languages_of(edition: Edition | None) -> tuple[str, ...]:
    """The languages whose words are read for *edition* (all three for ``None``)."""
    if edition is None:
        return tuple(EDITIONS[code].language for code in EDITION_CODES)
    return (EDITIONS[edition].language,)


def tokens(text: str) -> list[str]:
    """The folded words of *text* (already normalised), separators dropped."""
    return fold(text).translate(_SEPARATORS).split()


def _clock(token: str) -> tuple[int, int, str] | None:
    """``(hour, minute, suffix)`` of ``16:21`` or ``4:21pm`` (suffix ``pm``)."""
    hour, colon, rest = token.partition(":")
    minute, suffix = rest[:2], rest[2:]
    if not (colon and hour.isascii() and hour.isdigit() and minute.isascii() and minute.isdigit()):
        return None
    if len(hour) > 2 or len(minute) != 2 or int(hour) > 23 or int(minute) > 59:
        return None
    return int(hour), int(minute), suffix


@attrs.define
class _Reading:
    """What :func:`_read` has read of a date so far (its scratch record)."""

    days_ago: int | None = None
    weekday: bool = False
    day: int | None = None
    month: int | None = None
    year: int | None = None
    clock: tuple[int, int] | None = None
    period_due: bool = False
    """The token before was the clock: a period word may follow."""
    used: int = 0
    """Tokens read (fillers included)."""

    def number(self, token: str) -> bool:
        """Read a run of ASCII digits as the day or the year."""
        if self.day is None and self.days_ago is None and len(token) <= 2 and self.year is None:
            self.day = int(token)  # "6 Nov", or "Nov 6" (the month first)
        elif self.month is not None and self.day is not None and self.year is None and len(token) == 4:
            self.year = int(token)
        else:
            return False
        return True

    def period(self, after_noon: bool) -> bool:
        """Make a 12-hour clock 24-hour: ``4:21 PM`` → 16:21."""
        if self.clock is None or not self.period_due or not 1 <= self.clock[0] <= 12:
            return False
        hour = self.clock[0] % 12 + (12 if after_noon else 0)
        self.clock, self.period_due = (hour, self.clock[1]), False
        return True


def _words(words: list[str], index: int, table: Mapping[str, object]) -> tuple[object, int] | None:
    """``(value, words used)`` of the table entry starting at *index* (one or
    two words: ``تشرين اول``, ``p. m.``), or ``None``."""
    for width in range(min(_WORDS_MAX, len(words) - index), 0, -1):
        key = " ".join(words[index : index + width]).rstrip(".")
        if key in table:
            return table[key], width
    return None


def _clock_step(token: str, seen: _Reading, vocabulary: _Vocabulary) -> int:
    """Read ``16:21``, or ``4:21pm`` with its period glued on."""
    clock = _clock(token)
    if clock is None:
        return 0
    seen.clock, seen.period_due = clock[:2], True
    suffix = clock[2]
    if suffix and (suffix not in vocabulary.periods or not seen.period(bool(vocabulary.periods[suffix]))):
        seen.clock = None
        return 0
    return 1


def _step(words: list[str], index: int, seen: _Reading, vocabulary: _Vocabulary) -> int:
    """Read the token at *index* into *seen*: the tokens it used, 0 when it is
    no part of a date (*seen* is then unchanged)."""
    token = words[index]
    due, seen.period_due = seen.period_due, False
    if token in vocabulary.fillers:
        return 1
    if seen.clock is None and ":" in token:
        return _clock_step(token, seen, vocabulary)
    if token.isascii() and token.isdigit():
        return 1 if seen.number(token) else 0
    period = _words(words, index, vocabulary.periods) if due else None
    if period is not None:
        seen.period_due = True  # period() checks it is due
        if seen.period(bool(period[0])):
            return period[1]
        seen.clock = None  # "16:21 PM", "0:21 AM": no time is guessed
        return 0
    if token in vocabulary.relative and seen.days_ago is None and seen.day is None and seen.month is None:
        seen.days_ago = int(vocabulary.relative[token])  # type: ignore[call-overload]
        return 1
    if token in vocabulary.weekdays and not seen.weekday and seen.day is None and seen.month is None:
        seen.weekday = True
        return 1
    months = vocabulary.months if seen.day is not None else vocabulary.months_first
    month = _words(words, index, months) if seen.month is None and seen.year is None else None
    if month is None:
        return 0
    seen.month = int(month[0])  # type: ignore[call-overload]
    return month[1]


_FILLERS_MAX = 3  # fillers in a row ("6 de noviembre de 2023 a las 16:21": 2)


def _read(words: list[str], start: int, vocabulary: _Vocabulary) -> _Reading:
    """Read tokens from *start* while they are parts of a date. A date has at
    most eight parts and a few fillers between two: a reading is short."""
    seen = _Reading()
    index, fillers = start, 0
    while index < len(words):
        fillers = fillers + 1 if words[index] in vocabulary.fillers else 0
        used = _step(words, index, seen, vocabulary) if fillers <= _FILLERS_MAX else 0
        if used == 0:
            break
        index += used
    seen.used = index - start
    return seen


def _label(seen: _Reading) -> TimeLabel | None:
    hour, minute = seen.clock if seen.clock is not None else (None, None)
    if seen.days_ago is not None:
        if seen.days_ago not in (0, 1) or seen.day is not None or seen.month is not None:
            return None
        return TimeLabel(kind="today" if seen.days_ago == 0 else "yesterday", hour=hour, minute=minute)
    day, month, year = seen.day, seen.month, seen.year
    if day is None or month is None or not 1 <= day <= _MAX_DAYS[month - 1]:
        return None
    if year is None:
        return TimeLabel(kind="day-month", day=day, month=month, hour=hour, minute=minute)
    if month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return None
    return TimeLabel(kind="full", day=day, month=month, year=year, hour=hour, minute=minute)


def read_label(words: list[str], languages: tuple[str, ...]) -> TimeLabel | None:
    """The label the whole of *words* is (:func:`tokens`), or ``None`` when a
    word is no part of one."""
    seen = _read(words, 0, _vocabulary(languages))
    if seen.used != len(words) or not words:
        return None
    return _label(seen)


def find_date(words: list[str], languages: tuple[str, ...]) -> TimeLabel | None:
    """The first full date (day, month, year; a time when one is next to it)
    in *words*: a byline's ``By X | 6 Nov 2023 16:21`` or a teaser's date.
    Each word starts at most one reading, and a reading is short (at most
    eight parts and :data:`_FILLERS_MAX` fillers in a row between two): linear
    in the number of words."""
    vocabulary = _vocabulary(languages)
    start = 0
    while start < len(words):
        seen = _read(words, start, vocabulary)
        label = _label(seen) if seen.used else None
        if label is not None and label.kind == "full":
            return label
        start += 1  # a date may start inside a failed reading ("Nov 6 Nov 2023")
    return None
