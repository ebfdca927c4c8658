"""The one function that turns (article, Doc) into the Analysis model.

The CLI, the API, ingest and Spark all call ``analyze_articles`` (or ``build_analysis`` on a Doc
they processed themselves), so there is exactly one copy of the analysis logic.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.ingest.records import ArticleInput
from flashpoint.model import Analysis, Article
from flashpoint.pipeline.doc_ext import register_extensions


def make_doc(nlp: Language, article: ArticleInput) -> Doc:
    """A tokenised Doc carrying the article, so components can see its publication date."""
    register_extensions()
    doc = nlp.make_doc(article.text)
    doc._.fp_article = article
    doc._.fp_published = article.published_date()
    return doc


def build_analysis(article: ArticleInput, doc: Doc) -> Analysis:
    return Analysis(
        article=Article(
            id=article.id,
            title=article.title,
            source=article.source,
            url=article.url,
            published=article.published,
            language=article.language or "en",
            text=article.text,
            excluded=doc._.fp_excluded,
        ),
        actors=doc._.fp_actors,
        events=doc._.fp_events,
        quotes=doc._.fp_quotes,
        amounts=doc._.fp_amounts,
        dates=doc._.fp_dates,
        places=doc._.fp_places,
    )


def analyze_articles(nlp: Language, articles: Iterable[ArticleInput], batch_size: int = 32) -> Iterator[Analysis]:
    """Analyses in input order; the pipeline runs over the articles in batches."""
    docs = (make_doc(nlp, article) for article in articles)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield build_analysis(doc._.fp_article, doc)


def analyze_article(nlp: Language, article: ArticleInput) -> Analysis:
    return next(analyze_articles(nlp, [article]))
