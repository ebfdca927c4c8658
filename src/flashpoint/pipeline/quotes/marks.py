"""Paragraphs and quotation regions, from the text alone.

A quotation region is the text between an opening and its closing quotation mark, paired within
one paragraph. An unclosed region runs to the end of its paragraph: that is how news writes a
quote that goes on over several paragraphs (each paragraph opens, only the last one closes).
Single quotes (‘ ’) count as quotation marks only in articles that use no double marks at all,
because elsewhere they are nested quotes, scare quotes in headlines, or apostrophes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

PARAGRAPH = re.compile(r"[^\n]+")
DOUBLE_MARK = re.compile(r"''|``|[“”„«»\"]")
ANY_MARK = re.compile(r"''|``|[“”„«»\"‘’]")
OPENING_GLYPHS = frozenset({"“", "„", "«", "``", "‘"})
CLOSING_GLYPHS = frozenset({"”", "»", "’"})
SYMMETRIC_GLYPHS = frozenset({'"', "''"})
SINGLE_GLYPHS = frozenset({"‘", "’"})
OPEN_CONTEXT = frozenset("([{—–-/")
WORD_RUN = re.compile(r"\w+")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True)
class QuoteRegion:
    """Quoted text [start, end) without its marks; [outer_start, outer_end) includes them."""

    outer_start: int
    start: int
    end: int
    outer_end: int
    paragraph: int
    closed: bool


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Non-blank lines, surrounding whitespace trimmed."""
    found: list[Paragraph] = []
    for match in PARAGRAPH.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + len(raw) - len(raw.lstrip())
            found.append(Paragraph(start, start + len(stripped)))
    return tuple(found)


def uses_single_quotes(text: str) -> bool:
    """British-style articles quote with ‘ ’ and write no double marks at all."""
    return "‘" in text and DOUBLE_MARK.search(text) is None


def _direction(text: str, start: int, end: int, glyph: str) -> str | None:
    """'open', 'close', or None for an apostrophe; decided by the characters around the mark."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    space_before = before.isspace() or before in OPEN_CONTEXT
    space_after = after.isspace()
    if glyph in SINGLE_GLYPHS and before.isalnum() and after.isalnum():
        return None  # don’t, ‘em inside a word
    if glyph == "’" and not (after.isspace() or not after.isalnum()):
        return None
    if space_before and not space_after:
        return "open"
    if not space_before and (space_after or not after.isalnum()):
        return "close"
    if glyph in OPENING_GLYPHS:
        return "open"
    if glyph in CLOSING_GLYPHS:
        return "close"
    return "toggle"


def _regions_in(text: str, paragraph: Paragraph, index: int, single: bool) -> list[QuoteRegion]:
    pattern = ANY_MARK if single else DOUBLE_MARK
    regions: list[QuoteRegion] = []
    depth_marks: list[str] = []
    opened_at = -1
    content_start = -1
    for match in pattern.finditer(text, paragraph.start, paragraph.end):
        glyph = match.group()
        is_single = glyph in SINGLE_GLYPHS
        direction = _direction(text, match.start(), match.end(), glyph)
        if direction is None:
            continue
        if direction == "toggle":
            direction = "close" if depth_marks and depth_marks[-1] == "double" else "open"
        family = "single" if is_single else "double"
        if direction == "open":
            if not depth_marks:
                opened_at, content_start = match.start(), match.end()
            depth_marks.append(family)
            continue
        if not depth_marks or depth_marks[-1] != family:
            # A closer that does not match the innermost opener: a stray or mistyped mark.
            if depth_marks and family == "double" and "double" in depth_marks:
                while depth_marks and depth_marks[-1] != "double":
                    depth_marks.pop()
            else:
                continue
        depth_marks.pop()
        if not depth_marks:
            regions.append(QuoteRegion(opened_at, content_start, match.start(), match.end(), index, True))
    if depth_marks:
        end = paragraph.end
        regions.append(QuoteRegion(opened_at, content_start, end, end, index, False))
    return [region for region in regions if region.end > region.start]


def quotation_regions(text: str, paras: tuple[Paragraph, ...] | None = None) -> tuple[QuoteRegion, ...]:
    """Every top-level quotation region, in text order."""
    single = uses_single_quotes(text)
    paras = paragraphs(text) if paras is None else paras
    found: list[QuoteRegion] = []
    for index, paragraph in enumerate(paras):
        found.extend(_regions_in(text, paragraph, index, single))
    return tuple(found)


class RegionIndex:
    """Answers 'how much of this range is quoted' quickly, for the kind rule."""

    def __init__(self, regions: tuple[QuoteRegion, ...]) -> None:
        self.regions = regions
        self.starts = [region.start for region in regions]

    def covering(self, start: int, end: int) -> list[QuoteRegion]:
        last = bisect_right(self.starts, end)
        return [region for region in self.regions[:last] if region.end > start and region.start < end]

    def quoted_word_chars(self, text: str, spans: tuple[tuple[int, int], ...]) -> tuple[int, int]:
        """(word characters inside quotation regions, all word characters) of the spans."""
        inside = total = 0
        for start, end in spans:
            total += _word_chars(text, start, end)
            for region in self.covering(start, end):
                inside += _word_chars(text, max(start, region.start), min(end, region.end))
        return inside, total


def _word_chars(text: str, start: int, end: int) -> int:
    return sum(len(run) for run in WORD_RUN.findall(text, start, end)) if end > start else 0
