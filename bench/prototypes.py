"""Prototype cuts of bench/PROFILE.md: monkeypatched, checked, timed.

Each prototype replaces one or a few library internals (never edits the
library), checks that ``parse_page`` gives the same result as the unpatched
library on every fixture, the realistic page and the real homepage, then
times ``bench.full`` unpatched and patched, alternating, on the CPU clock.

    python bench/prototypes.py [ROUNDS] [NAME-FRAGMENT ...]

It reaches into private functions of ``mayadeen_parse`` as they are after the
``_dom.py`` split (issue 11): ``_page._decode``, ``_page._index`` and
``Page.position``, ``_locate.class_index`` (was ``_dom._class_index``),
``_locate.Hint``, ``_locate.heading_nodes`` (was ``_dom._heading_nodes``),
``_header._readable`` and ``_header._title_by_text`` (the two sorts of the old
``_dom._best_title``), and the page's typed memo (``Page._memo``, one
``Slot`` each; the tag index is ``Page._tags`` / ``Page._order``). A patch
replaces a function wherever the package looks it up: in its module and in
every module that imported it by name (``from ._locate import
heading_nodes``). ``tests/test_bench.py`` applies each patch once, so a
rename breaks a test, not only this script. Negative results are kept on
purpose (P2, P5: libxml2 XPath is slower than the Python scans).
"""

import gc
import inspect
import statistics
import sys
import textwrap
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))
import lxml.etree as etree  # noqa: E402

import bench  # noqa: E402
import mayadeen_parse as mp  # noqa: E402
from mayadeen_parse import _header, _locate, _markup, _page, _site  # noqa: E402

clock = time.thread_time_ns
ORIG = {}
PLACES = {}
#: Where P3b and P3c keep each class-index element's position (the library
#: has no such slot: it sorts by ``Page.position``).
CLASS_POS = _page.Slot("class_pos", "prototype: container element -> its position among the indexed ones")


def bindings(owner, name):
    """Where a call to ``owner.name`` looks the function up: *owner*, and every
    module of the package holding the same object (imported by name)."""
    if (owner, name) not in PLACES:
        found = [(owner, name)]
        if inspect.ismodule(owner):
            original = ORIG.get((owner, name), getattr(owner, name))
            for module_name, module in list(sys.modules.items()):
                if module_name == "mayadeen_parse" or module_name.startswith("mayadeen_parse."):
                    found += [(module, a) for a, v in vars(module).items() if v is original and module is not owner]
        PLACES[(owner, name)] = found
    return PLACES[(owner, name)]


# --- P2: class index in one XPath (C-level), tokens checked on the matches only
def make_lean_class_index():
    keys = _locate.INDEX_KEYS
    tags = _site.HINT_TAGS
    conds = []
    for attr, token in sorted(keys):
        if attr == "id":
            conds.append(f"@id='{token}'")
        else:
            conds.append(f"contains(@{attr},'{token}')")
    xp = etree.XPath("//*[" + " or ".join(f"self::{t}" for t in tags) + "][" + " or ".join(conds) + "]")

    def class_index(page):
        cached = page._memo.get(_locate.CLASS_INDEX)
        if cached is not None:
            return cached
        index = {}
        for el in xp(page.root):
            for attr in ("class", "id", "itemprop"):
                value = el.get(attr)
                if value:
                    for token in (value,) if attr == "id" else value.split():
                        if (attr, token) in keys:
                            index.setdefault((attr, token), []).append(el)
        return page._memo.put(_locate.CLASS_INDEX, index)  # XPath returns document order

    return class_index


# --- P2b: Hint.__call__ without page.position when lists come from one ordered pass
def hint_call(self, page, context=None):
    index = _locate.class_index(page)
    found = {}
    lists = [index.get((attr, token), ()) for tag, attr, token in self.parts]
    for (tag, _attr, _token), els in zip(self.parts, lists, strict=False):
        for el in els:
            if tag is None or el.tag == tag:
                found[el] = None
    result = list(found)
    if sum(1 for found_list in lists if found_list) > 1:
        order = {el: i for i, el in enumerate(page.root.iter())}  # rare: several tokens present
        result.sort(key=order.__getitem__)
    if context is not None and context is not page.root:
        result = [el for el in result if el is context or _markup.inside(el, {context})]
    return result


# --- P3: tag index without the order dict (position computed only if asked)
def index_no_order(page):
    index = {tag: [] for tag in _page.INDEXED_TAGS}
    for el in page.root.iter(*_page.INDEXED_TAGS):
        index[el.tag].append(el)
    page._tags = index  # page._order stays empty: position_lazy fills it
    return index


def position_lazy(self, el):
    order = self._order
    if not order:
        order = self._order = {e: i for i, e in enumerate(self.root.iter(*_page.INDEXED_TAGS))}
    return order[el]


# --- P5: heading walk via XPath
def make_heading_nodes_xpath():
    texts = sorted(_locate.HEADING_KIND)
    up = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    lo = up.lower()
    banned = "|".join(f"ancestor::{t}" for t in sorted(_locate.NO_HEADINGS))
    cond = " or ".join(f"translate(normalize-space(.),'{up}','{lo}')='{t}'" for t in texts)
    xp = etree.XPath(f"//body//text()[string-length(.) < 80][{cond}][not({banned})]")

    def heading_nodes(page, kinds=None):
        # Every block's headings, whatever *kinds* asks (the callers keep the
        # kinds they asked for); the memo slot is keyed by the kinds walked.
        walked = page._memo.setdefault(_locate.HEADING_NODES, {})
        cached = walked.get(None)
        if cached is not None:
            return cached
        found = []
        for t in xp(page.root):
            parent = t.getparent()
            is_tail = bool(t.is_tail)
            if is_tail and (not isinstance(parent.tag, str) or parent.tag in _locate.NO_HEADINGS):
                pass
            key = " ".join(str(t).split()).lower()
            found.append((parent, is_tail, key))
        walked[None] = found
        return found

    return heading_nodes


def fixtures():
    root = BENCH.parent / "tests" / "fixtures"
    pages = [p.read_bytes() for p in sorted(root.glob("*/*.html"))]
    ref = bench.REFERENCE.read_bytes()
    pages += [bench.heavy_page(ref), bench.homepage().read_bytes()]
    return pages


def outputs(pages):
    out = []
    for d in pages:
        try:
            out.append(mp.parse_page(d))
        except Exception as e:
            out.append(type(e).__name__)
    return out


def timeit(data, rounds):
    s = []
    gc.collect()
    for _ in range(rounds):
        t = clock()
        bench.full(data)
        s.append(clock() - t)
    return statistics.median(s) / 1e6


def edited(owner, name, *pairs):
    """A copy of owner.name with source replacements, compiled in owner's globals."""
    fn = getattr(owner, name)
    ORIG.setdefault((owner, name), fn)
    src = textwrap.dedent(inspect.getsource(ORIG[(owner, name)]))
    for old, new in pairs:
        assert old in src, (name, old)
        src = src.replace(old, new)
    ns = dict(vars(owner) if inspect.ismodule(owner) else vars(sys.modules[fn.__module__]))
    exec(compile(src, f"<proto {name}>", "exec"), ns)
    return ns[name]


PATCHES = {}


# P1 (no Python UTF-8 check; libxml2 logs ERR_INVALID_ENCODING) is in the
# library since issue 16's cut 1 (``_page._parse``): nothing left to patch.


def p2():
    return [(_locate, "class_index", make_lean_class_index()), (_locate.Hint, "__call__", hint_call)]


PATCHES["P2 class index: one XPath, tokens checked on matches"] = p2


def p3():
    return [(_page, "_index", index_no_order), (_page.Page, "position", position_lazy)]


PATCHES["P3 tag index without the order dict"] = p3


def p5():
    return [(_locate, "heading_nodes", make_heading_nodes_xpath())]


PATCHES["P5 heading walk as one XPath"] = p5


def apply(patches):
    for owner, name, new in patches:
        for where, attr in bindings(owner, name):
            ORIG.setdefault((where, attr), getattr(where, attr))
            setattr(where, attr, new)


def restore(patches):
    for owner, name, _ in patches:
        for where, attr in bindings(owner, name):
            setattr(where, attr, ORIG[(where, attr)])


def compare(name, patches, pages, timed, rounds):
    base_out = outputs(pages)
    apply(patches)
    new_out = outputs(pages)
    restore(patches)
    same = [a == b for a, b in zip(base_out, new_out, strict=False)]
    line = f"{name}: identical output on {sum(same)}/{len(same)} pages"
    for label, data in timed.items():
        b, n = [], []
        for i in range(rounds):
            for mode in (0, 1) if i % 2 else (1, 0):
                if mode:
                    apply(patches)
                t = clock()
                bench.full(data)
                dt = clock() - t
                if mode:
                    restore(patches)
                (n if mode else b).append(dt)
        mb, mn = statistics.median(b) / 1e6, statistics.median(n) / 1e6
        line += f"\n    {label}: {mb:.3f} -> {mn:.3f} ms (saves {mb - mn:.3f} ms)"
    return line, same


def _main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    only = sys.argv[2:]
    pages = fixtures()
    ref = bench.REFERENCE.read_bytes()
    timed = {"reference": ref, "realistic": bench.heavy_page(ref), "homepage": bench.homepage().read_bytes()}
    combined = []
    for name, make in PATCHES.items():
        if only and not any(o in name for o in only):
            continue
        patches = make()
        combined += patches
        line, _same = compare(name, patches, pages, timed, rounds)
        print(line, flush=True)
    line, _same = compare("ALL of the above together", combined, pages, timed, rounds)
    print(line)


def class_index_onepass(page):
    cached = page._memo.get(_locate.CLASS_INDEX)
    if cached is not None:
        return cached
    index = {}
    pos = {}
    keys = _locate.INDEX_KEYS
    for el in page.root.iter(*_site.HINT_TAGS):  # document order: no sort
        for attr in ("class", "id", "itemprop"):
            value = el.get(attr)
            if value:
                for token in (value,) if attr == "id" else value.split():
                    if (attr, token) in keys:
                        index.setdefault((attr, token), []).append(el)
                        pos.setdefault(el, len(pos))
    page._memo.put(CLASS_POS, pos)
    return page._memo.put(_locate.CLASS_INDEX, index)


def hint_call_pos(self, page, context=None):
    index = _locate.class_index(page)
    found = {}
    for tag, attr, token in self.parts:
        for el in index.get((attr, token), ()):
            if tag is None or el.tag == tag:
                found[el] = None
    result = sorted(found, key=page._memo.get(CLASS_POS).__getitem__) if len(self.parts) > 1 else list(found)
    if context is not None and context is not page.root:
        result = [el for el in result if el is context or _markup.inside(el, {context})]
    return result


def p3b():
    # The two sorts of the old _dom._best_title, now in _header's helpers.
    readable = edited(
        _header,
        "_readable",
        ("sorted((h for tag in tags for h in page.elements(tag)), key=page.position)", "page.root.iter(*tags)"),
    )
    by_text = edited(
        _header,
        "_title_by_text",
        (
            'sorted((el for tag in ("div", "span", "p") for el in page.elements(tag)), key=page.position)',
            'page.root.iter("div", "span", "p")',
        ),
    )
    return [
        (_page, "_index", index_no_order),
        (_page.Page, "position", position_lazy),
        (_locate, "class_index", class_index_onepass),
        (_locate.Hint, "__call__", hint_call_pos),
        (_header, "_readable", readable),
        (_header, "_title_by_text", by_text),
    ]


PATCHES["P3b no order dict: class index in one document-order pass, no sorts"] = p3b


def index_and_classes(page):
    """One pass: the tag lists and the class index together, no order dict."""
    tags = _page.INDEXED_TAGS
    hint_tags = frozenset(_site.HINT_TAGS)
    keys = _locate.INDEX_KEYS
    index = {tag: [] for tag in tags}
    cindex = {}
    pos = {}
    for el in page.root.iter(*tags):
        tag = el.tag
        index[tag].append(el)
        if tag in hint_tags:
            value = el.get("class")
            if value:
                for token in value.split():
                    if ("class", token) in keys:
                        cindex.setdefault(("class", token), []).append(el)
                        pos.setdefault(el, len(pos))
            value = el.get("id")
            if value and ("id", value) in keys:
                cindex.setdefault(("id", value), []).append(el)
                pos.setdefault(el, len(pos))
            value = el.get("itemprop")
            if value:
                for token in value.split():
                    if ("itemprop", token) in keys:
                        cindex.setdefault(("itemprop", token), []).append(el)
                        pos.setdefault(el, len(pos))
    page._tags = index  # page._order stays empty: position_lazy fills it
    page._memo.put(_locate.CLASS_INDEX, cindex)
    page._memo.put(CLASS_POS, pos)
    return index


def class_index_from_cache(page):
    if page._memo.get(_locate.CLASS_INDEX) is None:
        page.elements("body")
    return page._memo.get(_locate.CLASS_INDEX)


def p3c():
    # The two sorts of the old _dom._best_title, now in _header's helpers.
    readable = edited(
        _header,
        "_readable",
        ("sorted((h for tag in tags for h in page.elements(tag)), key=page.position)", "page.root.iter(*tags)"),
    )
    by_text = edited(
        _header,
        "_title_by_text",
        (
            'sorted((el for tag in ("div", "span", "p") for el in page.elements(tag)), key=page.position)',
            'page.root.iter("div", "span", "p")',
        ),
    )
    return [
        (_page, "_index", index_and_classes),
        (_page.Page, "position", position_lazy),
        (_locate, "class_index", class_index_from_cache),
        (_locate.Hint, "__call__", hint_call_pos),
        (_header, "_readable", readable),
        (_header, "_title_by_text", by_text),
    ]


PATCHES["P3c one pass for tag lists + class index, no order dict, no sorts"] = p3c

if __name__ == "__main__":
    _main()
