"""The ``policykg`` command line.

Exit codes follow the usual conventions: 0 success, 1 a document or query failed, 2 the
command was called wrongly (argparse's own code).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["build_parser", "main"]


def _write(text: str, output: str | None) -> None:
    if output and output != "-":
        Path(output).write_text(text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")


def _nlp(args: argparse.Namespace) -> Any:
    """The spaCy pipeline unless ``--no-nlp``; a missing model exits with how to get it."""
    if getattr(args, "no_nlp", False):
        return None
    from extract.models import ModelMissingError
    from extract.nlp import load_nlp

    try:
        return load_nlp()
    except ModelMissingError as exc:
        print(f"policykg {args.command}: {exc}", file=sys.stderr)
        raise SystemExit(1) from exc


def _cmd_extract(args: argparse.Namespace) -> int:
    from extract.jsonout import extraction_to_json
    from extract.pipeline import extract_file
    from extract.reading import DocumentError

    try:
        extraction = extract_file(args.file, jurisdiction=args.jurisdiction, nlp=_nlp(args))
    except DocumentError as exc:
        print(f"policykg extract: {exc}", file=sys.stderr)
        return 1
    data = extraction_to_json(extraction)
    if args.json:
        _write(json.dumps(data, ensure_ascii=False, indent=2), args.output)
        return 0
    _write(_extract_summary(data), args.output)
    return 0


def _extract_summary(data: dict[str, Any]) -> str:
    meta = data["metadata"]
    lines = [
        f"{data['document']['name']}: {meta['title'] or '(no title)'}",
        f"  number {meta['doc_number'] or '-'}, issuer {meta['issuer'] or '-'}, signed {meta['signed'] or '-'}, "
        f"published {meta['published'] or '-'}, jurisdiction {meta['jurisdiction_name']} ({meta['jurisdiction']})",
        f"  {len(data['outline'])} headings, {len(data['initiatives'])} initiatives, {len(data['tasks'])} tasks, "
        f"{len(data['notes'])} notes",
    ]
    for note in data["notes"]:
        units = "、".join(("*" if u["lead"] else "") + u["name"] for u in note["units"])
        lines.append(f"  {note['item'] or '-':>8} [{note['start']}:{note['end']}] {units}")
    return "\n".join(lines)


def _cmd_eval(args: argparse.Namespace) -> int:
    from extract.evaluate import score_documents
    from extract.jsonout import extraction_to_json
    from extract.pipeline import extract_file

    nlp = _nlp(args)
    try:
        score = score_documents(
            lambda path: extraction_to_json(extract_file(path, nlp=nlp)), Path(args.corpus), Path(args.gold)
        )
    except (FileNotFoundError, ValueError) as exc:
        print(f"policykg eval: {exc}", file=sys.stderr)
        return 1
    result = score.as_json()
    if args.json:
        _write(json.dumps(result, ensure_ascii=False, indent=2), args.output)
    else:
        _write(_eval_table(result), args.output)
    return 0


def _eval_table(result: dict[str, Any]) -> str:
    header = (
        f"{'document':<46} {'notes g/p/m':>12} {'note P':>7} {'note R':>7} {'unit F1':>8} {'lead':>9} {'plat F1':>8}"
    )
    lines = [header, "-" * len(header)]

    def row(name: str, r: dict[str, Any]) -> str:
        n = r["notes"]
        platforms = f"{r['platforms']['f1']:.3f}" if r["platforms"] else "-"
        lead = f"{r['lead']['accuracy']:.3f}/{r['lead']['n']}" if r["lead"]["n"] else "-"
        return (
            f"{name:<46} {n['gold']:>4}/{n['predicted']:>3}/{n['matched']:>3}"
            f" {n['precision']:>7.3f} {n['recall']:>7.3f} {r['units']['f1']:>8.3f} {lead:>9} {platforms:>8}"
        )

    lines += [row(name, r) for name, r in result["per_doc"].items()]
    lines += ["-" * len(header), row("TOTAL", result)]
    return "\n".join(lines)


def _cmd_summary(args: argparse.Namespace) -> int:
    from extract.pipeline import extract_file
    from extract.reading import DocumentError, find_documents
    from graph.analytics import shared_initiative_pairs

    try:
        paths = find_documents(args.paths)
    except DocumentError as exc:
        print(f"policykg summary: {exc}", file=sys.stderr)
        return 1
    extractions, failed = [], 0
    for index, path in enumerate(paths, 1):
        print(f"[{index}/{len(paths)}] {path}", file=sys.stderr)
        try:
            extractions.append(extract_file(path))
        except DocumentError as exc:
            failed += 1
            print(f"policykg summary: {exc}", file=sys.stderr)
    names = {u.agency: u.agency_name for e in extractions for n in e.notes for u in n.units}
    items = sum(len(e.initiatives) for e in extractions)
    notes = sum(len(e.notes) for e in extractions)
    lines = [
        f"documents: {len(extractions)} read, {failed} failed",
        f"items: {items} initiatives, {notes} responsibility notes",
        f"agencies: {len(names)} ({sum(1 for a in names if '/x-' not in a)} resolved in the gazetteer)",
        f"agency pairs that share the most items (top {args.top}):",
    ]
    for (first, second), count in shared_initiative_pairs(extractions).most_common(args.top):
        lines.append(f"  {count:>3}  {names[first]} — {names[second]}")
    _write("\n".join(lines), args.output)
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policykg", description="Knowledge graphs of who is responsible for what in Chinese government work plans."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="extract one document's metadata, outline and responsibility notes")
    extract.add_argument("file", help="a .txt, .html, .docx or .pdf file")
    extract.add_argument("--json", action="store_true", help="print the full extraction as JSON")
    extract.add_argument("--jurisdiction", help="division code (e.g. 350000) overriding the one read from the text")
    extract.add_argument("-o", "--output", help="write to this file instead of standard output")
    extract.add_argument("--no-nlp", action="store_true", help="skip the spaCy pipeline (notes and units only)")
    extract.set_defaults(func=_cmd_extract)

    evaluate = commands.add_parser("eval", help="score the extractor against hand-made gold")
    evaluate.add_argument("--corpus", required=True, help="folder of the documents the gold names")
    evaluate.add_argument("--gold", required=True, help="folder of clauses*.jsonl and platforms*.jsonl")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    evaluate.add_argument("-o", "--output", help="write to this file instead of standard output")
    evaluate.add_argument("--no-nlp", action="store_true", help="skip the spaCy pipeline (no platform scores)")
    evaluate.set_defaults(func=_cmd_eval)

    summary = commands.add_parser("summary", help="extract documents and summarise who shares what")
    summary.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of documents")
    summary.add_argument("--top", type=int, default=10, help="how many agency pairs to list (default 10)")
    summary.add_argument("-o", "--output", help="write to this file instead of standard output")
    summary.set_defaults(func=_cmd_summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
