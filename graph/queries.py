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
    """Agency pairs with the number of initiatives they share, most first, as one SPARQL aggregate.

    The commands, the API and the notebook count pairs with :func:`graph.analytics.shared_initiatives`;
    this text is the same question for SPARQL engines: what ``bench.sparql_servers`` times on each,
    and what the tests check that function's answers against.

    With *lead_only*, both agencies must lead the initiative (``pkg:leads``); otherwise any
    role counts (``pkg:responsibleFor``). Programmes are not counted as shared items.

    The pairs are grouped before anything is decoded to text: ``sameTerm`` compares stored
    terms, while ``STR`` (which orders each pair once) and the labels are only asked of the
    grouped pairs. Labels join directly because the entities graph describes each agency once.
    """
    relation = "pkg:leads" if lead_only else "pkg:responsibleFor"
    return (
        PREFIXES
        + f"""SELECT ?a ?aLabel ?b ?bLabel ?shared
WHERE {{
  {{
    SELECT ?a ?b (COUNT(DISTINCT ?initiative) AS ?shared)
    WHERE {{
      ?a {relation} ?initiative .
      ?b {relation} ?initiative .
      ?initiative a pkg:Initiative .
      FILTER (!sameTerm(?a, ?b))
    }}
    GROUP BY ?a ?b
    HAVING (COUNT(DISTINCT ?initiative) >= {int(minimum)})
  }}
  FILTER (STR(?a) < STR(?b))
  ?a skos:prefLabel ?aLabel .
  ?b skos:prefLabel ?bLabel .
}}
ORDER BY DESC(?shared) ?aLabel ?bLabel
"""
        + (f"LIMIT {int(limit)}\n" if limit else "")
    )
