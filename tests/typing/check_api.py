"""Checked by mypy (``files`` in pyproject.toml), never run by pytest.

It pins the public types: a change that breaks a user's type-checked code
breaks this file.
"""

import datetime
import typing

import mayadeen_parse as mp

page: mp.Page = mp.load_page(b"<html></html>", url="https://english.almayadeen.net/", encoding="utf-8")
article: mp.Article = mp.parse_article(page)
title: str = article.title
summary: str | None = article.summary
published: datetime.datetime | None = article.published
authors: tuple[mp.Author, ...] = article.authors
paragraphs: tuple[str, ...] = article.paragraphs
text: str = article.text
for block in article.body:
    if isinstance(block, mp.Paragraph):
        links: tuple[mp.Link, ...] = block.links
breaking: tuple[mp.BreakingItem, ...] = mp.parse_breaking(b"<html></html>")
most_read: tuple[mp.Teaser, ...] = mp.parse_most_read("<html></html>")
related: tuple[mp.Teaser, ...] = mp.parse_related(b"<html></html>", url="https://english.almayadeen.net/")
read_next: tuple[mp.Teaser, ...] = mp.parse_read_next("<html></html>", url=None)
when: datetime.date | None = most_read[0].published if most_read else None
content: mp.PageContent = mp.parse_page(page)
page_kind: typing.Literal["article", "section", "home", "live", "page", "error", "empty", "unknown"] = content.kind
maybe: mp.Article | None = content.article
as_dict: dict[str, object] = mp.to_dict(article)
again: mp.Article = mp.from_dict(mp.Article, as_dict)
old_way: mp.Article = mp.article_from_dict(as_dict)  # deprecated, still typed
items: list[dict[str, object]] = mp.to_dict(breaking)
article_schema: dict[str, object] = mp.schema("article")
version: str = mp.__version__
record_error: type[ValueError] = mp.RecordError
as_json: str = mp.to_json(article, indent=2)
error: type[ValueError] = mp.NotAnArticleError
