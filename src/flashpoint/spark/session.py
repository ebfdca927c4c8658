"""Starting Spark for flashpoint: the project's own Python on every worker, nothing on the network.

On a ``local[...]`` master the driver binds 127.0.0.1 and the workers run ``sys.executable`` (the
venv's Python, so ``.venv/bin/flashpoint spark-ingest`` needs no activated venv). On a cluster
master (``spark://``, ``yarn``, ``k8s://``) the addresses and the executors' Python come from the
cluster's configuration (``PYSPARK_PYTHON``, ``spark-submit --archives``); see docs/spark.md.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from flashpoint.errors import FlashpointError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

LOOPBACK = "127.0.0.1"


class SparkUnavailable(FlashpointError):
    """PySpark or Java is missing: say how to install them instead of a JVM stack trace."""


def check_requirements(environ: dict[str, str]) -> None:
    if importlib.util.find_spec("pyspark") is None:
        raise SparkUnavailable("pyspark is not installed: pip install 'flashpoint[spark]'")
    java_home = environ.get("JAVA_HOME")
    if shutil.which("java") is None and not (java_home and os.path.isfile(os.path.join(java_home, "bin", "java"))):
        raise SparkUnavailable("java not found: install Debian's default-jre-headless ('make java')")


def is_local_master(master: str) -> bool:
    return master == "local" or master.startswith("local[")


def spark_environment(master: str, environ: dict[str, str], python: str) -> dict[str, str]:
    """The variables to set before the JVM starts (a pure function, for the tests)."""
    if is_local_master(master):
        # Always ours: a PYSPARK_PYTHON left in the shell for another project would load other packages.
        return {"PYSPARK_PYTHON": python, "PYSPARK_DRIVER_PYTHON": python, "SPARK_LOCAL_IP": LOOPBACK}
    return {
        "PYSPARK_PYTHON": environ.get("PYSPARK_PYTHON", python),
        "PYSPARK_DRIVER_PYTHON": environ.get("PYSPARK_DRIVER_PYTHON", python),
    }


def spark_config(master: str) -> dict[str, str]:
    config = {
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        # One Python process per core is reused across tasks, so each loads the pipeline once.
        "spark.python.worker.reuse": "true",
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.parquet.compression.codec": "zstd",
    }
    if is_local_master(master):
        config |= {"spark.driver.host": LOOPBACK, "spark.driver.bindAddress": LOOPBACK}
    return config


def start_session(master: str, app_name: str = "flashpoint") -> SparkSession:
    """A SparkSession on ``master`` (or the one spark-submit already created), logging errors only."""
    check_requirements(dict(os.environ))
    os.environ.update(spark_environment(master, dict(os.environ), sys.executable))
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(master).appName(app_name)
    for key, value in spark_config(master).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


@contextmanager
def spark_session(master: str) -> Iterator[SparkSession]:
    """The running session if there is one (spark-submit, tests), else a new one stopped at the end."""
    check_requirements(dict(os.environ))
    from pyspark.sql import SparkSession

    existing = SparkSession.getActiveSession()
    session = existing or start_session(master)
    try:
        yield session
    finally:
        if existing is None:
            session.stop()
