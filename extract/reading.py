"""Reading files into :class:`~extract.model.Document`: .txt, .html, .docx and .pdf.

Encodings are detected, not assumed: a byte-order mark first, then strict UTF-8, then the
best of charset detection among the encodings Chinese documents come in.
"""

from __future__ import annotations

import codecs
from functools import lru_cache
from pathlib import Path

from extract.model import Document
from extract.text import matching_text

__all__ = ["SUPPORTED_SUFFIXES", "DocumentError", "decode", "find_documents", "make_document", "read_document"]

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


def decode(data: bytes) -> tuple[str, str]:
    """Decode *data*; returns the text and the encoding used.

    >>> decode("责任单位".encode("gb18030"))
    ('责任单位', 'gb18030')
    >>> decode(codecs.BOM_UTF8 + "省".encode())
    ('省', 'utf-8-sig')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        text = data.decode("utf-8")
        if "\x00" not in text:  # NUL bytes are valid UTF-8 but mean UTF-16 here
            return text, "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = {}
    for encoding in _CANDIDATES if len(data) % 2 == 0 else _CANDIDATES[:2]:
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not decoded:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
        if best is None:
            raise UnicodeDecodeError("unknown", data, 0, len(data), "no encoding fits")
        return str(best), best.encoding
    # GB18030 and UTF-16 decode almost any bytes; the one with the most common characters wins.
    encoding = max(decoded, key=lambda e: sum(c in _common_characters() for c in decoded[e]))
    return decoded[encoding], encoding


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


def _html_text(data: bytes) -> tuple[str, str]:
    from bs4 import BeautifulSoup

    markup, encoding = decode(data)
    soup = BeautifulSoup(markup, "html.parser")
    for hidden in soup(["script", "style", "head"]):
        hidden.decompose()
    for block in soup.find_all(["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "td", "th"]):
        block.insert_after("\t" if block.name in ("td", "th") else "\n")
    lines = (line.strip() for line in soup.get_text().split("\n"))
    return "\n".join(line for line in lines if line), encoding


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


def read_document(path: str | Path) -> Document:
    """Read a file into a document; a :class:`DocumentError` names the file and the fault."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"{path}: unsupported file type {suffix or '(none)'}; expected one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    try:
        if suffix == ".docx":
            text, encoding = _docx_text(path), "docx"
        elif suffix == ".pdf":
            text, encoding = _pdf_text(path), "pdf"
        elif suffix in (".html", ".htm"):
            text, encoding = _html_text(path.read_bytes())
        else:
            text, encoding = decode(path.read_bytes())
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{path}: cannot decode the text ({exc.reason})") from exc
    except Exception as exc:  # a corrupt .docx or .pdf raises its library's own errors
        raise DocumentError(f"{path}: not a readable {suffix[1:]} file: {exc}") from exc
    return make_document(text, name=path.name, source_format=suffix.lstrip("."), encoding=encoding, path=str(path))


def make_document(text: str, name: str = "<text>", **kwargs: str) -> Document:
    """A document from text already in memory; line ends are made ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise DocumentError(f"{kwargs.get('path') or name}: the document is empty")
    return Document(name=name, text=text, norm=matching_text(text), **kwargs)  # type: ignore[arg-type]


def find_documents(paths: list[str | Path]) -> list[Path]:
    """The supported files among *paths*, folders searched recursively, in a stable order.

    A path that does not exist raises :class:`DocumentError` naming it.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            raise DocumentError(f"{path}: no such file or folder")
    return found
