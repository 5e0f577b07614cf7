"""Limits that keep a hostile or broken file from taking vbhc down: a file over a limit is
refused with a one-line :class:`~vbhc.errors.InputError`, in bounded time and memory.

Defaults suit administrative documents (a long plan is a few hundred kB of text, a hundred
pages). Change them for a process with :func:`configure`, with environment variables
(``VBHC_MAX_BYTES``, ``VBHC_MAX_PAGES``, ``VBHC_MAX_INFLATED``, ``VBHC_MAX_RATIO``) or on the
command line (``--max-bytes``, ``--max-pages``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields


@dataclass
class Limits:
    max_bytes: int = 32 * 1024 * 1024        # any input file, before it is read
    max_pages: int = 1000                    # PDF pages
    max_inflated: int = 256 * 1024 * 1024    # all parts of a DOCX together, inflated
    max_ratio: int = 200                     # inflated / compressed size of one DOCX part over 1 MB

    @classmethod
    def from_env(cls) -> Limits:
        out = cls()
        for f in fields(cls):
            raw = os.environ.get(f"VBHC_{f.name.upper()}")
            if raw:
                try:
                    setattr(out, f.name, max(1, int(raw)))
                except ValueError:
                    pass  # a bad value keeps the default rather than stopping every parse
        return out


LIMITS = Limits.from_env()


def configure(**values: int) -> Limits:
    """Change limits for this process (``vbhc.limits.configure(max_pages=5000)``)."""
    for name, value in values.items():
        if not hasattr(LIMITS, name):
            raise TypeError(f"unknown limit {name!r}; one of {', '.join(f.name for f in fields(Limits))}")
        if value is not None:
            setattr(LIMITS, name, max(1, int(value)))
    return LIMITS
