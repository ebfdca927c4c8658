"""`flashpoint ingest --workers 2` against raw spaCy `nlp.pipe(n_process=2)`: words per second.

    .venv/bin/python bench/ingest.py [--articles N] [--workers 2] [--model NAME]
                                     [--corpus FILE.jsonl | --synthetic [--words W]]

Both sides get the same texts and the same spaCy model. By default the texts are the first N
real news articles of the evaluation kit's places dev set (../shared/eval/places/dev.jsonl, the
same default as bench/throughput.py; nothing of it is copied into the repo). ``--corpus`` names
any other JSONL file with a ``text`` field. ``--synthetic`` (also the fallback when the kit is
absent) generates texts from a seed instead: they are dense on purpose, with actors, an event, a
date and a reporting clause in every sentence, so the extractors' share of the work is near its
worst and the ratio well below what real news gives. The raw side loads the model before the clock starts and runs only spaCy's
own components; the ingest side is timed end to end as a user runs it: starting the worker
processes, loading the full flashpoint pipeline in each, analysing, deduplicating and writing
every row to a fresh DuckDB store. The ratio (ingest / raw) is the figure to report; rerun it
whenever the extractors change, since their cost is part of the ingest side.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

import spacy

from flashpoint.ingest.runner import run_ingest
from flashpoint.settings import Settings

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "places" / "dev.jsonl"

ACTORS = [
    "The government of Chad", "Rebel fighters", "The defence ministry of Peru", "Police in Dhaka",
    "Protesters in Tbilisi", "The United Nations", "Officials in Nairobi", "The army of Myanmar",
    "A spokesman for the opposition", "The foreign minister of Norway", "Border guards", "Farmers' unions",
]
ACTIONS = [
    "accused {target} of violating the ceasefire", "met {target} to discuss the border dispute",
    "announced new sanctions against {target}", "shelled positions held by {target}",
    "promised humanitarian aid to {target}", "rejected a proposal from {target}",
    "threatened to expel {target}", "signed a trade agreement with {target}",
    "called on {target} to release detained journalists", "deployed troops near {target}",
]
TARGETS = [
    "the neighbouring state", "local militias", "the interim council", "western diplomats",
    "the regional administration", "striking workers", "the electoral commission", "coastal villages",
]
WHEN = ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday morning", "last week", "on 3 March 2024"]
TAILS = [
    "according to a statement released by the ministry.", "officials said.",
    "in a move that analysts described as a sharp escalation.", "witnesses told reporters.",
    "after weeks of rising tension in the region.", "a spokesperson confirmed.",
]


def synthetic_article(rng: random.Random, words: int) -> str:
    sentences: list[str] = []
    count = 0
    while count < words:
        action = rng.choice(ACTIONS).format(target=rng.choice(TARGETS))
        sentence = f"{rng.choice(ACTORS)} {action} {rng.choice(WHEN)}, {rng.choice(TAILS)}"
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(sentences[index : index + 3]) for index in range(0, len(sentences), 3)]
    return "\n\n".join(paragraphs)


def make_texts(articles: int, words: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [synthetic_article(rng, words) for _ in range(articles)]


def read_corpus(path: Path, articles: int) -> list[str]:
    texts: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text") if line.strip() else None
            if isinstance(text, str) and text.strip():
                texts.append(text)
            if len(texts) >= articles:
                break
    return texts


def time_raw(model: str, texts: list[str], workers: int, batch_size: int) -> float:
    nlp = spacy.load(model)
    list(nlp.pipe(texts[:8]))  # warm-up
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def time_ingest(settings: Settings, texts: list[str], workers: int, directory: Path) -> tuple[float, int]:
    corpus = directory / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": f"bench-{index}", "text": text}) + "\n" for index, text in enumerate(texts))
    )
    started = time.perf_counter()
    summary = run_ingest([corpus], settings, db=directory / "bench.duckdb", workers=workers)
    return time.perf_counter() - started, summary.stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=900)
    parser.add_argument("--words", type=int, default=350, help="approximate words per synthetic article")
    parser.add_argument("--synthetic", action="store_true", help="generated texts instead of real news")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--model", default=None)
    parser.add_argument("--corpus", type=Path, default=None, help="JSONL with a text field, instead of synthetic texts")
    args = parser.parse_args()
    settings = Settings(**({"model": args.model} if args.model else {}))
    corpus_path = args.corpus or (None if args.synthetic else DEFAULT_CORPUS)
    if corpus_path is not None and not corpus_path.is_file():
        if args.corpus:
            raise SystemExit(f"{corpus_path}: no such file")
        corpus_path = None  # the evaluation kit is not next to this checkout
    texts = read_corpus(corpus_path, args.articles) if corpus_path else make_texts(args.articles, args.words)
    words = sum(len(text.split()) for text in texts)
    raw_seconds = time_raw(settings.model, texts, args.workers, settings.batch_size)
    with tempfile.TemporaryDirectory() as directory:
        ingest_seconds, stored = time_ingest(settings, texts, args.workers, Path(directory))
    assert stored == len(texts), f"stored {stored} of {len(texts)}"
    raw_wps, ingest_wps = words / raw_seconds, words / ingest_seconds
    corpus = corpus_path or "synthetic"
    print(f"corpus={corpus} articles={len(texts)} words={words} workers={args.workers} model={settings.model}")
    print(f"raw nlp.pipe(n_process={args.workers}): {raw_wps:10.0f} words/s ({raw_seconds:.1f} s)")
    print(f"flashpoint ingest --workers {args.workers}: {ingest_wps:10.0f} words/s ({ingest_seconds:.1f} s, end to end)")
    print(f"ratio (ingest / raw): {ingest_wps / raw_wps:.2f}")


if __name__ == "__main__":
    main()
