"""Hand-built Analyses with actors, events and places, independent of the extractors."""

from __future__ import annotations

from datetime import datetime

from flashpoint.ingest.dedup import signature
from flashpoint.ingest.records import text_hash
from flashpoint.ingest.worker import AnalysedArticle
from flashpoint.model import Actor, Analysis, Article, DateExpression, Event, Place, Quote, Span
from flashpoint.store.rows import ArticleMeta, analysis_rows, count_words

TEXT = (
    "Russian troops shelled Kharkiv on Tuesday, Ukrainian officials said.\n"
    "Moscow could send more troops, a Ukrainian general warned."
)


def span(text: str, fragment: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return Span.of(text, start, start + len(fragment))


def sample_analysis(article_id: str = "a1", text: str = TEXT, url: str | None = "https://example.org/a1") -> Analysis:
    first, second = text.split("\n")
    second_start = len(first) + 1
    sentence_two = Span.of(text, second_start, len(text))
    return Analysis(
        article=Article(id=article_id, url=url, published="2022-03-01", text=text, source="Example"),
        actors=(
            Actor(id="A1", name="Russian troops", kind="organization", country="RUS", code="RUSMIL",
                  mentions=(span(text, "Russian troops"),)),
            Actor(id="A2", name="Ukraine", kind="state", country="UKR", code="UKR", mentions=(span(text, "Ukrainian"),)),
        ),
        events=(
            Event(id="E1", type="ASSAULT", cameo="195", quad_class=4, goldstein=-10.0, source=("A1",),
                  target=("A2",), factuality="reported", attributed_to="A2", date="2022-03-01", place="P1",
                  trigger=span(text, "shelled"), sentence=Span.of(text, 0, len(first)), confidence=0.9),
            Event(id="E2", type="MOBILIZE", cameo=None, source=("A1",), target=(), factuality="hypothetical",
                  date="2022-W09", trigger=span(text, "send"), sentence=sentence_two),
        ),
        quotes=(Quote(id="Q1", kind="indirect", content=(span(text, "Moscow could send more troops"),),
                      speaker="A2", cue=span(text, "warned")),),
        dates=(DateExpression(id="T1", span=span(text, "Tuesday"), type="DATE", value="2022-03-01"),),
        places=(Place(id="P1", name="Kharkiv", feature="city", country="UKR", lat=49.98, lon=36.25,
                      geonameid=706483, mentions=(span(text, "Kharkiv"),)),),
    )


def analysed(analysis: Analysis) -> AnalysedArticle:
    text = analysis.article.text
    return AnalysedArticle(
        article_id=analysis.article.id,
        content_hash=text_hash(text),
        signature=signature(text),
        n_words=count_words(text),
        rows=analysis_rows(analysis, ArticleMeta(ingested_at=datetime(2024, 1, 1), origin="test")),
    )
