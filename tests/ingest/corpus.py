"""A small mixed corpus written by the tests themselves (every sentence is our own)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SYNDICATED = (
    "Negotiators from Ethiopia and Kenya met in Nairobi on Monday to discuss the disputed border crossing. "
    "Both delegations said the talks were constructive and agreed to meet again next month. "
    "The foreign ministry in Addis Ababa said the two governments would set up a joint committee "
    "to monitor the frontier and to report on incidents involving herders and border guards."
)
# The same report as carried by a second outlet: a different byline line at the end.
SYNDICATED_COPY = SYNDICATED + " Reporting by a wire correspondent."

HTML_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Ceasefire talks resume</title>
<link rel="canonical" href="https://news.example.org/2024/03/ceasefire-talks"/>
<meta property="article:published_time" content="2024-03-04"/></head>
<body><nav>Home | World | Sport</nav><article><h1>Ceasefire talks resume</h1>
<p>Mediators from Qatar and Egypt hosted a new round of ceasefire talks in Cairo on Sunday, officials said.</p>
<p>The delegations discussed the release of detainees and the delivery of humanitarian aid to the region.</p>
<p>A spokesman for the mediators said further meetings were planned for the coming week in Doha.</p>
</article><footer>Copyright Example News</footer></body></html>"""

RSS_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example Wire</title><link>https://wire.example.org/</link>
<item><guid>wire-1</guid><link>https://wire.example.org/1</link><title>Aid convoy arrives</title>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>Short teaser only.</description>
<content:encoded><![CDATA[<p>An aid convoy of forty trucks reached the city of Aleppo on Tuesday, the United Nations said.</p>
<p>The convoy carried food, medicine and blankets for displaced families.</p>]]></content:encoded></item>
<item><guid>wire-2</guid><link>https://wire.example.org/2</link><title>Protest in the capital</title>
<pubDate>Wed, 06 Mar 2024 08:30:00 GMT</pubDate>
<description>&lt;p&gt;Thousands of protesters marched through Tbilisi on Wednesday to oppose the new media law.&lt;/p&gt;</description></item>
</channel></rss>"""


def warc_record(record_type: str, uri: str, payload: bytes, number: int) -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {record_type}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2024-03-07T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
        f"Content-Type: application/http; msgtype={record_type}\r\nContent-Length: {len(payload)}\r\n\r\n"
    ).encode()
    return head + payload + b"\r\n\r\n"


def http_response(html: str, content_type: str = "text/html; charset=utf-8") -> bytes:
    body = html.encode("utf-8")
    return f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def warc_page(sentence: str) -> str:
    paragraphs = "".join(f"<p>{sentence} Paragraph {index} adds detail about the situation.</p>" for index in range(4))
    return f"<html><head><title>Report</title></head><body><article>{paragraphs}</article></body></html>"


def write_warc(path: Path) -> None:
    """Record 1 warcinfo, 2 an HTML response, 3 a request, 4 an image response, 5 an HTML response,
    6 a response whose HTTP header is garbage (a broken record)."""
    records = [
        warc_record("warcinfo", "", b"software: flashpoint tests\r\n", 1),
        warc_record("response", "https://cc.example.org/a", http_response(
            warc_page("Border guards of Armenia and Azerbaijan exchanged fire near the village of Sotk on Friday.")), 2),
        warc_record("request", "https://cc.example.org/a", b"GET /a HTTP/1.1\r\nHost: cc.example.org\r\n\r\n", 3),
        warc_record("response", "https://cc.example.org/logo.png", http_response("not really a png", "image/png"), 4),
        warc_record("response", "https://cc.example.org/b", http_response(
            warc_page("The central bank of Turkey raised its main interest rate by five percentage points on Thursday.")), 5),
        warc_record("response", "https://cc.example.org/broken", b"this is not an HTTP response at all", 6),
    ]
    data = b"".join(records)
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)


def build_corpus(root: Path) -> Path:
    """The mixed corpus under root/corpus; see EXPECTED for what ingest must make of it."""
    corpus = root / "corpus"
    (corpus / "texts").mkdir(parents=True)
    (corpus / "crawl").mkdir()
    (corpus / "texts" / "one.txt").write_text(
        "Russian forces shelled the port city of Odesa on Tuesday, Ukrainian officials said.\n\n"
        "The Ukrainian foreign minister accused Moscow of violating the grain agreement.\n"
    )
    (corpus / "texts" / "two.txt").write_text(
        "The government of Peru declared a state of emergency in three southern provinces on Saturday.\n"
    )
    (corpus / "texts" / "legacy.txt").write_bytes(
        "Le ministre français a dénoncé l'attaque contre l'ambassade à Niamey, selon un communiqué.\n".encode("cp1252")
    )
    (corpus / "texts" / "empty.txt").write_bytes(b"")
    (corpus / "texts" / "blob.bin").write_bytes(bytes(range(256)) * 8)
    (corpus / "texts" / ".hidden.txt").write_text("A hidden file is never read.\n")
    (corpus / "page.html").write_text(HTML_PAGE)
    (corpus / "wire.rss").write_text(RSS_FEED)
    write_warc(corpus / "crawl" / "segment.warc.gz")
    records = [
        {"id": "s1", "url": "https://first.example.org/talks", "text": SYNDICATED, "published": "2024-03-04"},
        "{this line is broken",
        {"id": "s2", "url": "https://second.example.org/talks", "text": SYNDICATED_COPY, "published": "2024-03-04"},
        {"id": "s3", "text": SYNDICATED, "published": "2024-03-05"},
        {"id": "j4", "text": "Police in Dhaka detained dozens of opposition activists on Thursday night."},
    ]
    lines = [record if isinstance(record, str) else json.dumps(record) for record in records]
    (corpus / "wire.jsonl").write_text("\n".join(lines) + "\n")
    (corpus / "more.json").write_text(
        json.dumps([{"id": "k1", "text": "The navy of Japan held joint drills with Australian ships on Monday."}, {"id": "k2"}])
    )
    return corpus


# What ingest stores from build_corpus: article ids, which are copies, and the error rows.
EXPECTED_IDS = {
    "https://cc.example.org/a", "https://cc.example.org/b", "s1", "s2", "s3", "j4", "k1",
    "https://news.example.org/2024/03/ceasefire-talks", "wire-1", "wire-2",
}
EXPECTED_TEXT_FILES = 3  # one.txt, two.txt, legacy.txt (ids are text hashes)
EXPECTED_DUPLICATES = {"s2": "s1", "s3": "s1"}
EXPECTED_ERRORS = {  # (file name, line or record, kind)
    ("empty.txt", None, "empty"),
    ("blob.bin", None, "binary"),
    ("wire.jsonl", 2, "malformed"),
    ("more.json", 2, "missing_text"),
    ("segment.warc.gz", 6, "malformed"),
}
