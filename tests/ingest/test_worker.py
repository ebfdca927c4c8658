"""ingest/worker.py: a pipeline failure costs one article, not the batch."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.errors import InputProblem
from flashpoint.ingest.records import ArticleInput, PendingHtml
from flashpoint.ingest.worker import AnalysedArticle, analyse_batch
from flashpoint.pipeline.doc_ext import register_extensions


@Language.component("fp_test_fails_on_boom")
def fails_on_boom(doc: Doc) -> Doc:
    if "BOOM" in doc.text:
        raise ValueError("component failed")
    return doc


def test_worker_isolates_the_failing_article() -> None:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("fp_test_fails_on_boom")
    articles = [
        ArticleInput.create("Talks resumed in Geneva.", id="ok1", origin="feed.jsonl:1"),
        ArticleInput.create("This one goes BOOM.", id="bad", origin="feed.jsonl:2"),
        ArticleInput.create("Troops withdrew from the town.", id="ok2", origin="crawl.warc#7"),
    ]
    results = analyse_batch(nlp, articles)
    assert [type(result) for result in results] == [AnalysedArticle, InputProblem, AnalysedArticle]
    problem = results[1]
    assert (problem.path, problem.line, problem.kind) == ("feed.jsonl", 2, "analysis")
    assert "component failed" in problem.message and "'bad'" in problem.message
    stored = results[2]
    assert stored.rows["articles"][0]["origin"] == "crawl.warc#7" and stored.n_words == 5


def test_worker_extracts_pending_html_in_order() -> None:
    register_extensions()
    nlp = spacy.blank("en")
    page = "<html><body><article><p>Rescue teams reached the flooded villages of the delta on Sunday.</p></article></body></html>"
    items = [
        PendingHtml(id="https://a.example/1", html=page, path="c.warc", line=2, origin="c.warc#2"),
        ArticleInput.create("Plain text in between.", id="t1"),
        PendingHtml(id="https://a.example/2", html="<html><body></body></html>", path="c.warc", line=4, origin="c.warc#4"),
    ]
    first, middle, empty = analyse_batch(nlp, items)
    assert isinstance(first, AnalysedArticle) and first.article_id == "https://a.example/1"
    assert first.rows["articles"][0]["url"] == "https://a.example/1"
    assert "flooded villages" in first.rows["articles"][0]["text"]
    assert isinstance(middle, AnalysedArticle) and middle.article_id == "t1"
    assert isinstance(empty, InputProblem) and (empty.path, empty.line, empty.kind) == ("c.warc", 4, "empty")
