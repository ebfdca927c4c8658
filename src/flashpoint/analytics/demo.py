"""A synthetic but plausible demo corpus: dyads whose relations cool, heat up and break into violence.

Every sentence is generated from templates written for this project; coordinates, country codes,
CAMEO codes and Goldstein values are public facts. ``demo_specs`` is deterministic for a seed, so
the demo store, the bench and the browser tests all see the same story:

- RUS -> UKR: steady material conflict with a MOBILIZE surge, then a sharp escalation late on;
- ARM -> AZE: calm consultations until a first ASSAULT;
- USA -> CHN: verbal friction with a late surge of threats;
- IND -> PAK: accusations, then mobilisation along the line of control;
- ISR -> IRN: threats that turn into strikes; ETH -> ERI: cooperation (the quiet control).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from flashpoint.analytics.fixtures import (
    ActorSpec,
    AmountSpec,
    ArticleSpec,
    EventSpec,
    PlaceSpec,
    QuoteSpec,
)

START = date(2025, 6, 2)  # a Monday
WEEKS = 26


@dataclass(frozen=True)
class Verb:
    type: str
    cameo: str
    quad_class: int
    goldstein: float
    past: str
    base: str


VERBS: dict[str, Verb] = {verb.type: verb for verb in (
    Verb("CONSULT", "040", 1, 1.0, "held talks with", "hold talks with"),
    Verb("AGREE", "057", 1, 8.0, "signed an agreement with", "sign an agreement with"),
    Verb("SUPPORT", "051", 1, 3.4, "praised", "praise"),
    Verb("REQUEST", "020", 1, 3.0, "appealed to", "appeal to"),
    Verb("COOPERATE", "061", 2, 6.4, "reopened a trade corridor with", "reopen a trade corridor with"),
    Verb("AID", "073", 2, 7.4, "sent humanitarian aid to", "send humanitarian aid to"),
    Verb("ACCUSE", "112", 3, -2.0, "accused", "accuse"),
    Verb("REJECT", "120", 3, -4.0, "rejected a proposal from", "reject a proposal from"),
    Verb("THREATEN", "138", 3, -7.0, "threatened military action against", "threaten military action against"),
    Verb("PROTEST", "140", 3, -6.5, "staged protests against", "stage protests against"),
    Verb("SANCTION", "163", 4, -8.0, "imposed sanctions on", "impose sanctions on"),
    Verb("MOBILIZE", "154", 4, -7.2, "massed troops on the border with", "mass troops on the border with"),
    Verb("COERCE", "171", 4, -9.2, "seized vessels belonging to", "seize vessels belonging to"),
    Verb("ASSAULT", "190", 4, -10.0, "shelled positions held by", "shell positions held by"),
)}


@dataclass(frozen=True)
class Phase:
    from_week: int
    per_day: float
    weights: dict[str, float]


@dataclass(frozen=True)
class Dyad:
    source: ActorSpec
    target: ActorSpec
    speaker: ActorSpec
    places: tuple[PlaceSpec, ...]
    phases: tuple[Phase, ...]


def _state(name: str, country: str, code: str) -> ActorSpec:
    return ActorSpec(name=name, kind="state", country=country, code=code)


def _spokesperson(country_adjective: str, country: str) -> ActorSpec:
    return ActorSpec(name=f"the {country_adjective} foreign ministry spokesperson", kind="person",
                     country=country, code=f"{country}GOV", role="spokesperson")


CALM = {"CONSULT": 4, "AGREE": 1, "SUPPORT": 1, "REQUEST": 1, "COOPERATE": 1, "ACCUSE": 1}
VERBAL = {"CONSULT": 1, "ACCUSE": 4, "REJECT": 2, "THREATEN": 1, "PROTEST": 1, "REQUEST": 1}
WAR = {"ASSAULT": 6, "COERCE": 1, "ACCUSE": 2, "THREATEN": 1, "MOBILIZE": 1, "SANCTION": 1}

DYADS: tuple[Dyad, ...] = (
    Dyad(
        _state("Russian forces", "RUS", "RUSMIL"), _state("Ukrainian troops", "UKR", "UKRMIL"),
        _spokesperson("Ukrainian", "UKR"),
        (PlaceSpec("Kharkiv", "UKR", 49.99, 36.23), PlaceSpec("Zaporizhzhia", "UKR", 47.84, 35.14),
         PlaceSpec("Kherson", "UKR", 46.64, 32.61), PlaceSpec("Pokrovsk", "UKR", 48.28, 37.18)),
        (Phase(0, 2.5, WAR), Phase(8, 3.0, {**WAR, "MOBILIZE": 8}), Phase(10, 2.5, WAR),
         Phase(21, 5.0, {"ASSAULT": 10, "COERCE": 2, "THREATEN": 2, "MOBILIZE": 2})),
    ),
    Dyad(
        _state("Armenia", "ARM", "ARMGOV"), _state("Azerbaijan", "AZE", "AZEGOV"),
        _spokesperson("Armenian", "ARM"),
        (PlaceSpec("Jermuk", "ARM", 39.84, 45.67), PlaceSpec("Goris", "ARM", 39.51, 46.34)),
        (Phase(0, 0.6, CALM), Phase(18, 1.2, {**VERBAL, "ASSAULT": 3, "MOBILIZE": 2}), Phase(21, 0.8, VERBAL)),
    ),
    Dyad(
        _state("Washington", "USA", "USAGOV"), _state("Beijing", "CHN", "CHNGOV"),
        _spokesperson("Chinese", "CHN"),
        (PlaceSpec("Taipei", "TWN", 25.03, 121.56), PlaceSpec("Manila", "PHL", 14.6, 120.98)),
        (Phase(0, 1.2, {**VERBAL, "SANCTION": 1, "CONSULT": 2}), Phase(22, 2.0, {**VERBAL, "THREATEN": 8})),
    ),
    Dyad(
        _state("India", "IND", "INDGOV"), _state("Pakistan", "PAK", "PAKGOV"),
        _spokesperson("Pakistani", "PAK"),
        (PlaceSpec("Poonch", "IND", 33.77, 74.09), PlaceSpec("Kotli", "PAK", 33.52, 73.9)),
        (Phase(0, 0.8, VERBAL), Phase(14, 1.5, {**VERBAL, "MOBILIZE": 6, "ASSAULT": 1}), Phase(17, 0.8, VERBAL)),
    ),
    Dyad(
        _state("Israel", "ISR", "ISRGOV"), _state("Iran", "IRN", "IRNGOV"),
        _spokesperson("Iranian", "IRN"),
        (PlaceSpec("Isfahan", "IRN", 32.65, 51.67), PlaceSpec("Tabriz", "IRN", 38.08, 46.29)),
        (Phase(0, 0.7, {**VERBAL, "THREATEN": 3}), Phase(12, 1.5, {"THREATEN": 3, "ASSAULT": 4, "ACCUSE": 2}),
         Phase(15, 0.7, VERBAL)),
    ),
    Dyad(
        _state("Ethiopia", "ETH", "ETHGOV"), _state("Eritrea", "ERI", "ERIGOV"),
        _spokesperson("Eritrean", "ERI"),
        (PlaceSpec("Badme", "ERI", 14.73, 37.81),),
        (Phase(0, 0.5, {**CALM, "AID": 2}),),
    ),
)

QUOTES = (
    "Any further provocation will be answered with every means at our disposal",
    "The door to negotiations remains open, but not at any price",
    "We call on the international community to hold the aggressor to account",
    "Our forces are ready to defend every metre of our territory",
    "We have no interest in escalation and urge restraint on all sides",
)
SOURCES = ("Northern Wire", "Daily Ledger", "Meridian News", "The Evening Courier", "Global Dispatch")
FACTUALITY_WEIGHTS = {"asserted": 60, "reported": 25, "planned": 6, "hypothetical": 5, "negated": 4}
LEADS = {"planned": "announced plans to ", "hypothetical": "may ", "negated": "did not "}


def _phase(dyad: Dyad, week: int) -> Phase:
    return [phase for phase in dyad.phases if phase.from_week <= week][-1]


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    names = list(weights)
    return rng.choices(names, weights=[weights[name] for name in names])[0]


def _event(rng: random.Random, dyad: Dyad, kind: str, day: date, reverse: bool) -> EventSpec:
    verb = VERBS[kind]
    factuality = _pick(rng, FACTUALITY_WEIGHTS)
    source, target = (dyad.target, dyad.source) if reverse else (dyad.source, dyad.target)
    violent = verb.quad_class == 4
    return EventSpec(
        source=source, target=target, type=verb.type, cameo=verb.cameo, quad_class=verb.quad_class,
        goldstein=verb.goldstein, factuality=factuality,
        lead=LEADS.get(factuality, ""),
        trigger=verb.past if factuality in ("asserted", "reported") else verb.base,
        place=rng.choice(dyad.places) if violent or rng.random() < 0.3 else None,
        tail=", officials said" if factuality == "reported" else "",
        date_value=day.isoformat() if rng.random() < 0.4 else None,
        date_text=f"{day:%B} {day.day}",
    )


def demo_specs(seed: int = 7, scale: float = 1.0, duplicate_share: float = 0.06) -> Iterator[ArticleSpec]:
    """Articles over 26 weeks from 2025-06-02; ``scale`` multiplies every dyad's daily rate."""
    rng = random.Random(seed)
    number = 0
    for offset in range(WEEKS * 7):
        day = START + timedelta(days=offset)
        week = offset // 7
        for dyad in DYADS:
            phase = _phase(dyad, week)
            expected = phase.per_day * scale
            count = int(expected) + (1 if rng.random() < expected - int(expected) else 0)
            for _ in range(count):
                number += 1
                events = [_event(rng, dyad, _pick(rng, phase.weights), day, reverse=False)]
                if rng.random() < 0.35:
                    events.append(_event(rng, dyad, _pick(rng, phase.weights), day, reverse=True))
                lead = events[0]
                verb = VERBS[lead.type]
                figures = ()
                if verb.quad_class == 4 and rng.random() < 0.5:
                    killed = rng.randint(2, 40)
                    figures = (AmountSpec(f"{killed} people killed", killed, object="people killed"),)
                spec = ArticleSpec(
                    id=f"demo-{number:05d}",
                    published=day.isoformat(),
                    title=_headline(f"{lead.source.name} {verb.past} {lead.target.name}"),
                    source=rng.choice(SOURCES),
                    events=tuple(events),
                    quotes=(QuoteSpec(dyad.speaker, rng.choice(QUOTES)),) if rng.random() < 0.6 else (),
                    amounts=figures,
                )
                yield spec
                if rng.random() < duplicate_share:
                    yield ArticleSpec(
                        id=f"{spec.id}-copy", published=spec.published, title=spec.title,
                        source=rng.choice(SOURCES), events=spec.events, quotes=spec.quotes,
                        amounts=spec.amounts, duplicate_of=spec.id,
                    )


def _headline(text: str) -> str:
    return text[:1].upper() + text[1:]
