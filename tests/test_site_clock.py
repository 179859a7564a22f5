"""The built-in Asia/Beirut rule agrees with the tz database, 2000-2035.

The library does not read the system's tz database (same answer on every
machine, and Windows has none); this test does, where it is available.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mayadeen_parse._text import beirut_offset, parse_iso_datetime, parse_visible_datetime, to_site_time

zoneinfo = pytest.importorskip("zoneinfo")
try:
    BEIRUT = zoneinfo.ZoneInfo("Asia/Beirut")
except zoneinfo.ZoneInfoNotFoundError:  # pragma: no cover - no tz database here
    pytest.skip("no tz database on this machine", allow_module_level=True)

UTC = dt.timezone.utc
# tzdata 2023c reverted Lebanon's short-lived 2023 change; older databases differ for a month of 2023.
instants = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2035, 12, 31), timezones=st.just(UTC))


def test_every_half_hour_around_each_change() -> None:
    for year in range(2000, 2036):
        for month in (3, 10):
            start = dt.datetime(year, month, 23, tzinfo=UTC)
            for step in range(24 * 2 * 10):
                moment = start + dt.timedelta(minutes=30 * step)
                assert to_site_time(moment).utcoffset() == moment.astimezone(BEIRUT).utcoffset(), moment
                local = moment.replace(tzinfo=None)
                assert beirut_offset(local).utcoffset(None) == local.replace(tzinfo=BEIRUT).utcoffset(), local


@given(instants)
def test_same_instant_same_offset_as_zoneinfo(moment: dt.datetime) -> None:
    """to_site_time keeps the instant and takes zoneinfo's offset for it."""
    local = to_site_time(moment)
    assert local == moment
    assert local.utcoffset() == moment.astimezone(BEIRUT).utcoffset()


@given(instants)
def test_iso_strings_give_the_instant_they_name(moment: dt.datetime) -> None:
    """Any offset or Z: parse_iso_datetime returns the same instant in site time."""
    for text in (moment.isoformat(), moment.strftime("%Y-%m-%dT%H:%M:%SZ"), to_site_time(moment).isoformat()):
        parsed = parse_iso_datetime(text)
        assert parsed is not None
        assert parsed.replace(microsecond=0) == moment.replace(microsecond=0)
        assert parsed.utcoffset() == moment.astimezone(BEIRUT).utcoffset()


def test_visible_byline_time_is_read_as_beirut_local_time() -> None:
    summer = parse_visible_datetime("30 Jul 2023 23:57")
    winter = parse_visible_datetime("6 Nov 2023 16:21")
    assert summer is not None
    assert summer.utcoffset() == dt.timedelta(hours=3)
    assert winter is not None
    assert winter.astimezone(UTC) == dt.datetime(2023, 11, 6, 14, 21, tzinfo=UTC)
