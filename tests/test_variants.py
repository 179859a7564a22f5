"""Variants of the reference page give the same answers.

The site reference says no structured source is guaranteed, class names are
reconstructed and encodings vary; the parser must give the same Article with
any one source missing, in drifted markup and in any encoding. Fields that
only one source carries are listed explicitly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import mayadeen_parse as mp

ARTICLES = Path(__file__).parent / "fixtures" / "article"
REFERENCE_URL = (
    "https://english.almayadeen.net/news/politics/blinken-claims-us--working-very-aggressively--to-send-aid-to"
)


def _content(name: str, url: str | None = None) -> dict[str, Any]:
    page = mp.load_page((ARTICLES / f"{name}.html").read_bytes(), url=url)
    return mp.to_dict(mp.parse_page(page))


REFERENCE = _content("blinken-2023-11-06")

# variant -> fields that legitimately differ (only the removed source has them)
VARIANTS = {
    "blinken-no-jsonld": set(),
    "blinken-no-meta": set(),
    "blinken-no-tawsiyat": {"word_count", "countries", "coverage"},
    "blinken-markup-only": {"word_count", "countries", "coverage", "modified"},
    "blinken-drifted": set(),
    "blinken-windows-1252": set(),
    "blinken-utf16-bom": set(),
    "blinken-utf8-bom": set(),
}


@pytest.mark.parametrize(("name", "only_in_reference"), VARIANTS.items())
def test_same_article(name: str, only_in_reference: set[str]) -> None:
    got = _content(name, url=REFERENCE_URL if name == "blinken-markup-only" else None)
    for field, value in REFERENCE["article"].items():
        if field in only_in_reference:
            assert got["article"][field] != value, f"{field} is expected to differ: update VARIANTS"
        elif field == "related":
            assert _same_blocks(got["article"][field], value), field
        else:
            assert got["article"][field] == value, field


def _same_blocks(got: list[dict[str, Any]], want: list[dict[str, Any]]) -> bool:
    """The same teasers, the block heading compared as a heading is matched:
    ``Teaser.block`` is the heading as shown, and a variant may write it in
    capitals (``READ NEXT``) or with a no-break space (``Related&nbsp;news``)."""

    def key(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{**t, "block": " ".join((t.get("block") or "").split()).casefold()} for t in items]

    return key(got) == key(want)


@pytest.mark.parametrize("name", VARIANTS)
@pytest.mark.parametrize("block", ["breaking", "most_read", "related", "read_next"])
def test_same_lists(name: str, block: str) -> None:
    got = _content(name, url=REFERENCE_URL if name == "blinken-markup-only" else None)
    if block == "breaking":
        assert got[block] == REFERENCE[block]
    else:
        assert _same_blocks(got[block], REFERENCE[block])


def test_markup_only_keywords_come_from_the_tags() -> None:
    got = _content("blinken-markup-only", url=REFERENCE_URL)
    assert got["article"]["keywords"] == [tag["name"] for tag in REFERENCE["article"]["tags"]]
