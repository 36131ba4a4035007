// The document view: the text with every heading, responsibility note, unit, platform, programme
// and target marked (<mark>) and linked to its entity, from the offsets the store keeps
// (/api/entities/{id}/highlights), with the outline beside it. Without ?id=, the list of documents.
"use strict";

const documentId = PK.param("id");
const focusId = PK.param("entity");
const state = { doc: null, highlights: [], kinds: [] };

PK.start(async () => {
  if (!documentId) {
    await listDocuments();
    return;
  }
  try {
    const path = PK.idPath(documentId);
    const [doc, highlights, vocabulary] = await Promise.all([
      PK.api(`/api/documents/${path}`),
      PK.api(`/api/entities/${path}/highlights`),
      PK.vocabulary(),
    ]);
    state.doc = doc;
    state.highlights = highlights;
    state.kinds = vocabulary.highlights;
  } catch (error) {
    message(error.status === 404 ? PK.t("document.notFound", { id: documentId }) : error.message, true);
    return;
  }
  document.getElementById("message").hidden = true;
  document.getElementById("title").hidden = false;
  document.getElementById("body").hidden = false;
  head();
  text();
  kinds();
  outline();
  window.addEventListener("pk:language", () => {
    head();
    kinds();
    retitle();
  });
});

function message(text, failed) {
  const node = document.getElementById("message");
  node.removeAttribute("data-i18n");
  node.textContent = text;
  node.className = failed ? "error" : "muted";
}

async function listDocuments() {
  document.getElementById("message").hidden = true;
  const panel = document.getElementById("list-panel");
  panel.hidden = false;
  const list = document.getElementById("documents");
  try {
    const found = await PK.api("/api/documents");
    PK.clear(list, found.map(PK.documentItem));
  } catch (error) {
    PK.clear(list, PK.problemLine(error));
  }
}

function head() {
  const doc = state.doc;
  const title = doc.title || doc.file;
  document.title = `${title} · policykg`;
  document.getElementById("title").textContent = title;
  const colon = PK.t("punct.colon");
  const meta = [
    doc.number && `${PK.t("doc.number")}${colon}${doc.number}`,
    doc.issued && `${PK.t("doc.issued")}${colon}${doc.issued}`,
    `${PK.t("doc.file")}${colon}${doc.file}`,
  ];
  document.getElementById("meta").textContent = meta.filter(Boolean).join(" · ");
  PK.clear(
    document.getElementById("links"),
    PK.el("a", { class: "button", href: PK.entityUrl(doc.id), i18n: "document.entityPage" }),
    PK.exportMenu([
      { key: "export.view", params: { view: "neighbourhood", entity: doc.id, depth: 1 } },
      { key: "export.full", params: { view: "full" } },
    ]),
  );
}

// The highlights as a tree: a span inside another (a unit in its note) is its child; a span that
// would cross its parent's end is cut there, so the marks nest.
function tree(highlights, length) {
  const root = { start: 0, end: length, children: [] };
  const stack = [root];
  const ordered = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const highlight of ordered) {
    const start = Math.max(0, highlight.start);
    while (stack.length > 1 && start >= stack[stack.length - 1].end) stack.pop();
    const parent = stack[stack.length - 1];
    const end = Math.min(highlight.end, parent.end);
    if (end <= start) continue;
    const node = { ...highlight, start, end, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

function pieces(node, source) {
  const out = [];
  let at = node.start;
  for (const child of node.children) {
    if (child.start > at) out.push(source.slice(at, child.start));
    out.push(mark(child, source));
    at = child.end;
  }
  if (at < node.end) out.push(source.slice(at, node.end));
  return out;
}

function mark(highlight, source) {
  const entity = highlight.entity;
  const href = entity.type === "document" ? PK.documentUrl(entity.id) : PK.entityUrl(entity.id);
  const node = PK.el("mark", {
    class: `hl hl-${highlight.kind}${focusId && entity.id === focusId ? " focus" : ""}`,
    title: `${PK.t(`document.kind.${highlight.kind}`)} · ${entity.label}`,
    data: { kind: highlight.kind, entity: entity.id, type: entity.type, start: highlight.start, end: highlight.end },
  });
  if (highlight.kind === "initiative") node.id = `at-${highlight.start}`;
  if (highlight.children.length) {
    node.dataset.href = href;
    node.tabIndex = 0;
    node.append(...pieces(highlight, source));
  } else {
    node.append(PK.el("a", { href, text: source.slice(highlight.start, highlight.end) }));
  }
  return node;
}

function text() {
  const container = document.getElementById("text");
  const source = state.doc.text;
  if (source === null || source === undefined) {
    PK.clear(container, PK.el("p", { class: "muted", i18n: "document.noText" }));
    return;
  }
  PK.clear(container, pieces(tree(state.highlights, source.length), source));
  // A mark that holds others (a note) leads to its own entity when clicked outside them.
  container.addEventListener("click", (event) => {
    if (event.target.closest("a")) return;
    const holder = event.target.closest("mark[data-href]");
    if (holder) location.href = holder.dataset.href;
  });
  container.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.matches("mark[data-href]")) location.href = event.target.dataset.href;
  });
  if (focusId) {
    const first = container.querySelector("mark.focus");
    const found = state.highlights.find((h) => h.entity.id === focusId);
    if (first) first.scrollIntoView({ block: "center" });
    if (found) retitle(found.entity.label);
  }
}

function retitle(label) {
  const focus = document.getElementById("focus");
  const shown = label || focus.dataset.label;
  if (!shown) return;
  focus.dataset.label = shown;
  focus.hidden = false;
  focus.textContent = PK.t("document.focus", { label: shown });
}

// One switch per kind of highlight, with how many there are.
function kinds() {
  const panel = document.getElementById("kinds");
  const container = document.getElementById("text");
  const counts = {};
  for (const h of state.highlights) counts[h.kind] = (counts[h.kind] || 0) + 1;
  PK.clear(
    panel,
    PK.el("h3", { i18n: "document.legend" }),
    state.kinds.map((kind) =>
      PK.el(
        "label",
        { data: { kind } },
        PK.el("input", {
          type: "checkbox",
          checked: !container.classList.contains(`hide-${kind}`),
          on: { change: (event) => container.classList.toggle(`hide-${kind}`, !event.target.checked) },
        }),
        PK.el("span", { class: `swatch hl-${kind}` }),
        PK.t(`document.kind.${kind}`),
        PK.el("span", { class: "muted" }, ` (${counts[kind] || 0})`),
      ),
    ),
  );
}

function outline() {
  const nav = document.getElementById("outline");
  const entries = state.doc.outline;
  const parents = new Map(entries.map((e) => [e.id, e.parent]));
  const depth = (entry) => {
    let level = 0;
    for (let at = entry.parent; at && level < 3; at = parents.get(at)) level += 1;
    return level;
  };
  PK.clear(
    nav,
    entries.map((entry) =>
      PK.el("a", {
        href: `#at-${entry.start}`,
        class: `depth-${depth(entry)}`,
        text: PK.numbered(entry.marker, entry.title),
        data: { entity: entry.id },
      }),
    ),
  );
}
