"""Calendar arithmetic behind the TIMEX3 values."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.pipeline.dates import calendar as cal


@pytest.mark.parametrize(
    ("day", "week"),
    [
        (date(2021, 1, 3), "2020-W53"),
        (date(2021, 1, 4), "2021-W01"),
        (date(2019, 12, 30), "2020-W01"),
        (date(2018, 12, 31), "2019-W01"),
        (date(2021, 12, 2), "2021-W48"),
        (date(2016, 1, 1), "2015-W53"),
    ],
)
def test_calendar_iso_week_at_year_boundaries(day: date, week: str) -> None:
    assert cal.iso_week(day) == week


@pytest.mark.parametrize(
    ("anchor", "month", "day", "direction", "year"),
    [
        (date(2025, 3, 10), 2, 29, None, 2024),
        (date(2023, 1, 10), 2, 29, "future", 2024),
        (date(2021, 1, 5), 12, 30, None, 2020),
        (date(2021, 12, 9), 12, 2, None, 2021),
        (date(2021, 12, 9), 1, 3, None, 2022),
        (date(1989, 10, 27), 6, None, None, 1989),
        (date(1989, 10, 27), 6, None, "future", 1990),
    ],
)
def test_calendar_nearest_year(anchor: date, month: int, day: int | None, direction: str | None, year: int) -> None:
    assert cal.nearest_year_for(anchor, month, day, direction) == year


@pytest.mark.parametrize(
    ("anchor", "weekday", "way", "expected"),
    [
        (date(2021, 12, 9), 4, "past", date(2021, 12, 9)),
        (date(2021, 12, 9), 4, "before", date(2021, 12, 2)),
        (date(2021, 12, 9), 5, "past", date(2021, 12, 3)),
        (date(2021, 12, 9), 5, "future", date(2021, 12, 10)),
        (date(2021, 12, 9), 4, "after", date(2021, 12, 16)),
        (date(2021, 1, 1), 4, "past", date(2020, 12, 31)),
    ],
)
def test_calendar_weekday_near(anchor: date, weekday: int, way: str, expected: date) -> None:
    assert cal.weekday_near(anchor, weekday, way) == expected


@pytest.mark.parametrize(
    ("anchor", "season", "step", "expected"),
    [
        (date(2021, 12, 9), "FA", -1, (2021, "FA")),
        (date(2021, 10, 9), "FA", -1, (2020, "FA")),
        (date(2021, 2, 9), "SU", 0, (2021, "SU")),
        (date(2021, 10, 9), "SU", 0, (2021, "SU")),
        (date(2021, 1, 15), "WI", 0, (2020, "WI")),
        (date(2021, 12, 9), "SP", 1, (2022, "SP")),
    ],
)
def test_calendar_season_occurrence(anchor: date, season: str, step: int, expected: tuple[int, str]) -> None:
    assert cal.occurrence_of_season(anchor, season, step) == expected


def test_calendar_holidays_fixed_and_floating() -> None:
    assert cal.holiday_date("11/4/4", 2021) == date(2021, 11, 25)
    assert cal.holiday_date("05/1/-1", 2021) == date(2021, 5, 31)
    assert cal.holiday_date("02-29", 2023) is None


@pytest.mark.parametrize(
    ("year", "quarter", "step", "expected"),
    [(2021, 1, -1, (2020, 4)), (2021, 4, 1, (2022, 1)), (2021, 3, -4, (2020, 3))],
)
def test_calendar_quarter_steps(year: int, quarter: int, step: int, expected: tuple[int, int]) -> None:
    assert cal.shift_quarter(year, quarter, step) == expected
