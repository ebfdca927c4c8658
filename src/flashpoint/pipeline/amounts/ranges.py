"""Join scanned numbers into ranges and drop the numbers that are not amounts.

Ranges: "between 10 and 20", "from $160 to $180", "10-20", "25 – 40 min", "three or four".
Not amounts: years, days of the month next to a month name, clock times, sports scores and year
spans ("2-1", "2014-17"). Both steps only read the text, so they are pure and cheap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flashpoint.pipeline.amounts.lexicon import AmountLexicon
from flashpoint.pipeline.amounts.scanner import NumberAtom, is_negative_sign, with_range

DASHES = ("-", "–", "—")
TO_GAP = re.compile(r"^\s*(?:to|through|until|till)\s*-?\s*$", re.IGNORECASE)
AND_GAP = re.compile(r"^\s*and\s*$", re.IGNORECASE)
OR_GAP = re.compile(r"^\s*or\s*$", re.IGNORECASE)
BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\bfrom\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z]+\.?")
SCORE_LIMIT = 200


def combine_ranges(atoms: Sequence[NumberAtom], text: str, lexicon: AmountLexicon) -> list[NumberAtom]:
    """Adjacent numbers joined by a range connector become one atom with ``range`` set."""
    result: list[NumberAtom] = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        following = atoms[index + 1] if index + 1 < len(atoms) else None
        if following is not None and atom.range is None and following.range is None:
            joined = _join(atom, following, text, lexicon)
            if joined is not None:
                result.append(joined)
                index += 2
                continue
        result.append(atom)
        index += 1
    return result


def _join(first: NumberAtom, second: NumberAtom, text: str, lexicon: AmountLexicon) -> NumberAtom | None:
    if is_year(first, lexicon) and (second.scale != 1.0 or second.value > 10 * first.value):
        return None  # "rose 60% in 2018 to 3.9 million": a year, then the new level
    gap = text[first.extent_end : second.prefix_start]
    before = text[max(0, first.prefix_start - 40) : first.prefix_start]
    if _is_dash_range(gap, first, second):
        return with_range(first, second, text)
    if gap == "" and is_negative_sign(second.sign) and second.start == first.extent_end:
        return with_range(first, second, text)
    if AND_GAP.match(gap) and BETWEEN_BEFORE.search(before):
        return with_range(first, second, text)
    if OR_GAP.match(gap) and first.kind == second.kind == "words" and first.value < second.value:
        return with_range(first, second, text)
    if TO_GAP.match(gap) and _compatible(first, second):
        starts_from = FROM_BEFORE.search(before) is not None
        if starts_from or not (first.unit and not second.unit) and not _after_change_verb(before, lexicon):
            return with_range(first, second, text)
    return None


def _is_dash_range(gap: str, first: NumberAtom, second: NumberAtom) -> bool:
    stripped = gap.strip()
    if stripped not in DASHES:
        return False
    spaced_left, spaced_right = gap[:1].isspace(), gap[-1:].isspace()
    return spaced_left == spaced_right and _compatible(first, second)


def _compatible(first: NumberAtom, second: NumberAtom) -> bool:
    if first.unit and second.unit and first.unit != second.unit:
        return False
    if first.currency and second.currency and first.currency != second.currency:
        return False
    return not (first.currency and second.unit or first.unit and second.currency)


def _after_change_verb(before: str, lexicon: AmountLexicon) -> bool:
    """'rose 6.5% to 164p': the second figure is the new level, not the end of a range."""
    return lexicon.patterns.change_before.search(before) is not None


def is_year(atom: NumberAtom, lexicon: AmountLexicon) -> bool:
    first, last = lexicon.year_range
    return (
        atom.plain_integer and len(atom.raw) == 4 and first <= atom.value <= last
        and atom.currency is None and atom.unit is None
    )


def is_not_an_amount(atom: NumberAtom, text: str, lexicon: AmountLexicon) -> bool:
    """Years, days of the month, clock times, scores and year spans."""
    if atom.range is not None and atom.kind != "vague":
        return _is_span_of_years_or_score(atom, text, lexicon)
    if is_year(atom, lexicon):
        return True
    if atom.plain_integer and text[max(0, atom.start - 1) : atom.start] in ("'", "’") and len(atom.raw) == 2:
        return True  # '19, ’90s
    if lexicon.patterns.time_after.match(text, atom.extent_end) and atom.unit is None and atom.currency is None:
        return True
    if atom.plain_integer and len(atom.raw) >= 3 and atom.raw.startswith("0"):
        return True  # codes and clock times: 0401 GMT, 0800
    if atom.plain_integer and atom.currency is None and lexicon.patterns.street_after.match(text, atom.extent_end):
        return True  # house numbers
    return atom.plain_integer and 1 <= atom.value <= 31 and _next_to_month(atom, text, lexicon)


def _next_to_month(atom: NumberAtom, text: str, lexicon: AmountLexicon) -> bool:
    before = WORD.findall(text[max(0, atom.prefix_start - 12) : atom.prefix_start])
    after = WORD.findall(text[atom.extent_end : atom.extent_end + 12])
    if before and text[atom.prefix_start - 1 : atom.prefix_start] in (" ", ".") and _is_month(before[-1], lexicon):
        return not text[max(0, atom.prefix_start - 12) : atom.prefix_start].rstrip().endswith(",")
    if after and text[atom.extent_end : atom.extent_end + 1] == " " and _is_month(after[0], lexicon):
        preceding = WORD.findall(text[max(0, atom.prefix_start - 12) : atom.prefix_start])
        return not (preceding and preceding[-1].lower() in ("of", "for"))
    return False


def _is_month(word: str, lexicon: AmountLexicon) -> bool:
    """Capitalised month names, and full names in lower case too (all-lower-case news sites);
    never the verb "may"."""
    bare = word.rstrip(".")
    lower = bare.lower()
    if lower not in lexicon.months or bare == "may":
        return False
    return bare[:1].isupper() or (len(lower) >= 4 and not word.endswith("."))


def _is_span_of_years_or_score(atom: NumberAtom, text: str, lexicon: AmountLexicon) -> bool:
    assert atom.range is not None
    low, high = atom.range
    if atom.currency or atom.unit:
        return False
    first_year, last_year = lexicon.year_range
    if first_year <= low <= last_year and float(low).is_integer() and (
        first_year <= high <= last_year or 0 <= high < 100
    ):
        return True
    written = text[atom.start : atom.end]
    if float(low).is_integer() and 1 <= low <= 31 and _next_to_month(atom, text, lexicon):
        return True  # "September 16-19"
    dashed = any(dash in written for dash in DASHES)
    small = float(low).is_integer() and float(high).is_integer() and 0 <= low <= SCORE_LIMIT and 0 <= high <= SCORE_LIMIT
    if dashed and low >= high:
        return True  # scores ("2-1") and codes ("3888-2"): a range ascends
    if dashed and small and "," not in written and "." not in written:
        sentence = text[max(0, atom.start - 120) : atom.end + 60].lower()
        return any(word in lexicon.score_words for word in re.findall(r"[a-z-]+", sentence))
    return False
