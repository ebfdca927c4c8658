"""Versioned knowledge files (YAML, CSV) and their loaders.

Loaders raise DataFileError naming the file and the line for malformed content, so that a user's
own extension file gets a precise message.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from flashpoint.errors import DataFileError

DATA_PACKAGE = "flashpoint.data"

# libyaml parses the knowledge files about ten times faster than the pure-Python loader, which
# matters because every ingest worker and Spark executor loads them at start-up.
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def bundled_path(*parts: str) -> Path:
    """Path of a file shipped in flashpoint/data/."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(*parts)))


def load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from exc
    try:
        return yaml.load(text, Loader=_YamlLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = None if mark is None else mark.line + 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError(str(path), line, f"invalid YAML: {problem}") from exc


def iter_csv_rows(path: Path, required: Iterable[str] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) pairs; rows whose first field starts with '#' are comments. Missing required columns name the line."""
    needed = list(required)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from exc
    with handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        absent = [name for name in needed if name not in header]
        if absent:
            raise DataFileError(str(path), 1, f"missing column(s): {', '.join(absent)}")
        for row in reader:
            line = reader.line_num
            first = next(iter(row.values()), "") or ""
            if first.lstrip().startswith("#"):
                continue
            if None in row:
                raise DataFileError(str(path), line, "more fields than the header has")
            empty = [name for name in needed if not (row.get(name) or "").strip()]
            if empty:
                raise DataFileError(str(path), line, f"empty required field(s): {', '.join(empty)}")
            yield line, {key: (value or "").strip() for key, value in row.items()}


def require_mapping(path: Path, data: Any, what: str) -> dict[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataFileError(str(path), 1, f"expected a mapping of {what}, got {type(data).__name__}")
    return data
