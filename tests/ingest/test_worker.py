"""ingest/worker.py: a pipeline failure costs one article, not the batch."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.errors import InputProblem
from flashpoint.ingest.records import ArticleInput
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
