"""Listing queries behind /api/articles, /api/events, /api/actors, /api/quotes (all parameterised SQL)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb


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
    filters = Filters()
    if not include_duplicates:
        filters.add("a.duplicate_of IS NULL")
    if q is not None:
        filters.add("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')", _like(q), _like(q))
    filters.add_if(source, "a.source = ?")
    filters.add_if(since, "a.published_date >= ?")
    filters.add_if(until, "a.published_date <= ?")
    if actor is not None:
        filters.add(
            "a.id IN (SELECT article_id FROM actors WHERE code = ? OR country = ? OR name ILIKE ? ESCAPE '\\')",
            actor, actor, _like(actor),
        )
    where = filters.sql()
    total = con.execute(f"SELECT count(*) FROM articles AS a WHERE {where}", filters.params).fetchone()
    cursor = con.execute(
        f"""
        SELECT a.id, a.title, a.source, a.url, a.published, a.published_date, a.duplicate_of, a.n_words,
               (SELECT count(*) FROM events AS e WHERE e.article_id = a.id) AS n_events,
               substr(a.text, 1, 240) AS snippet
        FROM articles AS a WHERE {where}
        ORDER BY a.published_date DESC NULLS LAST, a.id LIMIT ? OFFSET ?
        """,
        [*filters.params, limit, offset],
    )
    return Page(total[0] if total else 0, _rows_as_dicts(cursor))


def article_analysis(con: duckdb.DuckDBPyConnection, article_id: str) -> dict | None:
    row = con.execute("SELECT analysis, duplicate_of FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return None
    analysis = json.loads(row[0]) if isinstance(row[0], str) else row[0]
    return analysis


EVENT_COLUMNS = """
    e.article_id, e.id, e.type, e.mode, e.cameo, e.quad_class, e.goldstein, e.factuality,
    e.source_code, e.source_country, e.target_code, e.target_country, e.attributed_to, e.date, e.event_date,
    e.place_name, e.place_country, e.lat, e.lon, e.trigger_start, e.trigger_end, e.trigger_text,
    e.sentence_start, e.sentence_end, e.sentence_text, e.confidence, a.title AS article_title
"""


def list_events(
    con: duckdb.DuckDBPyConnection, *, source: str | None, target: str | None, type: str | None,
    factuality: str | None, since: date | None, until: date | None, q: str | None, article_id: str | None,
    include_duplicates: bool, limit: int, offset: int,
) -> Page:
    filters = Filters()
    if not include_duplicates:
        filters.add("a.duplicate_of IS NULL")
    filters.add_if(source, "(e.source_country = ? OR e.source_code = ?)", repeat=2)
    filters.add_if(target, "(e.target_country = ? OR e.target_code = ?)", repeat=2)
    filters.add_if(type, "e.type = ?")
    filters.add_if(factuality, "e.factuality = ?")
    filters.add_if(since, "e.event_date >= ?")
    filters.add_if(until, "e.event_date <= ?")
    filters.add_if(article_id, "e.article_id = ?")
    if q is not None:
        filters.add("e.sentence_text ILIKE ? ESCAPE '\\'", _like(q))
    where = filters.sql()
    base = f"FROM events AS e JOIN articles AS a ON a.id = e.article_id WHERE {where}"
    total = con.execute(f"SELECT count(*) {base}", filters.params).fetchone()
    cursor = con.execute(
        f"SELECT {EVENT_COLUMNS} {base} ORDER BY e.event_date DESC NULLS LAST, e.article_id, e.id LIMIT ? OFFSET ?",
        [*filters.params, limit, offset],
    )
    return Page(total[0] if total else 0, _rows_as_dicts(cursor))


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
