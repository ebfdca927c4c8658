"""The compiled gazetteer: names, spellings, representative points, user files and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import DataFileError
from flashpoint.gazetteer import Gazetteer, load_gazetteer
from flashpoint.gazetteer.build import region_point
from flashpoint.gazetteer.names import is_latin_alias, name_key
from flashpoint.settings import Settings


@pytest.fixture(scope="module")
def gazetteer(settings: Settings) -> Gazetteer:
    """The bundled gazetteer from the user's cache, shared with the pipeline fixture."""
    return load_gazetteer(settings.cache_dir)


@pytest.mark.parametrize(
    ("name", "key"),
    [("the U.S.", "us"), ("US", "us"), ("Kyiv", "kyiv"), ("Côte d’Ivoire", "cote d'ivoire"), ("Winston-Salem", "winston salem")],
)
def test_names_name_key_ignores_case_accents_and_periods(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(("alias", "kept"), [("Kiev", True), ("IEV", False), ("kiev", False), ("Киев", False)])
def test_names_is_latin_alias_keeps_capitalised_latin_names(alias: str, kept: bool) -> None:
    assert is_latin_alias(alias) is kept


@pytest.mark.parametrize(
    ("name", "expected", "feature", "country"),
    [
        ("Kiev", "Kyiv", "capital", "UA"),
        ("Kyiv", "Kyiv", "capital", "UA"),
        ("U.S.", "United States", "country", "US"),
        ("Britain", "United Kingdom", "country", "GB"),
        ("Texas", "Texas", "admin1", "US"),
        ("Donbas", "Donbas", "region", "UA"),
        ("the Gaza Strip", "Gaza Strip", "region", "PS"),
        ("Africa", "Africa", "continent", None),
    ],
)
def test_gazetteer_lookup_knows_spellings(gazetteer: Gazetteer, name: str, expected: str, feature: str, country: str | None) -> None:
    candidates = {(place.name, place.feature, place.country) for place in gazetteer.lookup(name)}
    assert (expected, feature, country) in candidates


def test_gazetteer_country_points_are_geonames_points(gazetteer: Gazetteer) -> None:
    usa = next(place for place in gazetteer.lookup("United States") if place.feature == "country")
    assert (usa.lat, usa.lon, usa.geonameid) == (39.76, -98.5, 6252001)
    assert gazetteer.alpha3(usa.country) == "USA"


def test_gazetteer_ambiguous_name_lists_every_candidate(gazetteer: Gazetteer) -> None:
    countries = {place.country for place in gazetteer.lookup("Paris")}
    assert {"FR", "US"} <= countries


def test_gazetteer_abbreviation_only_as_written(gazetteer: Gazetteer) -> None:
    assert gazetteer.abbreviation("W. Va.").name == "West Virginia"
    assert gazetteer.abbreviation("Ill") is None


def test_gazetteer_region_point_ignores_outlying_towns() -> None:
    towns = [(float(lat), 10.0) for lat in range(100)] + [(80.0, 170.0)]
    lat, lon = region_point(towns)
    assert 45 <= lat <= 55 and lon == 10.0


def test_gazetteer_user_place_file_adds_a_place(tmp_path: Path) -> None:
    places = tmp_path / "mine.csv"
    places.write_text(
        "name,aliases,feature,country,lat,lon,geonameid,population\n"
        "Camp Zarnovia,Zarnovia Base,landmark,UKR,48.1,37.2,,\n",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer(tmp_path / "cache", [places])
    found = gazetteer.lookup("Zarnovia Base")[0]
    assert (found.name, found.country, found.lat, found.lon) == ("Camp Zarnovia", "UA", 48.1, 37.2)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Nowhere,,city,USA,north,10,,", "lat/lon must be numbers"),
        ("Nowhere,,city,USA,95,10,,", "out of range"),
        ("Nowhere,,village,USA,45,10,,", "feature must be one of"),
        ("Nowhere,,city,ZZZ,45,10,,", "unknown country code"),
    ],
)
def test_gazetteer_malformed_user_file_names_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    places = tmp_path / "bad.csv"
    places.write_text("name,aliases,feature,country,lat,lon,geonameid,population\n# a comment\n" + row + "\n")
    with pytest.raises(DataFileError) as error:
        load_gazetteer(tmp_path / "cache", [places])
    assert "bad.csv" in str(error.value) and ":3" in str(error.value) and message in str(error.value)
