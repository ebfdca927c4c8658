"""The qualifier of a figure from the words written around it.

Order of precedence: a range; a hedge or bound written before the number ("about", "more than",
"up to"); one written after it ("or more", "-plus"); a verb of change ("rose 5%", "fell by 3",
"climbed to 6.7%"); a signed percentage ("-1.3%"); else exact. The contract has no "up_to", so
"up to" is at_most with ``detail = "up_to"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashpoint.pipeline.amounts.lexicon import AmountLexicon
from flashpoint.pipeline.amounts.scanner import NumberAtom, is_negative_sign

LOOKBACK = 60
ADVERBS = frozenset({"up", "down", "higher", "lower"})
CONTINUATION = re.compile(r"^\s*[a-z]*\s*,?\s*or\s+(?:about\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class QualifierReading:
    qualifier: str
    detail: str | None = None


def qualifier_of(
    atom: NumberAtom, text: str, lexicon: AmountLexicon, previous: tuple[NumberAtom, QualifierReading] | None = None
) -> QualifierReading:
    before = text[max(0, atom.prefix_start - LOOKBACK) : atom.prefix_start]
    cue = lexicon.patterns.qualifier_before.search(before)
    hedged = cue is not None and not _is_temporal_over(cue.group("cue"), before, atom)
    if atom.range is not None:
        if hedged and _qualifier_for(cue.group("cue"), lexicon.qualifiers_before) == "approximate":
            return QualifierReading("approximate")
        return QualifierReading("range")
    if hedged:
        return _reading(_qualifier_for(cue.group("cue"), lexicon.qualifiers_before))
    after = lexicon.patterns.qualifier_after.match(text[atom.extent_end : atom.extent_end + 20])
    if after is not None:
        return _reading(_qualifier_for(after.group("cue"), lexicon.qualifiers_after))
    change = _change_direction(atom, before, lexicon)
    if change is not None:
        return QualifierReading(change)
    if previous is not None and previous[1].qualifier in ("increase", "decrease"):
        gap = text[previous[0].extent_end : atom.prefix_start]
        if CONTINUATION.match(gap):
            return previous[1]  # "grew by 125,600 jobs, or 2.2 per cent"
    if atom.unit == "percent" and atom.sign is not None:
        return QualifierReading("decrease" if is_negative_sign(atom.sign) else "increase")
    return QualifierReading("exact")


def _reading(qualifier: str) -> QualifierReading:
    if qualifier == "up_to":
        return QualifierReading("at_most", "up_to")
    return QualifierReading(qualifier)


def _qualifier_for(cue: str, table: tuple[tuple[str, str], ...]) -> str:
    normal = " ".join(cue.lower().split()).rstrip("-").strip()
    for form, qualifier in table:
        if form.rstrip("-").strip() == normal:
            return qualifier
    return "exact"


def _is_temporal_over(cue: str, before: str, atom: NumberAtom) -> bool:
    """'over three years' reads as a period, not as 'more than three years'."""
    word = cue.lower().strip()
    if word != "over" or atom.unit not in ("year", "month", "week", "day", "hour", "minute"):
        return False
    return not re.search(r"\b(?:for|lasted|last|spent|took|served)\s+over\s*$", before, re.IGNORECASE)


def _change_direction(atom: NumberAtom, before: str, lexicon: AmountLexicon) -> str | None:
    for pattern in (lexicon.patterns.change_before, lexicon.patterns.change_to_before):
        match = pattern.search(before)
        if match is None:
            continue
        verb = " ".join(match.group("verb").lower().split())
        adverb = verb in ADVERBS
        if adverb and (match.groupdict().get("particle_of") or "").strip().lower() in lexicon.phrasal_verbs:
            continue  # "gave up 517 yards", "set up 20 sites": a particle, not a change
        if adverb and pattern is lexicon.patterns.change_to_before:
            continue  # "boiling down to $21", "the lead up to": not a verb of change
        by = match.groupdict().get("by")
        if verb in lexicon.change_needs_unit and not by and atom.unit is None and atom.currency is None:
            continue
        return lexicon.change_verbs.get(verb)
    return None
