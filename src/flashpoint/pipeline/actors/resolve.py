"""From one phrase to one candidate actor: who the phrase names, at the publication date.

The head of the phrase decides the kind of answer (a person, a title, a group noun, a named
entity, a country, a capital standing for its government, a demonym); the other words in the
phrase give the country and refine the sector.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc

from flashpoint.pipeline.actors.knowledge import Entity, Knowledge, Tenure, Title
from flashpoint.pipeline.actors.phrases import Match, Phrase
from flashpoint.pipeline.doc_ext import opens_dateline

COUNTRY_SENSES = ("country", "adjective", "metonym", "place")
STATE_ORGAN_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
# which office a person is described by when they hold several at once
OFFICE_RANK = {"head_of_state": 0, "head_of_government": 1, "secretary_general": 2, "foreign_minister": 3,
               "defence_minister": 4}
FALLBACK_OFFICE = {"head_of_state": "head_of_government", "head_of_government": "head_of_state"}
# common words that are also surnames of office holders: accepted only as recognised PERSON names
COMMON_SURNAMES = frozenset(
    [
        "may", "brown", "rice", "hope", "love", "power", "ball", "law", "king", "bush", "cook", "gates",
        "young", "long", "short", "white", "black", "green", "wall", "field", "hill", "rose", "bird", "fox",
        "cash", "ford", "page", "bell", "park", "moon", "kim", "lee", "li", "wang", "abe"
    ]
)
LOCATIVE_PREPOSITIONS = frozenset({
    "in", "at", "near", "inside", "outside", "across", "around", "into", "throughout", "within", "to", "from",
    "toward", "towards", "via", "through", "outside of", "between",
})
DEPUTY_WORDS = frozenset({"deputy", "vice", "assistant", "under", "junior", "acting", "first-deputy", "shadow"})
# honorific and modifier senses that may precede a name inside a person phrase
NAME_TAGS = frozenset({"PROPN"})


@dataclass(frozen=True)
class Candidate:
    """One phrase resolved: a merge key (one per real-world entity) and what is known about it."""

    start: int  # token indices of the mention
    end: int
    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    code: str | None = None
    wikidata: str | None = None
    office: str | None = None
    from_role: bool = False  # a title without a known holder: an apposition may name the person


@dataclass
class DocState:
    """What earlier phrases of the same document tell later ones."""

    day: date
    lower_doc: bool
    last_office: str | None = None
    persons_seen: set[str] = field(default_factory=set)
    unknown_surnames: dict[str, str] = field(default_factory=dict)  # surname or given name -> person key
    titled: dict[str, str] = field(default_factory=dict)  # title ("mayor") -> key of the person last called so


def code_of(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style code: country then sector ("RUSMIL"); an international body is its own code ("UNO")."""
    if sector == "IGO" and country:
        return country
    parts = (country or "") + (sector or "")
    return parts or None


def _country_name(knowledge: Knowledge, iso: str | None) -> str:
    country = knowledge.countries.get(iso or "")
    if country is not None:
        return country.name
    entity = next((e for e in knowledge.entities.values() if e.kind == "organization" and e.country == iso), None)
    return entity.name if entity is not None else (iso or "")


def _adjective(knowledge: Knowledge, iso: str | None) -> str:
    country = knowledge.countries.get(iso or "")
    return country.adjective if country is not None else (iso or "")


def _entity_country(entity: Entity) -> str | None:
    return entity.country if entity.kind != "person" else None


def phrase_country(knowledge: Knowledge, phrase: Phrase, skip: Match | None, doc: Doc | None = None) -> str | None:
    """The country the phrase's other words name: modifiers before the head first, then attachments.

    With the doc given, an attachment counts only when the country is its object ("President of
    India"), not a word inside another name ("president of All India Organisation of Imams").
    """
    before = [m for m in phrase.matches if m is not skip and m.end <= phrase.head + 1]
    after = [m for m in phrase.matches if m is not skip and m.start > phrase.head
             and (phrase.to_start is None or m.start < phrase.to_start)
             and (doc is None or any(doc[i].dep_ == "pobj" for i in range(m.start, m.end)))]
    for match in [*reversed(before), *after]:
        for sense in match.senses:
            if sense.type in COUNTRY_SENSES:
                return sense.ref
            if sense.type == "entity":
                country = _entity_country(knowledge.entities[sense.ref])
                if country:
                    return country
            if sense.type in ("person", "surname") and match.end <= phrase.head:
                # "the Bush administration": the country of the person named
                tenures = knowledge.tenures_of(sense.ref)
                country = knowledge.entities[sense.ref].country or (tenures[-1].country if tenures else None)
                if country and country in knowledge.countries:
                    return country
    return None


def modifier_sectors(phrase: Phrase) -> list[str]:
    return [ref for m in phrase.matches for ref in m.refs("modifier")]


def _person_sector_and_role(knowledge: Knowledge, key: str, day: date, former: bool) -> tuple[Tenure | None, bool]:
    """The tenure held on the day (if any), and whether the person held one before it."""
    tenures = knowledge.tenures_of(key)
    current = sorted((t for t in tenures if t.covers(day)), key=lambda t: (OFFICE_RANK.get(t.office, 9), -t.start.toordinal()))
    past = any(t.end is not None and t.end <= day for t in tenures)
    if current and not former:
        return current[0], past
    return None, past or former


def _titled_tenure(knowledge: Knowledge, phrase: Phrase, key: str, day: date) -> Tenure | None:
    """The person's tenure of an office the phrase itself names ("Defence Secretary Ben Wallace")."""
    offices = {knowledge.titles[ref].office for m in phrase.matches for ref in m.refs("title")}
    tenures = [t for t in knowledge.tenures_of(key) if t.office in offices]
    current = [t for t in tenures if t.covers(day)]
    return (current or sorted(tenures, key=lambda t: t.start))[-1] if tenures else None


def _remember_titles(state: DocState, phrase: Phrase, key: str) -> None:
    for match in phrase.matches:
        for ref in match.refs("title"):
            state.titled[ref] = key


def known_person(knowledge: Knowledge, phrase: Phrase, key: str, state: DocState, mods: list[str]) -> Candidate:
    entity = knowledge.entities[key]
    _remember_titles(state, phrase, f"person:{key}")
    former = "ELI" in mods
    tenure, was = _person_sector_and_role(knowledge, key, state.day, former)
    if not former:
        tenure = _titled_tenure(knowledge, phrase, key, state.day) or tenure
    state.persons_seen.add(key)
    if tenure is not None:
        state.last_office = tenure.office
        where = tenure.organization or _country_name(knowledge, tenure.country)
        role = tenure.title if " of " in tenure.title else f"{tenure.title} of {where}"
        return Candidate(phrase.start, phrase.end, f"person:{key}", entity.name, "person", tenure.country,
                         tenure.sector, role, code_of(tenure.country, tenure.sector), entity.wikidata, tenure.office)
    tenures = knowledge.tenures_of(key)
    country = entity.country or (max(tenures, key=lambda t: t.start).country if tenures else None)
    sector = "ELI" if was and tenures else (entity.sector or _title_sector(knowledge, phrase) or ("ELI" if was else None))
    return Candidate(phrase.start, phrase.end, f"person:{key}", entity.name, "person", country, sector, None,
                     code_of(country, sector), entity.wikidata)


def _titles(knowledge: Knowledge, phrase: Phrase) -> list[tuple[Match, Title]]:
    return [(m, knowledge.titles[ref]) for m in phrase.matches for ref in m.refs("title")]


def _title_sector(knowledge: Knowledge, phrase: Phrase) -> str | None:
    return next((title.sector for _, title in _titles(knowledge, phrase) if title.sector), None)


def pick_surname(knowledge: Knowledge, phrase: Phrase, keys: list[str], country: str | None,
                 state: DocState) -> str | None:
    """Which known person a surname means: one holding the office the phrase names, one named earlier,
    else one in office on the day."""
    offices = {knowledge.titles[ref].office for m in phrase.matches for ref in m.refs("title")} - {None}
    if offices:
        keys = [key for key in keys if any(t.office in offices for t in knowledge.tenures_of(key))] or keys
    seen = [key for key in keys if key in state.persons_seen]
    if seen:
        return seen[-1]
    serving = [key for key in keys if any(t.covers(state.day) for t in knowledge.tenures_of(key))]
    if country is not None:
        serving = [key for key in serving if any(t.country == country for t in knowledge.tenures_of(key))] or serving
    if len(serving) >= 1:
        return serving[0]
    return keys[0] if len(keys) == 1 else None


def surname_allowed(doc: Doc, match: Match, phrase: Phrase, knowledge: Knowledge, state: DocState) -> bool:
    """A bare surname names a known person after a title, after their full name, or while in office."""
    token = doc[match.start]
    before = doc[match.start - 1] if match.start > phrase.start else None
    titled = {i for m, _ in _titles(knowledge, phrase) for i in range(m.start, m.end)}
    if before is not None and before.i not in titled and before.pos_ == "PROPN" and before.text[:1].isupper():
        return False  # "Chelsea Clinton" is not Hillary Clinton
    if titled or any(key in state.persons_seen for key in match.refs("surname")):
        return True
    if token.lower_ in COMMON_SURNAMES or (token.ent_type_ and token.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP")):
        return False
    serving = any(t.covers(state.day) for key in match.refs("surname") for t in knowledge.tenures_of(key))
    return serving and (state.lower_doc or token.text[:1].isupper())


def person_name_span(doc: Doc, phrase: Phrase, knowledge: Knowledge) -> tuple[int, int] | None:
    """Tokens of an unknown person's name: the PERSON entity at the head, or proper nouns after a title."""
    head = doc[phrase.head]
    if head.ent_type_ == "PERSON":
        start = head.i
        while start > phrase.start and doc[start].ent_iob_ == "I":
            start -= 1
        titled = {i for m, _ in _titles(knowledge, phrase) for i in range(m.start, m.end)}
        while start in titled and start < head.i:
            start += 1
        return start, head.i + 1
    titles = [m for m, title in _titles(knowledge, phrase) if m.end <= head.i]
    if titles and head.pos_ in NAME_TAGS:
        start = head.i
        while start - 1 >= titles[-1].end and doc[start - 1].pos_ in NAME_TAGS:
            start -= 1
        return start, head.i + 1
    return None


def unknown_person(doc: Doc, knowledge: Knowledge, phrase: Phrase, span: tuple[int, int], state: DocState,
                   mods: list[str]) -> Candidate:
    name = doc[span[0]:span[1]].text
    words = name.split()
    key = state.unknown_surnames.get(name) if len(words) == 1 else None
    key = key or f"person:{name}"
    if len(words) >= 2:
        state.unknown_surnames.setdefault(words[-1], key)
        state.unknown_surnames.setdefault(words[0], key)  # "Hillary" after "Hillary Clinton"
    outside = replace(phrase, matches=tuple(m for m in phrase.matches if m.end <= span[0] or m.start >= span[1]))
    country = phrase_country(knowledge, outside, None)  # "Mark Cuban" is not Cuban
    titles = _titles(knowledge, phrase)
    _remember_titles(state, phrase, key)
    sector = "ELI" if "ELI" in mods else (_title_sector(knowledge, phrase) or next(
        (s for s in mods if s != "ELI"), None) or "CVL")
    office_title = next(((m, t) for m, t in titles if t.office and t.office != "counterpart"), None)
    role = doc[titles[0][0].start:titles[-1][0].end].text if titles else None
    if office_title is not None and country is not None and "ELI" not in mods:
        holder = knowledge.holder(office_title[1].office or "", country, state.day)
        if holder is not None and holder.person.split()[-1].lower() == words[-1].lower():
            return known_person(knowledge, phrase, holder.person, state, mods)
    return Candidate(phrase.start, phrase.end, key, name, "person", country, sector, role, code_of(country, sector))


def collective(knowledge: Knowledge, phrase: Phrase, country: str | None, sector: str | None,
               kind: str | None = None) -> Candidate:
    """A country's organ or population ("Russian troops", "Kiev", "Ukrainian officials"): one per code."""
    label = knowledge.sector_labels.get(sector or "", "")
    adjective = _adjective(knowledge, country) if country else ""
    if country and country not in knowledge.countries:
        # an international body: "United Nations" for its peacekeepers, "European Union legislature"
        adjective = _country_name(knowledge, country)
        label = "" if sector == "IGO" else label
    name = " ".join(part for part in (adjective, label) if part) or "unidentified actors"
    if kind is None and country and country not in knowledge.countries:
        kind = "organization"
    elif kind is None:
        kind = "state" if country and sector in STATE_ORGAN_SECTORS else "group"
    return Candidate(phrase.start, phrase.end, f"group:{country}:{sector}", name, kind, country, sector, None,
                     code_of(country, sector))


def entity_candidate(phrase: Phrase, entity: Entity) -> Candidate:
    if entity.kind == "state":
        # seats of power stand for a state organ: "the White House" is the US government
        return Candidate(phrase.start, phrase.end, f"group:{entity.country}:{entity.sector}", entity.name, "state",
                         entity.country, entity.sector, None, code_of(entity.country, entity.sector), entity.wikidata)
    code = entity.code or code_of(entity.country, entity.sector)
    return Candidate(phrase.start, phrase.end, f"entity:{entity.key}", entity.name, entity.kind, entity.country,
                     entity.sector, None, code, entity.wikidata)


def _entity_modifiers(knowledge: Knowledge, phrase: Phrase, skip: Match | None) -> list[Entity]:
    """Named entities among the phrase's other words, except after 'to' ("ambassador to the UN")."""
    return [knowledge.entities[ref] for m in phrase.matches
            if m is not skip and (phrase.to_start is None or m.start < phrase.to_start) for ref in m.refs("entity")]


def group_from_noun(knowledge: Knowledge, phrase: Phrase, noun: Match, mods: list[str]) -> Candidate:
    """A phrase headed by a sector noun: 'Russian troops', 'US intelligence officials', 'Boko Haram gunmen'."""
    generic = noun.has("generic") and not noun.has("noun")
    own = (noun.refs("noun") or noun.refs("generic"))[0]
    own_sector = None if own == "none" else own
    entities = [e for e in _entity_modifiers(knowledge, phrase, noun) if e.kind != "person"]
    armed = next((e for e in entities if e.kind == "group"), None)
    if armed is not None and (generic or own_sector in ("REB", "UAF", "CRM", "PTY", "MIL")):
        # "Hamas fighters", "YPG forces", "Wagner troops": the armed group itself
        return entity_candidate(phrase, armed)
    country = phrase_country(knowledge, phrase, noun)
    other_nouns = [ref for m in phrase.matches if m is not noun for ref in m.refs("noun")]
    specific = [s for s in mods if s not in ("ELI", "CVL")]
    if generic:
        entity_sector = next((e.sector for e in entities if e.sector), None)
        sector = entity_sector or (specific[0] if specific else None) or (
            other_nouns[-1] if other_nouns else None) or ("CVL" if "CVL" in mods else own_sector)
    elif own_sector in ("JRN", "BUS") and "GOV" in mods:
        sector = "GOV"  # state-run media and companies are organs of the government
    else:
        sector = own_sector
    if "ELI" in mods:
        sector = "ELI"
    if country is None and entities:
        country = entities[0].country
    return collective(knowledge, phrase, country, sector)


def from_title(doc: Doc, knowledge: Knowledge, phrase: Phrase, title_match: Match, state: DocState,
               mods: list[str]) -> Candidate | None:
    """'the US president', "Russia's foreign minister", 'his Russian counterpart': the holder on the day."""
    phrase_text = title_match.refs("title")[0]
    title = knowledge.titles[phrase_text]
    office = state.last_office if title.office == "counterpart" else title.office
    if title_match.start > 0 and doc[title_match.start - 1].lower_ in DEPUTY_WORDS:
        office = None  # "deputy foreign minister" is not the foreign minister
    former = "ELI" in mods
    entities = [e for e in _entity_modifiers(knowledge, phrase, title_match) if e.kind in ("organization", "group")]
    country = phrase_country(knowledge, phrase, title_match, doc if doc.has_annotation("DEP") else None)
    if title.office is None and title.sector is None and not entities:
        return None  # a bare honorific ("Mr") names nobody
    previous = doc[phrase.start - 1].lower_ if phrase.start > 0 else ""
    if title.takes_name and phrase.end - phrase.start == 1 and previous not in ("the", "a", "an", "this", "that"):
        return None  # a rank word on its own ("in general", "private") is no actor
    text = doc[title_match.start:title_match.end].text
    if entities and entities[0].country and not knowledge.countries.get(entities[0].country or ""):
        organisation = entities[0]  # an international body: "UN Secretary-General", "EU foreign policy chief"
        holder = None if former else knowledge.organization_holder(organisation.key, text, state.day)
        if holder is not None:
            return known_person(knowledge, phrase, holder.person, state, mods)
        country = organisation.country
    elif entities:
        organisation = entities[0]  # "president of the Riigikogu", "IDF chief of staff"
        sector = "ELI" if former else (organisation.sector or title.sector)
        return Candidate(phrase.start, phrase.end, f"role:{organisation.key}:{phrase_text}",
                         f"{text} of {organisation.name}", "person", organisation.country, sector, text,
                         code_of(organisation.country, sector), from_role=True)
    if office and country and not former:
        holder = knowledge.holder(office, country, state.day)
        if holder is None and not knowledge.has_office(office, country):
            fallback = FALLBACK_OFFICE.get(office)
            holder = knowledge.holder(fallback, country, state.day) if fallback else None
        if holder is not None:
            return known_person(knowledge, phrase, holder.person, state, mods)
    if office and office != "counterpart" and not former:
        state.last_office = office
    earlier = state.titled.get(phrase_text) if country is None and not former else None
    if earlier is not None:
        # "the mayor" after "Mayor Bill de Blasio"
        return Candidate(phrase.start, phrase.end, earlier, text, "person", from_role=True)
    sector = "ELI" if former else (title.sector or "GOV")
    where = _country_name(knowledge, country) if country else ""
    role = f"{text} of {where}" if where else text
    key = f"role:{country}:{office or phrase_text}{':former' if former else ''}"
    return Candidate(phrase.start, phrase.end, key, role, "person", country, sector, role, code_of(country, sector),
                     office=office, from_role=True)


def _inside_name(doc: Doc, phrase: Phrase, head: Match) -> bool:
    """A demonym or place ending a person's name ("Mark Cuban") is part of the name."""
    token = doc[phrase.head]
    return (not head.has("entity", "title", "noun", "generic", "metonym", "country") and token.ent_type_ == "PERSON"
            and token.ent_iob_ == "I")


def resolve_phrase(doc: Doc, knowledge: Knowledge, phrase: Phrase, state: DocState) -> Candidate | None:
    """The actor a phrase names, or None when its head is not an actor ('the talks', 'in Gujarat')."""
    head = phrase.head_match()
    if head is not None and head.has("person", "surname", "entity", "country", "metonym") and phrase.end > head.end:
        # a name is not extended by its attachments: "Lavrov in Stockholm" is a mention of "Lavrov"
        phrase = replace(phrase, end=head.end, to_start=None,
                         matches=tuple(m for m in phrase.matches if m.end <= head.end))
    mods = modifier_sectors(phrase)
    if head is not None and head.has("person"):
        return known_person(knowledge, phrase, head.refs("person")[0], state, mods)
    if head is not None and head.has("surname") and surname_allowed(doc, head, phrase, knowledge, state):
        key = pick_surname(knowledge, phrase, head.refs("surname"), phrase_country(knowledge, phrase, head), state)
        if key is not None:
            return known_person(knowledge, phrase, key, state, mods)
    earlier = state.unknown_surnames.get(doc[phrase.head].text) if phrase.end - phrase.start <= 2 else None
    if earlier is not None and (head is None or head.has("surname")):
        name = earlier.split(":", 1)[1]
        return Candidate(phrase.start, phrase.end, earlier, name, "person")  # "Caddell" after "Pat Caddell"
    named = head is None or head.has("surname") or _inside_name(doc, phrase, head)
    name_span = person_name_span(doc, phrase, knowledge) if named else None
    if name_span is not None:
        return unknown_person(doc, knowledge, phrase, name_span, state, mods)
    if head is None:
        return _headless(doc, knowledge, phrase, mods)
    if head.has("entity"):
        return entity_candidate(phrase, knowledge.entities[head.refs("entity")[0]])
    if head.has("title") and not head.has("noun"):
        return from_title(doc, knowledge, phrase, head, state, mods)
    if head.has("noun", "generic"):
        return group_from_noun(knowledge, phrase, head, mods)
    if not head.has("metonym", "country", "adjective") and doc[phrase.head].ent_type_ == "ORG":
        return _headless(doc, knowledge, phrase, mods)  # "... Alliance Northern Territory": an organisation
    return _place_like(doc, knowledge, phrase, head, mods)


def _is_location(phrase: Phrase, doc: Doc) -> bool:
    token = doc[phrase.head]
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS


def _place_like(doc: Doc, knowledge: Knowledge, phrase: Phrase, head: Match, mods: list[str]) -> Candidate | None:
    if head.has("metonym"):
        if _is_location(phrase, doc) or opens_dateline(doc, phrase.start, phrase.end):
            return None  # "talks in Moscow": the city as a place, not the government
        return collective(knowledge, phrase, head.refs("metonym")[0], "GOV", kind="state")
    if head.has("country"):
        iso = head.refs("country")[0]
        country = knowledge.countries.get(iso)
        name = country.name if country else iso
        return Candidate(phrase.start, phrase.end, f"state:{iso}", name, "state", iso, None, None, iso,
                         country.wikidata if country else None)
    if head.has("adjective"):
        # a demonym used as a noun: "Palestinians", "the British", "ordinary Kazakhs"
        iso = head.refs("adjective")[0]
        sector = next((s for s in mods if s != "ELI"), None)
        return Candidate(phrase.start, phrase.end, f"people:{iso}:{sector}", f"{_adjective(knowledge, iso)} people",
                         "group", iso, sector, None, code_of(iso, sector))
    return None


def _headless(doc: Doc, knowledge: Knowledge, phrase: Phrase, mods: list[str]) -> Candidate | None:
    """The head matched nothing: a sector noun used as a modifier ('police station'), or an unknown organisation."""
    before = [m for m in phrase.matches if m.end <= phrase.head]
    noun = next((m for m in reversed(before) if m.has("noun", "generic")), None)
    head = doc[phrase.head]
    if head.ent_type_ == "ORG" or (noun is None and head.pos_ == "PROPN" and phrase.matches and head.ent_type_ != "GPE"):
        country = phrase_country(knowledge, phrase, None)
        nouns = [ref for m in phrase.matches for ref in m.refs("noun")]
        sector = nouns[-1] if nouns else None
        name = doc[phrase.start:phrase.head + 1].text
        if sector is None and country is None and not (name.isupper() and len(name) >= 3):
            return None  # an unknown name with nothing saying it is an actor ("Bad Optics")
        return Candidate(phrase.start, phrase.end, f"org:{name.lower()}", name, "organization", country, sector,
                         None, code_of(country, sector))
    if noun is not None and noun.end >= phrase.head - 1:
        return group_from_noun(knowledge, phrase, noun, mods)
    return _country_modifier(knowledge, phrase, before)


def _country_modifier(knowledge: Knowledge, phrase: Phrase, before: list[Match]) -> Candidate | None:
    """'Israeli air raids', 'an Indian proposal': the demonym or name before the head names who acts."""
    modifier = next((m for m in reversed(before) if m.has("adjective", "country", "entity")), None)
    if modifier is None:
        return None
    if not modifier.has("adjective", "country"):
        # "Israeli army bulldozers": the named organisation acts
        entity = entity_candidate(phrase, knowledge.entities[modifier.refs("entity")[0]])
        return replace(entity, start=modifier.start, end=modifier.end)
    iso = (modifier.refs("adjective") or modifier.refs("country"))[0]
    country = knowledge.countries.get(iso)
    return Candidate(modifier.start, modifier.end, f"state:{iso}", country.name if country else iso, "state", iso,
                     None, None, iso, country.wikidata if country else None)
