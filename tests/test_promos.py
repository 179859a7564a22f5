"""In-body promos in the three editions' words never stay in the body
(found by an adversarial review: the Arabic and Spanish "read also" promos
were body paragraphs, and missing from ``see_also``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import mayadeen_parse as mp

PAGE = (Path(__file__).parent / "fixtures" / "article" / "blinken-cms.html").read_text(encoding="utf-8")
REFERENCE = mp.parse_article(PAGE)


@pytest.mark.parametrize("prefix", ["اقرأ أيضاً: ", "إقرأ أيضاً: ", "اقرأ أيضا: ", "Lea también: ", "Ver también: "])
def test_promo_in_another_edition(prefix: str) -> None:
    assert PAGE.count("Read next: ") == 2
    article = mp.parse_article(PAGE.replace("Read next: ", prefix))
    assert article.see_also == REFERENCE.see_also
    assert article.body == REFERENCE.body
