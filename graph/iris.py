"""Stable IRIs: the same agency, platform, initiative or task gets the same IRI on every build.

Agencies are keyed by their gazetteer id (jurisdiction and body: ``350000/drc``), or, when the
gazetteer lacks them, by jurisdiction and expanded name; platforms and programmes by
jurisdiction and canonical name (quotes and a leading 省/全省/市 removed), so 省“互联网+监管”系统
and “互联网+监管”系统 in one jurisdiction are one node; everything inside a document by the
document's file name and what the thing is, never by a counter.
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

    def document(self, stem: str) -> URIRef:
        return self._iri("document", stem)

    def graph(self, stem: str) -> URIRef:
        """The named graph that holds one document's facts."""
        return self._iri("graph", stem)

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

    def initiative(self, stem: str, key: str) -> URIRef:
        return self._iri("initiative", stem, digest(key))

    def task(self, stem: str, key: str) -> URIRef:
        return self._iri("task", stem, digest(key))

    def responsibility(self, task: URIRef, agency: URIRef, role: str) -> URIRef:
        return self._iri("responsibility", digest(task, agency, role))

    def span(self, stem: str, start: int, end: int) -> URIRef:
        return self._iri("span", stem, f"{start}-{end}")

    def target(self, stem: str, start: int) -> URIRef:
        return self._iri("target", stem, str(start))
