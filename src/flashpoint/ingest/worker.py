"""The analysis side of ingest: each worker process holds one loaded pipeline and turns batches of
articles into store rows (plus a MinHash signature), so the writer only has to insert them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from spacy.language import Language
from threadpoolctl import threadpool_limits

from flashpoint.analysis import analyze_articles
from flashpoint.errors import InputProblem
from flashpoint.ingest.dedup import signature
from flashpoint.ingest.records import ArticleInput, PendingHtml, text_hash
from flashpoint.ingest.warc import resolve_html
from flashpoint.pipeline import build_pipeline
from flashpoint.settings import Settings
from flashpoint.store.rows import ArticleMeta, TableRows, analysis_rows, count_words


@dataclass(frozen=True)
class AnalysedArticle:
    """One article ready for the writer: its rows (duplicate_of still unset) and dedup keys."""

    article_id: str
    content_hash: str
    signature: bytes
    n_words: int
    rows: TableRows


BatchResult = list[AnalysedArticle | InputProblem]

_worker_nlp: Language | None = None


def init_worker(settings: Settings) -> None:
    """Pool initializer: load the pipeline once per process.

    Each worker is one sequential stream of work, and there are as many workers as cores: BLAS
    threads inside a worker only compete with the other workers (they cost 15-20% CPU per article).
    """
    global _worker_nlp
    threadpool_limits(limits=1)
    _worker_nlp = build_pipeline(settings)


def analyse_in_worker(items: Sequence[ArticleInput | PendingHtml]) -> BatchResult:
    if _worker_nlp is None:
        raise RuntimeError("worker pipeline not initialised (init_worker was not run)")
    return analyse_batch(_worker_nlp, items)


def analyse_batch(nlp: Language, items: Sequence[ArticleInput | PendingHtml]) -> BatchResult:
    """Rows (or a problem) per item, in order: pending HTML pages are extracted first."""
    prepared = [_extract(item) if isinstance(item, PendingHtml) else item for item in items]
    analysed = iter(analyse_articles_rows(nlp, [item for item in prepared if isinstance(item, ArticleInput)]))
    return [next(analysed) if isinstance(item, ArticleInput) else item for item in prepared]


def analyse_articles_rows(nlp: Language, articles: Sequence[ArticleInput]) -> BatchResult:
    """Rows for every article; when the pipeline fails on a batch, retry one by one so only the
    article that breaks it becomes an ``analysis`` error."""
    if not articles:
        return []
    try:
        analyses = list(analyze_articles(nlp, articles, batch_size=len(articles) or 1))
    except Exception:  # noqa: BLE001 - a pipeline bug must cost one article, not the batch
        if len(articles) == 1:
            return [_analysis_problem(articles[0])]
        return [result for article in articles for result in analyse_articles_rows(nlp, [article])]
    ingested_at = datetime.now()
    return [
        AnalysedArticle(
            article_id=article.id,
            content_hash=text_hash(article.text),
            signature=signature(article.text),
            n_words=count_words(article.text),
            rows=analysis_rows(analysis, ArticleMeta(ingested_at=ingested_at, origin=article.origin)),
        )
        for article, analysis in zip(articles, analyses, strict=True)
    ]


def _extract(page: PendingHtml) -> ArticleInput | InputProblem:
    try:
        return resolve_html(page)
    except Exception as exc:  # noqa: BLE001 - an extractor crash on one page must not end the run
        return InputProblem(path=page.path, line=page.line, kind="extraction", message=f"HTML extraction failed: {exc}")


def _analysis_problem(article: ArticleInput) -> InputProblem:
    import traceback

    last = traceback.format_exc(limit=-1).strip().splitlines()[-1]
    path, line = _split_origin(article.origin or article.id)
    return InputProblem(path=path, line=line, kind="analysis", message=f"article {article.id!r}: {last}")


def _split_origin(origin: str) -> tuple[str, int | None]:
    """"file.jsonl:12" -> ("file.jsonl", 12); "crawl.warc.gz#3" -> ("crawl.warc.gz", 3)."""
    for separator in (":", "#"):
        head, _, tail = origin.rpartition(separator)
        if head and tail.isdigit():
            return head, int(tail)
    return origin, None
