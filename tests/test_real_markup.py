"""Issue 12's real-markup details, each on the real capture or the ``.cms.html``
reference page (``tests/fixtures/article/blinken-cms.html``).

- the ``.cms.html`` page gives the same Article as the first reference page,
  every block found by ``class``, none by fallback, no disagreement;
- images are never the lazy-loading placeholder; the real URL comes from
  ``data-src``, ``data-original``, ``srcset``;
- a slider's loop copies (``swiper-slide-duplicate``) never give an item twice;
- Cloudflare's ``<script ... rocket-loader ...>`` inside links is no text;
- the ticker's places come from evidence only;
- relative labels resolve against ``fetched_at``, never the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest

import mayadeen_parse as mp

FIXTURES = Path(__file__).parent / "fixtures"
CAPTURE = FIXTURES / "real" / "ar-homepage-2023-11-02.html"
CMS = FIXTURES / "article" / "blinken-cms.html"
REFERENCE = FIXTURES / "article" / "blinken-2023-11-06.html"
PLACEHOLDER = re.compile(r"/mdn2023/images/default1\.\d\.png", re.I)
AR = "https://www.almayadeen.net/"


@cache
def capture_bytes() -> bytes:
    return CAPTURE.read_bytes()


def real_page(data: bytes | None = None, **kwargs: object) -> mp.Page:
    return mp.load_page(data if data is not None else capture_bytes(), url=AR, **kwargs)  # type: ignore[arg-type]


# --- the .cms.html reference page ---------------------------------------------------


def test_cms_page_gives_the_same_article() -> None:
    assert mp.parse_article(CMS.read_bytes()) == mp.parse_article(REFERENCE.read_bytes())


def test_cms_page_every_block_by_class_none_by_fallback() -> None:
    report = mp.inspect_page(CMS.read_bytes())
    layout = {row.block: row for row in report.layout}
    for block in ("body", "summary", "breaking", "most_read", "related", "read_next", "coverage"):
        assert layout[block].anchor == "class", block
    assert not [row.block for row in report.layout if row.fallback]
    assert report.disagreements == ()


def test_cms_page_teasers_name_their_block() -> None:
    page = mp.load_page(CMS.read_bytes())
    assert {t.block for t in mp.parse_most_read(page)} == {"Most Read"}
    assert {t.block for t in mp.parse_read_next(page)} == {"Read Next"}
    assert {t.block for t in mp.parse_related(page)} == {"Related News"}
    assert [t.time_label for t in mp.parse_most_read(page)] == ["8 Nov 2025", "8 Nov 2025", "7 Nov 2025", "10 Nov 2025"]
    assert page.edition == "en"
    assert all(item.place is None for item in mp.parse_breaking(page))  # "Barrack: ..." is a speaker


# --- the real capture -----------------------------------------------------------------


def test_real_images_are_never_the_placeholder() -> None:
    teasers = mp.parse_most_read(real_page())
    assert len(teasers) == 12
    assert all(t.image is not None and not PLACEHOLDER.search(t.image.url) for t in teasers)
    # Every one of them has the placeholder in src and the real URL in data-src.
    assert capture_bytes().count(b'src="/mdn2023/images/default1.7.png"') > 12


@pytest.mark.parametrize("attr", ["data-original", "srcset", "data-srcset"])
def test_real_image_url_from_other_lazy_attributes(attr: str) -> None:
    text = capture_bytes().decode("utf-8")
    start = text.index('<section class="most-read-section')
    head, tail = text[:start], text[start:]
    # Move every data-src of the Most Read section into *attr* (a srcset gets a width).
    suffix = " 210w" if "srcset" in attr else ""
    tail = re.sub(r'data-src="([^"]+)"', lambda m: f'{attr}="{m.group(1)}{suffix}"', tail, count=40)
    teasers = mp.parse_most_read(real_page((head + tail).encode("utf-8")))
    want = mp.parse_most_read(real_page())
    assert [t.image.url if t.image else None for t in teasers] == [t.image.url if t.image else None for t in want]


def test_real_slider_duplicates_never_twice() -> None:
    text = capture_bytes().decode("utf-8")
    # A browser-saved page: Swiper's loop adds copies of the first and last
    # slides, marked swiper-slide-duplicate, before and after the real ones.
    start = text.index('<section class="most-read-section')
    first = re.search(r'<div class="swiper-slide tab digit[^"]*"', text[start:])
    assert first is not None
    end = text.index("</section>", start)
    section = text[start:end]
    slide_start = section.index(first.group(0))
    slide_end = section.index('<div class="swiper-slide', slide_start + 10)
    copy = section[slide_start:slide_end].replace(
        'class="swiper-slide ', 'class="swiper-slide swiper-slide-duplicate ', 1
    )
    section = section[:slide_start] + copy + section[slide_start:]
    teasers = mp.parse_most_read(real_page((text[:start] + section + text[end:]).encode("utf-8")))
    assert [t.url for t in teasers] == [t.url for t in mp.parse_most_read(real_page())]


def test_real_rocket_loader_is_no_text() -> None:
    assert b"rocket-loader" in capture_bytes()
    page = real_page()
    texts = [t.title for t in mp.parse_most_read(page)] + [b.text for b in mp.parse_breaking(page)]
    texts += [t.image.alt or "" for t in mp.parse_most_read(page) if t.image]
    assert not [t for t in texts if "rocket" in t.lower() or "cdn-cgi" in t or "<script" in t]


def test_real_ticker_places_from_the_second_list() -> None:
    items = mp.parse_breaking(real_page())
    assert [i.place for i in items][:3] == ["العراق", "فلسطين المحتلة", "فرنسا"]
    assert all(i.text.startswith(f"{i.place}:") or i.text.startswith(f"{i.place} :") for i in items if i.place)
    assert len({i.url for i in items}) == len(items) == 10


def test_real_labels_resolve_against_fetched_at_only() -> None:
    assert all(i.time is None for i in mp.parse_breaking(real_page()))
    fetched = dt.datetime(2023, 11, 2, 22, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    items = mp.parse_breaking(real_page(fetched_at=fetched))
    assert items[0].time_label == "اليوم 21:48"
    assert items[0].time is not None
    assert items[0].time.isoformat() == "2023-11-02T21:48:00+02:00"


def test_real_edition_everywhere() -> None:
    page = real_page()
    assert page.edition == "ar"
    assert mp.parse_page(page).edition == "ar"
    with pytest.raises(mp.NotAnArticleError):
        mp.parse_article(page)


# --- the Arabic edition's words (reconstructed: no Arabic article page seen) ----------

ARABIC_ARTICLE = """<html lang="ar" dir="rtl"><head>
<script id="tawsiyat-metadata" type="text/tawsiyat">{"type": "article", "lang": "ar",
 "classes": [{"mapping": "posttype", "value": "%s"}]}</script></head>
<body><div class="post-details"><h1>عنوان المقال الطويل هنا للاختبار</h1>
<ul class="post-metas"><li class="single-meta about-author">بقلم <a href="/authors/زياد-غصن">زياد غصن</a></li>
<li class="single-meta">المصدر: وكالات</li><li class="single-meta">2 تشرين ثاني 2023 20:41</li>
<li class="single-meta">3 دقائق قراءة</li></ul><p class="lg_para summary">ملخص المقال هنا.</p>
<div class="p-content"><p>الفقرة الأولى من النص، وهي طويلة بما يكفي لتكون فقرة من فقرات المقال.</p>
<p>الفقرة الثانية من النص، وهي أيضاً طويلة بما يكفي لتكون فقرة.</p></div></div></body></html>"""


def test_arabic_byline_words_and_dates() -> None:
    article = mp.parse_article(ARABIC_ARTICLE % "مقالات", url="https://www.almayadeen.net/articles/some-slug")
    assert article.edition == "ar"
    assert [(a.name, a.url) for a in article.authors] == [("زياد غصن", "https://www.almayadeen.net/authors/زياد-غصن")]
    assert article.source == "وكالات"
    assert article.published is not None
    assert article.published.isoformat() == "2023-11-02T20:41:00+02:00"  # Levantine month, Beirut time
    assert article.read_time_minutes == 3


@pytest.mark.parametrize(
    ("posttype", "kind"),
    [("أخبار", "news"), ("تقارير إخبارية", "report"), ("نشرة الأخبار", "newscast"), ("منوعات", "misc"),
     ("صحافة", "press"), ("متابعات", "follow-up"), ("بودكاست", "podcast"), ("الكتّاب", "opinion"),
     ("تحليل", "analysis"), ("إنفوغراف", "infograph"), ("فيديو", "video"), ("مقالات", "opinion")],
)  # fmt: skip
def test_arabic_post_types_are_kinds(posttype: str, kind: str) -> None:
    assert mp.parse_article(ARABIC_ARTICLE % posttype).kind == kind


def test_cms_disclaimer_inside_the_body_is_no_body_text() -> None:
    """``.post_disclaimer`` (the site's CSS) is never article text, wherever it sits."""
    html = CMS.read_text(encoding="utf-8")
    at = html.index('<div class="p-content">') + len('<div class="p-content">')
    disclaimer = '<div class="post_disclaimer"><p>The opinions mentioned in this article are the author\'s.</p></div>'
    assert mp.parse_article(html[:at] + disclaimer + html[at:]).body == mp.parse_article(html).body


def test_real_report_anchors_and_no_title_disagreement() -> None:
    """The ticker and Most Read by class; the Arabic ``<title>`` suffix
    (``الرئيسية | الميادين``) is the site's name, no disagreement."""
    report = mp.inspect_page(real_page())
    layout = {row.block: row for row in report.layout}
    assert (layout["breaking"].anchor, layout["breaking"].items) == ("class", 10)
    assert (layout["most_read"].anchor, layout["most_read"].items) == ("class", 12)
    assert "title" not in {d.kind for d in report.disagreements}
    no_ticker = FIXTURES / "real" / "ar-homepage-2023-11-02.no-ticker.html"
    row = {r.block: r for r in mp.inspect_page(real_page(no_ticker.read_bytes())).layout}["breaking"]
    assert (row.anchor, row.detail, row.items) == ("class", "breaking-news-vertical pd-top-0", 10)


def test_real_read_section_is_no_read_next() -> None:
    """``section.read-section`` holds Read Next on the .cms.html page but the
    "اقرأ" (Read) block on the real homepage: a ``confirm`` hint, the block
    only under a Read Next heading."""
    assert mp.parse_read_next(real_page()) == ()
    assert b'class="news-section read-section' in capture_bytes()
    assert len(mp.parse_read_next(CMS.read_bytes())) == 4
