"""Every bad parameter is answered with a 4xx, never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

BAD_REQUESTS = [
    ("/api/events?limit=0", 422),
    ("/api/events?limit=1001", 422),
    ("/api/events?limit=ten", 422),
    ("/api/events?offset=-1", 422),
    ("/api/events?offset=x", 422),
    ("/api/events?type=EXPLODE", 422),
    ("/api/events?factuality=maybe", 422),
    ("/api/events?since=2025-13-01", 422),
    ("/api/events?until=yesterday", 422),
    ("/api/events?since=2025-03-01&until=2025-01-01", 400),
    ("/api/events?source=R", 422),
    ("/api/events?source=RUS;DROP", 422),
    ("/api/events?target=" + "A" * 17, 422),
    ("/api/events?q=", 422),
    ("/api/events?q=" + "x" * 201, 422),
    ("/api/events?include_duplicates=perhaps", 422),
    ("/api/articles?limit=100000", 422),
    ("/api/articles?since=notadate", 422),
    ("/api/articles?since=2025-02-01&until=2025-01-01", 400),
    ("/api/articles?include_duplicates=2", 422),
    ("/api/articles/no-such-article", 404),
    ("/api/actors?kind=alien", 422),
    ("/api/actors?country=1X", 422),
    ("/api/dyads?level=planet", 422),
    ("/api/dyads?involving=%20", 422),
    ("/api/dyads/RUS/UKR/series?freq=year", 422),
    ("/api/dyads/RUS/UKR/series?level=x", 422),
    ("/api/dyads/R/UKR/series", 422),
    ("/api/dyads/XXX/YYY/series", 404),
    ("/api/dyads/RUS/UKR/series?since=2025-02-01&until=2025-01-01", 400),
    ("/api/escalation?freq=hour", 422),
    ("/api/escalation?half_life=0", 422),
    ("/api/escalation?baseline_periods=0", 422),
    ("/api/escalation?series=maybe", 422),
    ("/api/alerts?kind=panic", 422),
    ("/api/alerts?threshold=99", 422),
    ("/api/alerts?surge_ratio=0.5", 422),
    ("/api/alerts?surge_min=0", 422),
    ("/api/alerts?limit=-5", 422),
    ("/api/timeline?freq=fortnight", 422),
    ("/api/places?limit=0", 422),
    ("/api/no-such-endpoint", 404),
]


EXTREME_BUT_VALID = [
    "/api/dyads/RUS/UKR/series?freq=day&since=0001-01-01&until=9999-12-31",
    "/api/escalation?freq=day&since=0001-01-01&until=9999-12-31",
    "/api/alerts?freq=month&until=9999-12-31",
    "/api/timeline?freq=day&since=0001-01-01",
    "/api/events?offset=10000000",
]


@pytest.mark.parametrize("url", EXTREME_BUT_VALID)
def test_bad_parameters_extreme_windows_stay_small(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert len(response.content) < 200_000


@pytest.mark.parametrize(("url", "status"), BAD_REQUESTS)
def test_bad_parameters_are_4xx(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert "detail" in response.json()


def test_bad_parameters_analyze_without_token_is_forbidden(client: TestClient) -> None:
    response = client.post("/api/analyze", json={"articles": [{"text": "Talks resumed."}]})
    assert response.status_code == 403


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"}, {"Authorization": "s3cret"}]
)
def test_bad_parameters_analyze_needs_the_right_token(token_client: TestClient, headers: dict) -> None:
    response = token_client.post("/api/analyze", json={"articles": [{"text": "Talks resumed."}]}, headers=headers)
    assert response.status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"articles": []},
        {"articles": [{"text": ""}]},
        {"articles": [{"text": "x", "colour": "red"}]},
        {"articles": [{"text": "x", "published": "last week"}]},
        {"articles": [{"text": "x"}] * 101},
        [1, 2, 3],
    ],
)
def test_bad_parameters_analyze_bodies(token_client: TestClient, body: object) -> None:
    response = token_client.post("/api/analyze", json=body, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 422


def test_bad_parameters_analyze_malformed_json(token_client: TestClient) -> None:
    response = token_client.post("/api/analyze", content=b"{not json", headers={
        "Authorization": "Bearer s3cret", "Content-Type": "application/json"})
    assert response.status_code == 422


@pytest.mark.parametrize("url", ["/api/analyze", "/api/events"])
def test_bad_parameters_bodies_over_5_mb_are_413(token_client: TestClient, url: str) -> None:
    response = token_client.post(url, content=b"x" * (5 * 1024 * 1024 + 1),
                                 headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 413


def test_bad_parameters_streamed_body_over_5_mb_is_413(token_client: TestClient) -> None:
    def chunks():
        for _ in range(6):
            yield b"x" * (1024 * 1024)

    response = token_client.post("/api/analyze", content=chunks(), headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 413


@pytest.mark.model
def test_bad_parameters_analyze_with_token_runs_the_pipeline(small_store, nlp) -> None:
    from flashpoint.api import create_app
    from flashpoint.settings import Settings

    client = TestClient(create_app(Settings(db=small_store, token="s3cret"), pipeline_loader=lambda: nlp))
    response = client.post(
        "/api/analyze",
        json={"articles": [{"id": "p1", "text": "Russian forces shelled Kharkiv on Monday.", "published": "2025-01-07"}]},
        headers={"Authorization": "Bearer s3cret"},
    )
    assert response.status_code == 200
    [analysis] = response.json()["analyses"]
    assert analysis["article"]["id"] == "p1"
    assert analysis["article"]["published"] == "2025-01-07"


@pytest.mark.parametrize("url", ["/api/alerts/x", "/api/alerts/" + "y" * 201])
def test_bad_parameters_alert_ids(client: TestClient, url: str) -> None:
    assert client.get(url).status_code in (404, 422)
