"""Placeholder: the trust report (issue 5) is built here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ._page import Page

__all__ = ["inspect_page", "summarize_cli"]


def inspect_page(page: Page) -> Any:
    raise NotImplementedError("inspect_page is not implemented yet")


def summarize_cli(paths: Iterator[str], args: Any, process: Callable[..., Any]) -> int:
    raise NotImplementedError("--report is not implemented yet")
