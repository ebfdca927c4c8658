"""`flashpoint brief`: a terminal briefing over a store — active dyads, escalation, alerts with evidence."""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from flashpoint.analytics.alerts import Alert, find_alerts
from flashpoint.analytics.escalation import DyadEscalation, escalation
from flashpoint.analytics.series import DyadSummary, list_dyads
from flashpoint.analytics.signals import Window
from flashpoint.api.queries import list_amounts, list_quotes
from flashpoint.api.store import open_read_only
from flashpoint.commands import add_config_option, settings_from_args
from flashpoint.errors import FlashpointError
from flashpoint.ingest.records import parse_published

DYAD_PATTERN = re.compile(r"^([A-Za-z][A-Za-z0-9]{1,15})-([A-Za-z][A-Za-z0-9]{1,15})$")
SPARK = "▁▂▃▄▅▆▇█"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "brief", help="terminal briefing over a store: active dyads, escalation, alerts with evidence"
    )
    parser.add_argument("--db", type=Path, default=None, help="DuckDB store (default: the 'db' setting)")
    parser.add_argument("--since", help="first day of the briefing, YYYY-MM-DD (history before it is the baseline)")
    parser.add_argument("--until", help="last day, YYYY-MM-DD")
    parser.add_argument("--dyad", help="one dyad, SOURCE-TARGET (e.g. RUS-UKR)")
    parser.add_argument("--alerts", type=int, default=8, help="how many alerts to show (default 8)")
    add_config_option(parser)
    parser.set_defaults(handler=run)


@dataclass(frozen=True)
class Briefing:
    window: Window
    dyads: list[DyadSummary]
    escalation: list[DyadEscalation]
    alerts: list[Alert]
    quotes: dict[str, list[dict]]  # article id -> quotes
    amounts: dict[str, list[dict]]


def _day(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    parsed = parse_published(value)
    if parsed is None or len(value.strip()) != 10:
        raise FlashpointError(f"{flag}: not a date (YYYY-MM-DD): {value!r}")
    return parsed


def parse_dyad(value: str | None) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    match = DYAD_PATTERN.match(value.strip())
    if match is None:
        raise FlashpointError(f"--dyad: expected SOURCE-TARGET such as RUS-UKR, got {value!r}")
    return match.group(1).upper(), match.group(2).upper()


def collect_briefing(
    con: duckdb.DuckDBPyConnection, window: Window, source: str | None, target: str | None, alert_count: int
) -> Briefing:
    dyads = [
        dyad for dyad in list_dyads(con, window, limit=1000)
        if (source is None or dyad.source == source) and (target is None or dyad.target == target)
    ][:10]
    escalated = escalation(con, window=window, source=source, target=target)[:10]
    alerts = find_alerts(con, window=window, source=source, target=target)[:alert_count]
    article_ids = sorted({item.article_id for alert in alerts for item in alert.evidence})
    quotes: dict[str, list[dict]] = {}
    for quote in list_quotes(con, article_ids=article_ids, limit=500):
        quotes.setdefault(quote["article_id"], []).append(quote)
    amounts: dict[str, list[dict]] = {}
    for amount in list_amounts(con, article_ids=article_ids, limit=500):
        amounts.setdefault(amount["article_id"], []).append(amount)
    return Briefing(window, dyads, escalated, alerts, quotes, amounts)


def sparkline(values: list[float]) -> str:
    if not values:
        return ""
    low, high = min(values), max(values)
    spread = (high - low) or 1.0
    return "".join(SPARK[min(len(SPARK) - 1, int((value - low) / spread * (len(SPARK) - 1) + 0.5))] for value in values)


def _dyad_table(briefing: Briefing) -> Table:
    table = Table(title="Most active dyads", title_justify="left")
    for column in ("dyad", "events", "material conflict", "verbal conflict", "cooperation",
                   "Goldstein mean", "threats / plans / fears"):
        table.add_column(column, justify="right" if column != "dyad" else "left")
    for dyad in briefing.dyads:
        stats = dyad.stats
        mean = "" if stats.goldstein_mean is None else f"{stats.goldstein_mean:+.2f}"
        table.add_row(f"{dyad.source} → {dyad.target}", str(stats.events), str(stats.q4), str(stats.q3),
                      str(stats.q1 + stats.q2), mean, f"{stats.threats} / {stats.plans} / {stats.fears}")
    return table


def _escalation_table(briefing: Briefing) -> Table:
    table = Table(title="Escalation index (weekly, against each dyad's own baseline)", title_justify="left")
    for column in ("dyad", "index", "hostility", "baseline", "trend", "peak"):
        table.add_column(column)
    for dyad in briefing.escalation:
        latest = dyad.latest
        style = "bold red" if latest.index >= 0.5 else ("yellow" if latest.index > 0.2 else "")
        table.add_row(f"{dyad.source} → {dyad.target}", Text(f"{latest.index:+.2f}", style=style),
                      f"{latest.hostility:.2f}", f"{latest.baseline:.2f}",
                      sparkline([point.index for point in dyad.points][-16:]),
                      f"{dyad.peak.index:+.2f} ({dyad.peak.period.isoformat()})")
    return table


def _alert_panel(alert: Alert, briefing: Briefing) -> Panel:
    lines: list[Text] = []
    for item in alert.evidence[:4]:
        line = Text(f"{item.event_date.isoformat()} [{item.factuality}] ", style="dim")
        sentence = item.sentence_text
        start = item.trigger_start - item.sentence_start
        end = item.trigger_end - item.sentence_start
        line.append(sentence[:start])
        line.append(sentence[start:end], style="bold underline")
        line.append(sentence[end:])
        line.append(f"  ({item.article_id}#{item.event_id})", style="dim")
        lines.append(line)
    article_ids = list(dict.fromkeys(item.article_id for item in alert.evidence))
    for article_id in article_ids[:3]:
        for quote in briefing.quotes.get(article_id, [])[:1]:
            lines.append(Text(f"“{quote['content_text']}” — {quote['speaker'] or 'unattributed'}", style="italic"))
        for amount in briefing.amounts.get(article_id, [])[:1]:
            lines.append(Text(f"figure: {amount['span_text']} ({amount['qualifier']})", style="cyan"))
    title = f"[bold]{alert.kind}[/] {alert.source} → {alert.target}  {alert.date.isoformat()}"
    return Panel(Group(Text(alert.message), *lines), title=title, title_align="left",
                 border_style="red" if alert.kind != "surge" else "yellow")


def render(briefing: Briefing, console: Console) -> None:
    window = briefing.window
    span = f"{window.since or 'start'} … {window.until or 'latest'}"
    console.rule(f"[bold]flashpoint briefing[/]  {span}")
    if not briefing.dyads:
        console.print("No events in this window.")
        return
    console.print(_dyad_table(briefing))
    console.print(_escalation_table(briefing))
    console.rule(f"Alerts ({len(briefing.alerts)} newest)")
    for alert in briefing.alerts:
        console.print(_alert_panel(alert, briefing))


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args, db=args.db)
    window = Window(_day(args.since, "--since"), _day(args.until, "--until"))
    source, target = parse_dyad(args.dyad)
    con = open_read_only(Path(settings.db))
    try:
        briefing = collect_briefing(con, window, source, target, max(0, args.alerts))
    finally:
        con.close()
    render(briefing, Console())
    return 0
