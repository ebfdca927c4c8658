"""Opening the DuckDB store: create or migrate the schema, and read what ingest needs to resume.

One process writes (ingest); any number read (export, analytics, the API) once it is done.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import duckdb

from flashpoint.errors import FlashpointError

SCHEMA_VERSION = 2
# Statements that bring a store from version N-1 to N, beyond the idempotent schema.sql
# (which already creates new tables and views). Add ALTER TABLE ... ADD COLUMN here; never drop.
MIGRATIONS: dict[int, tuple[str, ...]] = {2: ()}


class StoreError(FlashpointError):
    """The store file cannot be opened or is of a newer schema than this flashpoint knows."""


def schema_sql() -> str:
    return files("flashpoint.store").joinpath("schema.sql").read_text(encoding="utf-8")


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    # fetchall, not fetchone: DuckDB 2 keeps a half-read result open and refuses con.sql() after it.
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    return int(rows[0][0]) if rows else None


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Create missing tables and apply pending migrations in one transaction; the version after."""
    con.execute("BEGIN TRANSACTION")
    con.execute(schema_sql())
    version = stored_version(con)
    if version is not None and version > SCHEMA_VERSION:
        con.execute("ROLLBACK")
        raise StoreError(f"store has schema version {version}; this flashpoint knows up to {SCHEMA_VERSION}")
    for target in range((version or SCHEMA_VERSION) + 1, SCHEMA_VERSION + 1):
        for statement in MIGRATIONS.get(target, ()):
            con.execute(statement)
    con.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
    )
    con.execute("COMMIT")
    return SCHEMA_VERSION


def open_store(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the store at ``path``; a writable store is created and migrated first."""
    if read_only and not path.is_file():
        raise StoreError(f"{path}: no such store (run 'flashpoint ingest' first)")
    if not read_only and path.parent != Path(""):
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open store: {exc}") from exc
    if not read_only:
        migrate(con)
    return con


def stored_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT id FROM articles").fetchall()}


def original_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """content_hash -> id of the first stored copy with that exact text."""
    rows = con.execute(
        "SELECT content_hash, id FROM articles WHERE duplicate_of IS NULL ORDER BY ingested_at, id"
    ).fetchall()
    first: dict[str, str] = {}
    for content_hash, article_id in rows:
        first.setdefault(content_hash, article_id)
    return first


def stored_signatures(con: duckdb.DuckDBPyConnection) -> list[tuple[str, bytes]]:
    """(article id, MinHash signature) of every original article, in the order they were stored."""
    return con.execute(
        "SELECT m.article_id, m.signature FROM article_minhash AS m "
        "JOIN articles AS a ON a.id = m.article_id ORDER BY a.ingested_at, a.id"
    ).fetchall()


def stored_error_keys(con: duckdb.DuckDBPyConnection) -> set[tuple[str, int | None, str]]:
    return {(path, line, kind) for path, line, kind in con.execute("SELECT path, line, kind FROM errors").fetchall()}
