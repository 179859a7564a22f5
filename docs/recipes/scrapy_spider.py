"""Recipe: a Scrapy spider whose callback hands the page to mayadeen_parse."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response
from w3lib.encoding import http_content_type_encoding

import mayadeen_parse as mp


class MayadeenSpider(scrapy.Spider):
    """Parse each article, then follow its Read Next and Related News links."""

    name = "mayadeen"
    # RUF012 off: Scrapy declares these as instance attributes, set per class by convention.
    allowed_domains = ["english.almayadeen.net"]  # noqa: RUF012
    start_urls = [  # noqa: RUF012
        "https://english.almayadeen.net/news/politics/blinken-claims-us--working-very-aggressively--to-send-aid-to"
    ]

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        # The charset the server declared, or None. Not response.encoding:
        # where neither the header nor the page declares one, Scrapy guesses
        # it from the bytes, and the guess would override the page's own rules.
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
        page = mp.load_page(response.body, url=response.url, encoding=http_content_type_encoding(content_type))
        content = mp.parse_page(page)
        if content.article is not None:
            yield mp.to_dict(content.article)
        for teaser in content.read_next + content.related:
            yield response.follow(teaser.url, callback=self.parse)
