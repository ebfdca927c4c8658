"""Read endpoints over the stored data: health, articles, events, actors, places, timeline, dyads."""

from __future__ import annotations

import json
from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Response

from flashpoint.analytics import series
from flashpoint.api import queries
from flashpoint.api.params import (
    Code,
    EventTypeParam,
    FactualityParam,
    Freq,
    Level,
    Limit,
    Offset,
    PathCode,
    Since,
    Text,
    Until,
    get_store,
    upper,
    window,
)
from flashpoint.api.store import ReadOnlyStore

router = APIRouter(prefix="/api")


def json_response(document: dict) -> Response:
    """Plain JSON of already-plain data, without FastAPI's per-value encoder (the hot listing path)."""
    return Response(json.dumps(document, ensure_ascii=False, separators=(",", ":")), media_type="application/json")

Store = Annotated[ReadOnlyStore, Depends(get_store)]


@router.get("/health", summary="Liveness and store size")
def health(store: Store) -> dict:
    def compute(con: duckdb.DuckDBPyConnection) -> dict:
        counts = {
            table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "events", "actors", "quotes", "amounts", "dates", "places")
        }
        duplicates = con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
        span = con.execute("SELECT min(event_date), max(event_date) FROM events").fetchone()
        return {"status": "ok", "store": str(store.path), "read_only": True, "counts": counts,
                "duplicates": duplicates,
                "first_event_date": span[0].isoformat() if span[0] else None,
                "last_event_date": span[1].isoformat() if span[1] else None}

    return store.cached(("health",), compute)


@router.get("/articles", summary="Articles, newest first (syndicated copies hidden unless asked)")
def articles(
    store: Store, q: Text = None, source: Annotated[str | None, Query(max_length=200)] = None,
    actor: Text = None, since: Since = None, until: Until = None,
    include_duplicates: bool = False, limit: Limit = 50, offset: Offset = 0,
) -> Response:
    window(since, until)
    cursor = store.cursor()
    try:
        page = queries.list_articles(cursor, q=q, source=source, actor=actor, since=since, until=until,
                                     include_duplicates=include_duplicates, limit=limit, offset=offset)
    finally:
        cursor.close()
    return json_response(page.as_dict(limit, offset))


@router.get("/articles/{article_id:path}", summary="The stored Analysis of one article (the contract)")
def article(store: Store, article_id: Annotated[str, Path(min_length=1, max_length=2000)]) -> dict:
    analysis = queries.article_analysis(store.cursor(), article_id)
    if analysis is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
    return analysis


@router.get("/events", summary="Events, newest first, with their trigger and sentence")
def events(
    store: Store, source: Code = None, target: Code = None, type: EventTypeParam | None = None,
    factuality: FactualityParam | None = None, since: Since = None, until: Until = None, q: Text = None,
    article_id: Annotated[str | None, Query(min_length=1, max_length=2000)] = None,
    include_duplicates: bool = False, limit: Limit = 50, offset: Offset = 0,
) -> Response:
    window(since, until)
    filters = queries.event_filters(
        source=upper(source), target=upper(target), type=type, factuality=factuality, since=since, until=until,
        q=q, article_id=article_id, include_duplicates=include_duplicates,
    )
    # Totals per filter set are cached (the store is read-only); the page itself is one scan.
    total = store.cached(("events-total", filters.sql(), tuple(filters.params)),
                         lambda con: queries.count_events(con, filters))
    cursor = store.cursor()
    try:
        items = queries.page_of_events(cursor, filters, limit, offset)
    finally:
        cursor.close()
    return json_response({"total": total, "limit": limit, "offset": offset, "items": items})


@router.get("/actors", summary="Actors across articles, grouped by code")
def actors(
    store: Store, q: Text = None,
    kind: Annotated[str | None, Query(pattern="^(person|state|organization|group|media)$")] = None,
    country: Code = None, limit: Limit = 100, offset: Offset = 0,
) -> dict:
    page = queries.list_actors(store.cursor(), q=q, kind=kind, country=upper(country), limit=limit, offset=offset)
    return page.as_dict(limit, offset)


@router.get("/places", summary="Geocoded event places with their event counts (for the map)")
def places(store: Store, since: Since = None, until: Until = None, limit: Limit = 500) -> dict:
    span = window(since, until)
    items = store.cached(("places", span, limit), lambda con: series.event_places(con, span, limit))
    return {"items": [item.as_dict() for item in items]}


@router.get("/timeline", summary="Counts of all events per period (QuadClass, factuality, intents)")
def timeline(store: Store, freq: Freq = "week", since: Since = None, until: Until = None) -> dict:
    span = window(since, until)
    points = store.cached(("timeline", freq, span), lambda con: series.grouped_series(con, freq, span))
    return {"freq": freq, "series": [point.as_dict() for point in points]}


@router.get("/dyads", summary="Dyads (source -> target), most active first")
def dyads(
    store: Store, since: Since = None, until: Until = None, level: Level = "country",
    involving: Code = None, limit: Limit = 100, offset: Offset = 0,
) -> dict:
    span = window(since, until)
    key = ("dyads", span, level, upper(involving), limit, offset)
    items = store.cached(key, lambda con: series.list_dyads(con, span, level, limit, offset, upper(involving)))
    return {"limit": limit, "offset": offset, "items": [item.as_dict() for item in items]}


@router.get("/dyads/{source}/{target}/series", summary="One dyad's counts per day, week or month")
def dyad_series(
    store: Store, source: PathCode, target: PathCode, freq: Freq = "week",
    since: Since = None, until: Until = None, level: Level = "country",
) -> dict:
    span = window(since, until)
    src, tgt = source.upper(), target.upper()
    if not store.cached(("dyad?", src, tgt, level), lambda con: series.dyad_exists(con, src, tgt, level)):
        raise HTTPException(status_code=404, detail=f"no events from {src} to {tgt}")
    points = store.cached(
        ("series", src, tgt, freq, span, level),
        lambda con: series.grouped_series(con, freq, span, level, source=src, target=tgt),
    )
    return {"source": src, "target": tgt, "freq": freq, "level": level,
            "series": [point.as_dict() for point in points]}
