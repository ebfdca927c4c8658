"""The ingest and export commands through the CLI entry point, and the progress reporters."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flashpoint.cli import main
from flashpoint.ingest.progress import IngestStats, PlainProgress, make_progress
from tests.ingest.corpus import build_corpus


@pytest.mark.model
def test_commands_ingest_then_every_export(tmp_path: Path, capsys: pytest.CaptureFixture[str], contract_validator) -> None:
    corpus = build_corpus(tmp_path)
    db = tmp_path / "cli.duckdb"
    assert main(["ingest", str(corpus), "--db", str(db), "--workers", "0", "--quiet"]) == 0
    summary = capsys.readouterr().out
    assert "stored      13 (2 as duplicates of an earlier copy)" in summary
    assert "errors      5 (see the errors table)" in summary

    assert main(["export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path / "pq")]) == 0
    assert pq.read_table(tmp_path / "pq" / "articles.parquet").num_rows == 13
    assert pq.read_table(tmp_path / "pq" / "errors.parquet").num_rows == 5

    assert main(["export", "--db", str(db), "--format", "jsonl", "--out", str(tmp_path / "all.jsonl")]) == 0
    documents = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text().splitlines()]
    assert len(documents) == 13
    for document in documents:
        contract_validator.validate(document)

    assert main(["export", "--db", str(db), "--format", "gdelt", "--out", str(tmp_path / "e.tsv"), "--all-factuality"]) == 0
    lines = (tmp_path / "e.tsv").read_text().splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert "export: gdelt" in capsys.readouterr().out


def test_commands_export_without_store_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.duckdb"
    assert main(["export", "--db", str(missing), "--format", "jsonl", "--out", str(tmp_path / "x.jsonl")]) == 2
    assert f"{missing}: no such store" in capsys.readouterr().err


def test_commands_plain_progress_first_line_then_throttled() -> None:
    stream = io.StringIO()
    progress = PlainProgress(stream, interval=3600)
    stats = IngestStats(stored=4, skipped=1, duplicates=1, errors=2, words=400)
    progress.update(stats)
    progress.update(stats)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("ingest: 4 stored, 1 skipped, 1 duplicates, 2 errors | ")
    assert "words/s" in lines[0] and "articles/s" in lines[0]
    assert isinstance(make_progress(stream=io.StringIO()), PlainProgress)  # not a terminal
