"""Progress while ingesting: a rich live line on a terminal, plain periodic lines otherwise."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Protocol, TextIO


@dataclass
class IngestStats:
    """Running counters of one ingest run (mutated by the runner, read by the reporters)."""

    read: int = 0  # articles read from the input (stored, skipped or failed)
    stored: int = 0
    skipped: int = 0  # already in the store, or an id seen earlier in this run
    duplicates: int = 0  # stored, with duplicate_of naming the first copy
    errors: int = 0
    words: int = 0  # words of the stored articles
    started: float = field(default_factory=time.monotonic)

    def elapsed(self) -> float:
        return max(time.monotonic() - self.started, 1e-9)

    def articles_per_second(self) -> float:
        return self.stored / self.elapsed()

    def words_per_second(self) -> float:
        return self.words / self.elapsed()


def status_line(stats: IngestStats) -> str:
    return (
        f"{stats.stored} stored, {stats.skipped} skipped, {stats.duplicates} duplicates, "
        f"{stats.errors} errors | {stats.articles_per_second():.1f} articles/s, "
        f"{stats.words_per_second():,.0f} words/s"
    )


class ProgressReporter(Protocol):
    def update(self, stats: IngestStats) -> None: ...

    def close(self, stats: IngestStats) -> None: ...


class SilentProgress:
    def update(self, stats: IngestStats) -> None:
        return None

    def close(self, stats: IngestStats) -> None:
        return None


class PlainProgress:
    """A line on the first write, then at most one every ``interval`` seconds (logs, pipes, CI)."""

    def __init__(self, stream: TextIO = sys.stderr, interval: float = 5.0) -> None:
        self.stream = stream
        self.interval = interval
        self._last: float | None = None

    def update(self, stats: IngestStats) -> None:
        now = time.monotonic()
        if self._last is not None and now - self._last < self.interval:
            return
        self._last = now
        print(f"ingest: {status_line(stats)}", file=self.stream, flush=True)

    def close(self, stats: IngestStats) -> None:
        return None


class RichProgress:
    """An indeterminate rich bar (inputs are streamed, so the total is unknown) with live rates."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest[/bold]"),
            BarColumn(),
            TextColumn("{task.fields[status]}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._task = self._progress.add_task("ingest", total=None, status="loading the pipeline…")
        self._progress.start()

    def update(self, stats: IngestStats) -> None:
        self._progress.update(self._task, status=status_line(stats))

    def close(self, stats: IngestStats) -> None:
        self._progress.update(self._task, status=status_line(stats), total=1, completed=1)
        self._progress.stop()


def make_progress(quiet: bool = False, stream: TextIO = sys.stderr) -> ProgressReporter:
    if quiet:
        return SilentProgress()
    return RichProgress() if stream.isatty() else PlainProgress(stream)
