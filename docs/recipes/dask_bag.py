"""Recipe: a folder of saved pages → records and DataFrames, with dask.bag."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dask.bag as db
import pandas as pd

import mayadeen_parse as mp


def parse_file(path: str) -> dict[str, Any]:
    """One page file → one JSON-ready record; a bad file or page gives an error
    record (a truncated ``.gz``, a missing file, an image...), and the job goes on."""
    try:
        page = mp.read_page_file(path)  # bounded, gunzipped when gzip, InputError when it cannot be read
        content = mp.parse_page(page)  # pure: same bytes, same result, anywhere
    except mp.MayadeenParseError as exc:  # InputError, PageDecodeError (not HTML at all)
        return {"path": path, "error": type(exc).__name__, "message": str(exc)}
    return {"path": path, **mp.to_dict(content)}


def page_records(folder: str, partition_size: int = 100) -> db.Bag:
    """A bag of records, one per ``*.html`` / ``*.html.gz`` file under *folder*.

    Only the paths travel to the workers; each worker reads and parses its
    own files.
    """
    paths = sorted(str(p) for p in Path(folder).rglob("*") if p.name.endswith((".html", ".html.gz")))
    return db.from_sequence(paths, partition_size=partition_size).map(parse_file)


def parse_warc(path: str) -> list[dict[str, Any]]:
    """One WARC file → one record per HTML page of the site in it (errors
    included), each with where its WARC record is (``warc_offset``...).
    Needs ``pip install 'mayadeen-parse[warc]'``."""
    records: list[dict[str, Any]] = []
    try:
        for item in mp.iter_warc(path):
            where = {"path": path, "warc_file": path, "warc_offset": item.offset, "warc_url": item.url}
            if item.fetched_at is not None:
                where["warc_date"] = item.fetched_at.isoformat()
            if item.page is None:
                records.append({**where, "error": type(item.error).__name__, "message": str(item.error)})
            else:
                records.append({**where, **mp.to_dict(mp.parse_page(item.page))})
    except mp.InputError as exc:  # the file cannot be opened
        records.append({"path": path, "error": type(exc).__name__, "message": str(exc)})
    return records


def warc_records(paths: list[str]) -> db.Bag:
    """A bag of page records from WARC files, one file per task (a WARC file
    is read from start to end: revisits point back into it)."""
    return db.from_sequence(sorted(paths), partition_size=1).map(parse_warc).flatten()


def _article_row(record: dict[str, Any]) -> dict[str, Any]:
    article = record["article"]
    return {
        "path": record["path"],
        "url": article["url"],
        "kind": article["kind"],
        "title": article["title"],
        "section": article["section"],
        "published": article["published"],
        "authors": "; ".join(a["name"] for a in article["authors"]),
        "paragraphs": sum(1 for block in article["body"] if block["type"] == "paragraph"),
        "tags": "; ".join(t["name"] for t in article["tags"]),
    }


ARTICLE_COLUMNS = {
    "path": "string",
    "url": "string",
    "kind": "string",
    "title": "string",
    "section": "string",
    "published": "string",
    "authors": "string",
    "paragraphs": "int64",
    "tags": "string",
}


def articles_pandas(records: db.Bag) -> pd.DataFrame:
    """The article rows gathered into one pandas DataFrame (fits in memory)."""
    rows = records.filter(lambda r: r.get("article") is not None).map(_article_row)
    frame = pd.DataFrame(rows.compute(), columns=list(ARTICLE_COLUMNS)).astype(ARTICLE_COLUMNS)
    # Offsets differ between Beirut summer and winter time: one UTC column.
    frame["published"] = pd.to_datetime(frame["published"], utc=True)
    return frame


def articles_frame(records: db.Bag) -> Any:
    """The article rows as a dask DataFrame, partitioned like the bag (does
    not fit in memory; needs ``dask[dataframe]``)."""
    import dask.dataframe as dd

    rows = records.filter(lambda r: r.get("article") is not None).map(_article_row)
    frame = rows.to_dataframe(meta=pd.DataFrame({k: pd.Series(dtype=t) for k, t in ARTICLE_COLUMNS.items()}))
    return frame.assign(published=dd.to_datetime(frame["published"], utc=True))
