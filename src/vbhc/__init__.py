"""vbhc: read Vietnamese administrative documents into a typed tree.

    >>> import vbhc
    >>> doc = vbhc.parse(text)          # or vbhc.parse_file("plan.txt")
    >>> doc.number.raw, doc.date, [n.label for n in doc.body]

Importing vbhc is cheap: the grammar is compiled on the first parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Document", "InputError", "VbhcError", "parse", "parse_file", "read_text", "__version__"]

if TYPE_CHECKING:
    from .errors import InputError, VbhcError
    from .models import Document


def parse(text: str, *, source: str | None = None) -> Document:
    """Parse the text of one document. Never raises on any string."""
    from .document import parse as _parse

    return _parse(text, source=source)


def parse_file(path: str) -> Document:
    """Read a file (see :func:`read_text`) and parse it. Raises :class:`InputError` when the
    file cannot be read as a document."""
    from .document import parse as _parse
    from .reader import read_text as _read

    return _parse(_read(path), source=str(path))


def read_text(path: str) -> str:
    from .reader import read_text as _read

    return _read(path)


def __getattr__(name: str):  # lazy public names, so that `import vbhc` stays cheap
    if name == "Document":
        from .models import Document

        return Document
    if name in ("InputError", "VbhcError"):
        from . import errors

        return getattr(errors, name)
    raise AttributeError(f"module 'vbhc' has no attribute {name!r}")
