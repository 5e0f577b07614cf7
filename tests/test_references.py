"""Cross-reference extraction: one fixture per citation shape (issue 3)."""

from __future__ import annotations

import datetime as dt

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

import vbhc

HEADER = """ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 155/KH-UBND
Bắc Kạn, ngày 27 tháng 3 năm 2020

KẾ HOẠCH
Triển khai công tác năm 2020

"""


def refs(body: str, header: str = HEADER):
    return vbhc.parse(header + body + "\n").references


def one(body: str):
    found = [r for r in refs(body) if r.kind != "short"]
    assert len(found) == 1, [r.number for r in found]
    return found[0]


def test_full_state_citation_parts():
    r = one("Thực hiện Quyết định số 142/QĐ-TTg ngày 21/01/2020 của Thủ tướng Chính phủ ban hành Kế hoạch.")
    assert r.number == "142/QĐ-TTg"
    assert (r.doc_type.name, r.doc_type.code) == ("Quyết định", "QĐ")
    assert (r.type_code, r.issuer_code, r.year, r.suffix) == ("QĐ", "TTg", None, None)
    assert r.date == "2020-01-21"
    assert r.issuer == "Thủ tướng Chính phủ"
    assert r.relation == "thực hiện"


def test_party_citation_with_comma_before_date():
    r = one("Thực hiện Kết luận số 52-KL/TW, ngày 30/5/2019 của Ban Bí thư về tiếp tục thực hiện.")
    assert r.number == "52-KL/TW"
    assert (r.doc_type.name, r.type_code, r.issuer_code) == ("Kết luận", "KL", "TW")
    assert r.date == "2019-05-30"
    assert r.issuer == "Ban Bí thư"


def test_normative_number_with_year():
    r = one("Căn cứ Nghị định số 81/2018/NĐ-CP ngày 22 tháng 5 năm 2018 của Chính phủ quy định chi tiết.")
    assert r.number == "81/2018/NĐ-CP"
    assert (r.year, r.type_code, r.issuer_code) == (2018, "NĐ", "CP")
    assert r.date == "2018-05-22"
    assert r.relation == "căn cứ"


def test_law_by_number_has_no_type_code_in_symbol():
    r = one("Căn cứ Luật số 80/2015/QH13 về ban hành văn bản quy phạm pháp luật;")
    assert r.number == "80/2015/QH13"
    assert r.doc_type.name == "Luật"
    assert (r.year, r.type_code, r.issuer_code) == (2015, None, "QH13")


def test_cong_van_and_to_trinh_symbols():
    found = refs("Theo Công văn số 1099/VPCP-CĐS ngày 04/02/2026 và Tờ trình số 131/TTr-SCT của Sở Công Thương.")
    numbers = [r.number for r in found]
    assert numbers == ["1099/VPCP-CĐS", "131/TTr-SCT"]
    cv = found[0]
    assert (cv.doc_type.name, cv.type_code, cv.issuer_code, cv.suffix) == ("Công văn", None, "VPCP", "CĐS")
    assert found[1].doc_type.name == "Tờ trình"
    assert found[1].issuer == "Sở Công Thương"


def test_shared_type_over_a_list_and_shared_issuer():
    found = refs("Thực hiện Chương trình hành động số 30-CTr/TU ngày 29/9/2008, số 100-CTr/TU ngày "
                 "23/01/2014 của Tỉnh ủy về xây dựng đội ngũ trí thức.")
    assert [r.number for r in found] == ["30-CTr/TU", "100-CTr/TU"]
    assert all(r.doc_type.name == "Chương trình hành động" for r in found)
    assert [r.date for r in found] == ["2008-09-29", "2014-01-23"]
    assert all(r.issuer == "Tỉnh ủy" for r in found)


def test_list_without_repeating_so():
    found = refs("Các văn bản số: 10894/VPCP-CN ngày 8/11/2025, 8563/VPCP-CN ngày 12/9/2025 của Văn phòng Chính phủ.")
    assert [r.number for r in found] == ["10894/VPCP-CN", "8563/VPCP-CN"]
    assert found[1].kind == "list"
    assert [r.date for r in found] == ["2025-11-08", "2025-09-12"]


def test_bare_number_after_type_name():
    r = one("Tiếp tục thực hiện Chỉ thị số 42 của Bộ Chính trị về đổi mới hoạt động.")
    assert r.number == "42"
    assert r.doc_type.name == "Chỉ thị"
    assert r.issuer == "Bộ Chính trị"


def test_bare_number_without_type_is_not_a_reference():
    assert refs("Tổ chức 15 hội nghị; mã số 220725-17 và số 12 người tham dự.") == []


def test_short_mention_linked_to_full_citation():
    found = refs("Thực hiện Quyết định số 142/QĐ-TTg ngày 21/01/2020 của Thủ tướng Chính phủ. "
                 "Các sở triển khai Quyết định 142 trong năm 2020.")
    short = [r for r in found if r.kind == "short"]
    assert len(short) == 1
    assert short[0].number == "142/QĐ-TTg"
    assert short[0].raw == "Quyết định 142"


def test_short_mention_without_full_citation_is_not_a_number():
    assert [r.number for r in refs("Triển khai Nghị quyết 27 trong toàn tỉnh.")] == []


def test_citation_without_so_but_with_symbol():
    r = one("Mặt hàng được hưởng thuế suất theo Nghị định 206/2025/NĐ-CP của Chính phủ.")
    assert r.number == "206/2025/NĐ-CP"
    assert r.doc_type.name == "Nghị định"


def test_alias_goes_to_the_citation_it_follows():
    found = refs("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển "
                 "khoa học, công nghệ (sau đây gọi tắt là Nghị quyết 57);")
    assert [(r.number, r.alias) for r in found if r.kind == "full"] == [("57-NQ/TW", "Nghị quyết 57")]


def test_alias_of_a_named_document_is_not_given_to_an_earlier_citation():
    doc = vbhc.parse(HEADER + "Quán triệt Quyết định số 142/QĐ-TTg của Thủ tướng Chính phủ về ý nghĩa của "
                     "Nghị quyết Hội nghị lần thứ bảy (sau đây gọi tắt là Nghị quyết 27).\n")
    assert [r.alias for r in doc.references] == [None]


def test_law_cited_by_name_and_date():
    doc = vbhc.parse(HEADER + "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;\n")
    assert doc.references == []
    (law,) = doc.named_references
    assert (law.doc_type.name, law.name, law.date, law.relation) == (
        "Luật", "Tổ chức chính quyền địa phương", "2025-06-16", "căn cứ")


def named(body: str) -> list[tuple[str, str | None]]:
    return [(n.name, n.date) for n in vbhc.parse(HEADER + body + "\n").named_references]


@pytest.mark.parametrize(("body", "expected"), [
    # what the sentence says of the law is not its name
    ("Thực hiện Luật Hải quan về thủ tục hải quan, kiểm tra, giám sát hải quan.", [("Hải quan", None)]),
    ("Thực hiện Luật Việc làm bảo đảm kịp thời, đồng bộ, hiệu quả.", [("Việc làm", None)]),
    ("Kinh phí thực hiện theo Luật Ngân sách nhà nước và các nguồn kinh phí hợp pháp khác.",
     [("Ngân sách nhà nước", None)]),
    ("Cấp giấy chứng nhận theo Luật Đất đai theo đúng quy định của pháp luật.", [("Đất đai", None)]),
    ("Xử lý theo Luật Di sản văn hóa và thực hiện quản lý nhà nước.", [("Di sản văn hóa", None)]),
    # several laws in one list: each is a reference
    ("Thực hiện Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu.",
     [("Quy hoạch", None), ("Đầu tư", None), ("Đấu thầu", None)]),
    # names that hold such words stay whole
    ("Căn cứ Luật Đầu tư theo phương thức đối tác công tư ngày 18/6/2020;",
     [("Đầu tư theo phương thức đối tác công tư", "2020-06-18")]),
    ("Thực hiện Luật Phòng, chống tác hại của thuốc lá.", [("Phòng, chống tác hại của thuốc lá", None)]),
    ("Căn cứ Luật Hàng không dân dụng Việt Nam ngày 29/6/2006;", [("Hàng không dân dụng Việt Nam", "2006-06-29")]),
    ("Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng ngày 9/12/2020;",
     [("Ưu đãi người có công với cách mạng", "2020-12-09")]),
    # a law cited by number is a reference, never also a named one
    ("Căn cứ Luật Hàng không dân dụng Việt Nam số 66/2006/QH11;", []),
    # an amending law names the laws it amends; its name may start in lower case
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
     "địa phương ngày 22 tháng 11 năm 2019;",
     [("sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
       "2019-11-22")]),
])
def test_name_of_a_law_cited_by_name(body, expected):
    assert named(body) == expected


def test_relation_words():
    found = refs("Bãi bỏ Quyết định số 10/2016/QĐ-UBND ngày 21/3/2016. "
                 "Sửa đổi Quyết định số 14/2022/QĐ-UBND. Thay thế Chỉ thị số 05/CT-UBND. "
                 "Hướng dẫn Thông tư số 01/2011/TT-BNV.")
    assert [r.relation for r in found] == ["bãi bỏ", "sửa đổi", "thay thế", "hướng dẫn"]


def test_date_forms_are_day_first():
    found = refs("Theo Kế hoạch số 1/KH-UBND ngày 03-04-2020, Kế hoạch số 2/KH-UBND ngày 3 tháng 4 năm 2020 "
                 "và Kế hoạch số 3/KH-UBND ngày 03/04/2020.")
    assert [r.date for r in found] == ["2020-04-03"] * 3


def test_impossible_date_is_not_reported():
    assert one("Theo Kế hoạch số 7/KH-UBND ngày 31/02/2020 của Ủy ban nhân dân tỉnh.").date is None


def test_own_number_is_not_a_reference():
    assert refs("Các sở thực hiện Kế hoạch số 155/KH-UBND này.") == []


def test_citation_wrapped_across_lines():
    r = one("Căn cứ Nghị định số\n08/2015/NĐ-CP ngày 21/01/2015 của\nChính phủ quy định chi tiết;")
    assert r.number == "08/2015/NĐ-CP"
    assert r.issuer == "Chính phủ"


def test_space_after_hyphen_inside_symbol():
    assert one("Thay thế Thông tư số 92/2009/TT- BTC ngày 12/5/2009.").number == "92/2009/TT-BTC"


@pytest.mark.parametrize("symbol", ["NQ -CP", "NQ - CP", "NQ-\nCP"])
def test_spaces_around_a_hyphen_inside_symbol(symbol):
    r = one(f"Thực hiện Nghị quyết số 71/{symbol} ngày 12/5/2025 của Chính phủ về việc ABC.")
    assert (r.number, r.issuer, r.date) == ("71/NQ-CP", "Chính phủ", "2025-05-12")


def test_a_dash_opening_the_next_line_is_no_part_of_a_symbol():
    (r,) = refs("Thực hiện Kế hoạch số 12/KH-UBND\n- UBND huyện triển khai.")
    assert r.number == "12/KH-UBND"


@pytest.mark.parametrize("form", ["Mẫu số 09/QLDA", "mẫu số 01/QĐ-QLDA", "Biểu số 02/TH-BC"])
def test_a_forms_code_is_no_citation(form):
    assert [r.number for r in refs(f"Lập bảng phân bổ ({form}) theo Thông tư số 70/2024/TT-BTC.")] == [
        "70/2024/TT-BTC"]


def test_reference_span_points_at_the_number():
    text = HEADER + "Thực hiện Quyết định số 142/QĐ-TTg ngày 21/01/2020.\n"
    (r,) = vbhc.parse(text).references
    assert text[r.span.start:r.span.end] == "142/QĐ-TTg"


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 40), st.integers(0, 14), st.integers(1990, 2030),
       st.sampled_from(["{d}/{m}/{y}", "{d}-{m}-{y}", "{d} tháng {m} năm {y}"]))
def test_extracted_dates_are_valid_calendar_dates(d, m, y, shape):
    body = f"Căn cứ Quyết định số 12/QĐ-UBND ngày {shape.format(d=d, m=m, y=y)} của Ủy ban nhân dân tỉnh.\n"
    (r,) = [r for r in refs(body) if r.number == "12/QĐ-UBND"]
    try:
        expected = dt.date(y, m, d).isoformat()
    except ValueError:
        expected = None
    assert r.date == expected


QD_HEADER = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 87/2025/QĐ-UBND
Lai Châu, ngày 10 tháng 11 năm 2025

QUYẾT ĐỊNH
Bãi bỏ một số quyết định

ỦY BAN NHÂN DÂN TỈNH LAI CHÂU

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;
Theo đề nghị của Giám đốc Sở Tư pháp.

QUYẾT ĐỊNH:

"""


def test_every_document_in_a_basis_line_is_a_ground():
    # "được sửa đổi, bổ sung bởi Luật số 87/2025/QH15" is said of another law, not of this decision
    found = {r.number: r.relation for r in refs("Điều 1. Hiệu lực\nQuyết định này có hiệu lực từ ngày ký.", QD_HEADER)}
    assert found == {"72/2025/QH15": "căn cứ", "64/2025/QH15": "căn cứ", "87/2025/QH15": "căn cứ"}


def test_documents_listed_under_a_repealing_heading_are_repealed():
    body = ("Điều 1. Bãi bỏ toàn bộ các quyết định\nBãi bỏ toàn bộ các quyết định sau đây:\n"
            "1. Quyết định số 76/2006/QĐ-UBND ngày 20 tháng 10 năm 2006 của Ủy ban nhân dân tỉnh.\n"
            "2. Quyết định số 11/2014/QĐ-UBND ngày 10 tháng 4 năm 2014 sửa đổi, bổ sung Quyết định số "
            "05/2010/QĐ-UBND ngày 2 tháng 3 năm 2010.\n"
            "Điều 2. Tổ chức thực hiện\nSở Tư pháp theo dõi việc thực hiện Quyết định số 12/2020/QĐ-UBND.")
    found = {r.number: r.relation for r in refs(body, QD_HEADER) if r.number.endswith("QĐ-UBND")}
    # the decision an item's title says the repealed one amended is neither repealed nor amended by this one
    assert found == {"76/2006/QĐ-UBND": "bãi bỏ", "11/2014/QĐ-UBND": "bãi bỏ", "05/2010/QĐ-UBND": None,
                     "12/2020/QĐ-UBND": "thực hiện"}
    # an article that cancels something other than documents repeals none
    body = ("Điều 8. Hủy bỏ kết quả trúng đấu giá\n1. Kết quả bị hủy theo quy định tại Luật Đấu giá tài sản số "
            "01/2016/QH14.\n2. Việc hủy thực hiện theo Nghị định số 62/2017/NĐ-CP.")
    assert {r.number: r.relation for r in refs(body, QD_HEADER) if "2016" in r.number or "2017" in r.number} == {
        "01/2016/QH14": "theo", "62/2017/NĐ-CP": "theo"}


def test_only_căn_cứ_lines_make_grounds():
    header = QD_HEADER.replace("Theo đề nghị của Giám đốc Sở Tư pháp.",
                               "Thực hiện Công văn số 123/BNV-CCVC ngày 5 tháng 3 năm 2025 của Bộ Nội vụ;\n"
                               "Theo đề nghị của Giám đốc Sở Tư pháp.")
    found = {r.number: r.relation for r in refs("Điều 1. Hiệu lực\nQuyết định này có hiệu lực từ ngày ký.", header)}
    assert found["123/BNV-CCVC"] == "thực hiện" and found["72/2025/QH15"] == "căn cứ"


@pytest.mark.parametrize(("text", "number", "type_name"), [
    # a name before "số" with another document's number is no law's name
    ("Thực hiện Luật Ngân sách nhà nước, công văn số 1234/BTC-NSNN", "1234/BTC-NSNN", "Công văn"),
    ("Theo Luật Đất đai, Quyết định của Thủ tướng Chính phủ số 12/QĐ-TTg", "12/QĐ-TTg", "Quyết định"),
])
def test_a_law_named_before_another_documents_number_does_not_type_it(text, number, type_name):
    (r,) = [r for r in refs(text) if r.number == number]
    assert (r.doc_type.name if r.doc_type else None, r.name) == (type_name, None)


def test_an_amending_laws_number_is_not_the_amended_laws_name():
    (r,) = [r for r in refs("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 43/2024/QH15;")
            if r.number == "43/2024/QH15"]
    assert r.name is None


@pytest.mark.parametrize(("text", "number", "type_name", "name"), [
    ("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;", "72/2025/QH15", "Luật",
     "Tổ chức chính quyền địa phương"),
    # the name may end in a type's word in lower case ("… pháp luật số"), and wrap over lines
    ("Căn cứ Luật Ban hành văn bản quy phạm\npháp luật số 64/2025/QH15;", "64/2025/QH15", "Luật",
     "Ban hành văn bản quy phạm pháp luật"),
    ("theo Luật Tổ chức Chính phủ và Bộ luật Lao động số 45/2019/QH14", "45/2019/QH14", "Bộ luật", "Lao động"),
    ("Căn cứ Luật số 87/2025/QH15;", "87/2025/QH15", "Luật", None),
    # scraped pages often write the name in lower case
    ("Căn cứ Luật phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15;", "55/2024/QH15", "Luật",
     "phòng cháy, chữa cháy và cứu nạn, cứu hộ"),
])
def test_a_law_cited_by_name_and_number_keeps_both(text, number, type_name, name):
    (r,) = [r for r in refs(text) if r.number == number]
    assert (r.doc_type.name if r.doc_type else None, r.name) == (type_name, name)


def test_a_basis_line_without_its_own_opener_goes_on_the_căn_cứ_list():
    header = QD_HEADER.replace("Theo đề nghị của Giám đốc Sở Tư pháp.",
                               "Nghị định số 92/2017/NĐ-CP ngày 7 tháng 8 năm 2017 của Chính phủ sửa đổi, bổ sung "
                               "một số điều của các nghị định liên quan;\nTheo đề nghị của Giám đốc Sở Tư pháp.")
    found = {r.number: r.relation for r in refs("Điều 1. Hiệu lực\nQuyết định này có hiệu lực từ ngày ký.", header)}
    assert found["92/2017/NĐ-CP"] == "căn cứ"


def test_documents_repealed_together_in_one_item_are_all_repealed():
    body = ("Điều 1. Bãi bỏ các văn bản sau:\n1. Quyết định số 12/2020/QĐ-UBND và Quyết định số 15/2021/QĐ-UBND của "
            "Ủy ban nhân dân tỉnh.\nĐiều 2. Hiệu lực\nQuyết định này có hiệu lực từ ngày ký.")
    found = {r.number: r.relation for r in refs(body, QD_HEADER) if r.number.endswith("QĐ-UBND")}
    assert found == {"12/2020/QĐ-UBND": "bãi bỏ", "15/2021/QĐ-UBND": "bãi bỏ"}



def test_a_document_a_repealed_item_only_describes_is_not_repealed():
    body = ("Điều 1. Bãi bỏ các văn bản sau:\n1. Quyết định số 12/2020/QĐ-UBND ngày 5 tháng 3 năm 2020 của Ủy ban "
            "nhân dân tỉnh quy định chi tiết một số điều và biện pháp thi hành của Nghị định số 15/2015/NĐ-CP ngày 14 "
            "tháng 2 năm 2015 của Chính phủ.\nĐiều 2. Hiệu lực\nQuyết định này có hiệu lực từ ngày ký.")
    found = {r.number: r.relation for r in refs(body, QD_HEADER) if r.number in ("12/2020/QĐ-UBND", "15/2015/NĐ-CP")}
    # "… quy định chi tiết … biện pháp thi hành của Nghị định số 15/2015/NĐ-CP" is the repealed
    # decision's title: nothing this one does to the decree
    assert found == {"12/2020/QĐ-UBND": "bãi bỏ", "15/2015/NĐ-CP": None}


@pytest.mark.parametrize(("body", "expected"), [
    # "sửa đổi, bổ sung X" amends X
    ("Ban hành Thông tư sửa đổi, bổ sung một số điều của Thông tư số 98/2024/TT-BQP ngày 10/12/2024.",
     [("98/2024/TT-BQP", None, "sửa đổi")]),
    # a citation that is the agent of a passive clause, or the title of the one cited before it,
    # is not what this document does
    ("Nội dung tại Thông tư số 09/2015/TT-BYT đã bị bãi bỏ bởi Thông tư số 25/2018/TT-BYT ngày 28 tháng 9 năm 2018.",
     [("09/2015/TT-BYT", None, "theo"), ("25/2018/TT-BYT", None, None)]),
    ("Áp dụng Thông tư số 20/2024/TT-BYT ngày 21/11/2024 của Bộ trưởng Bộ Y tế sửa đổi, bổ sung một số điều "
     "của Thông tư số 09/2015/TT-BYT ngày 25/5/2015.",
     [("20/2024/TT-BYT", "Bộ trưởng Bộ Y tế", None), ("09/2015/TT-BYT", None, None)]),
    # the issuer ends before the next citation, the sentence's verb, a date, a new item
    ("Thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ và Kế hoạch hành động số 328-KH/TU "
     "ngày 02/5/2025 của Tỉnh ủy;", [("71/NQ-CP", "Chính phủ", "thực hiện"), ("328-KH/TU", "Tỉnh ủy", None)]),
    ("Xét Tờ trình số 395/TTr-UBND ngày 10/11/2025 của Ủy ban nhân dân Thành phố đề nghị ban hành Nghị quyết;",
     [("395/TTr-UBND", "Ủy ban nhân dân Thành phố", None)]),
    ("Quyết định số 1818/QĐ-UBND ngày 23 tháng 10 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh vẫn giữ nguyên "
     "giá trị pháp lý.", [("1818/QĐ-UBND", "Chủ tịch Ủy ban nhân dân tỉnh", None)]),
    # … a type's name wrapped at its space, "chưa", "đối với", "quyết nghị"
    ("1. Căn cứ Quyết định số 142/QĐ-TTg ngày 21/01/2020 của Thủ tướng Chính phủ và Kế\nhoạch này, Thủ trưởng "
     "các sở chủ động triển khai.", [("142/QĐ-TTg", "Thủ tướng Chính phủ", "căn cứ")]),
    ("Quyết định số 206/QĐ-LĐTBXH ngày 11/3/2022 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội chưa thay đổi.",
     [("206/QĐ-LĐTBXH", "Bộ trưởng Bộ Lao động - Thương binh và Xã hội", None)]),
    ("Thu tiền theo Nghị định số 151/2025/NĐ-CP ngày 12/6/2025 của Chính phủ đối với phần diện tích tăng thêm.",
     [("151/2025/NĐ-CP", "Chính phủ", "theo")]),
    ("Theo Nghị quyết số 46/NQ-CP của Chính phủ ngày 08 tháng 3 năm 2025 về phát triển",
     [("46/NQ-CP", "Chính phủ", "theo")]),
    ("1. Bãi bỏ Quyết định số 12/2020/QĐ-UBND ngày 01/02/2020 của UBND thành phố Đà Nẵng\n"
     "2. Bãi bỏ toàn bộ Quyết định số 08/2023/QĐ-UBND.",
     [("12/2020/QĐ-UBND", "UBND thành phố Đà Nẵng", "bãi bỏ"), ("08/2023/QĐ-UBND", None, "bãi bỏ")]),
    # "giao" opens the trích yếu only in lower case: "Bộ Giao thông vận tải" is a name
    ("Thực hiện Thông tư số 12/2020/TT-BGTVT ngày 29/5/2020 của Bộ trưởng Bộ Giao thông vận tải quy định về tổ chức;",
     [("12/2020/TT-BGTVT", "Bộ trưởng Bộ Giao thông vận tải", "thực hiện")]),
    ("Thực hiện Thông tư số 2/2020/TT-BNG ngày 01/3/2020 của Bộ trưởng Bộ Ngoại giao quy định; Quyết định số "
     "1/QĐ-CHK ngày 01/3/2024 của Cục Hàng không Việt Nam về việc ban hành quy chế;",
     [("2/2020/TT-BNG", "Bộ trưởng Bộ Ngoại giao", "thực hiện"), ("1/QĐ-CHK", "Cục Hàng không Việt Nam", "thực hiện")]),
    # a citation before the relation word in an earlier clause of the sentence does not take it away
    ("Thực hiện Công văn số 456/UBND-KT ngày 01/3/2024 của UBND tỉnh về triển khai Nghị định, Sở Tài chính hướng dẫn "
     "thực hiện Nghị định số 15/2025/NĐ-CP như sau:",
     [("456/UBND-KT", "UBND tỉnh", "thực hiện"), ("15/2025/NĐ-CP", None, "thực hiện")]),
])
def test_relation_and_issuer_cases_from_the_audit(body, expected):
    assert [(r.number, r.issuer, r.relation) for r in refs("I. MỤC ĐÍCH\n" + body)] == expected


def test_a_reference_span_is_exact_after_markup_earlier_on_the_line():
    text = HEADER + "*Căn cứ Nghị định số **120/2016/NĐ-CP** ngày 23 tháng 8 năm 2016 của Chính phủ;*\n"
    (r,) = vbhc.parse(text).references
    assert text[r.span.start:r.span.end] == "120/2016/NĐ-CP"


def test_an_alias_that_repeats_the_number_is_no_second_citation():
    found = refs("I. MỤC ĐÍCH\nThực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển "
                 "khoa học (sau đây gọi tắt là Nghị quyết số 57-NQ/TW), Ủy ban nhân dân tỉnh ban hành Kế hoạch.")
    assert [(r.number, r.alias, r.date) for r in found] == [("57-NQ/TW", "Nghị quyết số 57-NQ/TW", "2024-12-22")]


def test_a_citation_listed_after_another_takes_its_relation():
    found = refs("I. MỤC ĐÍCH\nTriển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá "
                 "phát triển khoa học, công nghệ; Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương "
                 "trình hành động và Kế hoạch số 328-KH/TU ngày 02/5/2025 của Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành "
                 "Kế hoạch. Sở Tư pháp theo dõi Quyết định số 12/2020/QĐ-UBND. Quyết định số 13/2021/QĐ-UBND còn hiệu lực.")
    assert [(r.number, r.relation) for r in found] == [
        ("57-NQ/TW", "thực hiện"), ("03/NQ-CP", "thực hiện"), ("328-KH/TU", "thực hiện"),
        # a new sentence is no list item, "theo dõi" (to follow up) no "theo", and a relation word
        # does not reach over a sentence's end
        ("12/2020/QĐ-UBND", None), ("13/2021/QĐ-UBND", None)]


def test_documents_said_to_expire_after_their_citations_are_replaced():
    body = ("Điều 2. Hiệu lực thi hành\n1. Quyết định này có hiệu lực từ ngày 01/7/2025.\n2. Quyết định số "
            "12/2020/QĐ-UBND ngày 5/3/2020 của Ủy ban nhân dân tỉnh; Quyết định số 15/2021/QĐ-UBND ngày 6/4/2021 "
            "của Ủy ban nhân dân tỉnh hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.\n"
            "3. Kể từ ngày Quyết định này có hiệu lực, các Quyết định sau đây hết hiệu lực thi hành:\n"
            "a) Quyết định số 20/2022/QĐ-UBND ngày 1/2/2022 của Ủy ban nhân dân tỉnh quy định chi tiết Nghị định "
            "số 15/2015/NĐ-CP;\nb) Quyết định số 21/2023/QĐ-UBND ngày 3/5/2023 của Ủy ban nhân dân tỉnh.\n"
            "4. Sở Tư pháp theo dõi Quyết định số 30/2024/QĐ-UBND. Quyết định số 31/2024/QĐ-UBND còn hiệu lực.")
    found = {r.number: r.relation for r in refs(body, QD_HEADER) if r.number[:2] in ("12", "15", "20", "21", "30", "31")}
    assert found == {"12/2020/QĐ-UBND": "thay thế", "15/2021/QĐ-UBND": "thay thế", "20/2022/QĐ-UBND": "thay thế",
                     "15/2015/NĐ-CP": None, "21/2023/QĐ-UBND": "thay thế", "30/2024/QĐ-UBND": None,
                     "31/2024/QĐ-UBND": None}


def test_expiry_said_as_a_fact_or_in_a_title_is_no_replacement():
    body = ("I. KẾT QUẢ\n1. Năm 2025, Ủy ban nhân dân tỉnh ban hành Quyết định số 41/QĐ-UBND công bố Danh mục "
            "văn bản quy phạm pháp luật hết hiệu lực toàn bộ năm 2024.\n"
            "2. Kể từ ngày Luật Thủy sản số 18/2017/QH14 có hiệu lực thi hành, Quyết định số 33/2016/QĐ-UBND "
            "của Ủy ban nhân dân tỉnh hết hiệu lực.\n"
            "3. Thông tư số 07/2022/TT-BNV của Bộ Nội vụ đã hết hiệu lực, các đơn vị áp dụng văn bản mới.\n"
            "4. Nghị quyết số 09/2021/NQ-HĐND của Hội đồng nhân dân tỉnh chưa hết hiệu lực nên tiếp tục thực "
            "hiện.\n5. Kể từ ngày Quyết định này có hiệu lực, Quyết định số 44/2019/QĐ-UBND hết hiệu lực.")
    found = {r.number: r.relation for r in refs(body, QD_HEADER) if r.number[:2] in ("41", "18", "33", "07", "09", "44")}
    assert found == {"41/QĐ-UBND": None, "18/2017/QH14": None, "33/2016/QĐ-UBND": None, "07/2022/TT-BNV": None,
                     "09/2021/NQ-HĐND": None, "44/2019/QĐ-UBND": "thay thế"}


def test_expiry_that_ends_a_cited_title_publishing_a_list_is_no_replacement():
    body = ("Điều 1. Các sở thực hiện.\n1. Ngày 10/01/2025, Ủy ban nhân dân tỉnh ban hành Quyết định số 41/QĐ-UBND "
            "công bố Danh mục thủ tục hành chính hết hiệu lực.\n2. Quyết định số 42/QĐ-UBND ngày 11/01/2025 của "
            "Chủ tịch Ủy ban nhân dân tỉnh về việc công bố danh mục thủ tục hành chính lĩnh vực đất đai hết\n"
            "hiệu lực.\n3. Quyết định số 43/QĐ-UBND của Ủy ban nhân dân tỉnh công bố quy phạm pháp luật của Hội đồng "
            "nhân dân tỉnh hết hiệu lực.\n"
            "Điều 2. Hiệu lực thi hành\n1. Quyết định số 12/2020/QĐ-UBND ngày 5/3/2020 của Ủy ban nhân dân tỉnh "
            "ban hành Quy chế quản lý văn bản đi, đến hết hiệu lực.\n2. Quyết định số 13/2020/QĐ-UBND của Ủy ban "
            "nhân dân tỉnh công bố danh mục thủ tục hành chính; Quyết định số 14/2021/QĐ-UBND ban hành Quy chế làm "
            "việc hết hiệu lực.\n3. Quyết định số 15/2021/QĐ-UBND ban hành Danh mục dịch vụ công hết hiệu lực kể "
            "từ ngày Quyết định này có hiệu lực.\n4. Quyết định số 16/2021/QĐ-UBND ngày 10/6/2021 của Ủy ban nhân dân "
            "tỉnh ban hành Danh mục dịch vụ sự nghiệp công sử dụng ngân sách nhà nước hết hiệu lực.")
    found = {r.number: r.relation for r in refs(body, QD_HEADER) if "QĐ-UBND" in r.number}
    # the item's own title decides: 13/2020 publishes a list, but the words end 14/2021's item;
    # 16/2021 issues a list, which says nothing has expired: the citing decision replaces it
    assert found == {"41/QĐ-UBND": None, "42/QĐ-UBND": None, "43/QĐ-UBND": None,
                     "12/2020/QĐ-UBND": "thay thế", "13/2020/QĐ-UBND": "thay thế", "14/2021/QĐ-UBND": "thay thế",
                     "15/2021/QĐ-UBND": "thay thế", "16/2021/QĐ-UBND": "thay thế"}


def test_documents_said_to_expire_in_a_hard_wrapped_sentence_are_replaced():
    body = ("Điều 2. Hiệu lực thi hành\n1. Quyết định này có hiệu lực từ ngày 01 tháng 12 năm 2025.\n"
            "2. Quyết định số 16/2020/QĐ-UBND ngày 07 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh\n"
            "ban hành Quy chế lưu trữ hồ sơ điện tử; Quyết định số 17/2021/QĐ-UBND ngày 08\n"
            "tháng 4 năm 2021 của Ủy ban nhân dân tỉnh hết hiệu lực kể từ ngày Quyết định này có\n"
            "hiệu lực thi hành.\n3. Sở Tư pháp theo dõi Quyết định số 18/2022/QĐ-UBND; Quyết định số\n"
            "19/2023/QĐ-UBND còn hiệu lực.")
    found = {r.number: r.relation for r in refs(body, QD_HEADER) if r.number[:2] in ("16", "17", "18", "19")}
    # a line opening with a marker starts a sentence: item 3 is not read into item 2's
    assert found == {"16/2020/QĐ-UBND": "thay thế", "17/2021/QĐ-UBND": "thay thế", "18/2022/QĐ-UBND": None,
                     "19/2023/QĐ-UBND": None}


def test_a_repealing_list_reads_relation_words_in_decomposed_text():
    import unicodedata
    body = ("Điều 1. Bãi bỏ toàn bộ các quyết định sau:\n1. Quyết định số 12/2020/QĐ-UBND sửa đổi Quyết định số "
            "10/2019/QĐ-UBND.\n2. Quyết định số 13/2021/QĐ-UBND.")
    for form in ("NFC", "NFD"):
        found = {r.number: r.relation for r in refs(unicodedata.normalize(form, body), unicodedata.normalize(form, QD_HEADER))}
        assert found["12/2020/QĐ-UBND"] == found["13/2021/QĐ-UBND"] == "bãi bỏ", form
        assert found["10/2019/QĐ-UBND"] != "bãi bỏ", form


@pytest.mark.parametrize(("body", "number"), [
    ("Thực hiện Quyết định số 12/QĐ-UBND - 15/3/2025 của UBND tỉnh.", "12/QĐ-UBND"),
    ("Công văn số 5/UBND -VỀ VIỆC triển khai.", "5/UBND"),
    ("Văn bản số 7/SYT -V/v kiểm tra.", "7/SYT"),
])
def test_a_spaced_dash_before_no_code_ends_the_symbol(body, number):
    assert one(body).number == number


def test_a_letters_number_with_dots_is_read_whole_with_its_date_and_issuer():
    found = refs("Trả lời công văn số\n45.2024/KD.ABCVN ngày 12/10/2024 của Công ty TNHH Minh An về việc "
                 "nhập khẩu; công văn số 77/CCT.IV-NV.HN ngày 3/4/2024 của Chi cục Thuế khu vực IV về thuế.")
    assert [(r.number, r.date, r.issuer, r.issuer_code, r.suffix) for r in found] == [
        ("45.2024/KD.ABCVN", "2024-10-12", "Công ty TNHH Minh An", "KD.ABCVN", None),
        ("77/CCT.IV-NV.HN", "2024-04-03", "Chi cục Thuế khu vực IV", "CCT.IV", "NV.HN")]


@pytest.mark.parametrize(("body", "number"), [
    ("Thực hiện Công văn số 12/UBND.Trân trọng.", "12/UBND"),  # a sentence's end glued to a word
    ("Thực hiện Công văn số 12/UBND. Sở Tài chính báo cáo.", "12/UBND"),
    ("Thực hiện Công văn số 12/UBND.\nSở Tài chính báo cáo.", "12/UBND"),
    # with no space after the dot: the next item's number, or a body's abbreviation that opens the
    # next sentence with its place or level after it, is not a dotted part of the symbol
    ("Thực hiện Kế hoạch số 61/KH-SNV.3. Các sở báo cáo.", "61/KH-SNV"),
    ("Thực hiện Công văn số 61/STC-QLG.UBND huyện chỉ đạo.", "61/STC-QLG"),
    ("Thực hiện Công văn số 61/STC-QLG.HĐND các xã giám sát.", "61/STC-QLG"),
    ("Thực hiện Công văn số 61/STC.QLG.HN ngày 3/4/2024 của Sở Tài chính.", "61/STC.QLG.HN"),
])
def test_a_dot_after_a_number_that_ends_a_sentence_is_not_in_it(body, number):
    assert one(body).number == number


def test_a_dotted_part_glued_to_the_next_sentence_is_left_out_without_so_and_in_a_list():
    assert [r.number for r in refs("Thực hiện Kế hoạch 61/KH-SNV.3. Các sở báo cáo.")] == ["61/KH-SNV"]
    assert [r.number for r in refs("Thực hiện Công văn số 12/UBND, 61/STC-QLG.UBND tỉnh chỉ đạo.")] == [
        "12/UBND", "61/STC-QLG"]


def test_a_dotted_amount_after_so_is_no_citation():
    assert refs("Tổng số 1.250 người; số: 800.000 đồng.") == []


def test_a_lower_case_name_goes_only_with_a_laws_own_number():
    r = one("theo Luật hiện hành và văn bản hợp nhất số 09/VBHN-VPQH.")
    assert (r.number, r.doc_type, r.name) == ("09/VBHN-VPQH", None, None)
