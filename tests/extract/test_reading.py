"""Reading files: formats, encodings, Traditional script, and clear errors."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from extract import extract_file
from extract.reading import DocumentError, DocumentFile, check_document_file, find_documents, read_document
from tests.conftest import SAMPLES

PLAN = "一、数字政府\n（一）建设协同办公平台。（责任单位：省数字办、发改委）\n"
TRADITIONAL = "一、數字政府\n（一）建設協同辦公平台。（責任單位：省數字辦、發改委）\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PLAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + PLAN.encode("utf-8"), "utf-8-sig"),
        (PLAN.encode("gb18030"), "gb18030"),
        (PLAN.encode("gbk"), "gb18030"),
        (PLAN.encode("utf-16"), "utf-16"),
        (PLAN.encode("utf-16-le"), "utf-16-le"),
        (PLAN.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_are_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    document = read_document(path)
    assert document.text == PLAN and document.encoding == encoding


def test_traditional_script_matches_while_offsets_point_into_the_original(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    extraction = extract_file(path, jurisdiction="350000")
    assert extraction.document.encoding == "big5"
    (note,) = extraction.notes
    assert [u.name for u in note.units] == ["省数字办", "省发改委"]
    assert extraction.document.text[note.start : note.end] == "（責任單位：省數字辦、發改委）"
    assert note.raw == "省數字辦、發改委"


def test_a_mark_set_on_a_line_of_its_own_joins_the_lines_around_it(tmp_path: Path) -> None:
    """A page that set each mark apart (… 主管部门 / , / 负责 …) leaves one sentence, read as one."""
    path = tmp_path / "measures.txt"
    text = "第四条 区政府办公室是区政府门户网站的主管部门\n,\n负责全区政府网站的监督工作\n;\n"
    path.write_text(text, encoding="utf-8")
    extraction = extract_file(path, jurisdiction="330106")
    assert [[u.name for u in note.units] for note in extraction.notes] == [["区政府办公室"]]
    assert extraction.document.text.startswith("第四条 区政府办公室是区政府门户网站的主管部门,负责")


def test_html(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    html = (
        "<html><head><title>x</title></head>"
        "<body><p>一、数字政府</p><p>（一）建设平台。（责任单位：省数字办）</p></body></html>"
    )
    path.write_text(html, encoding="utf-8")
    extraction = extract_file(path, jurisdiction="350000")
    assert [u.name for n in extraction.notes for u in n.units] == ["省数字办"]


def test_an_html_table_whose_cells_hold_paragraphs_reads_a_row_to_a_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    row = "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"
    html = (
        "<html><body><p>某市2030年重点任务分解表</p><table>"
        + "<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>责任单位</th></tr>"
        + row.format(
            "1",
            "<p>建设城市数据底座，</p><p>统一汇聚基础数据。</p>",
            "<p>市大数据局</p>",
            "<p>市发展改革委</p><p>市公安局</p>",
        )
        + row.format("2", "升级市电子政务外网。", "市大数据局", "市委网信办<br>市财政局")
        + "</table></body></html>"
    )
    path.write_text(html, encoding="utf-8")
    extraction = extract_file(path, jurisdiction="350100")
    assert [[("*" if u.lead else "") + u.name for u in note.units] for note in extraction.notes] == [
        ["*市大数据局", "市发展改革委", "市公安局"],
        ["*市大数据局", "市委网信办", "市财政局"],
    ]


def test_docx_with_a_table(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("一、数字金融")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["序号", "工作任务", "责任单位"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["1", "推进数字金融", "市金融办、市发改委分别牵头落实"], strict=True):
        cell.text = text
    path = tmp_path / "plan.docx"
    document.add_paragraph("二、数字政府")
    document.save(str(path))
    extraction = extract_file(path, jurisdiction="350100")
    assert [[u.name for u in n.units] for n in extraction.notes] == [["市金融办", "市发改委"]]
    text = read_document(path).text  # the table where the document has it, not after every paragraph
    assert text.index("一、数字金融") < text.index("推进数字金融") < text.index("二、数字政府")


def test_pdf(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(_one_line_pdf("Plan 2021"))
    assert "Plan 2021" in read_document(path).text


def _one_line_pdf(line: str) -> bytes:
    """A minimal valid PDF with one line of Helvetica text."""
    stream = f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.xlsx", b"x", "unsupported file type .xlsx"),
        ("empty.txt", b"  \n", "the document is empty"),
        ("broken.docx", b"not a zip", "not a DOCX file (it holds plain text)"),
        ("broken.pdf", b"%PDF-1.4 nonsense", "the PDF is truncated (it does not end with %%EOF)"),
    ],
)
def test_bad_files_get_errors_that_name_them(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError) as error:
        read_document(path)
    assert str(path) in str(error.value) and message in str(error.value)


def test_missing_paths_are_named(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file or folder"):
        find_documents([tmp_path / "absent"])


@pytest.mark.parametrize("nuls", [1, 2])
def test_a_stray_nul_byte_leaves_utf8_read_as_utf8(tmp_path: Path, nuls: int) -> None:
    """One or two NULs (either length parity) are not the alternating NULs of UTF-16."""
    text = (SAMPLES / "fujian_2021_digital_scrambled.txt").read_text(encoding="utf-8")
    cut = text.index("\n", 200)
    path = tmp_path / "plan.txt"
    path.write_bytes((text[:cut] + "\x00" * nuls + text[cut:]).encode("utf-8"))
    extraction = extract_file(path)
    assert extraction.document.encoding == "utf-8" and not extraction.document.warnings
    assert len(extraction.notes) == len(extract_file(SAMPLES / "fujian_2021_digital_scrambled.txt").notes) > 5


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["Plan 2021: digital government\n", "Plan 2021\n" + PLAN])
def test_utf16_without_a_bom_is_still_utf16(tmp_path: Path, text: str, encoding: str) -> None:
    """ASCII in UTF-16 is valid UTF-8 too; its NUL bytes on one side tell it apart."""
    path = tmp_path / "plan.txt"
    path.write_bytes(text.encode(encoding))
    document = read_document(path)
    assert (document.text, document.encoding, document.warnings) == (text, encoding, ())


def test_a_guessed_encoding_is_flagged_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes("Résumé des mesures à prendre, année 2021.\n".encode("cp1252"))
    document = read_document(path)
    (warning,) = document.warnings
    assert str(path) in warning and document.encoding in warning and "guess" in warning


@pytest.mark.parametrize(
    "data", [PLAN.encode("utf-8"), PLAN.encode("gb18030"), PLAN.encode("utf-16-le"), TRADITIONAL.encode("big5")]
)
def test_a_clear_reading_has_no_warning(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    assert read_document(path).warnings == ()


def test_folders_yield_every_file_named_by_its_path_in_the_folder(tmp_path: Path) -> None:
    """Files a build cannot read are kept, so that each is reported; hidden files are not documents."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for name in ("a/plan.txt", "b/plan.txt", "plan.docx", "old.doc", ".DS_Store", "a/.plan.txt.swp"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "absent.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "a" / "up").symlink_to(tmp_path)
    (tmp_path / "c").symlink_to(tmp_path / "b")
    found = find_documents([tmp_path])
    assert [f.name for f in found] == [
        "a/plan.txt",
        "a/up",
        "b/plan.txt",
        "c",
        "dangling.txt",
        "loop.txt",
        "old.doc",
        "plan.docx",
    ]
    by_name = {f.name: f for f in found}
    assert "searched already" in by_name["a/up"].problem and str(tmp_path) in by_name["a/up"].problem
    assert "searched already" in by_name["c"].problem
    assert "unsupported file type .doc" in by_name["old.doc"].skip
    assert [f.name for f in found if f.problem or f.skip] == ["a/up", "c", "old.doc"]
    assert find_documents([tmp_path / "a" / "plan.txt"]) == [DocumentFile(tmp_path / "a" / "plan.txt", "plan.txt")]


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("dangling.txt", lambda p: p.symlink_to(p.parent / "absent.txt"), "broken symbolic link"),
        ("loop.txt", lambda p: p.symlink_to(p), "symbolic link loop"),
        ("folder.txt", lambda p: p.mkdir(), "a folder, not a document"),
        ("empty.txt", lambda p: p.write_bytes(b""), "the document is empty"),
        ("plan.doc", lambda p: p.write_bytes(b"x"), "unsupported file type .doc"),
    ],
)
def test_files_are_checked_before_any_reading(tmp_path: Path, name: str, make, message: str) -> None:
    path = tmp_path / name
    make(path)
    for check in (check_document_file, read_document):
        with pytest.raises(DocumentError) as error:
            check(path)
        assert str(path) in str(error.value) and message in str(error.value)


def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    import os

    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who reads every file")
        with pytest.raises(DocumentError, match="cannot read the file"):
            check_document_file(path)
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("files", [[], [".hidden.txt"], ["plan.doc", "sub/notes.md"]])
def test_a_folder_without_documents_is_an_error(tmp_path: Path, files: list[str]) -> None:
    for name in files:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(PLAN, encoding="utf-8")
    with pytest.raises(DocumentError, match=f"{tmp_path}: no documents in this folder"):
        find_documents([tmp_path])
