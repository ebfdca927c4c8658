"""`flashpoint export`: the store as Parquet tables, Analysis JSONL, or GDELT 2.0 events."""

from __future__ import annotations

import argparse
from pathlib import Path

from flashpoint.commands import add_config_option, settings_from_args
from flashpoint.store.db import open_store
from flashpoint.store.export import EXPORT_FORMATS, export_gdelt, export_jsonl, export_parquet


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export the store (parquet tables, Analysis JSONL, GDELT 2.0 events)",
        description=(
            "parquet: one <table>.parquet per table in the directory OUT; jsonl: one Analysis per "
            "article; gdelt: the GDELT 2.0 Event table (61 tab-separated columns) of factual events."
        ),
    )
    parser.add_argument("--db", type=Path, help="store file (default: the 'db' setting)")
    parser.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    parser.add_argument("--out", type=Path, required=True, help="output file (a directory for parquet)")
    parser.add_argument(
        "--all-factuality",
        action="store_true",
        help="gdelt: also export planned, hypothetical, negated and denied events",
    )
    add_config_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args, db=args.db)
    con = open_store(settings.db, read_only=True)
    try:
        if args.format == "parquet":
            result = export_parquet(con, args.out)
        elif args.format == "jsonl":
            result = export_jsonl(con, args.out)
        else:
            result = export_gdelt(con, args.out, all_factuality=args.all_factuality)
    finally:
        con.close()
    counts = ", ".join(f"{count} {name}" for name, count in result.rows.items())
    print(f"export: {result.format} -> {result.out} ({counts})")
    return 0
