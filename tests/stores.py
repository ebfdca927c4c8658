"""Small hand-built stores with known numbers, shared by the analytics, API and command tests.

They are written by flashpoint.analytics.fixtures.write_specs (a stand-in for ingest).
"""

from __future__ import annotations

from pathlib import Path

from flashpoint.analytics.fixtures import ActorSpec, AmountSpec, ArticleSpec, EventSpec, PlaceSpec, QuoteSpec

RUS = ActorSpec("Russian forces", "state", "RUS", "RUSMIL")
UKR = ActorSpec("Ukrainian troops", "state", "UKR", "UKRMIL")
ARM = ActorSpec("Armenia", "state", "ARM", "ARMGOV")
AZE = ActorSpec("Azerbaijan", "state", "AZE", "AZEGOV")
SPOKESMAN = ActorSpec("the Ukrainian army spokesman", "person", "UKR", "UKRMIL", role="spokesperson")
KHARKIV = PlaceSpec("Kharkiv", "UKR", 49.99, 36.23)


def event(source: ActorSpec, kind: str, target: ActorSpec, factuality: str = "asserted", **extra) -> EventSpec:
    table = {
        "ASSAULT": ("shelled", "190", 4, -10.0),
        "ACCUSE": ("accused", "112", 3, -2.0),
        "THREATEN": ("threatened", "138", 3, -7.0),
        "SANCTION": ("sanctioned", "163", 4, -8.0),
        "MOBILIZE": ("massed troops against", "154", 4, -7.2),
        "CONSULT": ("held talks with", "040", 1, 1.0),
    }
    trigger, cameo, quad, goldstein = table[kind]
    return EventSpec(source=source, trigger=trigger, target=target, type=kind, cameo=cameo, quad_class=quad,
                     goldstein=goldstein, factuality=factuality, **extra)


def small_specs() -> list[ArticleSpec]:
    """RUS->UKR: 7 happenings (6 material conflict), 1 threat, 1 plan, 1 fear, 1 negated; a copy of a1.

    ARM->AZE: a weekly CONSULT for five weeks, then three ASSAULTs in the week of 2025-02-10.
    """
    specs = [
        ArticleSpec("a1", "2025-01-06", title="Shelling near Kharkiv", source="Wire A",
                    events=(event(RUS, "ASSAULT", UKR, place=KHARKIV), event(RUS, "ACCUSE", UKR, "reported")),
                    quotes=(QuoteSpec(SPOKESMAN, "We will hold the line"),),
                    amounts=(AmountSpec("12 people killed", 12, object="people killed"),)),
        ArticleSpec("a1-copy", "2025-01-06", title="Shelling near Kharkiv", source="Wire B", duplicate_of="a1",
                    events=(event(RUS, "ASSAULT", UKR, place=KHARKIV), event(RUS, "ACCUSE", UKR, "reported")),
                    quotes=(QuoteSpec(SPOKESMAN, "We will hold the line"),),
                    amounts=(AmountSpec("12 people killed", 12, object="people killed"),)),
        ArticleSpec("a2", "2025-01-07", title="Threats", events=(
            event(RUS, "THREATEN", UKR), event(RUS, "ASSAULT", UKR, "planned", lead="plans to "))),
        ArticleSpec("a3", "2025-01-08", title="Fears", events=(
            event(RUS, "SANCTION", UKR, "hypothetical", lead="may have "), event(RUS, "ASSAULT", UKR, "negated", lead="never "))),
        ArticleSpec("a5", "2025-02-03", title="Weekend strike", events=(
            event(RUS, "ASSAULT", UKR, "reported", date_value="2025-02-01"),)),
    ]
    specs += [
        ArticleSpec(f"m{number}", "2025-02-11", title="Troops massed", events=(event(RUS, "MOBILIZE", UKR),))
        for number in range(4)
    ]
    specs += [
        ArticleSpec(f"t{number}", day, title="Talks", events=(event(ARM, "CONSULT", AZE),))
        for number, day in enumerate(("2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27", "2025-02-03"))
    ]
    specs += [
        ArticleSpec(f"s{number}", "2025-02-12", title="Border clash", events=(event(ARM, "ASSAULT", AZE),))
        for number in range(3)
    ]
    return specs


def build_small_store(path: Path) -> Path:
    from flashpoint.analytics.fixtures import write_specs

    return write_specs(path, small_specs())
