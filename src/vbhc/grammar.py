"""Grammar tables: load the TOML files in ``grammars/``, validate them, compile them once.

The tables are data edited by people; this module is the only place that reads them.
Errors name the file and the line (``grammars/markers.toml:12: …``) so that a bad edit is
found at once. Everything is compiled lazily on the first call to :func:`grammar` and
cached for the life of the process.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from .errors import GrammarError

FILES = ("doc_types.toml", "issuers.toml", "markers.toml", "page.toml", "orthography.toml")


def grammar_dir() -> Path:
    """The folder holding the grammar files: inside the installed package, or the source tree."""
    packaged = resources.files("vbhc") / "grammars"
    if packaged.is_dir():
        return Path(str(packaged))
    source_tree = Path(__file__).resolve().parents[2] / "grammars"
    if source_tree.is_dir():
        return source_tree
    raise GrammarError(f"grammar files not found (looked in {packaged} and {source_tree})")


@dataclass(frozen=True, slots=True)
class DocType:
    name: str
    code: str
    families: frozenset[str]
    legacy: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Marker:
    name: str
    kind: str
    rank: int
    label: str
    titled: bool
    pattern: regex.Pattern[str]


@dataclass(slots=True)
class Grammar:
    doc_types: list[DocType]
    type_by_upper_name: dict[str, DocType]
    issuer_codes: dict[str, str]
    org_heads: tuple[str, ...]
    whole_issuers: tuple[str, ...]
    authority_openings: tuple[str, ...]
    header: dict[str, regex.Pattern[str]]
    preamble: dict[str, regex.Pattern[str]]
    markers: list[Marker]
    marker_scanner: regex.Pattern[str]
    marker_groups: list[tuple[int, Marker]]  # the scanner's group number of each marker (m0, m1, …)
    closing: dict[str, regex.Pattern[str]]
    attachment: dict[str, regex.Pattern[str]]
    table: dict[str, regex.Pattern[str]]
    leading_junk: regex.Pattern[str]
    trailing_junk: regex.Pattern[str]
    translation: regex.Pattern[str]
    site_summary: regex.Pattern[str]
    type_line: regex.Pattern[str]
    tone_pairs: list[tuple[str, str]]
    dangling: frozenset[str]
    title_dangling: frozenset[str]
    list_intro: tuple[str, ...]
    range_start: regex.Pattern[str]
    title_words: frozenset[str]
    number_words: frozenset[str]
    letter_words: frozenset[str]
    dash_compounds: tuple[tuple[str, str], ...]
    dash_compound_not_before: frozenset[str]
    name_halves: tuple[tuple[str, str], ...]
    heading_words: frozenset[str]
    place_words: frozenset[str]
    letters: str
    ordinals: tuple[str, ...]
    extra: dict[str, Any] = field(default_factory=dict)
    by_code: dict[str, list[DocType]] = field(default_factory=dict)  # filled from doc_types

    def __post_init__(self) -> None:
        for t in self.doc_types:
            for code in dict.fromkeys((t.code, *t.legacy, *t.variants)):
                self.by_code.setdefault(code, []).append(t)

    def types_by_code(self, code: str) -> list[DocType]:
        """Document types whose code, legacy code or variant is ``code``, in table order."""
        return list(self.by_code.get(code, ()))


class _Source:
    """One grammar file: its parsed data and its text, to point errors at a line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.label = f"grammars/{path.name}"
        try:
            self.text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise GrammarError(f"{self.label}: cannot read: {exc.strerror}") from None
        try:
            self.data = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            m = regex.search(r"\(at line (\d+), column \d+\)", str(exc))
            where = m.group(1) if m else "1"
            message = str(exc)[: m.start()].strip() if m else str(exc)
            raise GrammarError(f"{self.label}:{where}: {message}") from None

    def line_of(self, needle: str) -> int:
        return self.find_line(needle) or 1

    def find_line(self, needle: str) -> int | None:
        for number, line in enumerate(self.text.splitlines(), 1):
            if needle in line:
                return number
        return None

    def line_of_value(self, key: str, value: str) -> int:
        """The line a string value of the table starts on: where its text is (a literal string
        is written as it reads), else where its first line is, else its key's line."""
        at = self.text.find(value)
        if at >= 0:
            return self.text.count("\n", 0, at) + 1
        first = value.strip().split("\n", 1)[0].strip()
        return (first and self.find_line(first)) or self.find_line(f"{key} =") \
            or self.find_line(f'"{key}" =') or 1

    def fail(self, needle: str, message: str) -> GrammarError:
        return self.fail_at(self.line_of(needle), message)

    def fail_at(self, line: int, message: str) -> GrammarError:
        return GrammarError(f"{self.label}:{line}: {message}")

    def table(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        if not isinstance(value, dict):
            raise self.fail(key, f"missing table [{key}]")
        return value

    def string(self, table: dict[str, Any], key: str, where: str) -> str:
        value = table.get(key)
        if not isinstance(value, str):
            raise self.fail(where, f"'{key}' must be a string")
        return value

    def strings(self, table: dict[str, Any], key: str, where: str) -> list[str]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(where, f"'{key}' must be a list of strings")
        return value

    def compile(self, source: str, where: str) -> regex.Pattern[str]:
        try:
            return regex.compile(source, regex.V0)
        except regex.error as exc:
            raise self.fail(where or source[:30], f"bad pattern: {exc}") from None


def _load_doc_types(src: _Source) -> list[DocType]:
    items = src.data.get("type")
    if not isinstance(items, list) or not items:
        raise src.fail("[[type]]", "no [[type]] entries")
    out = []
    for item in items:
        name = src.string(item, "name", "name")
        code = src.string(item, "code", f'"{name}"')
        fam = item.get("family", [])
        fams = [fam] if isinstance(fam, str) else fam
        if not fams or not all(f in ("state", "party", "legal") for f in fams):
            raise src.fail(f'"{name}"', f"type {name!r}: family must be state, party or legal")
        out.append(DocType(name, code, frozenset(fams), tuple(src.strings(item, "legacy", name)),
                           tuple(src.strings(item, "variants", name))))
    return out


def _patterns(src: _Source, table: dict[str, Any]) -> dict[str, regex.Pattern[str]]:
    return {key: src.compile(src.string(table, key, key), f"{key} =") for key in table}


def _load_markers(src: _Source) -> list[Marker]:
    items = src.data.get("marker")
    if not isinstance(items, list) or not items:
        raise src.fail("[[marker]]", "no [[marker]] entries")
    markers = []
    for item in items:
        name = src.string(item, "name", "name")
        where = f'name = "{name}"'
        rank = item.get("rank")
        if not isinstance(rank, int):
            raise src.fail(where, f"marker {name!r}: rank must be an integer")
        pattern = src.compile(src.string(item, "pattern", where), where)
        if "rest" not in pattern.groupindex:
            raise src.fail(where, f"marker {name!r}: pattern needs a (?P<rest>…) group")
        markers.append(Marker(name, src.string(item, "kind", where), rank,
                              src.string(item, "label", where), bool(item.get("titled", False)), pattern))
    return markers


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def load(directory: Path | None = None) -> Grammar:
    """Read, validate and compile the grammar files of ``directory`` (default: the shipped ones)."""
    base = directory or grammar_dir()
    src = {name: _Source(base / name) for name in FILES}

    types_src = src["doc_types.toml"]
    doc_types = _load_doc_types(types_src)
    by_name: dict[str, DocType] = {}
    for t in doc_types:
        by_name.setdefault(t.name.upper(), t)

    iss = src["issuers.toml"]
    codes = iss.table("codes")
    for key, value in codes.items():
        if not isinstance(value, str):
            raise iss.fail(f'"{key}" =', f"issuer code {key!r} must map to a string")
    heads = iss.strings(iss.table("heads"), "words", "words")
    openings = iss.strings(iss.table("authority"), "openings", "openings")
    whole = iss.strings(iss.table("whole"), "names", "names")

    mk = src["markers.toml"]
    header = _patterns(mk, mk.table("header"))
    preamble = _patterns(mk, mk.table("preamble"))
    closing = _patterns(mk, mk.table("closing"))
    closing.update(_patterns(mk, mk.table("signature")))
    attachment = _patterns(mk, mk.table("attachment"))
    tables = _patterns(mk, mk.table("table"))
    for needed, table in (("number", header), ("date", header), ("noi_nhan", closing), ("authority", closing),
                          ("row_number", tables)):
        if needed not in table:
            raise mk.fail(needed, f"missing pattern '{needed}'")
    markers = _load_markers(mk)
    # one combined scanner: alternatives in file order, each in a group m0, m1, …
    alternatives = "|".join(f"(?P<m{i}>{m.pattern.pattern.removeprefix('^')})" for i, m in enumerate(markers))
    scanner = regex.compile(f"^(?:{alternatives})")

    page = src["page.toml"]
    leading = page.compile(_alternation(page.strings(page.table("leading"), "lines", "lines")), "lines")
    trailing_t = page.table("trailing")
    trailing = page.compile(_alternation(page.strings(trailing_t, "markers", "markers")), "markers")
    summary = page.compile(page.string(trailing_t, "summary", "summary"), "summary")
    translation = page.compile(page.string(trailing_t, "translation", "translation"), "translation")

    orth = src["orthography.toml"]
    pairs = orth.data.get("tone_pairs", [])
    if not all(isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) for s in p) for p in pairs):
        raise orth.fail("tone_pairs", "tone_pairs must be [new, old] string pairs")

    names = sorted({t.name.upper() for t in doc_types}, key=len, reverse=True)
    type_line = regex.compile(r"^(?P<name>" + "|".join(regex.escape(n) for n in names) + r")(?![\p{L}\d])\s*(?P<rest>.*)$")

    return Grammar(
        doc_types=doc_types,
        type_by_upper_name=by_name,
        issuer_codes=dict(codes),
        org_heads=tuple(sorted(heads, key=len, reverse=True)),
        whole_issuers=tuple(whole),
        authority_openings=tuple(openings),
        header=header,
        preamble=preamble,
        markers=markers,
        marker_scanner=scanner,
        marker_groups=[(scanner.groupindex[f"m{i}"], m) for i, m in enumerate(markers)],
        closing=closing,
        attachment=attachment,
        table=tables,
        leading_junk=leading,
        trailing_junk=trailing,
        translation=translation,
        site_summary=summary,
        type_line=type_line,
        tone_pairs=[(a, b) for a, b in pairs],
        dangling=frozenset(w.casefold() for w in orth.strings(orth.data, "dangling", "dangling")),
        title_dangling=frozenset(w.casefold() for w in orth.strings(orth.data, "title_dangling", "title_dangling")),
        list_intro=tuple(w.casefold() for w in orth.strings(orth.data, "list_intro", "list_intro")),
        # a number a range goes on from, at a block's end: not after those words, not the second
        # year of a period ("2021 - 2025"), not part of a date or a decimal
        range_start=regex.compile(
            r"(?<!(?i:" + "|".join(regex.escape(w) for w in orth.strings(orth.data, "range_not_after", "range_not_after"))
            + r")\s+)(?<!\d{4}\s?[-–]\s?)(?<![\d.,/-])\d[\d.,]*$"),
        title_words=frozenset(orth.strings(orth.data, "title_words", "title_words")),
        number_words=frozenset(w.casefold() for w in orth.strings(orth.data, "number_words", "number_words")),
        letter_words=frozenset(w.casefold() for w in orth.strings(orth.data, "letter_words", "letter_words")),
        dash_compounds=tuple((a.casefold(), b.casefold()) for a, _, b in (
            w.partition(" - ") for w in orth.strings(orth.data, "dash_compounds", "dash_compounds"))),
        dash_compound_not_before=frozenset(
            w.casefold() for w in orth.strings(orth.data, "dash_compound_not_before", "dash_compound_not_before")),
        name_halves=tuple((a, b) for a, _, b in (
            w.partition(" / ") for w in orth.strings(orth.data, "name_halves", "name_halves"))),
        heading_words=frozenset(w.casefold() for w in orth.strings(orth.data, "heading_words", "heading_words")),
        place_words=frozenset(orth.strings(orth.data, "place_words", "place_words")),
        letters=orth.string(orth.data, "letters", "letters"),
        ordinals=tuple(orth.strings(orth.data, "ordinals", "ordinals")),
    )


def read_table(name: str) -> dict[str, Any]:
    """The data of one grammar file (the extractors' own tables); errors name the file and line."""
    return _Source(grammar_dir() / name).data


def table_error(name: str, message: str, key: str, value: str | None = None, part: str = "") -> GrammarError:
    """An error of table ``name`` that is no pattern's: it names the line of ``part`` in
    ``value`` (a string under ``key``), or of ``value``, or, without one, of ``key`` itself."""
    src = _Source(grammar_dir() / name)
    if value is None:
        return src.fail_at(src.find_line(f"{key} =") or src.find_line(f'"{key}" =') or 1, message)
    at = value.find(part) if part else -1
    return src.fail_at(src.line_of_value(key, value) + (value.count("\n", 0, at) if at > 0 else 0), message)


@contextmanager
def table_errors(name: str) -> Iterator[None]:
    """Turn a missing key or a bad pattern while compiling ``name`` into a GrammarError."""
    try:
        yield
    except KeyError as exc:
        raise GrammarError(f"grammars/{name}: missing {exc}") from None
    except (regex.error, re.error) as exc:
        raise _bad_pattern(name, exc) from None
    except TypeError as exc:
        raise GrammarError(f"grammars/{name}: {exc}") from None


def _strings(data: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """Every string value in a table's data, with the key it is under (a list's items: the list's)."""
    if isinstance(data, str):
        yield key, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from _strings(v, k)
    elif isinstance(data, list):
        for v in data:
            yield from _strings(v, key)


def _bad_pattern(name: str, exc: regex.error | re.error) -> GrammarError:
    """The error of a pattern built from table ``name`` that does not compile, naming the line of
    the table's string at fault: one that does not compile on its own and is in the pattern as
    written (not a word the code escapes: "tháng ("), else the one the error's position falls in,
    else any that does not compile on its own."""
    src = _Source(grammar_dir() / name)
    built = exc.pattern if isinstance(exc.pattern, str) else ""
    values = list(dict.fromkeys(_strings(src.data)))
    alone: list[tuple[str, str, Exception]] = []
    for key, value in values:
        try:
            regex.compile(value, regex.V0)
        except (regex.error, re.error) as own:
            alone.append((key, value, own))
    as_written = [a for a in alone if all(
        piece in built for piece in regex.split(r"\{\w+\}", a[1].removeprefix("(?x)")) if piece.strip())]
    found: tuple[str, str, Exception] | None = (as_written or [None])[0]
    if found is None and built and exc.pos is not None:
        covering = [(key, value) for key, value in values if len(value.strip()) > 2 and any(
            i <= exc.pos <= i + len(value) for i in _occurrences(built, value))]
        if covering:
            key, value = max(covering, key=lambda kv: len(kv[1]))
            found = (key, value, exc)
    found = found or (alone[0] if alone else None)
    if found is None:
        return GrammarError(f"grammars/{name}: bad pattern: {exc}")
    key, value, error = found
    return src.fail_at(src.line_of_value(key, value), f"bad pattern ({key}): {error}")


def _occurrences(text: str, part: str) -> Iterator[int]:
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The shipped grammar, compiled once per process."""
    return load()


def _compiled() -> tuple:
    """Every cached compilation of grammar tables: :func:`grammar`, and the tables the
    extractors and readers read themselves (each compiled on its first use)."""
    from . import assignments, deadlines, html_reader, legacy, pdf_reader, references, source, tables

    return (grammar, assignments.agency_grammar, deadlines._patterns, deadlines._range_start,
            deadlines._then_rules, html_reader._rules, legacy._tables, pdf_reader._rules, references.ref_grammar,
            source._layout_cue, tables._columns, tables._table_words)


def load_all() -> Grammar:
    """Read and compile every grammar table now, so that a bad edit raises its GrammarError
    (naming the file and line) here, once, rather than inside the first document that needs
    the table (or in every worker process of a batch)."""
    for compiled in _compiled():
        compiled()
    return grammar()
