"""from_dict is the door for stored JSON: nothing malformed gets through."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given

import mayadeen_parse as mp
from tests.property.strategies import articles, malformed_articles


@given(case=malformed_articles())
def test_every_malformed_record_raises_record_error(case: tuple[dict[str, Any], str]) -> None:
    """A record with one defect (a wrong type, a naive datetime, an unknown
    key, an unknown block type), as a dict or read back from JSON, raises
    RecordError, never another exception and never a record."""
    data, defect = case
    for candidate in (data, json.loads(json.dumps(data))):
        with pytest.raises(mp.RecordError) as caught:
            mp.from_dict(mp.Article, candidate)
        assert caught.value.path.startswith("$"), defect


@given(article=articles)
def test_text_is_checked_against_the_body(article: mp.Article) -> None:
    """The derived "text" is accepted when it is the body's text, left out
    freely, and rejected when it is anything else."""
    data = mp.to_dict(article)
    assert mp.from_dict(mp.Article, data) == article
    assert mp.from_dict(mp.Article, {k: v for k, v in data.items() if k != "text"}) == article
    with pytest.raises(mp.RecordError, match=r"^\$\.text: "):
        mp.from_dict(mp.Article, {**data, "text": data["text"] + " edited"})
