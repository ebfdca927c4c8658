"""Fixtures for the quotes tests: the bare spaCy model (parse only) and the bundled cue lexicon."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language

from flashpoint.model import Quote
from flashpoint.pipeline.doc_ext import register_extensions
from flashpoint.pipeline.quotes import build_quotes, load_cue_lexicon
from flashpoint.pipeline.quotes.lexicon import CueLexicon
from flashpoint.settings import Settings


@pytest.fixture(scope="session")
def lexicon() -> CueLexicon:
    return load_cue_lexicon()


@pytest.fixture(scope="session")
def parser_nlp(settings: Settings) -> Language:
    """The spaCy model alone, so a test can place actor mentions by hand before quoting."""
    register_extensions()
    return spacy.load(settings.model)


@pytest.fixture(scope="session")
def quotes_of(parser_nlp: Language, lexicon: CueLexicon) -> Callable[[str], tuple[Quote, ...]]:
    def run(text: str) -> tuple[Quote, ...]:
        return build_quotes(parser_nlp(text), lexicon)

    return run


def contents(quote: Quote) -> list[str]:
    return [span.text for span in quote.content]
