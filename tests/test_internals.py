"""Internal shortcuts the parser takes for speed give what the slow path gives."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from vbhc import models as M
from vbhc.lines import last_word

_LAST_WORD = regex.compile(r"([\p{L}\d]+)[^\p{L}\d]*$")  # the definition last_word implements


def test_trusted_span_is_model_construct():
    fast, slow = M.Span.trusted(3, 9), M.Span.model_construct(start=3, end=9)
    assert fast == slow
    assert fast.model_dump() == slow.model_dump() == {"start": 3, "end": 9}
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.model_dump_json() == slow.model_dump_json()


def test_trusted_node_is_model_construct_and_validates_back():
    child = M.Node.trusted("item", "a", "a)", None, "Nội dung", [], M.Span.trusted(10, 20))
    fast = M.Node.trusted("section", "I", "I.", "MỤC ĐÍCH", None, [child], M.Span.trusted(0, 20))
    slow = M.Node.model_construct(kind="section", label="I", marker="I.", title="MỤC ĐÍCH", text=None,
                                  children=[M.Node.model_construct(kind="item", label="a", marker="a)", title=None,
                                                                   text="Nội dung", children=[],
                                                                   span=M.Span(start=10, end=20))],
                                  span=M.Span(start=0, end=20))
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    assert M.Node.model_validate_json(fast.model_dump_json()) == fast
    fast.text = "changed"  # an ordinary, mutable model
    assert fast.model_dump()["text"] == "changed"


def test_last_word_examples():
    assert last_word("theo hướng dẫn của") == "của"
    assert last_word("trước NGÀY") == "ngày"
    assert last_word("Điều 5.") == "5"
    assert last_word("tại điểm a)") == "a"
    assert last_word("... ;") == ""
    assert last_word("") == ""


@given(st.text(alphabet=st.sampled_from("aăâĐđƯơ Zz09.,;:)(-_ \u00a0²"), max_size=40))
def test_last_word_is_the_last_run_of_letters_and_digits(text):
    m = _LAST_WORD.search(text)
    assert last_word(text) == (m.group(1).casefold() if m else "")



def _forward_typed_starts(low: str) -> list[int]:
    """The plain definition: a forward scan of every type name, longest first, then spaces and a digit."""
    import re

    from vbhc.references import ref_grammar

    names = sorted(ref_grammar().type_names, key=len, reverse=True)
    forward = re.compile("(?:" + "|".join(re.escape(n.lower()) for n in names) + r")\s+\d")
    return [m.start() for m in forward.finditer(low)]


_TOKENS = ["nghị định", "quyết định", "luật", "bộ luật", "pháp lệnh", "lệnh", "thông báo", "kết luận",
           "thông báo kết luận", "thông tư", "thông tư liên tịch", "kế hoạch", "số", "x", "của", "15", "2/2025",
           "1", " ", "  ", "\n", ",", "/", "-", "nq-tw"]


@given(st.lists(st.sampled_from(_TOKENS), max_size=16), st.sampled_from(["", " ", "\n"]))
def test_backward_scan_finds_the_forward_scans_starts(tokens, sep):
    from vbhc.references import _typed_starts, ref_grammar

    low = sep.join(tokens)
    assert _typed_starts(ref_grammar(), low) == _forward_typed_starts(low)


def test_backward_scan_examples():
    from vbhc.references import _typed_starts, ref_grammar

    low = "căn cứ bộ luật 45/2019/qh14, pháp lệnh  12 và thông báo kết luận 5 ngày; luật số 3"
    assert _typed_starts(ref_grammar(), low) == _forward_typed_starts(low) == [
        low.index("bộ luật"), low.index("pháp lệnh"), low.index("thông báo kết luận")]


# the source's printing of a text's words, found without a pattern per text, as the pattern
# ``word[\W_]+word…`` finds it
PRINT_CHARS = ["a", "b", "ă", "1", " ", "  ", "\n", "*", "**", "|", "_", "(", ")", "ab", "b1", "(a", "a)"]


@given(st.lists(st.sampled_from(PRINT_CHARS), max_size=30), st.lists(st.sampled_from(PRINT_CHARS), min_size=1, max_size=6),
       st.integers(0, 40), st.integers(0, 60))
def test_printed_finds_what_the_words_pattern_finds(text, raw, lo, hi):
    from vbhc.lines import Printed
    text, raw = "".join(text), "".join(raw)
    if not raw.split():
        return
    pattern = regex.compile(r"[\W_]+".join(regex.escape(w) for w in raw.split()))
    assert list(Printed(raw).finditer(text, lo, hi)) == [m.span() for m in pattern.finditer(text, lo, hi)]


def test_printed_examples():
    from vbhc.lines import Printed
    text = "hoàn thành **trước\nngày** 30/6/2025 và | trước ngày 30/6/2025 (a)"
    first, second = text.index("trước"), text.rindex("trước")
    assert list(Printed("trước ngày 30/6/2025").finditer(text)) == [
        (first, text.index("2025") + 4), (second, second + len("trước ngày 30/6/2025"))]
    assert list(Printed("2025 (a)").finditer(text)) == [(text.rindex("2025"), len(text))]
    assert list(Printed("trước ngày").finditer(text, first + 1)) == [(second, second + len("trước ngày"))]


def test_spans_of_a_crlf_file_end_before_the_carriage_return():
    import vbhc
    from pathlib import Path
    lf = (Path(__file__).resolve().parents[1] / "corpus" / "formats" / "plan.txt").read_text(encoding="utf-8")
    crlf = lf.replace("\n", "\r\n")
    a, b = vbhc.parse(lf), vbhc.parse(crlf)

    def slices(doc, text):
        out = [text[doc.number.span.start:doc.number.span.end]]
        out += [text[r.span.start:r.span.end] for r in doc.references]
        stack = list(doc.body)
        while stack:
            n = stack.pop()
            out.append(text[n.span.start:n.span.end])
            stack.extend(n.children)
        return out

    got = slices(b, crlf)
    assert not any(s.endswith("\r") for s in got)
    assert [s.replace("\r\n", "\n") for s in got] == slices(a, lf)


def test_a_span_ending_at_removed_characters_does_not_take_them():
    from vbhc.normalize import normalize
    n = normalize("ab\u200b\u200b\r\ncd xa\u0301\u200b")
    assert n.text == "ab\ncd xá"
    assert n.map.span_to_source(0, 2) == (0, 2)  # not the zero-width spaces and the CR after "ab"
    assert n.map.span_to_source(6, 8) == (9, 12)  # the whole decomposed "á", not the space after it


def test_submodules_are_reachable_from_the_package_as_the_readme_writes_them():
    import subprocess
    import sys
    code = "import vbhc; vbhc.limits.configure(max_pages=5000); print(vbhc.normalize.fold('hoà'))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "hòa"


def test_printed_words_made_of_gap_characters_are_found_in_linear_time():
    # each word that opens with a gap character may start anywhere in the gap before it: without
    # remembering what was tried, 24 spaced "…" took 55 s (3^N paths), the regex under a millisecond
    from vbhc.lines import Printed
    raw = "kể từ ngày " + " ".join(["…"] * 60) + ", gửi"
    text = f"trong thời hạn 15 ngày {raw} về Ủy ban"
    pattern = regex.compile(r"[\W_]+".join(regex.escape(w) for w in raw.split()))
    assert list(Printed(raw).finditer(text)) == [m.span() for m in pattern.finditer(text)] != []
    raw = "x " + ". " * 60 + "y"
    assert list(Printed(raw).finditer(raw + "z")) == [m.span() for m in regex.finditer(
        r"[\W_]+".join(regex.escape(w) for w in raw.split()), raw + "z")]
