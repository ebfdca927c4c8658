"""The actors component on sentences written for these tests (full pipeline, default model)."""

from __future__ import annotations

import pytest

from flashpoint.model import Actor, Analysis


def actor_covering(analysis: Analysis, phrase: str) -> Actor | None:
    """The actor whose mentions cover most of the first occurrence of the phrase (the eval's rule)."""
    start = analysis.article.text.index(phrase)
    wanted = set(range(start, start + len(phrase)))
    best: tuple[int, Actor] | None = None
    for actor in analysis.actors:
        covered = {i for m in actor.mentions for i in range(m.start, m.end)} & wanted
        if covered and (best is None or len(covered) > best[0]):
            best = (len(covered), actor)
    return None if best is None else best[1]


@pytest.mark.parametrize(
    ("text", "published", "phrase", "name", "sector"),
    [
        ("The US president said the talks went well.", "2021-06-01", "US president", "Joe Biden", "GOV"),
        ("The US president said the talks went well.", "2025-06-01", "US president", "Donald Trump", "GOV"),
        ("The US president said the talks went well.", "2012-03-01", "US president", "Barack Obama", "GOV"),
        ("Britain's prime minister flew to Kyiv on Sunday.", "2022-04-09", "Britain's prime minister", "Boris Johnson", "GOV"),
        ("Britain's prime minister flew to Kyiv on Sunday.", "2023-02-08", "Britain's prime minister", "Rishi Sunak", "GOV"),
        ("Russia's foreign minister arrived in Ankara.", "2022-03-10", "Russia's foreign minister", "Sergei Lavrov", "GOV"),
        ("The German chancellor called for calm.", "2020-01-05", "German chancellor", "Angela Merkel", "GOV"),
        ("The German chancellor called for calm.", "2022-01-05", "German chancellor", "Olaf Scholz", "GOV"),
        ("The UN Secretary-General appealed for a ceasefire.", "2015-06-01", "UN Secretary-General", "Ban Ki-moon", "IGO"),
    ],
)
def test_actors_office_resolves_to_holder_on_publication_date(analyze, text, published, phrase, name, sector) -> None:
    actor = actor_covering(analyze(text, published=published), phrase)
    assert actor is not None and actor.name == name and actor.kind == "person" and actor.sector == sector


def test_actors_counterpart_takes_the_office_of_the_previous_official(analyze) -> None:
    analysis = analyze(
        "US Secretary of State Antony Blinken met his Russian counterpart in Geneva.", published="2022-01-21"
    )
    counterpart = actor_covering(analysis, "Russian counterpart")
    assert counterpart is not None and counterpart.name == "Sergei Lavrov" and counterpart.country == "RUS"
    blinken = actor_covering(analysis, "Antony Blinken")
    assert blinken is not None and blinken.role == "Secretary of State" and blinken.country == "USA"


def test_actors_defence_counterpart_follows_a_defence_minister(analyze) -> None:
    analysis = analyze("Defence Secretary Ben Wallace called his French counterpart.", published="2021-03-01")
    counterpart = actor_covering(analysis, "French counterpart")
    assert counterpart is not None and counterpart.name == "Florence Parly"


@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector"),
    [
        ("Kiev denied the reports on Tuesday.", "Kiev", "UKR", "GOV"),
        ("Moscow rejected the proposal.", "Moscow", "RUS", "GOV"),
        ("The Kremlin said the drills were routine.", "Kremlin", "RUS", "GOV"),
        ("The White House declined to comment.", "White House", "USA", "GOV"),
        ("Downing Street said the talks would go on.", "Downing Street", "GBR", "GOV"),
        ("The Pentagon said two more ships were sent.", "Pentagon", "USA", "MIL"),
    ],
)
def test_actors_metonym_is_the_state_never_a_person(analyze, text, phrase, country, sector) -> None:
    actor = actor_covering(analyze(text, published="2022-02-01"), phrase)
    assert actor is not None and actor.kind == "state" and (actor.country, actor.sector) == (country, sector)


def test_actors_capital_as_a_place_is_not_an_actor(analyze) -> None:
    analysis = analyze("The two ministers held talks in Moscow on Friday.", published="2022-02-01")
    assert actor_covering(analysis, "Moscow") is None


@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector"),
    [
        ("Russian troops crossed the border at dawn.", "Russian troops", "RUS", "MIL"),
        ("Ukrainian officials said the bridge was hit.", "Ukrainian officials", "UKR", "GOV"),
        ("US intelligence officials warned of an attack.", "US intelligence officials", "USA", "SPY"),
        ("Police in Gujarat arrested eleven men on Sunday.", "Police in Gujarat", "IND", "COP"),
        ("The soldiers opened fire.", "soldiers", None, "MIL"),
        ("Israeli lawmakers approved the budget.", "Israeli lawmakers", "ISR", "LEG"),
        ("Hamas fighters fired rockets overnight.", "Hamas fighters", "PSE", "REB"),
        ("A Jordanian official confirmed the visit.", "Jordanian official", "JOR", "GOV"),
        ("Ordinary Iranians queued for bread.", "Ordinary Iranians", "IRN", "CVL"),
        ("Thousands of Syrian refugees crossed into Turkey.", "Syrian refugees", "SYR", "REF"),
        ("A former CIA official said the plan failed.", "former CIA official", "USA", "ELI"),
    ],
)
def test_actors_group_phrase_gets_country_and_sector(analyze, text, phrase, country, sector) -> None:
    actor = actor_covering(analyze(text, published="2022-03-01"), phrase)
    assert actor is not None and (actor.country, actor.sector) == (country, sector)
    assert actor.code == (country or "") + sector


def test_actors_one_actor_per_entity_with_every_mention(analyze) -> None:
    analysis = analyze(
        "Vladimir Putin spoke on Monday. Putin said the Russian president would not negotiate. "
        "President Putin later left.",
        published="2022-03-01",
    )
    putins = [actor for actor in analysis.actors if actor.name == "Vladimir Putin"]
    assert len(putins) == 1
    assert [m.text for m in putins[0].mentions] == [
        "Vladimir Putin", "Putin", "Russian president", "President Putin",
    ]
    assert putins[0].wikidata == "Q7747" and putins[0].code == "RUSGOV"


def test_actors_apposition_gives_an_unknown_person_country_and_role(analyze) -> None:
    analysis = analyze("Olena Marchenko, Ukraine's deputy foreign minister, spoke to reporters.", published="2022-05-01")
    person = actor_covering(analysis, "Olena Marchenko")
    assert person is not None and person.kind == "person" and (person.country, person.sector) == ("UKR", "GOV")
    assert actor_covering(analysis, "Ukraine's deputy foreign minister") == person


def test_actors_unknown_person_with_context_country(analyze) -> None:
    analysis = analyze("Ukrainian farmer Petro Kovalenko said his fields were mined.", published="2022-05-01")
    person = actor_covering(analysis, "Petro Kovalenko")
    assert person is not None and person.kind == "person" and person.country == "UKR"


def test_actors_former_office_holder_is_an_elite(analyze) -> None:
    analysis = analyze("Angela Merkel visited the school.", published="2023-05-01")
    merkel = actor_covering(analysis, "Angela Merkel")
    assert merkel is not None and (merkel.country, merkel.sector) == ("DEU", "ELI")


def test_actors_mentions_index_article_text_and_validate(analyze, contract_validator) -> None:
    analysis = analyze(
        "NATO said Russian forces massed near Kharkiv while the EU and the IMF pledged aid.", published="2022-02-20"
    )
    text = analysis.article.text
    for actor in analysis.actors:
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text
    assert not list(contract_validator.iter_errors(analysis.to_json_dict()))
    codes = {actor.country for actor in analysis.actors}
    assert {"NATO", "EUR", "IMF", "RUS"} <= codes


def test_actors_mention_span_group_and_token_helper(nlp) -> None:
    from flashpoint.analysis import make_doc
    from flashpoint.ingest.records import ArticleInput
    from flashpoint.pipeline.doc_ext import ACTOR_MENTIONS, actor_by_id, actor_id_at, actor_id_of_token

    doc = nlp(make_doc(nlp, ArticleInput.create("Russia's foreign minister met Turkish officials.", published="2022-03-10")))
    minister = doc[3]
    assert minister.text == "minister"
    actor = actor_by_id(doc, actor_id_of_token(minister))
    assert actor is not None and actor.name == "Sergei Lavrov"
    officials = actor_by_id(doc, actor_id_at(doc, doc.text.index("Turkish"), len(doc.text) - 1))
    assert officials is not None and officials.code == "TURGOV"
    assert {span.label_ for span in doc.spans[ACTOR_MENTIONS]} == {actor.id for actor in doc._.fp_actors}


def test_actors_name_mentions_stop_at_the_name(analyze) -> None:
    analysis = analyze(
        "KYIV, March 2 - Jean-Yves Le Drian met Lavrov in Geneva. Kyiv police detained a man.",
        published="2021-03-02",
    )
    mentions = {m.text for actor in analysis.actors for m in actor.mentions}
    assert {"Jean-Yves Le Drian", "Lavrov", "Kyiv police"} <= mentions
    assert not any("KYIV" in m or "Geneva" in m for m in mentions)  # a dateline and a place are no actors
    le_drian = actor_covering(analysis, "Jean-Yves Le Drian")
    assert le_drian is not None and (le_drian.country, le_drian.role) == ("FRA", "Foreign Minister of France")
    police = actor_covering(analysis, "Kyiv police")
    assert police is not None and police.code == "UKRCOP"
