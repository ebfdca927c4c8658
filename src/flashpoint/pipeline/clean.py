"""The clean component: finds lines that are not part of the story, without cutting them out.

Boilerplate ("READ MORE", "Sign up", captions, credits) is matched by patterns from a data file;
headlines of other articles pasted into the body are found by shape: a short line without
sentence-final punctuation, in headline casing or with a trailing kicker ("– Warning"), that
shares little with the paragraphs around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.data import bundled_path, load_yaml, require_mapping
from flashpoint.errors import DataFileError
from flashpoint.model import ExcludedSpan
from flashpoint.pipeline.doc_ext import EXCLUDED, doc_text, register_extensions

SENTENCE_FINAL = tuple('.!?:;,"”’\')…')
MINOR_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "over", "the", "to", "up", "via", "with", "vs", "is", "are", "was", "be"]
)
WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)
CONTENT_WORD_MIN = 4


@dataclass(frozen=True)
class CleanPatterns:
    line_patterns: tuple[tuple[str, re.Pattern[str]], ...]
    kicker: re.Pattern[str] | None


@dataclass(frozen=True)
class Exclusion:
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def load_clean_patterns(extra_files: Sequence[Path] = ()) -> CleanPatterns:
    files = [bundled_path("clean.yaml"), *extra_files]
    patterns: list[tuple[str, re.Pattern[str]]] = []
    kickers: list[str] = []
    for path in files:
        data = require_mapping(path, load_yaml(path), "clean patterns")
        for index, group in enumerate(data.get("line_patterns") or [], start=1):
            if not isinstance(group, dict) or "reason" not in group:
                raise DataFileError(str(path), None, f"line_patterns entry {index} needs a 'reason'")
            for raw in group.get("patterns") or []:
                patterns.append((str(group["reason"]), _compile(path, raw)))
        kickers.extend(str(word) for word in data.get("headline_kickers") or [])
    kicker = None
    if kickers:
        alternatives = "|".join(re.escape(word) for word in kickers)
        kicker = re.compile(rf"\s[-–—|:]\s*(?:{alternatives})\s*$", re.IGNORECASE)
    return CleanPatterns(tuple(patterns), kicker)


def _compile(path: Path, raw: object) -> re.Pattern[str]:
    if not isinstance(raw, str):
        raise DataFileError(str(path), None, f"pattern must be a string: {raw!r}")
    try:
        return re.compile(rf"(?:{raw})", re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(str(path), None, f"bad pattern {raw!r}: {exc}") from exc


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their offsets, surrounding whitespace trimmed."""
    lines: list[Line] = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        lines.append(Line(start, start + len(stripped), stripped))
    return lines


def boilerplate_reason(line: str, patterns: CleanPatterns) -> str | None:
    for reason, pattern in patterns.line_patterns:
        if pattern.fullmatch(line):
            return reason
    return None


def content_words(text: str) -> set[str]:
    return {
        word.lower()
        for word in WORD.findall(text)
        if len(word) >= CONTENT_WORD_MIN and word.lower() not in MINOR_WORDS
    }


def has_headline_casing(words: Sequence[str]) -> bool:
    significant = [word for word in words if word.lower() not in MINOR_WORDS]
    if len(significant) < 2:
        return False
    capitalised = sum(1 for word in significant if word[0].isupper())
    return capitalised / len(significant) >= 0.75


def is_pasted_headline(line: Line, before: Line | None, after: Line | None, patterns: CleanPatterns) -> bool:
    """A short unpunctuated line in headline shape that does not belong to its neighbours."""
    words = WORD.findall(line.text)
    if not 3 <= len(words) <= 16 or line.text.endswith(SENTENCE_FINAL):
        return False
    has_kicker = patterns.kicker is not None and patterns.kicker.search(line.text) is not None
    if not (has_kicker or has_headline_casing(words)):
        return False
    # Without a neighbouring paragraph the line is the article's own heading, not a pasted one.
    if before is None or after is None:
        return False
    own = content_words(line.text)
    around = content_words(before.text) | content_words(after.text)
    shared = len(own & around) / len(own) if own else 0.0
    return has_kicker or shared < 0.5


def find_exclusions(text: str, patterns: CleanPatterns, title: str | None = None) -> list[Exclusion]:
    lines = split_lines(text)
    exclusions: list[Exclusion] = []
    for index, line in enumerate(lines):
        reason = boilerplate_reason(line.text, patterns)
        if reason is None and index > 0 and line.text != (title or "").strip():
            before = lines[index - 1]
            after = lines[index + 1] if index + 1 < len(lines) else None
            if is_pasted_headline(line, before, after, patterns):
                reason = "headline"
        if reason is not None:
            exclusions.append(Exclusion(line.start, line.end, reason))
    return exclusions


def excluded_spans(text: str, exclusions: Iterable[Exclusion]) -> tuple[ExcludedSpan, ...]:
    return tuple(
        ExcludedSpan(start=item.start, end=item.end, text=text[item.start : item.end], reason=item.reason)
        for item in exclusions
    )


def line_start_tokens(doc: Doc) -> list[int]:
    """Indices of tokens that open a line: a line break always ends a sentence in news text,
    and telling the parser so keeps headings and datelines out of the next sentence."""
    starts = []
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if token.i > 0 and (after_break or "\n" in doc[token.i - 1].whitespace_):
            starts.append(token.i)
        after_break = False
    return starts


class CleanComponent:
    def __init__(self, patterns: CleanPatterns) -> None:
        self.patterns = patterns

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.fp_article
        title = getattr(article, "title", None)
        exclusions = find_exclusions(doc_text(doc), self.patterns, title)
        spans = []
        for item in exclusions:
            span = doc.char_span(item.start, item.end, label=item.reason, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[EXCLUDED] = spans
        for index in line_start_tokens(doc):
            doc[index].is_sent_start = True
        doc._.fp_excluded = excluded_spans(doc_text(doc), exclusions)
        return doc


@Language.factory(
    "flashpoint_clean",
    default_config={"extra_files": []},
    assigns=["doc._.fp_excluded"],
    requires=[],
)
def make_clean(nlp: Language, name: str, extra_files: list[str]) -> CleanComponent:
    register_extensions()
    return CleanComponent(load_clean_patterns([Path(path) for path in extra_files]))
