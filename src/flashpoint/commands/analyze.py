"""`flashpoint analyze`: articles in, Analysis JSON (or a terminal briefing) out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from flashpoint.analysis import analyze_articles
from flashpoint.commands import add_config_option, settings_from_args
from flashpoint.errors import FlashpointError, InputError, InputProblem
from flashpoint.ingest.readers import read_path
from flashpoint.ingest.records import ArticleInput, parse_published
from flashpoint.pipeline import build_pipeline


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="analyse articles (.txt, .html, .jsonl, or - for JSONL on stdin)",
        description="Analyse one article per .txt/.html file, or one per line of a .jsonl file.",
    )
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("-")], metavar="PATH")
    parser.add_argument("--format", choices=("json", "jsonl", "pretty"), default="json")
    parser.add_argument("--published", help="publication date (YYYY-MM-DD) for articles that have none")
    parser.add_argument("--id", dest="article_id", help="article id (one article only)")
    parser.add_argument("--model", help="spaCy model to load (overrides the setting)")
    add_config_option(parser)
    parser.set_defaults(handler=run)


def collect_articles(paths: list[Path], max_bytes: int) -> list[ArticleInput]:
    """Every article of every path, or an InputError for the first bad input (nothing is printed)."""
    articles: list[ArticleInput] = []
    for path in paths:
        for result in read_path(path, max_bytes):
            if isinstance(result, InputProblem):
                raise InputError(result)
            articles.append(result)
    return articles


def apply_overrides(articles: list[ArticleInput], published: str | None, article_id: str | None) -> list[ArticleInput]:
    if published is not None and parse_published(published) is None:
        raise FlashpointError(f"--published: not an ISO date: {published!r}")
    if article_id is not None and len(articles) != 1:
        raise FlashpointError(f"--id: names one article, but the input has {len(articles)}")
    updated = []
    for article in articles:
        changes: dict[str, str] = {}
        if published is not None and not article.published:
            changes["published"] = published
        if article_id is not None:
            changes["id"] = article_id
        updated.append(article.model_copy(update=changes) if changes else article)
    return updated


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args, model=args.model)
    articles = apply_overrides(
        collect_articles(args.paths, settings.max_file_bytes), args.published, args.article_id
    )
    nlp = build_pipeline(settings)
    analyses = analyze_articles(nlp, articles, batch_size=settings.batch_size)
    if args.format == "pretty":
        from flashpoint.render import render_briefing

        for analysis in analyses:
            render_briefing(analysis)
        return 0
    out = sys.stdout
    if args.format == "jsonl":
        for analysis in analyses:
            out.write(json.dumps(analysis.to_json_dict(), ensure_ascii=False) + "\n")
        return 0
    documents = [analysis.to_json_dict() for analysis in analyses]
    payload = documents[0] if len(documents) == 1 else documents
    out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return 0
