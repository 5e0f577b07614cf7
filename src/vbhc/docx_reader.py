"""Word files: DOCX read into a :class:`~vbhc.source.Source`; legacy .doc converted through
LibreOffice first.

The reader walks the WordprocessingML itself (``word/document.xml`` and the parts it names)
with lxml, which the ``docx`` extra installs with python-docx: it is several times faster than
building python-docx's object model, and it lets the reader check the zip's sizes before
inflating anything and parse the XML with entities and DTDs switched off.

What a reader of the printed page sees is what comes out:

* paragraphs and tables in document order; the two-column header and signature tables as
  regions (see :mod:`vbhc.source`); content controls and nested tables opened up;
* Word's automatic numbering written back as the marker it shows ("1.", "a)", "-");
* line breaks and tabs inside a paragraph; soft hyphens dropped; fields' instructions
  dropped and page-number fields (PAGE, NUMPAGES) skipped, other fields' shown text kept;
* text boxes after the paragraph that anchors them; footnotes and endnotes as "[n]" at the
  reference and "[n] text" after the document; page headers and footers kept apart
  (:attr:`Source.furniture`), never mixed into the body;
* runs in a legacy font (.VnTime: TCVN3; VNI-Times: VNI) converted to Unicode;
* every run's bold, italic, size, font and its paragraph's alignment kept on its piece.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .errors import InputError
from .limits import LIMITS
from .source import Builder, Source, Style

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
V = "urn:schemas-microsoft-com:vml"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, SDT, SDTCONTENT, RUN, TEXT = (_w(t) for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "r", "t"))
PPR, RPR, INS, HYPERLINK, SMARTTAG, FLDSIMPLE = (_w(t) for t in ("pPr", "rPr", "ins", "hyperlink", "smartTag",
                                                                  "fldSimple"))
TXBX = _w("txbxContent")
SKIPPED_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF"})

MAX_ENTRIES = 10_000  # a DOCX has tens of parts


def _val(el: Any, name: str = "val") -> str | None:
    return None if el is None else el.get(_w(name))


def _on(el: Any) -> bool | None:
    """A toggle property (w:b, w:i): absent → None; present → on unless val says off."""
    if el is None:
        return None
    v = el.get(_w("val"))
    return v not in ("0", "false", "off", "none")


@dataclass(slots=True)
class _RStyle:
    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    font: str | None = None

    def over(self, other: _RStyle) -> _RStyle:
        """``other``'s settings on top of these."""
        return _RStyle(other.bold if other.bold is not None else self.bold,
                       other.italic if other.italic is not None else self.italic,
                       other.size if other.size is not None else self.size,
                       other.font or self.font)


def _rstyle(rpr: Any) -> _RStyle:
    if rpr is None:
        return _RStyle()
    size = _val(rpr.find(_w("sz")))
    fonts = rpr.find(_w("rFonts"))
    font = None if fonts is None else (fonts.get(_w("ascii")) or fonts.get(_w("hAnsi")) or fonts.get(_w("cs")))
    try:
        pts = int(size) / 2 if size else None
    except ValueError:
        pts = None
    return _RStyle(_on(rpr.find(_w("b"))), _on(rpr.find(_w("i"))), pts, font)


_ALIGN = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
          "both": "justify", "distribute": "justify", "justify": "justify"}


class _Styles:
    """styles.xml: run properties, alignment and numbering of each style, through basedOn."""

    def __init__(self, root: Any | None) -> None:
        self.raw: dict[str, Any] = {}
        self.default = _RStyle()
        self.default_para: str | None = None
        self._r: dict[str, _RStyle] = {}
        self._jc: dict[str, str | None] = {}
        self._num: dict[str, tuple[str, int] | None] = {}
        if root is None:
            return
        rpr = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{RPR}")
        self.default = _rstyle(rpr)
        for st in root.iter(_w("style")):
            sid = st.get(_w("styleId"))
            if sid:
                self.raw[sid] = st
                if st.get(_w("type")) == "paragraph" and st.get(_w("default")) in ("1", "true"):
                    self.default_para = sid

    def _chain(self, sid: str | None) -> list[Any]:
        out, seen = [], set()
        while sid and sid in self.raw and sid not in seen:
            seen.add(sid)
            st = self.raw[sid]
            out.append(st)
            sid = _val(st.find(_w("basedOn")))
        return out

    def run(self, sid: str | None) -> _RStyle:
        key = sid or ""
        if key not in self._r:
            s = _RStyle()
            for st in reversed(self._chain(sid)):
                s = s.over(_rstyle(st.find(RPR)))
            self._r[key] = s
        return self._r[key]

    def align(self, sid: str | None) -> str | None:
        key = sid or ""
        if key not in self._jc:
            self._jc[key] = None
            for st in self._chain(sid):
                jc = _val(st.find(f"{PPR}/{_w('jc')}"))
                if jc:
                    self._jc[key] = _ALIGN.get(jc)
                    break
        return self._jc[key]

    def numbering(self, sid: str | None) -> tuple[str, int] | None:
        key = sid or ""
        if key not in self._num:
            self._num[key] = None
            for st in self._chain(sid):
                num = st.find(f"{PPR}/{_w('numPr')}")
                if num is not None:
                    nid = _val(num.find(_w("numId")))
                    lvl = _val(num.find(_w("ilvl")))
                    if nid:
                        self._num[key] = (nid, int(lvl) if lvl and lvl.isdecimal() else 0)
                    break
        return self._num[key]


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    if n > 3999:
        return str(n)
    out = []
    for v, s in _ROMAN:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


MAX_START = 32767  # Word's own limit on a list's start value


def _letter(n: int) -> str:
    # Word: a..z, then aa..zz, aaa..; past zzzz a number (a damaged file, not a real list)
    if n < 1 or n > 26 * 4:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter",):
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


_BULLETS = {"-": "-", "–": "-", "—": "-", "+": "+", "*": "-"}


class _Numbering:
    """numbering.xml: the marker Word shows in front of a numbered paragraph."""

    def __init__(self, root: Any | None) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        self.started: set[tuple[str, int]] = set()
        if root is None:
            return
        for an in root.iter(_w("abstractNum")):
            aid = an.get(_w("abstractNumId"))
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in an.iter(_w("lvl")):
                try:
                    i = int(lvl.get(_w("ilvl")) or 0)
                    start = int(_val(lvl.find(_w("start"))) or 1)
                except ValueError:
                    continue
                lv[i] = (_val(lvl.find(_w("numFmt"))) or "decimal", _val(lvl.find(_w("lvlText"))) or "",
                         min(max(start, 0), MAX_START))
            if aid is not None:
                self.levels[aid] = lv
        for num in root.iter(_w("num")):
            nid = num.get(_w("numId"))
            aid = _val(num.find(_w("abstractNumId")))
            overrides: dict[int, int] = {}
            for ov in num.iter(_w("lvlOverride")):
                so = _val(ov.find(_w("startOverride")))
                lvl_no = ov.get(_w("ilvl")) or "0"
                if so and so.isdecimal() and lvl_no.isdecimal():
                    overrides[int(lvl_no)] = min(int(so), MAX_START)
            if nid is not None and aid is not None:
                self.nums[nid] = (aid, overrides)

    def marker(self, nid: str, ilvl: int) -> str:
        """The marker of the next paragraph of list ``nid`` at level ``ilvl``. As in Word,
        lists that share an abstract definition share their counters (one list continues
        another) unless a list overrides a level's start: it restarts there on first use."""
        if nid == "0" or nid not in self.nums or not 0 <= ilvl < 9:
            return ""
        aid, overrides = self.nums[nid]
        levels = self.levels.get(aid, {})
        if ilvl not in levels:
            return ""
        counts = self.counters.setdefault(aid, [0] * 9)
        restart = ilvl in overrides and (nid, ilvl) not in self.started
        self.started.add((nid, ilvl))
        for k in range(ilvl):
            if k in levels and counts[k] == 0:
                counts[k] = overrides.get(k, levels[k][2])
        if restart:
            counts[ilvl] = overrides[ilvl]
        else:
            counts[ilvl] = levels[ilvl][2] if counts[ilvl] == 0 else counts[ilvl] + 1
        for k in range(ilvl + 1, 9):
            counts[k] = 0
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return _BULLETS.get(text.strip(), "-")
        out = text
        for k in range(9, 0, -1):
            if f"%{k}" in out:
                lf = levels.get(k - 1, ("decimal", "", 1))[0]
                out = out.replace(f"%{k}", _format(max(counts[k - 1], 1), lf))
        return out.strip()


class _Zip:
    """The DOCX package, with its sizes checked before anything is inflated."""

    def __init__(self, path: str, data: bytes) -> None:
        import io

        self.path = path
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError, zlib.error) as exc:
            raise InputError(path, f"not a readable DOCX (damaged zip: {exc})", "corrupt") from None
        if len(infos) > MAX_ENTRIES:
            raise InputError(path, f"not a DOCX: the zip holds {len(infos)} entries", "too_large")
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > 1_000_000 and info.file_size > LIMITS.max_ratio * max(info.compress_size, 1):
                raise InputError(path, f"refused: {info.filename} inflates {info.file_size // max(info.compress_size, 1)}"
                                 " times (a zip bomb?)", "zip_bomb")
        if total > LIMITS.max_inflated:
            raise InputError(path, f"refused: the DOCX inflates to {total} bytes (limit {LIMITS.max_inflated})",
                             "too_large")
        self.names = {i.filename for i in infos}

    def raw(self, name: str) -> bytes | None:
        name = name.lstrip("/")
        if name not in self.names:
            return None
        try:
            return self.zf.read(name)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, NotImplementedError,
                zlib.error) as exc:
            raise InputError(self.path, f"not a readable DOCX ({name}: {exc})", "corrupt") from None

    def xml(self, name: str) -> Any | None:
        raw = self.raw(name)
        return None if raw is None else _parse_xml(raw, self.path, name)

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type, target part) of ``part``."""
        folder, _, base = part.rpartition("/")
        root = self.xml(f"{folder}/_rels/{base}.rels")
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External":
                continue
            full = target.lstrip("/") if target.startswith("/") else os.path.normpath(f"{folder}/{target}").replace("\\", "/")
            out[rel.get("Id") or ""] = (rel.get("Type") or "", full)
        return out


_LOCAL = threading.local()  # an lxml parser must not be shared between threads


def _parse_xml(raw: bytes, path: str, name: str) -> Any:
    """XML with entities, DTDs and the network off (an entity bomb stays text)."""
    from lxml import etree

    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        parser = _LOCAL.parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                                 huge_tree=False, remove_comments=True)
    head = raw[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in raw:
        # Word never writes a DTD: declarations here are an entity bomb or an external entity
        raise InputError(path, f"refused: {name} declares XML entities or a DTD (an entity bomb?)", "xml_entities")
    try:
        return etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"not a readable DOCX ({name}: {exc})", "corrupt") from None


@lru_cache(maxsize=16)
def _styles_of(raw: bytes | None) -> _Styles:
    """Parsed styles, shared by the documents of one template (a batch reads the same
    styles.xml again and again). Read-only after construction but for its lookup caches."""
    return _Styles(None if raw is None else _parse_xml(raw, "styles.xml", "word/styles.xml"))


def _main_part(z: _Zip) -> str:
    root = z.xml("_rels/.rels")
    if root is not None:
        for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
            if (rel.get("Type") or "").endswith("/officeDocument"):
                return (rel.get("Target") or "").lstrip("/")
    return "word/document.xml"


class _Reader:
    def __init__(self, path: str, z: _Zip) -> None:
        from . import legacy

        self.path = path
        self.z = z
        self.legacy = legacy
        self.main = _main_part(z)
        rels = z.rels(self.main)
        by_type = {t.rsplit("/", 1)[-1]: target for t, target in rels.values()}
        try:
            self.styles = _styles_of(z.raw(by_type["styles"]) if "styles" in by_type else None)
        except InputError as exc:
            raise InputError(path, exc.cause, exc.code) from None
        self.numbering = _Numbering(z.xml(by_type["numbering"]) if "numbering" in by_type else None)
        self.notes: dict[tuple[str, str], Any] = {}
        for kind in ("footnotes", "endnotes"):
            if kind in by_type:
                root = z.xml(by_type[kind])
                if root is not None:
                    for fn in root:
                        fid = fn.get(_w("id"))
                        if fid is not None and fn.get(_w("type")) in (None, "normal"):
                            self.notes[(kind[:-1], fid)] = fn
        self.furniture_parts = [(t.rsplit("/", 1)[-1], target) for t, target in rels.values()
                                if t.endswith(("/header", "/footer"))]
        self.b = Builder("docx")
        self.note_order: list[tuple[str, str]] = []
        self.para_index = 0
        self.field_stack: list[list[str]] = []   # per open complex field: [instruction, state]

    # -- runs ------------------------------------------------------------------------------

    def _field_hidden(self) -> bool:
        return any(f[1] == "instr" or (f[1] == "result" and f[0].split()[:1] and f[0].split()[0].upper() in SKIPPED_FIELDS)
                   for f in self.field_stack)

    def _runs(self, p: Any, pstyle: str | None, where: dict[str, Any], out: list[tuple[str, dict, Style | None]],
              boxes: list[Any], align: str | None) -> None:
        run_no = 0
        for el in p.iter():
            tag = el.tag
            if tag == FLDSIMPLE:
                instr = (el.get(_w("instr")) or "").split()
                if instr and instr[0].upper() in SKIPPED_FIELDS:
                    for t in el.iter(TEXT):
                        t.set("skip", "1")
                continue
            if tag == TXBX:
                if not _inside(el, f"{{{MC}}}Fallback", p):
                    boxes.append(el)
                continue
            if tag != RUN:
                continue
            if _inside(el, TXBX, p) or _inside(el, f"{{{MC}}}Fallback", p):
                continue
            run_no += 1
            rpr = el.find(RPR)
            rs = self.styles.default.over(self.styles.run(pstyle))
            rstyle_id = _val(rpr.find(_w("rStyle"))) if rpr is not None else None
            if rstyle_id:
                rs = rs.over(self.styles.run(rstyle_id))
            rs = rs.over(_rstyle(rpr))
            if rpr is not None and (_on(rpr.find(_w("vanish"))) or _on(rpr.find(_w("webHidden")))):
                continue
            parts: list[str] = []
            for ch in el:
                ct = ch.tag
                if ct == TEXT:
                    if ch.get("skip") or self._field_hidden():
                        continue
                    parts.append(ch.text or "")
                elif ct == _w("fldChar"):
                    kind = ch.get(_w("fldCharType"))
                    if kind == "begin":
                        self.field_stack.append(["", "instr"])
                    elif kind == "separate" and self.field_stack:
                        self.field_stack[-1][1] = "result"
                    elif kind == "end" and self.field_stack:
                        self.field_stack.pop()
                elif ct == _w("instrText"):
                    if self.field_stack:
                        self.field_stack[-1][0] += ch.text or ""
                elif self._field_hidden():
                    continue
                elif ct in (_w("tab"), _w("ptab")):
                    parts.append("\t")
                elif ct in (_w("br"), _w("cr")):
                    if ch.get(_w("type")) in (None, "textWrapping"):
                        parts.append("\n")
                elif ct == _w("noBreakHyphen"):
                    parts.append("-")
                elif ct == _w("sym"):
                    parts.append("-" if (ch.get(_w("char")) or "").upper() in ("F02D", "002D") else "")
                elif ct in (_w("footnoteReference"), _w("endnoteReference")):
                    key = ("footnote" if ct == _w("footnoteReference") else "endnote", ch.get(_w("id")) or "")
                    if key in self.notes:
                        self.note_order.append(key)
                        parts.append(f"[{len(self.note_order)}]")
            text = "".join(parts)
            if not text:
                continue
            enc = self.legacy.font_encoding(rs.font)
            if enc:
                text = self.legacy.convert(text, enc)
            out.append((text, {**where, "run": run_no},
                        Style(bold=rs.bold, italic=rs.italic, size=rs.size, align=align, font=rs.font)))

    # -- paragraphs and tables -------------------------------------------------------------

    def _paragraph(self, p: Any, where: dict[str, Any]) -> tuple[list[tuple[str, dict, Style | None]], list[Any]]:
        self.para_index += 1
        where = {**where, "paragraph": self.para_index}
        ppr = p.find(PPR)
        pstyle = _val(ppr.find(_w("pStyle"))) if ppr is not None else None
        pstyle = pstyle or self.styles.default_para
        jc = _val(ppr.find(_w("jc"))) if ppr is not None else None
        align = _ALIGN.get(jc) if jc else self.styles.align(pstyle)
        runs: list[tuple[str, dict, Style | None]] = []
        boxes: list[Any] = []
        self._runs(p, pstyle, where, runs, boxes, align)
        num = ppr.find(_w("numPr")) if ppr is not None else None
        ref: tuple[str, int] | None = None
        if num is not None:
            nid = _val(num.find(_w("numId")))
            lvl = _val(num.find(_w("ilvl")))
            if nid:
                ref = (nid, int(lvl) if lvl and lvl.isdecimal() else 0)
        else:
            ref = self.styles.numbering(pstyle)
        if ref and "".join(r[0] for r in runs).strip():
            marker = self.numbering.marker(*ref)
            if marker:
                first = runs[0][2] if runs else None
                runs.insert(0, (marker + " ", {**where, "numbering": True}, first))
        return runs, boxes

    def _cell(self, tc: Any, where: dict[str, Any]) -> list[list[tuple[str, dict, Style | None]]]:
        paras: list[list[tuple[str, dict, Style | None]]] = []
        for el in _blocks(tc):
            if el.tag == P:
                runs, boxes = self._paragraph(el, where)
                paras.extend(_split_lines(runs))
                for box in boxes:
                    paras.extend(self._box(box, where))
            elif el.tag == TBL:  # a table inside a cell: its paragraphs, in order (once each)
                for r, tr in enumerate(el.findall(TR), 1):
                    for c, inner in enumerate(tr.findall(TC), 1):
                        paras.extend(self._cell(inner, {**where, "inner": [r, c]}))
        return paras

    def _table(self, tbl: Any, index: int) -> None:
        rows = []
        for r, tr in enumerate(tbl.findall(TR), 1):
            cells = []
            for c, tc in enumerate(tr.findall(TC), 1):
                merge = tc.find(f"{_w('tcPr')}/{_w('vMerge')}")
                if merge is not None and merge.get(_w("val")) in (None, "continue"):
                    cells.append([])
                    continue
                cells.append(self._cell(tc, {"table": index, "row": r, "cell": c}))
            rows.append(cells)
        self.b.table(rows)

    def _box(self, box: Any, where: dict[str, Any]) -> list[list[tuple[str, dict, Style | None]]]:
        paras = []
        for el in _blocks(box):
            if el.tag == P:
                runs, inner = self._paragraph(el, {**where, "textbox": True})
                paras.extend(_split_lines(runs))
                for box in inner[:8]:  # a text box inside a text box (bounded: a damaged file may loop)
                    paras.extend(self._box(box, where))
        return paras

    def _body(self, container: Any) -> None:
        tables = 0
        for el in _blocks(container):
            if el.tag == P:
                runs, boxes = self._paragraph(el, {})
                for line in _split_lines(runs):
                    self.b.paragraph(line)
                for box in boxes:
                    for line in self._box(box, {"paragraph": self.para_index}):
                        self.b.paragraph(line)
            elif el.tag == TBL:
                tables += 1
                self._table(el, tables)

    def read(self) -> Source:
        root = self.z.xml(self.main)
        if root is None:
            raise InputError(self.path, "not a DOCX: word/document.xml is missing", "corrupt")
        body = root.find(_w("body"))
        if body is None:
            raise InputError(self.path, "not a DOCX: the document has no body", "corrupt")
        self._body(body)
        self._notes()
        src = self.b.build()
        src.furniture = self._furniture()
        return src

    def _notes(self) -> None:
        for n, key in enumerate(self.note_order, 1):
            paras: list[list[tuple[str, dict, Style | None]]] = []
            for el in _blocks(self.notes[key]):
                if el.tag == P:
                    runs, _ = self._paragraph(el, {key[0]: int(key[1]) if key[1].isdecimal() else key[1]})
                    paras.extend(_split_lines(runs))
            text_runs = [r for p in paras for r in p]
            if not "".join(r[0] for r in text_runs).strip():
                continue
            first = paras[0]
            self.b.paragraph([(f"[{n}] ", {key[0]: key[1], "mark": True}, None), *_lstrip(first)])
            for p in paras[1:]:
                self.b.paragraph(p)

    def _furniture(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()
        for kind, part in self.furniture_parts:
            root = self.z.xml(part)
            if root is None:
                continue
            lines = []
            for el in _blocks(root):
                if el.tag == P:
                    runs, _ = self._paragraph(el, {kind: part})
                    text = "".join(r[0] for r in runs).strip()
                    if text:
                        lines.append(text)
            text = "\n".join(lines)
            if text and (kind, text) not in seen:
                seen.add((kind, text))
                out.append((kind, text))
        return out


def _lstrip(runs: list[tuple[str, dict, Style | None]]) -> list[tuple[str, dict, Style | None]]:
    if runs and runs[0][0][:1].isspace():
        return [(runs[0][0].lstrip(), runs[0][1], runs[0][2]), *runs[1:]]
    return runs


def _inside(el: Any, tag: str, stop: Any) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


_CONTAINERS = frozenset({SDT, SDTCONTENT, INS, HYPERLINK, SMARTTAG, _w("customXml")})


def _blocks(container: Any):
    """The paragraphs and tables of a container in order, through content controls."""
    for el in container:
        tag = el.tag
        if tag in (P, TBL):
            yield el
        elif tag in _CONTAINERS:
            yield from _blocks(el)
        elif tag == f"{{{MC}}}AlternateContent":
            choice = el.find(f"{{{MC}}}Choice")
            if choice is not None:
                yield from _blocks(choice)


def _split_lines(runs: list[tuple[str, dict, Style | None]]) -> list[list[tuple[str, dict, Style | None]]]:
    """A paragraph with line breaks is several lines, as it is on the page."""
    lines: list[list[tuple[str, dict, Style | None]]] = [[]]
    for text, where, style in runs:
        parts = text.split("\n")
        for k, part in enumerate(parts):
            if k:
                lines.append([])
            if part:
                lines[-1].append((part.replace("\t", " "), where, style))
    return [ln for ln in lines if "".join(r[0] for r in ln).strip()]


def _encrypted(data: bytes) -> bool:
    return "EncryptedPackage".encode("utf-16-le") in data[:1 << 20] or b"EncryptedPackage" in data[:1 << 20]


OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a legacy Word .doc, or an encrypted .docx


def read_docx(data: bytes, path: str) -> Source:
    """Read the bytes of a .docx file. Raises :class:`InputError` on a file that is not one."""
    try:
        import lxml  # noqa: F401
    except ImportError:
        raise InputError(path, "reading DOCX needs the docx extra: pip install 'vbhc[docx]'", "missing_extra") from None
    if data.startswith(OLE_SIGNATURE):  # an OLE file: a .doc, or an encrypted .docx
        return read_doc(data, path)
    z = _Zip(path, data)
    if "word/document.xml" not in z.names and _main_part(z) not in z.names:
        raise InputError(path, "not a DOCX: a zip without word/document.xml", "corrupt")
    return _Reader(path, z).read()


SOFFICE_TIMEOUT = 180


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(data: bytes, path: str) -> Source:
    """A legacy Word .doc, converted to DOCX by LibreOffice when it is installed. LibreOffice
    converts anything, reading what it cannot open as text: a file without the OLE2 signature,
    or one whose conversion is not text in a Latin script, is no .doc."""
    if not data.startswith(OLE_SIGNATURE):
        raise InputError(path, "not a Word .doc file (no OLE2 signature)", "corrupt")
    if _encrypted(data):
        raise InputError(path, "encrypted: the Word file is password-protected", "encrypted")
    exe = soffice()
    if exe is None:
        raise InputError(path, "a legacy Word .doc file: install LibreOffice (soffice) so vbhc can convert it, "
                         "or save it as .docx", "legacy_doc")
    with tempfile.TemporaryDirectory(prefix="vbhc-doc-") as tmp:
        src = os.path.join(tmp, "in.doc")
        with open(src, "wb") as fh:
            fh.write(data)
        cmd = [exe, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, src]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=SOFFICE_TIMEOUT, check=False,
                                  start_new_session=True)  # its own group: soffice.bin goes with it
        except subprocess.TimeoutExpired:
            raise InputError(path, f"LibreOffice did not convert the .doc within {SOFFICE_TIMEOUT} s", "convert") from None
        out = os.path.join(tmp, "in.docx")
        if proc.returncode != 0 or not os.path.exists(out):
            why = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()
            raise InputError(path, "LibreOffice could not convert the .doc" + (f": {why[-1]}" if why else ""),
                             "convert")
        with open(out, "rb") as fh:
            converted = fh.read()
    src_ = read_docx(converted, path)
    src_.format = "doc"
    if garbled(src_.text):
        raise InputError(path, "not a readable .doc: LibreOffice read it as text in no known script", "corrupt")
    return src_


GARBLE_SAMPLE = 20_000  # characters of a converted text looked at
GARBLE_MIN = 200  # fewer letters than this: too little to judge
GARBLE_SHARE = 0.5  # under this share of its letters in a Latin script, a text is noise


def garbled(text: str) -> bool:
    """Whether a text is noise: bytes read as text give letters of every script (CJK, Hangul,
    …), a Vietnamese document's letters are Latin."""
    letters = [c for c in text[:GARBLE_SAMPLE] if c.isalpha()]
    if len(letters) < GARBLE_MIN:
        return False
    latin = sum(1 for c in letters if c < "\u0250" or "\u1e00" <= c <= "\u1eff")
    return latin < GARBLE_SHARE * len(letters)
