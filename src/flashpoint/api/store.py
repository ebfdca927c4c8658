"""The API's view of the store: the store attached read-only, a cursor per request, cached results.

The store file is attached READ_ONLY to an in-memory DuckDB database, so its content cannot change
under the server: analytics results (escalation, alerts, totals) are cached per parameter set for
the life of the app, and a listing table of events (``memory.main.listed_events``, one row per
event with its article title, already in the order the API lists them) is built once at start, so
a page of /api/events is a filtered scan instead of a join and a sort per request.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from flashpoint.errors import FlashpointError

T = TypeVar("T")
CACHE_ENTRIES = 256


class StoreOpenError(FlashpointError):
    """The store file is missing or cannot be opened read-only."""


LISTED_EVENTS = "memory.main.listed_events"
LISTED_ARTICLES = "memory.main.listed_articles"
# The order of every event listing: newest first, then stable by article and event id.
EVENT_ORDER = "e.event_date DESC NULLS LAST, e.article_id, e.id"


def open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    if not path.is_file():
        raise StoreOpenError(f"{path}: no such store (run 'flashpoint ingest' first)")
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise StoreOpenError(f"{path}: cannot open the store read-only: {exc}") from exc


def attach_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database with the store attached READ_ONLY as ``store`` and made the default."""
    if not path.is_file():
        raise StoreOpenError(f"{path}: no such store (run 'flashpoint ingest' first)")
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS store (READ_ONLY)", [str(path)])
    except duckdb.Error as exc:
        con.close()
        raise StoreOpenError(f"{path}: cannot open the store read-only: {exc}") from exc
    con.execute("USE store")
    return con


def build_listing(con: duckdb.DuckDBPyConnection) -> None:
    """The listing table, written in listing order (DuckDB keeps insertion order for plain scans)."""
    con.execute(
        f"""
        CREATE OR REPLACE TABLE {LISTED_EVENTS} AS
        SELECT e.*, a.title AS article_title, (a.duplicate_of IS NOT NULL) AS is_copy
        FROM events AS e JOIN articles AS a ON a.id = e.article_id
        ORDER BY {EVENT_ORDER}
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TABLE {LISTED_ARTICLES} AS
        SELECT a.id, a.title, a.source, a.url, a.published, a.published_date, a.duplicate_of, a.n_words,
               COALESCE(n.n_events, 0) AS n_events, substr(a.text, 1, 240) AS snippet
        FROM articles AS a
        LEFT JOIN (SELECT article_id, count(*) AS n_events FROM events GROUP BY article_id) AS n
          ON n.article_id = a.id
        ORDER BY a.published_date DESC NULLS LAST, a.id
        """
    )


class ReadOnlyStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._con = attach_read_only(path)
        build_listing(self._con)
        self._lock = threading.Lock()
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own for the calling thread (DuckDB connections are not shared across threads)."""
        with self._lock:
            cursor = self._con.cursor()
        cursor.execute("USE store")
        return cursor

    def cached(self, key: Hashable, compute: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        cursor = self.cursor()
        try:
            value = compute(cursor)
        finally:
            cursor.close()
        with self._lock:
            self._cache[key] = value
            while len(self._cache) > CACHE_ENTRIES:
                self._cache.popitem(last=False)
        return value

    def close(self) -> None:
        self._con.close()
