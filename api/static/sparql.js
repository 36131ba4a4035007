// The SPARQL editor: posts the query to /sparql and shows the answer. No external assets.
// Everything the server sends back (values, variable names, errors) is written as text
// (textContent), never parsed as HTML; the page's Content-Security-Policy allows no inline script.
"use strict";
const form = document.getElementById("form");
const status = document.getElementById("status");
const results = document.getElementById("results");

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function cell(term) {
  if (!term) return "";
  return term.type === "uri" ? `<${term.value}>` : String(term.value);
}

function row(tag, texts) {
  const tr = document.createElement("tr");
  tr.append(...texts.map((text) => element(tag, text)));
  return tr;
}

// SPARQL JSON results as nodes: a boolean, or a row count and a table.
function table(data) {
  if ("boolean" in data) return [element("p", String(data.boolean), "boolean")];
  const vars = (data.head && data.head.vars) || [];
  const bindings = data.results.bindings;
  const head = element("thead");
  head.append(row("th", vars));
  const body = element("tbody");
  body.append(...bindings.map((b) => row("td", vars.map((v) => cell(b[v])))));
  const grid = element("table");
  grid.append(head, body);
  return [element("p", `${bindings.length} rows`), grid];
}

// A failed answer's status line and detail, from problem details or whatever else came back.
async function problem(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail ?? "");
    return [`${response.status} ${body.title || response.statusText}`, detail];
  } catch {
    return [`${response.status} ${response.statusText}`, text];
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const accept = document.getElementById("accept").value;
  status.textContent = "running…";
  const started = performance.now();
  let response;
  try {
    response = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: accept },
      body: document.getElementById("query").value,
    });
  } catch (error) {
    status.textContent = "failed";
    results.replaceChildren(element("pre", String(error), "error"));
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!response.ok) {
    const [title, detail] = await problem(response);
    status.textContent = title;
    results.replaceChildren(element("pre", detail, "error"));
    return;
  }
  status.textContent = `${seconds} s`;
  const type = response.headers.get("content-type") || "";
  if (type.includes("sparql-results+json")) {
    results.replaceChildren(...table(await response.json()));
  } else {
    results.replaceChildren(element("pre", await response.text()));
  }
});
