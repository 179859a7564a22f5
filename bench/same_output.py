"""Check that a speed change changes no output, on far more pages than the goldens.

Usage (from the checkout root)::

    python bench/same_output.py write BASELINE.json   # on the commit before the change
    python bench/same_output.py check BASELINE.json   # on the changed code

The pages: every fixture page, the fuzzer's seeds (each block of each
fixture as a small page, the regression inputs, the hostile shapes of issue
14), the real homepage and the realistic page, and deterministic variants of
the real homepage and of the CMS reference page (every k-th element removed,
the classes of every k-th element dropped). For each page and each of three
base URLs (none, an English article URL, an Arabic one), what is recorded:
``parse_page``, ``parse_listing``, the four furniture helpers and
``inspect_page`` as JSON, or the exception's type and message. ``check``
prints every page whose record differs, with the first differing keys, and
exits 1 if any differs.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "fuzz"))

import make_seeds  # noqa: E402  (fuzz/make_seeds.py)

import mayadeen_parse as mp  # noqa: E402

_SHARED = ROOT.parent / "shared" / "site"
_URLS = (
    None,
    "https://english.almayadeen.net/news/politics/some-story",
    "https://www.almayadeen.net/news/politics/some-story",
)


def _variants(data: bytes, name: str, steps: tuple[int, ...]) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for k in steps:
        for mode in ("drop", "declass"):
            root = etree.fromstring(data, etree.HTMLParser())
            body = root.find("body")
            if body is None:
                continue
            for i, el in enumerate(list(body.iter())):
                if i % k or not isinstance(el.tag, str) or el is body:
                    continue
                if mode == "drop" and el.getparent() is not None:
                    el.getparent().remove(el)
                elif mode == "declass":
                    el.attrib.pop("class", None)
            out[f"{name}~{mode}{k}"] = etree.tostring(root, method="html", encoding="utf-8")
    return out


def pages() -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for i, data in enumerate(make_seeds.seeds()):
        found[f"seed{i:04d}-{hashlib.sha1(data).hexdigest()[:8]}"] = data
    homepage = _SHARED / "real" / "ar-homepage-2023-11-02.html"
    if homepage.exists():
        data = homepage.read_bytes()
        found["homepage"] = data
        found.update(_variants(data, "homepage", (3, 7, 13, 29)))
    cms = ROOT / "tests" / "fixtures" / "article" / "blinken-cms.html"
    found.update(_variants(cms.read_bytes(), "cms", (2, 3, 5, 11)))
    heavy = ROOT / "bench" / "make_heavy.py"
    if heavy.exists():
        sys.path.insert(0, str(heavy.parent))
        import make_heavy  # bench/make_heavy.py

        found["heavy"] = make_heavy.heavy_page(
            (ROOT / "tests" / "fixtures" / "article" / "blinken-2023-11-06.html").read_bytes()
        )
    return found


def _call(fn: Any, *args: Any) -> Any:
    try:
        result = fn(*args)
    except mp.MayadeenParseError as exc:
        return {"error": type(exc).__name__, "message": str(exc)}
    if isinstance(result, tuple):
        return mp.to_dict(list(result))
    return mp.to_dict(result)


def record(data: bytes, url: str | None) -> dict[str, Any]:
    try:
        page = mp.load_page(data, url=url)
    except mp.MayadeenParseError as exc:
        return {"load": {"error": type(exc).__name__, "message": str(exc)}}
    return {
        "page": _call(mp.parse_page, page),
        "listing": _call(mp.parse_listing, page),
        "breaking": _call(mp.parse_breaking, page),
        "most_read": _call(mp.parse_most_read, page),
        "related": _call(mp.parse_related, page),
        "read_next": _call(mp.parse_read_next, page),
        "report": _call(mp.inspect_page, mp.load_page(data, url=url)),
    }


def records() -> dict[str, Any]:
    out = {}
    for name, data in pages().items():
        for j, url in enumerate(_URLS):
            out[f"{name}@{j}"] = json.loads(json.dumps(record(data, url), sort_keys=True, default=str))
    return out


def _diff(a: Any, b: Any, path: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                out += _diff(a.get(key), b.get(key), f"{path}.{key}")
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        out = []
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                out += _diff(x, y, f"{path}[{i}]")
        return out
    return [f"{path}: {json.dumps(a, ensure_ascii=False)[:300]} -> {json.dumps(b, ensure_ascii=False)[:300]}"]


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("write", "check"):
        print(__doc__)
        return 2
    found = records()
    target = Path(argv[2])
    if argv[1] == "write":
        target.write_text(json.dumps(found, sort_keys=True, ensure_ascii=False))
        print(f"{len(found)} records written to {target}")
        return 0
    baseline = json.loads(target.read_text())
    bad = 0
    for key in sorted(set(baseline) | set(found)):
        if baseline.get(key) != found.get(key):
            bad += 1
            lines = _diff(baseline.get(key), found.get(key))
            print(f"DIFFERS {key}: {len(lines)} values")
            for line in lines[:5]:
                print("   ", line)
    print(f"{len(found)} records, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
