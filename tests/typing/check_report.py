"""Checked by mypy (``files`` in pyproject.toml), never run by pytest.

It pins the trust report's public types.
"""

import mayadeen_parse as mp

report: mp.Report = mp.inspect_page(b"<html></html>", url="https://english.almayadeen.net/")
again: mp.Report = mp.inspect_page(mp.load_page("<html></html>"))
kind: str = report.kind
status: str = report.status
missing: tuple[mp.MissingField, ...] = report.missing
for item in report.provenance:
    source: str | None = item.source
    raw: str | int | float | bool | None = item.raw
    alternatives: tuple[str, ...] = item.alternatives
    rejected: tuple[mp.SourceValue, ...] = item.rejected
for disagreement in report.disagreements:
    used: str | None = disagreement.used
    dissenting: tuple[str, ...] = disagreement.dissenting
for block in report.layout:
    found: bool = block.found
    fallback: bool = block.fallback
    anchor: str = block.anchor
    items: int | None = block.items
structured: tuple[mp.StructuredSource, ...] = report.sources
as_dict: dict[str, object] = mp.to_dict(report)
rebuilt: mp.Report = mp.from_dict(mp.Report, as_dict)
