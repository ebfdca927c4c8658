"""The Doc extensions and span groups the components share: the one place their names live.

Each component reads what earlier components set and writes its own results:

| component | reads | sets |
|---|---|---|
| flashpoint_clean | text | doc.spans["fp_excluded"] (label = reason), doc._.fp_excluded |
| flashpoint_actors | ents, parse, doc._.fp_published | doc.spans["fp_actor_mentions"] (label = actor id), doc._.fp_actors |
| flashpoint_dates | doc._.fp_published | doc._.fp_dates |
| flashpoint_places | ents, actors | doc.spans["fp_place_mentions"] (label = place id), doc._.fp_places |
| flashpoint_quotes | parse, actors | doc._.fp_quotes |
| flashpoint_amounts | parse, actors, quotes | doc._.fp_amounts |
| flashpoint_events | parse, actors, quotes, dates, places | doc._.fp_events |
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from flashpoint.model import Actor

EXCLUDED = "fp_excluded"
ACTOR_MENTIONS = "fp_actor_mentions"
PLACE_MENTIONS = "fp_place_mentions"

RESULT_EXTENSIONS = ("fp_excluded", "fp_actors", "fp_events", "fp_quotes", "fp_amounts", "fp_dates", "fp_places")
CONTEXT_EXTENSIONS = ("fp_article", "fp_published")


def register_extensions() -> None:
    """Idempotent: safe to call from every component factory."""
    for name in RESULT_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=())
    for name in CONTEXT_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def published(doc: Doc) -> date | None:
    return doc._.fp_published


MentionRow = tuple[int, int, int, int, str]  # start_char, end_char, start token, end token, label


@dataclass(frozen=True)
class SpanIndex:
    """One span group as plain tuples in group order, plus a by-start view for overlap lookups."""

    rows: tuple[MentionRow, ...]
    by_start: tuple[tuple[int, int, int, int, str, int], ...]  # a row plus its group position
    starts: tuple[int, ...]
    longest: int

    def overlapping(self, start_char: int, end_char: int) -> Iterator[tuple[int, int, int, int, str, int]]:
        """Rows sharing a character with [start_char, end_char), by start."""
        low = bisect_left(self.starts, start_char - self.longest)
        high = bisect_left(self.starts, end_char)
        for row in self.by_start[low:high]:
            if row[1] > start_char:
                yield row


EMPTY_INDEX = SpanIndex((), (), (), 0)


def span_index(doc: Doc, key: str) -> SpanIndex:
    """The spans of one group indexed once per group: the event and quote extractors look actors
    up thousands of times per article, and every pass over a SpanGroup creates new Span objects."""
    group = doc.spans.get(key)
    if group is None:
        return EMPTY_INDEX
    cache_key = ("fp_span_index", key)
    cached = doc.user_data.get(cache_key)
    # Holding the group itself keeps its identity unique; a group that grew or was replaced is re-read.
    if cached is not None and cached[0] is group and cached[1] == len(group):
        return cached[2]
    rows = tuple((span.start_char, span.end_char, span.start, span.end, span.label_) for span in group)
    by_start = tuple(sorted((*row, position) for position, row in enumerate(rows)))
    index = SpanIndex(
        rows=rows,
        by_start=by_start,
        starts=tuple(row[0] for row in by_start),
        longest=max((row[1] - row[0] for row in rows), default=0),
    )
    doc.user_data[cache_key] = (group, len(group), index)
    return index


def span_rows(doc: Doc, key: str) -> tuple[MentionRow, ...]:
    return span_index(doc, key).rows


def excluded_char_ranges(doc: Doc) -> list[tuple[int, int]]:
    return [(start, end) for start, end, _, _, _ in span_rows(doc, EXCLUDED)]


def is_excluded(doc: Doc, start_char: int, end_char: int) -> bool:
    """True when [start_char, end_char) overlaps a span the clean component left out."""
    return next(span_index(doc, EXCLUDED).overlapping(start_char, end_char), None) is not None


def span_is_excluded(span: Span) -> bool:
    return is_excluded(span.doc, span.start_char, span.end_char)


def actor_id_at(doc: Doc, start_char: int, end_char: int) -> str | None:
    """The id of the actor mention that covers most of [start_char, end_char), if any (the
    earliest in the group on a tie)."""
    best: tuple[int, int, str] | None = None
    for span_start, span_end, _, _, label, position in span_index(doc, ACTOR_MENTIONS).overlapping(start_char, end_char):
        overlap = min(end_char, span_end) - max(start_char, span_start)
        if best is None or overlap > best[0] or (overlap == best[0] and position < best[1]):
            best = (overlap, position, label)
    return None if best is None else best[2]


def actor_id_of_token(token: Token) -> str | None:
    """The id of the innermost (shortest) actor mention containing the token, if any.

    Use it for the head of a subject or object: the mention of "Russian troops" covers its head
    "troops", and in "Russia's foreign minister" the minister's mention is chosen over Russia's.
    """
    best: tuple[int, int, str] | None = None
    index = span_index(token.doc, ACTOR_MENTIONS)
    for _, _, start, end, label, position in index.overlapping(token.idx, token.idx + max(1, len(token))):
        if start <= token.i < end and (best is None or end - start < best[0] or (end - start == best[0] and position < best[1])):
            best = (end - start, position, label)
    return None if best is None else best[2]


DATELINE_BREAKS = frozenset({",", "(", "-", "—", "–", ":"})


def opens_dateline(doc: Doc, start: int, end: int) -> bool:
    """Tokens [start, end) open a line and a dateline break follows: 'NEW DELHI: ...',
    'Kyiv (Reuters) -', 'STOCKHOLM, Dec 9 -' name where a report was filed, not who acts."""
    line_start = start == 0 or "\n" in doc[start - 1].text_with_ws
    after = doc[end].text if end < len(doc) else ""
    return line_start and after in DATELINE_BREAKS


def actor_by_id(doc: Doc, actor_id: str | None) -> Actor | None:
    """The Actor model (country, sector, kind, ...) with this id, from doc._.fp_actors."""
    return next((actor for actor in doc._.fp_actors if actor.id == actor_id), None)


def doc_text(doc: Doc) -> str:
    """doc.text without its cost: spaCy rebuilds it from every token on each access, while the
    article the Doc was made from holds the same string (else it is built once and kept)."""
    article_text = getattr(doc._.fp_article, "text", None) if Doc.has_extension("fp_article") else None
    if isinstance(article_text, str) and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(article_text):
        return article_text
    text = doc.user_data.get("fp_text")
    if text is None:
        text = doc.text
        doc.user_data["fp_text"] = text
    return text
