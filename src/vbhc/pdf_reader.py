"""PDF files with a text layer, read into a :class:`~vbhc.source.Source`.

Two engines give the same thing, a list of text fragments with their boxes, fonts and sizes:
``pdfium`` (the default: pypdfium2's text runs, fast) and ``pdfplumber`` (pdfminer's words,
several times slower, kept for comparison and for files pdfium reads badly). One layout
pass then turns fragments into text:

* fragments on one baseline become a line; a wide gap splits a line into segments;
* a run of lines that share a vertical gutter, with text on both sides of it on at least one
  line, is a two-column zone (the header: issuer, Số, V/v | quốc hiệu, place and date; the
  signature area: Nơi nhận | signature block). Each column is written as a region of its own,
  left then right, so that "Số: /TB-UBND Quảng Ngãi, ngày … 2024" comes out as two lines;
* page numbers and "Trang n/m" in the top or bottom band of a page, and a line repeated at the
  same place on most pages, are page furniture (:attr:`Source.furniture`), not text;
* a soft hyphen at a line's end joins the word back; other line wraps are left to the
  parser's reflow, which already joins hard-wrapped text.

A PDF whose pages carry no text is a scanned image: that is an :class:`InputError`
("no text layer: this PDF is a scanned image"), as are encrypted and damaged files.
"""

from __future__ import annotations

import ctypes
import statistics
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from .errors import InputError
from .grammar import read_table, table_errors
from .limits import LIMITS
from .source import Builder, Source, Style

ENGINES = ("pdfium", "pdfplumber")


@dataclass(slots=True)
class Frag:
    """A run of text on one baseline: its box (top-down coordinates, points) and font."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool
    superscript: bool = False


@dataclass(slots=True)
class _Seg:
    frags: list[Frag]
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(slots=True)
class _Line:
    segs: list[_Seg]
    top: float
    bottom: float

    @property
    def x0(self) -> float:
        return self.segs[0].x0

    @property
    def x1(self) -> float:
        return self.segs[-1].x1

    def text(self) -> str:
        return " ".join(_seg_text(s) for s in self.segs)


@lru_cache(maxsize=1)
def _rules() -> tuple[regex.Pattern[str], float]:
    data = read_table("readers.toml")
    with table_errors("readers.toml"):
        pdf = data["pdf"]
        return regex.compile("|".join(f"(?:{p})" for p in pdf["furniture"])), float(pdf["band"])


def _style_of(fontname: str, weight: int | None = None) -> tuple[bool, bool]:
    low = fontname.lower()
    bold = "bold" in low or "black" in low or "heavy" in low or low.endswith((",b", "-b")) or (weight or 0) >= 600
    italic = "italic" in low or "oblique" in low or low.endswith((",i", "-i", ",bi", "-bi"))
    return bold, italic


# -- engines ------------------------------------------------------------------------------

def _open_pdfium(data: bytes, path: str) -> Any:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise InputError(path, "reading PDF needs the pdf extra: pip install 'vbhc[pdf]'", "missing_extra") from None
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise InputError(path, "encrypted: the PDF needs a password to open", "encrypted") from None
        raise InputError(path, f"not a readable PDF ({str(exc).rstrip('.')})", "corrupt") from None


Rule = tuple[float, float, float, float]  # x0, top, x1, bottom of a thin drawn line


def _thin(x0: float, top: float, x1: float, bottom: float) -> Rule | None:
    w, h = x1 - x0, bottom - top
    if (h <= 2.5 and w >= 8) or (w <= 2.5 and h >= 8):
        return (x0, top, x1, bottom)
    return None


def _pdfium_rules(page: Any, height: float) -> list[Rule]:
    import pypdfium2.raw as raw

    out = []
    for k, obj in enumerate(page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=2)):
        if k > 5000:  # a drawing, not a table
            break
        left, bottom, right, top = obj.get_bounds()
        r = _thin(left, height - top, right, height - bottom)
        if r:
            out.append(r)
    return out


def _pdfium_frags(page: Any, height: float) -> list[Frag]:
    import pypdfium2.raw as raw

    tp = page.get_textpage()
    try:
        n_chars = tp.count_chars()
        if n_chars <= 0:
            return []
        n = tp.count_rects()
        rects = [tp.get_rect(i) for i in range(n)]
        starts: list[int] = []
        prev = -1
        for (left, bottom, right, top) in rects:
            idx = raw.FPDFText_GetCharIndexAtPos(tp.raw, left + 0.3, (bottom + top) / 2, 0.6, (top - bottom) / 2)
            if idx <= prev:
                idx = prev + 1
            starts.append(idx)
            prev = idx
        frags: list[Frag] = []
        buf = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        font_cache: dict[tuple[str, int], tuple[bool, bool]] = {}
        for k, (left, bottom, right, top) in enumerate(rects):
            a = starts[k]
            b = starts[k + 1] if k + 1 < n else n_chars
            if a >= n_chars:
                break
            text = tp.get_text_range(a, max(b - a, 0)) if b > a else ""
            text = text.replace("\r", "").replace("\n", "")
            if not text.strip():
                continue
            size = raw.FPDFText_GetFontSize(tp.raw, a)
            if size < 3:  # a unit font scaled by the text matrix: the box tells the size
                size = top - bottom
            raw.FPDFText_GetFontInfo(tp.raw, a, buf, 128, ctypes.byref(flags))
            name = buf.value.decode("latin-1", "replace")
            weight = raw.FPDFText_GetFontWeight(tp.raw, a)
            key = (name, weight)
            if key not in font_cache:
                font_cache[key] = _style_of(name, weight)
            bold, italic = font_cache[key]
            frags.append(Frag(text, left, right, height - top, height - bottom, float(size), bold, italic))
        return frags
    finally:
        tp.close()


def _pdfplumber_pages(data: bytes, path: str):
    try:
        import io

        import pdfplumber
    except ImportError:
        raise InputError(path, "the pdfplumber engine needs the pdf extra: pip install 'vbhc[pdf]'",
                         "missing_extra") from None
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds on damaged files, wrapped by pdfplumber
        chain = [exc, *(e for e in (exc.__cause__, exc.__context__, *exc.args) if isinstance(e, BaseException))]
        if any(isinstance(e, PDFPasswordIncorrect) or "password" in str(e).lower() for e in chain):
            raise InputError(path, "encrypted: the PDF needs a password to open", "encrypted") from None
        why = next((str(e) for e in chain if str(e)), type(exc).__name__)
        raise InputError(path, f"not a readable PDF ({why})", "corrupt") from None
    try:
        for page in pdf.pages:
            words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False, x_tolerance=1.5)
            frags = []
            for w in words:
                bold, italic = _style_of(w.get("fontname", ""))
                frags.append(Frag(w["text"] + " ", w["x0"], w["x1"], w["top"], w["bottom"], float(w.get("size") or 0),
                                  bold, italic))
            rules = [r for obj in (*page.lines, *page.rects)
                     if (r := _thin(float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"])))]
            yield float(page.width), float(page.height), frags, rules
    finally:
        pdf.close()


# -- layout -------------------------------------------------------------------------------

def _lines(frags: list[Frag]) -> list[_Line]:
    """Fragments on one baseline as lines, top to bottom; segments split at wide gaps."""
    frags = sorted((f for f in frags if f.text.strip()), key=lambda f: (f.top, f.x0))
    rows: list[list[Frag]] = []
    bands: list[tuple[float, float]] = []
    for f in frags:
        h = max(f.bottom - f.top, 0.1)
        placed = False
        for k in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            top, bottom = bands[k]
            overlap = min(bottom, f.bottom) - max(top, f.top)
            inside = f.top >= top and f.bottom <= bottom + 0.3 * (bottom - top)  # a comma, a dot
            if overlap >= 0.5 * min(h, bottom - top) or inside:
                rows[k].append(f)
                placed = True
                break
        if not placed:
            rows.append([f])
            bands.append((f.top, f.bottom))
    lines = []
    for row, (top, bottom) in zip(rows, bands):
        row.sort(key=lambda f: f.x0)
        size = statistics.median(f.size for f in row) or 12.0
        big = max(f.size for f in row)
        base = statistics.median(f.bottom for f in row if f.size >= 0.9 * big)
        for f in row:  # a superscript number is a footnote mark: "[1]", as DOCX and web pages write it
            if f.size < 0.8 * big and f.bottom < base - 0.15 * big and f.text.strip().isdigit() and len(f.text.strip()) <= 3:
                f.text = f"[{f.text.strip()}]" + (" " if f.text.endswith(" ") else "")
                f.superscript = True
        segs: list[_Seg] = []
        for f in row:
            if segs and f.x0 - segs[-1].x1 < 1.6 * size:
                s = segs[-1]
                s.frags.append(f)
                s.x1 = max(s.x1, f.x1)
            else:
                segs.append(_Seg([f], f.x0, f.x1, top, bottom))
        lines.append(_Line(segs, top, bottom))
    lines.sort(key=lambda ln: ln.top)
    return lines


_CLOSE = tuple(",.;:)]}”%/")
_OPEN = tuple("([{“/")


def _joined(seg: _Seg) -> list[tuple[Frag, str]]:
    """Each fragment with its text as it joins the line: a space in front where the gap
    before it is a word space, none before closing punctuation or after an opening one."""
    out: list[tuple[Frag, str]] = []
    size = statistics.median(f.size for f in seg.frags) if seg.frags else 12.0
    prev: Frag | None = None
    for f in seg.frags:
        t = " ".join(f.text.split())
        if not t:
            continue
        if prev is not None:
            gap = f.x0 - prev.x1
            tight = t.startswith(_CLOSE) or prev.text.rstrip().endswith(_OPEN) or f.superscript
            spaced = prev.text.endswith(" ") or f.text.startswith(" ")
            if gap > (0.4 if tight else 0.2) * size or (spaced and not tight):
                t = " " + t
        out.append((f, t))
        prev = f
    return out


def _seg_text(seg: _Seg) -> str:
    return "".join(t for _, t in _joined(seg))


def _free(line: _Line, lo: float, hi: float) -> list[tuple[float, float]]:
    """The intervals of ``lo``..``hi`` that no segment of the line covers."""
    out = []
    x = lo
    for s in line.segs:
        if s.x0 > x:
            out.append((x, min(s.x0, hi)))
        x = max(x, s.x1)
    if x < hi:
        out.append((x, hi))
    return [(a, b) for a, b in out if b > a]


def _intersect(a: list[tuple[float, float]], b: list[tuple[float, float]], min_width: float) -> list[tuple[float, float]]:
    out = []
    for x0, x1 in a:
        for y0, y1 in b:
            lo, hi = max(x0, y0), min(x1, y1)
            if hi - lo >= min_width:
                out.append((lo, hi))
    return out


def _zones(lines: list[_Line], left: float, right: float) -> list[tuple[int, int, float]]:
    """(first, end, gutter x) of each two-column zone: lines that all leave a common vertical
    gutter free, at least one of them with text on both sides."""
    zones = []
    i = 0
    n = len(lines)
    width = right - left
    lo_band, hi_band = left + 0.2 * width, left + 0.8 * width
    min_gap = 4.0
    while i < n:
        ln = lines[i]
        gaps = [(a, b) for a, b in _free(ln, ln.x0, ln.x1) if b - a >= min_gap and lo_band <= (a + b) / 2 <= hi_band]
        if len(ln.segs) < 2 or not gaps:
            i += 1
            continue
        free = gaps
        start = i
        # lines above that sit entirely on one side of the gutter (a right-hand "TM." above "Nơi nhận")
        while start > 0 and (lines[start].top - lines[start - 1].bottom) < 2.5 * (ln.bottom - ln.top):
            cand = _intersect(free, _free(lines[start - 1], left - 1, right + 1), min_gap)
            prev = lines[start - 1]
            if not cand or prev.x0 < cand[0][1]:  # only a line wholly right of the gutter joins
                break
            free = cand
            start -= 1
        j = i + 1
        height = max(ln.bottom - ln.top, 1.0)
        mid = (left + right) / 2
        right_x0 = min(s.x0 for s in ln.segs if s.x0 >= gaps[0][1])
        while j < n:
            nxt = lines[j]
            if nxt.top - lines[j - 1].bottom > 2.0 * height:
                break
            cand = _intersect(free, _free(nxt, left - 1, right + 1), min_gap)
            if not cand:
                break
            # a title centred on the page ("KẾ HOẠCH") below the header is not the right column
            if len(nxt.segs) == 1 and abs((nxt.x0 + nxt.x1) / 2 - mid) < 0.04 * width and nxt.x0 < right_x0 - 3:
                break
            free = cand
            j += 1
        gutter = (free[0][0] + free[0][1]) / 2
        zones.append((start, j, gutter))
        i = j
    return zones


def _runs(page: int, segs: list[_Seg]) -> list[tuple[str, dict[str, Any], Style]]:
    """One line as runs: one per stretch of fragments in the same style, with its page and box."""
    runs = []
    for k, seg in enumerate(segs):
        joined = _joined(seg)
        i = 0
        while i < len(joined):
            j = i
            while j + 1 < len(joined) and (joined[j + 1][0].bold, joined[j + 1][0].italic) == \
                    (joined[i][0].bold, joined[i][0].italic):
                j += 1
            group = joined[i:j + 1]
            text = "".join(t for _, t in group)
            if i == 0:
                text = (" " if k else "") + text.lstrip()
            first = group[0][0]
            where = {"page": page, "bbox": [round(first.x0, 1), round(seg.top, 1),
                                            round(max(f.x1 for f, _ in group), 1), round(seg.bottom, 1)]}
            runs.append((text, where, Style(bold=first.bold, italic=first.italic,
                                            size=round(statistics.median(f.size for f, _ in group), 1))))
            i = j + 1
    return runs


@dataclass(slots=True)
class _Grid:
    xs: list[float]
    ys: list[float]

    def holds(self, f: Frag) -> bool:
        cx, cy = (f.x0 + f.x1) / 2, (f.top + f.bottom) / 2
        return self.xs[0] <= cx <= self.xs[-1] and self.ys[0] <= cy <= self.ys[-1]


def _merge(values: list[float], tol: float = 2.5) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _grids(rules: list[Rule]) -> list[_Grid]:
    """Bordered tables: vertical rules that overlap in height, with the horizontal rules
    across them, make a grid of at least two columns and two rows."""
    verts = sorted((r for r in rules if r[2] - r[0] <= 2.5), key=lambda r: r[1])
    horiz = [r for r in rules if r[3] - r[1] <= 2.5]
    groups: list[list[Rule]] = []
    for v in verts:
        for g in groups:
            if v[1] <= max(x[3] for x in g) + 3:
                g.append(v)
                break
        else:
            groups.append([v])
    grids = []
    for g in groups:
        top, bottom = min(v[1] for v in g), max(v[3] for v in g)
        xs = _merge([(v[0] + v[2]) / 2 for v in g])
        if len(xs) < 3:
            continue
        ys = _merge([(h[1] + h[3]) / 2 for h in horiz
                     if top - 3 <= (h[1] + h[3]) / 2 <= bottom + 3 and h[0] <= xs[0] + 3 and h[2] >= xs[1] - 3])
        if len(ys) < 3:
            continue
        grids.append(_Grid(xs, ys))
    return grids


def _emit_grid(b: Builder, page: int, grid: _Grid, frags: list[Frag]) -> None:
    import bisect

    cells: dict[tuple[int, int], list[Frag]] = {}
    for f in frags:
        r = bisect.bisect_right(grid.ys, (f.top + f.bottom) / 2) - 1
        c = bisect.bisect_right(grid.xs, (f.x0 + f.x1) / 2) - 1
        cells.setdefault((min(max(r, 0), len(grid.ys) - 2), min(max(c, 0), len(grid.xs) - 2)), []).append(f)
    rows = []
    for r in range(len(grid.ys) - 1):
        row = []
        for c in range(len(grid.xs) - 1):
            row.append([_runs(page, ln.segs) for ln in _lines(cells.get((r, c), []))])
        rows.append(row)
    b.table(rows)


def _layout(b: Builder, page: int, lines: list[_Line], left: float, right: float,
            grids: list[_Grid] | None = None) -> None:
    if grids:
        kept, placed = [], {}
        for ln in lines:
            inside = [f for s in ln.segs for f in s.frags if any(g.holds(f) for g in grids)]
            if not inside:
                kept.append(ln)
                continue
            for f in inside:
                g = next(g for g in grids if g.holds(f))
                if id(g) not in placed:
                    placed[id(g)] = (g, [])
                    kept.append(g)  # the table's place in the flow
                placed[id(g)][1].append(f)
            outside = [f for s in ln.segs for f in s.frags if not any(g.holds(f) for g in grids)]
            kept.extend(_lines(outside))  # text beside the table on the same line is kept
        tables = {id(g): frs for g, frs in placed.values()}
        flow = kept
        start = 0
        for k, item in enumerate(flow + [None]):
            if item is None or isinstance(item, _Grid):
                _layout(b, page, flow[start:k], left, right)  # type: ignore[arg-type]
                if item is not None:
                    _emit_grid(b, page, item, tables[id(item)])
                start = k + 1
        return
    zones = {z[0]: z for z in _zones(lines, left, right)}
    i = 0
    while i < len(lines):
        if i in zones:
            _, end, gutter = zones[i]
            cols: tuple[list[list[_Seg]], list[list[_Seg]]] = ([], [])
            for ln in lines[i:end]:
                lsegs = [s for s in ln.segs if s.x1 <= gutter]
                rsegs = [s for s in ln.segs if s.x1 > gutter]
                if lsegs:
                    cols[0].append(lsegs)
                if rsegs:
                    cols[1].append(rsegs)
            b.separator()
            for segs in cols[0]:
                b.paragraph(_runs(page, segs))
            b.separator()
            for segs in cols[1]:
                b.paragraph(_runs(page, segs))
            b.separator()
            i = end
            continue
        b.paragraph(_runs(page, lines[i].segs))
        i += 1


def _footnotes_from(lines: list[_Line], height: float) -> int:
    """Where the footnotes at the foot of a page begin (``len(lines)`` when there are none):
    a line in the lower half that opens with a footnote mark, in a smaller size than the
    page's text, and every line after it."""
    if len(lines) < 3:
        return len(lines)
    sizes = [f.size for ln in lines for s in ln.segs for f in s.frags]
    body = statistics.median(sizes)
    for k, ln in enumerate(lines):
        first = ln.segs[0].frags[0]
        mark = first.text.strip().strip("[]")
        if ln.top < 0.5 * height or not (first.superscript or (mark.isdigit() and len(mark) <= 3)):
            continue
        rest = [f.size for s in ln.segs for f in s.frags if f is not first]
        if rest and statistics.median(rest) < 0.9 * body:
            if not first.superscript:
                first.text = f"[{mark}]" + (" " if first.text.endswith(" ") else "")
                first.superscript = True
            return k
    return len(lines)


def _furniture_lines(pages: list[tuple[float, float, list[_Line]]]) -> set[tuple[int, int]]:
    """(page, line) of page numbers in the top/bottom band, and of lines repeated at the same
    place on most pages (a running header or footer)."""
    pattern, band = _rules()
    out: set[tuple[int, int]] = set()
    seen: Counter[tuple[str, int]] = Counter()
    for p, (_, height, lines) in enumerate(pages):
        for k, ln in enumerate(lines):
            in_band = ln.bottom < band * height or ln.top > (1 - band) * height
            if in_band:
                if pattern.match(ln.text()):
                    out.add((p, k))
                seen[(ln.text(), round(ln.top / 5))] += 1
    if len(pages) >= 3:
        repeated = {key for key, c in seen.items() if c >= max(3, 0.6 * len(pages))}
        for p, (_, height, lines) in enumerate(pages):
            for k, ln in enumerate(lines):
                if (ln.text(), round(ln.top / 5)) in repeated:
                    out.add((p, k))
    return out


_PDFIUM = threading.Lock()


@dataclass(slots=True)
class _Pages:
    pages: list[tuple[float, float, list[_Line]]] = field(default_factory=list)
    grids: list[list[_Grid]] = field(default_factory=list)
    blank: list[int] = field(default_factory=list)
    broken: list[int] = field(default_factory=list)


def read_pdf(data: bytes, path: str, engine: str = "pdfium") -> Source:
    """Read a PDF's text layer. Raises :class:`InputError` for scanned, encrypted or damaged files."""
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}; one of {', '.join(ENGINES)}")
    if engine == "pdfium":
        with _PDFIUM:  # pdfium is not thread-safe, even across documents
            got = _pdfium_pages(data, path)
    else:
        got = _pdfplumber_read(data, path)
    return _assemble(got, path)


def _pdfium_pages(data: bytes, path: str) -> _Pages:
    doc = _open_pdfium(data, path)  # first: without the pdf extra it says which one to install
    import pypdfium2 as pdfium

    got = _Pages()
    try:
        n = len(doc)
        if n > LIMITS.max_pages:
            raise InputError(path, f"too many pages ({n}; the limit is {LIMITS.max_pages}, see --max-pages)",
                             "too_large")
        for k in range(n):
            try:
                page = doc[k]
            except pdfium.PdfiumError:
                got.broken.append(k + 1)
                continue
            try:
                width, height = page.get_size()
                frags = _pdfium_frags(page, height)
                grids = _grids(_pdfium_rules(page, height)) if frags else []
            except pdfium.PdfiumError:
                got.broken.append(k + 1)
                continue
            finally:
                page.close()
            if not frags:
                got.blank.append(k + 1)
            got.grids.append(grids)
            got.pages.append((width, height, _lines(frags)))
    finally:
        doc.close()
    return got


def _pdfplumber_read(data: bytes, path: str) -> _Pages:
    got = _Pages()
    for k, (width, height, frags, rules) in enumerate(_pdfplumber_pages(data, path)):
        if k >= LIMITS.max_pages:
            raise InputError(path, f"too many pages (more than {LIMITS.max_pages}, see --max-pages)", "too_large")
        if not frags:
            got.blank.append(k + 1)
        got.grids.append(_grids(rules))
        got.pages.append((width, height, _lines(frags)))
    return got


def _assemble(got: _Pages, path: str) -> Source:
    pages = got.pages
    if not pages:
        why = f"none of its {len(got.broken)} pages can be read" if got.broken else "it has no pages"
        raise InputError(path, f"not a readable PDF ({why})", "corrupt")
    if len(got.blank) == len(pages):
        raise InputError(path, "no text layer: this PDF is a scanned image (run OCR first)", "scanned")

    b = Builder("pdf")
    b.pages = len(pages) + len(got.broken)
    if got.broken:
        b.notes.append(("pdf.broken_page", f"page(s) {', '.join(map(str, got.broken[:20]))} cannot be read "
                        "(damaged); their text is missing"))
    if got.blank:
        b.notes.append(("pdf.no_text", f"page(s) {', '.join(map(str, got.blank[:20]))} have no text layer "
                        "(scanned images); their text is missing"))
    furniture = _furniture_lines(pages)
    kept: list[tuple[str, str]] = []
    notes: list[tuple[int, _Line]] = []
    for p, (width, height, lines) in enumerate(pages):
        body = []
        for k, ln in enumerate(lines):
            if (p, k) in furniture:
                kept.append(("page", ln.text()))
            else:
                body.append(ln)
        if not body:
            continue
        cut = _footnotes_from(body, height)
        notes.extend((p + 1, ln) for ln in body[cut:])
        body = body[:cut]
        if not body:
            continue
        left = min(ln.x0 for ln in body)
        right = max(ln.x1 for ln in body)
        _layout(b, p + 1, body, left, right, got.grids[p])
    for page_no, ln in notes:
        b.paragraph(_runs(page_no, ln.segs))
    src = b.build()
    src.furniture = kept
    if "\u00ad" in src.text or "\x02" in src.text:
        src = _rehyphenate(src)
    return src


def _rehyphenate(src: Source) -> Source:
    """Drop a soft hyphen that ends a line and the line break after it. Piece offsets are
    shifted so they still point at the same characters."""
    text = src.text
    cuts = [(m.start(), m.end()) for m in regex.finditer(r"[\u00ad\x02]\n(?=\p{Ll})", text)]
    if not cuts:
        return src
    out, pos = [], 0
    shifts: list[tuple[int, int]] = []
    removed = 0
    for a, c in cuts:
        out.append(text[pos:a])
        removed += c - a
        shifts.append((c, removed))
        pos = c
    out.append(text[pos:])
    src.text = "".join(out)

    def move(x: int) -> int:
        d = 0
        for at, total in shifts:
            if x >= at:
                d = total
            else:
                break
        return x - d

    for piece in src.pieces:
        piece.start, piece.end = move(piece.start), move(piece.end)
    return src
