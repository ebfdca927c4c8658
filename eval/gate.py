"""The evaluation gate: score every dev file and compare with the committed baseline.

    python eval/gate.py check    # fail (exit 1) when any metric drops by more than 0.01
    python eval/gate.py update   # rewrite eval/baseline.json from a fresh run

It runs ``../shared/eval/score.py`` (the official scorer) on each dev file, two at a time, and
keeps the predictions in .eval-out/ for inspection.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
BASELINE = ROOT / "eval" / "baseline.json"
OUT_DIR = ROOT / ".eval-out"
TOLERANCE = 0.01

# (name, task, gold file relative to shared/eval)
RUNS: tuple[tuple[str, str, str], ...] = (
    ("places", "places", "places/dev.jsonl"),
    ("india", "events", "events/india_dev.jsonl"),
    ("dates", "dates", "dates/dev.jsonl"),
    ("quotes", "quotes", "quotes/dev.jsonl"),
    ("case", "events", "events/case_dev.jsonl"),
    ("amounts", "amounts", "amounts/dev.jsonl"),
    ("plover", "events", "events/plover_dev.jsonl"),
    ("actors", "actors", "actors/dev.jsonl"),
)
METRIC = re.compile(r"([A-Za-z0-9_]+)=([0-9.]+|n/a)")


def parse_summary(output: str) -> dict[str, float]:
    """Metrics of the scorer's last line, ``task: a=0.5 b=n/a ... n=84`` (n and n/a left out)."""
    lines = [line for line in output.strip().splitlines() if line.strip()]
    if not lines:
        return {}
    metrics = {}
    for name, value in METRIC.findall(lines[-1]):
        if name != "n" and value != "n/a":
            metrics[name] = float(value)
    return metrics


def score(name: str, task: str, gold: str) -> tuple[str, dict[str, float], str, float]:
    started = time.monotonic()
    OUT_DIR.mkdir(exist_ok=True)
    command = [
        sys.executable, str(SHARED_EVAL / "score.py"), task, str(SHARED_EVAL / gold),
        "--out", str(OUT_DIR / f"{name}.pred.jsonl"), "--timeout", "1500",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        return name, {}, output, time.monotonic() - started
    return name, parse_summary(result.stdout), output, time.monotonic() - started


def run_all(jobs: int) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    failures = []
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for name, metrics, output, seconds in pool.map(lambda run: score(*run), RUNS):
            last = output.strip().splitlines()[-1] if output.strip() else "(no output)"
            print(f"[{seconds:6.1f}s] {name}: {last}", flush=True)
            if not metrics:
                failures.append(name)
                print(output[-3000:], file=sys.stderr)
            results[name] = metrics
    if failures:
        raise SystemExit(f"scorer failed for: {', '.join(failures)}")
    return results


def compare(baseline: dict[str, dict[str, float]], current: dict[str, dict[str, float]]) -> list[str]:
    regressions = []
    for name, metrics in baseline.items():
        for metric, old in metrics.items():
            new = current.get(name, {}).get(metric)
            if new is None:
                regressions.append(f"{name}.{metric}: was {old:.3f}, now missing")
            elif new < old - TOLERANCE:
                regressions.append(f"{name}.{metric}: {old:.3f} -> {new:.3f}")
    return regressions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("check", "update"))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    current = run_all(args.jobs)
    if args.action == "update":
        BASELINE.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n")
        print(f"wrote {BASELINE.relative_to(ROOT)}")
        return 0
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    regressions = compare(baseline, current)
    for line in regressions:
        print(f"REGRESSION {line}")
    if regressions:
        print(f"eval gate: {len(regressions)} metric(s) dropped by more than {TOLERANCE}")
        return 1
    print("eval gate: no metric dropped against eval/baseline.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
