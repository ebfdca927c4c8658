from __future__ import annotations

from datetime import date

import duckdb
import pytest

from flashpoint.analytics.series import event_places, grouped_series, list_dyads, period_starts
from flashpoint.analytics.signals import Window


def _dyad(con: duckdb.DuckDBPyConnection, source: str, target: str, **kwargs):
    return next(d for d in list_dyads(con, **kwargs) if (d.source, d.target) == (source, target))


def test_series_dyad_totals_count_each_signal_once(con: duckdb.DuckDBPyConnection) -> None:
    stats = _dyad(con, "RUS", "UKR").stats
    # Happenings: a1 ASSAULT + ACCUSE, a5 ASSAULT, four MOBILIZE; the syndicated copy of a1 adds nothing.
    assert stats.events == 7
    assert (stats.q1, stats.q2, stats.q3, stats.q4) == (0, 0, 1, 6)
    assert stats.goldstein_sum == pytest.approx(-10 - 2 - 10 - 4 * 7.2)
    assert stats.goldstein_mean == pytest.approx((-10 - 2 - 10 - 4 * 7.2) / 7, abs=1e-4)
    # Threats, plans and fears are their own signal, never happenings.
    assert (stats.threats, stats.plans, stats.fears, stats.intents) == (1, 1, 1, 3)
    assert (stats.asserted, stats.reported, stats.planned, stats.hypothetical, stats.negated) == (6, 2, 1, 1, 1)


@pytest.mark.parametrize(
    ("level", "source", "target"), [("country", "RUS", "UKR"), ("code", "RUSMIL", "UKRMIL")]
)
def test_series_dyad_level_chooses_the_key(con: duckdb.DuckDBPyConnection, level: str, source: str, target: str) -> None:
    assert _dyad(con, source, target, level=level).stats.events == 7


def test_series_window_limits_dates(con: duckdb.DuckDBPyConnection) -> None:
    stats = _dyad(con, "RUS", "UKR", window=Window(since=date(2025, 1, 7), until=date(2025, 1, 31))).stats
    assert (stats.events, stats.threats, stats.plans, stats.fears) == (0, 1, 1, 1)


def test_series_weekly_series_is_filled_and_uses_the_timex_day(con: duckdb.DuckDBPyConnection) -> None:
    points = grouped_series(con, "week", source="RUS", target="UKR")
    assert [p.period for p in points] == [date(2025, 1, 6), date(2025, 1, 13), date(2025, 1, 20),
                                          date(2025, 1, 27), date(2025, 2, 3), date(2025, 2, 10)]
    assert [p.stats.events for p in points] == [2, 0, 0, 1, 0, 4]  # a5 happened on Saturday 2025-02-01
    assert points[0].types == {"ACCUSE": 1, "ASSAULT": 1}
    assert points[-1].types == {"MOBILIZE": 4}


@pytest.mark.parametrize(("freq", "expected"), [("day", 37), ("week", 6), ("month", 2)])
def test_series_frequencies(con: duckdb.DuckDBPyConnection, freq: str, expected: int) -> None:
    assert len(grouped_series(con, freq, source="RUS", target="UKR")) == expected


@pytest.mark.parametrize(
    ("first", "last", "freq", "expected"),
    [
        (date(2025, 1, 30), date(2025, 3, 2), "month", [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)]),
        (date(2025, 1, 8), date(2025, 1, 13), "week", [date(2025, 1, 6), date(2025, 1, 13)]),
        (date(2024, 12, 31), date(2025, 1, 1), "day", [date(2024, 12, 31), date(2025, 1, 1)]),
    ],
)
def test_series_period_starts(first: date, last: date, freq: str, expected: list[date]) -> None:
    assert period_starts(first, last, freq) == expected


def test_series_event_places_skip_copies(con: duckdb.DuckDBPyConnection) -> None:
    places = event_places(con)
    assert [(p.name, p.events, p.material_conflict) for p in places] == [("Kharkiv", 1, 1)]
