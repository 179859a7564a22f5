"""Decode bytes the way a browser does, parse once, keep what later steps need.

:func:`load_page` is the only place HTML is parsed. Everything else works on
the :class:`Page` it returns and caches its findings on it (structured
metadata, the located page blocks), so each is computed at most once per page.
"""

from __future__ import annotations

import codecs
import datetime
import re
import threading
from typing import Any, cast

from lxml import etree

from ._editions import Edition
from ._errors import PageDecodeError
from ._labels import edition_of
from ._memo import PageMemo, Slot
from ._metadata import meta_facts, site_facts
from ._text import SITE_ORIGIN, without_surrogates
from ._wayback import ARCHIVE_INSERT_IDS, ARCHIVE_INSERT_MARK, drop_archive_inserts, unwrap_wayback

__all__ = ["INDEXED_TAGS", "KEPT_TAGS", "MAX_INPUT_SIZE", "MAX_TAGS", "Page", "PageMemo", "Slot", "load_page"]

#: Inputs larger than this (bytes, or characters for ``str``) are refused with
#: :class:`PageDecodeError`: real pages are well under 2 MB; the bound keeps
#: memory use predictable for hostile input.
MAX_INPUT_SIZE = 64 * 1024 * 1024

#: A document holding more tags than this is cut before the first tag past
#: the limit, as if the download had stopped there: what comes before is
#: parsed and returned, and :attr:`Page.warnings` says so. Every ``<`` counts
#: (start and end tags, comments, a ``<`` in a script): counting bytes costs
#: milliseconds, and bounds the elements, hence the memory, of the parse.
#: Real pages hold a few thousand; memory grows with elements, not bytes (a
#: million ``<p>a</p>`` are 8 MB of input and 500 MB of tree and records).
MAX_TAGS = 1_000_000

# How far into the document the <meta charset> prescan looks. The HTML
# standard says 1024 bytes; real pages sometimes put kilobytes of scripts
# first, so look further (the regex is anchored on "<meta").
_PRESCAN_BYTES = 16 * 1024


#: ``(edition,)``: a tuple, so that "no edition" is kept too.
EDITION: Slot[tuple[Edition | None]] = Slot("edition", "the site edition the page is from")


class Page:
    """One parsed HTML document and what has been learnt about it.

    Build it with :func:`load_page`; pass it to every ``parse_*`` function to
    parse the HTML only once.

    Attributes:
        root: The lxml root element (``<html>``), parsed with
            :class:`lxml.etree.HTMLParser`; comments and processing
            instructions are dropped. Read it, do not modify it: the cached
            results assume it does not change.
        url: The ``url`` given to :func:`load_page` (any lone surrogate in it
            replaced by U+FFFD), or ``None``. A Wayback Machine URL is
            unwrapped: this is the original page's URL, and the URL as given
            is in :attr:`archive_url`.
        archive_url: The Wayback Machine URL given as ``url``
            (``https://web.archive.org/web/<time>/<original>``), else ``None``.
        base_url: What relative links are resolved against: ``url`` when
            given, else ``https://english.almayadeen.net``. ``<base href>`` in
            the page is ignored on purpose.
        encoding: The codec the bytes were decoded with (``"utf-8"``,
            ``"windows-1252"``, ...), or ``"str"`` when a ``str`` was given.
        encoding_source: Where that choice came from: ``"bom"``,
            ``"argument"``, ``"meta"``, ``"default"`` or ``"str"``.
        empty: ``True`` when the input held no markup at all.
        warnings: Problems met while decoding and parsing that did not stop
            it (an unknown encoding label, a tree cut at libxml2's nesting
            limit), as human-readable strings.
        fetched_at: When the page was fetched (timezone-aware), as given to
            :func:`load_page`, or ``None``. The page's own time reference:
            relative time labels are resolved against it, never against the
            clock of the machine that parses.
    """

    __slots__ = (
        "_memo", "_order", "_tags", "archive_url", "base_url", "empty", "encoding", "encoding_source", "fetched_at",
        "root", "url",
        "warnings",
    )  # fmt: skip

    def __init__(
        self,
        root: etree._Element,
        *,
        url: str | None,
        encoding: str,
        encoding_source: str,
        empty: bool = False,
        warnings: tuple[str, ...] = (),
        fetched_at: datetime.datetime | None = None,
        archive_url: str | None = None,
    ) -> None:
        self.root = root
        self.fetched_at = fetched_at
        self.url = url
        self.archive_url = archive_url
        self.base_url = url if url and url.startswith(("http://", "https://")) else SITE_ORIGIN
        self.encoding = encoding
        self.encoding_source = encoding_source
        self.empty = empty
        self.warnings = warnings
        self._memo = PageMemo()  # internal: later stages' results, one Slot each
        self._tags: dict[str, list[etree._Element]] | None = None
        self._order: dict[etree._Element, int] = {}

    def __repr__(self) -> str:
        return f"<Page url={self.url!r} encoding={self.encoding!r}>"

    @property
    def edition(self) -> Edition | None:
        """Which edition of the site the page is from: ``"en"``, ``"ar"``,
        ``"es"``, or ``None`` when nothing says.

        The host of ``url`` decides (a Wayback Machine URL is unwrapped
        first); then the site JSON's ``lang``; then ``<html lang>``
        (:func:`mayadeen_parse._labels.edition_of`). Without a ``url``,
        ``base_url``'s default host is *not* evidence: the page's own language
        decides.
        """
        cached = self._memo.get(EDITION)
        if cached is not None:
            return cached[0]
        lang = site_facts(self).get("lang")
        found = edition_of(self.url, lang if isinstance(lang, str) else None, meta_facts(self).lang)
        return self._memo.put(EDITION, (found,))[0]

    def elements(self, tag: str) -> list[etree._Element]:
        """Every element named *tag* (one of :data:`INDEXED_TAGS`), in page order.

        The first call indexes the tags of :data:`KEPT_TAGS` in one pass over
        the tree (on a page of thousands of menu links, each separate
        ``root.iter(tag)`` costs a tenth of the parse). The containers
        (``div``, ``p``, ``span``...) are not kept: thousands of element
        proxies alive until the page is freed cost more than the rare
        ``root.iter(tag)`` that reads them; their list is built on each call.
        """
        index = self._tags
        if index is None:
            index = _index(self)
        found = index.get(tag)
        if found is not None:
            return found
        if tag not in INDEXED_TAGS:
            raise KeyError(tag)
        return list(self.root.iter(tag))

    def position(self, el: etree._Element) -> int:
        """The page-order position of an element of :data:`INDEXED_TAGS`.

        A sort key for elements read from several :meth:`elements` lists; the
        positions are numbered on the first call (the page's readers that
        need page order iterate the tree instead).
        """
        order = self._order
        if not order:
            order = self._order = {el: i for i, el in enumerate(self.root.iter(*INDEXED_TAGS))}
        return order[el]

    def __reduce__(self) -> Any:
        raise TypeError("a Page holds an lxml tree and cannot be pickled; pickle the parse results instead")


#: The tags :meth:`Page.elements` answers for.
INDEXED_TAGS = (
    "meta", "link", "title", "script", "body", "nav", "h1", "h2", "h3",
    "div", "section", "aside", "article", "main", "header", "footer", "ul", "ol", "p", "span", "figure",
)  # fmt: skip
#: The tags whose lists the page keeps (one pass, on first use): what the
#: structured metadata, the headline, the furniture and the article region are
#: looked for on. The class hints have their own pass over the containers
#: (``_locate.class_index``).
KEPT_TAGS = ("meta", "link", "title", "script", "body", "nav", "h1", "h2", "h3", "article")


def _index(page: Page) -> dict[str, list[etree._Element]]:
    index: dict[str, list[etree._Element]] = {tag: [] for tag in KEPT_TAGS}
    for el in page.root.iter(*KEPT_TAGS):
        index[cast(str, el.tag)].append(el)  # iter() by tag name: only elements, whose tag is a str
    page._tags = index
    return index


# WHATWG Encoding Standard, "Names and labels"
# (https://encoding.spec.whatwg.org/#names-and-labels, encodings.json): every
# label a browser accepts, by encoding, with the Python codec that decodes it.
# A label not listed here (idna, punycode, undefined, rot13, base64, zlib,
# utf-7, utf-32, unicode_escape, ...) is refused like an unknown name, as a
# browser refuses it: Python's codec registry also holds codecs that are not
# text encodings, or that raise on bytes they do not expect.
_WHATWG: tuple[tuple[str, str, str], ...] = (
    ("utf-8", "utf-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"),
    ("ibm866", "cp866", "866 cp866 csibm866 ibm866"),
    (
        "iso-8859-2",
        "iso8859-2",
        "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    ),
    (
        "iso-8859-3",
        "iso8859-3",
        "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    ),
    (
        "iso-8859-4",
        "iso8859-4",
        "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    ),
    (
        "iso-8859-5",
        "iso8859-5",
        "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988",
    ),
    (
        "iso-8859-6",
        "iso8859-6",
        "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i"
        " iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    ),
    (
        "iso-8859-7",
        "iso8859-7",
        "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7"
        " iso_8859-7:1987 sun_eu_greek",
    ),
    (
        "iso-8859-8",
        "iso8859-8",
        "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8"
        " iso_8859-8:1988 visual",
    ),
    ("iso-8859-8-i", "iso8859-8", "csiso88598i iso-8859-8-i logical"),
    ("iso-8859-10", "iso8859-10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"),
    ("iso-8859-13", "iso8859-13", "iso-8859-13 iso8859-13 iso885913"),
    ("iso-8859-14", "iso8859-14", "iso-8859-14 iso8859-14 iso885914"),
    ("iso-8859-15", "iso8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"),
    ("iso-8859-16", "iso8859-16", "iso-8859-16"),
    ("koi8-r", "koi8-r", "cskoi8r koi koi8 koi8-r koi8_r"),
    ("koi8-u", "koi8-u", "koi8-ru koi8-u"),
    ("macintosh", "mac-roman", "csmacintosh mac macintosh x-mac-roman"),
    ("windows-874", "cp874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
    ("windows-1250", "cp1250", "cp1250 windows-1250 x-cp1250"),
    ("windows-1251", "cp1251", "cp1251 windows-1251 x-cp1251"),
    (
        "windows-1252",
        "cp1252",
        "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1"
        " iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    ),
    ("windows-1253", "cp1253", "cp1253 windows-1253 x-cp1253"),
    (
        "windows-1254",
        "cp1254",
        "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5"
        " windows-1254 x-cp1254",
    ),
    ("windows-1255", "cp1255", "cp1255 windows-1255 x-cp1255"),
    ("windows-1256", "cp1256", "cp1256 windows-1256 x-cp1256"),
    ("windows-1257", "cp1257", "cp1257 windows-1257 x-cp1257"),
    ("windows-1258", "cp1258", "cp1258 windows-1258 x-cp1258"),
    ("x-mac-cyrillic", "mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    # The standard's GBK decoder is its gb18030 decoder.
    ("gbk", "gb18030", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk"),
    ("gb18030", "gb18030", "gb18030"),
    # The standard's Big5 is Big5-HKSCS; its Shift_JIS is Windows-31J; its EUC-KR is Windows-949.
    ("big5", "big5hkscs", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    ("euc-jp", "euc-jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    ("iso-2022-jp", "iso2022-jp", "csiso2022jp iso-2022-jp"),
    ("shift_jis", "cp932", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
    (
        "euc-kr",
        "cp949",
        "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949",
    ),
    ("utf-16be", "utf-16-be", "unicodefffe utf-16be"),
    ("utf-16le", "utf-16-le", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"),
    # The standard decodes x-user-defined bytes 0x80-0xFF to U+F780-U+F7FF,
    # and a <meta> naming it as windows-1252: windows-1252 for both here.
    ("windows-1252", "cp1252", "x-user-defined"),
    # Not listed: the "replacement" labels (csiso2022kr hz-gb-2312
    # iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement), which browsers
    # decode to a single U+FFFD to defeat script injection; refusing them
    # keeps the page readable (UTF-8 with a warning).
)

#: label -> WHATWG encoding name; WHATWG name -> the Python codec decoding it.
_LABELS = {label: name for name, _, labels in _WHATWG for label in labels.split()}
_PYTHON_CODECS = {name: codec for name, codec, _ in _WHATWG}
# Browsers ignore a <meta> that claims UTF-16: bytes that reach the prescan
# are ASCII-compatible, so the claim is false.
_META_UTF16 = frozenset({"utf-16le", "utf-16be"})


def _codec(label: str | None) -> str | None:
    """The WHATWG encoding name for a label, or ``None`` if browsers refuse it.

    >>> _codec(" Latin1 "), _codec('"windows-1256"'), _codec("idna"), _codec("rot13")
    ('windows-1252', 'windows-1256', None, None)
    """
    if not label:
        return None
    # The standard trims ASCII whitespace; a Content-Type value may also quote it.
    label = label.strip().strip("\"'").strip().lower()
    return _LABELS.get(label)


# Linear: a <meta> is scanned only up to the next "<" or ">" (not across the
# next <meta>), and the space around an optional quote is one run, not two.
_META_CHARSET_RE = re.compile(rb"""<meta\b[^<>]*?charset\s*=\s*(?:["']\s*)?([a-zA-Z0-9_.:\-]+)""", re.IGNORECASE)
_BINARY_SIGNATURES = (
    (b"\x1f\x8b", "compressed", "gzip-compressed data: decompress it first (the command line reads .html.gz)"),
    (b"(\xb5/\xfd", "compressed", "zstd-compressed data: decompress it first"),
    (b"PK\x03\x04", "binary", "a ZIP archive, not an HTML page"),
    (b"\x89PNG\r\n\x1a\n", "binary", "a PNG image, not an HTML page"),
    (b"GIF87a", "binary", "a GIF image, not an HTML page"),
    (b"GIF89a", "binary", "a GIF image, not an HTML page"),
    (b"\xff\xd8\xff", "binary", "a JPEG image, not an HTML page"),
    (b"%PDF-", "binary", "a PDF document, not an HTML page"),
    (b"RIFF", "binary", "a RIFF (WebP, WAV or AVI) file, not an HTML page"),
)


def _decode(data: bytes, encoding: str | None) -> tuple[bytes, str, str, list[str]]:
    """UTF-8 bytes for lxml, the codec used, where it came from, warnings."""
    warnings: list[str] = []
    for signature, reason, message in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise PageDecodeError(f"input is {message}", reason=reason)

    if data.startswith(codecs.BOM_UTF8):
        codec, source, data = "utf-8", "bom", data[3:]
    elif data.startswith(codecs.BOM_UTF16_LE):
        codec, source, data = "utf-16le", "bom", data[2:]
    elif data.startswith(codecs.BOM_UTF16_BE):
        codec, source, data = "utf-16be", "bom", data[2:]
    else:
        codec = source = ""
        if encoding is not None:
            codec = _codec(encoding) or ""
            if codec:
                source = "argument"
            else:
                warnings.append(f"ignored unknown encoding argument {encoding!r}")
        if not codec:
            match = _META_CHARSET_RE.search(data, 0, _PRESCAN_BYTES)
            if match:
                label = match.group(1).decode("ascii", "replace")
                codec = _codec(label) or ""
                if codec in _META_UTF16:
                    codec = "utf-8"
                if codec:
                    source = "meta"
                else:
                    warnings.append(f"ignored unknown <meta> charset {label!r}")
        if not codec and data[:2] in (b"<\x00", b"\x00<"):
            # UTF-16 without a BOM: no browser guesses this, but saved pages
            # from Windows tools do; the NUL pattern cannot be ASCII HTML.
            codec, source = ("utf-16le" if data[0] == 0x3C else "utf-16be"), "default"
        if not codec:
            codec, source = "utf-8", "default"

    if codec == "utf-8":
        return data, codec, source, warnings  # checked by libxml2 as it parses (load_page)
    text = data.decode(_PYTHON_CODECS[codec], "replace")
    if "\ufffd" in text and not _decodes(data, _PYTHON_CODECS[codec]):
        # A U+FFFD may be the page's own character (encoded in *codec*), not a
        # replacement: only a strict decode that fails says bytes were bad.
        warnings.append(f"some bytes are not valid {codec}; they were replaced with U+FFFD")
    return _utf8(text), codec, source, warnings


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: lxml would drop the text
        return without_surrogates(text).encode("utf-8")


_local = threading.local()


def _parser() -> etree.HTMLParser:
    # lxml parsers must not be shared between threads.
    parser: etree.HTMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.HTMLParser(
            encoding="utf-8",
            remove_comments=True,
            remove_pis=True,
            no_network=True,
            default_doctype=False,
        )
        _local.parser = parser
    return parser


_EMPTY_DOC = b"<html><head></head><body></body></html>"
# The regex engine's literal search is faster than bytes.__contains__ on a
# large page (homepage: 0.43 vs 0.68 ms; a whole-input scan is never free).
_ARCHIVE_INSERT_RE = re.compile(re.escape(ARCHIVE_INSERT_MARK))
# Looked for first, in the parsed tree: libxml2 keeps every HTML ``id`` (and
# ``<a name>``) in the document's ID table, so XPath id() is one lookup per
# name where the byte search reads the whole input (homepage: 4 µs vs 0.45
# ms). Every element drop_archive_inserts removes has one of these ids, so
# when none is there the byte search cannot change anything.
_ARCHIVE_INSERT_ID = etree.XPath(f"boolean(id('{' '.join(ARCHIVE_INSERT_IDS)}'))")
# libxml2's safety limits end the parse where they are hit: nesting deeper
# than 256 ("Excessive depth"), and a single text node, comment or attribute
# value over 10,000,000 bytes ("Resource limit exceeded" since libxml2 2.14,
# "Huge input" before).
_CUT_MESSAGES = ("Excessive depth", "Huge input", "limit exceeded")


def load_page(
    html: bytes | bytearray | memoryview | str | Page,
    *,
    url: str | None = None,
    encoding: str | None = None,
    fetched_at: datetime.datetime | None = None,
) -> Page:
    """Decode and parse an HTML document once.

    Bytes are decoded in browser order: a byte order mark; else the
    *encoding* argument (what an HTTP ``Content-Type`` header said); else a
    ``<meta charset>`` or ``http-equiv`` declaration in the first 16 KB;
    else UTF-8. Bytes invalid in the chosen encoding become U+FFFD; decoding
    never fails. A ``str`` is used as is.

    Args:
        html: The page as fetched (``bytes``) or already decoded (``str``).
            A :class:`Page` is returned unchanged.
        url: The address the page was fetched from. Relative links resolve
            against it; without it they resolve against
            ``https://english.almayadeen.net``. A Wayback Machine URL
            (``https://web.archive.org/web/20231106162100/https://english...``)
            is unwrapped: the original URL becomes :attr:`Page.url` and the
            base for links (the URL given is kept as :attr:`Page.archive_url`),
            and the capture time becomes *fetched_at* when that is not given.
        encoding: The charset from the HTTP ``Content-Type`` header, if any.
            It wins over the page's own ``<meta>`` declaration.
        fetched_at: When the page was fetched (a WARC-Date, a Wayback
            capture time, the time your client got the response). It must be
            timezone-aware. Relative time labels on the page (``اليوم 21:48``,
            "today at 21:48") are resolved against it; without it they are
            kept as shown and their date is ``None``.

    Raises:
        PageDecodeError: the input is compressed or binary data (gzip, PNG,
            PDF...), larger than :data:`MAX_INPUT_SIZE`, or rejected by lxml.
        TypeError: *html* is neither bytes nor str, *url* or *encoding* is
            neither a str nor ``None``, or *fetched_at* is not a
            :class:`datetime.datetime`.
        ValueError: *fetched_at* is a naive datetime.
    """
    _check_arguments(url, encoding, fetched_at)
    if isinstance(html, Page):
        return html
    archive_url = None
    if url is not None:
        url = without_surrogates(url)
        if "/web/" in url:
            original, captured = unwrap_wayback(url)
            if original != url:
                archive_url, url = url, original
                if fetched_at is None:
                    fetched_at = captured
    if isinstance(html, bytearray | memoryview):
        html = bytes(html)
    warnings: list[str] = []
    if isinstance(html, bytes):
        if len(html) > MAX_INPUT_SIZE:
            raise PageDecodeError(f"input is {len(html):,} bytes; the limit is {MAX_INPUT_SIZE:,}", reason="too-large")
        data, codec, source, warnings = _decode(html, encoding)
    elif isinstance(html, str):
        if len(html) > MAX_INPUT_SIZE:
            raise PageDecodeError(
                f"input is {len(html):,} characters; the limit is {MAX_INPUT_SIZE:,}", reason="too-large"
            )
        data, codec, source = _utf8(html.removeprefix("\ufeff")), "str", "str"
    else:
        raise TypeError(f"html must be bytes or str, not {type(html).__name__}")

    cut = _tag_limit(data)
    if cut is not None:
        data = data[:cut]
        warnings.append(
            f"the document was cut at byte {cut:,}, before its tag number {MAX_TAGS + 1:,}: "
            f"the limit is {MAX_TAGS:,} tags (MAX_TAGS)"
        )
    parser = _parser()
    root, data = _parse(data, parser, check_utf8=codec == "utf-8", warnings=warnings)
    for entry in parser.error_log:
        if any(message in entry.message for message in _CUT_MESSAGES):
            warnings.append(f"the document was cut where libxml2 stopped: {entry.message.strip()}")
            break
    if root is not None and _ARCHIVE_INSERT_ID(root) and _ARCHIVE_INSERT_RE.search(data):
        drop_archive_inserts(root)  # a Wayback capture as served: its toolbar is not the page
    empty = root is None
    if root is None:
        root = etree.fromstring(_EMPTY_DOC, parser)
    return Page(
        root,
        url=url,
        encoding=codec,
        encoding_source=source,
        empty=empty,
        warnings=tuple(warnings),
        fetched_at=fetched_at,
        archive_url=archive_url,
    )


def _tag_limit(data: bytes) -> int | None:
    """Where the tag past :data:`MAX_TAGS` starts (the offset of that ``<``),
    or ``None`` when the document holds no more tags than that.

    Counted in C (``bytes.count``) by blocks of 64 KiB; only the block holding
    the limit is searched tag by tag. A document holds at most as many tags
    as bytes that are not others: counting stops once enough bytes that are
    not ``<`` were seen (none for a document of at most :data:`MAX_TAGS` bytes).
    """
    block = 64 * 1024
    excess = len(data) - MAX_TAGS  # how many bytes must be something else than "<"
    others = start = 0
    while others < excess and start < len(data):
        end = min(start + block, len(data))
        others += end - start - data.count(b"<", start, end)
        start = end
    if others >= excess:
        return None
    seen = start = 0
    while True:
        found = data.count(b"<", start, start + block)
        if seen + found > MAX_TAGS:
            break
        seen += found
        start += block
    position = start - 1
    for _ in range(MAX_TAGS - seen + 1):
        position = data.index(b"<", position + 1)
    return position


def _check_arguments(url: object, encoding: object, fetched_at: object) -> None:
    """The keyword arguments' types, checked at the door: a wrong type is a
    bug in the caller (a ``TypeError``), not bad input."""
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be a str or None, not {type(url).__name__}")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"encoding must be a str or None, not {type(encoding).__name__}")
    _check_fetched_at(fetched_at)


# libxml2 stops logging after 100 errors: a full log may hide an encoding error.
_MAX_LOGGED_ERRORS = 100
_INVALID_UTF8 = "input is not valid UTF-8; invalid bytes were replaced with U+FFFD"


def _parse(
    data: bytes, parser: etree.HTMLParser, *, check_utf8: bool, warnings: list[str]
) -> tuple[etree._Element | None, bytes]:
    """The tree of *data* (``None`` when it holds no markup) and the bytes parsed.

    UTF-8 input is not decoded in Python first: libxml2 checks it as it
    parses and logs ``ERR_INVALID_ENCODING``. Only then (or when the log
    cannot tell: a parse cut short, a full log) is the input checked in
    Python, and a page with invalid bytes re-parsed from
    Python's replacement, one U+FFFD per maximal invalid sequence (libxml2
    2.14 gives one per byte; 2.13 keeps the bytes, which lxml cannot read).
    """
    try:
        root = _tree(data, parser)
    except PageDecodeError:
        if not check_utf8 or _decodes(data, "utf-8"):
            raise
    else:
        if not check_utf8 or not _suspect(parser) or _decodes(data, "utf-8"):
            return root, data
    warnings.append(_INVALID_UTF8)
    data = data.decode("utf-8", "replace").encode("utf-8")
    return _tree(data, parser), data


def _tree(data: bytes, parser: etree.HTMLParser) -> etree._Element | None:
    try:
        # isspace(), not strip(): no copy of a page that starts with a newline.
        return etree.fromstring(data, parser) if data and not data.isspace() else None
    except (etree.LxmlError, ValueError) as exc:
        raise PageDecodeError(f"lxml could not parse the input: {exc}", reason="lxml") from exc


def _suspect(parser: etree.HTMLParser) -> bool:
    """Whether the parse may have met bytes that are not UTF-8.

    Not seen: invalid bytes in the part of a DOCTYPE that libxml2 skips (after
    its name and identifiers): none of it reaches the tree, and a scan of the
    input for them costs as much as the Python check this replaces.
    """
    log = parser.error_log
    if len(log) >= _MAX_LOGGED_ERRORS:
        return True
    for entry in log:
        if entry.type_name == "ERR_INVALID_ENCODING" or any(message in entry.message for message in _CUT_MESSAGES):
            return True
    return False


def _check_fetched_at(fetched_at: object) -> None:
    if fetched_at is None:
        return
    if not isinstance(fetched_at, datetime.datetime):
        raise TypeError(f"fetched_at must be a datetime.datetime, not {type(fetched_at).__name__}")
    if fetched_at.utcoffset() is None:
        raise ValueError("fetched_at must be timezone-aware (a naive datetime says nothing about the instant)")
