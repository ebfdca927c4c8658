"""Who is speaking: the speaker's words next to a cue, and the actor they stand for.

The mention is the speaker's own noun phrase as written (a pronoun stays a pronoun, "who" stays
"who"); the actor behind it comes from the actors component: the actor mention covering the
words, the antecedent of a relative pronoun, or for a personal pronoun the most recent actor
mention of a fitting kind before it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from flashpoint.pipeline.doc_ext import ACTOR_MENTIONS, actor_id_at, opens_dateline
from flashpoint.pipeline.quotes.lexicon import CueLexicon

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
INHERITING_DEPS = frozenset({"conj", "advcl", "xcomp", "relcl", "acl", "ccomp", "parataxis", "acomp"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
NOUN_PHRASE_RIGHT_DEPS = frozenset({"compound", "flat", "nummod", "poss", "case"})
PERSON_KINDS = frozenset({"person"})
COLLECTIVE_KINDS = frozenset({"state", "organization", "group", "media"})
MAX_INHERIT_STEPS = 3


@dataclass(frozen=True)
class SpeakerMention:
    start: int
    end: int
    token: int  # index of the phrase's head token, for resolution


def noun_phrase(token: Token) -> SpeakerMention:
    """The phrase headed by token, up to the head (relative clauses and appositions left out)."""
    left = token.left_edge
    # A left edge behind a comma belongs to an apposition or a fronted clause, not the name.
    for candidate in token.doc[left.i : token.i]:
        if candidate.is_punct and candidate.text in {",", "(", "—", "–", "-", ":"}:
            left = candidate.nbor(1)
    right = token
    for child in token.rights:
        if child.dep_ in NOUN_PHRASE_RIGHT_DEPS and child.i == right.i + 1:
            right = child
    while left.i < token.i and (left.is_punct or left.is_quote or left.is_space):
        left = left.nbor(1)
    return SpeakerMention(left.idx, right.idx + len(right.text), token.i)


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing from participles and conjuncts to their head's subject."""
    current = verb
    for _ in range(MAX_INHERIT_STEPS + 1):
        subjects = [child for child in current.children if child.dep_ in SUBJECT_DEPS]
        if subjects:
            # Two subjects means a misparse across a heading ("The Latest: Trump urges"): take the nearest.
            return min(subjects, key=lambda child: abs(current.i - child.i))
        for child in current.children:
            if child.dep_ == "agent":
                objects = [grand for grand in child.children if grand.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if any(child.dep_ == "nsubjpass" for child in current.children):
            return None
        if current.dep_ not in INHERITING_DEPS or current.head is current:
            return None
        if current.dep_ == "relcl":
            return None
        current = current.head
    return None


DATELINE_DASHES = frozenset({"-", "—", "–", ":"})


def beyond_dateline(subject: Token) -> Token:
    """The real subject when the parser took a dateline for it: in "STOCKHOLM, Dec 9 - Ukraine
    has warned" the place opening the line heads the phrase and "Ukraine" hangs from it."""
    doc = subject.doc
    if not opens_dateline(doc, subject.i, subject.i + 1):
        return subject
    for child in subject.rights:
        dash_before = any(doc[i].text in DATELINE_DASHES for i in range(subject.i + 1, child.i))
        if child.dep_ in {"appos", "nsubj"} and dash_before:
            return child
    return subject


def speaker_for_cue(cue: Token) -> SpeakerMention | None:
    subject = subject_of(cue)
    if subject is not None:
        subject = beyond_dateline(subject)
    if subject is None or subject.pos_ in {"VERB", "AUX"}:
        return None
    if subject.lower_ in {"there"}:
        return None
    return noun_phrase(subject)


def frame_speaker(doc: Doc, cue: Token, start: int, end: int) -> SpeakerMention | None:
    """The speaker inside a quote frame: the cue's subject, else the first name or pronoun in it."""
    found = speaker_for_cue(cue)
    if found is not None and start <= found.start < end:
        return found
    for token in doc.char_span(start, end, alignment_mode="contract") or ():
        if token.i != cue.i and (token.pos_ in {"PROPN", "PRON"} or token.ent_type_ in {"PERSON", "ORG", "NORP"}):
            if token.pos_ == "PRON" and token.lower_ not in {"he", "she", "they", "i", "we", "it"}:
                continue
            head = token
            while head.dep_ in {"compound", "flat"} and head.head.i > head.i and head.head.idx < end:
                head = head.head
            return noun_phrase(head)
    return found


class ActorResolver:
    """Maps speaker mentions to actor ids with the actor mentions of one Doc."""

    def __init__(self, doc: Doc, lexicon: CueLexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        kinds = {actor.id: actor.kind for actor in (doc._.fp_actors or ())}
        group = doc.spans.get(ACTOR_MENTIONS)
        mentions = sorted(
            ((span.end_char, span.start_char, span.label_, kinds.get(span.label_)) for span in group or ()),
        )
        self.mention_ends = [mention[0] for mention in mentions]
        self.mentions = mentions

    def resolve(self, mention: SpeakerMention) -> str | None:
        token = self.doc[mention.token]
        lower = token.lower_
        if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            antecedent = token.head.head
            phrase = noun_phrase(antecedent)
            return actor_id_at(self.doc, phrase.start, phrase.end)
        if lower in self.lexicon.person_pronouns:
            return self.most_recent(mention.start, PERSON_KINDS)
        if lower in self.lexicon.collective_pronouns:
            return self.most_recent(mention.start, COLLECTIVE_KINDS)
        return actor_id_at(self.doc, mention.start, mention.end)

    def most_recent(self, before: int, kinds: frozenset[str]) -> str | None:
        index = bisect_left(self.mention_ends, before + 1)
        for end, _start, actor, kind in reversed(self.mentions[:index]):
            if end <= before and (kind is None or kind in kinds):
                return actor
        return None
