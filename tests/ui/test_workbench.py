"""The analyst's workbench in real Chromium, as a new user would try it: the home page, search with
suggestions, an entity page with its graph drawn and expanded, the filters, a document with its
highlights, the shared-initiatives view, the SPARQL editor, downloads, the two languages and the
API reference offline. Each test fails on any console error and on any request to another host
(``conftest.assert_clean``) and saves screenshots to ``test-artifacts/screenshots``.

The answers the pages show are checked against the API's own answers on the same server.
"""

from __future__ import annotations

import json
import re
import zipfile
from io import BytesIO
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit
from xml.etree import ElementTree

import httpx
import pytest
from playwright.sync_api import expect

from tests.ui.conftest import assert_clean, graph_ready, ready, screenshot

OFFICE = "agency/350000/digital-office"
OFFICE_LABEL = "福建省数字福建建设领导小组办公室"
DOCUMENT = "document/fujian_2021_digital_scrambled.txt"
PAGE_OF = {"office": f"/static/entity.html?id={quote(OFFICE, safe='')}"}


def api(server: str, path: str, **params: Any) -> Any:
    response = httpx.get(server + path, params=params, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def node_count(page) -> int:
    return int(page.evaluate("window.policykgGraph.nodes().length"))


def canvas_painted(page) -> bool:
    """Whether any canvas of the graph has a coloured pixel: the nodes are drawn, not only counted."""
    return bool(
        page.evaluate(
            """() => [...document.querySelectorAll('#graph canvas')].some(canvas => {
                 if (!canvas.width || !canvas.height) return false;
                 const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                 for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) return true;
                 return false;
               })"""
        )
    )


def node_on_screen(page, selector: str) -> dict[str, Any]:
    """A node matching the Cytoscape *selector*, inside the graph's box and clear of every other
    node, with where it is on the page."""
    page.locator("#graph").scroll_into_view_if_needed()
    found = page.evaluate(
        """selector => {
             const cy = window.policykgGraph;
             const box = cy.container().getBoundingClientRect();
             const all = cy.nodes().map(n => ({ id: n.id(), p: n.renderedPosition() }));
             const clear = n => {
               const p = n.renderedPosition();
               if (p.x < 25 || p.y < 25 || p.x > box.width - 25 || p.y > box.height - 25) return false;
               return all.every(o => o.id === n.id() || Math.hypot(o.p.x - p.x, o.p.y - p.y) > 30);
             };
             const node = cy.nodes(selector).filter(clear)[0];
             if (!node) return null;
             const p = node.renderedPosition();
             return { id: node.id(), x: box.left + p.x, y: box.top + p.y };
           }""",
        selector,
    )
    assert found is not None, f"no node {selector} clear of the others on the canvas"
    return found


def open_office(page) -> None:
    page.goto(PAGE_OF["office"])
    ready(page)
    graph_ready(page)


# --- home and search ---------------------------------------------------------------------------


def test_home_lists_documents_agencies_and_downloads_of_the_whole_graph(page, ui_server: str) -> None:
    response = page.goto("/")
    assert response is not None and response.ok and response.url.endswith("/static/index.html")
    ready(page)
    documents = api(ui_server, "/api/documents")
    expect(page.locator("#documents li")).to_have_count(len(documents))
    for doc in documents:
        link = page.locator(f'#documents li[data-document="{doc["id"]}"] a')
        assert link.inner_text() == (doc["title"] or doc["file"])
        assert link.get_attribute("href") == f"/static/document.html?id={quote(doc['id'], safe='')}"
    agencies = api(ui_server, "/api/analytics/agencies", top=10)
    expect(page.locator("#agencies li")).to_have_count(len(agencies))
    assert [a["label"] for a in agencies] == page.locator("#agencies li a").all_inner_texts()
    links = page.locator("#exports a[download]")
    assert links.count() == 3 * 8
    views = {parse_qs(urlsplit(href).query)["view"][0] for href in links.evaluate_all("a => a.map(l => l.href)")}
    assert views == {"full", "agencies", "platforms"}
    screenshot(page, "home")
    assert_clean(page)


@pytest.mark.parametrize(
    ("typed", "expected", "kind"),
    [
        ("数字办", OFFICE, "agency"),  # an abbreviation
        ("省数字福建办", OFFICE, "agency"),  # an alias not in the preferred name
        ("闽政通", None, "platform"),  # a platform by its name
    ],
)
def test_suggestions_as_you_type(page, ui_server: str, typed: str, expected: str | None, kind: str) -> None:
    hits = api(ui_server, "/api/entities", q=typed, limit=12)
    page.goto("/")
    ready(page)
    page.locator("#q").press_sequentially(typed, delay=30)
    options = page.locator("#q-suggestions [role=option]")
    expect(options).to_have_count(len(hits))
    assert options.evaluate_all("o => o.map(x => x.dataset.entity)") == [hit["id"] for hit in hits]
    target = expected or next(hit["id"] for hit in hits if hit["type"] == kind)
    if typed == "数字办":
        screenshot(page, "search-suggestions")
    # the keyboard: down to the wanted one, Enter opens its page
    index = [hit["id"] for hit in hits].index(target)
    for _ in range(index + 1):
        page.keyboard.press("ArrowDown")
    expect(options.nth(index)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/static/entity\.html\?id="))
    ready(page)
    expect(page.locator("#label .badge")).to_have_attribute("data-type", kind)
    assert parse_qs(urlsplit(page.url).query)["id"] == [target]
    graph_ready(page)
    assert_clean(page)


# --- an entity page ----------------------------------------------------------------------------


def test_an_entity_page_shows_its_facts_and_the_documents_that_name_it(page, ui_server: str) -> None:
    entity = api(ui_server, f"/api/entities/{OFFICE}")
    open_office(page)
    expect(page.locator("#label")).to_contain_text(OFFICE_LABEL)
    assert page.inner_text("#iri") == entity["iri"]
    for alias in entity["aliases"]:
        expect(page.locator(".aliases span", has_text=alias).first).to_be_visible()
    names = page.locator("#documents li").evaluate_all("li => li.map(x => x.dataset.document)")
    assert names == [d["id"] for d in entity["documents"]]
    first = page.locator("#documents a").first.get_attribute("href")
    assert (
        first
        == f"/static/document.html?id={quote(entity['documents'][0]['id'], safe='')}&entity={quote(OFFICE, safe='')}"
    )
    initiatives = api(ui_server, f"/api/agencies/{OFFICE}/initiatives")
    expect(page.locator("#initiatives li")).to_have_count(min(len(initiatives), 60))
    assert_clean(page)


def test_the_graph_is_drawn_and_a_click_expands_a_node(page, ui_server: str) -> None:
    found = api(ui_server, f"/api/entities/{OFFICE}/neighbourhood", depth=1, limit=150)
    open_office(page)
    assert page.locator("#graph canvas").count() >= 1
    assert node_count(page) == len(found["nodes"]) > 1
    assert canvas_painted(page)
    # colours by type, edge labels by relation, task and initiative nodes by their text
    colours = page.evaluate(
        "() => Object.fromEntries(window.policykgGraph.nodes().map(n => [n.data('type'), n.style('background-color')]))"
    )
    assert len(set(colours.values())) == len(colours) >= 3, colours
    shown = page.evaluate("window.policykgGraph.edges().map(e => [e.data('relation'), e.style('label')])")
    assert shown and all(label and label != relation for relation, label in shown), shown  # 负责, 辖区 …
    texts = page.evaluate(
        "window.policykgGraph.nodes('[type = \"initiative\"], [type = \"task\"]').map(n => [n.id(), n.data('label')])"
    )
    assert texts and all(label != node and not label.startswith(("initiative/", "task/")) for node, label in texts)
    screenshot(page, "entity-graph")

    before = node_count(page)
    target = node_on_screen(page, '[type = "initiative"]')
    reached = api(ui_server, f"/api/entities/{quote(target['id'])}/neighbourhood", depth=1, limit=80)
    new = {n["id"] for n in reached["nodes"]} - set(page.evaluate("window.policykgGraph.nodes().map(n => n.id())"))
    assert new, "the initiative reaches nothing the graph lacks"
    page.mouse.click(target["x"], target["y"])
    expect(page.locator("body[data-expansions='1']")).to_have_count(1)
    graph_ready(page)
    after = set(page.evaluate("window.policykgGraph.nodes().map(n => n.id())"))
    assert new <= after and len(after) == before + len(new)
    assert page.evaluate("id => window.policykgGraph.getElementById(id).hasClass('expanded')", target["id"])
    expect(page.locator("#selected .label")).to_have_text(
        page.evaluate("id => window.policykgGraph.getElementById(id).data('label')", target["id"])
    )
    assert canvas_painted(page)
    screenshot(page, "entity-expanded")
    assert_clean(page)


def test_lead_edges_are_marked(page, ui_server: str) -> None:
    # an agency that leads: the first of the agencies ranked by how many initiatives they lead
    leader = max(api(ui_server, "/api/analytics/agencies", top=50), key=lambda a: a["lead_load"])
    assert leader["lead_load"] > 0
    page.goto(f"/static/entity.html?id={quote(leader['id'], safe='')}")
    ready(page)
    graph_ready(page)
    widths = page.evaluate(
        """() => window.policykgGraph.edges().map(e => [e.data('relation'), parseFloat(e.style('width')),
                                                         e.style('line-color')])"""
    )
    leads = [w for w in widths if w[0] == "leads"]
    others = [w for w in widths if w[0] not in ("leads",)]
    assert leads and others
    assert min(w[1] for w in leads) > max(w[1] for w in others)
    assert {w[2] for w in leads}.isdisjoint({w[2] for w in others})
    # a lead role is drawn once: not also as "responsible for" between the same two nodes
    pairs = page.evaluate(
        "window.policykgGraph.edges().map(e => [e.data('relation'), e.source().id(), e.target().id()])"
    )
    lead_pairs = {(s, t) for r, s, t in pairs if r == "leads"}
    assert not [p for p in pairs if p[0] == "responsibleFor" and (p[1], p[2]) in lead_pairs]
    screenshot(page, "entity-lead-edges")
    assert_clean(page)


def test_the_graph_filters_by_type_relation_and_depth(page, ui_server: str) -> None:
    open_office(page)
    whole = node_count(page)
    # only initiatives
    for box in page.locator("#types input").all():
        if box.get_attribute("value") != "initiative":
            box.uncheck()
            graph_ready(page)
    expected = api(ui_server, f"/api/entities/{OFFICE}/neighbourhood", depth=1, type="initiative", limit=150)
    assert node_count(page) == len(expected["nodes"]) < whole
    types = set(page.evaluate("window.policykgGraph.nodes().map(n => n.data('type'))"))
    assert types == {"agency", "initiative"}  # the office itself, and its initiatives
    # back to every type, then one relation
    page.click("#reset")
    graph_ready(page)
    assert node_count(page) == whole
    page.locator("#relations-box summary").click()
    for box in page.locator("#relations input").all():
        if box.get_attribute("value") != "jurisdiction":
            box.uncheck()
    graph_ready(page)
    expect(page.locator("#graph-status")).to_contain_text("2")
    assert sorted(page.evaluate("window.policykgGraph.nodes().map(n => n.id())")) == sorted([OFFICE, "place/350000"])
    # depth: two steps reach further than one
    page.click("#reset")
    graph_ready(page)
    page.select_option("#depth", "2")
    deeper = api(ui_server, f"/api/entities/{OFFICE}/neighbourhood", depth=2, limit=150)
    expect(page.locator("#downloads a[data-format=graphml]").first).to_have_attribute("href", re.compile("depth=2"))
    graph_ready(page)
    assert node_count(page) == len(deeper["nodes"]) > whole
    screenshot(page, "entity-depth-2")
    assert_clean(page)


# --- a document --------------------------------------------------------------------------------


def test_the_document_view_highlights_what_it_names(page, ui_server: str) -> None:
    highlights = api(ui_server, f"/api/entities/{DOCUMENT}/highlights")
    kinds = {h["kind"] for h in highlights}
    assert kinds == {"initiative", "note", "unit", "platform", "programme", "target"}
    page.goto(f"/static/document.html?id={quote(DOCUMENT, safe='')}&entity={quote(OFFICE, safe='')}")
    ready(page)
    document = api(ui_server, f"/api/documents/{DOCUMENT}")
    expect(page.locator("#title")).to_have_text(document["title"])
    marks = page.locator("#text mark[data-entity]")
    expect(marks).to_have_count(len(highlights))
    # each mark is the span of the text its offsets give, and names its entity
    spans = marks.evaluate_all(
        """m => m.map(x => [x.dataset.kind, Number(x.dataset.start), Number(x.dataset.end), x.dataset.entity,
                            x.innerText])"""
    )
    text = document["text"]
    for kind, start, end, entity, shown in spans:
        assert shown == text[start:end], (kind, start, end)
        assert entity
    for kind in kinds:
        assert page.locator(f"#text mark.hl-{kind}").count() == sum(h["kind"] == kind for h in highlights)
    # the leaves link to their entities' pages; the office's are marked
    units = page.locator("#text mark.hl-unit a")
    assert units.count() == sum(h["kind"] == "unit" for h in highlights)
    assert all(
        href.startswith("/static/entity.html?id=agency%2F")
        for href in units.evaluate_all("a => a.map(x => x.getAttribute('href'))")
    )
    focused = page.locator("#text mark.focus")
    assert focused.count() == sum(h["entity"]["id"] == OFFICE for h in highlights) > 0
    expect(page.locator("#focus")).to_contain_text(OFFICE_LABEL)
    screenshot(page, "document-highlights")
    # a switch hides one kind
    page.locator('#kinds label[data-kind="unit"] input').uncheck()
    expect(page.locator("#text")).to_have_class(re.compile(r"\bhide-unit\b"))
    # the outline leads to the headings
    assert page.locator("#outline a").count() == len(document["outline"])
    # a unit leads to its agency
    first = page.locator("#text mark.hl-unit a").first
    target = parse_qs(urlsplit(first.get_attribute("href")).query)["id"][0]
    first.click()
    page.wait_for_url(re.compile(r"/static/entity\.html"))
    ready(page)
    assert parse_qs(urlsplit(page.url).query)["id"] == [target]
    graph_ready(page)
    assert_clean(page)


def test_the_documents_page_lists_them_all(page, ui_server: str) -> None:
    page.goto("/static/document.html")
    ready(page)
    expect(page.locator("#documents li")).to_have_count(len(api(ui_server, "/api/documents")))
    assert_clean(page)


# --- the shared-initiatives view -------------------------------------------------------------------


def click_heaviest_edge(page) -> str:
    """Click the middle of the heaviest edge of the shared-initiatives graph; its id."""
    page.locator("#graph").scroll_into_view_if_needed()
    where = page.evaluate(
        """() => { const cy = window.policykgGraph; const box = cy.container().getBoundingClientRect();
                   const edge = cy.edges().max(e => e.data('weight')).ele; const p = edge.renderedMidpoint();
                   return { id: edge.id(), x: box.left + p.x, y: box.top + p.y }; }"""
    )
    page.mouse.click(where["x"], where["y"])
    return str(where["id"])


def test_the_shared_initiatives_view(page, ui_server: str) -> None:
    page.goto("/static/network.html")
    ready(page)
    graph_ready(page)
    pairs = api(ui_server, "/api/analytics/shared-initiatives", min_count=1, limit=50)
    expect(page.locator("#pairs tbody tr")).to_have_count(len(pairs))
    assert node_count(page) == len({p[x]["id"] for p in pairs for x in ("a", "b")})
    assert canvas_painted(page)
    screenshot(page, "network")

    # the slider: at least 5 shared
    with page.expect_response(lambda r: "min_count=5" in r.url):
        page.locator("#min").fill("5")
    graph_ready(page)
    strong = api(ui_server, "/api/analytics/shared-initiatives", min_count=5, limit=50)
    expect(page.locator("#pairs tbody tr")).to_have_count(len(strong))
    weights = page.evaluate("window.policykgGraph.edges().map(e => e.data('weight'))")
    assert len(weights) == len(strong) and min(weights) >= 5

    # click the heaviest edge: the initiatives the two agencies share, all of them listed
    where = click_heaviest_edge(page)
    pair = next(p for p in strong if f"{p['a']['id']}|{p['b']['id']}" == where)
    expect(page.locator("#shared h3")).to_contain_text(pair["a"]["label"])
    assert pair["shared"] == len(pair["initiatives"])
    expect(page.locator("#shared-initiatives li")).to_have_count(pair["shared"])
    expect(page.locator("#shared-more")).to_have_count(0)
    assert page.locator("#pairs tr.selected").get_attribute("data-pair") == where
    screenshot(page, "network-edge")

    # a pair that shares more than the API lists (the view's requests asking for two per pair)
    def two_per_pair(route) -> None:
        route.continue_(url=route.request.url + "&per_pair=2")

    page.route("**/api/analytics/shared-initiatives?*", two_per_pair)
    with page.expect_response(lambda r: "per_pair=2" in r.url):
        page.locator("#min").fill("4")
    graph_ready(page)
    assert click_heaviest_edge(page) == where
    expect(page.locator("#shared-initiatives li")).to_have_count(2)
    shown_of = re.compile(rf"\b{pair['shared']}\b.*\b2\b")  # 12 项中的前 2 项
    expect(page.locator("#shared-more")).to_contain_text(shown_of)
    page.unroute("**/api/analytics/shared-initiatives?*", two_per_pair)

    # filters by document, jurisdiction and year: the view asks the API with them
    page.locator("#min").fill("1")
    for select, value, parameter in (
        ("#year", "2021", "year=2021"),
        ("#jurisdiction", "350000", "jurisdiction=350000"),
        ("#document", DOCUMENT, "document=" + quote(DOCUMENT, safe="")),
    ):
        with page.expect_response(lambda r, p=parameter: p in r.url and "shared-initiatives" in r.url) as answer:
            page.select_option(select, value)
        graph_ready(page)
        params = {k: v[0] for k, v in parse_qs(urlsplit(answer.value.url).query).items()}
        expected = api(ui_server, "/api/analytics/shared-initiatives", **params)
        expect(page.locator("#pairs tbody tr")).to_have_count(len(expected))
    assert_clean(page)


# --- the SPARQL editor ---------------------------------------------------------------------------


def formats(page) -> list[str]:
    return page.locator("#accept option").evaluate_all("o => o.map(x => x.value)")


def set_query(page, query: str) -> None:
    page.evaluate("query => window.policykgEditor.setValue(query)", query)


def test_the_sparql_editor(page, ui_server: str) -> None:
    page.goto("/sparql")
    ready(page)
    # syntax highlighting
    assert page.locator(".CodeMirror .cm-keyword").count() > 0
    assert page.locator(".CodeMirror .cm-variable-2, .CodeMirror .cm-atom").count() > 0
    # formats that fit the form
    assert formats(page) == ["table", "json", "csv", "tsv", "xml"]
    construct = "CONSTRUCT { ?a pkg:leads ?i } WHERE { ?a pkg:leads ?i } LIMIT 5"
    set_query(page, f"PREFIX pkg: <https://w3id.org/policykg/ontology#>\n{construct}")
    expect(page.locator("#accept")).to_have_attribute("data-form", "CONSTRUCT")
    assert formats(page) == ["turtle", "ntriples", "jsonld", "rdfxml"]
    page.click("#run")
    expect(page.locator("#results pre.raw")).to_contain_text("<https://w3id.org/policykg/ontology#leads>")
    set_query(page, "ASK { ?s ?p ?o }")
    expect(page.locator("#accept")).to_have_attribute("data-form", "ASK")
    assert "turtle" not in formats(page)
    page.click("#run")
    expect(page.locator("#results .boolean")).to_have_text("是 (true)")

    # prefixes offered as you type, and their declaration added
    set_query(page, "SELECT * WHERE { ?a pkg:responsibleF")
    page.locator(".CodeMirror").click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Control+Space")
    hints = page.locator(".CodeMirror-hints li")
    expect(hints).to_have_text(["pkg:responsibleFor"])
    page.keyboard.press("Enter")
    value = page.evaluate("window.policykgEditor.getValue()")
    assert value.startswith("PREFIX pkg: <https://w3id.org/policykg/ontology#>\n") and value.endswith(
        "?a pkg:responsibleFor"
    ), value
    set_query(page, "PREFIX s")
    page.locator(".CodeMirror").click()
    page.keyboard.press("Control+End")
    page.keyboard.type("k")
    expect(page.locator(".CodeMirror-hints li").first).to_have_text("skos: <http://www.w3.org/2004/02/skos/core#>")
    page.keyboard.press("Escape")

    # a SELECT: a table whose entity IRIs lead to their pages
    page.select_option("#examples", "sparql.example.shared")
    page.click("#run")
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(20)
    expect(page.locator("#status")).to_contain_text("20")
    links = page.locator("#results a[data-entity]")
    assert links.count() == 40
    hrefs = links.evaluate_all("a => a.map(x => x.getAttribute('href'))")
    assert all(h.startswith("/static/entity.html?id=agency%2F") for h in hrefs)
    screenshot(page, "sparql-results")
    target = links.first.get_attribute("data-entity")
    links.first.click()
    page.wait_for_url(re.compile(r"/static/entity\.html"))
    ready(page)
    assert parse_qs(urlsplit(page.url).query)["id"] == [target]
    graph_ready(page)
    assert_clean(page)


def test_the_sparql_editor_explains_errors(page) -> None:
    page.goto("/sparql")
    ready(page)
    set_query(page, "SELECT ?name WHERE {\n  ?agency skos:prefLabel ?name .\n}")
    page.click("#run")
    expect(page.locator("#status")).to_have_text("400 Malformed query")
    expect(page.locator("#results .error-where")).to_contain_text("2")
    assert page.locator(".CodeMirror .error-line").count() == 1
    prefix = page.locator("#results .error-prefix")
    expect(prefix).to_contain_text("skos")
    screenshot(page, "sparql-error")
    prefix.locator("button").click()
    assert page.evaluate("window.policykgEditor.getValue()").startswith(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>"
    )
    page.click("#run")
    expect(page.locator("#results table")).to_be_visible()
    assert page.locator(".CodeMirror .error-line").count() == 0
    assert_clean(page, "status of 400")


# --- downloads -----------------------------------------------------------------------------------


def download(page, locator) -> tuple[str, bytes]:
    with page.expect_download() as info:
        locator.click()
    found = info.value
    if found.failure():  # say what the server answered, not only that the browser gave up
        answer = page.request.get(found.url)
        pytest.fail(f"download of {found.url} failed ({found.failure()}): {answer.status} {answer.text()[:300]}")
    path = found.path()
    with open(path, "rb") as file:
        return found.suggested_filename, file.read()


def test_downloads_of_the_view_and_of_the_whole_graph(page, ui_server: str) -> None:
    open_office(page)
    page.locator("#downloads summary").click()
    screenshot(page, "downloads")
    view = page.locator('#downloads .download-row[data-view="neighbourhood"]')
    name, content = download(page, view.locator("a[data-format=graphml]"))
    assert name.endswith(".graphml")
    graph = ElementTree.fromstring(content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    ids = {node.get("id") for node in graph.iter(f"{{{ns['g']}}}node")}
    assert len(ids) >= node_count(page) - 1  # the view the page shows, as a file
    name, content = download(page, view.locator("a[data-format=cytoscape]"))
    assert name.endswith(".cyjs") and json.loads(content)["elements"]["nodes"]
    whole = page.locator('#downloads .download-row[data-view="full"]')
    name, content = download(page, whole.locator("a[data-format=gexf]"))
    assert name.endswith(".gexf") and b"<gexf" in content[:500]
    name, content = download(page, view.locator("a[data-format=png]"))
    assert name.endswith(".png") and content.startswith(b"\x89PNG")
    name, content = download(page, view.locator("a[data-format=csv]"))
    assert name.endswith(".zip") and {"nodes.csv", "edges.csv"} <= set(zipfile.ZipFile(BytesIO(content)).namelist())
    assert_clean(page)


def test_downloads_of_query_results_and_of_the_pairs_table(page, ui_server: str) -> None:
    page.goto("/sparql")
    ready(page)
    page.select_option("#examples", "sparql.example.shared")
    name, content = download(page, page.locator("#download"))
    assert name == "results.csv"
    lines = content.decode("utf-8").splitlines()
    assert lines[0] == "a,aLabel,b,bLabel,shared" and len(lines) == 21
    page.goto("/static/network.html")
    ready(page)
    graph_ready(page)
    name, content = download(page, page.locator("#table-csv"))
    pairs = api(ui_server, "/api/analytics/shared-initiatives", min_count=1, limit=50)
    assert name == "shared-initiatives.csv"
    assert len(content.decode("utf-8").splitlines()) == len(pairs) + 1
    page.locator("#downloads summary").click()
    name, content = download(
        page, page.locator('#downloads .download-row[data-view="agencies"] a[data-format=graphml]')
    )
    assert name.endswith(".graphml") and b"<graphml" in content[:400]
    assert_clean(page)


# --- languages -----------------------------------------------------------------------------------


def test_chinese_first_and_english_on_request(page) -> None:
    open_office(page)
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    expect(page.locator('#top nav a[data-page="home"]')).to_have_text("首页")
    expect(page.locator("#label .badge")).to_have_text("机构")
    page.click("#lang")
    expect(page.locator('#top nav a[data-page="home"]')).to_have_text("Home")
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator("#label .badge")).to_have_text("Agency")
    expect(page.locator('#types .badge[data-type="task"]')).to_have_text("Task")
    expect(page.locator('#relations label[data-relation="leads"]')).to_contain_text("leads")
    expect(page.locator("#lang")).to_have_text("中文")
    labels = set(page.evaluate("window.policykgGraph.edges().map(e => e.data('display'))"))
    assert "jurisdiction" in labels and "辖区" not in labels
    assert page.get_attribute("#header-search", "placeholder").startswith("An agency")
    screenshot(page, "english-entity")
    # kept for the next page
    page.goto("/sparql")
    ready(page)
    expect(page.locator("#run")).to_have_text("Run")
    page.goto("/static/network.html")
    ready(page)
    expect(page.locator("h1")).to_have_text("Agencies sharing initiatives")
    page.click("#lang")
    expect(page.locator("h1")).to_have_text("机构共担事项网络")
    page.goto("/")
    ready(page)
    expect(page.locator('#top nav a[data-page="home"]')).to_have_text("首页")
    assert_clean(page)


def test_both_languages_name_the_same_strings(ui_server: str) -> None:
    zh = api(ui_server, "/static/strings.zh.json")
    en = api(ui_server, "/static/strings.en.json")
    assert set(zh) == set(en)
    vocabulary = api(ui_server, "/api/vocabulary")
    for key in [f"type.{t}" for t in vocabulary["types"]] + [f"relation.{r}" for r in vocabulary["relations"]]:
        assert zh[key] and en[key] and zh[key] != en[key], key
    for kind in vocabulary["highlights"]:
        assert f"document.kind.{kind}" in zh


# --- the API reference, offline -------------------------------------------------------------------


def test_the_api_reference_works_offline(page) -> None:
    page.goto("/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("policykg")
    expect(page.locator(".swagger-ui .opblock-summary-path").first).to_be_visible()
    screenshot(page, "docs-swagger")
    page.goto("/redoc")
    expect(page.locator("h1").first).to_contain_text("policykg", timeout=20_000)
    expect(page.locator("[role=menuitem]").first).to_be_visible()
    page.wait_for_timeout(300)
    screenshot(page, "docs-redoc")
    assert_clean(page)
