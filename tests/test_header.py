"""Per-rule fixtures for the header: Số/ký hiệu, place and date, issuer, quốc hiệu,
document type and trích yếu, Kính gửi, urgency, the authority line of a Quyết định.

Every fixture is a small synthetic document assembled by :func:`make_doc`; the expected
values are read off the fixture text by hand, following GOLD-CONVENTIONS.md and
FORMAT-SPEC.md (NĐ 30/2020 for state documents, HD 36 for Party documents).
"""

from __future__ import annotations

import json
import unicodedata

import pytest

import vbhc
from vbhc.models import Document

# --------------------------------------------------------------------------- helpers

STATE_ISSUER = ("ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN")
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

BODY = (
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "Nâng cao nhận thức của cán bộ, công chức về chuyển đổi số.",
    "2. Yêu cầu",
    "Bảo đảm thiết thực, hiệu quả, đúng tiến độ.",
    "II. TỔ CHỨC THỰC HIỆN",
    "Các sở, ban, ngành triển khai thực hiện Kế hoạch này./.",
)

CLOSING = (
    "Nơi nhận:",
    "- Thường trực Tỉnh ủy;",
    "- Các sở, ban, ngành;",
    "- Lưu: VT, NCPC.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Lý Thái Hải",
)


def make_doc(
    *,
    issuer: tuple[str, ...] = STATE_ISSUER,
    national: tuple[str, ...] = (QUOC_HIEU, TIEU_NGU),
    number: str | None = "Số: 155/KH-UBND",
    date_line: str | None = "Bắc Kạn, ngày 27 tháng 3 năm 2020",
    after_date: tuple[str, ...] = (),
    type_line: str | None = "KẾ HOẠCH",
    title: tuple[str, ...] = ("Triển khai công tác chuyển đổi số năm 2020",),
    before_body: tuple[str, ...] = (),
    body: tuple[str, ...] = BODY,
    closing: tuple[str, ...] = CLOSING,
) -> str:
    """A standard document, cell by cell: issuer block, quốc hiệu and tiêu ngữ, number,
    place-date, type line and trích yếu, then the body and the closing."""
    lines: list[str] = [*issuer, *national]
    if number is not None:
        lines.append(number)
    if date_line is not None:
        lines.append(date_line)
    lines.extend(after_date)
    lines.append("")
    if type_line is not None:
        lines.append(type_line)
    lines.extend(title)
    lines.append("")
    lines.extend(before_body)
    lines.extend(body)
    lines.append("")
    lines.extend(closing)
    return "\n".join(lines) + "\n"


def parse(text: str) -> Document:
    return vbhc.parse(text)


def codes(doc: Document) -> list[str]:
    return [d.code for d in doc.diagnostics]


def nfc(s: str | None) -> str | None:
    return unicodedata.normalize("NFC", s) if s is not None else None


def all_strings(obj) -> list[str]:
    """Every string value in a JSON-like tree (to check that residue went nowhere)."""
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in all_strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in all_strings(v)]
    return []


def content_strings(doc: Document) -> list[str]:
    """String fields of the parsed document, without the diagnostics (whose messages may
    quote the input) and the source name."""
    data = json.loads(doc.to_json())
    data.pop("diagnostics", None)
    data.pop("source", None)
    return all_strings(data)


# --------------------------------------------------------------------------- Số / ký hiệu


def test_number_administrative_parts():
    doc = parse(make_doc(number="Số: 155/KH-UBND"))
    n = doc.number
    assert n is not None
    assert n.raw == "155/KH-UBND"
    assert n.number == "155"
    assert n.year is None
    assert n.symbol == "KH-UBND"
    assert n.type_code == "KH"
    assert n.issuer_code == "UBND"
    assert n.suffix is None
    assert n.form == "administrative"
    assert doc.family == "administrative"


def test_number_legal_with_year():
    doc = parse(make_doc(
        number="Số: 84/2025/QĐ-UBND",
        date_line="Bắc Kạn, ngày 15 tháng 8 năm 2025",
        type_line="QUYẾT ĐỊNH",
        title=("Ban hành Quy định quản lý cụm công nghiệp trên địa bàn tỉnh",),
    ))
    n = doc.number
    assert n is not None
    assert n.raw == "84/2025/QĐ-UBND"
    assert n.number == "84"
    assert n.year == 2025
    assert n.symbol == "QĐ-UBND"
    assert n.type_code == "QĐ"
    assert n.issuer_code == "UBND"
    assert n.form == "legal"
    assert doc.family == "legal"
    assert doc.doc_type is not None and doc.doc_type.code == "QĐ"


def test_number_legal_with_spaces_before_slash():
    # FORMAT-SPEC §1.3: "14 /2020/TT-BKHĐT" is seen in the wild; raw has spaces removed
    doc = parse(make_doc(
        issuer=("BỘ KẾ HOẠCH VÀ ĐẦU TƯ",),
        number="Số: 14 /2020/TT-BKHĐT",
        date_line="Hà Nội, ngày 31 tháng 12 năm 2020",
        type_line="THÔNG TƯ",
        title=("Hướng dẫn mẫu hồ sơ dự án đầu tư",),
    ))
    assert doc.number is not None
    assert doc.number.raw == "14/2020/TT-BKHĐT"
    assert doc.number.year == 2020
    assert doc.number.issuer_code == "BKHĐT"
    assert doc.family == "legal"
    assert doc.doc_type is not None and doc.doc_type.code == "TT"
    assert doc.doc_type.name == "Thông tư"


CONG_VAN_CUC_THUE = dict(
    issuer=("BỘ TÀI CHÍNH", "CỤC THUẾ"),
    number="Số: 5347/CT-CS",
    date_line="Hà Nội, ngày 19 tháng 11 năm 2025",
    after_date=("V/v chính sách thuế thu nhập cá nhân",),
    type_line=None,
    title=(),
    before_body=("Kính gửi: Công ty TNHH Minh Phát.",),
    body=("Cục Thuế nhận được văn bản của Công ty hỏi về chính sách thuế. "
          "Về vấn đề này, Cục Thuế có ý kiến như sau./.",),
    closing=("Nơi nhận:", "- Như trên;", "- Lưu: VT, CS.",
             "KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Nguyễn Văn Bình"),
)


def test_number_cong_van_raw_and_type():
    doc = parse(make_doc(**CONG_VAN_CUC_THUE))
    assert doc.number is not None
    assert doc.number.raw == "5347/CT-CS"
    assert doc.number.number == "5347"
    assert doc.number.year is None
    assert doc.doc_type is not None
    assert doc.doc_type.code == "CV"
    assert doc.doc_type.name == "Công văn"
    assert doc.title == "chính sách thuế thu nhập cá nhân"


def test_number_cong_van_symbol_parts():
    doc = parse(make_doc(**CONG_VAN_CUC_THUE))
    n = doc.number
    assert n is not None
    assert n.symbol == "CT-CS"
    assert n.type_code is None
    assert n.issuer_code == "CT"
    assert n.suffix == "CS"


def test_number_cong_van_unambiguous_symbol_parts():
    # "UBND-VX": no type code in a công văn's symbol (FORMAT-SPEC §1.3 example "12/UBND-VX")
    doc = parse(make_doc(
        number="Số: 12/UBND-VX",
        after_date=("V/v tăng cường phòng, chống dịch sốt xuất huyết",),
        type_line=None,
        title=(),
    ))
    n = doc.number
    assert n is not None
    assert n.raw == "12/UBND-VX"
    assert n.type_code is None
    assert n.issuer_code == "UBND"
    assert n.suffix == "VX"
    assert doc.doc_type is not None and doc.doc_type.code == "CV"


def test_number_party_without_colon():
    doc = parse(make_doc(
        issuer=("ĐẢNG BỘ TỈNH SƠN LA", "TỈNH ỦY", "*"),
        national=("ĐẢNG CỘNG SẢN VIỆT NAM",),
        number="Số 165-KH/TU",
        date_line="Sơn La, ngày 04 tháng 10 năm 2019",
        title=("thực hiện Kết luận số 52-KL/TW của Ban Bí thư",),
        closing=("Nơi nhận:", "- Các huyện ủy, thành ủy;", "- Lưu Văn phòng Tỉnh ủy.",
                 "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Hoàng Văn Chất"),
    ))
    n = doc.number
    assert n is not None
    assert n.raw == "165-KH/TU"
    assert n.number == "165"
    assert n.type_code == "KH"
    assert n.issuer_code == "TU"
    assert n.form == "party"
    assert doc.family == "party"
    assert doc.doc_type is not None and doc.doc_type.code == "KH"


def test_number_blank_before_registration():
    doc = parse(make_doc(
        number="Số:      /TB-UBND",
        type_line="THÔNG BÁO",
        title=("Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp giao ban",),
    ))
    n = doc.number
    assert n is not None
    assert n.raw == "/TB-UBND"
    assert n.number is None
    assert n.type_code == "TB"
    assert n.issuer_code == "UBND"
    assert doc.doc_type is not None and doc.doc_type.code == "TB"


def test_number_space_before_slash():
    doc = parse(make_doc(number="Số 155 /KH-UBND"))
    assert doc.number is not None
    assert doc.number.raw == "155/KH-UBND"
    assert doc.number.number == "155"
    assert doc.number.type_code == "KH"


def test_number_letter_suffix():
    # FORMAT-SPEC §3.4: "30c/NQ-CP is an administrative resolution … with a letter suffix"
    doc = parse(make_doc(
        issuer=("CHÍNH PHỦ",),
        number="Số: 30c/NQ-CP",
        date_line="Hà Nội, ngày 08 tháng 11 năm 2011",
        type_line="NGHỊ QUYẾT",
        title=("Ban hành Chương trình tổng thể cải cách hành chính nhà nước",),
    ))
    assert doc.number is not None
    assert doc.number.raw == "30c/NQ-CP"
    assert doc.number.number == "30c"
    assert doc.number.form == "administrative"


def test_number_span_points_at_the_number():
    text = make_doc(number="Số: 155/KH-UBND")
    doc = parse(text)
    assert doc.number is not None and doc.number.span is not None
    printed = text[doc.number.span.start:doc.number.span.end]
    assert printed == "155/KH-UBND"  # the number, not its "Số:" label, as a citation's span


@pytest.mark.parametrize(("line", "printed"), [
    ("**Số:** 155/KH-UBND", "155/KH-UBND"), ("Số: **155/KH-UBND**", "155/KH-UBND"),
    ("Số 155 /KH-UBND", "155 /KH-UBND"), ("Số: 3783/QĐ-\nUBND", "3783/QĐ-\nUBND"),
])
def test_number_span_is_the_number_as_printed(line, printed):
    text = make_doc(number=line)
    doc = parse(text)
    assert text[doc.number.span.start:doc.number.span.end] == printed


# --------------------------------------------------------------------------- place and date


def test_date_iso_and_place():
    doc = parse(make_doc(date_line="Bắc Kạn, ngày 27 tháng 3 năm 2020"))
    assert doc.place == "Bắc Kạn"
    assert doc.date == "2020-03-27"
    assert not [c for c in codes(doc) if c.startswith("header.date")]


def test_date_zero_padded_day_and_month():
    doc = parse(make_doc(date_line="Hà Nội, ngày 05 tháng 01 năm 2020"))
    assert doc.place == "Hà Nội"
    assert doc.date == "2020-01-05"


def test_date_place_with_several_words():
    doc = parse(make_doc(date_line="Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019"))
    assert doc.place == "Thành phố Hồ Chí Minh"
    assert doc.date == "2019-06-29"


def test_date_place_hard_wrapped():
    # GOLD-CONVENTIONS hard case: "Bắc" / "Kạn, ngày 27 tháng 3 năm 2020"
    doc = parse(make_doc(date_line="Bắc\nKạn, ngày 27 tháng 3 năm 2020"))
    assert doc.place == "Bắc Kạn"
    assert doc.date == "2020-03-27"


def test_date_year_wrapped_onto_next_line():
    doc = parse(make_doc(date_line="Hà Nội, ngày 19 tháng 11\nnăm 2025"))
    assert doc.place == "Hà Nội"
    assert doc.date == "2025-11-19"


def test_date_blank_day_gives_none_and_diagnostic():
    doc = parse(make_doc(date_line="Bắc Kạn, ngày      tháng 3 năm 2020"))
    assert doc.date is None
    assert doc.place == "Bắc Kạn"
    blank = [d for d in doc.diagnostics if d.code == "header.date.blank"]
    assert len(blank) == 1
    assert blank[0].severity in ("warning", "info")
    assert blank[0].span is not None
    assert "header.date.missing" not in codes(doc)


def test_date_impossible_gives_none_and_error():
    doc = parse(make_doc(date_line="Bắc Kạn, ngày 31 tháng 02 năm 2020"))
    assert doc.date is None
    invalid = [d for d in doc.diagnostics if d.code == "header.date.invalid"]
    assert len(invalid) == 1
    assert invalid[0].severity == "error"
    assert invalid[0] in doc.errors


def test_date_leap_day_is_valid():
    doc = parse(make_doc(date_line="Bắc Kạn, ngày 29 tháng 02 năm 2024"))
    assert doc.date == "2024-02-29"
    assert "header.date.invalid" not in codes(doc)


def test_date_missing_gives_diagnostic():
    doc = parse(make_doc(date_line=None))
    assert doc.date is None
    assert "header.date.missing" in codes(doc)


# --------------------------------------------------------------------------- issuer


@pytest.mark.parametrize(("issuer", "name", "parent"), [
    (("BỘ TÀI CHÍNH", "CỤC THUẾ"), "CỤC THUẾ", "BỘ TÀI CHÍNH"),
    (("UBND TỈNH QUẢNG NINH", "SỞ Y TẾ"), "SỞ Y TẾ", "UBND TỈNH QUẢNG NINH"),
    (("ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN"), "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", None),
    (("ỦY BAN NHÂN DÂN TỈNH BẮC NINH",), "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", None),
    (("BỘ TÀI CHÍNH", "CỤC HẢI QUAN"), "CỤC HẢI QUAN", "BỘ TÀI CHÍNH"),
    (("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"), "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", None),
    # one body wrapped over two lines, though its second line opens like an agency
    (("THỦ TƯỚNG", "CHÍNH PHỦ"), "THỦ TƯỚNG CHÍNH PHỦ", None),
    (("ỦY BAN THƯỜNG VỤ", "QUỐC HỘI"), "ỦY BAN THƯỜNG VỤ QUỐC HỘI", None),
    # a wrap inside "ỦY BAN" is no parent/issuer boundary
    (("CHỦ TỊCH ỦY", "BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"), "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", None),
    # the 2025 tax offices under Cục Thuế
    (("CỤC THUẾ", "THUẾ TỈNH TÂY NINH"), "THUẾ TỈNH TÂY NINH", "CỤC THUẾ"),
], ids=["bo-tai-chinh/cuc-thue", "ubnd-tinh/so-y-te", "ubnd-wrapped", "ubnd-one-line",
        "bo-tai-chinh/cuc-hai-quan", "ubnd-tp-hcm", "thu-tuong-wrapped", "ubtvqh-wrapped",
        "uy-ban-split", "cuc-thue/thue-tinh"])
def test_issuer_and_parent(issuer, name, parent):
    doc = parse(make_doc(issuer=issuer))
    assert doc.issuer.name == name
    assert doc.issuer.parent == parent


def test_issuer_rule_line_under_name_not_in_issuer():
    doc = parse(make_doc(issuer=("BỘ TÀI CHÍNH", "CỤC THUẾ", "-------")))
    assert doc.issuer.name == "CỤC THUẾ"
    assert doc.issuer.parent == "BỘ TÀI CHÍNH"


def test_issuer_party_with_asterisk():
    # HD 36: parent organisation, issuing body, then a lone "*"
    doc = parse(make_doc(
        issuer=("ĐẢNG BỘ TỈNH SƠN LA", "TỈNH ỦY", "*"),
        national=("ĐẢNG CỘNG SẢN VIỆT NAM",),
        number="Số 165-KH/TU",
        date_line="Sơn La, ngày 04 tháng 10 năm 2019",
    ))
    assert doc.issuer.name == "TỈNH ỦY"
    assert doc.issuer.parent == "ĐẢNG BỘ TỈNH SƠN LA"


def test_issuer_span_covers_the_issuer_lines():
    text = make_doc(issuer=("BỘ TÀI CHÍNH", "CỤC THUẾ"))
    doc = parse(text)
    assert doc.issuer.span is not None
    printed = text[doc.issuer.span.start:doc.issuer.span.end]
    assert "BỘ TÀI CHÍNH" in printed and "CỤC THUẾ" in printed
    assert "CỘNG HÒA" not in printed


# --------------------------------------------------------------------------- quốc hiệu, tiêu ngữ, family



@pytest.mark.parametrize("quoc_hieu", [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
], ids=["HÒA", "HOÀ"])
@pytest.mark.parametrize("tieu_ngu", [
    "Độc lập - Tự do - Hạnh phúc",
    "Độc lập – Tự do – Hạnh phúc",
], ids=["hyphen", "en-dash"])
def test_quoc_hieu_spellings(quoc_hieu, tieu_ngu):
    doc = parse(make_doc(national=(quoc_hieu, tieu_ngu)))
    assert doc.family == "administrative"
    assert doc.national_header == quoc_hieu  # the printed form is kept
    assert doc.motto == tieu_ngu
    # neither line leaks into the issuer or the title
    assert doc.issuer.name == "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"
    assert doc.issuer.parent is None
    assert doc.title == "Triển khai công tác chuyển đổi số năm 2020"


def test_quoc_hieu_decomposed_unicode():
    # the same text in NFD (combining marks) parses like the NFC text
    text = unicodedata.normalize("NFD", make_doc())
    doc = parse(text)
    assert doc.family == "administrative"
    assert nfc(doc.issuer.name) == "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"
    assert doc.date == "2020-03-27"
    assert nfc(doc.place) == "Bắc Kạn"


def test_party_header_gives_party_family():
    doc = parse(make_doc(
        issuer=("TỈNH ỦY LẠNG SƠN", "*"),
        national=("ĐẢNG CỘNG SẢN VIỆT NAM",),
        number="Số 114-KH/TU",
        date_line="Lạng Sơn, ngày 20 tháng 02 năm 2018",
        title=("thực hiện Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương",),
    ))
    assert doc.family == "party"
    assert doc.national_header == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert doc.issuer.name == "TỈNH ỦY LẠNG SƠN"
    assert doc.date == "2018-02-20"
    assert doc.number is not None and doc.number.form == "party"


# --------------------------------------------------------------------------- header layouts


def test_header_read_row_by_row():
    # a two-column header table read row by row: issuer line, quốc hiệu, second issuer
    # line, tiêu ngữ, then the number and the place-date
    text = "\n".join([
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH BẮC KẠN",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 155/KH-UBND",
        "Bắc Kạn, ngày 27 tháng 3 năm 2020",
        "",
        "KẾ HOẠCH",
        "Triển khai công tác chuyển đổi số năm 2020",
        "",
        *BODY,
        "",
        *CLOSING,
    ])
    doc = parse(text)
    assert doc.issuer.name == "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"
    assert doc.issuer.parent is None
    assert doc.national_header == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert doc.motto == "Độc lập - Tự do - Hạnh phúc"
    assert doc.number is not None and doc.number.raw == "155/KH-UBND"
    assert doc.date == "2020-03-27"
    assert doc.place == "Bắc Kạn"


def test_header_row_by_row_with_parent():
    text = "\n".join([
        "BỘ TÀI CHÍNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "CỤC THUẾ",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 5347/CT-CS",
        "Hà Nội, ngày 19 tháng 11 năm 2025",
        "V/v chính sách thuế thu nhập cá nhân",
        "",
        "Kính gửi: Công ty TNHH Minh Phát.",
        "",
        "Cục Thuế có ý kiến như sau./.",
        "",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT, CS.",
        "KT. CỤC TRƯỞNG",
        "PHÓ CỤC TRƯỞNG",
        "Nguyễn Văn Bình",
    ])
    doc = parse(text)
    assert doc.issuer.name == "CỤC THUẾ"
    assert doc.issuer.parent == "BỘ TÀI CHÍNH"
    assert doc.number is not None and doc.number.raw == "5347/CT-CS"
    assert doc.date == "2025-11-19"
    assert doc.title == "chính sách thuế thu nhập cá nhân"


def test_header_number_and_place_date_on_one_line():
    # a PDF extractor merges the two cells of the number row
    text = "\n".join([
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH QUẢNG NGÃI Độc lập - Tự do - Hạnh phúc",
        "Số: 12/TB-UBND Quảng Ngãi, ngày 05 tháng 11 năm 2024",
        "",
        "THÔNG BÁO",
        "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp giao ban tháng 10",
        "",
        "Ngày 01 tháng 11 năm 2024, Chủ tịch Ủy ban nhân dân tỉnh chủ trì cuộc họp giao ban./.",
        "",
        "Nơi nhận:",
        "- Các sở, ban, ngành;",
        "- Lưu: VT, TH.",
        "TL. CHỦ TỊCH",
        "CHÁNH VĂN PHÒNG",
        "Nguyễn Văn Tám",
    ])
    doc = parse(text)
    assert doc.number is not None
    assert doc.number.raw == "12/TB-UBND"
    assert doc.number.number == "12"
    assert doc.place == "Quảng Ngãi"
    assert doc.date == "2024-11-05"
    assert doc.issuer.name == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
    assert doc.doc_type is not None and doc.doc_type.code == "TB"
    assert doc.title == "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp giao ban tháng 10"


def test_header_blank_number_and_place_date_on_one_line():
    text = make_doc(number="Số:      /TB-UBND Bắc Kạn, ngày      tháng 11 năm 2024", date_line=None,
                    type_line="THÔNG BÁO", title=("Lịch làm việc của Thường trực Ủy ban nhân dân tỉnh",))
    doc = parse(text)
    assert doc.number is not None
    assert doc.number.raw == "/TB-UBND"
    assert doc.number.number is None
    assert doc.place == "Bắc Kạn"
    assert doc.date is None
    assert "header.date.blank" in codes(doc)


def test_header_ends_where_body_begins():
    doc = parse(make_doc())
    assert doc.body, "the body is not empty"
    first = doc.body[0]
    assert first.label == "I"
    assert first.title == "MỤC ĐÍCH, YÊU CẦU"
    # no header line is repeated in the body
    texts = " ".join(filter(None, (n.title or n.text for n in doc.walk())))
    for header_piece in ("CỘNG HÒA", "Hạnh phúc", "155/KH-UBND", "ngày 27 tháng 3", "KẾ HOẠCH"):
        assert header_piece not in texts


# --------------------------------------------------------------------------- document type and trích yếu

NAMED_TYPES = [
    # type line, number, code, sentence-case name
    ("KẾ HOẠCH", "Số: 155/KH-UBND", "KH", "Kế hoạch"),
    ("QUYẾT ĐỊNH", "Số: 471/QĐ-UBND", "QĐ", "Quyết định"),
    ("THÔNG BÁO", "Số: 98/TB-UBND", "TB", "Thông báo"),
    ("TỜ TRÌNH", "Số: 45/TTr-UBND", "TTr", "Tờ trình"),
    ("BÁO CÁO", "Số: 310/BC-UBND", "BC", "Báo cáo"),
    ("CÔNG ĐIỆN", "Số: 07/CĐ-UBND", "CĐ", "Công điện"),
    ("CHỈ THỊ", "Số: 08/CT-UBND", "CT", "Chỉ thị"),
    ("NGHỊ QUYẾT", "Số: 30/NQ-HĐND", "NQ", "Nghị quyết"),
    ("HƯỚNG DẪN", "Số: 02/HD-UBND", "HD", "Hướng dẫn"),
    ("CHƯƠNG TRÌNH", "Số: 12/CTr-UBND", "CTr", "Chương trình"),
    ("PHƯƠNG ÁN", "Số: 03/PA-UBND", "PA", "Phương án"),
    ("ĐỀ ÁN", "Số: 04/ĐA-UBND", "ĐA", "Đề án"),
    ("BIÊN BẢN", "Số: 05/BB-UBND", "BB", "Biên bản"),
    ("GIẤY MỜI", "Số: 06/GM-UBND", "GM", "Giấy mời"),
    ("QUY CHẾ", "Số: 09/QC-UBND", "QC", "Quy chế"),
]


@pytest.mark.parametrize(("type_line", "number", "code", "name"), NAMED_TYPES,
                         ids=[t[2] for t in NAMED_TYPES])
def test_doc_type_from_type_line(type_line, number, code, name):
    title = "Về công tác phòng, chống thiên tai năm 2024"
    doc = parse(make_doc(number=number, type_line=type_line, title=(title,)))
    assert doc.doc_type is not None
    assert doc.doc_type.code == code
    assert doc.doc_type.name == name
    assert doc.title == title
    assert doc.number is not None and doc.number.raw == number.split(" ", 1)[1]
    assert "header.doc_type.mismatch" not in codes(doc)


def test_doc_type_span_points_at_type_line():
    text = make_doc(type_line="KẾ HOẠCH")
    doc = parse(text)
    assert doc.doc_type is not None and doc.doc_type.span is not None
    assert text[doc.doc_type.span.start:doc.doc_type.span.end] == "KẾ HOẠCH"


def test_doc_type_mismatch_with_number_is_flagged():
    doc = parse(make_doc(number="Số: 155/KH-UBND", type_line="THÔNG BÁO"))
    assert doc.doc_type is not None and doc.doc_type.code == "TB"  # the type line wins
    assert "header.doc_type.mismatch" in codes(doc)


def test_cong_van_no_type_line_vv_title():
    doc = parse(make_doc(
        number="Số: 1234/UBND-KT",
        after_date=("V/v triển khai thực hiện Kế hoạch số 155/KH-UBND",),
        type_line=None,
        title=(),
    ))
    assert doc.doc_type is not None
    assert doc.doc_type.code == "CV"
    assert doc.doc_type.name == "Công văn"
    assert doc.title == "triển khai thực hiện Kế hoạch số 155/KH-UBND"


def test_cong_van_vv_wrapped_over_lines():
    doc = parse(make_doc(
        number="Số: 1234/UBND-KT",
        after_date=("V/v triển khai thực hiện Kế hoạch", "số 155/KH-UBND của Ủy ban nhân dân tỉnh"),
        type_line=None,
        title=(),
    ))
    assert doc.doc_type is not None and doc.doc_type.code == "CV"
    assert doc.title == "triển khai thực hiện Kế hoạch số 155/KH-UBND của Ủy ban nhân dân tỉnh"


def test_cong_van_vv_with_colon_and_marker_on_own_line():
    # "V/v" alone, the trích yếu on the next line (as a web page gives it)
    doc = parse(make_doc(
        number="Số: 1234/UBND-KT",
        after_date=("V/v:", "Chính sách thuế TNCN"),
        type_line=None,
        title=(),
    ))
    assert doc.doc_type is not None and doc.doc_type.code == "CV"
    assert doc.title == "Chính sách thuế TNCN"


def test_cong_van_vv_before_date_line():
    # V/v printed under the number, the date cell after it
    doc = parse(make_doc(
        number="Số: 1234/UBND-KT\nV/v tăng cường công tác phòng cháy, chữa cháy",
        type_line=None,
        title=(),
    ))
    assert doc.doc_type is not None and doc.doc_type.code == "CV"
    assert doc.title == "tăng cường công tác phòng cháy, chữa cháy"
    assert doc.date == "2020-03-27"
    assert doc.place == "Bắc Kạn"


def test_title_wrapped_lines_joined():
    doc = parse(make_doc(title=(
        "Triển khai thực hiện Đề án phát triển du lịch",
        "tỉnh Bắc Kạn giai đoạn 2021 - 2025, định hướng đến năm 2030",
    )))
    assert doc.title == ("Triển khai thực hiện Đề án phát triển du lịch "
                         "tỉnh Bắc Kạn giai đoạn 2021 - 2025, định hướng đến năm 2030")


def test_title_upper_case_wrapped_lines_joined():
    doc = parse(make_doc(
        title=(
            "THỰC HIỆN QUYẾT ĐỊNH SỐ 142/QĐ-TTG NGÀY 21/01/2020",
            "CỦA THỦ TƯỚNG CHÍNH PHỦ",
        ),
        body=("Thực hiện Quyết định số 142/QĐ-TTg của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh "
              "ban hành Kế hoạch thực hiện như sau:", *BODY),
    ))
    assert doc.title == "THỰC HIỆN QUYẾT ĐỊNH SỐ 142/QĐ-TTG NGÀY 21/01/2020 CỦA THỦ TƯỚNG CHÍNH PHỦ"
    assert doc.body[0].kind == "paragraph"
    assert doc.body[0].text is not None and doc.body[0].text.startswith("Thực hiện Quyết định")


def test_title_rule_line_under_title_not_in_title():
    doc = parse(make_doc(title=("Triển khai công tác chuyển đổi số năm 2020", "-----------")))
    assert doc.title == "Triển khai công tác chuyển đổi số năm 2020"


# --------------------------------------------------------------------------- Kính gửi


def test_kinh_gui_one_addressee():
    doc = parse(make_doc(
        number="Số: 1234/UBND-KT",
        after_date=("V/v báo cáo tình hình thực hiện nhiệm vụ năm 2024",),
        type_line=None,
        title=(),
        before_body=("Kính gửi: Bộ Kế hoạch và Đầu tư.",),
    ))
    assert doc.addressees == ["Bộ Kế hoạch và Đầu tư"]
    kg = [r for r in doc.recipients if r.source == "kinh_gui"]
    assert [r.name for r in kg] == ["Bộ Kế hoạch và Đầu tư"]
    # the Kính gửi line is not body text
    assert all("Kính gửi" not in (n.text or "") for n in doc.walk())


@pytest.mark.parametrize(("lines", "name"), [
    (("Kính gửi: Thuế", "tỉnh Hà Tĩnh."), "Thuế tỉnh Hà Tĩnh"),
    (("Kính gửi: Các", "Thuế tỉnh, thành phố."), "Các Thuế tỉnh, thành phố"),
    (("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung", "ương"),
     "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"),
    (("Kính gửi: Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, cơ quan thuộc", "Chính phủ"),
     "Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, cơ quan thuộc Chính phủ"),
])
def test_kinh_gui_one_addressee_wrapped(lines, name):
    doc = parse(make_doc(number="Số: 1234/UBND-KT", after_date=("V/v báo cáo tình hình thực hiện nhiệm vụ",),
                         type_line=None, title=(), before_body=lines))
    assert doc.addressees == [name]
    assert doc.body[0].label == "I"  # the wrapped line is not left in the body


def test_kinh_gui_list():
    doc = parse(make_doc(
        number="Số: 1234/UBND-KT",
        after_date=("V/v báo cáo tình hình thực hiện nhiệm vụ năm 2024",),
        type_line=None,
        title=(),
        before_body=(
            "Kính gửi:",
            "- Các sở, ban, ngành tỉnh;",
            "- Ủy ban nhân dân các huyện, thành phố.",
        ),
    ))
    assert doc.addressees == ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện, thành phố"]
    kg = [r.name for r in doc.recipients if r.source == "kinh_gui"]
    assert kg == ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện, thành phố"]
    # the addressees are not body items
    body_text = " ".join(filter(None, (n.text for n in doc.walk())))
    assert "Các sở, ban, ngành tỉnh" not in body_text


def test_kinh_gui_list_item_wrapped_and_body_after_unterminated_item():
    doc = parse(make_doc(
        number="Số: 1234/UBND-KT",
        after_date=("V/v báo cáo tình hình thực hiện nhiệm vụ năm 2024",),
        type_line=None,
        title=(),
        before_body=(
            "Kính gửi:",
            "- Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc",
            "Chính phủ;",
            "- Sở Tài chính",
        ),
        body=("Thực hiện Công văn số 12/BTC-NSNN ngày 05/01/2024 của Bộ Tài chính, Ủy ban nhân dân tỉnh"
              " báo cáo như sau:", *BODY),
    ))
    # a short line closing the item continues it; a sentence after an unterminated item does not
    assert doc.addressees[0] == "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ"
    assert doc.addressees[-1] == "Sở Tài chính"


@pytest.mark.parametrize(("lines", "name"), [
    (("**Kính gửi:**", "Công ty TNHH Sunny Automotive Vina.", "*(Đ/c: Lô CN06, KCN Bình Xuyên II)*"),
     "Công ty TNHH Sunny Automotive Vina"),
    (("**Kính gửi:**", "|", "Chủ tịch Ủy ban nhân dân các tỉnh: Hưng Yên, Ninh", "Bình, Bắc Ninh, Phú Thọ, Tuyên Quang."),
     "Chủ tịch Ủy ban nhân dân các tỉnh: Hưng Yên, Ninh Bình, Bắc Ninh, Phú Thọ, Tuyên Quang"),
], ids=["next-line", "next-cell-wrapped"])
def test_kinh_gui_alone_on_its_line_with_one_addressee_below(lines, name):
    doc = parse(make_doc(number="Số: 1234/UBND-KT", after_date=("V/v hướng dẫn kê khai trị giá hải quan",),
                         type_line=None, title=(), before_body=lines))
    assert doc.addressees == [name]


def test_kinh_gui_alone_takes_no_sentence_for_its_addressee():
    doc = parse(make_doc(number="Số: 1234/UBND-KT", after_date=("V/v báo cáo",), type_line=None, title=(),
                         before_body=("Kính gửi:", ""), body=("Thực hiện Công văn số 10/UBND ngày 01/10/2025, Ủy ban nhân "
                                                              "dân tỉnh đề nghị các đơn vị báo cáo.", *BODY)))
    assert doc.addressees == []
    assert doc.body[0].text.startswith("Thực hiện Công văn số 10/UBND")


def test_kinh_gui_list_first_item_on_label_line():
    doc = parse(make_doc(
        number="Số: 1234/UBND-KT",
        after_date=("V/v báo cáo tình hình thực hiện nhiệm vụ năm 2024",),
        type_line=None,
        title=(),
        before_body=(
            "Kính gửi: - Sở Tài chính;",
            "- Sở Nội vụ.",
        ),
    ))
    assert doc.addressees == ["Sở Tài chính", "Sở Nội vụ"]


def test_kinh_gui_in_to_trinh():
    doc = parse(make_doc(
        number="Số: 45/TTr-SNV",
        issuer=("UBND TỈNH BẮC KẠN", "SỞ NỘI VỤ"),
        type_line="TỜ TRÌNH",
        title=("Về việc phê duyệt Đề án vị trí việc làm",),
        before_body=("Kính gửi: Ủy ban nhân dân tỉnh Bắc Kạn.",),
    ))
    assert doc.doc_type is not None and doc.doc_type.code == "TTr"
    assert doc.title == "Về việc phê duyệt Đề án vị trí việc làm"
    assert doc.addressees == ["Ủy ban nhân dân tỉnh Bắc Kạn"]


CONG_DIEN_BODY = ("Để chủ động ứng phó mưa lũ, Thủ tướng Chính phủ yêu cầu:", "1. Các địa phương rà soát phương án sơ tán.")


def cong_dien(sender: tuple[str, ...], addressees: tuple[str, ...]) -> str:
    return make_doc(issuer=("THỦ TƯỚNG CHÍNH PHỦ",), number="Số: 226/CĐ-TTg", date_line="Hà Nội, ngày 21 tháng 11 năm 2025",
                    type_line="**CÔNG ĐIỆN**", title=("V/V CHỦ ĐỘNG ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ",),
                    before_body=(*sender, *addressees), body=CONG_DIEN_BODY,
                    closing=("Nơi nhận:", "- Như trên;", "- Lưu: VT, NN (2b).", "THỦ TƯỚNG", "Phạm Minh Chính"))


def test_cong_dien_addressees_wrapped_over_lines():
    doc = parse(cong_dien(("**THỦ TƯỚNG CHÍNH PHỦ điện:**",), (
        "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Hà Tĩnh,",
        "Quảng Trị, Huế, Đà Nẵng;",
        "- Bộ trưởng",
        "các Bộ:",
        "Quốc phòng, Công an, Tài chính,",
        "Nông nghiệp và Môi trường, Y tế;",
        "- Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia.",
    )))
    assert doc.addressees == [
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Hà Tĩnh, Quảng Trị, Huế, Đà Nẵng",
        "Bộ trưởng các Bộ: Quốc phòng, Công an, Tài chính, Nông nghiệp và Môi trường, Y tế",
        "Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia",
    ]
    assert doc.body[0].text.startswith("Để chủ động ứng phó")


def test_cong_dien_body_after_an_unterminated_addressee_stays_body():
    doc = parse(cong_dien(("THỦ TƯỚNG CHÍNH PHỦ điện:",), (
        "- Bộ trưởng các Bộ: Quốc phòng, Công an",
        "- Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Ninh, Hải Phòng",
        "Trong những ngày qua, do ảnh hưởng của hoàn lưu bão số 15 kết hợp không khí lạnh,",
        "mưa lớn đã gây ngập lụt, làm thiệt hại về người và tài sản của nhân dân.",
    )))
    assert doc.addressees[-1] == "Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Ninh, Hải Phòng"
    assert any((n.text or "").startswith("Trong những ngày qua") for n in doc.body)


def test_cong_dien_sender_wrapped():
    # a page that wraps the sender inside its bold run: the title does not take its first word
    doc = parse(cong_dien(("**THỦ", "TƯỚNG CHÍNH PHỦ điện:**"), ("- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố.",)))
    assert doc.title == "V/V CHỦ ĐỘNG ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ"
    assert doc.addressees == ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"]


# --------------------------------------------------------------------------- urgency


@pytest.mark.parametrize("mark", ["HỎA TỐC", "HOẢ TỐC", "THƯỢNG KHẨN", "KHẨN"])
def test_urgency_under_the_number(mark):
    doc = parse(make_doc(
        number="Số: 1234/UBND-KT",
        after_date=(mark, "V/v ứng phó với cơn bão số 3"),
        type_line=None,
        title=(),
    ))
    assert doc.urgency == mark
    assert doc.issuer.name == "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"
    assert doc.title == "ứng phó với cơn bão số 3"


@pytest.mark.parametrize("mark", ["HỎA TỐC", "KHẨN"])
def test_urgency_above_the_issuer(mark):
    doc = parse(make_doc(issuer=(mark, *STATE_ISSUER), type_line="CÔNG ĐIỆN",
                         number="Số: 07/CĐ-UBND", title=("Về việc ứng phó với cơn bão số 3",)))
    assert doc.urgency == mark
    assert doc.issuer.name == "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"
    assert doc.issuer.parent is None
    assert doc.doc_type is not None and doc.doc_type.code == "CĐ"


def test_no_urgency_by_default():
    doc = parse(make_doc())
    assert doc.urgency is None


# --------------------------------------------------------------------------- QĐ authority line

QD_PREAMBLE = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV.",
    "QUYẾT ĐỊNH:",
)
QD_BODY = (
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân tỉnh.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm "
    "thi hành Quyết định này./.",
)


def qd(authority: tuple[str, ...], title: tuple[str, ...] = ("Về việc ban hành Quy chế làm việc",)) -> str:
    return make_doc(number="Số: 471/QĐ-UBND", type_line="QUYẾT ĐỊNH", title=title,
                    before_body=(*authority, *QD_PREAMBLE), body=QD_BODY,
                    closing=("Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, NC.",
                             "CHỦ TỊCH", "Nguyễn Văn Du"))


def test_qd_authority_line_not_in_title():
    doc = parse(qd(("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",)))
    assert doc.title == "Về việc ban hành Quy chế làm việc"
    assert doc.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"
    assert doc.doc_type is not None and doc.doc_type.code == "QĐ"


def test_qd_authority_collective_body():
    doc = parse(qd(("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",)))
    assert doc.title == "Về việc ban hành Quy chế làm việc"
    assert doc.authority == "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"


def test_qd_authority_wrapped():
    doc = parse(qd(("CHỦ TỊCH ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN")))
    assert doc.title == "Về việc ban hành Quy chế làm việc"
    assert doc.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"


def test_qd_authority_after_upper_case_title():
    doc = parse(qd(("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",),
                   title=("VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC",)))
    assert doc.title == "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC"
    assert doc.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"


def qd_lines(title_and_authority: tuple[str, ...]) -> str:
    """A Quyết định whose title lines run straight into the authority line, as web pages print it."""
    return make_doc(number="Số: 471/QĐ-UBND", type_line="**QUYẾT ĐỊNH**", title=title_and_authority,
                    before_body=QD_PREAMBLE, body=QD_BODY,
                    closing=("Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, NC.", "CHỦ TỊCH", "Nguyễn Văn Du"))


def test_title_line_ending_in_a_linking_word_goes_on_though_next_opens_like_an_authority():
    doc = parse(qd_lines(("VỀ VIỆC THỰC HIỆN HIỆP ĐỊNH HỢP TÁC GIỮA", "CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                          "VÀ CHÍNH PHỦ NƯỚC CỘNG HÒA DÂN CHỦ NHÂN DÂN LÀO")))
    assert doc.title == ("VỀ VIỆC THỰC HIỆN HIỆP ĐỊNH HỢP TÁC GIỮA CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
                         "VÀ CHÍNH PHỦ NƯỚC CỘNG HÒA DÂN CHỦ NHÂN DÂN LÀO")
    assert doc.authority is None


def test_bold_authority_line_below_plain_title_lines_that_open_like_one():
    doc = parse(qd_lines(("VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ TÀI CHÍNH",
                          "ỦY BAN NHÂN DÂN CẤP XÃ TỈNH BẮC KẠN", "**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN**")))
    assert doc.title == ("VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ TÀI CHÍNH "
                         "ỦY BAN NHÂN DÂN CẤP XÃ TỈNH BẮC KẠN")
    assert doc.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"
    # with no bold line below it, the plain line is the authority as before
    doc = parse(qd_lines(("VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN")))
    assert (doc.title, doc.authority) == ("VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN")


def test_qd_authority_not_in_preamble_or_body():
    doc = parse(qd(("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",)))
    for node in doc.walk():
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" not in (node.text or "")
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" not in (node.title or "")
    assert [n.label for n in doc.body] == ["Điều 1", "Điều 2", "Điều 3"]


# --------------------------------------------------------------------------- markdown residue


WEB_PAGE = "\n".join([
    "|",
    "**ỦY BAN NHÂN DÂN**",
    "**TỈNH BẮC KẠN**",
    "-------",
    "|",
    "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
    "**Độc lập - Tự do - Hạnh phúc**",
    "---------------",
    "|",
    "Số: 155/KH-UBND",
    "|",
    "*Bắc Kạn, ngày 27 tháng 3 năm 2020*",
    "|",
    "",
    "**KẾ HOẠCH**",
    "**Triển khai công tác chuyển đổi số năm 2020**",
    "",
    "**I. MỤC ĐÍCH, YÊU CẦU**",
    "1. Nâng cao nhận thức của cán bộ, công chức về chuyển đổi số.",
    "2. Bảo đảm thiết thực, hiệu quả./.",
    "",
    "|",
    "***Nơi nhận:***",
    "- Thường trực Tỉnh ủy;",
    "- Lưu: VT, NCPC.",
    "|",
    "**TM. ỦY BAN NHÂN DÂN**",
    "**CHỦ TỊCH**",
    "",
    "",
    "",
    "**Lý Thái Hải**",
    "|",
])


def test_markdown_residue_in_no_field():
    doc = parse(WEB_PAGE)
    assert doc.issuer.name == "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"
    assert doc.national_header == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert doc.motto == "Độc lập - Tự do - Hạnh phúc"
    assert doc.number is not None and doc.number.raw == "155/KH-UBND"
    assert doc.place == "Bắc Kạn"
    assert doc.date == "2020-03-27"
    assert doc.doc_type is not None and doc.doc_type.code == "KH"
    assert doc.title == "Triển khai công tác chuyển đổi số năm 2020"
    for s in content_strings(doc):
        assert "*" not in s, s
        assert "|" not in s, s


def test_markdown_residue_body_and_closing():
    doc = parse(WEB_PAGE)
    assert doc.body[0].label == "I"
    assert doc.body[0].title == "MỤC ĐÍCH, YÊU CẦU"
    assert [c.label for c in doc.body[0].children] == ["1", "2"]
    assert len(doc.signatures) == 1
    assert doc.signatures[0].name == "Lý Thái Hải"
    assert doc.signatures[0].position == "CHỦ TỊCH"
    assert [r.name for r in doc.recipients] == ["Thường trực Tỉnh ủy"]


def test_lone_pipe_lines_make_no_nodes():
    doc = parse(WEB_PAGE)
    for node in doc.walk():
        assert (node.text or node.title or node.marker or "").strip(" |") != ""


# --------------------------------------------------------------------------- not a standard form

NEWS = "\n".join([
    "UBND TỈNH BẮC KẠN BAN HÀNH KẾ HOẠCH THỰC HIỆN CHUYỂN ĐỔI SỐ",
    "Cập nhật lúc 10:15, Thứ Sáu, 27/03/2020",
    "Ngày 27/3/2020, Ủy ban nhân dân tỉnh Bắc Kạn ban hành Kế hoạch số 155/KH-UBND về thực hiện "
    "chuyển đổi số trên địa bàn tỉnh.",
    "Theo Kế hoạch, các cơ quan, đơn vị, địa phương xác định rõ chức năng, nhiệm vụ, trách nhiệm "
    "cụ thể của người đứng đầu.",
    "Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban, ngành liên quan tổ chức thực hiện.",
    "Minh Hương",
])


def test_news_article_is_other():
    doc = parse(NEWS)
    assert doc.family == "other"
    assert doc.number is None
    assert doc.date is None
    assert doc.signatures == []


def test_news_article_keeps_its_text_in_body():
    doc = parse(NEWS)
    texts = " ".join(filter(None, (n.title or n.text for n in doc.walk())))
    assert "Kế hoạch số 155/KH-UBND" in texts
    assert "Sở Thông tin và Truyền thông chủ trì" in texts


def test_news_article_quoting_a_number_line_is_other():
    # "Số 155" at the start of a sentence does not make a news piece a document
    doc = parse("\n".join([
        "Bắc Kạn: triển khai chuyển đổi số",
        "Số 155/KH-UBND được ban hành ngày 27/3/2020 nhằm thúc đẩy chuyển đổi số.",
        "Các sở, ngành đã tích cực triển khai.",
    ]))
    assert doc.family == "other"
    assert doc.number is None


def test_empty_input():
    doc = parse("")
    assert doc.family == "other"
    assert "input.empty" in codes(doc)


def test_leading_site_metadata_skipped():
    text = "Ngày hiệu lực: Đã biết\nTình trạng: Đã biết\n" + make_doc()
    doc = parse(text)
    assert doc.issuer.name == "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"
    assert doc.number is not None and doc.number.raw == "155/KH-UBND"
    assert "page.leading" in codes(doc)


# --------------------------------------------------------------------------- công văn header from a web page


def test_cong_van_italic_vv_split_over_lines():
    # box 5b as a web page prints it: "*V/v" / "Chính sách thuế TNCN*", the date cell
    # wrapped, table cells separated by "|"
    text = "\n".join([
        "BỘ TÀI CHÍNH",
        "**CỤC THUẾ**",
        "-------",
        "|",
        "**CỘNG HÒA XÃ HỘI CHỦ",
        "NGHĨA VIỆT NAM**",
        "Độc lập - Tự do - Hạnh phúc",
        "---------------",
        "|",
        "Số: 5330/CT-CS",
        "*V/v",
        "Chính sách thuế TNCN*",
        "|",
        "*Hà Nội, ngày 19 tháng 11",
        "năm 2025*",
        "|",
        "**Kính gửi:** Bà Huỳnh Thị Mỹ Hằng",
        "",
        *CONG_VAN_CUC_THUE["body"],
        "",
        *CONG_VAN_CUC_THUE["closing"],
    ])
    doc = parse(text)
    assert doc.number is not None and doc.number.raw == "5330/CT-CS"
    assert doc.doc_type is not None and doc.doc_type.code == "CV"
    assert doc.title == "Chính sách thuế TNCN"
    assert doc.place == "Hà Nội"
    assert doc.date == "2025-11-19"
    assert doc.issuer.name == "CỤC THUẾ"
    assert doc.issuer.parent == "BỘ TÀI CHÍNH"
    assert doc.national_header == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert doc.addressees == ["Bà Huỳnh Thị Mỹ Hằng"]


def test_qd_authority_before_a_basis_whose_first_words_are_wrapped_apart():
    # "**CHỦ TỊCH …**" / "" / "*Căn" / "cứ Luật …": the page wrapped "Căn cứ" after its first word
    doc = parse(make_doc(number="Số: 1627/QĐ-UBND", type_line="QUYẾT ĐỊNH",
                         title=("VỀ VIỆC BAN HÀNH KẾ HOẠCH KIỂM KÊ TÀI SẢN CÔNG NĂM 2026",),
                         before_body=("**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN**", "", "*Căn",
                                      "cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;*",
                                      "QUYẾT ĐỊNH:"),
                         body=QD_BODY, closing=("Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "CHỦ TỊCH", "Nguyễn Văn Du")))
    assert doc.title == "VỀ VIỆC BAN HÀNH KẾ HOẠCH KIỂM KÊ TÀI SẢN CÔNG NĂM 2026"
    assert doc.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"


# --------------------------------------------------------------------------- between the title and the preamble


PLAN_BASIS = ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
              "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:")


def test_title_goes_on_over_a_line_with_no_letters():
    # "… GIAI ĐOẠN" / "2026 - 2030": no letters, no case that could end the title
    doc = parse(make_doc(title=("PHÁT TRIỂN KINH TẾ SỐ TỈNH BẮC KẠN GIAI ĐOẠN", "2026 - 2030"),
                         before_body=PLAN_BASIS))
    assert doc.title == "PHÁT TRIỂN KINH TẾ SỐ TỈNH BẮC KẠN GIAI ĐOẠN 2026 - 2030"
    assert [n.kind for n in doc.preamble] == ["basis"]
    assert doc.references[0].relation == "căn cứ"


def test_a_line_in_brackets_under_the_title_is_part_of_it():
    doc = parse(make_doc(number="Số: 76/2025/NQ-HĐND", type_line="NGHỊ QUYẾT",
                         title=("QUY ĐỊNH MỨC TIỀN PHẠT TRONG LĨNH VỰC PHÒNG CHÁY, CHỮA CHÁY", "",
                                "*(thực hiện khoản 1 Điều 33 Luật Thủ đô)*"),
                         before_body=("*Căn cứ Luật Thủ đô số 39/2024/QH15;*",
                                      "Xét Tờ trình số 424/TTr-UBND của Ủy ban nhân dân tỉnh;", "QUYẾT NGHỊ:"),
                         body=QD_BODY))
    assert doc.title == ("QUY ĐỊNH MỨC TIỀN PHẠT TRONG LĨNH VỰC PHÒNG CHÁY, CHỮA CHÁY "
                         "(thực hiện khoản 1 Điều 33 Luật Thủ đô)")
    assert [n.kind for n in doc.preamble] == ["basis", "proposal", "operative"]
    # a line in brackets before the body's own text stays in the body
    doc = parse(make_doc(title=("TRIỂN KHAI CHUYỂN ĐỔI SỐ", "", "(Kèm theo dự toán năm 2026)"),
                         body=("Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", *BODY)))
    assert doc.title == "TRIỂN KHAI CHUYỂN ĐỔI SỐ"


def test_kinh_gui_wrapped_after_its_first_word():
    doc = parse(make_doc(title=("TÀI CHÍNH - NGÂN SÁCH NHÀ NƯỚC 03 NĂM 2026 - 2028",),
                         before_body=("**Kính", "gửi:** Hội đồng nhân dân tỉnh Bắc Kạn", "", *PLAN_BASIS)))
    assert doc.addressees == ["Hội đồng nhân dân tỉnh Bắc Kạn"]
    assert [n.kind for n in doc.preamble] == ["basis"]


def test_a_basis_date_is_not_the_issuing_date():
    # no date line: the first căn cứ's date is the date of the law it cites
    doc = parse(make_doc(number="Số: 158/2025/NĐ-CP", date_line=None, type_line="NGHỊ ĐỊNH",
                         title=("Quy định chi tiết một số điều của Luật Bảo hiểm xã hội",),
                         before_body=("*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*",
                                      "Chính phủ ban hành Nghị định quy định chi tiết."),
                         body=QD_BODY))
    assert doc.date is None and doc.date_raw is None
    assert "header.date.missing" in codes(doc)


@pytest.mark.parametrize("printed_as", ["**CHÍNH PHỦ**", "## CHÍNH PHỦ", "|**CHÍNH PHỦ**|"])
def test_the_issuer_span_covers_its_name_over_web_page_markup(printed_as):
    text = f"{printed_as}\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/2025/NĐ-CP\n" \
           "Hà Nội, ngày 01 tháng 02 năm 2025\n\nNGHỊ ĐỊNH\nQuy định chi tiết\n\nĐiều 1. Phạm vi\nNội dung.\n"
    d = vbhc.parse(text)
    assert d.issuer.name == "CHÍNH PHỦ"
    assert text[d.issuer.span.start:d.issuer.span.end] == "CHÍNH PHỦ"


def test_the_issuer_span_runs_over_its_lines_and_their_markup():
    text = "**ỦY BAN NHÂN\nDÂN**\n**TỈNH BẮC NINH**\n--------\nSố: 12/KH-UBND\nBắc Ninh, ngày 01 tháng 02 năm 2025\n\n" \
           "KẾ HOẠCH\nTriển khai\n\nI. MỤC ĐÍCH\nNội dung.\n"
    d = vbhc.parse(text)
    assert text[d.issuer.span.start:d.issuer.span.end] == "ỦY BAN NHÂN\nDÂN**\n**TỈNH BẮC NINH"
