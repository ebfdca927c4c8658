"""`flashpoint serve`: the read-only API and the offline dashboard over a store (uvicorn)."""

from __future__ import annotations

import argparse
from pathlib import Path

from flashpoint.commands import add_config_option, settings_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the API and the dashboard over a store",
        description="Serve /api (read-only; POST /api/analyze needs FLASHPOINT_TOKEN), the dashboard at / "
        "and the API docs at /docs. Binds 127.0.0.1 unless told otherwise.",
    )
    parser.add_argument("--db", type=Path, default=None, help="DuckDB store (default: the 'db' setting)")
    parser.add_argument("--host", default=None, help="address to bind (default: the 'host' setting, 127.0.0.1)")
    parser.add_argument("--port", type=int, default=None, help="port to bind (default: the 'port' setting, 8000)")
    add_config_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from flashpoint.api import create_app

    settings = settings_from_args(args, db=args.db, host=args.host, port=args.port)
    app = create_app(settings)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
    return 0
