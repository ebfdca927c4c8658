"""The dates component: TIMEX3 expressions (DATE, TIME, DURATION, SET) normalised against the
publication date. Rules live in ``data/dates.yaml`` (and users' ``date_rule_files``); see
docs/dates.md.

Modules: ``rules`` loads and compiles the rule files, ``matching`` finds and selects matches,
``values`` holds what every normaliser shares, ``normalise`` computes date values and
``durations`` those of times, durations and sets, ``calendar`` does the date arithmetic, and
``linking`` reads the parse (tense of the governing verb, ``date_governing`` for events).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.model import DateExpression, Span
from flashpoint.pipeline.dates.linking import date_governing, tense_at
from flashpoint.pipeline.dates.matching import FoundDate, find_dates
from flashpoint.pipeline.dates.rules import DateRules, load_date_rules
from flashpoint.pipeline.doc_ext import doc_text, excluded_char_ranges, register_extensions

__all__ = ["DatesComponent", "date_expressions", "date_governing", "extract_dates", "load_date_rules"]


def date_expressions(text: str, found: Sequence[FoundDate]) -> tuple[DateExpression, ...]:
    return tuple(
        DateExpression(id=f"t{index}", span=Span.of(text, item.start, item.end), type=item.type, value=item.value)
        for index, item in enumerate(found, start=1)
    )


def extract_dates(text: str, rules: DateRules, published: date | None) -> tuple[DateExpression, ...]:
    """Dates in a plain text without a parse (tense unknown): for tools and tests."""
    return date_expressions(text, find_dates(text, rules, published))


class DatesComponent:
    def __init__(self, rules: DateRules) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)    # built from the tokens on each access: read it once
        ranges = excluded_char_ranges(doc)
        parsed = doc.has_annotation("DEP")

        def excluded(start: int, end: int) -> bool:
            return any(s < end and start < e for s, e in ranges)

        def tense(start: int, end: int) -> str:
            return tense_at(doc, start, end) if parsed else ""

        found = find_dates(text, self.rules, doc._.fp_published, tense_at=tense, excluded=excluded)
        doc._.fp_dates = date_expressions(text, found)
        return doc


@Language.factory(
    "flashpoint_dates",
    default_config={"extra_files": []},
    assigns=["doc._.fp_dates"],
)
def make_dates(nlp: Language, name: str, extra_files: list[str]) -> DatesComponent:
    register_extensions()
    return DatesComponent(load_date_rules([Path(path) for path in extra_files]))
