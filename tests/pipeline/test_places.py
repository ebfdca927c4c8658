"""Geoparsing on sentences written for these tests: ambiguity, admin hints, metonyms, user places."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Span

from flashpoint.analysis import make_doc
from flashpoint.geoparse import Toponym, admin_hints, trim_name, without_overlaps
from flashpoint.ingest.records import ArticleInput
from flashpoint.model import Analysis, Place
from flashpoint.pipeline import build_pipeline
from flashpoint.pipeline.doc_ext import EXCLUDED, PLACE_MENTIONS
from flashpoint.pipeline.places import place_of
from flashpoint.settings import Settings

pytestmark = pytest.mark.model


def place_named(analysis: Analysis, mention: str) -> Place:
    for place in analysis.places:
        if any(span.text == mention for span in place.mentions):
            return place
    raise AssertionError(f"no place mention {mention!r} in {[p.name for p in analysis.places]}")


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Talks resumed in Paris on Monday, where French and German envoys met at the Elysee.", "Paris", "FRA"),
        ("The county fair opened in Paris, Texas, on Saturday and drew visitors from Dallas.", "Paris", "USA"),
        ("Floods hit Gainesville, Georgia, and officials in Atlanta asked for federal help.", "Gainesville", "USA"),
        ("Troops from Russia crossed into Georgia and shelled positions near Tbilisi.", "Georgia", "GEO"),
        ("Voters in Georgia, Alabama and Tennessee went to the polls in Atlanta and Nashville.", "Georgia", "USA"),
    ],
)
def test_places_disambiguates_by_context_and_hints(analyze: Callable[..., Analysis], text: str, mention: str, country: str) -> None:
    assert place_named(analyze(text), mention).country == country


def test_places_admin_hint_picks_town_inside_region(analyze: Callable[..., Analysis]) -> None:
    paris = place_named(analyze("The county fair opened in Paris, Texas, on Saturday."), "Paris")
    assert paris.feature == "city" and 33 < paris.lat < 34.5 and -96 < paris.lon < -95


def test_places_abbreviation_hint(analyze: Callable[..., Analysis]) -> None:
    analysis = analyze("A storm damaged homes in Springfield, Ill., late on Tuesday.")
    assert place_named(analysis, "Springfield").geonameid == 4250542
    assert place_named(analysis, "Ill.").name == "Illinois"


def test_places_metonym_is_a_place_mention(analyze: Callable[..., Analysis]) -> None:
    analysis = analyze("Kiev denied the report on Tuesday, and Moscow said nothing.")
    kyiv = place_named(analysis, "Kiev")
    assert (kyiv.name, kyiv.country, kyiv.feature) == ("Kyiv", "UKR", "capital")


def test_places_demonyms_are_not_places(analyze: Callable[..., Analysis]) -> None:
    analysis = analyze("Russian and Ukrainian officials met with American diplomats.")
    assert not [span.text for place in analysis.places for span in place.mentions if span.text in {"Russian", "Ukrainian", "American"}]


def test_places_regions_and_every_mention(analyze: Callable[..., Analysis]) -> None:
    analysis = analyze(
        "Shelling continued in eastern Ukraine and Crimea. Crimea was annexed in 2014, "
        "and the Gaza Strip and the West Bank saw protests."
    )
    crimea = place_named(analysis, "Crimea")
    assert len(crimea.mentions) == 2 and crimea.country == "UKR"
    assert place_named(analysis, "Gaza Strip").feature == "region"
    assert place_named(analysis, "West Bank").country == "PSE"
    assert [place.id for place in analysis.places] == [f"p{n}" for n in range(1, len(analysis.places) + 1)]


def test_places_mention_spans_carry_place_ids(nlp: Language) -> None:
    doc = nlp(make_doc(nlp, ArticleInput.create("Fighting spread from Syria into Lebanon and Iraq.")))
    labels = {span.text: span.label_ for span in doc.spans[PLACE_MENTIONS]}
    ids = {place.id for place in doc._.fp_places}
    assert set(labels) == {"Syria", "Lebanon", "Iraq"} and set(labels.values()) == ids


def test_places_skip_excluded_spans(nlp: Language) -> None:
    doc = make_doc(nlp, ArticleInput.create("Talks were held in Oslo.\nSubscribe for news from Madrid"))
    for name, component in nlp.pipeline:
        doc = component(doc)
        if name == "flashpoint_clean":
            doc.spans[EXCLUDED] = [Span(doc, 6, len(doc), label="boilerplate")]
    assert [place.name for place in doc._.fp_places] == ["Oslo"]


def test_places_place_of_prefers_locative_mention(nlp: Language) -> None:
    text = "Officials from Norway met rebel leaders in Stockholm on Monday."
    doc = nlp(make_doc(nlp, ArticleInput.create(text)))
    met = text.index("met")
    assert place_of(doc, met, met + 3).name == "Stockholm"
    assert place_of(doc, 0, 9) is not None


def test_places_user_place_file(tmp_path: Path) -> None:
    places = tmp_path / "outposts.csv"
    places.write_text(
        "name,aliases,feature,country,lat,lon,geonameid,population\n"
        "Zarnovia Outpost,Zarnovia,landmark,UKR,48.12,37.25,,\n",
        encoding="utf-8",
    )
    nlp = build_pipeline(Settings(place_files=(places,), cache_dir=tmp_path / "cache"))
    doc = nlp(make_doc(nlp, ArticleInput.create("Drones struck the Zarnovia Outpost overnight, officials in Kyiv said.")))
    outpost = next(place for place in doc._.fp_places if place.name == "Zarnovia Outpost")
    assert (outpost.country, outpost.lat, outpost.lon, outpost.feature) == ("UKR", 48.12, 37.25, "landmark")


@pytest.mark.parametrize(("text", "trimmed"), [("the Gaza Strip", "Gaza Strip"), ("Russia's", "Russia"), ("Texas", "Texas")])
def test_geoparse_trim_name(text: str, trimmed: str) -> None:
    start, end = trim_name(text)
    assert text[start:end] == trimmed


def test_geoparse_admin_hints_follow_a_comma(blank_nlp: Language) -> None:
    doc = blank_nlp("Paris, Texas and Lyon in France")
    paris, texas, lyon = Toponym(0, 5, "Paris", "GPE"), Toponym(7, 12, "Texas", "GPE"), Toponym(17, 21, "Lyon", "GPE")
    assert admin_hints(doc, [paris, texas, lyon]) == {paris: texas}


def test_geoparse_without_overlaps_keeps_the_longer() -> None:
    short, long_, other = Toponym(0, 4, "Gaza", "GAZ"), Toponym(0, 10, "Gaza Strip", "LOC"), Toponym(12, 15, "Rafah", "GPE")
    assert without_overlaps([short, other, long_]) == [long_, other]
