"""Property tests: the parser never raises, spans stay inside the input and nest, JSON round
trips, normalisation is idempotent with a sound offset map, fold() folds what it promises, and
small well-formed documents built from pieces are read back field by field."""

from __future__ import annotations

import datetime as dt
import string
import unicodedata
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import vbhc
from conftest import CORPUS, SEED
from vbhc.grammar import grammar
from vbhc.models import Document, Node, Span
from vbhc.normalize import fold, normalize

PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- strategies for arbitrary text ---------------------------------------------------------------

ODD_CHARS = [
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\r", "\r\n", "\n", "\t",
    "\u00a0", "\u00ad", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066",
    "\u2028", "\u2029", "\u3000", "\ufeff", "\ufffe", "\uffff", "\ufffd", "\ud800", "\udc00", "\udfff",
    "\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b",  # combining marks
    "\u00d0", "\u00f0", "Đ", "đ", "|", "*", "**", "#", "\\", "(", ")", "[", "]", "/", "-", "–", "+", ".",
    ":", ";", "\U0001f600", "\U00010000", "\u1100\u1161",
]
FRAGMENTS = [
    "ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "ĐẢNG CỘNG SẢN VIỆT NAM", "Số: 155/KH-UBND", "Số 165-KH/TU", "Số:      /TB-UBND", "Số: 84/2025/QĐ-UBND",
    "Bắc Kạn, ngày 27 tháng 3 năm 2020", "ngày 31 tháng 02 năm 2020", "ngày  tháng  năm 20", "KẾ HOẠCH",
    "QUYẾT ĐỊNH", "QUYẾT ĐỊNH:", "THÔNG BÁO", "V/v", "Kính gửi:", "Căn cứ", "Theo đề nghị", "Xét", "I.",
    "II.", "IV.", "1.", "2.", "1.1.", "a)", "b)", "đ)", "-", "+", "(1)", "1-", "Phần I", "Chương II",
    "Mục 1", "Điều 1.", "Điều 5a.", "Thứ nhất,", "Nơi nhận:", "Nơi", "nhận:", "Gửi bản điện tử:",
    "- Lưu: VT.", "Lưu VT, NCPC (Thái).", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ", "TL.",
    "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Lý Thái Hải", "Nguyễn Văn An", "PHỤ LỤC I",
    "(Kèm theo Quyết định số 12/QĐ-UBND)", "[1]", "./.", "Văn bản liên quan", "Ngày hiệu lực:", "-------",
    "***", "*", "|", "hoà", "uỷ", "khoẻ", "Thuý",
]


def _join(parts: list[str], seps: list[str]) -> str:
    out = []
    for i, p in enumerate(parts):
        out.append(p)
        out.append(seps[i % len(seps)] if seps else "\n")
    return "".join(out)


any_char = st.one_of(st.characters(), st.sampled_from(ODD_CHARS))
odd_text = st.lists(any_char, max_size=200).map("".join)  # pieces may be longer than one character
structured = st.builds(
    _join,
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(ODD_CHARS), st.text(max_size=12)),
             max_size=60),
    st.lists(st.sampled_from(["\n", " ", "\n\n", "|", "\r\n", " | ", "\t", ""]), max_size=5))
long_lines = st.builds(lambda s, n, tail: s * n + tail,
                       st.text(min_size=1, max_size=12), st.integers(50, 2000), st.text(max_size=20))
SOURCES = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.txt"))}


@st.composite
def mutated_corpus(draw) -> str:
    """A real document with random edits: insert, delete, duplicate and swap lines, odd chars."""
    text = SOURCES[draw(st.sampled_from(sorted(SOURCES)))]
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["insert", "delete", "dup", "swap", "truncate"]))
        n = len(text)
        a = draw(st.integers(0, n))
        if kind == "insert":
            piece = draw(st.one_of(st.sampled_from(ODD_CHARS + FRAGMENTS), st.text(max_size=8)))
            text = text[:a] + piece + text[a:]
        elif kind == "delete":
            b = draw(st.integers(a, min(n, a + 200)))
            text = text[:a] + text[b:]
        elif kind == "truncate":
            text = text[:a]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if kind == "dup":
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


arbitrary_text = st.one_of(st.text(), odd_text, structured, long_lines, mutated_corpus())


# --- span checks -------------------------------------------------------------------------------------


def _spans(obj, path="doc"):
    """Every (path, Span) reachable from a model (Node children included)."""
    if isinstance(obj, Span):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _spans(getattr(obj, name), f"{path}.{name}")
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _spans(item, f"{path}[{i}]")


def _nests(node: Node, lo: int, hi: int, path: str, errors: list[str]) -> None:
    s = node.span
    if not (lo <= s.start <= s.end <= hi):
        errors.append(f"{path} ({node.kind} {node.label!r}) span {s.start}-{s.end} outside its parent "
                      f"{lo}-{hi}")
    for i, child in enumerate(node.children):
        _nests(child, s.start, s.end, f"{path}.children[{i}]", errors)


def check_spans(doc: Document, text: str) -> None:
    n = len(text)
    errors = [f"{p}: {s.start}-{s.end} not within 0-{n}" for p, s in _spans(doc)
              if not (isinstance(s.start, int) and isinstance(s.end, int) and 0 <= s.start <= s.end <= n)]
    for field_name in ("preamble", "body", "notes"):
        for i, node in enumerate(getattr(doc, field_name)):
            _nests(node, 0, n, f"{field_name}[{i}]", errors)
    for k, att in enumerate(doc.attachments):
        for i, node in enumerate(att.body):
            _nests(node, att.span.start, att.span.end, f"attachments[{k}].body[{i}]", errors)
    assert not errors, "\n".join(errors[:20])
    # the public walk reaches exactly the nodes checked above
    tops = [*doc.preamble, *doc.body, *(n for att in doc.attachments for n in att.body), *doc.notes]
    assert [id(x) for x in doc.walk()] == [id(x) for top in tops for x in top.walk()]


def check_round_trip(doc: Document) -> None:
    js = doc.to_json()
    again = Document.from_json(js)
    assert again.to_json() == js
    assert Document.from_json(doc.to_json(indent=None)).to_json() == js


# --- never raises, spans, round trip ------------------------------------------------------------------


@PROPS
@given(arbitrary_text)
def test_parse_never_raises_and_spans_are_sound(text):
    doc = vbhc.parse(text)
    assert isinstance(doc, Document)
    check_spans(doc, text)
    check_round_trip(doc)


@pytest.mark.parametrize("text", [
    "", " ", "\n", "\x00", "\ud800", "\u200f\u202e", "|", "**", "Số:", "Nơi nhận:", "I.", "- ", "TM.",
    "\r\n" * 100, "a" * 200_000, ("Số: 1/KH-UBND " * 5000), "\u0301" * 1000,
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
], ids=lambda t: repr(t[:20]))
def test_parse_edge_inputs(text):
    doc = vbhc.parse(text)
    check_spans(doc, text)
    check_round_trip(doc)


def test_seed_spans_and_round_trip():
    text = SEED.read_text(encoding="utf-8")
    doc = vbhc.parse(text)
    check_spans(doc, text)
    check_round_trip(doc)
    assert len(list(doc.walk())) > 30


# --- normalisation -------------------------------------------------------------------------------------

VI_LETTERS = ("aăâbcdđeêghiklmnoôơpqrstuưvxy" "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
              "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
              "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ")
vi_text = st.builds(
    lambda s, nfd: unicodedata.normalize("NFD", s) if nfd else s,
    st.lists(st.one_of(st.sampled_from(VI_LETTERS + string.digits + " .,;:/-\n"), st.sampled_from(ODD_CHARS)),
             max_size=80).map("".join),
    st.booleans())
norm_text = st.one_of(st.text(), odd_text, vi_text, mutated_corpus())


@PROPS
@given(norm_text)
def test_offset_map_is_bounded_and_monotonic(text):
    norm = normalize(text)
    prev = 0
    for k in range(len(norm.text) + 1):
        j = norm.map.to_source(k)
        assert 0 <= j <= len(text), (k, j)
        assert j >= prev, f"to_source({k}) = {j} < to_source({k - 1}) = {prev}"
        prev = j
    assert norm.map.to_source(len(norm.text)) == len(text)
    # a character kept as it was maps back onto itself
    for k, ch in enumerate(norm.text):
        if ch.isascii() and ch.isalnum():
            j = norm.map.to_source(k)
            assert j < len(text) and unicodedata.normalize("NFC", text[j]) == ch, (k, ch, j)


C1_CONTROLS = "".join(chr(c) for c in range(0x80, 0xA0))
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"


@PROPS
@given(norm_text)
def test_normalize_output_is_clean(text):
    out = normalize(text).text
    assert "\r" not in out
    for ch in out:
        # C1 controls are left alone for now: see test_normalize_drops_c1_controls
        assert ch == "\n" or ch in C1_CONTROLS or unicodedata.category(ch) not in ("Cc", "Cs"), repr(ch)
        assert ch not in INVISIBLE and ch not in "\u00d0\u00f0\u00a0\t\u2028\u2029\u0085", repr(ch)


@pytest.mark.parametrize("ch", ["\x80", "\x81", "\x8d", "\x9d", "\x9f"])
def test_normalize_drops_c1_controls(ch):
    out = normalize(f"Số{ch}: 12/KH-UBND").text
    assert not any(unicodedata.category(c) == "Cc" for c in out), repr(out)


def test_normalize_identity_is_cheap():
    text = SEED.read_text(encoding="utf-8")
    norm = normalize(text)
    assert norm.text == text and norm.map.identity


def test_normalize_examples():
    src = "\ufeffÐ\u00a0ho\u0300a\r\nb\u200bc\u202e\rd"
    norm = normalize(src)
    assert norm.text == "Đ hòa\nbc\nd"
    for k, ch in enumerate(norm.text):
        if ch in "Đbcd":
            assert src[norm.map.to_source(k)] in (ch, "\u00d0")


def _dropped_before_mark(text: str) -> bool:
    """A character normalize() removes, right before a combining mark."""
    return any(unicodedata.category(b).startswith("M") and normalize(a).text == ""
               for a, b in zip(text, text[1:]))


@PROPS
@given(norm_text)
def test_normalize_is_idempotent(text):
    # a known failure, tested apart: test_normalize_is_idempotent_across_dropped_characters
    assume(not _dropped_before_mark(text))
    once = normalize(text).text
    assert normalize(once).text == once


@pytest.mark.parametrize("text", ["a\u200d\u0301", "Vie\u00ad\u0323\u0302t", "ho\u200f\u0300a",
                                  "e\ufffe\u0301"], ids=["zwj", "soft-hyphen", "rlm", "noncharacter"])
def test_normalize_is_idempotent_across_dropped_characters(text):
    once = normalize(text).text
    assert normalize(once).text == once
    assert unicodedata.is_normalized("NFC", once)


# --- fold ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    ("hoà", "hòa"), ("UỶ BAN", "Ủy ban"), ("ỦY BAN NHÂN DÂN", "Uỷ ban nhân dân"), ("Thuý", "Thúy"),
    ("khoẻ", "khỏe"), ("HOÁ", "hóa"), ("hoạ", "họa"), ("luỹ", "lũy"), ("thuỳ", "thùy"), ("toả", "tỏa"),
    ("Công nghiệp hoá, hiện đại hoá", "CÔNG NGHIỆP HÓA, HIỆN ĐẠI HÓA"), ("ho\u0300a", "hòa"),
    ("\u00d0ắk Lắk", "Đắk Lắk"), ("Sở  Tài\u00a0chính\n", "sở tài chính"), ("Tỉnh\tuỷ", "TỈNH ỦY"),
])
def test_fold_equal(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize(("a", "b"), [
    ("hoàn", "hòan"),   # not at the end of a syllable: the printed form is the only one
    ("quý", "qúy"),     # 'qu' is a consonant
    ("HĐ", "HD"), ("ĐA", "DA"), ("hòa", "hoa"),
])
def test_fold_keeps_apart(a, b):
    assert fold(a) != fold(b)


def test_fold_leaves_qu_and_inner_vowels():
    assert fold("Quý") == "quý"
    assert fold("Hoàn thành") == "hoàn thành"
    assert fold("huỳnh") == "huỳnh"


# [new-style, old-style] syllables and neutral words, for a sentence-level property
TONE_WORDS = [("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("uỷ", "ủy"), ("hoá", "hóa"),
              ("luỹ", "lũy"), ("thuý", "thúy"), ("hoạ", "họa"), ("toả", "tỏa"), ("xoã", "xõa"),
              ("loè", "lòe"), ("tuỵ", "tụy"), ("hoè", "hòe"), ("thoả", "thỏa"), ("Hoà", "Hòa"), ("Uỷ", "Ủy")]
PLAIN_WORDS = ["ban", "nhân", "dân", "tỉnh", "hoàn", "quý", "huỳnh", "Nguyễn", "Đắk", "thành", "phố", "công",
               "nghiệp", "quyết", "định", "số", "155/KH-UBND", "và", "Sở", "Tài", "chính", "khuya", "thuở"]


@st.composite
def tone_variants(draw) -> tuple[str, str]:
    plain = st.sampled_from(PLAIN_WORDS).map(lambda w: (w, w))
    words = draw(st.lists(st.one_of(st.sampled_from(TONE_WORDS), plain), min_size=1, max_size=12))
    new, old = [], []
    for a, b in words:
        case = draw(st.sampled_from([str, str.upper, str.lower, str.capitalize]))
        new.append(case(a))
        old.append(case(b))
    seps = draw(st.lists(st.sampled_from([" ", "  ", "\u00a0", "\t", "\n", " \n "]), min_size=1, max_size=4))
    sep_new = [seps[i % len(seps)] for i in range(len(new))]
    form = draw(st.sampled_from(["NFC", "NFD"]))
    a = unicodedata.normalize(form, "".join(w + s for w, s in zip(new, sep_new, strict=True)))
    b = " ".join(old)
    return a, b


@PROPS
@given(tone_variants())
def test_fold_tone_case_space_and_form_insensitive(pair):
    a, b = pair
    assert fold(a) == fold(b)
    assert fold(a) == fold(b.upper()) == fold(b.lower())


# --- well-formed documents built from pieces ----------------------------------------------------------------

ISSUERS = [("ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN"), ("ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"),
           ("ỦY BAN NHÂN DÂN", "HUYỆN NA RÌ"), ("UỶ BAN NHÂN DÂN", "TỈNH THỪA THIÊN HUẾ"),
           ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI")]
PLACES = ["Bắc Kạn", "Lạng Sơn", "Na Rì", "Hà Nội", "Thành phố Hồ Chí Minh", "Đắk Lắk", "Thừa Thiên Huế"]
TITLES = ["Triển khai công tác chuyển đổi số năm 2024",
          "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025",
          "PHÁT TRIỂN VĂN HÓA ĐỌC TRONG CỘNG ĐỒNG", "Tổ chức các hoạt động kỷ niệm ngày Quốc khánh",
          "TRIỂN KHAI CÔNG TÁC PHÒNG, CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN"]
# headings ending in a number word ("HẰNG NĂM") are left out: see test_heading_ending_in_number_word
HEADINGS = ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG THỰC HIỆN", "NHIỆM VỤ VÀ GIẢI PHÁP", "KINH PHÍ THỰC HIỆN",
            "TỔ CHỨC THỰC HIỆN", "CHỈ TIÊU", "PHÂN CÔNG NHIỆM VỤ", "CHẾ ĐỘ BÁO CÁO", "THỜI GIAN, ĐỊA ĐIỂM",
            "SƠ KẾT, TỔNG KẾT GIAI ĐOẠN"]
SENTENCES = [
    "Sở Tài chính chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu bố trí kinh phí thực hiện "
    "Kế hoạch theo khả năng cân đối ngân sách của tỉnh.",
    "Các cơ quan, đơn vị, địa phương xác định rõ chức năng, nhiệm vụ, trách nhiệm cụ thể của người đứng đầu "
    "và chủ động tổ chức quán triệt đầy đủ, sâu sắc nội dung Kế hoạch này.",
    "Ủy ban nhân dân các huyện, thành phố chỉ đạo các phòng, ban chuyên môn triển khai thực hiện có hiệu quả "
    "các nhiệm vụ được giao, báo cáo kết quả trước ngày 15 tháng 12 hằng năm.",
    "Bảo đảm sự lãnh đạo của cấp ủy, sự quản lý thống nhất của chính quyền các cấp trong quá trình tổ chức "
    "thực hiện.",
    "Đẩy mạnh công tác thông tin, tuyên truyền trên các phương tiện thông tin đại chúng và mạng xã hội nhằm "
    "nâng cao nhận thức của cán bộ, công chức, viên chức và Nhân dân.",
    "Tăng cường kiểm tra, giám sát việc thực hiện; kịp thời biểu dương, khen thưởng các tập thể, cá nhân có "
    "thành tích xuất sắc.",
    "Thời gian thực hiện từ tháng 3 đến hết tháng 12 năm 2024.",
]
OPENINGS = ["Thực hiện Quyết định số 142/QĐ-TTg ngày 21 tháng 01 năm 2020 của Thủ tướng Chính phủ, "
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:",
            "Nhằm triển khai thực hiện có hiệu quả các nhiệm vụ trọng tâm trong năm, Ủy ban nhân dân "
            "ban hành Kế hoạch như sau:"]
SIGNERS = ["Lý Thái Hải", "Nguyễn Văn An", "Trần Thị Bích Ngọc", "Hoàng Đức Minh", "Đỗ Thị Thu Hà",
           "Lê Văn Khánh"]
RECIPIENTS = ["Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh", "Chủ tịch, các PCT UBND tỉnh",
              "Các sở, ban, ngành", "UBND các huyện, thành phố", "Báo Bắc Kạn",
              "Đài Phát thanh và Truyền hình tỉnh", "Ủy ban MTTQ Việt Nam tỉnh",
              "Bộ Văn hóa, Thể thao và Du lịch (để b/c)"]
ROMAN = ["I", "II", "III", "IV", "V", "VI"]


@dataclass
class Built:
    text: str
    number: str
    date: str
    place: str
    title: str
    sections: list[tuple[str, str]]
    signer: str
    recipients: list[str]
    options: dict = field(default_factory=dict)


def _bad_line_start(line: str) -> bool:
    """A wrapped line must not look like a unit of its own: a marker, an upper-case line, a
    closing or preamble word."""
    g = grammar()
    if g.marker_scanner.match(line) or line.isupper() or not any(c.islower() for c in line):
        return True
    if any(p.match(line) for p in g.preamble.values()) or g.closing["noi_nhan"].match(line):
        return True
    return bool(g.closing["archive"].match(line) or g.closing["authority"].match(line))


def wrap(text: str, width: int) -> list[str]:
    """Greedy hard wrap at spaces; a break that would start a line badly is moved left."""
    words = text.split(" ")
    lines: list[str] = []
    cur: list[str] = []
    for w in words:
        if cur and len(" ".join([*cur, w])) > width:
            # move words from the end of `cur` to the next line until that line starts well
            carry = [w]
            while len(cur) > 1 and _bad_line_start(" ".join(carry)):
                carry.insert(0, cur.pop())
            if _bad_line_start(" ".join(carry)):
                cur.append(w)  # no good break here: keep a longer line
                continue
            lines.append(" ".join(cur))
            cur = carry
        else:
            cur.append(w)
    lines.append(" ".join(cur))
    return lines


@st.composite
def built_documents(draw) -> Built:
    issuer = draw(st.sampled_from(ISSUERS))
    n = draw(st.integers(1, 9999))
    number = f"{n}/KH-UBND"
    place = draw(st.sampled_from(PLACES))
    date = draw(st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31)))
    pad = draw(st.booleans())
    day = f"{date.day:02d}" if pad else str(date.day)
    # 'tháng 01', 'tháng 02' as printed (NĐ 30 pads only months 1 and 2 and days 1-9)
    month = f"{date.month:02d}" if pad and date.month < 3 else str(date.month)
    title = draw(st.sampled_from(TITLES))
    headings = draw(st.lists(st.sampled_from(HEADINGS), min_size=1, max_size=6, unique=True))
    sections = [(ROMAN[i], h) for i, h in enumerate(headings)]
    items = [draw(st.lists(st.sampled_from(SENTENCES), max_size=4)) for _ in sections]
    opening = draw(st.one_of(st.none(), st.sampled_from(OPENINGS)))
    signer = draw(st.sampled_from(SIGNERS))
    recipients = draw(st.lists(st.sampled_from(RECIPIENTS), min_size=1, max_size=6, unique=True))
    width = draw(st.one_of(st.none(), st.integers(60, 90)))
    bold = draw(st.booleans())
    cells = draw(st.booleans())
    rules = draw(st.booleans())
    blank = draw(st.booleans())
    closing_first = draw(st.sampled_from(["signature", "noi_nhan"]))

    def b(s: str) -> str:
        return f"**{s}**" if bold else s

    def running(s: str) -> list[str]:
        return wrap(s, width) if width else [s]

    gap = [""] if blank else []
    cell = ["|"] if cells else []
    out: list[str] = [issuer[0], issuer[1]]
    out += ["-------"] if rules else []
    out += cell + ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    out += ["---------------"] if rules else []
    out += cell + [f"Số: {number}"]
    out += cell + [f"{place}, ngày {day} tháng {month} năm {date.year}"] + cell + gap
    out += [b("KẾ HOẠCH"), b(title) if title.isupper() else title] + gap
    if opening:
        out += running(opening) + gap
    for (label, heading), its in zip(sections, items, strict=True):
        out.append(b(f"{label}. {heading}"))
        for k, sentence in enumerate(its, 1):
            out += running(f"{k}. {sentence}")
        out += gap
    signature = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", *gap, signer]
    noi_nhan = ["Nơi nhận:", *[f"- {r};" for r in recipients], "- Lưu: VT."]
    if closing_first == "signature":
        out += signature + gap + cell + noi_nhan
    else:
        out += noi_nhan + cell + signature
    text = "\n".join(out) + "\n"
    return Built(text, number, date.isoformat(), place, title, sections, signer, recipients,
                 dict(width=width, bold=bold, cells=cells, rules=rules, blank=blank, closing=closing_first))


def test_wrap_helper():
    text = "Sở Tài chính chủ trì, phối hợp với các cơ quan 1. đơn vị - liên quan a) tham mưu bố trí"
    lines = wrap(text, 20)
    assert len(lines) > 3
    assert all(not _bad_line_start(x) for x in lines[1:])
    assert " ".join(lines) == text


@PROPS
@given(built_documents())
def test_built_document_is_read_back(built):
    doc = vbhc.parse(built.text)
    text = built.text
    assert doc.number is not None and doc.number.raw == built.number
    assert doc.date == built.date
    labelled = [n for n in doc.body if n.label]
    assert [n.label for n in labelled] == [label for label, _ in built.sections]
    assert doc.signatures and doc.signatures[0].name == built.signer
    assert [r.name for r in doc.recipients] == built.recipients
    # the spans of what was found point at it in the input
    check_spans(doc, text)
    assert built.number in text[doc.number.span.start:doc.number.span.end]
    sig = doc.signatures[0].span
    assert built.signer in text[sig.start:sig.end]
    for node, (label, _) in zip(labelled, built.sections, strict=True):
        assert text[node.span.start:node.span.end].lstrip("*").startswith(f"{label}. ")
    for r in doc.recipients:
        assert r.name in text[r.span.start:r.span.end]


def _heading_doc(heading: str, follow: str) -> str:
    body = ["I. MỤC ĐÍCH, YÊU CẦU", f"II. {heading}"]
    if follow == "item":
        body.append("1. Thời gian thực hiện từ tháng 3 đến hết tháng 12 năm 2024.")
    body.append("III. TỔ CHỨC THỰC HIỆN")
    return "\n".join(["ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                      "Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-UBND", "Bắc Kạn, ngày 5 tháng 3 năm 2024",
                      "KẾ HOẠCH", "Triển khai công tác chuyển đổi số năm 2024", *body,
                      "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lý Thái Hải", "Nơi nhận:", "- Các sở, ban, ngành;",
                      "- Lưu: VT."])


def _check_heading(heading: str, follow: str) -> None:
    doc = vbhc.parse(_heading_doc(heading, follow))
    sections = [n for n in doc.body if n.label]
    assert [(n.label, n.title) for n in sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", heading), ("III", "TỔ CHỨC THỰC HIỆN")]
    assert [c.label for c in sections[1].children] == (["1"] if follow == "item" else [])


# a heading that ends in a word after which a wrapped sentence goes on (orthography.toml `dangling`)
@pytest.mark.parametrize("heading", ["THỜI GIAN, ĐỊA ĐIỂM", "CĂN CỨ", "SƠ KẾT, TỔNG KẾT GIAI ĐOẠN"])
@pytest.mark.parametrize("follow", ["section", "item"])
def test_heading_ending_in_dangling_word(heading, follow):
    _check_heading(heading, follow)


@pytest.mark.parametrize("heading", ["CHẾ ĐỘ BÁO CÁO HẰNG NĂM", "NHIỆM VỤ TRỌNG TÂM TRONG THÁNG"])
@pytest.mark.parametrize("follow", ["section", "item"])
def test_heading_ending_in_number_word(heading, follow):
    _check_heading(heading, follow)


@PROPS
@given(built_documents())
def test_built_document_header_and_headings(built):
    doc = vbhc.parse(built.text)
    assert doc.family == "administrative"
    assert doc.doc_type is not None and (doc.doc_type.code, doc.doc_type.name) == ("KH", "Kế hoạch")
    assert doc.place == built.place
    assert doc.title == built.title
    assert [(n.label, n.title) for n in doc.body if n.label] == built.sections
    assert doc.signatures[0].position == "CHỦ TỊCH" and doc.signatures[0].mode == "TM"
    assert doc.archive is not None and doc.archive.units == ["VT"]
    assert not doc.errors


@FEWER
@given(built_documents(), st.sampled_from(["\r\n", "\n", "\r"]), st.sampled_from(["", "\ufeff"]))
def test_built_document_line_endings_and_bom(built, newline, bom):
    assume(newline != "\n" or bom)
    text = bom + built.text.replace("\n", newline)
    doc = vbhc.parse(text)
    assert doc.number is not None and doc.number.raw == built.number
    assert doc.date == built.date
    assert [r.name for r in doc.recipients] == built.recipients
    check_spans(doc, text)
    assert built.number in text[doc.number.span.start:doc.number.span.end]
    sig = doc.signatures[0].span
    assert built.signer in text[sig.start:sig.end]


# --- nothing dropped ------------------------------------------------------------------------------

_MARKUP = set("*|#\\-–—_=.,;:+")  # markdown residue, cell separators, drawn rules, bare punctuation
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"}  # what normalisation removes or makes a space


def check_nothing_dropped(doc: Document, text: str) -> None:
    """Between the first and the last node of the preamble and body, every character that
    is not white space or markup lies inside some node's span: what no rule knows becomes a
    paragraph, it is never dropped."""
    nodes = [*doc.preamble, *doc.body]
    if not nodes:
        return
    covered = bytearray(len(text) + 1)
    for top in nodes:
        for node in top.walk():
            covered[node.span.start:node.span.end] = b"\x01" * (node.span.end - node.span.start)
    lo = min(n.span.start for n in nodes)
    hi = max(n.span.end for n in nodes)
    lost = [i for i in range(lo, hi) if not covered[i] and not text[i].isspace() and text[i] not in _MARKUP
            and unicodedata.category(text[i]) not in _INVISIBLE]
    assert not lost, f"characters outside every node: {[text[i] for i in lost[:20]]} at {lost[:5]}"


@FEWER
@given(arbitrary_text)
def test_nothing_dropped_in_arbitrary_text(text):
    check_nothing_dropped(vbhc.parse(text), text)


@pytest.mark.parametrize("path", sorted(CORPUS.rglob("*.txt")), ids=lambda p: p.name)
def test_nothing_dropped_in_corpus(path):
    text = path.read_text(encoding="utf-8")
    check_nothing_dropped(vbhc.parse(text), text)


@pytest.mark.parametrize("text", [
    "\n" * 100_000, "x" * 5_000_000, "Điều 1. " + "a " * 2_000_000, "\u202e\u200fSố: 1/TB-UBND\u202c\n" * 50,
    "\ud800\udfff".encode("utf-16", "surrogatepass").decode("utf-16", "replace"),
    "".join(chr(c) for c in range(0, 0x250)) * 20, "\x00\x01\x02\x1b[31m\x7f" * 1000,
], ids=["100k-newlines", "5MB-line", "5MB-words", "rtl-marks", "surrogate-pair", "all-low-code-points", "controls"])
def test_parse_extreme_inputs(text):
    doc = vbhc.parse(text)
    check_spans(doc, text)
    check_round_trip(doc)


@FEWER
@given(built_documents())
def test_nothing_dropped_in_generated_documents(built):
    check_nothing_dropped(vbhc.parse(built.text), built.text)


def _line_state(ln) -> tuple:
    return tuple(getattr(ln, k) for k in ln.__slots__)


TOKEN_PIECES = ["1. Mục tiêu", "a) Sở Nội vụ", "- rà soát", "+ kiểm tra", "Điều 2.", "**", "*", "|", "#", "\\*", "\\-", "1\\.",
                "-----", "* * *", "  ", " ", "\t", "CHƯƠNG I", "Nơi nhận:", "văn bản", "\n", "\n\n", "## Tiêu đề"]


@PROPS
@given(st.one_of(st.lists(st.sampled_from(TOKEN_PIECES), max_size=30).map("".join), norm_text))
def test_tokenizer_shortcut_gives_the_general_paths_lines(text):
    # the common line (no `|`, no `*`) takes a shorter path through lines.tokenize
    from vbhc.lines import tokenize

    text = normalize(text).text
    for markdown in (True, False):
        fast = tokenize(text, grammar(), markdown)
        slow = tokenize(text, grammar(), markdown, _shortcut=False)
        assert [_line_state(a) for a in fast] == [_line_state(b) for b in slow]
