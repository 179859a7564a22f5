"""Recipe: pages stored as files (local, HDFS, S3) → a Spark DataFrame."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator


def parse_partition(files: Iterable[tuple[str, bytes]]) -> Iterator[str]:
    """``(path, bytes)`` pairs → one JSON line per page, for ``mapPartitions``.

    The import is done once per partition, on the executor; ``parse_page`` is
    pure, so a retried task gives the same lines. A file that cannot be read
    (a truncated ``.gz``) or is not a page gives an error line, and the
    partition goes on.
    """
    import mayadeen_parse as mp

    for path, data in files:
        try:
            # read_page_file takes the bytes binaryFiles already read as a file
            # object: gunzipped when gzip, bounded, InputError when broken.
            record = {"path": path, **mp.to_dict(mp.parse_page(mp.read_page_file(io.BytesIO(data))))}
        except mp.MayadeenParseError as exc:  # InputError, PageDecodeError
            record = {"path": path, "error": type(exc).__name__, "message": str(exc)}
        yield json.dumps(record, ensure_ascii=False)


def main(pages: str, output: str) -> None:
    """``spark-submit spark.py 'hdfs:///crawl/almayadeen/*/*.html*' out/``"""
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("mayadeen_parse").getOrCreate()
    files = spark.sparkContext.binaryFiles(pages)  # (path, whole file bytes)
    lines = files.mapPartitions(parse_partition)
    frame = spark.read.json(lines)  # the schema is inferred from the records
    articles = frame.where(frame.article.isNotNull()).select(
        "path",
        "article.url",
        "article.title",
        "article.section",
        "article.published",
        "article.authors.name",
    )
    articles.write.mode("overwrite").parquet(output)
    spark.stop()


if __name__ == "__main__":
    import sys

    main(sys.argv[1], sys.argv[2])
