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
MAX_HEAD_STEPS = 6


def is_verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or token.tag_ == "MD"


def governing_verb(token: Token) -> Token | None:
    """The nearest verb on the way from token to the root of its sentence."""
    current = token
    for _ in range(MAX_HEAD_STEPS):
        if current is not token and is_verbal(current):
            return current
        if current.head is current:
            return current if is_verbal(current) else None
        current = current.head
    return None


def verb_tense(verb: Token, depth: int = 0) -> str:
    """"future", "past" or "" from the verb's tag and its auxiliaries."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & FUTURE_AUXILIARIES or any(child.tag_ == "MD" for child in auxiliaries):
        return "future"
    if verb.lemma_.lower() in FUTURE_LEMMAS and verb.tag_ not in ("VBD", "VBN"):
        return "future"
    if any(child.tag_ == "TO" for child in auxiliaries):
        head = verb.head
        if head is verb or depth > 2 or not is_verbal(head):
            return "future"
        if head.lemma_.lower() in FUTURE_LEMMAS or head.lower_ == "going":
            return "future"
        return verb_tense(head, depth + 1)
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and (not auxiliaries or words & {"have", "has", "'ve"}):
        # A bare participle ("its record high set on Aug. 6") or a present perfect.
        return "past"
    if verb.tag_ == "VBG" and not auxiliaries and verb.head is not verb and depth <= 2 and is_verbal(verb.head):
        # A participle clause ("closing unchanged Friday") takes the tense of the clause it hangs on.
        return verb_tense(verb.head, depth + 1)
    # The present tense says little: headlines report the past in it, schedules the future.
    return ""


def tense_of_span(span: Span | None) -> str:
    if span is None or not span.doc.has_annotation("DEP"):
        return ""
    verb = governing_verb(span.root)
    return "" if verb is None else verb_tense(verb)


def tense_at(doc: Doc, start_char: int, end_char: int) -> str:
    """Tense around a character range of a parsed Doc (the caller checks for a parse once)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return ""
    verb = governing_verb(span.root)
    return "" if verb is None else verb_tense(verb)


def date_span(doc: Doc, expression: DateExpression) -> Span | None:
    return doc.char_span(expression.span.start, expression.span.end, alignment_mode="expand")


def _path_length(start: Token, target: Token) -> int | None:
    current = start
    for steps in range(MAX_HEAD_STEPS + 1):
        if current == target:
            return steps
        if current.head is current:
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
