"""Read an input file into a :class:`~vbhc.source.Source`: the format is told by the file's
first bytes (and by its name only where the bytes cannot tell: HTML vs. text).

* text: UTF-8 with or without BOM, UTF-16 with a BOM; bytes that are not UTF-8 are tried as
  the legacy Vietnamese encodings (Windows-1258, TCVN3, VNI: see :mod:`vbhc.legacy`); text
  that decoded but is TCVN3/VNI mojibake is converted;
* DOCX, legacy .doc (through LibreOffice): :mod:`vbhc.docx_reader`;
* PDF with a text layer: :mod:`vbhc.pdf_reader`;
* HTML pages: :mod:`vbhc.html_reader`.

Anything that cannot be read is an :class:`InputError` naming the file and the cause.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from .errors import InputError
from .limits import LIMITS
from .source import Source

STRICT = False  # let unexpected reader exceptions through (the fuzz targets set it)

FORMATS = ("txt", "docx", "doc", "pdf", "html")

_HTML_NAMES = (".html", ".htm", ".xhtml", ".aspx", ".php", ".asp", ".jsp")


def sniff(data: bytes, name: str = "") -> str:
    """The format of a file from its first bytes (and its name, for HTML vs. text)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    probe = head.lstrip(codecs.BOM_UTF8).lstrip()[:512].lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower():
        return "html"
    if name.lower().endswith(_HTML_NAMES) and b"<" in probe[:64]:
        return "html"
    if probe.startswith((b"<!doctype", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<p>", b"<table")):
        return "html"
    return "txt"


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding) of a text file. Legacy Vietnamese encodings are converted to Unicode;
    bytes that are neither UTF-8 nor one of them are an error."""
    from . import legacy

    if data.startswith(codecs.BOM_UTF8):
        text, enc = data[len(codecs.BOM_UTF8):], "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-16 at byte {exc.start}", "encoding") from None
    else:
        text, enc = data, "utf-8"
    if b"\x00" in text[:4096]:
        raise InputError(path, "binary data, not a text document", "binary")
    try:
        s = text.decode("utf-8")
    except UnicodeDecodeError as exc:
        found = legacy.decode_legacy(text)
        if found is not None:
            return found
        raise InputError(path, f"not UTF-8 text, nor a Vietnamese legacy encoding (invalid byte "
                         f"0x{text[exc.start]:02x} at offset {exc.start})", "encoding") from None
    mojibake = legacy.detect_str(s)
    if mojibake:
        return legacy.convert(s, mojibake, repair_case=True), mojibake
    return s, enc


def _bytes(path: str | os.PathLike[str]) -> bytes:
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise InputError(name, "is a directory", "not_a_file")
        size = p.stat().st_size
        if size > LIMITS.max_bytes:
            raise InputError(name, f"too large ({size} bytes; the limit is {LIMITS.max_bytes}, see --max-bytes)",
                             "too_large")
        with open(p, "rb") as fh:  # at most one byte over the limit: a pipe or a growing file has no size
            return fh.read(LIMITS.max_bytes + 1)
    except FileNotFoundError:
        raise InputError(name, "no such file", "not_found") from None
    except PermissionError:
        raise InputError(name, "permission denied", "permission") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory", "not_a_file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}", "io") from None


def read_bytes(data: bytes, path: str = "<bytes>", *, format: str | None = None, pdf_engine: str = "pdfium") -> Source:
    """Read the bytes of a file of any supported format (``format`` forces one). A file with
    no text at all is an error (``empty``), not an empty document."""
    if pdf_engine not in ("pdfium", "pdfplumber"):
        raise ValueError(f"unknown PDF engine {pdf_engine!r}; one of pdfium, pdfplumber")
    if len(data) > LIMITS.max_bytes:
        raise InputError(path, f"too large ({len(data)} bytes; the limit is {LIMITS.max_bytes}, see --max-bytes)",
                         "too_large")
    try:
        src = _read_bytes(data, path, format, pdf_engine)
    except InputError:
        raise
    except RecursionError:
        raise InputError(path, "refused: the file nests too deeply to read", "too_deep") from None
    except MemoryError:
        raise InputError(path, "refused: reading the file needs more memory than there is", "too_large") from None
    except Exception as exc:
        # a damaged file can make a parser library fail in ways it does not document; the
        # user gets one line naming the file, never a traceback (fuzzing sets STRICT to see them)
        if STRICT:
            raise
        raise InputError(path, f"not a readable {format or sniff(data, path)} file ({type(exc).__name__}: "
                         f"{str(exc)[:200]})", "unreadable") from None
    if not src.text.strip():
        raise InputError(path, "empty: the file has no text" if data.strip() else "empty file", "empty")
    return src


def _read_bytes(data: bytes, path: str, format: str | None, pdf_engine: str) -> Source:
    fmt = format or sniff(data, path)
    if fmt not in FORMATS:
        if fmt == "rtf":
            raise InputError(path, "an RTF file: save it as .docx or .txt", "unsupported")
        raise InputError(path, f"unknown format {fmt!r}; one of {', '.join(FORMATS)}", "unsupported")
    if fmt == "pdf":
        from .pdf_reader import read_pdf

        return read_pdf(data, path, engine=pdf_engine)
    if fmt in ("docx", "doc"):
        from .docx_reader import read_doc, read_docx

        return read_doc(data, path) if fmt == "doc" else read_docx(data, path)
    if fmt == "html":
        from .html_reader import read_html

        return read_html(data, path)
    text, enc = decode_text(data, path)
    return Source(text=text, format="txt", encoding=enc)


def read_source(path: str | os.PathLike[str], *, format: str | None = None, pdf_engine: str = "pdfium") -> Source:
    """Read a file of any supported format into a :class:`Source`."""
    return read_bytes(_bytes(path), str(path), format=format, pdf_engine=pdf_engine)


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of a file of any supported format, as the parser reads it."""
    return read_source(path).text
