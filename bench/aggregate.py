"""Daily dyad aggregation over synthetic events in a DuckDB store with the real schema.

    .venv/bin/python bench/aggregate.py [--events 1000000] [--articles 200000] [--runs 7]

Builds a store (schema.sql, so the layout is the one ingest writes) with N synthetic events spread
over two years, 30 countries and a tenth of the articles marked as syndicated copies, then times
the daily dyad query the analytics run: events per (day, source country, target country) with
their Goldstein sum and material-conflict count, over `unique_events` (copies left out). Prints
the median and the worst of the runs (result fetched as an Arrow table, as the API and
dashboard consume it); the target is under 200 ms for 1M events. Other processes on the machine
slow it down: rerun on a quiet machine (see `uptime`) before reading the number.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from flashpoint.store.db import open_store

COUNTRIES = [
    "USA", "RUS", "UKR", "CHN", "TWN", "IRN", "ISR", "PSE", "SYR", "TUR", "IND", "PAK", "AFG", "IRQ", "SAU",
    "YEM", "ETH", "SDN", "SSD", "COD", "NGA", "MLI", "NER", "VEN", "COL", "MEX", "PRK", "KOR", "JPN", "GBR",
]

DAILY_DYADS = """
SELECT event_date AS day, source_country, target_country,
       count(*) AS events,
       sum(goldstein) AS goldstein,
       count(*) FILTER (WHERE quad_class = 4) AS material_conflict
FROM unique_events
WHERE source_country IS NOT NULL AND target_country IS NOT NULL
  AND factuality IN ('asserted', 'reported')
GROUP BY ALL
"""


def fill(con, events: int, articles: int) -> None:  # noqa: ANN001 - a DuckDB connection
    countries = "[" + ", ".join(f"'{code}'" for code in COUNTRIES) + "]"
    con.execute(
        f"""
        INSERT INTO articles (id, text, content_hash, duplicate_of, published, published_date, ingested_at, analysis)
        SELECT 'a' || i, 'synthetic', md5(i::VARCHAR),
               CASE WHEN i % 10 = 9 THEN 'a' || (i - 1) END,
               (DATE '2022-01-01' + (i % 730)::INTEGER)::VARCHAR, DATE '2022-01-01' + (i % 730)::INTEGER,
               TIMESTAMP '2024-01-01' + to_microseconds(i), '{{}}'
        FROM range({articles}) AS t(i)
        """
    )
    con.execute(
        f"""
        INSERT INTO events (article_id, id, type, cameo, quad_class, goldstein, source, target,
                            source_code, source_country, target_code, target_country, factuality, event_date,
                            trigger_start, trigger_end, trigger_text, sentence_start, sentence_end, sentence_text,
                            duplicate_of)
        SELECT 'a' || (i % {articles}), 'E' || i, 'ASSAULT', '190', 1 + (hash(i) % 4)::INTEGER,
               ((hash(i * 7) % 200)::INTEGER - 100) / 10.0, '["A1"]', '["A2"]',
               c1, c1, c2, c2,
               CASE WHEN i % 7 = 0 THEN 'hypothetical' ELSE 'asserted' END,
               DATE '2022-01-01' + ((i % {articles}) % 730)::INTEGER,
               0, 5, 'fired', 0, 20, 'synthetic sentence.',
               CASE WHEN (i % {articles}) % 10 = 9 THEN 'a' || ((i % {articles}) - 1) END
        FROM (SELECT i, {countries}[1 + (hash(i * 3) % 30)::INTEGER] AS c1,
                        {countries}[1 + (hash(i * 5) % 30)::INTEGER] AS c2 FROM range({events}) AS t(i))
        """
    )
    con.execute("CHECKPOINT")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        con = open_store(Path(directory) / "bench.duckdb")
        started = time.perf_counter()
        fill(con, args.events, args.articles)
        print(f"built store: {args.events} events, {args.articles} articles in {time.perf_counter() - started:.1f} s")
        con.sql(DAILY_DYADS).to_arrow_table()  # warm the buffer pool, as a running service would be
        timings = []
        for _ in range(args.runs):
            started = time.perf_counter()
            groups = con.sql(DAILY_DYADS).to_arrow_table().num_rows
            timings.append((time.perf_counter() - started) * 1000)
        con.close()
    print(f"daily dyad aggregation: {groups} groups; best {min(timings):.0f} ms, median {statistics.median(timings):.0f} ms, "
          f"worst {max(timings):.0f} ms over {args.runs} runs (target < 200 ms)")


if __name__ == "__main__":
    main()
