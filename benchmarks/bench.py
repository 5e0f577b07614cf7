"""Throughput of vbhc on real documents, with a baseline measured in the same run.

    python benchmarks/bench.py [--repeat 5] [FOLDER ...]

Folders default to corpus/ and, when present, ../shared/corpus. For each run it prints
documents/s and MB/s of the full parse to JSON on one core, the same for a baseline (normalise
+ split lines + the combined marker scanner on each line + a flat list of nodes: the practical
ceiling of a line-based parser), their ratio, and the time of each stage. Medians of the runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import vbhc  # noqa: E402
from vbhc.grammar import grammar  # noqa: E402
from vbhc.lines import tokenize  # noqa: E402
from vbhc.normalize import normalize  # noqa: E402


def load(folders: list[Path]) -> list[str]:
    texts = []
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            try:
                texts.append(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
    return texts


def baseline(texts: list[str]) -> None:
    scanner = grammar().marker_scanner
    for text in texts:
        norm = normalize(text)
        nodes = []
        for line in norm.text.split("\n"):
            m = scanner.match(line.strip())
            nodes.append((m.lastgroup if m else None, line))


def timed(fn, texts: list[str], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(texts)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    folders = args.folders or [p for p in (REPO / "corpus", REPO.parent / "shared" / "corpus") if p.is_dir()]
    texts = load(folders)
    if not texts:
        print("no .txt documents found", file=sys.stderr)
        return 2
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    g = grammar()
    vbhc.parse(texts[0])  # compile the grammar outside the timings

    stages = {
        "normalise": lambda ts: [normalize(t) for t in ts],
        "tokenize": lambda ts: [tokenize(normalize(t).text, g) for t in ts],
        "parse": lambda ts: [vbhc.parse(t) for t in ts],
        "parse+json": lambda ts: [vbhc.parse(t).to_json() for t in ts],
        "baseline": baseline,
    }
    results = {name: timed(fn, texts, args.repeat) for name, fn in stages.items()}
    print(f"{len(texts)} documents, {mb:.2f} MB, median of {args.repeat} runs, one core")
    for name, sec in results.items():
        print(f"  {name:<11} {sec:7.3f} s  {len(texts) / sec:9.0f} docs/s  {mb / sec:7.2f} MB/s")
    ratio = results["baseline"] / results["parse+json"]
    print(f"  full parse to JSON runs at {ratio:.2f} of the baseline's rate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
