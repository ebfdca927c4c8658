"""WARC and .warc.gz files (fastwarc): one article per HTML ``response`` record, as in CC-NEWS.

Records are numbered from 1 in file order (all record types), so an error row names the record.
Text, title and date come from trafilatura; the URL is the record's WARC-Target-URI, so the
article's identity is known even when the page names no canonical URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from flashpoint.errors import InputProblem
from flashpoint.ingest.readers import article_from_html, decode_bytes
from flashpoint.ingest.records import ArticleInput

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _decode_body(body: bytes, charset: str | None) -> str | None:
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declared charset: fall back to detection
    return decode_bytes(body)


def read_warc_file(path: Path, max_bytes: int) -> Iterator[ArticleInput | InputProblem]:
    """Articles of the HTML responses; a problem per broken record. A record the parser cannot get
    past (garbage, a truncated gzip member) ends the file with an error row naming it."""
    from fastwarc.warc import ArchiveIterator

    name = str(path)
    if path.stat().st_size == 0:
        yield InputProblem(path=name, line=None, kind="empty", message="file is empty")
        return
    records = ArchiveIterator(str(path), parse_http=True, stream_detect=True, fsspec_args=False)
    number = 0
    while True:
        number += 1
        record = _next_record(records)
        if record is None:
            break
        if isinstance(record, OSError):
            yield InputProblem(path=name, line=number, kind="malformed", message=f"unreadable WARC record: {record}")
            break
        problem_or_article = _record_article(name, number, record, max_bytes)
        if problem_or_article is not None:
            yield problem_or_article
    if number == 1:
        yield InputProblem(path=name, line=None, kind="malformed", message="no WARC record found")


def _next_record(records: Iterator[Any]) -> Any:
    """The next record, None at the end, or the OSError fastwarc raises for a broken stream."""
    try:
        return next(records, None)
    except OSError as exc:
        return exc


def _record_article(name: str, number: int, record: Any, max_bytes: int) -> ArticleInput | InputProblem | None:
    """The article of an HTML response record, a problem, or None for records that carry none."""
    from fastwarc.warc import WarcRecordType

    if record.record_type != WarcRecordType.response:
        return None
    problem = partial(InputProblem, path=name, line=number)
    if record.http_headers is None or record.http_content_type is None:
        return problem(kind="malformed", message="response record without a readable HTTP header")
    if not record.http_content_type.lower().startswith(HTML_TYPES):
        return None
    if record.content_length > max_bytes:
        return problem(kind="too_large", message=f"record is {record.content_length} bytes, over the limit of {max_bytes}")
    body = record.reader.read()
    if len(body) < record.content_length:
        return problem(kind="malformed", message=f"record truncated: {len(body)} of {record.content_length} bytes")
    html = _decode_body(body, record.http_charset)
    if html is None:
        return problem(kind="encoding", message="cannot decode the HTML body")
    url = record.headers.get("WARC-Target-URI") or None
    result = article_from_html(name, html, url=url, line=number)
    if isinstance(result, ArticleInput) and url:
        return result.model_copy(update={"id": url, "url": url, "origin": f"{name}#{number}"})
    return result
