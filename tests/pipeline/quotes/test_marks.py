"""Quotation regions from the text alone: every mark style, nesting, apostrophes, open paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.pipeline.quotes.marks import RegionIndex, paragraphs, quotation_regions, uses_single_quotes


def region_texts(text: str) -> list[str]:
    return [text[region.start : region.end] for region in quotation_regions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we are ready” today.", ["we are ready"]),
        ('He said "we are ready" today.', ["we are ready"]),
        ("He said «we are ready» today.", ["we are ready"]),
        ("He said „we are ready“ today.", ["we are ready"]),
        ("He said ''we are ready'' today.", ["we are ready"]),
        ("He said ``we are ready'' today.", ["we are ready"]),
        ("“One,” she said, “two.”", ["One,", "two."]),
        ("”Sloppy opening mark here.”", ["Sloppy opening mark here."]),
    ],
)
def test_marks_pairs_every_double_mark_style(text: str, expected: list[str]) -> None:
    assert region_texts(text) == expected


def test_marks_nested_quote_stays_inside_outer_region() -> None:
    text = '"He asked me: “Are you coming?” and I said no," she recalled.'
    assert region_texts(text) == ["He asked me: “Are you coming?” and I said no,"]


def test_marks_apostrophes_are_not_quotes_in_double_quote_articles() -> None:
    text = "The minister’s aide said ‘no comment’ and “we don’t know” on Friday."
    assert region_texts(text) == ["we don’t know"]


def test_marks_single_quotes_count_in_articles_without_double_marks() -> None:
    text = "‘We won’t back down,’ the general said. The army’s chief agreed."
    assert uses_single_quotes(text)
    assert region_texts(text) == ["We won’t back down,"]


@pytest.mark.parametrize("opening", ["“", '"', "«", "''"])
def test_marks_unclosed_region_runs_to_paragraph_end(opening: str) -> None:
    text = f"{opening}First paragraph of the quote.\n\n{opening}Second and last paragraph.”\n\nAfter."
    regions = quotation_regions(text)
    assert [text[region.start : region.end] for region in regions] == [
        "First paragraph of the quote.",
        "Second and last paragraph.",
    ]
    assert [region.closed for region in regions] == [False, True]
    assert [region.paragraph for region in regions] == [0, 1]


def test_marks_paragraphs_are_trimmed_nonblank_lines() -> None:
    text = "  One.  \n\n\nTwo.\n"
    assert [text[p.start : p.end] for p in paragraphs(text)] == ["One.", "Two."]


@pytest.mark.parametrize(
    ("span_text", "inside", "total"),
    [("he would not “accept red lines”", 14, 24), ("“accept red lines”", 14, 14), ("he would not", 0, 10)],
)
def test_marks_quoted_word_chars_drive_the_kind(span_text: str, inside: int, total: int) -> None:
    text = "Yesterday he would not “accept red lines” at all."
    start = text.index(span_text)
    index = RegionIndex(quotation_regions(text))
    assert index.quoted_word_chars(text, ((start, start + len(span_text)),)) == (inside, total)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", '"', "''", "‘", "’", "«", "»", "„", "a", " ", "\n", "Hi", ", "]), max_size=40))
def test_marks_regions_stay_inside_their_paragraph_in_order(parts: list[str]) -> None:
    text = "".join(parts)
    paras = paragraphs(text)
    previous_end = -1
    for region in quotation_regions(text, paras):
        paragraph = paras[region.paragraph]
        assert paragraph.start <= region.outer_start < region.start < region.end <= region.outer_end <= paragraph.end
        assert region.outer_start >= previous_end
        previous_end = region.outer_end
