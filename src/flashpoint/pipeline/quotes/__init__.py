"""The quotes component: who said what, direct, mixed and indirect, with speakers as actors.

Modules: marks (paragraphs, quotation regions), lexicon (cue words from data/quotes.yaml),
direct (quote-first: regions, frames, multi-paragraph quotes), reported (cue-first: indirect and
mixed speech from the parse), speakers (speaker mentions and actor resolution), assemble (Quote
models). ``quote_containing(doc, offset)`` tells other components which quote holds a position.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.model import Quote
from flashpoint.pipeline.doc_ext import register_extensions
from flashpoint.pipeline.quotes.assemble import build_quotes, quote_at, quote_kind
from flashpoint.pipeline.quotes.lexicon import CueLexicon, load_cue_lexicon


def quote_containing(doc: Doc, start_char: int) -> Quote | None:
    """The quote (with its speaker) whose content contains char offset start_char, or None.

    Reads doc._.fp_quotes, so call it after the quotes component ran (events does).
    """
    return quote_at(doc._.fp_quotes or (), start_char)


class QuotesComponent:
    def __init__(self, lexicon: CueLexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.fp_quotes = build_quotes(doc, self.lexicon)
        return doc


@Language.factory(
    "flashpoint_quotes",
    default_config={"extra_files": []},
    assigns=["doc._.fp_quotes"],
)
def make_quotes(nlp: Language, name: str, extra_files: list[str]) -> QuotesComponent:
    register_extensions()
    return QuotesComponent(load_cue_lexicon([Path(path) for path in extra_files]))


__all__ = ["QuotesComponent", "build_quotes", "load_cue_lexicon", "quote_at", "quote_containing", "quote_kind"]
