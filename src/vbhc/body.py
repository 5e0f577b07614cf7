"""Body: blocks -> a nested tree of Phần/Chương/Mục/Điều/khoản/điểm and I./1./a)/-/+.

Nesting follows the markers' ranks from ``grammars/markers.toml``: an item closes every
open item of equal or lower level and becomes the child of the nearest higher one. A
block no marker opens is a paragraph under the innermost open item: nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

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
    classify(line, g)
    if line.marker is None:
        return list(blocks)  # quoted running text keeps its marks as printed
    block = Block(line)
    for more in blocks[0].lines[1:]:
        block.add(more)
    return [block, *blocks[1:]]


CLOSING_TAIL = 4  # a sentence that closes the document is among its last blocks


def build_tree(blocks: Sequence[Block], g: Grammar, _quotes: int = 0) -> list[RawNode]:
    """The tree of ``blocks``. A quotation that starts a block and closes at the end of one (the
    new text of an amended provision) is one ``quote`` node under the innermost open item, its
    own structure inside it: its markers never close or nest under the document's own."""
    titled = [b.rest.strip() for b in blocks if b.marker is not None and b.marker.titled and b.rest.strip()]
    long_titles = len(titled) >= 4 and sum(heading_like(t, titled=True) for t in titled) >= 0.6 * len(titled)
    roots: list[RawNode] = []
    stack: list[RawNode] = []
    n = len(blocks)
    i = 0
    unquoted_until = -1
    while i < n:
        block = blocks[i]
        mk = block.marker
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


def _ordinal(style: str, num: str) -> float | None:
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
    a, b = _ordinal(prev.style, prev.num), _ordinal(new.style, new.num)
    if a is None or b is None:
        return False
    if new.style in ("letter", "letter_dot"):
        return a < b <= a + 2  # 'd' then 'e' (a skipped 'đ') is still the next point
    return a < b <= a + 1 or (a == b and new.num != prev.num)  # 5 then 5a


def _place(stack: list[RawNode], node: RawNode) -> None:
    """Pop the stack to where ``node`` belongs. The nearest open item of the same style is its
    sibling when ``node`` continues that item's sequence; a sequence that restarts (a '1.'
    under a '-' inside a '2.') nests; otherwise the markers' ranks decide."""
    same = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].style == node.style), None)
    if same is not None:
        if _successor(stack[same], node):
            del stack[same:]
            return
        if _ordinal(node.style, node.num) == 1:
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
