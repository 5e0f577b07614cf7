"""Cross-references: every other document the text cites, with its parts.

"Quyết định số 142/QĐ-TTg ngày 21/01/2020 của Thủ tướng Chính phủ" gives the type, the
number split into parts, the date (day first, validated), the issuer and the relation
("thực hiện"). A list shares its type and issuer ("Chương trình hành động số 30-CTr/TU ngày
29/9/2008, số 100-CTr/TU ngày 23/01/2014 của Tỉnh ủy"); a short later mention ("Quyết định
142", "Nghị quyết 27") is linked to the full citation it abbreviates; "(sau đây gọi tắt là …)"
gives an alias. Laws cited by name and date have no number: they are *named* references.
"""

from __future__ import annotations

import re

import datetime as _dt
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .grammar import Grammar, grammar, read_table, table_errors
from .header import parse_number
from .lines import Joined, Line

WINDOW = 60  # characters looked at before a citation for its type and relation
NAME_WINDOW = 200  # and for a type with the name it is known by ("Luật Đất đai số 31/2024/QH15")


@dataclass
class RefGrammar:
    number: regex.Pattern[str]
    typed_bare: regex.Pattern[str]
    typed_start_rev: re.Pattern[str]
    list_next: regex.Pattern[str]
    date: regex.Pattern[str]
    issuer: regex.Pattern[str]
    alias: regex.Pattern[str]
    named_law: regex.Pattern[str]
    named_end: regex.Pattern[str]
    named_next: regex.Pattern[str]
    named_amending: regex.Pattern[str]
    named_tail: regex.Pattern[str]
    named_gap: regex.Pattern[str]
    type_before: regex.Pattern[str]
    named_number: regex.Pattern[str]
    amending_before: regex.Pattern[str]
    type_any: regex.Pattern[str]
    relation: regex.Pattern[str]
    relation_names: list[str]
    relation_by: regex.Pattern[str]
    relation_cited: regex.Pattern[str]
    relation_titled: frozenset[str]
    relation_clause: regex.Pattern[str]
    relation_pair: regex.Pattern[str]
    relation_carried: regex.Pattern[str]
    relation_carry_stop: regex.Pattern[str]
    relation_number_word: regex.Pattern[str]
    relation_sentence_end: regex.Pattern[str]
    stop_before: regex.Pattern[str]
    list_relations: list[tuple[str, regex.Pattern[str]]]
    list_relations_inside: list[tuple[str, regex.Pattern[str]]]
    after_relation: regex.Pattern[str]
    after_relation_name: str
    after_relation_start: regex.Pattern[str]
    after_relation_since: regex.Pattern[str]
    after_relation_titled: regex.Pattern[str]
    after_relation_item: regex.Pattern[str]
    documents_named: regex.Pattern[str]
    basis_line: regex.Pattern[str]
    basis_other: regex.Pattern[str]
    type_names: dict[str, str]  # casefolded name -> sentence-case name


@lru_cache(maxsize=1)
def ref_grammar() -> RefGrammar:
    g = grammar()
    data = read_table("references.toml")
    with table_errors("references.toml"):
        pats = data["patterns"]
        names = sorted({t.name for t in g.doc_types} | set(data["types"]["extra"]), key=len, reverse=True)
        alt = "|".join(regex.escape(n) for n in names)
        rel = data["relations"]
        rel_names = list(rel)
        relation = regex.compile("|".join(f"(?P<r{i}>{p})" for i, p in enumerate(rel.values())))
        stops = "|".join(regex.escape(w) for w in data["stop"]["before"])
        return RefGrammar(
            number=regex.compile(pats["number"]),
            typed_bare=regex.compile(rf"(?<![\p{{L}}])(?P<type>(?i:{alt}))\s+" + pats["bare"].removeprefix("(?x)"),
                                     regex.X),
            # where typed_bare can start ("nghị định 15"), found in the lower-cased text read
            # backwards by the standard library's engine: a pattern that starts with a digit
            # skips ahead at C speed, one that starts with fifty names tries each position
            typed_start_rev=re.compile(r"\d\s+(?:" + "|".join(re.escape(n.lower()[::-1]) for n in names) + ")"),
            list_next=regex.compile(pats["list_next"]),
            date=regex.compile(pats["date"]),
            # a type name wrapped at its space still ends an issuer ("… Chính phủ và Kế" / "hoạch này")
            issuer=regex.compile(pats["issuer"].replace("{types}", "(?:" + alt.replace("\\ ", r"\s+") + ")")),
            alias=regex.compile(pats["alias"]),
            named_law=regex.compile(pats["named_law"]),
            named_end=regex.compile(pats["named_end"]),
            named_next=regex.compile(pats["named_next"]),
            named_amending=regex.compile(pats["named_amending"]),
            named_tail=regex.compile(pats["named_tail"]),
            named_gap=regex.compile(pats["named_gap"]),
            type_before=regex.compile(rf"(?<![\p{{L}}])(?P<type>(?i:{alt}))\s*$"),
            # a type with its name right before the number's "số" (the type's word capitalised, the
            # name in either case: "Luật phòng cháy, chữa cháy … số 55/2024/QH15" as scraped pages
            # write it): the name holds no digit, no other type, no sentence punctuation
            # (grammars: references.toml number_name)
            amending_before=regex.compile(pats["amending_before"]),
            named_number=regex.compile(
                rf"(?<![\p{{L}}])(?P<type>{pats['named_types']})\s+(?P<name>\p{{L}}{pats['number_name']})\s+$"),
            type_any=regex.compile(rf"(?<![\p{{L}}])(?:{alt})(?![\p{{L}}])"),
            relation=relation,
            relation_names=rel_names,
            relation_by=regex.compile(pats["relation_by"]),
            relation_cited=regex.compile(pats["relation_cited"]),
            relation_titled=frozenset(pats["relation_titled"]),
            relation_clause=regex.compile(pats["relation_clause"]),
            relation_pair=regex.compile(pats["relation_pair"]),
            relation_carried=regex.compile(pats["relation_carried"]),
            relation_carry_stop=regex.compile(pats["relation_carry_stop"]),
            relation_number_word=regex.compile(pats["relation_number_word"]),
            relation_sentence_end=regex.compile(pats["relation_sentence_end"]),
            stop_before=regex.compile(rf"(?<![\p{{L}}])(?i:{stops})\s*$"),
            list_relations=[(name, regex.compile(p)) for name, p in data.get("list_relations", {}).items()],
            list_relations_inside=[(name, regex.compile(p))
                                   for name, p in data.get("list_relations_inside", {}).items()],
            after_relation=regex.compile(pats["after_relation"]),
            after_relation_name=pats["after_relation_name"],
            after_relation_start=regex.compile(pats["after_relation_start"]),
            after_relation_since=regex.compile(pats["after_relation_since"]),
            after_relation_titled=regex.compile(pats["after_relation_titled"]),
            after_relation_item=regex.compile(pats["after_relation_item"]),
            documents_named=regex.compile(rf"(?<![\p{{L}}])(?i:{alt}|văn\s+bản)(?![\p{{L}}])"),
            basis_line=regex.compile(data["basis"]["line"]),
            basis_other=regex.compile(data["basis"]["other"]),
            type_names={n.casefold(): n for n in names},
        )


@dataclass
class RawRef:
    number: str
    raw: str
    start: int
    end: int
    kind: str = "full"
    type_name: str | None = None
    parts: dict = field(default_factory=dict)
    date: str | None = None
    issuer: str | None = None
    relation: str | None = None
    alias: str | None = None
    name: str | None = None


@dataclass
class RawNamed:
    type_name: str
    name: str
    start: int
    end: int
    date: str | None = None
    relation: str | None = None
    alias: str | None = None


def _iso(d: str | None, m: str | None, y: str | None) -> str | None:
    try:
        return _dt.date(int(y), int(m), int(d)).isoformat() if d and m and y else None
    except ValueError:
        return None


_PART_KEYS = ("year", "type_code", "issuer_code", "suffix")


def _parts(m: regex.Match[str], g: Grammar) -> tuple[str, dict]:
    parsed = parse_number(m, g)
    return parsed["raw"], {k: parsed[k] for k in _PART_KEYS}


RELATION_REACH = 40  # how far before a citation its relation word is looked for
CLAUSE_REACH = 200  # and how far back the clause that word is in


def _relation(rg: RefGrammar, text: str, at: int, own: str | None = None) -> str | None:
    """The relation the last relation word in the RELATION_REACH characters before ``at`` says,
    unless the citation is the agent of a passive clause ("… bị bãi bỏ bởi Thông tư …") or the
    word is the title of a document cited before it in its clause ("Thông tư số 20/2024/TT-BYT …
    sửa đổi, bổ sung một số điều của Thông tư số 09/2015/TT-BYT"; ``own``, the citing document's
    number, is no such document: "ban hành Kế hoạch số 165-KH/TU về thực hiện Kết luận …" in
    that Kế hoạch); "sửa đổi, bổ sung" is "sửa đổi"."""
    found = None
    for m in rg.relation.finditer(text, max(0, at - RELATION_REACH), at):
        found = m
    if found is None:
        return None
    if rg.relation_by.search(text, found.end(), at) or rg.relation_sentence_end.search(text, found.end(), at):
        return None
    name = next(rg.relation_names[i] for i in range(len(rg.relation_names)) if found.group(f"r{i}"))
    if name in rg.relation_titled:
        lo = max(0, found.start() - CLAUSE_REACH)
        clause = lo
        for cm in rg.relation_clause.finditer(text, lo, found.start()):
            clause = cm.end()
        before = text[clause:found.start()]
        if own and own in before.casefold():
            before = regex.sub(regex.escape(own), " ", before, flags=regex.IGNORECASE)
        if rg.relation_cited.search(before):
            return None
    if name == "bổ sung" and rg.relation_pair.search(text, max(0, found.start() - 20), found.start()):
        return "sửa đổi"
    return name



# How far past a position a pattern anchored there may read (a date, an issuer, the next item
# of a list: all far shorter). The bound matters: without an end, the regex engine first looks
# for a word the pattern needs through the whole rest of the text, on every call.
NEAR = 400

def _tail(rg: RefGrammar, text: str, pos: int, ref: RawRef) -> int:
    """Date and issuer right after a number; returns the end of what was read."""
    dm = rg.date.match(text, pos, pos + NEAR)
    if dm:
        ref.date = _iso(dm.group("d") or dm.group("d2"), dm.group("m") or dm.group("m2"), dm.group("y") or dm.group("y2"))
        pos = dm.end()
    im = rg.issuer.match(text, pos, pos + NEAR)
    if im:
        ref.issuer = " ".join(im.group("issuer").split()).rstrip(", ")
        pos = im.end("issuer")
    return pos


def _typed_bare(rg: RefGrammar, text: str):
    """``rg.typed_bare.finditer(text)``, faster: the full pattern runs only where the
    prefilter saw a type name followed by a number."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: offsets would drift
        yield from rg.typed_bare.finditer(text)
        return
    end = 0
    for start in _typed_starts(rg, low):
        if start < end:
            continue
        m = rg.typed_bare.match(text, start, start + NEAR)
        if m is not None:
            end = m.end()
            yield m


def _typed_starts(rg: RefGrammar, low: str) -> list[int]:
    """Where a type name followed by spaces and a digit starts in ``low`` (lower case), left
    to right: the longest name ending at each such place, as a forward scan of the names,
    longest first, would find them."""
    n = len(low)
    return [n - c.end() for c in rg.typed_start_rev.finditer(low[::-1])][::-1]


def extract(lines: list[Line], own_number: str | None) -> tuple[list[RawRef], list[RawNamed], Joined]:
    """References in the text of ``lines``; spans are offsets in the normalised text."""
    g = grammar()
    rg = ref_grammar()
    jt = Joined(lines, 0, len(lines), paragraphs=True)
    text = jt.text
    own = own_number.casefold() if own_number else None
    refs: list[RawRef] = []
    seen: set[int] = set()
    if "số" not in text.casefold() and "/" not in text:
        return refs, [], jt

    def add(ref: RawRef) -> bool:
        if ref.start in seen or (own is not None and ref.number.casefold() == own):
            return False
        seen.add(ref.start)
        refs.append(ref)
        return True

    for m in rg.number.finditer(text):
        before = text[max(0, m.start() - WINDOW):m.start()]
        if rg.stop_before.search(before):
            continue
        tm = rg.type_before.search(before)
        name = None
        if m.group("sym") and "QH" in m.group("sym") and (tm is None or tm.group("type")[:1].islower()):
            # "Luật Tổ chức chính quyền địa phương số 72/2025/QH15": a law or an ordinance (a
            # number of the Quốc hội or its Ủy ban Thường vụ) cited by type and name, then number ("Luật Ban hành văn bản quy phạm pháp luật số …" ends
            # in a type's word in lower case)
            named = text[max(0, m.start() - NAME_WINDOW):m.start()]
            nm = rg.named_number.search(named)
            while nm is not None and rg.named_number.search(named, nm.start("name")) is not None:
                nm = rg.named_number.search(named, nm.start("name"))  # "Luật A và Luật B số …": the last
            if nm is not None and nm.group("name")[:1].islower() and not (
                    m.group("year") and m.group("sym").startswith("QH")):
                # a name in lower case only before a law's own number ("… số 55/2024/QH15"), not
                # "Luật hiện hành và văn bản hợp nhất số 09/VBHN-VPQH"
                nm = None
            if nm is not None:
                tm, name, before = nm, " ".join(nm.group("name").split()), named
                if rg.amending_before.search(named, 0, nm.start()):
                    name = None  # "Luật sửa đổi, bổ sung … của Luật Đất đai số 43/2024/QH15": the amending law's number
        if not (m.group("sym") or m.group("psym")) and tm is None:
            continue  # a bare "số 15" is a citation only after a type name ("Chỉ thị số 42")
        number, parts = _parts(m, g)
        type_name = rg.type_names.get(tm.group("type").casefold()) if tm else None
        rel_at = m.start() - len(before) + tm.start() if tm else m.start()  # where the type name starts
        ref = RawRef(number, m.group(), m.start("body"), m.end("body"), type_name=type_name, parts=parts,
                     relation=_relation(rg, text, rel_at, own), name=name)
        pos = _tail(rg, text, m.end(), ref)
        group = [ref]
        add(ref)
        while (lm := rg.list_next.match(text, pos, pos + NEAR)) is not None:
            number, parts = _parts(lm, g)
            item = RawRef(number, lm.group("body"), lm.start("body"), lm.end("body"), kind="list",
                          type_name=type_name, parts=parts, relation=ref.relation)
            pos = _tail(rg, text, lm.end(), item)
            add(item)
            group.append(item)
        shared = group[-1].issuer
        for item in group:
            item.issuer = item.issuer or shared

    # without "số": "Nghị định 206/2025/NĐ-CP" is a citation; "Quyết định 142" a short mention
    first_full: dict[tuple[str | None, str], RawRef] = {}  # (type, bare number) → the first full citation
    for r in refs:
        if r.kind != "short":
            first_full.setdefault((r.type_name, r.number.split("/")[0].split("-")[0]), r)
    for m in _typed_bare(rg, text):
        type_name = rg.type_names.get(m.group("type").casefold())
        number, parts = _parts(m, g)
        if m.group("sym") or m.group("psym"):
            ref = RawRef(number, m.group(), m.start("body"), m.end("body"), type_name=type_name, parts=parts,
                         relation=_relation(rg, text, m.start(), own))
            _tail(rg, text, m.end(), ref)
            if add(ref):
                first_full.setdefault((type_name, number.split("/")[0].split("-")[0]), ref)
            continue
        full = first_full.get((type_name, number))
        if full is not None:
            add(RawRef(full.number, m.group(), m.start(), m.end(), kind="short", type_name=type_name,
                       parts=full.parts, date=full.date, issuer=full.issuer))

    refs.sort(key=lambda r: r.start)
    _carry_relations(rg, text, refs)
    _relations_after(rg, jt, refs)
    named = _named(rg, text, refs)
    _aliases(rg, text, refs, named)
    return refs, named, jt


_NUMBERED = regex.compile(r"\s+số\s+\d")


def _named(rg: RefGrammar, text: str, refs: list[RawRef]) -> list[RawNamed]:
    out = []
    starts = [r.start for r in refs]
    pos = 0
    while (m := rg.named_law.search(text, pos)) is not None:
        name = m.group("name")
        # the name ends where the sentence goes on about the law, or names another document
        # looked for in the text, so that a word after the name may decide ("… không" / "được …")
        ns, ne = m.start("name"), m.end("name")
        cuts = [c.start() for c in (rg.named_end.search(text, ns, min(len(text), ne + 40)),
                                   None if rg.named_amending.match(name) else rg.named_next.search(text, ns, ne))
                if c is not None and c.start() < ne]
        end = min(cuts) if cuts else m.end()
        pos = end
        if (tail := rg.named_tail.search(text, m.start("name"), end)) is not None:
            end = tail.start()
        # numbered, after the name as cut or as matched when no other document is named between
        # ("Luật Hàng không dân dụng Việt Nam số 66/2006/QH11"): already a reference
        numbered_after_cut = end < m.end() and rg.type_any.search(text, end, m.end()) is None \
            and _NUMBERED.match(text[m.end():m.end() + 40]) is not None
        if _NUMBERED.match(text[end:end + 40]) or numbered_after_cut or any(m.start() <= s <= end + 12 for s in starts):
            continue
        item = RawNamed(" ".join(m.group("type").split()), " ".join(text[m.start("name"):end].split()), m.start(),
                        end, relation=_relation(rg, text, m.start()))
        dm = rg.date.match(text, end, end + NEAR)
        if dm is None and (yr := rg.named_gap.match(text, end)) is not None:
            dm = rg.date.match(text, yr.end(), yr.end() + NEAR)  # "… địa phương năm" / "ngày 16/6/2025"
        if dm:
            item.date = _iso(dm.group("d") or dm.group("d2"), dm.group("m") or dm.group("m2"),
                             dm.group("y") or dm.group("y2"))
            item.end = dm.end()
        out.append(item)
    return out


CARRY_REACH = 400  # the longest title between two citations of one list


def _carry_relations(rg: RefGrammar, text: str, refs: list[RawRef]) -> None:
    """A citation with no relation word, listed after one that has a relation with only that
    one's title between them ("Thực hiện Nghị quyết số 57-NQ/TW …; Nghị quyết số 03/NQ-CP …"),
    takes its relation (grammars/references.toml ``relation_carried``)."""
    prev: RawRef | None = None
    for r in refs:
        if r.relation is None and r.kind == "full" and prev is not None and prev.relation is not None \
                and 0 <= r.start - prev.end <= CARRY_REACH:
            head = before_type(rg, text[prev.end:r.start])
            if head is not None and rg.relation_carried.search(head) and not rg.relation_carry_stop.search(head) \
                    and not rg.relation.search(head):
                r.relation = prev.relation
        if r.kind != "short":
            prev = r


def before_type(rg: RefGrammar, gap: str) -> str | None:
    """The text between two citations up to the second one's type name, its "số" cut ("…, của
    Tỉnh ủy; " of "…, của Tỉnh ủy; Quyết định số …"); None when no type name is in it."""
    gap = rg.relation_number_word.sub("", gap)
    tm = rg.type_before.search(gap)
    return gap[:tm.start()] if tm is not None else None


def _relations_after(rg: RefGrammar, jt: Joined, refs: list[RawRef]) -> None:
    """The citations with no relation word of their own in the sentence before "… hết hiệu lực"
    ("Nghị định số 57/2022/NĐ-CP …; Nghị định số 90/2024/NĐ-CP … hết hiệu lực kể từ ngày Nghị
    định này có hiệu lực") take the relation it says (references.toml ``after_relation``, which
    reads it only as the predicate of their clause). The sentence starts after a sentence's end,
    a colon, an empty line, or at a line that opens with a marker or after an upper-case line:
    a hard-wrapped line goes on the sentence above. After an opening "Kể từ ngày … có hiệu lực,"
    (``after_relation_since``) it starts past that clause, and a citation in the clause (another
    document taking effect) means that document, not this one, takes their place."""
    if not refs:
        return
    text = jt.text
    starts = [r.start for r in refs]
    for m in rg.after_relation.finditer(text):
        lo = max(0, m.start() - CARRY_REACH)
        sentence = 0
        for sm in rg.after_relation_start.finditer(text, lo, m.start()):
            sentence = sm.end()
        first = jt.line_at(max(lo, sentence)) - jt.lo
        for i in range(jt.line_at(m.start()) - jt.lo, first, -1):
            line, prev = jt.lines[jt.lo + i], jt.lines[jt.lo + i - 1]
            if line.marker is not None or line.caps or prev.caps or line.cell_break:
                sentence = max(sentence, jt.starts[i])
                break
        since = None
        for cm in rg.after_relation_since.finditer(text, sentence, m.start()):
            since = cm
        if since is not None:
            if bisect_left(starts, since.start()) < bisect_left(starts, since.end()):
                continue
            sentence = since.end()
        if m.group("act") is None and _titled_expiry(rg, text, refs, starts, sentence, m.start()):
            continue
        for r in refs[bisect_left(starts, sentence):bisect_left(starts, m.start())]:
            if r.relation is None and r.kind != "short":
                r.relation = rg.after_relation_name


def _titled_expiry(rg: RefGrammar, text: str, refs: list[RawRef], starts: list[int], sentence: int, at: int) -> bool:
    """Whether "hết hiệu lực" at ``at``, ending its clause, ends the title of the last item's
    citation ("Quyết định số 41/QĐ-UBND … công bố Danh mục thủ tục hành chính hết hiệu lực."):
    references.toml ``after_relation_titled`` between the item's first citation and it."""
    item = sentence
    for im in rg.after_relation_item.finditer(text, sentence, at):
        item = im.end()
    i = bisect_left(starts, item)
    return i < len(refs) and refs[i].start < at and rg.after_relation_titled.search(text, refs[i].end, at) is not None


def _aliases(rg: RefGrammar, text: str, refs: list[RawRef], named: list[RawNamed]) -> None:
    for m in rg.alias.finditer(text):
        alias = " ".join(m.group("alias").split())
        candidates: list[RawRef | RawNamed] = [r for r in refs if r.end <= m.start() and r.kind != "short"]
        candidates += [n for n in named if n.end <= m.start()]
        if not candidates:
            continue
        target = max(candidates, key=lambda r: r.end)
        between = text[target.end:m.start()]
        if len(between) > 200 or rg.type_any.search(between) or ". " in between:
            continue  # another document, or another sentence, stands in between: not this one's alias
        target.alias = target.alias or alias
        if isinstance(target, RawRef):
            # "(sau đây gọi tắt là Nghị quyết số 57-NQ/TW)": the same document again, no citation of its own
            refs[:] = [r for r in refs if not (m.start() < r.start and r.end <= m.end() and r.number == target.number)]
