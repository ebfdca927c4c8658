// The dashboard: a hash router over views that read /api. Everything is served by this server.
import { articleView } from "./article.js";
import { legend, lineChart, stackedBars, worldMap } from "./charts.js";
import { api, factTag, h, markedSentence, panel, query } from "./dom.js";

const view = document.getElementById("view");
const QUADS = [
  { key: "1", name: "verbal cooperation", color: "#4c9a5b" },
  { key: "2", name: "material cooperation", color: "#1f7a3a" },
  { key: "3", name: "verbal conflict", color: "#e0a030" },
  { key: "4", name: "material conflict", color: "#c0392b" },
];
const PALETTE = ["#c0392b", "#2456c7", "#e0a030", "#1f7a3a", "#8250df", "#0b8793"];
const EVENT_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const FACTUALITIES = ["asserted", "reported", "planned", "hypothetical", "negated", "denied"];
let worldCache = null;
let alertCache = null;

const link = (href, text) => h("a", { href }, text);
const articleHref = (id) => `#/article/${encodeURIComponent(id)}`;

async function world() {
  if (!worldCache) worldCache = await api("/vendor/world-110m.json");
  return worldCache;
}

async function allAlerts() {
  if (!alertCache) alertCache = (await api("/api/alerts?limit=1000")).items;
  return alertCache;
}

function alertRow(alert) {
  return h("li", { class: "alert-item", dataset: { alertId: alert.id }, onclick: () => { location.hash = `#/alert/${encodeURIComponent(alert.id)}`; } },
    h("span", { class: `badge ${alert.kind}` }, alert.kind.replace("_", " ")), " ",
    h("b", {}, `${alert.source} → ${alert.target}`), ` · ${alert.date} · `, h("span", {}, alert.message),
    h("span", { class: "muted" }, ` · ${alert.evidence.length} evidence`));
}

async function overview() {
  const [health, escalation, timeline, places, dyads, alerts, map] = await Promise.all([
    api("/api/health"), api("/api/escalation?limit=5"), api("/api/timeline?freq=week"), api("/api/places?limit=300"),
    api("/api/dyads?limit=12"), allAlerts(), world(),
  ]);
  const c = health.counts;
  const cards = h("div", { class: "cards" }, [["articles", c.articles], ["syndicated copies", health.duplicates], ["events", c.events],
    ["quotes", c.quotes], ["figures", c.amounts], ["alerts", alerts.length]].map(([label, value]) => h("div", { class: "card" }, h("b", {}, value), h("span", {}, label))));
  const top = escalation.items;
  const labels = [...new Set(top.flatMap((dyad) => dyad.series.map((p) => p.period)))].sort();
  const lines = top.map((dyad, i) => {
    const byPeriod = Object.fromEntries(dyad.series.map((p) => [p.period, p.index]));
    return { name: dyad.dyad, color: PALETTE[i % PALETTE.length], values: labels.map((l) => (l in byPeriod ? byPeriod[l] : null)) };
  });
  const escalationChart = h("div", { class: "chart", id: "escalation-chart" }, lineChart(lines, labels), legend(lines));
  const bars = timeline.series.map((p) => ({ label: p.period, values: p.quad_class }));
  const quadChart = h("div", { class: "chart", id: "quad-chart" }, stackedBars(bars, QUADS), legend(QUADS));
  const mapBox = h("div", { class: "chart map", id: "event-map" }, worldMap(map.countries, places.items, { onPlace: (p) => { location.hash = `#/search?q=${encodeURIComponent(p.name)}`; } }));
  const dyadTable = h("table", {}, h("thead", {}, h("tr", {}, ["dyad", "events", "material conflict", "Goldstein mean", "threats", "plans", "fears"].map((x) => h("th", {}, x)))),
    h("tbody", {}, dyads.items.map((d) => h("tr", {}, h("td", {}, link(`#/dyad/${d.source}/${d.target}`, `${d.source} → ${d.target}`)),
      h("td", { class: "num" }, d.events), h("td", { class: "num" }, d.quad_class["4"]), h("td", { class: "num" }, d.goldstein_mean === null ? "" : d.goldstein_mean.toFixed(2)),
      h("td", { class: "num" }, d.threats), h("td", { class: "num" }, d.plans), h("td", { class: "num" }, d.fears)))));
  view.replaceChildren(h("h1", {}, "Overview"), cards,
    h("div", { class: "grid" },
      panel("Escalation index, most escalated dyads (weekly)", escalationChart),
      panel("Events over time by QuadClass (happenings, weekly)", quadChart)),
    h("div", { class: "grid" },
      panel("Map of event places", mapBox),
      panel("Latest alerts", h("ul", { class: "alert-list" }, alerts.slice(0, 8).map(alertRow)), link("#/alerts", "all alerts →"))),
    panel("Most active dyads", dyadTable));
}

async function alertsView() {
  const alerts = await allAlerts();
  const kinds = ["all", "escalation", "first_assault", "surge"];
  const list = h("ul", { class: "alert-list", id: "alert-list" });
  const show = (kind) => list.replaceChildren(...alerts.filter((a) => kind === "all" || a.kind === kind).map(alertRow));
  const picker = h("select", { onchange: (e) => show(e.target.value), "aria-label": "alert kind" }, kinds.map((k) => h("option", { value: k }, k)));
  show("all");
  view.replaceChildren(h("h1", {}, `Alerts (${alerts.length})`), panel(null, h("label", {}, "kind ", picker), list));
}

async function alertView(id) {
  const alert = await api(`/api/alerts/${encodeURIComponent(id)}`);
  const evidence = alert.evidence.map((e) => h("div", { class: `evidence fact fact-${e.factuality}` },
    h("div", {}, factTag(e.factuality), ` ${e.type} · ${e.event_date} · `, link(articleHref(e.article_id), e.article_title || e.article_id), h("span", { class: "muted" }, ` · event ${e.event_id}`)),
    h("div", { class: "sentence" }, markedSentence(e.sentence, e.trigger))));
  view.replaceChildren(h("h1", {}, h("span", { class: `badge ${alert.kind}` }, alert.kind.replace("_", " ")), ` ${alert.source} → ${alert.target}`),
    h("p", {}, alert.message, h("span", { class: "muted" }, ` · ${alert.date} to ${alert.period_end} · score ${alert.score}`)),
    panel(`Evidence (${alert.evidence.length} events)`, h("div", { id: "evidence" }, evidence)),
    h("div", { class: "grid" },
      panel(`Key quotes (${alert.quotes.length})`, h("ul", { id: "alert-quotes" }, alert.quotes.map((q) => h("li", {},
        h("i", {}, `“${q.content_text}”`), ` — ${q.speaker || "unattributed"} `, link(articleHref(q.article_id), "article"))))),
      panel(`Figures (${alert.amounts.length})`, h("ul", { id: "alert-figures" }, alert.amounts.map((m) => h("li", {},
        h("b", {}, m.span_text), ` (${m.qualifier}) `, link(articleHref(m.article_id), "article")))))),
    link(`#/dyad/${alert.source}/${alert.target}`, `${alert.source} → ${alert.target} over time →`));
}

async function dyadView(source, target) {
  const [data, escalation] = await Promise.all([
    api(`/api/dyads/${encodeURIComponent(source)}/${encodeURIComponent(target)}/series?freq=week`),
    api(`/api/escalation${query({ source, target, limit: 1 })}`),
  ]);
  const labels = data.series.map((p) => p.period);
  const bars = data.series.map((p) => ({ label: p.period, values: p.quad_class }));
  const intents = [
    { name: "threats", color: "#c0392b", values: data.series.map((p) => p.threats) },
    { name: "plans", color: "#b58900", values: data.series.map((p) => p.plans) },
    { name: "fears", color: "#8250df", values: data.series.map((p) => p.fears) },
  ];
  const goldstein = [{ name: "Goldstein mean", color: "#2456c7", values: data.series.map((p) => p.goldstein_mean) }];
  const index = escalation.items.length ? [{ name: "escalation index", color: "#c0392b", values: escalation.items[0].series.map((p) => p.index) }] : [];
  view.replaceChildren(h("h1", {}, `${source} → ${target}`),
    h("div", { class: "grid" },
      panel("Happenings by QuadClass", h("div", { class: "chart" }, stackedBars(bars, QUADS), legend(QUADS))),
      panel("Threats, plans and fears (not happenings)", h("div", { class: "chart" }, lineChart(intents, labels), legend(intents))),
      panel("Goldstein mean of happenings", h("div", { class: "chart" }, lineChart(goldstein, labels))),
      panel("Escalation index", h("div", { class: "chart" }, lineChart(index, escalation.items.length ? escalation.items[0].series.map((p) => p.period) : []), legend(index)))),
    link(`#/events?source=${source}&target=${target}`, "events of this dyad →"));
}

function eventsTable(items) {
  return h("table", { id: "events-table" }, h("thead", {}, h("tr", {}, ["date", "type", "source → target", "factuality", "sentence", "article"].map((x) => h("th", {}, x)))),
    h("tbody", {}, items.map((e) => h("tr", { class: `fact fact-${e.factuality} event-row` },
      h("td", {}, e.event_date || ""), h("td", {}, `${e.type} ${e.cameo || ""}`),
      h("td", {}, `${e.source_code || e.source_country || "?"} → ${e.target_code || e.target_country || "?"}`),
      h("td", {}, factTag(e.factuality)),
      h("td", {}, markedSentence({ start: e.sentence_start, text: e.sentence_text }, { start: e.trigger_start, end: e.trigger_end })),
      h("td", {}, link(articleHref(e.article_id), e.article_title || e.article_id))))));
}

async function eventsView(params) {
  const limit = 50;
  const offset = Number(params.get("offset") || 0);
  const filters = Object.fromEntries(["source", "target", "type", "factuality", "since", "until", "q"].map((k) => [k, params.get(k) || ""]));
  const page = await api(`/api/events${query({ ...filters, limit, offset })}`);
  const field = (name, input) => h("label", {}, name, input);
  const select = (name, options) => h("select", { name }, h("option", { value: "" }, "any"), options.map((o) => h("option", { value: o, selected: filters[name] === o }, o)));
  const form = h("form", { class: "filters", onsubmit: (e) => {
    e.preventDefault();
    const data = Object.fromEntries([...new FormData(e.target)].filter(([, v]) => v));
    location.hash = `#/events${query(data)}`;
  } },
  field("source", h("input", { name: "source", value: filters.source, placeholder: "RUS" })),
  field("target", h("input", { name: "target", value: filters.target, placeholder: "UKR" })),
  field("type", select("type", EVENT_TYPES)), field("factuality", select("factuality", FACTUALITIES)),
  field("since", h("input", { name: "since", type: "date", value: filters.since })),
  field("until", h("input", { name: "until", type: "date", value: filters.until })),
  field("sentence contains", h("input", { name: "q", value: filters.q })), h("button", { type: "submit" }, "Filter"));
  const pageLink = (to, label) => link(`#/events${query({ ...filters, offset: to })}`, label);
  const pager = h("div", { class: "pager" }, offset > 0 ? pageLink(Math.max(0, offset - limit), "← newer") : null,
    h("span", { class: "muted" }, `${page.total ? offset + 1 : 0}–${Math.min(offset + limit, page.total)} of ${page.total}`),
    offset + limit < page.total ? pageLink(offset + limit, "older →") : null);
  view.replaceChildren(h("h1", {}, "Events"), panel(null, form, legend(FACTUALITIES.map((f) => ({ name: f, color: getComputedStyle(document.documentElement).getPropertyValue(`--${f}`) }))), eventsTable(page.items), pager));
}

async function searchView(params) {
  const q = params.get("q") || "";
  const [articles, events] = await Promise.all([
    api(`/api/articles${query({ q, limit: 50 })}`), q ? api(`/api/events${query({ q, limit: 50 })}`) : Promise.resolve({ items: [], total: 0 }),
  ]);
  const form = h("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); location.hash = `#/search${query({ q: new FormData(e.target).get("q") })}`; } },
    h("label", {}, "search", h("input", { name: "q", value: q, type: "search" })), h("button", { type: "submit" }, "Search"));
  const articleList = h("table", { id: "article-results" }, h("thead", {}, h("tr", {}, ["published", "title", "source", "events"].map((x) => h("th", {}, x)))),
    h("tbody", {}, articles.items.map((a) => h("tr", {}, h("td", {}, a.published_date || ""), h("td", {}, link(articleHref(a.id), a.title || a.id)), h("td", {}, a.source || ""), h("td", { class: "num" }, a.n_events)))));
  view.replaceChildren(h("h1", {}, q ? `Search: ${q}` : "Articles"), panel(null, form),
    panel(`Articles (${articles.total})`, articleList), q ? panel(`Events whose sentence matches (${events.total})`, eventsTable(events.items)) : null);
}

async function articleRoute(id) {
  view.replaceChildren(articleView(await api(`/api/articles/${encodeURIComponent(id)}`)));
}

async function route() {
  const hash = location.hash || "#/";
  const [path, search] = hash.slice(1).split("?");
  const params = new URLSearchParams(search || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const section = parts[0] || "overview";
  for (const a of document.querySelectorAll("[data-nav]")) a.classList.toggle("active", a.dataset.nav === section || (section === "alert" && a.dataset.nav === "alerts"));
  view.replaceChildren(h("p", { class: "muted" }, "Loading…"));
  try {
    if (section === "overview") await overview();
    else if (section === "alerts") await alertsView();
    else if (section === "alert") await alertView(parts.slice(1).join("/"));
    else if (section === "dyad") await dyadView(parts[1], parts[2]);
    else if (section === "events") await eventsView(params);
    else if (section === "search") await searchView(params);
    else if (section === "article") await articleRoute(parts.slice(1).join("/"));
    else view.replaceChildren(h("p", {}, "No such page."));
    view.dataset.ready = section;
  } catch (error) {
    view.replaceChildren(h("p", { class: "error" }, `Could not load this page: ${error.message}`));
    view.dataset.ready = "error";
  }
}

document.getElementById("quick-search").addEventListener("submit", (e) => {
  e.preventDefault();
  location.hash = `#/search${query({ q: new FormData(e.target).get("q") })}`;
});
window.addEventListener("hashchange", route);
route();
