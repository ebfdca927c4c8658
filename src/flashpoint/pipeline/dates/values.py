"""Shared pieces of TIMEX3 normalisation: the context, the result, and small readers of a match.

Each normaliser gets the regex match, the loaded vocabulary and a ``Context`` (publication date,
tense of the governing verb, the last quarter the article named) and returns the value, or None
to reject the match. Without a publication date relative expressions keep an underspecified value
(``XXXX-WXX``) instead of a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from flashpoint.model import TimexType

if TYPE_CHECKING:
    from flashpoint.pipeline.dates.rules import DateRules

Tense = str  # "past", "future" or "" when unknown


@dataclass(frozen=True)
class Context:
    anchor: date | None
    tense: Tense = ""
    # The last quarter the text named, as (year, quarter): "a year earlier" then means that
    # quarter a year before, which is how earnings reports use it.
    reference_quarter: tuple[int, int] | None = None
    # A cue word before the date ("ended") or a simple past verb the date modifies directly
    # ("resigned in March") says it is past; unlike a past tense anywhere in the clause (often
    # just the reporting verb) this is trusted for months and days without a year.
    past_cued: bool = False
    # The last calendar date the text named before this one ("1995", "1989-10-27"): "the
    # following year" and "the previous Friday" count from it, not from publication.
    previous_date: str | None = None


@dataclass(frozen=True)
class Normalised:
    value: str
    type: TimexType | None = None  # overrides the rule's type when set


Normaliser = Callable[[re.Match[str], "DateRules", Context], Normalised | None]
MONTH_LEAD_INS = frozenset(
    ["in", "of", "since", "until", "till", "by", "last", "this", "next", "the", "early", "late", "mid", "from", "through", "to", "during", "before", "after", "between", "and", "or", "each", "every"]
)
POSSESSIVES = frozenset(["his", "her", "their", "its", "my", "our", "your", "whose"])
DECADE_ONLY_AFTER = frozenset(["the", "early", "late", "mid", "in", "of", "since", "during", "through"])
UNIT_GRANULARITY = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "Q": "XXXX-QX"}


def group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


def key(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def previous_word(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 30) : match.start()].split()
    return before[-1].lower().strip(",;:(\"'") if before else ""


SENTENCE_ENDS = (".", "!", "?", '"', "'", "”", "’", ":")


def opens_sentence_with_comma(match: re.Match[str]) -> bool:
    """"Now, he says ...": the match starts a sentence and a comma follows it."""
    before = match.string[max(0, match.start() - 3) : match.start()]
    after = match.string[match.end() : match.end() + 1]
    starts = match.start() == 0 or "\n" in before or before.rstrip().endswith(SENTENCE_ENDS)
    return after == "," and starts


def parse_number(text: str, rules: DateRules) -> float | None:
    """Digits or English number words ("twenty four", "a hundred thirty", "a couple of")."""
    cleaned = key(text)
    if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        return float(cleaned)
    if cleaned in rules.number_words:
        return float(rules.number_words[cleaned])
    total = 0.0
    for part in re.split(r"[- ]", cleaned):
        value = rules.number_words.get(part)
        if value is None:
            return None
        total = max(total, 1.0) * value if value == 100 else total + value
    return total


def number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def vocabulary_word_ok(text: str | None, vocab: dict[str, int] | object, rules: DateRules) -> bool:
    """Month and weekday words that are also plain words must be capitalised."""
    if text is None:
        return True
    word = key(text)
    return not (word in rules.capitalised_only and text[0].islower())


def is_abbreviated(text: str, table: dict[str, int] | object) -> bool:
    """True for "Aug" when the same month also has a longer name in the table."""
    word = key(text)
    value = table[word]  # type: ignore[index]
    return any(other != word and len(other) > len(word) and number == value for other, number in table.items())  # type: ignore[attr-defined]


def direction(context: Context, match: re.Match[str] | None = None) -> str | None:
    """Only the future is trusted from the parse (will, modals); past tense around a date is
    too often the reporting verb ("directors authorized a split payable Dec. 7"). An explicit
    "last" or "next" before the date decides."""
    word = key(group(match, "day_rel")) if match is not None else ""
    if word in ("last", "this past"):
        return "past"
    if word in ("next", "this coming"):
        return "future"
    if context.past_cued:
        return "past"
    return "future" if context.tense == "future" else None


ANAPHORIC_WORDS = frozenset({"following", "previous"})


def anaphoric_reference(match: re.Match[str], context: Context, precision: int) -> date | None:
    """The date "the following ..." / "the previous ..." counts from: the last calendar date
    named before, if it is at least as precise as needed (1 year, 2 month, 3 day)."""
    word = key(group(match, "rel"))
    with_article = key(match.group(0)).startswith("the ") or previous_word(match) == "the"
    previous = context.previous_date
    if word not in ANAPHORIC_WORDS or not with_article or previous is None or previous.count("-") + 1 < precision:
        return None
    parts = [int(part) for part in previous.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def year_from(match: re.Match[str], context: Context, *names: str) -> int | None:
    for name in names:
        text = group(match, name)
        if text:
            return int(text)
    return None


def relative_year(match: re.Match[str], rules: DateRules, context: Context, *names: str) -> int | None | str:
    """The year named by "this/last/next year"; "XXXX" without a publication date."""
    for name in names:
        word = key(group(match, name))
        if word in ("this", "last", "next"):
            if context.anchor is None:
                return "XXXX"
            return context.anchor.year + {"this": 0, "last": -1, "next": 1}[word]
    return None


def part_suffix(match: re.Match[str], rules: DateRules) -> str:
    part = group(match, "part")
    return f"T{rules.parts_of_day[key(part)]}" if part else ""


def amount_before_unit(match: re.Match[str], rules: DateRules) -> float | None:
    """The number before a unit; 0 stands for a vague quantity ("a few")."""
    if group(match, "vague"):
        return 0.0
    value = parse_number(group(match, "num") or "", rules)
    if value is not None and ("and a half" in key(match.group(0)) or group(match, "fraction")):
        value += 0.5
    return value
