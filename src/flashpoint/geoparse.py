"""Geoparsing as pure functions: find toponyms in a parsed Doc, resolve them against the gazetteer.

Toponyms come from the model's GPE / LOC / FAC entities and from a gazetteer scan of capitalised
word sequences the model missed (countries, regions, first-level regions, large cities). Each
distinct name is resolved once per article (one sense per discourse) by a score that adds
* a prior: log10 population plus a bonus for the feature type (a country beats a town of the same
  name unless the article points at the town),
* the article's context: the share of the other places' (and actors') mentions that lie in the
  candidate's country and first-level region,
* admin hints: "Paris, Texas" keeps only the candidates inside Texas.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from flashpoint.gazetteer import Gazetteer, GazetteerPlace
from flashpoint.gazetteer.names import name_key
from flashpoint.pipeline.doc_ext import doc_text

ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A gazetteer match inside a person's name is part of that name ("George Washington"); inside an
# organisation it is still a toponym ("Gainesville Police", "Texas Department of Health").
BLOCKING_LABELS = frozenset({"PERSON", "NORP", "LANGUAGE"})
SCAN_FEATURES = frozenset({"country", "admin1", "continent", "region", "water", "capital", "landmark", "admin2"})
SCAN_CITY_POPULATION = 100_000
# A name this well known stays a place even as the first word of a longer name ("Texas Rangers").
STRONG_CITY_POPULATION = 1_000_000
MAX_NAME_TOKENS = 4
DIRECTION_PREFIX = re.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest)\s+)",
    re.IGNORECASE,
)
DIRECTION_BEFORE = re.compile(
    r"\b(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest)\s+$",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"['’]s?$")

FEATURE_PRIOR = {
    "country": 4.0, "continent": 3.0, "region": 3.0, "water": 3.0, "admin1": 2.5,
    "capital": 3.0, "admin2": 1.0, "city": 0.0, "landmark": 0.5,
}
# The model's label says which kinds of place a name is likely to be.
LABEL_FEATURE_BONUS = {
    "LOC": frozenset({"region", "continent", "water", "landmark"}),
    "FAC": frozenset({"landmark"}),
}
COUNTRY_CONTEXT_WEIGHT, COUNTRY_PRESENT_BONUS = 2.5, 0.5
ADMIN_CONTEXT_WEIGHT, ADMIN_PRESENT_BONUS = 2.0, 1.0
HINT_FEATURES = frozenset({"country", "admin1"})
# An actor's country counts as this many place mentions in the article's context.
ACTOR_VOTE = 0.5
# GeoNames lists a region's capital among the region's names ("Alexandria" for its governorate);
# the plain name means the city unless the article says otherwise.
ADMIN_ALIAS_PENALTY = 3.0


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    text: str
    label: str  # the entity label, or "GAZ" for a gazetteer match


@dataclass(frozen=True)
class ResolvedMention:
    toponym: Toponym
    place: GazetteerPlace


@dataclass(frozen=True)
class Context:
    """How the article's place and actor mentions spread over countries and regions."""

    countries: Counter[str]
    regions: Counter[tuple[str, str]]
    total: float


def trim_name(text: str) -> tuple[int, int]:
    """Offsets (within text) of the name without a leading article, direction word or possessive."""
    start, end = 0, len(text)
    lowered = text.lower()
    if lowered.startswith("the "):
        start = 4
    possessive = POSSESSIVE.search(text[start:end])
    if possessive and possessive.start() > 0:
        end = start + possessive.start()
    return start, end


def lookup_name(gazetteer: Gazetteer, text: str) -> tuple[int, int, tuple[GazetteerPlace, ...]]:
    """Candidates for a toponym's text, retrying without a direction word ('southern Lebanon')."""
    start, end = trim_name(text)
    candidates = gazetteer.lookup(text[start:end])
    if candidates:
        return start, end, candidates
    direction = DIRECTION_PREFIX.match(text[start:end])
    if direction:
        inner = start + direction.end()
        candidates = gazetteer.lookup(text[inner:end])
        if candidates:
            return inner, end, candidates
    return start, end, ()


def entity_toponyms(doc: Doc) -> list[Toponym]:
    return [
        Toponym(ent.start_char, ent.end_char, ent.text, ent.label_)
        for ent in doc.ents
        if ent.label_ in ENTITY_LABELS
    ]


def name_heads(keys: Iterable[str]) -> frozenset[str]:
    """The first word of every key, plus "the" (dropped from keys but written in the text): a
    capitalised word outside this set cannot start a name, so the scan skips it at once."""
    return frozenset(key.split(" ", 1)[0] for key in keys) | {"the"}


def scan_toponyms(
    doc: Doc, scan_keys: frozenset[str], taken: Sequence[tuple[int, int]],
    standalone: bool = False, strong_keys: frozenset[str] = frozenset(),
    heads: frozenset[str] | None = None,
) -> list[Toponym]:
    """Capitalised word sequences naming a known place that no entity covers.

    Longest match first; a match inside a person's or a nationality's entity is skipped. With
    ``standalone``, a one-word match followed by another capitalised word is taken as the start
    of a longer name ("Olympic Games") and skipped, unless it is one of ``strong_keys``.
    """
    blocked = [
        (ent.start, ent.end, ent.label_) for ent in doc.ents if ent.label_ in BLOCKING_LABELS
    ]
    occupied = [(start, end) for start, end in taken]
    heads = name_heads(scan_keys) if heads is None else heads
    found: list[Toponym] = []
    index = 0
    while index < len(doc):
        token = doc[index]
        if not token.text[:1].isupper() or name_key(token.text).split(" ", 1)[0] not in heads:
            index += 1
            continue
        match = _longest_match(doc, index, scan_keys)
        if match is None:
            index += 1
            continue
        span = doc[index:match]
        followed = match < len(doc) and doc[match].text[:1].isupper() and not doc[match].is_sent_start
        if standalone and len(span) == 1 and followed and name_key(span.text) not in strong_keys:
            index = match
            continue
        if _acceptable(span, blocked, occupied):
            found.append(Toponym(span.start_char, span.end_char, span.text, "GAZ"))
            occupied.append((span.start_char, span.end_char))
        index = match
    return found


def _longest_match(doc: Doc, index: int, scan_keys: frozenset[str]) -> int | None:
    for length in range(min(MAX_NAME_TOKENS, len(doc) - index), 0, -1):
        span = doc[index : index + length]
        if span[-1].is_punct or span[-1].is_space:
            continue
        if name_key(span.text) in scan_keys:
            return index + length
    return None


def _acceptable(span: Span, blocked: Iterable[tuple[int, int, str]], occupied: Iterable[tuple[int, int]]) -> bool:
    if any(start < span.end_char and span.start_char < end for start, end in occupied):
        return False
    for start, end, label in blocked:
        # A place named alone is a place even when the model calls it a person ("Kiev denied").
        inside_longer = start < span.end and span.start < end and (end - start) > len(span)
        if inside_longer or (label != "PERSON" and start < span.end and span.start < end):
            return False
    # A capitalised common word ("Nice work", "Reading is ...") is no name.
    return any(token.pos_ == "PROPN" for token in span)


def abbreviation_toponyms(text: str, toponyms: Sequence[Toponym], pattern: re.Pattern[str]) -> list[Toponym]:
    """Region abbreviations right after a toponym and a comma: 'Springfield, Ill.'."""
    found: list[Toponym] = []
    for toponym in toponyms:
        match = pattern.match(text, toponym.end)
        if match:
            found.append(Toponym(match.start(1), match.end(1), match.group(1), "GAZ"))
    return found


def compile_abbreviations(alternation: str) -> re.Pattern[str]:
    return re.compile(rf",[ \t]*({alternation})(?![^\W\d_])")


def person_names(doc: Doc) -> frozenset[str]:
    """Words of the article's full person names: 'Georgia' once 'Georgia Stevens' was named.

    A one-word PERSON entity alone is no evidence (small models call many cities persons).
    """
    return frozenset(
        name_key(token.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for token in ent
    )


def with_direction(text: str, toponym: Toponym, gazetteer: Gazetteer) -> Toponym:
    """'eastern Ukraine' as one toponym when the gazetteer names the whole phrase."""
    window_start = max(0, toponym.start - 24)
    match = DIRECTION_BEFORE.search(text, window_start, toponym.start)
    if match is None:
        return toponym
    phrase = text[match.start() : toponym.end]
    if not gazetteer.has_name(phrase):
        return toponym
    return Toponym(match.start(), toponym.end, phrase, toponym.label)


def without_overlaps(toponyms: Iterable[Toponym]) -> list[Toponym]:
    """Toponyms in text order, dropping any that overlaps an earlier (or, at a tie, longer) one."""
    kept: list[Toponym] = []
    for toponym in sorted(toponyms, key=lambda item: (item.start, -(item.end - item.start))):
        if not kept or toponym.start >= kept[-1].end:
            kept.append(toponym)
    return kept


def admin_hints(doc: Doc, toponyms: Sequence[Toponym]) -> dict[Toponym, Toponym]:
    """'Paris, Texas': the toponym right after a comma hints at the one before it."""
    by_start = {toponym.start: toponym for toponym in toponyms}
    hints: dict[Toponym, Toponym] = {}
    text = doc_text(doc)
    for toponym in toponyms:
        after = toponym.end
        if text[after : after + 1] != ",":
            continue
        following = after + 1
        while following < len(text) and text[following] == " ":
            following += 1
        hint = by_start.get(following)
        if hint is not None:
            hints[toponym] = hint
    return hints


def prior_score(place: GazetteerPlace, label: str, key: str = "") -> float:
    score = math.log10(place.population + 10) + FEATURE_PRIOR.get(place.feature, 0.0)
    if key and place.feature == "admin1" and name_key(place.name) != key:
        score -= ADMIN_ALIAS_PENALTY
    if place.feature in LABEL_FEATURE_BONUS.get(label, frozenset()):
        score += 1.0
    return score


def context_score(place: GazetteerPlace, context: Context, own: Counter[str], own_regions: Counter) -> float:
    """Bonus for lying where the article's other places and actors lie (the name's own votes removed)."""
    total = context.total - sum(own.values())
    if total <= 0 or place.country is None:
        return 0.0
    score = 0.0
    in_country = context.countries[place.country] - own[place.country]
    if in_country > 0:
        score += COUNTRY_PRESENT_BONUS + COUNTRY_CONTEXT_WEIGHT * in_country / total
    if place.admin1 and place.feature != "admin1":
        region = (place.country, place.admin1)
        in_region = context.regions[region] - own_regions[region]
        if in_region > 0:
            score += ADMIN_PRESENT_BONUS + ADMIN_CONTEXT_WEIGHT * in_region / total
    return score


def best_candidate(
    candidates: Sequence[GazetteerPlace], label: str, context: Context | None,
    own: Counter[str] | None = None, own_regions: Counter | None = None, key: str = "",
) -> GazetteerPlace:
    def score(place: GazetteerPlace) -> float:
        value = prior_score(place, label, key)
        if context is not None:
            value += context_score(place, context, own or Counter(), own_regions or Counter())
        return value

    return max(candidates, key=score)


def build_context(choices: Iterable[tuple[GazetteerPlace, int]], actor_countries: Iterable[str]) -> Context:
    countries: Counter[str] = Counter()
    regions: Counter[tuple[str, str]] = Counter()
    total = 0.0
    for place, count in choices:
        total += count
        if place.country:
            countries[place.country] += count
            if place.admin1:
                regions[(place.country, place.admin1)] += count
    for country in actor_countries:
        countries[country] += ACTOR_VOTE
        total += ACTOR_VOTE
    return Context(countries, regions, total)


def filter_by_hint(
    candidates: Sequence[GazetteerPlace], hint: GazetteerPlace, strict: bool = False,
) -> tuple[GazetteerPlace, ...]:
    """The candidates inside the hinted region or country (all of them when none is, unless strict)."""
    if hint.feature == "admin1":
        inside = tuple(
            place for place in candidates
            if place.country == hint.country and place.admin1 == hint.admin1 and place.feature != "admin1"
        )
    elif hint.feature == "country":
        inside = tuple(place for place in candidates if place.country == hint.country and place.feature != "country")
    else:
        inside = ()
    return inside if inside or strict else tuple(candidates)


def resolve_with_hint(
    candidates: Sequence[GazetteerPlace], hint_candidates: Sequence[GazetteerPlace], label: str, context: Context,
) -> tuple[GazetteerPlace, GazetteerPlace] | None:
    """'Paris, Texas': the best (place, hint) pair where the place lies inside the hinted region or country."""
    best: tuple[float, GazetteerPlace, GazetteerPlace] | None = None
    for hint in hint_candidates:
        if hint.feature not in HINT_FEATURES:
            continue
        inside = filter_by_hint(candidates, hint, strict=True)
        if not inside:
            continue
        place = best_candidate(inside, label, context)
        score = prior_score(place, label) + prior_score(hint, "GPE")
        if best is None or score > best[0]:
            best = (score, place, hint)
    return None if best is None else (best[1], best[2])


def lookup_toponyms(
    toponyms: Sequence[Toponym], gazetteer: Gazetteer,
) -> list[tuple[Toponym, tuple[GazetteerPlace, ...]]]:
    """The toponyms the gazetteer knows, trimmed to the name ('the Gaza Strip' -> 'Gaza Strip')."""
    looked_up: list[tuple[Toponym, tuple[GazetteerPlace, ...]]] = []
    for toponym in toponyms:
        abbreviated = gazetteer.abbreviation(toponym.text)
        if abbreviated is not None:
            looked_up.append((toponym, (abbreviated,)))
            continue
        start, end, candidates = lookup_name(gazetteer, toponym.text)
        if candidates:
            trimmed = Toponym(toponym.start + start, toponym.start + end, toponym.text[start:end], toponym.label)
            looked_up.append((trimmed, candidates))
    return looked_up


def resolve(
    doc: Doc, toponyms: Sequence[Toponym], gazetteer: Gazetteer, actor_countries: Sequence[str] = (),
) -> list[ResolvedMention]:
    """Each toponym the gazetteer knows, with the place it most likely names in this article."""
    looked_up = lookup_toponyms(toponyms, gazetteer)
    if not looked_up:
        return []
    by_key: dict[str, tuple[tuple[GazetteerPlace, ...], str, int]] = {}
    for toponym, candidates in looked_up:
        key = name_key(toponym.text)
        _, label, count = by_key.get(key, (candidates, toponym.label, 0))
        by_key[key] = (candidates, label, count + 1)

    first = {key: best_candidate(cands, label, None, key=key) for key, (cands, label, _) in by_key.items()}
    context = build_context(((first[key], count) for key, (_, _, count) in by_key.items()), actor_countries)
    chosen: dict[str, GazetteerPlace] = {}
    for key, (candidates, label, count) in by_key.items():
        own = Counter({first[key].country: count}) if first[key].country else Counter()
        own_regions = Counter({(first[key].country, first[key].admin1): count}) if first[key].admin1 else Counter()
        chosen[key] = best_candidate(candidates, label, context, own, own_regions, key)

    # An admin hint fixes the name for the whole article: "Paris, Texas ... Paris police".
    hints = admin_hints(doc, [toponym for toponym, _ in looked_up])
    candidates_of = {toponym: candidates for toponym, candidates in looked_up}
    for toponym, hint in hints.items():
        pair = resolve_with_hint(candidates_of[toponym], candidates_of[hint], toponym.label, context)
        if pair is not None:
            chosen[name_key(toponym.text)], chosen[name_key(hint.text)] = pair
    return [ResolvedMention(toponym, chosen[name_key(toponym.text)]) for toponym, _ in looked_up]
