"""The quotes component (placeholder until its issue lands: it sets an empty list, never fake data)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.pipeline.doc_ext import register_extensions


class QuotesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.fp_quotes = ()
        return doc


@Language.factory(
    "flashpoint_quotes",
    default_config={"extra_files": []},
    assigns=["doc._.fp_quotes"],
)
def make_quotes(nlp: Language, name: str, extra_files: list[str]) -> QuotesComponent:
    register_extensions()
    return QuotesComponent()
