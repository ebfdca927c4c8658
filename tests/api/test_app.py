from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from flashpoint.api import create_app
from flashpoint.api.store import StoreOpenError
from flashpoint.settings import Settings


def test_app_health_counts_the_store(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["articles"] == 17
    assert body["duplicates"] == 1
    assert body["read_only"] is True


def test_app_articles_hide_copies_unless_asked(client: TestClient) -> None:
    hidden = client.get("/api/articles", params={"limit": 1000}).json()
    shown = client.get("/api/articles", params={"limit": 1000, "include_duplicates": "true"}).json()
    assert hidden["total"] == 16 and shown["total"] == 17
    assert "a1-copy" not in {item["id"] for item in hidden["items"]}


@pytest.mark.parametrize(
    ("params", "expected_ids"),
    [
        ({"q": "kharkiv"}, {"a1"}),
        ({"q": "100%"}, set()),
        ({"actor": "ARM", "since": "2025-02-12"}, {"s0", "s1", "s2"}),
        ({"source": "Wire A"}, {"a1"}),
    ],
)
def test_app_article_filters(client: TestClient, params: dict, expected_ids: set[str]) -> None:
    items = client.get("/api/articles", params=params).json()["items"]
    assert {item["id"] for item in items} == expected_ids


def test_app_article_paging(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 5}).json()
    second = client.get("/api/articles", params={"limit": 5, "offset": 5}).json()
    assert len(first["items"]) == 5 and len(second["items"]) == 5
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}


def test_app_article_is_the_contract(client: TestClient, contract_validator) -> None:
    document = client.get("/api/articles/a1").json()
    assert list(contract_validator.iter_errors(document)) == []
    assert document["article"]["id"] == "a1"
    assert [event["type"] for event in document["events"]] == ["ASSAULT", "ACCUSE"]


@pytest.mark.parametrize(
    ("params", "total"),
    [
        ({}, 19),
        ({"source": "RUS", "target": "UKR"}, 11),
        ({"source": "rusmil"}, 11),
        ({"type": "ASSAULT"}, 7),
        ({"factuality": "planned"}, 1),
        ({"since": "2025-02-10", "until": "2025-02-11"}, 4),
        ({"q": "massed"}, 4),
        ({"include_duplicates": "true"}, 21),
        ({"article_id": "a1"}, 2),
    ],
)
def test_app_event_filters(client: TestClient, params: dict, total: int) -> None:
    body = client.get("/api/events", params=params).json()
    assert body["total"] == total
    assert len(body["items"]) == min(total, 50)


def test_app_events_carry_evidence_spans(client: TestClient) -> None:
    item = client.get("/api/events", params={"article_id": "a1", "type": "ASSAULT"}).json()["items"][0]
    start = item["trigger_start"] - item["sentence_start"]
    assert item["sentence_text"][start:start + len(item["trigger_text"])] == item["trigger_text"] == "shelled"


def test_app_actors_grouped_by_code(client: TestClient) -> None:
    items = {item["key"]: item for item in client.get("/api/actors").json()["items"]}
    assert items["RUSMIL"]["articles"] == 8  # a1..a5 (not the copy) and the four MOBILIZE articles
    assert client.get("/api/actors", params={"kind": "person"}).json()["items"][0]["name"] == "the Ukrainian army spokesman"


def test_app_dyads_and_series(client: TestClient) -> None:
    dyads = client.get("/api/dyads").json()["items"]
    assert dyads[0]["dyad"] == "RUS-UKR" and dyads[0]["events"] == 7 and dyads[0]["intents"] == 3
    series = client.get("/api/dyads/rus/ukr/series", params={"freq": "month"}).json()
    assert [p["period"] for p in series["series"]] == ["2025-01-01", "2025-02-01"]
    assert [p["quad_class"]["4"] for p in series["series"]] == [1, 5]


def test_app_escalation_and_alerts(client: TestClient) -> None:
    escalation = client.get("/api/escalation", params={"series": "false"}).json()
    assert {item["dyad"] for item in escalation["items"]} == {"RUS-UKR", "ARM-AZE"}
    assert "series" not in escalation["items"][0]
    alerts = client.get("/api/alerts", params={"kind": "first_assault"}).json()
    assert {a["dyad"] for a in alerts["items"]} == {"RUS-UKR", "ARM-AZE"}
    evidence = alerts["items"][-1]["evidence"][0]
    assert {"article_id", "event_id", "sentence", "trigger"} <= evidence.keys()


def test_app_timeline_and_places(client: TestClient) -> None:
    timeline = client.get("/api/timeline", params={"freq": "month"}).json()["series"]
    assert sum(p["events"] for p in timeline) == 7 + 5 + 3
    assert client.get("/api/places").json()["items"][0]["name"] == "Kharkiv"


def test_app_store_is_read_only(client: TestClient) -> None:
    cursor = client.app.state.store.cursor()
    with pytest.raises(duckdb.Error):
        cursor.execute("CREATE TABLE scratch (i INTEGER)")


def test_app_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreOpenError, match="no such store"):
        create_app(Settings(db=tmp_path / "absent.duckdb"))


@pytest.mark.parametrize("path", ["/", "/docs", "/app.js", "/vendor/world-110m.json", "/openapi.json"])
def test_app_serves_the_offline_dashboard(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert b"cdn" not in response.content.lower() or path == "/openapi.json"


EMPTY_STORE_URLS = [
    "/api/health", "/api/articles", "/api/events", "/api/actors", "/api/dyads", "/api/timeline",
    "/api/places", "/api/escalation", "/api/alerts",
]


@pytest.mark.parametrize("url", EMPTY_STORE_URLS)
def test_app_empty_store_answers_empty(tmp_path_factory: pytest.TempPathFactory, url: str) -> None:
    from flashpoint.analytics.fixtures import write_store

    store = write_store(tmp_path_factory.mktemp("empty") / "empty.duckdb", [])
    response = TestClient(create_app(Settings(db=store))).get(url)
    assert response.status_code == 200
    assert not response.json().get("items", [])
    assert not response.json().get("series", [])


def test_app_one_alert_with_quotes_and_figures(client: TestClient) -> None:
    body = client.get("/api/alerts/first_assault:RUS-UKR:2025-01-06").json()
    assert [(e["article_id"], e["event_id"]) for e in body["evidence"]] == [("a1", "e1")]
    assert [q["content_text"] for q in body["quotes"]] == ["We will hold the line"]
    assert [m["span_text"] for m in body["amounts"]] == ["12 people killed"]
    assert client.get("/api/alerts/surge:NONE:XX-YY:2025-01-01").status_code == 404
