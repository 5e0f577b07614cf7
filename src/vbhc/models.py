"""The typed output: pydantic v2 models, built once at the end of a parse.

Field names follow the JSON contract in GOLD-CONVENTIONS.md. Every node carries a
``span``: character offsets ``[start, end)`` into the *original* input text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.3"

Family = Literal["administrative", "party", "legal", "other"]
Severity = Literal["error", "warning", "info"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


_set = object.__setattr__


def _trusted(cls: type[_Model], fields: dict[str, Any]) -> Any:
    """``cls.model_construct(**fields)`` for a dict that names every field, without its
    per-field default and alias handling: the parser builds tens of thousands of spans and
    nodes per second, and that handling was a tenth of a parse. Internal: the caller passes
    trusted values for all of the model's fields."""
    m = cls.__new__(cls)
    _set(m, "__dict__", fields)
    _set(m, "__pydantic_fields_set__", set(fields))
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m


class Span(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @classmethod
    def trusted(cls, start: int, end: int) -> Span:
        """A span from offsets the parser already checked (no validation)."""
        return _trusted(cls, {"start": start, "end": end})


class Issuer(_Model):
    name: str | None = None
    parent: str | None = None
    span: Span | None = None


class Number(_Model):
    """A number and symbol (số, ký hiệu) split into its parts."""

    raw: str = Field(description="as printed after 'Số', spaces removed: 155/KH-UBND, 165-KH/TU, /TB-UBND")
    number: str | None = Field(None, description="the running number, None when left blank")
    year: int | None = Field(None, description="the year inside a normative number (84/2025/QĐ-UBND)")
    symbol: str = Field("", description="the ký hiệu after the number (and year)")
    type_code: str | None = Field(None, description="document type code in the symbol (KH, QĐ), if any")
    issuer_code: str | None = Field(None, description="issuer code (UBND, TTg, TU)")
    suffix: str | None = Field(None, description="drafting unit or field code after the issuer code")
    form: Literal["administrative", "legal", "party"] = "administrative"
    span: Span | None = None


class DocType(_Model):
    code: str | None = None
    name: str | None = None
    span: Span | None = None


class Signature(_Model):
    mode: str | None = Field(None, description="last authority prefix: TM, KT, TL, TUQ, Q, T/M, K/T, T/L")
    prefixes: list[str] = Field(default_factory=list, description="every prefix line, top to bottom")
    authority: str | None = Field(None, description="the body or title after the last prefix")
    position: str | None = None
    name: str | None = None
    honorific: str | None = Field(None, description="rank or academic title printed before the name")
    placeholder: str | None = Field(None, description="'(Đã ký)' and the like, printed instead of a signature")
    span: Span | None = None


class Recipient(_Model):
    name: str
    group: str | None = Field(None, description="group label the item sits under ('Gửi bản điện tử')")
    sub_items: list[str] = Field(default_factory=list)
    source: Literal["noi_nhan", "kinh_gui"] = "noi_nhan"
    span: Span | None = None


class Archive(_Model):
    raw: str
    units: list[str] = Field(default_factory=list)
    drafter: str | None = None
    copies: int | None = None
    span: Span | None = None


class Node(_Model):
    kind: str = Field(description="a marker's kind (part, chapter, section, article, clause, point, item …), "
                                  "paragraph, quote, or table / row / cell; in the preamble basis, proposal …")
    label: str | None = None
    marker: str | None = Field(None, description="the marker as printed: 'I.', '1.', 'a)', '-', 'Điều 5a.'")
    title: str | None = None
    text: str | None = None
    children: list[Node] = Field(default_factory=list)
    span: Span

    @classmethod
    def trusted(cls, kind: str, label: str | None, marker: str | None, title: str | None, text: str | None,
                children: list[Node], span: Span) -> Node:
        """A node from values the parser already checked (no validation)."""
        return _trusted(cls, {"kind": kind, "label": label, "marker": marker, "title": title, "text": text,
                              "children": children, "span": span})

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


class Reference(_Model):
    """Another document cited by number."""

    number: str = Field(description="as printed after 'số', spaces removed: 142/QĐ-TTg, 52-KL/TW, 42")
    raw: str | None = Field(None, description="the citation text as printed")
    kind: Literal["full", "list", "short"] = Field(
        "full", description="full citation; a further number in a list; a short later mention linked to a full one")
    doc_type: DocType | None = None
    year: int | None = None
    type_code: str | None = None
    issuer_code: str | None = None
    suffix: str | None = None
    date: str | None = Field(None, description="ISO date of the cited document when given")
    issuer: str | None = Field(None, description="the issuing body named after 'của'")
    relation: str | None = Field(None, description="căn cứ, thực hiện, sửa đổi, bổ sung, thay thế, bãi bỏ, hướng dẫn, theo")
    alias: str | None = Field(None, description="'sau đây gọi tắt là …'")
    name: str | None = Field(None, description="the name a law or ordinance is cited by before its number: "
                                               "'Tổ chức chính quyền địa phương' in 'Luật Tổ chức chính quyền "
                                               "địa phương số 72/2025/QH15'")
    span: Span | None = None


class NamedReference(_Model):
    """A document cited by name, without a number: 'Luật Tổ chức chính quyền địa phương ngày 16/6/2025'."""

    doc_type: DocType
    name: str
    date: str | None = None
    relation: str | None = None
    alias: str | None = None
    span: Span | None = None


class Deadline(_Model):
    """A time limit as printed, typed: a date, a period (quarter, half, month, year), a
    recurring cycle, a relative limit or an undated condition."""

    kind: Literal["date", "quarter", "half", "month", "year", "recurring", "relative", "undated"]
    raw: str
    start: str | None = Field(None, description="first day of the period (ISO)")
    end: str | None = Field(None, description="last day: the deadline itself (ISO)")
    path: list[str] = Field(default_factory=list, description="labels of the node it was read in")
    span: Span | None = None


class Assignment(_Model):
    """A task row: 'X chủ trì, phối hợp với Y … <task> (deadline)'."""

    lead: list[str] = Field(default_factory=list, description="lead agencies as printed")
    partners: list[str] = Field(default_factory=list, description="cooperating agencies as printed")
    lead_keys: list[str] = Field(default_factory=list, description="grouping keys of the leads")
    partner_keys: list[str] = Field(default_factory=list, description="grouping keys of the partners")
    task: str | None = None
    deadline: Deadline | None = None
    path: list[str] = Field(default_factory=list, description="labels of the node and its ancestors")
    phrase: str | None = Field(None, description="what named the lead: chủ trì, phối hợp, đề nghị, yêu cầu, "
                                                 "giao, trách nhiệm, fields (Cơ quan chủ trì: …), table, heading (an "
                                                 "item under a heading that names a body: '1. Công an tỉnh'), "
                                                 "subject (an item that opens with a body and its verb)")
    reported: bool = Field(False, description="the row reports work already done ('Sở X đã chủ trì, phối hợp "
                                              "với …'), not a task given")
    span: Span | None = None


class Attachment(_Model):
    kind: Literal["appendix", "issued_with", "document"]
    label: str | None = None
    doc_type: DocType | None = None
    title: str | None = None
    issued_with: str | None = Field(None, description="the '(Ban hành kèm theo …)' line")
    body: list[Node] = Field(default_factory=list)
    signatures: list[Signature] = Field(default_factory=list)
    recipients: list[Recipient] = Field(default_factory=list, description="its own Nơi nhận, if it has one")
    span: Span


class Diagnostic(_Model):
    code: str
    severity: Severity
    message: str
    span: Span | None = None


class SourcePiece(_Model):
    """A run of the read text and where it came from in the file, with how it looked."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    where: dict[str, Any] = Field(description="DOCX: paragraph, run (table, row, cell; footnote; textbox); "
                                  "PDF: page, bbox [x0, top, x1, bottom] in points; HTML: element")
    bold: bool | None = None
    italic: bool | None = None
    size: float | None = Field(None, description="points")
    align: str | None = None
    font: str | None = None


class Furniture(_Model):
    kind: str = Field(description="header, footer (DOCX), page (PDF page number, running line)")
    text: str


class Origin(_Model):
    """The file behind the text: spans are offsets into the text its reader produced."""

    format: Literal["txt", "docx", "doc", "pdf", "html"]
    encoding: str | None = None
    pages: int | None = None
    pieces: list[SourcePiece] = Field(default_factory=list)
    furniture: list[Furniture] = Field(default_factory=list)

    def locate(self, span: Span) -> list[SourcePiece]:
        """The pieces of the file that a span of the document covers."""
        from .source import overlapping

        return overlapping(self.pieces, span.start, span.end)


class Document(_Model):
    schema_version: str = SCHEMA_VERSION
    source: str | None = Field(None, description="the file the document was read from")
    family: Family
    issuer: Issuer = Field(default_factory=Issuer)
    national_header: str | None = Field(None, description="quốc hiệu (state) or 'ĐẢNG CỘNG SẢN VIỆT NAM'")
    motto: str | None = Field(None, description="tiêu ngữ")
    number: Number | None = None
    doc_type: DocType | None = None
    place: str | None = None
    date: str | None = Field(None, description="ISO yyyy-mm-dd of the issuing date line")
    date_raw: str | None = None
    title: str | None = None
    urgency: str | None = None
    secrecy: str | None = None
    circulation: str | None = None
    addressees: list[str] = Field(default_factory=list, description="Kính gửi")
    authority: str | None = Field(None, description="authority line of a Quyết định/Nghị quyết")
    preamble: list[Node] = Field(default_factory=list)
    body: list[Node] = Field(default_factory=list)
    signatures: list[Signature] = Field(default_factory=list)
    recipients: list[Recipient] = Field(default_factory=list)
    archive: Archive | None = None
    attachments: list[Attachment] = Field(default_factory=list)
    notes: list[Node] = Field(default_factory=list, description="footnotes and notes after the signature")
    references: list[Reference] = Field(default_factory=list)
    named_references: list[NamedReference] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    origin: Origin | None = Field(None, description="the file format and where each piece of text came from")

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent, exclude_none=False)

    @classmethod
    def from_json(cls, data: str | bytes) -> Document:
        return cls.model_validate_json(data)

    def walk(self) -> Iterator[Node]:
        """Every node of the preamble, body, attachments and notes, depth first."""
        for top in (*self.preamble, *self.body):
            yield from top.walk()
        for att in self.attachments:
            for top in att.body:
                yield from top.walk()
        for note in self.notes:
            yield from note.walk()

    def find(self, kind: str) -> list[Node]:
        return [n for n in self.walk() if n.kind == kind]

    def tasks(self) -> list[Assignment]:
        """The task matrix: every assignment row, in document order."""
        return list(self.assignments)

    def to_records(self) -> list[dict[str, str | bool | None]]:
        """The task matrix as flat records (one per row), ready for ``pandas.DataFrame``."""
        number = self.number.raw if self.number else None
        rows = []
        for a in self.assignments:
            d = a.deadline
            rows.append({
                "source": self.source, "number": number, "path": "/".join(a.path),
                "lead": "; ".join(a.lead), "partners": "; ".join(a.partners), "task": a.task,
                "deadline": d.raw if d else None, "deadline_kind": d.kind if d else None,
                "deadline_start": d.start if d else None, "deadline_end": d.end if d else None,
                "reported": a.reported,
            })
        return rows

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]
