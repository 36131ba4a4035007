"""Every export read back: GraphML, GEXF, Cytoscape JSON and node-link JSON by networkx's own
readers, the CSV tables by their headers, the pictures by their size and ink, and the HTML page
in Debian's Chromium with the network cut off. The views are made once per module from a copy
of the samples built once per session (``built_store``)."""

from __future__ import annotations

import csv
import io
import json
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import networkx as nx
import pytest
from PIL import Image

from graph import export as export_module
from graph.export import FORMATS, VIEWS, NoSuchEntity, export, view_graph, write_graph
from graph.iris import DEFAULT_BASE
from graph.store import KnowledgeStore
from tests.conftest import copy_store
from tests.ui.conftest import CHROMIUM, CHROMIUM_ARGS, HEADLESS_SHELL, ensure_chromium

OFFICE = "agency/350000/digital-office"


@pytest.fixture(scope="module")
def store_folder(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_store(built_store, tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def views(store_folder: Path) -> dict[str, nx.Graph]:
    """Each view of the samples, the neighbourhood being the Fujian digital office's within two steps."""
    with KnowledgeStore(store_folder, create=False) as store:
        return {view: view_graph(store, DEFAULT_BASE, view, entity=OFFICE, depth=2) for view in VIEWS}


def test_the_views(views: dict[str, nx.Graph]) -> None:
    agencies, platforms, full, around = (views[v] for v in ("agencies", "platforms", "full", "neighbourhood"))
    assert agencies.number_of_nodes() == 100 and {t for _, t in agencies.nodes(data="type")} == {"agency"}
    assert {t for _, t in platforms.nodes(data="type")} == {"agency", "platform"}
    assert {t for _, t in full.nodes(data="type")} == {"agency", "initiative", "platform", "document"}
    assert set(agencies) <= set(full) and set(platforms) <= set(full)
    assert around.has_node(OFFICE) and around.nodes[OFFICE]["label"] == "福建省数字福建建设领导小组办公室"
    for graph in views.values():
        for _, data in graph.nodes(data=True):
            assert {"label", "type", "colour", "size", "x", "y"} <= set(data)
        assert all({"weight", "relation"} <= set(data) for _, _, data in graph.edges(data=True))
    colours = {(d["community"], d["colour"]) for _, d in agencies.nodes(data=True)}
    assert len({c for c, _ in colours}) == len(colours) > 3  # one colour per community (ten and more cycle)


def test_an_unknown_entity_has_no_neighbourhood(store_folder: Path) -> None:
    with KnowledgeStore(store_folder, create=False) as store, pytest.raises(NoSuchEntity):
        export(store, DEFAULT_BASE, "graphml", "neighbourhood", entity="agency/350000/nothing")


def same_graph(read: nx.Graph, written: nx.Graph, *, keys: tuple[str, ...] = ("label", "type")) -> None:
    """*read* has the nodes, edges, weights and node attributes *keys* of *written*."""
    assert set(read) == set(written)
    assert {frozenset((u, v)) for u, v in read.edges} == {frozenset((u, v)) for u, v in written.edges}
    for node, data in written.nodes(data=True):
        assert {key: read.nodes[node][key] for key in keys} == {key: data[key] for key in keys}, node
    for u, v, data in written.edges(data=True):
        assert float(read.edges[u, v]["weight"]) == data["weight"]


@pytest.mark.parametrize("view", VIEWS)
def test_graphml_keeps_everything_gephi_and_yed_show(views: dict[str, nx.Graph], view: str) -> None:
    written = views[view]
    read = nx.read_graphml(io.BytesIO(write_graph(written, "graphml")))
    same_graph(read, written, keys=("label", "type", "colour", "size", "x", "y"))
    node, data = next(iter(written.nodes(data=True)))
    assert (read.nodes[node]["r"], read.nodes[node]["g"], read.nodes[node]["b"]) == tuple(
        int(data["colour"][i : i + 2], 16) for i in (1, 3, 5)
    )
    assert read.nodes[node]["shape_type"] == "ellipse"  # the yFiles graphics yEd draws
    assert all(read.edges[u, v]["relation"] == d["relation"] for u, v, d in written.edges(data=True))
    if view == "agencies":
        assert all(read.nodes[n]["community"] == d["community"] for n, d in written.nodes(data=True))


@pytest.mark.parametrize("view", VIEWS)
def test_gexf_keeps_labels_colours_sizes_and_positions(views: dict[str, nx.Graph], view: str) -> None:
    written = views[view]
    read = nx.read_gexf(io.BytesIO(write_graph(written, "gexf")))
    same_graph(read, written, keys=("label", "type", "colour"))
    for node, data in written.nodes(data=True):
        viz = read.nodes[node]["viz"]
        r, g, b = (int(data["colour"][i : i + 2], 16) for i in (1, 3, 5))
        assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == (r, g, b)
        assert (viz["size"], viz["position"]["x"], viz["position"]["y"]) == (data["size"], data["x"], data["y"])


@pytest.mark.parametrize("view", VIEWS)
def test_cytoscape_json_reads_back(views: dict[str, nx.Graph], view: str) -> None:
    written = views[view]
    data = json.loads(write_graph(written, "cytoscape"))
    same_graph(nx.cytoscape_graph(data, name="label"), written, keys=("label", "type", "colour"))
    node = data["elements"]["nodes"][0]
    assert node["position"] == {"x": node["data"]["x"], "y": -node["data"]["y"]}  # Cytoscape.js's y runs down


@pytest.mark.parametrize("view", VIEWS)
def test_node_link_json_reads_back(views: dict[str, nx.Graph], view: str) -> None:
    written = views[view]
    read = nx.node_link_graph(json.loads(write_graph(written, "nodelink")), edges="edges")
    same_graph(read, written, keys=("label", "type", "colour", "size", "x", "y"))
    assert read.is_directed() == written.is_directed()


@pytest.mark.parametrize("view", VIEWS)
def test_csv_is_gephis_two_tables(views: dict[str, nx.Graph], view: str) -> None:
    written = views[view]
    with zipfile.ZipFile(io.BytesIO(write_graph(written, "csv"))) as archive:
        assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
        nodes = list(csv.DictReader(io.StringIO(archive.read("nodes.csv").decode("utf-8"))))
        edges = list(csv.DictReader(io.StringIO(archive.read("edges.csv").decode("utf-8"))))
    assert list(nodes[0])[:2] == ["Id", "Label"] and list(edges[0])[:5] == [
        "Source",
        "Target",
        "Weight",
        "Type",
        "Label",
    ]
    assert {row["Id"]: row["Label"] for row in nodes} == dict(written.nodes(data="label"))
    assert {(row["Source"], row["Target"], float(row["Weight"])) for row in edges} == {
        (u, v, float(w)) for u, v, w in written.edges(data="weight")
    }
    assert {row["Type"] for row in edges} == {"Directed" if written.is_directed() else "Undirected"}


@pytest.mark.parametrize("view", ["agencies", "neighbourhood"])
def test_the_png_is_a_picture_with_chinese_labels(views: dict[str, nx.Graph], view: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = write_graph(views[view], "png")
    assert not [str(w.message) for w in caught if "missing" in str(w.message)]  # a glyph the font lacks, or the font
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = picture.size
    assert width >= 1200 and height >= 900
    colours = picture.getcolors(maxcolors=width * height) or []
    white = sum(count for count, colour in colours if colour == (255, 255, 255))
    assert width * height - white > width * height // 50  # not blank
    assert len(colours) > 50  # colours, lines and text, not one fill


def test_the_svg_is_a_picture(views: dict[str, nx.Graph]) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        svg = ElementTree.fromstring(write_graph(views["platforms"], "svg"))
    assert not [str(w.message) for w in caught if "missing" in str(w.message)]
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert float(svg.get("width", "0").removesuffix("pt")) >= 800
    drawn = [e for e in svg.iter() if e.tag in ("{http://www.w3.org/2000/svg}path", "{http://www.w3.org/2000/svg}use")]
    assert len(drawn) > views["platforms"].number_of_nodes()


def test_every_format_is_written_with_its_file_name(store_folder: Path) -> None:
    with KnowledgeStore(store_folder, create=False) as store:
        for name, fmt in FORMATS.items():
            written = export(store, DEFAULT_BASE, name, "neighbourhood", entity=OFFICE)
            assert written.filename == f"policykg-neighbourhood-agency-350000-digital-office.{fmt.suffix}"
            assert written.media_type == fmt.media_type and written.content and written.nodes > 10


def test_a_whole_view_is_laid_out_once_whatever_depth_it_is_asked_with(
    built_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Depth goes with the neighbourhood view only: asked of another view, it must not lay out
    the whole graph again."""
    laid_out: list[str] = []

    def counted(store: KnowledgeStore, base: str, view: str, **around: Any) -> nx.Graph:
        laid_out.append(view)
        return view_graph(store, base, view, **around)

    monkeypatch.setattr(export_module, "view_graph", counted)
    with KnowledgeStore(copy_store(built_store, tmp_path), create=False) as store:  # a store no view of is kept
        written = [export(store, DEFAULT_BASE, "gexf", "agencies", depth=depth).content for depth in (1, 2, 3)]
    assert laid_out == ["agencies"] and written[0] == written[1] == written[2]


# --- the HTML page in a browser ----------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium for this module, as tests/ui launches it."""
    from playwright.sync_api import sync_playwright

    executable = ensure_chromium()
    if executable is None:
        pytest.skip(f"no {HEADLESS_SHELL} nor {CHROMIUM}, nor could one be installed (run `make test` as root)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.mark.parametrize("view", ["agencies", "neighbourhood"])
def test_the_html_page_draws_the_graph_offline(browser, views: dict[str, nx.Graph], view: str, tmp_path: Path) -> None:
    written = views[view]
    page_file = tmp_path / "graph.html"
    page_file.write_bytes(write_graph(written, "html"))
    context = browser.new_context(offline=True)
    page = context.new_page()
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(page_file.as_uri())
        page.wait_for_selector("body[data-ready]")
        assert page.evaluate("() => document.body.dataset.ready") == "true", problems
        drawn = page.evaluate(
            """(id) => ({nodes: policykgGraph.nodes().length, edges: policykgGraph.edges().length,
                        label: policykgGraph.getElementById(id).data("label")})""",
            OFFICE,
        )
        assert drawn == {
            "nodes": written.number_of_nodes(),
            "edges": written.number_of_edges(),
            "label": "福建省数字福建建设领导小组办公室",
        }
        position = "(id) => policykgGraph.getElementById(id).position()"
        before = page.evaluate(position, OFFICE)
        page.click("#relayout")  # fcose, inlined like Cytoscape.js
        assert page.evaluate(position, OFFICE) != before
    finally:
        context.close()
    assert problems == [] and requests == [page_file.as_uri()]
