"""What runs on the executors: reading files, analysing partitions, turning results into table rows.

Every function here is a plain top-level function (Spark pickles it by reference) over plain
values; the analysis itself is ``flashpoint.ingest.worker.analyse_batch``, the very function
``ingest`` runs, which calls the shared ``analyze_articles``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from spacy.language import Language

from flashpoint.errors import InputProblem
from flashpoint.ingest.readers import read_path
from flashpoint.ingest.records import ArticleInput, PendingHtml
from flashpoint.ingest.worker import AnalysedArticle, analyse_batch
from flashpoint.settings import Settings
from flashpoint.spark.plan import InputKey, Outline, RunPlan
from flashpoint.store.rows import TABLE_SCHEMAS, Row, to_arrow
from flashpoint.store.writer import error_row

ReadItem = ArticleInput | PendingHtml | InputProblem
# Tables a Spark run writes: the export's tables plus article_minhash, so `load` can seed dedup.
OUTPUT_TABLES: tuple[str, ...] = (
    "articles", "actors", "events", "quotes", "amounts", "dates", "places", "errors", "article_minhash",
)


@dataclass(frozen=True)
class Analysed:
    """One read item after analysis, with the key that orders it and the id it was read under."""

    key: InputKey
    read_id: str | None
    result: AnalysedArticle | InputProblem


# One loaded pipeline per Python worker process (Spark reuses workers across tasks), per settings.
_pipelines: dict[str, Language] = {}


def pipeline_for(settings_json: str) -> Language:
    nlp = _pipelines.get(settings_json)
    if nlp is None:
        from flashpoint.pipeline import build_pipeline

        nlp = build_pipeline(Settings(**json.loads(settings_json)))
        _pipelines[settings_json] = nlp
    return nlp


def read_numbered(numbered_path: tuple[int, str], max_bytes: int) -> Iterator[tuple[InputKey, ReadItem]]:
    """Every item of one input file, keyed by (file number, position): the order ingest reads them."""
    file_number, path = numbered_path
    for position, item in enumerate(read_path(Path(path), max_bytes, defer_html=True)):
        yield (file_number, position), item


def analyse_partition(
    items: Iterable[tuple[InputKey, ReadItem]], settings_json: str, batch_size: int
) -> Iterator[Analysed]:
    """Analyse a partition in batches of ``batch_size`` on this worker's pipeline (loaded lazily,
    so a partition of reader problems only loads nothing)."""
    batch: list[tuple[InputKey, ArticleInput | PendingHtml]] = []
    for key, item in items:
        if isinstance(item, InputProblem):
            yield Analysed(key, None, item)
            continue
        batch.append((key, item))
        if len(batch) >= batch_size:
            yield from _analyse(batch, settings_json)
            batch = []
    if batch:
        yield from _analyse(batch, settings_json)


def _analyse(batch: list[tuple[InputKey, ArticleInput | PendingHtml]], settings_json: str) -> Iterator[Analysed]:
    results = analyse_batch(pipeline_for(settings_json), [item for _, item in batch])
    for (key, item), result in zip(batch, results, strict=True):
        yield Analysed(key, item.id, result)


def outline(analysed: Analysed) -> Outline:
    result = analysed.result
    if isinstance(result, InputProblem):
        return Outline(analysed.key, analysed.read_id, error_key=(result.path, result.line, result.kind))
    return Outline(
        analysed.key,
        analysed.read_id,
        article_id=result.article_id,
        content_hash=result.content_hash,
        signature=result.signature,
        n_words=result.n_words,
    )


def table_rows(analysed: Analysed, table: str, plan: RunPlan, run_at: datetime) -> list[Row]:
    """The rows ``table`` gets from one item, with the driver's decisions applied exactly as
    store/writer.py applies them (duplicate_of on the article and its events, write order in
    ingested_at, signatures of originals only, one error row per (path, line, kind))."""
    result = analysed.result
    if isinstance(result, InputProblem):
        return [error_row(result, run_at)] if table == "errors" and analysed.key in plan.errors else []
    decision = plan.articles.get(analysed.key)
    if decision is None or table == "errors":
        return []  # a repeated id: ingest skips it
    if table == "article_minhash":
        return [] if decision.duplicate_of else [{"article_id": result.article_id, "signature": result.signature}]
    rows = result.rows[table]
    if table == "articles":
        ingested_at = run_at + timedelta(microseconds=decision.rank)
        return [dict(row, duplicate_of=decision.duplicate_of, ingested_at=ingested_at) for row in rows]
    if table == "events":
        return [dict(row, duplicate_of=decision.duplicate_of) for row in rows]
    return rows


def row_values(table: str, row: Row) -> tuple[Any, ...]:
    """A row dict as a tuple in the column order of TABLE_SCHEMAS[table]."""
    return tuple(row[name] for name in TABLE_SCHEMAS[table].names)


def write_partition(
    partition: int, items: Iterable[Analysed], out: str, plan: RunPlan, run_at: datetime
) -> Iterator[tuple[str, int]]:
    """Write this partition's rows of every table as ``out/<table>.parquet/part-NNNNN.parquet``
    with pyarrow (the store's exact Arrow schemas); yield (table, rows written). Partition 0 also
    writes empty tables, so every table directory holds at least one file with the schema. A
    retried task rewrites the same file names, so a retry leaves no extra rows."""
    import pyarrow.parquet as pq

    results = list(items)
    for table in OUTPUT_TABLES:
        rows = [row for analysed in results for row in table_rows(analysed, table, plan, run_at)]
        if rows or partition == 0:
            target = f"{out}/{table}.parquet/part-{partition:05d}.parquet"
            pq.write_table(to_arrow(table, rows), target, compression="zstd")
        yield table, len(rows)
