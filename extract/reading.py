"""Reading files into :class:`~extract.model.Document`: .txt, .html, .docx and .pdf.

Encodings are detected, not assumed: a byte-order mark first, then UTF-16 shown by its NUL
bytes, then strict UTF-8, then the best reading among the encodings Chinese documents come
in; a reading that is not clearly the best is a guess, and the document carries a warning.

Files are checked (:func:`check_document_file`) before anything is read, and folders yield
every file they hold, so that a build reports each one it does not read: a failure for a file
that should be a document, a skip for a file of another type.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from extract.model import Document
from extract.text import matching_text

__all__ = [
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
_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CANDIDATES = ("gb18030", "big5", "utf-16-le", "utf-16-be")


class DocumentError(ValueError):
    """A file that cannot be read as a document; the message names the file."""


class Decoding(NamedTuple):
    """Decoded text, the encoding read, and whether that encoding is a guess the user should check."""

    text: str
    encoding: str
    guessed: bool = False


def decode(data: bytes) -> Decoding:
    """Decode *data*: by its byte-order mark, as UTF-16 when NUL bytes fill one side of its
    code units, as UTF-8 when it is valid UTF-8, else as the candidate encoding whose reading
    has the most common Chinese characters (a guess unless that reading is clearly ahead).

    >>> decode("责任单位".encode("gb18030"))
    Decoding(text='责任单位', encoding='gb18030', guessed=False)
    >>> [decode(data).encoding for data in (codecs.BOM_UTF8 + "省".encode(), "省\\x00市".encode())]
    ['utf-8-sig', 'utf-8']
    >>> decode("Plan 2021".encode("utf-16-be"))
    Decoding(text='Plan 2021', encoding='utf-16-be', guessed=False)
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoding(data.decode(encoding), encoding)
    for encoding in filter(None, (_utf16_by_nuls(data), "utf-8")):
        try:
            return Decoding(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    decoded = {}
    for encoding in _CANDIDATES if len(data) % 2 == 0 else _CANDIDATES[:2]:
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
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
    runner_up = max((score[e] for e in others), default=0)
    return Decoding(decoded[best], best, guessed=score[best] < max(1, 2 * runner_up))


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


def _html_text(data: bytes) -> Decoding:
    from bs4 import BeautifulSoup

    decoded = decode(data)
    soup = BeautifulSoup(decoded.text, "html.parser")
    for hidden in soup(["script", "style", "head"]):
        hidden.decompose()
    for block in soup.find_all(["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "td", "th"]):
        block.insert_after("\t" if block.name in ("td", "th") else "\n")
    lines = (line.strip() for line in soup.get_text().split("\n"))
    return decoded._replace(text="\n".join(line for line in lines if line))


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text.replace("\n", " ") for cell in row.cells))
    return "\n".join(lines)


def _pdf_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def check_document_file(path: str | Path) -> None:
    """Raise a :class:`DocumentError` naming *path* unless it is a readable, non-empty file of a
    supported type: checks that cost nothing, made before anything slow (the NLP model) loads."""
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
    try:
        path.open("rb").close()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc


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


def read_document(path: str | Path, *, name: str | None = None) -> Document:
    """Read a file into a document named *name* (by default its file name); a
    :class:`DocumentError` names the file and the fault. A guessed encoding is a warning."""
    path = Path(path)
    check_document_file(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            decoded = Decoding(_docx_text(path), "docx")
        elif suffix == ".pdf":
            decoded = Decoding(_pdf_text(path), "pdf")
        elif suffix in (".html", ".htm"):
            decoded = _html_text(path.read_bytes())
        else:
            decoded = decode(path.read_bytes())
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{path}: cannot decode the text ({exc.reason})") from exc
    except Exception as exc:  # a corrupt .docx or .pdf raises its library's own errors
        raise DocumentError(f"{path}: not a readable {suffix[1:]} file: {exc}") from exc
    warnings = (
        (f"{path}: the encoding is a guess: read as {decoded.encoding}; if the text looks wrong, save it as UTF-8",)
        if decoded.guessed
        else ()
    )
    return make_document(
        decoded.text,
        name=name or path.name,
        source_format=suffix.lstrip("."),
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
