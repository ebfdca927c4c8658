"""The cue lexicon of the quotes component, loaded from data/quotes.yaml (plus users' files)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy
from spacy.strings import hash_string

from flashpoint.data import bundled_path, load_yaml, require_mapping
from flashpoint.errors import DataFileError

CUE_GROUPS = ("speech", "evidence", "belief", "intention", "naming", "stance")


@dataclass(frozen=True)
class CueLexicon:
    """Which lemmas are cues, and how each one's content is found."""

    groups: Mapping[str, frozenset[str]]
    content_prepositions: Mapping[str, frozenset[str]]
    source_phrases: tuple[tuple[str, ...], ...]
    frame_max_words: int
    person_pronouns: frozenset[str]
    collective_pronouns: frozenset[str]
    cue_nouns: frozenset[str] = frozenset()

    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        return frozenset().union(*self.groups.values())

    @cached_property
    def cue_hashes(self) -> numpy.ndarray:
        """Hashes of the cue lemmas, to select candidate tokens on Doc arrays."""
        return numpy.array(sorted(hash_string(lemma) for lemma in self.cue_lemmas), dtype=numpy.uint64)

    @cached_property
    def noun_hashes(self) -> numpy.ndarray:
        return numpy.array(sorted(hash_string(lemma) for lemma in self.cue_nouns), dtype=numpy.uint64)

    @cached_property
    def phrase_start_hashes(self) -> numpy.ndarray:
        starts = {phrase[0] for phrase in self.source_phrases}
        return numpy.array(sorted(hash_string(word) for word in starts), dtype=numpy.uint64)

    def is_cue(self, lemma: str) -> bool:
        return lemma in self.cue_lemmas

    def in_group(self, lemma: str, group: str) -> bool:
        return lemma in self.groups.get(group, frozenset())

    def takes_object(self, lemma: str) -> bool:
        """Speech and evidence verbs carry content as a long object ("announced new sanctions")."""
        return self.in_group(lemma, "speech") or self.in_group(lemma, "evidence")

    @property
    def pronouns(self) -> frozenset[str]:
        return self.person_pronouns | self.collective_pronouns


def _words(path: Path, value: Any, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise DataFileError(str(path), None, f"{what} must be a list of words")
    return [item.strip().lower() for item in value if item.strip()]


def load_cue_lexicon(extra_files: Sequence[Path] = ()) -> CueLexicon:
    groups: dict[str, set[str]] = {group: set() for group in CUE_GROUPS}
    prepositions: dict[str, set[str]] = {}
    phrases: list[tuple[str, ...]] = []
    person: set[str] = set()
    collective: set[str] = set()
    frame_max_words = 14
    nouns: set[str] = set()
    for path in [bundled_path("quotes.yaml"), *extra_files]:
        data = require_mapping(path, load_yaml(path), "quote cues")
        cue_verbs = require_mapping(path, data.get("cue_verbs"), "cue verb groups")
        for group, words in cue_verbs.items():
            if group not in groups:
                raise DataFileError(str(path), None, f"unknown cue group {group!r}; use one of {CUE_GROUPS}")
            groups[group].update(_words(path, words, f"cue_verbs.{group}"))
        for lemma, preps in require_mapping(path, data.get("content_prepositions"), "prepositions").items():
            prepositions.setdefault(str(lemma).lower(), set()).update(
                _words(path, preps, f"content_prepositions.{lemma}")
            )
        nouns.update(_words(path, data.get("cue_nouns"), "cue_nouns"))
        phrases.extend(tuple(phrase.split()) for phrase in _words(path, data.get("source_phrases"), "source_phrases"))
        if "frame_max_words" in data:
            value = data["frame_max_words"]
            if not isinstance(value, int) or value < 1:
                raise DataFileError(str(path), None, "frame_max_words must be a positive integer")
            frame_max_words = value
        pronouns = require_mapping(path, data.get("pronouns"), "pronoun groups")
        person.update(_words(path, pronouns.get("person"), "pronouns.person"))
        collective.update(_words(path, pronouns.get("collective"), "pronouns.collective"))
    return CueLexicon(
        groups={group: frozenset(words) for group, words in groups.items()},
        content_prepositions={lemma: frozenset(preps) for lemma, preps in prepositions.items()},
        source_phrases=tuple(dict.fromkeys(phrases)),
        frame_max_words=frame_max_words,
        person_pronouns=frozenset(person),
        collective_pronouns=frozenset(collective),
        cue_nouns=frozenset(nouns),
    )
