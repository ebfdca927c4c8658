"""From a parsed Doc to Quote models: both extractors, de-duplication, kind, speakers, ids."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from flashpoint.model import Quote, Span
from flashpoint.pipeline.doc_ext import doc_text, excluded_char_ranges
from flashpoint.pipeline.quotes.attribution import Attribution
from flashpoint.pipeline.quotes.direct import direct_attributions
from flashpoint.pipeline.quotes.lexicon import CueLexicon
from flashpoint.pipeline.quotes.marks import RegionIndex, paragraphs, quotation_regions
from flashpoint.pipeline.quotes.reported import reported_attributions
from flashpoint.pipeline.quotes.speakers import ActorResolver

WORD = re.compile(r"\w+")
DUPLICATE_OVERLAP = 0.5


def quote_kind(index: RegionIndex, text: str, content: tuple[tuple[int, int], ...]) -> str:
    """direct when every word character is quoted, indirect when none is, else mixed."""
    inside, total = index.quoted_word_chars(text, content)
    if total and inside == total:
        return "direct"
    return "indirect" if inside == 0 else "mixed"


def _word_positions(text: str, content: Iterable[tuple[int, int]]) -> set[int]:
    return {match.start() for start, end in content for match in WORD.finditer(text, start, end)}


def _drop_duplicates(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """Keep the first of attributions sharing most of their words (direct ones come first)."""
    kept: list[Attribution] = []
    kept_words: list[set[int]] = []
    for attribution in attributions:
        words = _word_positions(text, attribution.content)
        if not words:
            continue
        duplicate = any(
            len(words & other) >= DUPLICATE_OVERLAP * min(len(words), len(other)) for other in kept_words
        )
        if not duplicate:
            kept.append(attribution)
            kept_words.append(words)
    return kept


def _overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(low < end and start < high for low, high in ranges)


def find_attributions(doc: Doc, text: str, lexicon: CueLexicon) -> list[Attribution]:
    """Direct quotes first, then reported speech from the cues they left; text is doc.text."""
    paras = paragraphs(text)
    regions = quotation_regions(text, paras)
    excluded = excluded_char_ranges(doc)
    direct, used_cues, _consumed = direct_attributions(doc, text, lexicon, paras, regions)
    quoted = [(region.start, region.end) for region in regions]
    reported = reported_attributions(doc, text, lexicon, used_cues, quoted, lambda s, e: _overlaps(excluded, s, e))
    direct = [item for item in direct if not any(_overlaps(excluded, *span) for span in item.content)]
    return _drop_duplicates(text, direct + reported)



def build_quotes(doc: Doc, lexicon: CueLexicon) -> tuple[Quote, ...]:
    """The quotes of a parsed Doc (actors, if any, already set), in text order."""
    text = doc_text(doc)
    index = RegionIndex(quotation_regions(text))
    resolver = ActorResolver(doc, lexicon)
    attributions = sorted(find_attributions(doc, text, lexicon), key=lambda item: item.content[0])
    quotes: list[Quote] = []
    for number, attribution in enumerate(attributions, start=1):
        speaker = attribution.speaker
        quotes.append(
            Quote(
                id=f"q{number}",
                kind=quote_kind(index, text, attribution.content),  # type: ignore[arg-type]
                content=tuple(Span.of(text, start, end) for start, end in attribution.content),
                speaker=None if speaker is None else resolver.resolve(speaker),
                speaker_mention=None if speaker is None else Span.of(text, speaker.start, speaker.end),
                cue=None if attribution.cue is None else Span.of(text, *attribution.cue),
            )
        )
    return tuple(quotes)


def quote_at(quotes: Iterable[Quote], start_char: int) -> Quote | None:
    """The quote one of whose content spans contains start_char (the innermost if several)."""
    best: Quote | None = None
    best_length = 0
    for quote in quotes:
        for span in quote.content:
            length = span.end - span.start
            if span.start <= start_char < span.end and (best is None or length < best_length):
                best, best_length = quote, length
    return best
