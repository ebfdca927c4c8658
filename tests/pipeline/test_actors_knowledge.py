"""Actor knowledge files: bundled data, users' own files, and errors naming file and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flashpoint.errors import DataFileError
from flashpoint.pipeline.actors.knowledge import load_knowledge, spelling_variants
from flashpoint.pipeline.doc_ext import ACTOR_MENTIONS


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bundled():
    return load_knowledge()


@pytest.mark.parametrize(
    ("office", "country", "day", "holder"),
    [
        ("head_of_state", "UKR", date(2018, 1, 1), "Petro Poroshenko"),
        ("head_of_state", "UKR", date(2020, 1, 1), "Volodymyr Zelensky"),
        ("defence_minister", "UKR", date(2022, 6, 1), "Oleksii Reznikov"),
        ("defence_minister", "UKR", date(2024, 1, 1), "Rustem Umerov"),
        ("head_of_government", "ISR", date(2021, 9, 1), "Naftali Bennett"),
        ("foreign_minister", "IRN", date(2019, 1, 1), "Mohammad Javad Zarif"),
    ],
)
def test_actors_knowledge_holder_on_a_day(bundled, office, country, day, holder) -> None:
    tenure = bundled.holder(office, country, day)
    assert tenure is not None and tenure.person == holder


def test_actors_knowledge_has_every_g20_country_and_core_igos(bundled) -> None:
    g20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"]
    assert all(code in bundled.countries for code in g20)
    igo_codes = {entity.country for entity in bundled.entities.values() if entity.sector == "IGO"}
    assert {"UNO", "NATO", "EUR", "OSC", "AFR", "ASN", "WHO", "IMF"} <= igo_codes


def test_actors_knowledge_spelling_variants_of_given_names() -> None:
    assert "Mohammed Hussein Roble" in spelling_variants("Mohamed Hussein Roble")


def test_actors_user_files_add_entities_and_office_holders(tmp_path: Path, blank_nlp) -> None:
    import spacy

    entities = write(
        tmp_path,
        "my_entities.csv",
        "name,aliases,kind,country,sector,code,wikidata\nRed Hand Brigade,RHB,group,MDA,REB,,\n",
    )
    offices = write(
        tmp_path,
        "my_offices.csv",
        "country,office,title,name,aliases,start,end,sector,wikidata,organization\n"
        "MDA,interior_minister,Interior Minister,Ion Testescu,,2020-01-01,,GOV,,\n",
    )
    knowledge = load_knowledge([entities, offices])
    assert knowledge.entities["Red Hand Brigade"].country == "MDA"
    assert knowledge.holder("interior_minister", "MDA", date(2021, 1, 1)).person == "Ion Testescu"

    nlp = spacy.blank("en")
    nlp.add_pipe("flashpoint_actors", config={"extra_files": [str(entities)]})
    doc = nlp("The RHB claimed the blast.")
    assert [(a.name, a.country, a.sector, a.kind) for a in doc._.fp_actors] == [
        ("Red Hand Brigade", "MDA", "REB", "group")
    ]
    assert [span.text for span in doc.spans[ACTOR_MENTIONS]] == ["RHB"]


def test_actors_user_vocabulary_adds_a_sector_noun(tmp_path: Path) -> None:
    import spacy

    vocabulary = write(tmp_path, "words.yaml", "nouns:\n  MIL: [legionnaires]\n")
    nlp = spacy.blank("en")
    nlp.add_pipe("flashpoint_actors", config={"extra_files": [str(vocabulary)]})
    doc = nlp("Polish legionnaires arrived.")
    assert [(a.country, a.sector) for a in doc._.fp_actors] == [("POL", "MIL")]


@pytest.mark.parametrize(
    ("name", "text", "line", "message"),
    [
        ("bad_sector.csv", "name,kind,country,sector\nGood Group,group,SYR,REB\nBad Group,group,SYR,XXX\n", 3,
         "unknown sector"),
        ("bad_kind.csv", "name,kind\nSomeone,wizard\n", 2, "unknown kind"),
        ("bad_country.csv", "name,kind,country\nX Front,group,Syria\n", 2, "country must be"),
        ("bad_date.csv", "country,office,title,name,start\nSYR,head_of_state,President,A B,2020-13-01\n", 2,
         "start must be"),
        ("no_name.csv", "name,kind\n,group\n", 2, "empty required"),
        ("unknown.csv", "who,what\nx,y\n", 1, "header needs"),
        ("bad.yaml", "nouns:\n  MIL: [troops\n", None, "invalid YAML"),
    ],
)
def test_actors_malformed_file_error_names_file_and_line(tmp_path: Path, name, text, line, message) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(DataFileError) as caught:
        load_knowledge([path])
    assert caught.value.path == str(path)
    if line is not None:
        assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(path))


def test_actors_blank_doc_without_parse_uses_runs_of_matches(blank_nlp) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("flashpoint_actors")
    doc = nlp("Russian troops and Ukrainian officials met.")
    assert [(a.code, a.kind) for a in doc._.fp_actors] == [("RUSMIL", "state"), ("UKRGOV", "state")]
