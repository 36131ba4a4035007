// The SPARQL editor: CodeMirror 5 with the SPARQL mode, completion of prefixes, keywords and the
// ontology's terms, result formats that fit the query form (a table, CSV, TSV, XML or JSON for
// SELECT and ASK; Turtle, N-Triples, JSON-LD or RDF/XML for CONSTRUCT and DESCRIBE), IRIs of
// entities linked to their pages, and errors that say where. Posts the query to /sparql.
// Everything the server sends back is written as text. The editor is window.policykgEditor.
"use strict";

const FORMATS = {
  table: { media: "application/sparql-results+json", extension: "csv", download: "text/csv" },
  json: { media: "application/sparql-results+json", extension: "json" },
  csv: { media: "text/csv", extension: "csv" },
  tsv: { media: "text/tab-separated-values", extension: "tsv" },
  xml: { media: "application/sparql-results+xml", extension: "srx" },
  turtle: { media: "text/turtle", extension: "ttl" },
  ntriples: { media: "application/n-triples", extension: "nt" },
  jsonld: { media: "application/ld+json", extension: "jsonld" },
  rdfxml: { media: "application/rdf+xml", extension: "rdf" },
};
const FORMS = {
  SELECT: ["table", "json", "csv", "tsv", "xml"],
  ASK: ["table", "json", "xml"],
  CONSTRUCT: ["turtle", "ntriples", "jsonld", "rdfxml"],
  DESCRIBE: ["turtle", "ntriples", "jsonld", "rdfxml"],
};
const KEYWORDS = [
  "SELECT", "DISTINCT", "WHERE", "FILTER", "OPTIONAL", "UNION", "MINUS", "GRAPH", "VALUES", "BIND", "AS",
  "GROUP BY", "ORDER BY", "HAVING", "LIMIT", "OFFSET", "ASC", "DESC", "COUNT", "SAMPLE", "GROUP_CONCAT",
  "CONSTRUCT", "DESCRIBE", "ASK", "PREFIX", "FROM", "FROM NAMED", "NOT EXISTS", "EXISTS", "CONTAINS",
  "STR", "LANG", "REGEX", "STRSTARTS", "LCASE", "ISIRI", "SERVICE",
];
const EXAMPLES = {
  "sparql.example.shared": `PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT ?a ?aLabel ?b ?bLabel (COUNT(DISTINCT ?i) AS ?shared) WHERE {
  ?a pkg:responsibleFor ?i . ?b pkg:responsibleFor ?i . ?i a pkg:Initiative .
  FILTER (STR(?a) < STR(?b))
  ?a skos:prefLabel ?aLabel . ?b skos:prefLabel ?bLabel .
} GROUP BY ?a ?aLabel ?b ?bLabel ORDER BY DESC(?shared) LIMIT 20`,
  "sparql.example.platforms": `PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT ?platform ?name (COUNT(DISTINCT ?agency) AS ?agencies) (GROUP_CONCAT(DISTINCT ?who; separator="、") AS ?names) WHERE {
  ?task pkg:builds ?platform . ?platform skos:prefLabel ?name .
  ?agency pkg:responsibleFor ?task ; skos:prefLabel ?who .
} GROUP BY ?platform ?name ORDER BY DESC(?agencies) LIMIT 50`,
  "sparql.example.documents": `PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>

SELECT ?document ?title ?number ?publisher ?name WHERE {
  ?document a pkg:PolicyDocument .
  OPTIONAL { ?document dct:title ?title }
  OPTIONAL { ?document dct:identifier ?number }
  OPTIONAL { ?document dct:publisher ?publisher . ?publisher skos:prefLabel ?name }
} ORDER BY ?document`,
  "sparql.example.ask": `PREFIX pkg: <https://w3id.org/policykg/ontology#>

ASK { ?agency pkg:leads ?initiative . ?initiative a pkg:Initiative }`,
  "sparql.example.construct": `PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

CONSTRUCT { ?office ?p ?o } WHERE {
  ?office skos:altLabel "数字办"@zh ; ?p ?o .
  FILTER (?p != pkg:responsibleFor)
}`,
};

const state = { vocabulary: null, editor: null, form: "SELECT", last: null };

PK.start(async () => {
  state.vocabulary = await PK.vocabulary();
  const textarea = document.getElementById("query");
  const editor = CodeMirror.fromTextArea(textarea, {
    mode: "application/sparql-query",
    lineNumbers: true,
    lineWrapping: true,
    indentUnit: 2,
    extraKeys: {
      "Ctrl-Enter": () => run(),
      "Cmd-Enter": () => run(),
      "Ctrl-Space": (cm) => cm.showHint({ hint, completeSingle: false }),
    },
    hintOptions: { hint, completeSingle: false },
  });
  state.editor = editor;
  window.policykgEditor = editor;
  editor.on("inputRead", (cm, change) => {
    if (/^[\w:]$/.test(change.text.join("")) && !cm.state.completionActive) cm.showHint({ hint, completeSingle: false });
  });
  editor.on("change", () => {
    for (let line = 0; line < editor.lineCount(); line += 1) editor.removeLineClass(line, "background", "error-line");
    formChanged();
  });
  const examples = document.getElementById("examples");
  for (const key of Object.keys(EXAMPLES)) examples.append(PK.el("option", { value: key, i18n: key }));
  examples.addEventListener("change", () => {
    if (examples.value) editor.setValue(EXAMPLES[examples.value]);
  });
  document.getElementById("prefixes").addEventListener("click", () => declare(Object.keys(state.vocabulary.prefixes)));
  document.getElementById("form").addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  document.getElementById("download").addEventListener("click", download);
  formChanged();
  window.addEventListener("pk:language", () => {
    formChanged(true);
    if (state.last) state.last();
  });
});

// --- the query's form and the formats that fit it ------------------------------------------------
// IRIs, strings and comments removed, the first of SELECT, ASK, CONSTRUCT, DESCRIBE.
function queryForm(text) {
  const bare = text
    .replace(/<[^<>\s]*>/g, " ")
    .replace(/"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, " ")
    .replace(/#[^\n]*/g, " ");
  const found = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(bare);
  return found ? found[1].toUpperCase() : "SELECT";
}

function formChanged(force) {
  const form = queryForm(state.editor.getValue());
  if (form === state.form && !force && document.getElementById("accept").options.length) return;
  state.form = form;
  const select = document.getElementById("accept");
  const before = select.value;
  PK.clear(select, FORMS[form].map((name) => PK.el("option", { value: name, i18n: `sparql.format.${name}` })));
  if (FORMS[form].includes(before)) select.value = before;
  select.dataset.form = form;
  document.getElementById("form-name").textContent = PK.t("sparql.form", { form });
}

// --- completion ------------------------------------------------------------------------------
function declared(text) {
  const names = new Set();
  for (const match of text.matchAll(/PREFIX\s+([\w-]*):/gi)) names.add(match[1]);
  return names;
}

function declaration(name) {
  return `PREFIX ${name}: <${state.vocabulary.prefixes[name]}>`;
}

// Add the declarations of the known *names* that are missing, at the top.
function declare(names) {
  const editor = state.editor;
  const have = declared(editor.getValue());
  const missing = names.filter((name) => name in state.vocabulary.prefixes && !have.has(name));
  if (missing.length) editor.replaceRange(missing.map(declaration).join("\n") + "\n", { line: 0, ch: 0 });
}

function prefixed(iri) {
  for (const [name, namespace] of Object.entries(state.vocabulary.prefixes)) {
    if (iri.startsWith(namespace) && /^[\w-]+$/.test(iri.slice(namespace.length))) return `${name}:${iri.slice(namespace.length)}`;
  }
  return null;
}

function hint(cm) {
  const cursor = cm.getCursor();
  const line = cm.getLine(cursor.line);
  const before = line.slice(0, cursor.ch);
  const word = /[\w:-]*$/.exec(before)[0];
  const from = CodeMirror.Pos(cursor.line, cursor.ch - word.length);
  const to = cursor;
  const have = declared(cm.getValue());
  const prefixes = state.vocabulary.prefixes;
  let list = [];
  if (/^\s*PREFIX\s+[\w-]*$/i.test(before)) {
    list = Object.keys(prefixes)
      .filter((name) => name.startsWith(word) && !have.has(name))
      .map((name) => ({ text: `${name}: <${prefixes[name]}>`, displayText: `${name}: <${prefixes[name]}>` }));
  } else if (word.includes(":")) {
    const [name, local] = word.split(":", 2);
    list = state.vocabulary.terms
      .map(prefixed)
      .filter((term) => term && term.startsWith(`${name}:`) && term.slice(name.length + 1).toLowerCase().startsWith(local.toLowerCase()))
      .map((term) => ({
        text: term,
        displayText: term,
        hint: (editor, data, completion) => {
          editor.replaceRange(completion.text, data.from, data.to);
          if (!have.has(name)) declare([name]);
        },
      }));
  } else if (word) {
    const upper = word.toUpperCase();
    list = [
      ...KEYWORDS.filter((k) => k.startsWith(upper) && k !== upper).map((k) => ({ text: k, displayText: k })),
      ...Object.keys(prefixes)
        .filter((name) => name.startsWith(word.toLowerCase()))
        .map((name) => ({
          text: `${name}:`,
          displayText: `${name}:  ${prefixes[name]}`,
          hint: (editor, data) => {
            editor.replaceRange(`${name}:`, data.from, data.to);
            if (!have.has(name)) declare([name]);
          },
        })),
    ];
  }
  return list.length ? { list, from, to } : null;
}

// --- running --------------------------------------------------------------------------------
function setStatus(text, failed) {
  const status = document.getElementById("status");
  status.textContent = text;
  status.className = failed ? "failed" : "";
}

async function post(media) {
  return fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: media },
    body: state.editor.getValue(),
  });
}

async function run() {
  formChanged();
  const format = document.getElementById("accept").value;
  const results = document.getElementById("results");
  setStatus(PK.t("sparql.running"));
  document.body.dataset.query = "running";
  const started = performance.now();
  let response;
  try {
    response = await post(FORMATS[format].media);
  } catch (error) {
    state.last = null;
    setStatus(PK.t("sparql.failed", { error: error.message }), true);
    results.replaceChildren(PK.el("pre", { class: "error", text: String(error) }));
    document.body.dataset.query = "failed";
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!response.ok) {
    const problem = await PK.problemOf(response);
    state.last = () => showProblem(problem);
    state.last();
    document.body.dataset.query = "failed";
    return;
  }
  const type = response.headers.get("content-type") || "";
  if (format === "table" && type.includes("sparql-results+json")) {
    const data = await response.json();
    state.last = () => showTable(data, seconds);
  } else {
    const text = await response.text();
    state.last = () => {
      setStatus(PK.t("sparql.seconds", { seconds }));
      results.replaceChildren(PK.el("pre", { class: "raw", text }));
    };
  }
  state.last();
  document.body.dataset.query = "done";
}

function showProblem(problem) {
  const results = document.getElementById("results");
  setStatus(`${problem.status} ${problem.title}`, true);
  const parts = [];
  const at = /\bat (\d+):(\d+)/.exec(problem.detail || "");
  if (at) {
    const line = Number(at[1]);
    parts.push(PK.el("p", { class: "error-where", text: PK.t("sparql.errorAt", { line, column: at[2] }) }));
    if (line >= 1 && line <= state.editor.lineCount()) state.editor.addLineClass(line - 1, "background", "error-line");
  }
  const text = state.editor.getValue();
  const have = declared(text);
  const used = new Set();
  const bare = text.replace(/<[^<>\s]*>/g, " ").replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, " ").replace(/#[^\n]*/g, " ");
  for (const match of bare.matchAll(/(?:^|[\s(,;.{}^/|!])([A-Za-z][\w-]*):(?=[\w])/g)) used.add(match[1]);
  for (const name of [...used].filter((n) => !have.has(n))) {
    parts.push(
      PK.el(
        "p",
        { class: "error-prefix" },
        PK.t("sparql.undeclared", { prefix: name }),
        name in state.vocabulary.prefixes
          ? [" ", PK.el("button", { type: "button", class: "small", text: declaration(name), on: { click: () => declare([name]) } })]
          : null,
      ),
    );
  }
  parts.push(PK.el("pre", { class: "error", text: problem.detail || "" }));
  results.replaceChildren(...parts);
}

// --- results --------------------------------------------------------------------------------
function term(value) {
  if (!value) return "";
  const base = state.vocabulary.base;
  if (value.type === "uri") {
    if (value.value.startsWith(base)) {
      const id = value.value.slice(base.length);
      return PK.el("a", { href: id.startsWith("document/") ? PK.documentUrl(id) : PK.entityUrl(id), text: id, title: value.value, data: { entity: id } });
    }
    const short = prefixed(value.value);
    return PK.el("span", { class: "iri-term", text: short || `<${value.value}>`, title: value.value });
  }
  if (value.type === "bnode") return `_:${value.value}`;
  const meta = value["xml:lang"] ? `@${value["xml:lang"]}` : value.datatype ? `^^${prefixed(value.datatype) || value.datatype}` : "";
  return PK.el("span", {}, String(value.value), meta ? PK.el("span", { class: "literal-meta", text: meta }) : null);
}

function showTable(data, seconds) {
  const results = document.getElementById("results");
  if ("boolean" in data) {
    setStatus(PK.t("sparql.seconds", { seconds }));
    results.replaceChildren(PK.el("p", { class: "boolean", text: PK.t(`sparql.boolean.${data.boolean}`) }));
    return;
  }
  const vars = (data.head && data.head.vars) || [];
  const bindings = data.results.bindings;
  setStatus(PK.t("sparql.rows", { count: bindings.length, seconds }));
  const head = PK.el("thead", {}, PK.el("tr", {}, vars.map((v) => PK.el("th", { text: v }))));
  const body = PK.el(
    "tbody",
    {},
    bindings.map((b) => PK.el("tr", {}, vars.map((v) => PK.el("td", {}, term(b[v]))))),
  );
  results.replaceChildren(PK.el("table", { class: "results" }, head, body));
}

// Save the results in the chosen format (a table as CSV).
async function download() {
  const format = document.getElementById("accept").value;
  const wanted = FORMATS[format];
  let response;
  try {
    response = await post(wanted.download || wanted.media);
  } catch (error) {
    setStatus(PK.t("sparql.failed", { error: error.message }), true);
    return;
  }
  if (!response.ok) {
    showProblem(await PK.problemOf(response));
    return;
  }
  PK.saveFile(`results.${wanted.extension}`, await response.blob());
}
