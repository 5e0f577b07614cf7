"""Task tables: the columns Nội dung / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian hoàn thành
of a plan's appendix, read from the cells of a web page's table (`|` between cells, an empty
cell between rows) into assignment rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .assignments import RawAssignment, agency_grammar, is_agency, split_names, task_verb_at, without_partners
from .deadlines import stated
from .grammar import grammar, read_table, table_errors
from .lines import Line

COLUMNS = ("lead", "partners", "task", "deadline", "index")


@lru_cache(maxsize=1)
def _columns() -> dict[str, regex.Pattern[str]]:
    data = read_table("agencies.toml")
    with table_errors("agencies.toml"):
        return {c: regex.compile(data["table"][c]) for c in COLUMNS}


@lru_cache(maxsize=1)
def _table_words() -> tuple[tuple[str, ...], regex.Pattern[str], regex.Pattern[str]]:
    """The lead heading's hint words (agencies.toml [table]), the row-number pattern
    (markers.toml [table]) and the document's closing sentence (markers.toml [closing])."""
    data = read_table("agencies.toml")
    with table_errors("agencies.toml"):
        g = grammar()
        return tuple(data["table"]["lead_hint"]), g.table["row_number"], g.closing["closing_formula"]


@dataclass
class Cell:
    text: str
    start: int
    end: int
    row_break: bool
    lines: list[Line] = field(default_factory=list)


def _cells(lines: list[Line]) -> list[Cell]:
    cells: list[Cell] = []
    for ln in lines:
        if ln.cell_break or not cells:
            cells.append(Cell(ln.text, ln.start, ln.end, ln.row_break, [ln]))
        else:
            last = cells[-1]
            last.text = f"{last.text} {ln.text}"
            last.end = ln.end
            last.lines.append(ln)
    return cells


_NO_WORD = regex.compile(r"[^\p{L}\d]+")  # a dotted line, "……", "***"


def _text_after(cell: Cell) -> bool:
    """Whether a cell is the text after a table, which a page prints behind the table's closing
    `|` as it prints a cell: text after an empty line (no table has one inside it), a heading
    ("PHỤ LỤC II", "B. NHIỆM VỤ KHÁC"; upper case, with a marker or of three words or more), the
    document's closing sentence, or a dotted line."""
    closing = _table_words()[2]
    return bool(cell.lines) and cell.lines[0].gap or _NO_WORD.fullmatch(cell.text) is not None or any(
        (ln.caps and (ln.marker is not None or len(ln.text.split()) >= 3)) or closing.match(ln.text)
        for ln in cell.lines)


_NOTE = regex.compile(r"\[\d{1,3}\]|\(\d{1,3}\)")  # a footnote mark in a heading: "Cơ quan chủ trì[1]"


def _heading(text: str) -> str:
    return " ".join(_NOTE.sub("", text).split()).strip(" :")


def _header(row: list[Cell]) -> dict[str, int] | None:
    cols = _columns()
    texts = [_heading(cell.text) for cell in row]
    lead = cols["lead"]
    if not any(lead.match(text) for text in texts):
        return None  # the lead column comes first: a row without it is no header (most rows)
    found: dict[str, int] = {}
    for k, text in enumerate(texts):
        for name, pattern in cols.items():
            if name not in found and pattern.match(text):
                found[name] = k
                break
    if "lead" not in found or not ("task" in found or "partners" in found):
        return None
    first = min(found.values())  # cells before the header's first column belong to the text above
    if "index" not in found and first > 0:
        # "… theo Phụ lục sau: STT": the number column's heading glued to the text above the table
        tail = texts[first - 1].split()[-2:]
        for words in (tail[-1:], tail):
            if words and cols["index"].match(" ".join(words)):
                found["index"] = first = first - 1
                break
    return {name: k - first for name, k in found.items()} | {"_width": len(row) - first}




def _rows(cells: list[Cell]) -> list[list[Cell]]:
    """Cells cut at each row break (an empty cell)."""
    rows: list[list[Cell]] = []
    for cell in cells:
        if cell.row_break or not rows:
            rows.append([])
        rows[-1].append(cell)
    return rows


def extract(lines: list[Line]) -> list[RawAssignment]:
    """Assignment rows from every task table in ``lines``.

    On a web page an empty cell inside a row looks like the break between two rows, so a
    short piece of a row is joined to the next one. Where the table numbers its rows, a piece
    that starts with a number is joined to the pieces after it that do not, as long as the
    row does not grow wider than the header; a piece left that does not start with a number
    is the rest of a row whose first cells span several rows (rowspan): its cells are the
    table's last ones and it shares the cells on the left with the row above. A row wider than
    the table holds the text after it too (:func:`_after_table`)."""
    start = _first_header(lines)
    return [] if start is None else _read(lines[start:])


def _read(lines: list[Line]) -> list[RawAssignment]:
    out: list[RawAssignment] = []
    state: dict = {"columns": None, "width": 0, "section": None, "last": None}
    pieces = _rows(_cells(lines))
    i = 0
    while i < len(pieces):
        row = pieces[i]
        i += 1
        columns, width = state["columns"], state["width"]
        header = _header(row) if columns is not None else None
        if columns is not None:
            numbered = columns.get("index") == 0
            if header is None:
                while i < len(pieces) and (
                        (_numbered(row) and not _numbered(pieces[i]) and len(row) + 1 + len(pieces[i]) <= width)
                        if numbered else 3 <= len(row) <= width - 2):
                    nxt = pieces[i]
                    row = [*row, Cell("", nxt[0].start, nxt[0].start, False), *nxt]
                    i += 1
                # a row short of a cell or more that does not start with a number: its first cells span
                # from the row above, or its number cell was empty (an empty cell reads as a row break)
                if numbered and 3 <= len(row) < width and not _numbered(row) and state["last"] is not None:
                    _spanned(row, state, out)
                    continue
            if len(row) >= width and (cut := _after_table(row, width, numbered, header,
                                                          pieces[i] if i < len(pieces) else None)) is not None:
                own, at = cut  # the table's last row, then the text after the table
                _row(row[:own] if own == width else [Cell("", row[0].start, row[0].start, False), *row[:own]],
                     state, out)
                if at is None:
                    state["columns"] = None  # the table has ended
                    continue
                row = row[at:]
        _row(row, state, out)
    return out


def _after_table(row: list[Cell], width: int, numbered: bool, header: dict[str, int] | None,
                 nxt: list[Cell] | None) -> tuple[int, int | None] | None:
    """The text after a table, which a page prints behind the closing `|` of its last row as it
    prints a cell, in ``row`` (``header``: the :func:`_header` ``row`` holds, if any): (how many
    cells are the row's, where the table goes on after the text, None where it ends there), or
    None when the row is all the table's. In a numbered table a row that does not start with a
    number has no number cell (the number cell spans from the row above, or it was empty): one
    cell fewer. The table goes on with the next header ("2. Các nhiệm vụ …" / "STT | Nội dung |
    …"), or with a row as wide as the table and no header above it (a table continued after a
    dotted line "……": it keeps the table's columns when that row is numbered as the table is,
    or the row after it is as wide); else the text (a heading, "PHỤ LỤC II", the closing
    sentence) ends it."""
    own = width - 1 if numbered and not _numbered(row) else width
    if len(row) <= own:
        return None
    if header is not None or (header := _header(row[own + 1:])) is not None:
        at = len(row) - header["_width"]  # the header's first cell: the cells before it are text
    elif len(row) - width > own and _header(tail := row[-width:]) is None and (
            _numbered(tail) if numbered else nxt is not None and len(nxt) == width):
        at = len(row) - width
    else:
        at = None
    if at is not None and at <= own:
        return None
    if (own < width or at is None) and not _text_after(row[own]):
        return None  # the row is wider than the table, or the table has no number in that row
    return own, at


def _first_header(lines: list[Line]) -> int | None:
    """Where the rows that may hold the first task table's header start: the row break before
    the first cell that is a lead column's heading ("Cơ quan chủ trì"; None: no task table).
    No cell before it can belong to a task table. A cell is joined and matched only when one
    of its lines has a ``lead_hint`` word ("trì") in it."""
    lead = _columns()["lead"]
    hints = _table_words()[0]
    last_row = 0
    n = len(lines)
    for i, ln in enumerate(lines):
        if not ln.cell_break and i:
            continue
        if ln.row_break:
            last_row = i
        j, hit = i, False
        while True:  # the lines of this cell
            t = lines[j].text
            hit = hit or any(h in t for h in hints)
            j += 1
            if j == n or lines[j].cell_break:
                if hit and lead.match(_heading(" ".join(x.text for x in lines[i:j]))):
                    return last_row
                break
    return None


def _lead_cell(text: str) -> str:
    """The names a lead cell opens with: a cell written as a sentence ("Sở KH&CN chủ trì hướng
    dẫn, tổng hợp; các sở, ngành thực hiện …") ends its names at "chủ trì", not inside brackets
    ("Bộ X (chủ trì phần chính sách)"). A verb alone does not cut it: names hold verbs ("Quỹ Hỗ
    trợ phát triển hợp tác xã", "Trung tâm Giám sát, điều hành đô thị thông minh"); a list of
    verbs right after the names does (:func:`_before_verbs`)."""
    lm = agency_grammar().lead.search(text)
    if lm is None:
        return _before_verbs(text)
    if lm.start() == 0 or text.count("(", 0, lm.start()) > text.count(")", 0, lm.start()):
        return text
    names = text[:lm.start()].strip(" ,;")
    last = names.replace(";", ",").split(",")[-1].strip()
    return names if is_agency(last) else text


def _before_verbs(text: str) -> str:
    """The names of a lead cell written as a sentence without "chủ trì": the names, then a list
    of two verbs or more, each after a comma ("Sở Khoa học và Công nghệ thúc đẩy, theo dõi, báo
    cáo chỉ tiêu" → the Sở); else the cell. The first verb follows the names with no comma
    before it ("Trung tâm Giám sát, điều hành …" is one name)."""
    v = task_verb_at(text)
    if v is None or text[:v].rstrip().endswith((",", ";")):
        return text
    verbs = text[v:].split(";", 1)[0].split(",")
    ag = agency_grammar()
    names = text[:v].strip()
    if len(verbs) >= 2 and all(ag.task_start.match(f" {verb.strip()}", 1) for verb in verbs) \
            and names not in ag.bare_heads and is_agency(names):
        return names  # (a head alone is the start of a name: "Viện nghiên cứu, đào tạo")
    return text


def _numbered(row: list[Cell]) -> bool:
    return _table_words()[1].match(row[0].text.strip()) is not None


def _row(row: list[Cell], state: dict, out: list[RawAssignment]) -> None:
    header = _header(row)
    if header is not None:
        state["width"] = header.pop("_width")
        state["columns"], state["section"], state["last"] = header, None, None
        return
    columns = state["columns"]
    if columns is None:
        return
    numbered = columns.get("index") == 0 and _numbered(row)
    if len(row) < state["width"] - 1 and not (numbered and len(row) >= 3):
        if len(row) <= 2 and row[0].text.strip():
            state["section"] = row[0].text.strip().rstrip(".")  # "I | KIỆN TOÀN …": a group of tasks
        else:
            state["columns"] = None  # the table has ended
        return

    def col(name: str) -> str:
        k = columns.get(name)
        return " ".join(row[k].text.split()) if k is not None and k < len(row) else ""

    lead = split_names(_lead_cell(col("lead")))
    if not lead:
        state["last"] = None
        return
    path = [p for p in (state["section"], col("index")) if p]
    partners, task = split_names(col("partners")), col("task") or None
    if not partners and task and len(lead) == 1 and "partners" not in columns:
        partners, task = _partners_in_task(task, lead[0])
    state["last"] = RawAssignment(lead, partners, task, row[0].start, row[-1].end, path, stated(col("deadline")),
                                  phrase="table")
    out.append(state["last"])


def _partners_in_task(task: str, lead: str) -> tuple[list[str], str]:
    """In a table with no partner column, a task cell that says whom its lead works with ("Chủ
    trì, phối hợp với Bộ Khoa học và Công nghệ xây dựng …") gives those partners, when each is a
    body, and the task after them; any other task cell is the task, with no partners."""
    ag = agency_grammar()
    if (ag.lead.match(task) or ag.partnering.match(task)) and (named := without_partners(task, lead)) is not None \
            and all(is_agency(p) for p in named[0]):
        return named  # (not "Cùng với việc rà soát …": no body named)
    return [], task


def _partners_cell(row: list[Cell], columns: dict[str, int], first: int) -> bool:
    """Whether the first cell of a row whose first cells span (``first``: the column its cells
    would start at, counted from the right) is the row's partner cell, with spanning columns
    after it: it falls in a column no row field is read from ("Nhóm nhiệm vụ"), the nearest
    read column left of it is the partners', and it names bodies only ("Các bộ, ngành liên quan")."""
    if len(row) < 2 or first in columns.values() or "partners" not in columns:
        return False
    left = [(k, name) for name, k in columns.items() if k < first and name in ("lead", "partners")]
    if not left or max(left)[1] != "partners":
        return False
    names = split_names(row[0].text)
    return bool(names) and all(is_agency(n) for n in names)


def _spanned(row: list[Cell], state: dict, out: list[RawAssignment]) -> None:
    """A row whose first cells span from the row above: ``row`` holds the table's last cells;
    a column it does not reach is the row above's."""
    columns, width, last = state["columns"], state["width"], state["last"]
    first = width - len(row)

    def col(name: str) -> str | None:
        k = columns.get(name)
        return " ".join(row[k - first].text.split()) if k is not None and k >= first else None

    lead, partners, task, deadline = col("lead"), col("partners"), col("task"), col("deadline")
    if partners is None and _partners_cell(row, columns, first):
        # "| 1 | Bộ X | Bộ Y | Nhóm nhiệm vụ | - Task 1 |" / "| Các bộ, ngành liên quan | - Task 2 |": the
        # partner cell is the row's own, the columns between it and the task span from above
        partners = " ".join(row[0].text.split())
    lead = _lead_cell(lead) if lead is not None else None
    if lead is None:  # the rest of the row above
        out.append(RawAssignment(last.lead, last.partners if partners is None else split_names(partners),
                                 task if task is not None else last.task, row[0].start, row[-1].end, last.path,
                                 last.deadline if deadline is None else stated(deadline), phrase="table"))
        return
    leads = split_names(lead)  # a lead of its own, under a number cell that is empty or spans
    if not leads:
        return
    if task is None:  # the task spans too: this row is another lead for the task above
        out.append(RawAssignment(leads, split_names(partners or ""), last.task, row[0].start, row[-1].end,
                                 last.path, last.deadline if deadline is None else stated(deadline),
                                 phrase="table"))
        return
    path = [state["section"]] if state["section"] else []
    state["last"] = RawAssignment(leads, split_names(partners or ""), task, row[0].start, row[-1].end, path,
                                  stated(deadline or ""), phrase="table")
    out.append(state["last"])
