"""Tokenizer: normalised text -> lines -> logical blocks.

A :class:`Line` is one physical line (or one ``|``-separated table cell of it) with its
markdown residue removed, its offsets in the normalised text, and the structural marker
it opens, if any. :func:`reflow` joins hard-wrapped lines back into the blocks they were
before a web page or a PDF wrapped them ("Bắc" / "Kạn, ngày …", "chủ" / "trì",
"II. NỘI DUNG THỰC" / "HIỆN") without merging real structural lines.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache

import regex

from .grammar import Grammar, Marker
from .normalize import fold

_STARS = regex.compile(r"(?<!\()\*+|\*+(?!\))")
_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+")
_SPACES = regex.compile(r"[ ]{2,}")
_TWO_LETTERS = regex.compile(r"\p{L}.*?\p{L}")
_LOWER = regex.compile(r"\p{Ll}")
_UPPER = regex.compile(r"\p{Lu}")
_TERMINAL = (".", ";", ":", "!", "?", "…", ".”", ".\"", ";”")
_ESCAPES = regex.compile(r"\\([-*_#|.()\[\]+])")


class Line:
    """One physical line or table cell, cleaned."""

    __slots__ = ("idx", "start", "end", "text", "cell_break", "row_break", "cell_start", "bold_start", "bold_open",
                 "italic_open", "bold_until", "marker", "num", "rest", "caps", "gap")

    def __init__(self, idx: int, start: int, end: int, text: str, cell_break: bool,
                 bold_start: bool, bold_open: bool) -> None:
        self.idx = idx
        self.start = start
        self.end = end
        self.text = text
        self.cell_break = cell_break  # a `|` cell boundary comes right before this line
        self.bold_start = bold_start  # opens a bold run (`**`) that was not already open
        self.bold_open = bold_open    # a bold run is still open after this line
        self.italic_open = False      # an italic run (`*…*`) is still open after this line
        self.bold_until = 0           # a bold run open at the line's start closes here, text following
        self.row_break = False        # an empty table cell (`|` then `|`) came before: a new table row
        self.cell_start = False       # a `|` came before (cell_break is also set by an empty line)
        self.gap = False              # an empty line came since the last line with text: a table ends above
        self.marker: Marker | None = None
        self.num = ""
        self.rest = text
        # letters all upper case (at least two letters); asked of nearly every line, several
        # times, so worked out once here rather than in a property
        self.caps: bool = not _LOWER.search(text) and _TWO_LETTERS.search(text) is not None

    @property
    def blank(self) -> bool:
        return not self.text

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        m = self.marker.name if self.marker else "-"
        return f"Line({self.idx}, {m}, {self.text[:50]!r})"


def clean(raw: str) -> str:
    t = _HEADING.sub("", raw) if "#" in raw else raw
    if "*" in t:
        t = _STARS.sub("", t)
    if "\\" in t:
        t = _ESCAPES.sub(r"\1", t)
    t = t.strip()
    if "  " in t:
        t = _SPACES.sub(" ", t)
    return t


def _clean_plain(raw: str) -> str:
    t = raw.strip()
    if "  " in t:
        t = _SPACES.sub(" ", t)
    return t


def tokenize(text: str, g: Grammar, markdown: bool = True, *, _shortcut: bool = True) -> list[Line]:
    """Split normalised text into cleaned lines; ``|`` separates table cells.

    ``markdown=False`` is for text a file reader produced (DOCX, PDF, HTML): there ``*``,
    ``#`` and ``\\`` are the document's own characters, and only a line that is a lone ``|``
    (the reader's cell separator) separates cells."""
    clean_ = clean if markdown else _clean_plain
    lines: list[Line] = []
    pos = 0
    bold = False
    italic = False
    pending_break = False
    separators = 0  # `|` seen since the last line with text
    gap = False  # an empty line seen since the last line with text
    rule = g.header["rule"]
    split_heads = False  # a line that is only "Điều" or "Chương": its number may be on the next
    for raw in text.split("\n"):
        if _shortcut and markdown and "|" not in raw and "*" not in raw:
            # the common line, one piece with no emphasis: the general path below, shortened
            # (tests/test_properties.py checks that both give the same lines)
            stripped = raw.strip()
            if not stripped:
                bold = italic = False  # a blank line ends a paragraph and any emphasis run
                pending_break = gap = True
                pos += len(raw) + 1
                continue
            content = stripped
            if "#" in content or "\\" in content:
                content = clean(raw)
            elif "  " in content:
                content = _SPACES.sub(" ", content)
            if content and not content[0].isalnum() and rule.match(content):
                pending_break = True
                content = ""
            if content:
                line = Line(len(lines), pos + len(raw) - len(raw.lstrip()), pos + len(raw.rstrip()), content,
                            pending_break, False, bold)
                line.italic_open = italic
                line.row_break = separators >= 2
                line.cell_start = separators > 0
                line.gap = gap
                separators = 0
                gap = False
                classify(line, g)
                lines.append(line)
                pending_break = False
                if len(content) <= 6 and content.casefold() in g.heading_words:
                    split_heads = True
            pos += len(raw) + 1
            continue
        line_end = pos + len(raw)
        if markdown:
            pieces = raw.split("|") if "|" in raw else [raw]
        else:
            pieces = ["", ""] if raw.strip() == "|" else [raw]
        offset = pos
        if not raw.strip():
            bold = italic = False  # emphasis never runs across a blank line or a table cell
        for k, piece in enumerate(pieces):
            if k > 0:
                pending_break = True
                separators += 1
                bold = italic = False
            stripped = piece.strip()
            if markdown and "*" not in piece:  # the common line: no emphasis to track
                bold_start, bold_until = False, 0
                content = stripped
                if "#" in content or "\\" in content:
                    content = clean(piece)
                elif "  " in content:
                    content = _SPACES.sub(" ", content)
            elif markdown:
                stars = stripped.count("**")
                bold_start = stripped.startswith("**") and not bold
                bold_until = _bold_close(stripped, bold)
                if stars % 2:
                    bold = not bold
                if (stripped.count("*") - 2 * stars) % 2:
                    italic = not italic
                content = clean_(piece)
            else:
                bold_start, bold_until = False, 0
                content = clean_(piece)
            if content and not content[0].isalnum() and rule.match(content):
                pending_break = True  # a drawn rule (-----, *) separates blocks; it is not text
                content = ""
            if content:
                lead = len(piece) - len(piece.lstrip())
                start = offset + lead
                end = offset + len(piece.rstrip())
                line = Line(len(lines), start, end, content, pending_break, bold_start, bold)
                line.italic_open = italic
                line.bold_until = bold_until
                line.row_break = separators >= 2
                line.cell_start = separators > 0
                line.gap = gap
                separators = 0
                gap = False
                classify(line, g)
                lines.append(line)
                pending_break = False
                if len(content) <= 6 and content.casefold() in g.heading_words:
                    split_heads = True
            elif not stripped or stripped.strip("*") == "":
                # an empty line or a lone `**`: a blank line ends a paragraph like a cell break
                if not stripped and len(pieces) == 1:
                    pending_break = gap = True
            offset += len(piece) + 1
        pos = line_end + 1
    return _join_split_heads(lines, g) if split_heads else lines


_HEAD_NUM = regex.compile(r"(?:\d+[a-zđ]?|[IVXLC]+)(?:[.:]|\s|$)")


def _join_split_heads(lines: list[Line], g: Grammar) -> list[Line]:
    """"**Điều" / "3. **Quyết định này …", "**Chương" / "I**": a heading word wrapped away from
    its number is one line with it (the line's offsets run over both)."""
    out: list[Line] = []
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        nxt = lines[i + 1] if i + 1 < n else None
        if nxt is not None and ln.marker is None and ln.text[:1].isupper() and len(ln.text) <= 6 \
                and ln.text.casefold() in g.heading_words and not nxt.cell_break and _HEAD_NUM.match(nxt.text):
            joined = Line(len(out), ln.start, nxt.end, f"{ln.text} {nxt.text}", ln.cell_break, ln.bold_start,
                          nxt.bold_open)
            joined.italic_open = nxt.italic_open
            joined.row_break = ln.row_break
            joined.cell_start = ln.cell_start
            joined.gap = ln.gap
            if nxt.bold_until:
                joined.bold_until = nxt.bold_until + len(ln.text) + 1
            classify(joined, g)
            if joined.marker is not None:
                out.append(joined)
                i += 2
                continue
        ln.idx = len(out)
        out.append(ln)
        i += 1
    return out


def _bold_close(stripped: str, bold: bool) -> int:
    """Where, in the cleaned line, a bold run that is open at the line's start (or opens
    there) closes, when text follows it: "**1. Mục đích:** Nội dung …". 0 when not."""
    pos = 0
    if not bold:
        if not stripped.startswith("**"):
            return 0
        pos = 2
    close = stripped.find("**", pos)
    if close <= pos:
        return 0
    head, tail = clean(stripped[:close]), clean(stripped[close:])
    return len(head) if head and tail else 0


def match_wrapped(pattern: regex.Pattern[str], lines: Sequence[Line], k: int, short: int,
                  across_cells: bool = True) -> tuple[regex.Match[str] | None, int]:
    """``pattern`` at line k, or on line k and the next joined when line k is at most ``short``
    characters (a phrase a page wrapped in its first words: "Nơi" / "nhận:", "**PHỤ" / "LỤC**",
    "(Ban" / "hành kèm theo …)"); and how many lines it takes. ``across_cells``: the next line
    may be in another table cell."""
    m = pattern.match(lines[k].text)
    if m is not None:
        return m, 1
    if len(lines[k].text) <= short and k + 1 < len(lines) and (across_cells or not lines[k + 1].cell_break):
        m = pattern.match(f"{lines[k].text} {lines[k + 1].text}")
        if m is not None:
            return m, 2
    return None, 0


def classify(line: Line, g: Grammar) -> None:
    """Set the line's marker, number and the text after the marker (when a marker opens it)."""
    m = g.marker_scanner.match(line.text)
    if m is None:
        return
    spans = m.regs  # one call for every group's span, rather than a call per marker group
    marker = next(mk for k, mk in g.marker_groups if spans[k][0] != -1)
    line.marker = marker
    num = m.group("num") if "num" in marker.pattern.groupindex else None
    line.num = num or ""
    line.rest = (m.group("rest") or "").strip()


def last_word(text: str) -> str:
    """The last run of letters and digits, case-folded ("" when none). A walk back from the
    end: the regex search it replaces started a match attempt at every position of the line."""
    end = len(text)
    while end and not _wordish(text[end - 1]):
        end -= 1
    start = end
    while start and _wordish(text[start - 1]):
        start -= 1
    return text[start:end].casefold()


def _wordish(ch: str) -> bool:
    return ch.isalpha() or ch.isdecimal()


def ends_terminal(text: str) -> bool:
    t = text.rstrip(" *)”\"'")
    return t.endswith(_TERMINAL) or text.endswith((".)", ";)", ":)"))


def starts_lower(text: str) -> bool:
    for ch in text[:3]:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


WRAP_MIN = 40  # a page is not wrapped narrower than this


def wrap_width(lines: Sequence[Line]) -> int:
    """The width a page was hard-wrapped at; 0 when its lines are not wrapped. A wrapped page
    has many lines close to one width that stop in mid-sentence."""
    prose = [ln for ln in lines if len(ln.text) > 20 and not ln.caps]
    lengths = sorted(len(ln.text) for ln in prose)
    if len(lengths) < 5:
        return 0
    w = lengths[int(len(lengths) * 0.9)]
    if w <= 140:
        near = [ln for ln in prose if len(ln.text) >= 0.8 * w]
        cut = sum(1 for ln in near if not ends_terminal(ln.text))
        if cut >= 3 and cut >= 0.5 * len(near):
            return w
    # a page with many long unwrapped lines (a table's rows, the site's text) puts the 90th
    # percentile above its wrap: then the width is the one most lines that stop in mid-sentence
    # stop at (within five characters), when there are enough of them
    counts = Counter(len(ln.text) for ln in prose if WRAP_MIN <= len(ln.text) <= 140 and not ends_terminal(ln.text))
    if not counts:
        return 0
    total = sum(counts.values())
    best, n = max(((x, sum(counts[y] for y in range(x - 4, x + 1))) for x in counts), key=lambda t: (t[1], t[0]))
    return best if n >= 7 and n >= 0.25 * total else 0


def _dash_compound(before: str, after: str, g: Grammar) -> bool:
    """Whether ``before`` ends with the first half of a compound written with a dash and
    ``after`` starts with its second half (grammars/orthography.toml ``dash_compounds``), both
    halves in the same case ("chính trị - xã hội", "Thi đua - Khen thưởng"; not "Công tác thi
    đua" / "- Khen thưởng kịp thời …", a heading and its first item)."""
    a, b = f" {fold(before[-40:])}", f"{fold(after[:40])} "
    for x, y in _folded(g.dash_compounds):
        if a.endswith(f" {x}") and b.startswith(y) and not b[len(y)].isalnum():
            following = b[len(y):].split(None, 1)
            if following and following[0].strip(",.;") in g.dash_compound_not_before:
                return False  # "kinh tế" / "- xã hội hóa …"
            first = before[len(before) - len(x):][:1] if len(before) >= len(x) else ""
            return first.isupper() == after[:1].isupper()
    return False


def _name_cut(before: str, after: str, g: Grammar) -> bool:
    """Whether ``before`` ends with the first half of a proper name and ``after`` opens with its
    second half, as printed (grammars/orthography.toml ``name_halves``: "Việt" / "Nam")."""
    for x, y in g.name_halves:
        if before.endswith(x) and after.startswith(y) and not before[-len(x) - 1:-len(x)].isalnum() \
                and not after[len(y):len(y) + 1].isalnum():
            return True
    return False


@lru_cache(maxsize=4)
def _folded(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((fold(x), fold(y)) for x, y in pairs)


def paragraph_gaps(lines: Sequence[Line]) -> bool:
    """Whether a page puts an empty line between its paragraphs (most web pages do, some never
    do): then a line with no empty line before it goes on the paragraph above, even after a
    short first line (a first line indented in the original is short). Asked of the lines
    after a full sentence (the first 60): most of them must start after an empty line."""
    seen = gaps = 0
    for prev, line in zip(lines, lines[1:]):
        if len(prev.text) > 40 and not prev.caps and ends_terminal(prev.text):
            seen += 1
            gaps += line.cell_break and not line.cell_start  # an empty line, not a table cell
            if seen == 60:
                break  # enough to tell: a long page is not read twice over
    return seen >= 8 and gaps >= 0.7 * seen


def _bold_marker_only(line: Line) -> bool:
    """"**Điều 4. **Chánh Văn phòng …": a bold run that covers the marker and nothing after it."""
    return line.marker is not None and bool(line.rest) and 0 < line.bold_until <= len(line.text) - len(line.rest)


def marker_text_wraps(lines: Sequence[Line]) -> bool:
    """Whether the page bolds only the markers of its articles and wraps the text after them:
    some such line goes on in lower case below it ("**Điều 3. **Quyết định này có hiệu lực" /
    "kể từ ngày ký."). Then one that goes on with a capital is wrapped too; on another page a
    bold marker may be followed by a plain title ("**Điều 1.** Phạm vi điều chỉnh")."""
    for prev, line in zip(lines, lines[1:]):
        if prev.bold_until and _bold_marker_only(prev) and not line.cell_break and line.marker is None \
                and starts_lower(line.text) and not ends_terminal(prev.text):
            return True
    return False


def first_line_wraps(lines: Sequence[Line], width: int) -> bool:
    """Whether the page wraps the first line of its items short, where the source indented it:
    at least two items whose short first line goes on in lower case on a full line below ("-
    Tiếp tục phối hợp với Trung" / "tâm Chuyển đổi số Thành phố và các cơ quan, đơn vị liên
    quan đảm bảo hạ tầng"). Then one that goes on with a capital is wrapped too ("- Tham mưu Ủy
    ban nhân dân" / "Thành phố đánh giá, xem xét trách nhiệm …")."""
    if not width:
        return False
    lower = capital = 0
    for prev, line in zip(lines, lines[1:]):
        if prev.marker is not None and not prev.marker.titled and len(prev.text) < SHORT_FIRST * width \
                and not ends_terminal(prev.text) and line.marker is None and not line.cell_break \
                and len(line.text) >= FULL_LINE * width:
            if starts_lower(line.text):
                lower += 1
            else:
                capital += 1
    # the habit shows in most such pairs: a page of short headings over paragraphs ("a) Mục
    # tiêu chung" / "Nâng cao …") has as many capitals below them, and is no such page
    return lower >= FIRST_WRAPS_SEEN and capital * FIRST_WRAPS_SHARE <= lower


FIRST_WRAPS_SEEN = 3  # short first lines going on in lower case that show the page's habit
FIRST_WRAPS_SHARE = 3  # and how many times as many as those going on with a capital


SHORT_FIRST = 0.6  # a first line this much of the wrap width or less was cut short
FULL_LINE = 0.8  # a line this much of the width or more was filled to the wrap


def _whole_bold(line: Line) -> bool:
    """A line that opens a bold run closing at its end or later: a heading of a web page."""
    return line.bold_start and not line.bold_until


TAIL = 200  # how much of a block's end the reflow reads


class Block:
    """A logical block: one or more physical lines joined by the reflow. Its text is kept as
    pieces and joined when first read (a block that takes thousands of lines would copy its text
    once per line otherwise); the reflow reads only its tail (:meth:`tail`)."""

    __slots__ = ("lines", "_parts", "_text", "_tail", "marker", "num")

    def __init__(self, first: Line) -> None:
        self.lines = [first]
        self._parts: list[str] | None = None  # made by the first add(): most blocks are one line
        self._text: str | None = first.text
        self._tail = first.text  # the end of the text (all of it while the block is one line)
        self.marker = first.marker
        self.num = first.num

    def add(self, line: Line) -> None:
        self.lines.append(line)
        if self._parts is None:
            self._parts = [self.lines[0].text]
        piece = _joint(self._tail[-3:], line.text) + line.text
        self._parts.append(piece)
        self._tail = (self._tail + piece)[-TAIL:]
        self._text = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self._parts or ())
        return self._text

    @property
    def rest(self) -> str:
        """The text after the first line's marker: that line's rest and the lines joined to it
        (the rest ends where the first line ends, so the same joints hold)."""
        first = self.lines[0].rest
        if self._parts is None or self.marker is None:
            return first
        more = "".join(self._parts[1:])
        return first + more if first else more.lstrip(" ")

    def tail(self) -> str:
        """The end of the text (at least its last TAIL characters), without joining all of it."""
        return self._tail

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end


def _joint(a: str, b: str) -> str:
    """What goes between ``a`` (the end of a text) and ``b``, a line joined to it: a space, or
    nothing after a word hyphenated across lines (rare in Vietnamese; the hyphen is kept)."""
    if not a:
        return ""
    if a.endswith("-") and not a.endswith(" -") and b[:1].islower():
        return ""
    return " "


def continues(prev: Line, line: Line, width: int, g: Grammar, prev_block: Block | None = None,
              gapped: bool = False, marker_wraps: bool = False, first_wraps: bool = False) -> bool:
    """Whether ``line`` continues the block that ``prev`` ends (a hard wrap, not a new unit);
    ``gapped``: the page puts empty lines between paragraphs (:func:`paragraph_gaps`);
    ``marker_wraps``: it wraps the text after a bold marker (:func:`marker_text_wraps`);
    ``first_wraps``: it wraps an item's first line short (:func:`first_line_wraps`)."""
    if line.cell_break:
        return False
    if line.bold_start and not prev.bold_open:
        return False
    text = line.text
    ptext = prev_block.tail() if prev_block is not None else prev.text  # its end: all the tests read
    if text.startswith("“") and (ptext.endswith(":") or (prev_block is not None and prev_block.marker is not None
                                                         and prev_block.marker.titled)):
        # the new text of an amended provision: "… như sau:" / "“c) Thị lực …", "Điều 4. Sửa đổi
        # điểm a khoản 1 của Điều 6" / "“a) Không phát hiện …"
        return False
    if line.marker is None and (prev.bold_open or prev.italic_open) and not (prev.caps and not line.caps) \
            and not ends_terminal(ptext):
        return True  # still inside the same `**…**` or `*…*` run of a web page
    if line.marker is not None:
        # a marker-looking line after a word that asks for a number or a letter is the sentence
        # going on: "trước ngày" / "15. …", "tại điểm" / "a) khoản 2 Điều 5 …"
        if ends_terminal(ptext) or prev.caps:
            return False  # an upper-case heading ending in "HẰNG NĂM" does not ask for a number
        if line.marker.titled and starts_lower(text):
            return True  # "… danh" / "mục 01 thủ tục hành chính": a heading word is written with a capital
        word = last_word(ptext)
        name = line.marker.name
        if word in g.number_words and line.num == "1" and prev_block is not None and prev_block.marker is not None \
                and prev_block.marker.titled and prev_block.marker.rank < line.marker.rank:
            return False  # "Điều 48. Kiểm tra về thanh khoản" / "1. Khi …": the article's first clause
        if name == "dash" and _dash_compound(ptext, line.rest, g):
            return True  # "tổ chức chính trị" / "- xã hội, đơn vị sự nghiệp …"
        digit = line.rest[:1].isdigit()
        if name in ("dash", "plus") and not ptext.endswith(":") and (starts_lower(line.rest) or digit) \
                and prev_block is not None and (prev_block.marker is None or prev_block.marker.name != name) \
                and (digit or not text.rstrip().endswith(";")) and not ptext[-12:].casefold().endswith(g.list_intro) \
                and (not digit or g.range_start.search(ptext, max(0, len(ptext) - 40)) is not None) \
                and ((len(prev_block.lines) == 1 and prev_block.marker is None) or (width and len(prev.text) >= 0.6 * width)
                     or digit or word in g.dangling):
            # a dash or a sign that goes on the sentence, not a list item: "Trên đây là Kế hoạch
            # tài chính" / "- ngân sách nhà nước 03 năm …", "… từ -15°C tới" / "+ 45°C", "bình
            # quân 05" / "- 06%/năm"; not an item after one of its own kind ("- xây dựng kế hoạch"
            # / "- tổ chức thực hiện", an unpunctuated list; nor the first after a short heading,
            # "3. Lĩnh vực kinh tế" / "- xã hội hóa đầu tư …")
            return True
        if word in g.number_words and name in ("arabic", "decimal", "roman", "arabic_dash"):
            return True
        if line.marker.titled and word in g.dangling:
            return True  # "… được quy định tại" / "Mục 2 Phần XI của …", "… trình bày trong" / "Chương 5 (…)"
        if name == "decimal" and starts_lower(line.rest):
            return True  # "… với kích thước" / "1.82 inch, độ phân giải …": a number, not an item
        return word in g.letter_words and name in ("letter", "letter_dot") and starts_lower(line.rest)
    if prev.marker is not None and not prev.rest and prev_block is not None and len(prev_block.lines) == 1:
        return True  # "I." alone on its line: the heading text follows
    if starts_lower(text):
        return True
    if _name_cut(ptext, text, g):
        return True  # "… Đài Tiếng nói Việt" / "Nam, Thông tấn xã …": one name cut by the wrap
    if ends_terminal(ptext):
        return False
    if not (line.bold_start or line.caps or prev.caps):
        if marker_wraps and prev_block is not None and len(prev_block.lines) == 1 and _bold_marker_only(prev):
            return True  # "**Điều 4. **Chánh Văn phòng UBND tỉnh, Giám đốc" / "Sở …": bold is the marker's only
        if first_wraps and prev.marker is not None and not prev.marker.titled and prev_block is not None \
                and len(prev_block.lines) == 1 and len(prev.text) < SHORT_FIRST * width \
                and len(text) >= FULL_LINE * width and not prev.bold_start and not prev.bold_until:
            return True  # "- Tham mưu Ủy ban nhân dân" / "Thành phố đánh giá, xem xét trách nhiệm …"
        if gapped and not _whole_bold(prev) and not (prev_block is not None and _whole_bold(prev_block.lines[0])):
            return True  # no empty line before it on a page that has one between paragraphs
    if last_word(ptext) in g.number_words and text[:1].isdigit():
        return True  # "Căn cứ Thông tư số" / "06/2022/TT-BTTTT ngày …"
    if prev.caps != line.caps:
        return False  # an upper-case heading ends where running text starts
    if ptext.endswith(",") or last_word(ptext) in g.dangling:
        # "… hướng dẫn của" / "Trung ương": the sentence goes on; but "1. Thời gian, địa điểm"
        # is a heading: only a long line or a marker with one or two words continues
        if width and len(prev.text) >= 0.5 * width:
            return True
        if prev.marker is not None and prev_block is not None and len(prev_block.lines) == 1:
            return True  # the short first line of an indented paragraph: "- Cơ quan chủ trì: Sở Nội vụ, Sở"
    if prev.caps and line.caps:
        return True  # a wrapped heading or title
    if not width:
        return False
    return len(prev.text) >= 0.6 * width


def reflow(lines: Sequence[Line], g: Grammar, width: int | None = None, gapped: bool | None = None,
           marker_wraps: bool | None = None, first_wraps: bool | None = None) -> Iterator[Block]:
    """Join hard-wrapped lines into blocks."""
    if width is None:
        width = wrap_width(lines)
    if gapped is None:
        gapped = paragraph_gaps(lines)
    if marker_wraps is None:
        marker_wraps = marker_text_wraps(lines)
    if first_wraps is None:
        first_wraps = first_line_wraps(lines, width)
    block: Block | None = None
    prev: Line | None = None
    for line in lines:
        if block is not None and prev is not None and continues(prev, line, width, g, block, gapped, marker_wraps, first_wraps):
            block.add(line)
        else:
            if block is not None:
                yield block
            block = Block(line)
        prev = line
    if block is not None:
        yield block


def has_upper(text: str) -> bool:
    return bool(_UPPER.search(text))


_GAP = regex.compile(r"[\W_]+")  # what may stand between two printed words


class Printed:
    """``text``'s words as the source prints them: any run of spaces, line breaks and markup
    (``**``, ``|``) between two words. Found as the pattern ``word[\\W_]+word…`` would find
    them, without compiling one pattern for each text (a document asks for hundreds)."""

    __slots__ = ("words", "opens_with_gap")

    def __init__(self, text: str) -> None:
        self.words = text.split()
        # a word that opens with a gap character ("(a)") may start inside the gap before it
        self.opens_with_gap = [_GAP.match(w) is not None for w in self.words]

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of each printing in ``text[pos:endpos]``, left to right, not overlapping."""
        if not self.words:
            return
        hi = len(text) if endpos is None else min(endpos, len(text))
        first = self.words[0]
        memo: dict[tuple[int, int], int | None] = {}  # (word, where it may start) -> end: no path tried twice
        i = text.find(first, pos, hi)
        while i >= 0:
            end = self._rest(text, 1, i + len(first), hi, memo)
            if end is not None:
                yield i, end
                i = text.find(first, end, hi)
            else:
                i = text.find(first, i + 1, hi)

    def _rest(self, text: str, n: int, at: int, hi: int, memo: dict[tuple[int, int], int | None]) -> int | None:
        """Where words[n:] end when they follow a gap at ``at``; a longer gap is tried first.
        ``memo`` keeps each (n, at) answered once: words made of gap characters ("… … …") may
        start anywhere in a gap, and without it the paths multiply with each such word."""
        if n == len(self.words):
            return at
        key = (n, at)
        if key in memo:
            return memo[key]
        found = None
        gap = _GAP.match(text, at, hi)
        if gap is not None:
            word = self.words[n]
            for k in (range(gap.end(), at, -1) if self.opens_with_gap[n] else (gap.end(),)):
                if text.startswith(word, k, hi) and (end := self._rest(text, n + 1, k + len(word), hi, memo)) is not None:
                    found = end
                    break
        memo[key] = found
        return found


@lru_cache(maxsize=2048)
def printed(text: str) -> Printed:
    """``text``'s words as the source prints them (:class:`Printed`)."""
    return Printed(text)


class Joined:
    """The text of a run of lines joined by newlines, with offsets back to the lines."""

    def __init__(self, lines: list[Line], lo: int, hi: int, *, paragraphs: bool = False) -> None:
        """``paragraphs``: put an empty line where a cell or paragraph break was."""
        self.lines = lines
        self.lo = lo
        self.starts: list[int] = []
        parts: list[str] = []
        pos = 0
        for ln in lines[lo:hi]:
            if paragraphs and parts and ln.cell_break:
                parts.append("")
                pos += 1
            self.starts.append(pos)
            parts.append(ln.text)
            pos += len(ln.text) + 1
        self.text = "\n".join(parts)

    def line_at(self, offset: int) -> int:
        return self.lo + bisect.bisect_right(self.starts, offset) - 1

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Offsets in the normalised text for [a, b) of the joined text (approximate inside
        a line when markdown was removed: see :meth:`exact_span`)."""
        i, j = self.line_at(a), self.line_at(max(a, b - 1))
        la, lb = self.lines[i], self.lines[j]
        sa = min(la.start + a - self.starts[i - self.lo], la.end)
        sb = min(lb.start + (b - self.starts[j - self.lo]), lb.end)
        return sa, max(sa, sb)

    def exact_span(self, a: int, b: int, normalised: str) -> tuple[int, int]:
        """:meth:`span`, made exact where markup was removed earlier on the line ("*Căn cứ
        Nghị định số 120/2016/NĐ-CP"): the printing of the same words on those lines of
        ``normalised`` (the text the lines were cut from) nearest to where :meth:`span` puts it."""
        sa, sb = self.span(a, b)
        needle = self.text[a:b]
        if normalised[sa:sb] == needle or not needle.strip():
            return sa, sb
        i, j = self.line_at(a), self.line_at(max(a, b - 1))
        best: tuple[int, int] | None = None
        for found in printed(needle).finditer(normalised, self.lines[i].start, self.lines[j].end):
            if best is None or abs(found[0] - sa) < abs(best[0] - sa):
                best = found
        return best or (sa, sb)
