"""The dates component (placeholder until its issue lands: it sets an empty list, never fake data)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.pipeline.doc_ext import register_extensions


class DatesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.fp_dates = ()
        return doc


@Language.factory(
    "flashpoint_dates",
    default_config={"extra_files": []},
    assigns=["doc._.fp_dates"],
)
def make_dates(nlp: Language, name: str, extra_files: list[str]) -> DatesComponent:
    register_extensions()
    return DatesComponent()
