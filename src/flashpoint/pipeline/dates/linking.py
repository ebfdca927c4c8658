"""The parse around a date: the tense of the verb that governs it, and the date that governs an event.

Both read only the dependency parse (heads, dep labels, fine tags); on a Doc without a parse
the tense is unknown ("") and ``date_governing`` falls back to the nearest date in the sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from flashpoint.model import DateExpression

FUTURE_AUXILIARIES = frozenset({"will", "'ll", "ll", "shall", "wo", "gon"})
# Infinitives under these verbs speak of what is still to come ("plans to meet Friday").
FUTURE_LEMMAS = frozenset({
    "plan", "expect", "schedule", "intend", "hope", "want", "aim", "prepare", "set", "due", "seek",
    "vow", "promise", "threaten", "pledge", "propose", "agree", "decide", "going", "likely", "poised",
})
# Verbs whose object is an arranged event: "they planned a rally on Saturday", "she has
# scheduled a news conference Thursday" put the day ahead even in the past tense (but "on
# Friday they planned to pay" dates the planning: the rule wants a noun object).
ARRANGING_LEMMAS = frozenset({"plan", "schedule"})
# "may have been", "could have seen": a modal with a perfect looks back, unlike "will have".
PERFECT_MODALS = frozenset({"may", "might", "could", "must", "should", "would"})
PAST_PERFECT_AUXILIARIES = frozenset({"had", "'d"})
MAX_HEAD_STEPS = 6
# "they had not called him a suspect until Thursday": earlier than a past moment, so past even
# after a word that usually points ahead ("until"); the matcher reads it as "past" otherwise.
PAST_PERFECT = "past_perfect"
# A date that modifies a past-tense verb directly ("he resigned in March", "it closed Friday"),
# not through a noun or adjective ("approved a dividend payable Dec. 7"), is in the past.
ATTACHED_PAST = "past_attached"
POINT_PREPOSITIONS = frozenset({"in", "on", "at", "during"})


def is_verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or token.tag_ == "MD"


def governing_verb(token: Token) -> Token | None:
    """The nearest verb on the way from token to the root of its sentence."""
    current = token
    for _ in range(MAX_HEAD_STEPS):
        if current != token and is_verbal(current):
            return current
        if current.head == current:
            return current if is_verbal(current) else None
        current = current.head
    return None


def _auxiliaries(verb: Token) -> list[Token]:
    return [child for child in verb.children if child.dep_ in ("aux", "auxpass")]


def is_past_perfect(word: Token) -> bool:
    """"had expired", "had been due": the word, or the verb it completes ("been" in "had
    been due"), carries the past perfect, which places an event before a past moment."""
    for token in (word, word.head):
        if any(child.lower_ in PAST_PERFECT_AUXILIARIES and child.tag_ == "VBD" for child in _auxiliaries(token)):
            return True
        if is_verbal(token):
            return False
    return False


def _arranges_an_event(verb: Token) -> bool:
    dependents = {child.dep_ for child in verb.children}
    return "dobj" in dependents and not is_past_perfect(verb)


def verb_tense(verb: Token, depth: int = 0) -> str:
    """"future", "past", "past_perfect" or "" from the verb's tag and its auxiliaries."""
    auxiliaries = _auxiliaries(verb)
    words = {child.lower_ for child in auxiliaries}
    if words & FUTURE_AUXILIARIES:
        return "future"
    if any(child.tag_ == "MD" for child in auxiliaries):
        if verb.tag_ == "VBN" and words & PERFECT_MODALS and "have" in words:
            return "past"
        return "future"
    lemma = verb.lemma_.lower()
    if lemma in FUTURE_LEMMAS and verb.tag_ not in ("VBD", "VBN"):
        return "future"
    if lemma in ARRANGING_LEMMAS and _arranges_an_event(verb) and (
        verb.tag_ == "VBD" or verb.tag_ == "VBN" and words & {"has", "have", "'ve"}
    ):
        return "future"
    if any(child.tag_ == "TO" for child in auxiliaries):
        head = verb.head
        if head != verb and head.lemma_.lower() in FUTURE_LEMMAS and is_past_perfect(head):
            # "It had been due to expire Friday": a plan that the report has overtaken.
            return "past"
        if head == verb or depth > 2 or not is_verbal(head):
            return "future"
        if head.lemma_.lower() in FUTURE_LEMMAS or head.lower_ == "going":
            return "future"
        if head.lemma_.lower() == "be" and head.tag_ in ("VBZ", "VBP"):
            # "trading is to resume Tuesday": an arrangement.
            return "future"
        return verb_tense(head, depth + 1)
    if words & PAST_PERFECT_AUXILIARIES and any(child.tag_ == "VBD" for child in auxiliaries):
        return PAST_PERFECT
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and (not auxiliaries or words & {"have", "has", "'ve"}):
        # A bare participle ("its record high set on Aug. 6") or a present perfect.
        return "past"
    if verb.tag_ == "VBG" and not auxiliaries and verb.head != verb and depth <= 2 and is_verbal(verb.head):
        # A participle clause ("closing unchanged Friday") takes the tense of the clause it hangs on.
        return verb_tense(verb.head, depth + 1)
    # The present tense says little: headlines report the past in it, schedules the future.
    return ""


def tense_of_span(span: Span | None) -> str:
    if span is None or not span.doc.has_annotation("DEP"):
        return ""
    verb = governing_verb(span.root)
    return "" if verb is None else verb_tense(verb)


def in_simple_past(verb: Token) -> bool:
    """"resigned", "was arrested": the verb's own past, not one inherited by an infinitive
    ("ordered him to testify on Feb. 10") nor a bare participle ("a summit set for April")."""
    auxiliaries = _auxiliaries(verb)
    if verb.tag_ == "VBD":
        return not auxiliaries
    return verb.tag_ == "VBN" and len(auxiliaries) == 1 and auxiliaries[0].tag_ == "VBD" and auxiliaries[0].lemma_ == "be"


def modifies_directly(word: Token, verb: Token) -> bool:
    """The word is a time adverbial of the verb itself ("closed Friday") or hangs on it through
    a preposition of time at ("resigned in March"); "extended to Nov. 20", "respond by Oct. 31",
    "set Nov. 10 as the deadline" look ahead or name the date as an object."""
    head = word.head
    if head == verb:
        return word.dep_ in ("npadvmod", "tmod")
    return head.lower_ in POINT_PREPOSITIONS and head.head == verb


def tense_at(doc: Doc, start_char: int, end_char: int) -> str:
    """Tense around a character range of a parsed Doc (the caller checks for a parse once)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return ""
    verb = governing_verb(span.root)
    if verb is None:
        return ""
    tense = verb_tense(verb)
    if tense == "past" and in_simple_past(verb) and modifies_directly(span.root, verb):
        return ATTACHED_PAST
    return tense


def date_span(doc: Doc, expression: DateExpression) -> Span | None:
    return doc.char_span(expression.span.start, expression.span.end, alignment_mode="expand")


def _path_length(start: Token, target: Token) -> int | None:
    current = start
    for steps in range(MAX_HEAD_STEPS + 1):
        if current == target:
            return steps
        if current.head == current:
            return None
        current = current.head
    return None


def date_governing(doc: Doc, token: Token) -> DateExpression | None:
    """The date expression that dates the event whose trigger is ``token``.

    First choice: a date attached below the trigger in the dependency tree ("attacked the town
    on Thursday"); then a date in the same clause (sharing the trigger's governing verb); then,
    on a Doc without a parse, the nearest date in the same sentence. None when nothing fits.
    Reads ``doc._.fp_dates``, so it works after the dates component has run.
    """
    dates = doc._.fp_dates or ()
    if not dates:
        return None
    parsed = doc.has_annotation("DEP")
    sentence = token.sent if doc.has_annotation("SENT_START") or parsed else doc[:]
    clause = token if is_verbal(token) else governing_verb(token)
    best: tuple[int, int, DateExpression] | None = None
    for expression in dates:
        span = date_span(doc, expression)
        if span is None or not (sentence.start_char <= span.start_char < sentence.end_char):
            continue
        distance = abs(span.start - token.i)
        if parsed:
            path = _path_length(span.root, token)
            if path is None and clause is not None and governing_verb(span.root) == clause:
                path = MAX_HEAD_STEPS + 1
            if path is None:
                continue
            rank = (path, distance)
        else:
            rank = (0, distance)
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], expression)
    return None if best is None else best[2]
