from __future__ import annotations

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser


def _open(watched, url: str, ready: str) -> None:
    watched.page.goto(url)
    watched.page.wait_for_selector(f"#view[data-ready={ready}]")


def test_dashboard_overview_loads_offline_without_errors(watched, server_url: str) -> None:
    _open(watched, server_url + "/", "overview")
    watched.page.wait_for_load_state("networkidle")
    assert watched.errors == []
    assert watched.outside == []


def test_dashboard_charts_render(watched, server_url: str) -> None:
    _open(watched, server_url + "/", "overview")
    page = watched.page
    assert page.locator("#escalation-chart svg path.line").count() >= 3
    assert page.locator("#quad-chart svg rect.bar").count() > 20
    assert page.locator("#event-map svg path.country").count() > 150
    assert page.locator("#event-map svg circle.place").count() >= 5
    assert watched.errors == []


def test_dashboard_alert_opens_its_evidence(watched, server_url: str) -> None:
    _open(watched, server_url + "/#/alerts", "alerts")
    page = watched.page
    first = page.locator("#alert-list li").first
    alert_id = first.get_attribute("data-alert-id")
    first.click()
    page.wait_for_selector("#view[data-ready=alert]")
    assert alert_id is not None
    assert page.url.endswith("#/alert/" + quote(alert_id, safe=""))
    source_target = alert_id.split(":")[-2].replace("-", " → ")
    assert source_target in page.locator("h1").inner_text()
    evidence = page.locator("#evidence .evidence")
    assert evidence.count() >= 1
    trigger = evidence.first.locator("mark.trigger").inner_text()
    assert trigger and trigger in evidence.first.locator(".sentence").inner_text()
    assert page.locator("#alert-quotes").count() == 1 and page.locator("#alert-figures").count() == 1
    evidence.first.locator("a").first.click()
    page.wait_for_selector("#view[data-ready=article]")
    assert page.locator(".article-text .hl-event").count() >= 1
    assert watched.errors == [] and watched.outside == []


def test_dashboard_article_highlights_every_layer(watched, server_url: str) -> None:
    _open(watched, server_url + "/#/search?q=killed", "search")
    page = watched.page
    page.locator("#article-results a").first.click()
    page.wait_for_selector("#view[data-ready=article]")
    for layer in ("actor", "event", "amount"):
        assert page.locator(f".article-text .hl-{layer}").count() >= 1, layer
    page.locator(".toggles input").first.uncheck()
    assert "hide-actor" in (page.locator(".article-text").get_attribute("class") or "")
    assert watched.errors == []


def test_dashboard_events_are_coloured_by_factuality(watched, server_url: str) -> None:
    _open(watched, server_url + "/#/events?factuality=reported", "events")
    rows = watched.page.locator("#events-table tr.event-row")
    assert rows.count() >= 1
    assert rows.count() == watched.page.locator("#events-table tr.fact-reported").count()
    assert watched.errors == []


def test_dashboard_docs_page_works_offline(watched, server_url: str) -> None:
    watched.page.goto(server_url + "/docs")
    watched.page.wait_for_selector("text=GET /api/events")
    assert watched.errors == [] and watched.outside == []
