"""ingest end to end on a mixed corpus: counts, error rows, duplicates, idempotence, kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from spacy.language import Language

from flashpoint.ingest.runner import IngestSummary, run_ingest
from flashpoint.settings import Settings
from tests.ingest.corpus import (
    EXPECTED_DUPLICATES,
    EXPECTED_ERRORS,
    EXPECTED_IDS,
    EXPECTED_TEXT_FILES,
    SYNDICATED,
    build_corpus,
)

pytestmark = pytest.mark.model
CHILD_TABLES = ("actors", "events", "quotes", "amounts", "dates", "places")


def ingest(corpus: Path, db: Path, nlp: Language, **settings: object) -> IngestSummary:
    return run_ingest([corpus], Settings(**settings), db=db, workers=0, nlp=nlp)


def store_snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every table's content, without ingest times, in a stable order."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        snapshot = {
            "articles": con.execute(
                "SELECT id, url, title, published, text, content_hash, duplicate_of, origin, n_words, "
                "CAST(analysis AS VARCHAR) FROM articles ORDER BY id"
            ).fetchall(),
            "errors": con.execute('SELECT path, line, kind, message FROM errors ORDER BY ALL').fetchall(),
            "article_minhash": con.execute("SELECT * FROM article_minhash ORDER BY article_id").fetchall(),
        }
        for table in CHILD_TABLES:
            snapshot[table] = con.execute(f"SELECT * FROM {table} ORDER BY article_id, id").fetchall()
        return snapshot
    finally:
        con.close()


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> tuple[Path, Path, IngestSummary]:
    root = tmp_path_factory.mktemp("ingest")
    corpus = build_corpus(root)
    db = root / "store.duckdb"
    return corpus, db, ingest(corpus, db, nlp)


def test_runner_stores_every_readable_article(ingested: tuple[Path, Path, IngestSummary]) -> None:
    _, db, summary = ingested
    con = duckdb.connect(str(db), read_only=True)
    ids = {row[0] for row in con.execute("SELECT id FROM articles").fetchall()}
    hashed = ids - EXPECTED_IDS
    assert ids >= EXPECTED_IDS
    assert len(hashed) == EXPECTED_TEXT_FILES
    assert summary.stored == len(ids) == summary.read
    assert summary.skipped == 0
    assert summary.words == con.execute("SELECT sum(n_words) FROM articles").fetchone()[0] > 0
    legacy = con.execute("SELECT text FROM articles WHERE origin LIKE '%legacy.txt'").fetchone()[0]
    assert "français a dénoncé" in legacy
    con.close()


def test_runner_records_bad_input_as_error_rows(ingested: tuple[Path, Path, IngestSummary]) -> None:
    _, db, summary = ingested
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute('SELECT path, line, kind, message, "at" FROM errors').fetchall()
    con.close()
    assert {(Path(path).name, line, kind) for path, line, kind, _, _ in rows} == EXPECTED_ERRORS
    assert all(message and at is not None for _, _, _, message, at in rows)
    assert summary.errors == len(EXPECTED_ERRORS)


def test_runner_marks_syndicated_copies(ingested: tuple[Path, Path, IngestSummary]) -> None:
    _, db, summary = ingested
    con = duckdb.connect(str(db), read_only=True)
    copies = dict(con.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL").fetchall())
    originals_with_signature = con.execute(
        "SELECT count(*) FROM articles AS a JOIN article_minhash AS m ON m.article_id = a.id"
    ).fetchone()[0]
    total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert copies == EXPECTED_DUPLICATES
    assert summary.duplicates == len(EXPECTED_DUPLICATES)
    assert originals_with_signature == total - len(EXPECTED_DUPLICATES)


def test_runner_sources_keep_their_fields(ingested: tuple[Path, Path, IngestSummary]) -> None:
    _, db, _ = ingested
    con = duckdb.connect(str(db), read_only=True)
    rows = {
        row[0]: row[1:]
        for row in con.execute("SELECT id, title, source, published_date, origin, text FROM articles").fetchall()
    }
    con.close()
    title, source, published, origin, text = rows["wire-1"]
    assert (title, source, str(published)) == ("Aid convoy arrives", "Example Wire", "2024-03-05")
    assert "forty trucks" in text and "teaser" not in text  # full content beats the summary
    assert "Tbilisi" in rows["wire-2"][4]  # summary only
    assert rows["https://cc.example.org/b"][3].endswith("segment.warc.gz#5")
    assert "Qatar and Egypt" in rows["https://news.example.org/2024/03/ceasefire-talks"][4]
    assert rows["s1"][4] == SYNDICATED


def test_runner_second_run_changes_nothing(ingested: tuple[Path, Path, IngestSummary], nlp: Language) -> None:
    corpus, db, first = ingested
    before = store_snapshot(db)
    again = ingest(corpus, db, nlp)
    assert (again.stored, again.skipped, again.errors) == (0, first.read, first.errors)
    assert store_snapshot(db) == before


def _run_cli(args: list[str], **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "flashpoint.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
        start_new_session=True,
    )


@pytest.mark.slow
def test_runner_kill_9_then_resume_equals_clean_run(tmp_path: Path, nlp: Language) -> None:
    corpus = tmp_path / "many"
    corpus.mkdir()
    sentences = [
        f"Officials in district {index} said {count} families had left their homes after clashes on day {index}."
        for index, count in zip(range(80), range(3, 300, 3), strict=False)
    ]
    (corpus / "reports.jsonl").write_text(
        "\n".join(json.dumps({"id": f"r{index}", "text": text}) for index, text in enumerate(sentences))
        + "\n{broken\n"
    )
    (corpus / "empty.txt").write_text("")
    clean_db = tmp_path / "clean.duckdb"
    ingest(corpus, clean_db, nlp)

    killed_db = tmp_path / "killed.duckdb"
    args = ["ingest", str(corpus), "--db", str(killed_db), "--workers", "1"]
    process = _run_cli(args, FLASHPOINT_BATCH_SIZE="2")
    first_progress = process.stderr.readline()  # printed right after the first commit
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, first_progress
    con = duckdb.connect(str(killed_db), read_only=True)
    stored_before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert 0 < stored_before < len(sentences), first_progress

    resumed = _run_cli(args, FLASHPOINT_BATCH_SIZE="2")
    out, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err
    assert f"stored      {len(sentences) - stored_before} " in out
    assert store_snapshot(killed_db) == store_snapshot(clean_db)
