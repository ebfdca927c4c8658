"""Scale-out on Apache Spark: ``flashpoint spark-ingest`` runs ingest's analysis on a cluster.

Modules: ``session`` (starting Spark offline with the project's Python), ``plan`` (the driver's
in-order decisions: skips, duplicates, error rows; no pyspark), ``tasks`` (what executors run),
``job`` (the RDD plumbing and the Parquet output). See docs/spark.md.
"""
