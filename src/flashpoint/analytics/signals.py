"""What is counted, and how: the one definition of the event signals every analytic reads.

- A *happening* is an event reported as having taken place (factuality ``asserted`` or
  ``reported``) that is not a THREATEN: QuadClass counts, type counts and Goldstein sums and means
  are over happenings only.
- *Threats, plans and fears* are their own signal, never happenings: ``threats`` are THREATEN
  events that were made (any factuality but negated/denied), ``plans`` are other events marked
  ``planned``, ``fears`` other events marked ``hypothetical``; ``intents`` is their sum.
- Negated and denied events appear only in the factuality counts.
- Syndicated copies (``articles.duplicate_of`` not null) are dropped, so each report counts once.

A dyad is (source, target): at level ``country`` the actors' country codes (falling back to the
actor code), at level ``code`` the CAMEO-style actor codes (falling back to the country).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Freq = Literal["day", "week", "month"]
Level = Literal["country", "code"]
FREQS: tuple[str, ...] = ("day", "week", "month")
LEVELS: tuple[str, ...] = ("country", "code")
QUAD_CLASSES = (1, 2, 3, 4)
FACTUALITY_COLUMNS = ("asserted", "reported", "planned", "hypothetical", "negated", "denied")

_KEYS: dict[str, tuple[str, str]] = {
    "country": ("COALESCE(e.source_country, e.source_code)", "COALESCE(e.target_country, e.target_code)"),
    "code": ("COALESCE(e.source_code, e.source_country)", "COALESCE(e.target_code, e.target_country)"),
}


def counted_events_sql(level: Level = "country") -> str:
    """A SELECT of the events that count (originals only), with dyad keys and signal flags."""
    source_key, target_key = _KEYS[level]
    return f"""
        SELECT e.*, {source_key} AS src, {target_key} AS tgt,
            (e.factuality IN ('asserted', 'reported') AND e.type <> 'THREATEN') AS happened,
            (e.type = 'THREATEN' AND e.factuality NOT IN ('negated', 'denied')) AS threat,
            (e.type <> 'THREATEN' AND e.factuality = 'planned') AS plan,
            (e.type <> 'THREATEN' AND e.factuality = 'hypothetical') AS fear
        FROM events AS e JOIN articles AS a ON a.id = e.article_id
        WHERE a.duplicate_of IS NULL AND e.event_date IS NOT NULL
    """


def stats_columns_sql() -> str:
    """Aggregates of one group of counted events; names match the fields of ``Stats``."""
    quads = ", ".join(
        f"count(*) FILTER (WHERE happened AND quad_class = {quad}) AS q{quad}" for quad in QUAD_CLASSES
    )
    factualities = ", ".join(
        f"count(*) FILTER (WHERE factuality = '{name}') AS {name}" for name in FACTUALITY_COLUMNS
    )
    return f"""
        count(*) FILTER (WHERE happened) AS events, {quads}, {factualities},
        COALESCE(sum(goldstein) FILTER (WHERE happened), 0) AS goldstein_sum,
        avg(goldstein) FILTER (WHERE happened) AS goldstein_mean,
        count(*) FILTER (WHERE happened AND goldstein IS NOT NULL) AS goldstein_n,
        count(*) FILTER (WHERE threat) AS threats,
        count(*) FILTER (WHERE plan) AS plans,
        count(*) FILTER (WHERE fear) AS fears
    """


STATS_FIELDS = (
    "events", "q1", "q2", "q3", "q4", *FACTUALITY_COLUMNS,
    "goldstein_sum", "goldstein_mean", "goldstein_n", "threats", "plans", "fears",
)


@dataclass(frozen=True)
class Stats:
    """Counts of one group (a dyad, a period): see the module docstring for what each counts."""

    events: int
    q1: int
    q2: int
    q3: int
    q4: int
    asserted: int
    reported: int
    planned: int
    hypothetical: int
    negated: int
    denied: int
    goldstein_sum: float
    goldstein_mean: float | None
    goldstein_n: int
    threats: int
    plans: int
    fears: int

    @property
    def intents(self) -> int:
        return self.threats + self.plans + self.fears

    @classmethod
    def from_row(cls, values: tuple) -> Stats:
        data = dict(zip(STATS_FIELDS, values, strict=True))
        data["goldstein_sum"] = float(data["goldstein_sum"])
        if data["goldstein_mean"] is not None:
            data["goldstein_mean"] = round(float(data["goldstein_mean"]), 4)
        return cls(**data)

    def as_dict(self) -> dict:
        return {
            "events": self.events,
            "quad_class": {str(q): getattr(self, f"q{q}") for q in QUAD_CLASSES},
            "factuality": {name: getattr(self, name) for name in FACTUALITY_COLUMNS},
            "goldstein_sum": round(self.goldstein_sum, 4),
            "goldstein_mean": self.goldstein_mean,
            "threats": self.threats,
            "plans": self.plans,
            "fears": self.fears,
            "intents": self.intents,
        }


@dataclass(frozen=True)
class Window:
    """An inclusive date range on event_date; either end may be open."""

    since: date | None = None
    until: date | None = None

    def sql(self, column: str = "event_date") -> tuple[str, list]:
        clauses: list[str] = []
        params: list = []
        if self.since is not None:
            clauses.append(f"{column} >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append(f"{column} <= ?")
            params.append(self.until)
        return (" AND ".join(clauses) or "TRUE"), params


ALL_TIME = Window()


def period_sql(freq: Freq, column: str = "event_date") -> str:
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}")
    return f"CAST(date_trunc('{freq}', {column}) AS DATE)"
