"""Reading files into :class:`~extract.model.Document`: .txt, .html, .docx and .pdf.

Encodings are detected, not assumed: a byte-order mark first, then UTF-16 shown by its NUL
bytes, then strict UTF-8, then the best reading among the encodings Chinese documents come
in; a reading that is not clearly the best is a guess, and the document carries a warning.

A PDF is read as paragraphs and its ruled tables as rows, and a .txt copied out of a PDF has the
page's line breaks joined (:mod:`extract.reflow`).

Files are checked (:func:`check_document_file`) before anything is read, and folders yield
every file they hold, so that a build reports each one it does not read: a failure for a file
that should be a document, a skip for a file of another type.

A file that cannot be a document gets one :class:`DocumentError` naming it and the reason,
never a library's traceback. What its size and first bytes tell is told by
:func:`check_document_file` before the spaCy model loads: empty, over the size limit, a
signature of another type (a PDF named .docx, a PNG named .txt), a DOCX whose zip directory is
missing or that would unpack to far more than it holds (a zip bomb). The rest is told by
:func:`read_document`: binary data or undecodable bytes in a text file, an encrypted, truncated
or damaged PDF, a damaged DOCX, a file that holds no text.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from extract.model import Document
from extract.reflow import join_stranded_punctuation, pdf_text, unwrap_text
from extract.text import matching_text

if TYPE_CHECKING:
    from bs4 import Tag

__all__ = [
    "ARCHIVE_EXPANSION",
    "DEFAULT_MAX_FILE_BYTES",
    "MAX_COMPRESSION_RATIO",
    "SUPPORTED_SUFFIXES",
    "Decoding",
    "DocumentError",
    "DocumentFile",
    "check_document_file",
    "decode",
    "find_documents",
    "make_document",
    "read_document",
]

SUPPORTED_SUFFIXES = (".txt", ".text", ".html", ".htm", ".docx", ".pdf")
_KINDS = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
# The largest file read (the setting ``max_file_bytes``); a DOCX may unpack to ARCHIVE_EXPANSION
# times that, and no part of it to more than MAX_COMPRESSION_RATIO times its packed size: XML
# that repeats itself (an empty table of thousands of rows) packs about 160 to 1, zeros 1030 to 1.
DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024
ARCHIVE_EXPANSION = 4
MAX_COMPRESSION_RATIO = 400
_RATIO_FLOOR = 1024 * 1024  # a part smaller than this unpacked is no danger, however tightly packed
_HEAD_BYTES = 8192  # what check_document_file reads of a file to tell its type
_BINARY_SHARE = 0.05  # text has no control characters; binary data read as text has one in nine
_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CANDIDATES = ("gb18030", "big5", "utf-16-le", "utf-16-be")
# C0 and C1 control characters but tab, line feed, vertical tab, form feed and carriage return,
# and the replacement character: what binary data read as text is full of.
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
# Signatures of binary formats (file magic): none of them starts a text file.
_SIGNATURES = [
    (b"%PDF-", "a PDF document"),
    (_ZIP, "a zip archive"),
    (b"PK\x05\x06", "an empty zip archive"),
    (_OLE, "an old Word .doc file or another OLE compound file, such as .xls"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program (ELF)"),
]
# Office Open XML and OpenDocument packages by the part that makes each what it is.
_PACKAGES = [
    ("word/document.xml", "a DOCX document"),
    ("xl/workbook.xml", "an Excel workbook"),
    ("ppt/presentation.xml", "a PowerPoint presentation"),
    ("content.xml", "an OpenDocument file"),
]
_HTML = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table)[\s>]", re.I | re.S)


class DocumentError(ValueError):
    """A file that cannot be read as a document; the message names the file."""


class _Unreadable(Exception):
    """Why a reader cannot read a file, in words; :func:`read_document` names the file."""


class Decoding(NamedTuple):
    """Decoded text, the encoding read, and whether that encoding is a guess the user should check."""

    text: str
    encoding: str
    guessed: bool = False


def decode(data: bytes) -> Decoding:
    """Decode *data*: by its byte-order mark, as UTF-16 when NUL bytes fill one side of its
    code units, as UTF-8 when it is valid UTF-8, else as the candidate encoding whose reading
    has the most common Chinese characters (a guess unless that reading is clearly ahead).
    Valid UTF-8 full of control characters is read so only when no candidate reads as text.

    Raises :class:`UnicodeDecodeError` when no encoding fits, and nothing else; telling text
    from binary data is :func:`read_document`'s.

    >>> decode("责任单位".encode("gb18030"))
    Decoding(text='责任单位', encoding='gb18030', guessed=False)
    >>> [decode(data).encoding for data in (codecs.BOM_UTF8 + "省".encode(), "省\\x00市".encode())]
    ['utf-8-sig', 'utf-8']
    >>> decode("Plan 2021".encode("utf-16-be"))
    Decoding(text='Plan 2021', encoding='utf-16-be', guessed=False)
    >>> decode("省市".encode("utf-16-le"))  # valid UTF-8 too, as "\\x01w\\x02^"
    Decoding(text='省市', encoding='utf-16-le', guessed=False)
    >>> decode("一、一、一、一、".encode("utf-16-le"))  # NULs as in "NİNİNİNİ" in UTF-16-BE
    Decoding(text='一、一、一、一、', encoding='utf-16-le', guessed=False)
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoding(data.decode(encoding), encoding)
            except UnicodeDecodeError:  # UTF-16 text starting with U+0000 looks like UTF-32
                continue
    byte_order = _utf16_by_nuls(data)
    if byte_order:  # NULs on one side: ASCII in that byte order, or 一 (4E00) in the other
        readings = {}
        for encoding in (byte_order, "utf-16-be" if byte_order == "utf-16-le" else "utf-16-le"):
            try:
                readings[encoding] = data.decode(encoding)
            except UnicodeDecodeError:
                continue
        if readings:
            common = _common_characters()
            best = max(readings, key=lambda e: _text_share(readings[e], common))  # a tie keeps the first
            return Decoding(readings[best], best)
    # Valid UTF-8 full of control characters may be UTF-16 without a mark (省 is 01 77 in UTF-16-LE).
    control_utf8: Decoding | None = None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _binary_share(text) < _BINARY_SHARE:
            return Decoding(text, "utf-8")
        control_utf8 = Decoding(text, "utf-8")
    decoded = {}
    for encoding in _CANDIDATES if len(data) % 2 == 0 else _CANDIDATES[:2]:
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not decoded and control_utf8:
        return control_utf8
    if not decoded:
        from charset_normalizer import from_bytes

        match = from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
        if match is None:
            raise UnicodeDecodeError("unknown", data, 0, len(data), "no encoding fits")
        return Decoding(str(match), match.encoding, guessed=True)
    # GB18030 and UTF-16 decode almost any bytes; the one with the most common characters wins.
    common = _common_characters()
    score = {encoding: sum(c in common for c in text) for encoding, text in decoded.items()}
    best, *others = sorted(decoded, key=lambda e: -score[e])  # a tie keeps the candidates' order
    if control_utf8:  # gives way only to a reading that looks like text
        looks = {encoding: _text_share(text, common) for encoding, text in decoded.items()}
        best = max(decoded, key=looks.__getitem__)
        if looks[best] < 0.25:
            return control_utf8
        others = [encoding for encoding in decoded if encoding != best]
    runner_up = max((score[e] for e in others), default=0)
    return Decoding(decoded[best], best, guessed=score[best] < max(1, 2 * runner_up))


def _text_share(text: str, common: frozenset[str]) -> float:
    """The share of *text* that looks like a plan: common Chinese characters, CJK and full-width
    punctuation, printable ASCII and white space."""
    plain = sum(
        c in common or "\t" <= c <= "\r" or " " <= c <= "~" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
        for c in text
    )
    return plain / len(text) if text else 0.0


def _utf16_by_nuls(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when NUL bytes fill one side of a quarter of the code units or
    more, as in UTF-16 text with much ASCII (valid UTF-8 too); a few stray NULs do not."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    heavy, light = max(even, odd), min(even, odd)
    if heavy < max(4, len(data) // 8) or light > heavy // 2:
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


@lru_cache(maxsize=1)
def _common_characters() -> frozenset[str]:
    """Frequent characters of government documents, in both scripts."""
    import opencc

    simplified = (
        "的一是在不了有和人中大为上个国以要时来用们到作地于出就对成会可主发年动同工也能下过产种面而方后多定行"
        "法所民得经进等部度家力里如化高自理起物现实加量都两体制机当使点从业本性好应开合还因由其些然前外政日社义事平形"
        "相全表间样与关各重新线内数正心反明原利比质第向道变条结解问意建月公无系情者最立代已通并提直题党程展果员位入常"
        "文总次品式活设及管特件长求基资级统接知组见计别期论运农指区强放决做必先则任取据处务门保治规领导世金增济术交联"
        "认共权收证改单教场务具万每目达积示议声报完类确科信节整集传步群广需研界究观织算持众书布复容须际商验深难委技备"
        "办省列响约支团历市构府称准号率维划选标存专状育识适属参调县局照该价推动监督服务建设"
    )
    return frozenset(simplified + opencc.OpenCC("s2t").convert(simplified))


def _binary_share(data: bytes | str) -> float:
    """The share of *data* that is control bytes or characters (tab and line ends aside)."""
    if not data:
        return 0.0
    if isinstance(data, bytes):
        return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data)
    return (len(data) - len(_CONTROL_CHARACTERS.sub("", data))) / len(data)


def _text(data: bytes) -> Decoding:
    """Decode the bytes of a text file, or say why they are not text."""
    try:
        decoded = decode(data)
    except UnicodeDecodeError as exc:
        share = _binary_share(data)
        if share >= _BINARY_SHARE:
            raise _Unreadable(
                f"binary data, not text (NUL bytes / control characters: {share:.0%} of its bytes)"
            ) from exc
        raise _Unreadable("cannot decode the text: it is not UTF-8, UTF-16, GB18030 or Big5; save it as UTF-8") from exc
    share = _binary_share(decoded.text)
    if share >= _BINARY_SHARE:
        raise _Unreadable(f"binary data, not text (NUL bytes / control characters: {share:.0%} of its characters)")
    return decoded


def _txt_text(path: Path) -> Decoding:
    """The file's text, its lines joined where it was copied from a PDF (:func:`unwrap_text`) or
    from a page that set marks apart (:func:`join_stranded_punctuation`)."""
    decoded = _text(path.read_bytes())
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    return decoded._replace(text=unwrap_text(join_stranded_punctuation(text)))


def _after_block(block: Tag) -> str:
    """What ends an HTML block in the text: a tab after a table's cell, a space after a paragraph
    or line break inside one (units one to a paragraph in a cell stay in their row), else a line
    end, so that a table is a row to a line, its cells parted by tabs."""
    if block.name in ("td", "th"):
        return "\t"
    return " " if block.find_parent(["td", "th"]) is not None else "\n"


def _html_text(path: Path) -> Decoding:
    from bs4 import BeautifulSoup
    from bs4.exceptions import ParserRejectedMarkup

    decoded = _text(path.read_bytes())
    try:
        soup = BeautifulSoup(decoded.text, "html.parser")
    except ParserRejectedMarkup:  # markup Python's parser gives up on; lxml's recovers as browsers do
        try:
            soup = BeautifulSoup(decoded.text, "lxml")
        except Exception as exc:
            raise _Unreadable(f"the HTML cannot be parsed ({exc})") from exc
    for hidden in soup(["script", "style", "head"]):
        hidden.decompose()
    for block in soup.find_all(["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "td", "th"]):
        block.insert_after(_after_block(block))
    lines = (line.strip() for line in soup.get_text().split("\n"))
    return decoded._replace(text="\n".join(line for line in lines if line))


def _docx_text(path: Path) -> Decoding:
    import docx
    from lxml import etree

    try:
        document = docx.Document(str(path))
        lines = []
        for block in document.iter_inner_content():  # paragraphs and tables where the document has them
            if isinstance(block, docx.table.Table):
                lines += ["\t".join(cell.text.replace("\n", " ") for cell in row.cells) for row in block.rows]
            else:
                lines.append(block.text)
    except KeyError as exc:  # zipfile's "There is no item named 'word/document.xml' in the archive"
        part = re.search(r"named '([^']*)'", str(exc))
        raise _Unreadable(f"the DOCX is incomplete: it lacks {part[1] if part else exc}") from exc
    except etree.XMLSyntaxError as exc:
        raise _Unreadable(f"the DOCX is damaged: {_malformed_part(path)} is not well-formed XML ({exc.msg})") from exc
    except ValueError as exc:  # python-docx's "file … is not a Word file, content type is …"
        kind = re.search(r"content type is '([^']*)'", str(exc))
        if kind is None:
            raise _Unreadable(f"the DOCX is damaged ({exc})") from exc
        raise _Unreadable(f"not a DOCX file (its main part is {kind[1]}, not a Word document)") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # a part whose data is damaged (its CRC, its stream)
        raise _Unreadable(f"the DOCX is damaged: {_damaged_part(path)} cannot be unpacked ({exc})") from exc
    except Exception as exc:  # python-docx meeting a structure it does not expect
        raise _Unreadable(f"the DOCX is damaged ({type(exc).__name__}: {exc})") from exc
    return Decoding("\n".join(lines), "docx")


def _first_failing_part(path: Path, read: Callable[[zipfile.ZipFile, zipfile.ZipInfo], object]) -> str:
    """The name of the first part of the archive at *path* that *read* fails on, or ``a part``:
    the error message can then say which part of a damaged DOCX is at fault."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                try:
                    read(archive, info)
                except Exception:
                    return info.filename
    except Exception:
        pass
    return "a part"


def _unpack_whole(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    with archive.open(info) as part:
        while part.read(1024 * 1024):
            pass


def _parse_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    from lxml import etree

    if info.filename.endswith((".xml", ".rels")):
        etree.fromstring(archive.read(info), etree.XMLParser(resolve_entities=False, no_network=True))


def _damaged_part(path: Path) -> str:
    """The first part of the archive at *path* that does not unpack whole, or ``a part``."""
    return _first_failing_part(path, _unpack_whole)


def _malformed_part(path: Path) -> str:
    """The first XML part of the archive at *path* that lxml cannot parse, or ``a part``."""
    return _first_failing_part(path, _parse_xml)


def _pdf_text(path: Path) -> Decoding:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        return Decoding(pdf_text(path), "pdf")
    except PDFPasswordIncorrect as exc:
        raise _Unreadable("the PDF is encrypted: it needs a password to open; not read") from exc
    except PDFEncryptionError as exc:
        raise _Unreadable(f"the PDF is encrypted in a way pdfminer cannot read ({exc})") from exc
    except Exception as exc:  # pdfminer's PDFSyntaxError, PSEOF, …; a RecursionError, a KeyError
        detail = str(exc) or type(exc).__name__
        with path.open("rb") as file:
            file.seek(max(0, path.stat().st_size - 1024))
            ended = b"%%EOF" in file.read()
        if not ended:
            raise _Unreadable(
                f"the PDF is truncated (it does not end with %%EOF) and cannot be read ({detail})"
            ) from exc
        raise _Unreadable(f"the PDF is damaged and cannot be read ({detail})") from exc


_READERS: dict[str, Callable[[Path], Decoding]] = {
    "txt": _txt_text,
    "html": _html_text,
    "docx": _docx_text,
    "pdf": _pdf_text,
}
_NO_TEXT = {
    "txt": "",
    "html": ": the HTML holds no text",
    "docx": ": the DOCX holds no text",
    "pdf": ": the PDF holds no text (scanned pages need OCR first)",
}


def check_document_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> None:
    """Raise a :class:`DocumentError` naming *path* unless it is a readable, non-empty file of a
    supported type: checks that cost nothing, made before anything slow (the NLP model) loads.

    The file must be at most *max_bytes* long, and its first bytes must be those of its type:
    a .pdf a PDF's, a .docx a zip archive's whose directory is whole and would unpack to at most
    ``ARCHIVE_EXPANSION * max_bytes``, no part more than ``MAX_COMPRESSION_RATIO`` times its
    packed size; a text file's not those of a binary format (an image, an archive, a PDF).
    """
    path = Path(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise DocumentError(f"{path}: {_missing(path, exc)}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise DocumentError(f"{path}: a folder, not a document")
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError(f"{path}: not a regular file")
    unsupported = _unsupported(path)
    if unsupported:
        raise DocumentError(f"{path}: {unsupported}")
    if info.st_size == 0:
        raise DocumentError(f"{path}: the document is empty")
    if info.st_size > max_bytes:
        raise DocumentError(
            f"{path}: the file is {_size(info.st_size)}, over the limit of {_size(max_bytes)}; not read"
        )
    try:
        with path.open("rb") as file:
            head = file.read(_HEAD_BYTES)
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    problem = _type_problem(path, _KINDS[path.suffix.lower()], head, ARCHIVE_EXPANSION * max_bytes)
    if problem:
        raise DocumentError(f"{path}: {problem}")


def _type_problem(path: Path, kind: str, head: bytes, max_unpacked: int) -> str | None:
    """Why a file of *kind* starting with *head* is not one, if its first bytes tell."""
    if kind == "pdf":
        return None if b"%PDF-" in head[:1024] else f"not a PDF file ({_describe(path, head)})"
    if kind == "docx":
        if head.startswith(_OLE) and _holds_encrypted_package(path):
            return "the DOCX is encrypted (password-protected); save it without a password to read it"
        if not head.startswith(_ZIP):
            return f"not a DOCX file ({_describe(path, head)})"
        return _archive_problem(path, max_unpacked)
    binary = _binary_format(path, head)
    return f"binary data, not text (it is {binary})" if binary else None


def _binary_format(path: Path, head: bytes) -> str | None:
    """The binary format whose signature *head* starts with, if any."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return _package_kind(path) if signature == _ZIP else kind
    return None


def _describe(path: Path, head: bytes) -> str:
    """What a file starting with *head* is, to say why it is not of the type its name says."""
    binary = _binary_format(path, head)
    if binary:
        return f"it is {binary}"
    for cut in range(4):  # the head may end inside a character
        try:
            text = decode(head[: len(head) - cut]).text
        except UnicodeDecodeError:
            continue
        if _binary_share(text) >= _BINARY_SHARE:
            break
        if _HTML.match(text.lstrip("\ufeff")):
            return "it holds HTML"
        if text.lstrip("\ufeff \t\r\n").startswith("<?xml"):
            return "it holds XML"
        if text.startswith("{\\rtf"):
            return "it is an RTF document"
        return "it holds plain text"
    return "it holds binary data of an unknown kind"


def _package_kind(path: Path) -> str:
    """What the zip archive at *path* is, by the parts it holds."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except Exception:
        return "a zip archive"
    return next((kind for part, kind in _PACKAGES if part in names), "a zip archive")


def _holds_encrypted_package(path: Path) -> bool:
    """Whether the OLE compound file at *path* holds an ``EncryptedPackage`` stream: how Office
    saves a DOCX with a password."""
    name = "EncryptedPackage".encode("utf-16-le")
    tail = b""
    with path.open("rb") as file:
        while block := file.read(1024 * 1024):
            if name in tail + block:
                return True
            tail = block[-len(name) :]
    return False


def _archive_problem(path: Path, max_unpacked: int) -> str | None:
    """Why the zip archive at *path* is not a DOCX to open, told from its directory alone: the
    sizes it declares are those zipfile unpacks at most, so a bomb is refused before any of it is."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except Exception:  # BadZipFile, or a damaged directory's struct.error, ValueError, OSError
        return "the DOCX is truncated or damaged: its zip directory is missing or unreadable"
    names = {part.filename for part in parts}
    if not any(name.startswith("word/") for name in names):
        kind = next((kind for part, kind in _PACKAGES if part in names), "a zip archive without a Word document")
        return f"not a DOCX file (it is {kind})"
    if "[Content_Types].xml" not in names:
        return "the DOCX is incomplete: it lacks [Content_Types].xml"
    if any(part.flag_bits & 0x1 for part in parts):
        return "the DOCX is encrypted (its parts need a password); save it without a password to read it"
    unpacked = sum(part.file_size for part in parts)
    if unpacked > max_unpacked:
        return f"the archive would unpack to {_size(unpacked)} (limit {_size(max_unpacked)}); not read"
    for part in parts:
        if part.file_size > _RATIO_FLOOR and part.file_size > MAX_COMPRESSION_RATIO * max(part.compress_size, 1):
            return (
                f"{part.filename} would unpack to {part.file_size / max(part.compress_size, 1):,.0f} times its"
                f" packed size ({_size(part.file_size)} from {_size(part.compress_size)};"
                f" limit {MAX_COMPRESSION_RATIO} times), like a zip bomb; not read"
            )
    return None


def _size(count: int) -> str:
    """A byte count for people.

    >>> [_size(n) for n in (900, 1536, 50 * 1024 * 1024, 6_657_199_308)]
    ['900 bytes', '1.5 KiB', '50.0 MiB', '6.2 GiB']
    """
    if count < 1024:
        return f"{count} bytes"
    units = ("KiB", "MiB", "GiB")
    power = min(len(units), (count.bit_length() - 1) // 10)
    return f"{count / 1024**power:.1f} {units[power - 1]}"


def _unsupported(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in SUPPORTED_SUFFIXES:
        return None
    return f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(SUPPORTED_SUFFIXES)}"


def _missing(path: Path, exc: OSError) -> str:
    """Why *path* cannot be found, in words: a link that loops or leads nowhere, or nothing there."""
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    if isinstance(exc, FileNotFoundError) and path.is_symlink():
        return f"a broken symbolic link (to {os.readlink(path)}, which does not exist)"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    return f"cannot read the file: {exc.strerror or exc}"


def read_document(path: str | Path, *, name: str | None = None, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Document:
    """Read a file into a document named *name* (by default its file name); a
    :class:`DocumentError` names the file and the fault (see :func:`check_document_file` for
    *max_bytes*). A guessed encoding is a warning."""
    path = Path(path)
    check_document_file(path, max_bytes=max_bytes)
    kind = _KINDS[path.suffix.lower()]
    try:
        decoded = _READERS[kind](path)
    except _Unreadable as exc:
        raise DocumentError(f"{path}: {exc}") from exc
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    except Exception as exc:  # a library's own error that no reader foresaw
        raise DocumentError(f"{path}: not a readable {kind} file ({type(exc).__name__}: {exc})") from exc
    if not decoded.text.strip():
        raise DocumentError(f"{path}: the document is empty{_NO_TEXT[kind]}")
    warnings = (
        (f"{path}: the encoding is a guess: read as {decoded.encoding}; if the text looks wrong, save it as UTF-8",)
        if decoded.guessed
        else ()
    )
    return make_document(
        decoded.text,
        name=name or path.name,
        source_format=path.suffix.lower().lstrip("."),
        encoding=decoded.encoding,
        path=str(path),
        warnings=warnings,
    )


def make_document(
    text: str,
    name: str = "<text>",
    *,
    source_format: str = "txt",
    encoding: str = "utf-8",
    path: str | None = None,
    warnings: tuple[str, ...] = (),
) -> Document:
    """A document from text already in memory; line ends are made ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise DocumentError(f"{path or name}: the document is empty")
    return Document(name, text, matching_text(text), source_format, encoding, path, warnings)


@dataclass(frozen=True)
class DocumentFile:
    """A file found for reading.

    *name* names its graph: its path in the folder it was found in, or its file name when it
    was named on its own. *problem* says why it cannot be read, when finding it showed that
    already (a failure); *skip* why a build passes over it (a file of no supported type in a
    folder: folders hold other files too, a README, the store), to be reported, not failed.
    """

    path: Path
    name: str
    problem: str | None = None
    skip: str | None = None


def find_documents(paths: list[str | Path]) -> list[DocumentFile]:
    """The files among *paths*, folders searched (hidden entries aside), in a stable order.

    Every file a folder holds is kept, so that a build reports each one it does not read. A
    path that does not exist, or a folder with no file of a supported type, raises a
    :class:`DocumentError` naming it.
    """
    found: list[DocumentFile] = []
    for path in map(Path, paths):
        if path.is_dir():
            in_folder = _folder_files(path, path, {path.resolve()})
            if all(f.skip for f in in_folder):
                others = f" ({len(in_folder)} files of other types, such as {in_folder[0].name})" if in_folder else ""
                raise DocumentError(
                    f"{path}: no documents in this folder{others}; expected {', '.join(SUPPORTED_SUFFIXES)} files"
                )
            found += in_folder
        elif path.exists() or path.is_symlink():
            found.append(DocumentFile(path, path.name))
        else:
            raise DocumentError(f"{path}: no such file or folder")
    return found


def _folder_files(folder: Path, root: Path, searched: set[Path]) -> list[DocumentFile]:
    """The files under *folder*, named by their path from *root*, in name order. Links to
    folders are followed once: a link to a folder in *searched* would loop or read documents
    twice, so it is a problem instead."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        raise DocumentError(f"{folder}: cannot list the folder: {exc.strerror or exc}") from exc
    found: list[DocumentFile] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        name = entry.relative_to(root).as_posix()
        if not entry.is_dir():
            found.append(DocumentFile(entry, name, skip=_unsupported(entry)))
        elif (real := entry.resolve()) in searched:
            found.append(DocumentFile(entry, name, f"a link to the folder {real}, searched already; not followed"))
        else:
            searched.add(real)
            found += _folder_files(entry, root, searched)
    return found
