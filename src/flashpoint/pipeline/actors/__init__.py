"""The actors component: who is who, resolved to countries, sectors and offices at the publication date.

Knowledge (countries, named entities, office holders, vocabulary) is loaded and compiled into one
term matcher in the factory; per document the component matches, builds noun phrases, resolves
each phrase (resolve.py) and merges them into one actor per real-world entity (assemble.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from flashpoint.model import Actor
from flashpoint.pipeline.actors.assemble import assemble, join_appositions
from flashpoint.pipeline.actors.knowledge import Knowledge, load_knowledge
from flashpoint.pipeline.actors.phrases import (
    TermMatcher,
    build_matcher,
    find_matches,
    find_phrases,
    is_lower_case_doc,
)
from flashpoint.pipeline.actors.resolve import Candidate, DocState, resolve_phrase
from flashpoint.pipeline.doc_ext import ACTOR_MENTIONS, register_extensions, span_is_excluded

__all__ = ["ActorsComponent", "find_actors", "load_knowledge"]


def find_actors(
    doc: Doc, knowledge: Knowledge, matcher: TermMatcher, day: date | None = None
) -> tuple[tuple[Actor, ...], list[tuple[int, int, str]]]:
    """Actors of a parsed Doc and their mentions as (token start, token end, actor id)."""
    state = DocState(day=day or date.today(), lower_doc=is_lower_case_doc(doc))
    matches = find_matches(doc, matcher, knowledge, state.lower_doc)
    candidates: list[Candidate] = []
    for phrase in find_phrases(doc, matches):
        if span_is_excluded(doc[phrase.start:phrase.end]):
            continue
        candidate = resolve_phrase(doc, knowledge, phrase, state)
        if candidate is not None:
            candidates.append(candidate)
    return assemble(doc, join_appositions(doc, candidates))


class ActorsComponent:
    def __init__(self, nlp: Language, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.matcher = build_matcher(nlp, knowledge)

    def __call__(self, doc: Doc) -> Doc:
        actors, mentions = find_actors(doc, self.knowledge, self.matcher, doc._.fp_published)
        doc.spans[ACTOR_MENTIONS] = [SpacySpan(doc, start, end, label=actor_id) for start, end, actor_id in mentions]
        doc._.fp_actors = actors
        return doc


@Language.factory(
    "flashpoint_actors",
    default_config={"extra_files": []},
    assigns=["doc._.fp_actors", "doc.spans"],
)
def make_actors(nlp: Language, name: str, extra_files: Sequence[str]) -> ActorsComponent:
    register_extensions()
    return ActorsComponent(nlp, load_knowledge([Path(path) for path in extra_files]))
