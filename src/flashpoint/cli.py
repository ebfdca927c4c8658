"""A thin command line over the library: each subcommand lives in flashpoint.commands.<name>.

Every command module exposes ``register(subparsers)`` which adds its parser and sets ``handler``.
Project errors print as one line (``flashpoint: FILE:LINE: what is wrong``) with exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from flashpoint import __version__
from flashpoint.errors import FlashpointError

COMMAND_MODULES: tuple[str, ...] = (
    "flashpoint.commands.analyze",
    "flashpoint.commands.config",
    "flashpoint.commands.ingest",
    "flashpoint.commands.export",
    "flashpoint.commands.brief",
    "flashpoint.commands.serve",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flashpoint",
        description="Offline, evidence-linked conflict intelligence from news articles.",
    )
    parser.add_argument("--version", action="version", version=f"flashpoint {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except FlashpointError as exc:
        print(f"flashpoint: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (| head); nothing left to report.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("flashpoint: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
