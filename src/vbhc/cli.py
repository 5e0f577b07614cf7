"""Command line: ``vbhc parse FILE… [--json] [--strict]``, ``vbhc schema``.

Exit codes: 0 success; 1 an error diagnostic under ``--strict``; 2 an input that cannot be
read (one line on stderr naming the file and the cause) or a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="vbhc", description="Parse Vietnamese administrative documents.")
    ap.add_argument("--version", action="version", version=f"vbhc {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse documents and print their tree or JSON")
    p.add_argument("files", nargs="+", help="text files; '-' reads standard input")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print the document as JSON (one object per file)")
    fmt.add_argument("--jsonl", action="store_true", help="print one JSON line per file")
    fmt.add_argument("--tokens", action="store_true", help="print the line tokens (for debugging a grammar rule)")
    p.add_argument("--strict", action="store_true", help="exit 1 when a document has an error diagnostic")
    t = sub.add_parser("tasks", help="print the task matrix (who leads, who cooperates, what, by when)")
    t.add_argument("files", nargs="+", help="text files; '-' reads standard input")
    t.add_argument("--csv", action="store_true", help="CSV with a header row")
    sub.add_parser("schema", help="print the JSON Schema of the output")
    return ap


def _read(path: str) -> str:
    from .reader import decode, read_text

    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    return read_text(path)


def _texts(files: Sequence[str], failed: list[str]):
    """(path, text) for each file that can be read; a one-line error on stderr for the others."""
    from .errors import VbhcError

    for path in files:
        try:
            yield path, _read(path)
        except VbhcError as exc:
            print(f"vbhc: {exc}", file=sys.stderr)
            failed.append(path)


def _tokens(text: str) -> str:
    from .grammar import grammar
    from .lines import tokenize
    from .normalize import normalize

    norm = normalize(text)
    out = []
    for ln in tokenize(norm.text, grammar()):
        kind = ln.marker.name if ln.marker else ("caps" if ln.caps else "text")
        flags = ("|" if ln.cell_break else " ") + ("B" if ln.bold_start else " ")
        out.append(f"{ln.start:>7} {flags} {kind:<12} {ln.text}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schema":
        from .models import Document

        print(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))
        return 0

    from .document import parse
    from .render import tree

    if args.command == "tasks":
        return _tasks(args.files, args.csv)
    status = 0
    failed: list[str] = []
    for path, text in _texts(args.files, failed):
        if args.tokens:
            print(_tokens(text))
            continue
        doc = parse(text, source=None if path == "-" else path)
        if args.json:
            print(doc.to_json())
        elif args.jsonl:
            print(doc.to_json(indent=None))
        else:
            print(tree(doc))
            if len(args.files) > 1:
                print()
        if args.strict and doc.errors:
            status = 1
    return 2 if failed else status


TASK_COLUMNS = ("source", "number", "path", "lead", "partners", "task", "deadline", "deadline_kind",
                "deadline_start", "deadline_end")


def _tasks(files: Sequence[str], as_csv: bool) -> int:
    import csv

    from .document import parse

    failed: list[str] = []
    writer = csv.DictWriter(sys.stdout, fieldnames=TASK_COLUMNS) if as_csv else None
    if writer is not None:
        writer.writeheader()
    for path, text in _texts(files, failed):
        doc = parse(text, source=None if path == "-" else path)
        for row in doc.to_records():
            if writer is not None:
                writer.writerow(row)
            else:
                due = f"  [{row['deadline']}]" if row["deadline"] else ""
                print(f"{row['number'] or path}  {row['path'] or '-'}  {row['lead']}"
                      f"{'  + ' + row['partners'] if row['partners'] else ''}: {row['task'] or ''}{due}")
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
