"""One local[2] Spark session for every Spark test (start-up costs ~20 s on two cores)."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    if importlib.util.find_spec("pyspark") is None or shutil.which("java") is None:
        pytest.skip("needs pyspark and java (make java)")
    from flashpoint.spark.session import start_session

    session = start_session("local[2]", app_name="flashpoint-tests")
    yield session
    session.stop()
