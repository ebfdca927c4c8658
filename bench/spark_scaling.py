"""Marginal cost of articles on `spark-ingest --master local[2]` against `ingest --workers 2`.

    .venv/bin/python bench/spark_scaling.py [--small 20] [--large 300] [--words 250] [--repeat 1]

Both commands run as a user runs them (`.venv/bin/flashpoint ...` subprocesses, end to end,
fresh outputs) on two synthetic corpora written here from sentence templates (bench/ingest.py):
SMALL and LARGE articles. The fixed costs (JVM and Spark start-up, process pools, loading the
pipeline) are the same for both corpora, so the difference LARGE - SMALL is what the extra
articles cost. Target: Spark's marginal throughput at least 0.8x ingest's, i.e.
(ingest's marginal seconds) / (spark's marginal seconds) >= 0.8. Spark's fixed start-up (a
session started and stopped, no work) is reported separately: on two cores it says nothing about
a cluster. With --repeat N every command runs N times and the fastest run counts.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLASHPOINT = Path(sys.executable).with_name("flashpoint")
TARGET_RATIO = 0.8


def make_texts(articles: int, words: int) -> list[str]:
    spec = importlib.util.spec_from_file_location("bench_ingest_texts", HERE / "ingest.py")
    if spec is None or spec.loader is None:
        raise RuntimeError("bench/ingest.py not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_texts(articles, words)


def write_corpus(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": f"bench-{index}", "text": text}) + "\n" for index, text in enumerate(texts)))
    return path


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    return time.perf_counter() - started


def spark_startup_seconds() -> float:
    code = (
        "import time; t = time.perf_counter();"
        "from flashpoint.spark.session import start_session;"
        "s = start_session('local[2]'); s.sparkContext.parallelize([1, 2], 2).count(); s.stop();"
        "print(time.perf_counter() - t)"
    )
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=20)
    parser.add_argument("--large", type=int, default=300)
    parser.add_argument("--words", type=int, default=250, help="approximate words per article")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    texts = make_texts(args.large, args.words)
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        corpora = {
            "small": write_corpus(root / "small.jsonl", texts[: args.small]),
            "large": write_corpus(root / "large.jsonl", texts),
        }
        best: dict[tuple[str, str], float] = {}
        for attempt in range(args.repeat):
            for size, corpus in corpora.items():
                db = root / f"{size}-{attempt}.duckdb"
                ingest = [str(FLASHPOINT), "ingest", str(corpus), "--db", str(db), "--workers", "2", "--quiet"]
                spark = [str(FLASHPOINT), "spark-ingest", str(corpus), "--out", str(root / f"{size}-{attempt}"),
                         "--master", "local[2]"]
                for name, command in (("ingest", ingest), ("spark", spark)):
                    seconds = timed(command)
                    best[name, size] = min(seconds, best.get((name, size), seconds))
                    print(f"  {name:6} {size:5}: {seconds:6.1f} s", flush=True)
        startup = spark_startup_seconds()
    extra = args.large - args.small
    words = sum(len(text.split()) for text in texts[args.small :])
    marginal = {name: best[name, "large"] - best[name, "small"] for name in ("ingest", "spark")}
    ratio = marginal["ingest"] / marginal["spark"]
    print(f"corpora: {args.small} and {args.large} articles of ~{args.words} words; {extra} extra articles = {words} words")
    for name, label in (("ingest", "ingest --workers 2"), ("spark", "spark-ingest --master local[2]")):
        print(
            f"{label:32} {best[name, 'small']:6.1f} s / {best[name, 'large']:6.1f} s; extra articles cost "
            f"{marginal[name]:6.1f} s ({words / marginal[name]:,.0f} words/s, {extra / marginal[name]:.1f} articles/s)"
        )
    print(f"spark fixed start-up (session start + one tiny job + stop): {startup:.1f} s")
    print(
        f"marginal throughput spark / ingest = {ratio:.2f} (target >= {TARGET_RATIO}: "
        f"{'met' if ratio >= TARGET_RATIO else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
