"""What a reader hands to the parser: the document's text, where each piece of it came from
in the file (DOCX paragraph and run, PDF page and box, HTML element), and how it looked.

Every reader (DOCX, PDF, HTML) fills a :class:`Builder` paragraph by paragraph and table by
table; the builder decides how a table becomes text. A *layout* table (the two-column header:
issuer, Số | quốc hiệu, place and date; the signature area: Nơi nhận | signature block) is
read column by column, each column a region of its own, as a reader of the printed page sees
it. A *data* table (a plan's task table) is written the way the web pages the parser already
reads write one: the cells' lines with a ``|`` line between cells and two between rows, one
before and after the table, and an empty line after it (the table's end, which a page does
not always mark; a layout table's regions end with one too), so the body's tables and the
task-table extractor read Word, PDF and HTML tables the same way.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from .grammar import read_table, table_errors


@dataclass(slots=True, frozen=True)
class Style:
    """How a run of text looked. ``None`` means not known (not "not bold")."""

    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None     # points
    align: str | None = None      # left, center, right, justify
    font: str | None = None


@dataclass(slots=True)
class Piece:
    """A run of the read text (``start``..``end``) and where it came from in the file."""

    start: int
    end: int
    where: dict[str, Any]
    style: Style | None = None


@dataclass(slots=True)
class Source:
    """A file as text, ready for :func:`vbhc.parse`."""

    text: str
    format: str                       # txt, docx, doc, pdf, html
    encoding: str | None = None       # for text: utf-8, utf-16, cp1258, tcvn3, vni
    pages: int | None = None
    pieces: list[Piece] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)   # (code, message) worth a diagnostic
    furniture: list[tuple[str, str]] = field(default_factory=list)  # (kind, text): page headers, footers

    def locate(self, start: int, end: int) -> list[Piece]:
        """The pieces that overlap ``start``..``end`` of the text, in order."""
        return overlapping(self.pieces, start, end)


def overlapping(pieces: Sequence, start: int, end: int) -> list:
    """The pieces (sorted by ``start``, each with ``start``/``end``) that overlap
    ``start``..``end``; for an empty range, the piece holding that position."""
    end = max(end, start + 1)
    i = max(bisect.bisect_right([p.start for p in pieces], start) - 1, 0)
    out = []
    for p in pieces[i:]:
        if p.start >= end:
            break
        if p.end > start:
            out.append(p)
    return out


# A run inside a paragraph: its text, where it came from, how it looked.
Run = tuple[str, dict[str, Any], Style | None]
Paragraph = Sequence[Run]
Cell = Sequence[Paragraph]


@lru_cache(maxsize=1)
def _layout_cue() -> regex.Pattern[str]:
    data = read_table("readers.toml")
    with table_errors("readers.toml"):
        return regex.compile("|".join(f"(?:{p})" for p in data["layout"]["cues"]), regex.M)


def _text(cell: Cell) -> str:
    return "\n".join("".join(r[0] for r in para) for para in cell)


def is_layout(rows: Sequence[Sequence[Cell]]) -> bool:
    """A table that lays out the page (header, signature area) rather than holding data:
    at most two columns with text, few rows, and the header's or the closing's words in it."""
    if not rows or len(rows) > 4:
        return False
    width = max(len(r) for r in rows)
    used = [c for c in range(width) if any(c < len(r) and _text(r[c]).strip() for r in rows)]
    if not 1 <= len(used) <= 2:
        return False
    return any(_layout_cue().search(_text(c)) for r in rows for c in r)


class Builder:
    """Collects text and pieces paragraph by paragraph."""

    def __init__(self, fmt: str, encoding: str | None = None) -> None:
        self.fmt = fmt
        self.encoding = encoding
        self.parts: list[str] = []
        self.pieces: list[Piece] = []
        self.notes: list[tuple[str, str]] = []
        self.pos = 0
        self.at_line_start = True
        self.pages: int | None = None

    def _put(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.pos += len(s)
            self.at_line_start = s.endswith("\n")

    def run(self, text: str, where: dict[str, Any], style: Style | None = None) -> None:
        """Append a run of text to the current line. Line breaks inside it are kept."""
        if not text:
            return
        start = self.pos
        self._put(text)
        self.pieces.append(Piece(start, self.pos, where, style))

    def newline(self) -> None:
        """End the current line (nothing when it is already ended)."""
        if not self.at_line_start:
            self._put("\n")

    def paragraph(self, runs: Paragraph) -> None:
        """One paragraph: its runs joined, then a line end. An empty paragraph adds nothing."""
        text = "".join(r[0] for r in runs)
        if not text.strip():
            return
        self.newline()
        for t, where, style in runs:
            self.run(t, where, style)
        self.newline()

    def separator(self) -> None:
        """A ``|`` line: a cell boundary the tokenizer knows (and that stops line joining)."""
        self.newline()
        self._put("|\n")

    def table(self, rows: Sequence[Sequence[Cell]]) -> None:
        """A table, as layout regions or as a data table (see the module's docstring)."""
        rows = [r for r in rows if any(_text(c).strip() for c in r)]
        if not rows:
            return
        if is_layout(rows):
            width = max(len(r) for r in rows)
            first = True
            for c in range(width):
                column = [r[c] for r in rows if c < len(r) and _text(r[c]).strip()]
                if not column:
                    continue
                if not first:
                    self.separator()
                first = False
                for cell in column:
                    for para in cell:
                        self.paragraph(para)
            self.separator()
            self._put("\n")  # an empty line: the regions end here
            return
        self.separator()
        for i, row in enumerate(rows):
            if i:
                self.separator()  # two `|` lines in a row: a new table row
                self.separator()
            for j, cell in enumerate(row):
                if j:
                    self.separator()
                for para in cell:
                    self.paragraph(para)
        self.separator()
        self._put("\n")  # an empty line: the table ends here, not at the next width its rows allow

    def build(self) -> Source:
        text = "".join(self.parts)
        return Source(text=text, format=self.fmt, encoding=self.encoding, pages=self.pages,
                      pieces=self.pieces, notes=self.notes)
