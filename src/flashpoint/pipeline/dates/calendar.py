"""Calendar arithmetic for TIMEX3 values: ISO weeks, month and quarter steps, seasons, holidays.

Everything here is a pure function of dates and integers; values are TIMEX3 strings.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 1, 2)}
SEASON_ORDER = ("WI", "SP", "SU", "FA")
# The future tense in reported speech counts from the report, a little before publication.
FUTURE_TOLERANCE_DAYS = 14
# News mostly reports what happened: a month or day named without a year is taken to lie ahead
# only when it is less than half as far ahead as its previous occurrence lies behind.
FUTURE_DISTANCE_WEIGHT = 2


def iso_day(day: date) -> str:
    return day.isoformat()


def iso_week(day: date) -> str:
    """The ISO week containing day, e.g. 2021-W47; week 1 may start in December, week 53 exists."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, step: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + step
    return index // 4, index % 4 + 1


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def season_of(day: date) -> tuple[int, str]:
    """(year, season); December belongs to the winter of the year it starts in."""
    for season, months in SEASON_MONTHS.items():
        if day.month in months:
            year = day.year - 1 if season == "WI" and day.month in (1, 2) else day.year
            return year, season
    raise AssertionError("every month has a season")


def shift_season(year: int, season: str, step: int) -> tuple[int, str]:
    # Seasons in calendar order within a "season year" that runs from winter (Dec) onwards is
    # awkward; use spring-first order where winter closes the year it starts in.
    order = ("SP", "SU", "FA", "WI")
    index = year * 4 + order.index(season) + step
    return index // 4, order[index % 4]


def occurrence_of_season(anchor: date, season: str, step: int) -> tuple[int, str]:
    """The season named relative to anchor: step -1 the last one before now, 0 this one, 1 the next."""
    current_year, current = season_of(anchor)
    order = ("SP", "SU", "FA", "WI")
    distance = (order.index(season) - order.index(current)) % 4
    if step == 0:
        # "this summer" in February means the coming summer; in October, the summer just gone.
        forward = shift_season(current_year, current, distance)
        back = shift_season(current_year, current, distance - 4) if distance else forward
        return forward if distance <= 2 else back
    if step < 0:
        back = distance - 4 if distance else -4
        return shift_season(current_year, current, back)
    forward = distance if distance else 4
    return shift_season(current_year, current, forward)


def valid_date(year: int, month: int, day: int) -> date | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 = last) ISO weekday (1 = Monday) of the month."""
    if nth > 0:
        first = date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (nth - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(rule: str, year: int) -> date | None:
    """A holiday rule "MM-DD" or "MM/weekday/nth" in the given year."""
    if "/" in rule:
        month, weekday, nth = (int(part) for part in rule.split("/"))
        return nth_weekday(year, month, weekday, nth)
    month, day = (int(part) for part in rule.split("-"))
    return valid_date(year, month, day)


def weekday_near(anchor: date, weekday: int, direction: str) -> date:
    """The day with that ISO weekday: 'past' = on or before anchor, 'future' = on or after,
    'before'/'after' = strictly before/after, 'this' = in anchor's ISO week."""
    delta = weekday - anchor.isoweekday()
    if direction == "this":
        return anchor + timedelta(days=delta)
    if direction in ("past", "before"):
        back = (-delta) % 7
        if back == 0 and direction == "before":
            back = 7
        return anchor - timedelta(days=back)
    forward = delta % 7
    if forward == 0 and direction == "after":
        forward = 7
    return anchor + timedelta(days=forward)


def nearest_year_for(anchor: date, month: int, day: int | None, direction: str | None) -> int | None:
    """The year that places (month, day) nearest to anchor: past on or before it, future on or
    after it, or either side when the direction is unknown (future distances count double).
    None if no nearby year has that day (29 February far from a leap year)."""
    candidates: list[tuple[int, date]] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        when = valid_date(year, month, day or 1)
        if when is None and day == 29 and month == 2:
            continue
        if when is None:
            return None
        # With month precision, compare month starts so "October" in October is this October.
        here = date(anchor.year, anchor.month, 1) if day is None else anchor
        if direction == "past" and when > here:
            continue
        if direction == "future" and (when - here).days < -FUTURE_TOLERANCE_DAYS:
            continue
        days = (when - here).days
        candidates.append((days * FUTURE_DISTANCE_WEIGHT if days > 0 else -days, when))
    if not candidates:
        # 29 February: the closest leap year in the asked direction.
        step = -1 if direction == "past" else 1
        year = anchor.year
        for _ in range(8):
            year += step
            if calendar.isleap(year):
                return year
        return None
    return min(candidates)[1].year
