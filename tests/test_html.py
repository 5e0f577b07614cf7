"""The HTML reader: a saved web page becomes the document's text, the page's furniture left
out, laid out as a browser shows it, every run of text traced to its element and its look.

Fixtures in ``fixtures/html/`` are synthetic pages written for these tests in the shape of
the sites they imitate (vbpl.vn, thuvienphapluat.vn, a provincial portal, an old
windows-1258 site); the expected values below are the ones written into those pages. The
real vbpl.vn pages of ``../shared/corpus/vbpl`` are checked against the site's own label of
each document (its breadcrumb: "Nghị định số 28/2026/NĐ-CP Quy định …")."""

from __future__ import annotations

import re
import time
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from conftest import SHARED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vbhc.document import parse
from vbhc.errors import InputError
from vbhc.html_reader import read_html
from vbhc.models import Document
from vbhc.source import Source

FIXTURES = Path(__file__).parent / "fixtures" / "html"
VBPL = SHARED / "corpus" / "vbpl"
VBPL_PAGES = sorted(VBPL.glob("*.html")) if VBPL.is_dir() else []

PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def _read(name: str) -> Source:
    path = FIXTURES / name
    return read_html(path.read_bytes(), str(path))


@cache
def _parsed(name: str) -> Document:
    return parse(_read(name).text)


def _html(body: str) -> Source:
    return read_html(body.encode("utf-8"), "snippet.html")


def _pieces(src: Source, text: str) -> list:
    """The pieces whose text is exactly ``text``."""
    return [p for p in src.pieces if src.text[p.start:p.end] == text]


def _labels(nodes) -> list[str | None]:
    return [n.label for n in nodes]


# --- the documents in the synthetic pages ---------------------------------------------------

EXPECTED = {
    "vbpl-quyet-dinh.html": {
        "number": "37/2025/QĐ-UBND", "doc_type": "Quyết định", "issuer": "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
        "date": "2025-07-14", "place": "Thái Nguyên",
        "title": "Ban hành Quy chế quản lý và sử dụng hệ thống thư điện tử công vụ trên địa bàn tỉnh Thái Nguyên",
        "signer": "Nguyễn Thanh Bình", "mode": "KT", "prefixes": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
        "position": "PHÓ CHỦ TỊCH",
        "recipients": ["Như Điều 3", "Bộ Khoa học và Công nghệ",
                    "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính - Bộ Tư pháp",
                    "Thường trực Tỉnh ủy"],
        "archive": ["VT", "KGVX"], "sections": ["Điều 1", "Điều 2", "Điều 3"]},
    "tvpl-ke-hoach.html": {
        "number": "212/KH-UBND", "doc_type": "Kế hoạch", "issuer": "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
        "date": "2025-09-05", "place": "Hà Tĩnh",
        "title": "Triển khai thực hiện chuyển đổi số trong cơ quan nhà nước tỉnh Hà Tĩnh năm 2025",
        "signer": "Trần Văn Hùng", "mode": "KT", "prefixes": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
        "position": "PHÓ CHỦ TỊCH",
        "recipients": ["Bộ Khoa học và Công nghệ", "TT Tỉnh ủy, TT HĐND tỉnh", "Chủ tịch, các PCT UBND tỉnh",
                    "Các sở, ban, ngành"],
        "archive": ["VT", "KGVX"], "sections": ["I", "II", "III"]},
    "generic-cong-van.html": {
        "number": "86/UBND-VP", "doc_type": "Công văn", "issuer": "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
        "date": "2025-10-20", "place": "Tân Lập",
        "title": "triển khai công tác phòng, chống thiên tai mùa mưa bão năm 2025",
        "signer": "Lê Văn Nam", "mode": "KT", "prefixes": ["KT. CHỦ TỊCH"], "position": "PHÓ CHỦ TỊCH",
        "recipients": ["Như trên", "Đảng ủy xã"], "archive": ["VT"], "sections": ["1", "2", "3"]},
    "legacy-windows-1258.html": {
        "number": "318/TB-UBND", "doc_type": "Thông báo", "issuer": "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
        "date": "2025-11-11", "place": "Quảng Trị",
        "title": "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc về tiến độ giải ngân vốn đầu tư công",
        "signer": "Hoàng Thị Thu", "mode": "TL", "prefixes": ["TL. CHỦ TỊCH"], "position": "CHÁNH VĂN PHÒNG",
        "recipients": ["Các sở, ngành liên quan"], "archive": ["VT", "TH"], "sections": ["1", "2"]},
}

# Text every one of these pages shows outside the document (menus, tabs, log-in prompts,
# footers) or hides in scripts, templates and hidden elements: none of it is document text.
CHROME = {
    "vbpl-quyet-dinh.html": ["Đăng nhập", "Đăng ký tài khoản", "Trang chủ", "Toàn văn", "Thuộc tính", "Lược đồ",
                             "Tải về", "Xem thêm", "Ngày có hiệu lực", "Tình trạng hiệu lực",
                             "Văn bản liên quan", "Bình luận", "Gửi ý kiến", "Nhập ý kiến", "Bản quyền",
                             "Hotline", "JavaScript", "__next_f", "webpack", "Cơ sở dữ liệu quốc gia",
                             "ant-btn", "margin"],
    "tvpl-ke-hoach.html": ["Đăng nhập", "Đăng ký", "THƯ VIỆN PHÁP LUẬT", "Trang chủ", "Hỏi đáp", "Tìm kiếm",
                           "Số hiệu", "Loại văn bản", "Người ký", "Ngày hiệu lực", "Tóm tắt", "Tiếng Anh",
                           "Lược đồ", "Tải về", "Chia sẻ", "In văn bản", "bản dịch", "Văn bản liên quan",
                           "Bản quyền", "Liên hệ", "Tên truy cập", "VIEWSTATE", "ShowLogin", "function",
                           "năm 2025 chuyển đổi số tỉnh Hà Tĩnh"],
    "generic-cong-van.html": ["Đăng nhập", "Tìm kiếm", "cookie", "Đồng ý", "Trang chủ", "Giới thiệu",
                              "Văn bản chỉ đạo", "Đăng ngày", "Lượt xem", "Chia sẻ", "In trang", "Từ khóa",
                              "Ý kiến bạn đọc", "Gửi", "Tin liên quan", "Thông báo lịch", "Thống kê truy cập",
                              "Bản quyền", "Địa chỉ", "Cổng thông tin", "DOMContentLoaded", "console",
                              "Nhập từ khóa"],
    "legacy-windows-1258.html": ["Trang chủ", "Đăng nhập", "Văn bản quy phạm pháp luật", "Bản quyền",
                                 "Sở Tư pháp"],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_parses_to_what_the_page_says(name: str):
    want = EXPECTED[name]
    doc = _parsed(name)
    assert doc.number is not None and doc.number.raw == want["number"]
    assert doc.doc_type is not None and doc.doc_type.name == want["doc_type"]
    assert doc.issuer.name == want["issuer"]
    assert doc.date == want["date"]
    assert doc.place == want["place"]
    assert doc.title == want["title"]
    assert len(doc.signatures) == 1
    sig = doc.signatures[0]
    assert (sig.name, sig.mode, sig.prefixes, sig.position) == (
        want["signer"], want["mode"], want["prefixes"], want["position"])
    assert [r.name for r in doc.recipients if r.source == "noi_nhan"] == want["recipients"]
    assert doc.archive is not None and doc.archive.units == want["archive"]
    assert _labels(n for n in doc.body if n.label) == want["sections"]
    assert not doc.errors


@pytest.mark.parametrize("name", sorted(CHROME))
def test_page_furniture_is_not_document_text(name: str):
    raw = (FIXTURES / name).read_bytes()
    page = unicodedata.normalize("NFC", raw.decode(_read(name).encoding or "utf-8"))
    text = _read(name).text
    for words in CHROME[name]:
        assert words in page, f"fixture {name} lost its furniture {words!r}"
        assert words not in text, f"{words!r} leaked into the text of {name}"


def test_vbpl_fixture_details():
    src = _read("vbpl-quyet-dinh.html")
    doc = _parsed("vbpl-quyet-dinh.html")
    assert src.format == "html" and src.encoding == "utf-8"
    # the header table is read column by column, each paragraph's <br> a line of its own
    assert src.text.startswith("ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\nSố: 37/2025/QĐ-UBND\n|\n"
                               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                               "Thái Nguyên, ngày 14 tháng 7 năm 2025\n|\n")
    assert doc.authority == "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"
    assert [n.kind for n in doc.preamble] == ["basis", "basis", "basis", "proposal", "operative"]
    # the <ol type="a"> items print no letter: the reader writes the ones the list shows
    assert "\na) Quyết định số 12/2019/QĐ-UBND" in src.text
    assert "\nb) Quyết định số 08/2021/QĐ-UBND" in src.text
    article2 = doc.body[1]
    assert [(n.kind, n.label) for n in article2.children if n.kind == "point"] == [("point", "a"), ("point", "b")]
    assert {r.number for r in doc.references} >= {"42/2022/NĐ-CP", "12/2019/QĐ-UBND", "08/2021/QĐ-UBND"}


def test_tvpl_fixture_task_table():
    src = _read("tvpl-ke-hoach.html")
    doc = _parsed("tvpl-ke-hoach.html")
    # a data table: cells between `|` lines, two between rows
    assert "\n|\nSTT\n|\nNhiệm vụ\n|\nCơ quan chủ trì\n|\nCơ quan phối hợp\n|\nThời gian hoàn thành\n|\n|\n1\n|\n" in src.text
    rows = {(tuple(a.lead), tuple(a.partners), a.task) for a in doc.assignments}
    assert (("Sở Khoa học và Công nghệ",), ("Văn phòng Ủy ban nhân dân tỉnh",),
            "Nâng cấp Cổng dịch vụ công của tỉnh") in rows
    assert (("Sở Nội vụ",), ("Sở Tài chính",), "Số hóa hồ sơ cán bộ, công chức") in rows
    # text wrapped in the page's source is one line, white space collapsed
    assert ("Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng "
            "đến năm 2030; Ủy ban nhân dân tỉnh ban hành") in src.text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" in src.text


def test_generic_page_reads_the_body_without_its_furniture():
    src = _read("generic-cong-van.html")
    doc = _parsed("generic-cong-van.html")
    assert any(code == "html.root" for code, _ in src.notes)
    assert src.text.startswith("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\n")
    assert doc.addressees == ["Các thôn, tổ dân phố", "Các trường học trên địa bàn xã"]
    # list-style: none, items that print their own dash: no second marker
    assert "\n- Các thôn, tổ dân phố;\n" in src.text and "- - " not in src.text
    # an <ol> without numbers in its text gets them back
    assert "\n1. Rà soát các khu vực" in src.text
    assert "\n3. Các trường học bảo đảm" in src.text
    assert doc.signatures[0].placeholder == "(Đã ký)"


# --- pieces: where each run came from and how it looked -------------------------------------

@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pieces_cover_the_text(name: str):
    src = _read(name)
    text = src.text
    assert src.pieces
    covered = [False] * len(text)
    last_end = 0
    for p in src.pieces:
        assert 0 <= p.start < p.end <= len(text)
        assert p.start >= last_end, "pieces overlap or are out of order"
        last_end = p.end
        assert isinstance(p.where.get("element"), str) and p.where["element"]
        assert "\n" not in text[p.start:p.end]
        for i in range(p.start, p.end):
            covered[i] = True
    # everything that is not a run is a line end or a table cell's `|`
    assert {ch for ch, c in zip(text, covered) if not c} <= {"\n", "|"}
    # no line starts or ends in white space, none is empty but the one that ends a data table
    lines = text.split("\n")[:-1]
    for k, line in enumerate(lines):
        assert line == line.strip() and "  " not in line
        assert line or (k and lines[k - 1] == "|")


def test_run_text_and_style():
    src = _html('<div class="content1"><p align="center" style="font-size:14px">Hello <b>bold</b> '
                '<i>it</i>&nbsp;&nbsp;&nbsp;end<br>next\n   line</p>'
                '<p style="text-align:right"><span style="font-weight:bold">B</span>'
                '<span style="font-weight:normal; font-style:italic; font-size:13pt">I</span></p></div>')
    assert src.text == "Hello bold it end\nnext line\nBI\n"
    runs = [(src.text[p.start:p.end], p.where["element"], p.style.bold, p.style.italic, p.style.size,
             p.style.align) for p in src.pieces]
    assert runs == [
        ("Hello ", "div.content1/p[1]", None, None, 10.5, "center"),
        ("bold", "div.content1/p[1]", True, None, 10.5, "center"),
        (" ", "div.content1/p[1]", None, None, 10.5, "center"),
        ("it", "div.content1/p[1]", None, True, 10.5, "center"),
        (" end", "div.content1/p[1]", None, None, 10.5, "center"),
        ("next line", "div.content1/p[1]", None, None, 10.5, "center"),
        ("B", "div.content1/p[2]", True, None, None, "right"),
        ("I", "div.content1/p[2]", False, True, 13.0, "right"),
    ]


def test_fixture_styles_and_paths():
    src = _read("vbpl-quyet-dinh.html")
    root = "div[data-vbpl-content-root]"
    [title] = _pieces(src, "QUYẾT ĐỊNH")
    assert title.style.bold and title.style.align == "center" and title.style.size == 10.5
    assert title.where["element"].startswith(root + "/p[")
    [date] = _pieces(src, "Thái Nguyên, ngày 14 tháng 7 năm 2025")
    # align="right" is overridden by the paragraph's own text-align: center
    assert date.style.italic and not date.style.bold and date.style.align == "center"
    assert date.where["element"] == root + "/div[1]/table[1]/tr[2]/td[2]/p[1]"
    [number] = _pieces(src, "Số: 37/2025/QĐ-UBND")
    assert number.where["element"] == root + "/div[1]/table[1]/tr[2]/td[1]/p[1]"
    assert not number.style.bold
    [basis] = _pieces(src, "Căn cứ Luật Giao dịch điện tử ngày 22 tháng 6 năm 2023;")
    assert basis.style.italic and not basis.style.bold
    [noi_nhan] = _pieces(src, "Nơi nhận:")
    assert noi_nhan.style.bold and noi_nhan.style.italic and noi_nhan.style.size == 9.0
    [marker] = _pieces(src, "a) ")
    assert marker.where.get("generated") == "list-marker"
    assert marker.where["element"].endswith("/ol[1]/li[1]")
    [signer] = _pieces(src, "Nguyễn Thanh Bình")
    assert signer.style.bold and signer.style.align == "center"
    assert src.locate(signer.start, signer.end) == [signer]


# --- lists ----------------------------------------------------------------------------------

def test_ordered_lists_get_their_numbers():
    src = _html("<ol><li>Một</li><li>Hai<ol type='a'><li>con a</li><li>con b</li></ol></li></ol>"
                "<ol start='3'><li>Ba</li><li value='7'>Bảy</li><li>Tám</li></ol>"
                "<ol type='I'><li>MỤC ĐÍCH</li><li>NỘI DUNG</li></ol>"
                "<ol reversed><li>hai</li><li>một</li></ol>"
                "<ol style='list-style-type: lower-alpha'><li>alpha</li></ol>"
                "<ol><li>1. đã có số</li><li>b) đã có chữ</li><li>Điều 5. Đã có điều</li></ol>"
                "<ul><li>gạch</li><li>- đã có gạch</li></ul>"
                "<ol style='list-style: none'><li>không số</li></ol>")
    assert src.text.split("\n")[:-1] == [
        "1. Một", "2. Hai", "a) con a", "b) con b",
        "3. Ba", "7. Bảy", "8. Tám",
        "I. MỤC ĐÍCH", "II. NỘI DUNG",
        "2. hai", "1. một",
        "a) alpha",
        "1. đã có số", "b) đã có chữ", "Điều 5. Đã có điều",
        "- gạch", "- đã có gạch",
        "không số",
    ]


# --- tables ---------------------------------------------------------------------------------

def test_nested_and_boxing_tables():
    # a table that only boxes the page in is read as its content; the tables inside it stay tables
    src = _html("<table><tr><td><p>Mở đầu</p><table><tr><td>A</td><td>B</td></tr>"
                "<tr><td>C</td><td>D</td></tr></table></td></tr></table>")
    assert src.text == "Mở đầu\n|\nA\n|\nB\n|\n|\nC\n|\nD\n|\n\n"  # an empty line ends a data table
    # a table inside a cell of a data table gives its paragraphs to that cell, in reading order
    src = _html("<table><tr><td>x</td><td>y</td><td>z</td></tr><tr><td>1</td><td><table>"
                "<tr><td>p</td><td>q</td></tr></table></td><td>3</td></tr></table>")
    assert src.text == "|\nx\n|\ny\n|\nz\n|\n|\n1\n|\np\nq\n|\n3\n|\n\n"
    # colspan and rowspan: cells kept in order, not replicated; <th> is bold and centred
    src = _html("<table><tr><th colspan=2>Tiêu đề</th><th>Ghi chú</th></tr>"
                "<tr><td rowspan=2>1</td><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>")
    assert src.text == "|\nTiêu đề\n|\nGhi chú\n|\n|\n1\n|\na\n|\nb\n|\n|\nc\n|\nd\n|\n\n"
    [th] = _pieces(src, "Tiêu đề")
    assert th.style.bold and th.style.align == "center"


# --- finding the document -------------------------------------------------------------------

def test_vbpl_root_wins_over_containers_and_chrome_inside_is_dropped():
    src = _html('<div class="content1">Không phải văn bản</div>'
                '<div data-vbpl-content-root="true"><p>Văn bản</p><script>x="Đăng nhập"</script>'
                '<p style="display:none">ẩn</p><div class="share-box">Chia sẻ</div><p hidden>ẩn 2</p></div>')
    assert src.text == "Văn bản\n"
    assert src.pieces[0].where["element"] == "div[data-vbpl-content-root]/p[1]"


def test_container_from_the_grammar_and_empty_containers_skipped():
    src = _html('<div id="divContentDoc"></div><div class="content1"><p>Nội dung</p></div><p>Ngoài</p>')
    assert src.text == "Nội dung\n"
    assert src.pieces[0].where["element"] == "div.content1/p[1]"


def test_a_form_is_furniture_unless_it_wraps_the_page():
    text = "<p>Điều 1. " + "Nội dung của văn bản. " * 40 + "</p>"
    src = _html(f'<form action="/search"><p>Tìm kiếm văn bản</p><input name="q"></form>'
                f'<form id="aspnetForm" method="post">{text}</form>')
    assert src.text.startswith("Điều 1. Nội dung") and "Tìm kiếm" not in src.text
    assert src.pieces[0].where["element"] == "body/form[2]/p[1]"


def test_whole_body_when_a_wrapper_looks_like_furniture():
    # a page whose one wrapper has a furniture-like class is still read (rather than nothing)
    src = _html('<div class="menu-layout"><p>Chỉ có văn bản này</p></div>')
    assert src.text == "Chỉ có văn bản này\n"


# --- decoding -------------------------------------------------------------------------------

def test_windows_1258_page():
    raw = (FIXTURES / "legacy-windows-1258.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the declaration has to be read: the bytes are not UTF-8
    src = _read("legacy-windows-1258.html")
    assert src.encoding == "cp1258"
    # windows-1258 writes tones as combining marks; the text is composed (NFC)
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" in src.text
    assert "Hoàng Thị Thu" in src.text


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _cp1258(text: str) -> bytes:
    """Vietnamese in windows-1258: a base letter the code page has, then the tone mark."""
    out = bytearray()
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
        out += base.encode("cp1258") + "".join(c for c in d if c in _TONES).encode("cp1258")
    return bytes(out)


def test_a_page_in_a_vietnamese_code_page_without_a_charset_is_read_as_a_text_file_would_be():
    body = ("<html><body><p>ỦY BAN NHÂN DÂN TỈNH BẮC KẠN</p><p>Số: 155/KH-UBND</p><p>Bắc Kạn, ngày 27 tháng 3 năm "
            "2020</p><p>KẾ HOẠCH</p><p>Thực hiện nhiệm vụ phát triển kinh tế - xã hội của tỉnh trong năm 2020</p>"
            "</body></html>")
    src = read_html(_cp1258(body), "x.html")
    assert "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN" in src.text and src.encoding == "cp1258"
    assert any(code == "html.charset" for code, _ in src.notes)
    with pytest.raises(InputError):  # bytes that are no Vietnamese code page still fail
        read_html(b"<p>" + bytes(range(0x80, 0x100)) * 4 + b"</p>", "x.html")


def test_meta_charset_and_boms():
    body = "<html><head><meta charset='windows-1258'></head><body><p>Số: 5/TB-UBND – Đông Hưng</p></body></html>"
    assert read_html(_cp1258(body), "x.html").text == "Số: 5/TB-UBND – Đông Hưng\n"
    body = "<p>Tiếng Việt</p>"
    assert read_html(b"\xef\xbb\xbf" + body.encode(), "x.html").text == "Tiếng Việt\n"
    assert read_html(body.encode("utf-16"), "x.html").text == "Tiếng Việt\n"
    # a label a browser reads as windows-1252
    src = read_html(b'<meta charset="iso-8859-1"><p>caf\xe9</p>', "x.html")
    assert src.text == "café\n" and src.encoding == "cp1252"
    # a saved page that declares windows-1258 but whose bytes are UTF-8 (the server said so)
    src = read_html('<meta charset="windows-1258"><p>Hà Nội</p>'.encode(), "x.html")
    assert src.text == "Hà Nội\n" and src.encoding == "utf-8"
    assert any(code == "html.charset" for code, _ in src.notes)
    # a codec of Python's that is not a text encoding is an unknown label
    assert read_html(b'<meta charset="base64"><p>ok</p>', "x.html").text == "ok\n"
    # an unknown label: UTF-8, and a note says so
    src = read_html('<meta charset="x-unknown-vn"><p>Đã ký</p>'.encode(), "x.html")
    assert src.text == "Đã ký\n" and any(code == "html.charset" for code, _ in src.notes)


def test_undecodable_bytes_raise_input_error():
    with pytest.raises(InputError) as err:
        read_html(b"<p>caf\xe9 \xff</p>", "bad.html")
    assert err.value.code == "encoding" and err.value.path == "bad.html"
    assert "\n" not in str(err.value) and "0xe9" in err.value.cause
    # a declared charset that the bytes do not fit either
    with pytest.raises(InputError) as err:
        read_html(b'<meta charset="utf-8"><p>\xc3\x28</p>', "bad.html")
    assert err.value.code == "encoding"


# --- broken markup --------------------------------------------------------------------------

BROKEN = [
    "", "<", "<p", "</", "<<>>", "<p>a<p>b", "</p></p></div>", "<table><td>x", "<tr><td>y</tr>", "<li>z",
    "<![if !supportLists]>1.<![endif]> Mục", "<![foo[ x ]]>", "<!x>", "<!-- unterminated", "<!DOCTYPE",
    "<script>never closed", "<style>p{}", "<textarea>", "<b><i>x</b></i>", "&", "&#", "&#xZZ;", "&nbsp",
    "<br/></br>", "<td>cell</td>", "<table><caption>Bảng</caption><tr><th>A</th></tr></table>",
    "<table>text<tr><td>x</td></tr></table>", "<ol start='x' type='Q'><li value='-'>a</li></ol>",
    "<p style='font-size: large; font-weight: 900; text-align: justify'>s</p>", "<font size='+2'>f</font>",
    "<div>" * 600 + "sâu" + "</div>" * 600, "<b>" * 2000 + "đậm", "<table>" * 300 + "t",
    "<ol>" + "<li>x<ol>" * 300 + "y", "<pre>  a\n   b\n</pre>", "\x00\x01<p>\x00</p>", "<p>\u0301</p>",
]


@pytest.mark.parametrize("html", BROKEN, ids=range(len(BROKEN)))
def test_broken_markup_does_not_raise(html: str):
    src = _html(html)
    for p in src.pieces:
        assert 0 <= p.start < p.end <= len(src.text)
    parse(src.text)


TOKENS = ["<p>", "</p>", "<div>", "</div>", "<br>", "<b>", "</b>", "<i>", "</i>", "<table>", "</table>", "<tr>",
          "</tr>", "<td>", "</td>", "<th colspan=2>", "<ol type='a'>", "<ul>", "</ol>", "<li>", "</li>",
          "<span style='display:none'>", "</span>", "<script>", "</script>", "<style>", "<!--", "-->",
          "<![if x]>", "<![endif]>", "<!x", ">", "<", "&nbsp;", "&amp;", "&#", "\n", " ", "\u00a0",
          "<div data-vbpl-content-root>", "<div class='content1'>", "<nav>", "<pre>", "</pre>",
          "Số: 1/KH-UBND", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI", "chữ", "|", "ư\u0301"]


@PROPS
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=8), max_size=60))
def test_token_soup_never_raises(parts: list[str]):
    src = _html("".join(parts))
    starts = [p.start for p in src.pieces]
    assert starts == sorted(starts)
    for p in src.pieces:
        assert 0 <= p.start < p.end <= len(src.text)
    lines = src.text.split("\n")[:-1]
    for k, line in enumerate(lines):
        assert line == line.strip(" ") and (line or (k and lines[k - 1] == "|"))  # empty: a table ended


@PROPS
@given(st.text())
def test_arbitrary_text_never_raises(text: str):
    try:
        read_html(text.encode("utf-8", "surrogatepass"), "t.html")
    except InputError:
        pass


@PROPS
@given(st.binary(max_size=300))
def test_arbitrary_bytes_raise_only_input_error(data: bytes):
    try:
        src = read_html(data, "b.html")
    except InputError as exc:
        assert exc.code in ("encoding", "html") and "\n" not in str(exc)
    else:
        assert isinstance(src.text, str)


# --- the real vbpl.vn pages -----------------------------------------------------------------

_LABEL = re.compile(r'ant-breadcrumb-link"><span[^>]*>([^<]+)</span>')
# what vbpl.vn shows around every document, and what its scripts carry
# (its style sheets: "ant-" class names, the Inter font)
VBPL_CHROME = ["Trang chủ", "Tải về", "Lược đồ", "Văn bản gốc", "Hiển thị chi tiết cập nhật", "Ngày cập nhật",
               "Văn bản quy phạm pháp luật Trung ương", "ant-", "'Inter'"]


def _words(s: str, n: int = 5) -> str:
    return " ".join(s.casefold().split()[:n])


@pytest.mark.skipif(not VBPL_PAGES, reason="../shared/corpus/vbpl is not present")
@pytest.mark.parametrize("path", VBPL_PAGES, ids=lambda p: p.name)
def test_real_vbpl_page(path: Path):
    raw = path.read_bytes()
    page = raw.decode("utf-8")
    start = time.perf_counter()
    src = read_html(raw, str(path))
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0, f"{path.name}: {elapsed:.3f} s"
    doc = parse(src.text)

    # the site's own label of the document: "<type> số <number> <title>"
    label = _LABEL.search(page)
    assert label, "the page has no breadcrumb label"
    doc_type, _, rest = label.group(1).partition(" số ")
    number, _, title = rest.partition(" ")

    assert doc.number is not None and doc.number.raw == number
    assert doc.doc_type is not None and doc.doc_type.name == doc_type
    assert doc.issuer.name and doc.issuer.name in " ".join(src.text[:200].split())
    assert doc.date is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.date)
    assert doc.number.year is not None and doc.date.startswith(str(doc.number.year))
    assert doc.title and _words(doc.title) == _words(title)
    assert doc.signatures and doc.signatures[-1].name

    for words in VBPL_CHROME:
        assert words in page
        assert words not in src.text, f"{words!r} leaked into the text of {path.name}"
    lines = src.text.split("\n")[:-1]
    for k, line in enumerate(lines):
        assert line == line.strip() and (line or lines[k - 1] == "|")  # empty: a data table ended
