"""Finding TIMEX3 expressions in a text: every rule's matches, longest first, then values.

``find_dates`` is pure: the caller supplies the publication date, a function giving the tense
around a character range (from the parse, or always unknown) and a function telling which ranges
are excluded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from flashpoint.model import TimexType
from flashpoint.pipeline.dates.linking import ATTACHED_PAST, PAST_PERFECT
from flashpoint.pipeline.dates.normalise import NORMALISERS
from flashpoint.pipeline.dates.rules import DateRule, DateRules
from flashpoint.pipeline.dates.values import Context, Normalised

QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
# A calendar value ("1995", "1989-03", "1989-10-27") that "the following year" or "the
# previous Friday" can count from.
CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")
DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)$|^(?:\d{4}|XXXX)-WXX-\d$")
# What may separate a clock time from the day it belongs to: "10:35 a.m. (0735 GMT) Friday",
# "16:15 UTC, June 1".
CLOCK_DAY_GAP = re.compile(r"\s*(?:\([^()]{1,20}\))?\s*,?\s*(?:on\s+)?")
CLOCK_DAY_GROUPS = ("weekday", "dayword", "month")
# How far back (in characters) a named quarter still anchors "a year earlier".
REFERENCE_REACH = 1500

TenseAt = Callable[[int, int], str]
Excluded = Callable[[int, int], bool]


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    type: TimexType
    value: str
    rule: str


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    order: int
    rule: DateRule
    match: re.Match[str]


def no_tense(start: int, end: int) -> str:
    return ""


def never_excluded(start: int, end: int) -> bool:
    return False


def trimmed_bounds(match: re.Match[str]) -> tuple[int, int]:
    """The match without surrounding whitespace or a trailing comma."""
    start, end = match.start(), match.end()
    text = match.string
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def rule_matches(rule: DateRule, text: str, lowered: str | None) -> Iterator[re.Match[str]]:
    """Matches of the rule in text. With the text lower-cased (and of the same length), the
    lower-case scanner finds where matches start and the rule itself, anchored there, gives the
    match on the original text that the normalisers read (they look at capitals)."""
    if lowered is None or rule.scanner is None:
        yield from rule.pattern.finditer(text)
        return
    for located in rule.scanner.finditer(lowered):
        match = rule.pattern.match(text, located.start())
        if match is not None:
            yield match


def candidates_in(text: str, rules: DateRules) -> list[Candidate]:
    found: list[Candidate] = []
    lowered = text.lower()
    aligned = lowered if len(lowered) == len(text) else None
    for order, rule in enumerate(rules.rules):
        for match in rule_matches(rule, text, aligned):
            start, end = trimmed_bounds(match)
            if end > start:
                found.append(Candidate(start, end, order, rule, match))
    if rules.stop_phrases is not None:
        stops = [(m.start(), m.end()) for m in rules.stop_phrases.finditer(text)]
        found = [c for c in found if not any(s <= c.start and c.end <= e for s, e in stops)]
    return found


OPENING_QUOTES = ('"', "``", "“", "''", "‘")


def is_quoted_title(text: str, start: int, end: int) -> bool:
    """"This Week", ''60 Minutes'': words all capitalised right after an opening quotation
    mark name a programme or a work, not a time."""
    words = text[start:end].split()
    capitalised = all(word[0].isupper() or word[0].isdigit() for word in words)
    return len(words) >= 2 and capitalised and text[max(0, start - 2) : start].endswith(OPENING_QUOTES)


def normalise(candidate: Candidate, rules: DateRules, context: Context) -> Normalised | None:
    return NORMALISERS[candidate.rule.normalise](candidate.match, rules, context)


def select_longest(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longer first, then the rule listed earlier, then leftmost."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for candidate in sorted(candidates, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        if any(start < candidate.end and candidate.start < end for start, end in taken):
            continue
        chosen.append(candidate)
        taken.append((candidate.start, candidate.end))
    return sorted(chosen, key=lambda c: c.start)


def find_dates(
    text: str,
    rules: DateRules,
    anchor: date | None,
    tense_at: TenseAt = no_tense,
    excluded: Excluded = never_excluded,
) -> list[FoundDate]:
    """All date expressions in text, in order, with TIMEX3 types and values."""
    tenses: dict[tuple[int, int], tuple[str, bool]] = {}

    def context_for(candidate: Candidate, reference: tuple[int, int] | None = None, previous: str | None = None) -> Context:
        bounds = (candidate.start, candidate.end)
        if bounds not in tenses:
            before = text[max(0, candidate.start - 30) : candidate.start]
            cued = rules.future_cues is not None and rules.future_cues.search(before) is not None
            past_cued = rules.past_cues is not None and rules.past_cues.search(before) is not None
            if past_cued:
                tenses[bounds] = ("past", True)
            else:
                parsed = tense_at(*bounds)
                if parsed == PAST_PERFECT:
                    tenses[bounds] = ("past", False)
                elif cued:
                    tenses[bounds] = ("future", False)
                else:
                    tenses[bounds] = ("past", True) if parsed == ATTACHED_PAST else (parsed, False)
        tense, past_cued = tenses[bounds]
        return Context(anchor, tense, reference, past_cued, previous)

    valid = [
        candidate
        for candidate in candidates_in(text, rules)
        if not excluded(candidate.start, candidate.end)
        and not is_quoted_title(text, candidate.start, candidate.end)
        and normalise(candidate, rules, context_for(candidate)) is not None
    ]
    results: list[FoundDate] = []
    reference: tuple[int, int] | None = None
    reference_at = -REFERENCE_REACH
    previous_date: str | None = None
    bare_clocks: list[int] = []
    for candidate in select_longest(valid):
        in_reach = reference if candidate.start - reference_at <= REFERENCE_REACH else None
        value = normalise(candidate, rules, context_for(candidate, in_reach, previous_date))
        if value is None:
            continue
        quarter = QUARTER_VALUE.match(value.value)
        if quarter and candidate.rule.normalise == "quarter":
            reference, reference_at = (int(quarter.group(1)), int(quarter.group(2))), candidate.end
        if CALENDAR_VALUE.match(value.value):
            previous_date = value.value
        if candidate.rule.normalise == "clock" and not any(candidate.match.groupdict().get(name) for name in CLOCK_DAY_GROUPS):
            bare_clocks.append(len(results))
        results.append(FoundDate(candidate.start, candidate.end, value.type or candidate.rule.type, value.value, candidate.rule.name))
    return date_clocks_by_the_next_day(text, results, bare_clocks)


def date_clocks_by_the_next_day(text: str, results: list[FoundDate], bare_clocks: list[int]) -> list[FoundDate]:
    """A clock time written without its day takes the day written right after it ("10:35 a.m.
    (0735 GMT) Friday"): TimeML tags the two apart, but the time happened on that day."""
    dated = list(results)
    for index in bare_clocks:
        if index + 1 >= len(results):
            continue
        clock, day = results[index], results[index + 1]
        if DAY_VALUE.match(day.value) and CLOCK_DAY_GAP.fullmatch(text[clock.end : day.start]) and "T" in clock.value:
            dated[index] = replace(clock, value=day.value + clock.value[clock.value.index("T") :])
    return dated
