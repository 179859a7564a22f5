"""Formats people read: an :class:`~mayadeen_parse.Article` as plain text,
Markdown or one CSV row; and the command line's fast JSON-safe dictionaries.

- :func:`to_text`: headline, byline, date, then the body (headings, quotes,
  lists, figures and embeds as readable lines), links numbered ``[1]`` in the
  text and listed at the end;
- :func:`to_markdown`: the same as CommonMark, links inline;
- :data:`CSV_COLUMNS` and :func:`csv_row`: one row per article with the flat
  fields, lists joined by ``"; "``, for spreadsheets.

:func:`plain` is :func:`~mayadeen_parse.to_dict`'s conversion with the field
names of each record class looked up once per class instead of at every call
(``attrs.fields()`` on every record of every page was a fifth of the batch
command line's time). ``tests/test_render.py`` checks that both give the same
dictionaries on every fixture.

Nothing here reads files or parses HTML: it formats finished records.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from . import _serialize
from ._model import Article, Embed, Figure, Heading, Image, ListBlock, Paragraph, Quote
from ._serialize import _BLOCK_TYPES

__all__ = ["CSV_COLUMNS", "csv_row", "plain", "to_markdown", "to_text"]


# --- fast JSON-safe dictionaries ----------------------------------------------------

_SCALARS = frozenset({str, int, float, bool, type(None)})
#: Per type: the function that turns a value of that type into plain data.
_CONVERTERS: dict[type, Callable[[Any], Any]] = {}


def _record_converter(cls: type) -> Callable[[Any], Any]:
    """A function made for *cls*: reads each field once, in declaration
    order (the order of :func:`attrs.asdict`), scalars kept as they are.

    Generated once per class, like attrs' own ``__init__``: about half the
    time of a loop over ``attrs.fields()`` on every record of every page.
    """
    names = [field.name for field in attrs.fields(cls)]
    block_type = _BLOCK_TYPES.get(cls)
    # A value derived from the fields and written after one of them (the
    # article's "text" after its "body"), when the serialiser declares one.
    derived = getattr(_serialize, "DERIVED", {}).get(cls)
    head = [f'"type": {block_type!r}'] if block_type is not None else []
    reads = "".join(f"    f{i} = value.{name}\n" for i, name in enumerate(names))
    items = head
    for i, name in enumerate(names):
        items.append(f"{name!r}: f{i} if f{i}.__class__ in S else P(f{i})")
        if derived is not None and name == derived[1]:
            items.append(f"{derived[0]!r}: D(value)")
    source = f"def convert(value):\n{reads}    return {{{', '.join(items)}}}\n"
    namespace: dict[str, Any] = {"S": _SCALARS, "P": plain, "D": derived[2] if derived else None}
    exec(compile(source, f"<plain {cls.__qualname__}>", "exec"), namespace)
    convert: Callable[[Any], Any] = namespace["convert"]
    return convert


def _sequence(value: Any) -> list[Any]:
    return [item if item.__class__ in _SCALARS else plain(item) for item in value]


def plain(value: Any) -> Any:
    """What ``_serialize._plain`` gives for *value* (a JSON-safe structure),
    with a converter made once per record class."""
    cls = value.__class__
    if cls in _SCALARS:
        return value
    convert = _CONVERTERS.get(cls)
    if convert is None:
        if attrs.has(cls):
            convert = _record_converter(cls)
        elif issubclass(cls, datetime.date):  # datetime is a date too
            convert = cls.isoformat
        elif issubclass(cls, tuple | list):
            convert = _sequence
        elif issubclass(cls, Mapping):
            convert = _mapping
        else:
            return value
        _CONVERTERS[cls] = convert
    return convert(value)


def _mapping(value: Mapping[Any, Any]) -> dict[str, Any]:
    return {str(key): plain(item) for key, item in value.items()}


# --- shared pieces ------------------------------------------------------------------


def _when(value: datetime.date | None) -> str | None:
    """``2023-11-06 16:21 +02:00`` (minutes; the page's own offset), or a day."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        offset = value.strftime("%z")
        zone = f" {offset[:3]}:{offset[3:]}" if offset else ""
        return value.strftime("%Y-%m-%d %H:%M") + zone
    return value.isoformat()


def _byline(article: Article) -> str | None:
    names = ", ".join(author.name for author in article.authors)
    parts = [part for part in (names and f"By {names}", article.source and f"Source: {article.source}") if part]
    return " · ".join(parts) or None


def _dateline(article: Article) -> str | None:
    published, modified = _when(article.published), _when(article.modified)
    if published is None:
        return f"Updated {modified}" if modified else None
    if modified is not None and modified != published:
        return f"{published} (updated {modified})"
    return published


def _image_line(image: Image) -> str:
    words = " — ".join(part for part in (image.caption or image.alt, image.credit) if part)
    return words or image.url


def _embed_line(embed: Embed) -> str:
    said = " — ".join(part for part in (embed.text, embed.author) if part)
    return f"{embed.provider}: {said}" if said else embed.provider


# --- plain text ---------------------------------------------------------------------


def to_text(article: Article) -> str:
    """The article as plain text: what a reader sees, no markup.

    The headline, then the byline, date, section and URL (each on its own
    line when known), the summary, and the body: headings underlined, quotes
    as ``“...” — attribution``, list items as ``- item`` (``1. item`` when
    ordered), figures as ``[Image: caption]``, embeds as ``[x: text — author]
    URL``. Links are numbered in the text (``Gaza [1]``) and listed at the end,
    then the tags. Ends with a newline.
    """
    links: list[str] = []

    def numbered(paragraph: Paragraph) -> str:
        text = paragraph.text
        at = 0
        for link in paragraph.links:
            links.append(link.url)
            mark = f" [{len(links)}]"
            found = text.find(link.title, at) if link.title else -1
            if found < 0:
                text, at = text + mark, len(text) + len(mark)
            else:
                end = found + len(link.title)
                text, at = text[:end] + mark + text[end:], end + len(mark)
        return text

    head = [article.title, "=" * min(len(article.title), 72)]
    head += [line for line in (_byline(article), _dateline(article), article.section, article.url) if line]
    blocks = ["\n".join(head)]
    if article.summary:
        blocks.append(article.summary)
    for block in article.body:
        if isinstance(block, Paragraph):
            blocks.append(numbered(block))
        elif isinstance(block, Heading):
            blocks.append(f"{block.text}\n{'-' * min(len(block.text), 72)}")
        elif isinstance(block, Quote):
            blocks.append(f"“{block.text}”" + (f" — {block.attribution}" if block.attribution else ""))
        elif isinstance(block, ListBlock):
            blocks.append(
                "\n".join(f"{n}. {item}" if block.ordered else f"- {item}" for n, item in enumerate(block.items, 1))
            )
        elif isinstance(block, Figure):
            blocks.append(f"[Image: {_image_line(block.image)}]")
        elif isinstance(block, Embed):
            blocks.append(f"[{_embed_line(block)}]" + (f" {block.url}" if block.url else ""))
    if links:
        blocks.append("Links:\n" + "\n".join(f"[{n}] {url}" for n, url in enumerate(links, 1)))
    if article.tags:
        blocks.append("Tags: " + ", ".join(tag.name for tag in article.tags))
    return "\n\n".join(blocks) + "\n"


# --- Markdown -----------------------------------------------------------------------

# Characters that CommonMark may read as markup anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# ... and at the start of a line: a heading, a quote, a list item, a rule.
_MD_LINE_START = re.compile(r"^([ \t]*)([#>+\-=]|\d+[.)])", re.MULTILINE)  # [ \t]: \s* would run on into the next lines


def _md(text: str) -> str:
    """*text* with Markdown's markup characters escaped, so it shows as is.

    >>> _md("1. *not* a list")
    '1\\\\. \\\\*not\\\\* a list'
    """
    escaped = _MD_INLINE.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + _escape_lead(m.group(2)), escaped)


def _escape_lead(lead: str) -> str:
    return lead[:-1] + "\\" + lead[-1] if lead[-1] in ".)" else "\\" + lead


def _md_url(url: str) -> str:
    return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">" if re.search(r"[\s()]", url) else url


def _md_paragraph(paragraph: Paragraph) -> str:
    out: list[str] = []
    at = 0
    text = paragraph.text
    for link in paragraph.links:
        found = text.find(link.title, at) if link.title else -1
        if found < 0:
            continue
        out += [_md(text[at:found]), f"[{_md(link.title)}]({_md_url(link.url)})"]
        at = found + len(link.title)
    out.append(_md(text[at:]))
    return "".join(out).replace("\n", "  \n")  # a <br> in the paragraph: a hard line break


def to_markdown(article: Article) -> str:
    """The article as Markdown (CommonMark): ``# headline``, an italic line
    with byline, date and section, the summary in bold, then the body: the
    page's headings one level below the headline, quotes as ``>`` blocks, lists,
    figures as images with their caption, embeds as a quote linking to the
    post; links inline as ``[text](url)``; the tags last. Page text is
    escaped, so a ``*`` or a ``1.`` on the page shows as written. Ends with a
    newline.
    """
    title = _md(article.title)
    blocks = [f"# [{title}]({_md_url(article.url)})" if article.url else f"# {title}"]
    facts = [_md(fact) for fact in (_byline(article), _dateline(article), article.section) if fact]
    if facts:
        blocks.append("*" + " · ".join(facts) + "*")
    if article.summary:
        blocks.append(f"**{_md(article.summary)}**")
    for block in article.body:
        if isinstance(block, Paragraph):
            blocks.append(_md_paragraph(block))
        elif isinstance(block, Heading):
            blocks.append("#" * min(max(block.level, 2), 6) + " " + _md(block.text))
        elif isinstance(block, Quote):
            quoted = _quote_lines(_md(block.text))
            if block.attribution:
                quoted += "\n>\n> — " + _md(block.attribution)
            blocks.append(quoted)
        elif isinstance(block, ListBlock):
            blocks.append(
                "\n".join(
                    f"{n}. {_md(item)}" if block.ordered else f"- {_md(item)}" for n, item in enumerate(block.items, 1)
                )
            )
        elif isinstance(block, Figure):
            image = block.image
            alt = _md(image.alt or image.caption or "")
            figure = f"![{alt}]({_md_url(image.url)})"
            caption = " — ".join(part for part in (image.caption, image.credit) if part)
            blocks.append(figure + (f"\n*{_md(caption)}*" if caption else ""))
        elif isinstance(block, Embed):
            said = _md(_embed_line(block))
            blocks.append(_quote_lines(f"[{said}]({_md_url(block.url)})" if block.url else said))
    if article.tags:
        blocks.append(
            "Tags: " + ", ".join(f"[{_md(t.name)}]({_md_url(t.url)})" if t.url else _md(t.name) for t in article.tags)
        )
    return "\n\n".join(blocks) + "\n"


def _quote_lines(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))


# --- CSV ----------------------------------------------------------------------------

#: The columns of :func:`csv_row`, in order: the article's flat fields, lists
#: joined by ``"; "``, the lead image's URL, the body as plain text.
CSV_COLUMNS: tuple[str, ...] = (
    "url",
    "post_id",
    "language",
    "kind",
    "title",
    "summary",
    "section",
    "authors",
    "author_urls",
    "source",
    "published",
    "modified",
    "read_time_minutes",
    "word_count",
    "video_duration_seconds",
    "lead_image",
    "lead_image_caption",
    "tags",
    "keywords",
    "countries",
    "coverage",
    "paragraphs",
    "text",
)


def _joined(values: Iterable[str | None]) -> str:
    return "; ".join(value or "" for value in values)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def csv_row(article: Article) -> dict[str, str]:
    """One spreadsheet row: :data:`CSV_COLUMNS` → text (``""`` when absent).

    Dates are ISO 8601 with their offset; ``authors``, ``tags``,
    ``keywords``, ``countries`` and ``coverage`` are joined by ``"; "``
    (``author_urls`` lines up with ``authors``, ``""`` for a name without a
    page); ``paragraphs`` is the number of paragraphs; ``text`` is the body's
    paragraphs joined by blank lines (:attr:`~mayadeen_parse.Article.text`).
    """
    image = article.lead_image
    return {
        "url": _cell(article.url),
        "post_id": _cell(article.post_id),
        "language": _cell(article.language),
        "kind": _cell(article.kind),
        "title": article.title,
        "summary": _cell(article.summary),
        "section": _cell(article.section),
        "authors": _joined(author.name for author in article.authors),
        "author_urls": _joined(author.url for author in article.authors) if article.authors else "",
        "source": _cell(article.source),
        "published": _cell(article.published),
        "modified": _cell(article.modified),
        "read_time_minutes": _cell(article.read_time_minutes),
        "word_count": _cell(article.word_count),
        "video_duration_seconds": _cell(article.video_duration_seconds),
        "lead_image": image.url if image else "",
        "lead_image_caption": _cell(image.caption) if image else "",
        "tags": _joined(tag.name for tag in article.tags),
        "keywords": _joined(article.keywords),
        "countries": _joined(article.countries),
        "coverage": _joined(article.coverage),
        "paragraphs": str(len(article.paragraphs)),
        "text": article.text,
    }
