"""Beyond one process: results pickle, parse_page is pure, the recipes of
docs/scale.md run (the Dask one on a local cluster, when dask is installed)."""

from __future__ import annotations

import gzip
import importlib
import importlib.util
import json
import pickle
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import mayadeen_parse as mp
from tests.golden import fixture_id, html_fixtures, load_expected
from tests.recipe_loader import RECIPES
from tests.recipe_loader import recipe as _recipe


def _dask_recipe() -> ModuleType:
    """The Dask recipe, imported as the module ``dask_bag`` from docs/recipes.

    Worker processes must import a task's function to run it (a worker that
    cannot unpickle a task drops its connection, and the run hangs); they are
    spawned with this process's ``sys.path``, so this must run before the
    cluster starts.
    """
    pytest.importorskip("dask.bag")
    if str(RECIPES) not in sys.path:
        sys.path.insert(0, str(RECIPES))
    return importlib.import_module("dask_bag")


def _content(path: Path) -> mp.PageContent:
    inputs = load_expected(path).get("input", {})
    return mp.parse_page(mp.load_page(path.read_bytes(), url=inputs.get("url"), encoding=inputs.get("encoding")))


@pytest.mark.parametrize("path", html_fixtures(), ids=fixture_id)
def test_every_result_object_pickles(path: Path) -> None:
    """PageContent, Article, BreakingItem and Teaser survive a pickle round trip
    (what Dask, Spark and multiprocessing do to move them)."""
    content = _content(path)
    objects: list[Any] = [content, content.article, *content.breaking, *content.most_read]
    objects += [*content.related, *content.read_next]
    for obj in objects:
        for protocol in (2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL):
            copy = pickle.loads(pickle.dumps(obj, protocol=protocol))
            assert copy == obj
            assert type(copy) is type(obj)


def test_a_page_refuses_to_pickle() -> None:
    """A Page holds an lxml tree: ship bytes or results instead."""
    page = mp.load_page(b"<html><body><h1>x</h1></body></html>")
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(page)


def test_parse_page_is_pure() -> None:
    """Same bytes, same result: whatever was parsed before, in any thread."""
    pages = [p.read_bytes() for p in html_fixtures()]
    first = [mp.parse_page(data) for data in pages]
    again = [mp.parse_page(data) for data in reversed(pages)][::-1]
    assert again == first
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(mp.parse_page, pages * 3))
    assert threaded == first * 3


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    (folder / "2023").mkdir(parents=True)
    fixtures = html_fixtures()[:6]
    for path in fixtures[:-1]:
        shutil.copy(path, folder / path.name)
    last = fixtures[-1]
    (folder / "2023" / f"{last.name}.gz").write_bytes(gzip.compress(last.read_bytes()))
    (folder / "2023" / "broken.html").write_bytes(b"PK\x03\x04 a zip file")
    # A download cut short: the recipes used to abort the whole job here (EOFError).
    whole = gzip.compress(fixtures[0].read_bytes())
    (folder / "2023" / "cut.html.gz").write_bytes(whole[: len(whole) // 2])
    return folder


def _expected_records(folder: Path) -> dict[str, dict[str, Any]]:
    expected = {}
    for path in sorted(folder.rglob("*.html*")):
        data = path.read_bytes()
        try:
            data = gzip.decompress(data) if path.name.endswith(".gz") else data
        except EOFError:
            expected[str(path)] = {"path": str(path), "error": "InputError"}
            continue
        try:
            expected[str(path)] = {"path": str(path), **mp.to_dict(mp.parse_page(data))}
        except mp.PageDecodeError:
            expected[str(path)] = {"path": str(path), "error": "PageDecodeError"}
    return expected


def _check_errors(records: list[dict[str, Any]], expected: dict[str, dict[str, Any]]) -> None:
    errors = {r["path"]: r for r in records if "error" in r}
    assert sorted(Path(p).name for p in errors) == ["broken.html", "cut.html.gz"]
    (cut,) = [r for p, r in errors.items() if p.endswith("cut.html.gz")]
    assert cut["error"] == "InputError"
    assert "truncated gzip" in cut["message"]


def test_spark_partition_function(tmp_path: Path) -> None:
    """The function the Spark recipe gives to mapPartitions, on (path, bytes)
    pairs as ``binaryFiles`` yields them (Spark itself is not needed)."""
    spark = _recipe("spark")
    folder = _folder(tmp_path)
    files = [(str(p), p.read_bytes()) for p in sorted(folder.rglob("*.html*"))]
    records = [json.loads(line) for line in spark.parse_partition(iter(files))]
    expected = _expected_records(folder)
    assert [r["path"] for r in records] == list(expected)
    _check_errors(records, expected)
    for record in records:
        if "error" in record:
            assert record["error"] == expected[record["path"]]["error"]
        else:
            assert record == expected[record["path"]]


@pytest.fixture(scope="module")
def dask_client() -> Any:
    """A local cluster of two worker processes (distributed), else ``None``
    (then dask's multiprocessing scheduler is used)."""
    _dask_recipe()  # on sys.path before the workers are spawned
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        yield None
        return
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _compute(client: Any, collection: Any) -> Any:
    if client is None:
        return collection.compute(scheduler="processes")
    return client.compute(collection).result(timeout=120)  # never hang the suite


def test_dask_recipe_on_a_local_cluster(dask_client: Any, tmp_path: Path) -> None:
    import dask

    recipe = _dask_recipe()
    folder = _folder(tmp_path)
    expected = _expected_records(folder)
    records = recipe.page_records(str(folder), partition_size=2)
    assert records.npartitions > 1
    got = _compute(dask_client, records)
    with dask.config.set(scheduler=dask_client or "processes"):
        frame = recipe.articles_pandas(records)
    assert [r["path"] for r in got] == list(expected)
    _check_errors(got, expected)
    for record in got:
        if "error" in record:
            assert record["error"] == expected[record["path"]]["error"]
        else:
            assert record == expected[record["path"]]
    articles = [r for r in got if r.get("article")]
    assert list(frame["path"]) == [r["path"] for r in articles]
    assert list(frame["title"]) == [r["article"]["title"] for r in articles]
    assert str(frame["published"].dt.tz) == "UTC"


def test_dask_dataframe_recipe(dask_client: Any, tmp_path: Path) -> None:
    pytest.importorskip("dask.dataframe")

    recipe = _dask_recipe()
    folder = _folder(tmp_path)
    frame = _compute(dask_client, recipe.articles_frame(recipe.page_records(str(folder), partition_size=2)))
    titles = [r["article"]["title"] for r in _expected_records(folder).values() if r.get("article")]
    assert list(frame["title"]) == titles


def test_dask_warc_recipe(dask_client: Any, tmp_path: Path) -> None:
    """WARC files through the Dask recipe: one record per page of the site, the
    errors as error records, each with its WARC offset."""
    pytest.importorskip("warcio")
    from tests import warc_builder

    recipe = _dask_recipe()
    paths = []
    for compress in (True, False):
        data, _ = warc_builder.crawl(compress=compress)
        path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
        path.write_bytes(data)
        paths.append(str(path))
    paths.append(str(tmp_path / "missing.warc.gz"))
    got = _compute(dask_client, recipe.warc_records(paths))
    for path in paths[:2]:
        records = [r for r in got if r["path"] == path]
        assert [(r["warc_url"], "error" in r) for r in records] == [
            (url, kind != "page") for url, kind in warc_builder.EXPECTED
        ]
        offsets = [item.offset for item in mp.iter_warc(path)]
        assert [r["warc_offset"] for r in records] == offsets
    (missing,) = [r for r in got if r["path"] == paths[2]]
    assert missing["error"] == "InputError"
