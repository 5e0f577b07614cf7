"""Read an input file into text. Plain text only for now: UTF-8 (with or without BOM)
and UTF-16 with a BOM. Anything else is an :class:`InputError` naming the cause."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from .errors import InputError

MAX_BYTES = 64 * 1024 * 1024  # a larger "document" is not one


def decode(data: bytes, path: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-16 at byte {exc.start}", "encoding") from None
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary data, not a text document", "binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})",
                         "encoding") from None


def read_text(path: str | os.PathLike[str]) -> str:
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise InputError(name, "is a directory", "not_a_file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(name, f"too large ({size} bytes; the limit is {MAX_BYTES})", "too_large")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file", "not_found") from None
    except PermissionError:
        raise InputError(name, "permission denied", "permission") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory", "not_a_file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}", "io") from None
    return decode(data, name)
