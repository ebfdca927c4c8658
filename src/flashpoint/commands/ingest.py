"""`flashpoint ingest`: files, directories, feeds, WARCs or stdin into the DuckDB store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from flashpoint.commands import add_config_option, settings_from_args
from flashpoint.ingest.progress import make_progress
from flashpoint.ingest.runner import IngestSummary, run_ingest


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="analyse articles into the DuckDB store (idempotent, resumable)",
        description=(
            "Analyse every article under PATH (files, directories recursively, .txt .html .json .jsonl, "
            "RSS/Atom, .warc/.warc.gz, or - for JSONL on stdin) and store it. Articles already stored "
            "are skipped; bad input becomes a row in the errors table."
        ),
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--db", type=Path, help="store file (default: the 'db' setting, ./flashpoint.duckdb)")
    parser.add_argument("--workers", type=int, help="analysis processes (default: the 'workers' setting)")
    parser.add_argument("--model", help="spaCy model to load (overrides the setting)")
    parser.add_argument("--quiet", action="store_true", help="no progress display")
    add_config_option(parser)
    parser.set_defaults(handler=run)


def format_summary(summary: IngestSummary) -> str:
    return "\n".join(
        [
            f"ingest: done in {summary.seconds:.1f} s into {summary.db}",
            f"  read        {summary.read} articles",
            f"  stored      {summary.stored} ({summary.duplicates} as duplicates of an earlier copy)",
            f"  skipped     {summary.skipped} already stored",
            f"  errors      {summary.errors} (see the errors table)",
            f"  words       {summary.words:,} ({summary.words_per_second:,.0f} words/s, "
            f"{summary.articles_per_second:.1f} articles/s)",
        ]
    )


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args, model=args.model, db=args.db, workers=args.workers)
    summary = run_ingest(args.paths, settings, progress=make_progress(args.quiet, sys.stderr))
    print(format_summary(summary))
    return 0
