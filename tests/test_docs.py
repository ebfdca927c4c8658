"""The README documents every command and every setting (datasette-style tested docs)."""

from __future__ import annotations

import re

import pytest

from flashpoint.cli import build_parser
from flashpoint.settings import Settings, settings_fields
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


def _commands() -> list[str]:
    parser = build_parser()
    subparsers = next(action for action in parser._actions if action.dest == "command")
    return sorted(subparsers.choices)


@pytest.mark.parametrize("command", _commands())
def test_docs_readme_lists_command(command: str) -> None:
    assert f"`flashpoint {command}" in README


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_docs_readme_settings_table_matches_descriptions(name: str) -> None:
    row = re.search(rf"^\| `{name}` \| [^|]* \| (.*) \|$", README, re.MULTILINE)
    assert row is not None, f"README settings table has no row for {name}"
    assert row.group(1) == settings_fields()[name]


@pytest.mark.parametrize("target", ["make demo", "make test", "make eval"])
def test_docs_readme_shows_make_targets(target: str) -> None:
    assert target in README


def test_docs_every_linked_doc_exists() -> None:
    for link in re.findall(r"\]\((docs/[^)]+)\)", README):
        assert (ROOT / link).is_file(), link
