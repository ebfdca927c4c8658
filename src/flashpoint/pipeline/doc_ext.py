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


def excluded_char_ranges(doc: Doc) -> list[tuple[int, int]]:
    group = doc.spans.get(EXCLUDED)
    return [] if group is None else [(span.start_char, span.end_char) for span in group]


def is_excluded(doc: Doc, start_char: int, end_char: int) -> bool:
    """True when [start_char, end_char) overlaps a span the clean component left out."""
    return any(start < end_char and start_char < end for start, end in excluded_char_ranges(doc))


def span_is_excluded(span: Span) -> bool:
    return is_excluded(span.doc, span.start_char, span.end_char)


def actor_id_at(doc: Doc, start_char: int, end_char: int) -> str | None:
    """The id of the actor mention that covers most of [start_char, end_char), if any."""
    group = doc.spans.get(ACTOR_MENTIONS)
    best: tuple[int, str] | None = None
    for span in group or ():
        overlap = min(end_char, span.end_char) - max(start_char, span.start_char)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, span.label_)
    return None if best is None else best[1]


def actor_id_of_token(token: Token) -> str | None:
    """The id of the innermost (shortest) actor mention containing the token, if any.

    Use it for the head of a subject or object: the mention of "Russian troops" covers its head
    "troops", and in "Russia's foreign minister" the minister's mention is chosen over Russia's.
    """
    group = token.doc.spans.get(ACTOR_MENTIONS)
    best: tuple[int, str] | None = None
    for span in group or ():
        if span.start <= token.i < span.end and (best is None or len(span) < best[0]):
            best = (len(span), span.label_)
    return None if best is None else best[1]


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
