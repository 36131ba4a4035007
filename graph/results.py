"""SPARQL results written out: the SPARQL 1.1 JSON, CSV and TSV formats, or a plain table."""

from __future__ import annotations

from typing import Any

__all__ = ["RESULT_FORMATS", "format_results"]

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


def _cell(term: Any) -> str:
    if term is None:
        return ""
    return str(term.value)


def _table(results: Any) -> str:
    import pyoxigraph as ox

    if isinstance(results, ox.QueryBoolean):
        return "true" if bool(results) else "false"
    names = [v.value for v in results.variables]
    rows = [[_cell(solution[name]) for name in names] for solution in results]
    widths = [max([len(n), *(_width(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = [" | ".join(_pad(n, w) for n, w in zip(names, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)) for row in rows]
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if "\u2e80" <= c <= "\uffef" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
