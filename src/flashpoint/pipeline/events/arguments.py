"""Who did it to whom: source and target actors of a trigger, read off the dependency parse.

Verbs take their source from the subject (the "by" agent in the passive) and their target from
the object or from "against", "with", "on", ...; nouns take theirs from possessives and modifiers
("Russia's offensive", "Israeli air strikes"), "by", "against", "between", or from the verb that
governs them ("Russia launched an offensive"). Argument words become actor ids through the
actors component's mentions (``actor_id_at``); words without an actor are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from flashpoint.pipeline.doc_ext import ACTOR_MENTIONS, actor_id_at, span_rows

TARGET_PREPS = frozenset({"against", "on", "upon", "with", "at", "into", "toward", "towards", "to", "over", "for"})
NOUN_TARGET_PREPS = TARGET_PREPS | {"of", "in"}
# Where an action happens often names who it is done to ("eased measures in Montenegro").
LOCATION_PREPS = frozenset({"in", "from", "inside", "across", "near"})
SOURCE_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Prepositions through which a noun event shares the agent of the clause it sits in
# ("urged Russia to withdraw after a meeting with Lavrov").
CLAUSE_PREPS = frozenset({"after", "before", "during", "at", "following", "in", "since", "ahead"})


# Event types whose object is the actor's own means ("massed troops", "troops were gathered"):
# the forces moved are not the target, and without a named source their owner acts.
FORCE_OBJECT_TYPES = frozenset({"MOBILIZE"})
FORCE_SECTORS = frozenset({"MIL", "COP"})


@dataclass(frozen=True)
class Arguments:
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()


def actors_of(token: Token, depth: int = 0) -> list[str]:
    """Actor ids named by a word: the word itself, else its name-like modifiers ('Russian troops')."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return actors_of(token.head.head, depth + 1) if depth < 3 else []
    doc = token.doc
    found = actor_id_at(doc, token.idx, token.idx + len(token))
    if found is not None:
        return [found]
    ids: list[str] = []
    if depth >= 2:
        return ids
    for child in token.children:
        if child.dep_ in {"compound", "amod", "poss", "nmod", "appos"}:
            ids.extend(actors_of(child, depth + 1))
        elif child.dep_ == "prep" and child.lower_ in {"of", "from"}:
            for grand in children(child, "pobj"):
                ids.extend(actors_of(grand, depth + 1))
    return unique(ids)


def unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def actors_of_group(token: Token) -> list[str]:
    """Actors of a word and of the words coordinated with it ('Jordan and Britain')."""
    ids: list[str] = []
    for member in (token, *token.conjuncts):
        ids.extend(actors_of(member))
    return unique(ids)


def children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    objects = []
    for prep in children(token, "prep", "agent"):
        if prep.lower_ in preps:
            objects.extend(children(prep, "pobj", "pcomp"))
    return objects


def verb_subject_actors(verb: Token, depth: int = 0) -> list[str]:
    """The acting subject of a verb, borrowed from the governing clause when it has none."""
    if verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"} or children(verb, "auxpass", "nsubjpass"):
        agents = prep_objects(verb, frozenset({"by"}))
        return unique([i for agent in agents for i in actors_of_group(agent)])
    subjects = children(verb, "nsubj", "csubj")
    if subjects:
        found = unique([i for subject in subjects for i in actors_of_group(subject)])
        if found or depth >= 3 or not all(subject.pos_ == "PRON" for subject in subjects):
            return found
        # "Bouteflika said he is prepared to ...": a pronoun takes the subject of the clause above
        return verb_subject_actors(verb.head, depth + 1) if verb.dep_ in {"ccomp", "advcl", "conj"} else []
    if depth >= 3:
        return []
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        return verb_subject_actors(head.head, depth + 1)  # "is willing to send"
    if verb.dep_ == "xcomp":
        # "urged Russia to withdraw": the governing verb's object acts
        objects = children(head, "dobj")
        if objects:
            return unique([i for obj in objects for i in actors_of_group(obj)])
        return verb_subject_actors(head, depth + 1)
    if verb.dep_ in {"conj", "advcl", "pcomp"} and head.pos_ in {"VERB", "AUX"}:
        return verb_subject_actors(head, depth + 1)
    if verb.dep_ == "pcomp" and head.head.pos_ in {"VERB", "AUX"}:
        return verb_subject_actors(head.head, depth + 1)
    if verb.dep_ in {"acl", "relcl"}:
        return actors_of(head)
    return []


def verb_arguments(verb: Token) -> Arguments:
    source = verb_subject_actors(verb)
    passive = bool(children(verb, "auxpass", "nsubjpass")) or (verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"})
    if passive:
        patients = children(verb, "nsubjpass") or ([verb.head] if verb.dep_ in {"acl", "amod"} else [])
    else:
        patients = children(verb, "dobj", "dative")
        relative = verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}
        if not patients and relative and any(child.dep_ == "nsubj" for child in verb.children):
            # "the town which the army shelled": the modified noun is the object
            patients = [verb.head]
    target_ids = [i for patient in patients for i in actors_of_group(patient)]
    if not target_ids:
        target_ids = [i for obj in prep_objects(verb, TARGET_PREPS) for i in actors_of_group(obj)]
    if not target_ids:
        # "agreed to provide aid to Romania": the embedded action's target
        for child in children(verb, "xcomp"):
            target_ids = list(verb_arguments(child).target)
            if target_ids:
                break
    if not target_ids:
        target_ids = [i for obj in prep_objects(verb, LOCATION_PREPS) for i in actors_of_group(obj)]
    return finish(source, target_ids)


def governing_verb(noun: Token) -> Token | None:
    """The verb whose argument a noun event is: 'launched an offensive', 'after a meeting'."""
    if noun.dep_ in {"dobj", "nsubjpass", "attr", "oprd"} and noun.head.pos_ in {"VERB", "AUX"}:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in CLAUSE_PREPS:
        verb = noun.head.head
        if verb.pos_ in {"VERB", "AUX"}:
            return verb
    if noun.dep_ == "conj":
        return governing_verb(noun.head)
    return None


def noun_arguments(noun: Token) -> Arguments:
    source: list[str] = []
    for child in noun.children:
        if child.dep_ in SOURCE_MODIFIER_DEPS:
            source.extend(actors_of(child))
    source.extend(i for agent in prep_objects(noun, frozenset({"by", "from"})) for i in actors_of_group(agent))
    pairs = prep_objects(noun, frozenset({"between", "among", "amongst"}))
    target: list[str] = []
    if pairs and not source:
        # "launched a mediation effort between A and B": whoever launched it acts on both
        verb = governing_verb(noun)
        source = verb_subject_actors(verb) if verb is not None and noun.dep_ == "dobj" else []
    for obj in pairs:
        members = actors_of_group(obj)
        if not source and members:
            source, members = members[:1], members[1:]
        target.extend(members)
    target.extend(i for obj in prep_objects(noun, NOUN_TARGET_PREPS) for i in actors_of_group(obj))
    if not source:
        verb = governing_verb(noun)
        if verb is not None:
            source = verb_subject_actors(verb)
            if not target and noun.dep_ == "dobj":
                target = [i for obj in prep_objects(verb, TARGET_PREPS) for i in actors_of_group(obj)]
    return finish(source, target)


def finish(source: list[str], target: list[str]) -> Arguments:
    source = unique(source)
    return Arguments(source=tuple(source), target=tuple(t for t in unique(target) if t not in source))


def trigger_arguments(root: Token, verbal: bool, nearby: bool = True) -> Arguments:
    found = verb_arguments(root) if verbal and root.pos_ in {"VERB", "AUX"} else noun_arguments(root)
    if (found.source and found.target) or not nearby:
        return found
    return with_nearby_actors(root, found)


def with_nearby_actors(root: Token, found: Arguments, fill_target: bool = True) -> Arguments:
    """Fill a missing side from the actors of the trigger's sentence: the nearest one before
    the trigger as source, the nearest one after it as target (the usual news word order).
    ``fill_target`` is off for events whose target the text must name: a build-up of troops is
    not aimed at whoever the sentence names next."""
    doc = root.doc
    if not span_rows(doc, ACTOR_MENTIONS):
        return found
    # named actors (with a country) before generic ones ("civilians", "the military")
    countries = {actor.id: actor.country for actor in doc._.fp_actors}
    before, after = actors_around(root)
    source = list(found.source) or pick([i for i in before if i not in found.target], countries)
    target = list(found.target) or (pick([i for i in after if i not in source], countries) if fill_target else [])
    return finish(source, target)


def forces_as_source(root: Token, found: Arguments, event_type: str) -> Arguments:
    """For a MOBILIZE, armed forces named as its object or passive subject are what is moved:
    they leave the target, and act as source when nobody else does ("troops are gathered")."""
    if event_type not in FORCE_OBJECT_TYPES or root.pos_ not in {"VERB", "AUX"} or not found.target:
        return found
    sectors = {actor.id: actor.sector for actor in root.doc._.fp_actors}
    patients = children(root, "nsubjpass", "dobj")
    moved = [i for patient in patients for i in actors_of_group(patient) if sectors.get(i) in FORCE_SECTORS]
    if not moved:
        return found
    source = list(found.source) or moved[:1]
    return finish(source, [i for i in found.target if i not in moved])


def actors_around(root: Token) -> tuple[list[str], list[str]]:
    """Actor ids mentioned in the trigger's sentence before it (nearest first) and after it (in order)."""
    sentence = root.sent
    rows = span_rows(root.doc, ACTOR_MENTIONS)
    before = [label for _, _, start, end, label in rows if sentence.start <= start and end <= root.i][::-1]
    after = [label for _, _, start, end, label in rows if root.i < start and end <= sentence.end]
    return before, after


def pick(candidates: list[str], countries: dict[str, str | None]) -> list[str]:
    named = [i for i in candidates if countries.get(i)]
    return (named or candidates)[:1]


def prefer_named_actors(root: Token, found: Arguments) -> Arguments:
    """A side filled only by generic actors without a country ("the military", "civilians",
    "the government") takes the nearest named actor of the clause on its side of the trigger
    instead: "provided intelligence to Macedonia" is done to Macedonia, whose country counts."""
    doc = root.doc
    if not span_rows(doc, ACTOR_MENTIONS):
        return found
    countries = {actor.id: actor.country for actor in doc._.fp_actors}
    source, target = list(found.source), list(found.target)
    generic_source = bool(source) and not any(countries.get(i) for i in source)
    generic_target = bool(target) and not any(countries.get(i) for i in target)
    if not (generic_source or generic_target):
        return found
    before, after = actors_around(root)
    if generic_source:
        named = [i for i in before if countries.get(i) and i not in target]
        source = named[:1] or source
    if generic_target:
        named = [i for i in after if countries.get(i) and i not in source]
        target = named[:1] or target
    return finish(source, target)
