"""spark-ingest on local[2] against ingest on the same corpus, then `load` into DuckDB.

One Spark session (tests/spark/conftest.py) and one small mixed corpus for the whole module.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from spacy.language import Language

from flashpoint.cli import main
from flashpoint.ingest.runner import run_ingest
from flashpoint.settings import Settings
from flashpoint.spark.job import SparkSummary, run_spark_ingest
from flashpoint.store.db import open_store
from flashpoint.store.load import load_directory
from tests.ingest.corpus import EXPECTED_DUPLICATES, EXPECTED_ERRORS, SYNDICATED, build_corpus
from tests.ingest.test_runner import store_snapshot

pytestmark = [pytest.mark.spark, pytest.mark.model, pytest.mark.slow]
TABLES = ("articles", "actors", "events", "quotes", "amounts", "dates", "places", "errors", "article_minhash")


def spark_corpus(root: Path) -> Path:
    """The ingest test corpus plus a repeated id in a later file (ingest keeps the first one)."""
    corpus = build_corpus(root)
    (corpus / "zz_repeat.jsonl").write_text(
        json.dumps({"id": "j4", "text": "A different text under an id read before, which ingest skips."}) + "\n"
    )
    return corpus


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, spark, nlp: Language) -> tuple[Path, Path, Path, SparkSummary]:
    root = tmp_path_factory.mktemp("spark")
    corpus = spark_corpus(root)
    ingest_db = root / "ingest.duckdb"
    run_ingest([corpus], Settings(), db=ingest_db, workers=0, nlp=nlp)
    out = root / "out"
    summary = run_spark_ingest(spark, [corpus], str(out), Settings(), partitions=3)
    return corpus, ingest_db, out, summary


def read_table(out: Path, table: str) -> list[dict]:
    return pq.read_table(out / f"{table}.parquet").to_pylist()


def test_job_writes_every_table_in_the_store_layout(runs) -> None:
    from flashpoint.store.rows import TABLE_SCHEMAS

    _, _, out, summary = runs
    for table in TABLES:
        assert pq.read_schema(next((out / f"{table}.parquet").glob("*.parquet"))).names == TABLE_SCHEMAS[table].names
    assert (summary.read, summary.skipped, summary.duplicates) == (14, 1, len(EXPECTED_DUPLICATES))
    assert summary.stored == len(read_table(out, "articles")) == 13


def test_job_same_articles_duplicates_and_events_as_ingest(runs) -> None:
    _, ingest_db, out, _ = runs
    con = duckdb.connect(str(ingest_db), read_only=True)
    columns = "id, duplicate_of, content_hash, origin, n_words, CAST(analysis AS VARCHAR)"
    expected_articles = sorted(con.execute(f"SELECT {columns} FROM articles").fetchall())
    event_columns = [name for name in pq.read_schema(next((out / "events.parquet").glob("*.parquet"))).names]
    expected_events = sorted(con.execute(f"SELECT {', '.join(event_columns)} FROM events").fetchall(), key=repr)
    order = [row[0] for row in con.execute("SELECT id FROM articles ORDER BY ingested_at").fetchall()]
    con.close()
    articles = read_table(out, "articles")
    keys = ("id", "duplicate_of", "content_hash", "origin", "n_words", "analysis")
    assert sorted(tuple(row[key] for key in keys) for row in articles) == expected_articles
    assert {row["id"]: row["duplicate_of"] for row in articles if row["duplicate_of"]} == EXPECTED_DUPLICATES
    assert [row["id"] for row in sorted(articles, key=lambda row: row["ingested_at"])] == order
    events = sorted((tuple(row.values()) for row in read_table(out, "events")), key=repr)
    # Compares real events once the event extractor is merged; the analysis documents above
    # already compare every extractor's output.
    assert events == expected_events


def test_job_bad_records_in_errors_parquet(runs) -> None:
    _, _, out, summary = runs
    rows = read_table(out, "errors")
    assert {(Path(row["path"]).name, row["line"], row["kind"]) for row in rows} == EXPECTED_ERRORS
    assert all(row["message"] and row["at"] for row in rows)
    assert summary.errors == len(EXPECTED_ERRORS)


def test_job_load_equals_ingest_and_reloading_changes_nothing(runs, tmp_path: Path) -> None:
    _, ingest_db, out, _ = runs
    db = tmp_path / "loaded.duckdb"
    con = open_store(db)
    first = load_directory(con, out)
    again = load_directory(con, out)
    con.close()
    assert (first.articles, first.skipped, first.errors) == (13, 0, len(EXPECTED_ERRORS))
    assert (again.articles, again.skipped, again.errors, sum(again.rows.values())) == (0, 13, 0, 0)
    assert store_snapshot(db) == store_snapshot(ingest_db)


def test_job_load_into_a_store_holding_an_earlier_copy_names_it(runs, tmp_path: Path, nlp: Language) -> None:
    """Articles of a later run that copy a stored article name the stored one, as ingest would."""
    _, _, out, _ = runs
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text(json.dumps({"id": "earlier", "text": SYNDICATED}) + "\n")
    db = tmp_path / "store.duckdb"
    run_ingest([earlier], Settings(), db=db, workers=0, nlp=nlp)
    con = open_store(db)
    result = load_directory(con, out)
    copies = dict(con.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL").fetchall())
    event_marks = set(con.execute("SELECT DISTINCT duplicate_of FROM events WHERE article_id LIKE 's_'").fetchall())
    signed = {row[0] for row in con.execute("SELECT article_id FROM article_minhash").fetchall()}
    con.close()
    assert result.redirected == 3
    assert copies == {"s1": "earlier", "s2": "earlier", "s3": "earlier"}
    assert event_marks <= {("earlier",)}
    assert "earlier" in signed and not signed & set(copies)


def test_job_cli_spark_ingest_then_load(runs, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "small"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Police in Lima detained twelve protesters on Friday."}) + "\n{oops\n"
    )
    out = tmp_path / "out"
    assert main(["spark-ingest", str(corpus), "--out", str(out), "--partitions", "2"]) == 0
    assert "stored      1 (0 as duplicates" in capsys.readouterr().out
    db = tmp_path / "cli.duckdb"
    assert main(["load", "--db", str(db), str(out)]) == 0
    assert "load: 1 articles" in capsys.readouterr().out
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT kind, line FROM errors").fetchall() == [("malformed", 2)]
    con.close()


def test_job_spark_writer_for_urls_gives_the_same_tables(spark, tmp_path: Path) -> None:
    """An --out URL (hdfs://, s3a://; file:// here) goes through Spark's DataFrame writer."""
    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text(
        json.dumps({"id": "t1", "text": "Troops of Mali withdrew from the town of Gao on Sunday.", "published": "2024-05-05"})
        + "\n[1, 2]\n"
    )
    by_arrow = run_spark_ingest(spark, [corpus], str(tmp_path / "arrow"), Settings(), partitions=2)
    by_spark = run_spark_ingest(spark, [corpus], f"file://{tmp_path}/spark", Settings(), partitions=2)
    assert (by_arrow.stored, by_arrow.errors, by_spark.stored, by_spark.errors) == (1, 1, 1, 1)
    for table in TABLES:
        arrow_rows = pq.read_table(tmp_path / "arrow" / f"{table}.parquet").to_pylist()
        spark_rows = pq.read_table(tmp_path / "spark" / f"{table}.parquet").to_pylist()
        ignored = {"ingested_at", "at"}  # each run has its own start time
        strip = [{key: value for key, value in row.items() if key not in ignored} for row in spark_rows]
        assert strip == [{key: value for key, value in row.items() if key not in ignored} for row in arrow_rows], table
