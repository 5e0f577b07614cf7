"""Body: blocks -> a nested tree of Phần/Chương/Mục/Điều/khoản/điểm and I./1./a)/-/+.

Nesting follows the markers' ranks from ``grammars/markers.toml``: an item closes every
open item of equal or lower level and becomes the child of the nearest higher one. A
block no marker opens is a paragraph under the innermost open item: nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .grammar import Grammar, grammar
from .lines import Block, Line, classify, ends_terminal

HEADING_MAX = 160
LONG_TITLE_MAX = 320  # a titled heading (Điều, Chương) with clauses below it
# Deepest nesting of headings: Phần, Chương, Mục, Tiểu mục, Điều, khoản, điểm and two list levels
# are nine; a run of markers that each restart a list ("1." / "-" / "1." / "-" …) would nest one
# level per line and exhaust the recursion of whatever walks the tree
MAX_DEPTH = 24
QUOTE_REACH = 300  # blocks a quotation may span ("Sửa đổi Điều 7 như sau:" / "“Điều 7. …" … "…”.")
QUOTE_NESTING = 3  # quotations inside quotations that are given their own subtree
GROUP_ROW_MARKERS = ("roman", "ordinal")  # headings a table's group row may open with ("I | KIỆN TOÀN …")
ARTICLE_RANK = 40  # the rank of "Điều": a heading of this rank or higher never stands inside a table cell
TABLE_COLUMNS = 40  # cells in a table's row: a longer run of cells is no table
TABLE_LOOKAHEAD = 60  # blocks looked at, from a cell, for the end of its row
DASH_RANK = 80  # the rank of "-" items: below it a marker numbers an item or a heading
FRAME_ROWS = 4  # a letterhead or a signature box has few rows
SIGNATURE_CELL = 60  # a signature box's cell is short ("Chủ dự án ký tên và đóng dấu")
# a last cell of several blocks longer than TRAILING_MIN and TRAILING_RATIO times the longest cell
# of its column, in a column whose cells are at most TRAILING_COLUMN long, is the text after the table
TRAILING_MIN = 60
TRAILING_RATIO = 4
TRAILING_COLUMN = 40


class RawNode:
    """A node under construction (cheap; the pydantic model is built once at the end)."""

    __slots__ = ("kind", "label", "marker", "title", "text", "children", "start", "end", "rank", "style", "num")

    def __init__(self, kind: str, start: int, end: int, *, label: str | None = None, marker: str | None = None,
                 title: str | None = None, text: str | None = None, rank: int = 1000, style: str = "",
                 num: str = "") -> None:
        self.kind = kind
        self.label = label
        self.marker = marker
        self.title = title
        self.text = text
        self.children: list[RawNode] = []
        self.start = start
        self.end = end
        self.rank = rank
        self.style = style  # the marker rule that opened the node ("arabic", "letter", "dash")
        self.num = num


def _printed_marker(block: Block) -> str:
    text = block.lines[0].text
    rest = block.lines[0].rest
    return text[: len(text) - len(rest)].strip() if rest else text.strip()


def heading_like(text: str, *, titled: bool, limit: int = HEADING_MAX) -> bool:
    t = text.rstrip()
    if not t:
        return False
    if t.isupper():
        return True
    if t.endswith(":"):
        return len(t) <= (limit if titled else 90)
    if ends_terminal(t) or len(t) > limit:
        return False
    return ". " not in t


def _quote_end(blocks: Sequence[Block], i: int) -> tuple[int, int]:
    """The block that closes a quotation opening block i ("“6. Khám phúc tra …" … "… trên.”."),
    or -1: the quotation marks must balance there, and that block must end with the closing one.
    Second, the last block looked at: a quotation still open there leaves the blocks up to it
    to no other (so that a page of lines that each open a quotation costs one look, not 300)."""
    straight = blocks[i].text.startswith('"')
    depth = 0
    last = min(len(blocks), i + QUOTE_REACH) - 1
    for j in range(i, last + 1):
        t = blocks[j].text
        if straight:
            depth = (depth + t.count('"')) % 2
        else:
            depth += t.count("“") - t.count("”")
        if depth <= 0:
            return (j if t.rstrip(" .;,:*").endswith('"' if straight else "”") else -1), j
    return -1, last


def _unquoted(blocks: Sequence[Block], g: Grammar) -> list[Block]:
    """The quoted blocks with the opening mark taken off the first when a marker follows it, so
    that the marker counts ("“a) Không phát hiện …" is point a)."""
    first = blocks[0].lines[0]
    text = first.text[1:].lstrip()
    line = Line(first.idx, first.start, first.end, text, first.cell_break, first.bold_start, first.bold_open)
    line.bold_until, line.italic_open = first.bold_until, first.italic_open
    line.row_break, line.cell_start, line.gap = first.row_break, first.cell_start, first.gap
    classify(line, g)
    if line.marker is None:
        return list(blocks)  # quoted running text keeps its marks as printed
    block = Block(line)
    for more in blocks[0].lines[1:]:
        block.add(more)
    return [block, *blocks[1:]]


CLOSING_TAIL = 4  # a sentence that closes the document is among its last blocks

Cells = list[list[list[Block]]]  # a table's rows, each a list of cells, each the blocks in it ([]: empty)


def _numbered(cell: list[Block], g: Grammar) -> bool:
    return len(cell) == 1 and g.table["row_number"].match(cell[0].text.strip()) is not None


def _row_rest(blocks: Sequence[Block], j: int) -> tuple[int, int]:
    """From the cell at block j: the cells to the next row break, and the width of the widest of
    the next three rows after it (0: no row break within reach)."""
    count, widths = 1, []
    for k in range(j + 1, min(len(blocks), j + 1 + TABLE_LOOKAHEAD)):
        first = blocks[k].lines[0]
        if first.gap:
            break  # the tables there end at an empty line
        if not first.cell_start:
            continue
        if first.row_break:
            if len(widths) == 3:
                break
            widths.append(1)
        elif widths:
            widths[-1] += 1
        else:
            count += 1
    return count, max(widths, default=0)


def _own_item(cell: list[Block], block: Block) -> bool:
    """Whether ``block`` goes on a list the cell itself opened ("1. Nộp hồ sơ" … "2. Kiểm tra"
    inside one cell), not a list open above the table."""
    mk = block.marker
    return mk is not None and any(b.marker is not None and b.marker.name == mk.name for b in cell)


def _first_cell_end(blocks: Sequence[Block], i: int) -> int:
    k = i + 1
    while k < len(blocks) and not blocks[k].lines[0].cell_break:
        k += 1
    return k


def _over_table(cell: Sequence[Block], g: Grammar, follows: Callable[[Block], bool] | None) -> bool:
    """Whether a first cell is the text above the table printed in its frame: a heading or the
    list's next item ("**1. Hàng hóa …:**", "B. QUY TRÌNH …" / "1. Công bố …"), not a header."""
    for block in cell:
        mk = block.marker
        if mk is None or not block.rest or mk.rank >= DASH_RANK:
            continue
        if block.lines[0].bold_start or block.lines[0].caps or block.text.endswith(":") \
                or (follows is not None and follows(block)):
            return True
    return False


def _trailing_text(pieces: Cells, g: Grammar) -> bool:
    """Whether the last cell of a table is the text after it, which a page prints behind the
    table's closing `|` as it prints a cell: a heading or the document's closing sentence in it,
    an article's or chapter's heading after a row short of the table, or paragraphs in a column
    of short values."""
    last = pieces[-1]
    cell = last[-1]
    if not cell or len(pieces) < 3:
        return False
    if any((b.lines[0].caps and (b.marker is not None or len(b.text.split()) >= 3))
           or g.closing["closing_formula"].match(b.text) for b in cell):
        return True  # "B. LĨNH VỰC DI SẢN VĂN HÓA", "Trên đây là …"; not "HĐND", "USD"
    if len(last) < max(len(r) for r in pieces[:-1]) and any(
            b.marker is not None and b.marker.titled and b.marker.rank <= ARTICLE_RANK
            and b.marker.name not in GROUP_ROW_MARKERS for b in cell):
        return True  # "| Tổng thời gian | 2,5 ngày | Mục 2. …": a row short of the table, then a heading
    column = len(last) - 1
    longest = max((sum(len(b.text) for b in r[column]) for r in pieces[:-1] if len(r) > column), default=0)
    size = sum(len(b.text) for b in cell)
    # paragraphs in a column of short values ("150.000" / "Mức thu trên đã bao gồm thuế …")
    return len(cell) > 1 and longest <= TRAILING_COLUMN and size > max(TRAILING_MIN, TRAILING_RATIO * longest)


def table_at(blocks: Sequence[Block], i: int, g: Grammar, *, after_table: bool = False,
             follows: Callable[[Block], bool] | None = None) -> tuple[int, Cells | None]:
    """The table whose first cell is block i, from the cell breaks a page prints as `|` lines
    (one between cells, two between rows, one before and after the table; readers write Word,
    PDF and HTML tables the same way, with an empty line after each). Returns the index after
    its last block and its rows, or the index the look reached and None when block i starts no
    table.

    Every block up to the next cell break belongs to the cell; an empty line ends the table.
    The text after a table follows its closing `|` just as a cell does, and the next table's
    header often follows that text. So a cell past the table's width (its widest row so far)
    ends the table, unless the rows after it are as wide (a header of two rows, with cells
    spanning columns, is narrower than the rows below). Where the table ends so, the rows that
    follow say how wide the next table is, and so where in this row the text between the two
    starts (a last row narrower than the table: "Tổng cộng | 03 ngày"); a last cell that holds
    a heading or the closing sentence, or paragraphs in a column of short values, is that text
    too. Block i may be that text (``after_table``): if its first row is wider than every
    other row, the table starts at the row's second cell (that index is returned, with None).
    A heading (Chương, Điều, "I.") inside a cell, and a cell that ``follows`` says goes on a
    list open above the table, are not the table's (a list the cell opened itself goes on in
    it); nor is a first cell that opens with a heading or an item ("**1. Hàng hóa …:**"). A
    letterhead or a signature box (`markers.toml` [table] `letterhead`, `signature_box`), a
    formula laid out in a grid (`formula`), rows of one cell and cells that are mostly "Label:
    value" fields (`field`: a notice printed in a box) are no tables. An empty cell reads as a
    row break: in a table with numbered rows, a piece of a row that does not start
    with a number is joined to the row before when the two fit in the table's width."""
    n = len(blocks)
    k = _first_cell_end(blocks, i)
    if _over_table(blocks[i:k], g, follows) and k < n and blocks[k].lines[0].cell_start and not blocks[k].lines[0].gap:
        return k, None
    pieces: Cells = [[[blocks[i]]]]
    width = 0
    j = i + 1
    while j < n:
        block = blocks[j]
        first = block.lines[0]
        row = pieces[-1]
        if first.gap or (first.cell_break and not first.cell_start):
            break  # an empty line: no table has one inside it
        if not first.cell_start:
            mk = block.marker
            if mk is not None and mk.titled and mk.rank <= ARTICLE_RANK:
                # "Điều 3." inside a cell: the cell was the text after the table
                j -= len(row.pop())
                if not row:
                    pieces.pop()
                break
            if follows is not None and follows(block) and not _own_item(row[-1], block):
                break  # "2." after a table under "1.", with no `|` before it
            row[-1].append(block)
        elif block.marker is not None and block.marker.titled and block.marker.rank <= ARTICLE_RANK \
                and block.marker.name not in GROUP_ROW_MARKERS and block.rest \
                and (follows is not None and follows(block) if first.row_break else width and len(row) >= width):
            # "| Điều 34. …" after a whole last row: the next article after the table's closing `|`
            # ("I. …" may be a group row; "Điều 5. Phạm vi …" inside a row is a cell of a comparison)
            break
        elif first.row_break:
            if follows is not None and block.rest and follows(block) \
                    and (row[0][0].marker is None or row[0][0].marker.name != block.marker.name):
                break  # "2. Tóm tắt …" in a frame around items "1." … "3.", not a numbered row
            width = max(width, len(row))
            pieces.append([[block]])
        elif len(row) >= TABLE_COLUMNS or (width and len(row) >= width):
            count, after = _row_rest(blocks, j)
            total = len(row) + count
            if len(row) < TABLE_COLUMNS and len(pieces) > 1 and after and total <= after + 1:
                row.append([block])  # a row wider than those above, as wide as those below
                j += 1
                continue
            cut = total - after - 1  # where the text after the table starts
            if after and 0 <= cut < len(row) and (cut or len(pieces) > 2):
                j -= sum(len(cell) for cell in row[cut:])
                del row[cut:]
                if not row:
                    pieces.pop()
            break
        elif follows is not None and follows(block):
            break  # "2." after a table under "1.": the next item, not a cell
        else:
            row.append([block])
        j += 1
    if pieces and _trailing_text(pieces, g):
        j -= len(pieces[-1].pop())
        if not pieces[-1]:
            pieces.pop()
    if len(pieces) < 2:
        return j, None
    rest = max(len(r) for r in pieces[1:])
    if after_table and len(pieces[0]) > rest >= 2:
        return i + len(pieces[0][0]), None
    width = max(rest, len(pieces[0]))
    if width < 2 or 2 * sum(len(r) > 1 for r in pieces) < len(pieces):
        return j, None  # rows of one cell: a frame around text, not a table
    texts = [" ".join(b.text for b in c) for r in pieces for c in r if c]
    if 4 * sum(g.table["field"].match(t) is not None for t in texts) >= 3 * len(texts):
        return j, None  # "Tên thương mại: … | Nhà sản xuất: …": fields of a notice in a frame
    if len(pieces) <= FRAME_ROWS:
        if any(g.table["letterhead"].search(b.text) for r in pieces[:2] for c in r for b in c) \
                or any(len(t) <= SIGNATURE_CELL and g.table["signature_box"].search(t) for t in texts):
            return j, None  # a letterhead ("TÊN CƠ QUAN | CỘNG HÒA …") or a signature box
        pieces_of_formula = [t for t in texts if g.table["formula"].match(t) is not None]
        if 2 * len(pieces_of_formula) >= len(texts) or sum(len(t) <= 2 for t in pieces_of_formula) >= 2:
            return j, None  # a formula laid out in a grid ("=" | "Tổng các mức …" | "+" | …)
    rows: Cells = [pieces[0]]
    for piece in pieces[1:]:
        row = rows[-1]
        if len(rows) > 1 and _numbered(row[0], g) and not _numbered(piece[0], g) \
                and len(row) + 1 + len(piece) <= width:
            row.append([])
            row.extend(piece)
        else:
            rows.append(piece)
    return j, rows


def _table(rows: Cells, g: Grammar) -> RawNode:
    """A ``table`` node: ``row`` nodes of ``cell`` nodes. A cell of one block holds its text as
    printed (its marker too: "1."); a cell of several blocks holds their tree."""
    table = RawNode("table", rows[0][0][0].start, rows[-1][-1][-1].end)  # a row never ends with an empty cell
    for row in rows:
        cells = []
        at = row[0][0].start
        for cell in row:
            if not cell:
                cells.append(RawNode("cell", at, at, text=""))
                continue
            node = RawNode("cell", cell[0].start, cell[-1].end)
            if len(cell) == 1:
                node.text = cell[0].text
            else:
                node.children = build_tree(cell, g, tables=False)
            cells.append(node)
            at = node.end
        node = RawNode("row", cells[0].start, cells[-1].end)
        node.children = cells
        table.children.append(node)
    return table


def build_tree(blocks: Sequence[Block], g: Grammar, _quotes: int = 0, *, tables: bool = True) -> list[RawNode]:
    """The tree of ``blocks``. A quotation that starts a block and closes at the end of one (the
    new text of an amended provision) is one ``quote`` node under the innermost open item, its
    own structure inside it: its markers never close or nest under the document's own. A table
    (:func:`table_at`) is one ``table`` node under the innermost open item."""
    titled = [b.rest.strip() for b in blocks if b.marker is not None and b.marker.titled and b.rest.strip()]
    long_titles = len(titled) >= 4 and sum(heading_like(t, titled=True) for t in titled) >= 0.6 * len(titled)
    roots: list[RawNode] = []
    stack: list[RawNode] = []
    n = len(blocks)
    i = 0
    unquoted_until = -1
    untabled_until = table_end = -1
    while i < n:
        block = blocks[i]
        mk = block.marker
        if tables and i > untabled_until and block.lines[0].cell_start:
            j, rows = table_at(blocks, i, g, after_table=i == table_end, follows=lambda b: _follows(stack, b))
            if rows is None:
                untabled_until = j - 1  # no table starts in what the look went through
            else:
                node = _table(rows, g)
                (stack[-1].children if stack else roots).append(node)
                _extend(stack, node.end)
                i = table_end = j
                continue
        if mk is None and _quotes < QUOTE_NESTING and i > unquoted_until and block.text.startswith(("“", '"')):
            j, seen = _quote_end(blocks, i)
            if j < 0:
                unquoted_until = seen
        else:
            j = -1
        if j >= 0:
            node = RawNode("quote", block.start, blocks[j].end)
            inner = _unquoted(blocks[i:j + 1], g)
            # quoted running text keeps its first block as printed: no quotation inside it again
            node.children = build_tree(inner, g, _quotes + 1 if inner[0] is not block else QUOTE_NESTING)
            (stack[-1].children if stack else roots).append(node)
            _extend(stack, node.end)
            i = j + 1
            continue
        if mk is None:
            node = RawNode("paragraph", block.start, block.end, text=block.text)
            if stack and (stack[-1].children or stack[-1].kind != "article") and i + CLOSING_TAIL >= n \
                    and g.closing["closing_formula"].match(block.text) \
                    and all(b.marker is None for b in blocks[i + 1:]):
                # "Trên đây là Kế hoạch …" near the end closes the document, not the last item; not
                # the only sentence of an article ("Điều 3. Hiệu lực thi hành" / "Nghị quyết này
                # đã được … thông qua …"), nor a summary with more structure after it
                stack.clear()
            (stack[-1].children if stack else roots).append(node)
            _extend(stack, block.end)
            i += 1
            continue
        rest = block.rest.strip()
        label = mk.label.format(num=block.num) if mk.label else None
        node = RawNode(mk.kind, block.start, block.end, label=label or None, marker=_printed_marker(block),
                       rank=mk.rank, style=mk.name, num=block.num)
        nxt = blocks[i + 1] if i + 1 < n else None
        if not rest and mk.titled and nxt is not None and nxt.marker is None and nxt.lines[0].caps:
            # "Chương I" / "QUY ĐỊNH CHUNG": the title stands on the next line
            rest = nxt.text
            node.end = nxt.end
            i += 1
            nxt = blocks[i + 1] if i + 1 < n else None
        followed = nxt is not None and (nxt.marker is None or nxt.marker.rank > mk.rank)
        head, tail = _bold_head(block, rest)
        if head and heading_like(head, titled=True) and mk.rank < 80:
            # "**3. Kết quả:** Theo hồ sơ …": the bold part is the heading, the rest its text
            node.title = head
            node.children.append(RawNode("paragraph", block.start, block.end, text=tail))
        # in a document whose articles have titles, one with clauses below it may have a long
        # title ("Điều 3. Chế độ, chính sách đối với sĩ quan, quân nhân chuyên nghiệp, … làm
        # nhiệm vụ tìm kiếm, quy tập hài cốt liệt sĩ")
        elif rest and heading_like(rest, titled=mk.titled, limit=LONG_TITLE_MAX if long_titles and mk.titled
                                   and not rest.endswith(":") and nxt is not None and nxt.marker is not None
                                   and nxt.marker.rank > mk.rank else HEADING_MAX) \
                and (mk.titled or followed) and mk.rank < 80:
            node.title = rest
        else:
            node.text = rest or None
        _place(stack, node)
        if len(stack) >= MAX_DEPTH:
            del stack[MAX_DEPTH - 1:]  # no real document nests this deep: a sibling of the deepest
        (stack[-1].children if stack else roots).append(node)
        _extend(stack, node.end)
        stack.append(node)
        i += 1
    return roots


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def ordinal(style: str, num: str) -> float | None:
    """Position of a marker's number in its sequence (1-based), None when unknown."""
    num = num.strip()
    if not num:
        return None
    if num[0].isdigit():
        head = num.split(".")[-1]
        digits = "".join(ch for ch in head if ch.isdigit())
        return int(digits) if digits else None
    if style == "roman" or set(num) <= set(_ROMAN):
        total = 0
        for a, b in zip(num, num[1:] + " "):
            va, vb = _ROMAN.get(a, 0), _ROMAN.get(b, 0)
            total += -va if va < vb else va
        return total or None
    g = grammar()
    low = num.lower()
    if low in g.ordinals:
        return g.ordinals.index(low) + 1
    if low[0] in g.letters:
        sub = "".join(ch for ch in low[1:] if ch.isdigit())
        return g.letters.index(low[0]) + 1 + (int(sub) / 100 if sub else 0)  # a1 comes after a
    return None


def _successor(prev: RawNode, new: RawNode) -> bool:
    if not new.num:
        return True  # '-' and '+' items are always siblings of the one before
    a, b = ordinal(prev.style, prev.num), ordinal(new.style, new.num)
    if a is None or b is None:
        return False
    if new.style in ("letter", "letter_dot"):
        return a < b <= a + 2  # 'd' then 'e' (a skipped 'đ') is still the next point
    return a < b <= a + 1 or (a == b and new.num != prev.num)  # 5 then 5a


def _follows(stack: list[RawNode], block: Block) -> bool:
    """Whether ``block`` is the next item of a list open on ``stack`` ("2." under an open "1.")."""
    mk = block.marker
    if mk is None or not block.num:
        return False
    same = next((node for node in reversed(stack) if node.style == mk.name), None)
    return same is not None and _successor(same, RawNode(mk.kind, 0, 0, style=mk.name, num=block.num))


def _place(stack: list[RawNode], node: RawNode) -> None:
    """Pop the stack to where ``node`` belongs. The nearest open item of the same style is its
    sibling when ``node`` continues that item's sequence; a sequence that restarts (a '1.'
    under a '-' inside a '2.') nests; otherwise the markers' ranks decide."""
    same = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].style == node.style), None)
    if same is not None:
        if _successor(stack[same], node):
            del stack[same:]
            return
        if ordinal(node.style, node.num) == 1:
            return  # the same style restarts at 1: a nested list under the innermost open item
    while stack and stack[-1].rank >= node.rank:
        stack.pop()


def _bold_head(block: Block, rest: str) -> tuple[str, str]:
    """Split a marker block whose heading is a bold run closing mid-line."""
    first = block.lines[0]
    if first.bold_until and first.rest:
        cut = first.bold_until - (len(first.text) - len(first.rest))
        lines_text = first.rest
    elif not first.rest and len(block.lines) > 1 and block.lines[1].bold_until:
        cut = block.lines[1].bold_until
        lines_text = block.lines[1].text
    else:
        return "", ""
    if cut <= 0 or cut >= len(lines_text):
        return "", ""
    head = lines_text[:cut].strip()
    tail = rest[rest.find(head) + len(head):].strip() if head in rest else ""
    return (head, tail) if head and tail else ("", "")


def _extend(stack: list[RawNode], end: int) -> None:
    for open_node in stack:
        if end > open_node.end:
            open_node.end = end
