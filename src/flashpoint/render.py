"""The pretty terminal briefing of one Analysis (``analyze --format pretty``)."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from flashpoint.model import Analysis

FACTUALITY_STYLE = {
    "asserted": "bold green",
    "reported": "cyan",
    "planned": "yellow",
    "hypothetical": "magenta",
    "negated": "dim",
    "denied": "red",
}


def _names(analysis: Analysis) -> dict[str, str]:
    return {actor.id: actor.name for actor in analysis.actors}


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def briefing_tables(analysis: Analysis) -> list[Table]:
    names = _names(analysis)
    tables: list[Table] = []

    actors = _table("Actors", "id", "name", "kind", "code", "role", "mentions")
    for actor in analysis.actors:
        mentions = ", ".join(sorted({mention.text for mention in actor.mentions}))
        actors.add_row(actor.id, actor.name, actor.kind, actor.code or "", actor.role or "", mentions)
    tables.append(actors)

    events = _table("Events", "type", "cameo", "source", "target", "factuality", "by", "trigger", "date", "place")
    for event in analysis.events:
        style = FACTUALITY_STYLE.get(event.factuality, "")
        events.add_row(
            event.type + (f"/{event.mode}" if event.mode else ""),
            event.cameo or "",
            ", ".join(names.get(actor, actor) for actor in event.source),
            ", ".join(names.get(actor, actor) for actor in event.target),
            f"[{style}]{event.factuality}[/]",
            names.get(event.attributed_to or "", ""),
            event.trigger.text,
            event.date or "",
            event.place or "",
        )
    tables.append(events)

    quotes = _table("Quotes", "speaker", "kind", "cue", "content")
    for quote in analysis.quotes:
        speaker = names.get(quote.speaker or "", quote.speaker_mention.text if quote.speaker_mention else "?")
        content = " … ".join(span.text for span in quote.content)
        quotes.add_row(speaker, quote.kind, quote.cue.text if quote.cue else "", content)
    tables.append(quotes)

    figures = _table("Figures", "text", "value", "unit", "qualifier", "object", "claimed by")
    for amount in analysis.amounts:
        figures.add_row(
            amount.span.text, f"{amount.value:g}", amount.unit or "", amount.qualifier,
            amount.object or "", names.get(amount.claimed_by or "", ""),
        )
    tables.append(figures)

    dates = _table("Dates", "text", "type", "value")
    for expression in analysis.dates:
        dates.add_row(expression.span.text, expression.type, expression.value or "")
    tables.append(dates)

    places = _table("Places", "name", "feature", "country", "lat, lon", "mentions")
    for place in analysis.places:
        where = "" if place.lat is None or place.lon is None else f"{place.lat:.2f}, {place.lon:.2f}"
        places.add_row(place.name, place.feature or "", place.country or "", where, str(len(place.mentions)))
    tables.append(places)

    excluded = _table("Excluded lines", "reason", "text")
    for span in analysis.article.excluded:
        excluded.add_row(span.reason, span.text)
    tables.append(excluded)
    return tables


def render_briefing(analysis: Analysis, console: Console | None = None) -> None:
    console = console or Console()
    article = analysis.article
    heading = article.title or article.text.strip().splitlines()[0][:100]
    console.print(Panel(f"[bold]{heading}[/]\nid {article.id} · published {article.published or 'unknown'}"))
    for table in briefing_tables(analysis):
        if table.row_count:
            console.print(table)
