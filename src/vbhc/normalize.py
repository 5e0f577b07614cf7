"""Text clean-up that keeps every offset mappable to the source.

``normalize`` returns the cleaned text and an :class:`OffsetMap`. The clean-up is:
NFC composition; ``Ð``/``ð`` (Icelandic eth, common in legacy data) to ``Đ``/``đ``; odd
spaces (no-break, thin, ideographic, tab) to a plain space; invisible characters (zero-width,
soft hyphen, BOM, bidi marks) and other control characters removed; CR LF and other line
separators to ``\\n``. Tone placement (hoà/hòa) is *not* rewritten: the printed form is
kept, and :func:`fold` gives the matching key instead.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

import regex

_SPACE = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"
_DROP = "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\ufffe"
_NEWLINE = "\u0085\u2028\u2029"
_TRANSLATE = {ord(c): " " for c in _SPACE}
_TRANSLATE.update({ord(c): None for c in _DROP})
_TRANSLATE.update({ord(c): "\n" for c in _NEWLINE})
_TRANSLATE.update({0xD0: "Đ", 0xF0: "đ"})
_TRANSLATE.update({c: " " for c in range(0x20) if c not in (0x0A, 0x0D)})
_TRANSLATE.update({c: " " for c in range(0x7F, 0xA0) if c != 0x85})  # DEL and C1 controls

# Anything the clean-up would touch; text without any of these (and already NFC) is identity.
# The standard library's engine: it scans a character class about eight times faster.
_ODD = re.compile("[\r" + re.escape(_SPACE + _DROP + _NEWLINE) + "\u00d0\u00f0\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# One grapheme-ish cluster: a starter and the combining marks after it.
_CLUSTER = regex.compile(r"\P{M}\p{M}*|\p{M}+", regex.DOTALL)


class OffsetMap:
    """Maps offsets in the normalised text back to offsets in the source text.

    Stored as anchors (normalised offset, source offset) at every place where the two
    drift apart; between anchors the texts advance together. Identity costs nothing.
    """

    __slots__ = ("_norm", "_src", "_dropped", "source_length")

    def __init__(self, anchors: list[tuple[int, int]] | None = None, source_length: int = 0,
                 dropped: set[int] | None = None) -> None:
        """``dropped``: the indices of the anchors that follow a removed character (a CR before
        LF, a zero-width space), which a span ending there does not take."""
        pairs = anchors or [(0, 0)]
        self._norm = [a for a, _ in pairs]
        self._src = [b for _, b in pairs]
        self._dropped = dropped or set()
        self.source_length = source_length

    def to_source(self, offset: int) -> int:
        i = bisect.bisect_right(self._norm, offset) - 1
        return min(self._src[i] + (offset - self._norm[i]), self.source_length)

    def to_norm(self, offset: int) -> int:
        """The offset in the normalised text of ``offset`` in the source (inside a removed
        character or a composed cluster: the normalised offset where it stands)."""
        i = bisect.bisect_right(self._src, offset) - 1
        norm = self._norm[i] + (offset - self._src[i])
        return min(norm, self._norm[i + 1]) if i + 1 < len(self._norm) else norm

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        if len(self._norm) == 1 and not self._norm[0] and not self._src[0]:  # identity: most documents
            a = min(start, self.source_length)
            return a, max(a, min(end, self.source_length))
        a = self.to_source(start)
        b = self._end_to_source(end) if end > start else a
        return a, max(a, b)

    def _end_to_source(self, end: int) -> int:
        """The source offset of a span's end: right after the source of its last character, not
        after removed characters that follow it ("… Kế hoạch.\r\n": the span ends before the CR)."""
        i = bisect.bisect_right(self._norm, end) - 1
        while i > 0 and self._norm[i] == end and i in self._dropped:
            i -= 1
        return min(self._src[i] + (end - self._norm[i]), self.source_length)

    @property
    def identity(self) -> bool:
        return len(self._norm) == 1


class Normalized:
    __slots__ = ("text", "map", "source")

    def __init__(self, text: str, offset_map: OffsetMap, source: str) -> None:
        self.text = text
        self.map = offset_map
        self.source = source


def normalize(source: str) -> Normalized:
    """Clean ``source`` for parsing; the result's ``map`` leads back to ``source``."""
    if not _ODD.search(source) and unicodedata.is_normalized("NFC", source):
        return Normalized(source, OffsetMap(None, len(source)), source)
    out: list[str] = []
    anchors: list[tuple[int, int]] = [(0, 0)]
    dropped: set[int] = set()
    n_out = 0
    pos = 0
    text = source
    length = len(text)
    while pos < length:
        m = _ODD.search(text, pos)
        stop = m.start() if m else length
        if stop > pos:
            chunk = text[pos:stop]
            if unicodedata.is_normalized("NFC", chunk):
                out.append(chunk)
                n_out += len(chunk)
            else:
                n_out = _compose(chunk, pos, out, anchors, n_out)
            pos = stop
        if m is None:
            break
        ch = text[pos]
        if ch == "\r":
            rep = "\n" if pos + 1 >= length or text[pos + 1] != "\n" else ""
        elif "\ud800" <= ch <= "\udfff":
            rep = "\ufffd"  # a lone surrogate cannot be encoded; keep its place visibly
        else:
            rep = ch.translate(_TRANSLATE)
        out.append(rep)
        n_out += len(rep)
        pos += 1
        if len(rep) != 1:
            if not rep:
                dropped.add(len(anchors))
            anchors.append((n_out, pos))
    text_out = "".join(out)
    if not unicodedata.is_normalized("NFC", text_out):
        # a removed character sat between a letter and its combining mark: go cluster by cluster
        return _normalize_slow(source)
    return Normalized(text_out, OffsetMap(anchors, length, dropped), source)


_SLOW_CLUSTER = regex.compile("(?s).(?:[" + regex.escape(_DROP) + r"]*\p{M})*")


def _normalize_slow(source: str) -> Normalized:
    """Cluster by cluster (a character, then any removed characters and combining marks):
    exact for every input, used only when the fast path cannot compose."""
    out: list[str] = []
    anchors: list[tuple[int, int]] = [(0, 0)]
    dropped: set[int] = set()
    n_out = 0
    for m in _SLOW_CLUSTER.finditer(source):
        piece = m.group()
        if piece == "\r" and m.end() < len(source) and source[m.end()] == "\n":
            done = ""  # CR LF
        else:
            piece = piece.replace("\r", "\n")
            piece = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in piece)
            done = unicodedata.normalize("NFC", piece.translate(_TRANSLATE))
        out.append(done)
        n_out += len(done)
        if len(done) != m.end() - m.start():
            if not done:
                dropped.add(len(anchors))
            anchors.append((n_out, m.end()))
    return Normalized("".join(out), OffsetMap(anchors, len(source), dropped), source)


def _compose(chunk: str, base: int, out: list[str], anchors: list[tuple[int, int]], n_out: int) -> int:
    """NFC-compose ``chunk`` cluster by cluster, adding an anchor after each length change."""
    for m in _CLUSTER.finditer(chunk):
        piece = m.group()
        done = unicodedata.normalize("NFC", piece)
        out.append(done)
        n_out += len(done)
        if len(done) != len(piece):
            anchors.append((n_out, base + m.end()))
    return n_out


@lru_cache(maxsize=1)
def _tone_table() -> tuple[regex.Pattern[str], dict[str, str]]:
    from .grammar import grammar

    pairs = grammar().tone_pairs
    mapping: dict[str, str] = {}
    for new, old in pairs:
        mapping[new] = old
        mapping[new.upper()] = old.upper()
        mapping[new[0].upper() + new[1:]] = old[0].upper() + old[1:]
    # only at the end of a syllable: "hoàn" keeps its place, "hoà" becomes "hòa"; "qu" is a consonant
    keys = "|".join(sorted(map(regex.escape, mapping), key=len, reverse=True))
    return regex.compile(rf"(?<![qQ])(?:{keys})(?!\p{{L}})"), mapping


def fold_tones(text: str) -> str:
    """Rewrite new-style tone placement (hoà, uỷ) to the old style (hòa, ủy)."""
    pattern, mapping = _tone_table()
    return pattern.sub(lambda m: mapping[m.group()], text)


@lru_cache(maxsize=1)
def _either_table() -> tuple[regex.Pattern[str], dict[str, str]]:
    _, mapping = _tone_table()
    either = {}
    for new, old in mapping.items():
        either[new] = either[old] = f"(?:{new}|{old})"
    keys = "|".join(sorted(map(regex.escape, either), key=len, reverse=True))
    return regex.compile(rf"(?<![qQ])(?:{keys})(?!\p{{L}})"), either


def either_tones(pattern: str) -> str:
    """A regular expression (escaped text) that matches its words with the tone placed
    either way: "Văn hóa" also matches "Văn hoá"."""
    rx, either = _either_table()
    return rx.sub(lambda m: either[m.group()], pattern)


def fold(text: str) -> str:
    """Matching key: NFC, Đ unified, old-style tones, spaces folded, case folded."""
    t = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    t = fold_tones(t)
    return " ".join(t.split()).casefold()
