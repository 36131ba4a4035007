"""The store as networkx graphs, for analytics and for export to Gephi or Cytoscape.

``agency_initiative_graph`` is the bipartite graph of agencies and the initiatives they
answer for; ``shared_initiative_graph`` projects it onto the agencies, an edge's ``weight``
being the number of initiatives two agencies share.
"""

from __future__ import annotations

import networkx as nx
from networkx.algorithms import bipartite
from pyoxigraph import NamedNode

from graph.queries import PREFIXES
from graph.store import KnowledgeStore
from graph.terms import PKG

__all__ = ["agency_initiative_graph", "shared_initiative_graph"]


def agency_initiative_graph(store: KnowledgeStore, *, lead_only: bool = False) -> nx.Graph:
    """Bipartite graph of agencies (``bipartite=0``) and initiatives (``bipartite=1``).

    Parameters
    ----------
    store : KnowledgeStore
        The store to read.
    lead_only : bool, optional
        Keep only the edges where the agency leads the initiative (``pkg:leads``).

    Returns
    -------
    networkx.Graph
        Nodes are IRIs with a ``label`` and a ``kind`` ("agency" or "initiative").

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from rdflib import URIRef
    >>> from extract import extract_text
    >>> from graph.triples import extraction_graph
    >>> plan = "（一）建平台。（责任单位：省发改委、数字办）\\n（二）建网络。（责任单位：省数字办）"
    >>> triples = extraction_graph(extract_text(plan, "plan.txt", jurisdiction="350000"))
    >>> with KnowledgeStore(Path(tempfile.mkdtemp()) / "s") as store:
    ...     store.replace_graph(URIRef("urn:g"), triples.document, merge={URIRef("urn:e"): triples.entities})
    ...     graph = agency_initiative_graph(store)
    >>> sorted(d["label"] for _, d in graph.nodes(data=True) if d["kind"] == "agency")
    ['福建省发展和改革委员会', '福建省数字福建建设领导小组办公室']
    >>> graph.number_of_edges()
    3
    """
    rows = store.select(
        PREFIXES
        + """SELECT DISTINCT ?relation ?a ?aLabel ?i ?iLabel WHERE {
          ?a ?relation ?i ; skos:prefLabel ?aLabel . ?i a pkg:Initiative ; dct:title ?iLabel }""",
        relation=NamedNode(PKG.leads if lead_only else PKG.responsibleFor),
    )
    graph = nx.Graph()
    for row in rows:
        agency, initiative = row["a"].value, row["i"].value
        graph.add_node(agency, label=row["aLabel"].value, kind="agency", bipartite=0)
        graph.add_node(initiative, label=row["iLabel"].value, kind="initiative", bipartite=1)
        graph.add_edge(agency, initiative)
    return graph


def shared_initiative_graph(store: KnowledgeStore, *, lead_only: bool = False) -> nx.Graph:
    """Agencies joined by the initiatives they share; ``weight`` counts them.

    Parameters
    ----------
    store : KnowledgeStore
        The store to read.
    lead_only : bool, optional
        Count only initiatives both agencies lead.

    Returns
    -------
    networkx.Graph
        The weighted projection of :func:`agency_initiative_graph` onto the agencies.

    See Also
    --------
    networkx.algorithms.bipartite.weighted_projected_graph
    """
    bipartite_graph = agency_initiative_graph(store, lead_only=lead_only)
    agencies = [n for n, d in bipartite_graph.nodes(data=True) if d["kind"] == "agency"]
    return bipartite.weighted_projected_graph(bipartite_graph, agencies)
