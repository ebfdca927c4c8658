"""The places component: geoparses the article and writes doc._.fp_places and its mention spans.

The logic lives in flashpoint.geoparse (finding and resolving toponyms) and flashpoint.gazetteer
(the compiled GeoNames index); this module only wires the Doc to them and builds the models.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from flashpoint.data import bundled_path
from flashpoint.gazetteer import Gazetteer, GazetteerPlace, load_gazetteer
from flashpoint.gazetteer.names import name_key
from flashpoint.geoparse import (
    SCAN_CITY_POPULATION,
    SCAN_FEATURES,
    STRONG_CITY_POPULATION,
    ResolvedMention,
    abbreviation_toponyms,
    compile_abbreviations,
    entity_toponyms,
    lookup_toponyms,
    name_heads,
    person_names,
    resolve,
    scan_toponyms,
    with_direction,
    without_overlaps,
)
from flashpoint.model import Place
from flashpoint.model import Span as SpanModel
from flashpoint.pipeline.doc_ext import PLACE_MENTIONS, doc_text, excluded_char_ranges, register_extensions
from flashpoint.settings import Settings

# Words that put an event at a place: "met in Stockholm", "clashes near Donetsk".
LOCATIVE_WORDS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "into", "on"})


def place_key(place: GazetteerPlace) -> tuple:
    return (place.geonameid, place.name, place.lat, place.lon) if place.geonameid is None else (place.geonameid,)


def build_places(text: str, mentions: Sequence[ResolvedMention], gazetteer: Gazetteer) -> list[tuple[Place, list[tuple[int, int]]]]:
    """One Place per distinct gazetteer entry, ids p1, p2... in order of first mention."""
    grouped: dict[tuple, tuple[GazetteerPlace, list[tuple[int, int]]]] = {}
    for mention in sorted(mentions, key=lambda item: item.toponym.start):
        key = place_key(mention.place)
        grouped.setdefault(key, (mention.place, []))[1].append((mention.toponym.start, mention.toponym.end))
    places: list[tuple[Place, list[tuple[int, int]]]] = []
    for number, (place, offsets) in enumerate(grouped.values(), start=1):
        model = Place(
            id=f"p{number}",
            name=place.name,
            feature=place.feature,
            country=gazetteer.alpha3(place.country),
            lat=place.lat,
            lon=place.lon,
            geonameid=place.geonameid,
            mentions=tuple(SpanModel.of(text, start, end) for start, end in offsets),
        )
        places.append((model, offsets))
    return places


def actor_countries(doc: Doc, gazetteer: Gazetteer) -> list[str]:
    """ISO alpha-2 codes of the actors' countries (the actors component may not have run).

    An actor named only by a place name ("Georgia said") is skipped: its country is the
    actors component's own reading of that toponym, and counting it would let the reading
    vote for itself.
    """
    codes: list[str] = []
    for actor in doc._.fp_actors or ():
        code = getattr(actor, "country", None)
        if code not in gazetteer.iso2:
            continue
        if all(gazetteer.has_name(mention.text) for mention in actor.mentions):
            continue
        codes.append(gazetteer.iso2[code])
    return codes


def place_of(doc: Doc, start_char: int, end_char: int) -> Place | None:
    """The place where something said at [start_char, end_char) happens, if its sentence names one.

    A place mention inside the range wins; otherwise the sentence's place mentions that follow a
    locative word ("in", "at", "near"...) are preferred, the nearest first; otherwise the nearest
    place mention of the sentence. Needs doc.sents (a parser or sentencizer).
    """
    group = doc.spans.get(PLACE_MENTIONS)
    if not group:
        return None
    by_id = {place.id: place for place in doc._.fp_places}
    inside = [span for span in group if start_char <= span.start_char and span.end_char <= end_char]
    if inside:
        return by_id.get(inside[0].label_)
    anchor = doc.char_span(start_char, end_char, alignment_mode="expand")
    if anchor is None:
        return None
    sentence = anchor.sent
    in_sentence = [span for span in group if sentence.start <= span.start and span.end <= sentence.end]
    if not in_sentence:
        return None

    def rank(span: Span) -> tuple[int, int]:
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        distance = min(abs(span.start_char - end_char), abs(start_char - span.end_char))
        return (0 if before in LOCATIVE_WORDS else 1, distance)

    return by_id.get(min(in_sentence, key=rank).label_)


class PlacesComponent:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.scan_keys = frozenset(
            gazetteer.names_of_features(SCAN_FEATURES) | gazetteer.names_of_features(frozenset({"city"}), SCAN_CITY_POPULATION)
        )
        self.scan_keys -= load_not_places(bundled_path("places", "not_places.txt"))
        self.scan_heads = name_heads(self.scan_keys)
        self.strong_keys = frozenset(gazetteer.strong_names(STRONG_CITY_POPULATION))
        self.abbreviations = compile_abbreviations(gazetteer.abbreviation_pattern())

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)    # built once: Doc.text walks every token
        excluded = excluded_char_ranges(doc)
        entities = [toponym for toponym in entity_toponyms(doc) if not _overlaps(toponym.start, toponym.end, excluded)]
        taken = [(toponym.start, toponym.end) for toponym in entities] + list(excluded)
        scanned = scan_toponyms(
            doc, self.scan_keys, taken, standalone=True, strong_keys=self.strong_keys, heads=self.scan_heads
        )
        found = entities + scanned
        found += abbreviation_toponyms(text, found, self.abbreviations)
        # One sense per discourse: a name read as a place once is a place wherever it recurs.
        known = frozenset(name_key(toponym.text) for toponym, _ in lookup_toponyms(found, self.gazetteer))
        found += scan_toponyms(doc, known, [(toponym.start, toponym.end) for toponym in found] + list(excluded))
        persons = person_names(doc)
        toponyms = without_overlaps(
            with_direction(text, toponym, self.gazetteer) for toponym in found if name_key(toponym.text) not in persons
        )
        mentions = resolve(doc, toponyms, self.gazetteer, actor_countries(doc, self.gazetteer))
        places = build_places(text, mentions, self.gazetteer)
        spans = []
        for place, offsets in places:
            for start, end in offsets:
                span = doc.char_span(start, end, label=place.id, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans[PLACE_MENTIONS] = spans
        doc._.fp_places = tuple(place for place, _ in places)
        return doc


def load_not_places(path: Path) -> frozenset[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(name_key(line) for line in lines if line and not line.startswith("#"))


def _overlaps(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(low < end and start < high for low, high in ranges)


@Language.factory(
    "flashpoint_places",
    default_config={"extra_files": [], "cache_dir": ""},
    assigns=["doc._.fp_places"],
)
def make_places(nlp: Language, name: str, extra_files: list[str], cache_dir: str) -> PlacesComponent:
    register_extensions()
    directory = Path(cache_dir) if cache_dir else Settings().cache_dir
    return PlacesComponent(load_gazetteer(directory, [Path(path) for path in extra_files]))
