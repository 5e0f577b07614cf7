"""Read a saved web page (HTML) into a :class:`~vbhc.source.Source`.

A page is mostly the site's furniture: scripts, styles, menus, search boxes, log-in prompts,
related-document lists. The document itself sits in one element: on vbpl.vn the one with
``data-vbpl-content-root``, on thuvienphapluat.vn and similar sites a known content container
(``grammars/html.toml``). When none is found the whole ``<body>`` is read, without the
furniture. Inside, the text is laid out the way a browser shows it: every block element
(``p``, ``div``, ``h1``, ``li`` …) and every ``<br>`` ends a line, runs of white space collapse
to one space, an ``<ol>``'s numbers are written out when the items do not print them, and
tables go to the :class:`~vbhc.source.Builder`, which reads the header and signature layout
tables column by column and the data tables cell by cell.

Every run of text keeps the element it came from (``where["element"]``: the path of its
paragraph, block or cell from the document's root, each step the tag and its rank among
the siblings of that tag, ``div[data-vbpl-content-root]/div[1]/table[1]/tr[2]/td[1]/p[1]``;
a list number the reader wrote also has ``where["generated"] == "list-marker"``) and how it
looked (bold, italic, size in points, alignment, font) as far as the tags and inline styles
say; a style sheet's rules are not applied, so ``None`` means "not said", not "not bold".

Only the standard library's :class:`html.parser.HTMLParser` is used: it tolerates broken
markup, and a 1.4 MB vbpl.vn page reads in a few tens of milliseconds.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

import regex

from .errors import InputError
from .grammar import read_table, table_errors
from .source import Builder, Cell, Source, Style, is_layout

__all__ = ["read_html"]

# --- decoding ------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)""")
_BODY = re.compile(rb"<body\b", re.IGNORECASE)
_HEAD_LIMIT = 2 * 1024 * 1024  # where to stop looking for a charset when there is no <body>

# Labels a browser reads differently from their name (WHATWG Encoding): latin-1 and ASCII
# pages are windows-1252; a <meta> that says UTF-16 is wrong, since it was readable as ASCII.
_LABELS = {
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "x-unicode20utf8": "utf-8",
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "iso-ir-100": "cp1252",
    "unicode": "utf-8",
    "windows-1258": "cp1258", "x-cp1258": "cp1258",
}


def _codec(label: str) -> str | None:
    name = label.strip().lower()
    name = _LABELS.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # base64, rot13, zlib … are codecs of the codecs module but not text encodings
    if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        return None
    if info.name.startswith(("utf-16", "utf-32", "utf-8")):
        return "utf-8"  # a <meta> readable as ASCII is not UTF-16 or UTF-32 (WHATWG)
    return info.name


def _declared(data: bytes) -> str | None:
    m = _XML_ENCODING.match(data, 0, 1024)
    if m:
        return m.group(1).decode("ascii")
    b = _BODY.search(data, 0, _HEAD_LIMIT)
    m = _META_CHARSET.search(data, 0, b.start() if b else _HEAD_LIMIT)
    return m.group(1).decode("ascii") if m else None


def _bad_bytes(data: bytes, exc: UnicodeDecodeError, codec: str) -> str:
    return f"not valid {codec} (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})"


def decode_html(data: bytes, path: str) -> tuple[str, str, list[tuple[str, str]]]:
    """The page's text, the codec it was read with and notes. Raises :class:`InputError`."""
    notes: list[tuple[str, str]] = []
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8", notes
        except UnicodeDecodeError as exc:
            raise InputError(path, _bad_bytes(data[3:], exc, "utf-8"), "encoding") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", notes
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-16 at byte {exc.start}", "encoding") from None
    label = _declared(data)
    codec = "utf-8"
    if label is not None:
        found = _codec(label)
        if found is None:
            notes.append(("html.charset", f"unknown charset {label!r} declared; read as UTF-8"))
        else:
            codec = found
    if codec != "utf-8" and not data.isascii():
        # A saved page keeps its <meta> but loses the server's header, which may have said
        # UTF-8: text in a one-byte code page is practically never valid UTF-8 by chance.
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            notes.append(("html.charset", f"declared {label!r} but the bytes are UTF-8; read as UTF-8"))
            return text, "utf-8", notes
    try:
        return data.decode(codec), codec, notes
    except UnicodeDecodeError as exc:
        cause = _bad_bytes(data, exc, codec)
    except (UnicodeError, LookupError):  # a codec that cannot decode at all ("undefined")
        cause = f"the declared charset {label!r} cannot be decoded"
    if b"\x00" in data[:4096]:
        cause = "binary data, not a web page"
    elif label is None:
        # no charset declared and not UTF-8: a Vietnamese code page (cp1258, TCVN3, VNI), as a
        # text file in one would be read
        from .legacy import decode_legacy

        found = decode_legacy(data)
        if found is not None:
            notes.append(("html.charset", f"no charset declared and not UTF-8; read as {found[1]}"))
            return found[0], found[1], notes
        cause += "; no charset is declared"
    raise InputError(path, cause, "encoding")


# --- the grammar's data --------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Selector:
    text: str
    tag: str | None
    id: str | None
    classes: tuple[str, ...]
    attrs: tuple[tuple[str, str | None], ...]

    def matches(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if self.tag is not None and tag != self.tag:
            return False
        if self.id is not None and attrs.get("id") != self.id:
            return False
        if self.classes:
            have = (attrs.get("class") or "").split()
            if not all(c in have for c in self.classes):
                return False
        for name, value in self.attrs:
            if name not in attrs or (value is not None and attrs[name] != value):
                return False
        return True


_SELECTOR_PART = re.compile(r"""#([\w-]+)|\.([\w-]+)|\[\s*([\w:-]+)\s*(?:=\s*["']?([^"'\]]*)["']?\s*)?\]""")


def _selector(text: str) -> _Selector:
    m = re.match(r"[a-zA-Z][\w-]*", text)
    tag = m.group(0).lower() if m else None
    pos = m.end() if m else 0
    ident = None
    classes: list[str] = []
    attrs: list[tuple[str, str | None]] = []
    while pos < len(text):
        p = _SELECTOR_PART.match(text, pos)
        if p is None:
            raise ValueError(f"bad selector {text!r} (a tag, #id, .class or [attr=value], no spaces)")
        if p.group(1):
            ident = p.group(1)
        elif p.group(2):
            classes.append(p.group(2))
        else:
            attrs.append((p.group(3).lower(), p.group(4)))
        pos = p.end()
    if tag is None and ident is None and not classes and not attrs:
        raise ValueError(f"empty selector {text!r}")
    return _Selector(text, tag, ident, tuple(classes), tuple(attrs))


@dataclass(frozen=True, slots=True)
class _Rules:
    selectors: tuple[_Selector, ...]
    by_id: dict[str, tuple[int, ...]]
    by_class: dict[str, tuple[int, ...]]
    by_attr: dict[str, tuple[int, ...]]
    by_tag: dict[str, tuple[int, ...]]
    chrome_tags: frozenset[str]
    small_tags: frozenset[str]
    small_limit: int
    chrome_names: regex.Pattern[str]
    hidden_style: regex.Pattern[str]
    hidden_classes: frozenset[str]
    shown_class: regex.Pattern[str]
    list_marker: regex.Pattern[str]
    bullet: str


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = read_table("html.toml")
    with table_errors("html.toml"):
        try:
            selectors = tuple(_selector(s) for s in data["root"]["selectors"])
        except ValueError as exc:
            raise TypeError(str(exc)) from None
        index: dict[str, dict[str, list[int]]] = {"id": {}, "class": {}, "attr": {}, "tag": {}}
        for i, s in enumerate(selectors):
            if s.id is not None:
                index["id"].setdefault(s.id, []).append(i)
            elif s.classes:
                index["class"].setdefault(s.classes[0], []).append(i)
            elif s.attrs:
                index["attr"].setdefault(s.attrs[0][0], []).append(i)
            else:
                index["tag"].setdefault(s.tag or "", []).append(i)
        chrome = data["chrome"]
        lists = data["lists"]
        return _Rules(
            selectors=selectors,
            by_id={k: tuple(v) for k, v in index["id"].items()},
            by_class={k: tuple(v) for k, v in index["class"].items()},
            by_attr={k: tuple(v) for k, v in index["attr"].items()},
            by_tag={k: tuple(v) for k, v in index["tag"].items()},
            chrome_tags=frozenset(t.lower() for t in chrome["tags"]),
            small_tags=frozenset(t.lower() for t in chrome["small_tags"]),
            small_limit=int(chrome["small_limit"]),
            chrome_names=regex.compile("|".join(f"(?:{p})" for p in chrome["names"]), regex.I),
            hidden_style=regex.compile("|".join(f"(?:{p})" for p in chrome["hidden_styles"]), regex.I),
            hidden_classes=frozenset(chrome["hidden_classes"]),
            shown_class=regex.compile(chrome["shown_class"]),
            list_marker=regex.compile(lists["marker"]),
            bullet=str(lists["bullet"]),
        )


# --- the element tree ----------------------------------------------------------------------

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
                  "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "image"})
# elements that end an open <p> (HTML's "close a p element" rule)
_CLOSES_P = frozenset({"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir",
                       "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
                       "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p",
                       "pre", "section", "summary", "table", "ul", "li", "dd", "dt", "listing", "xmp"})
# an end tag does not reach past these to close an element opened outside them
_SCOPE = frozenset({"table", "td", "th", "caption", "html", "template", "object", "marquee", "applet",
                    "button"})
_LIST_SCOPE = _SCOPE | {"ol", "ul"}
_TABLE_PARTS = frozenset({"tr", "td", "th", "tbody", "thead", "tfoot", "caption", "colgroup"})
_TABLE_SCOPE = frozenset({"table", "template", "html"})
_ROW_SCOPE = _TABLE_SCOPE | {"tr"}
_ROOT_SCOPE = frozenset({"template", "html"})
BLOCK = frozenset({"address", "article", "aside", "blockquote", "body", "center", "details", "dialog",
                   "dir", "div", "dl", "dd", "dt", "fieldset", "figcaption", "figure", "footer", "form",
                   "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
                   "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "section", "summary",
                   "ul", "xmp", "caption", "frameset", "noframes", "tr", "td", "th", "tbody", "thead",
                   "tfoot", "table", "option", "optgroup"})
_SECTIONS = frozenset({"tbody", "thead", "tfoot"})
MAX_DEPTH = 200  # deeper elements are read as part of their parent (a browser caps nesting too)


class _Node:
    __slots__ = ("attrs", "children", "named", "parent", "skip", "tag")

    def __init__(self, tag: str, attrs: dict[str, str | None], parent: _Node | None,
                 skip: bool, named: bool) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []
        self.parent = parent
        self.skip = skip    # furniture by its tag, or hidden: never text
        self.named = named  # furniture by its class or id (menu, share, footer …)


class _TreeBuilder(HTMLParser):
    """Builds a small element tree the way a browser would, closing what HTML closes implicitly."""

    CDATA_CONTENT_ELEMENTS = ("script", "style", "textarea", "title", "xmp", "noscript", "iframe",
                              "noembed", "noframes")

    def __init__(self, rules: _Rules) -> None:
        super().__init__(convert_charrefs=True)
        self.rules = rules
        self.doc = _Node("#document", {}, None, False, False)
        self.stack: list[_Node] = [self.doc]
        self.vbpl: _Node | None = None
        self.found: dict[int, _Node] = {}   # selector index -> first element it matches
        self.body: _Node | None = None
        self._names: dict[str, bool] = {}
        self._hidden: dict[str, bool] = {}
        self._open: dict[str, int] = {}  # how many elements of each tag are open

    def _chrome_name(self, value: str) -> bool:
        """Whether an id or a class attribute names furniture (cached: pages repeat them)."""
        hit = self._names.get(value)
        if hit is None:
            search = self.rules.chrome_names.search
            hit = self._names[value] = any(search(c) for c in value.split())
        return hit

    def _hidden_style(self, style: str) -> bool:
        hit = self._hidden.get(style)
        if hit is None:
            hit = self._hidden[style] = self.rules.hidden_style.search(style) is not None
        return hit

    def _hidden_class(self, cls: str) -> bool:
        """A class that hides the element ("hidden", "d-none"), unless another one shows it
        again on a wider screen ("hidden md:block", "d-none d-lg-block")."""
        key = "\x00" + cls
        hit = self._hidden.get(key)
        if hit is None:
            names = cls.split()
            rules = self.rules
            hit = any(c in rules.hidden_classes for c in names) and not any(
                rules.shown_class.search(c) for c in names)
            self._hidden[key] = hit
        return hit

    def _pop(self, k: int) -> None:
        """Close the elements open from stack position ``k`` up."""
        st = self.stack
        opened = self._open
        for node in st[k:]:
            opened[node.tag] -= 1
        del st[k:]

    # tolerate every declaration: "<!x…>" and "<![x…]>" are bogus comments in HTML
    def parse_html_declaration(self, i: int) -> int:
        rawdata = self.rawdata
        if rawdata.startswith("<!--", i):
            return self.parse_comment(i)
        j = rawdata.find(">", i + 2)
        return -1 if j < 0 else j + 1

    def _close_to(self, tags: tuple[str, ...], scope: frozenset[str]) -> None:
        """Close the nearest open element among ``tags`` (and what is open inside it)."""
        opened = self._open
        if not any(opened.get(t) for t in tags):
            return
        st = self.stack
        for k in range(len(st) - 1, 0, -1):
            t = st[k].tag
            if t in tags:
                self._pop(k)
                return
            if t in scope:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CLOSES_P:
            if tag == "li":
                self._close_to(("li",), _LIST_SCOPE)
            elif tag in ("dd", "dt"):
                self._close_to(("dd", "dt"), _LIST_SCOPE)
            self._close_to(("p",), _SCOPE)
        elif tag in ("tr", "td", "th", "tbody", "thead", "tfoot"):
            if tag == "tr":
                self._close_to(("tr",), _TABLE_SCOPE)
            elif tag in ("td", "th"):
                self._close_to(("td", "th"), _ROW_SCOPE)
            else:
                self._close_to(("tbody", "thead", "tfoot"), _TABLE_SCOPE)
        elif tag in ("option", "optgroup"):
            self._close_to(("option",), _SCOPE)
        parent = self.stack[-1]
        if len(self.stack) > MAX_DEPTH and tag not in VOID:
            return
        a: dict[str, str | None] = {}
        for k, v in attrs:
            if k not in a:
                a[k] = v
        rules = self.rules
        skip = parent.skip or tag in rules.chrome_tags or "hidden" in a
        if not skip and a:
            style = a.get("style")
            cls = a.get("class")
            skip = (style is not None and self._hidden_style(style)) or (
                cls is not None and self._hidden_class(cls))
        named = parent.named
        if not named and not skip and tag not in ("html", "body", "main", "article"):
            ident = a.get("id")
            cls = a.get("class")
            named = (ident is not None and self._chrome_name(ident)) or (cls is not None and self._chrome_name(cls))
        node = _Node(tag, a, parent, skip, named)
        parent.children.append(node)
        if tag == "body" and self.body is None:
            self.body = node
        if a and not parent.skip:
            self._match(node, tag, a)
        if tag not in VOID:
            self.stack.append(node)
            self._open[tag] = self._open.get(tag, 0) + 1

    def _match(self, node: _Node, tag: str, a: dict[str, str | None]) -> None:
        rules = self.rules
        if "data-vbpl-content-root" in a and self.vbpl is None:
            self.vbpl = node
        cands: list[int] = []
        ident = a.get("id")
        if ident and ident in rules.by_id:
            cands.extend(rules.by_id[ident])
        cls = a.get("class")
        if cls:
            for c in cls.split():
                if c in rules.by_class:
                    cands.extend(rules.by_class[c])
        for name in a:
            if name in rules.by_attr:
                cands.extend(rules.by_attr[name])
        if tag in rules.by_tag:
            cands.extend(rules.by_tag[tag])
        for i in cands:
            if i not in self.found and rules.selectors[i].matches(tag, a):
                self.found[i] = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        st = self.stack
        if tag in VOID:
            if tag == "br":  # "</br>" is read as "<br>"
                self.handle_starttag("br", [])
            return
        if tag in _TABLE_PARTS:
            scope: frozenset[str] = _TABLE_SCOPE
        elif tag == "table":
            scope = _ROOT_SCOPE
        elif tag == "li":
            scope = _LIST_SCOPE
        else:
            scope = _SCOPE
        if self._open.get(tag):
            for k in range(len(st) - 1, 0, -1):
                t = st[k].tag
                if t == tag:
                    self._pop(k)
                    return
                if t in scope:
                    break
        if tag == "p":  # "</p>" with no <p> open is an empty paragraph: a paragraph break
            self.handle_starttag("p", [])
            self.handle_endtag("p")

    def handle_data(self, data: str) -> None:
        node = self.stack[-1]
        if node.skip:
            return
        node.children.append(data)


# --- laying the tree out as text -----------------------------------------------------------

_WS = re.compile(r"[ \t\n\r\f\u00a0]+")
_PRE_WS = re.compile(r"[ \t\f\u00a0]+")
_PX = {"px": 0.75, "pt": 1.0, "pc": 12.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "q": 72 / 101.6}
_SIZE = re.compile(r"^([0-9]*\.?[0-9]+)\s*(px|pt|pc|in|cm|mm|q|em|%|rem)?$")
_SIZE_WORDS = {"xx-small": 7.0, "x-small": 7.5, "small": 10.0, "medium": 12.0, "large": 13.5,
               "x-large": 18.0, "xx-large": 24.0, "xxx-large": 36.0}
_FONT_SIZES = {1: 7.5, 2: 10.0, 3: 12.0, 4: 13.5, 5: 18.0, 6: 24.0, 7: 36.0}
_ALIGN = {"left": "left", "right": "right", "center": "center", "middle": "center", "justify": "justify",
          "start": "left", "end": "right", "-webkit-center": "center", "-moz-center": "center"}
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BOLD = frozenset({"b", "strong", "th"}) | _HEADINGS
_ITALIC = frozenset({"i", "em", "cite", "var", "dfn", "address"})
_NO_TEXT_ALIGN = frozenset({"table", "img", "hr", "caption", "iframe", "object", "embed", "applet", "input"})
_PLAIN = Style()


def _font_size(value: str, parent: float | None) -> float | None:
    v = value.strip().lower()
    if v in _SIZE_WORDS:
        return _SIZE_WORDS[v]
    m = _SIZE.match(v)
    if not m:
        return parent if v in ("inherit", "") else None
    n = float(m.group(1))
    unit = m.group(2) or "px"
    if unit in _PX:
        return round(n * _PX[unit], 2)
    if unit == "%":
        return round(parent * n / 100, 2) if parent else None
    if unit == "em":
        return round(parent * n, 2) if parent else None
    return None


_STYLE_CACHE: dict[tuple[Any, ...], Style] = {}


def _style_of(tag: str, a: dict[str, str | None], parent: Style) -> Style:
    """The look of an element's text: its parent's, changed by its tag and attributes."""
    if a:
        key = (tag, parent, a.get("style"), a.get("align"), a.get("size"), a.get("face"))
    else:
        key = (tag, parent)
    s = _STYLE_CACHE.get(key)
    if s is None:
        if len(_STYLE_CACHE) > 4096:
            _STYLE_CACHE.clear()
        s = _STYLE_CACHE[key] = _compute_style(tag, a, parent)
    return s


def _compute_style(tag: str, a: dict[str, str | None], parent: Style) -> Style:
    bold, italic, size, align, font = parent.bold, parent.italic, parent.size, parent.align, parent.font
    if tag in _BOLD:
        bold = True
    if tag in _ITALIC:
        italic = True
    if tag == "center" or tag == "th":
        align = "center"
    if not a:
        if (bold, italic, align) == (parent.bold, parent.italic, parent.align):
            return parent
        return Style(bold, italic, size, align, font)
    if tag == "font":
        s = (a.get("size") or "").strip()
        if s:
            try:
                n = int(s)
                if s[0] in "+-":
                    n += 3
                size = _FONT_SIZES[min(max(n, 1), 7)]
            except ValueError:
                pass
        face = a.get("face")
        if face:
            font = face.split(",")[0].strip().strip("'\"") or font
    al = a.get("align")
    if al and tag not in _NO_TEXT_ALIGN:
        align = _ALIGN.get(al.strip().lower(), align)
    css = a.get("style")
    if css:
        for decl in css.split(";"):
            key, _, value = decl.partition(":")
            key = key.strip().lower()
            if not value or key not in ("font-weight", "font-style", "font-size", "text-align", "font-family"):
                continue
            value = value.replace("!important", "").strip().lower()
            if key == "font-weight":
                if value in ("bold", "bolder"):
                    bold = True
                elif value in ("normal", "lighter"):
                    bold = False
                elif value.isdigit():
                    bold = int(value) >= 600
            elif key == "font-style":
                if value in ("italic", "oblique") or value.startswith("oblique"):
                    italic = True
                elif value == "normal":
                    italic = False
            elif key == "font-size":
                size = _font_size(value, parent.size)
            elif key == "text-align":
                align = _ALIGN.get(value, align)
            else:
                font = value.split(",")[0].strip().strip("'\"") or font
    s = Style(bold, italic, size, align, font)
    return parent if s == parent else s


def _alpha(n: int, upper: bool) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out.upper() if upper else out


def _roman(n: int, upper: bool) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out.upper() if upper else out


_LIST_TYPES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman",
               "decimal": "decimal", "lower-alpha": "lower-alpha", "lower-latin": "lower-alpha",
               "upper-alpha": "upper-alpha", "upper-latin": "upper-alpha", "lower-roman": "lower-roman",
               "upper-roman": "upper-roman", "none": "none", "disc": "bullet", "circle": "bullet",
               "square": "bullet"}
_LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([\w-]+)", re.IGNORECASE)


def _list_type(node: _Node, default: str) -> str:
    css = node.attrs.get("style")
    if css:
        m = _LIST_STYLE.search(css)
        if m and m.group(1).lower() in _LIST_TYPES:
            return _LIST_TYPES[m.group(1).lower()]
    t = (node.attrs.get("type") or "").strip()
    if t in _LIST_TYPES:
        return _LIST_TYPES[t]
    if t.lower() in _LIST_TYPES:
        return _LIST_TYPES[t.lower()]
    return default


def _int_attr(node: _Node, name: str) -> int | None:
    v = node.attrs.get(name)
    if v is None:
        return None
    try:
        return int(v.strip())
    except ValueError:
        return None


def _marker(kind: str, n: int, bullet: str) -> str:
    if kind == "decimal":
        return f"{n}. "
    if kind == "lower-alpha":
        return f"{_alpha(n, False)}) "
    if kind == "upper-alpha":
        return f"{_alpha(n, True)}. "
    if kind == "lower-roman":
        return f"{_roman(n, False)}. "
    if kind == "upper-roman":
        return f"{_roman(n, True)}. "
    if kind == "bullet":
        return bullet
    return ""


@lru_cache(maxsize=1)
def _structural_marker() -> regex.Pattern[str]:
    from .grammar import grammar

    return grammar().marker_scanner


# An output item: ("p", runs) or ("table", rows). A run is [text, where, style].
_Run = list[Any]
_Item = tuple[str, Any]


class _Flow:
    """Lines of runs being laid out, with white space collapsed as a browser does."""

    __slots__ = ("items", "line", "space")

    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.line: list[_Run] = []  # the line being filled: [[text parts], where, style]
        self.space = True  # the line so far ends in a space (or is empty)

    def text(self, s: str, where: dict[str, Any], style: Style) -> None:
        s = _WS.sub(" ", s)
        if self.space and s.startswith(" "):
            s = s[1:]
        if not s:
            return
        if not unicodedata.is_normalized("NFC", s):
            s = unicodedata.normalize("NFC", s)
        line = self.line
        if line and line[-1][1] is where and line[-1][2] == style:
            line[-1][0].append(s)
        else:
            line.append([[s], where, style])
        self.space = s.endswith(" ")

    def pre(self, s: str, where: dict[str, Any], style: Style) -> None:
        for k, part in enumerate(s.split("\n")):
            if k:
                self.flush()
            part = _PRE_WS.sub(" ", part.replace("\r", ""))
            if part:
                self.text(part, where, style)

    def flush(self) -> None:
        """End the line: its runs become a paragraph (trailing white space dropped)."""
        if self.line:
            runs = [["".join(parts), where, style] for parts, where, style in self.line]
            while runs and not runs[-1][0].rstrip(" "):
                runs.pop()
            if runs:
                runs[-1][0] = runs[-1][0].rstrip(" ")
                self.items.append(("p", runs))
            self.line = []
        self.space = True


class _Layout:
    """Lays an element tree out as paragraphs and tables (``_Item`` s)."""

    def __init__(self, rules: _Rules, named: bool) -> None:
        self.rules = rules
        self.named = named  # leave out elements that are furniture by their class or id

    def hidden(self, node: _Node) -> bool:
        if node.skip or (self.named and node.named):
            return True
        return node.tag in self.rules.small_tags and _text_size(node, self.rules.small_limit) <= self.rules.small_limit

    def walk(self, node: _Node | _Wrapper, path: str, where: dict[str, Any], style: Style, out: _Flow,
             counts: dict[str, int], pre: bool = False) -> None:
        for child in node.children:
            if isinstance(child, str):
                if pre:
                    out.pre(child, where, style)
                else:
                    out.text(child, where, style)
                continue
            tag = child.tag
            block = tag in BLOCK
            if block:  # paths count every element of the tag, shown or not, as the file has them
                n = counts.get(tag, 0) + 1
                counts[tag] = n
            if self.hidden(child):
                continue
            if tag == "br":
                out.flush()
                continue
            cstyle = _style_of(tag, child.attrs, style)
            if not block:
                self.walk(child, path, where, cstyle, out, counts, pre)
                continue
            cpath = f"{path}/{tag}[{n}]" if path else f"{tag}[{n}]"
            out.flush()
            if tag == "table":
                self.table(child, cpath, cstyle, out)
            elif tag in ("ol", "ul", "menu", "dir"):
                self.list(child, cpath, cstyle, out)
            else:
                self.walk(child, cpath, {"element": cpath}, cstyle, out, {}, pre or tag in ("pre", "listing", "xmp"))
            out.flush()

    def list(self, node: _Node, path: str, style: Style, out: _Flow) -> None:
        ordered = node.tag == "ol"
        kind = _list_type(node, "decimal" if ordered else "bullet")
        items = [c for c in node.children if isinstance(c, _Node) and c.tag == "li" and not self.hidden(c)]
        step = -1 if ordered and "reversed" in node.attrs else 1
        start = _int_attr(node, "start")
        n = (start if start is not None else (len(items) if step < 0 else 1)) - step
        counts: dict[str, int] = {}
        where = {"element": path}
        for child in node.children:
            if isinstance(child, str) or child.tag != "li":
                if isinstance(child, str):
                    out.text(child, where, style)
                elif not self.hidden(child):
                    self.walk(_Wrapper(child), path, where, style, out, counts)
                continue
            k = counts.get("li", 0) + 1
            counts["li"] = k
            if self.hidden(child):
                continue
            value = _int_attr(child, "value")
            n = value if value is not None and ordered else n + step
            cpath = f"{path}/li[{k}]"
            cstyle = _style_of("li", child.attrs, style)
            out.flush()
            sub = _Flow()
            self.walk(child, cpath, {"element": cpath}, cstyle, sub, {})
            sub.flush()
            marker = _marker(_list_type(child, kind), n, self.rules.bullet)
            first = next((it for it in sub.items if it[0] == "p"), None)
            if marker and first is not None and sub.items[0] is first:
                runs = first[1]
                text = "".join(r[0] for r in runs)
                if not (self.rules.list_marker.match(text) or _structural_marker().match(text)):
                    runs.insert(0, [marker, {"element": cpath, "generated": "list-marker"}, runs[0][2]])
            out.items.extend(sub.items)

    def table(self, node: _Node, path: str, style: Style, out: _Flow) -> None:
        rows: list[list[list[_Item]]] = []
        counts: dict[str, int] = {}

        def section(parent: _Node, sstyle: Style) -> None:
            for child in parent.children:
                if isinstance(child, str):
                    if child.strip():  # text misplaced in a table is shown before it
                        out.text(child, {"element": path}, sstyle)
                        out.flush()
                    continue
                if child.tag == "tr" and self.hidden(child):
                    counts["tr"] = counts.get("tr", 0) + 1
                    continue
                if self.hidden(child):
                    continue
                if child.tag in _SECTIONS:
                    section(child, _style_of(child.tag, child.attrs, sstyle))
                elif child.tag == "tr":
                    rows.append(self.row(child, path, counts, _style_of("tr", child.attrs, sstyle), out))
                elif child.tag == "caption":  # shown above the table
                    cap = f"{path}/caption"
                    self.walk(child, cap, {"element": cap}, _style_of("caption", child.attrs, sstyle), out, {})
                    out.flush()
                elif child.tag in ("td", "th"):  # a cell outside any row: a row of its own
                    rows.append(self.row(_Wrapper(child), path, counts, sstyle, out))
                elif child.tag not in ("col", "colgroup"):
                    self.walk(_Wrapper(child), path, {"element": path}, sstyle, out, {})
                    out.flush()

        section(node, style)
        filled = [cell for row in rows for cell in row if _has_text(cell)]
        if len(filled) == 1:
            out.items.extend(filled[0])  # a table that only boxes its content in: read the content
            return
        if filled:
            out.items.append(("table", [[_flatten(cell) for cell in row] for row in rows]))

    def row(self, tr: _Node | _Wrapper, table_path: str, counts: dict[str, int], style: Style,
            out: _Flow) -> list[list[_Item]]:
        k = counts.get("tr", 0) + 1
        counts["tr"] = k
        rpath = f"{table_path}/tr[{k}]"
        cells: list[list[_Item]] = []
        ccounts: dict[str, int] = {}
        for child in tr.children:
            if isinstance(child, str):
                if child.strip():  # text misplaced in a row is shown before the table
                    out.text(child, {"element": rpath}, style)
                    out.flush()
                continue
            cell = child.tag in ("td", "th")
            if cell:
                j = ccounts.get(child.tag, 0) + 1
                ccounts[child.tag] = j
            if self.hidden(child):
                continue
            if not cell:
                self.walk(_Wrapper(child), rpath, {"element": rpath}, style, out, {})
                out.flush()
                continue
            cpath = f"{rpath}/{child.tag}[{j}]"
            sub = _Flow()
            self.walk(child, cpath, {"element": cpath}, _style_of(child.tag, child.attrs, style), sub, {})
            sub.flush()
            cells.append(sub.items)
        return cells


class _Wrapper:
    """A node seen as the only child of a nameless parent: lets ``walk`` lay out one element."""

    __slots__ = ("children",)

    def __init__(self, node: _Node) -> None:
        self.children = [node]


def _text_size(node: _Node, limit: int) -> int:
    """How much text (not white space) an element holds, counted up to a little past ``limit``."""
    size = 0
    stack: list[_Node] = [node]
    while stack and size <= limit:
        for child in stack.pop().children:
            if isinstance(child, str):
                size += len(child) - child.count(" ") - child.count("\n")
            elif not child.skip:
                stack.append(child)
    return size


def _has_text(items: list[_Item]) -> bool:
    """Whether a cell's items hold any text (a paragraph, or a table with one)."""
    return any(kind == "p" or any(para for row in value for cell in row for para in cell)
               for kind, value in items)


def _flatten(items: list[_Item]) -> list[list[tuple[str, dict[str, Any], Style | None]]]:
    """A cell's paragraphs; a table inside it gives its paragraphs in reading order."""
    paras: list[list[tuple[str, dict[str, Any], Style | None]]] = []
    for kind, value in items:
        if kind == "p":
            paras.append([(r[0], r[1], r[2]) for r in value])
            continue
        rows: Sequence[Sequence[Cell]] = value
        if is_layout(rows):
            width = max(len(r) for r in rows)
            for c in range(width):
                for r in rows:
                    if c < len(r):
                        paras.extend(list(p) for p in r[c])
        else:
            for r in rows:
                for cell in r:
                    paras.extend(list(p) for p in cell)
    return paras


def _label(node: _Node, selector: _Selector | None) -> str:
    if selector is None:
        return node.tag if node.tag != "#document" else "body"
    if selector.tag is None:
        return node.tag + selector.text
    return selector.text


def _render(root: _Node, label: str, rules: _Rules, named: bool) -> list[_Item]:
    layout = _Layout(rules, named)
    out = _Flow()
    style = _style_of(root.tag, root.attrs, _PLAIN)
    layout.walk(root, label, {"element": label}, style, out, {})
    out.flush()
    return out.items


def _parse_tree(text: str, path: str, rules: _Rules) -> _TreeBuilder:
    tb = _TreeBuilder(rules)
    try:
        tb.feed(text)
        tb.close()
    except AssertionError as exc:  # html.parser's "cannot happen" states
        raise InputError(path, f"cannot read the HTML: {exc}", "html") from None
    return tb


def read_html(data: bytes, path: str) -> Source:
    """Read the document out of a web page. Raises :class:`InputError` when the bytes are
    not text in the page's declared (or the default UTF-8) charset."""
    text, codec, notes = decode_html(data, path)
    rules = _rules()
    tb = _parse_tree(text, path, rules)

    items: list[_Item] = []
    candidates: list[tuple[_Node, _Selector | None]] = []
    if tb.vbpl is not None:
        candidates.append((tb.vbpl, _Selector("[data-vbpl-content-root]", None, None, (),
                                              (("data-vbpl-content-root", None),))))
    for i, sel in enumerate(rules.selectors):
        node = tb.found.get(i)
        if node is not None and node is not tb.vbpl and not _inside_skipped(node):
            candidates.append((node, sel))
    for node, sel in candidates:
        items = _render(node, _label(node, sel), rules, True)
        if items:
            break
    else:
        body = tb.body or tb.doc
        label = "body"
        items = _render(body, label, rules, True)
        if not items:  # the page's own wrapper was taken for furniture: read it all
            items = _render(body, label, rules, False)
        if items:
            notes.append(("html.root", ("no known document container in the page; read the whole "
                                       "<body> without its menus, scripts and forms")))

    b = Builder("html", codec)
    b.notes.extend(notes)
    for kind, value in items:
        if kind == "p":
            b.paragraph([(r[0], r[1], r[2]) for r in value])
        else:
            b.table(value)
    return b.build()


def _inside_skipped(node: _Node) -> bool:
    return node.skip or node.named
