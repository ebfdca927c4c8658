"""What the parse adds to a scanned figure: labels to drop, the counted object, the claimant.

* Labels, not amounts: a number right after a label noun ("Section 427", "Row 21") or a proper
  name ("iPhone 11", "S&P 500", "Planet 9"), a bare number in parentheses ("(4)"), "one" used as a
  pronoun ("no one", "this one").
* ``object``: the noun phrase the number counts ("94,000 Russian troops" -> "Russian troops",
  "60% of its revenue" -> "its revenue").
* ``claimed_by``: the actor who gives the figure: the speaker of the quote it sits in, the X of
  "according to X", or the subject of a reporting verb that governs it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from flashpoint.pipeline.amounts.lexicon import AmountLexicon
from flashpoint.pipeline.amounts.scanner import NumberAtom
from flashpoint.pipeline.doc_ext import actor_id_at

OBJECT_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
OBJECT_LINKS = frozenset({"amod", "compound", "nmod", "nummod", "npadvmod", "poss", "case"})
SKIPPED_BEFORE_OBJECT = frozenset({"of", "the", "a", "an"})
MAX_OBJECT_TOKENS = 6
SUBJECT_DEPS = ("nsubj", "nsubjpass")
NOT_NAME_POS = frozenset({"ADP", "DET", "ADV", "PRON", "CCONJ", "SCONJ", "AUX", "VERB", "NUM", "PART", "ADJ"})


def token_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def is_label(atom: NumberAtom, doc: Doc, text: str, lexicon: AmountLexicon) -> bool:
    span = token_span(doc, atom.start, atom.end)
    if span is None:
        return False
    first = span[0]
    previous = doc[first.i - 1] if first.i > 0 else None
    bare = atom.currency is None and atom.scale == 1.0 and atom.range is None and atom.kind in ("digits", "words")
    if atom.kind == "words" and atom.raw.lower() == "one" and _is_pronoun_one(first, doc, lexicon):
        return True
    if previous is None or not bare:
        return False
    if previous.lower_ in lexicon.label_nouns and previous.idx + len(previous) <= atom.prefix_start:
        return atom.unit is None
    if atom.unit is None and _is_name_like(previous) and previous.lower_.rstrip(".") not in lexicon.months:
        return True
    in_parentheses = text[atom.prefix_start - 1 : atom.prefix_start] == "(" and text[atom.extent_end : atom.extent_end + 1] == ")"
    return in_parentheses and atom.unit is None


def _is_name_like(token: Token) -> bool:
    """A capitalised name right before the number: "iPhone 11", "S P 500", "Stoxx 50", "Planet 9"."""
    if not any(char.isupper() for char in token.text) or not any(char.isalpha() for char in token.text):
        return False
    if token.pos_ in NOT_NAME_POS:
        return False
    return token.tag_ in ("NNP", "NNPS") or not token.is_sent_start


def _is_pronoun_one(token: Token, doc: Doc, lexicon: AmountLexicon) -> bool:
    previous = doc[token.i - 1].lower_ if token.i > 0 else ""
    following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    if previous in lexicon.pronoun_one_before or following in lexicon.pronoun_one_after:
        return True
    return token.tag_ not in ("CD",) or following in (".", ",", ";", "!", "?")


def object_of(atom: NumberAtom, doc: Doc) -> str | None:
    """The noun phrase right after the figure, or after 'of' ("thousands of troops")."""
    if atom.unit not in (None, "percent", "times") and atom.currency is None:
        return None
    end_span = token_span(doc, atom.prefix_start, atom.extent_end)
    if end_span is None:
        return None
    index = end_span.end
    skipped_of = False
    while index < len(doc) and doc[index].lower_ in SKIPPED_BEFORE_OBJECT:
        if doc[index].lower_ == "of":
            if skipped_of:
                return None
            skipped_of = True
        elif not skipped_of and atom.unit == "percent":
            return None
        index += 1
    if atom.unit == "percent" and not skipped_of:
        return None
    if index >= len(doc) or doc[index].sent != end_span[0].sent:
        return None
    if doc[index].pos_ not in OBJECT_POS and doc[index].dep_ != "poss":
        return None
    return _phrase_from(doc, index)


def _phrase_from(doc: Doc, index: int) -> str | None:
    start = index
    token = doc[index]
    steps = 0
    while token.dep_ in OBJECT_LINKS and token.head.i > token.i and steps < MAX_OBJECT_TOKENS:
        token = token.head
        steps += 1
    if token.pos_ not in ("NOUN", "PROPN") or token.i - start >= MAX_OBJECT_TOKENS:
        return None
    while start < token.i and doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    return doc[start : token.i + 1].text or None


def claimant_of(atom: NumberAtom, doc: Doc, lexicon: AmountLexicon, quote_speakers: list[tuple[int, int, str]]) -> str | None:
    for start, end, speaker in quote_speakers:
        if start <= atom.start and atom.end <= end:
            return speaker
    span = token_span(doc, atom.start, atom.end)
    if span is None:
        return None
    sentence = span[0].sent
    according = _according_to(sentence)
    if according is not None:
        found = actor_id_at(doc, according.start_char, according.end_char)
        if found is not None:
            return found
    token: Token = span.root
    for _ in range(12):
        if token.lemma_.lower() in lexicon.reporting_verbs and token.pos_ in ("VERB", "AUX"):
            subject = next((child for child in token.children if child.dep_ in SUBJECT_DEPS), None)
            if subject is not None:
                phrase = doc[subject.left_edge.i : subject.right_edge.i + 1]
                found = actor_id_at(doc, phrase.start_char, phrase.end_char)
                if found is not None:
                    return found
        if token.head is token:
            break
        token = token.head
    for verb in sentence:
        if verb.dep_ in ("parataxis", "ROOT") and verb.lemma_.lower() in lexicon.reporting_verbs:
            subject = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)
            if subject is not None:
                phrase = doc[subject.left_edge.i : subject.right_edge.i + 1]
                found = actor_id_at(doc, phrase.start_char, phrase.end_char)
                if found is not None:
                    return found
    return None


def _according_to(sentence: Span) -> Span | None:
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < sentence.end and token.doc[token.i + 1].lower_ == "to":
            objects = [child for child in token.doc[token.i + 1].children if child.dep_ == "pobj"]
            if objects:
                target = objects[0]
                return token.doc[target.left_edge.i : target.right_edge.i + 1]
            return token.doc[token.i + 2 : min(sentence.end, token.i + 6)]
    return None
