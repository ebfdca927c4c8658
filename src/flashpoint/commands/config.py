"""`flashpoint config`: print the effective settings and where each is documented."""

from __future__ import annotations

import argparse
import json

from flashpoint.commands import add_config_option, settings_from_args
from flashpoint.settings import settings_fields


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("config", help="print the effective settings")
    add_config_option(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of TOML-like lines")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    values = settings.model_dump(mode="json")
    if args.json:
        print(json.dumps(values, indent=2))
        return 0
    docs = settings_fields()
    for name, value in values.items():
        print(f"# {docs[name]}")
        print(f"{name} = {json.dumps(value)}")
    return 0
