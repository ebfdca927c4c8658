"""`spark-ingest`: the same analysis as ``ingest`` on a Spark cluster, written as Parquet tables.

1. The driver expands directories into the sorted file list ``ingest`` reads, in that order.
2. One task per file reads it on an executor (paths must be visible there: a shared file system),
   keying each item by (file number, position); ``repartition`` spreads the items; each partition
   is analysed in batches by ``analyse_batch`` on its worker's pipeline (loaded once per Python
   worker). The results are persisted.
3. The driver collects an outline of every item (ids, content hashes, MinHash signatures; no
   text) and decides skips, duplicates and error rows in input order (spark/plan.py), then
   broadcasts the decisions.
4. Each table is written as ``DIR/<table>.parquet`` (a directory of part files) in the store's
   column layout (``TABLE_SCHEMAS``): for a path (local or a shared mount), by the executors with
   pyarrow in one Spark job; for a URL (hdfs://, s3a://), by Spark's DataFrame writer, one job
   per table (about 3-5 s each on two cores, hence not the default).
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from flashpoint.ingest.readers import iter_files
from flashpoint.settings import Settings
from flashpoint.spark.plan import RunPlan, plan_run
from flashpoint.spark.tasks import (
    OUTPUT_TABLES,
    Analysed,
    analyse_partition,
    outline,
    read_numbered,
    row_values,
    table_rows,
    write_partition,
)
from flashpoint.store.rows import TABLE_SCHEMAS

if TYPE_CHECKING:
    from pyspark import RDD, Broadcast
    from pyspark.sql import SparkSession
    from pyspark.sql.types import DataType, StructType

PARTITIONS_PER_CORE = 2


@dataclass(frozen=True)
class SparkSummary:
    out: str
    files: int
    partitions: int
    read: int
    stored: int
    skipped: int
    duplicates: int
    errors: int
    words: int
    seconds: float
    rows: dict[str, int]  # rows written per table


def expand_paths(paths: Sequence[Path]) -> list[str]:
    """Files in the order ``ingest`` reads them: each path as given, directories recursively sorted
    (hidden names skipped). A missing path stays, so its executor reports it as an error row."""
    files: list[str] = []
    for path in paths:
        if path.is_dir():
            files.extend(str(file) for file in iter_files(path))
        else:
            files.append(str(path))
    return files


def spark_type(arrow_type: pa.DataType) -> DataType:
    from pyspark.sql import types as T

    simple = {
        pa.string(): T.StringType(),
        pa.int32(): T.IntegerType(),
        pa.int64(): T.LongType(),
        pa.float64(): T.DoubleType(),
        pa.date32(): T.DateType(),
        pa.binary(): T.BinaryType(),
        # Naive like the store's TIMESTAMP: no session time zone shifts it on the way to Parquet.
        pa.timestamp("us"): T.TimestampNTZType(),
    }
    if arrow_type not in simple:
        raise TypeError(f"no Spark type for Arrow type {arrow_type}")
    return simple[arrow_type]


def spark_schema(table: str) -> StructType:
    from pyspark.sql import types as T

    return T.StructType([T.StructField(f.name, spark_type(f.type), nullable=True) for f in TABLE_SCHEMAS[table]])


def output_uri(out: str) -> str:
    """Plain paths become absolute (executors may start elsewhere); URLs (hdfs://, s3a://) stay."""
    return out if "://" in out else str(Path(out).resolve())


def is_path(out: str) -> bool:
    return "://" not in out


def _rows_for(analysed: Analysed, table: str, plan: Broadcast[RunPlan], run_at: datetime) -> list[tuple[Any, ...]]:
    return [row_values(table, row) for row in table_rows(analysed, table, plan.value, run_at)]


def analyse_rdd(session: SparkSession, files: list[str], settings: Settings, partitions: int) -> RDD[Analysed]:
    from pyspark import StorageLevel

    context = session.sparkContext
    settings_json = json.dumps(settings.model_dump(mode="json"), sort_keys=True)
    numbered = context.parallelize(list(enumerate(files)), numSlices=max(1, len(files)))
    items = numbered.flatMap(partial(read_numbered, max_bytes=settings.max_file_bytes))
    analysed = items.repartition(partitions).mapPartitions(
        partial(analyse_partition, settings_json=settings_json, batch_size=settings.batch_size)
    )
    return analysed.persist(StorageLevel.MEMORY_AND_DISK)


def write_tables_with_arrow(
    session: SparkSession, analysed: RDD[Analysed], plan: RunPlan, out: str, run_at: datetime
) -> dict[str, int]:
    """One job: every partition writes its part file of every table; rows per table."""
    for table in OUTPUT_TABLES:
        directory = Path(out) / f"{table}.parquet"
        if directory.is_dir():
            shutil.rmtree(directory)
        elif directory.exists():
            directory.unlink()  # a single-file table from an export: replaced like Spark's mode overwrite
        directory.mkdir(parents=True)
    broadcast = session.sparkContext.broadcast(plan)
    try:
        written = analysed.mapPartitionsWithIndex(partial(_write_partition, out=out, plan=broadcast, run_at=run_at))
        counts = dict.fromkeys(OUTPUT_TABLES, 0)
        for table, rows in written.collect():
            counts[table] += rows
    finally:
        broadcast.unpersist()
    return counts


def _write_partition(
    partition: int, items: Iterable[Analysed], out: str, plan: Broadcast[RunPlan], run_at: datetime
) -> Iterator[tuple[str, int]]:
    return write_partition(partition, items, out, plan.value, run_at)


def write_tables_with_spark(
    session: SparkSession, analysed: RDD[Analysed], plan: RunPlan, out: str, run_at: datetime
) -> dict[str, int]:
    """Spark's DataFrame writer, for outputs only Spark can reach (hdfs://, s3a://); rows per
    table are counted for the tables the plan knows."""
    broadcast = session.sparkContext.broadcast(plan)
    try:
        for table in OUTPUT_TABLES:
            rows = analysed.flatMap(partial(_rows_for, table=table, plan=broadcast, run_at=run_at))
            frame = session.createDataFrame(rows, spark_schema(table), verifySchema=False)
            # Few rows per table after analysis: coalesce so small runs do not scatter tiny files.
            frame.coalesce(max(1, analysed.getNumPartitions() // PARTITIONS_PER_CORE)).write.mode(
                "overwrite"
            ).parquet(f"{out}/{table}.parquet")
    finally:
        broadcast.unpersist()
    return {"articles": plan.stored, "errors": len(plan.errors), "article_minhash": plan.stored - plan.duplicates}


def run_spark_ingest(
    session: SparkSession, paths: Sequence[Path], out: str, settings: Settings, partitions: int | None = None
) -> SparkSummary:
    """Analyse every article under ``paths`` on ``session``'s cluster into Parquet under ``out``."""
    started = time.perf_counter()
    run_at = datetime.now()
    files = expand_paths(paths)
    partitions = partitions or settings.spark_partitions or PARTITIONS_PER_CORE * session.sparkContext.defaultParallelism
    target = output_uri(out)
    analysed = analyse_rdd(session, files, settings, partitions)
    try:
        plan = plan_run(analysed.map(outline).collect(), settings.duplicate_threshold)
        write = write_tables_with_arrow if is_path(target) else write_tables_with_spark
        rows = write(session, analysed, plan, target, run_at)
    finally:
        analysed.unpersist()
    return SparkSummary(
        out=target,
        files=len(files),
        partitions=partitions,
        read=plan.read,
        stored=plan.stored,
        skipped=plan.skipped,
        duplicates=plan.duplicates,
        errors=plan.problems,
        words=plan.words,
        seconds=time.perf_counter() - started,
        rows=rows,
    )
