"""`flashpoint spark-ingest`: ingest's analysis on Apache Spark, written as Parquet tables."""

from __future__ import annotations

import argparse
from pathlib import Path

from flashpoint.commands import add_config_option, settings_from_args
from flashpoint.errors import FlashpointError
from flashpoint.spark.job import SparkSummary


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "spark-ingest",
        help="analyse articles on Apache Spark into Parquet tables (load them with 'flashpoint load')",
        description=(
            "Read the same inputs as 'ingest' (files, directories, .txt .html .json .jsonl, RSS/Atom, WARC), "
            "analyse them on Spark with one pipeline per worker, and write DIR/<table>.parquet for articles, "
            "actors, events, quotes, amounts, dates, places, errors and article_minhash. On a cluster every "
            "PATH and DIR must be visible to every executor (shared file system or hdfs://, s3a://)."
        ),
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--out", required=True, metavar="DIR", help="output directory (replaced tables)")
    parser.add_argument("--master", help="Spark master: local[2], spark://HOST:7077, yarn (default: the 'spark_master' setting)")
    parser.add_argument("--partitions", type=int, help="analysis partitions (default: the 'spark_partitions' setting, else 2 per core)")
    parser.add_argument("--model", help="spaCy model to load (overrides the setting)")
    add_config_option(parser)
    parser.set_defaults(handler=run)


def format_summary(summary: SparkSummary) -> str:
    return "\n".join(
        [
            f"spark-ingest: done in {summary.seconds:.1f} s into {summary.out}",
            f"  files       {summary.files} in {summary.partitions} analysis partitions",
            f"  read        {summary.read} articles",
            f"  stored      {summary.stored} ({summary.duplicates} as duplicates of an earlier copy)",
            f"  skipped     {summary.skipped} repeated ids",
            f"  errors      {summary.errors} (see errors.parquet)",
            f"  words       {summary.words:,}",
            "  rows        " + ", ".join(f"{count} {table}" for table, count in summary.rows.items()),
        ]
    )


def run(args: argparse.Namespace) -> int:
    if any(str(path) == "-" for path in args.paths):
        raise FlashpointError("spark-ingest reads files, not stdin: save the JSONL to a file first")
    if args.partitions is not None and args.partitions < 1:
        raise FlashpointError(f"--partitions must be at least 1, got {args.partitions}")
    settings = settings_from_args(args, model=args.model, spark_master=args.master, spark_partitions=args.partitions)
    from flashpoint.spark.job import run_spark_ingest
    from flashpoint.spark.session import spark_session

    with spark_session(settings.spark_master) as session:
        summary = run_spark_ingest(session, args.paths, args.out, settings)
    print(format_summary(summary))
    return 0
