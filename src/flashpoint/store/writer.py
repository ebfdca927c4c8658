"""The one writer of the store: each batch of analysed articles is one transaction.

A transaction holds whole articles only (the article row and all its child rows), so a crash at
any moment leaves either all of an article or none of it, and a rerun adds exactly the rest.
Duplicate decisions are made here, in input order, against everything stored before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from flashpoint.errors import InputProblem
from flashpoint.ingest.dedup import DEFAULT_THRESHOLD, DuplicateIndex
from flashpoint.ingest.worker import AnalysedArticle
from flashpoint.store.db import original_hashes, stored_error_keys, stored_signatures
from flashpoint.store.rows import ANALYSIS_TABLES, CHILD_TABLES, Row, TableRows, to_arrow

RECORD_PREVIEW_CHARS = 1000
CHILD_TABLES_EXCEPT_EVENTS = tuple(table for table in CHILD_TABLES if table != "events")


@dataclass(frozen=True)
class WriteResult:
    stored: int
    duplicates: int
    words: int
    errors: int


def error_row(problem: InputProblem, at: datetime, record: str | None = None) -> Row:
    return {
        "path": problem.path,
        "line": problem.line,
        "record": None if record is None else record[:RECORD_PREVIEW_CHARS],
        "kind": problem.kind,
        "message": problem.message,
        "at": at,
    }


class StoreWriter:
    """Owns the DuckDB connection while ingesting; not shared across processes."""

    def __init__(self, con: duckdb.DuckDBPyConnection, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.con = con
        self.duplicates = DuplicateIndex(threshold)
        self.duplicates.load(original_hashes(con), stored_signatures(con))
        self._error_keys = stored_error_keys(con)
        self._last_time = datetime.min

    def _next_time(self) -> datetime:
        """A strictly increasing ingest time, so ORDER BY ingested_at replays write order."""
        now = datetime.now()
        self._last_time = max(now, self._last_time + timedelta(microseconds=1))
        return self._last_time

    def write(self, results: Sequence[AnalysedArticle | InputProblem]) -> WriteResult:
        """Store the batch (articles and error rows) in one transaction."""
        tables: TableRows = {table: [] for table in (*ANALYSIS_TABLES, "article_minhash", "errors")}
        stored = duplicates = words = errors = 0
        for result in results:
            if isinstance(result, InputProblem):
                errors += self._add_error(tables, result)
                continue
            duplicate_of = self.duplicates.find_original(result.content_hash, result.signature)
            article = dict(result.rows["articles"][0], duplicate_of=duplicate_of, ingested_at=self._next_time())
            tables["articles"].append(article)
            for table in CHILD_TABLES_EXCEPT_EVENTS:
                tables[table].extend(result.rows[table])
            tables["events"].extend(dict(event, duplicate_of=duplicate_of) for event in result.rows["events"])
            if duplicate_of is None:
                self.duplicates.add_original(result.article_id, result.content_hash, result.signature)
                tables["article_minhash"].append({"article_id": result.article_id, "signature": result.signature})
            else:
                duplicates += 1
            stored += 1
            words += result.n_words
        self._commit(tables)
        return WriteResult(stored=stored, duplicates=duplicates, words=words, errors=errors)

    def _add_error(self, tables: TableRows, problem: InputProblem) -> int:
        """Queue an error row unless the same (path, line, kind) is already stored: reruns add none."""
        key = (problem.path, problem.line, problem.kind)
        if key in self._error_keys:
            return 1
        self._error_keys.add(key)
        tables["errors"].append(error_row(problem, datetime.now()))
        return 1

    def _commit(self, tables: TableRows) -> None:
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table, rows in tables.items():
                if rows:
                    con.register("staged_rows", to_arrow(table, rows))
                    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM staged_rows")
                    con.unregister("staged_rows")
        except duckdb.Error:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
