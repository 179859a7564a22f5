"""The edition tables (``_editions.py``) against the evidence they cite.

Entries marked ``real`` must be found in the real capture (the Arabic homepage
of 2023-11-02); the capture's every block heading, place and time label must
be in the tables. The capture is read from ``tests/fixtures/real/`` (branch
i12fx) or from the shared site folder; the tests that need it are skipped when
neither is there.
"""

from __future__ import annotations

import collections
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from mayadeen_parse import _editions as ed
from mayadeen_parse._labels import fold

ROOT = Path(__file__).resolve().parent.parent
CAPTURE_NAME = "ar-homepage-2023-11-02.html"
CAPTURES = (
    ROOT / "tests" / "fixtures" / "real" / CAPTURE_NAME,
    ROOT.parent / "shared" / "site" / "real" / CAPTURE_NAME,
)
README = ROOT.parent / "shared" / "site" / "README.md"
EVIDENCE = {"real", "readme", "reconstructed"}
# Kinds _parse._KINDS already has (English), and the ones the Arabic post
# types add (issue 12): the lead adds these to the model's kind vocabulary.
ENGLISH_KINDS = {"news", "opinion", "analysis", "blog", "feature", "video", "infograph", "gallery", "live"}
NEW_KINDS = {"report", "newscast", "misc", "press", "follow-up", "podcast"}


def _capture_path() -> Path:
    for path in CAPTURES:
        if path.is_file():
            return path
    pytest.skip("the real capture is not in this checkout")


@pytest.fixture(scope="module")
def capture() -> lxml.html.HtmlElement:
    tree = lxml.html.parse(str(_capture_path())).getroot()
    for element in tree.xpath("//script | //style"):
        element.drop_tree()
    return tree


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


# --- editions --------------------------------------------------------------------------


def test_three_editions_with_their_hosts() -> None:
    assert set(ed.EDITIONS) == set(ed.EDITION_CODES) == {"en", "ar", "es"}
    for code, info in ed.EDITIONS.items():
        assert info.code == code
        assert info.origin == "https://" + info.hosts[0]
        assert info.language == code
        assert info.evidence in EVIDENCE
    assert ed.EDITIONS["ar"].direction == "rtl"
    assert {code: ed.EDITIONS[code].direction for code in ("en", "es")} == {"en": "ltr", "es": "ltr"}
    assert dict(ed.EDITION_HOSTS) == {
        "english.almayadeen.net": "en",
        "www.almayadeen.net": "ar",
        "almayadeen.net": "ar",
        "espanol.almayadeen.net": "es",
    }


def test_the_capture_links_to_the_other_editions(capture: lxml.html.HtmlElement) -> None:
    hosts = {urlsplit(a.get("href") or "").hostname for a in capture.iter("a")}
    assert {"english.almayadeen.net", "espanol.almayadeen.net", "www.almayadeen.net"} <= hosts
    assert capture.get("lang") == "ar"
    assert capture.get("dir") == "rtl"


# --- headings ---------------------------------------------------------------------------


def test_every_furniture_block_has_a_heading_in_every_edition() -> None:
    by_block = collections.defaultdict(set)
    for heading in ed.HEADINGS:
        assert heading.evidence in EVIDENCE
        assert heading.text == " ".join(heading.text.split())
        by_block[heading.block].add(heading.edition)
    for block in ("breaking", "most_read", "related", "read_next", "coverage", "tags"):
        assert by_block[block] == {"en", "ar", "es"}, block


def test_no_heading_names_two_blocks_in_one_edition() -> None:
    seen: dict[tuple[str, str], str] = {}
    for heading in ed.HEADINGS:
        key = (heading.edition, fold(heading.text))
        assert seen.setdefault(key, heading.block) == heading.block, heading


def test_spanish_is_never_claimed_as_seen() -> None:
    """No Spanish page was captured: every Spanish word is reconstructed."""
    assert {h.evidence for h in ed.HEADINGS if h.edition == "es"} == {"reconstructed"}
    assert {w.evidence for w in ed.BYLINE_WORDS if w.edition == "es"} == {"reconstructed"}
    assert {m.evidence for m in ed.MONTHS if m.language == "es"} == {"reconstructed"}


def test_every_heading_of_the_capture_is_in_the_table(capture: lxml.html.HtmlElement) -> None:
    shown = [_text(h) for h in capture.cssselect(".section_head .title h2")]
    shown += [_text(h) for h in capture.cssselect(".ticker-label h4, section.breaking-news-vertical h3")]
    arabic = {h.text for h in ed.HEADINGS if h.edition == "ar" and h.evidence == "real"}
    assert len(shown) == 16
    assert set(shown) == arabic


def test_tab_labels_are_the_captures(capture: lxml.html.HtmlElement) -> None:
    for head in capture.cssselect(".section_head"):
        titles = [_text(h) for h in head.cssselect(".title h2")]
        tabs = tuple(t for t in (_text(a) for a in head.cssselect(".tab-link a")) if t)
        if titles and tabs:
            assert ed.TAB_LABELS[titles[0]] == tabs


def test_furniture_words_are_in_the_capture(capture: lxml.html.HtmlElement) -> None:
    texts = {_text(a) for a in capture.iter("a")} | {_text(e) for e in capture.cssselect(".live-indicator-text")}
    assert set(ed.FURNITURE_WORDS["ar"]) <= texts


# --- byline, months, relative days ------------------------------------------------------


def test_byline_words_per_edition() -> None:
    roles = {(w.edition, w.role) for w in ed.BYLINE_WORDS}
    assert roles == {(e, r) for e in ("en", "ar", "es") for r in ("by", "source", "read_time")}
    assert {w.text for w in ed.BYLINE_WORDS if w.evidence == "readme"} == {"By", "Source:", "Min Read"}


@pytest.mark.parametrize(
    ("language", "calendar"), [("en", "latin"), ("es", "latin"), ("ar", "levantine"), ("ar", "gregorian")]
)
def test_every_month_is_named(language: str, calendar: str) -> None:
    months = {m.month for m in ed.MONTHS if m.language == language and m.calendar == calendar}
    assert months == set(range(1, 13))


def test_no_month_name_means_two_months() -> None:
    seen: dict[tuple[str, str], int] = {}
    for name in ed.MONTHS:
        assert name.evidence in EVIDENCE
        key = (name.language, fold(name.text))
        assert seen.setdefault(key, name.month) == name.month, name


def test_the_levantine_names_as_the_site_writes_them() -> None:
    forms = {m.text: m.month for m in ed.MONTHS if m.calendar == "levantine"}
    for text, month in {
        "كانون ثاني": 1, "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
        "تموز": 7, "آب": 8, "أيلول": 9, "تشرين اول": 10, "تشرين الأول": 10, "تشرين ثاني": 11,
        "تشرين الثاني": 11, "كانون اول": 12, "كانون الأول": 12,
    }.items():  # fmt: skip
        assert forms[text] == month, text


def test_real_months_are_the_captures(capture: lxml.html.HtmlElement) -> None:
    labels = {_text(p) for p in capture.cssselect(".time p")}
    words = {label.split(" ", 1)[1] for label in labels if label[0].isdigit()}
    assert words == {m.text for m in ed.MONTHS if m.evidence == "real"} == {"تشرين اول", "تشرين ثاني", "أيلول"}


def test_relative_days() -> None:
    days = {(d.language, d.text): d.days_ago for d in ed.RELATIVE_DAYS}
    assert days[("ar", "اليوم")] == 0
    assert days[("ar", "أمس")] == days[("ar", "امس")] == days[("es", "ayer")] == days[("en", "Yesterday")] == 1
    assert days[("es", "hoy")] == days[("en", "Today")] == 0
    assert {d.evidence for d in ed.RELATIVE_DAYS if d.evidence != "reconstructed"} == {"real"}


# --- post types and paths -------------------------------------------------------------------


def test_the_readmes_twelve_post_types_and_counts() -> None:
    counted = [p for p in ed.POST_TYPES if p.count is not None]
    assert len(counted) == 12
    assert sum(p.count or 0 for p in counted) == 11993  # "~12,000 article pages"
    assert len({p.text for p in ed.POST_TYPES}) == len(ed.POST_TYPES)
    if README.is_file():
        readme = " ".join(README.read_text(encoding="utf-8").split())
        for entry in counted:
            assert f"`{entry.text}`" in readme
            assert str(entry.count) in readme


def test_post_type_kinds_reuse_the_english_kinds() -> None:
    kinds = {p.kind for p in ed.POST_TYPES} | {p.kind for p in ed.PATH_KINDS}
    assert kinds - {None} <= ENGLISH_KINDS | NEW_KINDS
    assert {p.text: p.kind for p in ed.POST_TYPES if p.kind in ENGLISH_KINDS} == {
        "أخبار": "news",
        "فيديو": "video",
        "مقالات": "opinion",
        "الكتّاب": "opinion",
        "تحليل": "analysis",
        "إنفوغراف": "infograph",
    }
    assert [p.text for p in ed.POST_TYPES if p.kind is None] == ["الصفحات"]


def test_real_path_prefixes_are_in_the_capture(capture: lxml.html.HtmlElement) -> None:
    prefixes: collections.Counter[str] = collections.Counter()
    for a in capture.iter("a"):
        parts = [p for p in unquote(urlsplit(a.get("href") or "").path).split("/") if p]
        if parts:
            prefixes[parts[0]] += 1
    for entry in ed.PATH_KINDS:
        assert entry.min_parts >= 2
        if entry.evidence == "real":
            assert prefixes[entry.prefix], entry


# --- places and digits ----------------------------------------------------------------------


def test_places_are_unique_and_colon_free() -> None:
    keys = [(p.language, fold(p.text)) for p in ed.PLACES]
    assert len(keys) == len(set(keys))
    assert not [p for p in ed.PLACES if ":" in p.text or len(p.text) > 40]


def test_every_place_of_the_capture_is_in_the_vocabulary(capture: lxml.html.HtmlElement) -> None:
    seen = {_text(a) for a in capture.cssselect("div.breaking-meta a[href*='/maingroup/']")}
    seen |= {img.get("alt") or "" for img in capture.cssselect("a[href*='/country/'] img[alt]")}
    assert seen == {
        "العراق", "فلسطين المحتلة", "فرنسا", "لبنان", "الولايات المتحدة الأميركية", "تونس", "الجزائر", "مصر",
    }  # fmt: skip
    real = {p.text for p in ed.PLACES if p.evidence == "real"}
    assert seen <= real
    slugs = {p.slug: p.text for p in ed.PLACES if p.slug}
    for a in capture.cssselect("a[href*='/country/']"):
        slug = unquote(a.get("href") or "").rsplit("/", 1)[1]
        assert slugs[slug] == a.cssselect("img")[0].get("alt")


def test_digits() -> None:
    assert len(ed.DIGITS) == 20
    for char, ascii_digit in ed.DIGITS.items():
        assert unicodedata.digit(char) == int(ascii_digit)
        assert unicodedata.name(char).startswith(("ARABIC-INDIC DIGIT", "EXTENDED ARABIC-INDIC DIGIT"))
