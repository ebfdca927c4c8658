"""Security-force actions and word senses that are no event, through the full pipeline.

Every sentence is written for these tests; most are lower case on purpose, as many regional
papers print them, because the tagger and parser are weaker there.
"""

from __future__ import annotations

import pytest


def coded(analyze, text: str) -> set[tuple[str, str | None]]:
    return {(event.type, event.mode) for event in analyze(text).events}


def triggers(analyze, text: str) -> dict[str, tuple[str, str | None, str]]:
    """The first event per trigger (an announced action also yields a derived THREATEN after it)."""
    found: dict[str, tuple[str, str | None, str]] = {}
    for event in analyze(text).events:
        found.setdefault(event.trigger.text.lower(), (event.type, event.mode, event.cameo))
    return found


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested twelve men in the old city on Sunday.",
        "the protesters were arrested and taken to the police lines.",
        "dharwad: police arrested 40 party workers near the bridge on thursday.",
        "the arrested men were produced before a magistrate.",
        "two activists were caught by the city police near the border.",
        "the police caught three youths with stolen bikes.",
        "the trader was picked up by police from his home late at night.",
        "six men were booked under the arms act.",
        "the police rounded up 25 people after the clash.",
        "the accused is currently in custody.",
        "the four suspects were sent to jail.",
    ],
)
def test_law_enforcement_arrests_are_coerce_arrest(analyze, text):
    assert any(event.type == "COERCE" and event.cameo.startswith("173") for event in analyze(text).events)


@pytest.mark.parametrize(
    "text",
    [
        "citizens were caught unawares by the sudden riots.",
        "the old warehouse caught fire on monday.",
        "the tourists booked rooms for the pilgrims.",
        "the government apprehends trouble during the festival.",
        "the army helped to arrest the deteriorating situation.",
        "the stone will be kept in safe custody of the district magistrate.",
        "the leaders are holding a meeting at the party office.",
        "the gate has been locked up.",
    ],
)
def test_law_enforcement_other_senses_are_no_arrest(analyze, text):
    assert not any(event.type == "COERCE" and event.cameo.startswith("173") for event in analyze(text).events)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("police fired in the air to disperse the crowd.", "fired", ("COERCE", None, "170")),
        ("the soldiers fired warning shots at the boat.", "fired", ("COERCE", None, "170")),
        ("the police lobbed teargas shells at the mob.", "teargas shells", ("COERCE", None, "170")),
        ("police used water cannon against the marchers.", "water cannon", ("COERCE", None, "170")),
        ("curfew was clamped in the town after the clash.", "clamped", ("COERCE", "curfew", "1723")),
        ("the old city has been placed under curfew.", "placed", ("COERCE", "curfew", "1723")),
        ("the district administration relaxed the curfew for six hours.", "relaxed", ("CONCEDE", "ease-admin", "0813")),
        ("the collector issued shoot-at-sight orders in the town.", "shoot-at-sight orders", ("THREATEN", "violence", "137")),
        ("the administration has tightened security around the shrine.", "tightened", ("MOBILIZE", "police", "153")),
        ("heavy police bandobast was in place in the walled city.", "police bandobast", ("MOBILIZE", "police", "153")),
        ("police seized three rifles and fifty cartridges from the house.", "seized", ("COERCE", "seize", "1711")),
        ("the police raided the hideout of the gang.", "raided", ("COERCE", None, "170")),
        ("the police registered a case against the driver.", "registered", ("ACCUSE", None, "112")),
        ("the suspect is being interrogated by the railway police.", "interrogated", ("ACCUSE", "investigate", "090")),
        ("the mob doused the watchman with petrol and set him on fire.", "set", ("ASSAULT", None, "180")),
        ("guards at the temple returned fire.", "returned fire", ("ASSAULT", "firearms", "193")),
        ("stringent action will be taken against the rioters.", "action", ("COERCE", None, "170")),
        ("policemen were patrolling the old city.", "patrolling", ("MOBILIZE", "police", "153")),
        ("four teams of the rapid action force have been posted near the shrine.", "posted", ("MOBILIZE", "police", "153")),
    ],
)
def test_law_enforcement_security_actions_are_coded(analyze, text, trigger, expected):
    assert triggers(analyze, text).get(trigger) == expected


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("he suffered a heart attack on monday.", "ASSAULT"),
        ("the party went on the offensive again on friday.", "ASSAULT"),
        ("devotees came out blowing conch shells.", "ASSAULT"),
        ("it was an attack on the democratic foundation of the country.", "ASSAULT"),
        ("the opposition will fight the bill in parliament.", "ASSAULT"),
        ("the minister was deeply hurt at the remark.", "ASSAULT"),
        ("the two parties struck a deal on seats.", "ASSAULT"),
        ("apes temper their aggression to keep the group together.", "ASSAULT"),
        ("a watchman sustained injuries in the stampede.", "ASSAULT"),
        ("the ceasefire agreement is set to take effect at midnight.", "ASSAULT"),
        ("the tunnel from the river is ready.", "AGREE"),
        ("the former mayor died in hospital after a long illness.", "ASSAULT"),
        ('"why did the officials not act?" he asked.', "REQUEST"),
        ("the youth asked whether the order was legal.", "REQUEST"),
        ("asked about the letter, the minister smiled.", "REQUEST"),
    ],
)
def test_law_enforcement_senses_that_are_no_event(analyze, text, not_expected):
    assert not_expected not in {event_type for event_type, _mode in coded(analyze, text)}


def test_law_enforcement_verbal_attack_is_criticism(analyze):
    found = triggers(analyze, "the minister launched a sharp attack on the madrassas in his speech.")
    assert found.get("attack") == ("ACCUSE", "criticize", "111")


def test_law_enforcement_repeated_verbs_in_two_sentences_stay_two_events(analyze):
    text = ("Police fired at a mob in the market on Friday. "
            "In the evening police fired at another mob near the station.")
    assaults = [e for e in analyze(text).events if e.type == "ASSAULT"]
    assert len(assaults) == 2 and {e.trigger.text for e in assaults} == {"fired"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the minister asked the neighbours to stop the infiltration.", "REQUEST"),
        ("two men died in the riots on tuesday.", "ASSAULT"),
    ],
)
def test_law_enforcement_the_event_senses_stay(analyze, text, expected):
    assert expected in {event_type for event_type, _mode in coded(analyze, text)}


@pytest.mark.parametrize(
    "text",
    ["the police failed to arrest the accused.", "the guards were unable to stop the mob."],
)
def test_law_enforcement_failed_action_is_negated(analyze, text):
    events = analyze(text).events
    assert events and all(event.factuality == "negated" for event in events)


@pytest.mark.parametrize(
    ("text", "rejects"),
    [
        ("the opposition walked out of the assembly on monday.", False),
        ("the party voiced its opposition to the new bill.", True),
        ("the government cited strong domestic opposition.", True),
    ],
)
def test_law_enforcement_opposition_is_rejection_only_with_its_object(analyze, text, rejects):
    assert any(e.type == "REJECT" and e.trigger.text == "opposition" for e in analyze(text).events) == rejects
