"""The events component (placeholder until its issue lands: it sets an empty list, never fake data)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.pipeline.doc_ext import register_extensions


class EventsComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.fp_events = ()
        return doc


@Language.factory(
    "flashpoint_events",
    default_config={"extra_files": []},
    assigns=["doc._.fp_events"],
)
def make_events(nlp: Language, name: str, extra_files: list[str]) -> EventsComponent:
    register_extensions()
    return EventsComponent()
