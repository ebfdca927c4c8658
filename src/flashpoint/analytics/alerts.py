"""Alerts, each with the evidence that raised it (event ids, article ids, sentences, triggers).

Kinds:
- ``escalation``: a dyad's escalation index crosses the threshold from below (escalation.py);
- ``first_assault``: the first ASSAULT happening ever stored for a dyad;
- ``surge``: a period whose MOBILIZE happenings (or threats) reach ``surge_min`` and at least
  ``surge_ratio`` times their mean over the dyad's previous ``baseline_periods`` periods.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import duckdb

from flashpoint.analytics.escalation import EscalationParams, escalation
from flashpoint.analytics.series import period_starts
from flashpoint.analytics.signals import ALL_TIME, Level, Window, counted_events_sql, period_sql

ALERT_KINDS: tuple[str, ...] = ("escalation", "first_assault", "surge")
SURGE_SIGNALS = {"MOBILIZE": "happened AND type = 'MOBILIZE'", "THREATEN": "threat"}
EVIDENCE_LIMIT = 12


@dataclass(frozen=True)
class AlertParams:
    escalation: EscalationParams = field(default_factory=EscalationParams)
    surge_min: int = 3
    surge_ratio: float = 3.0


@dataclass(frozen=True)
class Evidence:
    article_id: str
    event_id: str
    type: str
    factuality: str
    event_date: date
    goldstein: float | None
    trigger_start: int
    trigger_end: int
    trigger_text: str
    sentence_start: int
    sentence_end: int
    sentence_text: str
    article_title: str | None

    def as_dict(self) -> dict:
        return {
            "article_id": self.article_id, "event_id": self.event_id, "type": self.type,
            "factuality": self.factuality, "event_date": self.event_date.isoformat(),
            "goldstein": self.goldstein, "article_title": self.article_title,
            "trigger": {"start": self.trigger_start, "end": self.trigger_end, "text": self.trigger_text},
            "sentence": {"start": self.sentence_start, "end": self.sentence_end, "text": self.sentence_text},
        }


@dataclass(frozen=True)
class Alert:
    kind: str
    source: str
    target: str
    date: date
    period_end: date
    score: float
    message: str
    evidence: tuple[Evidence, ...] = ()
    signal: str | None = None
    # Which counted events of the dyad and period are its evidence (SQL over signals.py's flags).
    evidence_condition: str = "happened OR threat OR plan OR fear"

    @property
    def id(self) -> str:
        suffix = f":{self.signal}" if self.signal else ""
        return f"{self.kind}{suffix}:{self.source}-{self.target}:{self.date.isoformat()}"

    def as_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "signal": self.signal, "source": self.source,
                "target": self.target, "dyad": f"{self.source}-{self.target}", "date": self.date.isoformat(),
                "period_end": self.period_end.isoformat(), "score": round(self.score, 4),
                "message": self.message, "evidence": [item.as_dict() for item in self.evidence]}


def period_end(start: date, freq: str) -> date:
    following = period_starts(start, start, freq)  # type: ignore[arg-type]
    if freq == "day":
        return following[0]
    if freq == "week":
        return following[0] + timedelta(days=6)
    return (following[0].replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def evidence(
    con: duckdb.DuckDBPyConnection, source: str, target: str, first: date, last: date, condition: str,
    level: Level = "country", limit: int = EVIDENCE_LIMIT,
) -> tuple[Evidence, ...]:
    """The counted events of a dyad in [first, last] matching ``condition``, most hostile first."""
    rows = con.execute(
        f"""
        WITH counted AS ({counted_events_sql(level)})
        SELECT c.article_id, c.id, c.type, c.factuality, c.event_date, c.goldstein,
               c.trigger_start, c.trigger_end, c.trigger_text, c.sentence_start, c.sentence_end,
               c.sentence_text, a.title
        FROM counted AS c JOIN articles AS a ON a.id = c.article_id
        WHERE c.src = ? AND c.tgt = ? AND c.event_date BETWEEN ? AND ? AND ({condition})
        ORDER BY c.quad_class DESC NULLS LAST, c.goldstein ASC NULLS LAST, c.event_date, c.article_id, c.id
        LIMIT ?
        """,
        [source, target, first, last, limit],
    ).fetchall()
    return tuple(Evidence(*row) for row in rows)


@dataclass(frozen=True)
class DyadFilter:
    source: str | None = None
    target: str | None = None

    def sql(self) -> tuple[str, list]:
        clauses, params = ["src IS NOT NULL", "tgt IS NOT NULL"], []
        if self.source is not None:
            clauses.append("src = ?")
            params.append(self.source)
        if self.target is not None:
            clauses.append("tgt = ?")
            params.append(self.target)
        return " AND ".join(clauses), params


def _escalation_alerts(con: duckdb.DuckDBPyConnection, params: AlertParams, until: date | None,
                       level: Level, dyads: DyadFilter) -> list[Alert]:
    settings = params.escalation
    alerts: list[Alert] = []
    for dyad in escalation(con, settings, Window(until=until), level, dyads.source, dyads.target):
        previous = 0.0
        for point in dyad.points:
            crossing = previous < settings.threshold <= point.index
            if crossing and point.events + point.intents >= settings.min_events:
                end = period_end(point.period, settings.freq)
                alerts.append(Alert(
                    "escalation", dyad.source, dyad.target, point.period, end, point.index,
                    f"{dyad.source}-{dyad.target} escalation index {point.index:.2f} crossed "
                    f"{settings.threshold:g} (hostility {point.hostility:.2f} vs baseline {point.baseline:.2f})",
                ))
            previous = point.index
    return alerts


def _first_assault_alerts(con: duckdb.DuckDBPyConnection, until: date | None, level: Level,
                          dyads: DyadFilter) -> list[Alert]:
    where, params = Window(until=until).sql()
    dyad_where, dyad_params = dyads.sql()
    rows = con.execute(
        f"""
        WITH counted AS ({counted_events_sql(level)})
        SELECT src, tgt, min(event_date) FROM counted
        WHERE happened AND type = 'ASSAULT' AND {dyad_where} AND {where}
        GROUP BY src, tgt
        """,
        [*dyad_params, *params],
    ).fetchall()
    alerts = []
    for src, tgt, first in rows:
        alerts.append(Alert("first_assault", src, tgt, first, first, 1.0,
                            f"first ASSAULT recorded from {src} on {tgt}",
                            evidence_condition="happened AND type = 'ASSAULT'"))
    return alerts


def _surge_alerts(con: duckdb.DuckDBPyConnection, params: AlertParams, until: date | None,
                  level: Level, dyads: DyadFilter) -> list[Alert]:
    freq = params.escalation.freq
    window_sql, window_params = Window(until=until).sql()
    dyad_where, dyad_params = dyads.sql()
    alerts: list[Alert] = []
    for signal, condition in SURGE_SIGNALS.items():
        rows = con.execute(
            f"""
            WITH counted AS ({counted_events_sql(level)})
            SELECT src, tgt, {period_sql(freq)}, count(*) FROM counted
            WHERE ({condition}) AND {dyad_where} AND {window_sql}
            GROUP BY 1, 2, 3
            """,
            [*dyad_params, *window_params],
        ).fetchall()
        per_dyad: dict[tuple[str, str], dict[date, int]] = defaultdict(dict)
        for src, tgt, period, count in rows:
            per_dyad[(src, tgt)][period] = count
        for (src, tgt), counts in per_dyad.items():
            history: list[int] = []
            for start in period_starts(min(counts), max(counts), freq):
                count = counts.get(start, 0)
                recent = history[-params.escalation.baseline_periods:]
                baseline = sum(recent) / len(recent) if recent else 0.0
                if count >= params.surge_min and count >= params.surge_ratio * baseline:
                    end = period_end(start, freq)
                    alerts.append(Alert(
                        "surge", src, tgt, start, end, count / max(baseline, 1.0),
                        f"surge of {signal}: {count} in the {freq} of {start.isoformat()} "
                        f"(baseline {baseline:.1f} per {freq})",
                        signal=signal, evidence_condition=condition,
                    ))
                history.append(count)
    return alerts


def find_alerts(
    con: duckdb.DuckDBPyConnection, params: AlertParams = AlertParams(), window: Window = ALL_TIME,
    level: Level = "country", kinds: tuple[str, ...] = ALERT_KINDS,
    source: str | None = None, target: str | None = None,
) -> list[Alert]:
    """Every alert dated inside the window, newest first. History before the window is still used."""
    alerts: list[Alert] = []
    dyads = DyadFilter(source, target)
    if "escalation" in kinds:
        alerts += _escalation_alerts(con, params, window.until, level, dyads)
    if "first_assault" in kinds:
        alerts += _first_assault_alerts(con, window.until, level, dyads)
    if "surge" in kinds:
        alerts += _surge_alerts(con, params, window.until, level, dyads)
    # Evidence only for the alerts returned: those of the window.
    selected = [
        replace(alert, evidence=evidence(con, alert.source, alert.target, alert.date, alert.period_end,
                                         alert.evidence_condition, level))
        for alert in alerts if window.since is None or alert.period_end >= window.since
    ]
    selected.sort(key=lambda alert: (alert.date, alert.score, alert.id), reverse=True)
    return selected
