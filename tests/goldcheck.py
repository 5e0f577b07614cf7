"""A small, independent comparer for gold files (corpus/**/NAME.gold.json).

It follows /work/shared/corpus/GOLD-CONVENTIONS.md and deliberately does not use
``vbhc.normalize.fold``: a bug in the parser's own folding must not hide a mismatch here.

Every comparison goes through :func:`key`: NFC, ``Ð``/``ð`` (eth) unified with ``Đ``/``đ``,
new-style tone placement folded to the old style (``hoà`` = ``hòa``, ``UỶ`` = ``ỦY``),
whitespace folded, case folded, and the final ``;``/``.``/``,``/``:`` of a list item dropped
(GOLD-CONVENTIONS: "text without the dash and the final ;/.").
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any

SCALAR_FIELDS = ("family", "number", "doc_type", "doc_type_name", "issuer", "issuer_parent",
                 "issuer_contains", "place", "date", "title", "signer", "position", "sign_mode")
SET_FIELDS = ("recipients", "sections", "references", "assignments")
SKIPPED_FIELDS: frozenset[str] = frozenset()
TITLE_SIMILARITY = 0.9

# [new-style, old-style] tone placement, lower case; upper and title case are derived
_TONE_PAIRS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONES: dict[str, str] = {}
for _new, _old in _TONE_PAIRS.items():
    _TONES[_new] = _old
    _TONES[_new.upper()] = _old.upper()
    _TONES[_new[0].upper() + _new[1:]] = _old[0].upper() + _old[1:]
# only at the end of a syllable ("hoàn" keeps its place) and not after q ("quý" is q+uý)
_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(sorted(_TONES, key=len, reverse=True)) + r")(?![^\W\d_])")


def fold_tones(text: str) -> str:
    return _TONE_RE.sub(lambda m: _TONES[m.group(1)], text)


def key(value: Any) -> str:
    """The comparison key of a gold or parsed string (None gives "")."""
    if value is None:
        return ""
    t = unicodedata.normalize("NFC", str(value)).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    t = fold_tones(t)
    t = " ".join(t.split()).strip(";.,: ")
    return t.casefold()


def number_key(value: Any) -> str:
    t = re.sub(r"\s+", "", key(value))
    for prefix in ("số:", "số"):
        t = t.removeprefix(prefix)
    return t


def mode_key(value: Any) -> str:
    """'T/M' = 'TM', 'KT.' = 'KT'."""
    return re.sub(r"[./\s]", "", key(value))


def _sig0(out: dict) -> dict:
    sigs = out.get("signatures") or []
    return sigs[0] if sigs else {}


def predicted(out: dict, field: str) -> Any:
    """The parser's value for a scalar gold field, read from ``Document.model_dump()``."""
    number = out.get("number") or {}
    doc_type = out.get("doc_type") or {}
    issuer = out.get("issuer") or {}
    sig = _sig0(out)
    return {
        "family": lambda: out.get("family"),
        "number": lambda: number.get("raw"),
        "doc_type": lambda: doc_type.get("code"),
        "doc_type_name": lambda: doc_type.get("name"),
        "issuer": lambda: issuer.get("name"),
        "issuer_parent": lambda: issuer.get("parent"),
        "issuer_contains": lambda: " ".join(x for x in (issuer.get("parent"), issuer.get("name")) if x),
        "place": lambda: out.get("place"),
        "date": lambda: out.get("date"),
        "title": lambda: out.get("title"),
        "signer": lambda: sig.get("name"),
        "position": lambda: sig.get("position"),
        "sign_mode": lambda: sig.get("mode"),
    }[field]()


def scalar_ok(field: str, gold: Any, pred: Any) -> bool:
    if gold is None:  # "must come out null or absent"
        return pred in (None, "", [], {})
    if field == "number":
        return number_key(gold) == number_key(pred)
    if field == "sign_mode":
        return mode_key(gold) == mode_key(pred)
    if field == "issuer_contains":
        have = set(key(pred).replace(",", " ").split())
        return bool(have) and set(key(gold).split()) <= have
    if field == "title":
        return title_similarity(gold, pred) >= TITLE_SIMILARITY
    return key(gold) == key(pred)


def title_similarity(gold: Any, pred: Any) -> float:
    return difflib.SequenceMatcher(None, key(gold), key(pred)).ratio()


def gold_set(gold: dict, field: str) -> set:
    items = gold.get(field) or []  # null means "this document has none"
    if field == "recipients":
        return {key(e) for e in items}
    if field == "sections":
        return {(key(label), None if title is None else key(title)) for label, title in items}
    if field == "references":
        return {number_key(r) for r in items}
    if field == "assignments":
        # gold rows may be a subset of the document's rows: each must be found
        return {_row(r) for r in items}
    raise KeyError(field)


def _row(r: dict) -> tuple[frozenset, frozenset]:
    return frozenset(key(x) for x in r.get("lead") or []), frozenset(key(x) for x in r.get("partners") or [])


def predicted_set(out: dict, field: str, gold_value: set | None = None) -> set:
    if field == "recipients":
        return {key(r.get("name") if isinstance(r, dict) else r) for r in out.get("recipients") or []}
    if field == "sections":
        # a gold title of null compares the label alone
        untitled = {label for label, title in (gold_value or set()) if title is None}
        out_set = set()
        for node in out.get("body") or []:
            if not node.get("label"):
                continue
            label = key(node["label"])
            out_set.add((label, None if label in untitled else key(node.get("title"))))
        return out_set
    if field == "references":
        return {number_key(r.get("number")) for r in out.get("references") or []}
    if field == "assignments":
        found = {_row(r) for r in out.get("assignments") or []}
        return found & (gold_value or set())
    raise KeyError(field)


def compare(gold: dict, out: dict) -> dict[str, tuple[Any, Any]]:
    """Every gold field that the parse gets wrong: field -> (gold, got)."""
    misses: dict[str, tuple[Any, Any]] = {}
    for field in SCALAR_FIELDS:
        if field in gold and not scalar_ok(field, gold[field], predicted(out, field)):
            misses[field] = (gold[field], predicted(out, field))
    for field in SET_FIELDS:
        if field in gold and field not in SKIPPED_FIELDS:
            g = gold_set(gold, field)
            p = predicted_set(out, field, g)
            if g != p:
                misses[field] = (sorted(map(str, g - p)), sorted(map(str, p - g)))
    return misses


def scored_fields(gold: dict) -> list[str]:
    return [f for f in (*SCALAR_FIELDS, *SET_FIELDS) if f in gold and f not in SKIPPED_FIELDS]
