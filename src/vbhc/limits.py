"""Limits that keep a hostile or broken file from taking vbhc down: a file over a limit is
refused with a one-line :class:`~vbhc.errors.InputError`, in bounded time and memory.

Defaults suit administrative documents (a long plan is a few hundred kB of text, a hundred
pages). Change them for a process with :func:`configure`, with environment variables
(``VBHC_MAX_BYTES``, ``VBHC_MAX_PAGES``, ``VBHC_MAX_INFLATED``, ``VBHC_MAX_RATIO``: a whole
number of at least 1, read when this module is imported, a bad one raising
:class:`~vbhc.errors.LimitError`) or on the command line (``--max-bytes``, ``--max-pages``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

from .errors import LimitError


@dataclass
class Limits:
    max_bytes: int = 32 * 1024 * 1024        # any input file, before it is read
    max_pages: int = 1000                    # PDF pages
    max_inflated: int = 256 * 1024 * 1024    # all parts of a DOCX together, inflated
    max_ratio: int = 200                     # inflated / compressed size of one DOCX part over 1 MB

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, changed by the environment variables that are set (an empty one is
        unset). Raises :class:`~vbhc.errors.LimitError` for a value that is not a whole number
        of at least 1 (``abc``, ``10k``, ``-1``): a limit silently ignored or misread would
        let through the files it was set to refuse."""
        out = cls()
        for f in fields(cls):
            name = f"VBHC_{f.name.upper()}"
            raw = os.environ.get(name, "")
            if not raw.strip():
                continue
            try:
                value = int(raw)
            except ValueError:
                value = 0
            if value < 1:
                raise LimitError(f"{name} must be a whole number, at least 1 (it is {raw!r})")
            setattr(out, f.name, value)
        return out


LIMITS = Limits.from_env()  # a bad variable: importing vbhc.limits (or a reader) raises LimitError


def configure(**values: int) -> Limits:
    """Change limits for this process (``vbhc.limits.configure(max_pages=5000)``)."""
    for name, value in values.items():
        if not hasattr(LIMITS, name):
            raise TypeError(f"unknown limit {name!r}; one of {', '.join(f.name for f in fields(Limits))}")
        if value is not None:
            setattr(LIMITS, name, max(1, int(value)))
    return LIMITS
