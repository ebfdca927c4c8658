"""Listing queries behind /api/articles, /api/events, /api/actors, /api/quotes (all parameterised SQL)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from flashpoint.api.store import LISTED_ARTICLES, LISTED_EVENTS


@dataclass
class Filters:
    """WHERE clauses and their parameters, built up one filter at a time."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def add_if(self, value: Any, clause: str, repeat: int = 1) -> None:
        if value is not None:
            self.add(clause, *([value] * repeat))

    def sql(self) -> str:
        return " AND ".join(self.clauses) or "TRUE"


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class Page:
    total: int
    items: list[dict]

    def as_dict(self, limit: int, offset: int) -> dict:
        return {"total": self.total, "limit": limit, "offset": offset, "items": self.items}


def _rows_as_dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict]:
    names = [column[0] for column in cursor.description or ()]
    return [
        {name: value.isoformat() if isinstance(value, date) else value for name, value in zip(names, row, strict=True)}
        for row in cursor.fetchall()
    ]


def list_articles(
    con: duckdb.DuckDBPyConnection, *, q: str | None, source: str | None, actor: str | None,
    since: date | None, until: date | None, include_duplicates: bool, limit: int, offset: int,
) -> Page:
    """A page of the listing table (stored newest first, scanned without a sort)."""
    filters = Filters()
    if not include_duplicates:
        filters.add("a.duplicate_of IS NULL")
    if q is not None:
        filters.add("a.id IN (SELECT id FROM articles WHERE title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\')",
                    _like(q), _like(q))
    filters.add_if(source, "a.source = ?")
    filters.add_if(since, "a.published_date >= ?")
    filters.add_if(until, "a.published_date <= ?")
    if actor is not None:
        filters.add(
            "a.id IN (SELECT article_id FROM actors WHERE code = ? OR country = ? OR name ILIKE ? ESCAPE '\\')",
            actor, actor, _like(actor),
        )
    where = filters.sql()
    total = con.execute(f"SELECT count(*) FROM {LISTED_ARTICLES} AS a WHERE {where}", filters.params).fetchone()
    cursor = con.execute(f"SELECT * FROM {LISTED_ARTICLES} AS a WHERE {where} LIMIT ? OFFSET ?",
                         [*filters.params, limit, offset])
    return Page(total[0] if total else 0, _rows_as_dicts(cursor))


def article_analysis(con: duckdb.DuckDBPyConnection, article_id: str) -> dict | None:
    row = con.execute("SELECT analysis FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return None
    return json.loads(row[0]) if isinstance(row[0], str) else row[0]


EVENT_COLUMNS = """
    article_id, id, type, mode, cameo, quad_class, goldstein, factuality,
    source_code, source_country, target_code, target_country, attributed_to, date, event_date,
    place_name, place_country, lat, lon, trigger_start, trigger_end, trigger_text,
    sentence_start, sentence_end, sentence_text, confidence, article_title
"""


def event_filters(
    *, source: str | None, target: str | None, type: str | None, factuality: str | None, since: date | None,
    until: date | None, q: str | None, article_id: str | None, include_duplicates: bool,
) -> Filters:
    filters = Filters()
    if not include_duplicates:
        filters.add("NOT is_copy")
    filters.add_if(source, "(source_country = ? OR source_code = ?)", repeat=2)
    filters.add_if(target, "(target_country = ? OR target_code = ?)", repeat=2)
    filters.add_if(type, "type = ?")
    filters.add_if(factuality, "factuality = ?")
    filters.add_if(since, "event_date >= ?")
    filters.add_if(until, "event_date <= ?")
    filters.add_if(article_id, "article_id = ?")
    if q is not None:
        filters.add("sentence_text ILIKE ? ESCAPE '\\'", _like(q))
    return filters


def count_events(con: duckdb.DuckDBPyConnection, filters: Filters) -> int:
    row = con.execute(f"SELECT count(*) FROM {LISTED_EVENTS} WHERE {filters.sql()}", filters.params).fetchone()
    return row[0] if row else 0


def page_of_events(con: duckdb.DuckDBPyConnection, filters: Filters, limit: int, offset: int) -> list[dict]:
    """One page in listing order: the listing table is stored in that order and scanned without a sort."""
    cursor = con.execute(
        f"SELECT {EVENT_COLUMNS} FROM {LISTED_EVENTS} WHERE {filters.sql()} LIMIT ? OFFSET ?",
        [*filters.params, limit, offset],
    )
    return _rows_as_dicts(cursor)


def list_actors(
    con: duckdb.DuckDBPyConnection, *, q: str | None, kind: str | None, country: str | None,
    limit: int, offset: int,
) -> Page:
    """Actors across articles (originals only), grouped by code, else by name."""
    filters = Filters()
    filters.add("a.duplicate_of IS NULL")
    if q is not None:
        filters.add("(x.name ILIKE ? ESCAPE '\\' OR x.code ILIKE ? ESCAPE '\\')", _like(q), _like(q))
    filters.add_if(kind, "x.kind = ?")
    filters.add_if(country, "x.country = ?")
    grouped = f"""
        SELECT COALESCE(x.code, x.name) AS key, mode(x.name) AS name, mode(x.kind) AS kind,
               mode(x.country) AS country, any_value(x.code) AS code, count(DISTINCT x.article_id) AS articles,
               sum(json_array_length(x.mentions)) AS mentions
        FROM actors AS x JOIN articles AS a ON a.id = x.article_id
        WHERE {filters.sql()} GROUP BY 1
    """
    total = con.execute(f"SELECT count(*) FROM ({grouped})", filters.params).fetchone()
    cursor = con.execute(
        f"SELECT * FROM ({grouped}) ORDER BY articles DESC, key LIMIT ? OFFSET ?",
        [*filters.params, limit, offset],
    )
    return Page(total[0] if total else 0, _rows_as_dicts(cursor))


def list_quotes(
    con: duckdb.DuckDBPyConnection, *, article_ids: list[str], limit: int = 50
) -> list[dict]:
    """Quotes of the given articles with their speaker's name (for briefings and alert evidence)."""
    if not article_ids:
        return []
    cursor = con.execute(
        """
        SELECT q.article_id, q.id, q.content_text, x.name AS speaker, x.country AS speaker_country
        FROM quotes AS q LEFT JOIN actors AS x ON x.article_id = q.article_id AND x.id = q.speaker
        WHERE list_contains(?, q.article_id) ORDER BY q.article_id, q.id LIMIT ?
        """,
        [article_ids, limit],
    )
    return _rows_as_dicts(cursor)


def list_amounts(
    con: duckdb.DuckDBPyConnection, *, article_ids: list[str], limit: int = 50
) -> list[dict]:
    if not article_ids:
        return []
    cursor = con.execute(
        """
        SELECT article_id, id, value, span_text, unit, object, qualifier
        FROM amounts WHERE list_contains(?, article_id) ORDER BY article_id, id LIMIT ?
        """,
        [article_ids, limit],
    )
    return _rows_as_dicts(cursor)
