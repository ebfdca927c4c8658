"""Escalation index and alerts (see docs/analytics.md for the formula)."""

from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Path, Query

from flashpoint.analytics.alerts import ALERT_KINDS, AlertParams, find_alerts
from flashpoint.analytics.escalation import EscalationParams, escalation
from flashpoint.api.params import (
    AlertKindParam,
    Code,
    Freq,
    Level,
    Limit,
    Offset,
    Since,
    Until,
    get_store,
    upper,
    window,
)
from flashpoint.api.queries import list_amounts, list_quotes
from flashpoint.api.store import ReadOnlyStore

router = APIRouter(prefix="/api")
Store = Annotated[ReadOnlyStore, Depends(get_store)]
Threshold = Annotated[float, Query(ge=-5.0, le=5.0, description="escalation index alert threshold")]
HalfLife = Annotated[float, Query(ge=0.25, le=52.0, description="decay half-life, in periods")]
Baseline = Annotated[int, Query(ge=1, le=104, description="periods in the dyad's baseline")]


@router.get("/escalation", summary="Escalation index per dyad, most escalated first")
def escalation_index(
    store: Store, freq: Freq = "week", since: Since = None, until: Until = None, level: Level = "country",
    source: Code = None, target: Code = None, half_life: HalfLife = 2.0, baseline_periods: Baseline = 8,
    series: bool = True, limit: Limit = 20, offset: Offset = 0,
) -> dict:
    span = window(since, until)
    params = EscalationParams(freq=freq, half_life=half_life, baseline_periods=baseline_periods)
    src, tgt = upper(source), upper(target)
    dyads = store.cached(
        ("escalation", params, span, level, src, tgt),
        lambda con: escalation(con, params, span, level, src, tgt),
    )
    return {
        "freq": freq, "half_life": half_life, "baseline_periods": baseline_periods,
        "total": len(dyads),
        "items": [dyad.as_dict(with_series=series) for dyad in dyads[offset: offset + limit]],
    }


@router.get("/alerts", summary="Alerts with their evidence, newest first")
def alerts(
    store: Store, kind: AlertKindParam | None = None, source: Code = None, target: Code = None,
    since: Since = None, until: Until = None, level: Level = "country", freq: Freq = "week",
    threshold: Threshold = 0.5, surge_min: Annotated[int, Query(ge=1, le=10_000)] = 3,
    surge_ratio: Annotated[float, Query(ge=1.0, le=100.0)] = 3.0,
    limit: Limit = 100, offset: Offset = 0,
) -> dict:
    span = window(since, until)
    params = AlertParams(EscalationParams(freq=freq, threshold=threshold), surge_min, surge_ratio)
    kinds = (kind,) if kind else ALERT_KINDS
    src, tgt = upper(source), upper(target)
    found = store.cached(
        ("alerts", params, span, level, kinds, src, tgt),
        lambda con: find_alerts(con, params, span, level, kinds, src, tgt),
    )
    return {"total": len(found), "limit": limit, "offset": offset,
            "items": [alert.as_dict() for alert in found[offset: offset + limit]]}


@router.get("/alerts/{alert_id}", summary="One alert (default parameters) with its evidence, quotes and figures")
def alert(store: Store, alert_id: Annotated[str, Path(min_length=3, max_length=200)]) -> dict:
    params = AlertParams()
    found = store.cached(("alerts", params, window(None, None), "country", ALERT_KINDS, None, None),
                         lambda con: find_alerts(con, params))
    match = next((item for item in found if item.id == alert_id), None)
    if match is None:
        raise HTTPException(status_code=404, detail=f"no alert {alert_id!r}")
    article_ids = sorted({item.article_id for item in match.evidence})

    def context(con: duckdb.DuckDBPyConnection) -> tuple[list[dict], list[dict]]:
        return list_quotes(con, article_ids=article_ids), list_amounts(con, article_ids=article_ids)

    quotes, amounts = store.cached(("alert-context", alert_id), context)
    return {**match.as_dict(), "quotes": quotes, "amounts": amounts}
