"""`flashpoint serve` as a user runs it: a subprocess bound to 127.0.0.1 by default."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.stores import build_small_store


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_serve_binds_localhost_and_answers(tmp_path: Path) -> None:
    store = build_small_store(tmp_path / "small.duckdb")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "flashpoint.cli", "serve", "--db", str(store), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        body = None
        deadline = time.monotonic() + 60
        while body is None and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).json()
            except httpx.TransportError:
                continue
        assert body is not None, process.stdout.read().decode() if process.poll() is not None else "no answer"
        assert body["counts"]["articles"] == 17
    finally:
        process.terminate()
        process.wait(timeout=20)
    log = process.stdout.read().decode()
    assert "http://127.0.0.1:" in log


def test_serve_missing_store_is_a_one_line_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "flashpoint.cli", "serve", "--db", str(tmp_path / "none.duckdb")],
        capture_output=True, timeout=120, check=False,
    )
    assert result.returncode == 2
    assert b"no such store" in result.stderr
