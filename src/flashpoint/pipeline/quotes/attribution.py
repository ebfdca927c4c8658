"""The value both extractors produce: who (speaker mention), how (cue), what (content spans)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from flashpoint.pipeline.quotes.speakers import SpeakerMention

TRIM_CHARS = " \t\n\u00a0,.;:—–-"
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Attribution:
    content: tuple[tuple[int, int], ...]
    cue: tuple[int, int] | None
    speaker: SpeakerMention | None
    direct: bool = False


def trim(text: str, start: int, end: int, chars: str = TRIM_CHARS) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def word_count(text: str, start: int, end: int) -> int:
    return len(WORD.findall(text, start, end)) if end > start else 0


def token_range(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract")
    return [] if span is None else list(span)


def subtree_range(token: Token, skip: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Char ranges of token's subtree, split around the tokens in skip (e.g. the cue clause)."""
    return char_ranges_around(token.subtree, skip)


def char_ranges_around(tokens: Iterable[Token], skip: AbstractSet[int]) -> list[tuple[int, int]]:
    """Char ranges of runs of tokens, split around (and leaving out) the token indices in skip."""
    ranges: list[tuple[int, int]] = []
    start = end = None
    for item in tokens:
        if item.i in skip:
            if start is not None and end is not None:
                ranges.append((start, end))
            start = end = None
            continue
        if start is None:
            start = item.idx
        end = item.idx + len(item.text)
    if start is not None and end is not None:
        ranges.append((start, end))
    return ranges


def clean_spans(text: str, spans: list[tuple[int, int]], min_words: int = 1) -> tuple[tuple[int, int], ...]:
    trimmed = [trim(text, start, end) for start, end in spans]
    return tuple(span for span in trimmed if word_count(text, *span) >= min_words)
