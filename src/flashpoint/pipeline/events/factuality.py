"""Did it happen? An event's factuality and who vouches for it, from the clause around its trigger.

The trigger's own clause is read first (negation, modal auxiliaries, "if"), then the chain of
governing words up to the sentence root: "fears that ...", "plans to ...", "X said that ...",
"Kiev denied ...". The strongest reading wins: denied, then hypothetical, negated, planned,
reported, and asserted when nothing qualifies the event.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from flashpoint.pipeline.events.arguments import actors_of_group, children
from flashpoint.pipeline.events.patterns import FactualityCues

MAX_CLIMB = 10
# Dependencies by which an event is an argument of its governor ("would impose sanctions",
# "did not launch an attack"): the governor's modals and negation apply to the event too.
ARGUMENT_DEPS = frozenset({"xcomp", "dobj", "nsubjpass", "attr", "oprd", "pobj", "pcomp", "acomp"})
# Prepositions that introduce what a word is about ("fears of", "plans for", "warned of");
# others ("after a meeting", "in the attack") only place the event and say nothing of its reality.
CONTENT_PREPS = frozenset({"of", "about", "for", "over", "against", "to", "into", "on"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "acl", "relcl", "parataxis", "csubj"})

# "is going to attack" plans; "went on a looting spree" happened
PROGRESSIVE_PLANNING = frozenset({"go"})
# "undertook to withdraw" plans; "undertook a mediation mission", "committed atrocities" happened
OBJECT_REALISING = frozenset({"undertake", "commit"})


def not_a_plan(lemma: str, dep: str, governor: Token) -> bool:
    """Planning verbs that also carry out what they govern, read in the way they do."""
    if lemma in PROGRESSIVE_PLANNING:
        return governor.tag_ != "VBG"
    return lemma in OBJECT_REALISING and dep == "dobj"


@dataclass(frozen=True)
class FactualityReading:
    value: str
    reporter: int | None = None  # token index of whoever the report is attributed to
    attributed_to: str | None = None
    announced: bool = False  # unrealised only because its actor means to do it: a stated intent
    obliged: bool = False  # said to be required of its actor ("China must drop barriers")


@dataclass
class Markers:
    negated: bool = False
    hypothetical: bool = False
    planned: bool = False
    denied: bool = False
    reporter: Token | None = None
    intent: bool = False  # unrealised because someone means to do it ("will impose", "plans to")
    doubt: bool = False  # unrealised because feared, wished, conditional or merely possible
    obliged: bool = False  # "must", "should": someone says it ought to happen

    def decide(self) -> str:
        if self.denied:
            return "denied"
        if self.hypothetical:
            return "hypothetical"
        if self.negated:
            return "negated"
        if self.planned:
            return "planned"
        return "reported" if self.reporter is not None else "asserted"


def own_markers(token: Token, cues: FactualityCues, markers: Markers, negation: bool = True) -> None:
    """Negation, modals and conditions attached to the word itself."""
    if token.dep_ in {"advcl", "acl"} and any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children):
        markers.hypothetical = markers.doubt = True  # a purpose: "blocked roads to press demands"
    for child in token.children:
        lower = child.lower_
        if negation and (child.dep_ == "neg" or (child.dep_ == "det" and lower in cues.negations)):
            markers.negated = True
        elif child.dep_ in {"aux", "auxpass"}:
            if lower in cues.modals_planned:
                markers.planned = markers.intent = True
            elif lower in cues.modals_hypothetical:
                markers.hypothetical = markers.intent = True
                markers.obliged = markers.obliged or lower in cues.modals_obligation
        elif child.dep_ == "mark" and lower in cues.conditional_marks or child.dep_ == "amod" and child.lemma_.lower() in cues.hypothetical_adjectives:
            markers.hypothetical = markers.doubt = True
        elif child.dep_ == "prep" and lower in cues.according_to and markers.reporter is None:
            sources = [grand for prep in children(child, "prep") for grand in children(prep, "pobj")]
            markers.reporter = sources[0] if sources else child


def governor_markers(event: Token, dep: str, head: Token, cues: FactualityCues, markers: Markers, event_sources: tuple[str, ...]) -> None:
    """What a governing word says about the event below it."""
    lemma = head.lemma_.lower()
    if head.pos_ in {"NOUN", "PROPN"}:
        if lemma in cues.hypothetical_nouns:
            markers.hypothetical = markers.doubt = True
        elif lemma in cues.planning_nouns:
            markers.planned = markers.intent = True
        return
    if head.pos_ not in {"VERB", "AUX", "ADJ"}:
        return
    if lemma in cues.denial_verbs and dep in ARGUMENT_DEPS | {"ccomp"}:
        markers.denied = True
        return
    if lemma in cues.failure_verbs and dep == "xcomp":
        markers.negated = True  # "police failed to arrest him", "were unable to stop the mob"
        own_markers(head, cues, markers)
        return
    reporting = lemma in cues.reporting_verbs
    if dep == "ccomp" and reporting:
        if markers.reporter is None:
            markers.reporter = head
        return
    if lemma in cues.wish_verbs and dep in ARGUMENT_DEPS | {"ccomp"}:
        markers.hypothetical = markers.doubt = True
    elif lemma in cues.hypothetical_verbs and dep in ARGUMENT_DEPS | {"ccomp"}:
        if reporting and dep in {"pobj", "pcomp"} and event_sources and not set(event_sources) & set(subject_ids(head)):
            # "Ukraine warns of a Russian build-up": a claim about someone else's action
            if markers.reporter is None:
                markers.reporter = head
        else:
            markers.hypothetical = markers.doubt = True
    elif lemma in cues.planning_verbs and dep in ARGUMENT_DEPS and not not_a_plan(lemma, dep, head):
        markers.planned = markers.intent = True
    elif dep == "xcomp" and any(child.dep_ == "acomp" and child.lemma_.lower() in cues.planning_verbs for child in head.children):
        markers.planned = markers.intent = True  # "is due to hold", "is set to meet"
    elif lemma in cues.planning_verbs and head.pos_ == "ADJ":
        markers.planned = markers.intent = True
    if dep in ARGUMENT_DEPS:
        own_markers(head, cues, markers)
    else:
        for child in head.children:
            if child.dep_ == "mark" and child.lower_ in cues.conditional_marks:
                markers.hypothetical = markers.doubt = True


def subject_ids(verb: Token) -> list[str]:
    subjects = children(verb, "nsubj") or [grand for agent in children(verb, "agent") for grand in children(agent, "pobj")]
    return [i for subject in subjects for i in actors_of_group(subject)]


def charge_denied(verb: Token, cues: FactualityCues) -> bool:
    """'X accused Y of Z, a charge strongly denied by Y': the accusation's content is denied."""
    for child in verb.children:
        if child.lemma_.lower() not in cues.charge_nouns or child.dep_ not in {"npadvmod", "appos", "dobj", "advcl", "conj"}:
            continue
        if any(grand.lemma_.lower() in cues.denial_verbs for grand in child.children if grand.dep_ in {"acl", "relcl"}):
            return True
    return False


def assess(root: Token, cues: FactualityCues, event_sources: tuple[str, ...] = ()) -> FactualityReading:
    markers = Markers()
    own_markers(root, cues, markers)
    current = root
    for _ in range(MAX_CLIMB):
        head = current.head
        if head.i == current.i:
            break
        dep = current.dep_
        if dep == "conj":
            # coordinated events share auxiliaries ("would impose sanctions and expel diplomats")
            own_markers(head, cues, markers, negation=False)
        elif dep in {"pobj", "pcomp"} and head.dep_ in {"prep", "agent"}:
            if head.lower_ in CONTENT_PREPS:
                governor_markers(current, dep, head.head, cues, markers, event_sources)
            current = head.head
            continue
        elif dep == "prep":
            pass
        else:
            governor_markers(current, dep, head, cues, markers, event_sources)
            if markers.reporter is not None and markers.reporter.i == head.i and charge_denied(head, cues):
                markers.denied = True
        current = head
    reporter = markers.reporter
    attributed: str | None = None
    reporter_index: int | None = None
    if reporter is not None:
        reporter_index = reporter.i
        ids = subject_ids(reporter) if reporter.pos_ in {"VERB", "AUX"} else actors_of_group(reporter)
        attributed = ids[0] if ids else None
    value = markers.decide()
    announced = value in {"planned", "hypothetical"} and markers.intent and not markers.doubt and not markers.obliged
    obliged = value == "hypothetical" and markers.obliged and not markers.doubt
    return FactualityReading(value=value, reporter=reporter_index, attributed_to=attributed, announced=announced, obliged=obliged)
