"""The component in the full pipeline, the lexicon file, and the quote_containing helper."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from flashpoint.errors import DataFileError
from flashpoint.model import Quote, Span
from flashpoint.pipeline import add_components
from flashpoint.pipeline.quotes import load_cue_lexicon, quote_at, quote_containing
from flashpoint.settings import Settings
from tests.conftest import assert_offsets_index_text

ARTICLE = (
    "Talks in Geneva ended without agreement on Friday.\n\n"
    "“We are not going to give up,” the envoy said, “but the gap is wide.”\n\n"
    "Officials warned earlier this week of severe economic sanctions, according to two diplomats."
)


def test_component_sets_quotes_with_offsets_into_the_text(analyze, contract_validator) -> None:
    analysis = analyze(ARTICLE, published="2022-01-14")
    document = analysis.to_json_dict()
    assert not list(contract_validator.iter_errors(document))
    assert_offsets_index_text(document)
    kinds = sorted(quote.kind for quote in analysis.quotes)
    assert "direct" in kinds and "indirect" in kinds
    assert [quote.id for quote in analysis.quotes] == [f"q{n}" for n in range(1, len(analysis.quotes) + 1)]


def test_component_quote_containing_finds_the_quote_and_speaker(nlp) -> None:
    doc = nlp(ARTICLE)
    inside = ARTICLE.index("the gap is wide")
    quote = quote_containing(doc, inside)
    assert quote is not None and quote.kind == "direct"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "the envoy"
    assert quote_containing(doc, ARTICLE.index("Talks in Geneva")) is None


def test_component_quote_at_prefers_the_innermost_span() -> None:
    text = "0123456789"
    outer = Quote(id="q1", kind="indirect", content=(Span.of(text, 0, 10),))
    inner = Quote(id="q2", kind="direct", content=(Span.of(text, 3, 6),))
    assert quote_at((outer, inner), 4) is inner
    assert quote_at((outer, inner), 8) is outer
    assert quote_at((outer, inner), 10) is None


def test_component_user_lexicon_adds_cues(tmp_path: Path) -> None:
    extra = tmp_path / "cues.yaml"
    extra.write_text("cue_verbs:\n  speech: [grumble]\ncontent_prepositions:\n  grumble: [about]\n")
    lexicon = load_cue_lexicon([extra])
    assert lexicon.in_group("grumble", "speech") and lexicon.in_group("say", "speech")
    assert "about" in lexicon.content_prepositions["grumble"]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("cue_verbs:\n  chatter: [say]\n", "unknown cue group"),
        ("cue_verbs:\n  speech: say\n", "must be a list"),
        ("frame_max_words: -3\n", "positive integer"),
        ("cue_verbs: [\n", "invalid YAML"),
    ],
)
def test_component_malformed_lexicon_names_the_file(tmp_path: Path, content: str, fragment: str) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text(content)
    with pytest.raises(DataFileError) as caught:
        load_cue_lexicon([extra])
    assert "bad.yaml" in str(caught.value) and fragment in str(caught.value)


def test_component_quote_files_setting_reaches_the_lexicon(tmp_path: Path) -> None:
    extra = tmp_path / "cues.yaml"
    extra.write_text("cue_verbs:\n  speech: [grumble]\n")
    nlp = add_components(spacy.blank("en"), Settings(quote_files=(extra,)))
    assert nlp.get_pipe("flashpoint_quotes").lexicon.in_group("grumble", "speech")
