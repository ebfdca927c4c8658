"""The amounts knowledge (number words, scales, currencies, units, cue words) loaded from YAML.

``load_lexicon`` merges the bundled ``data/amounts.yaml`` with users' files and compiles every
pattern once, so the scanner never builds a regex per document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashpoint.data import bundled_path, load_yaml, require_mapping
from flashpoint.errors import DataFileError

QUALIFIER_KEYS = ("approximate", "more_than", "at_least", "less_than", "at_most", "up_to")
MAPPING_KEYS = (
    "number_words", "scale_words", "scale_suffixes", "vague_plurals", "vague_multipliers", "vague_counts",
    "fraction_words", "currencies", "units", "qualifiers", "change_verbs",
)
LIST_KEYS = (
    "attached_only", "ordinal_suffixes", "time_suffixes", "months", "label_nouns", "reporting_verbs",
    "pronoun_one_before", "pronoun_one_after", "score_words", "change_needs_unit", "phrasal_verbs",
    "street_words",
)


@dataclass(frozen=True)
class AmountLexicon:
    number_words: dict[str, float]
    scale_words: dict[str, float]
    scale_suffixes: dict[str, float]
    attached_only: frozenset[str]
    vague_plurals: dict[str, tuple[float, float]]
    vague_multipliers: dict[str, float]
    vague_counts: dict[str, tuple[float, float]]
    fraction_words: dict[str, int]
    currency_symbols: tuple[tuple[str, str], ...]  # (surface, ISO), longest first
    currency_words: tuple[tuple[str, str], ...]
    units: tuple[tuple[str, str], ...]  # (surface, canonical unit), longest first
    ordinal_suffixes: frozenset[str]
    time_suffixes: tuple[str, ...]
    months: frozenset[str]
    label_nouns: frozenset[str]
    year_range: tuple[int, int]
    qualifiers_before: tuple[tuple[str, str], ...]  # (cue, qualifier), longest first
    qualifiers_after: tuple[tuple[str, str], ...]
    change_verbs: dict[str, str]  # phrase -> increase | decrease
    change_needs_unit: frozenset[str]
    phrasal_verbs: frozenset[str]
    street_words: tuple[str, ...]
    reporting_verbs: frozenset[str]
    pronoun_one_before: frozenset[str]
    pronoun_one_after: frozenset[str]
    score_words: frozenset[str]
    patterns: AmountPatterns


@dataclass(frozen=True)
class AmountPatterns:
    """Regexes compiled once from the lexicon.

    The word patterns (words, vague, word_fraction, ratio, multiple) are lower-case and run over
    ``fold_case(text)``: case-insensitive alternations are several times slower in ``re``.
    """

    digits: re.Pattern[str]
    words: re.Pattern[str]
    vague: re.Pattern[str]
    word_fraction: re.Pattern[str]
    ratio: re.Pattern[str]
    currency_before: re.Pattern[str]
    currency_after: re.Pattern[str]
    scale_after: re.Pattern[str]
    unit_after: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    change_before: re.Pattern[str]
    change_to_before: re.Pattern[str]
    time_after: re.Pattern[str]
    phone: re.Pattern[str]
    street_after: re.Pattern[str]
    multiple: re.Pattern[str]


def load_lexicon(extra_files: Sequence[Path] = ()) -> AmountLexicon:
    merged: dict[str, Any] = {key: {} for key in MAPPING_KEYS} | {key: [] for key in LIST_KEYS}
    merged["year_range"] = [1800, 2100]
    for path in [bundled_path("amounts.yaml"), *extra_files]:
        data = require_mapping(path, load_yaml(path), "amount knowledge")
        _merge(path, merged, data)
    return _build(merged)


def _merge(path: Path, merged: dict[str, Any], data: dict[str, Any]) -> None:
    for key, value in data.items():
        if key == "version":
            continue
        if key in MAPPING_KEYS:
            if not isinstance(value, dict):
                raise DataFileError(str(path), None, f"'{key}' must be a mapping")
            for name, entry in value.items():
                if key in ("qualifiers", "currencies") and name in merged[key]:
                    for part, items in (entry or {}).items():
                        merged[key][name].setdefault(part, []).extend(items or [])
                else:
                    merged[key][name] = entry
        elif key in LIST_KEYS:
            if not isinstance(value, list):
                raise DataFileError(str(path), None, f"'{key}' must be a list")
            merged[key].extend(value)
        elif key == "year_range":
            if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)):
                raise DataFileError(str(path), None, "'year_range' must be [first, last] integers")
            merged[key] = value
        else:
            raise DataFileError(str(path), None, f"unknown section '{key}'")


def _numbers(section: str, mapping: dict[str, Any]) -> dict[str, float]:
    result: dict[str, float] = {}
    for name, value in mapping.items():
        if not isinstance(value, int | float):
            raise DataFileError("amounts.yaml", None, f"{section}.{name} must be a number, got {value!r}")
        result[str(name)] = float(value)
    return result


def _longest_first(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    unique = dict.fromkeys(pairs)
    return tuple(sorted(unique, key=lambda pair: -len(pair[0])))


def _alternation(forms: Iterable[str]) -> str:
    ordered = sorted(set(forms), key=len, reverse=True)
    return "|".join(re.escape(form) for form in ordered)


def _cased_alternation(forms: Iterable[str]) -> str:
    """Short forms match as written ("m" is not "M"); spelled-out ones in any case ("Percent")."""
    unique = set(forms)
    short = [form for form in unique if len(form) <= 3]
    long = [form for form in unique if len(form) > 3]
    return f"(?i:{_alternation(long)})|{_alternation(short)}" if long else _alternation(short)


def _build(raw: dict[str, Any]) -> AmountLexicon:
    number_words = {k.lower(): v for k, v in _numbers("number_words", raw["number_words"]).items()}
    scale_words = {k.lower(): v for k, v in _numbers("scale_words", raw["scale_words"]).items()}
    scale_suffixes = _numbers("scale_suffixes", raw["scale_suffixes"])
    vague = {str(k).lower(): (float(v[0]), float(v[1])) for k, v in raw["vague_plurals"].items()}
    multipliers = {k.lower(): v for k, v in _numbers("vague_multipliers", raw["vague_multipliers"]).items()}
    fractions = {str(k).lower(): int(v) for k, v in raw["fraction_words"].items()}
    symbols: list[tuple[str, str]] = []
    words: list[tuple[str, str]] = []
    for code, forms in raw["currencies"].items():
        symbols.extend((str(form), str(code)) for form in (forms or {}).get("symbols") or [])
        words.extend((str(form), str(code)) for form in (forms or {}).get("words") or [])
    units = [(str(form), str(name)) for name, forms in raw["units"].items() for form in forms or []]
    before: list[tuple[str, str]] = []
    after: list[tuple[str, str]] = []
    for qualifier, cues in raw["qualifiers"].items():
        if qualifier not in QUALIFIER_KEYS:
            raise DataFileError("amounts.yaml", None, f"unknown qualifier '{qualifier}'")
        before.extend((str(cue).lower(), qualifier) for cue in (cues or {}).get("before") or [])
        after.extend((str(cue).lower(), qualifier) for cue in (cues or {}).get("after") or [])
    change = {
        str(phrase).lower(): direction
        for direction, phrases in raw["change_verbs"].items()
        for phrase in phrases or []
    }
    lexicon_parts = {
        "number_words": number_words,
        "scale_words": scale_words,
        "scale_suffixes": scale_suffixes,
        "attached_only": frozenset(str(s) for s in raw["attached_only"]),
        "vague_plurals": vague,
        "vague_multipliers": multipliers,
        "vague_counts": {" ".join(str(k).lower().split()): (float(v[0]), float(v[1])) for k, v in raw["vague_counts"].items()},
        "fraction_words": fractions,
        "currency_symbols": _longest_first(symbols),
        "currency_words": _longest_first(words),
        "units": _longest_first(units),
        "ordinal_suffixes": frozenset(str(s).lower() for s in raw["ordinal_suffixes"]),
        "time_suffixes": tuple(str(s) for s in raw["time_suffixes"]),
        "months": frozenset(str(m).lower() for m in raw["months"]),
        "label_nouns": frozenset(str(n).lower() for n in raw["label_nouns"]),
        "year_range": (int(raw["year_range"][0]), int(raw["year_range"][1])),
        "qualifiers_before": _longest_first(before),
        "qualifiers_after": _longest_first(after),
        "change_verbs": change,
        "change_needs_unit": frozenset(str(v).lower() for v in raw["change_needs_unit"]),
        "phrasal_verbs": frozenset(str(v).lower() for v in raw["phrasal_verbs"]),
        "street_words": tuple(str(v) for v in raw["street_words"]),
        "reporting_verbs": frozenset(str(v).lower() for v in raw["reporting_verbs"]),
        "pronoun_one_before": frozenset(str(v).lower() for v in raw["pronoun_one_before"]),
        "pronoun_one_after": frozenset(str(v).lower() for v in raw["pronoun_one_after"]),
        "score_words": frozenset(str(v).lower() for v in raw["score_words"]),
    }
    patterns = _compile(lexicon_parts)
    return AmountLexicon(**lexicon_parts, patterns=patterns)


def _compile(parts: dict[str, Any]) -> AmountPatterns:
    word_numbers = _alternation([*parts["number_words"], *parts["scale_words"]])
    scales = _alternation(parts["scale_words"])
    symbol_forms = _alternation(form for form, _ in parts["currency_symbols"])
    currency_words = _cased_alternation(form for form, _ in parts["currency_words"])
    scale_forms = _alternation([*parts["scale_words"], *parts["scale_suffixes"]])
    unit_forms = _cased_alternation(form for form, _ in parts["units"])
    before_cues = _alternation(cue for cue, _ in parts["qualifiers_before"])
    after_cues = _alternation(cue for cue, _ in parts["qualifiers_after"])
    change_forms = _alternation(parts["change_verbs"])
    fraction_forms = _alternation(parts["fraction_words"])
    small_words = _alternation(parts["number_words"])
    time_forms = _alternation(parts["time_suffixes"])
    vague_heads = _alternation(parts["vague_plurals"])
    vague_mults = _alternation(parts["vague_multipliers"])
    return AmountPatterns(
        # A number not glued to a word before it ("S23", "mk5"), with an optional sign.
        digits=re.compile(
            r"(?<![\d.,/⁄_])(?:(?<![A-Za-z])(?P<sign>[-−–]|\+|minus[- ]|plus[- ]))?"
            r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
            r"(?:\s?(?P<frac>[/⁄])\s?(?P<den>\d+))?(?P<vulgar>[½¼¾⅓⅔⅛])?"
            r"(?P<tail>[A-Za-zµμ°º€£¢%]+(?:[-/][A-Za-z]+)?)?",
            re.NOFLAG,
        ),
        words=re.compile(
            rf"\b(?:(?P<article>an?)\s+(?=(?:{scales})\b))?"
            rf"(?P<num>(?:{word_numbers})(?:(?:\s+and\s+|\s+|-)(?:{word_numbers}))*)\b"
            rf"(?:\s+and\s+a\s+(?P<half>half))?",
            re.NOFLAG,
        ),
        vague=re.compile(
            rf"\b(?:(?P<mult>{vague_mults})\s+of\s+)?(?P<head>{vague_heads})\b"
            rf"|\b(?P<count>{_alternation(parts['vague_counts'])})\s+(?P<scale>{scales})\b",
            re.NOFLAG,
        ),
        word_fraction=re.compile(
            rf"\b(?P<num>an?|{small_words})[\s-](?P<den>{fraction_forms})\b(?P<of>\s+of\b)?"
            rf"|\b(?P<half>half)\b",
            re.NOFLAG,
        ),
        ratio=re.compile(
            rf"\b(?P<a>{small_words}|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>{small_words}|\d+)\b",
            re.NOFLAG,
        ),
        currency_before=re.compile(rf"(?:(?<![A-Za-z])(?:{symbol_forms}))\s?$"),
        currency_after=re.compile(rf"\s?(?:{currency_words})(?![A-Za-z])"),
        scale_after=re.compile(rf"[\s-]?(?P<scale>{scale_forms})(?![A-Za-z])"),
        unit_after=re.compile(rf"(?P<space>\s?)(?P<unit>{unit_forms})(?![A-Za-z0-9²³])"),
        qualifier_before=re.compile(rf"(?<![A-Za-z])(?P<cue>{before_cues})[\s-]*$", re.IGNORECASE),
        qualifier_after=re.compile(rf"^\s?(?P<cue>{after_cues})(?![A-Za-z])", re.IGNORECASE),
        change_before=re.compile(
            rf"(?<![A-Za-z])(?P<particle_of>[a-z]+\s+)?(?P<verb>{change_forms})\s+(?P<by>(?:[a-z']+\s+){{0,3}}?by\s+)?"
            rf"(?:(?:a\s+)?(?:{before_cues})\s+)?"
            r"(?:(?:a|an|another|only|just|nearly|some|over|an additional|a further)\s+)?$",
            re.IGNORECASE,
        ),
        change_to_before=re.compile(
            rf"(?<![A-Za-z])(?P<verb>{change_forms})\s+(?:only\s+|further\s+|back\s+)?to\s+"
            rf"(?:(?:{before_cues})\s+)?$",
            re.IGNORECASE,
        ),
        time_after=re.compile(rf"\s?(?:{time_forms})(?![A-Za-z])", re.IGNORECASE),
        street_after=re.compile(
            rf"\s+(?:[A-Z][\w'’-]*\s+){{1,3}}(?:{_alternation(parts['street_words'])})\b"
        ),
        multiple=re.compile(r"\b(?P<num>[a-z]+|\d+(?:\.\d+)?)[\s-]?fold\b"),
        phone=re.compile(
            r"(?<![\w])(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)"
            r"|(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?![\d%])"
            r"|(?<![\w.,])0\d{2,4}(?:[\s-]\d{3,8}){1,2}(?![\d,.])"
        ),
    )
