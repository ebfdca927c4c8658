from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.stores import build_small_store


@pytest.fixture(scope="session")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_store(tmp_path_factory.mktemp("stores") / "small.duckdb")


@pytest.fixture()
def con(small_store: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(small_store), read_only=True)
    yield connection
    connection.close()
