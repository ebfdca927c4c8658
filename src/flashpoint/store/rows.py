"""Analysis -> table rows: the one conversion shared by the DuckDB store and Spark's Parquet output.

``analysis_rows`` turns one Analysis into plain dict rows for every store table, keyed by table
name, with exactly the columns of ``schema.sql``; ``TABLE_SCHEMAS`` gives the same layout as Arrow
schemas so any writer (DuckDB, pyarrow, Spark) produces identical tables. JSON columns hold JSON
text. See docs/store.md for what each derived column means.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pyarrow as pa

from flashpoint.ingest.records import parse_published, text_hash
from flashpoint.model import Actor, Analysis, Event, Place, Span

Row = dict[str, Any]
TableRows = dict[str, list[Row]]

CHILD_TABLES: tuple[str, ...] = ("actors", "events", "quotes", "amounts", "dates", "places")
ANALYSIS_TABLES: tuple[str, ...] = ("articles", *CHILD_TABLES)

_JSON = pa.string()

TABLE_SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("id", pa.string()),
            ("url", pa.string()),
            ("title", pa.string()),
            ("source", pa.string()),
            ("published", pa.string()),
            ("published_date", pa.date32()),
            ("language", pa.string()),
            ("text", pa.string()),
            ("content_hash", pa.string()),
            ("duplicate_of", pa.string()),
            ("origin", pa.string()),
            ("n_words", pa.int32()),
            ("ingested_at", pa.timestamp("us")),
            ("analysis", _JSON),
        ]
    ),
    "actors": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("name", pa.string()),
            ("kind", pa.string()),
            ("country", pa.string()),
            ("sector", pa.string()),
            ("role", pa.string()),
            ("code", pa.string()),
            ("wikidata", pa.string()),
            ("mentions", _JSON),
        ]
    ),
    "events": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("type", pa.string()),
            ("mode", pa.string()),
            ("cameo", pa.string()),
            ("quad_class", pa.int32()),
            ("goldstein", pa.float64()),
            ("source", _JSON),
            ("target", _JSON),
            ("source_code", pa.string()),
            ("source_country", pa.string()),
            ("target_code", pa.string()),
            ("target_country", pa.string()),
            ("factuality", pa.string()),
            ("attributed_to", pa.string()),
            ("date", pa.string()),
            ("event_date", pa.date32()),
            ("place", pa.string()),
            ("place_name", pa.string()),
            ("place_country", pa.string()),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("geonameid", pa.int64()),
            ("trigger_start", pa.int32()),
            ("trigger_end", pa.int32()),
            ("trigger_text", pa.string()),
            ("sentence_start", pa.int32()),
            ("sentence_end", pa.int32()),
            ("sentence_text", pa.string()),
            ("confidence", pa.float64()),
            ("other_triggers", _JSON),
            ("duplicate_of", pa.string()),
        ]
    ),
    "quotes": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("kind", pa.string()),
            ("content", _JSON),
            ("content_text", pa.string()),
            ("speaker", pa.string()),
            ("speaker_mention", _JSON),
            ("cue", _JSON),
        ]
    ),
    "amounts": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("value", pa.float64()),
            ("span_start", pa.int32()),
            ("span_end", pa.int32()),
            ("span_text", pa.string()),
            ("unit", pa.string()),
            ("object", pa.string()),
            ("qualifier", pa.string()),
            ("range_low", pa.float64()),
            ("range_high", pa.float64()),
            ("claimed_by", pa.string()),
        ]
    ),
    "dates": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("span_start", pa.int32()),
            ("span_end", pa.int32()),
            ("span_text", pa.string()),
            ("type", pa.string()),
            ("value", pa.string()),
        ]
    ),
    "places": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("name", pa.string()),
            ("feature", pa.string()),
            ("country", pa.string()),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("geonameid", pa.int64()),
            ("mentions", _JSON),
        ]
    ),
    "errors": pa.schema(
        [
            ("path", pa.string()),
            ("line", pa.int32()),
            ("record", pa.string()),
            ("kind", pa.string()),
            ("message", pa.string()),
            ("at", pa.timestamp("us")),
        ]
    ),
    "article_minhash": pa.schema([("article_id", pa.string()), ("signature", pa.binary())]),
}


@dataclass(frozen=True)
class ArticleMeta:
    """What the store knows about an article beyond its Analysis."""

    ingested_at: datetime
    origin: str | None = None
    duplicate_of: str | None = None


def count_words(text: str) -> int:
    """Whitespace-separated words: the unit of every words-per-second figure."""
    return len(text.split())


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _spans_json(spans: Iterable[Span]) -> str:
    return _json([span.model_dump(mode="json") for span in spans])


def _optional_span_json(span: Span | None) -> str | None:
    return None if span is None else _json(span.model_dump(mode="json"))


def timex_day(value: str | None) -> date | None:
    """The calendar day of a TIMEX3 value when it names one (2021-12-02, 2021-12-02T10:00)."""
    if value is None or len(value) < 10:
        return None
    return parse_published(value)


def article_row(analysis: Analysis, meta: ArticleMeta) -> Row:
    article = analysis.article
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "published": article.published,
        "published_date": parse_published(article.published),
        "language": article.language,
        "text": article.text,
        "content_hash": text_hash(article.text),
        "duplicate_of": meta.duplicate_of,
        "origin": meta.origin,
        "n_words": count_words(article.text),
        "ingested_at": meta.ingested_at,
        "analysis": _json(analysis.to_json_dict()),
    }


def actor_rows(analysis: Analysis) -> list[Row]:
    article_id = analysis.article.id
    return [
        {
            "article_id": article_id,
            "id": actor.id,
            "name": actor.name,
            "kind": actor.kind,
            "country": actor.country,
            "sector": actor.sector,
            "role": actor.role,
            "code": actor.code,
            "wikidata": actor.wikidata,
            "mentions": _spans_json(actor.mentions),
        }
        for actor in analysis.actors
    ]


def _first_actor(ids: Sequence[str], actors: dict[str, Actor]) -> Actor | None:
    return next((actors[actor_id] for actor_id in ids if actor_id in actors), None)


def event_row(
    article_id: str, event: Event, actors: dict[str, Actor], places: dict[str, Place], published: date | None
) -> Row:
    source = _first_actor(event.source, actors)
    target = _first_actor(event.target, actors)
    place = places.get(event.place) if event.place else None
    return {
        "article_id": article_id,
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "source": _json(list(event.source)),
        "target": _json(list(event.target)),
        "source_code": source.code if source else None,
        "source_country": source.country if source else None,
        "target_code": target.code if target else None,
        "target_country": target.country if target else None,
        "factuality": event.factuality,
        "attributed_to": event.attributed_to,
        "date": event.date,
        "event_date": timex_day(event.date) or published,
        "place": event.place,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geonameid": place.geonameid if place else None,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "trigger_text": event.trigger.text,
        "sentence_start": event.sentence.start,
        "sentence_end": event.sentence.end,
        "sentence_text": event.sentence.text,
        "confidence": event.confidence,
        "other_triggers": _spans_json(event.other_triggers),
        "duplicate_of": None,  # set by the writer, like articles.duplicate_of
    }


def event_rows(analysis: Analysis) -> list[Row]:
    actors = {actor.id: actor for actor in analysis.actors}
    places = {place.id: place for place in analysis.places}
    published = parse_published(analysis.article.published)
    return [event_row(analysis.article.id, event, actors, places, published) for event in analysis.events]


def quote_rows(analysis: Analysis) -> list[Row]:
    return [
        {
            "article_id": analysis.article.id,
            "id": quote.id,
            "kind": quote.kind,
            "content": _spans_json(quote.content),
            "content_text": " … ".join(span.text for span in quote.content),
            "speaker": quote.speaker,
            "speaker_mention": _optional_span_json(quote.speaker_mention),
            "cue": _optional_span_json(quote.cue),
        }
        for quote in analysis.quotes
    ]


def amount_rows(analysis: Analysis) -> list[Row]:
    return [
        {
            "article_id": analysis.article.id,
            "id": amount.id,
            "value": amount.value,
            "span_start": amount.span.start,
            "span_end": amount.span.end,
            "span_text": amount.span.text,
            "unit": amount.unit,
            "object": amount.object,
            "qualifier": amount.qualifier,
            "range_low": amount.range[0] if amount.range else None,
            "range_high": amount.range[1] if amount.range else None,
            "claimed_by": amount.claimed_by,
        }
        for amount in analysis.amounts
    ]


def date_rows(analysis: Analysis) -> list[Row]:
    return [
        {
            "article_id": analysis.article.id,
            "id": expression.id,
            "span_start": expression.span.start,
            "span_end": expression.span.end,
            "span_text": expression.span.text,
            "type": expression.type,
            "value": expression.value,
        }
        for expression in analysis.dates
    ]


def place_rows(analysis: Analysis) -> list[Row]:
    return [
        {
            "article_id": analysis.article.id,
            "id": place.id,
            "name": place.name,
            "feature": place.feature,
            "country": place.country,
            "lat": place.lat,
            "lon": place.lon,
            "geonameid": place.geonameid,
            "mentions": _spans_json(place.mentions),
        }
        for place in analysis.places
    ]


def analysis_rows(analysis: Analysis, meta: ArticleMeta) -> TableRows:
    """Every row one Analysis contributes, keyed by table (all of ANALYSIS_TABLES present)."""
    return {
        "articles": [article_row(analysis, meta)],
        "actors": actor_rows(analysis),
        "events": event_rows(analysis),
        "quotes": quote_rows(analysis),
        "amounts": amount_rows(analysis),
        "dates": date_rows(analysis),
        "places": place_rows(analysis),
    }


def merge_rows(parts: Iterable[TableRows]) -> TableRows:
    merged: TableRows = {}
    for part in parts:
        for table, rows in part.items():
            merged.setdefault(table, []).extend(rows)
    return merged


def to_arrow(table: str, rows: Sequence[Row]) -> pa.Table:
    """The rows as an Arrow table with the store's layout for ``table``."""
    return pa.Table.from_pylist(list(rows), schema=TABLE_SCHEMAS[table])
