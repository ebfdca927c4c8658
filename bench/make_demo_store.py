"""Build the synthetic demo store used by the dashboard demo and the API latency bench.

    python bench/make_demo_store.py [--out demo.duckdb] [--scale 1.0] [--seed 7]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from flashpoint.analytics.demo import demo_specs
from flashpoint.analytics.fixtures import write_specs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("demo.duckdb"))
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every dyad's daily article rate")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    write_specs(args.out, demo_specs(seed=args.seed, scale=args.scale))
    print(f"wrote {args.out} in {time.perf_counter() - started:.1f}s")


if __name__ == "__main__":
    main()
