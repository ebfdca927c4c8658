"""Exports of the store: Parquet (one file per table), JSONL (one Analysis per article), GDELT."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from flashpoint.store.rows import ANALYSIS_TABLES

EXPORT_FORMATS = ("jsonl", "parquet", "gdelt")
PARQUET_TABLES: tuple[str, ...] = (*ANALYSIS_TABLES, "errors")
FETCH_ROWS = 2000


@dataclass(frozen=True)
class ExportResult:
    format: str
    out: Path
    rows: dict[str, int]  # rows written per table (or per output file)


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path) -> ExportResult:
    """``out/<table>.parquet`` for every table (DuckDB streams them; any Arrow reader opens them)."""
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table in PARQUET_TABLES:
        target = out / f"{table}.parquet"
        con.execute(f"COPY (SELECT * FROM {table}) TO '{_sql_path(target)}' (FORMAT PARQUET, COMPRESSION ZSTD)")
        counts[table] = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    return ExportResult("parquet", out, counts)


def export_jsonl(con: duckdb.DuckDBPyConnection, out: Path) -> ExportResult:
    """One Analysis document per line, every article (copies too), in the order they were stored."""
    _make_parent(out)
    written = 0
    cursor = con.execute("SELECT CAST(analysis AS VARCHAR) FROM articles ORDER BY ingested_at, id")
    with out.open("w", encoding="utf-8") as handle:
        while rows := cursor.fetchmany(FETCH_ROWS):
            handle.writelines(f"{document}\n" for (document,) in rows)
            written += len(rows)
    return ExportResult("jsonl", out, {"articles": written})


def export_gdelt(con: duckdb.DuckDBPyConnection, out: Path, all_factuality: bool = False) -> ExportResult:
    from flashpoint.store.gdelt import write_gdelt_events

    _make_parent(out)
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        written = write_gdelt_events(con, handle, all_factuality=all_factuality)
    return ExportResult("gdelt", out, {"events": written})


def _make_parent(out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
