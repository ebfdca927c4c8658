"""TIMEX3 values of clock times, durations, sets and fixed phrases (see ``values`` for the
normaliser contract)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

from flashpoint.pipeline.dates import calendar as cal
from flashpoint.pipeline.dates.values import (
    Context,
    Normalised,
    amount_before_unit,
    direction,
    group,
    key,
    number_text,
    opens_sentence_with_comma,
    parse_number,
    previous_word,
    vocabulary_word_ok,
    year_from,
)

if TYPE_CHECKING:
    from flashpoint.pipeline.dates.rules import DateRules


# --- times of day ---


def normalise_clock(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    hour_text = group(match, "hour") or group(match, "hour24")
    minute = int(group(match, "minute") or group(match, "minute24") or 0)
    word = key(group(match, "clockword"))
    if word:
        hour, minute = (24, 0) if word == "midnight" else (12, 0)
    elif hour_text is None:
        return None
    else:
        hour = int(hour_text)
        meridiem = key(group(match, "ampm")).replace(".", "")
        meridiem = {"in the morning": "am", "in the afternoon": "pm", "in the evening": "pm", "at night": "pm"}.get(meridiem, meridiem)
        if meridiem and not 1 <= hour <= 12:
            return None
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
    zone_text = group(match, "tz") or group(match, "tz2")
    zone = rules.time_zones.get(key(zone_text), "") if zone_text else ""
    day = _clock_day(match, rules, context)
    if day is None:
        return None
    return Normalised(f"{day}T{hour:02d}:{minute:02d}{zone}")


def _clock_day(match: re.Match[str], rules: DateRules, context: Context) -> str | None:
    anchor = context.anchor
    if group(match, "weekday"):
        weekday = rules.weekdays[key(group(match, "weekday"))]
        if anchor is None:
            return f"XXXX-WXX-{weekday}"
        way = "future" if context.tense == "future" else "past"
        return cal.weekday_near(anchor, weekday, way).isoformat()
    if group(match, "month"):
        if not vocabulary_word_ok(group(match, "month"), rules.months, rules):
            return None
        month, day = rules.months[key(group(match, "month"))], int(group(match, "day") or 1)
        year: int | str | None = year_from(match, context, "year")
        if year is None:
            year = "XXXX" if anchor is None else cal.nearest_year_for(anchor, month, day, direction(context))
        return None if year is None else f"{year}-{month:02d}-{day:02d}"
    if anchor is None:
        return "XXXX-XX-XX"
    step = {"yesterday": -1, "tomorrow": 1}.get(key(group(match, "dayword")), 0)
    return (anchor + timedelta(days=step)).isoformat()


# --- durations and sets ---


# A half of each unit in the next smaller one: "2 1/2 years" is P2Y6M, as TimeBank writes it.
HALF_UNITS = {"Y": "6M", "M": "15D", "W": "3DT12H", "D": "T12H", "TH": "30M", "TM": "30S"}


def duration_value(amount: float, unit: str) -> str:
    """P3Y, PT5H, PXW, P2Q; decades and centuries as years, as TimeBank writes them."""
    factor = {"DE": (10, "Y"), "CE": (100, "Y"), "WE": (2, "D"), "FN": (2, "W")}
    multiplier, letter = factor.get(unit, (1, unit))
    if amount == 0:
        quantity = "X"
        letter = unit if unit in ("DE", "CE") else letter
    else:
        amount *= multiplier
        whole = int(amount)
        if amount - whole == 0.5 and whole and letter in HALF_UNITS:
            half = HALF_UNITS[letter]
            prefix = "PT" if letter.startswith("T") else "P"
            return f"{prefix}{whole}{letter.lstrip('T')}{half}"
        quantity = number_text(amount)
    if letter.startswith("T"):
        return f"PT{quantity}{letter[1:]}"
    return f"P{quantity}{letter}"


def normalise_duration(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    unit_text = group(match, "unit") or group(match, "hyphen_unit")
    unit = rules.units.get(key(unit_text))
    amount = amount_before_unit(match, rules)
    if unit is None or amount is None:
        return None
    article = key(group(match, "num")) in ("a", "an")
    if unit == "TS" and article:
        return None
    # "$500 million a year", "four flights a week": a rate, not a duration.
    if article and _is_rate(match, rules):
        return None
    if group(match, "hyphen_unit") and key(unit_text).endswith("s"):
        return None
    return Normalised(duration_value(amount, unit))


def _is_rate(match: re.Match[str], rules: DateRules) -> bool:
    """A number shortly before "a year" in the same clause makes it a rate ("$5 million a year")."""
    before = re.split(r"[.;:!?]\s", match.string[max(0, match.start() - 30) : match.start()])[-1]
    if any(ch.isdigit() for ch in before):
        return True
    words = before.lower().split()[-3:]
    return any(word in rules.number_words and word not in ("a", "an") for word in words)


def normalise_period_ended(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    return Normalised("P1Y" if key(group(match, "period_unit")) == "year" else "P1Q")


def normalise_every(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    unit_text = key(group(match, "set_unit"))
    unit = rules.units.get(unit_text) or ("D" if unit_text.startswith("night") else None)
    if unit is None:
        return None
    amount = parse_number(group(match, "num") or "", rules) if group(match, "num") else None
    if "other" in key(match.group(0)).split():
        amount = 2
    return Normalised(duration_value(amount or 1, unit))


def normalise_month_set(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    if not vocabulary_word_ok(group(match, "month"), rules.months, rules):
        return None
    return Normalised(f"XXXX-{rules.months[key(group(match, 'month'))]:02d}")


def normalise_phrase(match: re.Match[str], rules: DateRules, context: Context) -> Normalised | None:
    word = key(group(match, "phrase"))
    if word in rules.discourse_openers and opens_sentence_with_comma(match):
        return None
    if word.split(" ")[0] in rules.units and parse_number(previous_word(match), rules) is not None:
        # "40 years of the blockade": the counted duration, not the vague "years of".
        return None
    phrase = rules.phrases.get(word)
    return None if phrase is None else Normalised(phrase.value, phrase.type)
