"""The JSON form of an extraction, as ``policykg extract --json`` prints it.

Other tools score this output, so the keys of ``notes`` and ``platforms`` are stable.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from extract.model import Extraction, Mention

__all__ = ["extraction_to_json"]


def extraction_to_json(extraction: Extraction) -> dict[str, Any]:
    """A JSON-ready dict: metadata, outline, tasks and notes with their units, all with offsets."""
    document = extraction.document
    return {
        "document": {
            "name": document.name,
            "path": document.path,
            "format": document.source_format,
            "encoding": document.encoding,
            "length": len(document.text),
            "warnings": list(document.warnings),
        },
        "metadata": asdict(extraction.metadata),
        "outline": [
            {
                "marker": h.marker,
                "depth": h.depth,
                "title": h.title,
                "start": h.start,
                "end": h.end,
                "initiative": extraction.heading_initiative[i],
            }
            for i, h in enumerate(extraction.headings)
        ],
        "initiatives": [
            {"marker": i.marker, "title": i.title, "parent": i.parent, "occurrences": len(i.headings)}
            for i in extraction.initiatives
        ],
        "tasks": [
            {
                "initiative": t.initiative,
                "text": t.text,
                "spans": [list(s) for s in t.spans],
                "notes": t.notes,
                "occurrences": [list(o) for o in t.occurrences],
            }
            for t in extraction.tasks
        ],
        "boilerplate": [list(span) for span in extraction.boilerplate],
        "notes": [
            {
                "raw": n.raw,
                "item": n.item,
                "start": n.start,
                "end": n.end,
                "style": n.style,
                "deadline": n.deadline,
                "scope": n.scope,
                "units": [
                    {
                        "name": u.name,
                        "labels": u.labels,
                        "lead": u.lead,
                        "role": u.role,
                        "agency": u.agency,
                        "agency_name": u.agency_name,
                        "resolved": u.resolved,
                        "collective": u.collective,
                        "added_by_declaration": u.added_by_declaration,
                        "text": u.text,
                        "start": u.start,
                        "end": u.end,
                    }
                    for u in n.units
                ],
            }
            for n in extraction.notes
        ],
        "platforms": [_mention(m) | {"action": m.action} for m in extraction.of_kind("platform")],
        "platform_links": [{"first": a, "second": b, "verb": verb} for a, b, verb in _platform_links(extraction)],
        "programmes": [_mention(m) for m in extraction.of_kind("programme")],
        "places": [_mention(m) | {"code": m.ref} for m in extraction.of_kind("place")],
        "agency_mentions": [_mention(m) | {"agency": m.ref} for m in extraction.of_kind("agency")],
        "deadlines": [_mention(m) for m in extraction.of_kind("deadline")],
        "targets": [asdict(t) for t in extraction.targets],
    }


def _mention(mention: Mention) -> dict[str, Any]:
    return {
        "name": mention.name,
        "labels": mention.labels,
        "item": mention.item,
        "start": mention.start,
        "end": mention.end,
        "task": mention.task,
    }


def _platform_links(extraction: Extraction) -> list[tuple[int, int, str]]:
    """Links by index into the ``platforms`` list (not into all mentions)."""
    platforms = [i for i, m in enumerate(extraction.mentions) if m.kind == "platform"]
    position = {mention_index: rank for rank, mention_index in enumerate(platforms)}
    return [(position[a], position[b], verb) for a, b, verb in extraction.platform_links]
