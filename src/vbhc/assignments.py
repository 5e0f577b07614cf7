"""Assignments: who leads a task, who cooperates, what the task is and by when.

Shapes read (vocabulary in grammars/agencies.toml):
- inline: "X chủ trì, phối hợp với Y, Z … <task>", "Giao X chủ trì …", "X chủ trì <việc>, phối hợp với Y";
- the lead as the subject of a heading ("1. Công an tỉnh" / "- Chủ trì, phối hợp với …"), or a
  clause whose subject is not an agency ("Tiếp tục phát huy vai trò … chủ trì") under such a heading;
- "X phối hợp với Y …" with an agency as X; "Đề nghị X …", "X có trách nhiệm …";
- labelled fields: "Cơ quan chủ trì: …" / "Cơ quan phối hợp: …" / "Thời gian thực hiện: …".
Names keep their printed form; lists are split without breaking names that contain commas
or "và" ("Sở Văn hóa, Thể thao và Du lịch") or fixed collective phrases ("các sở, ban, ngành
liên quan"); "các Sở: Giáo dục và Đào tạo, Nội vụ" is expanded.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .deadlines import RawDeadline
from .deadlines import find as find_deadlines
from .deadlines import pick as pick_deadline
from .deadlines import stated
from .grammar import read_table, table_errors
from .lines import starts_lower
from .normalize import either_tones, fold

_SPLIT = regex.compile(r"\s*,\s*|\s+và\s+")
_SPLIT_ALL = regex.compile(r"\s*,\s*|\s+và\s+|\s*;\s*")
_BRACKETED = regex.compile(r"\((?:[^()]|\([^()]*\))*\)")  # with one level of brackets inside
_HELD = regex.compile(r"\x00(\d+)\x00")  # a protected name held aside while a list is split
_LIST_END = regex.compile(r"(?:\s*,|\s+và)\s*$")
_WORD_CAP = regex.compile(r"(?<![\p{L}])\p{Lu}")
_LIST_GOES_ON = regex.compile(r"\s*(?:,|;|và\b)")
_STOP = regex.compile(r"[;.]")
_NEW_SUBJECT = regex.compile(r";\s*(?=\p{Lu})")
# an item that names its own body before a colon ("c) Sở Tài chính: Bố trí kinh phí")
_OWN_LABEL = regex.compile(r"([^:;.]{2,120}?)\s*:\s*(\S.*)", regex.S)
# a predicate joined to the next one ("tổng hợp và | chịu trách nhiệm"), searched up to it
_JOINED = regex.compile(r"(?:[,;]|(?<![\p{L}])(?:và|hoặc|đồng\s+thời))\s*$")


@dataclass
class AgencyGrammar:
    names: list[str]
    name_keys: dict[str, str]
    heads: tuple[str, ...]
    head_re: regex.Pattern[str]
    not_after: regex.Pattern[str]
    not_after_word: regex.Pattern[str]
    object_after: regex.Pattern[str]
    member_of: regex.Pattern[str]
    member_words: tuple[str, ...]
    counted: regex.Pattern[str]
    not_agencies: tuple[str, ...]
    name_parts: regex.Pattern[str]
    relative: regex.Pattern[str]
    negation: regex.Pattern[str]
    sentence_end: regex.Pattern[str]
    clause_end: regex.Pattern[str]
    clause_break: regex.Pattern[str]
    partner_break: regex.Pattern[str]
    not_name_part: regex.Pattern[str]
    name_link: regex.Pattern[str]
    alias: regex.Pattern[str]
    lower_after: frozenset[str]
    collective: regex.Pattern[str]
    collective_then: regex.Pattern[str]
    elided: regex.Pattern[str]
    name_place: regex.Pattern[str]
    elided_tail: regex.Pattern[str]
    region: regex.Pattern[str]
    protect: regex.Pattern[str]
    abbreviations: list[tuple[regex.Pattern[str], str]]
    lead: regex.Pattern[str]
    partners: regex.Pattern[str]
    partners_named: regex.Pattern[str]
    opener: regex.Pattern[str]
    opener_inside: regex.Pattern[str]
    heading_opener: regex.Pattern[str]
    duty_opener: regex.Pattern[str]
    duty_holder: regex.Pattern[str]
    holder_start: regex.Pattern[str]
    plural_holder: regex.Pattern[str]  # "các doanh nghiệp", "những cá nhân"
    holder_back: regex.Pattern[str]
    holder_sentence: regex.Pattern[str]
    holder_scope: regex.Pattern[str]
    duty_heading: regex.Pattern[str]
    heading_sentence: regex.Pattern[str]
    not_task_heading: frozenset[str]
    directive_kinds: frozenset[str]
    not_task_section: regex.Pattern[str]
    procedure: regex.Pattern[str]
    time_in_name: regex.Pattern[str]
    is_word: regex.Pattern[str]
    role: regex.Pattern[str]
    scope: regex.Pattern[str]
    partnering: regex.Pattern[str]
    trailing_conjunction: regex.Pattern[str]
    copula: regex.Pattern[str]
    plural: regex.Pattern[str]
    list_task: regex.Pattern[str]
    blank_name: regex.Pattern[str]
    blank_mark: regex.Pattern[str]
    task_goes_on: regex.Pattern[str]
    giao_opens: re.Pattern[str]
    bare_heads: frozenset[str]
    modal_tail: regex.Pattern[str]
    aspect_inside: regex.Pattern[str]
    item_opening: regex.Pattern[str]
    no_directives_in: frozenset[str]
    field_group: regex.Pattern[str]
    lead_noun_before: regex.Pattern[str]
    lead_noun_after: regex.Pattern[str]
    lead_noun_tail: regex.Pattern[str]
    modal: frozenset[str]
    not_partner_start: frozenset[str]
    qualifier: regex.Pattern[str]
    subject_qualifier: regex.Pattern[str]  # ``qualifier`` without the words of time or manner
    other_duties: regex.Pattern[str]
    accountable: regex.Pattern[str]
    function_clause: regex.Pattern[str]
    reported: regex.Pattern[str]
    done_task: regex.Pattern[str]
    interrupt: regex.Pattern[str]
    event_time: regex.Pattern[str]
    event_done: regex.Pattern[str]
    meeting: regex.Pattern[str]
    responsible: regex.Pattern[str]
    request: regex.Pattern[str]
    field_lead: regex.Pattern[str]
    field_partners: regex.Pattern[str]
    field_task: regex.Pattern[str]
    field_deadline: regex.Pattern[str]
    deadline_note: regex.Pattern[str]
    deadline_note_at: regex.Pattern[str]  # the same, not anchored: matched from a position
    distributive: regex.Pattern[str]
    distributive_inside: regex.Pattern[str]
    task_start: regex.Pattern[str]
    adverbial: regex.Pattern[str]
    opens_relative: regex.Pattern[str]


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def agency_grammar() -> AgencyGrammar:
    data = read_table("agencies.toml")
    with table_errors("agencies.toml"):
        ph = data["phrases"]
        nouns = _alt(data["collective_nouns"])
        tails = _alt(data["collective_tails"])
        cheads = _alt(data["collective_heads"])
        # a heading may capitalise the party ("Trách nhiệm của Chủ đầu tư", "1. Nhà thầu chịu trách nhiệm:")
        holder = rf"(?:(?i:{_alt(ph['duty_holder_plurals'])})\s+)?(?i:{_alt(ph['duty_holders'])})(?![\p{{L}}])"
        # "các sở, ban, ngành liên quan", "UBND các huyện, thành phố", "sở, ngành có liên quan"
        # an inner noun opens one only after "các" or a head ("Công an tỉnh, …" is a name); a
        # capitalised noun before a capitalised word heads a name ("UBND tỉnh, Sở Tài chính"); a
        # noun before "trưởng" is a person's title ("Văn phòng Bộ, Cục trưởng Cục …"); a noun
        # before a capitalised word other than a tail heads a name ("UBND cấp xã, cơ quan Thuế"),
        # unless it is a place's ("UBND các xã, phường, đặc khu Lý Sơn": read once, atomic); a noun that
        # is also a task verb goes on a collective phrase only after a comma or "và", not as a bare
        # noun ("các sở tổ chức tập huấn", "các đơn vị cấp tài khoản" are the verb); a bare noun right after a capitalised word
        # ends a proper name and opens none ("thành phố Hải Phòng, tỉnh …", "Bộ Quốc phòng, …").
        # The two spellings of a noun are disjoint (as printed, or capitalised in any case): a word
        # read both ways made a failed match try every split, exponential in the number of nouns
        first = _alt([n for n in data["collective_nouns"] if n not in data["collective_inner"]])
        caps = _alt(data["collective_capitals"])
        places = _alt(data["collective_places"])
        # (a task verb that opens with such a noun too: "các cơ quan, đơn vị cấp tài khoản …")
        verbish = [v for v in ph["task_verbs"] if any(v == n or v.startswith(f"{n} ") for n in data["collective_nouns"])]
        bare = rf"\s+(?!(?:{_alt(verbish)})(?![\p{{L}}]))" if verbish else r"\s+"

        def goes_on(nouns: str, caps: str) -> str:  # the nouns after the first, then a tail
            return (rf"(?:(?:\s*(?:,|và|,\s*và)\s+|{bare})(?>(?:{places})(?![\p{{L}}])|(?:(?:{nouns})|(?=\p{{Lu}})(?i:{caps}))"
                    rf"(?![\p{{L}}])(?!\s+(?!(?i:{tails})(?![\p{{L}}]))\p{{Lu}}))(?!\s+trưởng(?![\p{{L}}])))*"
                    rf"(?:\s+(?i:{tails}))?(?![\p{{L}}])")

        # the heads of a place's government first, with places only ("UBND các xã, phường" / "và
        # cơ quan, đơn vị có liên quan"); then any other
        pheads = _alt(data["collective_place_heads"])
        oheads = _alt([h for h in data["collective_heads"] if h not in data["collective_place_heads"]])
        pnouns = _alt(data["collective_places"] + data["collective_place_nouns"])
        collective = (rf"(?:(?:{pheads})\s+(?:(?i:các)\s+(?i:{pnouns})|(?i:{pnouns})(?=\s*,)){goes_on(pnouns, pnouns)}"
                      rf"|(?:(?:{oheads})\s+(?:(?i:các)\s+(?i:{nouns})|(?i:{nouns})(?=\s*,))"
                      rf"|(?i:các)\s+(?:(?i:{nouns})|{caps})|(?<!\p{{Lu}}\p{{L}}*\s)(?i:{first})(?=\s*,))"
                      rf"{goes_on(nouns, f'{nouns}|{caps}')})")
        names = data["names"]
        elided = (rf"(?:(?P<level>{_alt(data['levels'])})|(?i:{places}))(?![\p{{L}}])"
                  rf"(?:\s+(?:\p{{Lu}}[\p{{L}}\d.]*|[-–]))*")
        abbr = rf"(?<!(?<![\p{{L}}])(?:{_alt(data['dot_abbreviations'])}))"  # not the dot of "TP."
        # aspect words, each not after the word that makes it part of a phrase ("nhỏ và vừa")
        aspect = "|".join(
            (rf"(?<!(?<![\p{{L}}]){regex.escape(ph['not_aspect_after'][w])}\s){regex.escape(w)}"
             if w in ph["not_aspect_after"] else regex.escape(w)).replace(r"\ ", r"\s+")
            for w in sorted(ph["aspect"], key=len, reverse=True))
        # known names in any case: a heading prints them in capitals ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH")
        # (an empty table adds no branch: an empty one would match nothing at every word's edge)
        known = [p for p in (either_tones(_alt(names + data["kept_phrases"])),
                             *(either_tones(shape) for shape in data["name_shapes"])) if p]
        protect = regex.compile((rf"(?<![\p{{L}}])(?i:{'|'.join(known)})(?![\p{{L}}])|" if known else "")
                                + collective)
        abbreviations = [(regex.compile(rf"(?<![\p{{L}}]){regex.escape(k)}(?![\p{{L}}])"), v)
                         for k, v in data["abbreviations"].items()]
        return AgencyGrammar(
            names=names,
            name_keys={fold(n): n for n in names},
            heads=tuple(sorted(data["heads"], key=len, reverse=True)),
            head_re=regex.compile(rf"^(?:(?i:các)\s+)?(?P<h>{_alt(data['heads'])})(?P<after>$|[:,]|\s+(?P<nxt>\S))"),
            lower_after=frozenset(data["lower_after"]),
            not_agencies=tuple(data["not_agencies"]),
            name_parts=regex.compile(rf"^(?:{either_tones(_alt(data['name_parts']))})(?![\p{{L}}])"),
            # an item of a list that opens with an actor or a collective noun, or closes with a
            # collective tail, is an item of its own even when it reads as no agency
            not_name_part=regex.compile(rf"^(?:{_alt(data['actors'])}|{nouns})(?![\p{{L}}])"
                                        rf"|(?<![\p{{L}}])(?:{tails})$"),
            alias=regex.compile(ph["alias"]),
            negation=regex.compile(rf"(?<![\p{{L}}])(?i:{_alt(ph['negation'])})\s+$"),
            # the task verb is within four words after "được" (the text before it is searched)
            relative=regex.compile(rf"(?<![\p{{L}}])(?i:{_alt(ph['relative'] + ph['function_words'])})(?:\s+\S+){{0,3}}\s+$"),
            # a full stop, not of "..." or an abbreviation, not after a bare item number ("mục 2.",
            # "sau: 1."), before the capital letter of the next sentence
            sentence_end=regex.compile(rf"{abbr}(?<!\.)(?<![\s(]\d{{1,3}})(?<![\s(]\p{{L}})\.(?!\.)\s+(?=\p{{Lu}})"),
            # where a task ends, a subject starts, a partner list ends: a full stop there is not
            # the dot of an abbreviation ("UBND TP. Hồ Chí Minh"); nor the colon of "các Sở: A, B"
            clause_end=regex.compile(rf";|{abbr}\.(?:\s|$)|:\s*$|\./\.?"),  # "./." ends a document's text
            clause_break=regex.compile(rf";\s*|{abbr}\.\s+|(?<!(?i:các)\s+\p{{Lu}}\p{{Ll}}*):\s+"),
            partner_break=regex.compile(rf"[;(]|{abbr}\.(?:\s|$)|(?<!(?i:các)\s+\p{{Lu}}\p{{Ll}}*):"),
            name_link=regex.compile(rf"(?<![\p{{L}}])(?:{_alt(data['name_links'])})$"),
            not_after=regex.compile(rf"(?<![\p{{L}}])(?i:{_alt(data['not_after'])})\s*$"),
            not_after_word=regex.compile(rf"(?<![\p{{L}}])(?i:{_alt(data['not_after'])})(?![\p{{L}}])"),
            member_of=regex.compile(rf"^(?i:các)\s+(?i:{nouns})(?![\p{{L}}])(?!\s+(?i:{_alt(data['not_member'])})(?![\p{{L}}]))"
                                    rf"[^;:.]*?\s(?:{_alt(data['member_of'])})"
                                    rf"\s+(?P<of>\p{{Lu}}.*)$"),
            member_words=tuple(data["member_of"]),
            counted=regex.compile(rf"(?<![\p{{L}}\d])(?:\d+|(?i:{_alt(data['numerals'])}))\s+(?i:{nouns})"
                                  rf"(?:\s*/\s*(?i:{nouns}))*\s*$"),
            object_after=regex.compile(rf"(?<![\p{{L}}])(?i:{_alt(data['object_after'])})\s*$"),
            collective=regex.compile(rf"^{collective}$"),
            # a collective phrase, then more bodies: "Các sở, ban, ngành, UBND các xã, phường"
            # (opening with "các" or a head: a bare noun before a comma is no such phrase, "phòng, …")
            collective_then=regex.compile(rf"^(?=(?i:các)\s|(?:{cheads})\s){collective}"
                                          rf"(?:\s*,\s*|\s+và\s+|\s*,\s*và\s+)(?P<rest>\S.*)$"),
            # "cấp xã", "Thành phố Hồ Chí Minh": an item that is only a level or a place (group
            # "level" for a level), and the same at the end of the name before it
            elided=regex.compile(rf"^{elided}$"),
            name_place=regex.compile(rf"\s+{elided}"),
            elided_tail=regex.compile(rf"(?<=\S)\s+(?P<q>{elided})$"),
            region=regex.compile(rf"(?<![\p{{L}}])(?:{_alt(data['regions'])})\s+\S"),
            protect=protect,
            abbreviations=abbreviations,
            lead=regex.compile(ph["lead"]),
            partners=regex.compile(ph["partners"]),
            partners_named=regex.compile(ph["partners_named"]),
            opener=regex.compile(ph["opener"]),
            subject_qualifier=regex.compile(ph["qualifier"]),
            other_duties=regex.compile(ph["other_duties"]),
            accountable=regex.compile(ph["accountable"]),
            function_clause=regex.compile(ph["function_clause"]),
            qualifier=regex.compile(
                rf"{ph['qualifier']}|(?i:(?:\s+(?:{aspect}|và))*"
                rf"\s+(?:{aspect}|(?:có|chịu)\s+trách\s+nhiệm)\s*$)"),
            reported=regex.compile(rf"(?<![\p{{L}}])(?i:{_alt(ph['past'])})(?:\s+(?i:{aspect}))*\s*$"),
            done_task=regex.compile(rf"\s*(?i:{_alt(ph['past'])})(?![\p{{L}}])"),
            interrupt=regex.compile(ph["interrupt"]),
            event_time=regex.compile(ph["event_time"]),
            event_done=regex.compile(ph["event_done"]),
            meeting=regex.compile(ph["meeting"]),
            opener_inside=regex.compile(ph["opener_inside"]),
            heading_opener=regex.compile(ph["heading_opener"]),
            duty_opener=regex.compile(ph["duty_opener"]),
            duty_holder=regex.compile(rf"{ph['duty_opener']}(?P<holder>{holder}.*)", regex.S),
            holder_start=regex.compile(holder),
            plural_holder=regex.compile(rf"(?i:{_alt(ph['duty_holder_plurals'])})\s+(?i:{_alt(ph['duty_holders'])})(?![\p{{L}}])"),
            holder_back=regex.compile(rf"(?i:(?:(?:{_alt(ph['duty_holder_plurals'])})\s+)?(?:{_alt(ph['duty_holder_back'])}))$"),
            holder_sentence=regex.compile(ph["holder_sentence"]),
            holder_scope=regex.compile(ph["holder_scope"]),
            duty_heading=regex.compile(ph["duty_heading"]),
            heading_sentence=regex.compile(ph["heading_sentence"]),
            not_task_heading=frozenset(ph["not_task_heading"]),
            directive_kinds=frozenset(ph["directive_kinds"]),
            not_task_section=regex.compile(ph["not_task_section"]),
            procedure=regex.compile(ph["procedure"]),
            time_in_name=regex.compile(ph["time_in_name"]),
            is_word=regex.compile(ph["is_word"]),
            role=regex.compile(ph["role"]),
            scope=regex.compile(ph["scope"]),
            partnering=regex.compile(ph["partnering"]),
            trailing_conjunction=regex.compile(ph["trailing_conjunction"]),
            copula=regex.compile(ph["copula"]),
            plural=regex.compile(ph["plural"]),
            list_task=regex.compile(ph["list_task"]),
            blank_name=regex.compile(ph["blank_name"]),
            blank_mark=regex.compile(ph["blank_mark"]),
            task_goes_on=regex.compile(ph["task_goes_on"]),
            giao_opens=re.compile(ph["giao_opens"]),
            bare_heads=frozenset(h for head in data["heads"] for h in (head, head[:1] + head[1:].lower())),
            modal_tail=regex.compile(rf"\s+(?:{_alt(ph['modal'])})\s*$"),
            # an aspect word after a name opens its predicate, whatever verb follows ("Bộ Tài
            # chính kịp thời xuất cấp …"); lower case only, not inside a name
            aspect_inside=regex.compile(rf"(?<=\p{{L}}\s)(?:{aspect})\s+(?=\p{{Ll}})"),
            # "Chủ động …", "Là đầu mối, …" before an item's own phrase (:func:`_opening_end`)
            item_opening=regex.compile(rf"(?:(?i:{aspect})|{ph['item_role']})(?![\p{{L}}])\s*,?\s*"),
            no_directives_in=frozenset(ph["no_directives_in"]),
            field_group=regex.compile(ph["field_group"]),
            lead_noun_before=regex.compile(ph["lead_noun_before"]),
            lead_noun_after=regex.compile(ph["lead_noun_after"]),
            lead_noun_tail=regex.compile(ph["lead_noun_tail"]),
            modal=frozenset(ph["modal"]),
            not_partner_start=frozenset(ph["not_partner_start"]),
            responsible=regex.compile(ph["responsible"]),
            request=regex.compile(ph["request"]),
            field_lead=regex.compile(ph["field_lead"]),
            field_partners=regex.compile(ph["field_partners"]),
            field_task=regex.compile(ph["field_task"]),
            field_deadline=regex.compile(ph["field_deadline"]),
            deadline_note=regex.compile(ph["deadline_note"]),
            deadline_note_at=regex.compile(ph["deadline_note"].removeprefix("^")),
            distributive=regex.compile(ph["distributive"]),
            distributive_inside=regex.compile(ph["distributive_inside"]),
            adverbial=regex.compile(rf"(?i:{_alt(ph['adverbial'])})(?![\p{{L}}])"),
            opens_relative=regex.compile(rf"(?<![\p{{L}}])(?i:{_alt(ph['relative'])})(?![\p{{L}}])"),
            task_start=regex.compile(rf"(?<=\s)(?<!(?<![\p{{L}}])(?:{_alt(ph['verb_not_after'])})\s)"
                                     rf"(?:{_alt(ph['task_verbs'])})(?![\p{{L}}])"),
        )


def key(name: str) -> str:
    """Grouping key: case, tone placement and abbreviations (UBND ↔ Ủy ban nhân dân) folded."""
    ag = agency_grammar()
    for pattern, full in ag.abbreviations:
        name = pattern.sub(full, name)
    return fold(name)


def is_agency(text: str) -> bool:
    ag = agency_grammar()
    t = text.strip()
    if not t:
        return False
    if ag.collective.match(t) or fold(t) in ag.name_keys:
        return True
    if ("," in t or " và " in t) and (cm := ag.collective_then.match(t)) is not None and is_agency(cm.group("rest")):
        return True  # "Các sở, ban, ngành, UBND các xã, phường": a collective phrase, then more bodies
    m = ag.head_re.match(t)
    if m is None:
        # "các cơ quan chuyên môn thuộc UBND tỉnh" (not "các trường hợp thuộc Sở Y tế quản lý")
        mm = ag.member_of.match(t) if any(w in t for w in ag.member_words) else None
        return mm is not None and is_agency(mm.group("of"))
    nxt = m.group("nxt")
    head = m.group("h")
    return not nxt or " " in head or head in ag.lower_after or nxt.isupper() or not nxt.isalpha()


def lead_names(name: str) -> list[str]:
    """The bodies a lead names: a party a heading describes after "Trách nhiệm của" ("cơ quan,
    tổ chức quản lý trực tiếp", "đơn vị, tổ chức thực hiện nhiệm vụ bồi thường, giải phóng mặt
    bằng") is one, its commas inside its description; any other lead is split by :func:`split_names`."""
    if agency_grammar().holder_start.match(name) and not is_agency(name):
        return [" ".join(name.split())]
    return split_names(name)


def split_names(text: str) -> list[str]:
    """Split a list of agencies: protected names and collective phrases stay whole;
    "các Sở: A, B" is expanded to "Sở A", "Sở B"."""
    ag = agency_grammar()
    text = " ".join(text.replace("\x00", " ").split())  # NUL marks the names held aside below
    if "(" in text:
        text = ag.alias.sub("", text)
    text = text.strip(" ,;.:")
    if not text:
        return []
    dm = ag.distributive.match(text)
    if dm and any(dm.group("head").startswith(h) for h in ag.heads):
        head, title = dm.group("head"), dm.group("title")
        # "Giám đốc các Sở: Xây dựng, Tài chính": the title goes on each name distributed
        return [f"{title}{n}" if title and n.startswith(head) else n for n in _distribute(head, dm.group("items"))]
    if ":" in text and (im := ag.distributive_inside.search(text)) is not None:
        # "…, nhất là các Bộ: Quốc phòng, Công an": the names before it, then the list distributed
        return [*split_names(text[:im.start()]), *split_names(text[im.start("list"):])]
    # protected names and collective phrases become placeholders, the rest is split on
    # commas, "và" and semicolons, and the placeholders are put back
    kept: list[str] = []

    def hold(m: regex.Match[str]) -> str:
        kept.append(m.group())
        return f"\x00{len(kept) - 1}\x00"

    held = ag.protect.sub(hold, text)
    if "(" in held:  # a remark in brackets is part of the item it follows: "Bộ X (chủ trì phần A, B)"
        held = _BRACKETED.sub(hold, held)
    out: list[str] = []
    # of the last item: whether it names an agency (worked out once, when first asked) and the
    # words it is made of (kept as it grows, so that a long list costs linear time)
    last_agency: bool | None = None
    last_words: set[str] = set()
    pos = 0
    seps = [*_SPLIT_ALL.finditer(held), None]
    for k, sep in enumerate(seps):
        part = held[pos:sep.start()] if sep is not None else held[pos:]
        for _ in range(2):  # a bracket held aside may hold a name held aside before it
            part = _HELD.sub(lambda m: kept[int(m.group(1))], part)
        name = _tidy(part)
        before = seps[k - 1].group() if k else ""
        joins = False
        if name and out and ";" not in before:
            parts = ag.name_parts.match(name) is not None
            if name[:1].islower() and ag.name_link.search(out[-1], max(0, len(out[-1]) - 20)):
                joins = True  # an item never ends in "thuộc": "các đơn vị thuộc, trực thuộc Bộ"
            elif parts or (name[:1].islower() and name.split(None, 1)[0] in last_words):
                if last_agency is None:
                    last_agency = is_agency(out[-1]) and not ag.collective.match(out[-1])
                joins = last_agency and (parts or _goes_on(name))
            elif ag.region.search(out[-1]) is not None:
                joins = _goes_on(name)  # "… vùng đồng bằng sông Hồng và Đông Nam Bộ": one more region
        if name and out and not joins and (whole := _elided(out[-1], name)) is not None:
            name = whole  # "… cấp tỉnh, cấp xã": the same body at the other level
        if joins:
            # "…, Hạ tầng và Đô thị"; "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
            # "các đơn vị thuộc, trực thuộc Bộ"
            out[-1] = f"{out[-1]}{before if ',' in before else ' và '}{name}"
            last_words.update(name.split())
        elif name:
            out.append(name)
            last_agency, last_words = None, set(name.split())
        if sep is not None:
            pos = sep.end()
    return out


def _elided(last: str, item: str) -> str | None:
    """The name an item of a list stands for when it is only a level or a place and the name
    before it ends in one the same way: the head of that name, then the item ("Ban Chỉ huy Phòng
    thủ dân sự cấp tỉnh" / "cấp xã", "UBND thành phố Hà Nội" / "Thành phố Hồ Chí Minh"); else None.
    Not after a collective phrase ("UBND các tỉnh" / "Thành phố Hồ Chí Minh": a body of its own)."""
    ag = agency_grammar()
    if (im := ag.elided.match(item)) is None or (tm := ag.elided_tail.search(last)) is None \
            or (im.group("level") is None) != (tm.group("level") is None) \
            or (im.group("level") is None and _named_place(tm.group("q")) != _named_place(item)):
        return None  # (a bare place elides only a bare one: "… tỉnh" / "Tỉnh Đoàn" is a body of its own)
    head = last[:tm.start()]
    if ag.collective.match(last) or not is_agency(head):
        return None
    return f"{head} {item}"


def _named_place(text: str) -> bool:
    """Whether a place is written with its name ("thành phố Hà Nội", "Tỉnh Đoàn" as printed),
    not as a bare word ("tỉnh", "thành phố")."""
    return any(w[:1].isupper() for w in text.split()[1:])


def _goes_on(part: str) -> bool:
    """Whether a lower-case item of a list, after an agency's name that shares the item's first
    word ("các khu công nghệ cao" / "khu công nghiệp"), is the rest of that name: it names no
    agency and is no list item of its own (an actor, a collective noun, a collective tail:
    "cán bộ, công chức", "đơn vị liên quan")."""
    return not agency_grammar().not_name_part.search(part) and not is_agency(part)


def _distribute(head: str, items: str) -> list[str]:
    ag = agency_grammar()
    items = items.strip(" .;")
    tail: list[str] = []
    for m in ag.protect.finditer(items):
        if ag.collective.match(m.group()):  # "… và các cơ quan liên quan": the distributed list ends
            tail = split_names(items[m.start():])
            items = _LIST_END.sub("", items[:m.start()])
            break
    tokens = _SPLIT.split(items)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        best = 1
        for j in range(len(tokens), i + 1, -1):  # the longest run of tokens that is a known name
            joined = ", ".join(tokens[i:j])
            for sep_joined in (joined, ", ".join(tokens[i:j - 1]) + " và " + tokens[j - 1]):
                if fold(f"{head} {sep_joined}") in ag.name_keys:
                    best = j - i
                    out.append(ag.name_keys[fold(f"{head} {sep_joined}")])
                    break
            if best > 1:
                break
        if best == 1 and tokens[i]:
            out.append(f"{head} {tokens[i]}")
        i += best
    return out + tail


def _tidy(name: str) -> str:
    return name.strip(" ,;.:-–").removeprefix("và ").strip()


@dataclass
class RawAssignment:
    lead: list[str]
    partners: list[str]
    task: str | None
    start: int
    end: int
    path: list[str] = field(default_factory=list)
    deadline: RawDeadline | None = None
    phrase: str = "chủ trì"  # what named the lead: chủ trì, phối hợp, đề nghị, giao, trách nhiệm, fields, table, heading, subject
    reported: bool = False  # work already done ("Sở X đã chủ trì …"), not a task given
    requested: bool = False  # read from a request ("Giao X …", "UBND tỉnh đề nghị X …")


# How far a clause's subject or a partner list may reach. Agency names are short; bounding
# the reach keeps the work per lead word constant, so a paragraph of any length (or one
# 1 MB line without a full stop) costs linear time.
# Every match or search at a position is bounded likewise: with no end, the regex engine first
# looks for a word the pattern needs through the whole rest of the text, on every call.
REACH = 400
TASK_REACH = 2000  # a task runs to its clause's end, and never further than this
LIST_REACH = 2000  # how far back a list of names separated by ";" before "chịu trách nhiệm" is read
PARTNER_WORDS = 40  # longer than any partner phrase ("phối hợp chặt chẽ với ")


def _clause_start(text: str, pos: int) -> int:
    lo = max(0, pos - REACH)
    cut = lo
    for m in agency_grammar().clause_break.finditer(text, lo, pos):
        cut = m.end()
    if cut == lo and lo:  # no clause break within reach: start at a word boundary
        space = text.find(" ", lo, pos)
        cut = space + 1 if space >= 0 else pos
    return cut


def _listed_before(text: str, cs: int) -> int:
    """Where a list of names separated by ";" that ends at clause start ``cs`` begins: "Chánh
    Văn phòng UBND tỉnh; Giám đốc Sở …; Thủ trưởng các sở, ngành … chịu trách nhiệm thi hành" (the
    closing article of most decisions) names all of them. A segment that holds a verb, a lead
    word or a request is a clause of its own and ends the walk; so does LIST_REACH."""
    ag = agency_grammar()
    floor = max(0, cs - LIST_REACH)
    while cs > floor and text[cs - 2:cs].rstrip().endswith(";"):
        semi = text.rfind(";", floor, cs)
        start = _clause_start(text, semi)
        if start < floor:
            break
        seg = text[start:semi].strip(" ,")
        if not seg or len(seg) > 200 or not seg[:1].isupper() or not is_agency(seg) or _task_cut(seg) is not None \
                or ag.lead.search(seg) or ag.responsible.search(seg) or ag.request.match(seg):
            break
        cs = start
    return cs


def _agency_in(lead: str) -> str | None:
    """The agency named by a clause's subject: the whole subject, or its tail after a lead-in
    ("Trên cơ sở …, Sở Khoa học và Công nghệ", "gửi Sở Khoa học và Công nghệ tổng hợp")."""
    if is_agency(lead):
        return _untask(lead)
    ag = agency_grammar()
    lead = _after_opener(lead)  # "… và giao 01 địa phương": the one given the task is not named
    if "," in lead:
        # "trên cơ sở đề xuất của Sở X, Cơ quan Thuế tỉnh hoặc các sở, ngành liên quan, Sở Tài
        # chính": the subject is the last item, after a lead-in that runs over several commas
        last = lead.rsplit(",", 1)[1].strip()
        if last[:1].isupper() and is_agency(last):
            return _untask(last) or None
    for m in _WORD_CAP.finditer(lead):
        tail = lead[m.start():]
        if ag.not_after.search(lead[:m.start()]):
            return None  # "do đồng chí Chủ tịch chủ trì": chaired by a person
        if not is_agency(tail) or tail.startswith(ag.not_agencies) or ag.object_after.search(lead, 0, m.start()):
            continue
        return _untask(tail) or None
    if (ag.holder_start.match(lead) or ag.not_name_part.match(lead)) and _task_cut(lead) is None \
            and ag.opener_inside.search(lead) is None and ag.opens_relative.search(lead, max(0, len(lead) - 30)) is None:
        # a party no agency name opens, given the task by name ("Giao cơ quan có chức năng quản lý
        # đất đai cấp tỉnh chủ trì …", "Chủ tịch UBND cấp xã giao phòng chuyên môn … chủ trì …"), not
        # one described by the lead word ("Các cơ quan được phân công chủ trì …": a role)
        return lead
    return None


def _untask(name: str) -> str:
    """Drop a task verb trailing a subject: "Sở Khoa học và Công nghệ tổng hợp" → the Sở;
    "Sở Y tế căn cứ Danh mục … chịu trách nhiệm" → the Sở (see :func:`_task_cut`)."""
    v = _task_cut(name)
    return (name if v is None else name[:v]).strip(" ,")


def task_verb_at(text: str) -> int | None:
    """Where a task verb starts in ``text`` read as a subject (see :func:`_task_cut`), or None."""
    return _task_cut(text)


def _task_cut(name: str) -> int | None:
    """Where a task verb starts inside a subject, or None. A verb word inside a protected name
    or collective phrase ("tổ chức, cá nhân có liên quan", "Ban Quản lý dự án đầu tư xây
    dựng"), in a relative clause ("các cơ quan được tổ chức theo ngành dọc"), or followed by
    more names of the list ("Cục trưởng Cục X tổng hợp, Cục trưởng Cục …") is part of a name."""
    ag = agency_grammar()
    held = None
    for vm in ag.task_start.finditer(name):
        v = vm.start()
        if held is None:
            held = [(p.start(), p.end()) for p in ag.protect.finditer(name)]
        if any(a <= v < b for a, b in held) or _relative(name, v) or _names_follow(name, vm.end()):
            continue
        return v
    return None


def _agency_before_verb(text: str, subject: str, end: int) -> bool:
    """Whether an agency is named before the first verb of ``subject``, when the whole is not
    read as one, and that verb's predicate is joined to the one at ``end`` ("Các sở tổ chức
    thực hiện và chịu trách nhiệm …": "tổ chức" after a collective noun is a verb)."""
    v = _task_cut(subject)
    # bounded: a search to ``end`` from the text's start would scan the whole paragraph per phrase
    return v is not None and _JOINED.search(text, max(0, end - PARTNER_WORDS), end) is not None \
        and is_agency(subject[:v].strip(" ,"))


def _relative(text: str, v: int) -> bool:
    """Whether the verb at ``v`` is inside a relative clause opened just before it ("được")."""
    return agency_grammar().relative.search(text, max(0, v - 40), v) is not None


def _subject(text: str, cs: int, subject: str, joined_before: int | None = None) -> tuple[list[str], int | None]:
    """The names of a subject read before "có trách nhiệm" or "phối hợp với", and where in
    ``text`` the predicate cut from it starts ("Sở Tài chính tổng hợp và chịu trách nhiệm …":
    the task begins at "tổng hợp"), None when nothing was cut. With ``joined_before`` (where
    "chịu trách nhiệm" starts), after a common noun that holds no name, or inside a relative
    clause ("được …"), a predicate is cut only when it is joined to that one ("và", a comma): a
    verb phrase right before it qualifies the noun ("Thủ trưởng cơ quan tổ chức lập quy hoạch
    chịu trách nhiệm …" names the head of the body organising the plan; "Sở Y tế căn cứ Danh
    mục … có trách nhiệm" is still cut)."""
    v = _task_cut(subject)
    at = text.find(subject, cs) if v is not None else -1
    ag = agency_grammar()
    if v is not None and joined_before is not None and at >= 0 \
            and (not _WORD_CAP.search(subject, 1, v) or ag.opens_relative.search(subject, 0, v)) \
            and not _JOINED.search(text, at + v, joined_before) and not ag.adverbial.match(subject, v):
        # a common noun with no name in it, then a verb ("cơ quan tổ chức lập …"); a verb
        # further into a relative clause ("các đơn vị được giao nhiệm vụ phổ biến thông tin thống kê")
        v = None
    if v is None:
        return split_names(subject.strip(" ,")), None
    if (rm := ag.reported.search(subject, 0, v)) is not None:
        v = rm.start()  # "NHNN đã khẩn trương làm việc …": the tense word opens the predicate
    return split_names(subject[:v].strip(" ,")), (at + v if at >= 0 else None)


def _names_follow(text: str, pos: int) -> bool:
    """Whether the list goes on with a body's name after ``pos`` (", Cục trưởng Cục …")."""
    return any(p[:1].isupper() and is_agency(p) for part in _SPLIT_ALL.split(text[pos:])[1:] if (p := _tidy(part)))


def _lead_text(text: str, start: int, end: int) -> str:
    ag = agency_grammar()
    lead = text[start:end].strip(" ,")
    m = ag.opener.match(lead)
    if m:
        lead = lead[m.end():]
    lead = _after_opener(lead)
    # "…, trong 05 ngày làm việc, Sở X": the subject, a name, follows the last clause before it
    # ("Trên cơ sở đề xuất của các sở, ban, ngành" is one clause, not a clause and a subject)
    clause = None
    for clause in ag.interrupt.finditer(lead):
        pass
    if clause is not None and lead[clause.end():].lstrip()[:1].isupper():
        lead = lead[clause.end():]
    return _unqualified(lead).strip()


def _after_opener(lead: str) -> str:
    """"Theo đề nghị của …, Chủ tịch UBND tỉnh giao X chủ trì": the subject follows the last
    opener verb, when a name, an agency or a number follows it ("… và giao 01 địa phương chủ
    trì": a body given by number, which is no agency); a verb followed by lower-case words is
    part of the text ("nhiệm vụ được giao và chủ trì", "Trung tâm Chuyển giao công nghệ")."""
    last = None
    for last in agency_grammar().opener_inside.finditer(lead):
        pass
    if last is None:
        return lead
    rest = lead[last.end():]
    if rest[:1].isupper() or rest[:1].isdigit() or is_agency(rest):
        return rest
    ag = agency_grammar()
    if (ag.holder_start.match(rest) or ag.not_name_part.match(rest)) and _giver(lead[:last.start()]) \
            and ag.request.match(lead, last.start()) is not None:
        # "Chủ tịch Ủy ban nhân dân cấp xã giao phòng chuyên môn có chức năng về tài chính chủ trì":
        # a party no agency name opens, given the task by the body before "giao"
        return rest
    return lead


def _label(text: str, pos: int) -> str:
    """The agency that labels the clauses before ``pos``, "Cục Bảo tồn thiên nhiên: Chủ trì …;
    chủ trì, phối hợp với …": the subject of those that name none. The nearest "X:" before
    ``pos`` whose X is an agency ("" when there is none)."""
    colon = text.rfind(":", 0, pos)
    if colon <= 0:
        return ""
    head = text[:colon].rstrip()
    label = _unqualified(head[_clause_start(head, len(head)):].strip(" ,-–+•"))
    label = _after_opener(label).strip()
    return _untask(label) if label and len(label) <= 200 and is_agency(label) else ""


def _unqualified(lead: str) -> str:
    """Without a trailing "theo chức năng, nhiệm vụ …" or "có trách nhiệm": they qualify the
    subject (grammars/agencies.toml ``qualifier``)."""
    m = agency_grammar().qualifier.search(lead)
    return lead[:m.start()] if m is not None and m.start() > 0 else lead


def _names_go_on(text: str, at: int, stop: int, names_only_before: bool, subject: bool = False) -> bool | None:
    """Whether the partner list goes on after a ";" at ``at``: the next clause opens with a body
    and names no lead, partner or duty of its own ("…; Sở B chủ trì …" is a new row). A clause
    with a verb of its own goes on the list only after a clause of names alone ("… với các sở;
    UBND các xã; các doanh nghiệp triển khai …"), or in the names a request is made to
    (``subject``: "Đề nghị UBND các xã, phường; các đơn vị, cơ sở giáo dục trực thuộc thực hiện
    …"); right after the first partners it is a body's own duty ("… với Bộ Chỉ huy Quân sự tỉnh;
    Sở Y tế bảo đảm công tác y tế"). None: the clause goes on the list and is names alone; True:
    it goes on with the task's verb; False: it does not."""
    ag = agency_grammar()
    nxt = ag.partner_break.search(text, at, stop)
    clause = text[at:nxt.start() if nxt is not None else stop].strip()
    vm = ag.task_start.search(clause)
    name = clause[:vm.start()] if vm is not None else clause  # the names before the task's verb
    if not name.strip() or not is_agency(name.split(",")[0].strip()):
        return False
    if ag.lead.search(clause) or ag.partnering.search(clause) or ag.responsible.search(clause) \
            or ag.request.match(clause):
        return False
    if vm is None:
        return None
    return names_only_before or subject


def _names_partners(text: str, m: regex.Match[str]) -> bool:
    """Whether the partner phrase matched at ``m`` names partners: with "với" ("phối hợp với Sở
    X"), or "phối hợp" right before a body's name ("Phối hợp Sở Xây dựng đề xuất …"); without
    "với" a verb may follow ("phối hợp thực hiện", "phối hợp tuyên truyền": no partner), and
    "cùng" alone is often no partner phrase ("cùng kỳ năm trước")."""
    ag = agency_grammar()
    if ag.partners_named.search(m.group()) is not None:
        return True
    if ag.partnering.match(m.group()) is None:
        return False
    at = m.end()
    while at < len(text) and text[at].isspace():
        at += 1
    # (every match bounded: a pattern with a required word scans to the text's end without one)
    if ag.task_start.match(text, at, at + 40) is not None or (text[at:at + 1].islower()
                                                             and ag.protect.match(text, at, at + REACH) is None
                                                             and ag.holder_start.match(text, at, at + 80) is None):
        return False  # "phối hợp thực hiện …", "phối hợp trong …": no name follows (cheap, before the scan)
    names, _ = _partner_text(text, m.end())
    if not names or names.split(None, 1)[0] in ag.not_partner_start or not is_agency(names):
        return False
    # and its subject is a body's name alone, or none (an item under the body's heading): not
    # "Sở X có trách nhiệm tổ chức … làm cơ sở để phối hợp Sở Y …", a purpose inside a sentence
    subject = _lead_text(text, _clause_start(text, m.start()), m.start())
    return not subject or (len(subject) <= 200 and is_agency(subject) and _task_cut(subject) is None
                           and ag.heading_sentence.search(subject) is None)


def _partner_text(text: str, start: int, subject: bool = False) -> tuple[str, int]:
    """The partner list from ``start`` to where the task begins (``subject``: the names after
    "Giao", "Đề nghị": a collective phrase after their first verb is the task's object)."""
    ag = agency_grammar()
    stop = min(len(text), start + REACH)
    # a remark in brackets goes with the partner it follows ("Sở Tài chính (cơ quan thường
    # trực), Sở Xây dựng"): its words neither end the list nor start the task
    brackets: list[tuple[int, int]] = []
    pos = start
    names_only = False  # a clause of names alone went on the list after a ";"
    while (end_m := ag.partner_break.search(text, pos, stop)) is not None:
        if end_m.group() == ";" and (goes_on := _names_go_on(text, end_m.end(), stop, names_only, subject)) is not False:
            pos = end_m.end()  # "… với các sở, ngành; Ủy ban nhân dân các xã; các cơ quan … triển khai"
            names_only = names_only or goes_on is None
            continue
        bm = _BRACKETED.match(text, end_m.start(), stop) if end_m.group() == "(" else None
        if bm is None:
            stop = end_m.start()
            if end_m.group() == ":" and (em := _ENUMERATED.match(text, end_m.end(), end_m.end() + REACH)) is not None \
                    and (vm := ag.task_start.match(text, em.end(), em.end() + 40)) is not None:
                # "Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, Quảng Trị, …,
                # Lâm Đồng tập trung …": the names end at the colon, the places it lists say which;
                # the task starts at the verb after them
                return text[start:stop].strip(" ,"), vm.start()
            break
        brackets.append((bm.start() - start, bm.end() - start))
        pos = bm.end()
    segment = text[start:stop]
    held = list(ag.protect.finditer(segment))  # once: the names and collective phrases, for both loops
    cut = None
    pos = 0
    while (vm := ag.task_start.search(segment, pos)) is not None:
        # a verb inside a protected name, a collective phrase or brackets does not start the task
        inside = any(a < vm.start() < b for a, b in brackets) or any(p.start() < vm.start() < p.end() for p in held)
        if not inside and not _relative(segment, vm.start()):
            # a tense word before the verb opens the task with it ("… với các sở đã tổ chức")
            rm = ag.reported.search(segment, 0, vm.start())
            cut = rm.start() if rm is not None else vm.start()
            break
        pos = vm.end()
    for p in held:
        if subject and cut is not None and p.end() > cut:
            break
        # a collective phrase closed by "liên quan" ends the list unless a separator follows
        # (after its remark in brackets, if any: "các đơn vị liên quan (nếu có)"), even after a
        # verb that describes a partner ("đơn vị cung cấp dịch vụ … và các cơ quan liên quan");
        # after the first verb of a subject it is the task's object ("Giao Văn phòng kiểm tra,
        # đôn đốc các cơ quan, đơn vị có liên quan")
        if ag.collective.match(p.group()) and p.group().endswith("liên quan"):
            end = p.end()
            bm = _BRACKETED.match(segment, end + 1) if segment[end:end + 2] == " (" else None
            if bm is not None:
                end = bm.end()
            if not _LIST_GOES_ON.match(segment, end):
                return segment[:end].strip(" ,"), start + end
    rm = None if subject else ag.responsible.search(segment, 0, cut if cut is not None else len(segment))
    if rm is not None:
        cut = rm.start()  # "… với Bộ trưởng Bộ Công an chịu trách nhiệm hướng dẫn …": a duty of both
    if cut is not None:
        # "… với các bộ, ngành, địa phương và chỉ đạo …": the conjunction joins the task, not a name
        return ag.trailing_conjunction.sub("", segment[:cut]).strip(" ,"), start + cut
    return segment.strip(" ,"), stop


# the places a colon lists after a collective name, up to the verb: "…: Hà Tĩnh, Quảng Trị, Huế,
# Đà Nẵng " (capitalised words, two items or more)
_ENUMERATED = regex.compile(r"\s*\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)*(?:\s*,\s*\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)*)+\s+")


def _head(node) -> str | None:
    """What heads the items below a node: its title, or its text when that ends with ":"."""
    return node.title or (node.text if node.text and node.text.rstrip().endswith(":") else None)


def _agency_heading(path_nodes: list) -> str | None:
    """The agency the nearest heading above names; a clause that is no heading but introduces
    the items below it ("2. Ban Quản lý … có trách nhiệm:") heads them too."""
    ag = agency_grammar()
    for node in reversed(path_nodes):
        if node.kind in ag.not_task_heading:
            continue  # "Chương III. TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ" names no one body
        head = _head(node)
        if head and (heading := _heading_agency(head)):
            return heading
        if head and ag.responsible.search(head):
            return None  # "5. Các Sở, ban, ngành thuộc Thành phố có trách nhiệm:": a subject not read, not the one above
    return None


def _task_heading(node, ancestors: list) -> str | None:
    """The body a heading names when the items below it are that body's tasks ("1. Công an
    tỉnh", "b) Bộ Công Thương:", "Giao Ủy ban nhân dân Thành phố:", "Điều 9. Trách nhiệm của
    Sở Y tế"), else None. A bare name, with no colon and no "Trách nhiệm của", does so only
    under a heading about duties ("IV. TỔ CHỨC THỰC HIỆN"): "Điều 3. Văn phòng thuộc bộ" in a
    decree on a ministry's structure heads its functions, not tasks given."""
    ag = agency_grammar()
    if node.kind in ag.not_task_heading:
        return None
    head = _head(node)
    if not head:
        return None
    name, alone = _heading_name(head)
    if not name:
        # "3. Các doanh nghiệp viễn thông" under a heading about duties: parties no agency name
        # opens, named alone; plural ("Đối tượng áp dụng", "Lãnh đạo Sở" name no party given tasks),
        # over items (over paragraphs alone it is a task wrapped after its first line)
        party = _unbracketed(head.strip(" -–+•*").rstrip(":").strip())
        if ag.plural_holder.match(party) is None or len(party) > _HOLDER_MAX or "." in party \
                or all(c.kind == "paragraph" for c in node.children) \
                or ag.holder_sentence.search(party) or ag.heading_sentence.search(party) \
                or ag.holder_back.match(party) or _task_cut(party) is not None:
            return None
        name = " ".join(party.split())
    elif not alone:
        return None
    if _opened(head) or (head.rstrip().endswith(":") and node.kind != "article"):
        return name
    for above in ancestors:
        above_head = _head(above)
        if above_head and _duty(above_head):
            return name
    return None


@lru_cache(maxsize=4096)
def _opened(head: str) -> bool:
    """Whether a heading opens with what says whose duties follow ("Trách nhiệm của …")."""
    return agency_grammar().heading_opener.match(_unqualified(head.strip().rstrip(":").strip())) is not None


@lru_cache(maxsize=4096)
def _duty(head: str) -> bool:
    """Whether a heading is about duties ("IV. TỔ CHỨC THỰC HIỆN"); cached: every item under it asks."""
    return agency_grammar().duty_heading.search(head) is not None


def _duty_lead(ancestors: list) -> str | None:
    """The body the nearest heading above that names one leads its items as tasks (see
    :func:`_task_heading`), else None: "Điều 3. Văn phòng Bộ" in a decree on structure names a
    body but gives its items no lead."""
    ag = agency_grammar()
    for k in range(len(ancestors) - 1, -1, -1):
        node = ancestors[k]
        if node.kind in ag.not_task_heading:
            continue
        head = _head(node)
        if head and (name := _heading_agency(head)):
            if ag.lead.search(head) or ag.responsible.search(head):
                return name  # "5. Bộ trưởng Bộ Tài chính chủ trì:", "2. Sở X có trách nhiệm:" over their tasks
            return _task_heading(node, ancestors[:k])
        if head and ag.responsible.search(head):
            return None
    return None


def _in_report_section(ancestors: list) -> bool:
    """Whether a node sits under a heading about what was or is ("II. KẾT QUẢ THỰC HIỆN", "I. SỰ
    CẦN THIẾT"): a body and its verb there report or explain."""
    ag = agency_grammar()
    return any(a.title and _reporting(a.title) for a in ancestors if a.kind not in _NOT_TASKS)


@lru_cache(maxsize=4096)
def _reporting(title: str) -> bool:
    return agency_grammar().not_task_section.search(title) is not None


def _task_items(node, path: list[str]) -> Iterator[tuple]:
    """(item, its path) for the tasks below a heading: a plain sub-heading over items ("a) Về
    công tác tuyên truyền:" / "- …") gives its items, not itself; one that names a body of its
    own, or a subject it says has duties ("1. Các hội nghề nghiệp có trách nhiệm:"), is left to
    give its own rows."""
    ag = agency_grammar()
    for k, child in enumerate(node.children):
        if child.kind in _NOT_TASKS:
            continue
        step = [*path, _step(child, k)]
        head = child.title if not child.text else (child.text if not child.title else None)
        colon = head is not None and head.rstrip().endswith(":")
        if not child.children or not head or not (colon or child.title):
            yield child, step  # a task, with its own text
        elif ag.task_goes_on.search(head) and _parts_below(child):
            yield child, step  # "b) Tổ chức các hội nghị, gồm:" / "- Hội nghị …": one task, its parts below it
        elif _heading_agency(head) or ag.responsible.search(head) or ag.lead.search(head) \
                or ag.request.match(head.lstrip(" -–+•*")) or agency_grammar().partnering.match(head):
            continue  # "a) Chủ trì, phối hợp với …" over its own list gives its own rows
        elif ag.duty_opener.match(head.lstrip(" -–+•*")) and not _names_above(head.lstrip(" -–+•*")):
            continue  # "1.5. Trách nhiệm của đối tượng thực hiện kiểm kê:": someone else's duties
        # a title over paragraphs only is a task wrapped after its first line ("a) Tổ chức triển
        # khai thực hiện" / "Thông tư này."), not a sub-heading
        elif colon or any(c.kind != "paragraph" for c in child.children):
            yield from _task_items(child, step)
        else:
            yield child, step


_NOT_TASKS = frozenset({"quote", "table"})


def _own_lead(item: str) -> bool:
    """Whether an item names a lead of its own ("- Sở Y tế chủ trì tổ chức tiêm chủng …", "- Đề
    nghị Sở Y tế …"): it gives a row of its own, read with no heading's body to fall back on."""
    return next(from_text(item[:TASK_REACH], 0, None), None) is not None


def _items_below(node) -> tuple[bool, bool]:
    """Of the items below a task that goes on in them ("…, bao gồm:"): whether they list what it
    covers ("- Dự án 1: …"), not tasks: fewer than half of them open with a task verb or name a
    lead of their own ("… các nội dung, bao gồm:" / "- Xây dựng kế hoạch …" / "- Tổ chức tập huấn
    …" are tasks, one row each); and whether at least half of them name a lead of their own ("-
    Sở Y tế chủ trì tổ chức tiêm chủng …" / "- Sở Giáo dục và Đào tạo chủ trì …": the rows of
    those bodies, no text of the lead's task)."""
    ag = agency_grammar()
    said = [_task(" ".join(t for t in (c.title, c.text) if t)) or "" for c in node.children if c.kind not in _NOT_TASKS]
    led = [_own_lead(t) for t in said]
    tasks = sum(1 for t, own in zip(said, led) if own or ag.task_start.match(f" {t[:TASK_REACH].lower()}", 1))
    return 2 * tasks < len(said), 2 * sum(led) >= len(said) > 0


def _parts_below(node) -> bool:
    """Whether the items below a task that goes on in them list what it covers (:func:`_items_below`)."""
    return _items_below(node)[0]


def _with_parts(task: str, node) -> str:
    """A task that goes on in the items below it ("… tại các dự án trong Chương trình, bao gồm:" /
    "- Dự án 1: …" / "- Dự án 2: …"), with their text after it, never longer than TASK_REACH."""
    parts: list[str] = []
    size = len(task)
    for item, above, _ in walk_paths(node.children):
        if size > TASK_REACH:
            break
        if item.kind in _NOT_TASKS or any(a.kind in _NOT_TASKS for a in above):
            continue
        if said := " ".join(" ".join(t for t in (item.title, item.text) if t).split()):
            parts.append(said)
            size += len(said) + 1
    return f"{task.rstrip(' :')}: {' '.join(parts)}"[:TASK_REACH] if parts else task


def _names_above(head: str) -> bool:
    """Whether a duty heading names its party by a bare word that stands for the body above
    ("1. Nhiệm vụ của đơn vị trong công tác tuyển dụng:" under "Điều 5. Trách nhiệm của Sở Nội vụ")."""
    holder = _holder(agency_grammar().duty_opener.sub("", _unqualified(head.strip().rstrip(":").strip()), count=1))
    return agency_grammar().holder_back.match(holder) is not None


def _holder(text: str) -> str:
    """The party a duty heading names, from the words after its opener: without an alias or a
    remark in brackets ("các cơ quan quản lý cấp trên (bao gồm cả …)") and without the scope of
    its duties ("… trong việc …", "… khi thăm dò, khai quật khảo cổ")."""
    ag = agency_grammar()
    holder = ag.alias.sub("", text).strip(" ,")
    if holder.endswith(")") and (k := holder.rfind(" (")) > 0:
        holder = holder[:k]
    sm = ag.holder_scope.search(holder)
    return (holder[:sm.start()] if sm is not None else holder).strip(" ,")


def _heading_agency(title: str) -> str:
    """The agency a heading names ("1. Sở Tài chính:", "Điều 24. Trách nhiệm của Công an tỉnh"),
    else ""; a task verb after it is cut ("Sở X chỉ đạo Chi cục Y thực hiện các nội dung sau:")."""
    return _heading_name(title)[0]


# a party a heading describes may be long ("Trách nhiệm của cơ quan, đơn vị trên địa bàn tỉnh có hệ
# thống thông tin, cơ sở dữ liệu chuyên ngành kết nối với Hệ thống …", 134 characters); longer
# than this, it is a sentence
_HOLDER_MAX = 200


@lru_cache(maxsize=4096)
def _heading_name(title: str) -> tuple[str, bool]:
    """(the agency a heading names or "", whether the heading is that name alone, with no task
    verb after it); ("", False) when it reads as a sentence about a body ("Ngân hàng phải …:"). Cached:
    the nodes of one section all ask it of the same headings above them."""
    ag = agency_grammar()
    full = title.strip().rstrip(":").strip()
    heading = _unqualified(full)
    if (hm := ag.duty_holder.match(full)) is not None and not is_agency(hm.group("holder")):
        # "Trách nhiệm của cơ quan có chức năng quản lý đất đai cấp xã": a party no agency
        # name opens, described by its own verbs; only the scope of its duties is cut, and what
        # qualifies a subject, but not a word of manner: "… của cơ quan quản lý trực tiếp"
        holder = hm.group("holder")
        if (qm := ag.subject_qualifier.search(holder)) is not None and qm.start() > 0:
            holder = holder[:qm.start()]
        holder = _holder(holder)
        if len(holder) > _HOLDER_MAX or ag.holder_sentence.search(holder) or ag.holder_back.match(holder):
            # a sentence about the party, or "1. Nhiệm vụ của đơn vị trong công tác tuyển
            # dụng:", the body above named again
            return "", False
        return holder, True
    if (rm := ag.responsible.search(full)) is not None and rm.end() == len(full) \
            and ag.holder_start.match(full) is not None and not is_agency(party := full[:rm.start()]):
        # "1. Chủ đầu tư chịu trách nhiệm:", "Chủ khoản viện trợ có trách nhiệm:" over the party's
        # duties: a party no agency name opens, as after "Trách nhiệm của"
        holder = _holder(party)
        if not holder or len(holder) > _HOLDER_MAX or ag.holder_sentence.search(holder) \
                or ag.holder_back.match(holder):
            return "", False
        return holder, True  # no task follows the name: the items below are its duties
    heading = ag.heading_opener.sub("", heading, count=1)  # "Trách nhiệm của Công an tỉnh"
    if heading:
        # the body the heading's last clause gives the items below to: after a body that gives
        # them ("UBND tỉnh giao Sở Nội vụ:", "Để triển khai, UBND tỉnh yêu cầu Sở Y tế, Sở Tài chính
        # khẩn trương thực hiện các nội dung sau:"), or after a clause that names none ("Ngoài những
        # nhiệm vụ quy định tại các khoản 1, 2 Điều này, giao Bộ Tài chính:")
        # "full": before a qualifier is cut ("yêu cầu X theo chức năng … tiếp tục …")
        last = None
        for last in ag.opener_inside.finditer(full):
            pass
        if last is not None and is_agency(rest := full[last.end():]):
            pre = full[:last.start()].rstrip()
            name, alone = _heading_name(rest)
            if name and pre and ag.request.match(full, last.start()) is not None and _giver(pre):
                return name, alone  # a request, not "UBND tỉnh ủy quyền cho Giám đốc Sở Nội vụ:" (powers)
            if not is_agency(heading) and pre.endswith(",") and alone and name == rest.strip(" ,"):
                return name, alone  # that body alone, not "…, yêu cầu Bộ Y tế … tiếp tục …:"
    if not heading or len(heading) > 120 or not is_agency(heading) \
            or ag.heading_sentence.search(ag.alias.sub("", heading)):  # "(sau đây gọi tắt là …)" is no sentence
        return "", False
    if (lm := ag.lead.search(heading)) is not None:  # "5. Bộ trưởng Bộ Tài chính chủ trì:"
        return heading[:lm.start()].strip(" ,"), False
    if (sm := agency_grammar().scope.search(heading)) is not None and is_agency(heading[:sm.start()]) \
            and _task_cut(heading[:sm.start()]) is None:
        return heading[:sm.start()].strip(" ,"), True  # "Trách nhiệm của Sở Y tế trong công tác phòng, chống dịch"
    cut = _task_cut(heading)
    return (heading, True) if cut is None else (heading[:cut].strip(" ,"), False)


def from_text(text: str, offset: int, heading_lead: str | None, duty_lead: str | None = None) -> Iterator[RawAssignment]:
    """Rows of one node's text (offset: where the text starts, for spans; ``heading_lead``: the
    body the nearest heading above names; ``duty_lead``: that body when the heading leads its
    items as tasks, :func:`_duty_lead`)."""
    ag = agency_grammar()
    prev = 0
    before: tuple[str, int] | None = None  # the last lead named in this text, and where its lead word ends
    for m in ag.lead.finditer(text):
        # a subject never holds the lead word: "Chủ tịch chủ trì hoặc ủy quyền cho Phó Chủ tịch
        # chủ trì phiên họp" names the second one after the first lead word
        cs = max(_clause_start(text, m.start()), prev)
        prev = m.end()
        if _lead_noun(text, m):
            continue  # "theo đề nghị của cơ quan chủ trì": the lead word is a noun here
        lead_txt = _lead_text(text, cs, m.start())
        if lead_txt and (cm := agency_grammar().copula.search(lead_txt)) is not None and is_agency(lead_txt[:cm.start()]) \
                and lead_txt.count("(", 0, cm.start()) == lead_txt.count(")", 0, cm.start()):  # not in "(… gọi là …)"
            # "Sở X là cơ quan chuyên môn được UBND tỉnh giao chủ trì …", "Sở X có trách nhiệm
            # theo dõi, đôn đốc, chủ trì …": the subject is the name before them
            lead_txt = lead_txt[:cm.start()]
        # the clause's own subject, else the agency that labels the text, else the agency heading
        # above, else an agency inside the subject
        if lead_txt and ag.counted.search(lead_txt):
            continue  # "… xác định 01 địa phương chủ trì": a body given by number, none named
        if lead_txt and is_agency(lead_txt):
            named = _untask(lead_txt)
        elif not lead_txt:
            named = _label(text, cs) or heading_lead
            if not named and before is not None and ag.sentence_end.search(text, before[1], cs) is None:
                named = before[0]  # "Sở X chủ trì …; chủ trì, phối hợp với Y …": the same subject
        else:
            named = heading_lead or _agency_in(lead_txt)
        if not named:
            continue
        if ag.meeting.match(text, m.end(), m.end() + 60) and (ag.event_time.match(text[cs:cs + 200].lstrip("-–+• "))
                                                 or ag.event_done.search(text, cs, m.start())):
            continue  # a meeting chaired on a given day, or already held: an event reported, not a task
        lead = lead_names(named)
        before = (named, m.end())
        after = m.end()
        # the partner phrase starts within 40 characters of the lead word: looked for there only,
        # not to the end of the text once per lead word (quadratic on one long paragraph)
        pm = ag.partners.search(text, after, after + 40 + PARTNER_WORDS)
        partners: list[str] = []
        task_from = after
        said = ""  # what the lead does before its partner phrase ("chủ trì tổng hợp, trình … và phối hợp với Y …")
        phrase = "chủ trì"
        if pm and not _STOP.search(text, after, pm.start()) and pm.start() - after <= 40:
            said, other = _said_before_partners(text, after, pm.start())
            unnamed = ag.partners_named.search(pm.group()) is None and ag.task_start.match(
                text, pm.end(), pm.end() + 40) is not None
            if other is not None and not said:
                # "Sở X chủ trì, Sở Y phối hợp thực hiện …", "…, Sở Y phối hợp với Sở Z …": the
                # bodies named before the partner phrase are partners too
                named_before = split_names(_unqualified(ag.trailing_conjunction.sub("", text[other:pm.start()]).strip(" ,")))
                if unnamed:
                    partners, task_from = named_before, pm.end()
                else:
                    ptxt, task_from = _partner_text(text, pm.end())
                    partners = named_before + [n for n in split_names(ptxt) if n not in named_before]
            else:
                if other is not None:
                    body = lead_names(_unqualified(text[other:pm.start()].strip()))
                    if unnamed:
                        # "Sở X chủ trì thẩm định, Sở Y phối hợp thực hiện.": Sở Y is the lead's partner
                        end_m = ag.clause_end.search(text, pm.end(), pm.end() + TASK_REACH)
                        end = end_m.start() if end_m else min(len(text), pm.end() + TASK_REACH)
                        # "…; Sở Z phối hợp kiểm tra.": a later clause's partners are the lead's too
                        body += [n for n in _later_partners(text, end) if n not in body]
                        yield RawAssignment(lead, body, _task(said), offset + (cs or 0), offset + end,
                                            reported=_reported(text, cs, m.start(), body, after))
                        continue
                    # "Sở X chủ trì thẩm định, Sở Y phối hợp với Sở Z kiểm tra …": the lead's row ends
                    # before Sở Y's clause, whose partner phrase and task follow
                    yield RawAssignment(lead, [], _task(said), offset + (cs or 0), offset + other,
                                        reported=_reported(text, cs, m.start(), [], after))
                    lead, cs, said, phrase = body, other, "", "phối hợp"
                if unnamed:
                    # "chủ trì, phối hợp thực hiện …": the task, no partner named ("chủ trì tổng hợp,
                    # phối hợp thực hiện …": all of it)
                    task_from = after if said else pm.end()
                    said = ""
                else:
                    ptxt, task_from = _partner_text(text, pm.end())
                    partners = split_names(ptxt)
                    if partners and ag.partners_named.search(pm.group()) is None \
                            and partners[0].split(None, 1)[0] in ag.not_partner_start:
                        # "Chủ trì, phối hợp liên ngành trong công tác …": no "với", no body named: a task
                        partners, task_from, said = [], pm.end(), ""
        end_m = ag.clause_end.search(text, task_from, task_from + TASK_REACH)
        end = end_m.start() if end_m else min(len(text), task_from + TASK_REACH)
        later = [] if partners else _later_partners(text, end)
        if later:
            partners = later  # "X chủ trì …; Y phối hợp": the task ends before them
        else:
            end = _more_duties(text, end, task_from + TASK_REACH)
        task = _task(text[task_from:end])
        if said:
            task = _task(f"{said} {task or ''}")  # the partner phrase taken out, the rest kept
        yield RawAssignment(lead, partners, task, offset + (cs or 0), offset + end, phrase=phrase,
                            reported=_reported(text, cs, m.start(), partners, task_from))
    # "X phối hợp với Y …" with an agency as X and no lead word in the clause
    for m in ag.partners.finditer(text):
        cs = _clause_start(text, m.start())
        if ag.lead.search(text, cs, m.start()) or not _names_partners(text, m):
            continue
        lead_txt = _lead_text(text, cs, m.start())
        if not lead_txt and duty_lead and not text[:cs].strip(" -–+•"):
            # "1. Sở Tài chính" / "b) Phối hợp với Công an tỉnh tham mưu …": the heading's body
            ptxt, task_from = _partner_text(text, m.end())
            task, end = _sentence_task(text, task_from)
            partners = split_names(ptxt)
            yield RawAssignment(lead_names(duty_lead), partners, task, offset + cs, offset + end,
                                phrase="phối hợp", reported=_reported(text, cs, m.start(), partners, task_from))
            continue
        if not lead_txt or not is_agency(lead_txt) or len(lead_txt) > 200:
            continue
        ptxt, task_from = _partner_text(text, m.end())
        task, end = _sentence_task(text, task_from)
        names, predicate = _subject(text, cs, lead_txt)
        if predicate is not None and task:
            task = _task(text[predicate:end])  # "X chủ động xây dựng kế hoạch … phối hợp với Y …"
        partners = split_names(ptxt)
        # a tense word may open the predicate: "NHNN đã khẩn trương làm việc … và phối hợp với …"
        yield RawAssignment(names, partners, task, offset + cs, offset + end, phrase="phối hợp",
                            reported=_reported(text, cs, m.start(), partners, task_from)
                            or (predicate is not None and ag.done_task.match(text, predicate) is not None))
    # "Đề nghị X …", "X có trách nhiệm …": who must act, without a partner
    yield from _requested(text, offset)


def _directed(text: str, offset: int) -> Iterator[RawAssignment]:
    """An item that opens with a body and its verb, and names no lead otherwise ("3. Bộ Xây
    dựng chỉ đạo triển khai các giải pháp …", "b) Bộ Tài chính tiếp tục xuất cấp hàng dự trữ
    quốc gia …"): the body leads the task that runs to the sentence's end."""
    ag = agency_grammar()
    start = len(text) - len(text.lstrip(" -–+•*"))
    if (im := ag.interrupt.match(text[start:start + REACH])) is not None:
        # "Căn cứ nội dung Kế hoạch, các sở, ban, ngành … xây dựng …", "Hằng năm, Sở X …": the
        # subject follows the opening clause
        start += im.end()
        start += len(text) - start - len(text[start:].lstrip())
    if not (text[start:start + 1].isupper() and ag.head_re.match(text[start:start + 80]) is not None) \
            and ag.protect.match(text, start, start + REACH) is None:
        # cheap first: the item opens with no head of a name (capitalised) and no known name or
        # collective phrase (in either case: "các sở, ban, ngành … xây dựng …")
        return
    names, task_from = _partner_text(text, start, subject=True)
    opened = ag.aspect_inside.search(text, start, start + len(names))
    if opened is not None and not any(p.start() < opened.start() < p.end()
                                      for p in ag.protect.finditer(text, start, opened.end())):
        names, task_from = text[start:opened.start()].rstrip(" ,"), opened.start()
    if (tm := ag.time_in_name.search(names)) is not None:
        names, task_from = names[:tm.start()], start + tm.start()  # "Bộ X trước ngày 15/11 kiểm tra …"
    if (fm := ag.function_clause.search(text, start, start + len(names) + 2)) is not None and fm.start() > start:
        # "Văn phòng UBND tỉnh theo chức năng, nhiệm vụ được giao theo dõi, đôn đốc …": the text
        # searched, with the space after the names, so the clause is read whole
        names, task_from = text[start:fm.start()], fm.end()
    names = _unqualified(ag.modal_tail.sub("", names))  # "Bộ Y tế khẩn trương …", "X phải gửi …"
    if not names or len(names) > 200 or not is_agency(names) or names in ag.bare_heads \
            or ag.heading_sentence.search(ag.alias.sub("", names)) or ag.responsible.search(names) \
            or ag.lead.search(names) or ag.request.search(names):
        # a head alone is the start of a name the verb list cut ("Hội đồng thẩm định …"); "Sở
        # Nội vụ là cơ quan chuyên môn … thực hiện chức năng …" describes the body; words of
        # assignment that gave no row ("X không chịu trách nhiệm do …") give none here either
        return
    done = ag.reported.search(text, start, task_from) or ag.done_task.match(text, task_from)
    verb_at = task_from if done is None else len(text) - len(text[done.end():].lstrip())  # "Sở Y tế đã tổ chức …"
    if ag.negation.search(text, max(start, verb_at - 20), verb_at):
        return  # "X không thực hiện …"
    vm = ag.task_start.match(text, verb_at, verb_at + 40)
    if opened is not None and vm is None:
        vm = opened
    if vm is None or agency_grammar().partnering.match(text, vm.start(), vm.start() + PARTNER_WORDS):
        # no task verb after the name ("2. Sở Tư pháp", a list of bodies); "Cơ quan, đơn vị phối
        # hợp tổ chức thi" names a partner, not a lead
        return
    task, end = _sentence_task(text, task_from)
    ce = ag.clause_end.search(text, task_from, end)
    first = ce.start() if ce is not None else end
    if ag.lead.search(text, start, first) or ag.responsible.search(text, start, first):
        return  # the lead word's rules read this clause ("UBND tỉnh đã chủ trì cuộc họp …": an event)
    if task:
        yield RawAssignment(split_names(names), [], task, offset + start, offset + end, phrase="subject",
                            reported=done is not None or ag.done_task.match(text, task_from) is not None)


def _more_duties(text: str, end: int, limit: int) -> int:
    """Where a lead's task ends when ``end`` is a ";" that the same lead's duties go on after
    ("… chủ trì, phối hợp với Y tham mưu kiện toàn Ban Chỉ đạo …; tham mưu sửa đổi Quyết định số
    15/2021/QĐ-UBND …"): each next clause in lower case that names no lead, partner or request
    of its own belongs to the task; a clause in capitals has its own subject."""
    ag = agency_grammar()
    while end < min(len(text), limit) and text[end] == ";":
        nxt = ag.clause_end.search(text, end + 1, limit)
        stop = nxt.start() if nxt is not None else min(len(text), limit)
        clause = text[end + 1:stop]
        opening = clause.lstrip()
        if not clause.strip() or not starts_lower(opening) or ag.lead.search(clause) \
                or ag.partners.search(clause) or ag.request.match(opening) or ag.responsible.search(clause) \
                or (agency_grammar().plural.match(opening) and (v := _task_cut(opening[:REACH])) is not None
                    and ag.collective.match(opening[:v].strip(" ,")) is not None) or is_agency(opening[:REACH]):
            # "…; các địa phương bố trí kinh phí": a clause with a subject of its own
            break
        end = stop
    return end


def _reported(text: str, cs: int, at: int, partners: list[str], task_from: int) -> bool:
    """Whether a row reports work already done: a tense word before the lead word ("Sở X đã chủ
    trì …"), or opening the task after the lead word or a named partner ("Sở Tư pháp chủ trì đã
    tổ chức …", "… phối hợp với Công an tỉnh đã kiểm tra …"). After a common noun it may open a
    relative clause instead ("phối hợp với các địa phương đã triển khai thí điểm …")."""
    ag = agency_grammar()
    if ag.reported.search(text, cs, at) is not None:
        return True
    return ag.done_task.match(text, task_from, task_from + 40) is not None and (
        not partners or partners[-1][:1].isupper())


def _task(text: str) -> str | None:
    """The task's text; None when nothing but punctuation is left ("… phối hợp với Y.")."""
    task = text.strip(" ,:;")
    return task if any(ch.isalnum() for ch in task) else None


def _said_before_partners(text: str, start: int, end: int) -> tuple[str, int | None]:
    """The words of the task said between a lead word and its partner phrase ("chủ trì tổng hợp,
    trình cấp có thẩm quyền và phối hợp với Y bố trí …", "chủ trì đạo diễn, phối hợp với Y xây
    dựng …"), a conjunction before the phrase kept; "" when there are none ("chủ trì, phối hợp
    với", "chủ trì và phối hợp với", a remark on the lead alone: "chủ trì (theo chức năng, nhiệm
    vụ), phối hợp với") or they name a body ("Sở X chủ trì, Sở Y phối hợp với …"). Second: where
    another body's clause begins when they end in its name, the subject of the partner phrase
    ("Sở X chủ trì thẩm định, Sở Y phối hợp với Sở Z kiểm tra …": the lead's task is "thẩm
    định", and Sở Y's clause begins after the comma), else None."""
    at = start
    while at < end and text[at] in " ,":
        at += 1
    comma = "," in text[start:at]
    if text.startswith("(", at) and (b := _BRACKETED.match(text, at, end)) is not None:
        at = b.end()  # a remark in brackets on the lead's role, no task
        while at < end and text[at] in " ,":
            at += 1
    gap = text[at:end].rstrip()
    spaced = f" {gap}"  # "hoặc" alone: the conjunction wants a space before it
    m = agency_grammar().trailing_conjunction.search(spaced)
    words = spaced[:m.start() if m is not None else len(spaced)].strip(" ,")
    if words and is_agency(words) and _task_cut(words) is None:
        # "Sở X chủ trì, Sở Y phối hợp …": Sở Y is named where its phrase begins; not a body the
        # lead word governs ("chủ trì Hội đồng thi tuyển, phối hợp với …": no comma before it, or
        # one after it)
        return "", at if comma and not gap.endswith(",") else None
    if not words or not any(ch.isalpha() for ch in words):
        return "", None
    if m is None and not gap.endswith(","):
        # (after a conjunction or a comma the phrase goes on the lead's own predicate: "chủ trì
        # làm việc với Sở Y tế, Sở Nội vụ, phối hợp với …")
        for c in _SPLIT.finditer(gap):
            rest = gap[c.end():]
            if is_agency(rest) and _task_cut(rest) is None:
                return gap[:c.start()], at + c.end()
    return gap, None


def _known_name_end(names: str) -> int | None:
    """Where a known name (agencies.toml ``names``) that starts the names ends, with its level or
    place after it, when words follow it ("Chi nhánh Văn phòng Đăng ký đất đai huyện đo đạc …"),
    or None."""
    ag = agency_grammar()
    best = None
    for p in ag.protect.finditer(names, 0, len(names)):
        if p.start() > 30:
            break
        end = p.end()
        if (pm := ag.name_place.match(names, end, len(names))) is not None:
            end = pm.end()  # its level or place ("Văn phòng đăng ký đất đai huyện", "… tỉnh Quảng Ngãi")
        if end < len(names) and names[end] == " " and (best is None or end > best):
            best = end
    return best


def _sentence_task(text: str, start: int) -> tuple[str | None, int]:
    """The task that runs from ``start`` to its sentence's end ("Đề nghị X …", "X có trách
    nhiệm …"), never further than TASK_REACH (a task per row over the rest of one long
    paragraph made the output, and the time, grow with the square of its length); and where
    it ends."""
    stop = min(len(text), start + TASK_REACH)
    ag = agency_grammar()
    m = ag.sentence_end.search(text, start, stop)
    end = m.start() + 1 if m is not None else stop
    c = _NEW_SUBJECT.search(text, start, end)
    if c is not None:
        end = c.start()  # "…; Sở Nội vụ có trách nhiệm …": the next clause has its own subject
    return _task(text[start:end]), end


_LATER_PARTNER = regex.compile(r"\s*;\s*(?P<subj>[^;.:]{3,200}?)\s+(?i:phối\s+hợp)(?!\s+(?i:với|chặt))")


def _later_partners(text: str, pos: int) -> list[str]:
    """"X chủ trì …; Y phối hợp": the partners named in a later clause of the sentence."""
    m = _LATER_PARTNER.match(text, pos, pos + REACH)
    if m and is_agency(m.group("subj")):
        return split_names(m.group("subj"))
    return []


def _described_collective(subject: str) -> bool:
    """Bodies named by what they were given, "Các cơ quan được phân công chủ trì thực hiện nhiệm
    vụ", "Các bộ, cơ quan được giao chủ trì": a collective phrase, then a relative clause."""
    ag = agency_grammar()
    m = ag.opens_relative.search(subject)
    if m is None or m.start() == 0:
        return False
    head, rest = subject[:m.start()].strip(" ,"), subject[m.end():].split()
    # a short description, not a sentence of its own ("Các cá nhân được cấp hộp thư … phải thường
    # xuyên sử dụng …")
    return len(rest) <= 16 and not ag.modal.intersection(rest) and ag.collective.match(head) is not None


GIVER_REACH = 100  # the longest name of a body that gives a request ("UBND tỉnh yêu cầu …")


def _giver(subject: str) -> bool:
    """Whether the words before a request word are the body that makes it and nothing else
    ("Ủy ban nhân dân tỉnh yêu cầu Sở Y tế …", "Để triển khai, UBND tỉnh giao Sở Nội vụ …"): an
    agency with no verb of its own ("Sở Y tế kiểm tra và yêu cầu các cơ sở …", "Sở X được giao
    …" are no such body), after a clause that says no one did it (not "các nhiệm vụ do Thủ tướng
    Chính phủ, Chính phủ giao …": `not_after`)."""
    ag = agency_grammar()
    intro, _, subject = subject.rpartition(",")
    subject = " ".join(subject.split()).strip(" -–+•*")
    return 0 < len(subject) <= GIVER_REACH and is_agency(subject) and _task_cut(subject) is None \
        and ag.lead.search(subject) is None and ag.relative.search(subject + " ") is None \
        and ag.not_after_word.search(intro) is None


def _lead_noun(text: str, m: regex.Match[str]) -> bool:
    """Whether the lead word matched at ``m`` is a noun ("theo đề nghị của cơ quan chủ trì", "các
    cơ quan chủ trì triển khai …", "các nhiệm vụ được giao chủ trì"): it names no lead."""
    ag = agency_grammar()
    return ag.lead_noun_before.search(text, max(0, m.start() - 30), m.start()) is not None \
        or (ag.lead_noun_after.match(text, m.end()) is not None
            and ag.lead_noun_tail.search(text, max(0, m.start() - 20), m.start()) is not None)


def _has_lead_word(text: str, start: int, end: int) -> bool:
    """Whether "chủ trì" (not as a noun) or "phối hợp với" is written in [start, end): that
    sentence's rows are read from those words, and a request or a responsibility in it would
    repeat them."""
    ag = agency_grammar()
    return any(not _lead_noun(text, m) for m in ag.lead.finditer(text, start, end)) or any(
        _names_partners(text, m) for m in ag.partners.finditer(text, start, end))


def _requested(text: str, offset: int) -> Iterator[RawAssignment]:
    ag = agency_grammar()
    for m in ag.request.finditer(text):
        cs = _clause_start(text, m.start())
        if cs != m.start() and text[cs:m.start()].strip() and not _giver(text[cs:m.start()]):
            continue  # "đề nghị" inside a sentence is a noun ("theo đề nghị của …")
        names, task_from = _partner_text(text, m.end(), subject=True)
        if (tm := ag.time_in_name.search(names)) is not None:
            names = names[:tm.start()]  # "Giao Sở Tài chính trước ngày 15 tháng 11 năm 2025 kiểm tra …"
        if (fm := ag.function_clause.search(text, m.end(), m.end() + len(names) + 2)) is not None and fm.start() > m.end():
            # "Giao Sở X theo chức năng, nhiệm vụ được giao kiểm tra …": the task starts after the
            # remit, whole (not at a verb after "được giao", which reads as a relative clause)
            names, task_from = text[m.end():fm.start()], fm.end()
        names = _unqualified(names)  # "Giao Sở Nội vụ kịp thời ban hành …", "Giao X có trách nhiệm …"
        if names and is_agency(names):
            task, end = _sentence_task(text, task_from)
            if task is None and text[:end].rstrip()[-1:] in ".;" and (k := _known_name_end(names)) is not None \
                    and (at := text.find(names, m.end(), end)) >= 0:
                # the names ran to the end of a finished sentence, no verb found to end them
                # ("Giao Chi nhánh Văn phòng Đăng ký đất đai đo đạc chỉnh lý … (2 ngày)."): a known
                # name at their start ends them, and the rest is the task
                names, task_from = names[:k], at + k
                task, end = _sentence_task(text, task_from)
            if _has_lead_word(text, cs, end):
                continue  # "Đề nghị X chủ trì, phối hợp với Y …": a row of its own shape
            # "UBND tỉnh đã yêu cầu Sở X …" in a report: a request made before, not a task given
            yield RawAssignment(split_names(names), [], task, offset + cs, offset + end,
                                phrase=" ".join(m.group().split()[:2]).lower().removesuffix(" cho"), requested=True,
                                reported=ag.reported.search(text, cs, m.start()) is not None)
    for m in ag.responsible.finditer(text):
        cs = _clause_start(text, m.start())
        if ag.negation.search(text, max(cs, m.start() - 20), m.start()) or ag.accountable.match(text, m.end(), m.end() + 40):
            continue  # "X không chịu trách nhiệm …", "X chịu trách nhiệm toàn diện trước …": no task
        subject = _lead_text(text, cs, m.start())
        if subject and (im := agency_grammar().is_word.search(ag.alias.sub("", subject))) is not None:
            if not agency_grammar().role.match(ag.alias.sub("", subject), im.start()):
                continue  # "Giám đốc Sở là người đứng đầu Sở …, chịu trách nhiệm trước …" describes a post
            # "Sở Nội vụ là cơ quan thường trực của Hội đồng … có trách nhiệm …": the name before it
            cut = subject.find(" là ")
            if cut > 0 and is_agency(subject[:cut]):
                subject = subject[:cut]
        if subject and len(subject) <= 200 and (is_agency(subject) or _agency_before_verb(text, subject, m.start())
                                                or _described_collective(subject)):
            # "Sở Tài chính tổng hợp và chịu trách nhiệm …": the subject is the name before the verb
            task, end = _sentence_task(text, m.end())
            # a lead word inside the subject's relative clause ("Các cơ quan được phân công chủ
            # trì … có trách nhiệm lập kế hoạch") makes no row of its own: this one is the row
            inner = ag.lead.search(text, cs, m.start())
            relative = inner is not None and ag.opens_relative.search(text, max(cs, inner.start() - 30), inner.start()) is not None
            if _has_lead_word(text, m.start() if relative else cs, end):
                continue
            names, predicate = _subject(text, cs, subject, m.start())
            if not is_agency(subject) and _described_collective(subject):
                # one body described, whatever commas and verbs its description holds ("Các cơ
                # quan, đơn vị được xin ý kiến về hồ sơ đề xuất chấp thuận nhà đầu tư")
                names, predicate = [subject], None
            if predicate is not None and task:
                task = _task(text[predicate:end])  # "X tổng hợp và chịu trách nhiệm về …"
            first = _listed_before(text, cs)
            if first < cs:  # "Chánh Văn phòng UBND tỉnh; Giám đốc Sở …; Thủ trưởng … chịu trách nhiệm"
                names = [*(n for seg in text[first:cs].split(";") for n in split_names(seg)), *names]
                cs = first
            yield RawAssignment(names, [], task, offset + cs, offset + end, phrase="trách nhiệm",
                                reported=ag.reported.search(text, cs, m.start()) is not None)


def walk_texts(nodes: list) -> list[tuple]:
    """(node, ancestors, path, text, case-folded text) for every node, depth first: the one
    walk that the assignment and deadline extractors share."""
    out = []
    for node, ancestors, path in walk_paths(nodes):
        text = f"{node.title} {node.text}" if node.title and node.text else (node.title or node.text or "")
        out.append((node, ancestors, path, text, text.casefold()))
    return out


def extract(nodes: list, walked: list[tuple] | None = None, doc_type: str | None = None,
            family: str | None = None) -> list[RawAssignment]:
    """Rows from a list of model nodes, depth first (``walked``: their :func:`walk_texts`;
    ``doc_type``, ``family``: the document's type code and family, for :func:`_directed`)."""
    ag = agency_grammar()
    rows: list[RawAssignment] = []
    per_child: set[int] = set()  # rows a heading gives the items below it
    headed: set[int] = set()  # of those, rows of a heading that only names a body ("1. Sở Y tế")
    # a law's or a decree's items say what a body may or shall do in general ("Hội đồng thẩm
    # định …", "Tổ chức, cá nhân gửi hồ sơ …"), not tasks given to it
    reading_tasks = doc_type not in ag.no_directives_in  # a report's items state results
    directives = reading_tasks and family != "legal"
    blanks: set[str] = set()  # the marks of a form's blanks ("……(1)") met so far
    notes: set[int] = set()  # the notes below a form that say what to write in them
    for node, ancestors, path, text, low in (walk_texts(nodes) if walked is None else walked):
        if not text:
            continue
        if (node.label is not None and node.label in blanks) or (notes and any(id(a) in notes for a in ancestors)):
            # "Kính gửi: ……(1)" … "(1) Ủy ban nhân dân tỉnh nơi …": a note on what to write in blank
            # (1), printed below the form, no task (nor what is written under it)
            notes.add(id(node))
            continue
        if "(" in text:
            blanks.update(f"({a or b})" for a, b in ag.blank_mark.findall(text))
        if node.label and node.label[:1] == "(" and ag.blank_name.match(text):
            blanks.add(node.label)  # "(1) ……………": the mark of a blank opening its line
        if ":" in text:  # a labelled field ("Cơ quan chủ trì: …") has its colon
            if ag.field_lead.match(text) and (labelled := _fields(node, ancestors, path[:-1])):
                rows.extend(labelled)
                continue
            if ag.field_partners.match(text) or ag.field_deadline.match(text):
                continue
        phrased = ("chủ trì" in low or "phối hợp" in low or "đề nghị" in low or "yêu cầu" in low
                   or "trách nhiệm" in low or ("giao" in low and agency_grammar().giao_opens.search(low) is not None))
        found = list(from_text(text, node.span.start, _agency_heading(ancestors), _duty_lead(ancestors))) \
            if phrased else []
        if not found and node.children and reading_tasks and not _in_report_section(ancestors) \
                and (named := _task_heading(node, ancestors)) is not None:
            # "1. Công an tỉnh" / "a) Tham mưu …" / "b) Chủ trì, phối hợp …": each item is a task of
            # the body named; an item that names a lead of its own gives that row instead
            _heading_rows(lead_names(named), node, path, rows, per_child, headed)
            continue
        if not found and directives and node.kind in ag.directive_kinds and not _in_report_section(ancestors):
            found = list(_directed(text, node.span.start))
            if len(found) == 1 and any(c.kind != "paragraph" for c in node.children) \
                    and (party := _described_party(text, found[0])):
                # "1. Các cơ quan đăng ký đầu tư (Sở Tài chính, …):" over a), b): a party the heading
                # describes, not a body and its verb (over paragraphs alone: a wrapped task)
                _heading_rows(party, node, path, rows, per_child, headed)
                continue
        dls = find_deadlines(text) if found else []  # once per node, not once per row
        # each row's deadline is the one its own clause gives (pick_deadline: the last, of those
        # that say the most); else one of those in no row's clause ("Bộ A chủ trì …, hoàn thành
        # trước ngày 10/12/2025; Bộ B chủ trì … trong năm 2026": the first is not dated 2026)
        spans = [(r.start - node.span.start, r.end - node.span.start) for r in found]
        starts = [d.start for d in dls]  # find() returns them in order
        free = _outside(dls, spans) if dls else []
        for row, (a, b) in zip(found, spans):
            row.path = path
            row.start, row.end = node.span.start, node.span.end  # offsets inside reflowed text are not the source's
            if dls:
                own = dls[bisect_left(starts, a):bisect_left(starts, b)]
                # a clause right after it that only says when ("…; hoàn thành trong quý II năm 2025.")
                note = _deadline_clause(text, b, dls, starts)
                if note is not None or own or free:
                    row.deadline = note or pick_deadline(own or free)
            if row.deadline is None and node.children:
                row.deadline = _child_note(node)  # "Sở X chủ trì …" / "Thời gian hoàn thành: …"
            goes_on = bool(node.children and row.task and not text[b:].strip(" :") and ag.task_goes_on.search(row.task))
            parts, led = _items_below(node) if goes_on else (False, False)
            unled: list[RawAssignment] = []
            if parts:
                row.task, goes_on = _with_parts(row.task, node), False  # "… các dự án, bao gồm:" / "- Dự án 1: …"
            elif led:
                # "… các nội dung, bao gồm:" / "- Sở Y tế chủ trì …": their rows; an item that names no
                # lead of its own ("- Tổ chức tập huấn …") is the lead's, one row each in place of the
                # lead's own (which stays when there is none)
                unled = [r for r in _per_child(row, node) if r.task and not _own_lead(r.task)]
                goes_on = False
            if not row.task and not node.children and text.rstrip().endswith(":"):
                continue  # "- Giao các cơ quan, đơn vị:" over items that are not its children: no task of its own
            if unled:
                for child_row in unled:
                    per_child.add(id(child_row))
                    headed.add(id(child_row))
                    rows.append(child_row)
                continue
            if node.children and (not row.task or goes_on or agency_grammar().list_task.search(row.task)):
                # "X chủ trì, phối hợp với Y:" over a list ("… thực hiện các nhiệm vụ sau:"): one row
                # per task below it (an item that
                # gives rows of its own keeps those alone: "Giao UBND Thành phố:" / "b) Đề nghị Ủy ban
                # MTTQ …")
                for child_row in _per_child(row, node):
                    per_child.add(id(child_row))
                    headed.add(id(child_row))
                    rows.append(child_row)
                continue
            rows.append(row)
    if per_child:
        # an item under "X có trách nhiệm:" that names its own lead ("a) Chủ trì, phối hợp với Y …")
        # gives its own row: the one its heading gives it for the same lead is dropped
        own = {(r.start, r.end, tuple(r.lead)) for r in rows if id(r) not in per_child}
        # … and when it names no partners, it keeps those of its lead-in ("a) Chủ trì, phối hợp
        # với các sở, ngành" / "- Là cơ quan đầu mối chủ trì tổ chức thực hiện …": the same body,
        # the same partners)
        given = {k: r.partners for r in rows if id(r) in per_child and r.partners
                 and (k := (r.start, r.end, tuple(r.lead))) in own}
        if given:
            for r in rows:
                if id(r) not in per_child and not r.partners and not r.requested \
                        and (p := given.get((r.start, r.end, tuple(r.lead)))) is not None:
                    r.partners = list(p)
        rows = [r for r in rows if id(r) not in per_child or (r.start, r.end, tuple(r.lead)) not in own]
        rows.sort(key=lambda r: r.start)  # in the order of the text: a heading's rows came first
    if headed:
        rows = _unheaded(rows, headed)
    # one row per task: "Giao Công an tỉnh có trách nhiệm theo dõi …" is read by "giao" and by
    # "có trách nhiệm" alike (the same task said twice by the same phrase is two rows)
    seen: dict[tuple, str | None] = {}
    unique = []
    for r in rows:
        if any(ag.blank_name.match(n) for n in r.lead):
            continue  # a form's sample, a name left blank: "…..(B)…… chịu trách nhiệm thi hành …"
        if any(ag.blank_name.match(n) for n in r.partners):
            r.partners = [n for n in r.partners if not ag.blank_name.match(n)]
        k = (r.start, r.end, tuple(r.lead), tuple(r.partners), r.task)
        if seen.setdefault(k, r.phrase) == r.phrase:
            unique.append(r)
    return unique




def _heading_rows(lead: list[str], node, path: list[str], rows: list[RawAssignment], per_child: set[int],
                  headed: set[int]) -> None:
    """The rows a heading that names its party gives the items below it, added to ``rows``: a
    list of tasks, not of addresses, units or awards ("- Trung tâm Phục vụ hành chính công:" /
    "+ Tòa nhà …, đường Lê Lợi"), with a task verb in at least half of its items."""
    ag = agency_grammar()
    row = RawAssignment(lead, [], None, node.span.start, node.span.end, path, phrase="heading")
    listed = [r for r in _per_child(row, node) if r.task]
    if 2 * sum(1 for r in listed if ag.task_start.search(f" {r.task[:TASK_REACH].lower()}")) >= len(listed):
        for child_row in listed:
            per_child.add(id(child_row))
            headed.add(id(child_row))
            rows.append(child_row)


def _described_party(text: str, row: RawAssignment) -> list[str] | None:
    """The party a heading over items names when a subject and its verb read in it are a plural
    noun and the words that describe it ("Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu
    kinh tế):", "Các cơ sở đào tạo đại học, sau đại học"), as one party; None when it reads as a task ("2. Các đơn vị triển khai
    các nội dung sau:", "1. Các sở xây dựng kế hoạch.")."""
    ag = agency_grammar()
    heading = text.strip(" -–+•*").rstrip(":").strip()
    if heading.endswith(".") or len(row.lead) != 1 or ag.collective.match(row.lead[0]) is None \
            or "," in row.lead[0] or ag.list_task.search(row.task or "") or len(heading) > _HOLDER_MAX:
        return None
    if (vm := ag.task_start.match(f" {(row.task or '').lower()}", 1)) is not None and vm.end() >= len(row.task or "") + 1:
        return row.lead  # "1. Các địa phương thực hiện" / a), b): the verb says nothing of the party
    return [" ".join(_unbracketed(heading).split())]


def _unbracketed(heading: str) -> str:
    """A heading without the remark in brackets at its end ("Các cơ quan đăng ký đầu tư (Sở Tài
    chính, Ban quản lý Khu kinh tế)"): the party is named before it."""
    if heading.endswith(")") and (k := heading.rfind("(")) > 0:
        return heading[:k].rstrip()
    return heading


def _unheaded(rows: list[RawAssignment], headed: set[int]) -> list[RawAssignment]:
    """Without the rows a heading that only names a body gives to items that give rows of their
    own, whatever their lead ("1. Sở Tài chính" / "b) Phối hợp với Công an tỉnh …", "- Đề nghị
    Bảo hiểm xã hội …"), or hold a heading of their own ("Các sở, ngành:" / "1. Sở Y tế" / …);
    not of a request made in a paragraph below the item ("e) Hằng năm, tổ chức kiểm tra …" / "Ủy
    ban nhân dân tỉnh giao Giám đốc các sở … triển khai thực hiện"): it asks other bodies.
    ``rows`` are in the order of the text."""
    starts = [r.start for r in rows]
    keep = []
    for r in rows:
        if id(r) in headed:
            i = bisect_left(starts, r.start)
            if any(o is not r and o.end <= r.end and not (o.requested and o.start > r.start)
                   and (id(o) not in headed or (o.start, o.end) != (r.start, r.end)
                        or (r.phrase == "heading" and o.phrase != "heading"))
                   for o in rows[i:bisect_left(starts, r.end)]):
                continue  # (of two rows a heading gives an item, the one that names its lead stays)
        keep.append(r)
    return keep


_NEXT_CLAUSE = regex.compile(r"[;.](?:\s|$)")


def _outside(dls: list[RawDeadline], spans: list[tuple[int, int]]) -> list[RawDeadline]:
    """The deadlines in none of ``spans`` (merged once, then one look-up per deadline)."""
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    firsts = [a for a, _ in merged]
    out = []
    for d in dls:
        k = bisect_right(firsts, d.start) - 1
        if k < 0 or d.start >= merged[k][1]:
            out.append(d)
    return out


def _deadline_clause(text: str, at: int, dls: list[RawDeadline], starts: list[int]) -> RawDeadline | None:
    """The deadline of the clause after ``at`` when that clause is nothing but a deadline (looked
    at within TASK_REACH: a paragraph of many rows costs each of them that much at most)."""
    start = at + 1 if text[at:at + 1] in (";", ",", ".") else at
    limit = min(len(text), start + TASK_REACH)
    while start < limit and text[start] in " ,;":
        start += 1
    if start >= limit:
        return None
    m = _NEXT_CLAUSE.search(text, start, limit)
    end = m.start() if m else len(text[:limit].rstrip())
    if agency_grammar().deadline_note_at.match(text, start, end) is None:
        return None
    inside = dls[bisect_left(starts, start):bisect_left(starts, end)]
    return pick_deadline(inside) if inside and inside[-1].end >= end - 1 else None


def _step(node, index: int) -> str:
    """A node's step in a path: its label, or its position for an unlabelled '-' item."""
    return node.label or f"-{index + 1}"


def _child_note(node) -> RawDeadline | None:
    """The deadline a paragraph under a task item gives it ("- Thành lập Ban Chỉ đạo …" /
    "Thời gian hoàn thành: Trước ngày 15/11/2025."), else None."""
    ag = agency_grammar()
    for c in node.children:
        if c.kind != "paragraph" or c.children or not c.text or c.title:
            continue
        t = c.text.strip()
        if (fm := ag.field_deadline.match(t)) is not None:
            return stated(fm.group("v"))
        if ag.deadline_note.match(t) and (dls := find_deadlines(t)) and dls[-1].end >= len(t.rstrip(" .;,")) - 1:
            return pick_deadline(dls)
    return None


def _per_child(row: RawAssignment, node) -> Iterator[RawAssignment]:
    """One row per item below "X chủ trì, phối hợp với Y:"; an item that is only a deadline
    ("Thời hạn chậm nhất 05 ngày …") is no task: it dates the tasks above it that have none of
    their own (those after it, when it comes first); when all are such, the row itself."""
    ag = agency_grammar()
    note = ag.deadline_note
    rows: list[RawAssignment] = []
    undated: list[RawAssignment] = []  # rows since the last note that have no deadline of their own
    ahead: RawDeadline | None = None  # a note before any task: the deadline of the tasks after it
    skipped = False  # an item left to the bodies it names
    carried: list[str] = []  # the partners a lead-in paragraph gives the items after it
    items = list(_task_items(node, row.path))
    for k, (child, child_path) in enumerate(items):
        task = _task(" ".join(t for t in (child.title, child.text) if t))
        if not task:
            continue
        if child.kind == "paragraph":
            carried = []  # a lead-in's partners go to the items right after it, no further
        if child.kind == "paragraph" and not child.children and k + 1 < len(items) \
                and (child.text or "").rstrip().endswith(":"):
            # "Chủ trì, phối hợp với các sở, ngành:" / "- Triển khai …": a lead-in to the items
            # after it, no task of its own; its partners are theirs. One that says a task of its
            # own over items that are no tasks ("Tổ chức đánh giá … theo các tiêu chí sau:" / "-
            # Mức độ hoàn thành nhiệm vụ.") is a row as any item is
            own = next(iter(from_text(task, 0, row.lead[0], row.lead[0])), None) \
                if len(row.lead) == 1 and (ag.lead.match(task) or ag.partnering.match(task)) else None
            rest = own.task if own is not None else task
            after = [_task(" ".join(t for t in (c.title, c.text) if t)) or "" for c, _ in items[k + 1:]]
            if not rest or not ag.list_task.sub("", rest).strip(" ,") or \
                    2 * sum(1 for t in after if ag.task_start.match(f" {t[:TASK_REACH].lower()}", 1)) >= len(after):
                carried = own.partners if own is not None else []
                continue
        if ag.other_duties.match(task):
            continue  # "Nhiệm vụ và quyền hạn khác theo quy định của pháp luật."
        dls = find_deadlines(task)
        # a note is all deadline: "Thời hạn: trước ngày 30/6/2025.", not "Hoàn thành trước ngày
        # 30/6/2025 việc số hóa hồ sơ" (a task with its own deadline)
        if dls and not child.children and note.match(task) and dls[-1].end >= len(task.rstrip(" .;,")) - 1:
            for r in undated:
                r.deadline = pick_deadline(dls)
            if not undated:
                ahead = pick_deadline(dls)
            undated = []
            continue
        lead = row.lead
        if (lm := _OWN_LABEL.match(task)) is not None and is_agency(lm.group(1)) and _task_cut(lm.group(1)) is None:
            lead, task = split_names(lm.group(1)), lm.group(2)  # "c) Sở Tài chính: Bố trí kinh phí"
        elif lm is not None and ag.heading_opener.match(lm.group(1)) and (named := _heading_name(lm.group(1)))[1]:
            lead, task = lead_names(named[0]), lm.group(2)  # "a) Trách nhiệm của Văn phòng đăng ký đất đai: Chịu …"
        elif len(lead) == 1 and ag.collective.match(lead[0]) and is_agency(task[:REACH]) \
                and (ag.head_re.match(task[:80]) is not None or ag.protect.match(task, 0, REACH) is not None):
            skipped = True
            continue  # "Giao các cơ quan, đơn vị:" / "2. Sở Văn hóa …; UBND các xã … niêm yết …": its own bodies
        if row.phrase == "heading":
            if (rm := ag.responsible.search(task)) is not None and ag.negation.search(task, max(0, rm.start() - 20), rm.start()):
                continue  # "b) Văn phòng đăng ký đất đai không chịu trách nhiệm về …"
            if any(_denied(task, name) for name in lead):
                continue  # "4. Đối với …, cơ quan chủ quản không thực hiện các nhiệm vụ …": a rule
            if (rm := ag.responsible.search(task, 0, 120)) is not None and ag.holder_start.match(task) \
                    and not task[:rm.start()].rstrip().endswith(",") \
                    and (own_lead := task[:rm.start()].strip(" ,")) and not is_agency(own_lead) \
                    and _task_cut(own_lead) is None and not ag.holder_back.match(own_lead) \
                    and task[rm.end():].strip(" ,:.") and not ag.accountable.match(task, rm.end(), rm.end() + 40):
                # "2. Người đứng đầu cơ quan chủ quản chịu trách nhiệm phê duyệt …" under the body's
                # heading: the party the item names leads it (not "Đại diện cho chủ dự án, chịu
                # trách nhiệm trước chủ dự án …": a duty in a list of them, to whom it answers)
                lead = [" ".join(n.split()) for n in own_lead.split(";") if n.strip()]
                task = task[rm.end():].strip(" ,")
        if child.children and ag.task_goes_on.search(task) and _parts_below(child):
            task = _with_parts(task, child)  # "b) Tổ chức các hội nghị, gồm:" / "- Hội nghị sơ kết …"
        partners = row.partners or carried
        if not partners and len(lead) == 1 and (ag.lead.match(task, at := _opening_end(task))
                                                or agency_grammar().partnering.match(task, at)):
            # "- Chủ trì, phối hợp với các cơ quan liên quan rà soát …" under the body's list: its
            # partners and its task, read as the row of that body; what the item says first stays
            # in the task ("Hằng năm, phối hợp với Sở X rà soát …": "Hằng năm, rà soát …")
            if (named := without_partners(task, lead[0], at)) is not None:
                partners, task = named
        if child.children:
            carried = []  # what is nested under this item ends the lead-in's list
        reported = row.reported or (row.phrase == "heading" and ag.done_task.match(task) is not None)
        r = RawAssignment(lead, partners, task, child.span.start, child.span.end,
                          child_path, pick_deadline(dls) if dls else (child.children and _child_note(child)) or ahead,
                          row.phrase, reported)
        rows.append(r)
        if r.deadline is None:
            undated.append(r)
    for r in undated:
        r.deadline = row.deadline
    if not rows:  # every item was a note: the row itself, with the last one's deadline
        if skipped:
            return iter(())
        row.deadline = ahead or row.deadline
        return iter([row])
    return iter(rows)


def without_partners(text: str, lead: str, at: int = 0) -> tuple[list[str], str] | None:
    """(the partners, the task without them) of an item or a cell read as a row of ``lead``
    ("Chủ trì, phối hợp với Sở Tài chính xây dựng Đề án. Trình UBND tỉnh phê duyệt.", from ``at``,
    after what it says first: "Hằng năm, phối hợp với …"), None when it names none. The task runs
    on to the end of the text, over the sentences after its first: only the partner phrase is
    taken out."""
    own = next(iter(from_text(text[at:], 0, lead, lead)), None)
    if own is None or not own.partners:
        return None
    k = text.find(own.task, at) if own.task else -1
    return own.partners, text[:at] + (text[k:] if k >= 0 else own.task or text[at:])


def _denied(task: str, name: str) -> bool:
    """Whether an item says its body does not do something ("…, cơ quan chủ quản không thực
    hiện các nhiệm vụ quy định tại khoản 1"): the body's name, then a negation."""
    at = task.lower().find(name.lower())
    if at < 0 or (at > 0 and not task[:at].rstrip().endswith(",")):
        return False  # the body as the subject of its clause, not "… đối với cơ quan X không phải là …"
    negation = agency_grammar().negation
    return any(m is not None and negation.search(task, at, m.end()) is not None
               for m in (_ONE_WORD.match(task, at + len(name)), _TWO_WORDS.match(task, at + len(name))))


_ONE_WORD = regex.compile(r"\s+\S+\s")  # "không ", "không phải ": the words right after a name
_TWO_WORDS = regex.compile(r"\s+\S+\s+\S+\s")


def _opening_end(item: str) -> int:
    """Where an item's own phrase starts after what it says first of its body: an aspect word
    ("Chủ động phối hợp với …"), its role ("Là đầu mối phối hợp với …"), an opening clause
    ("Hằng năm, phối hợp với …"); 0 when it says none."""
    ag = agency_grammar()
    at = 0
    for _ in range(3):  # "Hằng năm, chủ động …"
        rest = item[at:at + REACH]
        m = ag.item_opening.match(rest) or ag.interrupt.match(rest)
        if m is None:
            break
        at += m.end() + len(rest[m.end():]) - len(rest[m.end():].lstrip())
    return at


def walk_paths(nodes: list, ancestors: list | None = None, path: list[str] | None = None) -> Iterator[tuple]:
    """(node, its ancestors, its path of labels) for every node, depth first. A loop over a
    stack: nested generators pass every node up through each level of the tree."""
    stack = [(iter(enumerate(nodes)), ancestors or [], path or [])]
    while stack:
        items, above, where = stack[-1]
        for k, node in items:
            here = [*where, _step(node, k)]
            yield node, above, here
            if node.children:
                stack.append((iter(enumerate(node.children)), [*above, node], here))
            break
        else:
            stack.pop()


def _fields(node, ancestors: list, path: list[str]) -> list[RawAssignment]:
    """"Cơ quan chủ trì: X" with its sibling fields (phối hợp, nhiệm vụ, thời gian)."""
    ag = agency_grammar()
    siblings = list(ancestors[-1].children) if ancestors else [node]
    text = " ".join(t for t in (node.title, node.text) if t)
    fm = ag.field_lead.match(text)
    lead = split_names(fm.group("v"))
    partners: list[str] = []
    owner = ancestors[-1] if ancestors else None
    if len(ancestors) >= 2 and ag.field_group.match(" ".join(t for t in (owner.title, owner.text) if t)):
        # "a) Nhiệm vụ: …" / "b) Cơ quan thực hiện:" / "- Đơn vị chủ trì: X" / "c) Thời gian thực
        # hiện: …": the fields sit under a heading, the task and the time beside it
        siblings += [sib for sib in ancestors[-2].children if sib is not owner]
        owner = ancestors[-2]
    task = " ".join(t for t in (owner.title, owner.text) if t) if owner is not None else None
    deadline = None
    read = [node]  # the row spans the fields it was read from, and the heading its task is
    task_from = owner
    listed = None  # "a) Nhiệm vụ:" over items: the tasks
    for sib in siblings:
        stext = " ".join(t for t in (sib.title, sib.text) if t)
        if (pm := ag.field_partners.match(stext)) is not None:
            partners = split_names(pm.group("v"))
        elif (tm := ag.field_task.match(stext)) is not None:
            if not tm.group("v").strip():
                if not sib.children:
                    continue
                listed = sib
            task, task_from = tm.group("v"), None
        elif (dm := ag.field_deadline.match(stext)) is not None:
            deadline = stated(dm.group("v"))
        else:
            continue
        read.append(sib)
    if task_from is not None:
        read.append(task_from)
    if fm.group("exec") and not (task and lead and ":" not in fm.group("v") and is_agency(lead[0]) and all(
            _task_cut(n) is None and not ag.lead.search(n) for n in lead) and not ag.procedure.match(task)
            and not any(ag.procedure.match(" ".join(t for t in (sib.title, sib.text) if t)) for sib in siblings)):
        return []  # "Cơ quan thực hiện: Sở X. Địa chỉ: …" in a procedure, or a sentence
    start, end = min(n.span.start for n in read), max(n.span.end for n in read)
    if listed is not None and owner is not None:
        # one row per item, each at its own place: "I/1/a/-1" under "1. Về …" / "a) Nhiệm vụ:"
        at = [*(path[:-1] if owner is not ancestors[-1] else path), _step(listed, owner.children.index(listed))]
        return [RawAssignment(lead, partners, item, child.span.start, child.span.end, [*at, _step(child, k)],
                              deadline, phrase="fields")
                for k, child in enumerate(listed.children)
                if (item := _task(" ".join(t for t in (child.title, child.text) if t)))]
    return [RawAssignment(lead, partners, task, start, end, path, deadline, phrase="fields")]
