"""Span lookups on a hand-built Doc: the indexed group answers as a scan of the group would."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from flashpoint.pipeline.doc_ext import (
    ACTOR_MENTIONS,
    EXCLUDED,
    actor_id_at,
    actor_id_of_token,
    is_excluded,
    span_index,
)

WORDS = ["Russia", "'s", "foreign", "minister", "met", "Turkish", "officials", "in", "Ankara", "."]


def make_doc(blank_nlp: Language) -> Doc:
    doc = Doc(blank_nlp.vocab, words=WORDS)
    doc.spans[ACTOR_MENTIONS] = [
        Span(doc, 0, 4, label="minister"),  # "Russia's foreign minister"
        Span(doc, 0, 1, label="russia"),
        Span(doc, 5, 7, label="turkish_officials"),
    ]
    doc.spans[EXCLUDED] = [Span(doc, 8, 9, label="boilerplate")]
    return doc


def brute_force_actor_at(doc: Doc, start_char: int, end_char: int) -> str | None:
    best: tuple[int, str] | None = None
    for span in doc.spans[ACTOR_MENTIONS]:
        overlap = min(end_char, span.end_char) - max(start_char, span.start_char)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, span.label_)
    return None if best is None else best[1]


def test_doc_ext_actor_id_at_matches_a_scan_of_the_group_for_every_range(blank_nlp: Language) -> None:
    doc = make_doc(blank_nlp)
    length = len(doc.text)
    for start in range(length):
        for end in range(start + 1, length + 1):
            assert actor_id_at(doc, start, end) == brute_force_actor_at(doc, start, end), (start, end)


@pytest.mark.parametrize(("token", "expected"), [(0, "russia"), (3, "minister"), (4, None), (6, "turkish_officials")])
def test_doc_ext_actor_id_of_token_prefers_the_innermost_mention(blank_nlp: Language, token: int, expected: str | None) -> None:
    assert actor_id_of_token(make_doc(blank_nlp)[token]) == expected


def test_doc_ext_index_is_rebuilt_when_the_group_changes(blank_nlp: Language) -> None:
    doc = make_doc(blank_nlp)
    ankara = doc.text.index("Ankara")
    assert actor_id_at(doc, ankara, ankara + 6) is None
    assert is_excluded(doc, ankara, ankara + 1) and not is_excluded(doc, 0, ankara)
    doc.spans[ACTOR_MENTIONS].append(Span(doc, 8, 9, label="ankara_city"))
    assert actor_id_at(doc, ankara, ankara + 6) == "ankara_city"
    doc.spans[ACTOR_MENTIONS] = [Span(doc, 4, 5, label="verb")]
    assert actor_id_at(doc, ankara, ankara + 6) is None
    assert len(span_index(doc, ACTOR_MENTIONS).rows) == 1
