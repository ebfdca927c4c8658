"""Readers: every bad input becomes an InputProblem naming the file and line, never a crash."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.errors import InputProblem
from flashpoint.ingest.readers import decode_bytes, parse_jsonl_lines, read_path
from flashpoint.ingest.records import ArticleInput, parse_published

LIMIT = 5_000_000


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("line", "kind", "fragment"),
    [
        (b'{"id": "a", "text": "fine"}\n{"id": "b", text}\n', "malformed", "invalid JSON"),
        (b'{"id": "a", "title": "no text"}\n', "missing_text", "no 'text'"),
        (b'{"id": "a", "text": 42}\n', "bad_text", "must be a string"),
        (b'{"id": "a", "text": "   "}\n', "empty", "empty"),
        (b'["not", "an", "object"]\n', "malformed", "JSON object"),
    ],
)
def test_readers_jsonl_problem_names_line(tmp_path: Path, line: bytes, kind: str, fragment: str) -> None:
    path = write(tmp_path, "batch.jsonl", line)
    problems = [result for result in read_path(path, LIMIT) if isinstance(result, InputProblem)]
    assert len(problems) == 1
    problem = problems[0]
    assert problem.kind == kind
    assert fragment in problem.message
    expected_line = 2 if line.count(b"\n") == 2 else 1
    assert str(problem).startswith(f"{path}:{expected_line}: ")


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("empty.jsonl", b"", "empty"),
        ("blob.jsonl", bytes(range(256)) * 4, "binary"),
    ],
)
def test_readers_bad_files_become_problems(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    results = list(read_path(write(tmp_path, name, data), LIMIT))
    assert [type(result) for result in results] == [InputProblem]
    assert results[0].kind == kind


def test_readers_missing_and_oversized_files(tmp_path: Path) -> None:
    missing = list(read_path(tmp_path / "absent.txt", LIMIT))
    assert missing[0].kind == "missing" and "no such file" in str(missing[0])
    big = write(tmp_path, "big.txt", b"word " * 100)
    oversized = list(read_path(big, 100))
    assert oversized[0].kind == "too_large" and "over the limit of 100" in str(oversized[0])


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "Le président a déclaré que l’armée se retirait de la région."),
        ("latin-1", "Die Regierung in München äußerte sich über die Truppenbewegungen."),
        ("utf-16", "Troops moved towards the border on Thursday, officials said."),
    ],
)
def test_readers_legacy_encodings_are_decoded(tmp_path: Path, encoding: str, text: str) -> None:
    results = list(read_path(write(tmp_path, "legacy.txt", text.encode(encoding)), LIMIT))
    assert isinstance(results[0], ArticleInput)
    assert results[0].text == text


def test_readers_jsonl_keeps_order_and_fields(tmp_path: Path) -> None:
    records = [
        {"id": "one", "text": "First story.", "published": "2021-12-09", "title": "T1", "url": "http://x/1"},
        {"text": "Second story without id."},
    ]
    data = "\n".join(json.dumps(record) for record in records).encode()
    results = list(read_path(write(tmp_path, "two.jsonl", data), LIMIT))
    assert [result.text for result in results] == ["First story.", "Second story without id."]
    assert results[0].id == "one" and results[0].published == "2021-12-09" and results[0].title == "T1"
    assert len(results[1].id) == 16


def test_readers_identity_prefers_id_then_url_then_hash() -> None:
    assert ArticleInput.create("t", id="given", url="http://u").id == "given"
    assert ArticleInput.create("t", url="http://u").id == "http://u"
    assert ArticleInput.create("t").id == ArticleInput.create("t").id != ArticleInput.create("u").id


def test_readers_html_extracts_main_text(tmp_path: Path) -> None:
    paragraph = "Officials in the capital said the convoy crossed the river before dawn on Monday. " * 4
    html = f"""<html><head><title>Convoy crosses river</title>
    <meta property="article:published_time" content="2022-03-01"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Convoy crosses river</h1>
    <p>{paragraph}</p><p>{paragraph}</p></article><footer>Copyright</footer></body></html>"""
    results = list(read_path(write(tmp_path, "page.html", html.encode()), LIMIT))
    article = results[0]
    assert isinstance(article, ArticleInput)
    assert "convoy crossed the river" in article.text
    assert "Home | World" not in article.text
    assert article.title == "Convoy crosses river"
    assert article.published == "2022-03-01"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2021-12-09", "2021-12-09"), ("2021-12-09T10:30:00Z", "2021-12-09"), ("2020-02-30", None), ("", None),
     ("yesterday", None), (None, None)],
)
def test_records_parse_published(value: str | None, expected: str | None) -> None:
    parsed = parse_published(value)
    assert (parsed.isoformat() if parsed else None) == expected


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=2000))
def test_readers_random_bytes_never_crash(data: bytes) -> None:
    for result in parse_jsonl_lines("fuzz.jsonl", io.BytesIO(data), LIMIT):
        assert isinstance(result, ArticleInput | InputProblem)
    assert decode_bytes(data) is None or isinstance(decode_bytes(data), str)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(JSON_VALUES | st.fixed_dictionaries({"text": JSON_VALUES}), max_size=5))
def test_readers_random_json_only_input_problems(records: list[object]) -> None:
    data = b"\n".join(json.dumps(record).encode() for record in records)
    results = list(parse_jsonl_lines("fuzz.jsonl", io.BytesIO(data), LIMIT))
    for result in results:
        assert isinstance(result, ArticleInput | InputProblem)
        if isinstance(result, ArticleInput):
            assert result.text.strip()
