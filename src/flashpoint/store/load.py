"""`load`: Parquet tables (from ``spark-ingest`` or ``export --format parquet``) into a DuckDB store.

Everything goes in ONE transaction. Articles whose id the store already holds are skipped with
all their child rows, and an error row whose ``(path, line, kind)`` is stored is not added again,
so loading the same directory twice changes nothing. When the store already holds articles, each
new original is checked against the stored originals exactly as ``ingest`` would check it (same
content hash or MinHash similarity >= the threshold) and becomes a copy of the first stored one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from flashpoint.errors import FlashpointError
from flashpoint.ingest.dedup import DEFAULT_THRESHOLD, DuplicateIndex, signature
from flashpoint.store.db import original_hashes, stored_signatures
from flashpoint.store.rows import CHILD_TABLES, TABLE_SCHEMAS

LOADED_TABLES: tuple[str, ...] = ("articles", *CHILD_TABLES, "article_minhash", "errors")


class LoadError(FlashpointError):
    """The directory holds no loadable tables."""


@dataclass(frozen=True)
class LoadResult:
    articles: int  # new articles stored
    skipped: int  # articles the store already held
    errors: int  # new error rows
    redirected: int  # new articles whose duplicate_of now names an article stored before
    rows: dict[str, int]  # rows added per table


def parquet_source(directory: Path, table: str) -> str | None:
    """The read_parquet argument for DIR/<table>.parquet: the file (export) or its part files
    (Spark's directory); None when the table is absent or has no part file."""
    path = directory / f"{table}.parquet"
    if path.is_file():
        return str(path)
    if path.is_dir() and any(path.glob("*.parquet")):
        return str(path / "*.parquet")
    return None


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _stage(con: duckdb.DuckDBPyConnection, directory: Path) -> set[str]:
    """Temp views staged_<table> over the Parquet files (an empty one for an absent table)."""
    staged: set[str] = set()
    for table in LOADED_TABLES:
        source = parquet_source(directory, table)
        if source is None:
            columns = ", ".join(f'NULL AS "{name}"' for name in TABLE_SCHEMAS[table].names)
            con.execute(f"CREATE OR REPLACE TEMP VIEW staged_{table} AS SELECT {columns} WHERE false")
            continue
        con.execute(f"CREATE OR REPLACE TEMP VIEW staged_{table} AS SELECT * FROM read_parquet({_quote(source)})")
        staged.add(table)
    return staged


def _redirects(con: duckdb.DuckDBPyConnection, threshold: float) -> dict[str, str]:
    """New article id -> the stored original it copies, for new articles whose run did not see
    the stored ones (their duplicate_of was decided within their own run)."""
    stored_originals = original_hashes(con)
    if not stored_originals:
        return {}
    index = DuplicateIndex(threshold)
    index.load(stored_originals, stored_signatures(con))
    redirects: dict[str, str] = {}
    rows = con.execute(
        "SELECT a.id, a.content_hash, a.text, m.signature, a.duplicate_of FROM staged_articles AS a "
        "JOIN load_new AS n ON n.id = a.id LEFT JOIN staged_article_minhash AS m ON m.article_id = a.id "
        "ORDER BY a.ingested_at, a.id"
    ).fetchall()
    for article_id, content_hash, text, raw_signature, duplicate_of in rows:
        if duplicate_of is not None:
            if duplicate_of in redirects:  # never a copy of a copy
                redirects[article_id] = redirects[duplicate_of]
            continue
        original = index.find_original(content_hash, raw_signature or signature(text))
        if original is not None:
            redirects[article_id] = original
    return redirects


def load_directory(
    con: duckdb.DuckDBPyConnection, directory: Path, threshold: float = DEFAULT_THRESHOLD
) -> LoadResult:
    """Load ``directory``'s tables into the open store ``con``; see the module docstring."""
    if parquet_source(directory, "articles") is None and parquet_source(directory, "errors") is None:
        raise LoadError(f"{directory}: no articles.parquet or errors.parquet to load")
    rows: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    try:
        _stage(con, directory)
        con.execute(
            "CREATE OR REPLACE TEMP TABLE load_new AS SELECT DISTINCT id FROM staged_articles "
            "WHERE id NOT IN (SELECT id FROM articles)"
        )
        redirects = _redirects(con, threshold)
        con.execute("CREATE OR REPLACE TEMP TABLE load_redirect (id VARCHAR PRIMARY KEY, original VARCHAR)")
        if redirects:
            con.executemany("INSERT INTO load_redirect VALUES (?, ?)", list(redirects.items()))
        rows["articles"] = _insert(
            con, "articles", "SELECT s.* REPLACE (coalesce(r.original, s.duplicate_of) AS duplicate_of) "
            "FROM staged_articles AS s JOIN load_new AS n ON n.id = s.id LEFT JOIN load_redirect AS r ON r.id = s.id",
        )
        for table in CHILD_TABLES:
            select = f"SELECT s.* FROM staged_{table} AS s JOIN load_new AS n ON n.id = s.article_id"
            if table == "events":
                select = (
                    "SELECT s.* REPLACE (coalesce(r.original, s.duplicate_of) AS duplicate_of) FROM staged_events AS s "
                    "JOIN load_new AS n ON n.id = s.article_id LEFT JOIN load_redirect AS r ON r.id = s.article_id"
                )
            rows[table] = _insert(con, table, select)
        rows["article_minhash"] = _insert(
            con, "article_minhash", "SELECT s.* FROM staged_article_minhash AS s JOIN load_new AS n ON n.id = s.article_id "
            "WHERE s.article_id NOT IN (SELECT id FROM load_redirect)",
        ) + _add_missing_signatures(con)
        rows["errors"] = _insert(
            con, "errors", "SELECT * FROM staged_errors AS s WHERE NOT EXISTS (SELECT 1 FROM errors AS e "
            "WHERE e.path = s.path AND e.line IS NOT DISTINCT FROM s.line AND e.kind = s.kind)",
        )
        staged_articles = con.execute("SELECT count(*) FROM staged_articles").fetchall()[0][0]
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise LoadError(f"{directory}: cannot load: {exc}") from exc
    con.execute("COMMIT")
    return LoadResult(
        articles=rows["articles"],
        skipped=staged_articles - rows["articles"],
        errors=rows["errors"],
        redirected=len(redirects),
        rows=rows,
    )


def _add_missing_signatures(con: duckdb.DuckDBPyConnection) -> int:
    """Signatures of new originals the directory did not carry (a parquet export has none), so a
    later ingest still finds near-copies of them."""
    missing = con.execute(
        "SELECT a.id, a.text FROM articles AS a JOIN load_new AS n ON n.id = a.id WHERE a.duplicate_of IS NULL "
        "AND a.id NOT IN (SELECT article_id FROM article_minhash)"
    ).fetchall()
    if missing:
        con.executemany(
            "INSERT INTO article_minhash VALUES (?, ?)", [(article_id, signature(text)) for article_id, text in missing]
        )
    return len(missing)


def _insert(con: duckdb.DuckDBPyConnection, table: str, select: str) -> int:
    before = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    con.execute(f"INSERT INTO {table} BY NAME {select}")
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] - before
