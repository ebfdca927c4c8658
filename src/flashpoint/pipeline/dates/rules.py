"""Loading the date rule files and compiling their patterns once.

A rule file has vocabulary sections (word -> value mappings and word lists) and a list of rules
whose regular expressions use ``{placeholder}`` for a named group built from the vocabulary.
The bundled ``data/dates.yaml`` comes first; users' files add words and rules on top.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashpoint.data import bundled_path, load_yaml, require_mapping
from flashpoint.errors import DataFileError
from flashpoint.model import TimexType

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
MAPPING_SECTIONS = (
    "months", "weekdays", "number_words", "units", "relative_words", "offset_words", "seasons",
    "parts_of_day", "ordinals", "time_zones", "holidays",
)
LIST_SECTIONS = (
    "capitalised_only", "vague_numbers", "modifiers", "stop_phrases", "future_cues", "past_cues", "discourse_openers",
)
PLACEHOLDER = re.compile(r"\{([a-z_]+?)(\d?)\}")
# A match may not start inside a number, a currency amount or a word, nor end inside a word.
LEFT_EDGE = r"(?<![\w$£€#/.,:-])"
RIGHT_EDGE = r"(?!\w)"


@dataclass(frozen=True)
class DateRule:
    name: str
    pattern: re.Pattern[str]
    type: TimexType
    normalise: str
    # The same expression with its literal letters lower-cased, for scanning a lower-cased text:
    # case-insensitive matching made scanning three to five times slower (see matching.py).
    scanner: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Phrase:
    type: TimexType
    value: str


@dataclass(frozen=True)
class DateRules:
    """Every vocabulary table and compiled rule, ready for matching and normalising."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    number_words: Mapping[str, float]
    units: Mapping[str, str]
    relative_words: Mapping[str, int]
    offset_words: Mapping[str, int]
    seasons: Mapping[str, str]
    parts_of_day: Mapping[str, str]
    ordinals: Mapping[str, int]
    time_zones: Mapping[str, str]
    holidays: Mapping[str, str]
    capitalised_only: frozenset[str]
    vague_numbers: frozenset[str]
    discourse_openers: frozenset[str]
    phrases: Mapping[str, Phrase]
    future_cues: re.Pattern[str] | None
    past_cues: re.Pattern[str] | None
    stop_phrases: re.Pattern[str] | None
    rules: tuple[DateRule, ...]


def normalise_words(text: str) -> str:
    """Lower case with single spaces: the key under which vocabulary is looked up."""
    return " ".join(text.lower().split())


def _alternation(words: Sequence[str]) -> str:
    # Longest first so that "sept" is not cut to "sep", and spaces match any whitespace.
    ordered = sorted({normalise_words(word) for word in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in word.split(" ")) for word in ordered)


def _number_pattern(number_words: Mapping[str, float]) -> str:
    # Articles ("a", "an") count only alone or at the head of a listed phrase ("a dozen"):
    # in "a five-year plan" the article is not part of the number.
    articles = {"a", "an"}
    single = [word for word in number_words if " " not in word and word not in articles]
    phrases = [word for word in number_words if " " in word or word in articles]
    word = f"(?:{_alternation(single)})"
    compound = rf"{word}(?:[- ]{word})*"
    phrase_part = f"{_alternation(phrases)}|" if phrases else ""
    return rf"{compound}|\d+(?:\.\d+)?|{phrase_part}(?!)"


def placeholder_patterns(vocab: Mapping[str, Any]) -> dict[str, str]:
    """The regular expression (without group) for each placeholder name."""
    return {
        "month": _alternation(list(vocab["months"])),
        "weekday": _alternation(list(vocab["weekdays"])),
        "season": _alternation(list(vocab["seasons"])),
        "part": _alternation(list(vocab["parts_of_day"])),
        "holiday": _alternation(list(vocab["holidays"])),
        "vague": _alternation(list(vocab["vague_numbers"])),
        "unit": _alternation(list(vocab["units"])),
        "rel": _alternation(list(vocab["relative_words"])),
        "offset_word": _alternation(list(vocab["offset_words"])),
        "ordinal": _alternation(list(vocab["ordinals"])),
        "modifier": _alternation(list(vocab["modifiers"])),
        "num": _number_pattern(vocab["number_words"]),
        "day": r"0?[1-9](?!\d)|[12]\d(?!\d)|3[01](?!\d)",
        "year": r"(?:1[5-9]|20)\d\d(?!\d)",
    }


def expand_pattern(raw: str, patterns: Mapping[str, str], source: str) -> str:
    """Replace each {name} or {nameN} with a named group; a group name appears once per rule."""

    def replace(match: re.Match[str]) -> str:
        base, suffix = match.group(1), match.group(2)
        if base not in patterns:
            raise DataFileError(source, None, f"unknown placeholder {{{base}{suffix}}} in {raw!r}")
        # Modifiers never feed the value, so they need no group of their own.
        if base == "modifier":
            return f"(?:{patterns[base]})"
        return f"(?P<{base}{suffix}>{patterns[base]})"

    return PLACEHOLDER.sub(replace, raw)


def compile_rule(entry: Any, patterns: Mapping[str, str], source: str, index: int) -> DateRule:
    from flashpoint.pipeline.dates.normalise import NORMALISERS

    if not isinstance(entry, dict):
        raise DataFileError(source, None, f"rule {index} must be a mapping")
    missing = [key for key in ("name", "pattern", "type", "normalise") if key not in entry]
    if missing:
        raise DataFileError(source, None, f"rule {index} ({entry.get('name')!r}) lacks {', '.join(missing)}")
    if entry["type"] not in TIMEX_TYPES:
        raise DataFileError(source, None, f"rule {entry['name']!r}: type must be one of {TIMEX_TYPES}")
    if entry["normalise"] not in NORMALISERS:
        known = ", ".join(sorted(NORMALISERS))
        raise DataFileError(source, None, f"rule {entry['name']!r}: unknown normalise {entry['normalise']!r} (known: {known})")
    body = expand_pattern(str(entry["pattern"]), patterns, source)
    try:
        pattern = re.compile(LEFT_EDGE + f"(?:{body})" + RIGHT_EDGE, re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(source, None, f"rule {entry['name']!r}: bad pattern: {exc}") from exc
    return DateRule(str(entry["name"]), pattern, entry["type"], str(entry["normalise"]), lower_case_scanner(pattern))


def lower_literals(expression: str) -> str:
    """The expression with every literal letter lower-cased; escapes (\\D, \\W, \\N{...}) and
    group names keep their case."""
    out: list[str] = []
    index = 0
    while index < len(expression):
        char = expression[index]
        if char == "\\":
            end = expression.index("}", index) + 1 if expression.startswith("\\N{", index) else index + 2
            out.append(expression[index:end])
            index = end
        elif expression.startswith(("(?P<", "(?P="), index):
            end = expression.index(">" if expression[index + 3] == "<" else ")", index) + 1
            out.append(expression[index:end])
            index = end
        else:
            out.append(char.lower())
            index += 1
    return "".join(out)


def lower_case_scanner(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern for lower-cased text, or None when its literals cannot be lower-cased safely."""
    if not pattern.flags & re.IGNORECASE:
        return None
    try:
        return re.compile(lower_literals(pattern.pattern), pattern.flags & ~re.IGNORECASE)
    except (re.error, ValueError):
        return None


def _merge_vocab(files: Sequence[Path]) -> tuple[dict[str, Any], list[tuple[str, Any]], list[tuple[str, Any]]]:
    vocab: dict[str, Any] = {name: {} for name in MAPPING_SECTIONS}
    vocab.update({name: [] for name in LIST_SECTIONS})
    rules: list[tuple[str, Any]] = []
    phrases: list[tuple[str, Any]] = []
    for path in files:
        source = str(path)
        data = require_mapping(path, load_yaml(path), "date rules")
        for name in MAPPING_SECTIONS:
            section = require_mapping(path, data.get(name), name)
            vocab[name].update({normalise_words(str(key)): value for key, value in section.items()})
        for name in LIST_SECTIONS:
            values = data.get(name) or []
            if not isinstance(values, list):
                raise DataFileError(source, None, f"{name} must be a list")
            vocab[name].extend(normalise_words(str(value)) for value in values)
        rules.extend((source, entry) for entry in data.get("rules") or [])
        phrases.extend((source, entry) for entry in data.get("phrases") or [])
    return vocab, rules, phrases


def _phrase_table(entries: Sequence[tuple[str, Any]]) -> dict[str, Phrase]:
    table: dict[str, Phrase] = {}
    for source, entry in entries:
        if not isinstance(entry, dict) or not {"text", "type", "value"} <= entry.keys():
            raise DataFileError(source, None, f"phrase entry needs text, type and value: {entry!r}")
        if entry["type"] not in TIMEX_TYPES:
            raise DataFileError(source, None, f"phrase {entry['text']!r}: type must be one of {TIMEX_TYPES}")
        texts = entry["text"] if isinstance(entry["text"], list) else [entry["text"]]
        for text in texts:
            table[normalise_words(str(text))] = Phrase(entry["type"], str(entry["value"]))
    return table


def _cue_pattern(cues: Sequence[str]) -> re.Pattern[str] | None:
    """Matches text that ends with one of the cue words (the text before a date)."""
    if not cues:
        return None
    return re.compile(rf"(?<!\w)(?:{_alternation(cues)})\s*(?:the\s+)?$", re.IGNORECASE)


def load_date_rules(extra_files: Sequence[Path] = ()) -> DateRules:
    files = [bundled_path("dates.yaml"), *extra_files]
    vocab, rule_entries, phrase_entries = _merge_vocab(files)
    patterns = placeholder_patterns(vocab)
    phrases = _phrase_table(phrase_entries)
    rules: list[DateRule] = []
    if phrases:
        phrase_rule = {"name": "phrase", "pattern": f"(?P<phrase>{_alternation(list(phrases))})", "type": "DATE", "normalise": "phrase"}
        rules.append(compile_rule(phrase_rule, patterns, "phrases", 0))
    rules.extend(compile_rule(entry, patterns, source, index) for index, (source, entry) in enumerate(rule_entries, 1))
    stops = vocab["stop_phrases"]
    stop_pattern = re.compile(LEFT_EDGE + f"(?:{_alternation(stops)})" + RIGHT_EDGE, re.IGNORECASE) if stops else None
    return DateRules(
        months=vocab["months"], weekdays=vocab["weekdays"], number_words=vocab["number_words"],
        units=vocab["units"], relative_words=vocab["relative_words"], offset_words=vocab["offset_words"],
        seasons=vocab["seasons"], parts_of_day=vocab["parts_of_day"], ordinals=vocab["ordinals"],
        time_zones=vocab["time_zones"], holidays=vocab["holidays"],
        capitalised_only=frozenset(vocab["capitalised_only"]), vague_numbers=frozenset(vocab["vague_numbers"]),
        discourse_openers=frozenset(vocab["discourse_openers"]),
        phrases=phrases, future_cues=_cue_pattern(vocab["future_cues"]),
        past_cues=_cue_pattern(vocab["past_cues"]), stop_phrases=stop_pattern, rules=tuple(rules),
    )
