"""Turn Al Mayadeen English (english.almayadeen.net) pages into typed data.

>>> import mayadeen_parse as mp
>>> page = mp.load_page(b"<html><body><h1>Hello</h1></body></html>")
>>> mp.parse_breaking(page)
()
"""

from importlib.metadata import PackageNotFoundError, version

from ._errors import MayadeenParseError, NotAnArticleError, PageDecodeError
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
    parse_most_read,
    parse_page,
    parse_read_next,
    parse_related,
)
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
from ._serialize import article_from_dict, from_dict, to_dict, to_json
from ._text import normalize_text

try:
    __version__ = version("mayadeen-parse")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

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
    "Link",
    "ListBlock",
    "MayadeenParseError",
    "MissingField",
    "NotAnArticleError",
    "Page",
    "PageContent",
    "PageDecodeError",
    "Paragraph",
    "Provenance",
    "Quote",
    "Report",
    "SourceValue",
    "StructuredSource",
    "Tag",
    "Teaser",
    "__version__",
    "article_from_dict",
    "from_dict",
    "inspect_page",
    "load_page",
    "normalize_text",
    "parse_article",
    "parse_breaking",
    "parse_most_read",
    "parse_page",
    "parse_read_next",
    "parse_related",
    "to_dict",
    "to_json",
]
