from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.cli import main
from flashpoint.commands.brief import parse_dyad, sparkline
from flashpoint.errors import FlashpointError
from tests.stores import build_small_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_store(tmp_path_factory.mktemp("brief") / "small.duckdb")


def test_brief_shows_dyads_escalation_and_alerts_with_evidence(store: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["brief", "--db", str(store)]) == 0
    out = capsys.readouterr().out
    assert "RUS → UKR" in out and "ARM → AZE" in out
    assert "first_assault" in out and "surge" in out and "escalation" in out
    assert "Russian forces shelled Ukrainian troops near Kharkiv." in out  # evidence sentence
    assert "We will hold the line" in out  # key quote of an evidence article
    assert "12 people killed" in out  # key figure


def test_brief_dyad_and_since_filter(store: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["brief", "--db", str(store), "--dyad", "arm-aze", "--since", "2025-02-01"]) == 0
    out = capsys.readouterr().out
    assert "ARM → AZE" in out and "RUS → UKR" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dyad", "RUS_UKR"], "--dyad"),
        (["--since", "2025-02-30"], "--since"),
        (["--until", "soon"], "--until"),
    ],
)
def test_brief_bad_arguments_are_one_line_errors(store: Path, capsys, args: list[str], message: str) -> None:
    assert main(["brief", "--db", str(store), *args]) == 2
    assert message in capsys.readouterr().err


def test_brief_missing_store(tmp_path: Path, capsys) -> None:
    assert main(["brief", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no such store" in capsys.readouterr().err


@pytest.mark.parametrize(("value", "expected"), [("RUS-UKR", ("RUS", "UKR")), ("usagov-chn", ("USAGOV", "CHN")),
                                                 (None, (None, None))])
def test_brief_parse_dyad(value: str | None, expected: tuple) -> None:
    assert parse_dyad(value) == expected


def test_brief_parse_dyad_rejects_three_parts() -> None:
    with pytest.raises(FlashpointError):
        parse_dyad("A1-B2-C3")


def test_brief_sparkline_spans_the_range() -> None:
    assert sparkline([0.0, 0.5, 1.0]) == "▁▅█"
    assert sparkline([]) == ""
