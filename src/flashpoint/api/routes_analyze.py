"""POST /api/analyze: run the shared analysis on posted articles (needs the bearer token).

Nothing is written to the store (it is open read-only); the Analyses are returned.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field
from spacy.language import Language

from flashpoint.analysis import analyze_articles
from flashpoint.ingest.records import ArticleInput, parse_published

router = APIRouter(prefix="/api")
MAX_ARTICLES = 100


class PostedArticle(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    id: str | None = Field(default=None, min_length=1, max_length=2000)
    published: str | None = Field(default=None, description="ISO 8601 date or date-time")
    title: str | None = None
    source: str | None = None
    url: str | None = None


class AnalyzeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[PostedArticle] = Field(min_length=1, max_length=MAX_ARTICLES)


class PipelineHolder:
    """Loads the spaCy pipeline on first use only: a read-only server never pays for it."""

    def __init__(self, load: Callable[[], Language]) -> None:
        self._load = load
        self._nlp: Language | None = None
        self._lock = threading.Lock()

    def get(self) -> Language:
        with self._lock:
            if self._nlp is None:
                self._nlp = self._load()
            return self._nlp


def check_token(expected: str | None, authorization: str | None) -> None:
    if not expected:
        raise HTTPException(status_code=403, detail="writes are disabled: no token is configured (FLASHPOINT_TOKEN)")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(status_code=401, detail="a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/analyze", summary="Analyse posted articles (bearer token required)")
def analyze(
    body: AnalyzeRequest, request: Request, authorization: Annotated[str | None, Header()] = None
) -> dict:
    check_token(request.app.state.settings.token, authorization)
    for number, article in enumerate(body.articles):
        if article.published is not None and parse_published(article.published) is None:
            raise HTTPException(status_code=422, detail=f"articles[{number}].published: not an ISO date")
    inputs = [
        ArticleInput.create(article.text, id=article.id, url=article.url, published=article.published,
                            title=article.title, source=article.source)
        for article in body.articles
    ]
    nlp = request.app.state.pipeline.get()
    settings = request.app.state.settings
    analyses = analyze_articles(nlp, inputs, batch_size=settings.batch_size)
    return {"analyses": [analysis.to_json_dict() for analysis in analyses]}
