"""Results written out: SPARQL solutions in the SPARQL 1.1 JSON, CSV and TSV formats or as a plain
table, and any rows as a table whose columns line up with Chinese text in them."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

__all__ = ["RESULT_FORMATS", "cell", "format_records", "format_results", "format_table", "solutions", "text_width"]

RESULT_FORMATS = ("json", "csv", "tsv", "table")


def format_results(results: Any, fmt: str) -> str:
    """Serialise pyoxigraph query results (solutions, a boolean, or triples) as *fmt*."""
    import pyoxigraph as ox

    if isinstance(results, ox.QueryTriples):
        return bytes(results.serialize(format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    if fmt == "table":
        return _table(results)
    formats = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
    return bytes(results.serialize(format=formats[fmt]) or b"").decode("utf-8")


def solutions(variables: Sequence[str], rows: Iterable[Sequence[Any]]) -> Any:
    """Rows of pyoxigraph terms as SPARQL solutions of *variables*, in their order, so answers
    computed outside a query are written by the same serialisers (:func:`format_results`).

    >>> import pyoxigraph as ox
    >>> format_results(solutions(["a", "n"], [(ox.NamedNode("urn:x"), ox.Literal("3"))]), "csv").splitlines()
    ['a,n', 'urn:x,3']
    """
    import pyoxigraph as ox

    head = " ".join(f"?{name}" for name in variables)
    values = " ".join("(" + " ".join(str(term) for term in row) + ")" for row in rows)
    return ox.Store().query(f"SELECT {head} WHERE {{ VALUES ({head}) {{ {values} }} }}")


def _cell(term: Any) -> str:
    if term is None:
        return ""
    return str(term.value)


def _table(results: Any) -> str:
    import pyoxigraph as ox

    if isinstance(results, ox.QueryBoolean):
        return "true" if bool(results) else "false"
    names = [v.value for v in results.variables]
    return format_table(names, [[_cell(solution[name]) for name in names] for solution in results])


def format_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """*rows* under *columns*, each column as wide as its widest cell on a terminal, and a count.

    >>> print(format_table(["agency", "n"], [["省数字办", 3], ["drc", 12]]))
    agency   | n
    ---------+---
    省数字办 | 3
    drc      | 12
    (2 rows)
    """
    cells = [["" if value is None else str(value) for value in row] for row in rows]
    widths = [max([text_width(name), *(text_width(row[i]) for row in cells)]) for i, name in enumerate(columns)]
    lines = [" | ".join(_pad(name, width) for name, width in zip(columns, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * width for width in widths))
    lines += [" | ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.append(f"({len(cells)} rows)")
    return "\n".join(lines)


def format_records(records: Sequence[Mapping[str, Any]], *, hidden: Collection[str] = ()) -> str:
    """Rows of named values as a table (:func:`format_table`), the columns of *hidden* left out.

    >>> print(format_records([{"id": "a/1", "label": "省数字办", "share": 0.25, "years": [2021, 2022]}], hidden={"id"}))
    label    | share | years
    ---------+-------+----------
    省数字办 | 0.250 | 2021 2022
    (1 rows)
    """
    columns = [name for name in (records[0] if records else {}) if name not in hidden]
    return format_table(columns, [[cell(record[name]) for name in columns] for record in records])


def cell(value: Any, places: int | None = 3) -> str:
    """A value as a table or CSV cell: a list space-separated, a fraction to *places* (all when None).

    >>> cell([2021, 2022]), cell(1 / 3), cell(1 / 3, places=None), cell(None)
    ('2021 2022', '0.333', '0.3333333333333333', '')
    """
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(map(str, value))
    if isinstance(value, float) and places is not None:
        return f"{value:.{places}f}"
    return str(value)


def text_width(text: str) -> int:
    """The columns *text* takes on a terminal: wide and full-width characters (East Asian Width
    W or F, as Chinese and its full-width punctuation are) take two.

    >>> text_width("省数字办"), text_width("（一）A"), text_width("abc")
    (8, 7, 3)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - text_width(text))
