"""Reported speech and belief found from cue verbs in the parse: indirect and mixed quotes.

"Lavrov claimed the United States threatened new sanctions": the cue's clausal complement is the
content and its subject the speaker. Beliefs and intentions ("officials fear ...", "plans to
...") take their clause or infinitive; "warned of sanctions", "called for talks" take the object
of the preposition; speech verbs take a long object ("announced new sanctions"). "According to
X" makes X the speaker of the rest of its clause. A cue parenthetical to its content ("the plan,
he said, is dead") takes the clause around it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import NOUN, VERB
from spacy.tokens import Doc, Token

from flashpoint.pipeline.quotes.attribution import (
    Attribution,
    char_ranges_around,
    clean_spans,
    subtree_range,
    token_range,
)
from flashpoint.pipeline.quotes.lexicon import CueLexicon
from flashpoint.pipeline.quotes.speakers import SpeakerMention, noun_phrase, speaker_for_cue

CLAUSE_DEPS = frozenset({"ccomp"})
INFINITIVE_DEPS = frozenset({"xcomp"})
OBJECT_DEPS = frozenset({"dobj"})
NAMING_DEPS = frozenset({"dobj", "oprd", "ccomp", "xcomp"})
PARENTHETICAL_DEPS = frozenset({"parataxis"})
MIN_CONTENT_WORDS = 2
MIN_OBJECT_WORDS = 3
MIN_STANCE_WORDS = 1
STANCE_PREPOSITIONS = frozenset({"to", "with", "as", "for", "over"})
CUE_POS = frozenset({"VERB"})


def _span_words(token: Token) -> int:
    return sum(1 for item in token.subtree if not item.is_punct)


def _naming_content(cue: Token) -> list[tuple[int, int]]:
    """'called the plan a mistake': from the object to the end of its complement."""
    parts = [child for child in cue.children if child.dep_ in NAMING_DEPS]
    if len(parts) < 2 or not any(part.dep_ in {"oprd", "ccomp", "xcomp"} for part in parts):
        return []
    first, last = parts[0].left_edge, parts[-1].right_edge
    return [(first.idx, last.idx + len(last.text))]


def _that_clause_after_object(cue: Token) -> list[tuple[int, int]]:
    """'told a meeting of leaders that few people understood ...', misparsed as a relative clause."""
    for child in cue.children:
        if child.dep_ not in OBJECT_DEPS:
            continue
        for item in child.subtree:
            if item.dep_ == "relcl" and any(mark.dep_ == "mark" or mark.lower_ == "that" for mark in item.lefts):
                first = next(mark for mark in item.lefts if mark.dep_ == "mark" or mark.lower_ == "that")
                if first.lower_ == "that" and first.dep_ == "mark":
                    return [(first.idx, item.right_edge.idx + len(item.right_edge.text))]
    return []


def _stance_content(cue: Token) -> list[tuple[int, int]]:
    """'condemned the strikes on the port', 'linked the outage to the cyberattack'."""
    objects = [child for child in cue.children if child.dep_ in OBJECT_DEPS and child.pos_ != "PRON"]
    if not objects or _span_words(objects[0]) < MIN_STANCE_WORDS:
        return []
    first, last = objects[0].left_edge, objects[0].right_edge
    for child in cue.rights:
        if child.dep_ == "prep" and child.lower_ in STANCE_PREPOSITIONS and child.i == last.i + 1:
            last = child.right_edge
    return [(first.idx, last.idx + len(last.text))]


def _content_for(cue: Token, lexicon: CueLexicon) -> list[tuple[int, int]]:
    lemma = cue.lemma_.lower()
    clauses = [child for child in cue.children if child.dep_ in CLAUSE_DEPS]
    if clauses:
        return [span for clause in clauses for span in subtree_range(clause)]
    if lexicon.in_group(lemma, "naming"):
        named = _naming_content(cue)
        if named:
            return named
    if lexicon.in_group(lemma, "speech"):
        that_clause = _that_clause_after_object(cue)
        if that_clause:
            return that_clause
    if lexicon.in_group(lemma, "intention") or lexicon.in_group(lemma, "belief"):
        infinitives = [child for child in cue.children if child.dep_ in INFINITIVE_DEPS]
        if infinitives:
            objects = [child for child in cue.children if child.dep_ in OBJECT_DEPS and child.i < infinitives[0].i]
            first = objects[0] if objects else infinitives[0]
            last = infinitives[-1]
            return [(first.left_edge.idx, last.right_edge.idx + len(last.right_edge.text))]
    preps = lexicon.content_prepositions.get(lemma, frozenset())
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objects = [grand for grand in child.children if grand.dep_ in {"pobj", "pcomp"}]
            if objects:
                return [span for item in objects for span in subtree_range(item)]
    if lexicon.takes_object(lemma) and lemma not in {"tell", "ask", "inform", "assure"}:
        for child in cue.children:
            if child.dep_ in OBJECT_DEPS and child.pos_ != "PRON" and _span_words(child) >= MIN_OBJECT_WORDS:
                return subtree_range(child)
    if lexicon.in_group(lemma, "stance"):
        stance = _stance_content(cue)
        if stance:
            return stance
    if cue.dep_ in PARENTHETICAL_DEPS and lexicon.in_group(lemma, "speech"):
        around = cue.head
        skip = frozenset(item.i for item in cue.subtree)
        return subtree_range(around, skip)
    return []


def _in_any(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in ranges)


def _source_phrase_at(doc: Doc, token: Token, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length in tokens of the source phrase starting at token ("according to"), or 0."""
    lower = token.lower_
    for phrase in phrases:
        if phrase[0] != lower:
            continue
        end = token.i + len(phrase)
        if end <= len(doc) and tuple(item.lower_ for item in doc[token.i : end]) == phrase:
            return len(phrase)
    return 0


def _source_phrase_attribution(doc: Doc, text: str, first: Token, length: int) -> Attribution | None:
    last = doc[first.i + length - 1]
    objects = [child for child in last.children if child.dep_ == "pobj"]
    if not objects:
        following = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if following is None or following.is_punct:
            return None
        objects = [following]
    source = objects[0]
    phrase_tokens = {item.i for item in first.subtree} | {item.i for item in last.subtree}
    phrase_tokens |= set(range(first.i, last.i + 1))
    sentence = first.sent
    spans = char_ranges_around(sentence, phrase_tokens)
    cue = (first.idx, last.idx + len(last.text))
    return Attribution(clean_spans(text, spans), cue, noun_phrase(source))


def candidate_indices(doc: Doc, lexicon: CueLexicon) -> list[int]:
    """Tokens that may be cues: verbs with a cue lemma, first words of source phrases.

    Selected on the Doc's arrays, because a Python loop over every token costs more than the rest.
    """
    columns = doc.to_array([POS, LEMMA, LOWER])
    if len(columns) == 0:
        return []
    verbs = columns[:, 0] == VERB
    cues = numpy.isin(columns[:, 1], lexicon.cue_hashes)
    nouns = (columns[:, 0] == NOUN) & numpy.isin(columns[:, 1], lexicon.noun_hashes)
    phrases = numpy.isin(columns[:, 2], lexicon.phrase_start_hashes)
    return [int(index) for index in numpy.flatnonzero((verbs & cues) | nouns | phrases)]


def reported_attributions(
    doc: Doc,
    text: str,
    lexicon: CueLexicon,
    used_cues: set[int],
    quoted: list[tuple[int, int]],
    skip: Callable[[int, int], bool],
) -> list[Attribution]:
    """Indirect and mixed attributions from cues outside quotation regions and not yet used.

    text is doc.text, passed in because spaCy rebuilds doc.text on every access.
    """
    found: list[Attribution] = []
    resume = 0
    for index in candidate_indices(doc, lexicon):
        token = doc[index]
        if token.i < resume:
            continue
        if token.i in used_cues or _in_any(token.idx, quoted) or skip(*token_range(token)):
            continue
        length = _source_phrase_at(doc, token, lexicon.source_phrases)
        if length:
            attribution = _source_phrase_attribution(doc, text, token, length)
            if attribution is not None and attribution.content:
                found.append(attribution)
            resume = token.i + length
            continue
        if token.pos_ == "NOUN":
            noun_attribution = _noun_attribution(token, text)
            if noun_attribution is not None:
                found.append(noun_attribution)
            continue
        if token.pos_ not in CUE_POS or not lexicon.is_cue(token.lemma_.lower()):
            continue
        low, high = _paragraph_of(text, token.idx)
        content = clean_spans(text, _clip(_content_for(token, lexicon), low, high))
        if sum(len(text[start:end].split()) for start, end in content) < MIN_CONTENT_WORDS:
            continue
        speaker: SpeakerMention | None = speaker_for_cue(token)
        if speaker is not None and not low <= speaker.start < high:
            speaker = None  # a parse that runs across a paragraph break
        if speaker is not None and speaker.start < token.idx:
            # "S said C": words before the speaker (a dateline, a fronted clause) are not content.
            content = tuple(span for span in content if span[1] > speaker.start) or content
        found.append(Attribution(content, _cue_range(token), speaker))
    return found


def _noun_attribution(noun: Token, text: str) -> Attribution | None:
    """'his claim that the vote was rigged': a cue noun with a that-clause."""
    clause = next(
        (
            child
            for child in noun.rights
            if child.dep_ in {"acl", "ccomp", "relcl"}
            and any(mark.lower_ == "that" and mark.dep_ == "mark" for mark in child.lefts)
        ),
        None,
    )
    if clause is None:
        return None
    content = clean_spans(text, subtree_range(clause))
    if sum(len(text[start:end].split()) for start, end in content) < MIN_CONTENT_WORDS:
        return None
    speaker: SpeakerMention | None = None
    for child in noun.children:
        if child.dep_ == "poss":
            speaker = noun_phrase(child)
        elif child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            objects = [grand for grand in child.children if grand.dep_ == "pobj"]
            if objects:
                speaker = noun_phrase(objects[0])
    if speaker is None and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        speaker = speaker_for_cue(noun.head)  # "Trump repeated the claim that ..."
    return Attribution(content, token_range(noun), speaker)


def _paragraph_of(text: str, offset: int) -> tuple[int, int]:
    end = text.find("\n", offset)
    return text.rfind("\n", 0, offset) + 1, len(text) if end < 0 else end


def _clip(spans: list[tuple[int, int]], low: int, high: int) -> list[tuple[int, int]]:
    return [(max(start, low), min(end, high)) for start, end in spans if start < high and end > low]


def _cue_range(cue: Token) -> tuple[int, int]:
    """The cue verb with its particle or preposition ("called for", "pointed out")."""
    start, end = token_range(cue)
    for child in cue.rights:
        if child.dep_ == "prt" and child.i == cue.i + 1:
            end = child.idx + len(child.text)
    return start, end
