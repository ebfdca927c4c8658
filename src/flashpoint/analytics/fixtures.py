"""Hand-made Analyses and a small store writer, for tests, the demo store and the bench.

``compose_article`` builds a contract-valid Analysis from a few sentence specs (every span indexes
the composed text), and ``write_store`` puts Analyses into a fresh DuckDB store created from
``store/schema.sql``. The writer is a stand-in for ``flashpoint ingest`` so analytics and the API
can be tested without the NLP pipeline; its derived columns follow docs/store.md (source_code and
source_country of the first source actor, event_date = the TIMEX3 day or the publication day).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from flashpoint.model import Actor, Amount, Analysis, Article, DateExpression, Event, Place, Quote, Span


@dataclass(frozen=True)
class ActorSpec:
    name: str
    kind: str = "state"
    country: str | None = None
    code: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class PlaceSpec:
    name: str
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class EventSpec:
    """One sentence ``"{source} {lead}{trigger} {target}{tail}."`` that carries one event."""

    source: ActorSpec
    trigger: str
    target: ActorSpec
    type: str
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    factuality: str = "asserted"
    place: PlaceSpec | None = None
    tail: str = ""
    date_value: str | None = None  # a TIMEX3 day this sentence mentions ("on <date>")
    date_text: str | None = None  # how the date is written (default: the value itself)
    lead: str = ""  # words before the trigger that carry factuality ("plans to ", "could ")


@dataclass(frozen=True)
class QuoteSpec:
    speaker: ActorSpec
    content: str


@dataclass(frozen=True)
class AmountSpec:
    text: str
    value: float
    unit: str | None = None
    object: str | None = None
    qualifier: str = "exact"


@dataclass(frozen=True)
class ArticleSpec:
    id: str
    published: str
    events: Sequence[EventSpec] = ()
    quotes: Sequence[QuoteSpec] = ()
    amounts: Sequence[AmountSpec] = ()
    title: str | None = None
    source: str | None = None
    duplicate_of: str | None = None


@dataclass
class _Builder:
    """Accumulates text and the spans of every mention while an article is composed."""

    text: str = ""
    actor_ids: dict[ActorSpec, str] = field(default_factory=dict)
    actor_mentions: dict[str, list[Span]] = field(default_factory=dict)
    place_ids: dict[PlaceSpec, str] = field(default_factory=dict)
    place_mentions: dict[str, list[Span]] = field(default_factory=dict)

    def add(self, piece: str) -> Span:
        start = len(self.text)
        self.text += piece
        return Span(start=start, end=len(self.text), text=piece)

    def add_actor(self, actor: ActorSpec) -> str:
        actor_id = self.actor_ids.setdefault(actor, f"a{len(self.actor_ids) + 1}")
        self.actor_mentions.setdefault(actor_id, []).append(self.add(actor.name))
        return actor_id

    def add_place(self, place: PlaceSpec) -> str:
        place_id = self.place_ids.setdefault(place, f"p{len(self.place_ids) + 1}")
        self.place_mentions.setdefault(place_id, []).append(self.add(place.name))
        return place_id


def compose_article(spec: ArticleSpec) -> Analysis:
    """A contract-valid Analysis whose text is the spec's sentences, one per event/quote/figure."""
    builder = _Builder()
    events: list[Event] = []
    dates: list[DateExpression] = []
    for number, event in enumerate(spec.events, start=1):
        sentence_start = len(builder.text)
        source_id = builder.add_actor(event.source)
        builder.add(" " + event.lead)
        trigger = builder.add(event.trigger)
        builder.add(" ")
        target_id = builder.add_actor(event.target)
        place_id = None
        if event.place is not None:
            builder.add(" near ")
            place_id = builder.add_place(event.place)
        builder.add(event.tail)
        if event.date_value is not None:
            builder.add(" on ")
            date_span = builder.add(event.date_text or event.date_value)
            dates.append(
                DateExpression(id=f"d{len(dates) + 1}", span=date_span, type="DATE", value=event.date_value)
            )
        builder.add(".")
        sentence = Span.of(builder.text, sentence_start, len(builder.text))
        builder.add(" ")
        events.append(
            Event(
                id=f"e{number}",
                type=event.type,  # type: ignore[arg-type]
                cameo=event.cameo,
                quad_class=event.quad_class,
                goldstein=event.goldstein,
                source=(source_id,),
                target=(target_id,),
                factuality=event.factuality,  # type: ignore[arg-type]
                date=event.date_value,
                place=place_id,
                trigger=trigger,
                sentence=sentence,
                confidence=0.9,
            )
        )
    quotes: list[Quote] = []
    for number, quote in enumerate(spec.quotes, start=1):
        speaker_id = builder.add_actor(quote.speaker)
        cue = (builder.add(" "), builder.add("said"))[1]
        builder.add(' "')
        content = builder.add(quote.content)
        builder.add('". ')
        mention = builder.actor_mentions[speaker_id][-1]
        quotes.append(
            Quote(id=f"q{number}", kind="direct", content=(content,), speaker=speaker_id,
                  speaker_mention=mention, cue=cue)
        )
    amounts: list[Amount] = []
    for number, amount in enumerate(spec.amounts, start=1):
        builder.add("Officials counted ")
        span = builder.add(amount.text)
        builder.add(". ")
        amounts.append(
            Amount(id=f"m{number}", value=amount.value, span=span, unit=amount.unit, object=amount.object,
                   qualifier=amount.qualifier)  # type: ignore[arg-type]
        )
    text = builder.text.rstrip()
    actors = tuple(
        Actor(id=actor_id, name=actor.name, kind=actor.kind, country=actor.country,  # type: ignore[arg-type]
              code=actor.code, role=actor.role, mentions=tuple(builder.actor_mentions[actor_id]))
        for actor, actor_id in builder.actor_ids.items()
    )
    places = tuple(
        Place(id=place_id, name=place.name, feature="populated place", country=place.country,
              lat=place.lat, lon=place.lon, mentions=tuple(builder.place_mentions[place_id]))
        for place, place_id in builder.place_ids.items()
    )
    return Analysis(
        article=Article(id=spec.id, title=spec.title, source=spec.source, published=spec.published,
                        language="en", text=text),
        actors=actors, events=tuple(events), quotes=tuple(quotes), amounts=tuple(amounts),
        dates=tuple(dates), places=places,
    )


# --- the store writer (stand-in for ingest) -------------------------------------------------


def schema_sql() -> str:
    return files("flashpoint.store").joinpath("schema.sql").read_text(encoding="utf-8")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _spans(spans: Iterable[Span]) -> str:
    return _json([span.model_dump(mode="json") for span in spans])


def _day(value: str | None) -> date | None:
    if value is None or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _rows(analysis: Analysis, duplicate_of: str | None, ingested_at: datetime) -> dict[str, list[tuple]]:
    article = analysis.article
    published = _day(article.published)
    article_id = article.id
    actors = {actor.id: actor for actor in analysis.actors}
    places = {place.id: place for place in analysis.places}
    rows: dict[str, list[tuple]] = {
        "articles": [(
            article_id, article.url, article.title, article.source, article.published, published,
            article.language, article.text, hashlib.sha1(article.text.encode()).hexdigest(), duplicate_of,
            "fixture", len(article.text.split()), ingested_at, _json(analysis.to_json_dict()),
        )],
        "actors": [
            (article_id, a.id, a.name, a.kind, a.country, a.sector, a.role, a.code, a.wikidata, _spans(a.mentions))
            for a in analysis.actors
        ],
        "events": [],
        "quotes": [
            (article_id, q.id, q.kind, _spans(q.content), " … ".join(s.text for s in q.content), q.speaker,
             None if q.speaker_mention is None else _json(q.speaker_mention.model_dump()),
             None if q.cue is None else _json(q.cue.model_dump()))
            for q in analysis.quotes
        ],
        "amounts": [
            (article_id, m.id, m.value, m.span.start, m.span.end, m.span.text, m.unit, m.object, m.qualifier,
             m.range[0] if m.range else None, m.range[1] if m.range else None, m.claimed_by)
            for m in analysis.amounts
        ],
        "dates": [
            (article_id, d.id, d.span.start, d.span.end, d.span.text, d.type, d.value) for d in analysis.dates
        ],
        "places": [
            (article_id, p.id, p.name, p.feature, p.country, p.lat, p.lon, p.geonameid, _spans(p.mentions))
            for p in analysis.places
        ],
    }
    for event in analysis.events:
        source = next((actors[i] for i in event.source if i in actors), None)
        target = next((actors[i] for i in event.target if i in actors), None)
        place = places.get(event.place or "")
        rows["events"].append((
            article_id, event.id, event.type, event.mode, event.cameo, event.quad_class, event.goldstein,
            _json(list(event.source)), _json(list(event.target)),
            source.code if source else None, source.country if source else None,
            target.code if target else None, target.country if target else None,
            event.factuality, event.attributed_to, event.date, _day(event.date) or published,
            event.place, place.name if place else None, place.country if place else None,
            place.lat if place else None, place.lon if place else None, place.geonameid if place else None,
            event.trigger.start, event.trigger.end, event.trigger.text,
            event.sentence.start, event.sentence.end, event.sentence.text,
            event.confidence, _spans(event.other_triggers),
        ))
    return rows


_TABLES = ("articles", "actors", "events", "quotes", "amounts", "dates", "places")


def write_store(path: Path, analyses: Iterable[Analysis], duplicates: dict[str, str] | None = None) -> Path:
    """A new store at ``path`` holding ``analyses``; ``duplicates`` maps a copy's id to its original."""
    duplicates = duplicates or {}
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    con = duckdb.connect(str(path))
    con.execute(schema_sql())
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', '1')")
    ingested_at = datetime(2000, 1, 1)
    batch: dict[str, list[tuple]] = {table: [] for table in _TABLES}
    for analysis in analyses:
        for table, rows in _rows(analysis, duplicates.get(analysis.article.id), ingested_at).items():
            batch[table].extend(rows)
    con.execute("BEGIN TRANSACTION")
    for table in _TABLES:
        if batch[table]:
            # Arrow in, not executemany: the demo store has tens of thousands of rows.
            # Rows hold the schema-v1 columns in order; later versions only add columns at the end.
            columns = list(zip(*batch[table], strict=True))
            names = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()][: len(columns)]
            arrow = pa.table({name: pa.array(list(column)) for name, column in zip(names, columns, strict=True)})
            con.register("incoming", arrow)
            con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT * FROM incoming")
            con.unregister("incoming")
    event_columns = {row[0] for row in con.execute("DESCRIBE events").fetchall()}
    if "duplicate_of" in event_columns:  # schema v2 copies the article's duplicate_of onto its events
        con.execute("UPDATE events SET duplicate_of = a.duplicate_of FROM articles AS a WHERE a.id = events.article_id")
    con.execute("COMMIT")
    con.close()
    return path


def write_specs(path: Path, specs: Iterable[ArticleSpec]) -> Path:
    specs = list(specs)
    duplicates = {spec.id: spec.duplicate_of for spec in specs if spec.duplicate_of}
    return write_store(path, (compose_article(spec) for spec in specs), duplicates)
