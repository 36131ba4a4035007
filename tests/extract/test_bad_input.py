"""Bad input: every file that cannot be read as a document gets one DocumentError naming it and why.

Each case is a real file made here: a python-docx document cut in half, a zip bomb of
compressed zeros, a PDF encrypted with RC4 by the standard security handler (which pdfminer
opens with the right password), a PNG, random bytes. What can be told without reading the
content (size, signature) is told by :func:`check_document_file`, before the spaCy model
loads; the rest by :func:`read_document`.
"""

from __future__ import annotations

import hashlib
import io
import random
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from extract.pipeline import extract_file
from extract.reading import DEFAULT_MAX_FILE_BYTES, DocumentError, check_document_file, read_document

PLAN = "一、数字政府\n（一）建设协同办公平台。（责任单位：省数字办、发改委）\n"
MiB = 1024 * 1024


# Real files of each kind ------------------------------------------------------------------------


def docx_bytes(text: str = PLAN) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def png_bytes() -> bytes:
    """A valid 1×1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


def zip_bytes(members: dict[str, bytes], *, level: int = 9) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb(path: Path, size: int, *, level: int) -> None:
    """A .docx whose word/document.xml is *size* bytes of zeros, written as a real deflate stream."""
    chunk = bytes(MiB)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        archive.writestr("_rels/.rels", b'<?xml version="1.0"?><Relationships/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(size // MiB):
                member.write(chunk)


_PDF_PADDING = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _rc4_20_rounds(key: bytes, data: bytes) -> bytes:
    for round_ in range(20):
        data = _rc4(bytes(b ^ round_ for b in key), data)
    return data


def pdf_bytes(line: str, *, user_password: str | None = None, owner_password: str = "owner") -> bytes:
    """A PDF with one line of Helvetica text; with *user_password*, encrypted (RC4, 128 bits,
    standard security handler revision 3: PDF 1.7, 7.6.3, algorithms 1-5)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET".encode()
    file_id = hashlib.md5(line.encode()).digest()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"",  # the content stream, below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    encrypt = b""
    if user_password is not None:
        user = (user_password.encode()[:32] + _PDF_PADDING)[:32]
        digest = hashlib.md5((owner_password.encode()[:32] + _PDF_PADDING)[:32]).digest()
        for _ in range(50):
            digest = hashlib.md5(digest).digest()
        owner_entry = _rc4_20_rounds(digest, user)
        digest = hashlib.md5(user + owner_entry + struct.pack("<i", -4) + file_id).digest()
        for _ in range(50):
            digest = hashlib.md5(digest).digest()
        key = digest
        user_entry = _rc4_20_rounds(key, hashlib.md5(_PDF_PADDING + file_id).digest()) + bytes(16)
        stream = _rc4(hashlib.md5(key + struct.pack("<i", 4)[:3] + b"\0\0").digest(), stream)
        objects.append(
            b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <%s> /U <%s> >>"
            % (owner_entry.hex().encode(), user_entry.hex().encode())
        )
        encrypt = b" /Encrypt %d 0 R" % len(objects)
    objects[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    ids = b"<%s>" % file_id.hex().encode()
    out += b"trailer\n<< /Size %d /Root 1 0 R /ID [%s %s]%s >>\n" % (len(objects) + 1, ids, ids, encrypt)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def random_bytes(size: int, seed: int = 12) -> bytes:
    return random.Random(seed).randbytes(size)


def _error(check: Callable[[Path], object], path: Path) -> str:
    with pytest.raises(DocumentError) as error:
        check(path)
    message = str(error.value)
    assert message.startswith(f"{path}: "), message
    return message


# The helpers make what they claim --------------------------------------------------------------


def test_the_encrypted_pdf_is_real_it_opens_with_its_password() -> None:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    data = pdf_bytes("Plan 2021", user_password="secret")
    assert b"Plan 2021" not in data
    assert "Plan 2021" in extract_text(io.BytesIO(data), password="secret")
    with pytest.raises(PDFPasswordIncorrect):
        extract_text(io.BytesIO(data))


def test_the_zip_bomb_is_real(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    zip_bomb(path, 16 * MiB, level=9)
    assert path.stat().st_size < 64 * 1024
    with zipfile.ZipFile(path) as archive, archive.open("word/document.xml") as member:
        assert sum(len(block) for block in iter(lambda: member.read(MiB), b"")) == 16 * MiB


# What check_document_file tells before anything is read -------------------------------------------


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("plan.docx", lambda: PLAN.encode("utf-8"), "not a DOCX file (it holds plain text)"),
        ("plan.docx", lambda: PLAN.encode("gb18030"), "not a DOCX file (it holds plain text)"),
        (
            "plan.docx",
            lambda: b"<!DOCTYPE html>\n<html><body><p>" + PLAN.encode() + b"</p></body></html>",
            "not a DOCX file (it holds HTML)",
        ),
        ("plan.docx", lambda: pdf_bytes("Plan 2021"), "not a DOCX file (it is a PDF document)"),
        ("plan.docx", png_bytes, "not a DOCX file (it is a PNG image)"),
        (
            "plan.docx",
            lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            "not a DOCX file (it is an old Word .doc",
        ),
        ("plan.docx", lambda: random_bytes(4096), "not a DOCX file (it holds binary data of an unknown kind)"),
        (
            "plan.docx",
            lambda: zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
            "not a DOCX file (it is an Excel workbook)",
        ),
        ("plan.docx", lambda: zip_bytes({"notes.txt": PLAN.encode()}), "not a DOCX file (it is a zip archive"),
        ("plan.pdf", docx_bytes, "not a PDF file (it is a DOCX document)"),
        (
            "plan.pdf",
            lambda: b"<html><head><title>404 Not Found</title></head><body>Not Found</body></html>",
            "not a PDF file (it holds HTML)",
        ),
        ("plan.pdf", lambda: PLAN.encode(), "not a PDF file (it holds plain text)"),
        ("plan.txt", png_bytes, "binary data, not text (it is a PNG image)"),
        ("plan.txt", docx_bytes, "binary data, not text (it is a DOCX document)"),
        ("plan.txt", lambda: pdf_bytes("Plan 2021"), "binary data, not text (it is a PDF document)"),
        ("plan.html", png_bytes, "binary data, not text (it is a PNG image)"),
        (
            "plan.txt",
            lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            "binary data, not text (it is an old Word",
        ),
    ],
)
def test_a_misnamed_file_is_told_by_its_signature_before_reading(
    tmp_path: Path, name: str, make: Callable[[], bytes], reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    for check in (check_document_file, read_document):
        assert reason in _error(check, path)


def test_a_password_protected_docx_is_called_encrypted(tmp_path: Path) -> None:
    """Word saves a DOCX with a password as an OLE compound file holding an EncryptedPackage stream."""
    directory_entry = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\0") + struct.pack("<H", 34)
    path = tmp_path / "plan.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + directory_entry + random_bytes(2000))
    assert "the DOCX is encrypted (password-protected)" in _error(check_document_file, path)


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx", ".pdf"])
def test_an_empty_file_of_any_type_is_empty(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"plan{suffix}"
    path.write_bytes(b"")
    assert "the document is empty" in _error(check_document_file, path)


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    with path.open("wb") as out:
        out.truncate(DEFAULT_MAX_FILE_BYTES + MiB)  # sparse: nothing is written
    assert "the file is 51.0 MiB, over the limit of 50.0 MiB; not read" in _error(check_document_file, path)
    assert "over the limit" in _error(read_document, path)


def test_the_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN * 40, encoding="utf-8")
    limit = 1024
    message = _error(lambda p: check_document_file(p, max_bytes=limit), path)
    assert "the file is 3.9 KiB, over the limit of 1.0 KiB; not read" in message
    assert "over the limit" in _error(lambda p: read_document(p, max_bytes=limit), path)
    assert "over the limit" in _error(lambda p: extract_file(p, max_bytes=limit), path)
    assert read_document(path, max_bytes=len(PLAN.encode()) * 40).text == PLAN * 40


def test_a_docx_cut_in_half_is_truncated(tmp_path: Path) -> None:
    data = docx_bytes(PLAN * 50)
    path = tmp_path / "plan.docx"
    path.write_bytes(data[: len(data) // 2])
    message = _error(check_document_file, path)
    assert "the DOCX is truncated or damaged: its zip directory is missing or unreadable" in message


def test_a_zip_bomb_is_refused_by_its_compression_ratio(tmp_path: Path) -> None:
    """16 MiB of zeros packed 1000 to 1: under the unpacked limit, but no document packs so tight."""
    path = tmp_path / "bomb.docx"
    zip_bomb(path, 16 * MiB, level=9)
    message = _error(check_document_file, path)
    pattern = (
        r"word/document\.xml would unpack to 1,0\d\d times its packed size \(16\.0 MiB from 1\d\.\d KiB; limit 400"
    )
    assert re.search(pattern, message) and message.endswith("times), like a zip bomb; not read")


def test_a_zip_bomb_is_refused_by_its_unpacked_size(tmp_path: Path) -> None:
    """300 MiB of zeros packed at the fastest level (about 230 to 1): over the 200 MiB limit."""
    path = tmp_path / "bomb.docx"
    zip_bomb(path, 300 * MiB, level=1)
    message = _error(check_document_file, path)
    assert "the archive would unpack to 300.0 MiB (limit 200.0 MiB); not read" in message


def test_the_unpacked_limit_follows_the_size_limit(tmp_path: Path) -> None:
    """An archive may unpack to four times the file limit; python-docx's template unpacks to over
    20 times its packed size (its styles), so a limit of exactly its size refuses it."""
    path = tmp_path / "plan.docx"
    path.write_bytes(docx_bytes())
    message = _error(lambda p: check_document_file(p, max_bytes=path.stat().st_size), path)
    assert "the archive would unpack to" in message and "; not read" in message


def test_a_real_docx_passes_the_checks(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(docx_bytes())
    check_document_file(path)
    assert read_document(path).text.startswith("一、数字政府")


# What read_document tells from the content ------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [random_bytes(4096), random_bytes(1001, seed=3), bytes(4096), bytes(range(32)) * 20, b"\x01\x02\x03\x04" * 50],
    ids=["random", "random-odd-length", "nul", "controls", "control-pattern"],
)
def test_binary_data_in_a_txt_is_not_text(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    assert "binary data, not text (NUL bytes / control characters" in _error(read_document, path)


def test_binary_data_in_an_html_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    path.write_bytes(b"<html><body>" + bytes(2000) + b"</body></html>")
    assert "binary data, not text (NUL bytes / control characters" in _error(read_document, path)


@pytest.mark.parametrize(
    "data",
    [
        "Привет, мир: это текст в кодировке KOI8-R.\n".encode("koi8-r"),
        PLAN.encode("gbk") + b"\xff\xfe\xfd",
    ],
    ids=["koi8-r", "gbk-with-bad-bytes"],
)
def test_text_in_no_known_encoding_cannot_be_decoded(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    message = _error(read_document, path)
    assert "cannot decode the text: it is not UTF-8, UTF-16, GB18030 or Big5; save it as UTF-8" in message


def test_an_encrypted_pdf_is_named_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf_bytes("Plan 2021", user_password="secret"))
    check_document_file(path)  # its signature is a PDF's
    assert "the PDF is encrypted: it needs a password to open; not read" in _error(read_document, path)


def test_a_pdf_encrypted_without_a_user_password_is_read(tmp_path: Path) -> None:
    """Only the owner password is set, so any reader opens it (printing or copying may be restricted)."""
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf_bytes("Plan 2021", user_password=""))
    assert "Plan 2021" in read_document(path).text


def test_a_pdf_cut_in_half_is_truncated(tmp_path: Path) -> None:
    data = pdf_bytes("Plan 2021")
    path = tmp_path / "plan.pdf"
    path.write_bytes(data[: len(data) // 2])
    assert "the PDF is truncated (it does not end with %%EOF)" in _error(read_document, path)


def test_a_pdf_of_random_bytes_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.4\n" + random_bytes(4096) + b"\n%%EOF\n")
    assert "the PDF is damaged and cannot be read" in _error(read_document, path)


def test_a_pdf_without_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes(""))
    assert "the document is empty: the PDF holds no text (scanned pages need OCR first)" in _error(read_document, path)


def test_a_docx_with_a_damaged_member_names_it(tmp_path: Path) -> None:
    data = bytearray(docx_bytes(PLAN * 200))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 20, start + info.compress_size - 20):
        data[offset] ^= 0x55
    path = tmp_path / "plan.docx"
    path.write_bytes(bytes(data))
    check_document_file(path)  # the zip directory is whole
    assert "the DOCX is damaged: word/document.xml cannot be unpacked" in _error(read_document, path)


def test_a_docx_with_malformed_xml_says_so(tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/document.xml"] = members["word/document.xml"][:200]
    path = tmp_path / "plan.docx"
    path.write_bytes(zip_bytes(members))
    assert "the DOCX is damaged: word/document.xml is not well-formed XML" in _error(read_document, path)


def test_a_docx_without_a_document_part_says_so(tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as archive:
        members = {name: archive.read(name) for name in archive.namelist() if name != "word/document.xml"}
    path = tmp_path / "plan.docx"
    path.write_bytes(zip_bytes(members))
    assert "the DOCX is incomplete: it lacks word/document.xml" in _error(read_document, path)


def test_a_docx_without_its_content_types_is_incomplete(tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as archive:
        members = {name: archive.read(name) for name in archive.namelist() if name != "[Content_Types].xml"}
    path = tmp_path / "plan.docx"
    path.write_bytes(zip_bytes(members))
    assert "the DOCX is incomplete: it lacks [Content_Types].xml" in _error(check_document_file, path)


def test_an_html_without_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    path.write_text("<html><head><title>x</title><script>var a = 1;</script></head><body></body>", "utf-8")
    assert "the document is empty: the HTML holds no text" in _error(read_document, path)


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>一、数字政府</p><p>（一）建设平台。（责任单位：省数字办）</p><p>二、数据",  # cut off
        "<html><body><![ 9999 <p>一、数字政府</p><p>（一）建设平台。（责任单位：省数字办）</p></body></html>",
    ],
    ids=["truncated", "markup-html.parser-rejects"],
)
def test_broken_html_is_read_as_a_browser_would(tmp_path: Path, html: str) -> None:
    path = tmp_path / "plan.html"
    path.write_text(html, encoding="utf-8")
    assert "（责任单位：省数字办）" in read_document(path).text
