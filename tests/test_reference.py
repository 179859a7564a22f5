"""The reference page against its published text (shared/site/blinken-2023-11-06.txt).

The text capture is the ground truth for what the page shows; these
expectations are taken from it by hand, not from the parser's output.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import mayadeen_parse as mp

FIXTURES = Path(__file__).parent / "fixtures"
HTML = FIXTURES / "article" / "blinken-2023-11-06.html"
TEXT = (FIXTURES / "blinken-2023-11-06.txt").read_text(encoding="utf-8")
LINES = [line.strip() for line in TEXT.splitlines()]

# The 12 body paragraphs, in order, as the capture shows them.
PARAGRAPH_STARTS = [
    "After conducting almost three hours",
    "Blinken relayed to reporters post-meeting",
    '"I think we will see in the days ahead',
    "Blinken's visit caused outrage in Turkey",
    "On his part, Turkish President",
    "Two days ago, Erdogan confirmed",
    "A Turkish diplomatic source claimed",
    "Blinken described his visit to Turkey",
    'Meanwhile, "Israel" stated',
    "Blinken said on Thursday",
    "Blinken told reporters,",
    "He even clashed with Arab leaders",
]
FURNITURE_LINES = [
    "Read next: US does not want to see the conflict expand into Lebanon: WH",
    "Read next: Blinken should have heard firm position from Arabs: Ansar Allah",
    "Related News",
    "US withdrew nearly $900mln from IMF as Argentina faced debt payment",
    "US intel: 'Israel' sent Palestinians into suspected explosive tunnels",
    "Most Read",
    "Read Next",
    "BREAKING",
    "Coverage",
]


@pytest.fixture(scope="module")
def page() -> mp.Page:
    return mp.load_page(HTML.read_bytes())


@pytest.fixture(scope="module")
def article(page: mp.Page) -> mp.Article:
    return mp.parse_article(page)


def _line_starting(start: str) -> str:
    (line,) = [line for line in LINES if line.startswith(start)]
    return line


def test_body_is_the_twelve_published_paragraphs(article: mp.Article) -> None:
    assert list(article.paragraphs) == [_line_starting(start) for start in PARAGRAPH_STARTS]


def test_body_holds_no_furniture(article: mp.Article) -> None:
    texts = [getattr(block, "text", "") or "" for block in article.body]
    for line in FURNITURE_LINES:
        assert all(line not in text for text in texts), line


def test_body_order_of_non_paragraph_blocks(article: mp.Article) -> None:
    kinds = [type(block).__name__ for block in article.body]
    assert kinds == ["Paragraph"] * 4 + ["Embed", "Heading"] + ["Paragraph"] * 8
    embed, heading = article.body[4], article.body[5]
    assert isinstance(embed, mp.Embed)
    assert isinstance(heading, mp.Heading)
    assert heading.text == "'A pause could help'"
    assert embed.provider == "twitter"
    assert embed.author == "Michael Weingardt (@Michael_Wgd)"
    assert embed.text is not None
    assert embed.text.endswith("pic.twitter.com/QvpwtgYehi")


def test_header_fields(article: mp.Article) -> None:
    assert article.title == "Blinken claims US 'working very aggressively' to send aid to Gaza"
    assert article.authors == (
        mp.Author(name="Al Mayadeen English", url="https://english.almayadeen.net/authors/al-mayadeen-english"),
    )
    assert article.source == "Agencies"
    assert article.read_time_minutes == 3
    assert article.summary == _line_starting("Blinken describes his visit to Turkey")
    beirut_winter = datetime.timezone(datetime.timedelta(hours=2))
    assert article.published == datetime.datetime(2023, 11, 6, 16, 21, tzinfo=beirut_winter)
    assert article.published is not None
    assert article.published.utcoffset() == datetime.timedelta(hours=2)


def test_lead_image_caption_and_credit(article: mp.Article) -> None:
    assert article.lead_image is not None
    caption_line = _line_starting(
        'US Secretary of State Antony Blinken speaks to the media during a press conference in "Tel'
    )
    assert caption_line.endswith(" (AP)")
    assert article.lead_image.caption == caption_line.removesuffix(" (AP)")
    assert article.lead_image.credit == "AP"


def test_see_also_is_the_two_read_next_promos(article: mp.Article) -> None:
    assert [link.title for link in article.see_also] == [
        line.removeprefix("Read next: ") for line in FURNITURE_LINES[:2]
    ]


def test_tags_are_the_eight_published_tags(article: mp.Article) -> None:
    start = LINES.index("• United States")
    shown = [line.removeprefix("• ") for line in LINES[start : start + 8]]
    assert [tag.name for tag in article.tags] == shown


def test_ticker_is_the_ten_published_lines(page: mp.Page) -> None:
    start = LINES.index("BREAKING") + 1
    assert [item.text for item in mp.parse_breaking(page)] == LINES[start : start + 10]


def test_most_read_titles_sections_dates(page: mp.Page) -> None:
    items = mp.parse_most_read(page)
    assert [item.title for item in items] == [
        "Yemen busts CIA-Mossad-Saudi spy network operating from Saudi Arabia",
        "US-backed ‘New Gaza’ plan draws Arab fury over 'partition' fears: FT",
        "US politics polarization: How Gaza garnered Mamdani his win",
        "Imperialism and the war in Ukraine",
    ]
    assert all(item.title in LINES for item in items)
    assert [item.section for item in items] == ["Politics", "Politics", "Politics", "Opinion"]
    assert [item.published for item in items] == [
        datetime.date(2025, 11, 8),
        datetime.date(2025, 11, 8),
        datetime.date(2025, 11, 7),
        datetime.date(2025, 11, 10),
    ]
    assert all(type(item.published) is datetime.date for item in items)
    last = items[3].image
    assert last is not None
    assert last.credit == "Al Mayadeen English; Illustrated by Batoul Chamas"
    assert last.caption is not None
    assert last.caption.startswith("The Western imperialists")
    assert items[0].image is not None
    assert items[0].image.caption is None


def test_related_is_the_box_in_the_body(page: mp.Page, article: mp.Article) -> None:
    items = mp.parse_related(page)
    assert [item.title for item in items] == FURNITURE_LINES[3:5]
    assert article.related == items


def test_read_next_cards(page: mp.Page) -> None:
    items = mp.parse_read_next(page)
    assert [item.title for item in items] == [
        "Pakistan, Iran hold high-level talks to expand economic ties",
        "Iran-China-Russia meet IAEA chief ahead of Board of Governors session",
        "Gaza Civil Defense recovers 51 bodies from Sheikh Radwan Clinic",
        "Iraq election results: Sudani’s coalition leads with 56% turnout",
    ]
    assert [item.section for item in items] == ["Economy", "Politics", "Politics", "Politics"]
    first = items[0].image
    assert first is not None
    assert first.credit == "AP"
    assert first.caption is not None
    assert items[1].image is not None
    assert items[1].image.caption is None
