"""Extraction rules on small pages, one rule per test.

Each page is the least markup that shows one situation the site reference says
may occur (other wrappers, other class names, other block shapes).
"""

from __future__ import annotations

import datetime

import pytest

import mayadeen_parse as mp

HEAD = '<html><head><title>Story | Al Mayadeen English</title><meta property="og:type" content="article"></head>'
LONG = "is a sentence long enough to be taken for a paragraph of running text"


def page(body: str, head: str = HEAD) -> mp.Page:
    return mp.load_page(f"{head}<body>{body}</body></html>")


def article(body: str, head: str = HEAD) -> mp.Article:
    return mp.parse_article(page(body, head))


def texts(a: mp.Article) -> list[str]:
    return [getattr(block, "text", None) or repr(block) for block in a.body]


def test_related_heading_among_paragraphs_takes_only_its_list() -> None:
    p = page(
        f'<article><h1>Headline</h1><div class="p-content"><p>One {LONG}.</p>'
        '<h3>Related News</h3><ul><li><a href="/news/politics/a-one">Story one</a></li>'
        '<li><a href="/news/politics/a-two">Story two</a></li></ul>'
        f'<p>Two {LONG}, with <a href="/news/politics/inline-link">a link</a>.</p></div></article>'
    )
    a = mp.parse_article(p)
    assert texts(a) == [f"One {LONG}.", f"Two {LONG}, with a link."]
    assert [t.title for t in mp.parse_related(p)] == ["Story one", "Story two"]


def test_heading_word_inside_prose_is_not_a_block_heading() -> None:
    a = article(
        f'<article><h1>Headline</h1><div class="p-content"><p>One {LONG}.</p>'
        '<p><strong>Read next</strong>: <a href="/news/politics/next-story">Next story</a></p>'
        "<p><b>Most Read</b> is also the name of a column in this sentence.</p></div></article>"
    )
    assert a.see_also == (mp.Link(title="Next story", url="https://english.almayadeen.net/news/politics/next-story"),)
    assert texts(a) == [f"One {LONG}.", "Most Read is also the name of a column in this sentence."]


@pytest.mark.parametrize(
    "promo",
    [
        'Read next: <a href="/news/politics/x">X</a>',
        '<strong>Read also:</strong> <a href="/news/politics/x">X</a>',
        'READ MORE - <a href="/news/politics/x">X</a>',
        '<em>See also</em>: <a href="/news/politics/x">X</a>',
    ],
)
def test_read_next_promo_forms(promo: str) -> None:
    a = article(f'<article><h1>Headline</h1><div class="p-content"><p>One {LONG}.</p><p>{promo}</p></div></article>')
    assert [link.title for link in a.see_also] == ["X"]
    assert len(a.body) == 1


def test_breaking_ticker_without_list_items() -> None:
    p = page(
        '<div class="bar"><div>Urgent</div><div class="track"><div>First item: statement</div>'
        "<div>Second item</div><div>Second item</div></div></div><h1>Other page</h1>"
    )
    assert [(i.text, i.attribution) for i in mp.parse_breaking(p)] == [
        ("First item: statement", "First item"),
        ("Second item", None),
    ]


def test_breaking_times_only_from_full_datetimes() -> None:
    p = page(
        '<div id="breaking-news"><span>BREAKING</span><ul>'
        '<li><time datetime="2025-07-01T10:00:00Z">13:00</time> Summer item</li>'
        '<li><span class="time">09:42</span> Clock only</li></ul></div>'
    )
    first, second = mp.parse_breaking(p)
    assert first.text == "Summer item"
    assert first.time == datetime.datetime(2025, 7, 1, 13, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=3)))
    assert second.text == "Clock only"
    assert second.time is None


def test_most_read_ranks_and_relative_times_are_not_sections() -> None:
    p = page(
        '<aside><h2>Most Read</h2><ol><li><span>1</span><a href="/news/politics/a-b">A b</a><em>3 hours ago</em></li>'
        '<li><span>2</span><a href="/articles/opinion/c-d">C d</a><span class="cat">Opinion</span></li></ol></aside>'
    )
    assert [(t.title, t.section) for t in mp.parse_most_read(p)] == [("A b", None), ("C d", "Opinion")]


def test_block_missing_gives_empty_tuples() -> None:
    p = page("<h1>Nothing here</h1><p>Just a page.</p>")
    assert mp.parse_breaking(p) == mp.parse_most_read(p) == mp.parse_related(p) == mp.parse_read_next(p) == ()


def test_br_inside_a_paragraph_is_a_newline_and_empty_paragraphs_vanish() -> None:
    a = article(
        f'<article><h1>Headline</h1><div class="p-content"><p>Line one<br>line two<br><br></p>'
        f"<p>&nbsp;</p><p>\u200b</p><p>Two {LONG}.</p></div></article>"
    )
    assert texts(a) == ["Line one\nline two", f"Two {LONG}."]


def test_spaces_around_inline_links_are_kept() -> None:
    a = article(
        '<article><h1>Headline</h1><div class="p-content">'
        '<p>The <a href="/tags/un">UN</a>, <em>again</em>, said<a href="/x"> no</a>.</p></div></article>'
    )
    assert a.paragraphs == ("The UN, again, said no.",)
    first = a.body[0]
    assert isinstance(first, mp.Paragraph)
    assert [link.title for link in first.links] == ["UN", "no"]
    assert a.tags == ()  # an inline link to a tag page is body text, not the tag list


def test_hidden_elements_ads_and_share_lists_are_not_body() -> None:
    a = article(
        f'<article><h1>Headline</h1><div class="p-content"><p>One {LONG}.</p>'
        '<p hidden>Hidden text</p><div style="display: none">Also hidden</div>'
        '<div class="ad-slot"><span>Advertisement</span></div>'
        '<ul><li><a href="https://www.facebook.com/sharer/sharer.php?u=x">f</a></li>'
        '<li><a href="https://x.com/intent/tweet?url=x">x</a></li></ul>'
        '<script>var x = "script text";</script><style>p {}</style></div></article>'
    )
    assert texts(a) == [f"One {LONG}."]


@pytest.mark.parametrize(
    ("markup", "provider", "url"),
    [
        (
            '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/abc/">'
            "<p>Post</p></blockquote>",
            "instagram",
            "https://www.instagram.com/p/abc/",
        ),
        (
            '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@a/video/1"><p>Clip</p></blockquote>',
            "tiktok",
            "https://www.tiktok.com/@a/video/1",
        ),
        (
            '<script async src="https://telegram.org/js/telegram-widget.js"'
            ' data-telegram-post="almayadeen/123"></script>',
            "telegram",
            "https://t.me/almayadeen/123",
        ),
        ('<iframe src="https://www.youtube.com/embed/xyz"></iframe>', "youtube", "https://www.youtube.com/embed/xyz"),
        ('<iframe src="//player.vimeo.com/video/1"></iframe>', "vimeo", "https://player.vimeo.com/video/1"),
    ],
)
def test_embeds(markup: str, provider: str, url: str) -> None:
    a = article(f'<article><h1>Headline</h1><div class="p-content"><p>One {LONG}.</p>{markup}</div></article>')
    embeds = [b for b in a.body if isinstance(b, mp.Embed)]
    assert [(e.provider, e.url) for e in embeds] == [(provider, url)]


def test_ad_iframes_are_dropped() -> None:
    a = article(
        f'<article><h1>Headline</h1><div class="p-content"><p>One {LONG}.</p>'
        '<iframe src="https://securepubads.g.doubleclick.net/x"></iframe></div></article>'
    )
    assert len(a.body) == 1


def test_byline_variants() -> None:
    a = article(
        "<article><h1>Headline</h1>"
        '<div class="meta">By Jane Roe and John Doe | Source: Reuters | 1 Aug 2024 09:05</div>'
        f'<div class="p-content"><p>One {LONG}.</p></div></article>'
    )
    assert [x.name for x in a.authors] == ["Jane Roe", "John Doe"]
    assert a.source == "Reuters"
    assert a.published == datetime.datetime(2024, 8, 1, 9, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=3)))


@pytest.mark.parametrize("shown", ["5 Min Read", "5 min read", "5 minutes read", "5 Mins Read"])
def test_read_time_forms(shown: str) -> None:
    a = article(
        f'<article><h1>Headline</h1><span>{shown}</span><div class="p-content"><p>One {LONG}.</p></div></article>'
    )
    assert a.read_time_minutes == 5


def test_caption_box_without_figure() -> None:
    a = article(
        '<article><h1>Headline</h1><div class="pic"><img src="/a.jpg" alt="Short alt">'
        '<span class="pic-caption">People gather in Beirut, Lebanon (Reuters)</span></div>'
        f'<div class="p-content"><p>One {LONG}.</p><div class="inline-pic"><img src="/b.jpg">'
        '<p class="credit">A second picture (AFP)</p></div></div></article>'
    )
    assert a.lead_image == mp.Image(
        url="https://english.almayadeen.net/a.jpg",
        alt="Short alt",
        caption="People gather in Beirut, Lebanon",
        credit="Reuters",
    )
    assert a.body[1] == mp.Figure(
        image=mp.Image(url="https://english.almayadeen.net/b.jpg", caption="A second picture", credit="AFP")
    )


def test_relative_links_resolve_against_the_given_url_and_base_href_is_ignored() -> None:
    html = (
        '<html><head><base href="https://evil.example/"></head><body><article><h1>Headline</h1>'
        f'<div class="p-content"><p>One {LONG} <a href="other-story">here</a>.</p></div></article></body></html>'
    )
    a = mp.parse_article(html, url="https://english.almayadeen.net/news/politics/this-story")
    first = a.body[0]
    assert isinstance(first, mp.Paragraph)
    assert first.links[0].url == "https://english.almayadeen.net/news/politics/other-story"


def test_wayback_links_are_unwrapped() -> None:
    a = article(
        '<article><h1>Headline</h1><ul class="tags"><li>'
        '<a href="/web/20231106id_/https://english.almayadeen.net/tags/gaza">Gaza</a></li></ul>'
        f'<div class="p-content"><p>One {LONG}.</p></div></article>'
    )
    assert a.tags == (mp.Tag(name="Gaza", url="https://english.almayadeen.net/tags/gaza"),)


@pytest.mark.parametrize(
    ("html", "kind"),
    [
        ("", "empty"),
        ("   \n ", "empty"),
        ('<script id="tawsiyat-metadata" type="text/tawsiyat">{"type": "page"}</script><h1>About us</h1>', "page"),
        (
            '<meta property="og:type" content="website"><link rel="canonical" href="https://english.almayadeen.net/">',
            "home",
        ),
        ("<p>just some text</p>", "unknown"),
    ],
)
def test_not_an_article(html: str, kind: str) -> None:
    with pytest.raises(mp.NotAnArticleError) as info:
        mp.parse_article(html)
    assert info.value.kind == kind
    assert isinstance(info.value, ValueError)
    assert "not an article page" in str(info.value)
    assert mp.parse_page(html).article is None


def test_page_decode_errors_name_what_was_found() -> None:
    with pytest.raises(mp.PageDecodeError, match="gzip"):
        mp.load_page(b"\x1f\x8b\x08\x00rest")
    with pytest.raises(mp.PageDecodeError, match="PDF"):
        mp.parse_article(b"%PDF-1.7 ...")
    with pytest.raises(TypeError):
        mp.load_page(12)  # type: ignore[arg-type]


def test_encoding_argument_beats_meta_and_unknown_labels_are_ignored() -> None:
    data = '<meta charset="windows-1256"><h1>caf\u00e9</h1>'.encode()
    assert mp.load_page(data).encoding == "windows-1256"
    chosen = mp.load_page(data, encoding="utf-8")
    assert (chosen.encoding, chosen.encoding_source) == ("utf-8", "argument")
    unknown = mp.load_page(data, encoding="x-no-such-charset")
    assert unknown.encoding == "windows-1256"
    assert any("x-no-such-charset" in w for w in unknown.warnings)


def test_a_block_filled_by_script_is_empty_not_the_article_links() -> None:
    """An empty Read Next (cards loaded by script) must not climb into the article."""
    p = page(
        f'<main><article><h1>Headline</h1><div class="p-content"><p>One {LONG}.</p>'
        '<p>Read next: <a href="/news/politics/x-y">X y</a></p></div></article>'
        '<section class="more"><h2>Read Next</h2><div class="cards" data-src="/api/cards"></div></section></main>'
    )
    assert mp.parse_read_next(p) == ()
    assert [link.title for link in mp.parse_article(p).see_also] == ["X y"]


def test_one_story_linked_twice_is_one_teaser() -> None:
    p = page(
        '<section><h2>Most Read</h2><div class="i"><a href="/news/politics/a-b/#comments"><img src="/x.jpg" alt="A b">'
        '</a><h3><a href="https://english.almayadeen.net/news/politics/a-b/">A b</a></h3></div>'
        '<div class="i"><h3><a href="/news/politics/c-d">C d</a></h3></div></section>'
    )
    items = mp.parse_most_read(p)
    assert [(t.title, t.url) for t in items] == [
        ("A b", "https://english.almayadeen.net/news/politics/a-b/"),
        ("C d", "https://english.almayadeen.net/news/politics/c-d"),
    ]


def test_a_lead_image_in_noscript_is_read() -> None:
    """The lazy-loading pattern ``<noscript><img src=...></noscript>`` under the
    headline gives the lead image: ``noscript`` is a skipped tag, but its
    picture is read (a change that skipped everything inside skipped tags, to
    keep a button's "By ..." out of the byline, lost it: found by a
    differential fuzz of the header walk, and reverted)."""
    html = (
        '<html lang="en"><body><article><h1>Blinken claims US is working to send aid to Gaza</h1>'
        '<noscript><img src="https://english.almayadeen.net/media/image/2023/11/06/blinken.jpg" alt="Blinken">'
        '</noscript><div class="p-content"><p>After conducting almost three hours of one-on-one talks with the'
        " Turkish Foreign Minister, Blinken claimed that Washington was working very aggressively.</p></div>"
        "</article></body></html>"
    )
    lead = mp.parse_article(html).lead_image
    assert lead is not None
    assert lead.url == "https://english.almayadeen.net/media/image/2023/11/06/blinken.jpg"
    assert lead.alt == "Blinken"
