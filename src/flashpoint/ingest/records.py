"""The input record every reader produces, and its stable identity."""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PendingHtml:
    """An HTML page whose identity (its URL) is known before its text is extracted: ingest skips
    stored ones first and lets the worker processes run the (costly) extraction."""

    id: str
    html: str
    path: str
    line: int | None
    origin: str


class ArticleInput(BaseModel):
    """One article as read from any source, before analysis."""

    model_config = ConfigDict(frozen=True)

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    # Where it came from, for error rows and progress: "file.jsonl:12", "crawl.warc.gz#3".
    origin: str | None = None

    @classmethod
    def create(
        cls,
        text: str,
        *,
        id: str | None = None,
        url: str | None = None,
        **fields: str | None,
    ) -> ArticleInput:
        """Identity: the given id, else the URL, else a hash of the text."""
        identity = id or url or text_hash(text)[:16]
        return cls(id=str(identity), text=text, url=url, **fields)

    def published_date(self) -> date | None:
        return parse_published(self.published)


_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_published(value: str | None) -> date | None:
    """The calendar date of an ISO 8601 date or date-time ("2021-12-02", "2021-12-02T10:00Z")."""
    match = _ISO_DATE.match(value or "")
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return date(year, month, day)
