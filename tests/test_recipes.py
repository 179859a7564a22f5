"""The recipes of docs/recipes.md, run on the fixtures with the network replaced.

Each recipe is a file under ``docs/recipes/`` that the docs include as is.
Here every HTTP client gets real response objects built from the fixture
bytes — a ``requests`` adapter, an ``httpx.MockTransport``, a Scrapy
``HtmlResponse`` — and the recipe must give what the golden files expect.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import mayadeen_parse as mp
from tests.golden import fixture_id, html_fixtures, load_expected
from tests.recipe_loader import recipe

# The recipes extra (pip install -e '.[recipes]'); the README's test command
# installs it, so this skips only in a lighter environment.
_REASON = "the recipes need the 'recipes' extra: pip install -e '.[recipes]'"
httpx = pytest.importorskip("httpx", reason=_REASON)
requests = pytest.importorskip("requests", reason=_REASON)
urllib3 = pytest.importorskip("urllib3", reason=_REASON)
pytest.importorskip("scrapy", reason=_REASON)
pytest.importorskip("pandas", reason=_REASON)


SITE = "https://english.almayadeen.net"


@attrs.frozen
class Served:
    """A fixture as a server would send it."""

    path: Path
    url: str
    body: bytes
    content_type: str
    expected: dict[str, Any]

    @property
    def article(self) -> dict[str, Any] | None:
        article: dict[str, Any] | None = self.expected["article"]
        return article


def served(path: Path) -> Served:
    """The fixture at its own URL, with the charset its golden file gives."""
    data = load_expected(path)
    inputs, expected = data.get("input", {}), data["expected"]
    url = inputs.get("url") or expected["url"] or f"{SITE}/test/{path.stem}"
    charset = inputs.get("encoding")
    content_type = f"text/html; charset={charset}" if charset else "text/html"
    return Served(path=path, url=url, body=path.read_bytes(), content_type=content_type, expected=expected)


FIXTURES = [pytest.param(served(p), id=fixture_id(p)) for p in html_fixtures()]


# --- requests -------------------------------------------------------------------


class FixtureAdapter(requests.adapters.HTTPAdapter):
    """Answers from a dict of URL → (status, headers, body); never opens a socket."""

    def __init__(self, pages: dict[str, tuple[int, dict[str, str], bytes]]) -> None:
        super().__init__()
        self.pages = pages

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        assert request.url is not None
        status, headers, body = self.pages.get(request.url, (404, {"Content-Type": "text/plain"}, b"not found"))
        raw = urllib3.HTTPResponse(
            body=io.BytesIO(body), headers=headers, status=status, preload_content=False, decode_content=False
        )
        return self.build_response(request, raw)  # the same path as a real download


def requests_session(pages: dict[str, tuple[int, dict[str, str], bytes]]) -> requests.Session:
    session = requests.Session()
    adapter = FixtureAdapter(pages)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


@pytest.mark.parametrize("page", FIXTURES)
def test_requests_recipe(page: Served) -> None:
    fetch_article = recipe("fetch_requests").fetch_article
    session = requests_session({page.url: (200, {"Content-Type": page.content_type}, page.body)})
    if page.article is None:
        with pytest.raises(mp.NotAnArticleError):
            fetch_article(page.url, session)
    else:
        assert mp.to_dict(fetch_article(page.url, session)) == page.article


UNDECLARED = (
    "<html><head><title>x</title></head><body><h1>‘Quoted’ headline — café</h1>"
    "<div class='p-content'><p>" + "Text of the article. " * 10 + "</p></div></body></html>"
).encode()
"""A UTF-8 article page that declares no charset."""


def test_requests_recipe_passes_the_header_charset() -> None:
    """A charset in Content-Type reaches load_page; requests' ISO-8859-1 default does not."""
    fetch_article = recipe("fetch_requests").fetch_article
    url = f"{SITE}/news/politics/x"
    # Without the check, requests' ISO-8859-1 guess would garble every curly quote.
    session = requests_session({url: (200, {"Content-Type": "text/html"}, UNDECLARED)})
    assert fetch_article(url, session).title == "‘Quoted’ headline — café"
    # A charset the server declares wins over the page's default, as in a browser.
    session = requests_session({url: (200, {"Content-Type": "text/html; charset=windows-1252"}, UNDECLARED)})
    assert fetch_article(url, session).title == "‘Quoted’ headline — café".encode().decode("windows-1252")


def test_requests_recipe_raises_for_http_errors() -> None:
    with pytest.raises(requests.HTTPError):
        recipe("fetch_requests").fetch_article(f"{SITE}/missing", requests_session({}))


# --- httpx ----------------------------------------------------------------------


def httpx_handler(pages: dict[str, tuple[int, dict[str, str], bytes]]) -> Callable[[httpx.Request], httpx.Response]:
    def handle(request: httpx.Request) -> httpx.Response:
        status, headers, body = pages.get(str(request.url), (404, {"Content-Type": "text/plain"}, b"not found"))
        return httpx.Response(status, headers=headers, content=body)

    return handle


@pytest.mark.parametrize("page", FIXTURES)
def test_httpx_recipe(page: Served) -> None:
    fetch_article = recipe("fetch_httpx").fetch_article
    short = f"{SITE}/s/{page.path.stem}"
    pages = {
        short: (301, {"Location": page.url}, b""),  # the recipe follows redirects and keeps the final URL
        page.url: (200, {"Content-Type": page.content_type}, page.body),
    }
    with httpx.Client(transport=httpx.MockTransport(httpx_handler(pages))) as client:
        if page.article is None:
            with pytest.raises(mp.NotAnArticleError):
                fetch_article(short, client)
        else:
            assert mp.to_dict(fetch_article(short, client)) == page.article


def test_httpx_async_recipe() -> None:
    fetch_pages = recipe("fetch_httpx").fetch_pages
    pages = [served(p) for p in html_fixtures()]
    by_url = {f"{SITE}/p/{i}": page for i, page in enumerate(pages)}
    responses = {url: (200, {"Content-Type": page.content_type}, page.body) for url, page in by_url.items()}
    handler = httpx_handler(responses)

    async def run() -> list[mp.PageContent]:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            result: list[mp.PageContent] = await fetch_pages(list(by_url), client, limit=2)
            return result

    results = asyncio.run(run())
    assert len(results) == len(pages)
    for page, content in zip(by_url.values(), results, strict=True):
        assert content.kind == page.expected["kind"]
        if page.article is not None:
            assert content.article is not None
            # Served at another URL: everything but the URL-derived fields is the same.
            assert content.article.title == page.article["title"]
            assert mp.to_dict(content.article)["body"] == page.article["body"]


def test_sitemap_recipe() -> None:
    sitemap = recipe("sitemap")
    articles = [served(p) for p in html_fixtures() if served(p).article is not None]
    news = {page.url: page for page in articles if "/news/" in page.url}
    others = [page for page in articles if "/news/" not in page.url]
    assert news, "the fixtures have no /news/ article"
    gone = f"{SITE}/news/politics/deleted-since"
    index = [s for s in html_fixtures() if load_expected(s)["expected"]["kind"] == "section"]
    listing = f"{SITE}/news/politics-listing"

    def urlset(urls: list[str]) -> bytes:
        items = "".join(f"<url><loc> {url} </loc><lastmod>2023-11-06</lastmod></url>" for url in urls)
        return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>'.encode()

    months = [f"{SITE}/sitemaps/2023-11.xml", f"{SITE}/sitemaps/2024-07.xml"]
    index_xml = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<sitemap><loc>{m}</loc></sitemap>" for m in months)
        + "</sitemapindex>"
    ).encode()
    xml = {"Content-Type": "application/xml"}
    pages: dict[str, tuple[int, dict[str, str], bytes]] = {
        sitemap.SITEMAP_INDEX: (200, xml, index_xml),
        months[0]: (200, xml, urlset([*news, gone])),
        months[1]: (200, xml, urlset([page.url for page in others] + ([listing] if index else []))),
    }
    for page in articles:
        pages[page.url] = (200, {"Content-Type": page.content_type}, page.body)
    if index:
        pages[listing] = (200, {"Content-Type": "text/html"}, index[0].read_bytes())
    with httpx.Client(transport=httpx.MockTransport(httpx_handler(pages))) as client:
        assert list(sitemap.sitemap_urls(client)) == [*news, gone] + [p.url for p in others] + (
            [listing] if index else []
        )
        got = list(sitemap.crawl_articles(client))
    # Only /news/ pages; the deleted page and the listing are skipped.
    assert [mp.to_dict(a) for a in got] == [page.article for page in news.values()]


def test_sitemap_parser_refuses_entities() -> None:
    """A hostile sitemap cannot expand entities or reach the network."""
    sitemap = recipe("sitemap")
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&e;</loc></url></urlset>'
    )
    handler = httpx_handler({sitemap.SITEMAP_INDEX: (200, {}, evil)})
    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        assert all("root:" not in url for url in sitemap.sitemap_urls(client))


# --- Scrapy ---------------------------------------------------------------------


@pytest.mark.parametrize("page", FIXTURES)
def test_scrapy_recipe(page: Served) -> None:
    from scrapy import Request
    from scrapy.http import HtmlResponse

    spider = recipe("scrapy_spider").MayadeenSpider()
    response = HtmlResponse(
        url=page.url, body=page.body, headers={"Content-Type": page.content_type}, request=Request(page.url)
    )
    out = list(spider.parse(response))
    items = [x for x in out if isinstance(x, dict)]
    follows = [x for x in out if isinstance(x, Request)]
    assert items == ([page.article] if page.article is not None else [])
    teasers = page.expected["read_next"] + page.expected["related"]
    assert [r.url for r in follows] == [t["url"] for t in teasers]
    assert all(r.callback == spider.parse for r in follows)


def test_scrapy_recipe_uses_the_declared_charset_only() -> None:
    """A declared charset reaches load_page; an undeclared page follows the page's own rules."""
    from scrapy.http import HtmlResponse

    spider = recipe("scrapy_spider").MayadeenSpider()
    response = HtmlResponse(url=f"{SITE}/news/politics/x", body=UNDECLARED, headers={"Content-Type": "text/html"})
    (item,) = [x for x in spider.parse(response) if isinstance(x, dict)]
    assert item["title"] == "‘Quoted’ headline — café"
    declared = HtmlResponse(
        url=f"{SITE}/news/politics/x",
        body=UNDECLARED.decode().encode("cp1252"),
        headers={"Content-Type": "text/html; charset=windows-1252"},
    )
    (item,) = [x for x in spider.parse(declared) if isinstance(x, dict)]
    assert item["title"] == "‘Quoted’ headline — café"


def example_article_bytes() -> bytes:
    return (Path(__file__).resolve().parent.parent / "examples" / "blinken-2023-11-06.html").read_bytes()


# --- pandas ---------------------------------------------------------------------


def test_pandas_recipe() -> None:
    import pandas as pd

    articles_frame = recipe("to_pandas").articles_frame
    paths = html_fixtures()
    frame = articles_frame(paths)
    expected = [(p, load_expected(p)["expected"]["article"]) for p in paths]
    expected = [(p, a) for p, a in expected if a is not None]
    assert list(frame["path"]) == [str(p) for p, _ in expected]
    assert list(frame["title"]) == [a["title"] for _, a in expected]
    assert str(frame["published"].dt.tz) == "UTC"
    for (_, article), published in zip(expected, frame["published"], strict=True):
        if article["published"] is None:
            assert pd.isna(published)
        else:
            assert published == pd.Timestamp(article["published"])
    assert "lead_image.url" in frame.columns
    assert articles_frame([]).empty
