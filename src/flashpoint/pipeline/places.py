"""The places component (placeholder until its issue lands: it sets an empty list, never fake data)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.pipeline.doc_ext import register_extensions


class PlacesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.fp_places = ()
        return doc


@Language.factory(
    "flashpoint_places",
    default_config={"extra_files": []},
    assigns=["doc._.fp_places"],
)
def make_places(nlp: Language, name: str, extra_files: list[str]) -> PlacesComponent:
    register_extensions()
    return PlacesComponent()
