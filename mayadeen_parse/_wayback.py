"""Wayback Machine addresses: the original URL and the capture time inside them.

The Wayback Machine serves a capture at
``https://web.archive.org/web/<timestamp><flag>/<original URL>`` and rewrites
every link of the page it serves into the same shape (root-relative on the
page: ``/web/20231106162100/https://english.almayadeen.net/tags/gaza``). The
timestamp is the capture time in UTC, ``YYYYMMDDhhmmss`` (links often carry a
shorter prefix, ``/web/2023/...``, which the archive redirects to the nearest
capture); the flag says how the resource is served: none or ``id_`` (the
original bytes), ``im_`` (image), ``js_``, ``cs_``, ``if_`` (in a frame),
``fw_``, ``oe_``... (``../shared/site/README.md``, "How users get these
pages"; https://en.wikipedia.org/wiki/Help:Using_the_Wayback_Machine).

This module imports nothing from the package: :mod:`._text` (link
absolutization) and :mod:`._page` (``load_page(url=...)``) both use
:func:`unwrap_wayback`, so one function knows the shape.
"""

from __future__ import annotations

import datetime
import re
from typing import Any
from urllib.parse import unquote

from ._editions import EDITION_HOSTS

__all__ = ["ARCHIVE_INSERT_IDS", "EDITION_HOSTS", "drop_archive_inserts", "unwrap_wayback"]

#: The ids of the blocks the Wayback Machine inserts into a capture it serves
#: (seen in its captures, 2023-2025): the toolbar right after ``<body>``
#: (between ``<!-- BEGIN WAYBACK TOOLBAR INSERT -->`` and ``<!-- END WAYBACK
#: TOOLBAR INSERT -->``, comments the parser drops), the line it prints
#: instead ("The Wayback Machine - https://web.archive.org/web/..."), and its
#: donation banner. Their text ("COLLECTED BY Organization: Archive Team
#: Formed in 2009...") is never the page's.
ARCHIVE_INSERT_IDS = ("wm-ipp-base", "wm-ipp", "wm-ipp-print", "donato")
# What the toolbar's markup always holds, to look for it only when it is there.
ARCHIVE_INSERT_MARK = b"wm-ipp"
_INSERTS_XPATH = "//*[" + " or ".join(f"@id='{name}'" for name in ARCHIVE_INSERT_IDS) + "]"

# https://web.archive.org/web/20231106162100id_/https://english.almayadeen.net/...
# //web.archive.org/web/...   (protocol-relative, in srcset and scripts)
# web.archive.org/web/...     (pasted without its scheme)
# /web/20231106162100/...     (root-relative: how links on a served capture look)
# The original is sometimes written without its scheme
# (web.archive.org/web/2023/english.almayadeen.net/...) or with one slash after
# it (http:/english...), as some servers collapse "//" in a path.
_WAYBACK_RE = re.compile(
    r"""^(?:(?:(?:https?:)?//)?(?:web|wayback)\.archive\.org)?
        /web/(?P<time>\d{1,14})(?P<flag>[a-z]{2}_)?/
        (?P<original>.+)$""",
    re.IGNORECASE | re.VERBOSE,
)
_SCHEME_RE = re.compile(r"^(https?):/*", re.IGNORECASE)
# An original the archive was given percent-encoded (".../web/2023/https%3A%2F%2Fenglish...").
_ENCODED_RE = re.compile(r"^https?%3A%2F", re.IGNORECASE)
# The port a scheme implies: "http://www.almayadeen.net:80/" is the same page.
_DEFAULT_PORTS = (":80", ":443")


def unwrap_wayback(url: str) -> tuple[str, datetime.datetime | None]:
    """The original URL inside a Wayback Machine URL, and the capture time.

    A URL that is not a Wayback URL is returned unchanged with ``None``. The
    capture time is timezone-aware UTC (the archive's timestamps are UTC);
    ``None`` when the timestamp is shorter than 14 digits or not a valid time.
    Both ``web.archive.org`` and ``wayback.archive.org``, http and https, and
    the root-relative form found in a capture's links are recognised.

    >>> unwrap_wayback("https://web.archive.org/web/20231106162100id_/https://english.almayadeen.net/news/x")
    ('https://english.almayadeen.net/news/x', datetime.datetime(2023, 11, 6, 16, 21, tzinfo=datetime.timezone.utc))
    >>> unwrap_wayback("/web/2023im_/https://english.almayadeen.net/img.jpg")
    ('https://english.almayadeen.net/img.jpg', None)
    >>> unwrap_wayback("http://wayback.archive.org/web/20231106162100/english.almayadeen.net/tags/gaza")[0]
    'https://english.almayadeen.net/tags/gaza'
    >>> unwrap_wayback("https://english.almayadeen.net/news/x")
    ('https://english.almayadeen.net/news/x', None)
    """
    original, captured = _unwrap_once(url)
    # A capture of a capture (".../web/2023/https://web.archive.org/web/2022/..."):
    # unwrap to the end, so that unwrapping is idempotent; the outer time is
    # when these bytes were captured.
    for _ in range(8):
        if "/web/" not in original:
            break
        inner, _inner_time = _unwrap_once(original)
        if inner == original:
            break
        original = inner
    return original, captured


def _unwrap_once(url: str) -> tuple[str, datetime.datetime | None]:
    if "/web/" not in url:
        return url, None
    match = _WAYBACK_RE.match(url)
    if match is None:
        return url, None
    original = match.group("original")
    if _ENCODED_RE.match(original):
        original = unquote(original)
    scheme = _SCHEME_RE.match(original)
    if scheme:
        original = f"{scheme.group(1).lower()}://{original[scheme.end() :]}"
    elif "://" in original or not original[0].isalnum():
        return url, None  # ftp://..., "*", "?" ...: not a capture of a web page
    else:
        host = original.split("/", 1)[0].split(":", 1)[0].lower()
        # The site serves every edition over https only (its canonical links,
        # the real capture): https for its hosts, the archive's http for others.
        original = ("https://" if host in EDITION_HOSTS else "http://") + original
    return _site_url(original), _capture_time(match.group("time"))


def _site_url(url: str) -> str:
    """*url* (``http(s)://...``) in the one form the site's links have when
    its host is one of the site's: https, the host in lower case, no default
    port (``http://www.almayadeen.net:80/x`` → ``https://www.almayadeen.net/x``).
    The archive keeps the original as it was requested, so without this one
    story would have several URLs across captures. Other hosts are kept as given.
    """
    rest = url.split("://", 1)[1]
    authority, slash, path = rest.partition("/")
    host = authority.lower()
    for port in _DEFAULT_PORTS:
        host = host.removesuffix(port)
    if host.rstrip(".") not in EDITION_HOSTS:
        return url
    return f"https://{host.rstrip('.')}{slash}{path}"


def _capture_time(stamp: str) -> datetime.datetime | None:
    if len(stamp) != 14:
        return None
    try:
        return datetime.datetime.strptime(stamp, "%Y%m%d%H%M%S").replace(tzinfo=datetime.timezone.utc)
    except ValueError:
        return None


def drop_archive_inserts(root: Any) -> int:
    """Remove the Wayback Machine's toolbar and banners from a parsed page.

    Text after a removed block (its lxml ``tail``) is kept. Returns how many
    blocks were removed.
    """
    removed = 0
    for el in root.xpath(_INSERTS_XPATH):
        parent = el.getparent()
        if parent is None:
            continue
        if el.tail:
            previous = el.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)
        removed += 1
    return removed
