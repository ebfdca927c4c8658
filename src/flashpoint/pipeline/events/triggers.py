"""Finding event triggers in a parsed Doc: one best pattern per trigger word.

A pattern matches a word by its lemma and part of speech, then its frame is checked against the
dependency parse (the word's arguments, prepositions, voice). Multi-word patterns ("air strike",
"call for") must match the neighbouring words; the trigger span then covers the whole phrase.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from flashpoint.pipeline.doc_ext import excluded_char_ranges
from flashpoint.pipeline.events.patterns import EventKnowledge, TriggerPattern

VERB_TAGS = frozenset({"VERB"})
NOUN_TAGS = frozenset({"NOUN", "PROPN", "ADJ"})
# Named things whose words are not events ("Rapid Action Force", "the Warsaw Pact").
NAME_ENTITY_TYPES = frozenset({"ORG", "PERSON", "WORK_OF_ART", "LAW", "FAC", "PRODUCT", "EVENT"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative", "compound", "amod", "poss", "appos", "nmod", "oprd"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Nouns that only package an event named by their modifier: "looting spree", "mediation mission".
CARRIER_NOUNS = frozenset({"spree", "campaign", "operation", "mission", "effort", "drive", "wave", "incident", "attempt", "bid", "plan", "case", "threat", "spate", "series"})


@dataclass(frozen=True)
class TriggerMatch:
    root: int  # token index of the trigger's head word
    start: int  # token span of the whole trigger phrase
    end: int
    pattern: TriggerPattern

    @property
    def is_verbal(self) -> bool:
        return self.pattern.pos == "VERB"


def word_forms(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def argument_lemmas(token: Token) -> set[str]:
    """Lemmas of the words that fill the trigger's slots, for checking a pattern's frame."""
    found: set[str] = set()
    fillers: list[Token] = []
    for child in token.children:
        if child.dep_ in ARGUMENT_DEPS:
            fillers.append(child)
        elif child.dep_ in {"prep", "agent"}:
            found.add(child.lower_)
            fillers.extend(grand for grand in child.children if grand.dep_ == "pobj")
        elif child.dep_ == "prt":
            found.add(child.lower_)
        elif child.dep_ == "ccomp":
            found.update(question_marks(child))
    if token.dep_ in {"acl", "relcl"} or (token.dep_ == "amod" and token.pos_ == "VERB"):
        fillers.append(token.head)
    for filler in list(fillers):
        fillers.extend(filler.conjuncts)
        # "500 of the policemen", "part of a military aid program": the 'of' object is what counts
        for child in filler.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                fillers.extend(grand for grand in child.children if grand.dep_ == "pobj")
    fillers.extend(child for filler in list(fillers) for child in filler.children if child.dep_ in {"compound", "amod"})
    for filler in fillers:
        found.update(word_forms(filler))
    return found


WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def question_marks(clause: Token) -> set[str]:
    """What makes a content clause a question: "whether", "if", a wh-word, a closing "?"
    (so that "asked whether ..." and '"...?" he asked' can be told from "asked them to ...")."""
    found = {child.lower_ for child in clause.children if child.dep_ == "mark" or child.tag_ in WH_TAGS}
    after = clause.right_edge.i + 1
    if after < len(clause.doc) and clause.doc[after].text == "?" or clause.right_edge.text == "?":
        found.add("?")
    return found


def subject_lemmas(token: Token) -> set[str]:
    """Lemmas of who acts: the subject, the passive agent, or the noun a participle modifies."""
    actors = [c for c in token.children if c.dep_ in {"nsubj", "csubj"}]
    actors += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not actors and token.dep_ in {"acl", "relcl", "conj", "xcomp"}:
        return subject_lemmas(token.head) if token.dep_ in {"conj", "xcomp"} else set(word_forms(token.head))
    found: set[str] = set()
    for actor in actors:
        for member in (actor, *actor.conjuncts):
            found.update(word_forms(member))
            found.update(lemma for child in member.children if child.dep_ in {"compound", "amod"} for lemma in word_forms(child))
    return found


OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "dative", "oprd"})


def object_lemmas(token: Token) -> set[str]:
    """Lemmas of what is acted on: the object, the passive subject, the noun a participle modifies."""
    patients = [child for child in token.children if child.dep_ in OBJECT_DEPS]
    if token.dep_ in {"acl", "relcl", "amod"} and token.tag_ == "VBN":
        patients.append(token.head)  # "the arrested men", "those detained"
    found: set[str] = set()
    for patient in patients:
        for member in (patient, *patient.conjuncts):
            found.update(word_forms(member))
            found.update(lemma for child in member.children if child.dep_ in {"compound", "amod"} for lemma in word_forms(child))
    return found


def is_passive(token: Token) -> bool:
    return any(child.dep_ in {"auxpass", "nsubjpass", "agent"} for child in token.children) or (
        token.tag_ == "VBN" and token.dep_ in {"acl", "amod"}
    )


COMPLEMENT_DEPS = frozenset({"dobj", "dative", "xcomp", "ccomp", "nsubjpass"})
NUMERIC_ENTITY_TYPES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def has_complement(token: Token) -> bool:
    return any(
        child.dep_ in COMPLEMENT_DEPS or (child.dep_ == "prep" and child.lower_ in {"for", "about"})
        for child in token.children
    )


def looks_like_date(token: Token) -> bool:
    """'march 5', '5 march': a month name written like a noun, which lower-case news is full of."""
    if token.ent_type_ in NUMERIC_ENTITY_TYPES:
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    preceding = token.nbor(-1) if token.i > 0 else None
    if following is not None and following.like_num:
        return True
    return preceding is not None and preceding.like_num and preceding.head.i != token.i


@dataclass
class FrameCache:
    """The slot fillers of each word, worked out once per Doc: many patterns share a head word."""

    arguments: dict[int, set[str]] = field(default_factory=dict)
    subjects: dict[int, set[str]] = field(default_factory=dict)
    objects: dict[int, set[str]] = field(default_factory=dict)

    def lemmas(self, table: dict[int, set[str]], reader: Callable[[Token], set[str]], token: Token) -> set[str]:
        found = table.get(token.i)
        if found is None:
            found = table[token.i] = reader(token)
        return found


def frame_holds(pattern: TriggerPattern, root: Token, cache: FrameCache | None = None) -> bool:
    cache = cache or FrameCache()
    if pattern.complement and not has_complement(root):
        return False
    if pattern.passive is not None and is_passive(root) != pattern.passive:
        return False
    if pattern.preps and not any(
        child.dep_ in {"prep", "prt", "agent"} and child.lower_ in pattern.preps for child in root.children
    ):
        return False
    if pattern.subjects and not pattern.subjects & cache.lemmas(cache.subjects, subject_lemmas, root):
        return False
    if pattern.objects and not pattern.objects & cache.lemmas(cache.objects, object_lemmas, root):
        return False
    return not pattern.args or bool(pattern.args & cache.lemmas(cache.arguments, argument_lemmas, root))


def phrase_matches(doc: Doc, start: int, parts: tuple[str, ...]) -> bool:
    if start < 0 or start + len(parts) > len(doc):
        return False
    return all(part in word_forms(doc[start + offset]) for offset, part in enumerate(parts))


def candidate_patterns(knowledge: EventKnowledge, token: Token) -> Iterator[tuple[TriggerPattern, int, int]]:
    """(pattern, phrase start, phrase end) for every pattern whose words fit around this token."""
    tag = "VERB" if token.pos_ in VERB_TAGS else "NOUN" if token.pos_ in NOUN_TAGS else None
    lemma, lower = word_forms(token)
    keys = {(tag, lemma), (tag, lower)} if tag else set()
    # Taggers miss nominalised verbs and hyphenated nouns: multi-word phrases match on words alone.
    keys |= {("VERB", lemma), ("NOUN", lemma), ("NOUN", lower)}
    seen: set[int] = set()
    for key in keys:
        for pattern in knowledge.by_lemma.get(key, ()):
            if id(pattern) in seen:
                continue
            seen.add(id(pattern))
            if pattern.pos != tag and not (pattern.before or pattern.after):
                continue
            if pattern.pos == "VERB":
                if tag == "NOUN" and token.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"}:
                    continue  # a noun in a noun's place is no verb phrase: "caught fire on monday"
                if not phrase_matches(token.doc, token.i + 1, pattern.after):
                    continue
                yield pattern, token.i, token.i + 1 + len(pattern.after)
            else:
                length = len(pattern.before)
                if not phrase_matches(token.doc, token.i - length, pattern.before):
                    continue
                yield pattern, token.i - length, token.i + 1


def phrase_root(doc: Doc, start: int, end: int, fallback: int) -> Token:
    span = doc[start:end]
    return span.root if len(span) > 1 else doc[fallback]


def is_name_part(token: Token) -> bool:
    return token.ent_type_ in NAME_ENTITY_TYPES and token.ent_iob_ in {"B", "I"} and token.is_title


def find_triggers(doc: Doc, knowledge: EventKnowledge) -> list[TriggerMatch]:
    """The best-fitting pattern per trigger word, in text order; excluded text is skipped."""
    excluded = excluded_char_ranges(doc)
    cache = FrameCache()
    best: dict[int, TriggerMatch] = {}
    words = knowledge.head_words
    for token in doc:
        # most words trigger nothing: one set lookup before any parse work
        if not token.is_alpha or (token.lemma_.lower() not in words and token.lower_ not in words):
            continue
        for pattern, start, end in candidate_patterns(knowledge, token):
            root = phrase_root(doc, start, end, token.i)
            if is_name_part(root) or (pattern.pos == "NOUN" and looks_like_date(root)) or (len(pattern.before) + len(pattern.after) == 0 and root.dep_ in MODIFIER_DEPS and root.pos_ != "VERB" and root.head.lemma_.lower() not in CARRIER_NOUNS):
                continue
            if root.pos_ == "VERB" and root.dep_ == "amod" and not pattern.after and not pattern.participle:
                continue  # a participle used as an adjective: "alleged crimes", "besieged town"
            if pattern.pos == "VERB" and any(child.dep_ == "det" for child in root.children):
                continue  # a participle used as a noun: "the accused", "the injured"
            if not frame_holds(pattern, root, cache):
                continue
            if any(s < doc[end - 1].idx + len(doc[end - 1]) and doc[start].idx < e for s, e in excluded):
                continue
            match = TriggerMatch(root=root.i, start=start, end=end, pattern=pattern)
            current = best.get(root.i)
            if current is None or rank(match) > rank(current):
                best[root.i] = match
    # a word sense that is no event ("heart attack") wins its word, then yields nothing
    return [m for m in drop_nested(sorted(best.values(), key=lambda m: m.start)) if not m.pattern.not_event]


def rank(match: TriggerMatch) -> tuple[int, int, bool, float]:
    return (match.end - match.start, match.pattern.specificity, match.pattern.not_event, match.pattern.confidence)


def drop_nested(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """A word inside a longer trigger phrase ("suicide" in "suicide bombing") is not a trigger of its own."""
    kept: list[TriggerMatch] = []
    for match in matches:
        covered = any(
            other is not match and other.start <= match.start and match.end <= other.end
            and (other.end - other.start) > (match.end - match.start)
            for other in matches
        )
        if not covered:
            kept.append(match)
    return kept
