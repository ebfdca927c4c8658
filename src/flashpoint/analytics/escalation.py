"""The escalation index of a dyad: how much more hostile it is now than its own recent past.

Per period t (a week by default) of one dyad, with happenings and intents as in signals.py:

    decayed sums, lambda = 0.5 ** (1 / half_life):
        N_t = lambda N_{t-1} + happenings_t          C_t = lambda C_{t-1} + material conflict (Q4)_t
        G_t = lambda G_{t-1} + Goldstein sum_t       M_t = lambda M_{t-1} + happenings with a Goldstein_t
        I_t = lambda I_{t-1} + intents_t (threats + plans + fears)
    hostility  h_t = C_t / N_t  -  (G_t / M_t) / 10  +  0.5 * I_t / (N_t + I_t)      (0 for an empty term)
    volume     V_t = N_t + I_t
    baseline   b_t, v_t = means of h and V over the dyad's previous ``baseline_periods`` periods
    index      E_t = (h_t - b_t) + 0.2 * log2((V_t + 1) / (v_t + 1))

h runs from about -1 (all cooperation at Goldstein +10) to 2.5 (all material conflict at -10 under
constant threats); E is 0 for a dyad behaving as it did and positive when it turns more hostile or
louder than its own baseline. A dyad's first period has no baseline, so its index is 0 there (a
brand-new conflict shows as a "first ASSAULT" alert instead). An alert fires when E crosses the
threshold from below in a period with at least ``min_events`` happenings plus intents.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import duckdb

from flashpoint.analytics.series import period_starts
from flashpoint.analytics.signals import ALL_TIME, Freq, Level, Window, counted_events_sql, period_sql


@dataclass(frozen=True)
class EscalationParams:
    freq: Freq = "week"
    half_life: float = 2.0  # periods
    baseline_periods: int = 8
    threshold: float = 0.5
    min_events: int = 3
    volume_weight: float = 0.2


@dataclass(frozen=True)
class EscalationPoint:
    period: date
    events: int
    intents: int
    material_conflict: int
    hostility: float
    baseline: float
    index: float

    def as_dict(self) -> dict:
        return {"period": self.period.isoformat(), "events": self.events, "intents": self.intents,
                "material_conflict": self.material_conflict, "hostility": round(self.hostility, 4),
                "baseline": round(self.baseline, 4), "index": round(self.index, 4)}


@dataclass(frozen=True)
class DyadEscalation:
    source: str
    target: str
    points: tuple[EscalationPoint, ...]

    @property
    def latest(self) -> EscalationPoint:
        return self.points[-1]

    @property
    def peak(self) -> EscalationPoint:
        return max(self.points, key=lambda point: point.index)

    def as_dict(self, with_series: bool = True) -> dict:
        data = {"source": self.source, "target": self.target, "dyad": f"{self.source}-{self.target}",
                "index": round(self.latest.index, 4), "hostility": round(self.latest.hostility, 4),
                "baseline": round(self.latest.baseline, 4), "period": self.latest.period.isoformat(),
                "peak_index": round(self.peak.index, 4), "peak_period": self.peak.period.isoformat()}
        if with_series:
            data["series"] = [point.as_dict() for point in self.points]
        return data


@dataclass(frozen=True)
class _Counts:
    events: int = 0
    material_conflict: int = 0
    goldstein_sum: float = 0.0
    goldstein_n: int = 0
    intents: int = 0


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator > 1e-9 else 0.0


def index_series(counts: list[tuple[date, _Counts]], params: EscalationParams) -> tuple[EscalationPoint, ...]:
    """The escalation index over consecutive periods (empty periods included, as zero counts)."""
    decay = 0.5 ** (1.0 / params.half_life)
    n = c = g = m = i = 0.0
    history: list[tuple[float, float]] = []  # (hostility, volume) of earlier periods
    points: list[EscalationPoint] = []
    for period, count in counts:
        n = decay * n + count.events
        c = decay * c + count.material_conflict
        g = decay * g + count.goldstein_sum
        m = decay * m + count.goldstein_n
        i = decay * i + count.intents
        hostility = _ratio(c, n) - _ratio(g, m) / 10.0 + 0.5 * _ratio(i, n + i)
        volume = n + i
        recent = history[-params.baseline_periods:]
        if recent:
            baseline = sum(h for h, _ in recent) / len(recent)
            baseline_volume = sum(v for _, v in recent) / len(recent)
            index = (hostility - baseline) + params.volume_weight * math.log2((volume + 1) / (baseline_volume + 1))
        else:
            baseline, index = hostility, 0.0
        points.append(EscalationPoint(period, count.events, count.intents, count.material_conflict,
                                      hostility, baseline, index))
        history.append((hostility, volume))
    return tuple(points)


def escalation(
    con: duckdb.DuckDBPyConnection, params: EscalationParams = EscalationParams(), window: Window = ALL_TIME,
    level: Level = "country", source: str | None = None, target: str | None = None,
) -> list[DyadEscalation]:
    """The index of every dyad (or one), from its first period to the last period of the window.

    History before ``window.since`` is still read, so the baseline is the dyad's real past; the
    series returned is cut to the window.
    """
    until_sql, until_params = Window(until=window.until).sql()
    filters, filter_params = [until_sql, "src IS NOT NULL", "tgt IS NOT NULL"], list(until_params)
    if source is not None:
        filters.append("src = ?")
        filter_params.append(source)
    if target is not None:
        filters.append("tgt = ?")
        filter_params.append(target)
    rows = con.execute(
        f"""
        WITH counted AS ({counted_events_sql(level)})
        SELECT src, tgt, {period_sql(params.freq)} AS period,
            count(*) FILTER (WHERE happened AND quad_class IS NOT NULL),
            count(*) FILTER (WHERE happened AND quad_class = 4),
            COALESCE(sum(goldstein) FILTER (WHERE happened), 0),
            count(*) FILTER (WHERE happened AND goldstein IS NOT NULL),
            count(*) FILTER (WHERE threat OR plan OR fear)
        FROM counted WHERE {' AND '.join(filters)}
        GROUP BY 1, 2, 3
        """,
        filter_params,
    ).fetchall()
    if not rows:
        return []
    last = max(row[2] for row in rows)  # the window's end is already in the query; never beyond the data
    per_dyad: dict[tuple[str, str], dict[date, _Counts]] = defaultdict(dict)
    for src, tgt, period, events, q4, gsum, gn, intents in rows:
        per_dyad[(src, tgt)][period] = _Counts(events, q4, float(gsum), gn, intents)
    result: list[DyadEscalation] = []
    for (src, tgt), by_period in per_dyad.items():
        starts = period_starts(min(by_period), last, params.freq)
        points = index_series([(start, by_period.get(start, _Counts())) for start in starts], params)
        if window.since is not None:
            points = tuple(point for point in points if point.period >= period_starts(window.since,
                                                                                   window.since, params.freq)[0])
        if points:
            result.append(DyadEscalation(src, tgt, points))
    result.sort(key=lambda dyad: (-dyad.latest.index, dyad.source, dyad.target))
    return result
