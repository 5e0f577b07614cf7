"""Coverage-guided fuzzing of vbhc with atheris (``pip install atheris``).

    python fuzz/fuzz.py TARGET [atheris/libFuzzer options, e.g. -max_total_time=600]

TARGET is one of ``parse`` (any text into the parser), ``txt`` (bytes into the text reader:
encodings, legacy detection), ``docx``, ``pdf``, ``html`` (bytes into that reader, seeded
from ``corpus/``). The contract under test: ``vbhc.parse`` never raises on a string, a
reader raises nothing but :class:`vbhc.InputError`, spans stay inside the text and a parsed
document survives a JSON round trip. A crash input is written by libFuzzer as
``crash-<sha1>``; copy it into ``fuzz/crashes/`` and ``tests/test_fuzz_regressions.py`` pins
it. The seed corpus for each target is built under ``fuzz/work/TARGET/`` on first run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

with atheris.instrument_imports():
    import vbhc
    from vbhc.document import parse_source
    from vbhc.errors import InputError
    from vbhc.models import Document
    from vbhc import reader
    from vbhc.reader import read_bytes

reader.STRICT = True  # an exception a reader did not turn into an InputError is a finding


def check(doc: Document, n: int) -> None:
    for node in doc.walk():
        assert 0 <= node.span.start <= node.span.end <= n, (node.kind, node.span, n)
    again = Document.from_json(doc.to_json())
    assert again.to_json() == doc.to_json()


def t_parse(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(len(data))
    check(vbhc.parse(text), len(text))


def _reader(fmt: str):
    def target(data: bytes) -> None:
        try:
            src = read_bytes(data, f"fuzz.{fmt}", format=fmt)
        except InputError:
            return
        doc = parse_source(src)
        for p in src.pieces:
            assert 0 <= p.start <= p.end <= len(src.text)
        check(doc, len(src.text))
    return target


TARGETS = {"parse": t_parse, "txt": _reader("txt"), "docx": _reader("docx"), "pdf": _reader("pdf"),
           "html": _reader("html")}
SEEDS = {"parse": ("corpus/synthetic/*.txt", "corpus/seeds/*.txt"), "txt": ("corpus/synthetic/*.txt",),
         "docx": ("corpus/formats/*.docx",), "pdf": ("corpus/formats/plan.pdf",),
         "html": ("tests/fixtures/html/*.html",)}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        print(f"usage: fuzz.py {{{','.join(TARGETS)}}} [libFuzzer options]", file=sys.stderr)
        sys.exit(2)
    name = sys.argv[1]
    work = REPO / "fuzz" / "work" / name
    if not work.exists():
        work.mkdir(parents=True)
        for pattern in SEEDS[name]:
            for k, p in enumerate(sorted(REPO.glob(pattern))):
                (work / f"seed-{k}-{p.name}").write_bytes(p.read_bytes())
    argv = [sys.argv[0], *sys.argv[2:], str(work)]
    atheris.Setup(argv, TARGETS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
