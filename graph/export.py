"""Exports: a view of the store as a networkx graph, written for Gephi, yEd, Cytoscape, a
browser or a report.

A view (:data:`VIEWS`) is a graph whose nodes all carry a ``label``, a ``type`` (agency,
initiative, platform, document, …), a ``colour`` (``#RRGGBB``, from ``ontology/display.json``),
a ``size`` and a position (``x``, ``y``: a seeded spring layout, so every tool opens it laid out
the same way), and whose edges carry a ``weight`` and a ``relation``:

- ``full``: agencies, the initiatives they answer for (``leads`` or ``responsibleFor``), the
  platforms those initiatives' tasks act on (``builds``, ``upgrades``, …) and their documents;
- ``agencies``: the co-responsibility network (:func:`graph.analytics.co_responsibility_network`),
  coloured by community, with each agency's profile (:func:`graph.analytics.agency_profiles`);
- ``platforms``: the agency–platform network (:func:`graph.analytics.agency_platform_network`);
- ``neighbourhood``: what an entity's relations reach within *depth* steps
  (:meth:`graph.explore.Explorer.neighbourhood`).

Each format (:data:`FORMATS`) writes one: GraphML and GEXF with labels, types, weights, colours
and positions where Gephi and yEd look for them; Cytoscape JSON (``networkx.cytoscape_data``,
which Cytoscape.js reads); networkx node-link JSON; CSV as a zip of Gephi's node and edge
tables; an SVG or PNG picture; one HTML file that draws the graph offline with Cytoscape.js.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import io
import json
import math
import re
import threading
import warnings
import zipfile
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement

import networkx as nx

from graph.analytics import Facts, agency_platform_network, agency_profiles, co_responsibility_network
from graph.explore import Explorer
from graph.facts import read_facts
from graph.store import KnowledgeStore
from ontology import ONTOLOGY_DIR, read_json

__all__ = [
    "FORMATS",
    "VIEWS",
    "Export",
    "ExportFormat",
    "NoSuchEntity",
    "export",
    "view_graph",
    "write_graph",
]

VIEWS = ("full", "agencies", "platforms", "neighbourhood")
NEIGHBOURHOOD_LIMIT = 2000  # the most nodes a neighbourhood view holds, as the API's neighbourhood route
LABELLED_NODES = 60  # a picture labels this many of the largest nodes, so the labels stay readable
LEGEND_ENTRIES = 12
VENDOR_SCRIPTS = ("cytoscape.min.js", "layout-base.js", "cose-base.js", "cytoscape-fcose.js")
_UNIT = 30.0  # points between neighbouring nodes, about
_KAMADA_KAWAI_NODES = 400  # parts this large or smaller get Kamada–Kawai; it grows with the cube of the nodes
_YFILES = "http://www.yworks.com/xml/graphml"
_KEPT_VIEWS = 4
_views: OrderedDict[tuple[Any, ...], nx.Graph] = OrderedDict()  # laid-out views, oldest first
_views_lock = threading.Lock()
_drawing = threading.Lock()  # matplotlib's font cache and text layout are not thread-safe


class NoSuchEntity(LookupError):
    """The entity of a neighbourhood view is not in the store."""


@cache
def display() -> dict[str, Any]:
    """``ontology/display.json``: colours per type and community, node sizes, the font."""
    return read_json(ONTOLOGY_DIR / "display.json", "display settings")  # type: ignore[no-any-return]


# --- views -------------------------------------------------------------------------------------


def _full(facts: Facts) -> nx.DiGraph:
    graph = nx.DiGraph()
    for initiative, document in facts.documents.items():
        graph.add_node(initiative, label=facts.label(initiative), type="initiative")
        graph.add_node(document, label=facts.label(document), type="document")
        graph.add_edge(initiative, document, relation="wasDerivedFrom", weight=1)
    for initiative, agencies in facts.members.items():
        for agency in sorted(agencies):
            graph.add_node(agency, label=facts.label(agency), type="agency")
            leads = agency in facts.leads.get(initiative, ())
            graph.add_edge(agency, initiative, relation="leads" if leads else "responsibleFor", weight=1)
    tasks: dict[tuple[str, str], set[str]] = {}
    actions: dict[tuple[str, str], set[str]] = {}
    for use in facts.actions:
        tasks.setdefault((use.initiative, use.platform), set()).add(use.task)
        actions.setdefault((use.initiative, use.platform), set()).add(use.action)
    for (initiative, platform), done in sorted(tasks.items()):
        graph.add_node(platform, label=facts.label(platform), type="platform")
        relation = ",".join(sorted(actions[(initiative, platform)]))
        graph.add_edge(initiative, platform, relation=relation, weight=len(done))
    return graph


def _agencies(facts: Facts) -> nx.Graph:
    graph = co_responsibility_network(facts)
    palette = display()["communities"]
    for profile in agency_profiles(facts, graph):
        graph.nodes[profile.id].update(
            degree=profile.degree,
            weighted_degree=profile.weighted_degree,
            betweenness=round(profile.betweenness, 6),
            community=profile.community,
            lead_load=profile.lead_load,
            initiatives=profile.initiatives,
            documents=profile.documents,
            years=" ".join(map(str, profile.years)),
            colour=palette[profile.community % len(palette)],
        )
    nx.set_edge_attributes(graph, "sharesInitiatives", "relation")
    return graph


def _platforms(facts: Facts) -> nx.Graph:
    graph = agency_platform_network(facts)
    for _, _, tie in graph.edges(data=True):
        tie["relation"] = tie.pop("actions")
    return graph


def _neighbourhood(store: KnowledgeStore, base: str, entity: str, depth: int) -> nx.DiGraph:
    found = Explorer(store, base).neighbourhood(entity, depth=depth, limit=NEIGHBOURHOOD_LIMIT)
    if found is None:
        raise NoSuchEntity(entity)
    graph = nx.DiGraph(truncated=found.truncated)
    for node in found.nodes:
        graph.add_node(node.id, label=node.label, type=node.type)
    for edge in found.edges:
        if graph.has_edge(edge.source, edge.target):  # leads and responsibleFor between the same two: one edge
            relations = {*graph.edges[edge.source, edge.target]["relation"].split(","), edge.relation}
            graph.edges[edge.source, edge.target]["relation"] = ",".join(sorted(relations))
        else:
            graph.add_edge(edge.source, edge.target, relation=edge.relation, weight=1)
    return graph


def view_graph(store: KnowledgeStore, base: str, view: str, *, entity: str | None = None, depth: int = 1) -> nx.Graph:
    """The *view* of the store (:data:`VIEWS`), every node drawn: ``label``, ``type``,
    ``colour``, ``size``, ``x`` and ``y``; every edge with ``weight`` and ``relation``.

    *entity* (an id, as the API names it) and *depth* go with the neighbourhood view, which
    needs the one and raises :class:`NoSuchEntity` for an entity the store does not hold.
    """
    if view not in VIEWS:
        raise ValueError(f"no view {view!r}; views: {', '.join(VIEWS)}")
    if view == "neighbourhood":
        if not entity:
            raise ValueError("the neighbourhood view needs an entity")
        graph = _neighbourhood(store, base, entity, depth)
    else:
        facts = read_facts(store, base)
        graph = {"full": _full, "agencies": _agencies, "platforms": _platforms}[view](facts)
    graph.graph["view"] = view
    _draw_attributes(graph)
    return graph


def _draw_attributes(graph: nx.Graph) -> None:
    """Colour (by type unless the view gave one), size (by weighted degree) and position."""
    settings = display()
    least, most = settings["node_size"]["least"], settings["node_size"]["most"]
    strength = dict(graph.degree(weight="weight"))
    strongest = max(strength.values(), default=0) or 1
    positions = _layout(graph)
    for node, data in graph.nodes(data=True):
        data.setdefault("colour", settings["types"].get(data["type"], settings["edge"]))
        data["size"] = round(least + (most - least) * math.sqrt(strength[node] / strongest), 2)
        data["x"], data["y"] = positions[node]


def _layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Each connected part laid out on its own (:func:`_part_layout`) in a square that grows with
    it, the squares packed in rows, largest first: the same picture every time, in points, y
    upwards."""
    undirected = graph.to_undirected(as_view=True)
    parts = sorted(nx.connected_components(undirected), key=lambda part: (-len(part), min(part)))
    sides = [_UNIT * 2 * (1 + math.sqrt(len(part))) for part in parts]
    row_width = max([*sides[:1], 1.3 * math.sqrt(sum(side * side for side in sides))])
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for part, side in zip(parts, sides, strict=True):
        if x + side > row_width and x > 0:
            x, y, row_height = 0.0, y - row_height, 0.0
        for node, (px, py) in _part_layout(undirected.subgraph(part)).items():
            placed[node] = (round(x + side / 2 * (1 + px), 2), round(y - side / 2 * (1 - py), 2))
        x, row_height = x + side, max(row_height, side)
    return placed


def _part_layout(part: nx.Graph) -> dict[str, tuple[float, float]]:
    """One connected part in [-0.9, 0.9]²: Kamada–Kawai, whose cost grows with the cube of the
    nodes, up to :data:`_KAMADA_KAWAI_NODES`; a seeded spring layout beyond."""
    if len(part) == 1:
        return {node: (0.0, 0.0) for node in part}
    if len(part) <= _KAMADA_KAWAI_NODES:
        found = nx.kamada_kawai_layout(part, weight=None, scale=0.9)
    else:
        found = nx.spring_layout(part, seed=0, scale=0.9)
    return {node: (float(px), float(py)) for node, (px, py) in found.items()}


# --- formats -----------------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    """The red, green and blue of ``#RRGGBB``.

    >>> _rgb("#4E79A7")
    (78, 121, 167)
    """
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _graphml(graph: nx.Graph) -> bytes:
    """GraphML with ``label``, ``r``/``g``/``b``, ``x``/``y`` and ``size`` as Gephi reads them, and
    the yFiles shape, fill, label and geometry yEd draws."""
    plain = graph.copy()
    for _, data in plain.nodes(data=True):
        data["r"], data["g"], data["b"] = _rgb(data["colour"])
    writer = nx.readwrite.graphml.GraphMLWriter(encoding="utf-8")
    writer.add_graph_element(plain)
    writer.xml.set("xmlns:y", _YFILES)
    writer.xml.insert(0, Element("key", {"id": "yfiles_node", "for": "node", "yfiles.type": "nodegraphics"}))
    writer.xml.insert(0, Element("key", {"id": "yfiles_edge", "for": "edge", "yfiles.type": "edgegraphics"}))
    edge_colour = display()["edge"]
    elements = {element.get("id"): element for element in writer.xml.iter("node")}  # a node's id is its str
    for node, data in plain.nodes(data=True):
        graphics = Element("data", {"key": "yfiles_node"})
        shape = SubElement(graphics, "y:ShapeNode")
        size = str(data["size"])
        # yEd's y runs downwards and places a node by its top left corner
        x, y = data["x"] - data["size"] / 2, -data["y"] - data["size"] / 2
        SubElement(shape, "y:Geometry", {"x": str(x), "y": str(y), "width": size, "height": size})
        SubElement(shape, "y:Fill", {"color": data["colour"], "transparent": "false"})
        SubElement(shape, "y:NodeLabel", {"modelName": "sides", "modelPosition": "s"}).text = data["label"]
        SubElement(shape, "y:Shape", {"type": "ellipse"})
        elements[str(node)].insert(0, graphics)  # first, so the x and y data after it are what a reader keeps
    for element in writer.xml.iter("edge"):
        graphics = Element("data", {"key": "yfiles_edge"})
        line = SubElement(graphics, "y:PolyLineEdge")
        SubElement(line, "y:LineStyle", {"color": edge_colour, "type": "line", "width": "1.0"})
        arrows = "standard" if plain.is_directed() else "none"
        SubElement(line, "y:Arrows", {"source": "none", "target": arrows})
        element.insert(0, graphics)
    buffer = io.BytesIO()
    writer.dump(buffer)
    return buffer.getvalue()


def _gexf(graph: nx.Graph) -> bytes:
    """GEXF 1.2 with each node's label, colour, size and position as ``viz``, which Gephi draws."""
    styled = graph.copy()
    for _, data in styled.nodes(data=True):
        r, g, b = _rgb(data["colour"])
        data["viz"] = {
            "color": {"r": r, "g": g, "b": b, "a": 1.0},
            "size": data["size"],
            "position": {"x": data["x"], "y": data["y"], "z": 0.0},
        }
    r, g, b = _rgb(display()["edge"])
    for _, _, data in styled.edges(data=True):
        data["label"] = data["relation"]
        data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
    buffer = io.BytesIO()
    nx.write_gexf(styled, buffer)
    return buffer.getvalue()


def _cytoscape_json(graph: nx.Graph) -> dict[str, Any]:
    """``networkx.cytoscape_data`` (``name`` is the label), with each node's position as
    Cytoscape.js places it (y downwards)."""
    data = nx.cytoscape_data(graph, name="label")
    for element in data["elements"]["nodes"]:
        element["position"] = {"x": element["data"]["x"], "y": -element["data"]["y"]}
    return data


def _cytoscape(graph: nx.Graph) -> bytes:
    return json.dumps(_cytoscape_json(graph), ensure_ascii=False, indent=1).encode("utf-8")


def _nodelink(graph: nx.Graph) -> bytes:
    return json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False, indent=1).encode("utf-8")


def _csv_table(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _csv(graph: nx.Graph) -> bytes:
    """A zip of ``nodes.csv`` (``Id,Label,…``) and ``edges.csv`` (``Source,Target,Weight,Type,Label,…``),
    the headers Gephi's spreadsheet import reads; ``Type`` is Directed or Undirected, ``Label`` the relation."""
    node_keys = sorted({key for _, data in graph.nodes(data=True) for key in data} - {"label"})
    nodes = _csv_table(
        ["Id", "Label", *node_keys],
        [[node, data["label"], *(data.get(key, "") for key in node_keys)] for node, data in graph.nodes(data=True)],
    )
    edge_keys = sorted({key for _, _, data in graph.edges(data=True) for key in data} - {"weight", "relation"})
    kind = "Directed" if graph.is_directed() else "Undirected"
    edges = _csv_table(
        ["Source", "Target", "Weight", "Type", "Label", *edge_keys],
        [
            [u, v, data["weight"], kind, data["relation"], *(data.get(key, "") for key in edge_keys)]
            for u, v, data in graph.edges(data=True)
        ],
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("nodes.csv", nodes)
        archive.writestr("edges.csv", edges)
    return buffer.getvalue()


def _font_family() -> str | None:
    """The family of the Chinese font of ``display.json``, registered with matplotlib; None
    (with a warning) when it is not installed, and the labels' Chinese will not show."""
    from matplotlib import font_manager

    path = Path(display()["font"])
    if not path.exists():
        warnings.warn(f"{path} is missing (make setup installs it): Chinese labels will not show", stacklevel=3)
        return None
    font_manager.fontManager.addfont(str(path))
    return str(font_manager.FontProperties(fname=str(path)).get_name())


def _picture(graph: nx.Graph, fmt: str) -> bytes:
    """The graph drawn with matplotlib at its layout: nodes in their colours and sizes, edges as
    thin lines, the largest nodes labelled, a legend of the types."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    with _drawing:
        family = _font_family()
        figure = Figure(figsize=(12, 9), layout="constrained")
        axes = figure.add_subplot()
        axes.set_axis_off()
        positions = {node: (data["x"], data["y"]) for node, data in graph.nodes(data=True)}
        nodes = list(graph.nodes)
        if graph.number_of_edges():
            widths = [0.4 + math.log2(data["weight"]) * 0.6 for _, _, data in graph.edges(data=True)]
            nx.draw_networkx_edges(
                graph, positions, ax=axes, width=widths, edge_color=display()["edge"], alpha=0.6, arrows=False
            )
        nx.draw_networkx_nodes(
            graph,
            positions,
            ax=axes,
            nodelist=nodes,
            node_color=[graph.nodes[n]["colour"] for n in nodes],
            node_size=[graph.nodes[n]["size"] ** 2 / 4 for n in nodes],
            linewidths=0.3,
            edgecolors="white",
        )
        largest = sorted(nodes, key=lambda n: -graph.nodes[n]["size"])[:LABELLED_NODES]
        nx.draw_networkx_labels(
            graph,
            positions,
            ax=axes,
            labels={n: _short(graph.nodes[n]["label"]) for n in largest},
            font_size=7,
            font_family=family or "sans-serif",
        )
        legend = sorted(
            {
                (f"community {d['community']}" if "community" in d else d["type"], d["colour"])
                for _, d in graph.nodes(data=True)
            },
            key=lambda entry: (len(entry[0]), entry[0]),
        )[:LEGEND_ENTRIES]
        handles = [Line2D([], [], marker="o", linestyle="", color=colour, label=name) for name, colour in legend]
        figure.legend(handles=handles, loc="outside lower center", ncols=min(6, len(handles) or 1), frameon=False)
        buffer = io.BytesIO()
        figure.savefig(buffer, format=fmt, dpi=150, facecolor="white")
    return buffer.getvalue()


def _short(label: str, most: int = 16) -> str:
    """*label*, cut to *most* characters.

    >>> _short("福建省数字福建建设领导小组办公室", 8)
    '福建省数字福建…'
    """
    return label if len(label) <= most else label[: most - 1] + "…"


_PAGE = """<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<div id="graph"></div>
<div id="legend"><strong>{title}</strong><br>{counts} · <span id="selected">click a node</span>
<button id="relayout" type="button">lay out again</button></div>
<script type="application/json" id="graph-data">{data}</script>
{scripts}
</body>
</html>
"""
_STYLE = (
    "html,body{margin:0;height:100%;font-family:sans-serif}#graph{position:absolute;inset:0}"
    "#legend{position:absolute;left:8px;top:8px;padding:6px 10px;background:rgba(255,255,255,.9);font-size:13px}"
)
# Draws the graph of #graph-data at the exported positions; "lay out again" runs fcose from there.
# The body's data-ready says when it is drawn, or that drawing failed.
_DRAW = """(function () {
  try {
    draw();
    document.body.dataset.ready = "true";
  } catch (error) {
    document.body.dataset.ready = "failed";
    throw error;
  }
})();

function draw() {
  cytoscape.use(cytoscapeFcose);
  var given = JSON.parse(document.getElementById("graph-data").textContent);
  var cy = cytoscape({
    container: document.getElementById("graph"),
    elements: given.elements,
    layout: { name: "preset" },
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)",
        label: "data(label)", "font-size": 8, "text-valign": "bottom", "min-zoomed-font-size": 7 } },
      { selector: "edge", style: { "line-color": given.edge, opacity: 0.6, "curve-style": "haystack",
        width: "mapData(weight, 1, " + given.heaviest + ", 0.5, 6)" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#000" } }
    ]
  });
  cy.on("tap", "node", function (event) {
    var node = event.target;
    var shown = [node.data("label"), node.data("type"), node.id()];
    document.getElementById("selected").textContent = shown.join(" · ");
  });
  document.getElementById("relayout").addEventListener("click", function () {
    cy.layout({ name: "fcose", randomize: false, animate: false }).run();
  });
  window.policykgGraph = cy;
}"""


def _vendor_script(name: str) -> str:
    path = resources.files("api") / "static" / "vendor" / name
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"{path} is missing: `make setup` installs Cytoscape.js from the npm registry") from exc


def _json_in_html(value: Any) -> str:
    """JSON to sit in a ``<script type="application/json">``: no ``<``, ``>`` or ``&`` a label
    could close the element with."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _html(graph: nx.Graph) -> bytes:
    """One page holding Cytoscape.js with fcose, the graph and the script that draws it: it
    opens from a file with no network, and its policy lets only those scripts run."""
    scripts = [*(_vendor_script(name) for name in VENDOR_SCRIPTS), _DRAW]
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts)
    heaviest = max((data["weight"] for _, _, data in graph.edges(data=True)), default=1)
    data = {"elements": _cytoscape_json(graph)["elements"], "edge": display()["edge"], "heaviest": max(heaviest, 2)}
    view = graph.graph.get("view", "graph")
    page = _PAGE.format(
        policy=f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'",
        title=html.escape(f"policykg: {view}"),
        style=_STYLE,
        counts=f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges",
        data=_json_in_html(data),
        scripts="\n".join(f"<script>{script}</script>" for script in scripts),
    )
    return page.encode("utf-8")


@dataclass(frozen=True)
class ExportFormat:
    """How one format is written and served."""

    name: str
    suffix: str
    media_type: str
    write: Callable[[nx.Graph], bytes]


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("graphml", "graphml", "application/graphml+xml", _graphml),
        ExportFormat("gexf", "gexf", "application/gexf+xml", _gexf),
        ExportFormat("cytoscape", "cyjs", "application/json", _cytoscape),
        ExportFormat("nodelink", "json", "application/json", _nodelink),
        ExportFormat("csv", "zip", "application/zip", _csv),
        ExportFormat("svg", "svg", "image/svg+xml", lambda graph: _picture(graph, "svg")),
        ExportFormat("png", "png", "image/png", lambda graph: _picture(graph, "png")),
        ExportFormat("html", "html", "text/html; charset=utf-8", _html),
    )
}


def _laid_out_view(store: KnowledgeStore, base: str, view: str, entity: str | None, depth: int) -> nx.Graph:
    around = (entity, depth) if view == "neighbourhood" else None  # the other views have no centre nor depth
    key = (store.location, store.generation, base, view, around)
    with _views_lock:
        if key in _views:
            _views.move_to_end(key)
            return _views[key]
    graph = view_graph(store, base, view, entity=entity, depth=depth)
    with _views_lock:
        _views[key] = graph
        while len(_views) > _KEPT_VIEWS:
            _views.popitem(last=False)
    return graph


def write_graph(graph: nx.Graph, fmt: str) -> bytes:
    """*graph* (a view, :func:`view_graph`) written as *fmt* (:data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise ValueError(f"no format {fmt!r}; formats: {', '.join(FORMATS)}")
    return FORMATS[fmt].write(graph)


@dataclass(frozen=True)
class Export:
    """An export, ready to be saved or sent."""

    content: bytes
    media_type: str
    filename: str
    nodes: int
    edges: int


def export(
    store: KnowledgeStore, base: str, fmt: str, view: str = "full", *, entity: str | None = None, depth: int = 1
) -> Export:
    """The *view* of the store written as *fmt*, with the file name it goes by
    (``policykg-agencies.graphml``, ``policykg-neighbourhood-agency-350000-drc.gexf``).

    The last few views are kept, laid out, for as long as the store's
    :attr:`~graph.store.KnowledgeStore.generation` stays the same: laying out a whole graph
    costs far more than writing it, and a user downloads one view in several formats.
    """
    if fmt not in FORMATS:
        raise ValueError(f"no format {fmt!r}; formats: {', '.join(FORMATS)}")
    graph = _laid_out_view(store, base, view, entity, depth)
    written = FORMATS[fmt]
    name = f"policykg-{view}"
    if view == "neighbourhood" and entity:
        name += "-" + re.sub(r"[^A-Za-z0-9._]+", "-", entity)
    return Export(
        content=written.write(graph),
        media_type=written.media_type,
        filename=f"{name}.{written.suffix}",
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
    )
