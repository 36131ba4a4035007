"""Finding responsibility notes and reading who is responsible, and in which role.

A note is found in three shapes: in brackets after the text it covers (``（责任单位：…）``,
``（…牵头负责）``), as label lines without brackets (``牵头单位：区发改局``), or as the last
cell of a table row flattened into a line (``市金融办、市发改委分别牵头落实``). Its content is
split into labelled clauses, each clause into role groups (``X牵头，Y配合``; ``X会同Y负责``), and
each group into units (:func:`extract.units.expand_units`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.gazetteer import Gazetteer
from extract.model import Role
from extract.units import UnitName, expand_units, split_outside_brackets

__all__ = [
    "NoteSpan",
    "ParsedNote",
    "RoleGroup",
    "added_unit_declarations",
    "find_notes",
    "first_lead_declarations",
    "parse_note_content",
]

_OPENERS = {"（": "）", "〔": "〕", "【": "】"}
_MAX_NOTE = 400
FIRST_LEAD = re.compile(
    r"[，。；]?\s*(?:排在|排列|列在?|居)第一位(?:的|者)?(?:部门|单位)?为牵头(?:部门|单位)?(?:[，]?\s*下同)?"
)
ADDED_UNITS = re.compile(
    r"[，。；]?\s*以下(?:各项|所有)?(?:任务|工作|措施|事项)?(?:均|都|皆)?(?:需|须|由|要|需要)"
    r"(?P<units>[^。；]{2,80}?)(?:负责)?(?:落实|实施|推进|负责)[，]?\s*(?:不再|不)(?:一一|逐一|逐项)?列出"
)
_GROUP_SEPARATORS = "，。；"


@dataclass
class RoleGroup:
    role: Role | None
    units: list[UnitName]


@dataclass
class ParsedNote:
    """The content of one note: its role groups and what else it says."""

    groups: list[RoleGroup] = field(default_factory=list)
    labelled: bool = False
    scope: str | None = None
    deadline: str | None = None
    explicit_lead: bool = False


@dataclass(frozen=True)
class NoteSpan:
    """Where a note stands: the whole note and its content (inside brackets, if any)."""

    start: int
    end: int
    content_start: int
    content_end: int
    style: str
    default_role: Role | None = None


def _cut(text: str, pattern: re.Pattern[str]) -> str:
    """Blank out *pattern* matches with separators, keeping offsets."""
    return pattern.sub(lambda m: "；" * len(m.group(0)), text)


def _looks_like_unit(unit: UnitName, gaz: Gazetteer) -> bool:
    name = unit.name
    if len(name) < 2 or len(name) > 30:
        return False
    return name.endswith(gaz.lexicon.organisation_suffixes) or gaz.is_collective(name)


def _parse_clause(
    text: str, offset: int, default_role: Role | None, gaz: Gazetteer, jurisdiction: str
) -> list[RoleGroup] | None:
    """Role groups of an unlabelled stretch; None where some text carries no role at all."""
    groups: list[RoleGroup] = []
    pending: list[tuple[str, int]] = []

    def close(role: Role | None, last: tuple[str, int] | None) -> None:
        pieces = pending + ([last] if last and last[0] else [])
        units = [u for piece, start in pieces for u in expand_units(piece, start, gaz, jurisdiction)]
        if units:
            groups.append(RoleGroup(role, units))
        pending.clear()

    for segment, start in split_outside_brackets(text, _GROUP_SEPARATORS, offset):
        stripped = segment.strip()
        if not stripped:
            continue
        start += segment.index(stripped)
        match = gaz.lexicon.suffix_pattern.search(stripped)
        if match is None:
            pending.append((stripped, start))
            continue
        body = stripped[: match.start()]
        role: Role = gaz.lexicon.role_suffixes[match.group(1)]  # type: ignore[assignment]
        if "会同" in body:
            leader, _, partners = body.partition("会同")
            close("lead", (leader, start))
            close("support", (partners, start + len(leader) + 2))
        else:
            close(role, (body, start))
    if pending:
        if default_role is None:
            return None
        close(default_role, None)
    return groups


def parse_note_content(
    content: str, offset: int, gaz: Gazetteer, jurisdiction: str, default_role: Role | None = None
) -> ParsedNote | None:
    """Read a note's content; None where it is not a responsibility note.

    *offset* is where *content* starts in the document, so that units carry document offsets.
    *default_role* is the role of text without a label or role word (a table column's role);
    without one, such text makes the content not a note.

    >>> from extract.gazetteer import load_gazetteer
    >>> gaz = load_gazetteer()
    >>> note = parse_note_content("国家发展改革委会同有关部门负责", 0, gaz, "100000")
    >>> [(u.name, g.role) for g in note.groups for u in g.units]
    [('国家发展改革委', 'lead')]
    >>> parse_note_content("以下简称自贸试验区", 0, gaz, "100000") is None
    True
    """
    text = _cut(_cut(content, FIRST_LEAD), ADDED_UNITS)
    lexicon = gaz.lexicon
    labels = [m for m in lexicon.label_pattern.finditer(text) if m.start() == 0 or text[m.start() - 1] in "；，。 \t\n"]
    parsed = ParsedNote(labelled=any(m.group(1) in lexicon.labels for m in labels))
    clauses: list[tuple[str | None, int, int]] = []
    if not labels or labels[0].start() > 0:
        clauses.append((None, 0, labels[0].start() if labels else len(text)))
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        clauses.append((match.group(1), match.end(), end))
    for label, begin, end in clauses:
        body = text[begin:end]
        if label in lexicon.other_labels:
            value = content[begin:end].strip("；，。 ")
            if lexicon.other_labels[label] == "scope":
                parsed.scope = value
            else:
                parsed.deadline = value
            continue
        role = lexicon.labels[label] if label else default_role
        groups = _parse_clause(body, offset + begin, role, gaz, jurisdiction)  # type: ignore[arg-type]
        if groups is None:
            if label is None and parsed.labelled is False and not body.strip("；，。 "):
                continue
            return None
        parsed.groups += groups
    units = [u for g in parsed.groups for u in g.units]
    if not units:
        return None
    if not parsed.labelled and default_role is None and not all(_looks_like_unit(u, gaz) for u in units):
        return None
    parsed.explicit_lead = any(g.role == "lead" for g in parsed.groups)
    return parsed


def _matching_close(text: str, start: int) -> int | None:
    """Index of the bracket closing the one at *start*, nesting any bracket kind."""
    depth = 0
    limit = min(len(text), start + _MAX_NOTE)
    for index in range(start, limit):
        char = text[index]
        if char in "（〔【":
            depth += 1
        elif char in "）〕】":
            depth -= 1
            if depth == 0:
                return index
        elif char == "\n":
            return None
    return None


def _bracket_candidates(norm: str) -> list[NoteSpan]:
    spans = []
    for match in re.finditer("[（〔【]", norm):
        close = _matching_close(norm, match.start())
        if close is not None:
            spans.append(NoteSpan(match.start(), close + 1, match.start() + 1, close, "bracket"))
    return spans


def _label_line_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """Blocks of lines that start with a label (``牵头单位：…`` / ``配合单位：…``).

    A block starts at a line opening with a unit label, or at a unit label after a full stop
    (``…平台。责任单位：市工信局``), and takes in the label lines that follow it.
    """
    label = gaz.lexicon.label_pattern
    inline = re.compile("。\\s*(" + label.pattern + ")")
    unit_labels = gaz.lexicon.labels
    spans: list[NoteSpan] = []
    block: list[int] | None = None
    position = 0
    for line in norm.split("\n"):
        line_end = position + len(line)
        stripped = line.lstrip(" \t\u3000")
        match = label.match(stripped)
        if block is not None and match:
            block[1] = line_end
        else:
            if block is not None:
                spans.append(NoteSpan(block[0], block[1], block[0], block[1], "label"))
                block = None
            found = inline.search(line)
            if match and match.group(1) in unit_labels:
                block = [line_end - len(stripped), line_end]
            elif found and found.group(2) in unit_labels:
                block = [position + found.start(1), line_end]
        position = line_end + 1
    if block is not None:
        spans.append(NoteSpan(block[0], block[1], block[0], block[1], "label"))
    return spans


def _table_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """Cells of flattened table rows: under a 责任单位 column header, or a last cell with a role word."""
    spans: list[NoteSpan] = []
    columns: dict[int, Role] = {}
    position = 0
    for line in norm.split("\n"):
        cells = [(m.group(0), position + m.start()) for m in re.finditer(r"[^\t|\s]+", line)]
        headers = {i: gaz.lexicon.labels[c] for i, (c, _) in enumerate(cells) if c in gaz.lexicon.labels}
        if headers and len(cells) >= 2:
            columns = headers  # type: ignore[assignment]
        elif len(cells) >= 2:
            if columns and len(cells) > max(columns):
                for index, role in columns.items():
                    text, start = cells[index]
                    spans.append(NoteSpan(start, start + len(text), start, start + len(text), "table", role))
            else:
                text, start = cells[-1]
                if gaz.lexicon.suffix_pattern.search(text) and text[0] not in "（〔【":
                    spans.append(NoteSpan(start, start + len(text), start, start + len(text), "table"))
        elif not cells:
            columns = {}
        position += len(line) + 1
    return spans


def find_notes(norm: str, gaz: Gazetteer, jurisdiction: str) -> list[tuple[NoteSpan, ParsedNote]]:
    """Every responsibility note in *norm*, in document order, each with its parsed content."""
    found: list[tuple[NoteSpan, ParsedNote]] = []
    candidates = _bracket_candidates(norm) + _label_line_candidates(norm, gaz) + _table_candidates(norm, gaz)
    taken_until = -1
    for span in sorted(candidates, key=lambda s: (s.start, -s.end)):
        if span.start < taken_until:
            continue
        content = norm[span.content_start : span.content_end]
        if span.style == "label":
            content = content.replace("\n", "；")
        parsed = parse_note_content(content, span.content_start, gaz, jurisdiction, span.default_role)
        if parsed is not None:
            found.append((span, parsed))
            taken_until = span.end
    return found


def first_lead_declarations(norm: str) -> list[int]:
    """Where the document declares that the first unit listed leads (从此处起, 下同)."""
    return [m.start() for m in FIRST_LEAD.finditer(norm)]


def added_unit_declarations(norm: str) -> list[tuple[int, str, int]]:
    """``以下任务均需X落实，不再一一列出``: (position, X, offset of X) for each declaration."""
    return [(m.start(), m.group("units"), m.start("units")) for m in ADDED_UNITS.finditer(norm)]
