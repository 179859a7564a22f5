"""``import mayadeen_parse`` loads only what parsing needs (issue 16).

The trust report, JSON, schemas, WARC and file reading load on first use of
one of their names (module ``__getattr__``); every public name stays
importable from the package.
"""

from __future__ import annotations

import subprocess
import sys

import mayadeen_parse as mp

LAZY_MODULES = ("_report", "_report_model", "_serialize", "_schema", "_warc", "_http", "_files", "_cli")


def test_import_leaves_the_heavy_modules_unloaded() -> None:
    code = (
        "import sys, mayadeen_parse\n"
        f"loaded = [m for m in {LAZY_MODULES!r} if 'mayadeen_parse.' + m in sys.modules]\n"
        "assert not loaded, loaded\n"
        "assert 'importlib.metadata' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_public_name_is_importable() -> None:
    # (ruff's RUF022 keeps __all__ sorted.)
    assert set(mp.__all__) >= set(mp._LAZY)
    code = "from mayadeen_parse import " + ", ".join(mp.__all__)
    subprocess.run([sys.executable, "-c", code], check=True)
    for name in mp.__all__:
        assert getattr(mp, name) is not None
        assert name in dir(mp)


def test_lazy_names_are_the_modules_objects() -> None:
    from mayadeen_parse import _report, _warc

    assert mp.iter_warc is _warc.iter_warc
    assert mp.Report is _report.Report
    assert mp._schema.__name__ == "mayadeen_parse._schema"
