"""Deadlines: typed values with the raw text (grammars/deadlines.toml).

Kinds: ``date`` (a hard date), ``quarter``, ``half``, ``month`` and ``year`` (a period, its
first and last day given), ``recurring`` (thường xuyên, hằng năm, định kỳ 6 tháng, trước ngày
15 hằng tháng), ``relative`` (trong thời hạn 15 ngày kể từ …) and ``undated`` (theo chỉ đạo …).
Dates are day first and validated: an impossible date gives no date, not a wrong one.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import regex

from .grammar import read_table, table_error, table_errors

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass
class RawDeadline:
    kind: str
    raw: str
    start: int
    end: int
    first: str | None = None  # first day of the period (ISO)
    last: str | None = None   # last day: the deadline itself


_DIGIT = re.compile(r"\d")
NOT_AFTER_REACH = 160  # characters before a match that a pattern's ``not_after`` looks at (a plan's name)
_Pattern = tuple[str, regex.Pattern[str], "re.Pattern[str] | None", "regex.Pattern[str] | None", bool]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], list[_Pattern]]:
    """The hint, and (kind, pattern, needs, not_after) in order; ``needs`` is one search for any
    of the pattern's words in the case-folded text (None: no words, the pattern always runs);
    ``not_after``, what must not end right before a match (None: nothing)."""
    data = read_table("deadlines.toml")
    with table_errors("deadlines.toml"):
        words = data.get("words", {})
        # these tests run on every node of a document: the standard engine, on case-folded
        # text, is three times faster at them than regex with (?i)
        return re.compile(data["hint"]), [
            (d["kind"], regex.compile(_with_words(d["pattern"], words, "pattern")),
             re.compile("|".join(re.escape(w.casefold()).replace(r"\ ", r"\s+") for w in d["needs"]))
             if d.get("needs") else None,
             regex.compile(f"(?:{_with_words(d['not_after'], words, 'not_after')})\\s*$") if d.get("not_after") else None,
             bool(d.get("not_quoted")))
            for d in data["deadline"]]


# a list of ``[words]`` named in a pattern (not a property, ``\p{L}``, a character's name, nor a code point, ``\x{A0}``)
_WORD_LIST = regex.compile(r"(?<!\\[pPNx])\{([A-Za-z_]\w*)\}")


def _with_words(source: str, words: dict[str, list[str]], key: str) -> str:
    """``source`` (the string under ``key``) with each ``{name}`` of a list of the ``[words]``
    table replaced by its words as one alternation (a space stands for any run of spaces; the
    longest first). A list that is no list of words, or a name with no list, is a GrammarError
    naming its line: either would compile into a pattern that silently matches something else."""
    if not isinstance(words, dict):
        raise table_error("deadlines.toml", "'words' must be a table of word lists", "words")
    named = source
    for name, listed in words.items():
        if not isinstance(listed, list) or not listed or not all(isinstance(w, str) and w.strip() for w in listed):
            raise table_error("deadlines.toml", f"[words] '{name}' must be a list of words", name)
        alt = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(listed, key=len, reverse=True))
        source = source.replace(f"{{{name}}}", f"(?:{alt})")
    if (left := _WORD_LIST.search(source)) is not None:
        raise table_error("deadlines.toml", f"'{key}' names {left.group()}, which is no list of [words]",
                          key, named, left.group())
    return source


@lru_cache(maxsize=1)
def _range_start() -> regex.Pattern[str]:
    """What says a bare date or month in a deadline column starts a range (deadlines.toml
    ``range_start``, searched at the end of the text before it)."""
    with table_errors("deadlines.toml"):
        return regex.compile(f"(?:{read_table('deadlines.toml')['range_start']})\\s*$")


def _date(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_end(y: int, m: int) -> str | None:
    if not 1 <= m <= 12:
        return None
    return _dt.date(y, m, calendar.monthrange(y, m)[1]).isoformat()


def _quarter(q: str) -> int:
    return _ROMAN.get(q.upper()) or int(q)


def _fill(dl: RawDeadline, m: regex.Match[str]) -> None:
    g = m.groupdict()
    if dl.kind == "date":
        # "ngày 15 tháng 01 năm sau năm 2025" (``ny``): a day of the year after the one named
        y = int(g["y"]) if g.get("y") else int(g["ny"]) + 1
        dl.first = dl.last = _date(y, int(g["m"]), int(g["d"]))
        if g.get("d1") and dl.last:  # a range: "từ ngày 08 đến ngày 10 tháng 12 năm 2025"
            y, m = int(g["y"]), int(g["m"])
            if g.get("m1") is None:  # the start's month is the end's, or the one before it
                y1, m1 = (y, m) if int(g["d1"]) <= int(g["d"]) else ((y, m - 1) if m > 1 else (y - 1, 12))
            else:  # the start's year is the end's, or the one before it ("từ ngày 20/12 đến ngày 10/01/2026")
                m1 = int(g["m1"])
                y1 = int(g["y1"]) if g.get("y1") else (y if (m1, int(g["d1"])) <= (m, int(g["d"])) else y - 1)
            dl.first = _date(y1, m1, int(g["d1"]))
            if dl.first is not None and dl.first > dl.last:
                dl.first = None  # a start after the end: only the end is sure
    elif dl.kind == "quarter":
        y, q1 = int(g["y"]), _quarter(g["q1"])
        q2 = _quarter(g["q2"]) if g.get("q2") else q1
        dl.first = _date(y, 3 * q1 - 2, 1)
        dl.last = _month_end(y, 3 * q2)
        if g.get("q3"):
            dl.last = _month_end(int(g["y3"]), 3 * _quarter(g["q3"]))
    elif dl.kind == "half" and g.get("y"):
        y = int(g["y"])
        first_half = g["half"].lower() == "đầu"
        dl.first = _date(y, 1 if first_half else 7, 1)
        dl.last = _month_end(y, 6 if first_half else 12)
    elif dl.kind == "month":
        y, mo = int(g["y"]), int(g["m"])
        if g.get("mlast") and mo > int(g["mlast"]):
            y -= 1  # "tháng 11, tháng 12 và tháng 01 năm 2026": November and December of 2025
        dl.first = _date(y, mo, 1) if 1 <= mo <= 12 else None
        dl.last = _month_end(y, mo)
        if g.get("m1") and dl.last:  # a range: "từ tháng 3 đến tháng 10 năm 2026", "Tháng 11 - 02/2026"
            m1 = int(g["m1"])
            y1 = int(g["y1"]) if g.get("y1") else (y if m1 <= mo else y - 1)
            dl.first = _date(y1, m1, 1) if 1 <= m1 <= 12 else None
            if dl.first is not None and dl.first > dl.last:
                dl.first = None  # a start after the end: only the end is sure
    elif dl.kind == "year" and g.get("before"):
        dl.last = _date(int(g["before"]) - 1, 12, 31)  # "trước năm 2030": by the end of 2029
    elif dl.kind == "year":
        a = g.get("y") or g.get("ya")
        b = g.get("y2") or g.get("yb") or a
        if a and b and int(a) <= int(b):
            dl.first, dl.last = _date(int(a), 1, 1), _date(int(b), 12, 31)


_BARE_DATE = regex.compile(
    r"(?<![\d/.-])(?P<d>\d{1,2})\s*([/.-])\s*(?P<m>\d{1,2})\s*\2\s*(?P<y>\d{4})(?![\d/.-])"
    r"|(?i:ngày\s+)(?P<d2>\d{1,2})\s+(?i:tháng)\s+(?P<m2>\d{1,2})\s+(?i:năm)\s+(?P<y2>\d{4})")


def stated(text: str) -> RawDeadline | None:
    """The deadline a field or a table column gives ("Thời hạn: …", the "Thời gian hoàn
    thành" column): the first expression :func:`find` reads (a bare date written before one
    without a day of its own comes first: "31/12/2025; hằng năm"), else what the column's own
    words mean — a bare year ("2025"), the last date ("31/12/2025"; of a range "15/10/2025 -
    31/12/2025", its end), a bare month ("12/2025") — else the text itself as an ``undated``
    deadline ("Theo kế hoạch"); None for an empty text."""
    value = " ".join(text.split()).strip(" .")
    if not value:
        return None
    found = find(value)
    starts = _range_start()
    # a bare date or month after "từ" starts a range whose end is not a date ("Từ tháng 11/2025
    # đến khi kết thúc Tổng kiểm kê"): it is no deadline
    dates = [d for m in _BARE_DATE.finditer(value)
             if (d := _bare_date(m)) is not None and not starts.search(value, 0, m.start())]
    if found and dates and found[0].last is None:
        # bare dates written before an expression without a day of its own come first
        # ("31/12/2025; hằng năm"); before a dated one they open a range ("Từ 01/10/2025 đến
        # 31/12/2025"), whose end is the deadline
        before = [d for d in dates if d.end <= found[0].start]
        if before:
            return before[-1]
    # a month or year read inside a whole date ("ngày 15 tháng 10 năm 2025") gives way to it
    if found and not (dates and found[0].kind in ("month", "year")
                      and any(d.start <= found[0].start < d.end for d in dates)):
        return found[0]
    if len(value) == 4 and value.isdecimal() and value[:2] in ("19", "20"):  # the column says "2025"
        return RawDeadline("year", value, 0, 4, _date(int(value), 1, 1), _date(int(value), 12, 31))
    if dates:
        return dates[-1]
    m = _BARE_MONTH.search(value)
    if m is not None and 1 <= int(m.group("m")) <= 12 and not starts.search(value, 0, m.start()):
        y, mo = int(m.group("y")), int(m.group("m"))
        return RawDeadline("month", m.group(), m.start(), m.end(), _date(y, mo, 1), _month_end(y, mo))
    return RawDeadline("undated", value, 0, len(value))


_BARE_MONTH = regex.compile(r"(?<![\d/.-])(?P<m>\d{1,2})\s*/\s*(?P<y>(?:19|20)\d\d)(?![\d/.-])")


def _bare_date(m: regex.Match[str]) -> RawDeadline | None:
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else \
        (m.group("d2"), m.group("m2"), m.group("y2"))
    day = _date(int(y), int(mo), int(d))
    return RawDeadline("date", " ".join(m.group().split()), m.start(), m.end(), day, day) if day else None


QUOTE_REACH = 200  # how far back a quotation that a year may be inside is looked for


def _quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a quotation opened within QUOTE_REACH before it and closed
    within QUOTE_REACH after it (“…” or "…"): an unclosed mark hides nothing."""
    before = text[max(0, pos - QUOTE_REACH):pos]
    if before.count("“") > before.count("”"):
        return text.find("”", pos, pos + QUOTE_REACH) >= 0
    if before.count('"') % 2:
        return text.find('"', pos, pos + QUOTE_REACH) >= 0
    return False


def find(text: str, low: str | None = None) -> list[RawDeadline]:
    """Every deadline expression in ``text``, left to right, without overlaps (``low``: the
    text case-folded, when the caller has it)."""
    hint, patterns = _patterns()
    if not text:
        return []
    if low is None:
        low = text.casefold()
    if not _DIGIT.search(text) and not hint.search(low):
        return []
    return _scan(text, low, patterns)


def _scan(text: str, low: str | None, patterns: list[_Pattern]) -> list[RawDeadline]:
    """The patterns in order over ``text`` (``low`` None: no pattern's ``needs`` is tested). A
    match refused for what comes before it (``not_after``: "có hiệu lực thi hành kể từ ngày … đến
    ngày …") hides the expressions inside it from the patterns after it."""
    found: list[RawDeadline] = []
    taken = _Spans()  # what the found and the refused matches cover
    for kind, pattern, needs, not_after, not_quoted in patterns:
        if low is not None and needs is not None and not needs.search(low):
            continue
        for m in pattern.finditer(text):
            a, b = m.span()
            if taken.overlaps(a, b):
                continue
            if not_after is not None and not_after.search(text, max(0, a - NOT_AFTER_REACH), a):
                taken.add(a, b)
                continue
            if not_quoted and _quoted(text, a):
                continue
            dl = RawDeadline(kind, " ".join(m.group().split()), a, b)
            _fill(dl, m)
            found.append(dl)
            taken.add(a, b)
    found.sort(key=lambda d: d.start)
    return _then(text, found, taken, patterns) if found else found


THEN_REACH = 120  # characters after "và" that a day carried on from the one before it is read in
# characters after a deadline that its link to the next day is looked for in (a note in brackets,
# up to 80, and "và"): a bounded match, which the regex module would otherwise scan to the
# text's end for its required word
LINK_REACH = 120


def _then(text: str, found: list[RawDeadline], taken: _Spans, patterns: list[_Pattern]) -> list[RawDeadline]:
    """``found`` with the days that carry on a date or a cycle's day before them (deadlines.toml
    ``[then]``: "chậm nhất vào ngày 10 tháng 7 của năm báo cáo (…) và ngày 15 tháng 01 của năm
    tiếp sau"): each is read with the first one's words before its day, as the first one is."""
    link, lead_of, day_of, clause, led = _then_rules()
    more: list[RawDeadline] = []
    for first in found:
        # the link first: most deadlines have none after them
        if first.kind not in ("date", "recurring") or (m := link.match(text, first.end, first.end + LINK_REACH)) is None \
                or (lead := lead_of.match(first.raw)) is None or not (lead_words := lead.group().rstrip()):
            continue
        # the clause's verb before the days ("gửi báo cáo trước ngày …"): a day with a verb of its
        # own after it is an event's; with none before, the verb after the days rules them all
        verb_before = led.search(text, max(0, first.start - THEN_REACH), first.start) is not None
        while m is not None:
            at = m.end()
            head = lead_words + " "
            inner = [d for d in _scan(head + text[at:at + THEN_REACH], None, patterns) if d.start == 0]
            # a deadline of the first one's kind over the whole day: not one of the lead words
            # alone ("định kỳ hằng năm, trước" before "20/12"), which ends before the day does
            if not inner or inner[0].kind != first.kind or (day := day_of.match(text, at, at + THEN_REACH)) is None \
                    or inner[0].end < len(head) + day.end() - at:
                break
            end = at + inner[0].end - len(head)
            # an event's date, not a due day: a task verb of its own follows it
            if taken.overlaps(at, end) or verb_before and clause.match(text, end, end + THEN_REACH):
                break
            d = inner[0]
            more.append(RawDeadline(d.kind, " ".join(text[at:end].split()), at, end, d.first, d.last))
            taken.add(at, end)
            m = link.match(text, end, end + LINK_REACH)
    if not more:
        return found
    return sorted(found + more, key=lambda d: d.start)


@lru_cache(maxsize=1)
def _then_rules() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str], regex.Pattern[str],
                           regex.Pattern[str]]:
    """deadlines.toml ``[then]``: what joins a day to a deadline before it (``link``, matched
    at the deadline's end), the words of a deadline before its day (``lead``), the day after
    the link (``day``), what after the day's deadline makes it an event's (``clause``), and the
    task verb before the first deadline in its clause that it does so only after (``led``)."""
    with table_errors("deadlines.toml"):
        data = read_table("deadlines.toml")
        then, words = data["then"], data.get("words", {})
        return (regex.compile(then["link"]), regex.compile(then["lead"]), regex.compile(then["day"]),
                regex.compile(_with_words(then["clause"], words, "clause")),
                regex.compile(_with_words(then["led"], words, "led")))


def says(d: RawDeadline) -> int:
    """How much a deadline says of when: an undated condition ("khi có yêu cầu") least, then a
    cycle with no number ("hằng năm", "thường xuyên"), then a limit counted from an event ("không
    quá 06 tháng sau khi kết thúc"), most a date, a period, or a cycle with its day or length."""
    if d.kind == "undated":
        return 0
    if d.kind == "recurring":
        return 3 if _DIGIT.search(d.raw) else 1
    return 2 if d.kind == "relative" else 3


def pick(found: list[RawDeadline]) -> RawDeadline:
    """The deadline of a row among those of its clause (``found``, in the order of the text, not
    empty): of those that say the most (:func:`says`: "báo cáo định kỳ hoặc khi có yêu cầu" gives
    "định kỳ"), the last ("triển khai trong quý I, hoàn thành trong quý IV năm 2026": the end of
    the work), or the first when they are all cycles: several reports, the most frequent listed
    first ("định kỳ hàng tháng (trước ngày 18 hàng tháng), 6 tháng (…), năm (…) hoặc khi có yêu
    cầu")."""
    top = max(says(d) for d in found)
    best = [d for d in found if says(d) == top]
    return best[0] if all(d.kind == "recurring" for d in best) else best[-1]


class _Spans:
    """Disjoint sorted spans: whether a new one overlaps any, in log time (a text of thousands
    of deadlines asks it once for each match of each pattern)."""

    __slots__ = ("starts", "ends")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_left(self.starts, b) - 1  # the last span that starts before b
        return k >= 0 and self.ends[k] > a

    def add(self, a: int, b: int) -> None:
        """Add [a, b), merged with the spans it overlaps."""
        i = bisect_left(self.ends, a + 1)  # the first span that ends after a
        j = bisect_left(self.starts, b)  # the spans before j start before b
        if i < j:
            a, b = min(a, self.starts[i]), max(b, self.ends[j - 1])
        self.starts[i:j] = [a]
        self.ends[i:j] = [b]
