"""The ``policykg`` command line.

Exit codes follow the usual conventions: 0 success, 1 a document or query failed, 2 the
command was called wrongly (argparse's own code).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract.reading import DocumentFile

__all__ = ["build_parser", "main"]

SHUTDOWN_GRACE_SECONDS = 3
RESULT_FORMATS = ("json", "csv", "tsv", "table")  # graph.results.RESULT_FORMATS, without importing pyoxigraph


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


def _warn(args: argparse.Namespace, warnings: Sequence[str]) -> None:
    for warning in warnings:
        print(f"policykg {args.command}: warning: {warning}", file=sys.stderr)


def _cmd_extract(args: argparse.Namespace) -> int:
    from extract.jsonout import extraction_to_json
    from extract.pipeline import extract_file
    from extract.reading import DocumentError, check_document_file

    try:
        max_bytes = _settings(args).max_file_bytes
        check_document_file(args.file, max_bytes=max_bytes)  # before the model, which takes seconds to load
        extraction = extract_file(args.file, jurisdiction=args.jurisdiction, nlp=_nlp(args), max_bytes=max_bytes)
    except DocumentError as exc:
        print(f"policykg extract: {exc}", file=sys.stderr)
        return 1
    _warn(args, extraction.document.warnings)
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
    from extract.evaluate import gold_documents, score_documents
    from extract.jsonout import extraction_to_json
    from extract.pipeline import extract_file

    corpus, gold = Path(args.corpus), Path(args.gold)
    try:
        gold_documents(corpus, gold)  # before the model, which takes seconds to load
        nlp = _nlp(args)
        score = score_documents(lambda path: extraction_to_json(extract_file(path, nlp=nlp)), corpus, gold)
    except ValueError as exc:
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


def _jurisdiction(text: str) -> str:
    """A division code from ``--jurisdiction``: a code (320000) or a place's name or short form
    (江苏省, 江苏); one that names no place, or several, is a usage error."""
    from extract.gazetteer import load_gazetteer

    found = load_gazetteer().places_called(text)
    if len(found) == 1:
        return found[0].code
    if not found:
        raise argparse.ArgumentTypeError(f"no place is called {text!r}: give a division code (320000) or a name")
    several = ", ".join(f"{p.code} {p.name}" for p in found)
    raise argparse.ArgumentTypeError(f"{text!r} names several places ({several}): give the code")


def _cmd_resolve(args: argparse.Namespace) -> int:
    from extract.entities import resolve_name
    from extract.gazetteer import COUNTRY, load_gazetteer
    from graph.results import format_records

    gaz = load_gazetteer()
    rows = []
    for name in args.names:
        entity = resolve_name(name, args.jurisdiction or COUNTRY, gaz)
        rows.append(
            {
                "name": name,
                "id": entity.id,
                "label": entity.name,
                "jurisdiction": entity.jurisdiction,
                "resolved": entity.resolved,
            }
        )
    if args.json:
        _write("\n".join(json.dumps(row, ensure_ascii=False) for row in rows), args.output)
    else:
        _write(format_records(rows), args.output)
    return 0


def _documents(args: argparse.Namespace) -> list[DocumentFile]:
    """The files named on the command line (:class:`~extract.reading.DocumentFile`); a missing
    path or a folder with no files exits 1 naming it."""
    from extract.reading import DocumentError, find_documents

    try:
        return find_documents(args.paths)
    except DocumentError as exc:
        print(f"policykg {args.command}: {exc}", file=sys.stderr)
        raise SystemExit(1) from exc


def _readable(found: DocumentFile, max_bytes: int) -> bool:
    """Whether *found* passes the cheap checks: the model is loaded only if some document does."""
    from extract.reading import DocumentError, check_document_file

    if found.problem or found.skip:
        return False
    try:
        check_document_file(found.path, max_bytes=max_bytes)
    except DocumentError:
        return False
    return True


def _cmd_summary(args: argparse.Namespace) -> int:
    from extract.pipeline import extract_file
    from extract.reading import DocumentError
    from graph.analytics import extraction_members, shared_initiatives

    documents = _documents(args)
    max_bytes = _settings(args).max_file_bytes
    extractions, failed, skipped = [], 0, 0
    for index, found in enumerate(documents, 1):
        print(f"[{index}/{len(documents)}] {found.path}", file=sys.stderr)
        if found.skip:
            skipped += 1
            print(f"policykg summary: skipped {found.path}: {found.skip}", file=sys.stderr)
            continue
        try:
            if found.problem:
                raise DocumentError(f"{found.path}: {found.problem}")
            extractions.append(extract_file(found.path, name=found.name, max_bytes=max_bytes))
        except DocumentError as exc:
            failed += 1
            print(f"policykg summary: {exc}", file=sys.stderr)
        else:
            _warn(args, extractions[-1].document.warnings)
    names = {u.agency: u.agency_name for e in extractions for n in e.notes for u in n.units}
    items = sum(len(e.initiatives) for e in extractions)
    notes = sum(len(e.notes) for e in extractions)
    lines = [
        f"documents: {len(extractions)} read, {failed} failed"
        + (f", {skipped} other files skipped" if skipped else ""),
        f"items: {items} initiatives, {notes} responsibility notes",
        f"agencies: {len(names)} ({sum(1 for a in names if '/x-' not in a)} resolved in the gazetteer)",
        f"agency pairs that share the most items (top {args.top}):",
    ]
    pairs = shared_initiatives(
        extraction_members(extractions), labels=lambda agencies: {a: names[a] for a in agencies}, limit=args.top
    )
    lines += [f"  {pair.shared:>3}  {pair.a_label} — {pair.b_label}" for pair in pairs]
    _write("\n".join(lines), args.output)
    return 1 if failed else 0


def _is_url(store: str | None) -> bool:
    """Whether ``--store`` names a SPARQL endpoint rather than a folder."""
    return bool(store) and str(store).startswith(("http://", "https://"))


def _settings(args: argparse.Namespace) -> Any:
    """The settings from ``POLICYKG_*`` and the command's options; a bad one ends the command
    with a message naming the variable (exit 2, as for a wrong option)."""
    from graph.settings import SettingsError, load_settings

    store = getattr(args, "store", None)
    overrides = {"store_path": store} if store and not _is_url(store) else {}
    if getattr(args, "base_iri", None):
        overrides["base_iri"] = args.base_iri
    try:
        return load_settings(**overrides)
    except SettingsError as exc:
        print(f"policykg {args.command}: bad setting: {exc}", file=sys.stderr)
        raise SystemExit(2) from exc


def _refused(command: str, exc: Exception) -> str:
    """The message for a store that cannot be opened; for one another process has open, who has
    it and what to do: wait for a build, or ask (or build into) the server that holds it."""
    from graph.store import StoreLocked

    message = f"policykg {command}: {exc}"
    if not isinstance(exc, StoreLocked):
        return message
    holder = exc.holder
    if holder and holder.url and command == "build":
        advice = (
            f"Build into the running server instead: `policykg build PATH... --store {holder.url}`, with the "
            "server's update token in POLICYKG_UPDATE_TOKEN; or stop the server, then build."
        )
    elif holder and holder.url and command == "serve":
        advice = f"It is served already, at {holder.url}."
    elif holder and holder.url:
        advice = (
            f"Ask the server instead, at its SPARQL endpoint {holder.url} "
            f"(curl {holder.url} --data-urlencode 'query=SELECT ...'); or stop the server, then run this again."
        )
    elif holder:
        advice = "Wait for it to finish, then run this again."
    else:
        advice = "Wait for the build to finish, or stop the server, then run this again" + (
            "; or build into a running server with `--store http://HOST:PORT/sparql`." if command == "build" else "."
        )
    return f"{message}.\n{advice}"


@contextmanager
def _open_store(args: argparse.Namespace) -> Iterator[Any]:
    """The store folder of *args*, noted in it as held by this command while open; one that cannot
    be opened exits 1 saying why and what to do."""
    from graph.store import KnowledgeStore, StoreError, announce

    if _is_url(getattr(args, "store", None)):
        print(
            f"policykg {args.command}: --store {args.store}: this command reads a store folder; "
            "ask a server at its SPARQL endpoint instead (only build writes into a URL)",
            file=sys.stderr,
        )
        raise SystemExit(1)
    try:
        store = KnowledgeStore(_settings(args).store_path, create=args.command == "build")  # only build makes one
    except StoreError as exc:
        print(_refused(args.command, exc), file=sys.stderr)
        raise SystemExit(1) from exc
    with store, announce(store.path, args.command):
        yield store


@contextmanager
def _build_target(args: argparse.Namespace, settings: Any) -> Iterator[Any]:
    """What ``build`` writes into: the store folder, or the SPARQL endpoint ``--store URL``
    (:class:`~graph.remote.RemoteStore`), checked to answer and take updates before the build starts."""
    if not _is_url(args.store):
        with _open_store(args) as store:
            yield store
        return
    from graph.remote import RemoteStore
    from graph.target import StoreError

    token = args.token or settings.update_token
    with RemoteStore(args.store, update_url=args.update_url, token=token) as remote:
        try:
            remote.check()
        except StoreError as exc:
            print(f"policykg build: {exc}", file=sys.stderr)
            raise SystemExit(1) from exc
        yield remote


def _build_statistics(store: Any) -> dict[str, int]:
    from graph.stats import store_statistics
    from graph.store import KnowledgeStore

    return store_statistics(store) if isinstance(store, KnowledgeStore) else {"quads": store.quad_count()}


def _nlp_maker(args: argparse.Namespace) -> Any:
    """What makes the spaCy pipeline (:func:`extract.nlp.load_nlp`), once the model is known to be
    there: a missing model exits with how to get it, before any document is read."""
    from extract.models import ModelMissingError, require_pkuseg_model
    from extract.nlp import load_nlp

    try:
        require_pkuseg_model()
    except ModelMissingError as exc:
        print(f"policykg {args.command}: {exc}", file=sys.stderr)
        raise SystemExit(1) from exc
    return load_nlp


def _cmd_build(args: argparse.Namespace) -> int:
    from extract.models import ModelMissingError
    from graph.build import build_documents
    from graph.distributed import DaskUnavailable
    from graph.iris import Minter
    from graph.store import KnowledgeStore
    from graph.target import StoreError

    if (args.update_url or args.token) and not _is_url(args.store):
        print("policykg build: --update-url and --token go with --store URL", file=sys.stderr)
        return 2
    if args.executor == "dask" and not args.scheduler:
        print("policykg build: --executor dask needs --scheduler ADDRESS (or $DASK_SCHEDULER_ADDRESS)", file=sys.stderr)
        return 2
    documents = _documents(args)
    settings = _settings(args)

    def progress(index: int, total: int, path: Path, outcome: str) -> None:
        print(f"[{index}/{total}] {path}: {outcome}", file=sys.stderr)

    with _build_target(args, settings) as store:  # before the model, which takes seconds to load
        make_nlp = None
        if not args.no_nlp and any(_readable(found, settings.max_file_bytes) for found in documents):
            make_nlp = _nlp_maker(args)  # loaded by build_documents once a document needs it, in each worker
        try:
            report = build_documents(
                documents,
                store,
                make_nlp=make_nlp,
                workers=args.workers,
                scheduler=args.scheduler if args.executor == "dask" else None,
                force=args.force,
                minter=Minter(settings.base_iri),
                progress=progress,
                max_file_bytes=settings.max_file_bytes,
            )
            if report.written and isinstance(store, KnowledgeStore):
                print(f"compacting {store.location}", file=sys.stderr, flush=True)
                store.compact()
            stats = _build_statistics(store)
        except StoreError as exc:
            print(f"policykg build: {exc}", file=sys.stderr)
            return 1
        except (ModelMissingError, DaskUnavailable) as exc:
            print(f"policykg build: {exc}", file=sys.stderr)
            return 1
        location = store.location
    lines = [
        f"built {len(report.written)} of {len(documents) - len(report.skipped)} documents into {location}"
        + (f"; {len(report.unchanged)} unchanged" if report.unchanged else "")
        + (f"; {len(report.failed)} failed" if report.failed else "")
        + (f"; {len(report.skipped)} other files skipped" if report.skipped else ""),
        "store: " + ", ".join(f"{value} {name}" for name, value in stats.items()),
    ]
    lines += [f"failed: {message}" for message in report.failed.values()]
    lines += [f"skipped: {message}" for message in report.skipped.values()]
    lines += [f"warning: {message}" for messages in report.warnings.values() for message in messages]
    _write("\n".join(lines), args.output)
    return 1 if report.failed else 0


def _cmd_query(args: argparse.Namespace) -> int:
    from graph.results import format_results

    sparql = Path(args.sparql[1:]).read_text(encoding="utf-8") if args.sparql.startswith("@") else args.sparql
    with _open_store(args) as store:
        try:
            results = store.oxigraph.query(sparql, use_default_graph_as_union=True)
            text = format_results(results, args.format)
        except SyntaxError as exc:
            print(f"policykg query: malformed query: {exc}", file=sys.stderr)
            return 1
    _write(text.rstrip("\n"), args.output)
    return 0


def _cmd_shared(args: argparse.Namespace) -> int:
    import pyoxigraph as ox

    from graph.explore import Explorer
    from graph.results import format_results, solutions

    with _open_store(args) as store:
        explorer = Explorer(store, _settings(args).base_iri)
        pairs = explorer.shared_initiatives(
            lead_only=args.lead_only,
            minimum=args.min,
            limit=args.top,
            document=args.document,
            jurisdiction=args.jurisdiction,
            year=args.year,
            per_pair=0,  # the table shows counts, not the initiatives
        )
    integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    rows = [
        (
            ox.NamedNode(explorer.iri(pair["a"]["id"])),
            ox.Literal(pair["a"]["label"]),
            ox.NamedNode(explorer.iri(pair["b"]["id"])),
            ox.Literal(pair["b"]["label"]),
            ox.Literal(str(pair["shared"]), datatype=integer),
        )
        for pair in pairs
    ]
    text = format_results(solutions(["a", "aLabel", "b", "bLabel", "shared"], rows), args.format)
    _write(text.rstrip("\n"), args.output)
    return 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    from graph.analytics import analyze
    from graph.facts import read_documents, read_facts, select_documents
    from graph.results import format_records

    base = _settings(args).base_iri
    with _open_store(args) as store:
        documents = select_documents(
            read_documents(store), base, document=args.document, jurisdiction=args.jurisdiction, year=args.year
        )
        found = analyze(read_facts(store, base, documents=documents), top=args.top)
    sections = found.sections()
    if args.format == "json":
        whole = {"agencies": found.agencies, "ties": found.ties, **sections}
        _write(json.dumps(sections[args.section] if args.section else whole, ensure_ascii=False, indent=2), args.output)
        return 0
    if args.format == "csv":
        _write(_csv_rows(sections[args.section or "agencies"]).rstrip("\n"), args.output)
        return 0
    lines = [f"co-responsibility network: {found.agencies} agencies, {found.ties} pairs sharing an initiative"]
    for name in [args.section] if args.section else list(sections):
        lines += ["", f"{_SECTION_TITLES[name]} (top {args.top}):", format_records(sections[name], hidden=_IDS)]
    _write("\n".join(lines), args.output)
    return 0


_SECTION_TITLES = {
    "agencies": "agencies by weighted degree",
    "pairs": "agency pairs sharing the most initiatives",
    "communities": "communities of the co-responsibility network",
    "platforms": "platforms most agencies act on",
    "initiatives": "initiatives recurring across documents",
}
_IDS = {"id", "ids", "a", "b"}  # tables show labels


def _csv_rows(rows: list[dict[str, Any]]) -> str:
    import csv
    import io

    from graph.results import cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if rows:
        writer.writerow(list(rows[0]))
        writer.writerows([[cell(value, places=None) for value in row.values()] for row in rows])
    return out.getvalue()


def _cmd_export(args: argparse.Namespace) -> int:
    from graph.export import NoSuchEntity, export

    if args.view == "neighbourhood" and not args.entity:
        print("policykg export: --view neighbourhood needs --entity ID", file=sys.stderr)
        return 2
    with _open_store(args) as store:
        try:
            written = export(
                store, _settings(args).base_iri, args.format, args.view, entity=args.entity, depth=args.depth
            )
        except NoSuchEntity:
            print(f"policykg export: no entity {args.entity}", file=sys.stderr)
            return 1
    summary = f"{written.nodes} nodes, {written.edges} edges ({args.view} view, {args.format})"
    if args.output == "-":
        sys.stdout.buffer.write(written.content)
        sys.stdout.flush()
        print(f"policykg export: wrote {summary} to standard output", file=sys.stderr)
        return 0
    output = Path(args.output)
    if output.is_dir():
        output = output / written.filename
    output.write_bytes(written.content)
    print(f"wrote {summary} to {output.resolve()}")
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    from graph.stats import store_statistics

    with _open_store(args) as store:
        stats = store_statistics(store)
    if args.json:
        _write(json.dumps(stats, indent=2), args.output)
    else:
        _write("\n".join(f"{name:<20} {value}" for name, value in stats.items()), args.output)
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from graph.validate import validate_graph

    with _open_store(args) as store:
        conforms, report = validate_graph(store.union())
    _write(report.rstrip("\n"), args.output)
    return 0 if conforms else 1


_DUMP_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}


def _cmd_dump(args: argparse.Namespace) -> int:
    import pyoxigraph as ox

    with _open_store(args) as store:
        if args.format in ("trig", "nquads"):
            fmt = ox.RdfFormat.TRIG if args.format == "trig" else ox.RdfFormat.N_QUADS
            data = store.oxigraph.dump(format=fmt).decode("utf-8")
        else:
            graph = store.union()
            graph.bind("pkg", "https://w3id.org/policykg/ontology#")
            data = graph.serialize(format=_DUMP_FORMATS[args.format])
    _write(data.rstrip("\n"), args.output)
    return 0


def _endpoint(host: str, port: int) -> str:
    """The SPARQL endpoint of a server listening on *host*:*port*, as a client on this machine reaches it.

    >>> _endpoint("0.0.0.0", 8000), _endpoint("::1", 8000)
    ('http://127.0.0.1:8000/sparql', 'http://[::1]:8000/sparql')
    """
    host = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1"}.get(host, host)
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/sparql"


def _exit_on_signal(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.main import create_app
    from graph.store import KnowledgeStore, StoreError, announce

    settings = _settings(args)
    settings.host = args.host or settings.host
    settings.port = args.port or settings.port
    try:  # a store another process has open is refused here, saying who has it, not by the store worker
        KnowledgeStore(settings.store_path, create=False).close()
    except StoreError as exc:
        print(_refused("serve", exc), file=sys.stderr)
        return 1
    # On SIGTERM, requests still running get a few seconds, then the store worker is killed with
    # whatever it was evaluating: a long query never holds a shutdown up. Uvicorn then raises the
    # signal again; its handler here ends the process by SystemExit, so the note goes with it.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    with announce(settings.store_path, "serve", _endpoint(settings.host, settings.port)):
        uvicorn.run(
            create_app(settings),
            host=settings.host,
            port=settings.port,
            log_level="info",
            timeout_graceful_shutdown=SHUTDOWN_GRACE_SECONDS,
        )
    return 0


_EXPORT_FORMATS = ("graphml", "gexf", "cytoscape", "nodelink", "csv", "svg", "png", "html")  # graph.export.FORMATS


def _positive(text: str) -> int:
    """A whole number from 1."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1, not {text!r}")
    return number


def _document_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--document", metavar="ID", help="only this document (its id, e.g. document/plan.txt, or file name)"
    )
    parser.add_argument(
        "--jurisdiction", metavar="CODE", help="only documents issued for this jurisdiction (350000, 福建省 or 福建)"
    )
    parser.add_argument("--year", type=int, help="only documents of this year (issued, else signed)")


def _store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", metavar="DIR", help="the store folder (default: $POLICYKG_STORE_PATH or var/store)")
    parser.add_argument("-o", "--output", help="write to this file instead of standard output")


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

    resolve = commands.add_parser(
        "resolve", help="the agency each name stands for (id, preferred name, jurisdiction), as extraction finds it"
    )
    resolve.add_argument("names", nargs="+", metavar="NAME", help="unit names as written (省发改委, 江苏省发展改革委)")
    resolve.add_argument(
        "--jurisdiction",
        type=_jurisdiction,
        metavar="CODE|NAME",
        help="where the names are read: a division code (320000) or a place (江苏省, 江苏); by default the country, "
        "where 江苏省发改委 resolves and 省发改委 does not",
    )
    resolve.add_argument("--json", action="store_true", help="one JSON object per name and line")
    resolve.add_argument("-o", "--output", help="write to this file instead of standard output")
    resolve.set_defaults(func=_cmd_resolve)

    summary = commands.add_parser("summary", help="extract documents and summarise who shares what")
    summary.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of documents")
    summary.add_argument("--top", type=_positive, default=10, help="how many agency pairs to list (default 10)")
    summary.add_argument("-o", "--output", help="write to this file instead of standard output")
    summary.set_defaults(func=_cmd_summary)

    build = commands.add_parser("build", help="extract documents into the store, one named graph each")
    build.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of documents")
    build.add_argument("--base-iri", help="base of every IRI (default: $POLICYKG_BASE_IRI or the project's)")
    build.add_argument("--no-nlp", action="store_true", help="skip the spaCy pipeline (no platforms or mentions)")
    build.add_argument(
        "--workers",
        type=_positive,
        default=os.cpu_count() or 1,
        metavar="N",
        help="extract in N processes, forked from one that loads the pipeline once (default: the machine's cores, here "
        f"{os.cpu_count() or 1}); the store is written by this one, in document order, so any N builds the same graph",
    )
    build.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="where to extract: local processes (default), or the Dask cluster of --scheduler, whose workers "
        "have policykg installed and see the documents at the same paths",
    )
    build.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=os.environ.get("DASK_SCHEDULER_ADDRESS"),
        help="the Dask scheduler for --executor dask, such as tcp://10.0.0.5:8786 (default: $DASK_SCHEDULER_ADDRESS)",
    )
    build.add_argument(
        "--force",
        action="store_true",
        help="extract and write every document, even those whose file and extractor are unchanged since last built",
    )
    build.add_argument(
        "--store",
        metavar="DIR|URL",
        help="the store folder (default: $POLICYKG_STORE_PATH or var/store), or the SPARQL endpoint of a running "
        "server to build into (policykg serve: http://HOST:PORT/sparql; oxigraph serve: http://HOST:PORT/query)",
    )
    build.add_argument(
        "--update-url", metavar="URL", help="the server's update endpoint (default: …/update for …/query, else --store)"
    )
    build.add_argument(
        "--token", help="bearer token for the server's updates (default: $POLICYKG_UPDATE_TOKEN, which keeps it off ps)"
    )
    build.add_argument("-o", "--output", help="write to this file instead of standard output")
    build.set_defaults(func=_cmd_build)

    query = commands.add_parser("query", help="run a SPARQL query over the union of the document graphs")
    query.add_argument("sparql", metavar="SPARQL", help="the query, or @FILE to read it from a file")
    query.add_argument("--format", choices=RESULT_FORMATS, default="table", help="output format (default table)")
    _store_options(query)
    query.set_defaults(func=_cmd_query)

    shared = commands.add_parser("shared", help="agency pairs that share the most initiatives")
    shared.add_argument("--lead-only", action="store_true", help="count only initiatives both agencies lead")
    shared.add_argument("--min", type=_positive, default=1, help="least number of shared initiatives (default 1)")
    shared.add_argument("--top", type=_positive, default=20, help="how many pairs (default 20)")
    shared.add_argument("--format", choices=RESULT_FORMATS, default="table", help="output format (default table)")
    _document_filters(shared)
    _store_options(shared)
    shared.set_defaults(func=_cmd_shared)

    analyze = commands.add_parser(
        "analyze",
        help="rank agencies in the co-responsibility network: degree, betweenness, communities, lead load, "
        "platforms and what recurs across documents and years",
    )
    analyze.add_argument("--top", type=_positive, default=10, metavar="N", help="rows per section (default 10)")
    analyze.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help="output format (default table)"
    )
    analyze.add_argument(
        "--section",
        choices=list(_SECTION_TITLES),
        help="only this section (csv writes one section: agencies unless given)",
    )
    _document_filters(analyze)
    _store_options(analyze)
    analyze.set_defaults(func=_cmd_analyze)

    export = commands.add_parser(
        "export", help="write a view of the graph for Gephi, yEd, Cytoscape, a browser or a report"
    )
    export.add_argument("--format", required=True, choices=_EXPORT_FORMATS, help="what to write")
    export.add_argument(
        "--view",
        choices=("full", "agencies", "platforms", "neighbourhood"),
        default="full",
        help="agencies, initiatives, platforms and documents (full, the default); the agency co-responsibility "
        "network (agencies); the agency–platform network (platforms); an entity's neighbourhood",
    )
    export.add_argument("--entity", metavar="ID", help="the entity of --view neighbourhood, e.g. agency/350000/drc")
    export.add_argument("--depth", type=int, choices=(1, 2, 3), default=1, help="neighbourhood steps (default 1)")
    export.add_argument("--store", metavar="DIR", help="the store folder (default: $POLICYKG_STORE_PATH or var/store)")
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the file to write (csv: a zip of nodes.csv and edges.csv), a folder to write it into under its "
        "own name, or - for standard output",
    )
    export.set_defaults(func=_cmd_export)

    stats = commands.add_parser("stats", help="count graphs, triples and nodes of each class")
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    _store_options(stats)
    stats.set_defaults(func=_cmd_stats)

    validate = commands.add_parser("validate", help="check the graph against the SHACL shapes (exit 1 if not)")
    _store_options(validate)
    validate.set_defaults(func=_cmd_validate)

    serve = commands.add_parser("serve", help="serve the SPARQL endpoint, the API and the UI over HTTP")
    serve.add_argument("--store", metavar="DIR", help="the store folder (default: $POLICYKG_STORE_PATH or var/store)")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default 8000)")
    serve.set_defaults(func=_cmd_serve)

    dump = commands.add_parser("dump", help="write the graph out")
    dump.add_argument("--format", choices=list(_DUMP_FORMATS), default="trig", help="RDF format (default trig)")
    _store_options(dump)
    dump.set_defaults(func=_cmd_dump)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
