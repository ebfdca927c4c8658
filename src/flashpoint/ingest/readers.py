"""Readers turn files into ArticleInput records, or InputProblem values for bad input.

Readers never raise for bad input: they yield an InputProblem so that a batch can record it and
go on, while single-article commands turn the first problem into an exit-2 error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from flashpoint.errors import InputProblem
from flashpoint.ingest.records import ArticleInput, PendingHtml

ReadResult = ArticleInput | InputProblem

HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
STRING_FIELDS = ("id", "published", "title", "source", "url", "language")
COMMON_LEGACY_ENCODINGS = (
    "utf_16", "cp1252", "iso8859_15", "latin_1", "cp1250", "cp1251", "koi8_r", "iso8859_2",
    "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "cp1256", "cp1253", "cp1254",
)
BINARY_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, in the first 8 KiB mean the file is not text."""
    head = data[:8192]
    if _is_utf16(head):
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([byte])) for byte in BINARY_CONTROL_BYTES if byte != 0x1B)
    return bool(head) and controls / len(head) > 0.05


def _is_utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))


def decode_bytes(data: bytes) -> str | None:
    """UTF-8 when it is, else the best legacy encoding charset-normalizer finds; None if none fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        return None
    # On short texts several code pages tie; prefer the ones news sites actually used.
    best = min(matches, key=lambda match: (round(match.chaos, 2), _encoding_rank(match.encoding)))
    return str(best)


def _encoding_rank(encoding: str) -> int:
    return COMMON_LEGACY_ENCODINGS.index(encoding) if encoding in COMMON_LEGACY_ENCODINGS else len(
        COMMON_LEGACY_ENCODINGS
    )


def _problem(path: str, line: int | None, kind: str, message: str) -> InputProblem:
    return InputProblem(path=path, line=line, kind=kind, message=message)


def read_bytes_checked(path: Path, max_bytes: int) -> bytes | InputProblem:
    """The file's bytes, or the problem that keeps it from being read."""
    name = str(path)
    if not path.exists():
        return _problem(name, None, "missing", "no such file")
    if path.is_dir():
        return _problem(name, None, "directory", "is a directory")
    size = path.stat().st_size
    if size > max_bytes:
        return _problem(name, None, "too_large", f"file is {size} bytes, over the limit of {max_bytes}")
    return path.read_bytes()


def text_from_bytes(name: str, data: bytes) -> str | InputProblem:
    if not data.strip():
        return _problem(name, None, "empty", "file is empty")
    if looks_binary(data):
        return _problem(name, None, "binary", "binary file, not text")
    text = decode_bytes(data)
    if text is None:
        return _problem(name, None, "encoding", "cannot decode text in any known encoding")
    if not text.strip():
        return _problem(name, None, "empty", "file has no text")
    return text


def read_decoded(path: Path, max_bytes: int) -> str | InputProblem:
    """The file's text, or the problem (missing, too large, empty, binary, undecodable)."""
    data = read_bytes_checked(path, max_bytes)
    return data if isinstance(data, InputProblem) else text_from_bytes(str(path), data)


def read_text_file(path: Path, max_bytes: int) -> Iterator[ReadResult]:
    text = read_decoded(path, max_bytes)
    yield text if isinstance(text, InputProblem) else ArticleInput.create(text, origin=str(path))


def article_from_html(name: str, html: str, url: str | None = None, line: int | None = None) -> ReadResult:
    """Main text, title, date and URL of an HTML page, via trafilatura."""
    from trafilatura import bare_extraction

    extracted = bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    fields = _as_dict(extracted)
    text = (fields.get("text") or "").strip()
    if not text:
        return _problem(name, line, "empty", "HTML page has no main text")
    return ArticleInput.create(
        text,
        url=fields.get("url") or url,
        title=fields.get("title"),
        published=fields.get("date"),
        source=fields.get("sitename") or fields.get("hostname"),
        language=fields.get("language"),
        origin=name,
    )


def _as_dict(extracted: Any) -> dict[str, Any]:
    if extracted is None:
        return {}
    if isinstance(extracted, dict):
        return extracted
    if hasattr(extracted, "as_dict"):
        return extracted.as_dict()
    return dict(vars(extracted))


def read_html_file(path: Path, max_bytes: int) -> Iterator[ReadResult]:
    html = read_decoded(path, max_bytes)
    yield html if isinstance(html, InputProblem) else article_from_html(str(path), html)


def record_to_article(name: str, line: int, record: Any, max_bytes: int) -> ReadResult:
    """Validate one decoded JSON record: an object with a non-empty string ``text``."""
    if not isinstance(record, dict):
        return _problem(name, line, "malformed", f"expected a JSON object, got {type(record).__name__}")
    if "text" not in record:
        return _problem(name, line, "missing_text", "record has no 'text' field")
    text = record["text"]
    if not isinstance(text, str):
        return _problem(name, line, "bad_text", f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        return _problem(name, line, "empty", "'text' is empty")
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        return _problem(name, line, "too_large", f"'text' is over the limit of {max_bytes} bytes")
    fields: dict[str, str | None] = {}
    for key in STRING_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str | int):
            return _problem(name, line, "bad_field", f"'{key}' must be a string, got {type(value).__name__}")
        fields[key] = None if value is None else str(value)
    return ArticleInput.create(text, origin=f"{name}:{line}", **fields)


def parse_jsonl_lines(name: str, lines: Iterable[bytes], max_bytes: int) -> Iterator[ReadResult]:
    """One result per non-blank line, in order; a bad line becomes an InputProblem naming it."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            yield _problem(name, number, "too_large", f"line is over the limit of {max_bytes} bytes")
            continue
        line = decode_bytes(raw)
        if line is None:
            yield _problem(name, number, "encoding", "cannot decode line")
            continue
        record = _decode_json(line)
        if isinstance(record, JsonFailure):
            yield _problem(name, number, "malformed", f"invalid JSON: {record.message}")
            continue
        yield record_to_article(name, number, record, max_bytes)


@dataclass(frozen=True)
class JsonFailure:
    message: str


def _decode_json(line: str) -> Any:
    """The decoded value, or a JsonFailure carrying the decoder's message."""
    try:
        return json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        return JsonFailure(str(exc))


def read_jsonl_stream(name: str, stream: BinaryIO, max_bytes: int) -> Iterator[ReadResult]:
    yield from parse_jsonl_lines(name, stream, max_bytes)


def read_jsonl_file(path: Path, max_bytes: int) -> Iterator[ReadResult]:
    if not path.exists():
        yield _problem(str(path), None, "missing", "no such file")
        return
    with path.open("rb") as handle:
        head = handle.read(8192)
        if not head.strip():
            yield _problem(str(path), None, "empty", "file is empty")
            return
        if looks_binary(head):
            yield _problem(str(path), None, "binary", "binary file, not text")
            return
        handle.seek(0)
        yield from parse_jsonl_lines(str(path), handle, max_bytes)


def read_stdin(max_bytes: int) -> Iterator[ReadResult]:
    yield from read_jsonl_stream("<stdin>", sys.stdin.buffer, max_bytes)


def read_json_file(path: Path, max_bytes: int) -> Iterator[ReadResult]:
    """A .json file: one record (an object) or an array of records, numbered from 1."""
    data = read_bytes_checked(path, max_bytes)
    if isinstance(data, InputProblem):
        yield data
        return
    text = text_from_bytes(str(path), data)
    if isinstance(text, InputProblem):
        yield text
        return
    document = _decode_json(text)
    if isinstance(document, JsonFailure):
        yield _problem(str(path), None, "malformed", f"invalid JSON: {document.message}")
        return
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        yield record_to_article(str(path), number, record, max_bytes)


def read_feed_file(path: Path, max_bytes: int) -> Iterator[ReadResult]:
    from flashpoint.ingest.feeds import parse_feed

    data = read_bytes_checked(path, max_bytes)
    if isinstance(data, InputProblem):
        yield data
        return
    if not data.strip():
        yield _problem(str(path), None, "empty", "file is empty")
        return
    yield from parse_feed(str(path), data)


def _is_feed(path: Path) -> bool:
    from flashpoint.ingest.feeds import FEED_SUFFIXES, looks_like_feed

    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return True
    if suffix != ".xml" or not path.is_file():
        return False
    with path.open("rb") as handle:
        return looks_like_feed(handle.read(4096))


def iter_files(directory: Path) -> Iterator[Path]:
    """Every file under the directory, recursively, in sorted order; hidden names are skipped."""
    for entry in sorted(directory.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from iter_files(entry)
        elif entry.is_file():
            yield entry


def read_file(path: Path, max_bytes: int, defer_html: bool = False) -> Iterator[ReadResult | PendingHtml]:
    """Dispatch one file on its name: WARC, HTML, JSONL, JSON, RSS/Atom, else plain text.
    ``defer_html``: WARC pages come as PendingHtml (ingest extracts them in its workers)."""
    from flashpoint.ingest.warc import is_warc, read_warc_file

    suffix = path.suffix.lower()
    if not path.exists():
        yield _problem(str(path), None, "missing", "no such file")
    elif is_warc(path):
        yield from read_warc_file(path, max_bytes, defer_html)
    elif suffix in HTML_SUFFIXES:
        yield from read_html_file(path, max_bytes)
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, max_bytes)
    elif suffix == ".json":
        yield from read_json_file(path, max_bytes)
    elif _is_feed(path):
        yield from read_feed_file(path, max_bytes)
    else:
        yield from read_text_file(path, max_bytes)


def read_path(path: Path, max_bytes: int, defer_html: bool = False) -> Iterator[ReadResult | PendingHtml]:
    """A file, every file of a directory (recursively), or ``-`` for JSONL on stdin."""
    if str(path) == "-":
        yield from read_stdin(max_bytes)
    elif path.is_dir():
        for file in iter_files(path):
            yield from read_file(file, max_bytes, defer_html)
    else:
        yield from read_file(path, max_bytes, defer_html)
