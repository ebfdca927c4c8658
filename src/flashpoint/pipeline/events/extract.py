"""From a parsed Doc to the article's events: triggers -> mentions -> merged, coded Events."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from flashpoint.model import Event
from flashpoint.model import Span as TextSpan
from flashpoint.pipeline.doc_ext import doc_text
from flashpoint.pipeline.events.arguments import (
    FORCE_OBJECT_TYPES,
    forces_as_source,
    governing_verb,
    prefer_named_actors,
    trigger_arguments,
    with_nearby_actors,
)
from flashpoint.pipeline.events.factuality import CONTENT_PREPS, FactualityReading, assess, subject_ids
from flashpoint.pipeline.events.linking import (
    date_anchors,
    link,
    place_anchors,
    quote_regions,
    speaker_at,
)
from flashpoint.pipeline.events.merging import DEFINITE_DETERMINERS, Mention, merge_mentions
from flashpoint.pipeline.events.patterns import EventKnowledge
from flashpoint.pipeline.events.triggers import TriggerMatch, find_triggers

FACTUALITY_PENALTY = {"asserted": 0.0, "reported": 0.02, "planned": 0.1, "hypothetical": 0.2, "negated": 0.25, "denied": 0.25}
MAIN_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj"})
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "acl", "nsubjpass", "prep", "conj", "advcl"})
AGENT_ENTITY_TYPES = frozenset({"NORP", "GPE", "ORG", "PERSON"})
UNREALISED = frozenset({"hypothetical", "planned"})
BACKGROUND_PREPS = frozenset({"after", "following", "since", "amid", "during", "before", "despite", "ahead", "prior", "because", "amidst", "like"})


def event_heads(root: Token) -> list[Token]:
    """The words a date or place may hang from: the trigger and, for a noun, its governing verb."""
    heads = [root]
    verb = governing_verb(root)
    if verb is not None:
        heads.append(verb)
    return heads


def linked_tokens(root: Token) -> frozenset[int]:
    """The trigger's head and children, looking through prepositions ("killed in the attack")."""
    linked = {root.head.i, *(child.i for child in root.children)}
    if root.dep_ == "pobj":
        linked.add(root.head.head.i)
    linked.update(grand.i for child in root.children if child.dep_ == "prep" for grand in child.children)
    return frozenset(linked)


def own_agents(root: Token) -> tuple[str, ...]:
    """Names that modify a noun event ("Russian build-up") when no actor id covers them yet."""
    if root.pos_ == "VERB":
        return ()
    return tuple(
        child.text for child in root.children
        if child.dep_ in {"poss", "amod", "compound"} and child.ent_type_ in AGENT_ENTITY_TYPES
    )


def is_definite(root: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in DEFINITE_DETERMINERS for child in root.children)


def score(match: TriggerMatch, root: Token, sentence: Span, source: tuple[str, ...], target: tuple[str, ...], factuality: str, sentence_rank: int) -> float:
    """How sure, and how central: the main event of a snippet should rank first."""
    value = match.pattern.confidence
    value += 0.05 if match.is_verbal and root.pos_ == "VERB" else 0.0
    value += 0.05 if source else 0.0
    value += 0.03 if target else 0.0
    if root.dep_ == "ROOT" or (root.dep_ in MAIN_CLAUSE_DEPS and root.head.dep_ == "ROOT") or (governing_verb(root) or root).i == sentence.root.i:
        value += 0.06
    if root.dep_ in {"acl", "relcl"}:
        value -= 0.08  # a describing clause ("signs condemning ...") is rarely the news itself
    value -= FACTUALITY_PENALTY[factuality]
    value -= min(sentence_rank, 5) * 0.02
    return round(min(0.99, max(0.05, value)), 3)


def clause_subjects(verb: Token) -> list[Token]:
    """The subjects of a verb, borrowed from the verbs it depends on ("is due to hold")."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects or current.dep_ not in {"xcomp", "conj", "acomp"}:
            return subjects
        current = current.head
    return []


def own_voice(doc: Doc, reporter: int | None, root: Token, source: tuple[str, ...]) -> bool:
    """Whether whoever states an intended action is the one who would do it."""
    if reporter is None:
        return True
    speaker = doc[reporter]
    if speaker.pos_ not in {"VERB", "AUX"}:
        return False
    speaker_subjects = clause_subjects(speaker)
    if not speaker_subjects:
        return True  # "..., adding that Washington would ...": the speaker is the one quoted before
    speaker_ids = set(subject_ids(speaker))
    if speaker_ids and source:
        # an official speaks for the state: same actor or same country
        countries = {actor.id: actor.country for actor in doc._.fp_actors}
        speaker_countries = {countries.get(i) for i in speaker_ids} - {None}
        return bool(speaker_ids & set(source)) or bool(speaker_countries & {countries.get(i) for i in source})
    verb = root if root.pos_ in {"VERB", "AUX"} else governing_verb(root)
    if verb is None:
        return False  # "Russia's plans for aggression", said by Blinken: not Blinken's intent
    subjects = clause_subjects(verb)
    return not subjects or all(subject.pos_ == "PRON" for subject in subjects)


def announced_intent(doc: Doc, mention: Mention, reading: FactualityReading, knowledge: EventKnowledge) -> Mention | None:
    """'Washington would impose sanctions' is an asserted THREATEN event, 'will visit' an AGREE one;
    'China must drop barriers', said by someone else, is a REQUEST of the speaker."""
    root = doc[mention.root]
    if reading.obliged and reading.reporter is not None and not own_voice(doc, reading.reporter, root, mention.source):
        speaker = doc[reading.reporter]
        source = tuple(subject_ids(speaker)) if speaker.pos_ in {"VERB", "AUX"} else ()
        return replace(
            mention, type="REQUEST", mode=None, cameo=knowledge.default_cameo("REQUEST"), factuality="asserted",
            source=source, target=mention.source, attributed_to=None, confidence=mention.confidence,
        )
    if not reading.announced or mention.needs_anchor or doc[mention.root].pos_ != "VERB" and mention.type == "ASSAULT":
        return None
    derived = knowledge.intent_for(mention.type, mention.mode)
    if derived is None or not own_voice(doc, reading.reporter, root, mention.source):
        return None
    event_type, cameo, mode = derived
    return replace(
        mention, type=event_type, mode=mode, cameo=cameo, factuality="asserted", attributed_to=None,
        confidence=round(max(0.05, mention.confidence - 0.02), 3),
    )


def build_mentions(
    doc: Doc, match: TriggerMatch, knowledge: EventKnowledge, sentences: list[Span], starts: list[int],
    dates: list, places: list, quotes: list,
) -> list[Mention]:
    root = doc[match.root]
    rank = bisect_right(starts, root.i) - 1
    sentence = sentences[rank]
    syntactic = forces_as_source(root, trigger_arguments(root, match.is_verbal, nearby=False), match.pattern.type)
    if not (syntactic.source and syntactic.target):
        syntactic_or_nearby = with_nearby_actors(root, syntactic, fill_target=match.pattern.type not in FORCE_OBJECT_TYPES)
    else:
        syntactic_or_nearby = syntactic
    arguments = prefer_named_actors(root, syntactic_or_nearby)
    reading = assess(root, knowledge.cues, syntactic.source or own_agents(root))
    factuality, attributed = reading.value, reading.attributed_to
    start_char = doc[match.start].idx
    end_char = doc[match.end - 1].idx + len(doc[match.end - 1])
    quoted, speaker = speaker_at(quotes, start_char, end_char)
    if quoted and factuality == "asserted":
        factuality, attributed = "reported", speaker
    elif quoted and factuality == "reported" and speaker is not None:
        attributed = speaker
    heads = event_heads(root)
    mention = Mention(
        type=match.pattern.type,
        mode=match.pattern.mode,
        cameo=match.pattern.cameo,
        root=root.i,
        head_links=linked_tokens(root),
        sentence=sentence.start,
        trigger=(start_char, end_char),
        sentence_chars=(sentence.start_char, sentence.end_char),
        source=arguments.source,
        target=arguments.target,
        factuality=factuality,
        attributed_to=attributed if factuality in {"reported", "denied"} or quoted else None,
        date=link(doc, sentence, heads, dates, via_location=False, lone_fallback=True),
        place=link(doc, sentence, heads, places, via_location=True, lone_fallback=False),
        confidence=score(match, root, sentence, arguments.source, arguments.target, factuality, rank),
        verbal=match.is_verbal and root.pos_ == "VERB",
        definite=is_definite(root) and not match.is_verbal and not (syntactic.source or syntactic.target),
        needs_anchor=match.pattern.needs_anchor and not (syntactic.source or syntactic.target),
    )
    derived = announced_intent(doc, mention, reading, knowledge)
    return [mention] if derived is None else [mention, derived]


def drop_warnings_about_others(doc: Doc, mentions: list[Mention], knowledge: EventKnowledge) -> list[Mention]:
    """'Ukraine warns of a Russian build-up' reports someone else's act; it is no threat by Ukraine."""
    kept = []
    for mention in mentions:
        root = doc[mention.root]
        if mention.type == "THREATEN" and root.lemma_.lower() in knowledge.cues.reporting_verbs:
            subtree = {token.i for token in root.subtree}
            about_others = any(
                other.root in subtree and other is not mention and other.factuality == "reported"
                for other in mentions
            )
            if about_others:
                continue
        kept.append(mention)
    return kept


def governing_mention(doc: Doc, mention: Mention, by_root: dict[int, Mention]) -> Mention | None:
    """The event whose content this one is ("demanded the withdrawal", "threatened to shell").

    The climb passes only through prepositions and infinitives, so an event inside a separate
    clause ("raising fears that Russia could launch an offensive") keeps its own standing.
    """
    current = doc[mention.root]
    for _ in range(3):
        if current.dep_ not in CONTENT_DEPS or current.head.i == current.i:
            return None
        if current.dep_ == "pobj" and current.head.lower_ not in CONTENT_PREPS:
            return None
        current = current.head
        found = by_root.get(current.i)
        if found is not None:
            return found
        if current.pos_ != "ADP" and current.dep_ not in {"xcomp", "pcomp"}:
            return None
    return None


def is_misparsed_main_verb(root: Token) -> bool:
    """A participle with an object of its own hanging from the sentence's head noun is the main verb
    the parser missed, common in lower-case datelines ("dharwad: police arrested 50 workers")."""
    head = root.head
    at_top = head.dep_ == "ROOT" or (head.dep_ in {"appos", "npadvmod"} and head.head.dep_ == "ROOT")
    return at_top and any(child.dep_ == "dobj" for child in root.children)


def is_background(doc: Doc, mention: Mention) -> bool:
    """A noun event that only dates or explains the main one ("after two days of fighting")."""
    root = doc[mention.root]
    if mention.verbal:
        # "the curfew imposed in Sudan", "Hamas, which advocates ...": a description, not the news;
        # a participle with an object of its own is a misparsed main verb ("dharwad: police arrested 50 workers")
        return root.dep_ == "relcl" or (root.dep_ == "acl" and not is_misparsed_main_verb(root))
    current = root
    while current.dep_ in {"pobj", "conj"} and current.head.dep_ in {"prep", "pobj", "conj"} and current.head.lower_ == "of":
        current = current.head.head  # "after five days of fighting"
    return current.dep_ == "pobj" and current.head.lower_ in BACKGROUND_PREPS


def keep_main_events(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Drop events that are only the unrealised content of another event of the sentence (except
    what a threat threatens), and background nouns where the sentence has a main event."""
    by_root = {mention.root: mention for mention in mentions}
    kept: list[Mention] = []
    for mention in mentions:
        if mention.needs_anchor and not mention.place:
            continue
        governor = governing_mention(doc, mention, by_root)
        if governor is not None and governor.type != "THREATEN":
            if mention.factuality in UNREALISED:
                continue
            # "rejected a call for talks": the talks are what is rejected, not a denied happening
            if mention.factuality == "denied" and governor.type == "REJECT" and not mention.verbal:
                continue
        kept.append(mention)
    foreground = {m.sentence for m in kept if not is_background(doc, m)}
    return [m for m in kept if m.sentence not in foreground or not is_background(doc, m)]



def to_event(number: int, mention: Mention, text: str, knowledge: EventKnowledge) -> Event:
    code = knowledge.cameo_code(mention.cameo)
    return Event(
        id=f"ev{number}",
        type=mention.type,  # type: ignore[arg-type]
        mode=mention.mode,
        cameo=mention.cameo,
        quad_class=None if code is None else code.quad_class,
        goldstein=None if code is None else code.goldstein,
        source=mention.source,
        target=mention.target,
        factuality=mention.factuality,  # type: ignore[arg-type]
        attributed_to=mention.attributed_to,
        date=mention.date,
        place=mention.place,
        trigger=TextSpan.of(text, *mention.trigger),
        sentence=TextSpan.of(text, *mention.sentence_chars),
        confidence=mention.confidence,
        other_triggers=tuple(TextSpan.of(text, start, end) for start, end in mention.others),
    )


def extract_events(doc: Doc, knowledge: EventKnowledge) -> tuple[Event, ...]:
    if not doc.has_annotation("DEP"):
        return ()  # a model without a parser gives no frames, actors or factuality to code
    matches = find_triggers(doc, knowledge)
    if not matches:
        return ()
    sentences = list(doc.sents)
    starts = [sentence.start for sentence in sentences]
    dates, places, quotes = date_anchors(doc), place_anchors(doc), quote_regions(doc)
    mentions = [
        m for match in matches
        for m in build_mentions(doc, match, knowledge, sentences, starts, dates, places, quotes)
    ]
    mentions = drop_warnings_about_others(doc, mentions, knowledge)
    mentions = keep_main_events(doc, mentions)
    merged = merge_mentions(mentions)
    text = doc_text(doc)    # built once: Doc.text walks every token
    return tuple(to_event(number, mention, text, knowledge) for number, mention in enumerate(merged, start=1))


