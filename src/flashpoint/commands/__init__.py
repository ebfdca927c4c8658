"""One module per CLI subcommand; see flashpoint.cli."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from flashpoint.settings import Settings, load_settings


def add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, default=None, help="TOML settings file (default: ./flashpoint.toml if present)"
    )


def settings_from_args(args: argparse.Namespace, **overrides: Any) -> Settings:
    return load_settings(getattr(args, "config", None), overrides)
