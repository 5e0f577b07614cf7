"""Closing: signature blocks, Nơi nhận and the ``Lưu`` line.

The signature area is a two-column table in print (Nơi nhận on the left, the signature on
the right), so the two may arrive in either order or interleaved row by row. Each line is
therefore classified on its own: ``-``/``+`` items and group labels belong to Nơi nhận,
prefix lines (TM., KT., T/M …), upper-case title lines, placeholders and a person's name
belong to a signature.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

from .grammar import Grammar, grammar
from .lines import Line, classify, clean, ends_terminal, match_wrapped, starts_lower
from .normalize import Normalized

_NAME = regex.compile(r"^(?:\p{Lu}[\p{Ll}\p{Lu}'’]*\.?)(?:[ ](?:\p{Lu}[\p{Ll}'’]*\.?)){1,6}$")
_CAPS_NAME = regex.compile(r"^\p{Lu}+(?:[ ]\p{Lu}+){1,5}$")
_ITEM_END = regex.compile(r"[;.,:]+\s*$")  # "- VP UBND tỉnh:" above its "+" items: the name has no colon
_ITEM_CLOSED = regex.compile(r"[;.]\s*$")
# a Lưu line's parts: a comma or semicolon outside brackets; in a part, the unit, a bracket and
# what follows the bracket ("KTTH (2). M.Cường", "NN (2) Khôi", "VTQG (2b). (Đ200)")
_UNITS = regex.compile(r"[,;](?![^()]*\))")
_UNIT_PART = regex.compile(r"^(?P<unit>[^()]*)(?:\((?P<bracket>[^()]*)\)?)?[\s.]*(?P<after>.*?)[\s.]*$")
# a bracket that counts copies, maybe after the drafter: "2", "02b", "3 bản", "cn 02b", "L.Anh - 3b", "P_02b"
_COPIES = regex.compile(r"^(?:(?P<who>.*?\p{L}.*?)\s*[-_ ]\s*)?0*(?P<n>\d{1,4})\s*(?:b|bản)?$", regex.I)
# the drafter's initials after a unit and a full stop: "VT. N.T.Hiếu"
# units joined by a full stop ("VT. UBND", "VT.KT9"): each of two letters or more, with a letter
# ("P.KT" is Phòng KT, "MT.100" one code)
_CODES_BY_STOP = regex.compile(r"^(?=[\d&/-]*\p{Lu})[\p{Lu}\d&/-]{2,}(?:\.\s*(?=[\d&/-]*\p{Lu})[\p{Lu}\d&/-]{2,})+\.?$")
# a unit, then its drafter's name after a full stop or a space ("VT. N.T.Hiếu", "NC Ngân",
# "KGVX.Dũng"): a name has lower case
_UNIT_THEN_NAME = regex.compile(r"^(?P<unit>[\p{Lu}\d&/-]{2,})(?:\.\s*|\s+)(?P<who>\p{Lu}.*\p{Ll}.*)$")
# a unit, the drafter's initials and the copies: "ĐTKT NN 10b"
_UNIT_WHO_COPIES = regex.compile(r"^(?P<unit>[\p{Lu}\d&/-]+)\s+(?P<who>\p{Lu}[\p{Lu}.]*)\s+0*(?P<n>\d{1,4})\s*(?:b|bản)$",
                                 regex.I)
_PERSON = regex.compile(r"^(?:\p{Lu}\.\s?)+\p{Lu}\p{Ll}+$")  # a drafter alone: "N.Đ.Minh"
# the gap between two signature blocks printed side by side on one line: three spaces or more,
# also no-break ones (text pasted from a web page); with tabs or "|", a cut is a "|" or a run of
# tabs (Word's alignment tabs, "BÍ THƯ\t\tCHỦ TỊCH")
_COLUMN_GAP = regex.compile(r"[^\S\t\r\n]{3,}")
_PLACE_CUT = regex.compile(r"[ \t]*\|[ \t]*|\t+")
_SEPARATOR_ROW = regex.compile(r"^(?=[^|]*\|)[\s|:-]*-{3,}[\s|:-]*$")  # markdown's "|---|---|" under a table's first row


def _after_mode(prefix: str) -> str:
    """What a prefix line names after its mode: "KT. CHỦ TỊCH" and "KT.CHỦ TỊCH" -> "CHỦ TỊCH"."""
    m = grammar().closing["authority"].match(prefix)
    return m.group("rest").strip() if m else (prefix.split(None, 1)[1] if " " in prefix.strip() else "")


@dataclass
class RawSignature:
    """Lines of one signature block in order: ('prefix', 'KT. CHỦ TỊCH') or ('caps', 'PHÓ CHỦ TỊCH')."""

    items: list[tuple[str, str]] = field(default_factory=list)
    name: str | None = None
    honorific: str | None = None
    placeholder: str | None = None
    start: int = 0
    end: int = 0
    mode: str | None = None

    @property
    def prefixes(self) -> list[str]:
        return [t for k, t in self.items if k == "prefix"]

    def _after_last_prefix(self) -> tuple[str | None, list[str]]:
        last = None
        after: list[str] = []
        for kind, text in self.items:
            if kind == "prefix":
                last, after = text, []
            else:
                after.append(text)
        return last, after

    @property
    def position(self) -> str | None:
        last, after = self._after_last_prefix()
        if last is None:
            # no prefix: every title line is the signer's ("TRƯỞNG BAN" / "PHÓ THỦ TƯỚNG";
            # "NGƯỜI ĐỨNG ĐẦU CƠ QUAN" / "CHUYÊN MÔN VỀ VĂN HÓA CẤP TỈNH"), not one that names a
            # body, the authority when "TM." was lost ("ỦY BAN NHÂN DÂN TỈNH A" / "CHỦ TỊCH")
            body = grammar().closing["body_line"]
            return " ".join(t for t in after if not body.match(t)) or (after[-1] if after else None)
        if after:
            return after[-1]
        rest = _after_mode(last)
        deputy = grammar().closing["deputy_tail"].search(rest) if self.mode == "KT" else None
        if deputy:
            return deputy.group(1)
        # "KT. CHỦ TỊCH" / name: a deputy signed, whose title is not printed; "TM.", "TL.",
        # "TUQ." name who is signed for, not the signer's title; "Q. GIÁM ĐỐC" is the post held
        return rest or None if self.mode in (None, "Q") else None

    @property
    def authority(self) -> str | None:
        last, after = self._after_last_prefix()
        if last is None:
            body = grammar().closing["body_line"]
            named = [t for t in after if body.match(t)]
            return " ".join(named) if named and len(named) < len(after) else None
        rest = _after_mode(last)
        if not after and self.mode == "KT" and (deputy := grammar().closing["deputy_tail"].search(rest)):
            # "KT. TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HQ PHÓ TRƯỞNG BAN" on one line: the deputy's
            # title is the position, what comes before it the authority
            rest = rest[:deputy.start()]
        return " ".join([rest, *after[:-1]]).strip() or None


    @property
    def open(self) -> bool:
        """Still waiting for its title or name."""
        return self.name is None

    def has_title(self) -> bool:
        return any(k == "caps" for k, _ in self.items) or any(" " in t.strip() for t in self.prefixes)


@dataclass
class RawRecipient:
    name: str
    start: int
    end: int
    group: str | None = None
    sub_items: list[str] = field(default_factory=list)
    open: bool = True  # the item has not ended with ';' or '.' yet


@dataclass
class Closing:
    start: int = -1                 # first line index of the closing
    end: int = -1                   # first line index after it
    signatures: list[RawSignature] = field(default_factory=list)
    recipients: list[RawRecipient] = field(default_factory=list)
    archive: tuple[str, int, int] | None = None
    has_noi_nhan: bool = False


def is_name(text: str, g: Grammar) -> bool:
    if len(text) > 50 or any(ch.isdigit() for ch in text):
        return False
    if _NAME.match(text) and not text.isupper():
        return True
    if _CAPS_NAME.match(text):
        return not any(w in g.title_words for w in text.split())
    return False


def is_position(line: Line, g: Grammar) -> bool:
    """An upper-case line that may be a signer's title; never the quốc hiệu of a form printed in
    an attachment."""
    return line.caps and len(line.text) <= 80 and line.marker is None and not line.text.endswith(":") \
        and g.header["quoc_hieu"].match(line.text) is None


def _name_like(text: str) -> bool:
    """Could be a signer's name we cannot confirm by shape; not a form's label ("Mẫu 04"), the
    tiêu ngữ ("Độc lập - Tự do - Hạnh phúc") or the "(Ban hành kèm" line of an attachment."""
    return text[:1].isupper() and len(text.split()) <= 6 and " - " not in text \
        and not any(ch.isdigit() or ch in "()[]" for ch in text)


def noi_nhan_at(lines: list[Line], i: int, g: Grammar) -> tuple[int, str] | None:
    """'Nơi nhận:' at line ``i`` (also wrapped as 'Nơi' / 'nhận:'): (lines used, text after it)."""
    m, used = match_wrapped(g.closing["noi_nhan"], lines, i, 4)
    return (used, m.group("rest").strip()) if m is not None else None


def starts_closing(lines: list[Line], i: int, g: Grammar) -> bool:
    """Whether the closing (signature or Nơi nhận) begins at line ``i``."""
    ln = lines[i]
    cl = g.closing
    if noi_nhan_at(lines, i, g):
        return True
    if ln.caps and cl["authority"].match(ln.text) and (
            len(ln.text) <= 90 or (len(ln.text) <= 180 and cl["second_mark"].search(ln.text))):
        return True  # two signers side by side take a line as long as both prefixes
    if is_position(ln, g) and len(ln.text) <= 40:
        # a bare title ("THỦ TƯỚNG", "CHỦ TỊCH"), at most two lines, followed by a person's name
        # in mixed case (an upper-case "name" here is more often a wrapped heading)
        for j in range(i + 1, min(len(lines), i + 4)):
            nxt = lines[j]
            if cl["placeholder"].match(nxt.text):
                continue
            if is_name(nxt.text, g) and not nxt.caps:
                return True
            if not is_position(nxt, g) or len(nxt.text) > 40 or j > i + 1:
                return False
    return False


def first_closing(lines: list[Line], lo: int, hi: int, g: Grammar) -> int:
    """The first line in ``lo``..``hi`` where the closing begins (``hi``: none). A line that
    is not in capitals, longer than a wrapped "Nơi", and not "Nơi nhận" cannot begin it: most
    lines are turned away by that test without the call."""
    noi_nhan = g.closing["noi_nhan"]
    for i in range(lo, hi):
        ln = lines[i]
        if (ln.caps or len(ln.text) <= 4 or noi_nhan.match(ln.text)) and starts_closing(lines, i, g):
            return i
    return hi


def parse_closing(lines: list[Line], lo: int, hi: int, g: Grammar, stop, norm: Normalized | None = None) -> Closing:
    """Read the closing from ``lo``; ``stop(i)`` says a line starts something after it
    (an attachment, a footnote). ``norm``: the text the lines come from, where signature blocks
    printed side by side are told apart (see :func:`_side_by_side`)."""
    cl = g.closing
    out = Closing(start=lo)
    sig: RawSignature | None = None
    in_recipients = False
    group: str | None = None
    i = lo
    while i < hi:
        ln = lines[i]
        text = ln.text
        if i > lo and stop(i):
            break
        nn = noi_nhan_at(lines, i, g)
        if nn:
            used, rest = nn
            out.has_noi_nhan = True
            in_recipients = True
            group = None
            if rest:
                _add_item(out, rest.lstrip("-–+ "), ln, group)
            i += used
            continue
        am = cl["authority"].match(text) if ln.caps else None
        if am and norm is not None and (joint := _side_by_side(lines, i, hi, g, norm)) is not None:
            sigs, i = joint
            out.signatures.extend(sigs)
            sig = sigs[-1]
            continue
        if am:
            if sig is None or sig.name is not None:
                sig = RawSignature(start=ln.start)
                out.signatures.append(sig)
            i, text, end = _bold_run(lines, i, hi, g)
            sig.items.append(("prefix", text))
            sig.mode = am.group("mode")
            sig.end = end
            continue
        # a '-' item is a recipient; an upper-case one only when no signature is waiting for its title
        if in_recipients and (cl["archive"].match(text) or (
                text[:1] in "-–+" and (not ln.caps or sig is None or sig.name is not None))):
            _recipient_line(out, ln, group, cl)
            i += 1
            continue
        if cl["placeholder"].match(text) and sig is not None:
            sig.placeholder = text
            sig.end = ln.end
            i += 1
            continue
        if sig is not None and sig.name is None and sig.items and ln.caps and ln.marker is None \
                and sig.items[-1][1].rstrip().endswith(","):
            kind, prev_text = sig.items[-1]
            sig.items[-1] = (kind, f"{prev_text} {text}")  # a title wrapped after its comma
            sig.end = ln.end
            i += 1
            continue
        if sig is not None and sig.name is None and sig.has_title() and is_name(_bare(text, cl), g) \
                and not cl["position_qualifier"].match(text) and not (ln.caps and i + 1 < hi and is_position(lines[i + 1], g) and not lines[i + 1].cell_break):
            i = _take_name(sig, lines, i, hi, g, cl)
            continue
        if is_position(ln, g) and not (in_recipients and _continues_item(out, ln)):
            if sig is not None and (sig.name is not None or sig.placeholder is not None) \
                    and not _signer_follows(lines, i + 1, hi, g):
                # a heading after a signed block, or after its "(Ký tên, đóng dấu)" ("BIỂU TỔNG HỢP
                # KINH PHÍ"), with no second signer under it
                break
            if sig is None or sig.name is not None:
                sig = RawSignature(start=ln.start)
                out.signatures.append(sig)
            i, text, end = _bold_run(lines, i, hi, g)
            if sig.items and sig.items[-1][0] == "caps" and cl["position_qualifier"].match(text):
                sig.items[-1] = ("caps", f"{sig.items[-1][1]} {text}")
            else:
                sig.items.append(("caps", text))
            sig.end = end
            continue
        if in_recipients and cl["group_label"].match(text) \
                and (not out.recipients or (text[:1].isupper() and not ln.caps)):
            group = text.rstrip(": ")  # "Gửi bản điện tử:" heads the items below it
            i += 1
            continue
        if in_recipients and _continues_item(out, ln):
            _append_item(out, ln)
            i += 1
            continue
        if in_recipients and out.recipients and not ln.caps and len(text) <= 100 and text.rstrip().endswith((";", ",")) \
                and i + 1 < hi and lines[i + 1].text[:1] in "-–+":
            _add_item(out, text, ln, group)  # an item whose dash was left out, between two that have it
            i += 1
            continue
        if sig is not None and sig.name is None and sig.has_title() and text and not ends_terminal(text) \
                and len(text) <= 60 and _name_like(text) and not (in_recipients and _continues_item(out, ln)):
            i = _take_name(sig, lines, i, hi, g, cl)  # a name we cannot confirm by shape
            continue
        break
    out.end = i
    return out


SIGNER_REACH = 4  # lines after a second title that its signer's name may be on
JOINT_BLANKS = 3  # empty lines that may stand between the rows of signatures printed side by side


def _row(text: str, at: int) -> tuple[int, int]:
    """The physical line of ``text`` around offset ``at``: (start, end)."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def _cells(norm: Normalized, a: int, b: int) -> tuple[bool, list[tuple[int, int]], list[int], list[int] | None]:
    """The columns of the physical line ``a``..``b`` of the normalised text, as (start, end) offsets
    of each non-empty piece (``(a, a)`` for an empty one): cut at ``|`` and at runs of tabs, which
    keep their empty cells, so a piece's place in the list is its column (True); else at wide gaps
    of spaces, where a piece's column is told by where it starts (False). Also the widths of the
    gaps of spaces, the one that opens the line first when it does (else 0); and in a line cut by
    tabs alone, the column each piece is shown at with its tabs expanded (-1 for an empty one),
    else None; such a line has no empty last cell."""
    sa, sb = norm.map.to_source(a), norm.map.to_source(b)
    raw = norm.source[sa:sb]
    by_place = "|" in raw or "\t" in raw
    pieces: list[tuple[int, int]] = []
    gaps: list[int] = []
    bounds, k = [], 0
    for m in (_PLACE_CUT if by_place else _COLUMN_GAP).finditer(raw):
        bounds.append((k, m.start()))
        k = m.end()
        gaps.append(m.end() - m.start())
    bounds.append((k, len(raw)))
    if by_place:
        gaps = []
        if "|" in raw and raw[:bounds[0][1]].strip() == "" and raw[bounds[0][1]:].lstrip(" \t")[:1] == "|":
            bounds = bounds[1:]  # a markdown row's outer "|"
        if "|" in raw and bounds and raw[bounds[-1][0]:].strip() == "" and raw[:bounds[-1][0]].rstrip(" \t")[-1:] == "|":
            bounds = bounds[:-1]
    elif bounds[0][1] > 0 or not gaps:
        gaps.insert(0, 0)  # the line opens with a piece
    shown: list[int] | None = [] if by_place and "|" not in raw else None
    for x, y in bounds:
        piece = raw[x:y]
        lead, trail = len(piece) - len(piece.lstrip()), len(piece.rstrip())
        if trail <= lead:
            if by_place:
                pieces.append((a, a))
                if shown is not None:
                    shown.append(-1)
            continue
        pieces.append((norm.map.to_norm(sa + x + lead), norm.map.to_norm(sa + x + trail)))
        if shown is not None:
            shown.append(len(unicodedata.normalize("NFC", raw[:x + lead]).expandtabs()))
    while shown and len(shown) > 1 and shown[-1] < 0:
        del shown[-1], pieces[-1]  # tabs that end the line open no column ("PHÓ CHỦ TỊCH\t")
    return by_place, pieces, gaps, shown


def _signature_piece(text: str, g: Grammar) -> bool:
    """Whether a piece of a row can be a line of a signature block."""
    cl = g.closing
    if not text:
        return True
    if cl["placeholder"].match(text) or is_name(_bare(text, cl), g):
        return True
    line = Line(0, 0, 0, text, False, False, False)
    classify(line, g)
    return is_position(line, g) or (line.caps and cl["authority"].match(text) is not None) or (
        _name_like(text) and not ends_terminal(text))


def _short_row(starts: list[int], opening: int, anchors: list[int], fixed: int | None) -> list[int]:
    """The columns of the pieces of a row cut by spaces that has fewer pieces than columns, given
    where each starts in the row: each goes to the column it stands under (the nearest start, a tie
    to the one at or before it), keeping their order; where every row is cut by one fixed gap, a
    row that opens with that gap has an empty first cell."""
    cols: list[int] = []
    low = 1 if fixed is not None and opening == fixed else 0
    for k, at in enumerate(starts):
        top = len(anchors) - (len(starts) - k)  # leave a column for each piece after it
        best = min(range(low, top + 1), key=lambda c: (abs(anchors[c] - at), anchors[c] > at))
        cols.append(best)
        low = best + 1
    return cols


def _short_tab_row(shown: list[int], anchors: list[int]) -> list[int]:
    """The columns of the pieces of a row cut by tabs that has fewer pieces than columns, given the
    column each piece and each column's start is shown at with tabs expanded (-1: an empty cell):
    each piece goes to the column with a start it stands under, as in a row cut by spaces
    ("\t\t\t\t\t\tPHÓ CHỦ TỊCH" under the right one of "\t\tTM. …\t\t\tTM. …", not to the
    second cell, the left signer's); by place when it has more pieces than such columns."""
    filled = [k for k, x in enumerate(shown) if x >= 0]
    used = [c for c, x in enumerate(anchors) if x >= 0]
    if len(filled) > len(used):
        return list(range(len(shown)))
    cols = [0] * len(shown)
    for k, c in zip(filled, _short_row([shown[k] for k in filled], 0, [anchors[c] for c in used], None)):
        cols[k] = used[c]
    return cols


def _side_by_side(lines: list[Line], i: int, hi: int, g: Grammar, norm: Normalized) \
        -> tuple[list[RawSignature], int] | None:
    """Signature blocks printed side by side (a joint document's signers, "TM. BAN THƯỜNG VỤ
    TỈNH ĐOÀN      TM. ỦY BAN NHÂN DÂN TỈNH" / "BÍ THƯ      KT. CHỦ TỊCH" / …, in columns cut by
    spaces, tabs or ``|``): when line ``i``'s physical line holds two signing marks or more, each
    column is read as its own block, when each goes on to a title or name of its own below; else
    they are the prefixes of one block ("TM. ỦY BAN NHÂN DÂN      KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH").
    Returns the blocks and the index of the first line after them, or None."""
    cl = g.closing
    text = norm.text
    a, b = _row(text, lines[i].start)
    by_place, first, gaps, tab_at = _cells(norm, a, b)
    heads = [clean(text[x:y]) for x, y in first]
    if sum(1 for h in heads if h and cl["authority"].match(h)) < 2:
        return None
    anchors = [x - a for x, _ in first]
    columns: list[list[tuple[int, int]]] = [[piece] if piece[1] > piece[0] else [] for piece in first]
    # the rows read: their pieces, where each ends, whether it holds a name
    rows: list[tuple[list[tuple[int, int]], int, bool]] = [([p for p in first if p[1] > p[0]], b, False)]
    went_on = [False] * len(first)
    named = [False] * len(first)
    widths = set(gaps)  # the gaps of full rows cut by spaces, and what opens them: one width, a fixed separator
    full_rows = 1
    end, blanks = b, 0
    while end < len(text) and not all(named) and blanks <= JOINT_BLANKS:
        a, b = _row(text, end + 1)
        if _SEPARATOR_ROW.match(text[a:b]):
            end = b
            continue
        if not text[a:b].strip(" |\t*"):
            blanks += 1
            end = b
            continue
        blanks = 0
        place, pieces, gaps, shown = _cells(norm, a, b)
        full = len(pieces) == len(columns)
        if len(pieces) > len(columns) or (place != by_place and not full):
            break  # a row cut another way is read only when it fills the columns
        texts = [clean(text[x:y]) for x, y in pieces]
        if not all(_signature_piece(t, g) for t in texts):
            break
        # a full row goes column by column, as does a row cut at "|"; a shorter one cut by spaces
        # or tabs (below a head row cut by tabs) by where each piece starts
        fixed = next(iter(widths - {0})) if full_rows > 1 and len(widths - {0}) == 1 and 0 in widths else None
        if full or (place and (shown is None or tab_at is None)):
            cols = list(range(len(pieces)))
        elif place:
            cols = _short_tab_row(shown, tab_at)
        else:
            cols = _short_row([x - a for x, _ in pieces], gaps[0], anchors, fixed)
        row: list[tuple[int, int]] = []
        has_name = False
        for col, piece, t in zip(cols, pieces, texts):
            if not t:
                continue
            columns[col].append(piece)
            row.append(piece)
            went_on[col] = True
            if is_name(_bare(t, cl), g) and not cl["authority"].match(t):
                named[col] = has_name = True
        rows.append((row, b, has_name))
        if full and not place:
            anchors = [x - a for x, _ in pieces]  # where the columns start, from the last full row
            widths.update(gaps)
            full_rows += 1
        elif full and shown is not None and tab_at is not None:
            tab_at = [x if x >= 0 else t for x, t in zip(shown, tab_at)]
        end = b
    if not any(went_on):
        return None
    if not all(went_on[k] for k, h in enumerate(heads) if h and cl["authority"].match(h)):
        # one signer's prefixes side by side: one block, down to its name
        upto = next((k for k, row in enumerate(rows) if row[2]), len(rows) - 1)
        columns = [[piece for row in rows[:upto + 1] for piece in row[0]]]
        end = rows[upto][1]
    sigs: list[RawSignature] = []
    for col in columns:
        col_lines = []
        for x, y in col:
            line = Line(len(col_lines), x, y, clean(text[x:y]), False, False, False)
            classify(line, g)
            col_lines.append(line)
        sigs.extend(parse_closing(col_lines, 0, len(col_lines), g, lambda k: False).signatures)
    if not sigs or len(sigs) < sum(1 for col in columns if col):
        return None
    j = i
    while j < hi and lines[j].start < end:
        j += 1
    return sigs, j


def _signer_follows(lines: list[Line], i: int, hi: int, g: Grammar) -> bool:
    """Whether a signer's name or signing mark follows within SIGNER_REACH lines from ``i``,
    after more title lines: a second signature block has its signer too."""
    cl = g.closing
    for j in range(i, min(hi, i + SIGNER_REACH)):
        ln = lines[j]
        name = _bare(ln.text, cl)
        if cl["placeholder"].match(ln.text) or (is_name(name, g) and (not ln.caps or cl["caps_surname"].match(name))):
            return True  # a name in capitals only with a family name: "TRẦN VĂN B", not "KINH PHÍ DỰ ÁN"
        if not is_position(ln, g):
            return False
    return False


def _bold_run(lines: list[Line], i: int, hi: int, g: Grammar) -> tuple[int, str, int]:
    """An upper-case signature line and the lines its open ``**`` run wraps onto
    ("**KT. TRƯỞNG BAN NGHIỆP VỤ" / "THUẾ HQ**"); returns (next index, text, end offset)."""
    ln = lines[i]
    text, end = ln.text, ln.end
    while ln.bold_open and i + 1 < hi:
        nxt = lines[i + 1]
        if nxt.cell_break or not nxt.caps or g.closing["authority"].match(nxt.text):
            break
        text, end, ln = f"{text} {nxt.text}", nxt.end, nxt
        i += 1
    return i + 1, text, end


def _bare(text: str, cl) -> str:
    m = cl["honorific"].match(text)
    return m.group("name") if m else text


def _take_name(sig: RawSignature, lines: list[Line], i: int, hi: int, g: Grammar, cl) -> int:
    """Set the signer's name from line ``i`` (joining a name wrapped over two lines); returns
    the next line index."""
    ln = lines[i]
    text = ln.text
    m = cl["honorific"].match(text)
    if m:
        sig.honorific, text = m.group("h"), m.group("name")
    end = ln.end
    if i + 1 < hi and (len(text.split()) == 1 or ln.bold_open):
        nxt = lines[i + 1]
        joined = f"{text}{nxt.text}" if ln.bold_open and nxt.text[:1].islower() else f"{text} {nxt.text}"
        if not nxt.cell_break and is_name(joined, g):
            text = joined
            end = nxt.end
            i += 1
    sig.name = text
    sig.end = end
    return i + 1


def _continues_item(out: Closing, ln: Line) -> bool:
    if not out.recipients:
        return False
    last = out.recipients[-1]
    # an address in brackets wrapped after an abbreviation's full stop: "(181 Nguyễn Đình Chiểu,
    # phường Xuân Hòa, TP." / "Hồ Chí Minh);"
    return last.open or starts_lower(ln.text) or (
        not ln.caps and not last.name.rstrip().endswith(";") and last.name.count("(") > last.name.count(")"))


def _append_item(out: Closing, ln: Line) -> None:
    last = out.recipients[-1]
    last.name = f"{last.name} {ln.text}".strip() if last.name else ln.text
    last.end = ln.end
    last.open = not _ITEM_CLOSED.search(ln.text)


def _add_item(out: Closing, text: str, ln: Line, group: str | None) -> None:
    out.recipients.append(RawRecipient(text, ln.start, ln.end, group, open=not _ITEM_CLOSED.search(text)))


def _recipient_line(out: Closing, ln: Line, group: str | None, cl) -> None:
    text = ln.text
    am = cl["archive"].match(text)
    if am:
        out.archive = (am.group("rest").strip(), ln.start, ln.end)
        if out.recipients:
            out.recipients[-1].open = False
        return
    body = text[1:].strip()
    if text.startswith("+") and out.recipients:
        out.recipients[-1].sub_items.append(_ITEM_END.sub("", body))
        out.recipients[-1].end = ln.end
        return
    _add_item(out, body, ln, group)


def item_name(text: str) -> str:
    return _ITEM_END.sub("", text).strip()


def parse_archive(raw: str) -> dict:
    """'VT, NCPC (Thái).' -> units, drafter, copies. A bracket after a unit holds the copies
    ("(2b)"), the drafter ("(Thái)") or both ("(L.Anh - 3b)"); initials after it or after the
    unit's full stop are the drafter ("KTTH (2). M.Cường", "VT. N.T.Hiếu")."""
    text = raw.strip().rstrip(".").strip()
    copies: int | None = None
    drafters: list[str] = []
    units: list[str] = []
    for part in _UNITS.split(text):
        part = part.strip()
        if not part:
            continue
        m = _UNIT_PART.match(part)
        if m is None or (m.group("bracket") is None and not m.group("after")):
            nm = _UNIT_THEN_NAME.match(part)
            wc = _UNIT_WHO_COPIES.match(part)
            if wc:
                units.append(wc.group("unit"))
                drafters.append(wc.group("who"))
                copies = int(wc.group("n"))
            elif _PERSON.match(part):
                drafters.append(part)
            elif nm and grammar().closing["archive_unit_word"].match(nm.group("who").strip(" .")):
                units.append(part)  # "VP Sở": the Sở's office, no drafter
            elif nm:
                units.append(nm.group("unit"))
                drafters.append(nm.group("who").strip(" ."))
            elif _CODES_BY_STOP.match(part):
                units.extend(u.strip(" .") for u in part.split("."))  # "VT. UBND", "VT.KT9": two units
            else:
                units.append(part)
            continue
        if m.group("unit").strip(" ."):
            units.append(m.group("unit").strip(" ."))
        bracket = (m.group("bracket") or "").strip()
        cm = _COPIES.match(bracket)
        if cm:
            copies = int(cm.group("n"))
            if cm.group("who"):
                drafters.append(cm.group("who").strip(" ,;"))
        elif bracket and bracket.casefold() not in ("b", "bản"):  # "( b)": a copy count left blank
            drafters.append(bracket)
        after = m.group("after").strip(" .()")
        if after:
            drafters.append(after)
    return {"units": units, "drafter": ", ".join(drafters) or None, "copies": copies}
