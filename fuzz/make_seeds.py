"""Write the fuzzer's seed corpus from the golden fixtures.

Usage: ``python fuzz/make_seeds.py fuzz/corpus-work``

Each fixture page goes in whole, and so does each block of it as a small page
of its own (the ``<head>`` with its JSON blocks, the ticker, the article, each
furniture box...): libFuzzer mutates small inputs much faster, and
``-max_len`` would cut a whole page to its ``<head>``. Existing files are kept,
so a working corpus can be topped up after new fixtures land.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
REGRESSIONS = FIXTURES / "regressions"

# Blocks of the reference page worth a seed of their own, by tag.
_BLOCK_TAGS = ("head", "header", "article", "aside", "section", "div", "ul", "blockquote", "figure", "footer")
_MIN, _MAX = 120, 8000


def _fragments(data: bytes) -> list[bytes]:
    root = etree.fromstring(data, etree.HTMLParser(encoding=None, no_network=True))
    if root is None:
        return []
    out = []
    for el in root.iter(*_BLOCK_TAGS):
        markup = etree.tostring(el, method="html", encoding="utf-8")
        if not _MIN <= len(markup) <= _MAX:
            continue
        if el.tag == "head":
            out.append(b"<!DOCTYPE html><html>" + markup + b"<body><h1>Title</h1></body></html>")
        else:
            out.append(b'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' + markup + b"</body></html>")
    return out


def seeds() -> list[bytes]:
    found: list[bytes] = []
    for path in sorted(FIXTURES.glob("*/*.html")):
        data = path.read_bytes()
        found.append(data)
        found.extend(_fragments(data))
    found.extend(path.read_bytes() for path in sorted(REGRESSIONS.glob("*.input")))
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    target = Path(argv[1])
    target.mkdir(parents=True, exist_ok=True)
    written = 0
    for data in seeds():
        path = target / hashlib.sha1(data).hexdigest()
        if not path.exists():
            path.write_bytes(data)
            written += 1
    print(f"{written} new seed files in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
