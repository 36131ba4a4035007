"""Stable IRIs: the same agency, platform, initiative or task gets the same IRI on every build.

Agencies are keyed by their gazetteer id (jurisdiction and body: ``350000/drc``), or, when the
gazetteer lacks them, by jurisdiction and expanded name; platforms and programmes by
jurisdiction and canonical name (quotes and a leading 省/全省/市 removed), so 省“互联网+监管”系统
and “互联网+监管”系统 in one jurisdiction are one node; everything inside a document by the
document's name and what the thing is, never by a counter.

A document's name is its file's path in the folder it was built from (``a/plan.txt``), or its
file name when the file was named on its own, suffix included: ``plan.txt`` and ``plan.docx``
are two documents. Each ``/``-separated part is percent-encoded on its own, so the name's
folders stay readable path segments and any file name (Chinese, spaces) makes a valid IRI.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import URIRef

__all__ = ["DEFAULT_BASE", "Minter", "canonical_platform_name", "digest"]

DEFAULT_BASE = "https://w3id.org/policykg/id/"
_LEVEL_PREFIX = re.compile(r"^(?:全省|省级|省|全市|市级|市|全区|区|全县|县)(?=.{3,})")
_QUOTES = str.maketrans("", "", "“”\"'‘’「」『』")


def digest(*parts: str) -> str:
    """A short stable hash of *parts*."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def canonical_platform_name(name: str) -> str:
    """The name platforms are merged by: no quotes, no leading level.

    >>> canonical_platform_name("省“互联网+监管”系统"), canonical_platform_name("全省政务自助终端通办平台")
    ('互联网+监管系统', '政务自助终端通办平台')
    """
    return _LEVEL_PREFIX.sub("", "".join(name.translate(_QUOTES).split()))


@dataclass(frozen=True)
class Minter:
    """Mints every IRI under one base (``Settings.base_iri``)."""

    base: str = DEFAULT_BASE

    def _iri(self, *path: str) -> URIRef:
        return URIRef(self.base + "/".join(quote(p, safe="-_.~") for p in path))

    def _in_document(self, kind: str, name: str, *rest: str) -> URIRef:
        return self._iri(kind, *name.split("/"), *rest)

    def document(self, name: str) -> URIRef:
        return self._in_document("document", name)

    def graph(self, name: str) -> URIRef:
        """The named graph that holds the facts of the document *name*.

        >>> Minter().graph("2021/福建 plan.txt")
        rdflib.term.URIRef('https://w3id.org/policykg/id/graph/2021/%E7%A6%8F%E5%BB%BA%20plan.txt')
        """
        return self._in_document("graph", name)

    def entities_graph(self) -> URIRef:
        """The named graph describing the agencies, platforms, programmes and places once."""
        return self._iri("entities")

    def agency(self, agency_id: str) -> URIRef:
        return self._iri("agency", *agency_id.split("/"))

    def place(self, code: str) -> URIRef:
        return self._iri("place", code)

    def platform(self, jurisdiction: str, name: str) -> URIRef:
        return self._iri("platform", jurisdiction, digest(canonical_platform_name(name)))

    def programme(self, jurisdiction: str, name: str) -> URIRef:
        return self._iri("programme", jurisdiction, digest(canonical_platform_name(name)))

    def initiative(self, name: str, key: str) -> URIRef:
        return self._in_document("initiative", name, digest(key))

    def task(self, name: str, key: str) -> URIRef:
        return self._in_document("task", name, digest(key))

    def responsibility(self, task: URIRef, agency: URIRef, role: str) -> URIRef:
        return self._iri("responsibility", digest(task, agency, role))

    def span(self, name: str, start: int, end: int) -> URIRef:
        return self._in_document("span", name, f"{start}-{end}")

    def target(self, name: str, start: int) -> URIRef:
        return self._in_document("target", name, str(start))
