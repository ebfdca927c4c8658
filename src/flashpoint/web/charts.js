// Hand-written SVG charts: no chart library, nothing fetched from elsewhere.
const SVG = "http://www.w3.org/2000/svg";

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  for (const child of children) node.append(child);
  return node;
}

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

function frame(width, height, margin) {
  return { width, height, margin, inner: { w: width - margin.left - margin.right, h: height - margin.top - margin.bottom } };
}

function xAxis(root, f, labels, xAt) {
  const axis = svg("g", { class: "axis" });
  const every = Math.max(1, Math.ceil(labels.length / 8));
  labels.forEach((label, index) => {
    if (index % every) return;
    const x = xAt(index);
    axis.append(svg("text", { x, y: f.height - 6, "text-anchor": "middle" }, label));
  });
  root.append(axis);
}

function yAxis(root, f, low, high, yAt) {
  const axis = svg("g", { class: "axis" });
  for (let tick = 0; tick <= 4; tick += 1) {
    const value = low + ((high - low) * tick) / 4;
    const y = yAt(value);
    axis.append(svg("line", { class: "grid-line", x1: f.margin.left, x2: f.width - f.margin.right, y1: y, y2: y }));
    axis.append(svg("text", { x: f.margin.left - 6, y: y + 3, "text-anchor": "end" }, (Math.round(value * 100) / 100).toString()));
  }
  root.append(axis);
}

// series: [{name, color, values: [number|null]}], labels: [string] (one per x position)
export function lineChart(series, labels, { width = 640, height = 240, zeroLine = true } = {}) {
  const f = frame(width, height, { top: 10, right: 12, bottom: 22, left: 40 });
  const values = series.flatMap((s) => s.values.filter((v) => v !== null && v !== undefined));
  let low = Math.min(0, ...values);
  let high = Math.max(0, ...values);
  if (high === low) high = low + 1;
  const pad = (high - low) * 0.08;
  low -= low < 0 ? pad : 0;
  high += pad;
  const xAt = (i) => f.margin.left + (labels.length <= 1 ? f.inner.w / 2 : (i * f.inner.w) / (labels.length - 1));
  const yAt = (v) => f.margin.top + f.inner.h - ((v - low) / (high - low)) * f.inner.h;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "line-chart" });
  yAxis(root, f, low, high, yAt);
  if (zeroLine && low < 0) root.append(svg("line", { x1: f.margin.left, x2: width - f.margin.right, y1: yAt(0), y2: yAt(0), stroke: "#9aa3b2" }));
  xAxis(root, f, labels, xAt);
  for (const s of series) {
    let d = "";
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      d += `${d ? "L" : "M"}${xAt(i).toFixed(1)},${yAt(v).toFixed(1)}`;
    });
    const path = svg("path", { class: "line", d, stroke: s.color });
    path.append(svg("title", {}, s.name));
    root.append(path);
  }
  return root;
}

// rows: [{label, values: {key: number}}], keys: [{key, name, color}]
export function stackedBars(rows, keys, { width = 640, height = 240 } = {}) {
  const f = frame(width, height, { top: 10, right: 12, bottom: 22, left: 40 });
  const totals = rows.map((row) => keys.reduce((sum, k) => sum + (row.values[k.key] || 0), 0));
  const high = niceMax(Math.max(0, ...totals));
  const slot = f.inner.w / Math.max(1, rows.length);
  const yAt = (v) => f.margin.top + f.inner.h - (v / high) * f.inner.h;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "bar-chart" });
  yAxis(root, f, 0, high, yAt);
  rows.forEach((row, i) => {
    let base = 0;
    for (const k of keys) {
      const value = row.values[k.key] || 0;
      if (!value) continue;
      const rect = svg("rect", {
        class: "bar", x: (f.margin.left + i * slot + slot * 0.12).toFixed(1), width: (slot * 0.76).toFixed(1),
        y: yAt(base + value).toFixed(1), height: (yAt(base) - yAt(base + value)).toFixed(1), fill: k.color,
      });
      rect.append(svg("title", {}, `${row.label} ${k.name}: ${value}`));
      root.append(rect);
      base += value;
    }
  });
  xAxis(root, f, rows.map((r) => r.label), (i) => f.margin.left + i * slot + slot / 2);
  return root;
}

// countries: [{name, d}] in x = lon + 180, y = 90 - lat; places: [{name, lat, lon, events}]
export function worldMap(countries, places, { onPlace } = {}) {
  const root = svg("svg", { viewBox: "0 8 360 150", role: "img", class: "world-map" });
  const land = svg("g", {});
  for (const country of countries) {
    const path = svg("path", { class: "country", d: country.d });
    path.append(svg("title", {}, country.name || ""));
    land.append(path);
  }
  root.append(land);
  const most = Math.max(1, ...places.map((p) => p.events));
  for (const place of places) {
    const circle = svg("circle", {
      class: "place", cx: (place.lon + 180).toFixed(2), cy: (90 - place.lat).toFixed(2),
      r: (0.8 + 3.2 * Math.sqrt(place.events / most)).toFixed(2),
    });
    circle.append(svg("title", {}, `${place.name}: ${place.events} events (${place.material_conflict} material conflict)`));
    if (onPlace) circle.addEventListener("click", () => onPlace(place));
    root.append(circle);
  }
  return root;
}

export function legend(items) {
  const box = document.createElement("div");
  box.className = "legend";
  for (const item of items) {
    const entry = document.createElement("span");
    const swatch = document.createElement("i");
    swatch.style.background = item.color;
    entry.append(swatch, item.name);
    box.append(entry);
  }
  return box;
}
