from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from flashpoint.api import create_app
from flashpoint.settings import Settings
from tests.stores import build_small_store


@pytest.fixture(scope="session")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_store(tmp_path_factory.mktemp("api-stores") / "small.duckdb")


@pytest.fixture(scope="session")
def client(small_store: Path) -> TestClient:
    return TestClient(create_app(Settings(db=small_store)))


@pytest.fixture(scope="session")
def token_client(small_store: Path) -> TestClient:
    return TestClient(create_app(Settings(db=small_store, token="s3cret")))
