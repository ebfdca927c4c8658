"""Dyads, linking and quotes on hand-built Docs: the actor, date, place and quote components'
outputs are set by the test, so these run without those components (or a model)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from flashpoint.model import Actor, DateExpression, Quote
from flashpoint.model import Span as TextSpan
from flashpoint.pipeline.doc_ext import ACTOR_MENTIONS, PLACE_MENTIONS
from flashpoint.pipeline.events.extract import extract_events
from flashpoint.pipeline.events.patterns import load_knowledge


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def build(blank_nlp, words, heads, deps, pos, lemmas=None, tags=None, actors=(), places=()):
    doc = Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
              lemmas=lemmas or [w.lower() for w in words], tags=tags or [""] * len(words),
              sent_starts=[True] + [False] * (len(words) - 1))
    doc.spans[ACTOR_MENTIONS] = [Span(doc, i, i + 1, label=label) for i, label in actors]
    doc.spans[PLACE_MENTIONS] = [Span(doc, i, i + 1, label=label) for i, label in places]
    return doc


def test_handbuilt_verb_subject_and_object_become_source_and_target(blank_nlp, knowledge):
    doc = build(blank_nlp, ["Russia", "attacked", "Ukraine", "in", "Kharkiv", "."],
                [1, 1, 1, 1, 3, 1], ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
                ["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"],
                lemmas=["Russia", "attack", "Ukraine", "in", "Kharkiv", "."],
                actors=[(0, "RUS"), (2, "UKR")], places=[(4, "kharkiv")])
    (event,) = extract_events(doc, knowledge)
    assert (event.type, event.source, event.target, event.place) == ("ASSAULT", ("RUS",), ("UKR",), "kharkiv")
    assert event.factuality == "asserted" and event.cameo == "190" and event.quad_class == 4


def test_handbuilt_passive_agent_is_source(blank_nlp, knowledge):
    doc = build(blank_nlp, ["Protesters", "were", "arrested", "by", "police"],
                [2, 2, 2, 2, 3], ["nsubjpass", "auxpass", "ROOT", "agent", "pobj"],
                ["NOUN", "AUX", "VERB", "ADP", "NOUN"],
                lemmas=["protester", "be", "arrest", "by", "police"], tags=["NNS", "VBD", "VBN", "IN", "NN"],
                actors=[(0, "protesters"), (4, "police")])
    (event,) = extract_events(doc, knowledge)
    assert (event.type, event.mode, event.cameo) == ("COERCE", "arrest", "173")
    assert event.source == ("police",) and event.target == ("protesters",)


def test_handbuilt_between_names_several_actors(blank_nlp, knowledge):
    doc = build(blank_nlp, ["a", "video", "call", "between", "Biden", "and", "Putin"],
                [2, 2, 2, 2, 3, 4, 4], ["det", "compound", "ROOT", "prep", "pobj", "cc", "conj"],
                ["DET", "NOUN", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN"],
                actors=[(4, "biden"), (6, "putin")])
    (event,) = extract_events(doc, knowledge)
    assert (event.type, event.mode, event.source, event.target) == ("CONSULT", "phone", ("biden",), ("putin",))


def test_handbuilt_conjoined_subjects_are_all_sources(blank_nlp, knowledge):
    doc = build(blank_nlp, ["Jordan", "and", "Britain", "met", "Egypt"],
                [3, 0, 0, 3, 3], ["nsubj", "cc", "conj", "ROOT", "dobj"],
                ["PROPN", "CCONJ", "PROPN", "VERB", "PROPN"], lemmas=["Jordan", "and", "Britain", "meet", "Egypt"],
                actors=[(0, "JOR"), (2, "GBR"), (4, "EGY")])
    (event,) = extract_events(doc, knowledge)
    assert event.source == ("JOR", "GBR") and event.target == ("EGY",)


def test_handbuilt_date_of_the_clause_is_linked(blank_nlp, knowledge):
    doc = build(blank_nlp, ["Rebels", "attacked", "on", "Tuesday"],
                [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"], ["NOUN", "VERB", "ADP", "PROPN"],
                lemmas=["rebel", "attack", "on", "Tuesday"])
    doc._.fp_dates = (DateExpression(id="d1", span=TextSpan.of(doc.text, doc.text.index("Tuesday"), doc.text.index("Tuesday") + 7), type="DATE", value="2021-12-07"),)
    (event,) = extract_events(doc, knowledge)
    assert event.date == "2021-12-07"


@pytest.mark.parametrize(("speaker", "expected"), [("lavrov", "lavrov"), (None, None)])
def test_handbuilt_event_inside_quote_is_reported_by_speaker(blank_nlp, knowledge, speaker, expected):
    doc = build(blank_nlp, ["NATO", "moved", "weapons"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
                ["PROPN", "VERB", "NOUN"], lemmas=["NATO", "move", "weapon"], actors=[(0, "nato")])
    doc._.fp_quotes = (Quote(id="q1", kind="direct", content=(TextSpan.of(doc.text, 0, len(doc.text)),), speaker=speaker),)
    (event,) = extract_events(doc, knowledge)
    assert (event.type, event.factuality, event.attributed_to) == ("MOBILIZE", "reported", expected)


def test_handbuilt_excluded_text_has_no_events(blank_nlp, knowledge):
    doc = build(blank_nlp, ["Rebels", "attacked"], [1, 1], ["nsubj", "ROOT"], ["NOUN", "VERB"], lemmas=["rebel", "attack"])
    doc.spans["fp_excluded"] = [Span(doc, 0, 2, label="boilerplate")]
    assert extract_events(doc, knowledge) == ()


def test_handbuilt_doc_without_parse_has_no_events(blank_nlp, knowledge):
    assert extract_events(blank_nlp("Rebels attacked the town."), knowledge) == ()


def with_countries(doc, countries):
    doc._.fp_actors = tuple(
        Actor(id=actor_id, name=actor_id, kind="organization", country=country,
              mentions=(TextSpan(start=0, end=len(doc[0].text), text=doc[0].text),))
        for actor_id, country in countries.items()
    )
    return doc


@pytest.mark.parametrize(
    ("countries", "expected_target"),
    [
        ({"USA": "USA", "intel": None, "MKD": "MKD"}, ("MKD",)),  # generic object: the named actor wins
        ({"USA": "USA", "intel": "USA", "MKD": "MKD"}, ("intel",)),  # an object with a country stays
    ],
)
def test_handbuilt_generic_target_gives_way_to_named_actor(blank_nlp, knowledge, countries, expected_target):
    doc = build(blank_nlp, ["Washington", "provided", "intelligence", "to", "Macedonia"],
                [1, 1, 1, 1, 3], ["nsubj", "ROOT", "dobj", "prep", "pobj"],
                ["PROPN", "VERB", "NOUN", "ADP", "PROPN"],
                lemmas=["Washington", "provide", "intelligence", "to", "Macedonia"],
                actors=[(0, "USA"), (2, "intel"), (4, "MKD")])
    (event,) = extract_events(with_countries(doc, countries), knowledge)
    assert event.type == "AID" and event.source == ("USA",) and event.target == expected_target
