"""``load_page(fetched_at=...)``: the page's own time reference, checked at the door."""

from __future__ import annotations

import datetime

import pytest

import mayadeen_parse as mp

UTC = datetime.timezone.utc


def test_fetched_at_is_kept_on_the_page() -> None:
    when = datetime.datetime(2023, 11, 2, 19, 48, tzinfo=UTC)
    assert mp.load_page(b"<p>x</p>", fetched_at=when).fetched_at == when


def test_fetched_at_defaults_to_none() -> None:
    assert mp.load_page(b"<p>x</p>").fetched_at is None


def test_naive_fetched_at_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        mp.load_page(b"<p>x</p>", fetched_at=datetime.datetime(2023, 11, 2))


def test_fetched_at_of_another_type_is_refused() -> None:
    with pytest.raises(TypeError, match="datetime"):
        mp.load_page(b"<p>x</p>", fetched_at="2023-11-02")  # type: ignore[arg-type]
