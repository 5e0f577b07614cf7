"""Readable renderings of a parsed document: an indented tree for people."""

from __future__ import annotations

from .models import Document, Node

WIDTH = 100
CELL = 28  # characters of a table cell shown


def _short(text: str | None, width: int) -> str:
    if not text:
        return ""
    t = " ".join(text.split())
    return t if len(t) <= width else t[: width - 1] + "…"


def _cell_text(cell: Node) -> str:
    if cell.text is not None:
        return cell.text
    parts: list[str] = []
    for n in cell.walk():
        if n is not cell:
            parts.extend(p for p in (n.marker, n.title if n.title is not None else n.text) if p)
    return " ".join(parts)


def _table_lines(table: Node, depth: int, out: list[str]) -> None:
    """A table as one line per row: its cells between `|`, each cut short."""
    pad = "  " * depth
    width = max((len(row.children) for row in table.children), default=0)
    out.append(f"{pad}[table] {len(table.children)} rows, {width} columns")
    for row in table.children:
        cells = " | ".join(_short(_cell_text(c), CELL) or "·" for c in row.children)
        out.append(f"{pad}  " + _short(f"| {cells} |", WIDTH - len(pad)))


def _node_lines(node: Node, depth: int, out: list[str]) -> None:
    if node.kind == "table":
        _table_lines(node, depth, out)
        return
    pad = "  " * depth
    head = node.marker or (node.label or "")
    body = node.title if node.title is not None else node.text
    kind = "" if node.marker else f"[{node.kind}] "
    out.append(f"{pad}{kind}{head + ' ' if head else ''}{_short(body, WIDTH - len(pad))}".rstrip())
    for child in node.children:
        _node_lines(child, depth + 1, out)


def tree(doc: Document) -> str:
    out: list[str] = []
    dt = doc.doc_type.name if doc.doc_type else "Văn bản"
    num = doc.number.raw if doc.number else "(no number)"
    out.append(f"{dt} {num} [{doc.family}]")
    if doc.issuer.name:
        out.append(f"  issuer: {doc.issuer.name}" + (f" (under {doc.issuer.parent})" if doc.issuer.parent else ""))
    if doc.place or doc.date:
        out.append(f"  place/date: {doc.place or '?'}, {doc.date or '?'}")
    if doc.title:
        out.append(f"  title: {_short(doc.title, WIDTH)}")
    for key in ("urgency", "secrecy", "authority"):
        value = getattr(doc, key)
        if value:
            out.append(f"  {key}: {value}")
    if doc.addressees:
        out.append("  kính gửi: " + "; ".join(doc.addressees))
    if doc.preamble:
        out.append("preamble:")
        for node in doc.preamble:
            _node_lines(node, 1, out)
    out.append("body:")
    for node in doc.body:
        _node_lines(node, 1, out)
    for sig in doc.signatures:
        parts = [*sig.prefixes, sig.position or "", sig.name or "?"]
        out.append("signature: " + " / ".join(p for p in parts if p))
    recips = [r.name for r in doc.recipients if r.source == "noi_nhan"]
    if recips:
        out.append("nơi nhận:")
        out.extend(f"  - {_short(r, WIDTH)}" for r in recips)
    if doc.archive:
        out.append(f"  lưu: {doc.archive.raw}")
    for att in doc.attachments:
        label = att.label or (att.doc_type.name if att.doc_type else att.kind)
        out.append(f"attachment: {label}: {_short(att.title, WIDTH - 20)}")
        for node in att.body:
            _node_lines(node, 1, out)
    for note in doc.notes:
        _node_lines(note, 0, out)
    for d in doc.diagnostics:
        out.append(f"{d.severity}: {d.code}: {d.message}")
    return "\n".join(out)
