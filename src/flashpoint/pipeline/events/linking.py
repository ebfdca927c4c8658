"""Linking an event to the date and place that govern it, and to the quote it sits in.

Dates come from the dates component (``doc._.fp_dates``), places from the places component
(``doc.spans["fp_place_mentions"]``, label = place id), quotes from ``doc._.fp_quotes``. A date or
place belongs to an event when its words hang from the event's clause in the parse; a lone date
of the sentence is taken when nothing hangs from the event itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from flashpoint.pipeline.doc_ext import PLACE_MENTIONS

LOCATION_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "into", "on", "along", "off", "within", "throughout", "from", "over"})
MAX_HOPS = 4
DATE_TYPES = frozenset({"DATE", "TIME"})


@dataclass(frozen=True)
class Anchor:
    """A linkable item of the Doc: a char range and the value it gives an event."""

    start: int
    end: int
    value: str


@dataclass(frozen=True)
class QuoteRegion:
    start: int
    end: int
    speaker: str | None


def date_anchors(doc: Doc) -> list[Anchor]:
    return [
        Anchor(date.span.start, date.span.end, date.value)
        for date in doc._.fp_dates
        if date.value and date.type in DATE_TYPES
    ]


def place_anchors(doc: Doc) -> list[Anchor]:
    group = doc.spans.get(PLACE_MENTIONS)
    return [Anchor(span.start_char, span.end_char, span.label_) for span in group or () if span.label_]


def quote_regions(doc: Doc) -> list[QuoteRegion]:
    return [
        QuoteRegion(part.start, part.end, quote.speaker)
        for quote in doc._.fp_quotes
        for part in quote.content
    ]


def anchor_root(doc: Doc, anchor: Anchor) -> Token | None:
    span = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
    return None if span is None or len(span) == 0 else span.root


def hangs_from(token: Token, event_heads: Sequence[Token], via_location: bool) -> bool:
    """True when the token's chain of heads reaches one of the event's words within a few hops."""
    current = token
    for _ in range(MAX_HOPS):
        head = current.head
        if head.i == current.i:
            return False
        if via_location and current.dep_ == "pobj" and head.lower_ not in LOCATION_PREPS:
            return False
        if head in event_heads:
            return True
        current = head
    return False


def link(doc: Doc, sentence: Span, event_heads: Sequence[Token], anchors: Sequence[Anchor], via_location: bool, lone_fallback: bool) -> str | None:
    inside = [a for a in anchors if sentence.start_char <= a.start and a.end <= sentence.end_char]
    if not inside:
        return None
    for anchor in inside:
        root = anchor_root(doc, anchor)
        if root is not None and hangs_from(root, event_heads, via_location):
            return anchor.value
    if lone_fallback and len({a.value for a in inside}) == 1:
        return inside[0].value
    return None


def speaker_at(regions: Sequence[QuoteRegion], start: int, end: int) -> tuple[bool, str | None]:
    """(inside a quote, the quote's speaker) for a trigger's char range."""
    for region in regions:
        if region.start <= start and end <= region.end:
            return True, region.speaker
    return False, None
