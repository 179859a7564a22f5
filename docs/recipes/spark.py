"""Recipe: pages stored as files (local, HDFS, S3) → a Spark DataFrame."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator


def parse_partition(files: Iterable[tuple[str, bytes]]) -> Iterator[str]:
    """``(path, bytes)`` pairs → one JSON line per page, for ``mapPartitions``.

    The import is done once per partition, on the executor; ``parse_page`` is
    pure, so a retried task gives the same lines.
    """
    import mayadeen_parse as mp

    for path, data in files:
        if path.endswith(".gz"):
            data = gzip.decompress(data)
        try:
            record = {"path": path, **mp.to_dict(mp.parse_page(data))}
        except mp.MayadeenParseError as exc:
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
