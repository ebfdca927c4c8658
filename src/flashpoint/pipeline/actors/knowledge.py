"""The actor knowledge: countries, named entities, office holders and the sector vocabulary.

Everything is read from data files (``flashpoint/data/actors/``) plus the user's ``actor_files``.
A CSV file's kind is told by its header (``iso3`` = countries, ``office`` = office holders,
``kind`` = named entities); a YAML file is vocabulary. Malformed content raises DataFileError
naming the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from flashpoint.data import bundled_path, iter_csv_rows, load_yaml, require_mapping
from flashpoint.errors import DataFileError

SECTORS = frozenset(
    [
        "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "OPP", "REB", "UAF", "IGO", "NGO", "JRN", "BUS",
        "CVL", "ELI", "REL", "EDU", "MED", "LAB", "AGR", "REF", "CRM", "UNK"
    ]
)
KINDS = frozenset({"person", "state", "organization", "group", "media"})
CODE = re.compile(r"^[A-Z]{3,4}$")
WIKIDATA = re.compile(r"^Q[0-9]+$")
BUNDLED_FILES = ("countries.csv", "entities.csv", "offices.csv", "vocabulary.yaml")

SenseType = Literal[
    "country", "adjective", "metonym", "place", "entity", "person", "surname", "title", "noun", "generic",
    "modifier",
]
PROPER_SENSES = frozenset({"country", "adjective", "metonym", "place", "entity", "person", "surname"})


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    adjective: str
    wikidata: str | None


@dataclass(frozen=True)
class Entity:
    """A named actor that is not a country: organisation, IGO, armed group, party, seat of power, person."""

    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    code: str | None
    wikidata: str | None


@dataclass(frozen=True)
class Tenure:
    office: str
    country: str
    title: str
    person: str  # key of an Entity of kind person
    start: date
    end: date | None
    sector: str
    organization: str | None = None  # the entity whose office it is ("United Nations")

    @property
    def role(self) -> str:
        return self.title

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Title:
    """A title or office word: 'foreign minister' -> office foreign_minister, sector GOV."""

    office: str | None
    sector: str | None
    takes_name: bool  # an honorific or rank that precedes a name ("Mr", "General")


@dataclass(frozen=True)
class Sense:
    """One meaning of a matched phrase; ``ref`` is an ISO3 code, entity key, title or sector code."""

    type: SenseType
    ref: str
    all_caps: bool = False  # the alias is written in capitals ("US", "IMF"): match only capitals
    titled: bool = True  # the alias is a proper name: do not match it written in lower case
    exact: str | None = None  # a short mixed-case alias ("LeT", "DfID") matches only as written


@dataclass
class Knowledge:
    countries: dict[str, Country] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    tenures: list[Tenure] = field(default_factory=list)
    titles: dict[str, Title] = field(default_factory=dict)
    terms: dict[str, list[Sense]] = field(default_factory=dict)  # lower-cased phrase -> senses
    surfaces: dict[str, set[str]] = field(default_factory=dict)  # lower-cased phrase -> spellings seen
    sector_labels: dict[str, str] = field(default_factory=dict)
    office_titles: dict[tuple[str, str], str] = field(default_factory=dict)  # (country, office) -> title
    by_person: dict[str, list[Tenure]] = field(default_factory=dict)
    by_office: dict[tuple[str, str], list[Tenure]] = field(default_factory=dict)

    def add_term(self, phrase: str, sense: Sense) -> None:
        text = " ".join(phrase.split())
        if text.lower().startswith("the ") and len(text) > 4:
            text = text[4:]  # phrases are matched without their article ("the Pentagon" -> "Pentagon")
        if not text:
            return
        proper = sense.type in PROPER_SENSES
        caps = sense.all_caps or (len(text) <= 5 and text.isupper() and proper)
        titled = proper and not text.islower()
        exact = text if proper and len(text) <= 6 and any(c.isupper() for c in text[1:]) and not caps else None
        final = Sense(sense.type, sense.ref, caps, titled, exact)
        self.surfaces.setdefault(text.lower(), set()).add(text)
        senses = self.terms.setdefault(text.lower(), [])
        if final not in senses:
            senses.append(final)

    def index(self) -> None:
        """Build the lookup tables; call after the last file is loaded."""
        self.by_person = {}
        self.by_office = {}
        for tenure in self.tenures:
            self.by_person.setdefault(tenure.person, []).append(tenure)
            self.by_office.setdefault((tenure.office, tenure.country), []).append(tenure)

    def tenures_of(self, person: str) -> list[Tenure]:
        return self.by_person.get(person, [])

    def has_office(self, office: str, country: str) -> bool:
        return (office, country) in self.by_office

    def holder(self, office: str, country: str, day: date) -> Tenure | None:
        """Who held the office in the country on the day (the latest start wins an overlap)."""
        found = [t for t in self.by_office.get((office, country), ()) if t.covers(day)]
        return max(found, key=lambda tenure: tenure.start) if found else None

    def organization_holder(self, organization: str, title: str, day: date) -> Tenure | None:
        """Who held the organisation's office called like the title on the day ("UN Secretary-General")."""
        words = title.lower().replace("-", " ")
        found = [t for t in self.tenures if t.organization == organization and t.covers(day)
                 and (words in t.title.lower().replace("-", " ") or t.title.lower().replace("-", " ") in words)]
        return max(found, key=lambda tenure: tenure.start) if found else None


def split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def plural(word: str) -> str:
    if word.endswith(("s", "x", "sh", "ch")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def _date(path: Path, line: int, value: str, column: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataFileError(str(path), line, f"{column} must be YYYY-MM-DD, got {value!r}") from None


def _code(path: Path, line: int, value: str, column: str) -> str | None:
    if value and not CODE.match(value):
        raise DataFileError(str(path), line, f"{column} must be 3-4 capital letters, got {value!r}")
    return value or None


def _sector(path: Path, line: int, value: str) -> str | None:
    if value and value not in SECTORS:
        raise DataFileError(str(path), line, f"unknown sector {value!r} (one of {' '.join(sorted(SECTORS))})")
    return value or None


def _wikidata(path: Path, line: int, value: str) -> str | None:
    if value and not WIKIDATA.match(value):
        raise DataFileError(str(path), line, f"wikidata must look like Q123, got {value!r}")
    return value or None


def load_countries(path: Path, knowledge: Knowledge) -> None:
    for line, row in iter_csv_rows(path, required=("iso3", "name")):
        iso3 = _code(path, line, row["iso3"], "iso3") or ""
        adjectives = split_list(row.get("adjectives", ""))
        knowledge.countries[iso3] = Country(
            iso3, row["name"], adjectives[0] if adjectives else row["name"], _wikidata(path, line, row.get("wikidata", ""))
        )
        for name in [row["name"], *split_list(row.get("aliases", ""))]:
            knowledge.add_term(name, Sense("country", iso3))
        for adjective in adjectives:
            knowledge.add_term(adjective, Sense("adjective", iso3))
            if not adjective.isupper() and not adjective.endswith(("ese", "sh", "ch", "s")):
                knowledge.add_term(adjective + "s", Sense("adjective", iso3))
        for metonym in split_list(row.get("metonyms", "")):
            knowledge.add_term(metonym, Sense("metonym", iso3))
        for place in split_list(row.get("places", "")):
            knowledge.add_term(place, Sense("place", iso3))


# transliterations of the same given name; a person's names are added in every spelling
SPELLINGS = (
    ("Mohammed", "Mohamed", "Muhammad", "Mohammad", "Muhammed", "Mohamad"),
    ("Ahmed", "Ahmad"), ("Hussein", "Husain", "Hussain"), ("Abdel", "Abdul", "Abd al"),
    ("Sergei", "Sergey"), ("Dmitry", "Dmitri", "Dmytro"), ("Oleksii", "Oleksiy", "Aleksei", "Alexei"),
    ("Yuri", "Yuriy", "Yury"), ("Andrei", "Andrey", "Andriy", "Andrii"), ("Volodymyr", "Vladimir"),
)


def spelling_variants(name: str) -> set[str]:
    variants = {name}
    for group in SPELLINGS:
        for spelling in group:
            for variant in list(variants):
                words = variant.split()
                if spelling in words:
                    variants.update(
                        " ".join(other if word == spelling else word for word in words) for other in group
                    )
    return variants


def _person_terms(knowledge: Knowledge, key: str, names: Sequence[str]) -> None:
    for name in {variant for given in names for variant in spelling_variants(given)}:
        knowledge.add_term(name, Sense("person", key))
        words = name.replace(".", " ").split()
        if len(words) >= 2 and len(words[-1]) >= 3:
            knowledge.add_term(words[-1], Sense("surname", key))


def load_entities(path: Path, knowledge: Knowledge) -> None:
    for line, row in iter_csv_rows(path, required=("name", "kind")):
        kind = row["kind"]
        if kind not in KINDS:
            raise DataFileError(str(path), line, f"unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
        entity = Entity(
            key=row["name"],
            name=row["name"],
            kind=kind,
            country=_code(path, line, row.get("country", ""), "country"),
            sector=_sector(path, line, row.get("sector", "")),
            code=row.get("code") or None,
            wikidata=_wikidata(path, line, row.get("wikidata", "")),
        )
        knowledge.entities[entity.key] = entity
        names = [row["name"], *split_list(row.get("aliases", ""))]
        if kind == "person":
            _person_terms(knowledge, entity.key, names)
        else:
            for name in names:
                knowledge.add_term(name, Sense("entity", entity.key))


def load_offices(path: Path, knowledge: Knowledge) -> None:
    for line, row in iter_csv_rows(path, required=("country", "office", "title", "name", "start")):
        country = _code(path, line, row["country"], "country") or ""
        start = _date(path, line, row["start"], "start")
        end = _date(path, line, row.get("end", ""), "end")
        if start is None or (end is not None and end < start):
            raise DataFileError(str(path), line, "end is before start")
        key = row["name"]
        known = knowledge.entities.get(key)
        wikidata = _wikidata(path, line, row.get("wikidata", ""))
        if known is None or known.kind != "person":
            knowledge.entities[key] = Entity(key, key, "person", country, None, None, wikidata)
        elif wikidata and not known.wikidata:
            knowledge.entities[key] = Entity(key, key, "person", known.country, known.sector, None, wikidata)
        _person_terms(knowledge, key, [key, *split_list(row.get("aliases", ""))])
        sector = _sector(path, line, row.get("sector", "")) or "GOV"
        organization = row.get("organization") or None
        knowledge.tenures.append(Tenure(row["office"], country, row["title"], key, start, end, sector, organization))
        knowledge.office_titles.setdefault((country, row["office"]), row["title"])


def _words(path: Path, data: dict[str, Any], section: str) -> Iterable[tuple[str | None, str]]:
    """(sector or None, phrase) pairs of a `section: {SECTOR: [phrases]}` mapping."""
    for sector, phrases in require_mapping(path, data.get(section), section).items():
        code = None if sector in (None, "none", "null") else str(sector)
        if code is not None and code not in SECTORS:
            raise DataFileError(str(path), None, f"{section}: unknown sector {code!r}")
        if not isinstance(phrases, list):
            raise DataFileError(str(path), None, f"{section}.{sector} must be a list of phrases")
        for phrase in phrases:
            yield code, str(phrase)


def load_vocabulary(path: Path, knowledge: Knowledge) -> None:
    data = require_mapping(path, load_yaml(path), "actor vocabulary")
    # nouns name a sector ("troops"); generic nouns ("official") yield to a more specific word nearby
    for section, sense_type in (("nouns", "noun"), ("generic", "generic"), ("modifiers", "modifier")):
        for sector, phrase in _words(path, data, section):
            ref = sector or "none"
            knowledge.add_term(phrase, Sense(sense_type, ref))
            if sense_type != "modifier" and " " not in phrase and not phrase.endswith("s"):
                knowledge.add_term(plural(phrase), Sense(sense_type, ref))
            elif sense_type != "modifier" and " " in phrase:
                head, _, last = phrase.rpartition(" ")
                knowledge.add_term(f"{head} {plural(last)}", Sense(sense_type, ref))
    for index, entry in enumerate(data.get("titles") or [], start=1):
        if not isinstance(entry, dict) or not entry.get("names"):
            raise DataFileError(str(path), None, f"titles entry {index} needs 'names'")
        sector = entry.get("sector")
        if sector is not None and sector not in SECTORS:
            raise DataFileError(str(path), None, f"titles entry {index}: unknown sector {sector!r}")
        title = Title(entry.get("office"), sector, bool(entry.get("takes_name", False)))
        for name in entry["names"]:
            phrase = " ".join(str(name).lower().split())
            knowledge.titles[phrase] = title
            knowledge.add_term(phrase, Sense("title", phrase))
            if not title.takes_name and not phrase.endswith("s"):
                knowledge.titles[plural(phrase)] = title
                knowledge.add_term(plural(phrase), Sense("title", plural(phrase)))
    for code, label in require_mapping(path, data.get("sector_labels"), "sector_labels").items():
        knowledge.sector_labels[str(code)] = str(label)


def load_file(path: Path, knowledge: Knowledge) -> None:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        load_vocabulary(path, knowledge)
        return
    if suffix != ".csv":
        raise DataFileError(str(path), None, "actor files must be .csv or .yaml")
    header = _csv_header(path)
    if "iso3" in header:
        load_countries(path, knowledge)
    elif "office" in header:
        load_offices(path, knowledge)
    elif "kind" in header:
        load_entities(path, knowledge)
    else:
        raise DataFileError(str(path), 1, "header needs 'iso3' (countries), 'office' (office holders) or 'kind' (entities)")


def _csv_header(path: Path) -> list[str]:
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from exc
    return [column.strip() for column in first.split(",")]


def load_knowledge(extra_files: Sequence[Path | str] = ()) -> Knowledge:
    """The bundled knowledge files, then each user file in order (later entries add or override)."""
    knowledge = Knowledge()
    for name in BUNDLED_FILES:
        load_file(bundled_path("actors", name), knowledge)
    for extra in extra_files:
        load_file(Path(extra), knowledge)
    knowledge.index()
    return knowledge
