"""store/rows.py: the layout matches the DDL, and derived event columns are right."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from flashpoint.store.db import SCHEMA_VERSION, open_store, schema_sql, stored_version
from flashpoint.store.rows import TABLE_SCHEMAS, ArticleMeta, analysis_rows, timex_day, to_arrow
from tests.store.builders import TEXT, sample_analysis


def test_rows_arrow_schemas_match_the_ddl(tmp_path: Path) -> None:
    con = open_store(tmp_path / "s.duckdb")
    for table, schema in TABLE_SCHEMAS.items():
        columns = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]
        assert columns == schema.names, table
    assert stored_version(con) == SCHEMA_VERSION
    con.close()


def test_rows_v1_store_is_migrated_to_the_same_layout(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    v1_ddl = schema_sql().split("-- v2:")[0]
    con = duckdb.connect(str(path))
    con.execute(v1_ddl)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.close()
    con = open_store(path)
    assert [row[0] for row in con.execute("DESCRIBE events").fetchall()] == TABLE_SCHEMAS["events"].names
    assert stored_version(con) == SCHEMA_VERSION
    con.close()


def test_rows_event_columns_are_derived_from_actors_places_and_dates() -> None:
    rows = analysis_rows(sample_analysis(), ArticleMeta(ingested_at=datetime(2024, 1, 1), origin="f.jsonl:3"))
    assert {table: len(values) for table, values in rows.items()} == {
        "articles": 1, "actors": 2, "events": 2, "quotes": 1, "amounts": 0, "dates": 1, "places": 1,
    }
    reported, planned = rows["events"]
    assert (reported["source_code"], reported["source_country"], reported["target_code"]) == ("RUSMIL", "RUS", "UKR")
    assert (reported["place_name"], reported["place_country"], reported["geonameid"]) == ("Kharkiv", "UKR", 706483)
    assert reported["event_date"] == date(2022, 3, 1)
    assert planned["event_date"] == date(2022, 3, 1)  # a week value falls back to the published date
    assert planned["target_code"] is None and planned["place_name"] is None
    assert TEXT[reported["trigger_start"] : reported["trigger_end"]] == reported["trigger_text"] == "shelled"
    article = rows["articles"][0]
    assert (article["origin"], article["n_words"], article["published_date"]) == ("f.jsonl:3", 18, date(2022, 3, 1))
    assert rows["quotes"][0]["content_text"] == "Moscow could send more troops"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2022-03-01", date(2022, 3, 1)), ("2022-03-01T10:00", date(2022, 3, 1)), ("2022-W09", None),
     ("2022-03", None), ("2022", None), (None, None), ("2022-02-30", None)],
)
def test_rows_timex_day(value: str | None, expected: date | None) -> None:
    assert timex_day(value) == expected


def test_rows_to_arrow_keeps_the_layout() -> None:
    rows = analysis_rows(sample_analysis(), ArticleMeta(ingested_at=datetime(2024, 1, 1)))
    for table, values in rows.items():
        assert to_arrow(table, values).schema == TABLE_SCHEMAS[table]
