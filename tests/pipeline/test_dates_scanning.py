"""The lower-case scanner of date rules finds exactly what the case-insensitive rules find."""

from __future__ import annotations

import re

import pytest

from flashpoint.pipeline.dates.matching import candidates_in, rule_matches
from flashpoint.pipeline.dates.rules import load_date_rules, lower_case_scanner, lower_literals


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("FY ?(?P<fy>\\d\\d)", "fy ?(?P<fy>\\d\\d)"),
        ("(?P<Year>\\d{4})T\\D(?P=Year)", "(?P<Year>\\d{4})t\\D(?P=Year)"),
        ("[A-Z]\\W\\S\\B\\N{EM DASH}UTC", "[a-z]\\W\\S\\B\\N{EM DASH}utc"),
        ("(?<![\\w$])(?:Monday|May)(?!\\w)", "(?<![\\w$])(?:monday|may)(?!\\w)"),
    ],
)
def test_rules_lower_literals_keeps_escapes_and_group_names(expression: str, expected: str) -> None:
    assert lower_literals(expression) == expected


def test_rules_lower_case_scanner_only_for_case_insensitive_rules() -> None:
    assert lower_case_scanner(re.compile("May")) is None
    scanner = lower_case_scanner(re.compile("May", re.IGNORECASE))
    assert scanner is not None and scanner.search("in may") and not scanner.search("in MAY")


TEXTS = [
    "The ministry said on Monday that talks would resume in May 2025, after FY24 results.",
    "Officials MAY meet again next WEEK; the ceasefire began at 14:30 UTC on 3 March.",
    "In the early 1990s, and again for three years after the Second Quarter of 2019, prices fell.",
    "İstanbul talks ended on Thursday night, a week earlier than planned.",  # lower() changes length
]


@pytest.mark.parametrize("text", TEXTS)
def test_matching_scanner_finds_the_same_candidates_as_the_rules(text: str) -> None:
    rules = load_date_rules()
    lowered = text.lower()
    aligned = lowered if len(lowered) == len(text) else None
    for rule in rules.rules:
        direct = [(match.start(), match.end()) for match in rule.pattern.finditer(text)]
        scanned = [(match.start(), match.end()) for match in rule_matches(rule, text, aligned)]
        assert scanned == direct, rule.name
    assert candidates_in(text, rules)


def test_rules_every_bundled_rule_has_a_scanner() -> None:
    assert all(rule.scanner is not None for rule in load_date_rules().rules)
