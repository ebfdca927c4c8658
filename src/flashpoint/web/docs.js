// A small offline API reference rendered from /openapi.json (no Swagger UI, no CDN).
import { h, panel } from "./dom.js";

function schemaText(schema, components) {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.enum) return schema.enum.join(" | ");
  if (schema.anyOf) return schema.anyOf.map((s) => schemaText(s, components)).filter((t) => t !== "null").join(" | ");
  const limits = [];
  for (const key of ["minimum", "maximum", "minLength", "maxLength", "pattern"]) if (key in schema) limits.push(`${key} ${schema[key]}`);
  return `${schema.type || ""}${schema.format ? ` (${schema.format})` : ""}${limits.length ? ` [${limits.join(", ")}]` : ""}`;
}

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  const root = document.getElementById("docs");
  const sections = [];
  for (const [path, operations] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const params = (op.parameters || []).map((p) => h("tr", {}, h("td", {}, h("code", {}, p.name)), h("td", {}, p.in), h("td", {}, p.required ? "yes" : ""),
        h("td", {}, schemaText(p.schema, spec.components)), h("td", {}, (p.schema && "default" in p.schema) ? JSON.stringify(p.schema.default) : ""), h("td", {}, p.description || "")));
      const body = op.requestBody ? h("p", {}, "Body: ", h("code", {}, schemaText(op.requestBody.content["application/json"].schema, spec.components))) : null;
      const example = method === "get" && !path.includes("{") ? h("a", { href: path }, "try it") : null;
      sections.push(panel(null, h("h2", {}, h("code", {}, `${method.toUpperCase()} ${path}`)), h("p", {}, op.summary || "", " ", example), body,
        params.length ? h("table", {}, h("thead", {}, h("tr", {}, ["parameter", "in", "required", "type", "default", "description"].map((x) => h("th", {}, x)))), h("tbody", {}, params)) : null,
        h("p", { class: "muted" }, `responses: ${Object.keys(op.responses || {}).join(", ")}`)));
    }
  }
  root.replaceChildren(h("h1", {}, `${spec.info.title} ${spec.info.version}`), h("p", {}, spec.info.description || ""), ...sections);
}

main();
