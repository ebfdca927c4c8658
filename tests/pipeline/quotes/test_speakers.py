"""Speakers resolved to actors: names, titles, pronouns, relative pronouns, nobody."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from flashpoint.model import Actor, Span
from flashpoint.pipeline.doc_ext import ACTOR_MENTIONS
from flashpoint.pipeline.quotes import build_quotes
from flashpoint.pipeline.quotes.lexicon import CueLexicon


def with_actors(nlp: Language, text: str, actors: dict[str, tuple[str, list[str]]]) -> Doc:
    """Parse text and mark every occurrence of each phrase as a mention of its actor."""
    doc = nlp(text)
    spans: list[DocSpan] = []
    models: list[Actor] = []
    for actor_id, (kind, phrases) in actors.items():
        mentions = []
        for phrase in phrases:
            start = text.find(phrase)
            while start >= 0:
                span = doc.char_span(start, start + len(phrase), label=actor_id)
                assert span is not None, phrase
                spans.append(span)
                mentions.append(Span.of(text, start, start + len(phrase)))
                start = text.find(phrase, start + 1)
        models.append(Actor(id=actor_id, name=phrases[0], kind=kind, mentions=tuple(mentions)))  # type: ignore[arg-type]
    doc.spans[ACTOR_MENTIONS] = spans
    doc._.fp_actors = tuple(models)
    return doc


def test_speakers_named_speaker_maps_to_its_actor(parser_nlp: Language, lexicon: CueLexicon) -> None:
    doc = with_actors(parser_nlp, "Blinken said: “Diplomacy is the only path.”", {"a1": ("person", ["Blinken"])})
    (quote,) = build_quotes(doc, lexicon)
    assert quote.speaker == "a1"


def test_speakers_title_speaker_maps_to_its_actor(parser_nlp: Language, lexicon: CueLexicon) -> None:
    text = "The US president said the alliance would defend its members."
    doc = with_actors(parser_nlp, text, {"a1": ("person", ["The US president"])})
    (quote,) = build_quotes(doc, lexicon)
    assert (quote.speaker, quote.speaker_mention.text) == ("a1", "The US president")


def test_speakers_pronoun_resolves_to_most_recent_person(parser_nlp: Language, lexicon: CueLexicon) -> None:
    text = (
        "Sergei Lavrov met Antony Blinken in Geneva, where Russia presented its demands.\n\n"
        "“We expect written answers,” he said."
    )
    actors = {"a1": ("person", ["Sergei Lavrov"]), "a2": ("person", ["Antony Blinken"]), "a3": ("state", ["Russia"])}
    doc = with_actors(parser_nlp, text, actors)
    (quote,) = build_quotes(doc, lexicon)
    assert quote.speaker_mention.text == "he"
    assert quote.speaker == "a2"  # the most recent person: Russia is a state, not a "he"


def test_speakers_collective_pronoun_skips_people(parser_nlp: Language, lexicon: CueLexicon) -> None:
    text = "The ministry briefed Ana Ruiz on Monday. It said the border would stay closed until spring."
    doc = with_actors(parser_nlp, text, {"a1": ("organization", ["The ministry"]), "a2": ("person", ["Ana Ruiz"])})
    (quote,) = build_quotes(doc, lexicon)
    assert (quote.speaker_mention.text, quote.speaker) == ("It", "a1")


def test_speakers_relative_pronoun_resolves_to_its_antecedent(parser_nlp: Language, lexicon: CueLexicon) -> None:
    text = "The talks were led by Ana Ruiz, who said the deal was close."
    doc = with_actors(parser_nlp, text, {"a1": ("person", ["Ana Ruiz"])})
    (quote,) = build_quotes(doc, lexicon)
    assert quote.speaker_mention.text == "who"
    assert quote.speaker == "a1"


def test_speakers_unknown_speaker_keeps_mention_without_actor(parser_nlp: Language, lexicon: CueLexicon) -> None:
    (quote,) = build_quotes(parser_nlp("A local farmer said the shelling had stopped."), lexicon)
    assert quote.speaker is None
    assert quote.speaker_mention.text == "A local farmer"


def test_speakers_unattributed_quote_has_no_speaker(parser_nlp: Language, lexicon: CueLexicon) -> None:
    (quote,) = build_quotes(parser_nlp("The statement ended there.\n\n“Peace is possible.”"), lexicon)
    assert quote.speaker is None and quote.speaker_mention is None


def dateline_doc(blank_nlp: Language, dash: str) -> Doc:
    """'OSLO, May 4 <dash> Norway has said that ...' parsed as the model does: the city heads the
    subject and the real subject hangs from it."""
    words = ["OSLO", ",", "May", "4", dash, "Norway", "has", "said", "that", "aid", "will", "rise", "."]
    heads = [7, 0, 3, 5, 5, 0, 7, 7, 11, 11, 11, 7, 7]
    deps = ["nsubj", "punct", "compound", "compound", "punct", "appos", "aux", "ROOT", "mark", "nsubj", "aux", "ccomp", "punct"]
    return Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps)


@pytest.mark.parametrize(("dash", "expected"), [("-", "Norway"), ("—", "Norway"), (":", "Norway"), ("and", "OSLO")])
def test_speakers_dateline_is_not_the_speaker(blank_nlp: Language, dash: str, expected: str) -> None:
    from flashpoint.pipeline.quotes.speakers import speaker_for_cue

    doc = dateline_doc(blank_nlp, dash)
    mention = speaker_for_cue(doc[7])
    assert mention is not None and doc.text[mention.start : mention.end] == expected


def test_speakers_subject_mid_line_is_kept(blank_nlp: Language) -> None:
    from flashpoint.pipeline.quotes.speakers import beyond_dateline

    words = ["Yesterday", "Oslo", ",", "May", "4", "-", "Norway", "said", "so", "."]
    heads = [7, 7, 1, 4, 6, 6, 1, 7, 7, 7]
    deps = ["npadvmod", "nsubj", "punct", "compound", "compound", "punct", "appos", "ROOT", "advmod", "punct"]
    doc = Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps)
    assert beyond_dateline(doc[1]).text == "Oslo"  # not at the start of a line: no dateline
