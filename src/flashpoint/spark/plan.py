"""The driver's decisions for a Spark run, made exactly as ``ingest`` makes them, in input order.

Executors analyse in parallel and in any order; what ingest decides sequentially is decided here
from a small outline of every item (no text, no rows): which repeated ids are skipped (the first
one read wins), which article copies an earlier one (``DuplicateIndex`` fed in input order), and
which error rows are new (one per ``(path, line, kind)``). No pyspark import: the plan is a
plain value, broadcast to the executors that write the tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from flashpoint.ingest.dedup import DEFAULT_THRESHOLD, DuplicateIndex

# Where an item was read: (number of the file in the expanded input list, position in that file).
InputKey = tuple[int, int]


@dataclass(frozen=True)
class Outline:
    """What the driver needs of one read item or its analysis result.

    ``read_id`` is the id the reader gave the item (None for a reader's InputProblem);
    ``article_id``/``content_hash``/``signature`` are set when analysis produced an article;
    ``error_key`` when the item ended as an InputProblem (reader, extraction or analysis)."""

    key: InputKey
    read_id: str | None
    article_id: str | None = None
    content_hash: str | None = None
    signature: bytes | None = None
    n_words: int = 0
    error_key: tuple[str, int | None, str] | None = None


@dataclass(frozen=True)
class ArticleDecision:
    rank: int  # position among the stored articles, in input order (orders ingested_at)
    duplicate_of: str | None


@dataclass(frozen=True)
class RunPlan:
    articles: dict[InputKey, ArticleDecision] = field(default_factory=dict)
    errors: frozenset[InputKey] = frozenset()
    read: int = 0
    skipped: int = 0
    problems: int = 0  # every problem met, as ingest counts them (errors holds each (path, line, kind) once)
    duplicates: int = 0
    words: int = 0

    @property
    def stored(self) -> int:
        return len(self.articles)


def plan_run(outlines: Iterable[Outline], threshold: float = DEFAULT_THRESHOLD) -> RunPlan:
    """Decide, in input order, what ``ingest`` would store from the same items into an empty store."""
    index = DuplicateIndex(threshold)
    seen_ids: set[str] = set()
    seen_errors: set[tuple[str, int | None, str]] = set()
    articles: dict[InputKey, ArticleDecision] = {}
    errors: set[InputKey] = set()
    read = skipped = duplicates = words = problems = 0
    for outline in sorted(outlines, key=lambda item: item.key):
        if outline.read_id is not None:
            read += 1
            if outline.read_id in seen_ids:
                skipped += 1  # ingest never analyses a repeated id; its result is dropped here
                continue
            seen_ids.add(outline.read_id)
        if outline.error_key is not None:
            problems += 1
            if outline.error_key not in seen_errors:
                seen_errors.add(outline.error_key)
                errors.add(outline.key)
            continue
        if outline.article_id is None or outline.content_hash is None or outline.signature is None:
            raise ValueError(f"outline {outline.key} is neither an article nor a problem")
        duplicate_of = index.find_original(outline.content_hash, outline.signature)
        if duplicate_of is None:
            index.add_original(outline.article_id, outline.content_hash, outline.signature)
        else:
            duplicates += 1
        articles[outline.key] = ArticleDecision(rank=len(articles), duplicate_of=duplicate_of)
        words += outline.n_words
    return RunPlan(
        articles=articles,
        errors=frozenset(errors),
        read=read,
        skipped=skipped,
        problems=problems,
        duplicates=duplicates,
        words=words,
    )
