// An entity's page: its facts, the documents that name it, and its neighbourhood drawn with
// Cytoscape.js (fcose layout): colours by type, edge labels by relation, lead edges marked,
// click a node to expand it, filters by type, relation and depth. The graph is window.policykgGraph.
"use strict";

const entityId = PK.param("id");
const state = {
  entity: null,
  depth: 1,
  types: new Set(PK.TYPES),
  relations: new Set(),
  allRelations: [],
  cy: null,
  expansions: 0,
  asked: 0,
  truncated: false,
  more: null,
};
const LIMIT = 150;
const EXPAND_LIMIT = 80;

PK.start(async () => {
  if (!entityId) {
    message(PK.t("entity.missing"));
    return;
  }
  let entity;
  try {
    entity = await PK.api(`/api/entities/${PK.idPath(entityId)}`);
  } catch (error) {
    message(error.status === 404 ? PK.t("entity.notFound", { id: entityId }) : error.message, true);
    return;
  }
  state.entity = entity;
  const vocabulary = await PK.vocabulary();
  state.allRelations = vocabulary.relations;
  state.relations = new Set(vocabulary.relations);
  document.getElementById("message").hidden = true;
  document.getElementById("label").hidden = false;
  document.getElementById("body").hidden = false;
  controls();
  render();
  await Promise.all([loadGraph(), loadMore()]);
  window.addEventListener("pk:language", () => {
    render();
    renderMore();
    restyleGraph();
  });
});

function message(text, failed) {
  const node = document.getElementById("message");
  node.removeAttribute("data-i18n");
  node.textContent = text;
  node.className = failed ? "error" : "muted";
}

// --- what the entity is ------------------------------------------------------------------------
function render() {
  const entity = state.entity;
  document.title = `${entity.label} · policykg`;
  PK.clear(document.getElementById("label"), PK.badge(entity.type), entity.label);
  document.getElementById("iri").textContent = entity.iri;
  PK.clear(
    document.getElementById("downloads"),
    PK.exportMenu([
      { key: "export.view", params: { view: "neighbourhood", entity: entity.id, depth: state.depth } },
      { key: "export.full", params: { view: "full" } },
    ]),
    entity.type === "document"
      ? PK.el("a", { class: "button", href: PK.documentUrl(entity.id), i18n: "doc.open" })
      : null,
  );
  const about = document.getElementById("about");
  const facts = PK.el("dl", { class: "facts" });
  const fact = (name, ...value) => facts.append(PK.el("dt", { text: name }), PK.el("dd", {}, ...value));
  if (entity.aliases.length) {
    fact(PK.t("entity.aliases"), PK.el("div", { class: "aliases" }, entity.aliases.map((a) => PK.el("span", { text: a }))));
  }
  if (entity.jurisdiction) {
    fact(PK.t("entity.jurisdiction"), PK.entityLink(entity.jurisdiction.id, entity.jurisdiction.label));
  }
  for (const { property, value } of entity.facts) {
    const shown = value === "true" || value === "false" ? PK.t(`value.${value}`) : value;
    fact(PK.has(`fact.${property}`) ? PK.t(`fact.${property}`) : property, shown);
  }
  const relations = PK.el(
    "ul",
    { class: "plain" },
    entity.relations.map((r) =>
      PK.el("li", { data: { relation: r.relation } }, `${PK.t(`direction.${r.direction}`)} ${PK.relationName(r.relation)}: `, String(r.count)),
    ),
  );
  PK.clear(
    about,
    entity.text ? [PK.el("h3", { i18n: "entity.text" }), PK.el("p", { class: "entity-text", text: entity.text })] : null,
    PK.el("h3", { i18n: "entity.facts" }),
    facts.childElementCount ? facts : PK.el("p", { class: "muted", i18n: "entity.none" }),
    entity.relations.length ? [PK.el("h3", { i18n: "entity.relations" }), relations] : null,
  );
  const documents = document.getElementById("documents");
  PK.clear(
    documents,
    entity.documents.length
      ? entity.documents.map((doc) =>
          PK.el(
            "li",
            { data: { document: doc.id } },
            PK.el("a", { href: PK.documentUrl(doc.id, entity.type === "document" ? null : entity.id), text: doc.title || doc.id }),
          ),
        )
      : PK.el("li", { class: "muted", i18n: "entity.documents.none" }),
  );
}

// An agency's initiatives and platforms, a platform's agencies.
async function loadMore() {
  const entity = state.entity;
  const path = PK.idPath(entity.id);
  try {
    if (entity.type === "agency") {
      const [initiatives, platforms] = await Promise.all([
        PK.api(`/api/agencies/${path}/initiatives`),
        PK.api(`/api/agencies/${path}/platforms`),
      ]);
      state.more = { initiatives, platforms };
    } else if (entity.type === "platform") {
      state.more = { agencies: await PK.api(`/api/platforms/${path}/agencies`) };
    }
  } catch (error) {
    state.more = { error };
  }
  renderMore();
}

function renderMore() {
  const more = document.getElementById("more");
  if (!state.more) return;
  more.hidden = false;
  if (state.more.error) {
    PK.clear(more, PK.problemLine(state.more.error));
    return;
  }
  const parts = [];
  const uses = (rows) =>
    PK.el(
      "ul",
      { class: "plain" },
      rows.map((row) =>
        PK.el(
          "li",
          {},
          PK.entityLink(row.id, row.label),
          PK.el("span", { class: "muted" }, " · ", row.actions.map(PK.relationName).join("、"), " · ", PK.t("entity.tasks", { count: row.tasks })),
        ),
      ),
    );
  if (state.more.initiatives) {
    parts.push(
      PK.el("h3", {}, PK.t("entity.initiatives"), ` (${state.more.initiatives.length})`),
      PK.el(
        "ul",
        { class: "plain", id: "initiatives" },
        state.more.initiatives.slice(0, 60).map((i) =>
          PK.el(
            "li",
            {},
            PK.entityLink(i.id, PK.numbered(i.marker, i.title)),
            " ",
            i.roles.map((role) => PK.el("span", { class: "badge type-initiative", text: PK.t(`entity.role.${role}`) })),
          ),
        ),
        state.more.initiatives.length > 60 ? PK.el("li", { class: "muted", text: "…" }) : null,
      ),
    );
  }
  if (state.more.platforms && state.more.platforms.length) {
    parts.push(PK.el("h3", {}, PK.t("entity.platforms"), ` (${state.more.platforms.length})`), uses(state.more.platforms));
  }
  if (state.more.agencies) {
    parts.push(PK.el("h3", {}, PK.t("entity.agencies"), ` (${state.more.agencies.length})`), uses(state.more.agencies));
  }
  PK.clear(more, parts);
}

// --- the graph ---------------------------------------------------------------------------------
function controls() {
  const types = document.getElementById("types");
  for (const type of PK.TYPES) {
    const box = PK.el("input", { type: "checkbox", checked: true, value: type, on: { change: filtersChanged } });
    types.append(PK.el("label", {}, box, " ", PK.badge(type)));
  }
  const relations = document.getElementById("relations");
  for (const relation of state.allRelations) {
    const box = PK.el("input", { type: "checkbox", checked: true, value: relation, on: { change: filtersChanged } });
    relations.append(PK.el("label", { data: { relation } }, box, " ", PK.el("span", { class: "relation-name", text: PK.relationName(relation) })));
  }
  const depth = document.getElementById("depth");
  depth.addEventListener("change", () => {
    state.depth = Number(depth.value);
    render();
    loadGraph();
  });
  document.getElementById("fit").addEventListener("click", () => state.cy && state.cy.fit(undefined, 20));
  document.getElementById("relayout").addEventListener("click", () => layout(true));
  document.getElementById("reset").addEventListener("click", () => {
    for (const box of document.querySelectorAll("#types input, #relations input")) box.checked = true;
    depth.value = "1";
    state.depth = 1;
    filtersChanged();
    render();
  });
  legend();
}

function legend() {
  PK.clear(
    document.getElementById("legend"),
    PK.TYPES.map((type) => PK.badge(type)),
    PK.el("span", {}, PK.el("span", { class: "lead-line" }), PK.t("graph.lead")),
  );
}

function filtersChanged() {
  state.types = new Set([...document.querySelectorAll("#types input:checked")].map((box) => box.value));
  state.relations = new Set([...document.querySelectorAll("#relations input:checked")].map((box) => box.value));
  loadGraph();
}

// The parameters of a neighbourhood request for the current filters.
function filters(depth, limit) {
  const params = { depth, limit, format: "cytoscape" };
  if (state.types.size < PK.TYPES.length) params.type = [...state.types];
  if (state.relations.size < state.allRelations.length) params.relation = [...state.relations];
  return params;
}

// Cytoscape elements from the API's, with the label drawn, the relation's name, and an agency's
// "responsible for" left out where the same pair has a lead or supporting role (the role says more).
function elements(found, cy) {
  const nodes = found.elements.nodes.map((n) => ({
    group: "nodes",
    data: { ...n.data, short: PK.short(n.data.label, n.data.type === "task" ? 12 : 16) },
  }));
  const roles = new Set(
    found.elements.edges
      .filter((e) => e.data.label === "leads" || e.data.label === "supports")
      .map((e) => `${e.data.source}|${e.data.target}`),
  );
  const existing = (source, target, relation) =>
    cy && cy.getElementById(`${source}|${relation}|${target}`).nonempty();
  const edges = found.elements.edges
    .filter((e) => {
      if (e.data.label !== "responsibleFor") return true;
      const pair = `${e.data.source}|${e.data.target}`;
      return !roles.has(pair) && !existing(e.data.source, e.data.target, "leads") && !existing(e.data.source, e.data.target, "supports");
    })
    .map((e) => ({
      group: "edges",
      data: { id: e.data.id, source: e.data.source, target: e.data.target, relation: e.data.label, display: PK.relationName(e.data.label) },
    }));
  return { nodes, edges };
}

function setStatus(extra) {
  const cy = state.cy;
  const parts = [PK.t("graph.nodes", { nodes: cy.nodes().length, edges: cy.edges().length })];
  if (state.truncated) parts.push(PK.t("graph.truncated", { limit: LIMIT }));
  if (extra) parts.push(extra);
  document.getElementById("graph-status").textContent = parts.join(" ");
}

function layout(randomize) {
  const cy = state.cy;
  if (!cy || cy.nodes().empty()) return;
  document.body.dataset.graph = "layout";
  PK.runLayout(cy, PK.layout({ randomize, fit: true }), () => {
    document.body.dataset.graph = "ready";
  });
}

async function loadGraph() {
  const asked = ++state.asked;
  document.body.dataset.graph = "loading";
  let found;
  try {
    found = await PK.api(`/api/entities/${PK.idPath(entityId)}/neighbourhood`, filters(state.depth, LIMIT));
    if (asked !== state.asked) return; // the filters changed again: a later answer is on its way
  } catch (error) {
    if (asked !== state.asked) return;
    document.getElementById("graph-status").replaceChildren(PK.problemLine(error));
    document.body.dataset.graph = "failed";
    return;
  }
  if (!state.cy) {
    state.cy = PK.cytoscape({ container: document.getElementById("graph") });
    window.policykgGraph = state.cy;
    state.cy.on("tap", "node", (event) => {
      select(event.target);
      expand(event.target);
    });
    state.cy.on("dbltap", "node", (event) => open(event.target));
    state.cy.on("tap", (event) => {
      if (event.target === state.cy) document.getElementById("selected").hidden = true;
    });
  }
  const cy = state.cy;
  cy.elements().remove();
  state.truncated = false;
  const { nodes, edges } = elements(found);
  cy.add(nodes);
  cy.add(edges);
  cy.getElementById(entityId).addClass("start expanded");
  state.truncated = Boolean(found.truncated) || nodes.length >= LIMIT;
  setStatus(nodes.length <= 1 ? PK.t("graph.empty") : "");
  layout(true);
}

async function expand(node) {
  if (node.hasClass("expanded") || node.hasClass("expanding")) return;
  node.addClass("expanding");
  document.body.dataset.graph = "expanding";
  let found;
  try {
    found = await PK.api(`/api/entities/${PK.idPath(node.id())}/neighbourhood`, filters(1, EXPAND_LIMIT));
  } catch (error) {
    node.removeClass("expanding");
    document.getElementById("graph-status").replaceChildren(PK.problemLine(error));
    document.body.dataset.graph = "ready";
    return;
  }
  const cy = state.cy;
  const { nodes, edges } = elements(found, cy);
  const centre = node.position();
  const added = nodes.filter((n) => cy.getElementById(n.data.id).empty());
  added.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(added.length, 1);
    n.position = { x: centre.x + 60 * Math.cos(angle), y: centre.y + 60 * Math.sin(angle) };
  });
  cy.add(added);
  cy.add(edges.filter((e) => cy.getElementById(e.data.id).empty()));
  node.removeClass("expanding").addClass("expanded");
  state.expansions += 1;
  document.body.dataset.expansions = String(state.expansions);
  setStatus(PK.t("graph.expanded", { count: added.length }));
  layout(false);
}

function open(node) {
  const type = node.data("type");
  location.href = type === "document" ? PK.documentUrl(node.id()) : PK.entityUrl(node.id());
}

function select(node) {
  const card = document.getElementById("selected");
  card.hidden = false;
  PK.clear(
    document.getElementById("selected-body"),
    PK.el("p", {}, PK.badge(node.data("type")), PK.el("span", { class: "label", text: node.data("label") })),
    PK.el(
      "p",
      { class: "controls" },
      PK.el("button", { type: "button", class: "small", i18n: "graph.expand", on: { click: () => expand(node) } }),
      PK.el("a", { class: "button small", href: PK.entityUrl(node.id()), i18n: "graph.open" }),
      node.data("type") === "document" ? PK.el("a", { class: "button small", href: PK.documentUrl(node.id()), i18n: "doc.open" }) : null,
    ),
  );
}

function restyleGraph() {
  legend();
  for (const label of document.querySelectorAll("#relations label")) {
    label.querySelector(".relation-name").textContent = PK.relationName(label.dataset.relation);
  }
  if (!state.cy) return;
  state.cy.edges().forEach((edge) => edge.data("display", PK.relationName(edge.data("relation"))));
  setStatus();
}
