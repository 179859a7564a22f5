"""Write the fuzzer's seed corpus from the golden fixtures.

Usage: ``python fuzz/make_seeds.py fuzz/corpus-work``

Each fixture page goes in whole, and so does each block of it as a small page
of its own (the ``<head>`` with its JSON blocks, the ticker, the article, each
furniture box...): libFuzzer mutates small inputs much faster, and
``-max_len`` would cut a whole page to its ``<head>``. Existing files are kept,
so a working corpus can be topped up after new fixtures land.

Also written: small pages of the hostile shapes of issue 14 (``_hostile``),
each under the fuzzer's ``-max_len``, for libFuzzer to mutate from: codecs
that are not encodings, srcset shapes, lone-surrogate escapes, nested JSON
values, huge numbers, whitespace runs, JSON comments, repeated byline lines,
block headings and body containers.
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
    found.extend(_hostile())
    return found


def _hostile() -> list[bytes]:
    """Small pages of each hostile shape of issue 14 (under 4 KB each)."""
    head = '<!DOCTYPE html><html><head><meta charset="{charset}">{head}</head><body><article><h1>Headline</h1>{header}'
    tail = '<div class="p-content"><p>A paragraph long enough to count as the body.</p>{body}</div></article>{after}'

    def page(head_: str = "", header: str = "", body: str = "", after: str = "", charset: str = "utf-8") -> bytes:
        markup = head.format(charset=charset, head=head_, header=header) + tail.format(body=body, after=after)
        return (markup + "</body></html>").encode("utf-8", "surrogatepass")

    def site(text: str) -> str:
        return f'<script id="tawsiyat-metadata" type="application/json">{text}</script>'

    def ld(text: str) -> str:
        return f'<script type="application/ld+json">{text}</script>'

    s = "\\ud800"
    pages = [page(charset=label) for label in ("idna", "punycode", "undefined", "rot13", "base64", "utf-7", "hz")]
    pages += [page(body=f'<img srcset="{srcset}">') for srcset in (", /a.jpg 2x", ",", " ", "2x", "/a,b.jpg 1x")]
    pages += [
        page(head_=site(f'{{"title":"T{s}","url":"/news/a/b{s}","author":"A{s} and B","thumbnail":"/i{s}.jpg"}}')),
        page(head_=ld(f'{{"@type":"NewsArticle","headline":"H{s}","author":{{"name":"N","url":"/a{s}"}}}}')),
        page(head_=ld('{"@type":"NewsArticle","headline":"H","image":' + '{"url":' * 300 + '"x"' + "}" * 301)),
        page(head_=site('{"title":"T","word_count":' + '{"a":' * 300 + "1" + "}" * 301)),
        page(head_=site('{"title":"T","word_count":' + "9" * 400 + ',"postid":1e400,"video_duration":-1}')),
        page(head_="<title>" + " " * 1500 + "x | Al Mayadeen</title>"),
        page(head_='<meta name="author" content="' + " \t\n" * 400 + 'x">'),
        page(head_=site("{" + "/* " * 600 + "}")),
        page(head_=ld("{" + "\n" * 2000 + "// c\n}")),
        page(header="".join(f"<div>By Author {i}</div>" for i in range(100))),
        page(after="<div><h2>Most Read</h2><p>x</p></div>" * 60),
        page(after="<div><h3>Related News</h3><p>x</p></div>" * 60),
        page(body='<div class="p-content"><p>A paragraph in a sibling container.</p></div>' * 40),
        page(body='<div><img src="/a.jpg"></div>' * 80),
    ]
    return pages


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
