"""Direct quotes: quotation regions that stand as whole utterances, grouped and attributed.

A region stands alone when the words outside it in its sentence are nothing but a frame: a short
stretch with a cue verb and a speaker ("…,” he said, “…"), a dash and a name ("…” ― Ann Lee), or
nothing at all. Standing regions in a paragraph joined by nothing but one frame are one quote
with several content spans; a region left open at the end of a paragraph continues in the next
paragraph when that one opens with a quotation mark; a paragraph ending in a colon after a cue
("Mr Reznikov added:") introduces the quote in the paragraph after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from flashpoint.pipeline.quotes.attribution import Attribution, tokens_between, trim, word_count
from flashpoint.pipeline.quotes.lexicon import CueLexicon
from flashpoint.pipeline.quotes.marks import Paragraph, QuoteRegion
from flashpoint.pipeline.quotes.speakers import SpeakerMention, frame_speaker

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "st", "jr", "sr", "prof",
    "pres", "no", "vs", "u.s", "u.k", "u.n", "inc", "corp", "co",
})
SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"”’)]|$)")
DASH_NAME = re.compile(r"\s*[―—–-]+\s*((?:[A-Z][\w.'’-]*\s*){1,5})")
TRANSCRIPT = re.compile(r"[\"“'‘]*\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*:\s+(?=\S)")
FRAME_VERB_POS = frozenset({"VERB", "AUX"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
CLAUSE_REACH = 4  # tokens between a cue and the start of a clause that is its own content
ORPHAN_REACH = 1  # paragraphs after a framed quote in which an unframed quote keeps its speaker


@dataclass(frozen=True)
class Frame:
    cue: tuple[int, int] | None
    speaker: SpeakerMention | None
    cue_token: int | None
    start: int
    end: int


@dataclass
class _Group:
    regions: list[QuoteRegion] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    frame: Frame | None = None


def _sentence_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets just after each sentence end in [start, end), ignoring abbreviations like Mr."""
    breaks: list[int] = []
    for match in SENTENCE_END.finditer(text, start, end):
        word = re.search(r"([\w.]+)$", text[max(start, match.start() - 8) : match.start()])
        if match.group() == "." and word is not None:
            stem = word.group(1).lower()
            if stem in ABBREVIATIONS or (len(stem) == 1 and stem.isalpha()):
                continue
        breaks.append(match.end())
    return breaks


def find_frame(
    doc: Doc, text: str, lexicon: CueLexicon, start: int, end: int, last_cue: bool = False
) -> Frame | None:
    """A cue frame filling [start, end): a cue verb whose content is the quote, not its own clause.

    last_cue picks the cue nearest the end (a frame before its quote: "…, adding: “…”").
    text is doc.text, passed in because spaCy rebuilds doc.text on every access.
    """
    start, end = trim(text, start, end, " \t\n\u00a0,;")
    words = word_count(text, start, end)
    if words == 0:
        return None
    dash = DASH_NAME.match(text, start, end) if text[start] in "―—–-" else None
    if dash is not None and (word_count(text, dash.end(1), end) == 0 or text[dash.end(1) : end].lstrip()[:1] == ","):
        name_start, name_end = trim(text, dash.start(1), dash.end(1))
        tokens = tokens_between(doc, name_start, name_end)
        head = tokens[-1].i if tokens else None
        speaker = SpeakerMention(name_start, name_end, head) if head is not None else None
        return Frame((start, start + 1), speaker, None, start, end)
    if words > lexicon.frame_max_words:
        return None
    cue = _frame_cue(doc, lexicon, start, end, last_cue)
    if cue is None:
        return None
    return Frame((cue.idx, cue.idx + len(cue.text)), frame_speaker(doc, cue, start, end), cue.i, start, end)


def _frame_cue(doc: Doc, lexicon: CueLexicon, start: int, end: int, last_cue: bool) -> Token | None:
    tokens = tokens_between(doc, start, end)
    for token in reversed(tokens) if last_cue else tokens:
        if token.pos_ in FRAME_VERB_POS and lexicon.in_group(token.lemma_.lower(), "speech"):
            # A cue with its own clause here ("said the plan was “dead”") frames no direct quote.
            own_clause = any(
                child.dep_ in CLAUSE_DEPS and start <= child.idx < end and _follows_closely(token, child)
                for child in token.children
            )
            return None if own_clause else token
    return None


def _follows_closely(cue: Token, clause: Token) -> bool:
    """The clause starts right after the cue or its object, not after a comma ("…, after he …")."""
    first = clause.left_edge
    if not cue.i < first.i <= cue.i + CLAUSE_REACH:
        return False
    return not any(token.is_punct for token in cue.doc[cue.i + 1 : first.i])


def _worded_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    edges = [start, *_sentence_breaks(text, start, end), end]
    pieces = [(edges[index], edges[index + 1]) for index in range(len(edges) - 1)]
    return [piece for piece in pieces if word_count(text, *piece) > 0]


def _tail(text: str, start: int, end: int) -> tuple[int, int]:
    breaks = [offset for offset in _sentence_breaks(text, start, end) if offset < end]
    return (breaks[-1] if breaks else start), end


def _head(text: str, start: int, end: int) -> tuple[int, int]:
    breaks = _sentence_breaks(text, start, end)
    return start, (breaks[0] if breaks else end)


def _left_is_open(doc: Doc, text: str, frame: Frame) -> bool:
    """A frame before a quote must end where the quote begins: "said:", "said,", or the cue itself."""
    last = trim(text, frame.start, frame.end, " \t\n\u00a0")[1]
    if last > 0 and text[last - 1] in ":,":
        return True
    return frame.cue_token is not None and doc[frame.cue_token].idx + len(doc[frame.cue_token].text) == last


def _transcript_frames(
    doc: Doc, text: str, paras: Sequence[Paragraph]
) -> dict[int, tuple[Frame, tuple[int, int]]]:
    """'NAME: words' paragraphs (interview transcripts, 'Speaker: claim' headlines): frame, content."""
    found: dict[int, tuple[Frame, tuple[int, int]]] = {}
    for index, paragraph in enumerate(paras):
        match = TRANSCRIPT.match(text, paragraph.start, paragraph.end)
        if match is None:
            continue
        tokens = tokens_between(doc, match.start(1), match.end(1))
        if not tokens or not all(token.pos_ in {"PROPN", "NOUN"} for token in tokens):
            continue
        content = trim(text, match.end(), paragraph.end, " \t\n\u00a0\"”“'’")
        if word_count(text, *content) < 3:
            continue
        colon = text.index(":", match.end(1))
        speaker = SpeakerMention(match.start(1), match.end(1), tokens[-1].i)
        found[index] = (Frame((colon, colon + 1), speaker, None, match.start(1), colon + 1), content)
    return found


def _region_pieces(
    text: str, paragraph: Paragraph, regions: list[QuoteRegion]
) -> list[tuple[int, int]]:
    """Outside text around the regions: before the first, between each pair, after the last."""
    edges = [paragraph.start]
    for region in regions:
        edges.extend((region.outer_start, region.outer_end))
    edges.append(paragraph.end)
    return [(edges[index], edges[index + 1]) for index in range(0, len(edges), 2)]


def direct_attributions(
    doc: Doc, text: str, lexicon: CueLexicon, paras: Sequence[Paragraph], regions: Sequence[QuoteRegion]
) -> tuple[list[Attribution], set[int], list[QuoteRegion]]:
    """(direct quotes, cue token indices they used, regions they consumed); text is doc.text."""
    by_paragraph: dict[int, list[QuoteRegion]] = {}
    for region in regions:
        by_paragraph.setdefault(region.paragraph, []).append(region)
    transcripts = _transcript_frames(doc, text, paras)
    attributions: list[Attribution] = []
    used_cues: set[int] = set()
    consumed: list[QuoteRegion] = []
    carry: _Group | None = None  # a quote left open at the end of the previous paragraph
    intro: Frame | None = None  # "X added:" closing the previous paragraph

    last_framed: list[tuple[int, Frame]] = []  # (paragraph, frame) of the latest framed quote

    def emit(group: _Group) -> None:
        paragraph = group.regions[0].paragraph if group.regions else -1
        if group.frame is None and last_framed and 0 <= paragraph - last_framed[0][0] <= ORPHAN_REACH:
            # A quote paragraph with no cue goes on with the speaker quoted just before it.
            inherited = last_framed[0][1]
            group.frame = Frame(None, inherited.speaker, None, inherited.start, inherited.end)
        elif group.frame is not None and group.frame.speaker is not None:
            last_framed[:] = [(group.regions[-1].paragraph if group.regions else paragraph, group.frame)]
        attributions.append(_to_attribution(text, group))
        consumed.extend(group.regions)
        if group.frame is not None and group.frame.cue_token is not None:
            used_cues.add(group.frame.cue_token)

    for index, paragraph in enumerate(paras):
        if index in transcripts:
            if carry is not None:
                emit(carry)
            frame, content = transcripts[index]
            own = by_paragraph.get(index, [])
            group = _Group(regions=list(own), spans=[content], frame=frame)
            carry, intro = None, None
            if own and not own[-1].closed:
                carry = group  # the speaker goes on in the next quoted paragraph
            else:
                emit(group)
            continue
        own = by_paragraph.get(index, [])
        pieces = _region_pieces(text, paragraph, own)
        groups: list[_Group] = []
        for position, region in enumerate(own):
            before, after = pieces[position], pieces[position + 1]
            left = _tail(text, *before)
            right = _head(text, *after)
            left_frame = find_frame(doc, text, lexicon, *left, last_cue=True)
            right_frame = find_frame(doc, text, lexicon, *right)
            left_ok = word_count(text, *left) == 0 or (left_frame is not None and _left_is_open(doc, text, left_frame))
            right_ok = word_count(text, *right) == 0 or right_frame is not None
            if not (left_ok and right_ok):
                continue
            between = _worded_sentences(text, *before)
            between_ok = not between or (len(between) == 1 and find_frame(doc, text, lexicon, *between[0]) is not None)
            previous = groups[-1] if groups else None
            joins = (
                previous is not None
                and previous.regions[-1] is own[position - 1]
                and between_ok
                and not (right_frame is not None and previous.frame is not None and right_frame != previous.frame)
            )
            at_paragraph_start = region.outer_start == paragraph.start
            if position == 0 and at_paragraph_start and carry is not None:
                groups.append(carry)
                carry = None
                joins = True
            if joins:
                group = groups[-1]
            else:
                group = _Group()
                groups.append(group)
                if position == 0 and at_paragraph_start and intro is not None:
                    group.frame = intro
            group.regions.append(region)
            group.spans.append((region.start, region.end))
            group.frame = group.frame or left_frame or right_frame
        if carry is not None:
            # The open quote did not go on in this paragraph: it ended with the previous one.
            groups.insert(0, carry)
        carry = None
        last_region = own[-1] if own else None
        if groups and last_region is not None and not last_region.closed and groups[-1].regions[-1] is last_region:
            carry = groups.pop()
        intro = _closing_intro(doc, text, lexicon, pieces[-1] if own else (paragraph.start, paragraph.end))
        for group in groups:
            emit(group)
        if intro is not None and intro.cue_token is not None:
            used_cues.add(intro.cue_token)
    if carry is not None:
        emit(carry)
    return attributions, used_cues, consumed


def _closing_intro(doc: Doc, text: str, lexicon: CueLexicon, last_piece: tuple[int, int]) -> Frame | None:
    """'Mr Reznikov added:' at the end of a paragraph announces the quote that follows."""
    start, end = trim(text, *last_piece, " \t\n\u00a0")
    if end <= start or text[end - 1] != ":":
        return None
    return find_frame(doc, text, lexicon, *_tail(text, start, end))


def _to_attribution(text: str, group: _Group) -> Attribution:
    content = []
    for span in group.spans:
        start, end = trim(text, *span, " \t\n\u00a0,")
        if end > start:
            content.append((start, end))
    frame = group.frame
    return Attribution(
        tuple(content),
        None if frame is None else frame.cue,
        None if frame is None else frame.speaker,
        direct=True,
    )


__all__ = ["Frame", "direct_attributions", "find_frame"]
