from __future__ import annotations

import math
from datetime import date, timedelta

import duckdb
import pytest

from flashpoint.analytics.escalation import EscalationParams, _Counts, escalation, index_series

WEEK0 = date(2025, 1, 6)


def _weeks(counts: list[_Counts]) -> list[tuple[date, _Counts]]:
    return [(WEEK0 + timedelta(days=7 * number), count) for number, count in enumerate(counts)]


def test_escalation_formula_on_two_identical_periods() -> None:
    assault = _Counts(events=1, material_conflict=1, goldstein_sum=-10.0, goldstein_n=1)
    first, second = index_series(_weeks([assault, assault]), EscalationParams())
    assert first.hostility == pytest.approx(2.0)  # all material conflict at Goldstein -10
    assert first.index == 0.0  # no baseline yet
    decayed_volume = 0.5 ** 0.5 + 1
    assert second.hostility == pytest.approx(2.0)
    assert second.index == pytest.approx(0.2 * math.log2((decayed_volume + 1) / 2))


def test_escalation_steady_cooperation_stays_near_zero() -> None:
    talks = _Counts(events=2, goldstein_sum=2.0, goldstein_n=2)
    points = index_series(_weeks([talks] * 12), EscalationParams())
    assert all(abs(point.index) < 0.15 for point in points)
    assert points[-1].hostility == pytest.approx(-0.1)


def test_escalation_turn_to_violence_crosses_the_threshold() -> None:
    talks = _Counts(events=2, goldstein_sum=2.0, goldstein_n=2)
    war = _Counts(events=4, material_conflict=4, goldstein_sum=-40.0, goldstein_n=4)
    points = index_series(_weeks([talks] * 6 + [war]), EscalationParams())
    assert points[-1].index > 1.0


def test_escalation_threats_raise_hostility_without_counting_as_events() -> None:
    quiet = _Counts(events=2, goldstein_sum=2.0, goldstein_n=2)
    threats = _Counts(events=2, goldstein_sum=2.0, goldstein_n=2, intents=6)
    calm, tense = index_series(_weeks([quiet, quiet]), EscalationParams())[-1], index_series(
        _weeks([quiet, threats]), EscalationParams())[-1]
    assert tense.events == calm.events == 2
    assert tense.hostility > calm.hostility


def test_escalation_over_the_store_covers_every_dyad(con: duckdb.DuckDBPyConnection) -> None:
    dyads = {(d.source, d.target): d for d in escalation(con)}
    assert set(dyads) == {("RUS", "UKR"), ("ARM", "AZE")}
    arm = dyads[("ARM", "AZE")]
    assert arm.points[-1].period == date(2025, 2, 10)
    assert arm.peak.period == date(2025, 2, 10)
    assert arm.peak.index > 0.5
