"""Readers added for ingest: directories, .json, RSS/Atom, WARC (plain and gzip)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.errors import InputProblem
from flashpoint.ingest.feeds import html_fragment_text, looks_like_feed
from flashpoint.ingest.readers import iter_files, read_path
from flashpoint.ingest.records import ArticleInput, PendingHtml
from tests.ingest.corpus import RSS_FEED, write_warc

LIMIT = 1_000_000


def read(path: Path) -> tuple[list[ArticleInput], list[InputProblem]]:
    results = list(read_path(path, LIMIT))
    return [r for r in results if isinstance(r, ArticleInput)], [r for r in results if isinstance(r, InputProblem)]


def test_formats_directory_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for name in ("b/c/z.txt", "a.txt", "b/y.txt", ".git/x.txt", ".hidden.txt"):
        (tmp_path / name).write_text(f"Text of {name}.")
    assert [path.relative_to(tmp_path).as_posix() for path in iter_files(tmp_path)] == ["a.txt", "b/c/z.txt", "b/y.txt"]
    articles, problems = read(tmp_path)
    assert [article.text for article in articles] == ["Text of a.txt.", "Text of b/c/z.txt.", "Text of b/y.txt."]
    assert problems == []


@pytest.mark.parametrize(
    ("document", "ids", "kinds"),
    [
        ({"id": "x", "text": "One record."}, ["x"], []),
        ([{"id": "x", "text": "First."}, {"text": ""}, {"id": "z", "text": "Third."}], ["x", "z"], [(2, "empty")]),
        ("just a string", [], [(1, "malformed")]),
    ],
)
def test_formats_json_file(tmp_path: Path, document: object, ids: list[str], kinds: list[tuple[int, str]]) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps(document))
    articles, problems = read(path)
    assert [article.id for article in articles] == ids
    assert [(problem.line, problem.kind) for problem in problems] == kinds


def test_formats_broken_json_file_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"id": "x", "text": ')
    articles, problems = read(path)
    assert articles == [] and [(p.kind, p.line) for p in problems] == [("malformed", None)]


def test_formats_rss_full_content_else_summary(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS_FEED)
    articles, problems = read(path)
    assert problems == []
    full, summary = articles
    assert full.id == "wire-1" and full.url == "https://wire.example.org/1"
    assert full.text.startswith("An aid convoy of forty trucks") and "\n\nThe convoy carried" in full.text
    assert full.published == "2024-03-05T10:00:00Z" and full.source == "Example Wire"
    assert summary.text == "Thousands of protesters marched through Tbilisi on Wednesday to oppose the new media law."


def test_formats_atom_feed_in_xml_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>'
        "<entry><id>tag:desk,2024:1</id><title>Vote</title><updated>2024-02-01T09:00:00Z</updated>"
        '<link href="https://desk.example.org/1"/><content type="html">&lt;p&gt;Voters in Senegal went to the polls.&lt;/p&gt;</content>'
        "</entry></feed>"
    )
    articles, problems = read(path)
    assert problems == []
    assert [(a.id, a.text, a.published) for a in articles] == [
        ("tag:desk,2024:1", "Voters in Senegal went to the polls.", "2024-02-01T09:00:00Z")
    ]


def test_formats_feed_without_entries_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text("<rss><channel><title>Nothing</title></channel></rss>")
    assert [(p.kind, p.line) for p in read(path)[1]] == [("malformed", None)]


def test_formats_html_fragment_text_keeps_paragraphs() -> None:
    fragment = "<p>First  line<br>second</p><script>var x;</script><ul><li>item &amp; more</li></ul>"
    assert html_fragment_text(fragment) == "First line\n\nsecond\n\nitem & more"
    assert looks_like_feed(b'<?xml version="1.0"?><rss version="2.0">') and not looks_like_feed(b"<html>")


@pytest.mark.parametrize("name", ["segment.warc", "segment.warc.gz"])
def test_formats_warc_html_responses_and_broken_record(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path)
    articles, problems = read(path)
    assert [(a.id, a.url, a.origin) for a in articles] == [
        ("https://cc.example.org/a", "https://cc.example.org/a", f"{path}#2"),
        ("https://cc.example.org/b", "https://cc.example.org/b", f"{path}#5"),
    ]
    assert "Armenia and Azerbaijan" in articles[0].text
    assert [(p.line, p.kind) for p in problems] == [(6, "malformed")]


def test_formats_warc_garbage_stops_the_file_with_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    write_warc(path)
    data = path.read_bytes()
    second = data.index(b"WARC/1.0", 10)
    path.write_bytes(data[:second] + b"this is not a WARC header\r\n\r\n" + data[second:])
    articles, problems = read(path)
    assert articles == []
    assert [(p.line, p.kind) for p in problems] == [(2, "malformed")]


def test_formats_empty_warc(tmp_path: Path) -> None:
    path = tmp_path / "nothing.warc.gz"
    path.write_bytes(b"")
    assert [p.kind for p in read(path)[1]] == ["empty"]


def test_formats_warc_defer_html_gives_pending_pages(tmp_path: Path) -> None:
    path = tmp_path / "segment.warc.gz"
    write_warc(path)
    results = list(read_path(path, LIMIT, defer_html=True))
    pending = [result for result in results if isinstance(result, PendingHtml)]
    assert [(page.id, page.line, page.origin) for page in pending] == [
        ("https://cc.example.org/a", 2, f"{path}#2"), ("https://cc.example.org/b", 5, f"{path}#5")
    ]
    assert "<article>" in pending[0].html
