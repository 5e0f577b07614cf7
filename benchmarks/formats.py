"""Per-format throughput of the readers, with a floor measured in the same run.

    python benchmarks/formats.py [--repeat 5] [--min-docs 50]

For each format found (text, DOCX, PDF with each engine, HTML) it times, on one core:
``read`` (the file's bytes to a Source), ``read+parse`` (to the JSON string), and a *floor*:
the least work any reader of that format must do (PDF: pdfium's plain page text; DOCX:
unzip and parse word/document.xml and collect its text nodes; HTML: one pass of the standard
library's HTMLParser; text: UTF-8 decoding). Inputs are ``corpus/formats`` and, when present,
``../shared/corpus/{pdf,vbpl}`` (scanned PDFs are left out: they have no text to read). Small
sets are repeated until there are ``--min-docs`` documents per format, so that a timing is
not a handful of microseconds. Medians of the runs; docs/s, pages/s for PDF, MB/s of input.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from vbhc.document import parse_source  # noqa: E402
from vbhc.errors import InputError  # noqa: E402
from vbhc.reader import read_bytes, sniff  # noqa: E402


def _inputs() -> dict[str, list[tuple[str, bytes]]]:
    folders = [REPO / "corpus" / "formats", REPO / "corpus" / "synthetic", REPO.parent / "shared" / "corpus" / "pdf",
               REPO.parent / "shared" / "corpus" / "vbpl"]
    out: dict[str, list[tuple[str, bytes]]] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for p in sorted(folder.iterdir()):
            if p.suffix not in (".txt", ".docx", ".pdf", ".html", ".htm") or "encrypted" in p.name:
                continue
            data = p.read_bytes()
            fmt = sniff(data, p.name)
            try:
                read_bytes(data, str(p))
            except InputError:
                continue  # a scanned PDF: nothing to time
            out.setdefault(fmt, []).append((str(p), data))
    return out


def _floor(fmt: str):
    if fmt == "pdf":
        import pypdfium2 as pdfium

        def pdf(items):
            for _, data in items:
                doc = pdfium.PdfDocument(data)
                for k in range(len(doc)):
                    page = doc[k]
                    tp = page.get_textpage()
                    tp.get_text_range()
                    tp.close()
                    page.close()
                doc.close()
        return pdf
    if fmt == "docx":
        from lxml import etree

        def docx(items):
            for _, data in items:
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    root = etree.fromstring(z.read("word/document.xml"))
                    "".join(root.itertext())
        return docx
    if fmt == "html":
        from html.parser import HTMLParser

        def html(items):
            for _, data in items:
                p = HTMLParser()
                p.feed(data.decode("utf-8", "replace"))
                p.close()
        return html

    def txt(items):
        for _, data in items:
            data.decode("utf-8")
    return txt


def _pages(items) -> int:
    import pypdfium2 as pdfium

    return sum(len(pdfium.PdfDocument(data)) for _, data in items)


def timed(fn, items, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(items)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--min-docs", type=int, default=50)
    args = ap.parse_args()
    inputs = _inputs()
    if not inputs:
        print("no inputs found", file=sys.stderr)
        return 2
    parse_source(read_bytes(b"x"))  # compile the grammar outside the timings
    print(f"median of {args.repeat} runs, one core")
    for fmt in ("txt", "docx", "pdf", "html"):
        base = inputs.get(fmt)
        if not base:
            continue
        items = base * max(1, -(-args.min_docs // len(base)))
        mb = sum(len(d) for _, d in items) / 1e6
        engines = ("pdfium", "pdfplumber") if fmt == "pdf" else ("",)
        pages = _pages(items) if fmt == "pdf" else 0
        floor = timed(_floor(fmt), items, args.repeat)
        print(f"{fmt}: {len(base)} distinct files, {len(items)} documents, {mb:.1f} MB"
              + (f", {pages} pages" if pages else ""))
        rows = [("floor", floor)]
        for eng in engines:
            kw = {"pdf_engine": eng} if eng else {}
            tag = f" [{eng}]" if eng else ""
            rows.append((f"read{tag}", timed(lambda its: [read_bytes(d, p, **kw) for p, d in its], items, args.repeat)))
            rows.append((f"read+parse{tag}", timed(
                lambda its: [parse_source(read_bytes(d, p, **kw)).to_json() for p, d in its], items, args.repeat)))
        for name, sec in rows:
            extra = f"  {pages / sec:8.0f} pages/s" if pages else ""
            print(f"  {name:<24} {sec:7.3f} s  {len(items) / sec:8.0f} docs/s{extra}  {mb / sec:7.2f} MB/s"
                  f"  ({floor / sec:.2f} of the floor's rate)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
