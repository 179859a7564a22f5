"""What we know about the site's three editions, as data: no code reads a page here.

Every entry says where it was seen, in its ``evidence`` column and in a comment:

- ``"real"``: the real capture ``site/real/ar-homepage-2023-11-02.html`` (the
  Arabic homepage as served on 2023-11-02, byte for byte);
- ``"readme"``: the site README (``site/README.md``: the published text of an
  English article page, the ~12,000-page Arabic data set, public scrapers);
- ``"reconstructed"``: our best guess, to be replaced when a capture shows the
  real word. Code must never depend on a reconstructed entry alone.

The functions that read these tables live in :mod:`mayadeen_parse._labels`.
This module is the edition part of the site tables (issue 12's decision: one
home per fact, no table twice): the words each edition writes live here
only, and :mod:`mayadeen_parse._site` derives what it needs from them (the
block specs' headings, ``MONTH_NAMES``, ``BY_WORDS``, ``SOURCE_WORDS``, the
read-time patterns). Class names, URL shapes of the English edition and
thresholds are ``_site``'s. Nothing here imports lxml or the rest of the
library.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import attrs

__all__ = [
    "ATTRIBUTION_TAIL",
    "BYLINE_WORDS",
    "DAY_PERIODS",
    "DIGITS",
    "EDITIONS",
    "EDITION_CODES",
    "EDITION_HOSTS",
    "ERROR_TITLES",
    "FURNITURE_WORDS",
    "HEADINGS",
    "MONTHS",
    "PATH_KINDS",
    "PLACES",
    "POST_TYPES",
    "RELATIVE_DAYS",
    "TAB_LABELS",
    "TICKER_LABELS",
    "WEEKDAYS",
    "BylineWord",
    "Edition",
    "EditionInfo",
    "Evidence",
    "Heading",
    "MonthName",
    "PathKind",
    "Place",
    "PostType",
    "RelativeDay",
]

Edition = Literal["en", "ar", "es"]
EDITION_CODES: tuple[Edition, ...] = ("en", "ar", "es")
Evidence = Literal["real", "readme", "reconstructed"]


# --- editions -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class EditionInfo:
    """One edition of the site."""

    code: Edition
    """The library's name for the edition (the ``edition`` field)."""
    hosts: tuple[str, ...]
    """Host names that serve it, lower case, the canonical one first."""
    origin: str
    """Base for the edition's relative links (``https://`` + the first host)."""
    language: str
    """BCP 47 language code the site writes in tawsiyat ``lang`` and ``<html lang>``."""
    direction: Literal["ltr", "rtl"]
    """Text direction (``<html dir>``)."""
    evidence: Evidence


EDITIONS: Mapping[Edition, EditionInfo] = {
    # README "What a page shows" (the English page's own URL and links).
    "en": EditionInfo(
        code="en",
        hosts=("english.almayadeen.net",),
        origin="https://english.almayadeen.net",
        language="en",
        direction="ltr",
        evidence="readme",
    ),
    # Real capture: tawsiyat "url": "https://www.almayadeen.net/", "lang": "ar";
    # <html dir="rtl" lang="ar">; the /maingroup/ links are absolute on www.
    # The bare host is the same site (README: "Arabic at www.almayadeen.net").
    "ar": EditionInfo(
        code="ar",
        hosts=("www.almayadeen.net", "almayadeen.net"),
        origin="https://www.almayadeen.net",
        language="ar",
        direction="rtl",
        evidence="real",
    ),
    # Real capture: the language links <a class="language"
    # href="https://espanol.almayadeen.net/">ES</a>. No page of it seen.
    "es": EditionInfo(
        code="es",
        hosts=("espanol.almayadeen.net",),
        origin="https://espanol.almayadeen.net",
        language="es",
        direction="ltr",
        evidence="real",
    ),
}

#: Host name → edition. ``WarcReader(hosts=EDITION_HOSTS)`` (issue 13) keeps
#: the responses of these hosts; ``host in EDITION_HOSTS`` is the test.
EDITION_HOSTS: Mapping[str, Edition] = {host: info.code for info in EDITIONS.values() for host in info.hosts}


# --- block headings ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Heading:
    """The visible heading of a block, as one edition writes it."""

    block: str
    """The library's name for the block: ``breaking``, ``most_read``,
    ``related``, ``read_next``, ``coverage``, ``tags``, or a homepage section
    (``all_news``, ``read``, ``episodes``, ...)."""
    edition: Edition
    text: str
    """As shown (whitespace collapsed)."""
    evidence: Evidence


# The real homepage blocks in English and Spanish [reconstructed]: the words of
# branch i12fx's heading variants of the real capture
# (tests/fixtures/real/make_variants.py), so that the table and the fixtures agree.
_HOMEPAGE_HEADINGS_EN_ES: tuple[tuple[str, Edition, str], ...] = (
    ("all_news", "en", "All News"),
    ("read", "en", "Read"),
    ("episodes", "en", "Latest Episodes"),
    ("culture", "en", "Arts & Culture"),
    ("society", "en", "Society"),
    ("video", "en", "Videos"),
    ("sports", "en", "Sports"),
    ("documentary", "en", "Al Mayadeen Documentary"),
    ("kasr_al_jidar", "en", "Breaking the Wall"),
    ("misc", "en", "Miscellaneous"),
    ("editors_choice", "en", "Editor's Pick"),
    ("infograph", "en", "Infographs"),
    ("podcast", "en", "Podcast"),
    ("all_news", "es", "Todas las noticias"),
    ("read", "es", "Leer"),
    ("episodes", "es", "Últimos episodios"),
    ("culture", "es", "Arte y cultura"),
    ("society", "es", "Sociedad"),
    ("video", "es", "Videos"),
    ("sports", "es", "Deportes"),
    ("documentary", "es", "Documental Al Mayadeen"),
    ("kasr_al_jidar", "es", "Romper el muro"),
    ("misc", "es", "Variedades"),
    ("editors_choice", "es", "Selección del editor"),
    ("infograph", "es", "Infografías"),
    ("podcast", "es", "Podcast"),
)

HEADINGS: tuple[Heading, ...] = (
    # --- the ticker: "BREAKING" (README, text capture line 63); Arabic: real
    # capture, `div.ticker-label > a[href="/shortnews"] > h4` and the second
    # list's `section.breaking-news-vertical h3`.
    Heading(block="breaking", edition="en", text="BREAKING", evidence="readme"),
    Heading(block="breaking", edition="ar", text="أخبار عاجلة", evidence="real"),
    Heading(block="breaking", edition="es", text="Última hora", evidence="reconstructed"),
    # --- Most Read: README (text capture line 137); real capture
    # `section.most-read-section div.section_head h2`.
    Heading(block="most_read", edition="en", text="Most Read", evidence="readme"),
    Heading(block="most_read", edition="ar", text="الأكثر قراءة", evidence="real"),
    Heading(block="most_read", edition="es", text="Lo más leído", evidence="reconstructed"),
    # --- Related News: README (text capture line 104). No article page of the
    # Arabic edition seen: its heading is a guess.
    Heading(block="related", edition="en", text="Related News", evidence="readme"),
    Heading(block="related", edition="ar", text="أخبار ذات صلة", evidence="reconstructed"),
    Heading(block="related", edition="es", text="Noticias relacionadas", evidence="reconstructed"),
    # --- Read Next: README (text capture line 169). Not "اقرأ": on the real
    # homepage that is the articles section's heading (below).
    Heading(block="read_next", edition="en", text="Read Next", evidence="readme"),
    Heading(block="read_next", edition="ar", text="اقرأ أيضاً", evidence="reconstructed"),
    Heading(block="read_next", edition="es", text="Lea también", evidence="reconstructed"),
    # --- Coverage: README (text capture line 164). The real capture's menu
    # says "التغطيات" (coverages, `a.nav_item[href="/coverage"]`), not a block
    # heading: the singular is a guess.
    Heading(block="coverage", edition="en", text="Coverage", evidence="readme"),
    Heading(block="coverage", edition="ar", text="التغطية", evidence="reconstructed"),
    Heading(block="coverage", edition="es", text="Cobertura", evidence="reconstructed"),
    # --- Tags: the English page shows the tag list without a heading (README,
    # text capture); the words are guesses for a page that has one.
    Heading(block="tags", edition="en", text="Tags", evidence="reconstructed"),
    Heading(block="tags", edition="ar", text="الوسوم", evidence="reconstructed"),
    Heading(block="tags", edition="es", text="Etiquetas", evidence="reconstructed"),
    # --- every other `div.section_head` heading of the real Arabic homepage,
    # in page order (`.section_head .title h2`; the 14 there, with
    # "الأكثر قراءة" above).
    Heading(block="all_news", edition="ar", text="كل الأخبار", evidence="real"),
    Heading(block="read", edition="ar", text="اقرأ", evidence="real"),
    Heading(block="episodes", edition="ar", text="آخر الحلقات", evidence="real"),
    Heading(block="culture", edition="ar", text="ثقافة وفنون", evidence="real"),
    Heading(block="society", edition="ar", text="مجتمع", evidence="real"),
    Heading(block="video", edition="ar", text="فيديو", evidence="real"),
    Heading(block="sports", edition="ar", text="رياضة", evidence="real"),
    Heading(block="documentary", edition="ar", text="وثائقي الميادين", evidence="real"),
    # A programme's name ("Breaking the Wall"), used as a block heading.
    Heading(block="kasr_al_jidar", edition="ar", text="كسر الجدار", evidence="real"),
    Heading(block="misc", edition="ar", text="منوعات", evidence="real"),
    Heading(block="editors_choice", edition="ar", text="اختيار المحرر", evidence="real"),
    # Written without the hamza here; the menu writes "إنفوغراف".
    Heading(block="infograph", edition="ar", text="انفوغراف", evidence="real"),
    Heading(block="podcast", edition="ar", text="بودكاست", evidence="real"),
    # Common English variants of the furniture headings (other templates,
    # other outlets' words) [reconstructed]: the library's headings before
    # issue 12, kept so that a page using one is still read.
    Heading(block="breaking", edition="en", text="Breaking News", evidence="reconstructed"),
    Heading(block="breaking", edition="en", text="Urgent", evidence="reconstructed"),
    Heading(block="most_read", edition="en", text="Most Popular", evidence="reconstructed"),
    Heading(block="most_read", edition="en", text="Most Viewed", evidence="reconstructed"),
    Heading(block="related", edition="en", text="Related", evidence="reconstructed"),
    Heading(block="related", edition="en", text="Related Articles", evidence="reconstructed"),
    Heading(block="related", edition="en", text="Related Stories", evidence="reconstructed"),
    Heading(block="read_next", edition="en", text="Up Next", evidence="reconstructed"),
    Heading(block="read_next", edition="en", text="More Stories", evidence="reconstructed"),
    *(
        Heading(block=block, edition=edition, text=text, evidence="reconstructed")
        for block, edition, text in _HOMEPAGE_HEADINGS_EN_ES
    ),
)

#: Tab labels inside the real homepage's `div.section_head` blocks
#: (`.tab-link a`), heading → its tabs, in page order. A tab is no block of
#: its own: a card under a tab belongs to the heading's block.
TAB_LABELS: Mapping[str, tuple[str, ...]] = {
    # all real capture
    "اقرأ": ("مختارات", "رأي", "مقالات ومتابعات", "ترجمات"),
    "آخر الحلقات": ("نشرات", "تقارير اخبارية", "برامج", "وثائقيات"),
    "ثقافة وفنون": ("مختارات", "أخبار", "مراجعات", "تحقيقات"),
    "مجتمع": ("مختارات", "تحقيقات", "تقارير وأخبار", "وجوه وناس"),
    "فيديو": ("الأبرز", "الميادين Go", "وثائقي ويب", "فقرات"),
    "رياضة": ("الأحدث", "كرة القدم", "كرة سلة"),
    "وثائقي الميادين": ("الأحدث", "قريباً"),
    "منوعات": ("الكل", "بيئة", "علوم وتكنولوجيا", "صحة", "أخبار منوعة"),
    # README: the English Coverage and Read Next tabs.
    "Coverage": ("All", "In Five"),
    "Read Next": ("All",),
}

#: Link texts that are page furniture, never a story's title (a listing must
#: skip them). Edition → words.
FURNITURE_WORDS: Mapping[Edition, tuple[str, ...]] = {
    # real capture: `a.more-hover-svg` "المزيد", the ticker's
    # `a[href="/shortnews"]` "تصفح المزيد", `.live-indicator-text` "تغطية حية",
    # `a.live-btn` "البث المباشر".
    "ar": ("المزيد", "تصفح المزيد", "تغطية حية", "البث المباشر"),
    # reconstructed (the English menu's "LIVE" is in the README text capture)
    "en": ("More", "Browse more", "LIVE"),
    "es": ("Más", "Ver más", "En vivo"),  # reconstructed
}


# --- byline words ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class BylineWord:
    """A word of the byline list that says what the item next to it is."""

    role: Literal["by", "source", "read_time"]
    """``by`` precedes an author, ``source`` an agency, ``read_time``
    follows the number of minutes."""
    edition: Edition
    text: str
    evidence: Evidence


BYLINE_WORDS: tuple[BylineWord, ...] = (
    # README text capture lines 77-80: "By Al Mayadeen English",
    # "Source: Agencies", "3 Min Read".
    BylineWord(role="by", edition="en", text="By", evidence="readme"),
    BylineWord(role="source", edition="en", text="Source:", evidence="readme"),
    BylineWord(role="read_time", edition="en", text="Min Read", evidence="readme"),
    # No Arabic article page seen (the homepage has none of these words).
    BylineWord(role="by", edition="ar", text="بقلم", evidence="reconstructed"),
    BylineWord(role="source", edition="ar", text="المصدر:", evidence="reconstructed"),
    BylineWord(role="read_time", edition="ar", text="دقائق قراءة", evidence="reconstructed"),
    BylineWord(role="read_time", edition="ar", text="دقيقة قراءة", evidence="reconstructed"),
    BylineWord(role="by", edition="es", text="Por", evidence="reconstructed"),
    BylineWord(role="source", edition="es", text="Fuente:", evidence="reconstructed"),
    BylineWord(role="read_time", edition="es", text="min de lectura", evidence="reconstructed"),
)


# --- month names --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class MonthName:
    """A way the site writes a month."""

    text: str
    """As written; matching folds case, hamza and alef forms, diacritics and
    accents (``_labels.fold``), so ``تشرين الأول`` also matches
    ``تشرين الاول``."""
    month: int
    """1-12."""
    language: str
    """``en``, ``ar`` or ``es``."""
    calendar: Literal["gregorian", "levantine", "latin"]
    """``levantine``: the Syriac-derived names of Lebanon and Syria (the
    site's own); ``gregorian``: the Egyptian/Gulf transliterations;
    ``latin``: English and Spanish names and abbreviations."""
    evidence: Evidence


def _months(
    language: str, calendar: Literal["gregorian", "levantine", "latin"], evidence: Evidence, *names: tuple[int, str]
) -> tuple[MonthName, ...]:
    return tuple(
        MonthName(text=text, month=month, language=language, calendar=calendar, evidence=evidence)
        for month, text in names
    )


# fmt: off
MONTHS: tuple[MonthName, ...] = (
    # English: README ("6 Nov 2023 16:21", "8 Nov 2025"); the full names and
    # "Sept" are the usual English forms (read by _dates, the one date reader).
    *_months(
        "en",
        "latin",
        "readme",
        (1, "Jan"), (1, "January"), (2, "Feb"), (2, "February"), (3, "Mar"), (3, "March"),
        (4, "Apr"), (4, "April"), (5, "May"), (6, "Jun"), (6, "June"), (7, "Jul"), (7, "July"),
        (8, "Aug"), (8, "August"), (9, "Sep"), (9, "Sept"), (9, "September"), (10, "Oct"),
        (10, "October"), (11, "Nov"), (11, "November"), (12, "Dec"), (12, "December"),
    ),
    # Levantine, as the real capture writes them in `div.time > p`: a day, the
    # name without the article, bare alef: "30 تشرين اول", "1 تشرين ثاني",
    # "2 أيلول" (the only forms seen; the other months by the same pattern).
    *_months(
        "ar",
        "levantine",
        "real",
        (10, "تشرين اول"), (11, "تشرين ثاني"), (9, "أيلول"),
    ),
    # Levantine, the same pattern for the months not on the page, and the
    # written-out forms with the article ("تشرين الأول") and the hamza forms.
    *_months(
        "ar",
        "levantine",
        "reconstructed",
        (1, "كانون ثاني"), (1, "كانون الثاني"), (2, "شباط"), (3, "آذار"), (3, "اذار"),
        (4, "نيسان"), (5, "أيار"), (5, "ايار"), (6, "حزيران"), (7, "تموز"), (8, "آب"),
        (8, "اب"), (9, "ايلول"), (10, "تشرين الأول"), (10, "تشرين أول"),
        (11, "تشرين الثاني"), (12, "كانون اول"), (12, "كانون الأول"), (12, "كانون أول"),
    ),
    # Standard (Egyptian/Gulf) names with their spelling variants; not seen on
    # the site, written by other Arabic outlets and in quoted text.
    *_months(
        "ar",
        "gregorian",
        "reconstructed",
        (1, "يناير"), (2, "فبراير"), (3, "مارس"),
        (4, "أبريل"), (4, "ابريل"), (4, "إبريل"), (5, "مايو"), (5, "مايس"), (6, "يونيو"),
        (6, "يونيه"), (7, "يوليو"), (7, "يوليه"), (8, "أغسطس"), (8, "اغسطس"), (9, "سبتمبر"),
        (10, "أكتوبر"), (10, "اكتوبر"), (11, "نوفمبر"), (12, "ديسمبر"),
    ),
    # Spanish: no page seen. Full names, "setiembre", and the abbreviations
    # (with or without a dot: "6 nov 2023", "6 ene. 2023").
    *_months(
        "es",
        "latin",
        "reconstructed",
        (1, "enero"), (2, "febrero"), (3, "marzo"), (4, "abril"), (5, "mayo"), (6, "junio"),
        (7, "julio"), (8, "agosto"), (9, "septiembre"), (9, "setiembre"), (10, "octubre"),
        (11, "noviembre"), (12, "diciembre"), (1, "ene"), (2, "feb"), (3, "mar"), (4, "abr"),
        (5, "may"), (6, "jun"), (7, "jul"), (8, "ago"), (9, "sep"), (9, "sept"), (9, "set"),
        (10, "oct"), (11, "nov"), (12, "dic"),
    ),
)
# fmt: on


# --- relative days ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class RelativeDay:
    """A word for a day relative to the page's fetch day."""

    text: str
    days_ago: int
    """0 today, 1 yesterday."""
    language: str
    evidence: Evidence


RELATIVE_DAYS: tuple[RelativeDay, ...] = (
    # real capture: "اليوم 21:48" (breaking-news-vertical), "اليوم 18:53" (cards)
    RelativeDay(text="اليوم", days_ago=0, language="ar", evidence="real"),
    RelativeDay(text="أمس", days_ago=1, language="ar", evidence="reconstructed"),
    RelativeDay(text="امس", days_ago=1, language="ar", evidence="reconstructed"),
    RelativeDay(text="البارحة", days_ago=1, language="ar", evidence="reconstructed"),
    RelativeDay(text="Today", days_ago=0, language="en", evidence="reconstructed"),
    RelativeDay(text="Yesterday", days_ago=1, language="en", evidence="reconstructed"),
    RelativeDay(text="hoy", days_ago=0, language="es", evidence="reconstructed"),
    RelativeDay(text="ayer", days_ago=1, language="es", evidence="reconstructed"),
)


# --- weekdays and the halves of the day ----------------------------------------------------


@attrs.frozen(kw_only=True)
class Weekday:
    """A weekday name a visible date may lead with (``الاثنين 6 تشرين ثاني
    2023``, ``Monday, 6 November 2023``): read and dropped, the date decides."""

    text: str
    weekday: int
    """0 Monday ... 6 Sunday (:meth:`datetime.date.weekday`)."""
    language: str
    evidence: Evidence


# No page seen shows one [reconstructed]: the usual names of each language;
# no Spanish abbreviations ("mar" is March's too).
WEEKDAYS: tuple[Weekday, ...] = tuple(
    Weekday(text=text, weekday=number, language=language, evidence="reconstructed")
    for language, names in (
        ("en", ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")),
        ("en", ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")),
        ("en", ("", "Tues", "", "Thurs", "", "", "")),
        ("ar", ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")),
        ("ar", ("الإثنين", "", "", "", "", "", "")),
        ("es", ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")),
    )
    for number, text in enumerate(names)
    if text
)


@attrs.frozen(kw_only=True)
class DayPeriod:
    """A word after a 12-hour time: before noon (``AM``) or after (``PM``)."""

    text: str
    """As written; tokens are split on spaces, so ``p. m.`` is two words."""
    after_noon: bool
    language: str
    evidence: Evidence


# The site writes 24-hour times ("6 Nov 2023 16:21" [readme], "اليوم 21:48"
# [real]); these are the usual 12-hour marks of each language, for pages
# and quoted text that use them [reconstructed]: English "AM"/"a.m.", Arabic
# "ص"/"م" (صباحاً / مساءً), Spanish "a. m."/"p. m." (RAE's spelling) and "am".
DAY_PERIODS: tuple[DayPeriod, ...] = tuple(
    DayPeriod(text=text, after_noon=after_noon, language=language, evidence="reconstructed")
    for language, after_noon, texts in (
        ("en", False, ("AM", "a.m.")),
        ("en", True, ("PM", "p.m.")),
        ("ar", False, ("ص", "صباحا", "صباحاً")),
        ("ar", True, ("م", "مساء", "مساءً")),
        ("es", False, ("a. m.", "a.m.", "am")),
        ("es", True, ("p. m.", "p.m.", "pm")),
    )
    for text in texts
)


# --- post types ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PostType:
    """A value of the tawsiyat class ``posttype`` and the ``kind`` it means."""

    text: str
    kind: str | None
    """The ``Article.kind`` value; ``None`` for a page that is no article."""
    count: int | None
    """Pages of the README's ~12,000-page Arabic data set with this value."""
    evidence: Evidence


POST_TYPES: tuple[PostType, ...] = (
    # README "Arabic post types" (counts over the public data set); the
    # kinds reuse _parse._KINDS's values where the meaning is the same.
    PostType(text="أخبار", kind="news", count=6629, evidence="readme"),
    # TV and web news reports (URL /reports/, /tv-reports/): their own kind.
    PostType(text="تقارير إخبارية", kind="report", count=1442, evidence="readme"),
    PostType(text="فيديو", kind="video", count=1356, evidence="readme"),
    # A TV news bulletin (URL /newscast/YYYY/M/D/); the homepage's tab "نشرات".
    PostType(text="نشرة الأخبار", kind="newscast", count=1309, evidence="readme"),
    # Signed columns (URL /articles/; the English menu files Opinion under
    # "Articles"): the same meaning as the English "opinion".
    PostType(text="مقالات", kind="opinion", count=487, evidence="readme"),
    PostType(text="منوعات", kind="misc", count=273, evidence="readme"),
    # The press review: translated foreign and Israeli press (URL /press/;
    # the real capture's categories "مقالات مترجمة", "صحافة إسرائيلية").
    PostType(text="صحافة", kind="press", count=220, evidence="readme"),
    PostType(text="متابعات", kind="follow-up", count=127, evidence="readme"),
    PostType(text="بودكاست", kind="podcast", count=57, evidence="readme"),
    # The writers' pieces: opinion by the outlet's own writers [judgement:
    # no page of this type seen; "writers" is no post type in English].
    PostType(text="الكتّاب", kind="opinion", count=35, evidence="readme"),
    PostType(text="تحليل", kind="analysis", count=30, evidence="readme"),
    PostType(text="إنفوغراف", kind="infograph", count=28, evidence="readme"),
    # real capture, the homepage's tawsiyat: "type": "page", posttype "الصفحات".
    PostType(text="الصفحات", kind=None, count=None, evidence="real"),
)


@attrs.frozen(kw_only=True)
class PathKind:
    """A URL path shape of the Arabic edition and the ``kind`` of its stories."""

    prefix: str
    """The first path segment (``"newscast"`` for ``/newscast/...``)."""
    kind: str
    min_parts: int
    """Path segments of a story (``/newscast/2023/11/2/<slug>``: 5); fewer is
    an index page."""
    evidence: Evidence


PATH_KINDS: tuple[PathKind, ...] = (
    # real capture: /news/politics/<slug>, /news/economic/<slug>
    PathKind(prefix="news", kind="news", min_parts=3, evidence="real"),
    # real capture: /latestnews/2023/11/2/<slug>, a breaking item's own page (a
    # short news post: same meaning as "news").
    PathKind(prefix="latestnews", kind="news", min_parts=5, evidence="real"),
    PathKind(prefix="video", kind="video", min_parts=2, evidence="real"),
    PathKind(prefix="videos", kind="video", min_parts=2, evidence="real"),
    # real capture: TV and web programme episodes
    PathKind(prefix="episodes-tv", kind="video", min_parts=2, evidence="real"),
    PathKind(prefix="programs-tv", kind="video", min_parts=2, evidence="real"),
    PathKind(prefix="programs-online", kind="video", min_parts=2, evidence="real"),
    PathKind(prefix="newscast", kind="newscast", min_parts=5, evidence="real"),
    PathKind(prefix="reports", kind="report", min_parts=2, evidence="real"),
    PathKind(prefix="tv-reports", kind="report", min_parts=2, evidence="readme"),
    PathKind(prefix="articles", kind="opinion", min_parts=2, evidence="real"),
    PathKind(prefix="opinion", kind="opinion", min_parts=2, evidence="real"),
    # real capture: /press/<slug> stories, but /press/foreignpress and
    # /press/israel are its category indexes (two segments as well).
    PathKind(prefix="press", kind="press", min_parts=2, evidence="real"),
    PathKind(prefix="misc", kind="misc", min_parts=2, evidence="real"),
    PathKind(prefix="research-papers", kind="analysis", min_parts=2, evidence="readme"),
    PathKind(prefix="podcasts", kind="podcast", min_parts=2, evidence="real"),
    # real capture: /infograph/<slug>, and the indexes /infograph/world,
    # /infograph/arabworld, /infograph/egypt.
    PathKind(prefix="infograph", kind="infograph", min_parts=2, evidence="real"),
    PathKind(prefix="analysis", kind="analysis", min_parts=2, evidence="readme"),
    PathKind(prefix="live", kind="live", min_parts=2, evidence="reconstructed"),
)


# --- places ------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Place:
    """A country or region the ticker names before its statement."""

    text: str
    language: str
    evidence: Evidence
    """``real`` only for names the capture shows as a place; the rest is a
    vocabulary of country names, not evidence of how the site writes them."""
    slug: str | None = None
    """The English slug of the site's ``/country/<slug>`` link, when seen."""


# fmt: off
PLACES: tuple[Place, ...] = (
    # real capture, `section.breaking-news-vertical div.breaking-meta >
    # a[href=".../maingroup/<place>"]` and the ticker texts "<place>: ...".
    Place(text="العراق", language="ar", evidence="real"),
    Place(text="فلسطين المحتلة", language="ar", evidence="real", slug="Occupied_Palestine"),
    Place(text="فرنسا", language="ar", evidence="real"),
    Place(text="لبنان", language="ar", evidence="real", slug="Lebanon"),
    Place(text="الولايات المتحدة الأميركية", language="ar", evidence="real"),
    # real capture, `a[href="/country/<slug>"] > img[alt]` (card flags).
    Place(text="تونس", language="ar", evidence="real", slug="Tunisia"),
    Place(text="الجزائر", language="ar", evidence="real", slug="Algeria"),
    Place(text="مصر", language="ar", evidence="real", slug="Egypt"),
    # real capture: the menu's region "أفريقيا" (/africa) and the infograph
    # categories "العالم العربي", "العالم".
    Place(text="أفريقيا", language="ar", evidence="real"),
    Place(text="العالم العربي", language="ar", evidence="real"),
    # A vocabulary of country and region names (not seen as ticker places).
    *(
        Place(text=name, language="ar", evidence="reconstructed")
        for name in (
            "فلسطين", "غزة", "الضفة الغربية", "القدس", "سوريا", "سورية", "اليمن", "إيران",
            "الأردن", "السعودية", "الإمارات", "قطر", "الكويت", "البحرين", "عُمان", "سلطنة عمان",
            "ليبيا", "المغرب", "السودان", "موريتانيا", "الصومال", "جيبوتي", "تركيا", "روسيا",
            "أوكرانيا", "الصين", "الهند", "باكستان", "أفغانستان", "بريطانيا", "ألمانيا",
            "إيطاليا", "إسبانيا", "الولايات المتحدة", "أميركا", "أمريكا", "فنزويلا", "كوبا",
            "البرازيل", "كوريا الشمالية", "كوريا الجنوبية", "اليابان", "أوروبا", "آسيا",
            "أميركا اللاتينية",
        )
    ),
    # English: the README's regions menu (Africa, Asia, ... Palestine), then
    # a vocabulary. "Barrack: ..." (a speaker) is not in it, on purpose.
    *(
        Place(text=name, language="en", evidence="readme")
        for name in ("Africa", "Asia", "Asia-Pacific", "Europe", "Latin America", "MENA", "Palestine")
    ),
    *(
        Place(text=name, language="en", evidence="reconstructed")
        for name in (
            "Lebanon", "Occupied Palestine", "Gaza", "West Bank", "Syria", "Iraq", "Yemen",
            "Iran", "Egypt", "Jordan", "Saudi Arabia", "UAE", "Qatar", "Kuwait", "Bahrain",
            "Oman", "Libya", "Tunisia", "Algeria", "Morocco", "Sudan", "Turkey", "Türkiye",
            "Russia", "Ukraine", "China", "India", "Pakistan", "Afghanistan", "UK", "France",
            "Germany", "US", "USA", "United States", "Venezuela", "Cuba", "Brazil",
        )
    ),
    *(
        Place(text=name, language="es", evidence="reconstructed")
        for name in (
            "Líbano", "Palestina", "Palestina ocupada", "Gaza", "Siria", "Irak", "Yemen", "Irán",
            "Egipto", "Jordania", "Arabia Saudita", "Rusia", "Ucrania", "China", "Francia",
            "Estados Unidos", "EE.UU.", "Venezuela", "Cuba", "Brasil", "México", "Colombia",
        )
    ),
)
# fmt: on


# --- error pages -------------------------------------------------------------------------

#: What the title of a "not found" or error document says, minus the site's
#: suffix, per edition. Matched as the whole title after ``_labels.fold``
#: (or after a leading status code: ``404 - Page not found``), never as a
#: word inside a headline ("500 days of war on Gaza", "Trump's error").
#: English: "Page not found | Al Mayadeen English" (the error fixture, after
#: the site's 404 page); the rest are the usual words of such pages
#: [reconstructed]: no Arabic or Spanish error page has been seen.
ERROR_TITLES: Mapping[Edition, tuple[str, ...]] = {
    "en": ("Page not found", "Not found", "Error", "Server Error", "Internal Server Error",
           "Forbidden", "Access denied", "Service Unavailable", "Bad Gateway"),
    "ar": ("الصفحة غير موجودة", "الصفحة المطلوبة غير موجودة", "عذراً، الصفحة غير موجودة", "عذرا الصفحة غير موجودة",
           "لم يتم العثور على الصفحة", "الصفحة غير متوفرة", "خطأ", "حدث خطأ"),
    "es": ("Página no encontrada", "No encontrado", "No encontrada", "Error", "Error del servidor",
           "Acceso denegado"),
}  # fmt: skip


# --- digits ------------------------------------------------------------------------------------

#: Non-ASCII decimal digits the site's languages write → ASCII digits:
# --- ticker words ------------------------------------------------------------------

#: Tail words that make "statement: X" an attribution to X, whatever the
#: statement's length. Regex alternatives, searched case-blind. English
#: [ref: "...: Al Mayadeen's correspondent"]; Arabic "مراسل الميادين" (Al
#: Mayadeen's correspondent), "مصادر" (sources), "إعلام" (media) and Spanish
#: "corresponsal", "fuentes", "medios" [reconstructed: the same formula in
#: the other editions].
ATTRIBUTION_TAIL = (
    r"correspondent|reporter|sources?$|media$|al mayadeen"
    r"|\u0645\u0631\u0627\u0633\u0644|\u0627\u0644\u0645\u064a\u0627\u062f\u064a\u0646|\u0645\u0635\u0627\u062f\u0631$|\u0625\u0639\u0644\u0627\u0645"
    r"|corresponsal|fuentes?$|medios$"
)
#: Leading words of a ticker line that are a label, not a speaker ("Breaking:
#: ...", "عاجل: ...", "Urgente: ..."): the line then has no attribution
#: [reconstructed: the label the site's ticker heading uses, in each edition].
TICKER_LABELS = frozenset(
    {"breaking", "urgent", "just in", "\u0639\u0627\u062c\u0644", "urgente", "\u00faltima hora", "ultima hora"}
)


#: Arabic-Indic (U+0660-U+0669, ``٠١٢٣٤٥٦٧٨٩``) and Eastern Arabic-Indic
#: (Persian/Urdu, U+06F0-U+06F9, ``۰۱۲۳۴۵۶۷۸۹``). The real capture writes ASCII
#: digits ("30 تشرين اول"): these are for quoted or pasted text [reconstructed].
DIGITS: Mapping[str, str] = {
    **{chr(0x0660 + value): str(value) for value in range(10)},
    **{chr(0x06F0 + value): str(value) for value in range(10)},
}
