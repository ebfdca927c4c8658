"""RSS and Atom files (feedparser): one article per entry, full content where the feed carries it,
else the summary. Nothing is fetched: feedparser only ever sees the file's bytes.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from flashpoint.errors import InputProblem
from flashpoint.ingest.records import ArticleInput

FEED_SUFFIXES = {".rss", ".atom"}
FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "section", "article", "tr", "table", "pre", "hr",
}
_SKIP_TAGS = {"script", "style", "noscript"}


def looks_like_feed(head: bytes) -> bool:
    """An XML document whose root is an RSS, Atom or RDF feed element."""
    return any(marker in head[:4096].lower() for marker in FEED_MARKERS)


class _TextCollector(HTMLParser):
    """Text of an HTML fragment with a paragraph break at every block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment: whitespace collapsed inside paragraphs, blank line between."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    paragraphs = (" ".join(block.split()) for block in "".join(collector.parts).split("\n\n"))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def _entry_html(entry: Any) -> str:
    """The longest full content of the entry, else its summary, else its title."""
    contents = [item.get("value", "") for item in entry.get("content", []) if item.get("value")]
    if contents:
        return max(contents, key=len)
    return entry.get("summary") or entry.get("description") or ""


def _iso_time(parsed: time.struct_time | None) -> str | None:
    return None if parsed is None else time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)


def parse_feed(name: str, data: bytes) -> Iterator[ArticleInput | InputProblem]:
    """One ArticleInput per entry with text; a problem per empty entry or for an unreadable feed."""
    import feedparser

    # A stream, never a string: feedparser treats a string that looks like a URL as one to fetch.
    feed = feedparser.parse(io.BytesIO(data))
    if not feed.entries:
        reason = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        yield InputProblem(path=name, line=None, kind="malformed", message=f"not a readable RSS/Atom feed{reason}")
        return
    feed_title = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        text = html_fragment_text(_entry_html(entry))
        if not text.strip():
            yield InputProblem(path=name, line=number, kind="empty", message="feed entry has no content or summary")
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        yield ArticleInput.create(
            text,
            id=entry.get("id") or None,
            url=entry.get("link") or None,
            title=entry.get("title") or None,
            published=_iso_time(published),
            source=feed_title or None,
            language=entry.get("language") or feed.feed.get("language") or None,
            origin=f"{name}#{number}",
        )
