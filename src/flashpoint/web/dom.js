// Tiny DOM helpers: text is always set as text, never parsed as HTML.
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    const body = await response.json().catch(() => null);
    if (body && body.detail) detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    throw new Error(`${response.status}: ${detail}`);
  }
  return response.json();
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== "") search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function panel(title, ...children) {
  return h("section", { class: "panel" }, title ? h("h2", {}, title) : null, ...children);
}

export function factTag(factuality) {
  return h("span", { class: `tag ${factuality}` }, factuality);
}

// A sentence with its trigger marked; offsets are article offsets.
export function markedSentence(sentence, trigger) {
  const start = trigger.start - sentence.start;
  const end = trigger.end - sentence.start;
  const text = sentence.text;
  if (start < 0 || end > text.length || start >= end) return h("span", {}, text);
  return h("span", {}, text.slice(0, start), h("mark", { class: "trigger" }, text.slice(start, end)), text.slice(end));
}
