"""ingest/dedup.py: exact and near-duplicate detection, always naming the first copy."""

from __future__ import annotations

import pytest

from flashpoint.ingest.dedup import DuplicateIndex, shingles, signature
from tests.ingest.corpus import SYNDICATED, SYNDICATED_COPY

OTHER = (
    "The parliament of Kenya approved the new budget on Thursday after a long debate about fuel taxes. "
    "Opposition members walked out before the vote and promised to challenge the law in court next week."
)


def test_dedup_shingles_of_short_text_is_one() -> None:
    assert shingles("Talks failed.") == [b"talks failed"]
    assert len(shingles(OTHER)) == len(OTHER.split()) - 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [(SYNDICATED, "first"), (SYNDICATED_COPY, "first"), (SYNDICATED.upper(), "first"), (OTHER, None)],
)
def test_dedup_finds_the_first_copy(text: str, expected: str | None) -> None:
    index = DuplicateIndex()
    index.add_original("first", "h-first", signature(SYNDICATED))
    index.add_original("second", "h-second", signature(SYNDICATED))  # never wins: it came later
    assert index.find_original("h-new", signature(text)) == expected


def test_dedup_exact_hash_wins_even_for_unrelated_signature() -> None:
    index = DuplicateIndex()
    index.add_original("first", "same-hash", signature(SYNDICATED))
    assert index.find_original("same-hash", signature(OTHER)) == "first"


def test_dedup_reloads_from_stored_signatures() -> None:
    index = DuplicateIndex()
    index.load({"h": "first"}, [("first", signature(SYNDICATED)), ("other", signature(OTHER))])
    assert len(index) == 2
    assert index.find_original("x", signature(SYNDICATED_COPY)) == "first"
