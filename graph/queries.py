"""SPARQL the project asks itself: kept here so the command line, the API and the benchmarks
run the very same queries."""

from __future__ import annotations

from graph.terms import PKG

__all__ = ["PREFIXES", "shared_initiatives_query"]

PREFIXES = f"""PREFIX pkg: <{PKG}>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""


def shared_initiatives_query(*, lead_only: bool = False, minimum: int = 1, limit: int | None = None) -> str:
    """Agency pairs with the number of initiatives they share, most first.

    With *lead_only*, both agencies must lead the initiative (``pkg:leads``); otherwise any
    role counts (``pkg:responsibleFor``). Programmes are not counted as shared items. Labels
    come from DISTINCT sub-selects: every document graph re-describes the agencies it names,
    and the union default graph would otherwise multiply the join by those copies.
    """
    relation = "pkg:leads" if lead_only else "pkg:responsibleFor"
    return (
        PREFIXES
        + f"""SELECT ?a ?aLabel ?b ?bLabel (COUNT(DISTINCT ?initiative) AS ?shared)
WHERE {{
  ?a {relation} ?initiative .
  ?b {relation} ?initiative .
  ?initiative a pkg:Initiative .
  FILTER (STR(?a) < STR(?b))
  {{ SELECT DISTINCT ?a ?aLabel WHERE {{ ?a skos:prefLabel ?aLabel }} }}
  {{ SELECT DISTINCT ?b ?bLabel WHERE {{ ?b skos:prefLabel ?bLabel }} }}
}}
GROUP BY ?a ?aLabel ?b ?bLabel
HAVING (COUNT(DISTINCT ?initiative) >= {int(minimum)})
ORDER BY DESC(?shared) ?aLabel ?bLabel
"""
        + (f"LIMIT {int(limit)}\n" if limit else "")
    )
