"""The one reader of the site's URL scheme (the tables are in :mod:`._site`).

``/news/<section>/<slug>``, ``/articles/<kind>/<slug>``,
``/videos/<kind>/<slug>`` are stories with a section; ``/infographs/<slug>``,
``/in-pictures/<slug>``... stories without one; ``/news/politics``,
``/videos/newsfeed``, ``/tags/gaza`` are indexes. What a path *is* (a story
or an index) comes from its depth; what it is *about* (its kind, its section)
from its first parts, at any depth: ``/videos/newsfeed`` is an index of
videos, so a page there is a video page, and no link to it is a story.
"""

from __future__ import annotations

from typing import NamedTuple

from . import _site

__all__ = ["SitePath", "read_path", "story_key", "url_path"]


class SitePath(NamedTuple):
    """What a path on the site says."""

    parts: tuple[str, ...]
    """The non-empty path segments, as given."""
    is_story: bool
    """A story page, not an index."""
    kind: _site.Kind | None
    """The post type the path implies."""
    section: str | None
    """The section name the path implies, as the site's menu writes it."""


def url_path(url: str | None) -> str | None:
    """The path (query and fragment cut) of an absolute URL; ``None`` without a host part."""
    if not url or "//" not in url:
        return None
    return url.split("//", 1)[1].partition("/")[2].split("?", 1)[0].split("#", 1)[0]


def read_path(path: str | None) -> SitePath:
    """Read a site path (``/news/politics/some-slug``).

    >>> read_path("/news/politics/some-slug")
    SitePath(parts=('news', 'politics', 'some-slug'), is_story=True, kind='news', section='Politics')
    >>> read_path("/videos/newsfeed")
    SitePath(parts=('videos', 'newsfeed'), is_story=False, kind='video', section=None)
    """
    parts = tuple(part for part in (path or "").split("/") if part)
    return SitePath(parts=parts, is_story=_is_story(parts), kind=_kind(parts), section=_section(parts))


def _is_story(parts: tuple[str, ...]) -> bool:
    if not parts:
        return False
    root = parts[0].lower()
    if root in _site.SECTIONED_ROOTS:
        if len(parts) == 2 and root in _site.SLUG_STORY_ROOTS:
            return parts[1].lower() not in _site.SLUG_STORY_ROOTS[root]
        return len(parts) >= 3
    if root in _site.STORY_ROOTS:
        return len(parts) >= 2
    if root in _site.INDEX_ROOTS:
        return False
    return len(parts) >= 3  # another host's story: deep enough


def _kind(parts: tuple[str, ...]) -> _site.Kind | None:
    if len(parts) >= 3 and parts[0] == "news":
        return "news"
    if len(parts) >= 3 and parts[0] == "articles":
        return _site.POST_TYPES.get(parts[1].lower())
    if len(parts) >= 2:
        return _site.ROOT_KINDS.get(parts[0])
    return None


def _section(parts: tuple[str, ...]) -> str | None:
    if len(parts) >= 3 and parts[0] in _site.SECTIONED_ROOTS:
        return _site.SECTIONS.get(parts[1].lower())
    return None


def story_key(url: str) -> str:
    """The key of a story URL: one story linked twice, once with a fragment
    or a trailing slash, is one story."""
    return url.split("#", 1)[0].rstrip("/")
