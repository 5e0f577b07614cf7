"""Command line: ``vbhc parse FILE… [--json|--jsonl|--text|--tokens] [--strict]``, ``vbhc tasks``,
``vbhc schema``. Files are plain text (any supported encoding), DOCX, .doc (with LibreOffice),
PDF with a text layer or HTML pages; the format is told by the content.

Exit codes: 0 success; 1 an error diagnostic under ``--strict``; 2 an input that cannot be
read (one line on stderr naming the file and the cause), an output that cannot be written, or
a usage error; 130 Ctrl-C; 141 the reader of the output went away (``| head``), quietly.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__

INPUT_FORMATS = ("txt", "docx", "doc", "pdf", "html")  # vbhc.reader.FORMATS, without importing the readers


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="vbhc", description="Parse Vietnamese administrative documents.")
    ap.add_argument("--version", action="version", version=f"vbhc {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse documents and print their tree or JSON")
    p.add_argument("files", nargs="+", help="text, DOCX, PDF or HTML files; '-' reads standard input")
    _read_options(p)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true",
                     help="print the document as JSON (several files: one JSON array, an element per file)")
    fmt.add_argument("--jsonl", action="store_true",
                     help="print one JSON line per file (an error record for a file that cannot be read)")
    fmt.add_argument("--text", action="store_true", help="print the text the file's reader produced")
    fmt.add_argument("--tokens", action="store_true", help="print the line tokens (for debugging a grammar rule)")
    p.add_argument("--strict", action="store_true", help="exit 1 when a document has an error diagnostic")
    t = sub.add_parser("tasks", help="print the task matrix (who leads, who cooperates, what, by when)")
    t.add_argument("files", nargs="+", help="text, DOCX, PDF or HTML files; '-' reads standard input")
    _read_options(t)
    t.add_argument("--csv", action="store_true", help="CSV with a header row")
    b = sub.add_parser("batch", help="parse many files or folders in parallel into one JSONL file")
    b.add_argument("paths", nargs="+", help="files and folders (walked for .txt, .docx, .doc, .pdf, .html, .htm)")
    b.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    b.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: all cores)")
    b.add_argument("--glob", help="which files to take from folders, e.g. '*.docx' (default: all known types)")
    b.add_argument("--format", choices=("jsonl", "json"), default="jsonl",
                   help="one JSON line per input (default) or one JSON array")
    b.add_argument("--resume", action="store_true", help="skip inputs already in the output file, append the rest")
    b.add_argument("--retry-errors", action="store_true",
                   help="with --resume: parse again the inputs whose record is an error (their old records removed)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    b.add_argument("--input-format", choices=INPUT_FORMATS,
                   help="read every file as this format (default: told by the content)")
    b.add_argument("--pdf-engine", choices=("pdfium", "pdfplumber"), default="pdfium")
    b.add_argument("--timeout", type=float, default=300, metavar="SECONDS",
                   help="give up on a file that takes longer, with an error record (default: 300; 0: never)")
    _limit_options(b)
    sub.add_parser("schema", help="print the JSON Schema of the output")
    return ap


def _read_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--input-format", "--format", dest="format", choices=INPUT_FORMATS,
                   help="read every file as this format (default: told by the content); the same option as "
                        "batch's --input-format (--format is kept as another name for it here)")
    p.add_argument("--pdf-engine", choices=("pdfium", "pdfplumber"), default="pdfium",
                   help="how to read PDF text (default: pdfium, the fast one)")
    _limit_options(p)


def _limit_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-bytes", type=int, metavar="N", help="refuse files larger than N bytes (default 32 MiB)")
    p.add_argument("--max-pages", type=int, metavar="N", help="refuse PDFs of more than N pages (default 1000)")


def _read(path: str, args: argparse.Namespace):
    from .reader import read_bytes, read_source

    if path == "-":
        from .limits import LIMITS

        data = sys.stdin.buffer.read(LIMITS.max_bytes + 1)  # over the limit by one byte at most
        return read_bytes(data, "<stdin>", format=args.format, pdf_engine=args.pdf_engine)
    return read_source(path, format=args.format, pdf_engine=args.pdf_engine)


def _sources(files: Sequence[str], args: argparse.Namespace):
    """(path, Source, None) for each file, or (path, None, error) with a one-line error on
    stderr for a file that cannot be read."""
    from .errors import VbhcError

    for path in files:
        try:
            src = _read(path, args)
        except VbhcError as exc:
            print(f"vbhc: {exc}", file=sys.stderr)
            yield path, None, exc
        else:
            yield path, src, None


class _Count:
    """How many of a command's inputs are done (for the message after Ctrl-C)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0


def _tokens(text: str, markdown: bool = True) -> str:
    from .grammar import grammar
    from .lines import tokenize
    from .normalize import normalize

    norm = normalize(text)
    out = []
    for ln in tokenize(norm.text, grammar(), markdown):
        kind = ln.marker.name if ln.marker else ("caps" if ln.caps else "text")
        flags = ("|" if ln.cell_break else " ") + ("B" if ln.bold_start else " ")
        out.append(f"{ln.start:>7} {flags} {kind:<12} {ln.text}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .output import OutputError, stdout

    out = stdout()
    count = _Count(len(getattr(args, "files", ())))
    try:
        code = _command(args, out, count)
        out.close()
        return code
    except OutputError as exc:
        if exc.output is out:  # a file of batch's is closed by batch
            out.abandon()
        if exc.closed_pipe:  # the reader went away (| head): no message, the shell's code for SIGPIPE
            return 141
        print(f"vbhc: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        so_far = f" after {count.done} of {count.total} inputs" if count.total else ""
        print(f"vbhc: interrupted{so_far}", file=sys.stderr)
        return 130


def _command(args: argparse.Namespace, out, count: _Count) -> int:
    if args.command != "schema":
        from .errors import LimitError

        try:
            from .limits import Limits

            Limits.from_env()  # (the import reads them too: a bad one raises there first)
        except LimitError as exc:
            print(f"vbhc: {exc}", file=sys.stderr)
            return 2
    for name in ("max_bytes", "max_pages"):
        value = getattr(args, name, None)
        if value is not None and value < 1:
            print(f"vbhc: --{name.replace('_', '-')} must be at least 1", file=sys.stderr)
            return 2
    if getattr(args, "max_bytes", None) or getattr(args, "max_pages", None):
        from .limits import configure

        configure(max_bytes=args.max_bytes, max_pages=args.max_pages)
    if args.command != "schema":
        from .errors import GrammarError
        from .grammar import load_all

        try:
            load_all()  # once, before any file or worker: a bad grammar edit is one line
        except GrammarError as exc:
            print(f"vbhc: {exc}", file=sys.stderr)
            return 2
    if args.command == "schema":
        from .models import Document

        out.write(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2) + "\n")
        return 0

    if args.command == "batch":
        from .batch import run

        if args.jobs is not None and args.jobs < 1:
            print("vbhc: --jobs must be at least 1", file=sys.stderr)
            return 2
        if not args.timeout >= 0:  # also NaN
            print("vbhc: --timeout must be a number of seconds, 0 for none", file=sys.stderr)
            return 2
        return run(args.paths, args.output, jobs=args.jobs, glob=args.glob, out_format=args.format,
                   resume=args.resume, quiet=args.quiet, format=args.input_format, pdf_engine=args.pdf_engine,
                   timeout=args.timeout or None, retry_errors=args.retry_errors, stdout=out)

    from .document import parse_source
    from .render import tree

    if args.command == "tasks":
        return _tasks(args, out, count)
    status = 0
    failed = False
    # --json of several files: one array; --json/--jsonl: element or line N is file N, an
    # error record (as batch writes them) for a file that cannot be read
    array = args.json and len(args.files) > 1
    records = array or args.jsonl
    if array:
        out.write("[\n")
    try:
        for path, src, error in _sources(args.files, args):
            source = None if path == "-" else path
            text = None  # the file's JSON, for --json and --jsonl
            if src is None:
                failed = True
                if records:
                    from .batch import error_record

                    text = error_record(source, getattr(error, "code", "error"), str(error))
            elif args.tokens:
                out.write(_tokens(src.text, markdown=src.format == "txt") + "\n")
            elif args.text:
                out.write(src.text + "\n")
            else:
                doc = parse_source(src, source=source)
                if args.strict and doc.errors:
                    status = 1
                if args.json or args.jsonl:
                    text = doc.to_json(indent=None if args.jsonl else 2)
                else:
                    out.write(tree(doc) + ("\n\n" if len(args.files) > 1 else "\n"))
            if text is not None:
                out.write(("" if count.done == 0 else ",\n") + text if array else text + "\n")
            count.done += 1
    except KeyboardInterrupt:
        if array:
            out.write("\n]\n")  # what is out stays valid JSON
        raise
    if array:
        out.write("\n]\n")
    return 2 if failed else status


TASK_COLUMNS = ("source", "number", "path", "lead", "partners", "task", "deadline", "deadline_kind",
                "deadline_start", "deadline_end", "reported")


def _tasks(args: argparse.Namespace, out, count: _Count) -> int:
    import csv

    from .document import parse_source

    failed = False
    writer = csv.DictWriter(out, fieldnames=TASK_COLUMNS) if args.csv else None
    if writer is not None:
        writer.writeheader()
    for path, src, _exc in _sources(args.files, args):
        if src is None:
            failed = True
            count.done += 1
            continue
        doc = parse_source(src, source=None if path == "-" else path)
        for row in doc.to_records():
            if writer is not None:
                writer.writerow(row)
            else:
                due = f"  [{row['deadline']}]" if row["deadline"] else ""
                done = "  (reported)" if row["reported"] else ""
                out.write(f"{row['number'] or path}  {row['path'] or '-'}  {row['lead']}"
                          f"{'  + ' + row['partners'] if row['partners'] else ''}: {row['task'] or ''}{due}{done}\n")
        count.done += 1
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
