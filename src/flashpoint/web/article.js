// The article view: its text with actors, events, quotes, figures, dates and places highlighted.
import { factTag, h, panel } from "./dom.js";

const LAYERS = [
  ["actor", "actors"], ["event", "events"], ["quote", "quotes"], ["amount", "figures"], ["date", "dates"], ["place", "places"],
];

function spansOf(analysis) {
  const spans = [];
  const names = Object.fromEntries(analysis.actors.map((a) => [a.id, a.name]));
  for (const actor of analysis.actors) for (const m of actor.mentions) spans.push({ ...m, cls: "hl-actor", title: `${actor.name} (${actor.code || actor.country || actor.kind})` });
  for (const event of analysis.events) spans.push({ ...event.trigger, cls: `hl-event ${event.factuality}`, title: `${event.type} ${event.cameo || ""} ${event.factuality}: ${event.source.map((id) => names[id] || id).join(", ")} → ${event.target.map((id) => names[id] || id).join(", ")}` });
  for (const quote of analysis.quotes) for (const c of quote.content) spans.push({ ...c, cls: "hl-quote", title: `quote of ${names[quote.speaker] || "unattributed"}` });
  for (const amount of analysis.amounts) spans.push({ ...amount.span, cls: "hl-amount", title: `${amount.value} ${amount.unit || ""} ${amount.object || ""} (${amount.qualifier})` });
  for (const date of analysis.dates) spans.push({ ...date.span, cls: "hl-date", title: `${date.type} ${date.value || ""}` });
  for (const place of analysis.places) for (const m of place.mentions) spans.push({ ...m, cls: "hl-place", title: `${place.name} ${place.country || ""}` });
  return spans.filter((s) => s.end > s.start);
}

// Splits the text at every span boundary; each piece carries the classes of the spans covering it.
export function highlightedText(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = h("div", { class: "article-text" });
  for (let i = 0; i < points.length - 1; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    const piece = text.slice(start, end);
    if (!covering.length) { box.append(piece); continue; }
    box.append(h("span", { class: covering.map((s) => s.cls).join(" "), title: covering.map((s) => s.title).join("\n") }, piece));
  }
  return box;
}

function table(headers, rows) {
  return h("table", {}, h("thead", {}, h("tr", {}, headers.map((x) => h("th", {}, x)))), h("tbody", {}, rows));
}

export function articleView(analysis) {
  const article = analysis.article;
  const names = Object.fromEntries(analysis.actors.map((a) => [a.id, a.name]));
  const places = Object.fromEntries(analysis.places.map((p) => [p.id, p.name]));
  const text = highlightedText(article.text, spansOf(analysis));
  const toggles = h("div", { class: "toggles" }, LAYERS.map(([key, label]) => h("label", {},
    h("input", { type: "checkbox", checked: true, onchange: (e) => text.classList.toggle(`hide-${key}`, !e.target.checked) }),
    ` ${label}`, h("span", { class: `hl-${key}` }, " ▪"))));
  return h("div", { class: "article-view" },
    h("h1", {}, article.title || article.id),
    h("p", { class: "muted" }, [article.source, article.published, article.url].filter(Boolean).join(" · "), ` · id ${article.id}`),
    panel("Text", toggles, text),
    h("div", { class: "grid" },
      panel(`Actors (${analysis.actors.length})`, table(["name", "kind", "code", "country", "mentions"],
        analysis.actors.map((a) => h("tr", {}, h("td", {}, a.name), h("td", {}, a.kind), h("td", {}, a.code || ""), h("td", {}, a.country || ""), h("td", { class: "num" }, a.mentions.length))))),
      panel(`Events (${analysis.events.length})`, table(["type", "source → target", "factuality", "trigger", "date", "place"],
        analysis.events.map((e) => h("tr", { class: `fact fact-${e.factuality} event-row` },
          h("td", {}, `${e.type} ${e.cameo || ""}`), h("td", {}, `${e.source.map((i) => names[i] || i).join(", ")} → ${e.target.map((i) => names[i] || i).join(", ")}`),
          h("td", {}, factTag(e.factuality)), h("td", {}, e.trigger.text), h("td", {}, e.date || ""), h("td", {}, places[e.place] || ""))))),
      panel(`Quotes (${analysis.quotes.length})`, table(["speaker", "kind", "content"],
        analysis.quotes.map((q) => h("tr", {}, h("td", {}, names[q.speaker] || (q.speaker_mention ? q.speaker_mention.text : "?")), h("td", {}, q.kind), h("td", {}, q.content.map((c) => c.text).join(" … ")))))),
      panel(`Figures (${analysis.amounts.length})`, table(["text", "value", "unit", "object", "qualifier"],
        analysis.amounts.map((m) => h("tr", {}, h("td", {}, m.span.text), h("td", { class: "num" }, m.value), h("td", {}, m.unit || ""), h("td", {}, m.object || ""), h("td", {}, m.qualifier))))),
      panel(`Dates (${analysis.dates.length})`, table(["text", "type", "value"],
        analysis.dates.map((d) => h("tr", {}, h("td", {}, d.span.text), h("td", {}, d.type), h("td", {}, d.value || ""))))),
      panel(`Places (${analysis.places.length})`, table(["name", "country", "lat, lon"],
        analysis.places.map((p) => h("tr", {}, h("td", {}, p.name), h("td", {}, p.country || ""), h("td", {}, p.lat == null ? "" : `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`))))),
    ));
}
