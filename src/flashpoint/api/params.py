"""Shared query parameters and their validation: a bad parameter is a 4xx, never a 500."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import HTTPException, Path, Query, Request

from flashpoint.analytics.signals import Window
from flashpoint.api.store import ReadOnlyStore

CODE_PATTERN = r"^[A-Za-z][A-Za-z0-9]{1,15}$"
MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000

EventTypeParam = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
FactualityParam = Literal["asserted", "reported", "planned", "hypothetical", "negated", "denied"]
FreqParam = Literal["day", "week", "month"]
LevelParam = Literal["country", "code"]
AlertKindParam = Literal["escalation", "first_assault", "surge"]

Code = Annotated[
    str | None, Query(pattern=CODE_PATTERN, description="country (RUS) or actor code (RUSMIL)")
]
PathCode = Annotated[str, Path(pattern=CODE_PATTERN, description="country (RUS) or actor code (RUSMIL)")]
Since = Annotated[date | None, Query(description="first day, YYYY-MM-DD (inclusive)")]
Until = Annotated[date | None, Query(description="last day, YYYY-MM-DD (inclusive)")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, 1..{MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
Text = Annotated[str | None, Query(min_length=1, max_length=200, description="case-insensitive substring")]
Freq = Annotated[FreqParam, Query(description="period of the series")]
Level = Annotated[LevelParam, Query(description="dyad keys: country codes, or actor codes")]


def upper(code: str | None) -> str | None:
    return None if code is None else code.upper()


def window(since: date | None, until: date | None) -> Window:
    if since is not None and until is not None and since > until:
        raise HTTPException(status_code=400, detail="since must not be after until")
    return Window(since=since, until=until)


def get_store(request: Request) -> ReadOnlyStore:
    return request.app.state.store
