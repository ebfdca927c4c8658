"""Measure quantulum3 on the amounts eval: a stand-in `flashpoint analyze` that emits only amounts.

Usage (quantulum3 is not a flashpoint dependency; install it in a separate venv):
    python3 -m venv /tmp/q3 && /tmp/q3/bin/pip install quantulum3
    python3 ../../shared/eval/score.py amounts ../../shared/eval/amounts/dev.jsonl \
        --cmd "/tmp/q3/bin/python bench/quantulum_baseline.py"
quantulum3 gives no qualifier, so every amount is reported as exact.
"""

from __future__ import annotations

import json
import sys


def amounts_of(text: str) -> list[dict]:
    from quantulum3 import parser  # imported lazily: only this benchmark needs it

    found = []
    for index, quantity in enumerate(parser.parse(text)):
        start, end = quantity.span
        unit = None if quantity.unit.name == "dimensionless" else quantity.unit.name
        found.append({
            "id": f"amount-{index}", "value": float(quantity.value),
            "span": {"start": start, "end": end, "text": text[start:end]},
            "unit": unit, "qualifier": "exact",
        })
    return found


def main(argv: list[str]) -> int:
    path = argv[-1]
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            article = {"id": record["id"], "text": record["text"]}
            print(json.dumps({
                "schema_version": "1", "article": article, "actors": [], "events": [],
                "quotes": [], "amounts": amounts_of(record["text"]), "dates": [], "places": [],
            }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
