"""The command line as a user runs it: help, JSON keys, outputs and exit codes.

Most commands run in this process (:func:`graph.cli.main`, its output read with ``capsys``),
exactly as ``python -m graph.cli`` runs them but without a new interpreter and a new spaCy
pipeline each time; what only a separate process shows (its exit status, a model it has not
loaded) runs in one (:func:`policykg_process`).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.cli import main
from tests.conftest import SAMPLES


def policykg_process(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m graph.cli ARGS`` in a process of its own."""
    environment = {**os.environ, **env} if env else None
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True, env=environment)


def policykg_processes(*commands: list[str], env: dict[str, str]) -> list[subprocess.CompletedProcess[str]]:
    """Each of *commands* as ``python -m graph.cli COMMAND`` in a process of its own, all at once."""
    environment = {**os.environ, **env}
    running = [
        (
            command,
            subprocess.Popen(
                [sys.executable, "-m", "graph.cli", *command],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=environment,
            ),
        )
        for command in commands
    ]
    results = []
    try:
        for command, process in running:
            out, err = process.communicate(timeout=120)
            results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    finally:
        for _, process in running:  # none is left running, whatever happened
            if process.poll() is None:
                process.kill()
                process.wait()
    return results


@dataclass
class Ran:
    """What a command run in this process did: its exit status and what it wrote."""

    returncode: int
    stdout: str
    stderr: str


def run_main(args: list[str]) -> int:
    """The exit status of ``policykg ARGS``, as ``sys.exit(main())`` makes it."""
    try:
        return main(args)
    except SystemExit as exc:  # argparse, and the commands' own early exits
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)  # what the interpreter does with any other code
        return 1


Policykg = Callable[..., Ran]


@pytest.fixture
def policykg(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Policykg:
    """``policykg ARGS`` run in this process, with *env* added to the environment while it runs."""

    def run(*args: str, env: dict[str, str] | None = None) -> Ran:
        capsys.readouterr()  # only what this command writes
        with monkeypatch.context() as patch:
            for name, value in (env or {}).items():
                patch.setenv(name, value)
            code = run_main(list(args))
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run


@pytest.mark.parametrize("command", [[], ["extract"], ["eval"], ["summary"]])
def test_help(command: list[str]) -> None:
    result = policykg_process(*command, "--help")
    assert result.returncode == 0 and "usage: policykg" in result.stdout


def test_extract_json_keeps_the_stable_keys(tmp_path: Path, policykg: Policykg, nlp) -> None:
    output = tmp_path / "out.json"
    result = policykg("extract", str(SAMPLES / "gov_2019_3_bonded_zones_opinions.txt"), "--json", "-o", str(output))
    assert result.returncode == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    note = data["notes"][0]
    assert {"raw", "item", "start", "end", "units"} <= set(note)
    assert {"name", "labels", "lead", "agency"} <= set(note["units"][0])
    assert note["units"][0]["name"] == "税务总局" and note["units"][0]["lead"] is True
    assert "国家税务总局" in note["units"][0]["labels"]


def test_a_bad_file_exits_1_with_its_name(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"nope")
    result = policykg_process("extract", str(bad))
    assert result.returncode == 1 and str(bad) in result.stderr


def test_wrong_usage_exits_2(policykg: Policykg) -> None:
    assert policykg_process("extract").returncode == 2
    result = policykg("extract")
    assert result.returncode == 2 and "usage: policykg extract" in result.stderr


def test_summary_goes_on_past_a_bad_document(tmp_path: Path, policykg: Policykg) -> None:
    (tmp_path / "good.txt").write_text("（一）建平台。（责任单位：省数字办、发改委）", encoding="utf-8")
    (tmp_path / "bad.docx").write_bytes(b"nope")
    result = policykg("summary", str(tmp_path))
    assert result.returncode == 1
    assert "documents: 1 read, 1 failed" in result.stdout and "bad.docx" in result.stderr
    assert "—" in result.stdout


PLAN = "福建省数字政府工作要点\n（一）建设平台。（责任单位：省数字办、发改委）\n"


def test_build_reports_every_file_it_does_not_read(tmp_path: Path, policykg: Policykg) -> None:
    """Links that lead nowhere are failures; files of other types in a folder are skipped, each named."""
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "good.txt").write_text(PLAN, encoding="utf-8")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    result = policykg("build", str(folder), "--no-nlp", "--store", str(tmp_path / "store"))
    assert result.returncode == 1
    assert "built 1 of 3 documents" in result.stdout and "; 2 failed; 1 other files skipped" in result.stdout
    lines = result.stdout.splitlines()
    assert f"skipped: {folder / 'old.doc'}: unsupported file type .doc; expected one of .txt" in result.stdout
    for name, reason in (("dangling.txt", "a broken symbolic link"), ("loop.txt", "a symbolic link loop")):
        assert any(line.startswith(f"failed: {folder / name}: {reason}") for line in lines), (name, lines)


@pytest.mark.parametrize("command", [["build", "--no-nlp"], ["summary"]])
@pytest.mark.parametrize("files", [[], ["plan.doc", ".plan.txt"]])
def test_a_folder_without_documents_is_an_error(
    tmp_path: Path, command: list[str], files: list[str], policykg: Policykg
) -> None:
    """Nothing to build is a failure that names the folder, not "0 of 0"."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in files:
        (folder / name).write_text(PLAN, encoding="utf-8")
    result = policykg(*command, str(folder), *(["--store", str(tmp_path / "store")] if command[0] == "build" else []))
    assert result.returncode == 1 and f"{folder}: no documents in this folder" in result.stderr


def test_files_are_checked_before_the_model_is_loaded(tmp_path: Path) -> None:
    """With no model to load, each command still names the file that is wrong, not the model (in
    processes of their own, side by side: this one has the model loaded)."""
    no_model = {"POLICYKG_PKUSEG_MODEL": str(tmp_path / "no-model")}
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    (tmp_path / "plan.doc").write_bytes(b"x")
    extracted, built, evaluated = policykg_processes(
        ["extract", str(empty)],
        ["build", str(empty), str(tmp_path / "plan.doc"), "--store", str(tmp_path / "store")],
        ["eval", "--corpus", str(tmp_path / "corpus"), "--gold", str(tmp_path)],
        env=no_model,
    )
    assert extracted.returncode == 1 and f"{empty}: the document is empty" in extracted.stderr
    assert built.returncode == 1 and "built 0 of 2 documents" in built.stdout
    assert evaluated.returncode == 1 and f"{tmp_path / 'corpus'}: no such folder" in evaluated.stderr
    for output in (evaluated.stderr, extracted.stderr):
        assert "pkuseg" not in output


def test_a_guessed_encoding_is_a_warning_naming_the_file(tmp_path: Path, policykg: Policykg) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes("Résumé des mesures, année 2021.\n".encode("cp1252"))
    result = policykg("extract", str(path), "--no-nlp")
    assert result.returncode == 0
    assert f"policykg extract: warning: {path}: the encoding is a guess: read as" in result.stderr


def test_a_second_file_of_the_same_name_fails_the_build(tmp_path: Path, policykg: Policykg) -> None:
    plans = tmp_path / "plans"
    for folder in ("a", "b"):
        (plans / folder).mkdir(parents=True)
        (plans / folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    first, second = plans / "a" / "plan.txt", plans / "b" / "plan.txt"
    result = policykg("build", str(first), str(second), "--no-nlp", "--store", str(tmp_path / "store"))
    assert result.returncode == 1 and "built 1 of 2 documents" in result.stdout
    assert f"failed: {second}: its graph name plan.txt is taken by {first}" in result.stdout
    result = policykg("build", str(plans), "--no-nlp", "--store", str(tmp_path / "store"))
    assert result.returncode == 0 and "built 2 of 2 documents" in result.stdout


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    """Two samples built by ``policykg build`` in this process, with the session's pipeline (one
    worker: the pipeline is loaded here already; builds in worker processes are tests/graph/test_build.py's)."""
    store = tmp_path_factory.mktemp("cli") / "store"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run_main(
            [
                "build",
                str(SAMPLES / "fujian_2022_digital.txt"),
                str(SAMPLES / "gov_2019_3_bonded_zones_opinions.txt"),
                "--store",
                str(store),
                "--workers",
                "1",
            ]
        )
    assert code == 0, err.getvalue()
    assert "[2/2]" in err.getvalue() and "built 2 of 2 documents" in out.getvalue()
    return store


def test_query_formats(cli_store: Path, policykg: Policykg) -> None:
    import csv

    sparql = (
        "SELECT ?d ?t WHERE { ?d a <https://w3id.org/policykg/ontology#PolicyDocument> ;"
        " <http://purl.org/dc/terms/title> ?t }"
    )
    as_json = json.loads(policykg("query", sparql, "--store", str(cli_store), "--format", "json").stdout)
    assert as_json["head"]["vars"] == ["d", "t"] and len(as_json["results"]["bindings"]) == 2
    as_csv = list(
        csv.reader(io.StringIO(policykg("query", sparql, "--store", str(cli_store), "--format", "csv").stdout))
    )
    assert as_csv[0] == ["d", "t"] and len(as_csv) == 3
    as_tsv = policykg("query", sparql, "--store", str(cli_store), "--format", "tsv").stdout.splitlines()
    assert as_tsv[0] == "?d\t?t" and len(as_tsv) == 3
    table = policykg("query", sparql, "--store", str(cli_store)).stdout
    assert "(2 rows)" in table and "2022年数字福建工作要点" in table


def test_a_malformed_query_exits_1_with_the_parser_message(cli_store: Path, policykg: Policykg) -> None:
    result = policykg("query", "SELEKT * WHERE {", "--store", str(cli_store))
    assert result.returncode == 1 and "malformed query" in result.stderr


def test_stats_and_validate(cli_store: Path, policykg: Policykg) -> None:
    stats = json.loads(policykg("stats", "--store", str(cli_store), "--json").stdout)
    assert stats["documents"] == 2 and stats["graphs"] == 3  # the two documents' graphs and the entities graph
    assert stats["responsibilities"] > 20
    result = policykg("validate", "--store", str(cli_store))
    assert result.returncode == 0 and "Conforms: True" in result.stdout


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"), [("turtle", "turtle"), ("jsonld", "json-ld"), ("trig", "trig"), ("nquads", "nquads")]
)
def test_dump_formats_parse_back(
    cli_store: Path, tmp_path: Path, fmt: str, rdflib_format: str, policykg: Policykg
) -> None:
    from rdflib import Dataset

    output = tmp_path / f"dump.{fmt}"
    assert policykg("dump", "--format", fmt, "--store", str(cli_store), "-o", str(output)).returncode == 0
    parsed = Dataset()
    parsed.parse(output, format=rdflib_format)
    assert len(parsed) > 500


def test_shared_lists_agency_pairs(cli_store: Path, policykg: Policykg) -> None:
    result = policykg("shared", "--store", str(cli_store), "--format", "json", "--top", "3")
    bindings = json.loads(result.stdout)["results"]["bindings"]
    assert len(bindings) == 3
    assert {bindings[0]["aLabel"]["value"], bindings[0]["bLabel"]["value"]} == {"海关总署", "商务部"}
    assert int(bindings[0]["shared"]["value"]) >= int(bindings[-1]["shared"]["value"])


def test_a_bad_setting_is_named_not_a_traceback(tmp_path: Path, policykg: Policykg) -> None:
    result = policykg("stats", "--store", str(tmp_path / "store"), env={"POLICYKG_QUERY_TIMEOUT": "soon"})
    assert result.returncode == 2
    assert "POLICYKG_QUERY_TIMEOUT" in result.stderr and "soon" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_file_size_limit_is_a_setting(tmp_path: Path, policykg: Policykg) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("福建省数字政府工作要点\n（一）建设平台。（责任单位：省数字办）\n" * 40, encoding="utf-8")
    refused = policykg("extract", str(plan), "--no-nlp", env={"POLICYKG_MAX_FILE_BYTES": "1000"})
    assert refused.returncode == 1 and str(plan) in refused.stderr and "over the limit of 1000 bytes" in refused.stderr
    assert policykg("extract", str(plan), "--no-nlp").returncode == 0


def test_a_store_that_does_not_exist_is_an_error_not_an_empty_store(tmp_path: Path, policykg: Policykg) -> None:
    missing = tmp_path / "no-store"
    for command in (["stats"], ["query", "ASK {}"], ["dump", "--format", "nquads"]):
        result = policykg(*command, "--store", str(missing))
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert str(missing) in result.stderr and "no store there" in result.stderr
    assert not missing.exists()
