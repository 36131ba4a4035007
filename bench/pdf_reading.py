"""Extraction from the same plans as text and as PDF: what a PDF's laid-out lines cost, and what
reading them into paragraphs (:mod:`extract.reflow`) wins back.

Plans reach analysts as PDFs far more often than as text. Each annotated document is printed to
a PDF by Debian's Chromium, one paragraph for each of its lines, in 16 pt Chinese type on A4
with a page number — N — in the footer: set as a plan is (``--layout indented``: first lines
indented two characters, justified), as a web page printed (``--layout flush``: flush left,
ragged, space between paragraphs), or as a plan whose tables are ruled tables (``--layout
table``: indented, and a run of lines whose cells ``|`` parts a table with a cell for each),
tables without ruling lines (``--layout borderless``: cells padded, so that space parts the rows)
or tables without ruling lines set tight (``--layout tight``: no space between the rows).
Each is extracted four ways and scored against its gold with ``policykg eval``'s scoring:

- ``text``: the text file itself;
- ``pdf lines``: the PDF read with pdfminer's ``extract_text``, its lines as the page lays
  them out (what policykg read before :mod:`extract.reflow`);
- ``pdf``: the PDF read by policykg (``read_document``), paragraphs joined;
- ``pdf copied``: the PDF's lines as its pages lay them out, in pdfminer's reading order, page
  numbers and all, a table's cells as pdfminer groups them, one a line, saved as a .txt file and
  read by policykg, as text copied out of a PDF viewer is: lines joined where they break at one
  width (``unwrap_text``), with no page geometry to go by.

Sets kept for measuring (a ``HELD_OUT`` file) are scored like the others; only totals are
printed, never a name. The PDFs are kept in ``--pdf-dir`` (by default ``var/bench/pdf``) and
printed again only with ``--render``.

It ends with the time reading the PDFs takes, policykg's reader against pdfminer's
``extract_text`` in one run.

    .venv/bin/python -m bench.pdf_reading [--layout LAYOUT] [--render] [--pdf-dir DIR] [SET_FOLDER ...]
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bench.platform_lojo import SHARED
from extract.evaluate import Score, gold_documents, score_documents
from extract.jsonout import extraction_to_json
from extract.nlp import load_nlp
from extract.pipeline import extract_document, extract_file
from extract.reading import make_document
from extract.reflow import pdf_text, text_lines

if TYPE_CHECKING:
    from playwright.sync_api import PdfMargins

ROOT = Path(__file__).resolve().parent.parent
ANNOTATED = ROOT / "tests" / "data" / "annotated"
CHROMIUM = (Path("/usr/bin/chromium-headless-shell"), Path("/usr/bin/chromium"))
BODY_STYLE = "body { font-family: 'WenQuanYi Micro Hei', sans-serif; font-size: 16pt; }"
# How the text is set: a plan's first lines indented two characters and justified; flush left and
# ragged, as a web page printed to PDF; or as a plan whose task lists are ruled tables.
_INDENTED = " p { margin: 0; text-indent: 2em; text-align: justify; }"
_TABLE = " table { border-collapse: collapse; width: 100%; } td { font-size: 12pt; vertical-align: top; }"
LAYOUTS = {
    "indented": _INDENTED,
    "flush": " p { margin: 0 0 6pt 0; }",
    "table": f"{_INDENTED}{_TABLE} td {{ padding: 3pt; }}",
    "borderless": f"{_INDENTED}{_TABLE} td {{ border: none; padding: 3pt 8pt; }}",
    "tight": f"{_INDENTED}{_TABLE} td {{ border: none; padding: 0 8pt; }}",
}
TABLE_LAYOUTS = ("table", "borderless", "tight")  # the layouts that print `|` lines as tables
FOOTER = '<div style="font-size: 12pt; width: 100%; text-align: center">— <span class="pageNumber"></span> —</div>'
MARGINS: PdfMargins = {"top": "2.5cm", "bottom": "2.5cm", "left": "2.8cm", "right": "2.6cm"}
WAYS = ("text", "pdf lines", "pdf", "pdf copied")


def default_sets() -> list[Path]:
    """``../shared`` (its gold and the regional gold) and every annotated set folder."""
    return [SHARED, SHARED / "regional", *(p for p in sorted(ANNOTATED.iterdir()) if (p / "gold").is_dir())]


def to_html(text: str, *, tables: bool) -> str:
    """*text* as HTML, a paragraph for each line; with *tables*, a run of lines whose cells
    ``|`` parts (``1 | 建设平台 | 市数据局 |``) a ruled table, a cell for each."""
    parts: list[str] = []
    rows: list[list[str]] = []
    for line in [*text.split("\n"), None]:
        if tables and line is not None and (" | " in line or line.rstrip().endswith("|")):
            cells = line.split("|")
            rows.append(cells[:-1] if not cells[-1].strip() else cells)
            continue
        if rows:
            table_rows = ("".join(f"<td>{html.escape(cell.strip())}</td>" for cell in row) for row in rows)
            parts.append('<table border="1">' + "".join(f"<tr>{row}</tr>" for row in table_rows) + "</table>")
            rows = []
        if line is not None:
            parts.append(f"<p>{html.escape(line) or '&nbsp;'}</p>")
    return "".join(parts)


def render(texts: list[Path], pdf_dir: Path, layout: str) -> None:
    """Print each text file in *texts* to ``pdf_dir/STEM.pdf``, one paragraph a line, set as
    *layout* (:data:`LAYOUTS`) says."""
    from playwright.sync_api import sync_playwright

    executable = next((path for path in CHROMIUM if path.exists()), None)
    if executable is None:
        sys.exit(f"no Chromium at {' or '.join(map(str, CHROMIUM))}: run `make setup` first")
    pdf_dir.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=["--no-sandbox"])
        page = browser.new_page()
        for number, text in enumerate(texts, 1):
            body = to_html(text.read_text(encoding="utf-8"), tables=layout in TABLE_LAYOUTS)
            head = f'<meta charset="utf-8"><style>{BODY_STYLE}{LAYOUTS[layout]}</style>'
            page.set_content(f"<html><head>{head}</head><body>{body}</body></html>")
            page.pdf(
                path=str(pdf_dir / f"{text.stem}.pdf"),
                format="A4",
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                margin=MARGINS,
            )
            print(f"\rprinted {number}/{len(texts)}", end="", file=sys.stderr, flush=True)
        browser.close()
    print(file=sys.stderr)


def pdfminer_lines(pdf: Path, name: str, nlp: object) -> dict:
    """The extraction of *pdf* read as pdfminer lays out its lines."""
    from pdfminer.high_level import extract_text

    document = make_document(extract_text(str(pdf)), name=name, source_format="pdf")
    return extraction_to_json(extract_document(document, nlp=nlp))


def viewer_copy(pdf: Path, name: str, nlp: object) -> dict:
    """The extraction of *pdf*'s lines, one a line, in pdfminer's reading order (a table's cells
    as pdfminer groups them, no rows rebuilt), saved and read as a text file."""
    from pdfminer.high_level import extract_pages

    lines = [line.get_text().rstrip("\n") for page in extract_pages(pdf) for line in text_lines(page)]
    with tempfile.TemporaryDirectory() as folder:
        copied = Path(folder) / name
        copied.write_text("\n".join(lines), encoding="utf-8")
        return extraction_to_json(extract_file(copied, nlp=nlp))


def score_ways(corpus: Path, gold: Path, pdf_dir: Path, nlp: object) -> dict[str, Score]:
    """The set's score read each of :data:`WAYS`."""

    def pdf_of(path: Path) -> Path:
        return pdf_dir / f"{path.stem}.pdf"

    readers: dict[str, Callable[[Path], dict]] = {
        "text": lambda path: extraction_to_json(extract_file(path, nlp=nlp)),
        "pdf lines": lambda path: pdfminer_lines(pdf_of(path), path.name, nlp),
        "pdf": lambda path: extraction_to_json(extract_file(pdf_of(path), name=path.name, nlp=nlp)),
        "pdf copied": lambda path: viewer_copy(pdf_of(path), path.name, nlp),
    }
    return {way: score_documents(read, corpus, gold) for way, read in readers.items()}


def row(name: str, way: str, score: Score) -> str:
    """One line of the table: notes recall, unit F1, lead accuracy and platform F1."""
    figures = score.as_json()
    platforms = figures.get("platforms") or {}
    platform_f1 = f"{platforms['f1']:.3f}" if platforms else "    -"
    return (
        f"{name:12} {way:10} {figures['notes']['recall']:6.3f} {figures['units']['f1']:6.3f}"
        f" {figures['lead']['accuracy']:6.3f} {platform_f1:>6}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", type=Path, help="set folders holding corpus/ and gold/ (default: all)")
    parser.add_argument("--pdf-dir", type=Path, default=ROOT / "var" / "bench" / "pdf", help="where the PDFs are kept")
    parser.add_argument("--render", action="store_true", help="print the PDFs again even where they exist")
    parser.add_argument("--layout", choices=sorted(LAYOUTS), default="indented", help="how the text is set")
    args = parser.parse_args(argv)
    nlp = load_nlp()
    print(f"{'set':12} {'read as':10} {'notes R':>6} {'units':>6} {'lead':>6} {'plat F1':>6}")
    totals: dict[str, Score] = {way: Score() for way in WAYS}
    pdfs: list[Path] = []
    for folder in args.sets or default_sets():
        corpus, gold = folder / "corpus", folder / "gold"
        pdf_dir = args.pdf_dir / args.layout / folder.name
        texts = list(gold_documents(corpus, gold).values())
        missing = [text for text in texts if args.render or not (pdf_dir / f"{text.stem}.pdf").exists()]
        if missing:
            render(missing, pdf_dir, args.layout)
        pdfs += [pdf_dir / f"{text.stem}.pdf" for text in texts]
        scores = score_ways(corpus, gold, pdf_dir, nlp)
        for way in WAYS:
            print(row(folder.name, way, scores[way]), flush=True)
            totals[way].total.add(scores[way].total)
    for way in WAYS:
        print(row("all", way, totals[way]))
    print(reading_times(pdfs))
    return 0


def reading_times(pdfs: list[Path]) -> str:
    """Seconds to read *pdfs* with pdfminer's ``extract_text`` and with policykg's reader (tables
    found with pdfplumber, lines joined), taking turns over three rounds, and their ratio."""
    from pdfminer.high_level import extract_text

    spent = {"pdfminer": 0.0, "policykg": 0.0}
    for _ in range(3):
        for name, read in (("pdfminer", lambda pdf: extract_text(str(pdf))), ("policykg", pdf_text)):
            started = time.perf_counter()
            for pdf in pdfs:
                read(pdf)
            spent[name] += time.perf_counter() - started
    return (
        f"reading {len(pdfs)} PDFs three times: pdfminer's extract_text {spent['pdfminer']:.1f} s, "
        f"policykg's reader {spent['policykg']:.1f} s ({spent['policykg'] / spent['pdfminer']:.2f}x)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
