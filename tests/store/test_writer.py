"""store/writer.py and the exports, on hand-built analyses (no model needed)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from flashpoint.errors import InputProblem
from flashpoint.store.db import open_store
from flashpoint.store.export import PARQUET_TABLES, export_gdelt, export_jsonl, export_parquet
from flashpoint.store.gdelt import GDELT_COLUMNS, geo_type, quad_class_of
from flashpoint.store.writer import StoreWriter
from tests.conftest import assert_offsets_index_text
from tests.store.builders import TEXT, analysed, sample_analysis


@pytest.fixture
def store(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    """Two originals and a syndicated copy of the first (other id, same text), plus one error."""
    con = open_store(tmp_path / "s.duckdb")
    writer = StoreWriter(con)
    other = TEXT.replace("officials said.", "officials said after a night of heavy fighting in the northern suburbs.")
    writer.write([analysed(sample_analysis("a1")), InputProblem("bad.jsonl", 4, "malformed", "invalid JSON")])
    writer.write([analysed(sample_analysis("a2", TEXT, url="https://mirror.example.net/a1")),
                  analysed(sample_analysis("a3", other, url=None))])
    yield con
    con.close()


def test_writer_marks_copies_and_unique_events_skips_them(store: duckdb.DuckDBPyConnection) -> None:
    assert store.execute("SELECT id, duplicate_of FROM articles ORDER BY ingested_at").fetchall() == [
        ("a1", None), ("a2", "a1"), ("a3", None)
    ]
    assert store.execute("SELECT count(*) FROM events").fetchone()[0] == 6
    assert store.execute("SELECT DISTINCT article_id FROM unique_events ORDER BY 1").fetchall() == [("a1",), ("a3",)]
    assert store.execute("SELECT DISTINCT duplicate_of FROM events WHERE article_id = 'a2'").fetchall() == [("a1",)]
    assert store.execute('SELECT path, line, kind FROM errors').fetchall() == [("bad.jsonl", 4, "malformed")]


def test_writer_reloads_its_duplicate_index(store: duckdb.DuckDBPyConnection) -> None:
    """A new writer (a later run) still finds copies of what earlier runs stored."""
    writer = StoreWriter(store)
    result = writer.write([analysed(sample_analysis("a4", TEXT + " Updated at noon.", url=None)),
                           InputProblem("bad.jsonl", 4, "malformed", "invalid JSON")])
    assert (result.stored, result.duplicates, result.errors) == (1, 1, 1)
    assert store.execute("SELECT duplicate_of FROM articles WHERE id = 'a4'").fetchone() == ("a1",)
    assert store.execute("SELECT count(*) FROM errors").fetchone()[0] == 1  # not stored twice


def test_writer_failed_batch_leaves_nothing(store: duckdb.DuckDBPyConnection) -> None:
    before = store.execute("SELECT count(*) FROM articles").fetchone()[0]
    writer = StoreWriter(store)
    with pytest.raises(duckdb.Error):  # a1 exists: the whole transaction must roll back
        writer.write([analysed(sample_analysis("a9", TEXT.replace("said.", "told reporters in Vienna on Friday evening."))),
                      analysed(sample_analysis("a1"))])
    assert store.execute("SELECT count(*) FROM articles").fetchone()[0] == before
    assert store.execute("SELECT count(*) FROM events WHERE article_id = 'a9'").fetchone()[0] == 0


def test_export_parquet_one_file_per_table(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    result = export_parquet(store, tmp_path / "pq")
    for table in PARQUET_TABLES:
        read_back = pq.read_table(tmp_path / "pq" / f"{table}.parquet")
        assert read_back.num_rows == result.rows[table] == store.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    events = pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()
    assert {row["trigger_text"] for row in events} == {"shelled", "send"}


def test_export_jsonl_documents_are_valid(store: duckdb.DuckDBPyConnection, tmp_path: Path, contract_validator) -> None:
    export_jsonl(store, tmp_path / "out.jsonl")
    documents = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [document["article"]["id"] for document in documents] == ["a1", "a2", "a3"]
    for document in documents:
        contract_validator.validate(document)
        assert_offsets_index_text(document)


def _gdelt(store: duckdb.DuckDBPyConnection, path: Path, **options: bool) -> list[list[str]]:
    export_gdelt(store, path, **options)
    return [line.split("\t") for line in path.read_text().splitlines()]


def test_export_gdelt_61_columns_factual_originals_only(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rows = _gdelt(store, tmp_path / "events.tsv")
    assert len(GDELT_COLUMNS) == 61
    assert len(rows) == 2  # the reported assault of a1 and of a3; not the copy a2, not the hypothetical
    assert all(len(row) == 61 for row in rows)
    first = dict(zip(GDELT_COLUMNS, rows[0], strict=True))
    assert (first["Day"], first["MonthYear"], first["Year"]) == ("20220301", "202203", "2022")
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == ("RUSMIL", "RUS", "MIL")
    assert (first["Actor2Code"], first["Actor2Name"]) == ("UKR", "UKRAINE")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("195", "195", "19")
    assert (first["QuadClass"], first["GoldsteinScale"], first["IsRootEvent"]) == ("4", "-10", "1")
    assert (first["NumArticles"], first["NumMentions"]) == ("2", "2")  # a1 and its copy a2
    assert (first["ActionGeo_Type"], first["ActionGeo_CountryCode"], first["ActionGeo_FullName"]) == (
        "4", "UP", "Kharkiv, Ukraine"
    )
    assert (first["ActionGeo_Lat"], first["ActionGeo_FeatureID"]) == ("49.98", "706483")
    assert first["SOURCEURL"] == "https://example.org/a1"


def test_export_gdelt_all_factuality_adds_the_rest(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rows = _gdelt(store, tmp_path / "all.tsv", all_factuality=True)
    assert len(rows) == 4
    mobilize = next(dict(zip(GDELT_COLUMNS, row, strict=True)) for row in rows if row[26] == "15")
    assert (mobilize["EventRootCode"], mobilize["QuadClass"], mobilize["IsRootEvent"]) == ("15", "4", "0")
    assert mobilize["ActionGeo_Type"] == "0" and mobilize["Actor2Code"] == ""


@pytest.mark.parametrize(
    ("feature", "country", "expected"),
    [("country", "UKR", 1), ("admin1", "USA", 2), ("city", "USA", 3), ("city", "UKR", 4), ("admin1", "UKR", 5),
     (None, None, 0)],
)
def test_gdelt_geo_type(feature: str | None, country: str | None, expected: int) -> None:
    assert geo_type(feature, country) == expected


@pytest.mark.parametrize(("root", "expected"), [("01", "1"), ("05", "1"), ("07", "2"), ("11", "3"), ("19", "4"), ("", "")])
def test_gdelt_quad_class_from_root(root: str, expected: str) -> None:
    assert quad_class_of(root) == expected
