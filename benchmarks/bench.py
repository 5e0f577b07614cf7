"""Throughput of vbhc on real documents, with a baseline measured in the same run.

    python benchmarks/bench.py [--repeat 5] [--memory-docs 10000] [--formats] [FOLDER ...]

Folders default to corpus/ and, when present, ../shared/corpus (their .txt documents). It
prints, medians of ``--repeat`` runs, one core unless said:

* the full parse to JSON: documents/s and MB/s;
* the baseline, in the same process: read + normalise + split lines + the combined marker
  scanner on each line + a minimal tree (a flat list of nodes, each under the last heading):
  the practical ceiling of a line-based parser; and the ratio of the two;
* time per stage: read (bytes from disk, decoded), normalise, tokenize, tree (header, body,
  closing, attachments, models), extract (references, assignments, deadlines), serialise;
* batch: the corpus repeated to at least 400 documents through ``vbhc.parse_many`` with 1 and
  with 2 worker processes, and the speed-up;
* peak memory (RSS of the main process and of the largest worker) of a batch of
  ``--memory-docs`` documents written to a JSONL file;
* with ``--formats``: DOCX docs/s and PDF pages/s (``benchmarks/formats.py``);
* when underthesea is installed: its ``sent_tokenize`` MB/s on the same text, for scale.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import vbhc  # noqa: E402
from vbhc.grammar import grammar  # noqa: E402
from vbhc.lines import tokenize  # noqa: E402
from vbhc.normalize import normalize  # noqa: E402
from vbhc.reader import read_text  # noqa: E402


def paths_of(folders: list[Path]) -> list[Path]:
    out = []
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            try:
                read_text(path)
            except vbhc.InputError:
                continue
            out.append(path)
    return out


def baseline(paths: list[Path]) -> None:
    """Read, normalise, split lines, one combined regex per line, a minimal tree."""
    scanner = grammar().marker_scanner
    for path in paths:
        norm = normalize(path.read_bytes().decode("utf-8-sig"))
        root: list = []
        current = root
        for line in norm.text.split("\n"):
            line = line.strip()
            if not line:
                continue
            m = scanner.match(line)
            node = (m.lastgroup if m else None, line, [])
            if m is not None:
                root.append(node)
                current = node[2]
            else:
                current.append(node)


def timed(fn, arg, repeat: int) -> float:
    """Median seconds of ``repeat`` runs. Every run starts from a collected heap with the cyclic
    collector paused, as ``vbhc.parse`` pauses it: otherwise the documents this benchmark holds
    make the collector's passes tax whichever measurement runs after them (the baseline ran
    at 16 instead of 27 MB/s that way)."""
    runs = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        t0 = time.perf_counter()
        try:
            fn(arg)
        finally:
            elapsed = time.perf_counter() - t0
            gc.enable()
        runs.append(elapsed)
    return statistics.median(runs)


def _batch(paths: list[str], jobs: int) -> None:
    for _ in vbhc.parse_many(paths, jobs=jobs):
        pass


def _peak_memory(paths: list[str], n: int) -> tuple[float, float]:
    """Peak RSS (MB) of a `vbhc batch` of n documents: the main process and its largest worker."""
    with tempfile.TemporaryDirectory() as tmp:
        listing = (paths * (n // len(paths) + 1))[:n]
        code = ("import resource, sys; sys.path.insert(0, %r)\n"
                "from vbhc.batch import parse_many\n"
                "out = open(%r, 'w')\n"
                "for r in parse_many(sys.argv[1:], jobs=2, ordered=True):\n"
                "    out.write(r.record() + '\\n')\n"
                "out.close()\n"
                "me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
                "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
                "print(me, kids)\n") % (str(REPO / "src"), os.path.join(tmp, "out.jsonl"))
        # paths by argument would hit the command-line limit: a file list instead
        lst = os.path.join(tmp, "paths.txt")
        Path(lst).write_text("\n".join(listing), encoding="utf-8")
        code = code.replace("sys.argv[1:]", f"open({lst!r}).read().split(chr(10))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        me, kids = out.stdout.split()
        return float(me), float(kids)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--memory-docs", type=int, default=2000, help="documents in the peak-memory batch (0: skip)")
    ap.add_argument("--formats", action="store_true", help="also run benchmarks/formats.py (DOCX, PDF, HTML)")
    args = ap.parse_args()
    folders = args.folders or [p for p in (REPO / "corpus", REPO.parent / "shared" / "corpus") if p.is_dir()]
    paths = paths_of(folders)
    if not paths:
        print("no .txt documents found", file=sys.stderr)
        return 2
    memory = ""
    if args.memory_docs:
        # measured first: Linux keeps a process's peak RSS across exec, so the child must be
        # started before this process holds the corpus in memory
        me, kid = _peak_memory([str(p) for p in paths], args.memory_docs)
        memory = (f"  peak memory of a batch of {args.memory_docs} documents (2 workers): main {me:.0f} MB, "
                  f"largest worker {kid:.0f} MB")
    texts = [read_text(p) for p in paths]
    mb = sum(p.stat().st_size for p in paths) / 1e6
    g = grammar()
    vbhc.parse(texts[0])  # compile the grammar outside the timings
    docs = [vbhc.parse(t) for t in texts]

    cumulative = {
        "read": lambda ps: [read_text(p) for p in ps],
        "normalise": lambda ts: [normalize(t) for t in ts],
        "tokenize": lambda ts: [tokenize(normalize(t).text, g) for t in ts],
        "tree": lambda ts: [vbhc.parse(t, extract=False) for t in ts],
        "parse": lambda ts: [vbhc.parse(t) for t in ts],
    }
    t = {name: timed(fn, paths if name == "read" else texts, args.repeat) for name, fn in cumulative.items()}
    t["serialise"] = timed(lambda ds: [d.to_json() for d in ds], docs, args.repeat)
    full = timed(lambda ps: [vbhc.parse(read_text(p)).to_json() for p in ps], paths, args.repeat)
    base = timed(baseline, paths, args.repeat)

    print(f"{len(paths)} documents, {mb:.2f} MB, median of {args.repeat} runs, one core")
    print(f"  full parse to JSON  {full:7.3f} s  {len(paths) / full:8.0f} docs/s  {mb / full:7.2f} MB/s")
    print(f"  baseline            {base:7.3f} s  {len(paths) / base:8.0f} docs/s  {mb / base:7.2f} MB/s")
    print(f"  the full parse runs at {base / full:.3f} of the baseline's rate")
    stages = {
        "read": t["read"], "normalise": t["normalise"], "tokenize": t["tokenize"] - t["normalise"],
        "tree": t["tree"] - t["tokenize"], "extract": t["parse"] - t["tree"], "serialise": t["serialise"],
    }
    total = sum(stages.values())
    print("  stages:")
    for name, sec in stages.items():
        print(f"    {name:<10} {sec:7.3f} s  {100 * sec / total:5.1f} %  {mb / sec if sec > 0 else 0:8.1f} MB/s")

    batch = [str(p) for p in paths] * max(1, -(-400 // len(paths)))
    one = timed(lambda ps: _batch(ps, 1), batch, args.repeat)
    two = timed(lambda ps: _batch(ps, 2), batch, args.repeat)
    print(f"  batch of {len(batch)} documents: 1 process {len(batch) / one:6.0f} docs/s, "
          f"2 processes {len(batch) / two:6.0f} docs/s: {one / two:.2f}x")

    if memory:
        print(memory)

    try:
        from underthesea import sent_tokenize  # GPL, optional: a point of comparison only
    except ImportError:
        print("  underthesea not installed: no comparison")
    else:
        ut = timed(lambda ts: [sent_tokenize(x) for x in ts], texts, 1)
        print(f"  underthesea sent_tokenize: {mb / ut:.2f} MB/s on the same text")

    if args.formats:
        sys.stdout.flush()
        subprocess.run([sys.executable, str(REPO / "benchmarks" / "formats.py"), "--repeat", str(args.repeat)],
                       check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
