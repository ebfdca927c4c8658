"""The events component: PLOVER/CAMEO events with actors, factuality, date and place.

Modules: ``patterns`` (loading the data files), ``triggers`` (matching), ``arguments`` (source and
target), ``factuality``, ``linking`` (dates, places, quotes), ``merging`` (one event per happening)
and ``extract`` (the pure function from a Doc to Events). This module only wires them to spaCy.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.pipeline.doc_ext import register_extensions
from flashpoint.pipeline.events.extract import extract_events
from flashpoint.pipeline.events.patterns import EventKnowledge, load_knowledge


class EventsComponent:
    def __init__(self, knowledge: EventKnowledge) -> None:
        self.knowledge = knowledge

    def __call__(self, doc: Doc) -> Doc:
        doc._.fp_events = extract_events(doc, self.knowledge)
        return doc


@Language.factory(
    "flashpoint_events",
    default_config={"extra_files": []},
    assigns=["doc._.fp_events"],
)
def make_events(nlp: Language, name: str, extra_files: list[str]) -> EventsComponent:
    register_extensions()
    return EventsComponent(load_knowledge(extra_files))
