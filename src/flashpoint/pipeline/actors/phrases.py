"""From a Doc to phrases: knowledge term matches and the noun phrases that may be actors.

A phrase is a noun chunk, extended over its prepositional attachments ("police in Gujarat",
"Prime Minister of Estonia"), or a lone name the parser left outside any chunk.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from flashpoint.pipeline.actors.knowledge import PROPER_SENSES, Knowledge, Sense
from flashpoint.pipeline.doc_ext import doc_text

# prepositions whose object describes the head ("police in Gujarat", "minister of defence")
ATTACHING_PREPOSITIONS = frozenset({"of", "in", "at", "across", "from", "to"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "[", "]", "—", "–", "|", "\n", "\n\n"})
LEADING_WORDS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"})
NOMINAL_TAGS = frozenset({"NOUN", "PROPN"})
NOUN_PHRASE_DEPS = frozenset({
    "nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "ROOT", "conj", "dative", "pcomp", "npadvmod",
    "oprd", "obj", "iobj", "csubj",
})
ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
# share of upper-case letters below which a text is treated as written in lower case
LOWER_CASE_DOC = 0.01


@dataclass(frozen=True)
class Match:
    start: int  # token indices, end exclusive
    end: int
    senses: tuple[Sense, ...]

    def has(self, *types: str) -> bool:
        return any(sense.type in types for sense in self.senses)

    def refs(self, *types: str) -> list[str]:
        return [sense.ref for sense in self.senses if sense.type in types]


@dataclass(frozen=True)
class Phrase:
    start: int  # token indices, end exclusive
    end: int
    head: int
    matches: tuple[Match, ...]
    to_start: int | None  # first token of a "to ..." attachment: not a source of the country

    def head_match(self) -> Match | None:
        return next((m for m in self.matches if m.start <= self.head < m.end), None)


class TermMatcher:
    """Finds knowledge terms in a Doc by their lower-cased tokens.

    A dict from the first token to the terms starting with it: building it costs no spaCy lexemes
    (a PhraseMatcher over ~5,000 terms takes seconds to build), and matching is one dict lookup
    per token.
    """

    def __init__(self, nlp: Language, terms: Iterable[str]) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for term in terms:
            for words in self._tokenisations(nlp, term):
                self.by_first.setdefault(words[0], []).append((words, term))
        for entries in self.by_first.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    @staticmethod
    def _tokenisations(nlp: Language, term: str) -> set[tuple[str, ...]]:
        if term.replace(" ", "").isalnum():
            return {tuple(term.split())}
        # tokenisation of abbreviations depends on case ("Mr." is one token, "mr." two)
        spellings = {term, term.capitalize(), term.title(), term.upper()}
        return {tuple(token.lower_ for token in nlp.make_doc(spelling)) for spelling in spellings}

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(term, start, end) of every term occurrence, overlapping ones included."""
        lowers = [token.lower_ for token in doc]
        found = []
        for start, lower in enumerate(lowers):
            for words, term in self.by_first.get(lower, ()):
                end = start + len(words)
                if tuple(lowers[start:end]) == words:
                    found.append((term, start, end))
        return found


def build_matcher(nlp: Language, knowledge: Knowledge) -> TermMatcher:
    return TermMatcher(nlp, knowledge.terms)


def is_lower_case_doc(doc: Doc) -> bool:
    sample = doc_text(doc)[:3000]
    letters = sum(map(str.isalpha, sample))
    upper = sum(map(str.isupper, sample))
    return letters > 0 and upper / letters < LOWER_CASE_DOC


def _sense_fits(sense: Sense, text: str, lower_doc: bool, common_word: bool = False) -> bool:
    if sense.type not in PROPER_SENSES:
        return True
    if lower_doc and common_word and sense.type in ("entity", "person", "surname"):
        return False  # in lower-case text "labour" or "congress" is a word, not a party
    if sense.exact is not None:
        return text == sense.exact
    if sense.all_caps:
        # in lower-case text an acronym is written "bjp"; two letters ("us") are too ambiguous
        return text.isupper() or (lower_doc and len(text) >= 3 and not common_word)
    return lower_doc or not sense.titled or any(char.isupper() for char in text)


def find_matches(doc: Doc, matcher: TermMatcher, knowledge: Knowledge, lower_doc: bool | None = None) -> list[Match]:
    """Knowledge matches whose case fits, longest first where they overlap, in text order."""
    lower_doc = is_lower_case_doc(doc) if lower_doc is None else lower_doc
    found: list[Match] = []
    for term, start, end in matcher(doc):
        text = doc[start:end].text
        common = end - start == 1 and doc[start].pos_ in ("NOUN", "ADJ", "VERB", "ADV")
        senses = tuple(s for s in knowledge.terms.get(term, ()) if _sense_fits(s, text, lower_doc, common))
        if senses:
            found.append(Match(start, end, senses))
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: set[int] = set()
    chosen: list[Match] = []
    for match in found:
        if taken.isdisjoint(range(match.start, match.end)):
            chosen.append(match)
            taken.update(range(match.start, match.end))
    return sorted(chosen, key=lambda m: m.start)


def _attachment_end(head: Token) -> tuple[int, int | None]:
    """End of the head's prepositional attachments, and where a 'to' attachment starts."""
    end = head.i + 1
    to_start = None
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ATTACHING_PREPOSITIONS and any(
            grandchild.dep_ == "pobj" for grandchild in child.children
        ):
            if child.lower_ == "to" and to_start is None:
                to_start = child.i
            end = max(end, _clause_free_end(child))
        elif child.dep_ in ("prep", "acl", "relcl", "punct", "cc", "conj", "appos"):
            break
    return end, to_start


def _clause_free_end(token: Token) -> int:
    """End of the token's subtree, stopping before a comma or a clause inside it."""
    doc = token.doc
    for i in range(token.i + 1, token.right_edge.i + 1):
        if doc[i].text in CLAUSE_BREAKS or doc[i].dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return i
        if doc[i].dep_ == "prep" and doc[i].lower_ not in ATTACHING_PREPOSITIONS:
            return i  # "imams of mosques | on the issue of ..."
    return token.right_edge.i + 1


def _spaced_dash(doc: Doc, i: int) -> bool:
    """A hyphen between spaces ("Dec 9 - Ukraine") breaks a phrase; one inside a name does not."""
    return doc[i].text == "-" and bool(doc[i].whitespace_) and i > 0 and bool(doc[i - 1].whitespace_)


def _trim_start(doc: Doc, start: int, end: int, head: int) -> int:
    """Drop leading articles, and anything before a break (colon, quote, verb) ahead of the head."""
    for i in range(head - 1, start - 1, -1):
        if doc[i].text in CLAUSE_BREAKS or doc[i].is_quote or doc[i].pos_ in ("VERB", "AUX") or _spaced_dash(doc, i):
            start = i + 1
            break
    while start < end - 1 and start < head and (doc[start].lower_ in LEADING_WORDS or doc[start].is_punct):
        start += 1
    return start


def _chunk_spans(doc: Doc) -> Iterable[tuple[int, int, int, int | None]]:
    """(start, end, head, to_start) of each noun phrase with its attachments, and of possessors in it.

    spaCy's noun_chunks drop a phrase that contains an earlier one ("US Secretary of State Antony
    Blinken" contains "State"), so phrases are built here from each nominal head's left subtree.
    """
    if not doc.has_annotation("DEP"):
        return
    for token in doc:
        if token.pos_ not in NOMINAL_TAGS or token.dep_ not in NOUN_PHRASE_DEPS:
            continue
        end, to_start = _attachment_end(token)
        yield token.left_edge.i, end, token.i, to_start
        for child in token.lefts:
            if child.dep_ == "poss" and child.pos_ in NOMINAL_TAGS:
                yield child.left_edge.i, child.i + 1, child.i, None


def _adjacent_runs(matches: list[Match], covered: set[int]) -> list[tuple[int, int, int, int | None]]:
    """Without a parse, runs of touching matches ("Russian" + "troops") stand in for noun chunks."""
    runs: list[tuple[int, int, int, int | None]] = []
    for match in matches:
        if covered.intersection(range(match.start, match.end)):
            continue
        if runs and runs[-1][1] == match.start:
            runs[-1] = (runs[-1][0], match.end, match.end - 1, None)
        else:
            runs.append((match.start, match.end, match.end - 1, None))
    covered.update(i for start, end, _, _ in runs for i in range(start, end))
    return runs


def find_phrases(doc: Doc, matches: list[Match]) -> list[Phrase]:
    """Candidate actor phrases in text order; a name outside every chunk is a phrase of its own."""
    spans: list[tuple[int, int, int, int | None]] = list(_chunk_spans(doc))
    covered = set()
    for start, end, _, _ in spans:
        covered.update(range(start, end))
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS and ent.root.i not in covered:
            spans.append((ent.start, ent.end, ent.end - 1, None))
            covered.update(range(ent.start, ent.end))
    if not doc.has_annotation("DEP"):
        spans.extend(_adjacent_runs(matches, covered))
    for match in matches:
        if match.end - 1 not in covered and match.has(*PROPER_SENSES, "noun", "generic", "title"):
            spans.append((match.start, match.end, match.end - 1, None))
            covered.update(range(match.start, match.end))
    match_at = {i: m for m in matches for i in range(m.start, m.end)}  # matches do not overlap
    starts = [m.start for m in matches]
    phrases = []
    for start, end, head, to_start in spans:
        start = _trim_start(doc, start, end, head)
        crossing = match_at.get(head)
        if crossing is not None and start <= crossing.start and crossing.end <= end:
            crossing = None
        if crossing is not None:
            # a head inside a longer term: "State" in "Secretary of State" belongs to the phrase
            # that holds the whole term; "wanted persons" parsed as verb + object becomes one phrase
            if any(s <= crossing.start and crossing.end <= e for s, e, _, _ in spans):
                continue
            start, end = min(start, crossing.start), max(end, crossing.end)
        first = bisect_left(starts, start)
        inside = tuple(m for m in matches[first:bisect_left(starts, end)] if m.end <= end)
        phrases.append(Phrase(start, end, head, inside, to_start))
    phrases.sort(key=lambda p: (p.start, -p.end))
    return phrases
