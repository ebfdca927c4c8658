"""Whole articles through the full pipeline: factuality, coding and merging in context.

The articles are written for these tests in the style of wire reports.
"""

from __future__ import annotations

import pytest

from flashpoint.pipeline.events.factuality import assess
from flashpoint.pipeline.events.patterns import load_knowledge
from tests.conftest import EXAMPLES


def events_by_trigger(analysis):
    """The first event per trigger text (an announced action also yields a derived event after it)."""
    found = {}
    for event in analysis.events:
        found.setdefault(event.trigger.text, event)
    return found


@pytest.fixture(scope="module")
def border(analyze):
    return analyze((EXAMPLES / "border_crisis.txt").read_text(), published="2021-12-09")


def test_articles_border_crisis_buildup_is_reported_mobilize(border):
    mobilize = [e for e in border.events if e.type == "MOBILIZE" and e.factuality == "reported"]
    assert mobilize and any("build-up" in [t.text for t in e.other_triggers] + [e.trigger.text] for e in mobilize)


def test_articles_border_crisis_buildup_is_attributed_to_ukraine(border):
    names = {actor.id: actor.name for actor in border.actors}
    reported = [e for e in border.events if e.type == "MOBILIZE" and e.factuality == "reported"]
    assert "Ukraine" in {names.get(e.attributed_to) for e in reported}


def test_articles_border_crisis_dyads_resolve_to_actors(border):
    names = {actor.id: actor.name for actor in border.actors}
    request = events_by_trigger(border)["urged"]
    assert [names[i] for i in request.source] == ["Antony Blinken"] and [names[i] for i in request.target] == ["Russia"]


def test_articles_border_crisis_feared_offensive_is_no_second_event(border):
    # the sentence reports the build-up; the offensive it raises fears of is not news of its own
    assert "offensive" not in events_by_trigger(border)


def test_articles_border_crisis_meeting_and_request(border):
    types = {e.type for e in border.events}
    assert {"CONSULT", "REQUEST"} <= types
    assert events_by_trigger(border)["urged"].type == "REQUEST"


def test_articles_border_crisis_no_assault_happened(border):
    assert not [e for e in border.events if e.type == "ASSAULT" and e.factuality in {"asserted", "reported"}]


ARTICLE = (
    "Rebels shelled the northern town of Kesma on Monday, killing four civilians. "
    "The army said that militants had attacked a checkpoint near the airport. "
    "The interior minister will visit the region next week. "
    "Officials fear that the rebels could launch a new offensive. "
    "The rebels did not attack the convoy. "
    "Rebel leaders denied that their fighters had looted the market."
)


@pytest.fixture(scope="module")
def article(analyze):
    return events_by_trigger(analyze(ARTICLE, published="2021-06-01"))


@pytest.mark.parametrize(
    ("trigger", "event_type", "factuality"),
    [
        ("shelled", "ASSAULT", "asserted"),
        ("attacked", "ASSAULT", "reported"),
        ("visit", "AGREE", "asserted"),  # the announced visit, in place of the planned CONSULT
        ("offensive", "ASSAULT", "hypothetical"),
        ("attack", "ASSAULT", "negated"),
        ("looted", "ASSAULT", "denied"),
    ],
)
def test_articles_every_factuality_value(article, trigger, event_type, factuality):
    event = article[trigger]
    assert (event.type, event.factuality) == (event_type, factuality)


def test_articles_threat_is_asserted_and_its_sanctions_no_second_event(analyze):
    found = events_by_trigger(analyze("The European Union warned Belgrade of severe sanctions on Friday."))
    assert (found["warned"].type, found["warned"].factuality) == ("THREATEN", "asserted")
    assert "sanctions" not in found


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("Farmers blocked the motorway on Monday to demand lower fuel taxes.", "blocked", "demand"),
        ("Students staged rallies in the capital, saying the minister must resign.", "rallies", "resign"),
    ],
)
def test_articles_unrealised_aside_of_a_realised_event_is_dropped(analyze, text, kept, dropped):
    found = events_by_trigger(analyze(text))
    assert kept in found and dropped not in found


@pytest.mark.parametrize(
    ("text", "trigger", "factuality"),
    [
        ("Hundreds of youths went on a looting spree in the market town.", "looting", "asserted"),
        ("The rebels are going to attack the northern town.", "attack", "planned"),
        ("The envoy undertook a mediation mission between the two parties.", "mission", "asserted"),
        ("The army undertook to withdraw its troops from the valley.", "withdraw", "planned"),
    ],
)
def test_articles_planning_verbs_that_also_carry_out(nlp, text, trigger, factuality):
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    assert assess(token, load_knowledge().cues, ()).value == factuality
