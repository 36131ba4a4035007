// The home page: entity search over /api/entities. Labels come from the documents, so they are
// written as text (textContent, text nodes), never parsed as HTML; the page's Content-Security-
// Policy allows no inline script, so this file holds all of it.
"use strict";
const input = document.getElementById("q");
const hits = document.getElementById("hits");

// An entity's id is its IRI below the base (agency/350000/drc, document/%E5%8E%A6…): each segment is
// sent as written, a "%" in it included, so the server finds the IRI again.
function entityPath(id) {
  return "/api/entities/" + String(id).split("/").map(encodeURIComponent).join("/");
}

function link(text, href) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  return a;
}

function line(text, className) {
  const li = document.createElement("li");
  li.textContent = text;
  if (className) li.className = className;
  return li;
}

function hit(found) {
  const li = document.createElement("li");
  const path = entityPath(found.id);
  li.append(`[${found.type}] `, link(found.label, path), " — ", link("neighbourhood", `${path}/neighbourhood?format=cytoscape`));
  return li;
}

async function problem(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    return `${response.status} ${body.title || response.statusText}: ${typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)}`;
  } catch {
    return `${response.status} ${response.statusText}: ${text}`;
  }
}

async function search() {
  const q = input.value.trim();
  if (!q) return;
  try {
    const response = await fetch(`/api/entities?q=${encodeURIComponent(q)}`, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      hits.replaceChildren(line(await problem(response), "error"));
      return;
    }
    const found = await response.json();
    hits.replaceChildren(...(found.length ? found.map(hit) : [line("no match")]));
  } catch (error) {
    hits.replaceChildren(line(`search failed: ${error}`, "error"));
  }
}

document.getElementById("go").addEventListener("click", search);
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter") search();
});
