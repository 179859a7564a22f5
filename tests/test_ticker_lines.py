"""Ticker lines split into attribution and statement as the site writes them
(cases found by an adversarial review: a short statement before "…: Al
Mayadeen's correspondent" was read as a speaker; labels and clock times were
taken for speakers; the Arabic formula was not known)."""

from __future__ import annotations

import pytest

from mayadeen_parse._ticker import split_attribution

CASES = {
    # A source tail wins however short the statement is.
    "2 martyrs in Khiam: Al Mayadeen's correspondent": ("Al Mayadeen's correspondent", "2 martyrs in Khiam"),
    "غارة إسرائيلية على بلدة الخيام جنوبي لبنان: مراسل الميادين": (
        "مراسل الميادين",
        "غارة إسرائيلية على بلدة الخيام جنوبي لبنان",
    ),
    "Explosión en Beirut: corresponsal de Al Mayadeen": ("corresponsal de Al Mayadeen", "Explosión en Beirut"),
    # A label is not a speaker.
    "Breaking: explosion in Beirut": (None, "explosion in Beirut"),
    "عاجل: انفجار في بيروت": (None, "انفجار في بيروت"),
    "Última hora: explosión en Beirut": (None, "explosión en Beirut"),
    # A clock time is not a speaker.
    "الساعة 12:30: انفجار في بيروت": (None, None),
    # Speakers stay speakers.
    "Barrack: Damascus will now actively assist us": ("Barrack", "Damascus will now actively assist us"),
    "وزير الدفاع: سنرد على العدوان": ("وزير الدفاع", "سنرد على العدوان"),
}


@pytest.mark.parametrize("line", list(CASES))
def test_split_attribution(line: str) -> None:
    assert split_attribution(line) == CASES[line]
