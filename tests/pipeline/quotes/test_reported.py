"""Indirect and mixed quotes from cue verbs, according-to phrases, beliefs and warnings."""

from __future__ import annotations

import pytest

from tests.pipeline.quotes.conftest import contents


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "Lavrov claimed the United States threatened new sanctions against Moscow.",
            "the United States threatened new sanctions against Moscow",
            "Lavrov",
            "claimed",
        ),
        (
            "He said that the convoy had crossed the border overnight.",
            "that the convoy had crossed the border overnight",
            "He",
            "said",
        ),
        (
            "The rebels shelled the airport on Sunday, according to the regional governor.",
            "The rebels shelled the airport on Sunday",
            "the regional governor",
            "according to",
        ),
        (
            "Officials warned earlier this week of severe economic sanctions.",
            "severe economic sanctions",
            "Officials",
            "warned",
        ),
        (
            "The US president said the alliance would defend every inch of its territory.",
            "the alliance would defend every inch of its territory",
            "The US president",
            "said",
        ),
        (
            "European diplomats fear the ceasefire will collapse within days.",
            "the ceasefire will collapse within days",
            "European diplomats",
            "fear",
        ),
    ],
)
def test_reported_indirect_speech(quotes_of, text: str, content: str, speaker: str, cue: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.kind == "indirect"
    assert contents(quote) == [content]
    assert quote.speaker_mention.text == speaker
    assert quote.cue.text == cue


def test_reported_mixed_quote_keeps_its_inner_marks(quotes_of) -> None:
    (quote,) = quotes_of("The prime minister said he would not “accept any red lines” drawn abroad.")
    assert quote.kind == "mixed"
    assert contents(quote) == ["he would not “accept any red lines” drawn abroad"]
    assert quote.speaker_mention.text == "The prime minister"


def test_reported_cues_inside_a_direct_quote_are_not_quotes_of_their_own(quotes_of) -> None:
    (quote,) = quotes_of("“They said the bridge was safe, and it was not,” the engineer said.")
    assert quote.kind == "direct"
    assert quote.speaker_mention.text == "the engineer"


def test_reported_sentence_without_cue_has_no_quote(quotes_of) -> None:
    assert quotes_of("Troops crossed the river at dawn and took the village.") == ()


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The minister's claim that the vote had been rigged angered the opposition.",
            "that the vote had been rigged",
            "The minister's",
        ),
        ("A warning from Moscow that talks could collapse reached the capital.", "that talks could collapse", "Moscow"),
    ],
)
def test_reported_cue_noun_with_that_clause(quotes_of, text: str, content: str, speaker: str) -> None:
    (quote,) = quotes_of(text)
    assert contents(quote) == [content]
    assert quote.speaker_mention.text == speaker


def test_reported_dateline_is_neither_speaker_nor_content(quotes_of) -> None:
    (quote,) = quotes_of("KYIV, March 3 - Ukraine has warned that enemy troops are massing near the border.")
    assert quote.speaker_mention.text == "Ukraine"
    assert contents(quote) == ["that enemy troops are massing near the border"]
