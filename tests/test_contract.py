"""Every analysis validates against the shared contract and its offsets index article.text."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, assert_offsets_index_text

SENTENCES = [
    "Ukraine has warned that over 94,000 Russian troops are gathered near its borders.",
    "Kiev denied the charge on Thursday, the ministry said.",
    "“We will not accept any red lines,” Putin said.\n\nREAD MORE: Inside the talks\n",
    "Police in Gujarat arrested 12 people after clashes in Ahmedabad last week.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_contract_analysis_validates(analyze, contract_validator, text: str) -> None:
    document = analyze(text, published="2021-12-09").to_json_dict()
    errors = sorted(contract_validator.iter_errors(document), key=str)
    assert not errors, [error.message for error in errors]
    assert_offsets_index_text(document)
    assert document["article"]["text"] == text


def test_contract_example_article_validates(analyze, contract_validator) -> None:
    text = (EXAMPLES / "border_crisis.txt").read_text()
    document = analyze(text, published="2021-12-09").to_json_dict()
    assert not list(contract_validator.iter_errors(document))
    assert_offsets_index_text(document)
    reasons = {item["reason"] for item in document["article"]["excluded"]}
    assert {"headline", "read_more"} <= reasons
