"""The page's structured metadata: the site's tawsiyat JSON, JSON-LD, <meta>.

Each source is read once per page (one XPath pass finds all three) and cached
on the :class:`~mayadeen_parse._page.Page`. The facts records hold *raw*
values as the page gives them; normalising is the assembly's job, so that the
report can show the value before and after.

A malformed block yields empty facts, never an exception.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ._memo import Slot
from ._site import TAWSIYAT_ID, TAWSIYAT_TYPE
from ._text import without_surrogates

if TYPE_CHECKING:
    from ._page import Page

__all__ = [
    "ARTICLE_TYPES",
    "MAX_JSON_SIZE",
    "JsonLdFacts",
    "MetaFacts",
    "SiteFacts",
    "json_ld_facts",
    "meta_facts",
    "site_facts",
]

#: A JSON block larger than this is skipped (real ones are a few kilobytes).
MAX_JSON_SIZE = 1024 * 1024

#: schema.org types that mark the main entity of an article page.
ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "OpinionNewsArticle",
        "AnalysisNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "VideoObject",
        "ImageGallery",
        "MediaGallery",
    }
)


@attrs.frozen
class SiteFacts:
    """The ``<script id="tawsiyat-metadata">`` object, keys as the site names
    them (``postid``, ``published_time``...), plus its ``classes`` read by
    mapping."""

    data: Mapping[str, Any] = attrs.field(factory=dict)
    classes: tuple[tuple[str, str], ...] = ()
    """``(mapping, value)`` pairs in page order, e.g. ``("country", "Palestine")``."""
    found: bool = False
    """Whether a tawsiyat block was present (even if it did not decode)."""
    error: str | None = None
    """Why a present block gave no data, else ``None``."""

    def get(self, key: str) -> Any:
        return self.data.get(key)

    def classes_of(self, mapping: str) -> tuple[str, ...]:
        return tuple(value for name, value in self.classes if name == mapping)


@attrs.frozen
class JsonLdFacts:
    """The main entity of the page's JSON-LD (the first article-like object
    after flattening ``@graph`` and lists), and every type seen."""

    data: Mapping[str, Any] = attrs.field(factory=dict)
    types: tuple[str, ...] = ()
    """``@type`` of the main entity (several when it is a list)."""
    all_types: tuple[str, ...] = ()
    """Every ``@type`` in every JSON-LD block of the page, in order."""
    found: bool = False
    error: str | None = None

    def get(self, key: str) -> Any:
        return self.data.get(key)


@attrs.frozen
class MetaFacts:
    """``<meta>`` tags (first non-empty ``content`` per lower-cased ``name``,
    ``property`` or ``itemprop``), ``<link rel=canonical>``, ``<title>`` and
    ``<html lang>``."""

    values: Mapping[str, str] = attrs.field(factory=dict)
    canonical: str | None = None
    title: str | None = None
    lang: str | None = None

    def get(self, key: str) -> str | None:
        return self.values.get(key)


# <meta ...>, <link rel=canonical>, <title>, and JSON <script>s are read from
# the page's shared tag index (one pass over the tree serves every lookup).


METADATA: Slot[tuple[SiteFacts, JsonLdFacts, MetaFacts]] = Slot("metadata", "tawsiyat, JSON-LD and meta facts")


def _scan(page: Page) -> tuple[SiteFacts, JsonLdFacts, MetaFacts]:
    cached = page._memo.get(METADATA)
    if cached is not None:
        return cached
    # Only the order within each tag matters (first <meta> of a name wins,
    # first canonical link, JSON blocks in page order).
    site_blocks, ld_blocks = _json_blocks(page)
    lang = page.root.get("lang") or page.root.get("xml:lang")
    result = (
        _site(site_blocks),
        _json_ld(ld_blocks),
        MetaFacts(values=_meta_values(page), canonical=_canonical(page), title=_title(page), lang=lang),
    )
    return page._memo.put(METADATA, result)


def _meta_values(page: Page) -> dict[str, str]:
    values: dict[str, str] = {}
    for el in page.elements("meta"):
        content = el.get("content")  # first: a <meta charset> has none, and no name either
        if not content or content.isspace():
            continue
        key = el.get("name") or el.get("property") or el.get("itemprop") or el.get("http-equiv")
        if key:
            values.setdefault(key.strip().lower(), content)
    return values


def _canonical(page: Page) -> str | None:
    for el in page.elements("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            return el.get("href")
    return None


def _title(page: Page) -> str | None:
    for el in page.elements("title"):
        # <title> is raw text in HTML: one text node, no children.
        found = el.text if len(el) == 0 else "".join(el.itertext())
        if found:
            return found
    return None


_LD_TYPE = "application/ld+json"
_JSON_TYPES = frozenset({TAWSIYAT_TYPE, _LD_TYPE})  # as written: no need to normalise them


def _json_blocks(page: Page) -> tuple[list[str], list[str]]:
    """The texts of the tawsiyat blocks and of the JSON-LD blocks, page order."""
    site_blocks: list[str] = []
    ld_blocks: list[str] = []
    for el in page.elements("script"):
        kind = el.get("type")  # most scripts have none (external ones: 251 of 281 on the homepage)
        if kind is not None and kind not in _JSON_TYPES:
            kind = kind.strip().lower()
        if kind == TAWSIYAT_TYPE or el.get("id") == TAWSIYAT_ID:
            site_blocks.append(el.text or "")
        elif kind == _LD_TYPE:
            ld_blocks.append(el.text or "")
    return site_blocks, ld_blocks


def site_facts(page: Page) -> SiteFacts:
    """The tawsiyat block's facts (cached on the page)."""
    return _scan(page)[0]


def json_ld_facts(page: Page) -> JsonLdFacts:
    """The JSON-LD main entity's facts (cached on the page)."""
    return _scan(page)[1]


def meta_facts(page: Page) -> MetaFacts:
    """The ``<meta>``/``<link>``/``<title>`` facts (cached on the page)."""
    return _scan(page)[2]


# One decoder for every block: json.loads(strict=False) builds a new one per call.
_DECODER = json.JSONDecoder(strict=False)
_CDATA_RE = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
# A comment line's indent, not "\s*": \s also matches newlines, and a block
# of blank lines made each line start scan every line after it.
_LINE_COMMENT_RE = re.compile(r"^[^\S\n]*//[^\n]*$", re.MULTILINE)


def _without_block_comments(text: str) -> str:
    """*text* without ``/* ... */`` comments, in one pass.

    What ``re.sub(r"/\\*.*?\\*/", "", text, flags=re.S)`` does, without its
    cost: each unclosed ``/*`` made the regex scan to the end of the text.

    >>> _without_block_comments('{"a": /* one */ 1 /* two */} /* open')
    '{"a":  1 } /* open'
    """
    start = text.find("/*")
    if start < 0:
        return text
    parts: list[str] = []
    pos = 0
    while start >= 0:
        end = text.find("*/", start + 2)
        if end < 0:
            break  # no comment closes after this point: none after it does either
        parts.append(text[pos:start])
        pos = end + 2
        start = text.find("/*", pos)
    parts.append(text[pos:])
    return "".join(parts)


_TRAILING_COMMA_RE = re.compile(r",(\s*[}\]])")


def loads_lenient(text: str) -> tuple[Any, str | None]:
    """Decode an embedded JSON block: ``(value, None)`` or ``(None, reason)``.

    Control characters inside strings are allowed (``strict=False``); CDATA
    and HTML comment wrappers, ``/* */`` and whole-line ``//`` comments and
    trailing commas are removed when the plain decode fails.

    >>> loads_lenient('<![CDATA[ {"a": [1, 2,], } ]]>')
    ({'a': [1, 2]}, None)
    >>> loads_lenient('var tawsiyat = {"postid": "1"};')
    ({'postid': '1'}, None)
    >>> loads_lenient('{"a": ')[1]
    'not valid JSON: Expecting value at line 1 column 6'
    """
    if len(text) > MAX_JSON_SIZE:
        return None, f"block of {len(text):,} characters skipped (limit {MAX_JSON_SIZE:,})"
    text = text.strip()
    if text.startswith(("<!", "/")) or text.endswith(("]]>", "-->")):  # rare: skip the regex scan
        text = _CDATA_RE.sub("", text)
    if not text.strip():
        return None, "empty block"
    try:
        return _decoded(text), None
    except RecursionError:
        return None, "nested too deeply to decode"
    except ValueError as exc:
        # Keep the words, not the exception: a kept exception holds this frame
        # through its traceback, and the frame holds it (a reference cycle).
        where = f" at line {exc.lineno} column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        reason = f"not valid JSON: {getattr(exc, 'msg', str(exc))}{where}"
    cleaned = _TRAILING_COMMA_RE.sub(r"\1", _LINE_COMMENT_RE.sub("", _without_block_comments(text)))
    # A block written as a script ("var tawsiyat = {...};") holds the object
    # between its first "{" and its last "}".
    start, end = cleaned.find("{"), cleaned.rfind("}")
    candidates = [cleaned] if start <= 0 or end < start else [cleaned, cleaned[start : end + 1]]
    for candidate in candidates:
        try:
            return _decoded(candidate), None
        except RecursionError:
            return None, "nested too deeply to decode"
        except ValueError:
            continue
    return None, reason


# A \\uD800-\\uDFFF escape: the decoded value may hold a lone surrogate.
_SURROGATE_ESCAPE_RE = re.compile(r"\\u[dD][89a-fA-F]")


def _decoded(text: str) -> Any:
    """The JSON value of *text*, every string in it (keys included) without
    lone surrogates: the one place JSON from the page becomes Python strings,
    so no field, report value or class name can carry one (a surrogate pair
    decodes to one character and is kept)."""
    value = _DECODER.decode(text)
    if _SURROGATE_ESCAPE_RE.search(text) is None:
        return value
    if isinstance(value, str):
        return without_surrogates(value)
    # Iterative, each container once: as deep as the decoder allowed, no deeper.
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            for i, item in enumerate(node):
                if isinstance(item, str):
                    node[i] = without_surrogates(item)
                elif isinstance(item, list | dict):
                    stack.append(item)
        elif isinstance(node, dict):
            cleaned = {}
            for key, item in node.items():
                if isinstance(item, str):
                    item = without_surrogates(item)
                elif isinstance(item, list | dict):
                    stack.append(item)
                cleaned[without_surrogates(key)] = item
            node.clear()
            node.update(cleaned)
    return value


def _site(blocks: list[str]) -> SiteFacts:
    if not blocks:
        return SiteFacts()
    error = None
    for block in blocks:
        value, error = loads_lenient(block)
        if isinstance(value, dict):
            return SiteFacts(data=value, classes=tuple(_classes(value.get("classes"))), found=True)
        if error is None:
            error = f"expected a JSON object, found {type(value).__name__}"
    return SiteFacts(found=True, error=error)


def _classes(value: Any) -> Iterator[tuple[str, str]]:
    if not isinstance(value, list):
        return
    for item in value:
        if isinstance(item, dict):
            mapping, name = item.get("mapping"), item.get("value")
            if isinstance(mapping, str) and isinstance(name, str):
                yield mapping.strip().lower(), name


def _types(obj: Mapping[str, Any]) -> tuple[str, ...]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        kinds = [kind]
    elif isinstance(kind, list):
        kinds = [k for k in kind if isinstance(k, str)]
    else:
        return ()
    # "http://schema.org/NewsArticle" and "schema:NewsArticle" both occur.
    return tuple(k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds)


def _flatten(value: Any, depth: int = 0) -> Iterator[Mapping[str, Any]]:
    if depth > 4:
        return
    if isinstance(value, list):
        for item in value:
            yield from _flatten(item, depth + 1)
    elif isinstance(value, dict):
        if "@type" in value:
            yield value
        graph = value.get("@graph")
        if graph is not None:
            yield from _flatten(graph, depth + 1)


def _json_ld(blocks: list[str]) -> JsonLdFacts:
    if not blocks:
        return JsonLdFacts()
    objects: list[Mapping[str, Any]] = []
    errors: list[str] = []
    for block in blocks:
        value, error = loads_lenient(block)
        if error is not None:
            errors.append(error)
        else:
            objects.extend(_flatten(value))
    all_types = tuple(t for obj in objects for t in _types(obj))
    for obj in objects:
        types = _types(obj)
        if ARTICLE_TYPES.intersection(types):
            return JsonLdFacts(data=obj, types=types, all_types=all_types, found=True)
    error = errors[0] if errors and not objects else None
    return JsonLdFacts(all_types=all_types, found=True, error=error)
