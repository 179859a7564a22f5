"""Recipe: many pages → one pandas DataFrame, one row per article."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

import mayadeen_parse as mp


def articles_frame(paths: Iterable[Path]) -> pd.DataFrame:
    """One row per article page among *paths*; other pages are skipped."""
    rows = []
    for path in paths:
        try:
            article = mp.parse_article(path.read_bytes())
        except mp.MayadeenParseError:  # not an article, or not HTML at all
            continue
        rows.append({"path": str(path), **mp.to_dict(article)})
    frame = pd.json_normalize(rows)  # lead_image -> lead_image.url, lead_image.caption...
    if not frame.empty:
        # Beirut offsets differ between summer and winter: one UTC column.
        frame["published"] = pd.to_datetime(frame["published"], utc=True)
        frame["modified"] = pd.to_datetime(frame["modified"], utc=True)
    return frame
