"""The API's view of the store: one read-only DuckDB connection, a cursor per request, cached analytics.

The store is opened read-only, so its content cannot change under the server: analytics results
(escalation, alerts) are cached per parameter set for the life of the app.
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


def open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    if not path.is_file():
        raise StoreOpenError(f"{path}: no such store (run 'flashpoint ingest' first)")
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise StoreOpenError(f"{path}: cannot open the store read-only: {exc}") from exc


class ReadOnlyStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._con = open_read_only(path)
        self._lock = threading.Lock()
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own for the calling thread (DuckDB connections are not shared across threads)."""
        with self._lock:
            return self._con.cursor()

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
