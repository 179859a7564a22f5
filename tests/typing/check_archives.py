"""Checked by mypy (``files`` in pyproject.toml), never run by pytest.

It pins the types of the archive readers: saved files, WARC, Wayback.
"""

import collections
import datetime
import io
import pickle

import mayadeen_parse as mp
from mayadeen_parse._warc import WarcProblem, WarcReader, WarcResponse, warc_page

page: mp.Page = mp.read_page_file("page.html.gz", url="https://english.almayadeen.net/", encoding="utf-8")
from_object: mp.Page = mp.read_page_file(io.BytesIO(b"<html></html>"))
archive_url: str | None = page.archive_url
failure: type[ValueError] = mp.InputError
missing: type[ImportError] = mp.MissingExtraError

original, captured = mp.unwrap_wayback("https://web.archive.org/web/20231106162100/https://english.almayadeen.net/")
original_url: str = original
capture_time: datetime.datetime | None = captured

pages = mp.iter_warc("crawl.warc.gz", hosts={"english.almayadeen.net"})
for item in pages:
    loaded: mp.Page | None = item.page
    error: mp.MayadeenParseError | None = item.error
    offset: int = item.offset
    fetched_at: datetime.datetime | None = item.fetched_at
skipped: collections.Counter[str] = pages.skipped

with open("crawl.warc.gz", "rb") as handle:
    reader = WarcReader(handle, hosts=None)
    for raw in reader:
        if isinstance(raw, WarcResponse):
            payload: bytes = raw.payload
            charset: str | None = raw.encoding
            length: int = raw.length
            status: int = raw.status
            shipped: bytes = pickle.dumps(raw)  # to a worker process
        elif isinstance(raw, WarcProblem):
            reason: str = raw.reason
        one: mp.WarcPage = warc_page(raw)
