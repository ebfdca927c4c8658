"""Direct quotes: frames, interrupted quotes, quotes over several paragraphs, odd marks."""

from __future__ import annotations

import pytest

from tests.pipeline.quotes.conftest import contents

FIVE_PARAGRAPHS = (
    "The defence minister met reporters in Kyiv on Monday. Mr Reznikov added:\n\n"
    "“Our troops are ready for any scenario.\n\n"
    "“We have trained for months with our partners.\n\n"
    "“The equipment has arrived on time.\n\n"
    "“Nobody should doubt our resolve.\n\n"
    "“We will defend every village.”\n\n"
    "The meeting ended at noon."
)


def test_direct_five_paragraph_quote_is_one_quote_with_the_intro_speaker(quotes_of) -> None:
    quotes = quotes_of(FIVE_PARAGRAPHS)
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.kind == "direct"
    assert contents(quote) == [
        "Our troops are ready for any scenario.",
        "We have trained for months with our partners.",
        "The equipment has arrived on time.",
        "Nobody should doubt our resolve.",
        "We will defend every village.",
    ]
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Mr Reznikov"
    assert quote.cue is not None and quote.cue.text == "added"


def test_direct_open_paragraphs_continue_the_framed_quote(quotes_of) -> None:
    text = (
        "“The shelling went on all night,” the mayor said. “Nobody slept.\n\n"
        "“By morning the water station was gone.”\n\nRepairs may take weeks."
    )
    (quote,) = quotes_of(text)
    assert contents(quote) == [
        "The shelling went on all night",
        "Nobody slept.",
        "By morning the water station was gone.",
    ]
    assert quote.speaker_mention.text == "the mayor"


@pytest.mark.parametrize(
    ("text", "expected", "speaker", "cue"),
    [
        (
            "“The talks have failed,” she said, “and we will now consider every option.”",
            ["The talks have failed", "and we will now consider every option."],
            "she",
            "said",
        ),
        (
            "“We will not accept any ultimatum,” the foreign minister said on Tuesday. “Our borders are not negotiable.”",
            ["We will not accept any ultimatum", "Our borders are not negotiable."],
            "the foreign minister",
            "said",
        ),
        (
            '"Sanctions will follow," said Ana Ruiz, a spokeswoman for the ministry who briefed reporters '
            'in the capital late on Friday. "They are ready."',
            ["Sanctions will follow", "They are ready."],
            "Ana Ruiz",
            "said",
        ),
    ],
)
def test_direct_interrupted_quote_is_one_quote_with_several_spans(quotes_of, text, expected, speaker, cue) -> None:
    (quote,) = quotes_of(text)
    assert quote.kind == "direct"
    assert contents(quote) == expected
    assert quote.speaker_mention.text == speaker
    assert quote.cue.text == cue


@pytest.mark.parametrize(
    ("text", "expected", "speaker"),
    [
        ('Blinken said: "Diplomacy remains the only responsible path."', "Diplomacy remains the only responsible path.", "Blinken"),
        ("«We will not yield», the minister declared.", "We will not yield", "the minister"),
        ("„We remain steadfast“, the chancellor said.", "We remain steadfast", "the chancellor"),
        ("''We are ready to talk,'' the envoy said.", "We are ready to talk", "the envoy"),
        ("‘We will respond firmly,’ the general said. He didn’t give details.", "We will respond firmly", "the general"),
        ("“The ceasefire is holding.” ― Maria Petrova, aid worker", "The ceasefire is holding.", "Maria Petrova"),
        ("The envoy told reporters:\n\n“We expect an answer by Friday.”", "We expect an answer by Friday.", "The envoy"),
    ],
)
def test_direct_quote_marks_and_frames(quotes_of, text: str, expected: str, speaker: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.kind == "direct"
    assert contents(quote) == [expected]
    assert quote.speaker_mention.text == speaker


def test_direct_two_speakers_in_one_paragraph_stay_apart(quotes_of) -> None:
    text = "“We want peace,” said the envoy. “We want guarantees,” the general replied."
    quotes = quotes_of(text)
    assert [contents(quote) for quote in quotes] == [["We want peace"], ["We want guarantees"]]
    assert [quote.speaker_mention.text for quote in quotes] == ["the envoy", "the general"]


def test_direct_transcript_lines_name_their_speakers(quotes_of) -> None:
    text = (
        "Partial transcript follows:\n\n"
        "HOST: Will the border reopen this week?\n\n"
        "MINISTER: Not before the inspectors finish their work."
    )
    quotes = quotes_of(text)
    assert [(q.speaker_mention.text, contents(q)) for q in quotes] == [
        ("HOST", ["Will the border reopen this week?"]),
        ("MINISTER", ["Not before the inspectors finish their work."]),
    ]


def test_direct_scare_quote_inside_a_sentence_is_no_direct_quote(quotes_of) -> None:
    quotes = quotes_of("The army called the raid a “limited operation” and moved on.")
    assert all(quote.kind != "direct" for quote in quotes)


def test_direct_unframed_quote_paragraph_keeps_the_previous_speaker(quotes_of) -> None:
    text = (
        "“The bridge will reopen on Monday,” the governor said.\n\n"
        "“Engineers have checked every pillar twice.”\n\n"
        "Traffic was diverted through the valley."
    )
    quotes = quotes_of(text)
    assert [contents(quote) for quote in quotes] == [
        ["The bridge will reopen on Monday"],
        ["Engineers have checked every pillar twice."],
    ]
    assert [quote.speaker_mention.text for quote in quotes] == ["the governor", "the governor"]
    assert quotes[1].cue is None
