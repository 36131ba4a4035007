// The shared-initiatives view: agencies linked by the initiatives they answer for together
// (/api/analytics/shared-initiatives), drawn weighted by how many, with the table behind it; a
// minimum-count slider, filters by document, jurisdiction and year; click an edge (or a row) to see
// the initiatives the two agencies share. The graph is window.policykgGraph.
"use strict";

const state = { pairs: [], selected: null, cy: null, documents: new Map(), timer: null, asked: 0 };

// Each document with its jurisdiction and year (issued, else signed), for the filters.
const DOCUMENTS_QUERY = `SELECT ?d ?file ?title ?j ?place ?issued ?signed WHERE {
  ?d a pkg:PolicyDocument ; pkg:fileName ?file .
  OPTIONAL { ?d dct:title ?title }
  OPTIONAL { ?d pkg:jurisdiction ?j OPTIONAL { ?j skos:prefLabel ?place } }
  OPTIONAL { ?d dct:issued ?issued } OPTIONAL { ?d pkg:signed ?signed }
} ORDER BY ?file`;

PK.start(async () => {
  const vocabulary = await PK.vocabulary();
  await filterOptions(vocabulary);
  const min = document.getElementById("min");
  min.addEventListener("input", () => {
    minLabel();
    clearTimeout(state.timer);
    state.timer = setTimeout(load, 250);
  });
  for (const id of ["lead-only", "limit", "document", "jurisdiction", "year"]) {
    document.getElementById(id).addEventListener("change", load);
  }
  document.getElementById("table-csv").addEventListener("click", tableCsv);
  PK.clear(document.getElementById("downloads"), PK.exportMenu([
    { key: "export.agencies", params: { view: "agencies" } },
    { key: "export.platforms", params: { view: "platforms" } },
    { key: "export.full", params: { view: "full" } },
  ]));
  minLabel();
  await load();
  window.addEventListener("pk:language", () => {
    minLabel();
    status();
    if (state.selected) showShared(state.selected);
    else PK.clear(document.getElementById("shared"), PK.el("p", { class: "muted", i18n: "network.shared.pick" }));
  });
});

function minLabel() {
  document.getElementById("min-label").textContent = PK.t("network.min", { count: document.getElementById("min").value });
}

async function filterOptions(vocabulary) {
  const base = vocabulary.base;
  const prefixes = ["pkg", "skos", "dct"].map((name) => `PREFIX ${name}: <${vocabulary.prefixes[name]}>\n`).join("");
  let rows = [];
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
      body: prefixes + DOCUMENTS_QUERY,
    });
    if (!response.ok) throw await PK.problemOf(response);
    rows = (await response.json()).results.bindings;
  } catch (error) {
    document.getElementById("graph-status").replaceChildren(PK.problemLine(error));
    return;
  }
  const id = (iri) => (iri.startsWith(base) ? iri.slice(base.length) : iri);
  const places = new Map();
  const years = new Set();
  for (const row of rows) {
    const doc = id(row.d.value);
    const date = (row.issued || row.signed || {}).value;
    const year = date ? date.slice(0, 4) : null;
    if (!state.documents.has(doc)) state.documents.set(doc, { id: doc, title: row.title ? row.title.value : row.file.value });
    // the API takes a jurisdiction by its division code: place/350000 → 350000
    if (row.j) places.set(id(row.j.value).split("/").pop(), row.place ? row.place.value : id(row.j.value));
    if (year) years.add(year);
  }
  const fill = (selectId, entries) =>
    document.getElementById(selectId).append(...entries.map(([value, text]) => PK.el("option", { value, text })));
  fill("document", [...state.documents.values()].map((d) => [d.id, d.title]));
  fill("jurisdiction", [...places.entries()].sort((a, b) => a[0].localeCompare(b[0])));
  fill("year", [...years].sort().map((y) => [y, y]));
}

function parameters() {
  return {
    min_count: document.getElementById("min").value,
    lead_only: document.getElementById("lead-only").checked ? "true" : undefined,
    limit: document.getElementById("limit").value,
    document: document.getElementById("document").value || undefined,
    jurisdiction: document.getElementById("jurisdiction").value || undefined,
    year: document.getElementById("year").value || undefined,
  };
}

async function load() {
  const asked = ++state.asked;
  document.body.dataset.graph = "loading";
  let pairs;
  try {
    pairs = await PK.api("/api/analytics/shared-initiatives", parameters());
  } catch (error) {
    document.getElementById("graph-status").replaceChildren(PK.problemLine(error));
    document.body.dataset.graph = "failed";
    return;
  }
  if (asked !== state.asked) return; // a later request is on its way
  state.pairs = pairs;
  const most = pairs.reduce((m, p) => Math.max(m, p.shared), 1);
  const min = document.getElementById("min");
  if (Number(min.max) < most) min.max = String(most);
  table();
  draw();
  if (state.selected) {
    const still = pairs.find((p) => key(p) === key(state.selected));
    if (still) showShared(still);
  }
}

const key = (pair) => `${pair.a.id}|${pair.b.id}`;

function draw() {
  if (!state.cy) {
    state.cy = PK.cytoscape({ container: document.getElementById("graph") });
    window.policykgGraph = state.cy;
    state.cy.on("tap", "edge", (event) => {
      const pair = state.pairs.find((p) => key(p) === event.target.id());
      if (pair) showShared(pair);
    });
    state.cy.on("dbltap", "node", (event) => {
      location.href = PK.entityUrl(event.target.id());
    });
  }
  const cy = state.cy;
  cy.elements().remove();
  const nodes = new Map();
  const most = state.pairs.reduce((m, p) => Math.max(m, p.shared), 1);
  for (const pair of state.pairs) {
    for (const agency of [pair.a, pair.b]) {
      const node = nodes.get(agency.id) || { id: agency.id, label: agency.label || agency.id, weight: 0 };
      node.weight += pair.shared;
      nodes.set(agency.id, node);
    }
  }
  const heaviest = Math.max(1, ...[...nodes.values()].map((n) => n.weight));
  cy.add(
    [...nodes.values()].map((n) => ({
      group: "nodes",
      data: { id: n.id, label: n.label, short: PK.short(n.label, 12), type: "agency", weight: n.weight },
    })),
  );
  cy.add(
    state.pairs.map((p) => ({
      group: "edges",
      data: { id: key(p), source: p.a.id, target: p.b.id, weight: p.shared, relation: "shares" },
    })),
  );
  cy.style()
    .selector("node")
    .style({ width: `mapData(weight, 1, ${heaviest}, 16, 56)`, height: `mapData(weight, 1, ${heaviest}, 16, 56)` })
    .selector("edge[weight]")
    .style({ width: `mapData(weight, 1, ${Math.max(most, 2)}, 1.5, 12)` })
    .update();
  status();
  if (cy.nodes().empty()) {
    document.body.dataset.graph = "ready";
    return;
  }
  const options = PK.layout({ idealEdgeLength: (edge) => 150 - 8 * Math.min(edge.data("weight"), 10), nodeRepulsion: 20000 });
  PK.runLayout(cy, options, () => {
    document.body.dataset.graph = "ready";
  });
}

function status() {
  const cy = state.cy;
  if (!cy) return;
  document.getElementById("graph-status").textContent = state.pairs.length
    ? `${PK.t("network.pairs", { count: state.pairs.length })} · ${PK.t("graph.nodes", { nodes: cy.nodes().length, edges: cy.edges().length })}`
    : PK.t("network.none");
}

function table() {
  const body = document.querySelector("#pairs tbody");
  PK.clear(
    body,
    state.pairs.map((pair) =>
      PK.el(
        "tr",
        { data: { pair: key(pair) }, class: state.selected && key(state.selected) === key(pair) ? "selected" : "" },
        PK.el("td", {}, PK.entityLink(pair.a.id, pair.a.label)),
        PK.el("td", {}, PK.entityLink(pair.b.id, pair.b.label)),
        PK.el("td", { class: "number", text: String(pair.shared) }),
        PK.el("td", {}, PK.el("button", { type: "button", class: "small", i18n: "network.show", on: { click: () => showShared(pair) } })),
      ),
    ),
  );
}

function showShared(pair) {
  state.selected = pair;
  for (const row of document.querySelectorAll("#pairs tbody tr")) row.classList.toggle("selected", row.dataset.pair === key(pair));
  if (state.cy) {
    state.cy.elements().unselect();
    state.cy.getElementById(key(pair)).select();
  }
  const panel = document.getElementById("shared");
  PK.clear(
    panel,
    PK.el("h3", { text: PK.t("network.shared.title", { a: pair.a.label, b: pair.b.label, count: pair.shared }) }),
    PK.el(
      "ul",
      { class: "plain", id: "shared-initiatives" },
      pair.initiatives.map((i) => {
        const doc = state.documents.get(i.document);
        return PK.el(
          "li",
          { data: { entity: i.id } },
          PK.entityLink(i.id, PK.numbered(i.marker, i.title) || i.id),
          PK.el("div", { class: "muted" }, PK.el("a", { href: PK.documentUrl(i.document, i.id), text: doc ? doc.title : i.document })),
        );
      }),
    ),
    pair.initiatives.length < pair.shared
      ? PK.el("p", {
          class: "muted",
          id: "shared-more",
          text: PK.t("network.shared.more", { shown: pair.initiatives.length, count: pair.shared }),
        })
      : null,
  );
}

function tableCsv() {
  const rows = [["a", "a_label", "b", "b_label", "shared"]];
  for (const p of state.pairs) rows.push([p.a.id, p.a.label, p.b.id, p.b.label, p.shared]);
  PK.saveFile("shared-initiatives.csv", PK.csv(rows), "text/csv");
}
