"""p95 latency of GET /api/events?limit=50 (target < 100 ms) over real HTTP on the demo store.

    python bench/api_latency.py [--db demo.duckdb] [--scale 3] [--requests 300]

Without --db it builds the synthetic demo store (bench/make_demo_store.py) in a temporary folder.
The server is uvicorn on 127.0.0.1 in this process; requests go one after another over one
keep-alive connection, after a warm-up. Exits 1 when the p95 misses the target.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from flashpoint.analytics.demo import demo_specs
from flashpoint.analytics.fixtures import write_specs
from flashpoint.api import create_app
from flashpoint.settings import Settings

TARGET_MS = 100.0
PATHS = (
    "/api/events?limit=50",
    "/api/events?limit=50&source=RUS&target=UKR&factuality=asserted",
    "/api/events?limit=50&offset=1000",
    "/api/articles?limit=50",
    "/api/dyads/RUS/UKR/series?freq=week",
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def measure(client: httpx.Client, path: str, requests: int) -> list[float]:
    for _ in range(10):
        client.get(path).raise_for_status()
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(path).raise_for_status()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--scale", type=float, default=3.0, help="demo store size when --db is not given")
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = args.db or write_specs(Path(folder) / "demo.duckdb", demo_specs(scale=args.scale))
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(Settings(db=store)), host="127.0.0.1", port=port,
                                               log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            health = client.get("/api/health").json()
            print(f"store: {health['counts']['articles']} articles, {health['counts']['events']} events")
            results = {path: measure(client, path, args.requests) for path in PATHS}
        server.should_exit = True
        thread.join(timeout=10)
    for path, timings in results.items():
        print(f"{path:70s} p50 {statistics.median(timings):6.1f} ms  p95 {percentile(timings, 0.95):6.1f} ms"
              f"  p99 {percentile(timings, 0.99):6.1f} ms")
    p95 = percentile(results[PATHS[0]], 0.95)
    verdict = "OK" if p95 < TARGET_MS else "MISSED"
    print(f"{verdict}: p95 of {PATHS[0]} = {p95:.1f} ms (target < {TARGET_MS:.0f} ms)")
    return 0 if p95 < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
