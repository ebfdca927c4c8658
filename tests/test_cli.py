"""The analyze command end to end, in a subprocess like a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, assert_offsets_index_text

FLASHPOINT = [sys.executable, "-m", "flashpoint.cli"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*FLASHPOINT, *args], input=stdin, capture_output=True, check=False, timeout=300)


@pytest.fixture(scope="module")
def jsonl_output(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    path = tmp_path_factory.mktemp("cli") / "batch.jsonl"
    records = [
        {"id": "r1", "text": "Russian troops massed near the border on Thursday.", "published": "2021-12-09"},
        {"id": "r2", "text": "Kiev denied the charge, officials said.", "title": "Denial"},
        {"id": "r3", "text": "Protesters gathered in the capital.", "url": "http://example.org/3"},
    ]
    path.write_text("\n".join(json.dumps(record) for record in records) + "\n")
    result = run("analyze", "--format", "jsonl", str(path))
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def test_cli_jsonl_one_line_per_record_in_order(jsonl_output: list[dict], contract_validator) -> None:
    assert [document["article"]["id"] for document in jsonl_output] == ["r1", "r2", "r3"]
    assert jsonl_output[1]["article"]["title"] == "Denial"
    for document in jsonl_output:
        assert not list(contract_validator.iter_errors(document))
        assert_offsets_index_text(document)


def test_cli_stdin_and_overrides() -> None:
    record = json.dumps({"text": "Troops withdrew from the town."}).encode()
    result = run("analyze", "-", "--format", "json", "--id", "given", "--published", "2022-01-03", stdin=record)
    assert result.returncode == 0, result.stderr.decode()
    document = json.loads(result.stdout)
    assert document["article"]["id"] == "given"
    assert document["article"]["published"] == "2022-01-03"


def test_cli_pretty_briefing_shows_exclusions() -> None:
    result = run("analyze", str(EXAMPLES / "border_crisis.txt"), "--format", "pretty", "--published", "2021-12-09")
    assert result.returncode == 0, result.stderr.decode()
    output = result.stdout.decode()
    assert "Excluded lines" in output and "READ MORE" in output


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bad.jsonl", b'{"text": "ok"}\n{"text": oops}\n', "bad.jsonl:2: invalid JSON"),
        ("notext.jsonl", b'{"id": "x"}\n', "notext.jsonl:1: record has no 'text' field"),
        ("number.jsonl", b'{"text": 5}\n', "number.jsonl:1: 'text' must be a string"),
        ("empty.txt", b"", "empty.txt: file is empty"),
        ("binary.txt", b"\x00\x01\x02\x03binary", "binary.txt: binary file"),
    ],
)
def test_cli_bad_input_one_line_exit_2(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run("analyze", str(path))
    assert result.returncode == 2
    stderr = result.stderr.decode().strip()
    assert message in stderr
    assert len(stderr.splitlines()) == 1 and "Traceback" not in stderr
    assert result.stdout == b""


def test_cli_missing_path_and_bad_flags(tmp_path: Path) -> None:
    missing = run("analyze", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and b"nope.txt: no such file" in missing.stderr
    bad_date = run("analyze", str(EXAMPLES / "border_crisis.txt"), "--published", "next week")
    assert bad_date.returncode == 2 and b"--published" in bad_date.stderr


def test_cli_config_prints_documented_settings(tmp_path: Path) -> None:
    config = tmp_path / "fp.toml"
    config.write_text('model = "en_core_web_md"\n')
    result = run("config", "--config", str(config))
    assert result.returncode == 0
    output = result.stdout.decode()
    assert 'model = "en_core_web_md"' in output and "# spaCy model" in output


def test_cli_unknown_model_is_a_clear_error() -> None:
    result = run("analyze", str(EXAMPLES / "border_crisis.txt"), "--model", "no_such_model_pkg")
    assert result.returncode == 2
    assert b"no_such_model_pkg" in result.stderr and b"Traceback" not in result.stderr
