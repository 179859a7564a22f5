"""Turn Al Mayadeen pages (English, Arabic and Spanish editions) into typed data.

>>> import mayadeen_parse as mp
>>> page = mp.load_page(b"<html><body><h1>Hello</h1></body></html>")
>>> mp.parse_breaking(page)
()
"""

import importlib
from typing import TYPE_CHECKING, Any

from ._errors import (
    InputError,
    MayadeenParseError,
    MissingExtraError,
    NotAnArticleError,
    PageDecodeError,
    RecordError,
)
from ._model import (
    Article,
    Author,
    Block,
    BreakingItem,
    Embed,
    Figure,
    Heading,
    Image,
    Link,
    ListBlock,
    PageContent,
    Paragraph,
    Quote,
    Tag,
    Teaser,
)
from ._page import MAX_INPUT_SIZE, MAX_TAGS, Page, load_page
from ._parse import (
    parse_article,
    parse_breaking,
    parse_listing,
    parse_most_read,
    parse_page,
    parse_read_next,
    parse_related,
)
from ._text import normalize_text
from ._wayback import unwrap_wayback

if TYPE_CHECKING:  # imported on first use (_LAZY); type checkers see them here
    from ._files import read_page_file
    from ._jsonl import JsonlLine, read_jsonl_line
    from ._report import (
        BlockLayout,
        Disagreement,
        MissingField,
        Provenance,
        Report,
        SourceValue,
        StructuredSource,
        inspect_page,
    )
    from ._schema import schema
    from ._serialize import article_from_dict, from_dict, to_dict, to_json
    from ._warc import WarcPage, iter_warc

#: Public names whose modules load on first use: a program that only parses
#: pages never pays for the trust report, JSON, schemas, WARC or file reading.
_LAZY = {
    **dict.fromkeys(
        (
            "BlockLayout",
            "Disagreement",
            "MissingField",
            "Provenance",
            "Report",
            "SourceValue",
            "StructuredSource",
            "inspect_page",
        ),
        "_report",
    ),
    **dict.fromkeys(("article_from_dict", "from_dict", "to_dict", "to_json"), "_serialize"),
    **dict.fromkeys(("WarcPage", "iter_warc"), "_warc"),
    **dict.fromkeys(("JsonlLine", "read_jsonl_line"), "_jsonl"),
    "read_page_file": "_files",
    "schema": "_schema",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        found = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = found
        return found
    if name in _LAZY.values():  # the module itself (mayadeen_parse._schema), as when imported eagerly
        return importlib.import_module(f".{name}", __name__)
    # __version__ comes from the installed metadata, read on first use:
    # importlib.metadata costs ~70 ms to import, more than the rest of the
    # package together, and most programs never ask for the version.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("mayadeen-parse")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            found = "0+unknown"
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "MAX_INPUT_SIZE",
    "MAX_TAGS",
    "Article",
    "Author",
    "Block",
    "BlockLayout",
    "BreakingItem",
    "Disagreement",
    "Embed",
    "Figure",
    "Heading",
    "Image",
    "InputError",
    "JsonlLine",
    "Link",
    "ListBlock",
    "MayadeenParseError",
    "MissingExtraError",
    "MissingField",
    "NotAnArticleError",
    "Page",
    "PageContent",
    "PageDecodeError",
    "Paragraph",
    "Provenance",
    "Quote",
    "RecordError",
    "Report",
    "SourceValue",
    "StructuredSource",
    "Tag",
    "Teaser",
    "WarcPage",
    "__version__",
    "article_from_dict",
    "from_dict",
    "inspect_page",
    "iter_warc",
    "load_page",
    "normalize_text",
    "parse_article",
    "parse_breaking",
    "parse_listing",
    "parse_most_read",
    "parse_page",
    "parse_read_next",
    "parse_related",
    "read_jsonl_line",
    "read_page_file",
    "schema",
    "to_dict",
    "to_json",
    "unwrap_wayback",
]
