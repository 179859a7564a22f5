"""Sphinx extension: the parts of the docs that are generated from the code.

``{cli-help}``
    the command line's ``--help`` text, from the argument parser itself.

``{field-table} <Record>``
    the field reference table of one record. In a MyST page::

    ```{field-table} Article
    ```

    ```{field-table} BreakingItem
    :example: BreakingItem(text="...")

    text: the item's visible text
    url: the first link in the item
    ```

    renders one row per attrs field of the record, in field order:

- **Field** and **Type**: from the attrs class and its annotations;
- **Meaning**: the docstring under the field in ``mayadeen_parse/_model.py``,
  less its ``Sources: ...`` sentence (the next column says it exactly);
- **Source order**: for ``Article``, the sources of the field in
  ``mayadeen_parse._parse.FIELDS``, best first, exactly as the parser tries
  them; for the other records, the directive's content (one ``field: text``
  line per field; a missing or unknown field is a build warning, so an error
  under ``-W``);
- **Example**: the value on the shipped example page
  ``examples/blinken-2023-11-06.html``, as :func:`mayadeen_parse.to_dict`
  gives it, or the value of the ``:example:`` option (a Python expression
  evaluated with the names of :mod:`mayadeen_parse`) for records that page
  does not have.

Nothing in these tables is copied by hand from the code, so they cannot drift
from it; ``tests/test_docs.py`` checks the built page against ``FIELDS``.
"""

from __future__ import annotations

import json
import os
import re
import sys
import typing
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

import mayadeen_parse as mp
from mayadeen_parse import _serialize
from mayadeen_parse._parse import FIELDS
from tools.modelinfo import RECORDS, field_docs, field_hints, type_label

EXAMPLE_PAGE = Path(__file__).resolve().parents[2] / "examples" / "blinken-2023-11-06.html"
EXAMPLE_WIDTH = 72

_RECORDS = {cls.__name__: cls for cls in RECORDS}
# "Sources: tawsiyat ``url``, ... argument." — the Source order column says it.
_SOURCES_SENTENCE_RE = re.compile(r"\s*Sources:\s.*?\.(?=\s|$)", re.S)
# RST inline markup in the model's docstrings → MyST.
_ROLE_RE = re.compile(r":(?:py:)?(class|func|attr|meth|data|mod|exc):`([^`]+)`")
_LITERAL_RE = re.compile(r"``(.+?)``")


@cache
def _example_page() -> mp.PageContent:
    return mp.parse_page(EXAMPLE_PAGE.read_bytes())


def _first(items: Any, cls: type) -> Any:
    return next((item for item in items if isinstance(item, cls)), None)


def _page_example(name: str) -> Any:
    """The record of class *name* as found on the example page, or ``None``."""
    content = _example_page()
    article = content.article
    assert article is not None, f"{EXAMPLE_PAGE} is no longer an article page"
    paragraphs = [b for b in article.body if isinstance(b, mp.Paragraph)]
    found = {
        "Article": article,
        "PageContent": content,
        "Author": article.authors[0] if article.authors else None,
        "Image": article.lead_image,
        "Tag": article.tags[0] if article.tags else None,
        "Link": article.see_also[0] if article.see_also else None,
        "Paragraph": next((p for p in paragraphs if p.links), paragraphs[0] if paragraphs else None),
        "Heading": _first(article.body, mp.Heading),
        "Embed": _first(article.body, mp.Embed),
        "Figure": _first(article.body, mp.Figure),
        "Quote": _first(article.body, mp.Quote),
        "ListBlock": _first(article.body, mp.ListBlock),
        "Teaser": content.most_read[0] if content.most_read else None,
        "BreakingItem": next((b for b in content.breaking if b.attribution), None),
    }
    return found.get(name)


def rst_to_myst(text: str) -> str:
    """The RST inline markup of a docstring, spelt in MyST Markdown.

    >>> rst_to_myst("Same as :func:`mayadeen_parse.parse_related`; ``None`` if absent.")
    'Same as {py:func}`mayadeen_parse.parse_related`; `None` if absent.'
    """
    text = _ROLE_RE.sub(lambda m: "{py:" + m[1] + "}`" + m[2] + "`", text)
    return _LITERAL_RE.sub(lambda m: _code(m[1]), text)


def _code(text: str) -> str:
    """A Markdown code span holding *text* exactly."""
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def meaning(doc: str) -> str:
    """A field's docstring without its ``Sources:`` sentence, on one line."""
    text = _SOURCES_SENTENCE_RE.sub("", doc).strip()
    return " ".join(rst_to_myst(text).split())


def example_json(value: Any) -> str:
    """A JSON rendering of *value* cut to :data:`EXAMPLE_WIDTH` characters."""
    text = json.dumps(mp.to_dict(value) if attrs.has(type(value)) else _plain(value), ensure_ascii=False)
    return text if len(text) <= EXAMPLE_WIDTH else text[: EXAMPLE_WIDTH - 1] + "…"


def _plain(value: Any) -> Any:
    # to_dict() takes records (and sequences of records) only; a field value
    # may be a tuple of strings, a date...: the serializer's own converter.
    return _serialize._plain(value)


def source_order(field: str) -> str:
    """The sources of an ``Article`` field, best first, from ``FIELDS``."""
    return " → ".join(_code(source.name) for source in FIELDS[field])


class FieldTable(SphinxDirective):
    """``{field-table} <Record>``: the reference table of one record."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"example": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        cls = _RECORDS.get(name)
        if cls is None:
            raise self.error(f"field-table: {name!r} is not a public record ({', '.join(_RECORDS)})")
        docs, hints = field_docs(cls), field_hints(cls)
        sources = self._sources(cls, list(hints))
        example = self._example(name)
        rows = ["* - Field", "  - Type", "  - Meaning", "  - Source order", "  - Example"]
        for field, hint in hints.items():
            if not docs[field]:
                self._warn(f"{name}.{field} has no docstring in mayadeen_parse/_model.py")
            value = example_json(getattr(example, field)) if example is not None else "—"
            rows += [
                f"* - (field-{name.lower()}-{field.replace('_', '-')})=\n    `{field}`",
                f"  - {_code(type_label(hint))}",
                f"  - {meaning(docs[field]) or '—'}",
                f"  - {sources[field]}",
                f"  - {_code(value) if example is not None else value}",
            ]
        text = [
            "```{list-table}",
            ":header-rows: 1",
            ":widths: 14 16 36 22 22",
            f":name: table-{name.lower()}",
            "",
            *rows,
            "```",
        ]
        container = nodes.container(classes=["field-table"])
        self.state.nested_parse(StringList(text, source=f"<field-table {name}>"), self.content_offset, container)
        return [container]

    def _sources(self, cls: type, names: list[str]) -> dict[str, str]:
        if cls is mp.Article:
            if self.content:
                self._warn("field-table Article takes its sources from FIELDS: remove the content")
            if set(FIELDS) != set(names):
                self._warn(f"FIELDS and Article disagree: {sorted(set(FIELDS) ^ set(names))}")
            return {name: source_order(name) if name in FIELDS else "—" for name in names}
        given: dict[str, str] = {}
        for line in self.content:
            if not line.strip():
                continue
            field, sep, text = line.partition(":")
            field = field.strip()
            if not sep or field not in names:
                self._warn(f"field-table {cls.__name__}: {line!r} is not 'field: source' for a field of the record")
                continue
            given[field] = " ".join((given.get(field, "") + " " + text).split())
        for name in names:
            if name not in given:
                self._warn(f"field-table {cls.__name__}: no source line for the field {name!r}")
        return {name: given.get(name, "—") for name in names}

    def _example(self, name: str) -> Any:
        expression = self.options.get("example")
        if expression is None:
            example = _page_example(name)
            if example is None:
                self._warn(f"field-table {name}: the example page has none; give an :example: expression")
            return example
        namespace = {n: getattr(mp, n) for n in mp.__all__}
        namespace["datetime"] = __import__("datetime")
        try:
            return eval(expression, namespace)  # trusted: the docs' own text
        except Exception as exc:
            raise self.error(f"field-table {name}: bad :example: {expression!r}: {exc}") from exc

    def _warn(self, message: str) -> None:
        from sphinx.util import logging

        logging.getLogger(__name__).warning(message, location=self.get_location())


class CliHelp(SphinxDirective):
    """``{cli-help}``: ``mayadeen-parse --help``, as the installed parser prints it."""

    def run(self) -> list[nodes.Node]:
        from mayadeen_parse._cli import _parser

        saved = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = "88"  # argparse wraps to the terminal width
        try:
            text = _parser().format_help()
        finally:
            if saved is None:
                del os.environ["COLUMNS"]
            else:
                os.environ["COLUMNS"] = saved
        block = nodes.literal_block(text, text, language="text")
        return [block]


class PublicData(SphinxDirective):
    """``{public-data}``: every name of ``mayadeen_parse.__all__`` that is data.

    ``automodule`` documents only the data defined in the module itself, and
    the facade defines none: it re-exports constants and type aliases from the
    private modules. This lists them with the doc comment (``#:``) or the
    docstring they have where they are defined.
    """

    def run(self) -> list[nodes.Node]:
        import inspect

        from sphinx.pycode import ModuleAnalyzer

        docs: dict[str, str] = {}
        for module in sorted(m for m in sys.modules if m.startswith("mayadeen_parse._")):
            for (namespace, name), lines in ModuleAnalyzer.for_module(module).find_attr_docs().items():
                if not namespace:
                    docs.setdefault(name, " ".join(" ".join(lines).split()))
        docs.setdefault(
            "__version__",
            "The installed version of the package, from its metadata"
            " (``0+unknown`` when run from a source tree that is not installed).",
        )
        text: list[str] = []
        for name in mp.__all__:
            value = getattr(mp, name)
            if inspect.isclass(value) or inspect.isroutine(value) or inspect.ismodule(value):
                continue
            shown = " | ".join(a.__name__ for a in typing.get_args(value)) if typing.get_args(value) else repr(value)
            text += [
                f"```{{py:data}} {name}",
                ":module: mayadeen_parse",
                f":value: {shown}",
                "",
                rst_to_myst(docs.get(name, "")),
                "```",
                "",
            ]
        container = nodes.container()
        self.state.nested_parse(StringList(text, source="<public-data>"), self.content_offset, container)
        return container.children


def _napoleon_for_callables_only(app: Sphinx) -> None:
    """Keep napoleon off the docstrings of attributes and data.

    Napoleon reads an attribute docstring's first line as ``type: text``, so
    ``"Canonical absolute URL. Sources: tawsiyat url, ..."`` would come out as
    a *type* "Canonical absolute URL. Sources". The model's field docstrings
    are plain prose: only functions, classes and modules use Google sections
    (``Args:``, ``Raises:``, ``Attributes:``).
    """
    from sphinx.ext import napoleon

    for listener in list(app.events.listeners.get("autodoc-process-docstring", [])):
        if listener.handler is napoleon._process_docstring:
            app.disconnect(listener.id)

            def process(app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
                if what not in ("attribute", "data", "property"):
                    napoleon._process_docstring(app, what, name, obj, options, lines)

            app.connect("autodoc-process-docstring", process, priority=listener.priority)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("sphinx.ext.napoleon")
    _napoleon_for_callables_only(app)
    app.add_directive("field-table", FieldTable)
    app.add_directive("cli-help", CliHelp)
    app.add_directive("public-data", PublicData)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
