"""`flashpoint load`: Parquet tables (spark-ingest's output, or a parquet export) into the store."""

from __future__ import annotations

import argparse
from pathlib import Path

from flashpoint.commands import add_config_option, settings_from_args
from flashpoint.store.db import open_store
from flashpoint.store.load import load_directory


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "load",
        help="load Parquet tables (from spark-ingest or export --format parquet) into the DuckDB store",
        description=(
            "Load DIR/<table>.parquet (a file, or Spark's directory of part files) into the store in one "
            "transaction. Articles already stored are skipped with their child rows, so loading twice "
            "changes nothing; serve and brief then work on the store."
        ),
    )
    parser.add_argument("directory", type=Path, metavar="DIR")
    parser.add_argument("--db", type=Path, help="store file (default: the 'db' setting)")
    add_config_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args, db=args.db)
    con = open_store(settings.db)
    try:
        result = load_directory(con, args.directory, settings.duplicate_threshold)
    finally:
        con.close()
    children = ", ".join(f"{count} {table}" for table, count in result.rows.items() if table not in ("articles", "errors"))
    print(
        f"load: {result.articles} articles into {settings.db} ({result.skipped} already stored, "
        f"{result.redirected} now marked as copies of stored articles), {result.errors} error rows; {children}"
    )
    return 0
