"""Throughput of `flashpoint analyze` against raw spaCy `nlp.pipe`, same model, texts and process.

    .venv/bin/python bench/throughput.py [--texts N] [--source places|quotes|examples] [--rounds R]

Both sides run in this one process on the same texts, alternating, so machine noise hits both;
the ratio (flashpoint words/s divided by raw words/s) is what to report, not absolute times.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from flashpoint.analysis import analyze_articles
from flashpoint.ingest.records import ArticleInput
from flashpoint.pipeline import build_pipeline
from flashpoint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
SOURCES = {"places": "places/dev.jsonl", "quotes": "quotes/dev.jsonl", "india": "events/india_dev.jsonl"}


def load_texts(source: str, limit: int) -> list[ArticleInput]:
    if source == "examples" or not (SHARED_EVAL / SOURCES.get(source, "")).is_file():
        texts = [path.read_text() for path in sorted((ROOT / "examples").glob("*.txt"))]
        return [ArticleInput.create(text, published="2021-12-09") for text in (texts * limit)[:limit]]
    articles = []
    with (SHARED_EVAL / SOURCES[source]).open() as handle:
        for line in handle:
            record = json.loads(line)
            articles.append(ArticleInput.create(record["text"], id=record["id"], published=record.get("published")))
            if len(articles) >= limit:
                break
    return articles


def time_raw(nlp: spacy.Language, texts: list[str], batch_size: int) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def time_flashpoint(nlp: spacy.Language, articles: list[ArticleInput], batch_size: int) -> float:
    started = time.perf_counter()
    for _ in analyze_articles(nlp, articles, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=200)
    parser.add_argument("--source", default="places", choices=[*SOURCES, "examples"])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    settings = Settings()
    articles = load_texts(args.source, args.texts)
    texts = [article.text for article in articles]
    words = sum(len(text.split()) for text in texts)
    raw_nlp = spacy.load(settings.model)
    flashpoint_nlp = build_pipeline(settings)
    time_raw(raw_nlp, texts[:5], settings.batch_size)  # warm-up both
    time_flashpoint(flashpoint_nlp, articles[:5], settings.batch_size)
    raw_total = flashpoint_total = 0.0
    for _ in range(args.rounds):
        raw_total += time_raw(raw_nlp, texts, settings.batch_size)
        flashpoint_total += time_flashpoint(flashpoint_nlp, articles, settings.batch_size)
    raw_wps = words * args.rounds / raw_total
    flashpoint_wps = words * args.rounds / flashpoint_total
    print(f"texts={len(texts)} words={words} rounds={args.rounds} model={settings.model}")
    print(f"raw nlp.pipe:       {raw_wps:10.0f} words/s")
    print(f"flashpoint analyze: {flashpoint_wps:10.0f} words/s")
    print(f"ratio (flashpoint / raw): {flashpoint_wps / raw_wps:.2f}")


if __name__ == "__main__":
    main()
