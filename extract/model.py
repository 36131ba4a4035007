"""The plain data that flows between extraction steps.

Offsets are character offsets into :attr:`Document.text`, the text as read, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "Document",
    "Entity",
    "Extraction",
    "Heading",
    "Initiative",
    "Mention",
    "Metadata",
    "Note",
    "Role",
    "TargetMention",
    "Task",
    "Unit",
]

Role = Literal["lead", "responsible", "support"]


@dataclass(frozen=True)
class Document:
    """A file read into text. ``norm`` has the same length as ``text`` (see :mod:`extract.text`).

    ``name`` is the key of the document's graph; ``warnings`` say what reading had to guess.
    """

    name: str
    text: str
    norm: str
    source_format: str = "txt"
    encoding: str = "utf-8"
    path: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass
class Metadata:
    """What the document says about itself."""

    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    signed: str | None = None
    published: str | None = None
    addressees: list[str] = field(default_factory=list)
    jurisdiction: str = "100000"
    jurisdiction_name: str = "中华人民共和国"
    jurisdiction_level: str = "country"


@dataclass(frozen=True)
class Heading:
    """A numbered heading: a section (一、), an item (（一）), a point (1.) or a sub-point (（1）)."""

    marker: str
    depth: int
    title: str
    start: int
    end: int


@dataclass
class Unit:
    """One responsible unit of a note, expanded and resolved."""

    text: str
    start: int
    end: int
    name: str
    labels: list[str]
    role: Role
    agency: str
    agency_name: str
    resolved: bool
    collective: bool
    added_by_declaration: bool = False

    @property
    def lead(self) -> bool:
        return self.role == "lead"


@dataclass
class Note:
    """A responsibility note: who answers for the task before it."""

    raw: str
    start: int
    end: int
    item: str | None
    heading: int | None
    units: list[Unit]
    style: str = "bracket"
    deadline: str | None = None
    scope: str | None = None


@dataclass
class Task:
    """The text one note covers; an exact repeat is one task with several occurrences."""

    initiative: int | None
    text: str
    spans: list[tuple[int, int]]
    notes: list[int]
    occurrences: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Initiative:
    """An item of the plan; a repeated item (same marker, same title) is one initiative."""

    marker: str
    title: str
    headings: list[int]
    parent: int | None = None


@dataclass
class Mention:
    """Something named in task text: a platform, programme, place, agency or deadline.

    ``ref`` is the resolved identifier (an agency id, a place code) where there is one;
    ``action`` the typed verb on a platform (builds, upgrades, promotes, connects, relies_on).
    """

    kind: str
    name: str
    start: int
    end: int
    item: str | None
    heading: int | None
    task: int | None
    labels: list[str] = field(default_factory=list)
    ref: str | None = None
    action: str | None = None


@dataclass
class TargetMention:
    """A quantified goal in task text (70个以上 …)."""

    text: str
    start: int
    end: int
    value: str
    unit: str
    qualifier: str | None
    counted: str | None
    item: str | None
    heading: int | None
    task: int | None


@dataclass(frozen=True)
class Entity:
    """What a mention stands for, one per real body, system or place (see :mod:`extract.entities`).

    ``kind`` is ``agency``, ``platform``, ``programme`` or ``place``; ``type`` the agency's type
    (government, party …) or the place's level; ``aliases`` its names from the gazetteer (not
    those one document writes); ``parent`` the body it belongs to or the place it lies in;
    ``jurisdiction`` the place code it is of.
    """

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    type: str | None = None
    jurisdiction: str | None = None
    parent: str | None = None
    successors: tuple[str, ...] = ()
    predecessors: tuple[str, ...] = ()
    resolved: bool = True
    collective: bool = False


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: Document
    metadata: Metadata
    headings: list[Heading]
    notes: list[Note]
    initiatives: list[Initiative]
    tasks: list[Task]
    boilerplate: list[tuple[int, int]]
    heading_initiative: list[int] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    targets: list[TargetMention] = field(default_factory=list)
    platform_links: list[tuple[int, int, str]] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    issuer: str | None = None  # the entity id of metadata.issuer
    # the key agencies of a place the text never names are minted in (this document's own:
    # 市财政局 of two such documents are two agencies); None where the jurisdiction is known
    unplaced: str | None = None

    def of_kind(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]
