"""Recipe: fetch an article with requests, parse it with mayadeen_parse."""

from __future__ import annotations

import requests

import mayadeen_parse as mp


def fetch_article(url: str, session: requests.Session) -> mp.Article:
    """Download *url* and parse it into an Article."""
    response = session.get(url, timeout=30)
    response.raise_for_status()
    # requests assumes ISO-8859-1 for any text/html without a charset; pass on
    # only a charset the server really sent, and let the page's <meta> decide
    # otherwise.
    declared = "charset=" in response.headers.get("Content-Type", "").lower()
    page = mp.load_page(
        response.content,  # the bytes, not response.text: decoding is ours
        url=response.url,  # after redirects
        encoding=response.encoding if declared else None,
    )
    return mp.parse_article(page)
