"""The library's exceptions.

Every error this library raises on purpose derives from one base class, and the
concrete ones also derive from the matching builtin, so ``except ValueError``
keeps working for callers that do not know this library::

    Exception
    └── MayadeenParseError
        ├── PageDecodeError     (also ValueError)
        ├── NotAnArticleError   (also ValueError)
        ├── InputError          (also ValueError)
        └── MissingExtraError   (also ImportError)

Users never see an lxml, json or Unicode exception from this library: those are
caught at the boundary and re-raised as one of these, with the original chained
as ``__cause__``.
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["InputError", "MayadeenParseError", "MissingExtraError", "NotAnArticleError", "PageDecodeError"]


class MayadeenParseError(Exception):
    """Base class of every exception raised by :mod:`mayadeen_parse`."""


class PageDecodeError(MayadeenParseError, ValueError):
    """The input cannot be decoded or parsed as an HTML document at all.

    Raised for input of the wrong type, for compressed or binary data (a gzip
    stream, an image, a PDF) handed over instead of HTML, and when lxml refuses
    the document.

    Attributes:
        reason: A short machine-readable reason: ``"type"``, ``"binary"``,
            ``"compressed"``, ``"lxml"`` or ``"too-large"``.
    """

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class NotAnArticleError(MayadeenParseError, ValueError):
    """The page parsed, but it is not an article page.

    Raised by :func:`~mayadeen_parse.parse_article` for section indexes, the
    home page, pages the site itself labels ``type: page``, error documents and
    empty documents. The furniture helpers (``parse_breaking`` and friends)
    never raise it: they work on any page.

    Attributes:
        kind: What the page was recognised as (``"section"``, ``"home"``,
            ``"page"``, ``"empty"``, ``"unknown"``, ...).
        url: The page's URL when known, else ``None``.
    """

    def __init__(self, message: str, *, kind: str, url: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.url = url


class InputError(MayadeenParseError, ValueError):
    """A page could not be read from where it is stored.

    Raised by :func:`~mayadeen_parse.read_page_file` for a file that is
    missing, unreadable, not a regular file, too large, or a truncated or
    corrupt gzip stream; and given (not raised) by
    :func:`~mayadeen_parse.iter_warc` for a WARC record that is truncated,
    unresolvable or an HTTP error. The page itself was never looked at.

    Attributes:
        path: The file as given (a ``str``), or ``None`` for a file object
            without a name.
        reason: A short machine-readable reason: ``"missing"``,
            ``"unreadable"``, ``"not-a-file"``, ``"too-large"``,
            ``"truncated-gzip"``, ``"corrupt-gzip"`` for files; ``"truncated"``,
            ``"corrupt"``, ``"revisit-unresolved"``, ``"content-encoding"``,
            ``"http-status"`` for WARC records.
    """

    def __init__(self, message: str, *, path: str | None, reason: str) -> None:
        super().__init__(message)
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only arguments: the default reduction would call
        # InputError(message) and fail in the process that unpickles it.
        return functools.partial(InputError, path=self.path, reason=self.reason), (str(self),)


class MissingExtraError(MayadeenParseError, ImportError):
    """A feature needs an optional dependency that is not installed.

    The message names the ``pip install`` command that adds it, e.g.
    ``pip install 'mayadeen-parse[warc]'``.

    Attributes:
        extra: The name of the extra (``"warc"``).
    """

    def __init__(self, message: str, *, extra: str, name: str | None = None) -> None:
        super().__init__(message, name=name)
        self.extra = extra

    def __reduce__(self) -> tuple[Any, ...]:
        return functools.partial(MissingExtraError, extra=self.extra, name=self.name), (str(self),)
