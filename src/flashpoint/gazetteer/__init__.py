"""The offline gazetteer: GeoNames places from installed packages, compiled once into a cache file.

``load_gazetteer(cache_dir, extra_files)`` returns a ``Gazetteer``; the first call compiles the
sources (a few seconds) and pickles the result under ``cache_dir``, keyed by a hash of every
source file and user file, so an upgrade of a package or an edit of a place file recompiles it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flashpoint.gazetteer.build import (
    CompiledGazetteer,
    Entry,
    abbreviation_key,
    compile_gazetteer,
    source_files,
)
from flashpoint.gazetteer.names import name_key

CACHE_FORMAT = "3"
# Older compiled indexes (other versions or place files) are removed once this much older than a
# new one, so that two configurations used side by side do not evict each other.
STALE_AFTER_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True)
class GazetteerPlace:
    geonameid: int | None
    name: str
    feature: str
    country: str | None  # ISO alpha-2
    lat: float
    lon: float
    population: int
    admin1: str | None


class Gazetteer:
    def __init__(self, compiled: CompiledGazetteer) -> None:
        self._entries = compiled.entries
        self._index = compiled.index
        self.iso3 = compiled.iso3
        self._abbreviations = compiled.abbreviations
        self.iso2 = {alpha3: alpha2 for alpha2, alpha3 in compiled.iso3.items()}

    def __len__(self) -> int:
        return len(self._entries)

    def place(self, position: int) -> GazetteerPlace:
        return _as_place(self._entries[position])

    def lookup(self, name: str) -> tuple[GazetteerPlace, ...]:
        """Every place called ``name`` (any spelling the gazetteer knows), most populous first."""
        return tuple(_as_place(self._entries[at]) for at in self._index.get(name_key(name), ()))

    def abbreviation(self, text: str) -> GazetteerPlace | None:
        """The region an abbreviation written exactly so ('W. Va.', 'Ill.') stands for."""
        position = self._abbreviations.get(abbreviation_key(text))
        return None if position is None else _as_place(self._entries[position])

    def abbreviation_pattern(self) -> str:
        """A regex alternation of every abbreviation (spaces optional after periods)."""
        forms = sorted(self._abbreviations, key=len, reverse=True)
        return "|".join(re.escape(form).replace(r"\.", r"\.\s?").removesuffix(r"\s?") for form in forms)

    def has_name(self, name: str) -> bool:
        return name_key(name) in self._index

    def names_of_features(self, features: frozenset[str], min_population: int = 0) -> set[str]:
        """Every key naming a place of these features (for building phrase patterns)."""
        wanted = {
            at for at, entry in enumerate(self._entries)
            if entry[2] in features and entry[6] >= min_population
        }
        return {key for key, positions in self._index.items() if wanted.intersection(positions)}

    def strong_names(self, min_city_population: int) -> set[str]:
        """Keys that name a country or capital (any spelling), or a first-level region or big city by its own name."""
        strong: set[str] = set()
        for key, positions in self._index.items():
            for at in positions:
                geonameid, name, feature, _, _, _, population, _ = self._entries[at]
                if feature in ("country", "capital") or (
                    feature in ("admin1", "city") and population >= min_city_population and name_key(name) == key
                ):
                    strong.add(key)
                    break
        return strong

    def alpha3(self, alpha2: str | None) -> str | None:
        return self.iso3.get(alpha2) if alpha2 else None


def _as_place(entry: Entry) -> GazetteerPlace:
    geonameid, name, feature, country, lat, lon, population, admin1 = entry
    return GazetteerPlace(geonameid or None, name, feature, country or None, lat, lon, population, admin1 or None)


def cache_key(extra_files: Sequence[Path]) -> str:
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    for path in source_files():
        stat = path.stat()
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    for path in extra_files:
        digest.update(str(path).encode())
        digest.update(Path(path).read_bytes() if Path(path).is_file() else b"<missing>")
    return digest.hexdigest()[:20]


def _write_atomically(path: Path, compiled: CompiledGazetteer) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(handle, "wb") as stream:
        pickle.dump(compiled, stream, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)


def load_compiled(cache_dir: Path, extra_files: Sequence[Path] = ()) -> CompiledGazetteer:
    """The compiled index from the cache, compiling (and caching) it on first use."""
    path = Path(cache_dir) / f"gazetteer-{cache_key(extra_files)}.pickle"
    if path.is_file():
        with path.open("rb") as stream:
            return pickle.load(stream)
    compiled = compile_gazetteer(extra_files)
    # A read-only cache only costs the next run another compile.
    with contextlib.suppress(OSError):
        _write_atomically(path, compiled)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path and stale.stat().st_mtime < path.stat().st_mtime - STALE_AFTER_SECONDS:
                stale.unlink()
    return compiled


@lru_cache(maxsize=4)
def _cached(cache_dir: str, extra_files: tuple[str, ...], key: str) -> Gazetteer:
    return Gazetteer(load_compiled(Path(cache_dir), [Path(path) for path in extra_files]))


def load_gazetteer(cache_dir: Path, extra_files: Sequence[Path] = ()) -> Gazetteer:
    """One shared Gazetteer per process for the same cache and files (pipelines share it)."""
    files = tuple(str(path) for path in extra_files)
    return _cached(str(cache_dir), files, cache_key([Path(path) for path in files]))
