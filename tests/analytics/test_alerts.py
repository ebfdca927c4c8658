from __future__ import annotations

from datetime import date

import duckdb

from flashpoint.analytics.alerts import find_alerts
from flashpoint.analytics.signals import Window


def test_alerts_first_assault_carries_its_evidence(con: duckdb.DuckDBPyConnection) -> None:
    alerts = {a.id: a for a in find_alerts(con, kinds=("first_assault",))}
    first = alerts["first_assault:RUS-UKR:2025-01-06"]
    assert [(e.article_id, e.event_id) for e in first.evidence] == [("a1", "e1")]  # not the copy
    item = first.evidence[0]
    assert item.sentence_text[item.trigger_start - item.sentence_start:item.trigger_end - item.sentence_start] == "shelled"
    assert item.trigger_text == "shelled"
    assert "first_assault:ARM-AZE:2025-02-12" in alerts


def test_alerts_mobilize_surge(con: duckdb.DuckDBPyConnection) -> None:
    surges = [a for a in find_alerts(con, kinds=("surge",)) if a.signal == "MOBILIZE"]
    assert [(a.source, a.target, a.date) for a in surges] == [("RUS", "UKR", date(2025, 2, 10))]
    assert sorted(e.article_id for e in surges[0].evidence) == ["m0", "m1", "m2", "m3"]


def test_alerts_escalation_crossing(con: duckdb.DuckDBPyConnection) -> None:
    escalations = find_alerts(con, kinds=("escalation",), source="ARM")
    assert [(a.target, a.date) for a in escalations] == [("AZE", date(2025, 2, 10))]
    assert {e.type for e in escalations[0].evidence} == {"ASSAULT"}


def test_alerts_window_and_dyad_filters(con: duckdb.DuckDBPyConnection) -> None:
    late = find_alerts(con, window=Window(since=date(2025, 2, 1)))
    assert late and all(a.period_end >= date(2025, 2, 1) for a in late)
    assert all(a.source == "RUS" for a in find_alerts(con, source="RUS"))
    assert find_alerts(con, window=Window(until=date(2025, 1, 5))) == []
