"""Task tables: the columns Nội dung / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian hoàn thành
of a plan's appendix, read from the cells of a web page's table (`|` between cells, an empty
cell between rows) into assignment rows."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .assignments import RawAssignment, split_names
from .deadlines import find as find_deadlines
from .grammar import read_table, table_errors
from .lines import Line

COLUMNS = ("lead", "partners", "task", "deadline", "index")


@lru_cache(maxsize=1)
def _columns() -> dict[str, regex.Pattern[str]]:
    data = read_table("agencies.toml")
    with table_errors("agencies.toml"):
        return {c: regex.compile(data["table"][c]) for c in COLUMNS}


@dataclass
class Cell:
    text: str
    start: int
    end: int
    row_break: bool


def _cells(lines: list[Line]) -> list[Cell]:
    cells: list[Cell] = []
    for ln in lines:
        if ln.cell_break or not cells:
            cells.append(Cell(ln.text, ln.start, ln.end, ln.row_break))
        else:
            last = cells[-1]
            last.text = f"{last.text} {ln.text}"
            last.end = ln.end
    return cells


def _header(row: list[Cell]) -> dict[str, int] | None:
    cols = _columns()
    texts = [" ".join(cell.text.split()).strip(" :") for cell in row]
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
    return {name: k - first for name, k in found.items()} | {"_width": len(row) - first}


def extract(lines: list[Line]) -> list[RawAssignment]:
    """Assignment rows from every task table in ``lines``."""
    if not any("chủ trì" in ln.text.casefold() for ln in lines):
        return []
    out: list[RawAssignment] = []
    state: dict = {"columns": None, "width": 0, "section": None}
    row: list[Cell] = []
    for cell in _cells(lines):
        if cell.row_break and row:
            width = state["width"]
            if state["columns"] is not None and 3 <= len(row) <= width - 2:
                row.append(Cell("", cell.start, cell.start, False))  # "| |" inside a row: an empty cell
            else:
                _row(row, state, out)
                row = []
        row.append(cell)
    if row:
        _row(row, state, out)
    return out


def _row(row: list[Cell], state: dict, out: list[RawAssignment]) -> None:
    header = _header(row)
    if header is not None:
        state["width"] = header.pop("_width")
        state["columns"], state["section"] = header, None
        return
    columns = state["columns"]
    if columns is None:
        return
    if len(row) < state["width"] - 1:
        if len(row) <= 2 and row[0].text.strip():
            state["section"] = row[0].text.strip().rstrip(".")  # "I | KIỆN TOÀN …": a group of tasks
        else:
            state["columns"] = None  # the table has ended
        return

    def col(name: str) -> str:
        k = columns.get(name)
        return " ".join(row[k].text.split()) if k is not None and k < len(row) else ""

    lead = split_names(col("lead"))
    if not lead:
        return
    dls = find_deadlines(col("deadline"))
    path = [p for p in (state["section"], col("index")) if p]
    out.append(RawAssignment(lead, split_names(col("partners")), col("task") or None, row[0].start,
                             row[-1].end, path, dls[0] if dls else None, phrase="table"))
