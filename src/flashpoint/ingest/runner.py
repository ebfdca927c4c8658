"""`ingest`: read inputs, skip what the store holds, analyse in worker processes, write in one.

The main process reads and plans batches and is the only writer of the DuckDB file; ``workers``
spawned processes each load the pipeline once and turn batches into rows. Results are written in
input order, one transaction per batch of whole articles (see store/writer.py).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from flashpoint.errors import InputProblem
from flashpoint.ingest.progress import IngestStats, ProgressReporter, SilentProgress
from flashpoint.ingest.readers import read_path
from flashpoint.ingest.records import ArticleInput, PendingHtml
from flashpoint.ingest.worker import BatchResult, analyse_batch, analyse_in_worker, init_worker
from flashpoint.pipeline import build_pipeline
from flashpoint.settings import Settings
from flashpoint.store.db import open_store, stored_ids
from flashpoint.store.writer import StoreWriter

# Batches in flight per worker: enough to keep every worker busy while the writer commits.
BATCHES_IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class IngestSummary:
    db: Path
    read: int
    stored: int
    skipped: int
    duplicates: int
    errors: int
    words: int
    seconds: float

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    @property
    def articles_per_second(self) -> float:
        return self.stored / self.seconds if self.seconds > 0 else 0.0


def plan_batches(
    results: Iterable[ArticleInput | PendingHtml | InputProblem],
    known_ids: set[str],
    batch_size: int,
    stats: IngestStats,
    problems: list[InputProblem],
) -> Iterator[list[ArticleInput | PendingHtml]]:
    """Batches of articles not yet stored; problems are collected and stored articles counted
    as skipped, before anything is analysed."""
    batch: list[ArticleInput | PendingHtml] = []
    for result in results:
        if isinstance(result, InputProblem):
            problems.append(result)
            continue
        stats.read += 1
        if result.id in known_ids:
            stats.skipped += 1
            continue
        known_ids.add(result.id)
        batch.append(result)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def read_all(paths: Sequence[Path], max_bytes: int) -> Iterator[ArticleInput | PendingHtml | InputProblem]:
    for path in paths:
        yield from read_path(path, max_bytes, defer_html=True)


class _Analyser:
    """Runs batches on a lazily started process pool (nothing loads when every article is already
    stored), or in this process when ``workers`` is 0. A worker that dies (killed, out of memory)
    fails the run with BrokenProcessPool instead of hanging; what was committed stays."""

    def __init__(self, settings: Settings, workers: int, nlp: Language | None) -> None:
        self.settings = settings
        self.workers = workers
        self._nlp = nlp
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, batch: list[ArticleInput | PendingHtml]) -> Callable[[], BatchResult]:
        if self.workers == 0:
            if self._nlp is None:
                self._nlp = build_pipeline(self.settings)
            result = analyse_batch(self._nlp, batch)
            return lambda: result
        if self._pool is None:
            # spawn, not fork: the parent holds an open DuckDB connection and its threads.
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker,
                initargs=(self.settings,),
            )
        return self._pool.submit(analyse_in_worker, batch).result

    def close(self, finished: bool) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=finished, cancel_futures=not finished)


def run_ingest(
    paths: Sequence[Path],
    settings: Settings,
    db: Path | None = None,
    workers: int | None = None,
    progress: ProgressReporter | None = None,
    nlp: Language | None = None,
) -> IngestSummary:
    """Ingest every article under ``paths`` into the store; see the module docstring."""
    db = db or settings.db
    workers = settings.workers if workers is None else workers
    progress = progress or SilentProgress()
    stats = IngestStats()
    con = open_store(db)
    writer = StoreWriter(con, settings.duplicate_threshold)
    problems: list[InputProblem] = []
    analyser = _Analyser(settings, workers, nlp)

    def commit(results: BatchResult) -> None:
        written = writer.write([*problems, *results])
        problems.clear()
        stats.stored += written.stored
        stats.duplicates += written.duplicates
        stats.words += written.words
        stats.errors += written.errors
        progress.update(stats)

    batches = plan_batches(read_all(paths, settings.max_file_bytes), stored_ids(con), settings.batch_size, stats, problems)
    in_flight: deque[Callable[[], BatchResult]] = deque()
    limit = max(1, workers * BATCHES_IN_FLIGHT_PER_WORKER)
    finished = False
    try:
        for batch in batches:
            in_flight.append(analyser.submit(batch))
            while len(in_flight) >= limit:
                commit(in_flight.popleft()())
        while in_flight:
            commit(in_flight.popleft()())
        commit([])  # problems found after the last batch
        finished = True
    finally:
        analyser.close(finished)
        progress.close(stats)
        con.close()
    return IngestSummary(
        db=db,
        read=stats.read,
        stored=stats.stored,
        skipped=stats.skipped,
        duplicates=stats.duplicates,
        errors=stats.errors,
        words=stats.words,
        seconds=stats.elapsed(),
    )
