"""Shared fixtures: the loaded pipeline (once per session), a blank pipeline, the contract."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from flashpoint.analysis import analyze_article
from flashpoint.ingest.records import ArticleInput
from flashpoint.model import Analysis
from flashpoint.pipeline import build_pipeline
from flashpoint.pipeline.doc_ext import register_extensions
from flashpoint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
# ../shared from the main checkout, ../../shared from a worktree under /work/wt/.
SCHEMA_PATH = next(
    (parent / "shared" / "schema" / "analysis-v1.schema.json" for parent in ROOT.parents if (parent / "shared" / "schema").is_dir()),
    ROOT.parent / "shared" / "schema" / "analysis-v1.schema.json",
)
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings: Settings) -> Language:
    """The full pipeline with the default model, loaded once for the whole run."""
    return build_pipeline(settings)


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    """A tokenizer-only pipeline for tests that build their Doc by hand."""
    register_extensions()
    return spacy.blank("en")


@pytest.fixture(scope="session")
def analyze(nlp: Language) -> Callable[..., Analysis]:
    def run(text: str, published: str | None = None, **fields: str) -> Analysis:
        return analyze_article(nlp, ArticleInput.create(text, published=published, **fields))

    return run


@pytest.fixture(scope="session")
def contract_validator():
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_PATH.read_text())
    return Draft202012Validator(schema)


def assert_offsets_index_text(document: dict) -> None:
    """Every span in an Analysis document satisfies text[start:end] == span text."""
    text = document["article"]["text"]

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys():
                assert text[node["start"] : node["end"]] == node["text"], node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
