"""Legacy Vietnamese encodings to Unicode: TCVN3 (ABC), VNI Windows and Windows-1258.

Before Unicode, Vietnamese text was written in 8-bit encodings tied to fonts. Three of them
still turn up in administrative documents:

``tcvn3``
    TCVN 5712:1993 VN3, the "ABC" encoding of the ``.VnTime``, ``.VnArial`` … fonts. One byte
    per letter: the 67 lower-case letters with marks and the capitals Ă Â Ê Ô Ơ Ư Đ sit in
    0xA1–0xFE, ASCII is unchanged. VN3 has no capital with a tone: those are typed in an
    all-capital font (``.VnTimeH``), which shows the *lower-case* codes (and the ASCII letters)
    as capitals — that is the ``tcvn3-upper`` mapping. The few capitals that the VN2 form
    of the standard adds in codes VN3 leaves free are decoded too.
``vni``
    VNI Windows (``VNI-Times``, ``VNI-Helve`` …): a base letter followed by one Latin-1 character
    that carries its marks ("Vieät" is "Việt", "hoøa" is "hòa"); ơ ư đ and the toned i are
    single characters ("ñöôïc" is "được").
``cp1258``
    Windows-1258: precomposed base letters (â ơ ư đ, some toned Latin-1 letters) followed by a
    combining tone mark. Python's codec decodes it; the result is composed to NFC here.

A text file is bytes: :func:`decode_bytes` decodes one encoding, :func:`decode_legacy` guesses
which one (it is called only when the bytes are not UTF-8). A DOCX run set in a legacy font is
already a ``str`` — the bytes stored as the cp1252 / Latin-1 characters of the same code
("Céng hoµ" for "Cộng hoà") — and :func:`convert` maps it; :func:`font_encoding` tells the
encoding from the run's font name, and :func:`detect_str` recognises such text when no font
says so. The tables and the font-name rules are data, in ``grammars/legacy.toml``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from .grammar import read_table, table_errors

__all__ = [
    "ENCODINGS",
    "convert",
    "decode_bytes",
    "decode_legacy",
    "detect_str",
    "font_encoding",
    "restore_capitals",
]

_FILE = "legacy.toml"

#: Encodings :func:`convert` and :func:`decode_bytes` accept.
ENCODINGS = ("tcvn3", "tcvn3-upper", "vni", "cp1258")

# Encodings decode_legacy chooses from (tcvn3-upper cannot be told from tcvn3 in a text file).
_CANDIDATES = ("tcvn3", "vni", "cp1258")

# Text sampled to score a candidate decoding: enough words, bounded cost on large files.
_SAMPLE = 65536

_TONES = {"\u0301": "sắc", "\u0300": "huyền", "\u0309": "hỏi", "\u0303": "ngã", "\u0323": "nặng"}
# Marks a Vietnamese letter may carry besides its tone: circumflex, breve, horn.
_SHAPE_MARKS = frozenset("\u0302\u0306\u031b")
_STOPS = ("ch", "c", "p", "t")

# cp1252 in 0x80-0x9F; the five codes it leaves undefined keep their C1 control character.
_CP1252_C1 = {
    b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
# Word stores the characters of a symbol-charset font at U+F000 + code; undo that.
_PUA = {0xF000 + b: b for b in range(0x20, 0x100)}

# A word for scoring: a run of anything but white space, digits, ASCII punctuation and the
# General Punctuation block ("—", "…", curly quotes). Latin-1 symbols stay inside words: in
# TCVN3 mojibake they are letters ("x·" is "xã").
_WORD = regex.compile(r"[^\s0-9!-/:-@\[-`{-~\u2000-\u206f]+")
_LETTERS = regex.compile(r"[^\W\d_]+")
# a list marker opening a line: -, +, •, 1., 1.2., 1), a), (a), (1), [1], I.
_MARKER = r"(?:[-+•*–]|\d{1,3}(?:\.\d{1,3})*[.)]|\(?[a-zđ]\)|\(\d{1,3}\)|\[\d{1,3}\]|[IVXLC]{1,6}\.)"
_LINE_START = regex.compile(rf"[^\S\n]*(?:{_MARKER}[^\S\n]+)?")
_LIST_MARKER = regex.compile(rf"[^\S\n]*{_MARKER}[^\S\n]")
# a sentence inside a line: after . ! ? and white space
_INNER_SENTENCE = regex.compile(r"(?<=[.!?][\"”’)]?[^\S\n]+)[^\W\d_]")
# a line ending so that the next line starts a sentence
_ENDS_SENTENCE = regex.compile(r"[.!?:][\"”’)*]*\s*$")
# how many lines up and down a line without Vietnamese words looks for its neighbours' case
_NEAR_LINES = 2


@dataclass(frozen=True, slots=True)
class _Tables:
    tcvn3: dict[int, str]
    tcvn3_upper: dict[int, str]
    vni_pattern: regex.Pattern[str]
    vni_map: dict[str, str]
    fonts: tuple[tuple[str, regex.Pattern[str]], ...]
    syllable: regex.Pattern[str]
    common: frozenset[str]
    min_valid: int
    min_share: float
    str_min_valid: int
    str_min_share: float
    str_max_share_before: float
    ambiguous_lower: frozenset[str]
    # one of those letters; a word made only of capitals and of them, holding one
    ambiguous_char: regex.Pattern[str]
    case_candidate: regex.Pattern[str]
    # phrases a TCVN3 text shows with a small letter that are always written with a capital
    proper: regex.Pattern[str] | None
    proper_map: dict[str, str]


def _single(key: str, value: Any) -> tuple[str, str]:
    if not (isinstance(key, str) and isinstance(value, str) and len(key) == 1 and len(value) == 1):
        raise TypeError(f"{key!r} = {value!r}: a single-character mapping must map one character to one")
    return key, value


def _upper_letter(ch: str) -> str:
    up = ch.upper()
    return up if len(up) == 1 else ch


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = read_table(_FILE)
    with table_errors(_FILE):
        tcvn3_chars: dict[str, str] = {}
        for key, value in (*data["tcvn3"]["map"].items(), *data["tcvn3"]["vn2"].items()):
            k, v = _single(key, value)
            tcvn3_chars[k] = v
        # Word may store a code in its symbol-font form U+F000 + code: read it as the code
        tcvn3: dict[int, str] = {pua: chr(code) for pua, code in _PUA.items()}
        tcvn3.update({ord(k): v for k, v in tcvn3_chars.items()})
        tcvn3.update({0xF000 + ord(k): v for k, v in tcvn3_chars.items()})
        tcvn3_upper = {code: _upper_letter(v) for code, v in tcvn3.items()}
        for c in range(ord("a"), ord("z") + 1):
            tcvn3_upper[c] = tcvn3_upper[0xF000 + c] = chr(c - 32)

        vni_map: dict[str, str] = {}
        for key, value in data["vni"]["map"].items():
            fits = isinstance(key, str) and isinstance(value, str) and 1 <= len(key) <= 2 and len(value) == 1
            if not fits:
                raise TypeError(f"[vni.map] {key!r} = {value!r}: one or two characters to one letter")
            vni_map[key] = value
        if data["vni"].get("lenient_case", False):
            for key, value in list(vni_map.items()):
                if len(key) == 2:
                    for mark in {key[1].lower(), key[1].upper()} - {key[1]}:
                        vni_map.setdefault(key[0] + mark, value)
        vni_pattern = _vni_pattern(vni_map)

        fonts = tuple((rule["encoding"], regex.compile(rule["pattern"])) for rule in data["font"])
        for name, _ in fonts:
            if name not in ENCODINGS:
                raise TypeError(f"[[font]] encoding {name!r} is not one of {', '.join(ENCODINGS)}")

        det = data["detect"]
        common = frozenset(unicodedata.normalize("NFC", w).lower() for w in det["common"])
        # the letters whose capital TCVN3 writes with the same code: the lower-case toned vowels
        ambiguous_lower = frozenset(
            v for v in tcvn3_chars.values()
            if v.islower() and any(m in _TONES for m in unicodedata.normalize("NFD", v))
        )
        amb = regex.escape("".join(sorted(ambiguous_lower)))
        case_candidate = regex.compile(
            rf"(?<![^\W\d_])(?=[^\W\d_]*[{amb}])[\p{{Lu}}{amb}]+(?![^\W\d_])"
        )
        proper_map: dict[str, str] = {}
        for phrase in data["tcvn3"].get("proper", []):
            phrase = " ".join(unicodedata.normalize("NFC", phrase).split())
            shown = "".join(c.lower() if c.lower() in ambiguous_lower else c for c in phrase)
            if shown != phrase:
                proper_map[shown] = phrase
        longest_first = sorted(proper_map, key=len, reverse=True)
        phrases = [r"\s+".join(map(regex.escape, k.split())) for k in longest_first]
        proper = (
            regex.compile(r"(?<![^\W\d_])(?:" + "|".join(phrases) + r")(?![^\W\d_])") if phrases else None
        )
        return _Tables(
            tcvn3=tcvn3,
            tcvn3_upper=tcvn3_upper,
            vni_pattern=vni_pattern,
            vni_map=vni_map,
            fonts=fonts,
            syllable=regex.compile(det["syllable"]),
            common=common,
            min_valid=int(det["min_valid"]),
            min_share=float(det["min_share"]),
            str_min_valid=int(det["str_min_valid"]),
            str_min_share=float(det["str_min_share"]),
            str_max_share_before=float(det["str_max_share_before"]),
            ambiguous_lower=ambiguous_lower,
            ambiguous_char=regex.compile(f"[{amb}]"),
            case_candidate=case_candidate,
            proper=proper,
            proper_map=proper_map,
        )


def _vni_pattern(table: dict[str, str]) -> regex.Pattern[str]:
    """One alternation: each base letter with the class of marks it takes, then single letters."""
    by_base: dict[str, set[str]] = {}
    singles: set[str] = set()
    for key in table:
        if len(key) == 2:
            by_base.setdefault(key[0], set()).add(key[1])
        else:
            singles.add(key)
    parts = [regex.escape(base) + "[" + "".join(regex.escape(m) for m in sorted(marks)) + "]"
             for base, marks in sorted(by_base.items())]
    if singles:
        parts.append("[" + "".join(regex.escape(s) for s in sorted(singles)) + "]")
    return regex.compile("|".join(parts))


# --- conversion -------------------------------------------------------------------------------


def _check(encoding: str) -> str:
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r} (expected one of {', '.join(ENCODINGS)})")
    return encoding


def _cp1258_from_str() -> dict[int, str]:
    table: dict[int, str] = {}
    for b in range(0x80, 0x100):
        try:
            as_1258 = bytes([b]).decode("cp1258")
        except UnicodeDecodeError:
            continue
        as_1252 = _CP1252_C1.get(b, chr(b))
        if as_1252 != as_1258:
            table[ord(as_1252)] = as_1258
        if chr(b) != as_1258:
            table.setdefault(b, as_1258)
    return table


_CP1258_FROM_STR = _cp1258_from_str()
# bytes (read as Latin-1) -> cp1258, the codes cp1258 leaves undefined kept as they are
_CP1258_BYTES = {b: bytes([b]).decode("cp1258", errors="replace") for b in range(0x80, 0x100)}
_CP1258_BYTES = {b: c for b, c in _CP1258_BYTES.items() if c != "\ufffd" and c != chr(b)}


def convert(text: str, encoding: str, *, repair_case: bool = False) -> str:
    """Unicode (NFC) for ``text``: legacy codes read as cp1252 / Latin-1 characters, as a DOCX
    run in a legacy font stores them (or as U+F000 + code, Word's symbol-font form).

    ``encoding`` is one of :data:`ENCODINGS`. Characters that are not part of the encoding's
    letters pass through unchanged, so already-Unicode parts of a run are kept. With
    ``repair_case`` TCVN3 words written in capitals get their toned letters in capitals too
    (see :func:`restore_capitals`).
    """
    _check(encoding)
    t = _tables()
    if encoding == "tcvn3":
        out = text.translate(t.tcvn3)
        if repair_case:
            out = restore_capitals(out)
    elif encoding == "tcvn3-upper":
        out = text.translate(t.tcvn3_upper)
    elif encoding == "vni":
        if any(0xF000 <= ord(c) <= 0xF0FF for c in text):
            text = text.translate(_PUA)
        vni_map = t.vni_map
        out = t.vni_pattern.sub(lambda m: vni_map[m.group()], text)
    else:
        out = text.translate(_CP1258_FROM_STR)
    return out if unicodedata.is_normalized("NFC", out) else unicodedata.normalize("NFC", out)


def decode_bytes(data: bytes, encoding: str) -> str:
    """Decode legacy bytes to Unicode (NFC). Never raises on content: undefined codes are kept
    as the Latin-1 / C1 character of the same value."""
    _check(encoding)
    if encoding == "cp1258":
        return unicodedata.normalize("NFC", data.decode("latin-1").translate(_CP1258_BYTES))
    text = data.decode("latin-1").translate(_CP1252_C1)
    return convert(text, encoding)


# --- case repair (TCVN3 has no capitals with a tone) ------------------------------------------


def restore_capitals(text: str) -> str:
    """Give TCVN3 text its toned capitals back, where the text shows they were meant.

    VN3 has no capital with a tone: a TCVN3 file made from Unicode text (or typed in .VnTime)
    writes "CỘNG HÒA" as the codes of "CộNG HòA" and "Ở đây." as "ở đây.". Upper-cased are:

    * a word with a capital after its first letter and no small letter that has a capital of
      its own (ASCII, ă â ê ô ơ ư đ): "CộNG" → "CỘNG";
    * a word with at most its first letter a capital ("Xã", "Kế", "ở") whose nearest
      Vietnamese words on its line, on either side, are in capitals: "CỘNG HÒA Xã HỘI",
      "Kế HOẠCH". Acronyms (KH, TU, UBND) are not words here, so "Số: 12/KH-UBND" stays as it is.
      On a line with no other Vietnamese word ("Về" under "QUYẾT ĐỊNH") the nearest lines say;
    * the first letter of a sentence: at the start of the text, of a line after a list marker
      (-, +, 1., a), (1), [1], I.) or after a line ending in . ! ? :, and after . ! ? in a line;
    * the phrases listed under ``[tcvn3] proper`` in ``grammars/legacy.toml`` ("Ủy ban").

    Any other toned capital ("của ủy ban", "Đông Nam á") cannot be told from a small letter and
    stays small; text typed in .VnTime writes such words with an untoned capital ("Uỷ ban").
    """
    t = _tables()
    amb = t.ambiguous_lower
    if not t.ambiguous_char.search(text):
        return text
    lines = text.splitlines(keepends=True)
    words: dict[int, list[_Word]] = {}

    def line_words(i: int) -> list[_Word]:
        if i not in words:
            words[i] = _line_words(lines[i], amb)
        return words[i]

    out: list[str] = []
    starts = True  # whether the next line starts a sentence
    for i, line in enumerate(lines):
        fixed = line
        if t.case_candidate.search(line):
            fixed = _case_line(i, lines, line_words, t)
        if t.ambiguous_char.search(fixed):
            fixed = _capitalise_sentences(fixed, amb, starts)
        out.append(fixed)
        # a blank line, or a line ending in . ! ? :, is followed by a new sentence
        starts = bool(_ENDS_SENTENCE.search(line)) if line.strip() else True
    result = "".join(out)
    if t.proper is not None:
        result = t.proper.sub(lambda m: _proper(m.group(), t.proper_map), result)
    return result


def _proper(found: str, proper_map: dict[str, str]) -> str:
    """The listed phrase for ``found``, keeping the white space between its words."""
    words = proper_map[" ".join(found.split())].split()
    parts = regex.split(r"(\s+)", found)
    parts[::2] = words
    return "".join(parts)


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    text: str
    kind: str  # caps, lower, amb (case unknown) or other (a single capital)

    def significant(self, t: _Tables) -> bool:
        """A Vietnamese word (not an acronym) whose case is known."""
        w = self.text
        return self.kind in ("caps", "lower") and not (w.isascii() and len(w) <= 2) and _is_syllable(w, t)


def _line_words(line: str, amb: frozenset[str]) -> list[_Word]:
    found: list[_Word] = []
    for m in _LETTERS.finditer(line):
        w = m.group()
        if not any(c in amb for c in w):
            kind = "lower" if any(c.islower() for c in w) else "caps" if len(w) > 1 else "other"
        elif any(c.islower() and c not in amb for c in w):
            kind = "lower"
        elif any(c.isupper() for c in w[1:]):
            kind, w = "caps", w.upper()
        else:
            kind = "amb"
        found.append(_Word(m.start(), m.end(), w, kind))
    return found


def _case_line(i: int, lines: list[str], line_words: Any, t: _Tables) -> str:
    ws: list[_Word] = line_words(i)
    texts = [w.text for w in ws]
    ambiguous = [n for n, w in enumerate(ws) if w.kind == "amb"]
    if ambiguous and any(w.significant(t) for w in ws):
        for n in ambiguous:
            left = next((v.kind for v in reversed(ws[:n]) if v.significant(t)), None)
            right = next((v.kind for v in ws[n + 1:] if v.significant(t)), None)
            sides = [k for k in (left, right) if k is not None]
            if all(k == "caps" for k in sides):
                texts[n] = ws[n].text.upper()
    elif ambiguous:
        sides = []
        for step in (-1, 1):
            for j in range(i + step, i + step * (_NEAR_LINES + 1), step):
                if not 0 <= j < len(lines):
                    break
                near = [v.kind for v in line_words(j) if v.significant(t)]
                if near:
                    sides.append(near[-1] if step < 0 else near[0])
                    break
        if sides and all(k == "caps" for k in sides):
            for n in ambiguous:
                texts[n] = ws[n].text.upper()
    line = lines[i]
    out: list[str] = []
    pos = 0
    for w, new in zip(ws, texts, strict=True):
        out.append(line[pos:w.start])
        out.append(new)
        pos = w.end
    out.append(line[pos:])
    return "".join(out)


def _capitalise_sentences(line: str, amb: frozenset[str], starts: bool) -> str:
    chars = list(line)
    if starts or _LIST_MARKER.match(line):
        head = _LINE_START.match(line)
        i = head.end() if head else 0
        if i < len(chars) and chars[i] in amb:
            chars[i] = chars[i].upper()
    for m in _INNER_SENTENCE.finditer(line):
        if chars[m.start()] in amb:
            chars[m.start()] = chars[m.start()].upper()
    return "".join(chars)


# --- scoring ----------------------------------------------------------------------------------


def _is_syllable(word: str, t: _Tables) -> bool:
    """Whether ``word`` is shaped like one Vietnamese syllable (onset, vowels, final, one tone)."""
    return _syllable(word) if len(word) <= 12 else False


@lru_cache(maxsize=8192)
def _syllable(word: str) -> bool:
    t = _tables()
    tone = ""
    base: list[str] = []
    for c in unicodedata.normalize("NFD", word.lower()):
        if c in _TONES:
            if tone:
                return False
            tone = c
        elif unicodedata.combining(c):
            if c not in _SHAPE_MARKS:
                return False
            base.append(c)
        else:
            base.append(c)
    bare = unicodedata.normalize("NFC", "".join(base))
    if not t.syllable.match(bare):
        return False
    # a syllable closed by a stop takes only sắc or nặng
    return not bare.endswith(_STOPS) or tone in ("\u0301", "\u0323")


@dataclass(frozen=True, slots=True)
class _Score:
    words: int    # words holding a non-ASCII character
    valid: int    # ... of them shaped like Vietnamese syllables
    common: int   # ... of those, frequent words
    junk: int     # control characters and replacement characters

    @property
    def share(self) -> float:
        return self.valid / self.words if self.words else 0.0

    @property
    def value(self) -> float:
        return self.valid + self.common - 2 * (self.words - self.valid) - 5 * self.junk


def _score(text: str, t: _Tables) -> _Score:
    words = valid = common = 0
    for m in _WORD.finditer(text):
        w = m.group()
        if w.isascii():
            continue
        words += 1
        if _is_syllable(w, t):
            valid += 1
            if unicodedata.normalize("NFC", w).lower() in t.common:
                common += 1
    junk = sum(
        1 for c in text if c == "\ufffd" or (unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    )
    return _Score(words, valid, common, junk)


def decode_legacy(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` for bytes in TCVN3, VNI or cp1258, or None if they look like none.

    Meant for bytes that are not UTF-8. Each candidate decoding of (a sample of) the bytes is
    scored by how many of its non-ASCII words are Vietnamese syllables and frequent words; the
    best one is taken when it is clearly Vietnamese and better than the others. TCVN3 text gets
    its capitals repaired (:func:`restore_capitals`), since a text file has no font to say which
    words were set in capitals.
    """
    t = _tables()
    sample = data[:_SAMPLE]
    scored: list[tuple[float, str, _Score]] = []
    for name in _CANDIDATES:
        text = decode_bytes(sample, name)
        if name == "tcvn3":
            text = restore_capitals(text)
        s = _score(text, t)
        scored.append((s.value, name, s))
    scored.sort(key=lambda x: x[0], reverse=True)
    value, name, best = scored[0]
    if value <= scored[1][0]:
        return None
    if best.valid < t.min_valid or best.share < t.min_share or best.common < 1:
        return None
    text = decode_bytes(data, name)
    if name == "tcvn3":
        text = restore_capitals(text)
    return text, name


_UNICODE_VI = regex.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


def detect_str(text: str) -> str | None:
    """"vni" or "tcvn3" when ``text`` (already a str) is legacy mojibake, else None.

    Only on strong evidence: the text as it stands must look wrong (few of its non-ASCII words
    are Vietnamese) and the converted text must look right (many Vietnamese words, among them
    frequent ones). Unicode Vietnamese, English and text without non-ASCII words give None.
    """
    t = _tables()
    sample = text[:_SAMPLE]
    if sample.isascii() or _UNICODE_VI.search(sample):
        # letters outside Latin-1 that only Unicode Vietnamese has (ă đ ơ ư, the toned vowels):
        # TCVN3 and VNI mojibake, read as cp1252, can contain none of them
        return None
    before = _score(sample, t)
    if before.words == 0 or before.share > t.str_max_share_before:
        return None
    passed: list[tuple[float, str]] = []
    for name in ("tcvn3", "vni"):
        after = _score(convert(sample, name, repair_case=name == "tcvn3"), t)
        if (
            after.valid >= t.str_min_valid
            and after.share >= t.str_min_share
            and after.common >= 1
            and after.valid - before.valid >= t.str_min_valid
        ):
            passed.append((after.value, name))
    if not passed:
        return None
    passed.sort(reverse=True)
    if len(passed) > 1 and passed[0][0] <= passed[1][0]:
        return None
    return passed[0][1]


# --- fonts ------------------------------------------------------------------------------------


def font_encoding(font_name: str | None) -> str | None:
    """The legacy encoding a font implies: "tcvn3" (.VnTime, .VnArial …), "tcvn3-upper" (their
    all-capital forms .VnTimeH …), "vni" (VNI-Times, VNI-Helve …), or None for any other font."""
    if not font_name:
        return None
    for name, pattern in _tables().fonts:
        if pattern.search(font_name):
            return name
    return None
