"""Dyad totals and time series, SQL over the DuckDB store (see signals.py for what counts)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

from flashpoint.analytics.signals import (
    ALL_TIME,
    Freq,
    Level,
    Stats,
    Window,
    counted_events_sql,
    period_sql,
    stats_columns_sql,
)


@dataclass(frozen=True)
class DyadSummary:
    source: str
    target: str
    stats: Stats
    first_date: date
    last_date: date

    def as_dict(self) -> dict:
        return {"source": self.source, "target": self.target, "dyad": f"{self.source}-{self.target}",
                "first_date": self.first_date.isoformat(), "last_date": self.last_date.isoformat(),
                **self.stats.as_dict()}


@dataclass(frozen=True)
class PeriodPoint:
    period: date
    stats: Stats
    types: dict[str, int]  # happenings by event type

    def as_dict(self) -> dict:
        return {"period": self.period.isoformat(), **self.stats.as_dict(), "types": self.types}


def list_dyads(
    con: duckdb.DuckDBPyConnection, window: Window = ALL_TIME, level: Level = "country",
    limit: int = 100, offset: int = 0, involving: str | None = None,
) -> list[DyadSummary]:
    """Dyads by activity (happenings plus intents), most active first."""
    where, params = window.sql()
    if involving is not None:
        where += " AND (src = ? OR tgt = ?)"
        params += [involving, involving]
    rows = con.execute(
        f"""
        WITH counted AS ({counted_events_sql(level)})
        SELECT src, tgt, {stats_columns_sql()}, min(event_date), max(event_date)
        FROM counted WHERE src IS NOT NULL AND tgt IS NOT NULL AND {where}
        GROUP BY src, tgt
        ORDER BY count(*) FILTER (WHERE happened OR threat OR plan OR fear) DESC, src, tgt
        LIMIT ? OFFSET ?
        """,
        [*params, limit, offset],
    ).fetchall()
    return [DyadSummary(row[0], row[1], Stats.from_row(row[2:-2]), row[-2], row[-1]) for row in rows]


def dyad_exists(con: duckdb.DuckDBPyConnection, source: str, target: str, level: Level = "country") -> bool:
    row = con.execute(
        f"WITH counted AS ({counted_events_sql(level)}) SELECT count(*) FROM counted WHERE src = ? AND tgt = ?",
        [source, target],
    ).fetchone()
    return bool(row and row[0])


def period_starts(first: date, last: date, freq: Freq) -> list[date]:
    """Every period start from the period holding ``first`` to the one holding ``last``."""
    starts: list[date] = []
    if freq == "day":
        current = first
    elif freq == "week":
        current = first - timedelta(days=first.weekday())
    else:
        current = first.replace(day=1)
    while current <= last:
        starts.append(current)
        if freq == "day":
            current += timedelta(days=1)
        elif freq == "week":
            current += timedelta(days=7)
        else:
            current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)
    return starts


def _empty_stats() -> Stats:
    return Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, None, 0, 0, 0, 0)


def grouped_series(
    con: duckdb.DuckDBPyConnection, freq: Freq, window: Window = ALL_TIME, level: Level = "country",
    source: str | None = None, target: str | None = None, fill: bool = True,
) -> list[PeriodPoint]:
    """Per-period stats of one dyad (or of every event when source and target are None)."""
    where, params = window.sql()
    if source is not None:
        where += " AND src = ?"
        params.append(source)
    if target is not None:
        where += " AND tgt = ?"
        params.append(target)
    period = period_sql(freq)
    base = f"WITH counted AS ({counted_events_sql(level)}) "
    rows = con.execute(
        base + f"SELECT {period} AS period, {stats_columns_sql()} FROM counted WHERE {where} GROUP BY 1 ORDER BY 1",
        params,
    ).fetchall()
    type_rows = con.execute(
        base + f"SELECT {period}, type, count(*) FROM counted WHERE happened AND {where} GROUP BY 1, 2",
        params,
    ).fetchall()
    types: dict[date, dict[str, int]] = defaultdict(dict)
    for period_start, event_type, count in type_rows:
        types[period_start][event_type] = count
    by_period = {row[0]: Stats.from_row(row[1:]) for row in rows}
    if not by_period:
        return []
    starts = sorted(by_period)
    if fill:
        # Only between the first and last period with data: an open-ended window (since=0001-01-01)
        # must not turn into millions of empty periods.
        starts = period_starts(starts[0], starts[-1], freq)
    return [
        PeriodPoint(start, by_period.get(start, _empty_stats()), dict(sorted(types.get(start, {}).items())))
        for start in starts
    ]


@dataclass(frozen=True)
class PlaceCount:
    name: str
    country: str | None
    lat: float
    lon: float
    events: int
    material_conflict: int

    def as_dict(self) -> dict:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "events": self.events, "material_conflict": self.material_conflict}


def event_places(
    con: duckdb.DuckDBPyConnection, window: Window = ALL_TIME, limit: int = 500
) -> list[PlaceCount]:
    """Geocoded places of counted events (happenings and intents), busiest first."""
    where, params = window.sql()
    rows = con.execute(
        f"""
        WITH counted AS ({counted_events_sql()})
        SELECT place_name, any_value(place_country), round(avg(lat), 3), round(avg(lon), 3), count(*),
               count(*) FILTER (WHERE happened AND quad_class = 4)
        FROM counted
        WHERE lat IS NOT NULL AND lon IS NOT NULL AND place_name IS NOT NULL
          AND (happened OR threat OR plan OR fear) AND {where}
        GROUP BY place_name ORDER BY count(*) DESC, place_name LIMIT ?
        """,
        [*params, limit],
    ).fetchall()
    return [PlaceCount(*row) for row in rows]
