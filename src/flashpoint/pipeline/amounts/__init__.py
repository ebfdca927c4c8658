"""The amounts component: figures with value, unit, qualifier, counted object and claimant.

Pipeline: ``scan_numbers`` finds number expressions in the text (digits with separators, scales
and signs, number words, fractions, multiples, vague plurals); ``combine_ranges`` joins ranges;
``is_not_an_amount`` drops years, days of the month, clock times and scores; the parse then drops
labels ("Section 427", "iPhone 11"), and gives the object and the claimant. Knowledge lives in
``data/amounts.yaml`` (see docs/amounts.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.model import Amount, Span
from flashpoint.pipeline.amounts.context import claimant_of, is_label, object_of
from flashpoint.pipeline.amounts.lexicon import AmountLexicon, load_lexicon
from flashpoint.pipeline.amounts.qualifiers import QualifierReading, qualifier_of
from flashpoint.pipeline.amounts.ranges import combine_ranges, is_not_an_amount
from flashpoint.pipeline.amounts.scanner import NumberAtom, scan_numbers
from flashpoint.pipeline.doc_ext import ACTOR_MENTIONS, doc_text, excluded_char_ranges, register_extensions

__all__ = ["AmountsComponent", "extract_amounts", "find_figures", "load_lexicon"]


def find_figures(text: str, lexicon: AmountLexicon) -> list[tuple[NumberAtom, QualifierReading]]:
    """Text-only stage: the figures and their qualifiers, before the parse is consulted."""
    atoms = combine_ranges(scan_numbers(text, lexicon), text, lexicon)
    figures: list[tuple[NumberAtom, QualifierReading]] = []
    previous: tuple[NumberAtom, QualifierReading] | None = None
    for atom in atoms:
        if is_not_an_amount(atom, text, lexicon):
            continue
        reading = qualifier_of(atom, text, lexicon, previous)
        previous = (atom, reading)
        figures.append(previous)
    return figures


def _quote_speakers(doc: Doc) -> list[tuple[int, int, str]]:
    speakers: list[tuple[int, int, str]] = []
    for quote in doc._.fp_quotes or ():
        speaker = getattr(quote, "speaker", None)
        if speaker:
            speakers.extend((part.start, part.end, speaker) for part in quote.content)
    return speakers



def extract_amounts(doc: Doc, lexicon: AmountLexicon) -> tuple[Amount, ...]:
    text = doc_text(doc)
    figures = find_figures(text, lexicon)
    if not figures:
        return ()
    excluded = excluded_char_ranges(doc)
    speakers = _quote_speakers(doc)
    attributable = bool(speakers) or bool(doc.spans.get(ACTOR_MENTIONS))
    amounts: list[Amount] = []
    for atom, reading in figures:
        start, end = atom.prefix_start, atom.extent_end
        if any(s < end and start < e for s, e in excluded) or is_label(atom, doc, text, lexicon):
            continue
        amounts.append(Amount(
            id=f"amount-{len(amounts) + 1}",
            value=atom.value,
            span=Span.of(text, start, end),
            unit=atom.currency or atom.unit,
            object=object_of(atom, doc),
            qualifier=reading.qualifier,  # type: ignore[arg-type]
            qualifier_detail=reading.detail,
            range=atom.range,
            claimed_by=claimant_of(atom, doc, lexicon, speakers) if attributable else None,
        ))
    return tuple(amounts)


class AmountsComponent:
    def __init__(self, lexicon: AmountLexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.fp_amounts = extract_amounts(doc, self.lexicon)
        return doc


@Language.factory(
    "flashpoint_amounts",
    default_config={"extra_files": []},
    assigns=["doc._.fp_amounts"],
)
def make_amounts(nlp: Language, name: str, extra_files: Sequence[str]) -> AmountsComponent:
    register_extensions()
    return AmountsComponent(load_lexicon([Path(path) for path in extra_files]))
