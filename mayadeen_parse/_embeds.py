"""Read embedded posts and media: X/Twitter and Instagram blockquotes,
iframes, video and audio, and plain quotations."""

from __future__ import annotations

import re

from . import _site
from ._markup import Element, raw, text_of
from ._model import Block, Embed, Quote
from ._text import BR, absolutize, normalize_lines, normalize_text, parse_visible_date

__all__ = ["blockquote", "embed_in", "media_embed"]

_STATUS_URL_RE = re.compile(r"(?:twitter|x)\.com/[^/]+/status/")


def provider(url: str) -> str:
    """The embed provider a URL's host belongs to, else the host."""
    host = url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    host = host.removeprefix("www.")
    for name, hosts in _site.PROVIDERS:
        if any(host == h or host.endswith("." + h) for h in hosts):
            return name
    return host or "unknown"


def media_embed(el: Element, base: str) -> Embed | None:
    """An ``<iframe>``, ``<video>`` or ``<audio>`` as an :class:`Embed` (not an ad)."""
    src = el.get("src") or el.get("data-src")
    if not src and el.tag in ("video", "audio"):
        for source in el.iter("source"):
            src = source.get("src")
            if src:
                break
    url = absolutize(src, base)
    if url is None:
        return None
    if any(host in url for host in _site.AD_HOSTS):
        return None
    name = str(el.tag) if el.tag in ("video", "audio") and "//" not in (src or "")[:8] else provider(url)
    return Embed(provider=name, url=url, text=normalize_text(el.get("title")))


def embed_in(el: Element, base: str) -> Embed | None:
    """The first embed inside *el*, if it is one."""
    for node in el.iter("iframe", "video", "blockquote", "audio"):
        if node.tag == "blockquote":
            block = blockquote(node, base)
            return block if isinstance(block, Embed) else None
        return media_embed(node, base)
    return None


def _blockquote_provider(el: Element, links: list[tuple[Element, str | None]]) -> str | None:
    marker = (el.get("class") or "").lower()
    for fragment, name in _site.BLOCKQUOTE_PROVIDERS:
        if fragment in marker:
            return name
    if any(url and _STATUS_URL_RE.search(url) for _, url in links):
        return "twitter"
    return None


def blockquote(el: Element, base: str) -> Block:
    """An embedded post (:class:`Embed`), else a :class:`Quote`."""
    links = [(a, absolutize(a.get("href"), base)) for a in el.iter("a")]
    name = _blockquote_provider(el, links)
    if name is None:
        return quote(el)
    url = el.get("data-instgrm-permalink") or el.get("cite") or el.get("data-href")
    url = absolutize(url, base) if url else None
    if name == "twitter":
        return _tweet(el, url, links)
    if url is None:
        url = next((link for _, link in links if link), None)
    return Embed(provider=name, url=url, text=text_of(el))


def _tweet(el: Element, url: str | None, links: list[tuple[Element, str | None]]) -> Embed:
    """An X post: its text (the first paragraph) and author line (``— Name (@handle) date``)."""
    status_link = None
    for a, link in reversed(links):
        if link and "/status/" in link:
            status_link, url = a, link
            break
    if url is None:
        url = next((link for _, link in links if link), None)
    first_p = next(el.iter("p"), None)
    if first_p is None:
        return Embed(provider="twitter", url=url, text=text_of(el), author=None)
    text = normalize_lines(raw(first_p))
    rest: list[str] = []
    if first_p.tail:
        rest.append(first_p.tail)
    started = False
    for child in el:
        if child is first_p:
            started = True
            continue
        if not started:
            continue
        if child is not status_link and isinstance(child.tag, str):
            rest.append(raw(child))
        if child.tail:
            rest.append(child.tail)
    author = normalize_text("".join(rest).replace(BR, " "))
    if author:
        author = normalize_text(author.lstrip("\u2014\u2013- ")) or None
    name, handle = _name_and_handle(author)
    day = parse_visible_date(text_of(status_link)) if status_link is not None else None
    return Embed(provider="twitter", url=url, text=text, author=author, author_name=name, handle=handle, date=day)


def _name_and_handle(author: str | None) -> tuple[str | None, str | None]:
    """``"Name (@handle)"`` → ``("Name", "@handle")``; anything else → ``(None, None)``.

    >>> _name_and_handle("Michael Weingardt (@Michael_Wgd)")
    ('Michael Weingardt', '@Michael_Wgd')
    >>> _name_and_handle("Michael Weingardt")
    (None, None)
    """
    if not author or not author.endswith(")"):
        return None, None
    name, _, handle = author[:-1].rpartition("(@")
    name_shown = normalize_text(name)
    if not name_shown or not handle or not all(c.isascii() and (c.isalnum() or c == "_") for c in handle):
        return None, None
    return name_shown, "@" + handle


# Inside a quote, these start a line of their own; everything else is inline.
_LINE_TAGS = frozenset({"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "tr"})


def _quote_lines(el: Element, lines: list[str], run: list[str]) -> None:
    """Append the lines of *el*'s content to *lines*: each paragraph, list
    item or other block a line, and each run of loose text between them."""
    if el.text:
        run.append(el.text)
    for child in el:
        if isinstance(child.tag, str) and child.tag in _LINE_TAGS:
            lines.append("".join(run))
            run.clear()
            if len(child) == 0 or child.tag in ("p", "li", "pre", "tr"):
                lines.append(raw(child))
            else:
                _quote_lines(child, lines, run)
                lines.append("".join(run))
                run.clear()
        elif isinstance(child.tag, str) and child.tag not in ("script", "style", "template"):
            run.append(raw(child))
        if child.tail:
            run.append(child.tail)


def quote(el: Element) -> Block:
    """A quotation with its ``<cite>``/``<footer>`` attribution; every line of
    its text kept (paragraphs, list items, loose text), in order."""
    attribution = None
    for node in el.iter("cite", "footer"):
        shown = text_of(node)
        attribution = normalize_text(shown.lstrip("\u2014\u2013-~ ")) if shown else None
        break
    lines: list[str] = []
    run: list[str] = []
    _quote_lines(el, lines, run)
    lines.append("".join(run))
    parts = [normalize_lines(line) for line in lines]
    text = "\n".join(p for p in parts if p)
    if attribution and text.endswith(attribution):
        text = text[: -len(attribution)].rstrip(" \n\u2014\u2013-")
    return Quote(text=text or (attribution or ""), attribution=attribution)
