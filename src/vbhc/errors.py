"""Exceptions raised by vbhc. Parsing never raises on text; reading a file may."""

from __future__ import annotations


class VbhcError(Exception):
    """Base class of every error vbhc raises on purpose."""

    code = "error"


class GrammarError(VbhcError):
    """A grammar file is missing or invalid; the message names the file and line."""

    code = "grammar"


class InputError(VbhcError):
    """An input cannot be read as a document. ``code`` is a stable machine-readable cause."""

    def __init__(self, path: str, cause: str, code: str = "unreadable") -> None:
        super().__init__(f"{path}: {cause}")
        self.path = path
        self.cause = cause
        self.code = code


class LimitError(VbhcError, ValueError):
    """A limit set to something other than a whole number of at least 1 (an environment
    variable such as ``VBHC_MAX_BYTES=10k``); the message names the variable."""

    code = "limit"
