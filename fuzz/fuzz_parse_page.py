"""Coverage-guided fuzzing of ``load_page``, ``parse_page``, ``parse_article``, ``inspect_page``.

The contract under test (docs/guarantees.md, point 1): any input yields a
result or a :class:`mayadeen_parse.MayadeenParseError` subclass. Anything else
(another exception type, a hang past ``-timeout``, a crash of the process) is a
finding that libFuzzer saves as ``crash-<sha1>`` / ``timeout-<sha1>``. So is
a JSON result that cannot be written as UTF-8 (a lone surrogate in a
returned string), and an ``inspect_page`` that raises (issue 14: its report
walks raw JSON values that ``parse_page`` never reads).

How an input is used, picked by its length so that the seed files stay plain
HTML (see fuzz/README.md for the command line):

- ``len % 3 == 0``: the bytes as fetched, no ``encoding`` argument;
- ``len % 3 == 1``: a ``str``, decoded as UTF-8 with ``surrogateescape`` (so
  lone surrogates reach the library, as they can from a careless caller);
- ``len % 3 == 2``: the bytes with an ``encoding`` argument (the HTTP
  ``Content-Type`` charset) and a ``url`` chosen by the last byte.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["mayadeen_parse"]):
    import mayadeen_parse as mp

# Charset labels a Content-Type header may carry: good ones, aliases browsers
# remap, a UTF-16 claim, and labels that are not text encodings at all.
_ENCODINGS = (
    "utf-8",
    "windows-1252",
    "windows-1256",
    "iso-8859-6",
    "utf-16",
    "utf-16be",
    "shift_jis",
    "latin1",
    "base64",
    "rot13",
    "no-such-charset",
    "",
    # Python codecs a browser refuses; each raised before issue 14.
    "idna",
    "punycode",
    "undefined",
    "utf-7",
    "unicode_escape",
    "x-user-defined",
)
_URLS = (
    None,
    "https://english.almayadeen.net/news/politics/some-story",
    "http://[::1",
    "file:///etc/passwd",
    "relative/path",
    "https://english.almayadeen.net/news/a\ud800b",  # a lone surrogate in the argument
)


def test_one_input(data: bytes) -> None:
    mode = len(data) % 3
    try:
        if mode == 1:
            page = mp.load_page(data.decode("utf-8", "surrogateescape"))
        elif mode == 2:
            last = data[-1]
            page = mp.load_page(data, encoding=_ENCODINGS[last % len(_ENCODINGS)], url=_URLS[(last >> 4) % len(_URLS)])
        else:
            page = mp.load_page(data)
    except mp.PageDecodeError:
        return  # refused with the library's own error: allowed
    # Once a page is loaded nothing may raise: parse_page never raises
    # NotAnArticleError, and serialization works on whatever came out.
    content = mp.parse_page(page)
    mp.to_json(content).encode("utf-8")
    mp.to_json(mp.parse_breaking(page)).encode("utf-8")
    mp.to_json(mp.inspect_page(page)).encode("utf-8")
    try:
        article = mp.parse_article(page)
    except mp.MayadeenParseError:
        return
    if mp.from_dict(mp.Article, mp.to_dict(article)) != article:
        raise AssertionError("from_dict(Article, to_dict(a)) != a")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
