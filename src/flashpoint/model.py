"""Pydantic models of the Analysis contract (``shared/schema/analysis-v1.schema.json``).

The schema is the contract: fields may be added here, never removed or renamed.
Every offset indexes ``Article.text`` in Unicode code points, end exclusive.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

ActorKind = Literal["person", "state", "organization", "group", "media"]
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
Factuality = Literal["asserted", "reported", "planned", "hypothetical", "negated", "denied"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Qualifier = Literal[
    "exact", "approximate", "more_than", "at_least", "less_than", "at_most",
    "range", "increase", "decrease",
]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
FACTUALITIES: tuple[str, ...] = Factuality.__args__  # type: ignore[attr-defined]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])


class ExcludedSpan(Span):
    reason: str


class Article(Frozen):
    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    text: str
    excluded: tuple[ExcludedSpan, ...] = ()


class Actor(Frozen):
    id: str
    name: str
    kind: ActorKind
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3,4}$")
    sector: str | None = None
    role: str | None = None
    code: str | None = None
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")
    mentions: tuple[Span, ...] = Field(min_length=1)


class Event(Frozen):
    id: str
    type: EventType
    mode: str | None = None
    cameo: str | None = Field(default=None, pattern=r"^[0-9]{2,4}$")
    quad_class: int | None = Field(default=None, ge=1, le=4)
    goldstein: float | None = Field(default=None, ge=-10, le=10)
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    factuality: Factuality
    attributed_to: str | None = None
    date: str | None = None
    place: str | None = None
    trigger: Span
    sentence: Span
    confidence: float | None = Field(default=None, ge=0, le=1)
    other_triggers: tuple[Span, ...] = ()


class Quote(Frozen):
    id: str
    kind: QuoteKind
    content: tuple[Span, ...] = Field(min_length=1)
    speaker: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None


class Amount(Frozen):
    id: str
    value: float
    span: Span
    unit: str | None = None
    object: str | None = None
    qualifier: Qualifier
    range: tuple[float, float] | None = None
    claimed_by: str | None = None
    # The contract's qualifier enum has no "up_to"; "up to 175,000" is at_most with this detail.
    qualifier_detail: str | None = None


class DateExpression(Frozen):
    id: str
    span: Span
    type: TimexType
    value: str | None = None


class Place(Frozen):
    id: str
    name: str
    feature: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3,4}$")
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    mentions: tuple[Span, ...] = Field(min_length=1)


class Analysis(Frozen):
    schema_version: Literal["1"] = SCHEMA_VERSION
    article: Article
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    amounts: tuple[Amount, ...] = ()
    dates: tuple[DateExpression, ...] = ()
    places: tuple[Place, ...] = ()

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json")
