"""The driver's in-order decisions (no Spark needed): skips, duplicates, error rows."""

from __future__ import annotations

import pytest

from flashpoint.ingest.dedup import signature
from flashpoint.ingest.records import text_hash
from flashpoint.spark.plan import Outline, plan_run

REPORT = (
    "Officials in the northern province said on Monday that two bridges had been closed after heavy rain "
    "and that the army would deliver food to villages cut off by the floods for the rest of the week."
)
OTHER = "The parliament of Chile approved the new budget on Thursday after a long night of debate."


def article(key: tuple[int, int], article_id: str, text: str) -> Outline:
    return Outline(
        key, article_id, article_id=article_id, content_hash=text_hash(text), signature=signature(text), n_words=len(text.split())
    )


@pytest.mark.parametrize("reverse", [False, True])
def test_plan_duplicates_follow_input_order_not_arrival_order(reverse: bool) -> None:
    outlines = [
        article((0, 0), "first", REPORT),
        article((0, 1), "other", OTHER),
        article((1, 0), "near", REPORT + " Reporting by a correspondent."),
        article((1, 1), "exact", REPORT),
    ]
    plan = plan_run(reversed(outlines) if reverse else outlines)
    decisions = {outline.article_id: plan.articles[outline.key] for outline in outlines}
    assert {name: decision.duplicate_of for name, decision in decisions.items()} == {
        "first": None, "other": None, "near": "first", "exact": "first",
    }
    assert [decision.rank for decision in decisions.values()] == [0, 1, 2, 3]
    assert (plan.read, plan.stored, plan.duplicates, plan.skipped) == (4, 4, 2, 0)


def test_plan_repeated_id_is_skipped_after_the_first() -> None:
    plan = plan_run([article((2, 0), "same", OTHER), article((0, 5), "same", REPORT)])
    assert set(plan.articles) == {(0, 5)}
    assert (plan.read, plan.skipped, plan.stored) == (2, 1, 1)


def test_plan_keeps_one_error_row_per_path_line_kind() -> None:
    problem = ("wire.jsonl", 2, "malformed")
    plan = plan_run(
        [
            Outline((1, 0), None, error_key=problem),
            Outline((0, 0), None, error_key=problem),
            Outline((0, 1), "x", error_key=("page.html", None, "extraction")),
            Outline((0, 2), "x", error_key=("page.html", None, "extraction")),  # a repeated id: never analysed
        ]
    )
    assert plan.errors == frozenset({(0, 0), (0, 1)})
    assert (plan.problems, plan.skipped, plan.read, plan.stored) == (3, 1, 2, 0)


def test_plan_rejects_an_outline_that_is_neither() -> None:
    with pytest.raises(ValueError, match="neither"):
        plan_run([Outline((0, 0), "id")])
