// The SPARQL editor: posts the query to /sparql and shows the answer. No external assets.
"use strict";
const form = document.getElementById("form");
const status = document.getElementById("status");
const results = document.getElementById("results");

function cell(term) {
  if (!term) return "";
  return term.type === "uri" ? `<${term.value}>` : term.value;
}

function table(data) {
  const vars = data.head.vars || [];
  if ("boolean" in data) return `<p class="boolean">${data.boolean}</p>`;
  const head = vars.map((v) => `<th>${v}</th>`).join("");
  const rows = data.results.bindings
    .map((b) => "<tr>" + vars.map((v) => `<td>${escapeHtml(cell(b[v]))}</td>`).join("") + "</tr>")
    .join("");
  return `<p>${data.results.bindings.length} rows</p><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const accept = document.getElementById("accept").value;
  status.textContent = "running…";
  const started = performance.now();
  const response = await fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: accept },
    body: document.getElementById("query").value,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!response.ok) {
    const problem = await response.json();
    status.textContent = `${response.status} ${problem.title}`;
    results.innerHTML = `<pre class="error">${escapeHtml(problem.detail || "")}</pre>`;
    return;
  }
  status.textContent = `${seconds} s`;
  const type = response.headers.get("content-type") || "";
  results.innerHTML = type.includes("sparql-results+json")
    ? table(await response.json())
    : `<pre>${escapeHtml(await response.text())}</pre>`;
});
