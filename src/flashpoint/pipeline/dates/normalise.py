"""TIMEX3 values of calendar dates, relative dates and reference words: one pure function per
``normalise`` name in the rule files (times, durations and sets are in ``durations``)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from flashpoint.model import TimexType
from flashpoint.pipeline.dates import calendar as cal
from flashpoint.pipeline.dates.values import (
    DECADE_ONLY_AFTER,
    MONTH_LEAD_INS,
    POSSESSIVES,
    UNIT_GRANULARITY,
    Context,
    Normalised,
    Normaliser,
    amount_before_unit,
    anaphoric_reference,
    direction,
    group,
    is_abbreviated,
    key,
    parse_number,
    part_suffix,
    previous_word,
    relative_year,
    vocabulary_word_ok,
    year_from,
)

if TYPE_CHECKING:
    from flashpoint.pipeline.dates.rules import DateRules
from flashpoint.pipeline.dates.durations import (
    normalise_clock,
    normalise_duration,
    normalise_every,
    normalise_month_set,
    normalise_period_ended,
    normalise_phrase,
)

# --- absolute dates ---


def normalise_calendar(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    month_text, weekday_text = group(match, "month"), group(match, "weekday")
    if not vocabulary_word_ok(month_text, rules.months, rules) or not vocabulary_word_ok(weekday_text, rules.weekdays, rules):
        return None
    month = rules.months[key(month_text)] if month_text else None
    if group(match, "month_num"):
        month = int(group(match, "month_num") or 0)
    day = int(group(match, "day")) if group(match, "day") else None
    year: int | str | None = year_from(match, context, "year")
    if group(match, "fy"):
        short = int(group(match, "fy") or 0)
        year = (1900 if short >= 50 else 2000) + short
    named = relative_year(match, rules, context, "year_rel")
    if named is not None:
        year = named
    if month is None:
        return None if year is None else Normalised(str(year))
    if day is None and year is None and month_text:
        if is_abbreviated(month_text, rules.months) and not match.group(0).rstrip().endswith("."):
            return None
        # "May I ask", "March on": a month that is also a common word needs a lead-in ("in May").
        if key(month_text) in rules.capitalised_only and key(match.group(0)) == key(month_text) and previous_word(match) not in MONTH_LEAD_INS:
            return None
    if year is None:
        year = "XXXX" if context.anchor is None else cal.nearest_year_for(context.anchor, month, day, direction(context, match))
        if year is None:
            return None
    if day is None:
        return Normalised(f"{year}-{month:02d}" if isinstance(year, str) else cal.month_value(year, month))
    if isinstance(year, int) and cal.valid_date(year, month, day) is None:
        return None
    value = f"{year}-{month:02d}-{day:02d}" if isinstance(year, str) else f"{year:04d}-{month:02d}-{day:02d}"
    if group(match, "hour"):
        zone = "Z" if group(match, "tz") else ""
        return Normalised(f"{value}T{group(match, 'hour')}:{group(match, 'minute')}{zone}", "TIME")
    return Normalised(value)


def normalise_week_of(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    found = normalise_calendar(match, rules, context)
    if found is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", found.value):
        return None if found is None else Normalised("XXXX-WXX")
    return Normalised(cal.iso_week(date.fromisoformat(found.value)))


def normalise_numeric_date(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    first, second, year_text = int(group(match, "first") or 0), int(group(match, "second") or 0), group(match, "year") or ""
    year = int(year_text)
    if len(year_text) == 2:
        year += 1900 if year >= 50 else 2000
    day_first = "." in match.group(0) or first > 12
    month, day = (second, first) if day_first else (first, second)
    when = cal.valid_date(year, month, day)
    return None if when is None else Normalised(when.isoformat())


def normalise_decade(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    full = group(match, "decade")
    if full:
        return Normalised(full[:3])
    short = group(match, "decade_short") or group(match, "decade_short2") or ""
    # "in their 80s" is an age, not a decade.
    if group(match, "decade_short2") and (previous_word(match) in POSSESSIVES or previous_word(match) not in DECADE_ONLY_AFTER):
        return None
    century = 20 if context.anchor and int(short) <= context.anchor.year % 100 and context.anchor.year >= 2000 else 19
    return Normalised(f"{century}{short[0]}")


def normalise_century(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    number = int(group(match, "century") or 0)
    return Normalised(f"{number - 1:02d}") if 1 <= number <= 21 else None


def normalise_spoken_year(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    hundreds = group(match, "spoken_hundreds")
    if hundreds is None:
        after = group(match, "spoken_after")
        return Normalised(str(2000 + int(parse_number(after, rules) or 0) if after else 2000))
    century, rest = parse_number(hundreds, rules), parse_number(group(match, "spoken_rest") or "", rules)
    if century is None or rest is None:
        return None
    year = int(century) * 100 + int(rest)
    month_text = group(match, "month")
    if month_text is None:
        return Normalised(str(year))
    if not vocabulary_word_ok(month_text, rules.months, rules):
        return None
    return Normalised(cal.month_value(year, rules.months[key(month_text)]))


def normalise_season(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    season = rules.seasons[key(group(match, "season"))]
    return Normalised(f"{group(match, 'year')}-{season}")


def _quarter_year(match: re.Match[str], rules: DateRules, context: Context, number: int) -> int | str:
    explicit = year_from(match, context, "year", "year2")
    if explicit is not None:
        return explicit
    named = relative_year(match, rules, context, "year_rel", "year_rel2")
    if named is not None:
        return named
    if context.anchor is None:
        return "XXXX"
    # A quarter not yet begun, spoken of in the past tense, is last year's.
    if number > cal.quarter_of(context.anchor.month) and context.tense != "future":
        return context.anchor.year - 1
    return context.anchor.year


def normalise_quarter(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    number = rules.ordinals[key(group(match, "ordinal"))]
    if not 1 <= number <= 4:
        return None
    if match.group(0).lower().endswith("quarters"):
        return Normalised(f"XXXX-Q{number}", "SET")
    year = _quarter_year(match, rules, context, number)
    return Normalised(f"{year}-Q{number}")


def normalise_half(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    number = 1 if key(group(match, "half")) == "first" else 2
    explicit = year_from(match, context, "year")
    named = relative_year(match, rules, context, "year_rel")
    year = explicit if explicit is not None else named
    if year is None:
        year = "XXXX" if context.anchor is None else context.anchor.year
    return Normalised(f"{year}-H{number}")


def normalise_holiday(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    rule = rules.holidays[key(group(match, "holiday"))]
    explicit = year_from(match, context, "year")
    if explicit is not None:
        when = cal.holiday_date(rule, explicit)
        return None if when is None else Normalised(when.isoformat())
    if context.anchor is None:
        return None
    candidates = []
    for year in (context.anchor.year - 1, context.anchor.year, context.anchor.year + 1):
        when = cal.holiday_date(rule, year)
        if when is None:
            continue
        if context.tense == "past" and when > context.anchor or context.tense == "future" and when < context.anchor:
            continue
        candidates.append((abs((when - context.anchor).days), when))
    return Normalised(min(candidates)[1].isoformat()) if candidates else None


# --- relative dates ---


def normalise_deictic_day(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    word = key(group(match, "dayword"))
    steps = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1,
             "the day before yesterday": -2, "the day after tomorrow": 2}
    # "afternoon yesterday", "mid-afternoon yesterday": the part of the day may come first.
    suffix = part_suffix(match, rules) or (f"T{rules.parts_of_day[key(group(match, 'part2'))]}" if group(match, "part2") else "")
    if word == "tonight":
        suffix = "TNI"
    if word == "last" and suffix not in ("TNI", "TEV"):
        return None
    day = "XXXX-XX-XX" if context.anchor is None else (context.anchor + timedelta(days=steps[word])).isoformat()
    return Normalised(day + suffix, "TIME" if suffix else "DATE")


def _relative_step(match: re.Match[str], rules: DateRules) -> int:
    return int(rules.relative_words[key(group(match, "rel"))])


def normalise_relative_unit(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    unit = key(group(match, "rel_unit"))
    step = _relative_step(match, rules)
    anchor = context.anchor
    underspecified = {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "fiscal year": "XXXX",
                      "quarter": "XXXX-QX", "weekend": "XXXX-WXX-WE", "decade": "XXX", "century": "XX"}
    precision = {"year": 1, "fiscal year": 1, "month": 2, "quarter": 2, "week": 3, "weekend": 3}.get(unit, 4)
    anchor = anaphoric_reference(match, context, precision) or anchor
    if anchor is None:
        return Normalised(underspecified[unit])
    if unit in ("week", "weekend"):
        value = cal.iso_week(anchor + timedelta(days=7 * step))
        return Normalised(value + ("-WE" if unit == "weekend" else ""))
    if unit == "month":
        return Normalised(cal.month_value(*cal.shift_month(anchor.year, anchor.month, step)))
    if unit in ("year", "fiscal year"):
        return Normalised(str(anchor.year + step))
    if unit == "quarter":
        return Normalised(cal.quarter_value(*cal.shift_quarter(anchor.year, cal.quarter_of(anchor.month), step)))
    if unit == "decade":
        return Normalised(str(anchor.year // 10 + step))
    return Normalised(f"{anchor.year // 100 + step:02d}")


def normalise_relative_month(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    if not vocabulary_word_ok(group(match, "month"), rules.months, rules):
        return None
    month = rules.months[key(group(match, "month"))]
    step = _relative_step(match, rules)
    if context.anchor is None:
        return Normalised(f"XXXX-{month:02d}")
    year = context.anchor.year
    if step < 0 and month >= context.anchor.month:
        year -= 1
    elif step > 0 and month <= context.anchor.month:
        year += 1
    return Normalised(cal.month_value(year, month))


def normalise_relative_season(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    text = match.group(0)
    season = rules.seasons[key(group(match, "season"))]
    if group(match, "rel") is None:
        # A bare season word ("prices fall") is a date only after a determiner or preposition.
        has_determiner = key(text) != key(group(match, "season"))
        if not has_determiner and previous_word(match) not in ("in", "during", "by", "until", "since", "through", "this", "that", "before", "after", "over"):
            return None
        step = 0
    else:
        step = _relative_step(match, rules)
    if context.anchor is None:
        return Normalised(f"XXXX-{season}")
    year, name = cal.occurrence_of_season(context.anchor, season, step)
    return Normalised(f"{year}-{name}")


def normalise_weekday(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    text = group(match, "weekday")
    if not vocabulary_word_ok(text, rules.weekdays, rules):
        return None
    if is_abbreviated(text or "", rules.weekdays) and not match.group(0).rstrip().endswith("."):
        return None
    weekday = rules.weekdays[key(text)]
    suffix = part_suffix(match, rules)
    kind: TimexType = "TIME" if suffix else "DATE"
    if context.anchor is None:
        return Normalised(f"XXXX-WXX-{weekday}{suffix}", kind)
    relative = key(group(match, "rel"))
    step = rules.relative_words.get(relative) if relative else None
    if step is None:
        # "Friday's ruling", "Tuesday's vote": a day named as the owner of an event reports it, so
        # the tense of the clause ("they will appeal Friday's ruling") says nothing about the day.
        possessive = match.string[match.end() : match.end() + 2] in ("'s", "’s")
        way = "future" if context.tense == "future" and not possessive else "past"
    else:
        way = {-1: "before", 0: "future", 1: "after"}[max(-1, min(1, int(step)))]
    anchor = anaphoric_reference(match, context, 3) or context.anchor
    return Normalised(cal.weekday_near(anchor, weekday, way).isoformat() + suffix, kind)


def normalise_weekday_set(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    text = group(match, "weekday") or group(match, "weekday2")
    if not vocabulary_word_ok(text, rules.weekdays, rules) or is_abbreviated(text or "", rules.weekdays):
        return None
    part = group(match, "part") or group(match, "part2") or group(match, "part3")
    suffix = f"T{rules.parts_of_day[key(part)]}" if part else ""
    return Normalised(f"XXXX-WXX-{rules.weekdays[key(text)]}{suffix}")


def normalise_offset(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    amount = amount_before_unit(match, rules)
    unit = rules.units.get(key(group(match, "unit")))
    sign = int(rules.offset_words[key(group(match, "offset_word"))])
    if amount is None or unit is None:
        return None
    if amount == 0:
        return Normalised("PAST_REF" if sign < 0 else "FUTURE_REF")
    steps = int(amount) * sign
    anchor = context.anchor
    if unit in ("DE", "CE"):
        unit, steps = "Y", steps * (10 if unit == "DE" else 100)
    if unit == "FN":
        unit, steps = "W", steps * 2
    if anchor is None:
        return Normalised(UNIT_GRANULARITY.get(unit, "XXXX-XX-XX"))
    if unit == "Y" and context.reference_quarter is not None and abs(steps) == 1:
        return Normalised(cal.quarter_value(*cal.shift_quarter(*context.reference_quarter, 4 * steps)))
    if unit == "D":
        return Normalised((anchor + timedelta(days=steps)).isoformat())
    if unit == "W":
        return Normalised(cal.iso_week(anchor + timedelta(days=7 * steps)))
    if unit == "M":
        return Normalised(cal.month_value(*cal.shift_month(anchor.year, anchor.month, steps)))
    if unit == "Y":
        return Normalised(str(anchor.year + steps))
    if unit == "Q":
        return Normalised(cal.quarter_value(*cal.shift_quarter(anchor.year, cal.quarter_of(anchor.month), steps)))
    return Normalised(anchor.isoformat())


def normalise_year_ago(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    unit = key(group(match, "unit_word")) or "year"
    if key(match.group(0)).endswith("-old"):
        return None
    if context.anchor is None:
        return Normalised("XXXX")
    if unit == "year" and context.reference_quarter is not None:
        return Normalised(cal.quarter_value(*cal.shift_quarter(*context.reference_quarter, -4)))
    anchor = context.anchor
    if unit == "month":
        return Normalised(cal.month_value(*cal.shift_month(anchor.year, anchor.month, -1)))
    if unit == "week":
        return Normalised(cal.iso_week(anchor - timedelta(days=7)))
    if unit == "day":
        return Normalised((anchor - timedelta(days=1)).isoformat())
    return Normalised(str(anchor.year - 1))


def normalise_reference_quarter(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    if context.reference_quarter is not None:
        return Normalised(cal.quarter_value(*context.reference_quarter))
    if context.anchor is None:
        return Normalised("XXXX-QX")
    # Without a quarter named before, "the quarter" is the last one completed.
    return Normalised(cal.quarter_value(*cal.shift_quarter(context.anchor.year, cal.quarter_of(context.anchor.month), -1)))


def normalise_quarter_ended(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    """"the quarter ended July 31": the calendar quarter holding most of the three months that
    end on that day, in the year of that day (the last such day when no year is written)."""
    if not vocabulary_word_ok(group(match, "month"), rules.months, rules):
        return None
    month, day = rules.months[key(group(match, "month"))], int(group(match, "day") or 1)
    year = year_from(match, context, "year")
    if year is None:
        if context.anchor is None:
            return Normalised("XXXX-QX")
        year = cal.nearest_year_for(context.anchor, month, day, "past")
    end = cal.valid_date(year, month, day) if year is not None else None
    if end is None:
        return None
    middle = end - timedelta(days=45)
    return Normalised(cal.quarter_value(middle.year, cal.quarter_of(middle.month)))


def normalise_latest_quarter(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    if context.anchor is None:
        return Normalised("XXXX-QX")
    return Normalised(cal.quarter_value(*cal.shift_quarter(context.anchor.year, cal.quarter_of(context.anchor.month), -1)))


def normalise_weekend(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    """The weekend just past (or, in the future tense, the coming one)."""
    if context.anchor is None:
        return Normalised("XXXX-WXX-WE")
    way = "future" if context.tense == "future" else "past"
    saturday = cal.weekday_near(context.anchor, 6, way)
    if way == "past" and context.anchor.isoweekday() == 7:
        saturday = context.anchor - timedelta(days=1)
    return Normalised(cal.iso_week(saturday) + "-WE")


def normalise_this_year(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    return Normalised("XXXX" if context.anchor is None else str(context.anchor.year))


def normalise_this_month(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    anchor = context.anchor
    return Normalised("XXXX-XX" if anchor is None else cal.month_value(anchor.year, anchor.month))


def normalise_that_period(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    """"that year", "later that month", "earlier that day": the period of the last calendar date
    the text named (or the last quarter it named); underspecified when there is none."""
    unit = key(group(match, "that_unit") or group(match, "that_unit2") or group(match, "that_unit3"))
    underspecified = {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "day": "XXXX-XX-XX", "quarter": "XXXX-QX"}
    if unit == "quarter":
        quarter = context.reference_quarter
        return Normalised(underspecified[unit] if quarter is None else cal.quarter_value(*quarter))
    previous = context.previous_date
    needed = {"year": 1, "month": 2, "week": 3, "day": 3}[unit]
    if previous is None or previous.count("-") + 1 < needed:
        return Normalised(underspecified[unit])
    if unit == "week":
        return Normalised(cal.iso_week(date.fromisoformat(previous)))
    return Normalised(previous[: {1: 4, 2: 7, 3: 10}[needed]])


NORMALISERS: dict[str, Normaliser] = {
    "calendar": normalise_calendar,
    "numeric_date": normalise_numeric_date,
    "week_of": normalise_week_of,
    "decade": normalise_decade,
    "century": normalise_century,
    "spoken_year": normalise_spoken_year,
    "season": normalise_season,
    "quarter": normalise_quarter,
    "half": normalise_half,
    "holiday": normalise_holiday,
    "deictic_day": normalise_deictic_day,
    "relative_unit": normalise_relative_unit,
    "relative_month": normalise_relative_month,
    "relative_season": normalise_relative_season,
    "weekday": normalise_weekday,
    "weekday_set": normalise_weekday_set,
    "offset": normalise_offset,
    "year_ago": normalise_year_ago,
    "reference_quarter": normalise_reference_quarter,
    "latest_quarter": normalise_latest_quarter,
    "quarter_ended": normalise_quarter_ended,
    "weekend": normalise_weekend,
    "this_year": normalise_this_year,
    "this_month": normalise_this_month,
    "that_period": normalise_that_period,
    "clock": normalise_clock,
    "duration": normalise_duration,
    "every": normalise_every,
    "period_ended": normalise_period_ended,
    "month_set": normalise_month_set,
    "phrase": normalise_phrase,
}
