"""The pipeline: normalise -> tokenize -> header -> body -> closing -> attachments -> models."""

from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

import regex

from . import models as M
from .assignments import RawAssignment, is_agency, task_verb_at, walk_paths, walk_texts
from .assignments import extract as extract_assignments
from .assignments import key as agency_key
from .body import RawNode, build_tree, ordinal
from .closing import Closing, first_closing, item_name, parse_archive, parse_closing, starts_closing
from .deadlines import RawDeadline
from .deadlines import find as find_deadlines
from .grammar import Grammar, grammar
from .header import Diag, Header, addressee_line, doc_type_code, parse_header, preamble_kind
from .lines import (Block, Line, ends_terminal, first_line_wraps, last_word, marker_text_wraps, match_wrapped, paragraph_gaps, printed,
                    reflow, starts_lower, tokenize, wrap_width)
from .normalize import Normalized, fold, normalize
from .references import before_type
from .references import extract as extract_references
from .references import ref_grammar
from .source import Source
from .tables import extract as extract_table_rows


class _Ctx:
    __slots__ = ("g", "norm", "lines", "width", "gapped", "marker_wraps", "first_wraps", "diags")

    def __init__(self, g: Grammar, norm: Normalized, lines: list[Line]) -> None:
        self.g = g
        self.norm = norm
        self.lines = lines
        self.width = wrap_width(lines)
        self.gapped = paragraph_gaps(lines)
        self.marker_wraps = marker_text_wraps(lines)
        self.first_wraps = first_line_wraps(lines, self.width)
        self.diags: list[Diag] = []

    def span(self, start: int, end: int) -> M.Span:
        a, b = self.norm.map.span_to_source(start, end)
        return M.Span.trusted(a, b)


def parse_source(src: Source, *, source: str | None = None) -> M.Document:
    """Parse what a file reader produced; the document's ``origin`` tells where each piece of
    the text came from."""
    doc = parse(src.text, source=source, markdown=src.format == "txt")
    doc.origin = M.Origin.model_construct(
        format=src.format, encoding=src.encoding, pages=src.pages,
        pieces=[M.SourcePiece.model_construct(start=p.start, end=p.end, where=p.where,
                                              bold=p.style.bold if p.style else None,
                                              italic=p.style.italic if p.style else None,
                                              size=p.style.size if p.style else None,
                                              align=p.style.align if p.style else None,
                                              font=p.style.font if p.style else None)
                for p in src.pieces],
        furniture=[M.Furniture.model_construct(kind=k, text=t) for k, t in src.furniture])
    for code, message in src.notes:
        doc.diagnostics.append(M.Diagnostic.model_construct(code=code, severity="warning", message=message, span=None))
    return doc


def parse(text: str, *, source: str | None = None, markdown: bool = True, extract: bool = True) -> M.Document:
    """Parse the text of one document into a :class:`~vbhc.models.Document`. Never raises on text.
    ``markdown=False`` reads ``*``, ``#`` and ``|`` inside lines as the document's own characters
    (text from a DOCX, PDF or HTML reader), not as web-page markup. ``extract=False`` builds
    the tree only (no references, assignments or deadlines), for callers that need no more."""
    # A parse allocates many small objects and frees them at the end; the cyclic collector,
    # triggered by allocation counts, would scan them again and again (a third of the time on
    # large documents, and superlinear). It is paused for the parse and resumes after it.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _parse(text, source, markdown, extract)
    finally:
        if paused:
            gc.enable()


def _parse(text: str, source: str | None, markdown: bool, extract: bool) -> M.Document:
    g = grammar()
    norm = normalize(text)
    lines = tokenize(norm.text, g, markdown)
    ctx = _Ctx(g, norm, lines)
    if not lines:
        return M.Document(source=source, family="other", diagnostics=[
            M.Diagnostic(code="input.empty", severity="error", message="the document has no text")])

    top = 0
    while top < len(lines) and g.leading_junk.match(lines[top].text):
        top += 1
    end = _trailing_cut(lines, top, g)
    if top:
        ctx.diags.append(Diag("page.leading", "info", f"{top} line(s) of site metadata above the document skipped",
                              (lines[0].start, lines[top - 1].end)))
    if end < len(lines):
        ctx.diags.append(Diag("page.trailing", "info", f"{len(lines) - end} line(s) of page furniture after the "
                              "document skipped", (lines[end].start, lines[-1].end)))

    work = lines[top:end]
    header = parse_header(work, g)
    doc = M.Document(source=source, family="other")
    if not header.standard:
        doc.body = [_node(ctx, n) for n in build_tree(_blocks(ctx, work, 0, len(work)), g)]
        if extract:
            _references(ctx, doc, work)
            _tasks(doc, ctx, work)
        _finish(ctx, doc)
        return doc

    _apply_header(ctx, doc, header)
    lo = header.end
    lo = _addressees(ctx, doc, work, lo)
    cs = first_closing(work, lo, len(work), g)

    blocks = _blocks(ctx, work, lo, cs)
    pre, rest = _split_preamble(blocks, g, doc.authority is None)
    for kind, block in pre:
        if kind == "authority":
            doc.authority = block.text
            continue
        doc.preamble.append(_node(ctx, RawNode(kind, block.start, block.end, text=block.text)))
    doc.body = [_node(ctx, n) for n in build_tree(rest, g)]

    is_start: set[int] = set()  # computed once
    titled = -1  # the last start while only its title lines follow it
    for k in range(cs, len(work)):
        if titled >= 0 and (not _title_line(work[k]) or _issued_with(work, k, g) or k - titled > 6):
            titled = -1
        if titled >= 0 and _appendix_line(work, k, g)[0] is None:
            continue  # the title of the attachment above, wrapped or after an empty line: "QUY" / "CHẾ" / "XÉT TẶNG …"
        if _attachment_start(work, k, g, first=not is_start):
            is_start.add(_form_header_above(work, k, cs, g))
            titled = k

    def stop(i: int) -> bool:
        return i in is_start or bool(g.closing["footnote"].match(work[i].text))

    closing = parse_closing(work, cs, len(work), g, stop, ctx.norm) if cs < len(work) else Closing()
    _apply_closing(ctx, doc, closing)
    _after_closing(ctx, doc, work, closing.end if cs < len(work) else len(work), stop, is_start)
    _checks(ctx, doc, header, closing)
    if extract:
        _references(ctx, doc, work)
        _tasks(doc, ctx, work)
    _finish(ctx, doc)
    return doc


def _deadline(raw: RawDeadline | None, path: list[str], span: M.Span | None) -> M.Deadline | None:
    if raw is None:
        return None
    return M.Deadline(kind=raw.kind, raw=raw.raw, start=raw.first, end=raw.last,  # type: ignore[arg-type]
                      path=path, span=span)


def _last_printing(ctx: _Ctx, raw: str, within: M.Span) -> M.Span | None:
    """The span of the last printing of ``raw`` inside ``within`` (source offsets), None when
    it is not printed there (text a reader rebuilt, or read elsewhere)."""
    m = ctx.norm.map
    last = None
    for last in printed(raw).finditer(ctx.norm.text, m.to_norm(within.start), m.to_norm(within.end)):
        pass
    return ctx.span(*last) if last is not None else None


def _printings(ctx: _Ctx, within: M.Span, text: str, found: list[RawDeadline]) -> list[M.Span | None]:
    """Where in the source each of ``found`` (read in ``text``, a node's text, in order) is
    printed inside ``within``: the node's text prints the same words in the same order as the
    source, so a deadline is the printing of its words there with as many printings of them
    before it (refused ones too: "kinh phí chi thường xuyên; … báo cáo thường xuyên"). One pass
    over each text per distinct deadline, however many deadlines a node holds."""
    lo, hi = ctx.norm.map.to_norm(within.start), ctx.norm.map.to_norm(within.end)
    seen: dict[str, list] = {}  # raw -> [printings in text, count before, next, printings in source, taken]
    out: list[M.Span | None] = []
    for raw in found:
        st = seen.get(raw.raw)
        if st is None:
            pat = printed(raw.raw)
            st = seen[raw.raw] = [pat.finditer(text), 0, None, pat.finditer(ctx.norm.text, lo, hi), []]
        while True:  # the printings in the node's text before this one
            if st[2] is None:
                st[2] = next(st[0], False)
            if not st[2] or st[2][0] >= raw.start:
                break
            st[1] += 1
            st[2] = None
        while len(st[4]) <= st[1] and (at := next(st[3], None)) is not None:
            st[4].append(at)
        out.append(ctx.span(*st[4][st[1]]) if st[1] < len(st[4]) else None)
    return out


def _assignment(row: RawAssignment, span: M.Span, ctx: _Ctx, dated: dict[str, list[M.Span]]) -> M.Assignment:
    deadline = None
    if row.deadline is not None:
        # the deadline's own words: their last printing in the row (a row's deadline is most often
        # the last one in its clause, deadlines.pick; a table's deadline column comes after its
        # task), else the nearest printing of them read in a node (a note under the items it
        # dates, the heading above them)
        where = _last_printing(ctx, row.deadline.raw, span)
        if where is None:
            where = min(dated.get(row.deadline.raw, ()), key=lambda s: abs(s.start - span.start), default=span)
        deadline = _deadline(row.deadline, row.path, where)
    return M.Assignment(lead=row.lead, partners=row.partners, lead_keys=[agency_key(n) for n in row.lead],
                        partner_keys=[agency_key(n) for n in row.partners], task=row.task,
                        deadline=deadline, path=row.path, phrase=row.phrase, reported=row.reported, span=span)


def _tasks(doc: M.Document, ctx: _Ctx, work: list[Line]) -> None:
    """Assignments and deadlines from the body, the attachments and task tables."""
    # a short công văn can be all "Theo đề nghị …" opening: then that is where its tasks are
    main = doc.body or doc.preamble
    code = doc.doc_type.code if doc.doc_type is not None else None
    rows: list[tuple[RawAssignment, M.Span]] = []
    table_rows = [(row, ctx.span(row.start, row.end)) for row in extract_table_rows(work)]
    table_starts = sorted(span.start for _, span in table_rows)
    for nodes in (main, *(att.body for att in doc.attachments)):
        walked = walk_texts(nodes)
        prose = _untabled(walked, table_starts) if table_starts else walked
        for row in extract_assignments(nodes, prose, code, doc.family):  # node spans are already source offsets
            rows.append((row, M.Span(start=row.start, end=row.end)))
        for node, _, path, text, low in walked:
            if (found := find_deadlines(text, low)):
                for raw, where in zip(found, _printings(ctx, node.span, text, found)):
                    doc.deadlines.append(_deadline(raw, path, where or node.span))  # type: ignore[arg-type]
    dated: dict[str, list[M.Span]] = {}
    for d in doc.deadlines:
        if d.span is not None:
            dated.setdefault(d.raw, []).append(d.span)
    found = sorted((d.span.start, d.span.end) for d in doc.deadlines if d.span is not None)
    starts = [a for a, _ in found]
    ends = list(accumulate((b for _, b in found), max))  # the furthest end up to each start
    for row, span in table_rows:
        doc.assignments.append(_assignment(row, span, ctx, dated))
        d = doc.assignments[-1].deadline
        if d is not None and d.span is not None:
            # a deadline column's cell ("31/12/2025", "2025", "Theo kế hoạch") is a deadline of
            # the document too, with the row's path, unless a node's text gave it already
            k = bisect_left(starts, d.span.end) - 1
            if k < 0 or ends[k] <= d.span.start:
                doc.deadlines.append(d)
    for row, span in rows:
        doc.assignments.append(_assignment(row, span, ctx, dated))
    if table_rows:
        doc.deadlines.sort(key=lambda d: d.span.start if d.span is not None else 0)


def _untabled(walked: list[tuple], starts: list[int]) -> list[tuple]:
    """``walked`` without the cells of a table that gave task rows (a row starting at one of
    ``starts``, sorted): its cells were read as the table's rows, and read again as prose they
    give rows cut inside a cell ("Bộ X (chủ trì phần chính sách)" → 'Bộ X (' / 'phần chính
    sách)'), with paths inside the cell. A table that gave no task rows is read as prose."""
    tabled: set[int] = set()
    out = []
    for entry in walked:
        node, ancestors = entry[0], entry[1]
        if node.kind == "table":
            k = bisect_left(starts, node.span.start)
            if k < len(starts) and starts[k] < node.span.end:
                tabled.add(id(node))
                continue
        if tabled and any(id(a) in tabled for a in ancestors):
            continue
        out.append(entry)
    return out


def _references(ctx: _Ctx, doc: M.Document, work: list[Line]) -> None:
    refs, named, jt = extract_references(work, doc.number.raw if doc.number else None)
    g = ctx.g
    for r in refs:
        dt = None
        if r.type_name:
            known = g.type_by_upper_name.get(r.type_name.upper())
            dt = M.DocType(name=r.type_name, code=(known.code or None) if known else r.parts.get("type_code"))
        elif r.parts.get("type_code"):
            by_code = g.types_by_code(r.parts["type_code"])
            dt = M.DocType(code=r.parts["type_code"], name=by_code[0].name if by_code else None)
        doc.references.append(M.Reference(
            number=r.number, raw=" ".join(r.raw.split()), kind=r.kind, doc_type=dt, date=r.date, issuer=r.issuer,
            relation=r.relation, alias=r.alias, name=r.name, span=ctx.span(*jt.exact_span(r.start, r.end, ctx.norm.text)),
            **r.parts))
    for n in named:
        known = g.type_by_upper_name.get(n.type_name.upper())
        doc.named_references.append(M.NamedReference(
            doc_type=M.DocType(name=n.type_name, code=(known.code or None) if known else None), name=n.name,
            date=n.date, relation=n.relation, alias=n.alias, span=ctx.span(*jt.exact_span(n.start, n.end, ctx.norm.text))))
    _basis_relations(doc)
    rg = ref_grammar()
    if any(p.search(jt.text) for _, p in (*rg.list_relations, *rg.list_relations_inside)):  # one look first
        _listed_relations(doc, ctx)


LISTED_GAP = 90  # at most this far after the one before it, a citation is listed with it (its date and issuer between)


_FIRST_CLAUSE_END = regex.compile(r"[:;.]")


def _listing(rg, head: str) -> str | None:
    """The relation a heading gives the documents listed under it: said at its start ("Bãi bỏ
    …", references.toml ``list_relations``) or in its first clause ("Các Quyết định sau đây hết
    hiệu lực …:", ``list_relations_inside``); None when it gives none."""
    for name, p in rg.list_relations:
        if p.match(head):
            return name
    for name, p in rg.list_relations_inside:
        if (m := p.search(head)) is not None and _FIRST_CLAUSE_END.search(head, 0, m.start()) is None:
            return name
    return None


def _listed_relations(doc: M.Document, ctx: _Ctx) -> None:
    """"Điều 1. Bãi bỏ toàn bộ các nghị định" / "1. Nghị định số 35/2005/NĐ-CP …": the document
    each item under a heading that repeals documents opens with is repealed (and the first one
    the heading's own sentence cites); the documents an item's title mentions keep their own
    relation ("… sửa đổi, bổ sung một số điều của Nghị định số 105/2006/NĐ-CP": a relation word
    between two citations says the second is no item of the list)."""
    rg = ref_grammar()
    spans: list[tuple[int, int, str]] = []  # where the first citation takes the relation
    for nodes in (doc.body, *(att.body for att in doc.attachments)):
        for node, _, _ in walk_paths(nodes):
            clause = node.text or node.title  # a short clause over its items is printed as a title
            head = node.title if node.kind == "article" else (
                clause if node.children and clause and clause.rstrip().endswith(":") else None)
            if not head or not rg.documents_named.search(head):
                continue
            if (name := _listing(rg, head.lstrip())) is None:
                continue
            first = node.children[0].span.start if node.children else node.span.end
            spans.append((node.span.start, first, name))  # the heading's own sentence
            for c in node.children:  # the items; a table's rows are items too
                items = c.children if c.kind == "table" else (c,)  # a header row cites nothing
                spans.extend((item.span.start, item.span.end, name) for item in items)
    if not spans:
        return
    to_norm = ctx.norm.map.to_norm
    cited = sorted((r for r in (*doc.references, *doc.named_references) if r.span is not None),
                   key=lambda r: r.span.start)
    starts = [r.span.start for r in cited]
    for a, b, name in spans:
        # the item's first citation, and those listed with it that say no relation of their own
        # ("Quyết định số 10/2016/QĐ-UBND … và Quyết định số 14/2022/QĐ-UBND …"; not "… sửa
        # đổi, bổ sung Quyết định số 05/2010/QĐ-UBND")
        i = bisect_left(starts, a)
        first = True
        while i < len(cited) and cited[i].span.start < b and (first or (
                cited[i].relation is None and cited[i].span.start - cited[i - 1].span.end <= LISTED_GAP
                and _listed_with(rg, ctx.norm.text[to_norm(cited[i - 1].span.end):to_norm(cited[i].span.start)]))):
            cited[i].relation = name
            first = False
            i += 1


def _listed_with(rg, gap: str) -> bool:
    """Whether the text between two citations lists the second with the first: no relation word,
    and a list's comma, ";" or "và" right before its type ("… của UBND tỉnh và Quyết định số …";
    not "… quy định chi tiết Nghị định số …", which the first one's title cites)."""
    if rg.relation.search(gap):
        return False
    head = before_type(rg, gap)
    return rg.relation_carried.search(rg.relation_number_word.sub("", gap) if head is None else head) is not None


def _basis_relations(doc: M.Document) -> None:
    """Every document cited in a "Căn cứ …" line of the preamble is a ground of this one,
    whatever the line says of it: in "Căn cứ Luật … số 64/2025/QH15 được sửa đổi, bổ sung bởi
    Luật số 87/2025/QH15" neither law is amended by the citing document."""
    rg = ref_grammar()
    spans = []
    listing = False  # inside a "Căn cứ …" list: a line with no opener of its own goes on it
    for n in doc.preamble:
        text = n.text or ""
        if n.kind != "basis" or rg.basis_other.match(text):
            listing = False
        elif rg.basis_line.match(text):
            listing = True
        if listing and n.kind == "basis":
            spans.append((n.span.start, n.span.end))
    if not spans:
        return
    starts = [a for a, _ in spans]
    for r in (*doc.references, *doc.named_references):
        if r.span is not None and (i := bisect_right(starts, r.span.start) - 1) >= 0 and r.span.start < spans[i][1]:
            r.relation = "căn cứ"


def _blocks(ctx: _Ctx, work: Sequence[Line], lo: int, hi: int) -> list[Block]:
    return list(reflow(work[lo:hi], ctx.g, ctx.width, ctx.gapped, ctx.marker_wraps, ctx.first_wraps))


_VIETNAMESE = regex.compile(r"[^\x00-\x7f–—…“”‘’]")


def _translation_at(lines: list[Line], i: int, g: Grammar) -> bool:
    """The site's English translation starts at line i: its header, and no Vietnamese letter in
    the lines that follow it."""
    if not g.translation.match(lines[i].text):
        return False
    after = [ln.text for ln in lines[i + 1:i + 7] if ln.text]
    return len(after) >= 2 and not any(_VIETNAMESE.search(t) for t in after)


def _trailing_cut(lines: list[Line], top: int, g: Grammar) -> int:
    for i in range(top + 3, len(lines)):
        if g.trailing_junk.match(lines[i].text) or (lines[i].caps and _translation_at(lines, i, g)):
            while i > top + 3 and g.site_summary.match(lines[i - 1].text):
                i -= 1
            return i
    return len(lines)


def _issuer_span(ctx: _Ctx, h: Header) -> M.Span | None:
    """The issuer's lines as printed: from its first word to its last, over the markup of a web
    page ("**CHÍNH PHỦ**", "**ỦY BAN NHÂN\nDÂN**"), which the offsets of the cleaned lines miss."""
    if h.issuer_span is None:
        return None
    lo, hi = h.issuer_span
    if h.issuer_ends is not None:
        (first, a, b), (last, c, d) = h.issuer_ends
        text = ctx.norm.text
        start = next(iter(printed(first).finditer(text, a, b)), None)
        end = None
        for end in printed(last).finditer(text, c, d):
            pass
        # markup inside a word ("C**ỤC THUẾ**"): the line without the markup around it
        lo = start[0] if start is not None else a + len(text[a:b]) - len(text[a:b].lstrip(_MARKUP))
        hi = end[1] if end is not None else c + len(text[c:d].rstrip(_MARKUP))
        if lo >= hi:
            lo, hi = h.issuer_span
    return ctx.span(lo, hi)


_MARKUP = " \t*_#|"


def _apply_header(ctx: _Ctx, doc: M.Document, h: Header) -> None:
    doc.family = h.family  # type: ignore[assignment]
    doc.issuer = M.Issuer(name=h.issuer, parent=h.parent, span=_issuer_span(ctx, h))
    doc.national_header = h.national
    doc.motto = h.motto
    if h.number is not None:
        num = dict(h.number)
        span = num.pop("span", None)
        if h.number_at is not None:
            printed_at = next(iter(printed(h.number_at[0]).finditer(ctx.norm.text, *h.number_at[1:])), None)
            span = printed_at or span
        doc.number = M.Number(**num, span=ctx.span(*span) if span else None)
    if h.doc_type is not None:
        doc.doc_type = M.DocType(code=doc_type_code(h), name=h.doc_type.name,
                                 span=ctx.span(*h.type_span) if h.type_span else None)
    doc.place = h.place
    doc.date = h.date
    doc.date_raw = h.date_raw
    doc.title = h.title
    doc.urgency = h.urgency
    doc.secrecy = h.secrecy
    doc.circulation = h.circulation
    doc.authority = h.authority
    ctx.diags.extend(h.diagnostics)


_ITEM_HEAD = regex.compile(r"[:;,.(]")  # an addressee's name ends at its first stop


_NUMBER_OR_DATE = regex.compile(r"\d\s*[/.-]\s*\d|\d\s*/\s*\p{Lu}")  # "số 12/CV", "ngày 1/1/2025": a sentence, no name
ADDRESSEE_MAX = 150  # the longest line read as one more addressee under "Kính gửi:"


def _addressee(text: str, g: Grammar) -> bool:
    """Whether a line names whom a letter is sent to: an agency, a person or a company
    (markers.toml ``addressee``), not a sentence of the preamble nor one that opens the body
    ("Công ty TNHH ABC có văn bản số 12/CV … đề nghị …": a verb or a number)."""
    head = _ITEM_HEAD.split(text, 1)[0]
    return preamble_kind(text, g) is None and _NUMBER_OR_DATE.search(head) is None and task_verb_at(head) is None \
        and (is_agency(head) or g.header["addressee"].match(text) is not None)


def _addressees(ctx: _Ctx, doc: M.Document, work: list[Line], lo: int) -> int:
    """'Kính gửi:' (or a công điện's '… điện:') with one addressee or a '-' list."""
    g = ctx.g
    for i in range(lo, min(len(work), lo + 3)):
        ln = work[i]
        m, used = addressee_line(work, i, g)
        if m is None:
            continue
        items: list[tuple[str, int, int]] = []
        rest = m.group("rest").strip()
        j = i + used
        ln = work[j - 1]
        if not rest and j < len(work) and work[j].marker is None and work[j].text[:1] not in "-–" \
                and _addressee(work[j].text, g):
            # "Kính gửi:" / "Công ty TNHH Sunny Automotive Vina.": one addressee on the next line
            ln = work[j]
            rest = ln.text
            j += 1
        if rest and not rest.startswith("-") and ";" in rest.rstrip(" ;.") and "(" not in rest and all(
                _addressee(part.strip(), g) for part in rest.rstrip(" ;.").split(";")):
            # "Kính gửi: Sở Tài chính; Sở Nội vụ.": one addressee after another on the line
            pos = 0
            for part in rest.split(";"):
                if part.strip(" ."):
                    k = ln.text.find(part.strip(), pos)
                    start = ln.start + max(k, 0)
                    items.append((part.strip(" ."), start, start + len(part.strip())))
                    pos = max(k, 0) + len(part.strip())
            rest = ""
        if rest and not rest.startswith("-"):
            end = ln.end
            # a single addressee wrapped: "Công ty Cổ phần Chế biến" / "Nông sản Phước Hưng",
            # "Thuế" / "tỉnh Hà Tĩnh.", "Các" / "Thuế tỉnh, thành phố.", "… trực thuộc trung" / "ương"
            while j < len(work) and not rest.rstrip().endswith((";", ".", ")")) and not work[j].cell_break \
                    and work[j].marker is None and len(work[j].text.split()) <= 12 \
                    and ((all(w[:1].isupper() for w in work[j].text.split())
                          and (len(work[j].text.split()) <= 6 or work[j].text.rstrip().endswith((".", ";"))))
                         or starts_lower(work[j].text) or last_word(rest) in g.dangling
                         or (j + 1 < len(work) and work[j + 1].text.startswith("("))):
                rest = f"{rest} {work[j].text}"
                end = work[j].end
                j += 1
            items.append((rest, ln.start, end))
            # more addressees aligned under the first without dashes: "Kính gửi: Các sở, ban,
            # ngành tỉnh;" / "Ủy ban nhân dân các xã, phường."
            while rest.rstrip().endswith(";") and j < len(work) and not work[j].cell_break \
                    and work[j].marker is None and len(work[j].text) <= ADDRESSEE_MAX \
                    and _addressee(work[j].text, g):
                rest = work[j].text
                items.append((rest, work[j].start, work[j].end))
                j += 1
        elif not items:
            if rest:
                items.append((rest.lstrip("-– "), ln.start, ln.end))
            while j < len(work):
                nxt = work[j]
                if nxt.text[:1] in "-–" and nxt.marker is not None and nxt.marker.name == "dash":
                    items.append((nxt.rest, nxt.start, nxt.end))
                elif items and not items[-1][0].rstrip().endswith((";", ".")) and not nxt.marker \
                        and (starts_lower(nxt.text) or items[-1][0].rstrip().endswith((",", ":"))
                             or last_word(items[-1][0]) in g.dangling
                             or (nxt.text.rstrip().endswith(",") and is_agency(nxt.text.split(":")[0].split(",")[0]))
                             or (len(nxt.text) <= 60 and nxt.text.rstrip().endswith((";", ".")))):
                    # an item wrapped over lines: "- Bộ trưởng" / "các Bộ:" / "Quốc phòng, Công an,"
                    # / "Nông nghiệp và Môi trường, Y tế."
                    t, s, _ = items[-1]
                    items[-1] = (f"{t} {nxt.text}", s, nxt.end)
                else:
                    break
                j += 1
        for text, s, e in items:
            name = item_name(text)
            if name:
                doc.addressees.append(name)
                doc.recipients.append(M.Recipient(name=name, source="kinh_gui", span=ctx.span(s, e)))
        return j
    return lo


PREAMBLE_AHEAD = 8  # blocks looked at for the operative line ("QUYẾT ĐỊNH:") that ends the preamble


def _operative_ahead(blocks: list[Block], i: int, g: Grammar) -> bool:
    """Whether the operative line comes a little further on, before any heading: every line
    before it is the preamble's ("Thực hiện Quyết định số …;" / "Theo đề nghị …" / "QUYẾT ĐỊNH:",
    or the enacting sentence "Hội đồng nhân dân ban hành Nghị quyết …"; not "KẾT LUẬN:", which
    may open a section)."""
    for k in range(i, min(len(blocks), i + PREAMBLE_AHEAD)):
        block = blocks[k]
        if block.marker is not None and block.marker.name != "dash":
            return False  # a heading: the body has begun
        if g.preamble["decision"].match(block.text) or g.preamble["enacting"].match(block.text):
            return True
    return False


def _ends_as_basis(blocks: list[Block], i: int) -> bool:
    """Whether block i ends as a căn cứ does, with ";", itself or in the line that wraps it."""
    text = blocks[i].text.rstrip()
    if text.endswith(";"):
        return True
    return i + 1 < len(blocks) and blocks[i + 1].marker is None and not ends_terminal(text) \
        and blocks[i + 1].text.rstrip().endswith(";")


def _split_preamble(blocks: list[Block], g: Grammar, want_authority: bool) -> tuple[list[tuple[str, Block]], list[Block]]:
    pre: list[tuple[str, Block]] = []
    i = 0
    n = len(blocks)
    if want_authority and n > 1 and blocks[0].marker is None and blocks[0].lines[0].caps \
            and blocks[0].text.startswith(g.authority_openings) and preamble_kind(blocks[1].text, g) is not None:
        pre.append(("authority", blocks[0]))
        i = 1
    last_kind = None
    names = tuple(t.name for t in g.doc_types)
    while i < n:
        block = blocks[i]
        kind = preamble_kind(block.text, g) if block.marker is None or block.marker.name == "dash" else None
        if kind is None and pre and block.marker is None and g.preamble["enacting"].match(block.text):
            kind = "operative"  # "Ủy ban nhân dân tỉnh ban hành Quyết định …" stands for "QUYẾT ĐỊNH:"
        if kind is None and last_kind in ("basis", "proposal") and block.marker is None and pre:
            prev = pre[-1][1]
            prev_text = prev.text.rstrip()
            if not prev.lines[0].caps and not prev_text.endswith((";", ".", ",", ":")) \
                    and not block.text.rstrip().endswith(":"):
                for line in block.lines:  # the wrapped tail of the line above: one node with it
                    prev.add(line)
                i += 1
                continue
            listed = not prev.lines[0].caps and prev_text.endswith(";") and not block.text.rstrip().endswith(":") \
                and (starts_lower(block.text) or block.text.startswith(names)
                     or (g.preamble["goes_on"].match(block.text) is not None and _ends_as_basis(blocks, i)))
            if listed or _operative_ahead(blocks, i, g):
                # before the operative line; or a second instrument cited in the same căn cứ
                # ("Nghị định số 92/2017/NĐ-CP …"), "Trên cơ sở … ;"; not the sentence that opens
                # the body ("Ủy ban nhân dân tỉnh ban hành Kế hoạch …", "Thực hiện chỉ đạo …, Sở
                # Nội vụ đề nghị …", "Cục Hải quan thông báo kết quả … như sau:")
                kind = last_kind
        if kind is None:
            break
        pre.append((kind, block))
        last_kind = kind
        i += 1
        if kind == "operative":
            break
    if pre and all(k == "consideration" for k, _ in pre):
        return [], blocks  # "Xét …" alone is running text, not a preamble
    return pre, blocks[i:]


def _signatures(ctx: _Ctx, cl: Closing) -> list[M.Signature]:
    return [M.Signature(mode=_mode(s.mode), prefixes=s.prefixes, authority=s.authority, honorific=s.honorific,
                        position=s.position, name=s.name, placeholder=s.placeholder, span=ctx.span(s.start, s.end))
            for s in cl.signatures]


def _recipients(ctx: _Ctx, cl: Closing) -> list[M.Recipient]:
    return [M.Recipient(name=name, group=r.group, sub_items=r.sub_items, span=ctx.span(r.start, r.end))
            for r in cl.recipients if (name := item_name(r.name))]


def _apply_closing(ctx: _Ctx, doc: M.Document, cl: Closing) -> None:
    doc.signatures.extend(_signatures(ctx, cl))
    doc.recipients.extend(_recipients(ctx, cl))
    if cl.archive is not None:
        raw, s, e = cl.archive
        doc.archive = M.Archive(raw=raw, span=ctx.span(s, e), **parse_archive(raw))


def _mode(mode: str | None) -> str | None:
    if mode is None:
        return None
    return mode.rstrip(".")


def _issued_with(work: list[Line], k: int, g: Grammar) -> bool:
    """Line k opens "(Ban hành kèm theo …)", maybe wrapped in its first words ("(Ban" / "hành kèm
    theo Quyết định số …)", "(Ban hành kèm" / "theo …")."""
    return match_wrapped(g.attachment["issued_with"], work, k, 20)[0] is not None


def _form_header_above(work: list[Line], k: int, lo: int, g: Grammar) -> int:
    """Where an attachment starting at line k really starts: an attachment printed with its own
    header (the issuer's lines, the quốc hiệu and tiêu ngữ above "QUY ĐỊNH") starts at that
    header, which is no signature of the document above it."""
    j = k - 1
    while j >= lo and g.header["rule"].match(work[j].text):
        j -= 1
    if j < lo or not g.header["tieu_ngu"].search(work[j].text):
        return k
    j -= 1
    if j < lo or not g.header["quoc_hieu"].search(work[j].text):
        return k
    top = j
    j -= 1
    while j >= lo and g.header["rule"].match(work[j].text):
        j -= 1
    # the issuer's lines: upper case, at most three, the first opening like an agency ("ỦY BAN
    # NHÂN DÂN" / "TỈNH THÁI NGUYÊN"); the signer's name in capitals above them is not one
    issuer = top
    for _ in range(3):
        if j < lo or not work[j].caps or g.closing["authority"].match(work[j].text):
            break
        if work[j].text.startswith(g.org_heads):
            issuer = j
        j -= 1
    return issuer


def _appendix_line(work: list[Line], k: int, g: Grammar) -> tuple[regex.Match[str] | None, int]:
    """"PHỤ LỤC …" at line k, also wrapped inside the words ("**PHỤ" / "LỤC**"), and the lines it takes."""
    return match_wrapped(g.attachment["appendix"], work, k, 6, across_cells=False)


def _after_bare_label(work: list[Line], i: int, g: Grammar) -> bool:
    """Whether line i comes right after an appendix label with no title of its own ("PHỤ LỤC
    01", also wrapped: "**PHỤ" / "LỤC II**")."""
    for k in range(max(0, i - 3), i):
        am, used = _appendix_line(work, k, g)
        if am is not None and k + used == i and not (am.group("rest") or "").strip():
            return True
    return False


def _attachment_start(work: list[Line], i: int, g: Grammar, first: bool = False) -> bool:
    """Whether an attachment starts at line i; ``first``: none starts above it (a type line
    with a title may then start one without a "(Kèm theo …)" line; further down it is a form's)."""
    ln = work[i]
    text = ln.text
    am, used = _appendix_line(work, i, g)
    if am is not None and (ln.caps or text[:6].isupper() or len(text) < 40) and (
            not am.group("form") or _titled_form(work, i + used, g, am.group("rest"))):
        return True
    if ln.caps and _after_bare_label(work, i, g):
        return False  # "PHỤ LỤC 01" / "QUY ĐỊNH MỘT SỐ CHẾ ĐỘ …": the label's title, not a document of its own
    tm = g.type_line.match(text) if ln.caps and not text.endswith(":") else None
    if tm is not None:
        # "KẾ HOẠCH" / "XUẤT KHẨU SẢN PHẨM …": a type on its own line with an upper-case title
        # below it is a document issued with this one, "(Kèm theo …)" printed or not
        return any(_issued_with(work, k, g) for k in range(i + 1, min(len(work), i + 7))) or (
            first and not tm.group("rest") and i + 1 < len(work) and work[i + 1].caps and len(work[i + 1].text) > 12
            and g.closing["authority"].match(work[i + 1].text) is None)
    if ln.caps and len(text) < 120 and (i == 0 or ln.cell_break or not _title_line(work[i - 1])) \
            and not (i > 0 and (g.attachment["appendix"].match(work[i - 1].text)
                                or (work[i - 1].caps and g.type_line.match(work[i - 1].text)))):
        # an upper-case title whose following title lines lead to "(Kèm theo …)"; not across
        # another attachment's label: "V. ĐỀ XUẤT BIỆN PHÁP …" / "PHỤ LỤC II" / … "(Ban hành kèm
        # theo …)" is the last heading of a form, then the next appendix
        for k in range(i + 1, min(len(work), i + 7)):
            if _issued_with(work, k, g):
                return True
            if not _title_line(work[k]) or _appendix_line(work, k, g)[0] is not None:
                return False
    return False


def _titled_form(work: list[Line], k: int, g: Grammar, rest: str | None) -> bool:
    """Whether a numbered template's label at the line before ``k`` ("Mẫu biểu số 01") starts an
    attachment: nothing but its title (upper-case lines) between it and its "(Kèm theo …)"
    line; in a list of forms ("Mẫu biểu số 01: Báo cáo tiến độ") it is an item."""
    if rest and not rest.isupper():
        return False
    for j in range(k, min(len(work), k + 7)):
        if _issued_with(work, j, g):
            return True
        if not _title_line(work[j]) or _appendix_line(work, j, g)[0] is not None:
            return False
    return False


def _titles_to_issued(work: list[Line], k: int, hi: int, g: Grammar) -> bool:
    """Whether only upper-case title lines lead from line ``k`` to a "(Kèm theo …)" line."""
    for j in range(k, min(hi, k + 7)):
        if _issued_with(work, j, g):
            return True
        if not _title_line(work[j]) or _appendix_line(work, j, g)[0] is not None:
            return False
    return False


_LOWER_LETTER = regex.compile(r"\p{Ll}")
_LETTER = regex.compile(r"\p{L}")


def _title_line(ln: Line) -> bool:
    """Whether a line can go on an upper-case title: in capitals, nearly ("5G, IoT TRONG CÁC KHU
    CÔNG NGHỆ CAO …": one lower-case letter in an acronym), or with no letter at all ("2028", "2030")."""
    if ln.caps:
        return True
    letters = len(_LETTER.findall(ln.text))
    if not letters:
        return len(ln.text) <= 20
    return letters >= 12 and len(_LOWER_LETTER.findall(ln.text)) * 10 <= letters


def _after_closing(ctx: _Ctx, doc: M.Document, work: list[Line], lo: int, stop, is_start: set[int]) -> None:
    g = ctx.g
    i = lo
    n = len(work)
    starts = sorted(k for k in is_start if k >= lo)
    # footnotes after the last attachment belong to the document, not to that attachment
    tail = next((k for k in range(starts[-1] + 1 if starts else lo, n) if g.closing["footnote"].match(work[k].text)), n)
    # a draft (its own number blank) is issued with its own blank number: "Kèm theo Quyết định số …"
    own = fold(doc.doc_type.name) if doc.doc_type and (doc.number is None or doc.number.number is None) else None
    names = tuple(fold(x) for x in (doc.doc_type.name if doc.doc_type else "",
                                    doc.number.raw if doc.number and doc.number.number else "") if x)
    heads = set(starts) - _inner_starts(work, starts, n, g, own, names)
    while i < n:
        if i in heads:
            j = i + 1
            while j < n and j != tail and j not in heads:
                j += 1
            doc.attachments.append(_attachment(ctx, work, i, j))
            i = j
            continue
        if not doc.signatures and starts_closing(work, i, g):
            cl = parse_closing(work, i, n, g, stop, ctx.norm)
            _apply_closing(ctx, doc, cl)
            i = max(cl.end, i + 1)
            continue
        j = i + 1
        while j < n and not stop(j) and not g.closing["footnote"].match(work[j].text) \
                and not (not doc.signatures and starts_closing(work, j, g)):
            j += 1
        blocks = _blocks(ctx, work, i, j)
        k = 0
        while k < len(blocks):
            block = blocks[k]
            fm = g.closing["footnote"].match(block.text)
            node = RawNode("footnote" if fm else "note", block.start, block.end,
                           label=fm.group("num") if fm else None, text=fm.group("rest") if fm else block.text)
            k += 1
            if fm and not node.text and k < len(blocks) and not g.closing["footnote"].match(blocks[k].text):
                # "[1]" alone on its line: the note's text is the block below it
                node.text, node.end = blocks[k].text, blocks[k].end
                k += 1
            while fm and node.text and not ends_terminal(node.text) and k < len(blocks) \
                    and not g.closing["footnote"].match(blocks[k].text):
                # a footnote goes on until it ends a sentence: "[2] Bộ" / "Giáo dục và Đào tạo, Bộ Ngoại
                # giao, …", "[4] Từ" / "0h sáng đến 6h sáng."
                node.text, node.end = f"{node.text} {blocks[k].text}", blocks[k].end
                k += 1
            doc.notes.append(_node(ctx, node))
        i = j


def _template_issued(work: list[Line], k: int, hi: int, g: Grammar,
                     own: str | None) -> tuple[bool | None, str]:
    """Whether the attachment starting at line ``k`` (up to ``hi``) is "issued with" a template's
    blank number ("Kèm theo Hợp đồng số … ngày …"): True; with a real number, or a draft's own
    (``own``: its type's name, folded): False; no such line: None. With it the "(Kèm theo …)"
    line's text, folded ("" for none)."""
    at = g.attachment
    for j in range(k, min(hi, k + 12)):
        if _issued_with(work, j, g):
            line = work[j].text
            after = work[j + 1].text if j + 1 < hi else ""
            # the line goes on below only inside its open bracket: "(Kèm theo Giấy phép" / "nhập khẩu
            # số .../GP ngày …)"; else a number slot is taken only after the line's own "số"
            text = f"{line} {after}" if after and line.count("(") > line.count(")") else line
            m = at["template_number"].search(f"{line} {after}")
            if m is not None and m.start() < len(text):
                blank = True
            else:
                blank = at["issued_number"].search(text) is None and at["template_name"].search(text) is not None
            folded = fold(text)
            return blank and not (own and own in folded), folded
    return None, ""


def _inner_starts(work: list[Line], starts: list[int], n: int, g: Grammar, own: str | None,
                  names: tuple[str, ...] = ()) -> set[int]:
    """The attachment starts that lie inside the attachment above them: a form's own appendices
    and title pages, "issued with" a template's blank number ("PHỤ LỤC I" / "(Kèm theo Hợp đồng số
    … ngày …)"), and the labels after them that name no document of their own. The first
    attachment is always the document's; so is a label that goes on the document's own numbering
    ("PHỤ LỤC II" after the document's "PHỤ LỤC I" and a form's inner "PHỤ LỤC"), unless it goes
    on the form's numbering too ("PHỤ LỤC II" after the form's "PHỤ LỤC I") and has no "(Kèm theo
    …)" line naming this document (``names``: its type's name and its number, folded)."""
    inner: set[int] = set()
    last = _label_number(work, starts[0], g) if starts else None  # the document's last appendix number
    last_inner = None  # the last number of the inner appendices of the attachment above
    for m in range(1, len(starts)):
        t, issued = _template_issued(work, starts[m], starts[m + 1] if m + 1 < len(starts) else n, g, own)
        num = _label_number(work, starts[m], g)
        prev_inner = starts[m - 1] in inner
        if t or (prev_inner and t is None and (last is None or num != last + 1)) or (
                prev_inner and last_inner is not None and num == last_inner + 1
                and not (t is False and any(x in issued for x in names))):
            inner.add(starts[m])
            last_inner = num
        else:
            last, last_inner = num, None
    return inner


def _label_number(work: list[Line], k: int, g: Grammar) -> float | None:
    """The number of the appendix label at line ``k`` in its sequence ("PHỤ LỤC II": 2, "Phụ lục
    số 03": 3), None for none."""
    am, _ = _appendix_line(work, k, g)
    num = am.group("num") if am is not None else None
    return ordinal("roman", num.split()[-1]) if num else None


def _attachment(ctx: _Ctx, work: list[Line], lo: int, hi: int) -> M.Attachment:
    g = ctx.g
    start = lo
    # printed with its own header (issuer, quốc hiệu, tiêu ngữ): the title is below it
    for k in range(lo, min(hi, lo + 8)):
        if g.header["tieu_ngu"].search(work[k].text) and k + 1 < hi:
            lo = k + 1
            while lo < hi - 1 and g.header["rule"].match(work[lo].text):
                lo += 1
            break
        if not work[k].caps or g.attachment["appendix"].match(work[k].text):
            break  # "Phụ lục I" / "(Ban hành kèm theo …)" above a form's header: the title is here
    first = work[lo]
    am, used = _appendix_line(work, lo, g)
    tm = g.type_line.match(first.text) if first.caps else None
    kind = "appendix" if am else ("issued_with" if tm else "document")
    label = None
    if am:
        word = " ".join((am.group("word") or am.group("form")).split()).capitalize()  # "PHỤ LỤC" → "Phụ lục"
        num = am.group("num") or am.group("fnum")
        label = f"{word} {num}" if num else word
    dt = g.type_by_upper_name.get(tm.group("name")) if tm and not tm.group("rest") else None
    title_parts: list[str] = []
    if am and am.group("rest"):
        title_parts.append(am.group("rest"))
    elif not am and not dt:
        title_parts.append(first.text)
    i = lo + max(used, 1)
    issued: list[str] = []
    while i < hi and i < lo + 12:
        ln = work[i]
        if ln.cell_start:  # a table starts: the title is over
            break
        if _issued_with(work, i, g) or (issued and not issued[-1].rstrip().endswith(")")):
            issued.append(ln.text)
        elif ln.cell_break and (title_parts or issued) and not (
                ln.caps and not issued and len(ln.text) < 200 and not g.attachment["form_head"].match(ln.text)
                and (ctx.gapped or _titles_to_issued(work, i, hi, g))):
            # after an empty line the "(Kèm theo …)" line goes on, and an upper-case title line on
            # a page with an empty line between all its lines or when only title lines stand
            # between it and the "(Kèm theo …)" line ("DANH MỤC" / "01 QUY TRÌNH …" / "(Kèm theo
            # …)"); a form below a title (its issuer, quốc hiệu) starts its own
            break
        elif ln.caps and not issued and ln.marker is None:
            title_parts.append(ln.text)
        elif title_parts and not issued and ln.marker is None and _title_line(ln):
            title_parts.append(ln.text)  # "… GIAI ĐOẠN 2026 -" / "2030", "5G, IoT TRONG CÁC KHU …"
        elif not issued and not title_parts and ln.marker is None and len(ln.text) < 200:
            title_parts.append(ln.text)
        else:
            break
        i += 1
    cs = first_closing(work, i, hi, g)
    blocks = _blocks(ctx, work, i, cs)
    body = [_node(ctx, n) for n in build_tree(blocks, g)]
    sigs: list[M.Signature] = []
    recipients: list[M.Recipient] = []
    if cs < hi:
        cl = parse_closing(work, cs, hi, g, lambda k: False, ctx.norm)
        sigs, recipients = _signatures(ctx, cl), _recipients(ctx, cl)
        k = cl.end
        while k < hi:
            # nothing dropped: what follows the signature is body text, read like the text above
            # it (a form printed inside the attachment, "Đề nghị Bộ …" / "hóa, …" wrapped), and a
            # form's own closing further down is kept line by line
            cs = first_closing(work, k, hi, g)
            body.extend(_node(ctx, n) for n in build_tree(_blocks(ctx, work, k, cs), g))
            if cs >= hi:
                break
            k = max(parse_closing(work, cs, hi, g, lambda k: False, ctx.norm).end, cs + 1)
            body.extend(_node(ctx, RawNode("paragraph", ln.start, ln.end, text=ln.text)) for ln in work[cs:k])
    title = " ".join(" ".join(title_parts).split()) or None
    issued_text = " ".join(" ".join(issued).split()).strip("() ") or None
    return M.Attachment(kind=kind, label=label,
                        doc_type=M.DocType(code=dt.code or None, name=dt.name) if dt else None,
                        title=title, issued_with=issued_text, body=body, signatures=sigs, recipients=recipients,
                        span=ctx.span(work[start].start, work[hi - 1].end))


def _checks(ctx: _Ctx, doc: M.Document, h: Header, cl: Closing) -> None:
    whole = (ctx.lines[0].start, ctx.lines[-1].end)
    if doc.number is None:
        ctx.diags.append(Diag("header.number.missing", "warning", "no 'Số' line found in the header", whole))
    if doc.date is None and not any(d.code.startswith("header.date") for d in ctx.diags):
        ctx.diags.append(Diag("header.date.missing", "warning", "no issuing date line found in the header", whole))
    if doc.issuer.name is None:
        ctx.diags.append(Diag("header.issuer.missing", "warning", "no issuing body found in the header", whole))
    if not doc.signatures:
        ctx.diags.append(Diag("closing.signature.missing", "warning", "no signature block found", whole))
    if not cl.has_noi_nhan and not doc.addressees:
        ctx.diags.append(Diag("closing.recipients.missing", "info", "no 'Nơi nhận' block found", whole))


def _finish(ctx: _Ctx, doc: M.Document) -> None:
    for d in ctx.diags:
        doc.diagnostics.append(M.Diagnostic(code=d.code, severity=d.severity,  # type: ignore[arg-type]
                                            message=d.message, span=ctx.span(*d.span) if d.span else None))


def _node(ctx: _Ctx, raw: RawNode) -> M.Node:
    return M.Node.trusted(raw.kind, raw.label, raw.marker, raw.title, raw.text,
                          [_node(ctx, c) for c in raw.children], ctx.span(raw.start, raw.end))
