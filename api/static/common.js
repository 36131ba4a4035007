// What every page of the workbench shares: the two languages, the header with its search, the
// DOM builder, the API client, links between pages, the graph's look and the download menus.
//
// Everything that comes from the store or from a user (labels, texts, ids, errors) is written
// with textContent, text nodes and properties: nothing here parses data as HTML. The pages run
// under a Content-Security-Policy that allows only the service's own script files.
"use strict";

(function () {
  const PK = {};
  window.PK = PK;

  // --- languages ----------------------------------------------------------------------------
  const LANGUAGES = ["zh", "en"];
  const KEPT = "policykg.lang";
  let strings = {};

  function chosenLanguage() {
    const asked = new URLSearchParams(location.search).get("lang");
    if (LANGUAGES.includes(asked)) return asked;
    try {
      const kept = localStorage.getItem(KEPT);
      if (LANGUAGES.includes(kept)) return kept;
    } catch (error) {
      // storage may be off; Chinese, then
    }
    return "zh";
  }

  PK.lang = chosenLanguage();

  async function loadStrings(lang) {
    const response = await fetch(`/static/strings.${lang}.json`, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`strings.${lang}.json: ${response.status}`);
    return response.json();
  }

  // The string *key* in the current language, with {name} replaced by vars.name (as text).
  PK.t = function (key, vars) {
    const found = strings[key];
    if (found === undefined) return key;
    if (!vars) return found;
    return found.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
  };

  PK.has = (key) => key in strings;

  // Elements that name their text by key: data-i18n (text), data-i18n-placeholder, -title, -aria-label.
  PK.applyStrings = function (root) {
    const scope = root || document;
    for (const node of scope.querySelectorAll("[data-i18n]")) node.textContent = PK.t(node.dataset.i18n);
    for (const node of scope.querySelectorAll("[data-i18n-placeholder]")) {
      node.placeholder = PK.t(node.dataset.i18nPlaceholder);
    }
    for (const node of scope.querySelectorAll("[data-i18n-title]")) node.title = PK.t(node.dataset.i18nTitle);
    for (const node of scope.querySelectorAll("[data-i18n-aria-label]")) {
      node.setAttribute("aria-label", PK.t(node.dataset.i18nAriaLabel));
    }
    document.documentElement.lang = PK.lang === "zh" ? "zh-CN" : "en";
    const page = document.body.dataset.title;
    document.title = page ? `${PK.t(page)} · policykg` : "policykg";
  };

  // Switch language: the page's static text at once, its own parts on the "pk:language" event.
  PK.setLanguage = async function (lang) {
    if (!LANGUAGES.includes(lang)) return;
    strings = await loadStrings(lang);
    PK.lang = lang;
    try {
      localStorage.setItem(KEPT, lang);
    } catch (error) {
      // not kept, then
    }
    const url = new URL(location.href);
    if (url.searchParams.has("lang")) {
      url.searchParams.set("lang", lang);
      history.replaceState(history.state, "", url);
    }
    PK.applyStrings();
    for (const badge of document.querySelectorAll(".badge[data-type]")) badge.textContent = PK.typeName(badge.dataset.type);
    window.dispatchEvent(new CustomEvent("pk:language", { detail: lang }));
  };

  // --- the DOM ------------------------------------------------------------------------------
  // PK.el("a", {href, class, text, title, data: {…}, attrs: {…}, on: {click}}, child, …): children
  // are nodes or strings (text nodes); never HTML.
  PK.el = function (tag, props, ...children) {
    const node = document.createElement(tag);
    const given = props || {};
    for (const [name, value] of Object.entries(given)) {
      if (value === undefined || value === null) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else if (name === "i18n") {
        node.dataset.i18n = value;
        node.textContent = PK.t(value);
      } else if (name === "data") Object.assign(node.dataset, value);
      else if (name === "attrs") for (const [a, v] of Object.entries(value)) node.setAttribute(a, v);
      else if (name === "on") for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
      else node[name] = value;
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  };

  PK.clear = (node, ...children) => node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));

  // --- links between pages ------------------------------------------------------------------
  PK.entityUrl = (id) => `/static/entity.html?id=${encodeURIComponent(id)}`;
  PK.documentUrl = function (id, focus) {
    const url = `/static/document.html?id=${encodeURIComponent(id)}`;
    return focus ? `${url}&entity=${encodeURIComponent(focus)}` : url;
  };
  PK.networkUrl = () => "/static/network.html";
  // One document of /api/documents as a list item: its title linked to its view, then its number,
  // date and file (the home page and the document view both list them).
  PK.documentItem = (doc) =>
    PK.el(
      "li",
      { data: { document: doc.id } },
      PK.el("a", { href: PK.documentUrl(doc.id), text: doc.title || doc.file }),
      PK.el("div", { class: "muted" }, [doc.number, doc.issued, doc.file].filter(Boolean).join(" · ")),
    );
  // An entity's id is its IRI below the base (agency/350000/drc, document/%E5%8E%A6…): each segment
  // goes into the path encoded, a "%" in it included, so the server finds the IRI again.
  PK.idPath = (id) => String(id).split("/").map(encodeURIComponent).join("/");
  PK.param = (name) => new URLSearchParams(location.search).get(name);

  // --- the API ------------------------------------------------------------------------------
  class Problem extends Error {
    constructor(status, title, detail) {
      super(detail ? `${title}: ${detail}` : title);
      this.status = status;
      this.title = title;
      this.detail = detail;
    }
  }
  PK.Problem = Problem;

  // The problem details of a failed answer, or what else came back, as text.
  PK.problemOf = async function (response) {
    const text = await response.text();
    try {
      const body = JSON.parse(text);
      const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail ?? "");
      return new Problem(response.status, body.title || response.statusText, detail);
    } catch (error) {
      return new Problem(response.status, response.statusText, text);
    }
  };

  PK.query = function (params) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params || {})) {
      if (value === undefined || value === null || value === "") continue;
      for (const one of Array.isArray(value) ? value : [value]) search.append(name, String(one));
    }
    const text = search.toString();
    return text ? `?${text}` : "";
  };

  // GET an /api path as JSON; a Problem for an error answer or no answer.
  PK.api = async function (path, params, options) {
    let response;
    try {
      response = await fetch(path + PK.query(params), {
        headers: { Accept: "application/json" },
        signal: options && options.signal,
      });
    } catch (error) {
      if (error.name === "AbortError") throw error;
      throw new Problem(0, PK.t("problem.network", { error: error.message }), "");
    }
    if (!response.ok) throw await PK.problemOf(response);
    return response.json();
  };

  PK.vocabulary = (() => {
    let asked = null;
    return () => (asked = asked || PK.api("/api/vocabulary"));
  })();

  PK.problemLine = (error) => PK.el("p", { class: "error", text: error instanceof Problem ? error.message : String(error) });

  // --- entities -----------------------------------------------------------------------------
  PK.TYPES = ["agency", "platform", "programme", "initiative", "task", "document", "place", "target"];
  // One colour per type, here for the graph and in style.css (.type-…) for the badges.
  PK.COLOURS = {
    agency: "#2f6db5",
    platform: "#e07b2e",
    programme: "#8a55b8",
    initiative: "#3f9a52",
    task: "#8d99a6",
    document: "#b8961e",
    place: "#1f9a8f",
    target: "#d0466c",
  };
  PK.typeName = (type) => PK.t(`type.${type}`);
  PK.badge = (type) => PK.el("span", { class: `badge type-${type}`, data: { type }, text: PK.typeName(type) });
  PK.entityLink = (id, label) => PK.el("a", { href: PK.entityUrl(id), text: label || id, data: { entity: id } });
  // An initiative's number and title as a heading writes them: （一）构建体系, 1. 打造平台.
  PK.numbered = (marker, title) => {
    if (!marker || !title) return marker || title || "";
    return /[、）)]$/.test(marker) ? marker + title : `${marker} ${title}`;
  };
  PK.relationName = (relation) => (PK.has(`relation.${relation}`) ? PK.t(`relation.${relation}`) : relation);

  // --- suggestions as you type ------------------------------------------------------------------
  // A combobox over /api/entities: names, abbreviations and aliases; arrows move, Enter opens.
  PK.suggest = function (input, options) {
    const list = PK.el("ul", { class: "suggestions", role: "listbox", id: `${input.id}-suggestions`, hidden: true });
    input.after(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.autocomplete = "off";
    let hits = [];
    let active = -1;
    let timer = null;
    let running = null;
    const pick =
      (options && options.onPick) ||
      ((hit) => {
        location.href = hit.type === "document" ? PK.documentUrl(hit.id) : PK.entityUrl(hit.id);
      });

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function mark(index) {
      active = index;
      list.querySelectorAll("[role=option]").forEach((item, i) => {
        item.setAttribute("aria-selected", String(i === index));
        if (i === index) input.setAttribute("aria-activedescendant", item.id);
      });
    }

    function show(found) {
      hits = found;
      active = -1;
      if (!found.length) {
        PK.clear(list, PK.el("li", { class: "none", text: PK.t("search.none") }));
      } else {
        PK.clear(
          list,
          found.map((hit, index) =>
            PK.el(
              "li",
              {
                role: "option",
                id: `${list.id}-${index}`,
                data: { entity: hit.id, type: hit.type },
                attrs: { "aria-selected": "false" },
                on: {
                  mousedown: (event) => {
                    event.preventDefault();
                    pick(hit);
                  },
                  mousemove: () => mark(index),
                },
              },
              PK.badge(hit.type),
              PK.el("span", { class: "label", text: hit.label || hit.id }),
              hit.matched && hit.matched !== hit.label
                ? PK.el("span", { class: "matched", text: PK.t("search.matched", { name: hit.matched }) })
                : null,
            ),
          ),
        );
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    async function ask() {
      const q = input.value.trim();
      if (running) running.abort();
      if (!q) {
        close();
        return;
      }
      running = new AbortController();
      try {
        show(await PK.api("/api/entities", { q: q.slice(0, 100), limit: 12 }, { signal: running.signal }));
      } catch (error) {
        if (error.name === "AbortError") return;
        PK.clear(list, PK.el("li", { class: "none error", text: PK.t("search.failed", { error: error.message }) }));
        list.hidden = false;
      }
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden) return;
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        mark((active + step + hits.length) % Math.max(hits.length, 1));
      } else if (event.key === "Enter") {
        event.preventDefault();
        if (hits.length && !list.hidden) pick(hits[Math.max(active, 0)]);
        else ask();
      } else if (event.key === "Escape") close();
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
    window.addEventListener("pk:language", () => {
      if (!list.hidden) show(hits);
    });
    return { ask, close, list };
  };

  // --- downloads ----------------------------------------------------------------------------
  PK.EXPORT_FORMATS = ["graphml", "gexf", "cytoscape", "nodelink", "csv", "svg", "png", "html"];
  PK.exportUrl = (format, params) => `/api/export${PK.query({ format, ...params })}`;

  // A "Download" menu: for each view ({key, params}), a link per export format.
  PK.exportMenu = function (views) {
    const menu = PK.el("details", { class: "downloads" }, PK.el("summary", { i18n: "export.title" }));
    const rows = views.map((view) =>
      PK.el(
        "div",
        { class: "download-row", data: { view: view.params.view } },
        PK.el("span", { class: "download-view", i18n: view.key }),
        PK.EXPORT_FORMATS.map((format) =>
          PK.el("a", {
            class: "button small",
            href: PK.exportUrl(format, view.params),
            download: "",
            i18n: `export.format.${format}`,
            data: { format },
          }),
        ),
      ),
    );
    menu.append(...rows);
    return menu;
  };

  // Save *text* (or a Blob) as a file named *name*, without leaving the page.
  PK.saveFile = function (name, content, type) {
    const blob = content instanceof Blob ? content : new Blob([content], { type: type || "text/plain" });
    const url = URL.createObjectURL(blob);
    const link = PK.el("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  };

  PK.csv = (rows) =>
    rows.map((row) => row.map((cell) => `"${String(cell ?? "").replace(/"/g, '""')}"`).join(",")).join("\r\n") + "\r\n";

  // --- the graph's look ------------------------------------------------------------------------
  PK.short = (label, most) => {
    const text = String(label || "");
    const limit = most || 14;
    return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
  };

  PK.graphStyle = function () {
    const shapes = {
      agency: "ellipse",
      platform: "round-rectangle",
      programme: "diamond",
      initiative: "round-hexagon",
      task: "round-rectangle",
      document: "round-tag",
      place: "round-triangle",
      target: "star",
    };
    const font = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", sans-serif';
    return [
      {
        selector: "node",
        style: {
          label: "data(short)",
          "font-family": font,
          "font-size": 10,
          color: "#1d2733",
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-max-width": "110px",
          "text-wrap": "ellipsis",
          "min-zoomed-font-size": 6,
          width: 22,
          height: 22,
          "border-width": 1,
          "border-color": "#ffffff",
        },
      },
      ...PK.TYPES.map((type) => ({
        selector: `node[type = "${type}"]`,
        style: { "background-color": PK.COLOURS[type], shape: shapes[type] },
      })),
      { selector: 'node[type = "task"]', style: { width: 16, height: 12 } },
      { selector: 'node[type = "agency"]', style: { width: 26, height: 26 } },
      { selector: "node.start", style: { width: 36, height: 36, "border-width": 4, "border-color": "#16324f", "font-weight": "bold" } },
      { selector: "node.expanded", style: { "border-width": 3, "border-style": "double", "border-color": "#16324f" } },
      { selector: "node:selected", style: { "overlay-color": "#f4b942", "overlay-opacity": 0.35, "overlay-padding": 5 } },
      {
        selector: "edge",
        style: {
          width: 1.2,
          "line-color": "#b3bdc7",
          "target-arrow-color": "#b3bdc7",
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.7,
          "curve-style": "bezier",
          label: "data(display)",
          "font-family": font,
          "font-size": 8,
          color: "#52606d",
          "text-rotation": "autorotate",
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.8,
          "text-background-padding": 1,
          "min-zoomed-font-size": 7,
        },
      },
      {
        selector: 'edge[relation = "leads"]',
        style: { width: 3.2, "line-color": "#c0392b", "target-arrow-color": "#c0392b", color: "#c0392b" },
      },
      { selector: 'edge[relation = "supports"]', style: { "line-style": "dashed" } },
      {
        selector: "edge[weight]",
        style: {
          width: "mapData(weight, 1, 12, 1.5, 12)",
          "target-arrow-shape": "none",
          "line-color": "#6f8fb3",
          label: "data(weight)",
          "font-size": 9,
          "text-rotation": "none",
        },
      },
      { selector: "edge:selected", style: { "line-color": "#f4a300", "target-arrow-color": "#f4a300", "z-index": 10 } },
    ];
  };

  // fcose, registered once; the vendored files define window.cytoscapeFcose.
  PK.cytoscape = function (options) {
    if (!PK.fcose && window.cytoscapeFcose) {
      cytoscape.use(window.cytoscapeFcose);
      PK.fcose = true;
    }
    return cytoscape({ style: PK.graphStyle(), minZoom: 0.1, maxZoom: 4, ...options });
  };

  // Run *options* (PK.layout) on *cy*; the graph fits its box, no closer than 1.5 times; then *done*.
  PK.runLayout = function (cy, options, done) {
    const running = cy.layout(options);
    running.one("layoutstop", () => {
      if (cy.zoom() > 1.5) {
        cy.zoom(1.5);
        cy.center();
      }
      if (done) done();
    });
    running.run();
  };

  PK.layout = (extra) => ({
    name: "fcose",
    quality: "default",
    animate: false,
    randomize: true,
    nodeRepulsion: 9000,
    idealEdgeLength: 70,
    nodeSeparation: 60,
    nodeDimensionsIncludeLabels: true,
    padding: 20,
    ...extra,
  });

  // --- the header -----------------------------------------------------------------------------
  function header() {
    const current = document.body.dataset.page;
    const links = [
      ["home", "/static/index.html", "nav.home"],
      ["network", "/static/network.html", "nav.network"],
      ["documents", "/static/document.html", "nav.documents"],
      ["sparql", "/sparql", "nav.sparql"],
      ["docs", "/docs", "nav.docs"],
    ];
    const nav = PK.el(
      "nav",
      { attrs: { "aria-label": "policykg" } },
      links.map(([page, href, key]) =>
        PK.el("a", { href, i18n: key, class: page === current ? "current" : "", data: { page } }),
      ),
    );
    const brand = PK.el(
      "a",
      { class: "brand", href: "/static/index.html" },
      PK.el("strong", { text: "policykg" }),
      " ",
      PK.el("span", { class: "tagline", i18n: "app.tagline" }),
    );
    const search = PK.el("input", {
      type: "search",
      id: "header-search",
      data: { i18nPlaceholder: "search.placeholder", i18nAriaLabel: "search.label" },
    });
    const box = PK.el("div", { class: "header-search" }, search);
    const language = PK.el("button", {
      type: "button",
      id: "lang",
      class: "lang",
      data: { i18n: "lang.switch", i18nTitle: "lang.switch.title" },
      on: { click: () => PK.setLanguage(PK.lang === "zh" ? "en" : "zh") },
    });
    const top = document.getElementById("top");
    PK.clear(top, brand, nav, current === "home" ? null : box, language);
    if (current !== "home") PK.suggest(search);
  }

  // Run a page: strings loaded, header built, static text written, then the page's own start.
  PK.start = function (main) {
    const go = async () => {
      try {
        strings = await loadStrings(PK.lang);
      } catch (error) {
        PK.lang = "zh";
        strings = await loadStrings("zh");
      }
      header();
      PK.applyStrings();
      if (main) await main();
      document.body.dataset.ready = "true";
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go);
    else go();
  };
})();
