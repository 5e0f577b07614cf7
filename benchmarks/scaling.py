"""Growth of parse time when a pathological input doubles: a quadratic step or catastrophic
regex backtracking shows as a ratio near 4 (or worse) per doubling; linear work stays near 2.

    python benchmarks/scaling.py [--steps 4] [--limit 2.2]

Cases: one long line, many short lines, deep nesting, references in one paragraph, a long
Nơi nhận, the same deadlines again and again in one paragraph, a long table, requests and responsibilities in one paragraph (each row's task ends at
its sentence, not at the paragraph's end), rows in one sentence with no stop, task items under a
heading that names a body, "- N" lines after a number, a web page's table in the body, cells
that never reach a row break. Each case starts at a size that takes measurable time and doubles
``--steps`` times; the printed ratio is time(2n) / time(n), the worst of the case is compared
with ``--limit`` (exit 1 when a case exceeds it).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import vbhc  # noqa: E402

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2025\n")
SIGN = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n"
WORDS = "Sở Tài chính chủ trì, phối hợp với các sở, ban, ngành liên quan triển khai thực hiện nhiệm vụ "


def long_line(n: int) -> str:
    return HEAD + (WORDS * (n // len(WORDS) + 1))[:n] + "\n" + SIGN


def short_lines(n: int) -> str:
    return HEAD + "".join(f"- Nội dung {k};\n" for k in range(n)) + SIGN


def deep_nesting(n: int) -> str:
    out = [HEAD]
    for k in range(n):
        out.append(f"Phần {k + 1}. PHẦN\nChương {k + 1}. CHƯƠNG\nMục {k + 1}. MỤC\nĐiều {k + 1}. Điều\n"
                   "1. Khoản một.\na) Điểm a;\n- Ý một;\n+ Ý nhỏ.\n")
    return "".join(out) + SIGN


def references(n: int) -> str:
    cites = "; ".join(f"Quyết định số {k}/QĐ-UBND ngày 01/02/2024 của UBND tỉnh, Quyết định {k}" for k in range(n))
    return HEAD + "Căn cứ " + cites + ".\n" + SIGN


def deadlines(n: int) -> str:
    # the same deadline again and again in one paragraph, a refused one ("chi thường xuyên")
    # between: each is found at its own printing in the source
    dates = " ".join("báo cáo trước ngày 30/6/2024, kinh phí chi thường xuyên, báo cáo thường xuyên;" for _ in range(n))
    return HEAD + "I. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính " + dates + "\n" + SIGN


def noi_nhan(n: int) -> str:
    return HEAD + "Nội dung./.\n" + SIGN + "Nơi nhận:\n" + "".join(f"- Sở ngành số {k};\n" for k in range(n)) \
        + "- Lưu: VT.\n"


def requests(n: int) -> str:
    unit = ("Đề nghị Sở Y tế báo cáo kết quả. Sở Tài chính có trách nhiệm bố trí kinh phí. "
            "Công an tỉnh phối hợp với Sở Nội vụ kiểm tra. ")
    return HEAD + unit * n + "\n" + SIGN


def rows_in_one_sentence(n: int) -> str:
    # many rows and no full stop or semicolon: each row's look for its deadline must stay local
    return HEAD + "Sở Tài chính chủ trì triển khai nhiệm vụ, " * n + "\n" + SIGN


def tasks_under_a_heading(n: int) -> str:
    # a heading that names a body over many items, some of which name a lead of their own: each
    # item's heading row is checked against the rows inside it once (bisect), not against all
    items = "".join(f"- Tổ chức tập huấn đợt {k};\n" if k % 3 else f"- Phối hợp với Sở Nội vụ kiểm tra đợt {k};\n"
                    for k in range(n))
    return HEAD + "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính:\n" + items + "2. Bộ Xây dựng chỉ đạo kiểm tra.\n" + SIGN


def range_dashes(n: int) -> str:
    # "- N" lines after a number that a range may go on from: each looks at the end of the
    # block built so far, not at all of it
    return HEAD + "I. CHỈ TIÊU\nTốc độ tăng bình quân 05\n" + "".join(
        f"- {k} lượt người tham gia hội nghị, đạt tỷ lệ 5\n" for k in range(6, 6 + n)) + SIGN


def table(n: int) -> str:
    rows = "".join(f"| {k} | Nhiệm vụ {k} | Sở Tài chính | Sở Nội vụ | Quý {k % 4 + 1}/2025 |\n" for k in range(n))
    return HEAD + "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n" + rows + SIGN


def page_table(n: int) -> str:
    # a web page's table, a `|` line between cells and two between rows, rows of a cell of
    # several lines, narrower rows among them, and text after it: each cell past the width looks
    # ahead a bounded number of blocks
    rows = "|\n|\n".join(f"{k}\n|\nNhiệm vụ {k} của kế hoạch\n- ý thứ nhất;\n- ý thứ hai.\n|\nSở Tài chính\n|\n"
                          f"Quý {k % 4 + 1}/2025\n" if k % 7 else f"Tổng nhóm {k}\n|\n{k} nhiệm vụ\n"
                          for k in range(1, n + 1))
    return (HEAD + "I. NHIỆM VỤ\n|\nSTT\n|\nNội dung\n|\nCơ quan chủ trì\n|\nThời hạn\n|\n|\n" + rows
            + "|\nCác sở báo cáo kết quả.\n" + SIGN)


def cells_without_rows(n: int) -> str:
    # cells that never reach a row break, some opening with a heading: no cell is looked at
    # from every cell before it
    return HEAD + "".join(f"|\n**{k}. Nội dung thứ {k}:**\n" if k % 2 else f"|\nÔ thứ {k}\n"
                          for k in range(1, n + 1)) + SIGN


CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "one long line (chars)": (long_line, 125_000),
    "short lines": (short_lines, 12_500),
    "deep nesting (Phần..+)": (deep_nesting, 300),
    "references in a paragraph": (references, 625),
    "deadlines in a paragraph": (deadlines, 1000),
    "Nơi nhận items": (noi_nhan, 250),
    "task table rows": (table, 250),
    "requests in a paragraph": (requests, 1000),
    "rows in one sentence": (rows_in_one_sentence, 500),
    "tasks under a heading": (tasks_under_a_heading, 1000),
    "range dashes": (range_dashes, 2000),
    "page table cells": (page_table, 500),
    "cells without rows": (cells_without_rows, 1000),
}


def timed(text: str, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        vbhc.parse(text).to_json()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--steps", type=int, default=4)
    ap.add_argument("--limit", type=float, default=2.2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    vbhc.parse(HEAD)
    worst_all = 0.0
    for name, (make, start) in CASES.items():
        sizes = [start * 2 ** k for k in range(args.steps + 1)]
        times = [timed(make(n), args.repeat) for n in sizes]
        ratios = [b / a for a, b in zip(times, times[1:])]
        worst = max(ratios)
        worst_all = max(worst_all, worst)
        flag = "ok" if worst <= args.limit else "OVER"
        print(f"{name:<28} n={sizes[0]}..{sizes[-1]}  time {times[0] * 1e3:7.1f} → {times[-1] * 1e3:8.1f} ms  "
              f"ratio per doubling {' '.join(f'{r:.2f}' for r in ratios)}  worst {worst:.2f} {flag}")
    print(f"worst ratio {worst_all:.2f} (limit {args.limit})")
    return 0 if worst_all <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
