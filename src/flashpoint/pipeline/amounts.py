"""The amounts component (placeholder until its issue lands: it sets an empty list, never fake data)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.pipeline.doc_ext import register_extensions


class AmountsComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.fp_amounts = ()
        return doc


@Language.factory(
    "flashpoint_amounts",
    default_config={"extra_files": []},
    assigns=["doc._.fp_amounts"],
)
def make_amounts(nlp: Language, name: str, extra_files: list[str]) -> AmountsComponent:
    register_extensions()
    return AmountsComponent()
