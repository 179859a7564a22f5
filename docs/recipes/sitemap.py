"""Recipe: walk the site's sitemaps with httpx, yield the parsed articles.

Each edition publishes a sitemap index, ``/sitemaps/all.xml``, listing monthly
sitemaps that list the pages: the usual way to build an archive of the site.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
from lxml import etree

import mayadeen_parse as mp

SITEMAP_INDEX = "https://english.almayadeen.net/sitemaps/all.xml"
_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# No DTDs, no entities, no network: a sitemap is data from outside.
_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def sitemap_urls(client: httpx.Client, url: str = SITEMAP_INDEX) -> Iterator[str]:
    """Every page URL under a sitemap or a sitemap index, depth first."""
    response = client.get(url, follow_redirects=True)
    response.raise_for_status()
    root = etree.fromstring(response.content, _XML)
    for loc in root.xpath("sm:sitemap/sm:loc/text()", namespaces=_NS):
        yield from sitemap_urls(client, loc.strip())
    for loc in root.xpath("sm:url/sm:loc/text()", namespaces=_NS):
        yield loc.strip()


def crawl_articles(client: httpx.Client, index: str = SITEMAP_INDEX, prefix: str = "/news/") -> Iterator[mp.Article]:
    """The article of every page whose path starts with *prefix*."""
    for url in sitemap_urls(client, index):
        if not httpx.URL(url).path.startswith(prefix):
            continue
        response = client.get(url, follow_redirects=True)
        if response.status_code != 200:
            continue  # gone since the sitemap was written: skip, or log it
        page = mp.load_page(response.content, url=str(response.url), encoding=response.charset_encoding)
        try:
            yield mp.parse_article(page)
        except mp.NotAnArticleError:
            continue  # a listing or a page the sitemap also names
