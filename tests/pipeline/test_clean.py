"""The clean component lists boilerplate and pasted headlines without cutting them out."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import DataFileError
from flashpoint.pipeline.clean import CleanComponent, find_exclusions, load_clean_patterns
from flashpoint.pipeline.doc_ext import EXCLUDED, is_excluded

PATTERNS = load_clean_patterns()

STORY = "Troops massed near the border on Monday, officials said.\n\n{line}\n\nThe army denied moving troops toward the border.\n"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("READ MORE: Inside the talks", "read_more"),
        ("Related: Ceasefire talks stall", "read_more"),
        ("Related stories", "read_more"),
        ("This story is from March 6, 2002", "read_more"),
        ("Sign up for our morning briefing", "subscribe"),
        ("Share this article", "share"),
        ("Follow us on social media", "share"),
        ("Facebook | Twitter | Email", "share"),
        ("Image caption: Soldiers at a checkpoint", "caption"),
        ("Photograph by a staff photographer", "caption"),
        ("Advertisement", "advertisement"),
        ("Oil Prices Slide As Markets Wait – Report", "headline"),
        ("Stock Markets Tumble in Early Trading", "headline"),
        ("Central bank holds rates steady – Analysis", "headline"),
    ],
)
def test_clean_excludes_line_with_reason(line: str, reason: str) -> None:
    text = STORY.format(line=line)
    exclusions = find_exclusions(text, PATTERNS)
    assert [(text[item.start : item.end], item.reason) for item in exclusions] == [(line, reason)]


@pytest.mark.parametrize(
    "line",
    [
        "Russian troops remained near the border, according to the ministry.",
        "The Army Moved Troops",  # shares its words with the story around it
        "Officials said talks would resume",  # sentence case, not a headline
        "Troops at the Border",  # linked to the neighbouring paragraphs
        "related to the clashes, police arrested twelve men in the old city on sunday.",
        "this story is from a reporter who saw the troops massed near the border, and the army denied it.",
    ],
)
def test_clean_keeps_story_lines(line: str) -> None:
    assert find_exclusions(STORY.format(line=line), PATTERNS) == []


def test_clean_keeps_first_line_and_title() -> None:
    text = "Markets Rally As Oil Prices Slide\n\nTroops massed near the border on Monday.\n"
    assert find_exclusions(text, PATTERNS) == []


def test_clean_component_sets_spans_and_offsets(blank_nlp) -> None:
    text = STORY.format(line="READ MORE: Inside the talks")
    doc = CleanComponent(PATTERNS)(blank_nlp(text))
    assert [span.text for span in doc.spans[EXCLUDED]] == ["READ MORE: Inside the talks"]
    (excluded,) = doc._.fp_excluded
    assert text[excluded.start : excluded.end] == excluded.text
    assert is_excluded(doc, excluded.start + 2, excluded.start + 3)
    assert not is_excluded(doc, 0, 6)


def test_clean_user_patterns_extend_bundled(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("line_patterns:\n  - reason: promo\n    patterns: ['download our app.*']\n")
    patterns = load_clean_patterns([extra])
    text = STORY.format(line="Download our app for live updates")
    assert [item.reason for item in find_exclusions(text, patterns)] == ["promo"]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("line_patterns: [\n  - reason: x\n", "mine.yaml:"),
        ("line_patterns:\n  - patterns: ['x']\n", "needs a 'reason'"),
        ("line_patterns:\n  - reason: bad\n    patterns: ['(unclosed']\n", "bad pattern"),
    ],
)
def test_clean_malformed_user_file_names_file(tmp_path: Path, content: str, fragment: str) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(content)
    with pytest.raises(DataFileError, match=fragment) as info:
        load_clean_patterns([extra])
    assert "mine.yaml" in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected_starts"),
    [
        ("Troops massed\n\nOfficials said so.", ["Officials"]),
        ("One line\nSecond line\r\nThird", ["Second", "Third"]),
        ("No break in this sentence at all.", []),
    ],
)
def test_clean_line_breaks_start_sentences(blank_nlp, text: str, expected_starts: list[str]) -> None:
    doc = CleanComponent(PATTERNS)(blank_nlp(text))
    assert [token.text for token in doc if token.i > 0 and token.is_sent_start] == expected_starts
