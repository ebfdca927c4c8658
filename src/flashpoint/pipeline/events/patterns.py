"""Loading the event knowledge: trigger patterns, CAMEO codes, the PLOVER mapping, factuality cues.

Everything here is data from ``flashpoint/data/events/`` plus the user's ``event_pattern_files``;
the loaders validate it and raise DataFileError naming the file (and line where YAML gives one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flashpoint.data import bundled_path, iter_csv_rows, load_yaml, require_mapping
from flashpoint.errors import DataFileError
from flashpoint.model import EVENT_TYPES

# Pattern phrases are split like the tokenizer splits text: "build-up" is build, -, up.
PHRASE_TOKEN = re.compile(r"\w+|[^\w\s]")
PATTERNS_FILE = ("events", "patterns.yaml")
CAMEO_FILE = ("events", "cameo_codes.csv")
MAPPING_FILE = ("events", "plover_cameo.csv")
FACTUALITY_FILE = ("events", "factuality.yaml")
INTENTS_FILE = ("events", "intents.csv")

CUE_KEYS = (
    "reporting_verbs", "according_to", "denial_verbs", "hypothetical_verbs", "planning_verbs",
    "wish_verbs", "hypothetical_nouns", "planning_nouns", "hypothetical_adjectives",
    "modals_hypothetical", "modals_planned", "conditional_marks", "negations", "light_verbs",
    "charge_nouns", "modals_obligation", "failure_verbs",
)
PATTERN_KEYS = {"type", "mode", "cameo", "verbs", "nouns", "args", "subjects", "preps", "passive", "confidence",
                "complement", "needs_anchor", "participle", "not_event", "objects"}
FLAG_KEYS = ("complement", "needs_anchor", "participle", "not_event")


@dataclass(frozen=True)
class CameoCode:
    code: str
    goldstein: float
    name: str

    @property
    def quad_class(self) -> int:
        root = int(self.code[:2])
        if root <= 5:
            return 1
        if root <= 8:
            return 2
        if root <= 13:
            return 3
        return 4


@dataclass(frozen=True)
class TriggerPattern:
    """One way of saying an event: a trigger lemma (with its multi-word context) and a frame."""

    type: str
    mode: str | None
    cameo: str
    pos: str  # "VERB" or "NOUN"
    head: str  # the lemma of the trigger word itself
    before: tuple[str, ...] = ()  # lemmas that must precede the head ("air" strike)
    after: tuple[str, ...] = ()  # lemmas that must follow the head (call "for")
    args: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    passive: bool | None = None
    complement: bool = False  # the verb must take an object or clause ("asked X to ...", not "when asked")
    needs_anchor: bool = False  # a situation noun ("violence") is an event only with actors, date or place
    participle: bool = False  # the participle before a noun still reports the act: "the arrested men"
    not_event: bool = False  # a sense that is no event ("heart attack", "strike a balance"): it wins and yields nothing
    confidence: float = 0.7
    origin: str = ""

    @property
    def specificity(self) -> int:
        """Frames and longer phrases beat bare words when several patterns match one token."""
        return (
            2 * bool(self.args) + 3 * bool(self.subjects) + 3 * bool(self.objects) + 2 * bool(self.preps) + len(self.before)
            + len(self.after) + (self.passive is not None) + self.complement
        )


@dataclass(frozen=True)
class FactualityCues:
    sets: Mapping[str, frozenset[str]]

    def __getattr__(self, name: str) -> frozenset[str]:
        if name in CUE_KEYS:
            return self.sets.get(name, frozenset())
        raise AttributeError(name)


@dataclass(frozen=True)
class EventKnowledge:
    by_lemma: Mapping[tuple[str, str], tuple[TriggerPattern, ...]]  # (pos, head lemma) -> patterns
    cameo: Mapping[str, CameoCode]
    plover_of_code: Mapping[str, tuple[str, str | None]]
    cues: FactualityCues
    patterns: tuple[TriggerPattern, ...] = field(default=())
    default_codes: Mapping[tuple[str, str | None], str] = field(default_factory=dict)
    head_words: frozenset[str] = frozenset()  # every trigger head lemma, for a quick first test
    intent_codes: Mapping[tuple[str, str | None], tuple[str, str, str | None]] = field(default_factory=dict)

    def intent_for(self, event_type: str, mode: str | None) -> tuple[str, str, str | None] | None:
        """(type, CAMEO code, mode) of the event that announcing this action is, if any."""
        return self.intent_codes.get((event_type, mode)) or self.intent_codes.get((event_type, None))

    def default_cameo(self, event_type: str) -> str:
        return self.default_codes.get((event_type, None), "")

    def cameo_code(self, code: str) -> CameoCode | None:
        return self.cameo.get(code)

    def plover_for(self, code: str) -> tuple[str, str | None] | None:
        """The PLOVER (type, mode) of a CAMEO code: the longest mapped prefix wins."""
        for length in range(len(code), 1, -1):
            found = self.plover_of_code.get(code[:length])
            if found is not None:
                return found
        return None


def load_cameo_codes(path: Path) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    for line, row in iter_csv_rows(path, required=("code", "goldstein")):
        code = row["code"]
        if not code.isdigit() or not 2 <= len(code) <= 4:
            raise DataFileError(str(path), line, f"CAMEO code {code!r} must be 2-4 digits")
        try:
            goldstein = float(row["goldstein"])
        except ValueError:
            raise DataFileError(str(path), line, f"goldstein {row['goldstein']!r} is not a number") from None
        if not -10 <= goldstein <= 10:
            raise DataFileError(str(path), line, f"goldstein {goldstein} is outside -10..10")
        codes[code] = CameoCode(code=code, goldstein=goldstein, name=row.get("name", ""))
    return codes


def load_mapping(
    path: Path, codes: Mapping[str, CameoCode]
) -> tuple[dict[str, tuple[str, str | None]], dict[tuple[str, str | None], str]]:
    """(CAMEO code -> PLOVER type and mode, (type, mode) -> default CAMEO code)."""
    to_plover: dict[str, tuple[str, str | None]] = {}
    defaults: dict[tuple[str, str | None], str] = {}
    for line, row in iter_csv_rows(path, required=("cameo", "plover")):
        code, plover, mode = row["cameo"], row["plover"], row.get("mode") or None
        if code not in codes:
            raise DataFileError(str(path), line, f"CAMEO code {code!r} is not in {CAMEO_FILE[-1]}")
        if plover not in EVENT_TYPES:
            raise DataFileError(str(path), line, f"unknown PLOVER type {plover!r}")
        to_plover.setdefault(code, (plover, mode))
        if row.get("default", "").lower() in {"yes", "true", "1"}:
            defaults.setdefault((plover, mode), code)
    for code, (plover, _mode) in to_plover.items():
        # A type without a mode-less default falls back to its first listed code.
        defaults.setdefault((plover, None), code)
    return to_plover, defaults


def load_intent_codes(path: Path, codes: Mapping[str, CameoCode]) -> dict[tuple[str, str | None], tuple[str, str, str | None]]:
    table: dict[tuple[str, str | None], tuple[str, str, str | None]] = {}
    for line, row in iter_csv_rows(path, required=("type", "derived", "cameo")):
        for key in ("type", "derived"):
            if row[key] not in EVENT_TYPES:
                raise DataFileError(str(path), line, f"unknown PLOVER type {row[key]!r}")
        if row["cameo"] not in codes:
            raise DataFileError(str(path), line, f"CAMEO code {row['cameo']!r} is not in {CAMEO_FILE[-1]}")
        table[(row["type"], row.get("mode") or None)] = (row["derived"], row["cameo"], row.get("derived_mode") or None)
    return table


def _words(path: Path, index: int, entry: Mapping[str, Any], key: str) -> list[str]:
    value = entry.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise DataFileError(str(path), None, f"pattern #{index + 1}: {key!r} must be a list of words")
    return [item.strip().lower() for item in value]


def parse_pattern_entry(
    path: Path, index: int, entry: Any, codes: Mapping[str, CameoCode],
    defaults: Mapping[tuple[str, str | None], str],
) -> list[TriggerPattern]:
    """The TriggerPatterns of one YAML entry (one per verb or noun it lists)."""
    where = f"pattern #{index + 1}"
    if not isinstance(entry, dict):
        raise DataFileError(str(path), None, f"{where}: expected a mapping, got {type(entry).__name__}")
    unknown = set(entry) - PATTERN_KEYS
    if unknown:
        raise DataFileError(str(path), None, f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    flags = {key: entry.get(key, False) for key in FLAG_KEYS}
    if not all(isinstance(value, bool) for value in flags.values()):
        raise DataFileError(str(path), None, f"{where}: {', '.join(FLAG_KEYS)} must be true or false")
    event_type = entry.get("type")
    if flags["not_event"]:
        if event_type is not None or "mode" in entry or "cameo" in entry:
            raise DataFileError(str(path), None, f"{where}: a not_event entry has no type, mode or cameo")
        event_type, cameo = "", ""
    elif event_type not in EVENT_TYPES:
        raise DataFileError(str(path), None, f"{where}: unknown PLOVER type {event_type!r}")
    mode = entry.get("mode") or None
    if not flags["not_event"]:
        cameo = entry.get("cameo")
        if cameo is None:
            cameo = defaults.get((event_type, mode)) or defaults.get((event_type, None))
        cameo = None if cameo is None else str(cameo)
        if cameo is None or cameo not in codes:
            raise DataFileError(str(path), None, f"{where}: CAMEO code {cameo!r} is unknown (quote it: \"042\")")
    confidence = entry.get("confidence", 0.7)
    if not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
        raise DataFileError(str(path), None, f"{where}: confidence must be a number in 0..1")
    passive = entry.get("passive")
    if passive is not None and not isinstance(passive, bool):
        raise DataFileError(str(path), None, f"{where}: passive must be true or false")
    verbs, nouns = _words(path, index, entry, "verbs"), _words(path, index, entry, "nouns")
    if not verbs and not nouns:
        raise DataFileError(str(path), None, f"{where}: needs 'verbs' or 'nouns'")
    common = {
        "type": event_type, "mode": mode, "cameo": cameo,
        "args": frozenset(_words(path, index, entry, "args")),
        "subjects": frozenset(_words(path, index, entry, "subjects")),
        "objects": frozenset(_words(path, index, entry, "objects")),
        "preps": frozenset(_words(path, index, entry, "preps")),
        "passive": passive, "confidence": float(confidence), "origin": f"{path.name}#{index + 1}",
        **flags,
    }
    made = []
    for phrase in verbs:
        words = tuple(PHRASE_TOKEN.findall(phrase))
        made.append(TriggerPattern(pos="VERB", head=words[0], after=words[1:], **common))
    for phrase in nouns:
        words = tuple(PHRASE_TOKEN.findall(phrase))
        made.append(TriggerPattern(pos="NOUN", head=words[-1], before=words[:-1], **common))
    return made


def load_pattern_file(
    path: Path, codes: Mapping[str, CameoCode], defaults: Mapping[tuple[str, str | None], str]
) -> tuple[list[TriggerPattern], dict[str, list[str]]]:
    data = require_mapping(path, load_yaml(path), "event patterns")
    unknown = set(data) - {"patterns", "word_lists", *CUE_KEYS}
    if unknown:
        raise DataFileError(str(path), None, f"unknown top-level key(s) {', '.join(sorted(unknown))}")
    entries = data.get("patterns") or []
    if not isinstance(entries, list):
        raise DataFileError(str(path), None, "'patterns' must be a list")
    patterns = [p for index, entry in enumerate(entries) for p in parse_pattern_entry(path, index, entry, codes, defaults)]
    cues: dict[str, list[str]] = {}
    for key in CUE_KEYS:
        if key in data:
            cues[key] = _words(path, 0, data, key)
    return patterns, cues


def load_knowledge(extra_files: Iterable[str | Path] = ()) -> EventKnowledge:
    """The bundled event knowledge extended by the user's files (patterns and cue words)."""
    codes = load_cameo_codes(bundled_path(*CAMEO_FILE))
    to_plover, defaults = load_mapping(bundled_path(*MAPPING_FILE), codes)
    patterns: list[TriggerPattern] = []
    cue_lists: dict[str, set[str]] = {key: set() for key in CUE_KEYS}
    for path in [bundled_path(*FACTUALITY_FILE), bundled_path(*PATTERNS_FILE), *map(Path, extra_files)]:
        found, cues = load_pattern_file(path, codes, defaults)
        patterns.extend(found)
        for key, words in cues.items():
            cue_lists[key].update(words)
    by_lemma: dict[tuple[str, str], list[TriggerPattern]] = {}
    for pattern in patterns:
        by_lemma.setdefault((pattern.pos, pattern.head), []).append(pattern)
    ranked = {
        key: tuple(sorted(found, key=lambda p: (-p.specificity, -p.confidence)))
        for key, found in by_lemma.items()
    }
    return EventKnowledge(
        by_lemma=ranked,
        cameo=codes,
        plover_of_code=to_plover,
        cues=FactualityCues({key: frozenset(words) for key, words in cue_lists.items()}),
        patterns=tuple(patterns),
        default_codes=defaults,
        head_words=frozenset(head for _pos, head in ranked),
        intent_codes=load_intent_codes(bundled_path(*INTENTS_FILE), codes),
    )
