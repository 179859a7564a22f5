"""The typed page memo: what has been computed about one page, once.

The lowest layer with :mod:`mayadeen_parse._site`: every stage that keeps a
result on a :class:`~mayadeen_parse._page.Page` declares its :class:`Slot`
at module level, beside its code, and imports this module
only, so that a stage never needs the page module for its memo.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

__all__ = ["PageMemo", "Slot"]

T = TypeVar("T")


class Slot(Generic[T]):
    """One named, typed entry of a :class:`PageMemo`.

    Each stage declares the slots it fills at module level, next to the code
    that fills them, so ``grep Slot(`` lists every stage's memo and the type
    of what it keeps. The stages, in the order they run on a page:

    ============================  =======================================
    ``_metadata.METADATA``        tawsiyat, JSON-LD and meta facts
    ``_page.EDITION``             the edition (host, site JSON, ``lang``)
    ``_locate.CLASS_INDEX``       class hints → elements (one scan)
    ``_locate.INDEX_POSITIONS``   the page order of those elements
    ``_locate.HEADING_NODES``     block heading text nodes, by kinds walked
    ``_furniture.FURNITURE``      every page block located and read
    ``_article.ARTICLE_MARKUP``   the article's parts located and read
    ``_parse.RESOLVED``           each field's winning value
    ``_parse.ARTICLE``            the assembled :class:`Article`
    ============================  =======================================
    """

    __slots__ = ("doc", "name")

    def __init__(self, name: str, doc: str) -> None:
        self.name = name
        self.doc = doc

    def __repr__(self) -> str:
        return f"Slot({self.name!r})"


class PageMemo:
    """What has been computed about one page, one :class:`Slot` each.

    A stage reads an earlier stage's result through the function that
    computes it (``furniture(page)``), never through the memo directly; the
    memo only makes "at most once per page" hold.
    """

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[Slot[Any], Any] = {}

    def get(self, slot: Slot[T]) -> T | None:
        """The value kept in *slot*, or ``None`` when not computed yet."""
        value: T | None = self._values.get(slot)
        return value

    def put(self, slot: Slot[T], value: T) -> T:
        """Keep *value* in *slot* and return it."""
        self._values[slot] = value
        return value

    def setdefault(self, slot: Slot[T], value: T) -> T:
        """The value in *slot*, kept as *value* when there is none yet."""
        found: T = self._values.setdefault(slot, value)
        return found
