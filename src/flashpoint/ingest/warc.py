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
from flashpoint.ingest.records import ArticleInput, PendingHtml

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


def read_warc_file(
    path: Path, max_bytes: int, defer_html: bool = False
) -> Iterator[ArticleInput | PendingHtml | InputProblem]:
    """Articles of the HTML responses; a problem per broken record. A record the parser cannot get
    past (garbage, a truncated gzip member) ends the file with an error row naming it. With
    ``defer_html`` the pages come as PendingHtml, for the caller to extract (resolve_html) later."""
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
        result = _record_page(name, number, record, max_bytes)
        if isinstance(result, PendingHtml) and not defer_html:
            yield resolve_html(result)
        elif result is not None:
            yield result
    if number == 1:
        yield InputProblem(path=name, line=None, kind="malformed", message="no WARC record found")


def _next_record(records: Iterator[Any]) -> Any:
    """The next record, None at the end, or the OSError fastwarc raises for a broken stream."""
    try:
        return next(records, None)
    except OSError as exc:
        return exc


def _record_page(name: str, number: int, record: Any, max_bytes: int) -> PendingHtml | InputProblem | None:
    """The page of an HTML response record, a problem, or None for records that carry none."""
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
    url = record.headers.get("WARC-Target-URI") or ""
    if not url:
        return problem(kind="malformed", message="response record without a WARC-Target-URI")
    return PendingHtml(id=url, html=html, path=name, line=number, origin=f"{name}#{number}")


def resolve_html(page: PendingHtml) -> ArticleInput | InputProblem:
    """Extract the page's article; its id and url stay the WARC-Target-URI."""
    result = article_from_html(page.path, page.html, url=page.id, line=page.line)
    if isinstance(result, ArticleInput):
        return result.model_copy(update={"id": page.id, "url": page.id, "origin": page.origin})
    return result
