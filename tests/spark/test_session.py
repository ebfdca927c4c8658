"""Spark's environment and configuration: our own Python, loopback only, no UI (no JVM needed)."""

from __future__ import annotations

import pytest

from flashpoint.spark.job import expand_paths, output_uri
from flashpoint.spark.session import spark_config, spark_environment


@pytest.mark.parametrize("master", ["local", "local[2]", "local[*]"])
def test_session_local_runs_our_python_on_loopback(master: str) -> None:
    env = spark_environment(master, {"PYSPARK_PYTHON": "/usr/bin/python3"}, "/venv/bin/python")
    assert env == {"PYSPARK_PYTHON": "/venv/bin/python", "PYSPARK_DRIVER_PYTHON": "/venv/bin/python", "SPARK_LOCAL_IP": "127.0.0.1"}
    config = spark_config(master)
    assert config["spark.ui.enabled"] == "false"
    assert config["spark.driver.host"] == config["spark.driver.bindAddress"] == "127.0.0.1"


@pytest.mark.parametrize("master", ["yarn", "spark://head:7077"])
def test_session_cluster_keeps_the_cluster_python_and_addresses(master: str) -> None:
    env = spark_environment(master, {"PYSPARK_PYTHON": "./env/bin/python"}, "/venv/bin/python")
    assert env == {"PYSPARK_PYTHON": "./env/bin/python", "PYSPARK_DRIVER_PYTHON": "/venv/bin/python"}
    assert "spark.driver.host" not in spark_config(master)


def test_session_expand_paths_in_ingest_order(tmp_path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "b/1.txt", "a.txt", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    missing = tmp_path / "missing.txt"
    assert expand_paths([tmp_path, missing]) == [
        str(tmp_path / "a.txt"), str(tmp_path / "b" / "1.txt"), str(tmp_path / "b" / "2.txt"), str(missing),
    ]
    assert output_uri("hdfs://nn/out") == "hdfs://nn/out"
    assert output_uri("rel/out").startswith("/")
