"""Recipe: fetch articles with httpx, one at a time or many concurrently."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

import httpx

import mayadeen_parse as mp


def fetch_article(url: str, client: httpx.Client) -> mp.Article:
    """Download *url* and parse it into an Article."""
    response = client.get(url, follow_redirects=True)
    response.raise_for_status()
    page = mp.load_page(
        response.content,  # the bytes, not response.text: decoding is ours
        url=str(response.url),  # after redirects
        encoding=response.charset_encoding,  # the Content-Type charset, or None
    )
    return mp.parse_article(page)


async def fetch_pages(urls: Iterable[str], client: httpx.AsyncClient, limit: int = 4) -> list[mp.PageContent]:
    """Download and parse many pages, at most *limit* at a time, in input order."""
    gate = asyncio.Semaphore(limit)

    async def one(url: str) -> mp.PageContent:
        async with gate:
            response = await client.get(url, follow_redirects=True)
        response.raise_for_status()
        page = mp.load_page(response.content, url=str(response.url), encoding=response.charset_encoding)
        # Parsing takes milliseconds of CPU: fine inline for a few pages; for
        # thousands, hand it to a process pool (see "Batch and scale").
        return mp.parse_page(page)

    return list(await asyncio.gather(*(one(url) for url in urls)))
