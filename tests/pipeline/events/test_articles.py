"""Whole articles through the full pipeline: factuality, coding and merging in context.

The articles are written for these tests in the style of wire reports.
"""

from __future__ import annotations

import pytest

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


def test_articles_border_crisis_massed_troops_are_the_source_not_the_target(border):
    countries = {actor.id: actor.country for actor in border.actors}
    gathered = events_by_trigger(border)["gathered"]
    assert gathered.type == "MOBILIZE"
    assert [countries[i] for i in gathered.source] == ["RUS"] and not gathered.target
    assert not events_by_trigger(border)["build-up"].target  # not Blinken, named after it in the headline


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Serbian troops were deployed along the northern border on Monday.", "deployed"),
        ("Serbia massed thousands of soldiers along the northern border on Monday.", "massed"),
    ],
)
def test_articles_mobilized_forces_are_no_target(analyze, text, trigger):
    analysis = analyze(text, published="2024-05-06")
    countries = {actor.id: actor.country for actor in analysis.actors}
    event = events_by_trigger(analysis)[trigger]
    assert event.type == "MOBILIZE"
    assert {countries[i] for i in event.source} == {"SRB"} and not event.target


def test_articles_border_crisis_offensive_is_hypothetical(border):
    assert events_by_trigger(border)["offensive"].factuality == "hypothetical"


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
        ("visit", "CONSULT", "planned"),
        ("offensive", "ASSAULT", "hypothetical"),
        ("attack", "ASSAULT", "negated"),
        ("looted", "ASSAULT", "denied"),
    ],
)
def test_articles_every_factuality_value(article, trigger, event_type, factuality):
    event = article[trigger]
    assert (event.type, event.factuality) == (event_type, factuality)


def test_articles_threat_is_asserted_and_its_sanctions_hypothetical(analyze):
    found = events_by_trigger(analyze("The European Union warned Belgrade of severe sanctions on Friday."))
    assert (found["warned"].type, found["warned"].factuality) == ("THREATEN", "asserted")
    assert (found["sanctions"].type, found["sanctions"].factuality) == ("SANCTION", "hypothetical")


@pytest.mark.parametrize(
    ("text", "derived_type", "cameo"),
    [
        ("Washington would impose severe sanctions if Moscow invaded.", "THREATEN", "1312"),
        ("The rebels said they will meet government envoys in Geneva.", "AGREE", "036"),
    ],
)
def test_articles_announced_action_is_itself_an_event(analyze, text, derived_type, cameo):
    derived = [e for e in analyze(text).events if e.type == derived_type]
    assert derived and derived[0].factuality == "asserted" and derived[0].cameo == cameo


def test_articles_feared_action_is_no_threat(analyze):
    events = analyze("Officials fear that the rebels could attack the capital.").events
    assert not [e for e in events if e.type == "THREATEN"]


def test_articles_same_happening_merges(analyze):
    text = ("Police arrested the opposition leader on Sunday. "
            "The arrest drew criticism from lawyers.")
    coerce = [e for e in analyze(text).events if e.type == "COERCE"]
    assert len(coerce) == 1 and [t.text for t in coerce[0].other_triggers] == ["arrest"]
