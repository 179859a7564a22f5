"""Recipe: the site's pages out of Common Crawl, one WARC record at a time.

Common Crawl's URL index (https://index.commoncrawl.org) says, for every
capture, which WARC file holds it and at which byte offset and length. Fetch
that byte range with your own client (the library never fetches) and hand the
bytes, one gzipped WARC record, to ``iter_warc``: it undoes the gzip, reads
the HTTP headers (the charset!), takes the WARC-Date as the fetch time, and
loads the page. Needs ``pip install 'mayadeen-parse[warc]'``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import urlencode

import mayadeen_parse as mp

INDEX_SERVER = "https://index.commoncrawl.org"
DATA_SERVER = "https://data.commoncrawl.org/"

#: ``fetch(url, headers) -> bytes``: your HTTP client, e.g. with requests:
#: ``lambda url, headers: session.get(url, headers=headers, timeout=60).content``
Fetch = Callable[[str, dict[str, str]], bytes]


def index_query(crawl: str, pattern: str = "english.almayadeen.net/*", page: int = 0) -> str:
    """The index URL listing the captures of *pattern* in *crawl* (e.g.
    ``"CC-MAIN-2023-50"``), HTML pages with status 200 only, one JSON object
    per line. Large results come in pages: add ``&showNumPages=true`` to learn
    how many."""
    query = urlencode(
        [("url", pattern), ("output", "json"), ("filter", "=status:200"), ("filter", "~mime:.*html"), ("page", page)]
    )
    return f"{INDEX_SERVER}/{crawl}-index?{query}"


def index_entries(lines: Iterable[str | bytes]) -> Iterator[dict[str, Any]]:
    """The index's JSON lines as dicts, with ``offset`` and ``length`` as ints."""
    for line in lines:
        if line.strip():
            entry = json.loads(line)
            entry["offset"], entry["length"] = int(entry["offset"]), int(entry["length"])
            yield entry


#: The ``"mode"`` of a line for each parse function (``None``: read by the keys).
MODES = {
    mp.parse_article: "article",
    mp.parse_page: "all",
    mp.parse_breaking: "breaking",
    mp.parse_most_read: "most-read",
    mp.parse_related: "related",
    mp.parse_read_next: "read-next",
    mp.inspect_page: "report",
}


def read_capture(entry: dict[str, Any], fetch: Fetch, mode: Callable[[mp.Page], Any] = mp.parse_page) -> dict[str, Any]:
    """One index entry → one JSON-ready record, as the command line's
    ``--jsonl`` writes them (an error record when the page cannot be read)."""
    start, length = entry["offset"], entry["length"]
    data = fetch(DATA_SERVER + entry["filename"], {"Range": f"bytes={start}-{start + length - 1}"})
    envelope: dict[str, Any] = {
        "path": entry["filename"],
        "parser_version": mp.__version__,
        "warc_file": entry["filename"],
        "warc_offset": start,
        "warc_url": entry["url"],
    }
    if mode in MODES:  # what mp.read_jsonl_line reads the record by
        envelope["mode"] = MODES[mode]
    pages = mp.iter_warc(io.BytesIO(data))  # the bytes are one gzipped record
    for item in pages:
        envelope["warc_url"] = item.url
        if item.fetched_at is not None:
            envelope["warc_date"] = item.fetched_at.isoformat()
        if item.page is None:
            return {**envelope, "error": type(item.error).__name__, "message": str(item.error)}
        try:
            result = mp.to_dict(mode(item.page))
        except mp.MayadeenParseError as exc:  # e.g. NotAnArticleError with mode=parse_article
            return {**envelope, "error": type(exc).__name__, "message": str(exc)}
        return {**envelope, **result} if isinstance(result, dict) else {**envelope, "items": result}
    skipped = ", ".join(f"{reason}: {count}" for reason, count in pages.skipped.items()) or "nothing"
    return {**envelope, "error": "InputError", "message": f"the record holds no HTML page of the site ({skipped})"}


def main(crawl: str, fetch: Fetch, out: Any) -> None:
    """Every English page of *crawl* as JSON lines on *out*."""
    index = fetch(index_query(crawl), {}).decode("utf-8").splitlines()
    for entry in index_entries(index):
        out.write(json.dumps(read_capture(entry, fetch), ensure_ascii=False) + "\n")
