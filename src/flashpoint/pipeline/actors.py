"""The actors component (placeholder until its issue lands: it sets an empty list, never fake data)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.pipeline.doc_ext import register_extensions


class ActorsComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.fp_actors = ()
        return doc


@Language.factory(
    "flashpoint_actors",
    default_config={"extra_files": []},
    assigns=["doc._.fp_actors"],
)
def make_actors(nlp: Language, name: str, extra_files: list[str]) -> ActorsComponent:
    register_extensions()
    return ActorsComponent()
