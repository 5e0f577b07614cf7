"""Header: issuer and parent body, quốc hiệu, Số/ký hiệu, place and date, type and trích yếu.

The two-column header of a printed document reaches us in many orders: cell by cell
(issuer, quốc hiệu, Số, place-date), row by row (issuer and quốc hiệu interleaved), or
merged on one line by a PDF extractor ("Số: /TB-UBND Quảng Ngãi, ngày …"). So the header
is not read line by line in a fixed order: its components are *searched* in the joined
text of the header zone, and what is left in upper case before the number is the issuer.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

import regex

from .grammar import DocType, Grammar
from .lines import Joined, Line, continues, last_word, starts_lower

HEAD_LIMIT = 70  # the header of a document sits in its first lines
_RULE_CHARS = regex.compile(r"[-–—_=~*]{2,}|^[-–—_*]$")
_TRIM = " \t,;:.-–"
_WORDS = regex.compile(r"[\p{L}\d]+")


@dataclass
class Diag:
    code: str
    severity: str
    message: str
    span: tuple[int, int] | None = None


@dataclass
class Header:
    standard: bool = False
    end: int = 0                     # index of the first line after the header
    family: str = "other"
    issuer: str | None = None
    parent: str | None = None
    issuer_span: tuple[int, int] | None = None
    # the first and the last of the issuer's lines as read, each with the bounds of its line in
    # the normalised text: where the words are printed there, markup and all, is found from them
    issuer_ends: tuple[tuple[str, int, int], tuple[str, int, int]] | None = None
    number_at: tuple[str, int, int] | None = None  # the number as read, its lines' bounds
    national: str | None = None
    motto: str | None = None
    number: dict[str, Any] | None = None
    doc_type: DocType | None = None
    type_span: tuple[int, int] | None = None
    place: str | None = None
    date: str | None = None
    date_raw: str | None = None
    title: str | None = None
    title_from_vv: bool = False
    urgency: str | None = None
    secrecy: str | None = None
    circulation: str | None = None
    authority: str | None = None
    consumed: set[int] = field(default_factory=set)
    diagnostics: list[Diag] = field(default_factory=list)


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(_TRIM)


def _type_line(lines: list[Line], lo: int, hi: int, g: Grammar) -> tuple[int, DocType, str, int] | None:
    """The line naming the document type ("KẾ HOẠCH", "QUYẾT ĐỊNH"), exact lines first:
    (index, type, text merged after the name, lines used: 2 when wrapped as "NGHỊ" / "QUYẾT")."""
    merged: tuple[int, DocType, str, int] | None = None
    for i in range(lo, hi):
        ln = lines[i]
        text = ln.text
        used = 1
        if ln.caps and len(text) <= 8 and i + 1 < hi and lines[i + 1].caps and not lines[i + 1].cell_break:
            both = f"{text} {lines[i + 1].text}"
            if (m2 := g.type_line.match(both)) and not m2.group("rest"):
                text, used = both, 2
        m = g.type_line.match(text)
        if m is None or text.endswith(":"):
            continue
        rest = m.group("rest").strip()
        dt = g.type_by_upper_name[m.group("name")]
        if not rest:
            return i, dt, "", used
        if merged is None and ln.caps is False and rest[:1].isupper() is False:
            merged = (i, dt, rest, 1)  # "KẾ HOẠCH thực hiện …" merged by a PDF extractor
    return merged


_SPACE = regex.compile(r"\s+")


def parse_number(m: regex.Match[str], g: Grammar) -> dict[str, Any]:
    """Split a matched number (groups n, year, sym or ptype/psym) into its parts. Used for the
    document's own number and for every cited one."""
    n = m.group("n") or None
    if m.group("ptype"):
        ptype = m.group("ptype")
        psym = _SPACE.sub("", m.group("psym"))
        issuer, _, suffix = psym.partition("-")
        return {"raw": f"{n or ''}-{ptype}/{psym}", "number": n, "year": None, "symbol": f"{ptype}/{psym}",
                "type_code": ptype, "issuer_code": issuer or None, "suffix": suffix or None, "form": "party"}
    if not m.group("sym"):  # a bare "Chỉ thị số 42"
        return {"raw": n or "", "number": n, "year": None, "symbol": "", "type_code": None, "issuer_code": None,
                "suffix": None, "form": "administrative"}
    sym = _SPACE.sub("", m.group("sym"))
    year = m.group("year")
    parts = sym.split("-")
    type_code = None
    if len(parts) >= 2 and g.types_by_code(parts[0]):
        type_code = parts.pop(0)
    # Luật số 80/2015/QH13 has no type in its symbol; a công văn's is <issuer>-<unit>
    return {"raw": f"{n or ''}/{year + '/' if year else ''}{sym}", "number": n,
            "year": int(year) if year else None, "symbol": sym, "type_code": type_code,
            "issuer_code": parts[0], "suffix": "-".join(parts[1:]) or None,
            "form": "legal" if year else "administrative"}


def iso_date(d: str | None, m: str | None, y: str | None) -> tuple[str | None, str | None]:
    """(ISO date, problem) for a day-first date; a blank part or an impossible date gives None."""
    if not (d and m and y):
        return None, "blank"
    try:
        return _dt.date(int(y), int(m), int(d)).isoformat(), None
    except ValueError:
        return None, "invalid"


def _place(raw: str | None, place_words: frozenset[str], wrapped_ok: bool = True) -> tuple[str | None, int]:
    """The place name before ', ngày', and how many lines it takes (it may wrap once:
    "Bắc" / "Kạn, ngày …")."""
    if not raw:
        return None, 0
    segments = [s.strip() for s in raw.split("\n") if s.strip()]
    place = segments[-1]
    used = 1
    if len(segments) > 1:
        prev = segments[-2]
        words = prev.split()
        if wrapped_ok and len(words) <= 5 and not prev.isupper() and ":" not in prev \
                and all(w[:1].isupper() or w in place_words for w in words):
            place = f"{prev} {place}"
            used = 2
    # drop an upper-case run glued in front ("TỈNH BẮC KẠN Bắc Kạn")
    words = place.split()
    while len(words) > 1 and words[0].isupper() and len(words[0]) > 3 and not words[1].isupper():
        words.pop(0)
    return " ".join(words) or None, used


def _split_issuer(pieces: list[str], g: Grammar) -> tuple[str | None, str | None]:
    if not pieces:
        return None, None
    split = 0
    # one body wrapped over lines ("THỦ TƯỚNG" / "CHÍNH PHỦ"): no split inside its name
    joined = " ".join(pieces)
    whole = max((len(w) for w in g.whole_issuers
                 if joined.startswith(w) and joined[len(w):len(w) + 1] in ("", " ")), default=0)
    for k in range(1, len(pieces)):
        head = pieces[k]
        before = " ".join(pieces[:k])
        if len(before) < whole or len(before.split()) < 2 or before.split()[-1] in ("VÀ", "CỦA", "-", "&"):
            continue
        # a wrap inside a head of several words ("CHỦ TỊCH ỦY" / "BAN NHÂN DÂN") is no split
        straddle = before.split()[-1] + " " + head
        if any(" " in w and (straddle == w or straddle.startswith(w + " ")) for w in g.org_heads):
            continue
        if any(head == w or head.startswith(w + " ") for w in g.org_heads):
            split = k
    name = _clean(" ".join(pieces[split:]))
    parent = _clean(" ".join(pieces[:split])) if split else None
    return name or None, parent or None


def _is_authority_line(lines: list[Line], i: int, hi: int, g: Grammar) -> bool:
    """An upper-case line naming the authority ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"), followed
    (after its own wrapped lines) by căn cứ or the operative word."""
    ln = lines[i]
    if not ln.caps or not ln.text.startswith(g.authority_openings):
        return False
    for j in range(i + 1, min(hi, i + 4)):
        nxt = lines[j]
        text = nxt.text
        if len(text) <= 5 and j + 1 < hi:
            text = f"{text} {lines[j + 1].text}"  # "*Căn" / "cứ Luật …": a page wrapped the words apart
        if preamble_kind(text, g) is not None:
            return True
        if not nxt.caps:
            return False
    return False


def _title_authority(lines: list[Line], i: int, hi: int, prev: Line | None, g: Grammar) -> bool:
    """Whether line i, after trích yếu lines, is the authority line rather than the title going
    on: not after a title line that cannot end there ("… HIỆP ĐỊNH THƯƠNG MẠI GIỮA" / "CHÍNH PHỦ
    NƯỚC …"), and not a plain line when a bold one below it opens like an authority ("… ĐẠI BIỂU"
    / "QUỐC HỘI TẠI TỔ …" / "**CHÍNH PHỦ**")."""
    if not _is_authority_line(lines, i, hi, g):
        return False
    if prev is not None and (prev.text.endswith((",", "-")) or last_word(prev.text) in g.title_dangling):
        return False
    ln = lines[i]
    if ln.bold_start or lines[i - 1].bold_open:
        return True
    for k in range(i + 1, min(hi, i + 4)):
        nxt = lines[k]
        if not nxt.caps or preamble_kind(nxt.text, g) is not None:
            break
        if nxt.bold_start and nxt.text.startswith(g.authority_openings):
            return False
    return True


def addressee_line(lines: list[Line], i: int, g: Grammar) -> tuple[regex.Match[str] | None, int]:
    """'Kính gửi:' or a công điện's '… điện:' at line i, and how many lines it takes: a page may
    wrap the công điện's sender ("THỦ" / "TƯỚNG CHÍNH PHỦ điện:")."""
    text = lines[i].text
    m = g.header["kinh_gui"].match(text) or g.header["dien"].match(text)
    if m is not None:
        return m, 1
    if i + 1 < len(lines) and len(text) <= 5 and not lines[i + 1].cell_break:
        # "**Kính" / "gửi:** Hội đồng nhân dân tỉnh": a page wrapped the words apart
        m = g.header["kinh_gui"].match(f"{text} {lines[i + 1].text}")
        if m is not None:
            return m, 2
    # the next line alone may look whole ("TƯỚNG CHÍNH PHỦ điện:"): then only a bold run going on
    # from this line into it joins them, not a title line above it ("… NĂM TIẾP" / "THEO")
    if i + 1 < len(lines) and lines[i].caps and len(text) <= 40 \
            and (g.header["dien"].match(lines[i + 1].text) is None
                 or (lines[i].bold_open and not lines[i + 1].bold_start)):
        m = g.header["dien"].match(f"{text} {lines[i + 1].text}")
        if m is not None:
            return m, 2
    return None, 0


def preamble_kind(text: str, g: Grammar) -> str | None:
    """basis (căn cứ), proposal (theo đề nghị), consideration (xét) or operative (QUYẾT ĐỊNH:)."""
    for kind in ("basis", "proposal", "consideration", "operative"):
        if g.preamble[kind].match(text):
            return kind
    return None


def parse_header(lines: list[Line], g: Grammar) -> Header:
    h = Header()
    hi = min(len(lines), HEAD_LIMIT)
    if hi == 0:
        return h
    jt = Joined(lines, 0, hi)
    hd = g.header
    qh = hd["quoc_hieu"].search(jt.text)
    tn = hd["tieu_ngu"].search(jt.text)
    party = hd["party_header"].search(jt.text)
    num = hd["number"].search(jt.text)
    type_hit = _type_line(lines, 0, hi, g)

    numbered = num is not None and (type_hit is not None or _has_vv(lines, jt.line_at(num.start()), g))
    if qh is None and party is None and not numbered:
        return h  # no national header, no Party header, no number with a type: not a standard form
    anchors = [jt.line_at(m.start()) for m in (qh, party, num) if m is not None]
    h.standard = True
    first = min(anchors)
    if qh is not None:
        h.national = _clean(qh.group())
        h.consumed.update(range(jt.line_at(qh.start()), jt.line_at(qh.end() - 1) + 1))
    if party is not None:
        h.national = h.national or _clean(party.group())
        h.consumed.update(range(jt.line_at(party.start()), jt.line_at(party.end() - 1) + 1))
    if tn is not None:
        h.motto = _clean(tn.group())
        h.consumed.update(range(jt.line_at(tn.start()), jt.line_at(tn.end() - 1) + 1))

    num_line = jt.line_at(num.start()) if num is not None else None
    type_idx = type_hit[0] if type_hit is not None else None
    if type_idx is not None and num_line is not None and type_idx < num_line and type_idx < first:
        type_hit = _type_line(lines, num_line, hi, g)  # a type word above the header is not the type line
        type_idx = type_hit[0] if type_hit is not None else None

    # the issuer: upper-case lines just above the first anchor, and upper-case pieces between
    # the anchors and the number (a header read row by row interleaves them)
    zstart = first
    while zstart > 0 and first - zstart < 8:
        prev = lines[zstart - 1]
        if g.leading_junk.match(prev.text) or not (prev.caps or _RULE_CHARS.fullmatch(prev.text)):
            break
        zstart -= 1
    zend = num_line if num_line is not None else (type_idx if type_idx is not None else first + 1)
    zend = max(zend, first)
    _issuer(h, lines, jt, zstart, zend, num, g, (qh, tn, party))

    if num is not None:
        h.number = parse_number(num, g)
        # the number's own words, without "Số:" (a citation's span is its number too); where
        # they are printed on their lines, markup and all, is found from them
        h.number["span"] = jt.span(num.start("body"), num.end("body"))
        h.number_at = (num.group("body"), lines[jt.line_at(num.start("body"))].start,
                       lines[jt.line_at(max(num.start("body"), num.end("body") - 1))].end)
        h.consumed.add(num_line)  # type: ignore[arg-type]

    # date and place: before the type line (or a little after, when the header is scattered)
    date_hi = min(hi, (type_idx + 1) if type_idx is not None else hi)
    dm = _find_date(jt, zstart, date_hi, g)
    if dm is None and type_idx is not None:
        # a date line printed below the type line comes before the preamble: a căn cứ's date
        # ("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025") is not the issuing date
        stop = min(hi, type_idx + 12)
        stop = next((k for k in range(type_idx + 1, stop) if preamble_kind(lines[k].text, g) is not None), stop)
        dm = _find_date(jt, zstart, stop, g)
    if dm is not None:
        _set_date(h, dm, jt, g)

    last = max(h.consumed) if h.consumed else first
    # công văn: "V/v …" under the number
    vv_end = _vv(h, lines, num_line if num_line is not None else first, type_idx, hi, g)
    if vv_end is not None:
        last = max(last, vv_end)

    if type_hit is not None:
        idx, dt, merged_rest, used = type_hit
        h.doc_type = dt
        h.type_span = (lines[idx].start, lines[idx + used - 1].end)
        h.consumed.update(range(idx, idx + used))
        last = max(last, idx + used - 1)
        last = max(last, _title(h, lines, idx + used - 1, merged_rest, g))
    h.end = last + 1
    _marks(h, lines, zstart, h.end, g)
    _resolve_type(h, g)
    return h


def _has_vv(lines: list[Line], lo: int, g: Grammar) -> bool:
    return any(g.header["vv"].match(ln.text) for ln in lines[lo:lo + 6])


def _issuer(h: Header, lines: list[Line], jt: Joined, zstart: int, zend: int,
            num: regex.Match[str] | None, g: Grammar, spent: tuple[regex.Match[str] | None, ...]) -> None:
    a = jt.starts[zstart - jt.lo]
    b = num.start() if num is not None else (jt.starts[zend - jt.lo] if zend - jt.lo < len(jt.starts) else len(jt.text))
    chars = list(jt.text[a:b])
    for m in spent:
        if m is not None:
            for k in range(max(m.start(), a), min(m.end(), b)):
                if chars[k - a] != "\n":
                    chars[k - a] = " "
    pieces: list[str] = []
    span_lo = span_hi = None
    ends: list[tuple[str, int, int]] = []
    offset = a
    for raw in "".join(chars).split("\n"):
        text = _RULE_CHARS.sub(" ", raw).strip()
        text = " ".join(text.split())
        if (text and len(_WORDS.findall(text)) >= 1 and text.upper() == text and any(c.isalpha() for c in text)
                and not _mark_kind(text, g)):
            pieces.append(text)
            s = jt.span(offset, offset + len(raw))
            span_lo = s[0] if span_lo is None else span_lo
            span_hi = s[1]
            line = lines[jt.line_at(offset)]
            ends[1:] = [(text, line.start, line.end)]
            if len(ends) == 1:
                ends.append(ends[0])
        offset += len(raw) + 1
    h.issuer, h.parent = _split_issuer(pieces, g)
    if span_lo is not None and span_hi is not None:
        h.issuer_span = (span_lo, span_hi)
        h.issuer_ends = (ends[0], ends[-1])


def _mark_kind(text: str, g: Grammar) -> str | None:
    for kind in ("urgency", "secrecy", "circulation"):
        if g.header[kind].match(text):
            return kind
    return None


def _marks(h: Header, lines: list[Line], lo: int, hi: int, g: Grammar) -> None:
    for ln in lines[lo:hi]:
        kind = _mark_kind(ln.text, g)
        if kind is not None and getattr(h, kind) is None:
            setattr(h, kind, ln.text)


def _find_date(jt: Joined, lo_line: int, hi_line: int, g: Grammar) -> regex.Match[str] | None:
    end = jt.starts[hi_line - jt.lo] if hi_line - jt.lo < len(jt.starts) else len(jt.text)
    for m in g.header["date"].finditer(jt.text, jt.starts[lo_line - jt.lo], end):
        if m.group("y") or m.group("place"):
            return m
    return None


def _set_date(h: Header, m: regex.Match[str], jt: Joined, g: Grammar) -> None:
    end_line = jt.lines[jt.line_at(m.end("place"))] if m.group("place") else None
    h.place, used = _place(m.group("place"), g.place_words, wrapped_ok=end_line is None or not end_line.cell_break)
    first_line = jt.line_at(m.end("place") if m.group("place") else m.start())
    first_line = max(jt.lo, first_line - (used - 1))
    raw = m.group()
    if h.place and m.group("place"):  # the place may have been cut from a longer run ("Hạnh phúc Quảng Ngãi")
        raw = h.place + raw[m.end("place") - m.start():]
    h.date_raw = " ".join(raw.split())
    iso, problem = iso_date(m.group("d"), m.group("m"), m.group("y"))
    h.date = iso
    span = jt.span(m.start(), m.end())
    if problem == "blank":
        h.diagnostics.append(Diag("header.date.blank", "warning",
                                  f"the issuing date is incomplete: {h.date_raw!r}", span))
    elif problem == "invalid":
        h.diagnostics.append(Diag("header.date.invalid", "error",
                                  f"the issuing date is not a calendar date: {h.date_raw!r}", span))
    h.consumed.update(range(first_line, jt.line_at(m.end() - 1) + 1))


def _vv(h: Header, lines: list[Line], lo: int, type_idx: int | None, hi: int, g: Grammar) -> int | None:
    stop = type_idx if type_idx is not None else min(hi, lo + 10)
    for i in range(lo, stop):
        m = g.header["vv"].match(lines[i].text)
        if m is None:
            continue
        parts = [m.group("rest")] if m.group("rest") else []
        j = i
        prev = lines[i]
        # in a table cell (a DOCX, PDF or web page's header table), the V/v runs to the cell's end
        in_cell = any(ln.cell_break for ln in lines[max(lo - 8, 0):i + 1])
        while j + 1 < len(lines) and j + 1 < i + 8:
            nxt = lines[j + 1]
            if (j + 1) in h.consumed or g.header["kinh_gui"].match(nxt.text) or g.header["date"].search(nxt.text):
                break
            if parts and not (continues(prev, nxt, 0, g) or starts_lower(nxt.text)
                              or (in_cell and not nxt.cell_break)):
                break
            if not parts and nxt.cell_break and j > i:
                break
            parts.append(nxt.text)
            prev = nxt
            j += 1
        h.title = _clean(" ".join(parts)) or None
        h.title_from_vv = True
        h.consumed.update(range(i, j + 1))
        return j
    return None


def _subtitle(lines: list[Line], i: int, hi: int, g: Grammar) -> bool:
    """Whether line i is a line in brackets printed under an upper-case title, before the
    preamble: "(thực hiện khoản 1 Điều 33 Luật Thủ đô)", not the start of the body."""
    text = lines[i].text
    if not (text.startswith("(") and text.endswith(")") and len(text) <= 200 and text.count("(") == 1):
        return False
    nxt = lines[i + 1] if i + 1 < hi else None
    return nxt is not None and (preamble_kind(nxt.text, g) is not None or _is_authority_line(lines, i + 1, hi, g))


def _title(h: Header, lines: list[Line], idx: int, merged_rest: str, g: Grammar) -> int:
    """Collect the trích yếu after the type line; returns the last line index used."""
    parts = [merged_rest] if merged_rest else []
    last = idx
    prev: Line | None = None
    hi = min(len(lines), idx + 25)
    for i in range(idx + 1, hi):
        ln = lines[i]
        text = ln.text
        if _RULE_CHARS.fullmatch(text):
            if parts:
                last = i
                break
            continue
        if (ln.marker is not None and ln.marker.name != "dash") or preamble_kind(text, g) is not None \
                or addressee_line(lines, i, g)[0] is not None:
            break
        if parts and _title_authority(lines, i, hi, prev, g):
            j = i
            auth = [text]
            while j + 1 < hi and lines[j + 1].caps and preamble_kind(lines[j + 1].text, g) is None:
                j += 1
                auth.append(lines[j].text)
            h.authority = _clean(" ".join(auth))
            last = j
            break
        if parts and prev is not None:
            title_caps = prev.caps
            if title_caps and not ln.caps and not (
                    len(text) <= 20 and not ln.cell_break and not any(ch.isalpha() for ch in text)):
                # "… GIAI ĐOẠN" / "2026 - 2030": a line with no letters has no case to stop at
                if _subtitle(lines, i, hi, g):
                    parts.append(text)  # "(thực hiện khoản 1 Điều 33 Luật Thủ đô)" under the title
                    last = i
                break
            if not title_caps and not continues(prev, ln, 0, g) and not starts_lower(text):
                break
            if ln.cell_break and not (title_caps and ln.caps):
                break
        parts.append(text)
        prev = ln
        last = i
    h.title = _clean(" ".join(parts)) or None
    return last


def _resolve_type(h: Header, g: Grammar) -> None:
    num = h.number
    form = num["form"] if num is not None else None
    if (h.national is not None and "ĐẢNG" in h.national.upper()) or form == "party":
        h.family = "party"
    elif form == "legal" or (h.doc_type is not None and h.doc_type.families == frozenset({"legal"})):
        h.family = "legal"
    else:
        h.family = "administrative"
    fam = "party" if h.family == "party" else ("legal" if h.family == "legal" else "state")
    code = num["type_code"] if num is not None else None
    if h.doc_type is None:
        if h.title_from_vv or num is None or code is None:
            h.doc_type = g.type_by_upper_name["CÔNG VĂN"]
            if num is not None and code is not None and not h.title_from_vv:
                h.doc_type = _by_code(code, fam, g) or h.doc_type
        else:
            h.doc_type = _by_code(code, fam, g)
    elif code is not None:
        named = h.doc_type
        by_code = g.types_by_code(code)
        if by_code and named not in by_code and not any(t.name == named.name for t in by_code):
            h.diagnostics.append(Diag("header.doc_type.mismatch", "warning",
                                      f"the number's type code {code!r} does not match the type line {named.name!r}",
                                      h.type_span))
    if num is not None and h.doc_type is not None and h.doc_type.code == "CV" and num["form"] == "administrative" \
            and num["type_code"] is not None:
        # a công văn's symbol is <issuer>-<drafting unit> (5347/CT-CS: Cục Thuế, phòng CS)
        parts = num["symbol"].split("-")
        num.update(type_code=None, issuer_code=parts[0], suffix="-".join(parts[1:]) or None)
        code = None
    if code is not None:
        for t in g.doc_types:
            if code in t.legacy:
                h.diagnostics.append(Diag("header.number.legacy_code", "info",
                                          f"type code {code!r} is the pre-2020 code of {t.name} ({t.code})"))


def _by_code(code: str, fam: str, g: Grammar) -> DocType | None:
    found = g.types_by_code(code)
    for t in found:
        if fam in t.families:
            return t
    return found[0] if found else None


def doc_type_code(h: Header) -> str | None:
    """The code reported for the document type. A Party number prints the type code itself
    (`QĐ` for a quy định in 399-QĐ/TW, `QĐi` elsewhere), so it wins there."""
    if h.doc_type is None:
        return None
    printed = h.number.get("type_code") if h.number is not None else None
    if h.family == "party" and printed:
        return printed
    return h.doc_type.code or printed or None
