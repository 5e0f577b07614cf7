"""vbhc: read Vietnamese administrative documents into a typed tree.

    >>> import vbhc
    >>> doc = vbhc.parse(text)          # or vbhc.parse_file("plan.txt")
    >>> doc.number.raw, doc.date, [n.label for n in doc.body]

Importing vbhc is cheap: the grammar is compiled on the first parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Document", "InputError", "Source", "VbhcError", "parse", "parse_file", "parse_many", "read_source",
           "read_text", "__version__"]

if TYPE_CHECKING:
    from .errors import InputError, VbhcError
    from .models import Document
    from .source import Source


def parse(text: str, *, source: str | None = None, extract: bool = True) -> Document:
    """Parse the text of one document. Never raises on any string. ``extract=False`` skips
    references, assignments and deadlines (the tree alone, faster)."""
    from .document import parse as _parse

    return _parse(text, source=source, extract=extract)


def parse_file(path: str, *, format: str | None = None, pdf_engine: str = "pdfium") -> Document:
    """Read a file (plain text in any supported encoding, DOCX, legacy .doc through
    LibreOffice, PDF with a text layer, HTML) and parse it. The format is told by the file's
    content; ``format`` forces one. Raises :class:`InputError` when the file cannot be read
    as a document."""
    from .document import parse_source
    from .reader import read_source

    return parse_source(read_source(path, format=format, pdf_engine=pdf_engine), source=str(path))


def parse_many(paths, *, jobs: int | None = None, ordered: bool = False, format: str | None = None,
               pdf_engine: str = "pdfium", timeout: float | None = None):
    """Parse many files in worker processes; yields a :class:`vbhc.batch.Result` per input
    (``.path``, ``.ok``, ``.json``, ``.error``, ``.document()``) as each completes, or in
    input order with ``ordered=True``; a file that takes over ``timeout`` seconds gets an
    error record. See :mod:`vbhc.batch` (``collect`` walks folders)."""
    from .batch import parse_many as _many

    return _many(paths, jobs=jobs, ordered=ordered, format=format, pdf_engine=pdf_engine, timeout=timeout)


def read_text(path: str) -> str:
    """The text of a file of any supported format, as the parser reads it."""
    from .reader import read_text as _read

    return _read(path)


def read_source(path: str, *, format: str | None = None, pdf_engine: str = "pdfium") -> Source:
    """A file as a :class:`~vbhc.source.Source`: its text and where each piece came from."""
    from .reader import read_source as _read

    return _read(path, format=format, pdf_engine=pdf_engine)


def __getattr__(name: str):  # lazy public names, so that `import vbhc` stays cheap
    if name == "Document":
        from .models import Document

        return Document
    if name == "Source":
        from .source import Source

        return Source
    if name in ("InputError", "VbhcError"):
        from . import errors

        return getattr(errors, name)
    if not name.startswith("_"):
        # a submodule, imported when first named: vbhc.limits.configure(…), vbhc.normalize.fold(…)
        import importlib
        import importlib.util

        if importlib.util.find_spec(f"{__name__}.{name}") is not None:
            return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'vbhc' has no attribute {name!r}")
