"""Per-rule fixtures for the body tree: markers and nesting (Phần/Chương/Điều/khoản/điểm,
I./1./a)/-/+, the Party "Thứ nhất," / "1-" / "(1)"), headings against running text,
hard-wrap reflow, the "nothing dropped" invariant, and the preamble (căn cứ, đề nghị,
the operative word).

Each fixture is a small synthetic document from :func:`make_doc`. Trees are compared as
outlines, one string per node: two spaces per level, the marker as printed (``¶`` for a
paragraph), then the node's title, or its text when it has no title.
"""

from __future__ import annotations

import pytest

import vbhc
from vbhc.models import Document, Node

# --------------------------------------------------------------------------- helpers

STATE_HEAD = (
    "ỦY BAN NHÂN DÂN",
    "TỈNH BẮC KẠN",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
)
PARTY_HEAD = (
    "ĐẢNG BỘ TỈNH SƠN LA",
    "TỈNH ỦY",
    "*",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
)
STATE_CLOSING = (
    "Nơi nhận:",
    "- Các sở, ban, ngành;",
    "- Lưu: VT, NCPC.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Lý Thái Hải",
)
PARTY_CLOSING = (
    "Nơi nhận:",
    "- Các huyện ủy, thành ủy;",
    "- Lưu Văn phòng Tỉnh ủy.",
    "T/M BAN THƯỜNG VỤ",
    "BÍ THƯ",
    "Hoàng Văn Chất",
)


def make_doc(
    body: tuple[str, ...],
    *,
    head: tuple[str, ...] = STATE_HEAD,
    number: str = "Số: 155/KH-UBND",
    date_line: str = "Bắc Kạn, ngày 27 tháng 3 năm 2020",
    type_line: str = "KẾ HOẠCH",
    title: str = "Triển khai công tác chuyển đổi số năm 2020",
    closing: tuple[str, ...] = STATE_CLOSING,
) -> str:
    lines = [*head, number, date_line, "", type_line, title, "", *body, "", *closing]
    return "\n".join(lines) + "\n"


def party_doc(body: tuple[str, ...]) -> str:
    return make_doc(body, head=PARTY_HEAD, number="Số 165-KH/TU",
                    date_line="Sơn La, ngày 04 tháng 10 năm 2019",
                    title="thực hiện Kết luận số 52-KL/TW của Ban Bí thư", closing=PARTY_CLOSING)


def parse_body(body: tuple[str, ...], **kw) -> Document:
    doc = vbhc.parse(make_doc(body, **kw))
    assert doc.family != "other", "the fixture header was not recognised"
    return doc


def outline(nodes: list[Node], depth: int = 0) -> list[str]:
    out: list[str] = []
    for n in nodes:
        content = n.title if n.title is not None else (n.text or "")
        out.append(f"{'  ' * depth}{n.marker or '¶'} {content}".rstrip())
        out.extend(outline(n.children, depth + 1))
    return out


def find(nodes: list[Node], label: str) -> Node:
    for top in nodes:
        for n in top.walk():
            if n.label == label:
                return n
    raise AssertionError(f"no node labelled {label!r}")


# --------------------------------------------------------------------------- nesting


def test_nesting_roman_arabic_letter_dash_plus():
    doc = parse_body((
        "I. NHIỆM VỤ VÀ GIẢI PHÁP",
        "1. Tăng cường công tác tuyên truyền",
        "a) Tổ chức quán triệt Nghị quyết đến cán bộ, đảng viên.",
        "b) Đa dạng hóa hình thức tuyên truyền",
        "- Tuyên truyền trên báo, đài của tỉnh;",
        "+ Chuyên mục trên Báo Bắc Kạn;",
        "+ Chuyên mục trên Đài Phát thanh - Truyền hình tỉnh.",
        "- Tuyên truyền trên mạng xã hội.",
        "2. Hoàn thiện cơ chế, chính sách bảo đảm trọng dụng trí thức.",
        "II. TỔ CHỨC THỰC HIỆN",
        "Giao Sở Nội vụ theo dõi, đôn đốc./.",
    ))
    assert outline(doc.body) == [
        "I. NHIỆM VỤ VÀ GIẢI PHÁP",
        "  1. Tăng cường công tác tuyên truyền",
        "    a) Tổ chức quán triệt Nghị quyết đến cán bộ, đảng viên.",
        "    b) Đa dạng hóa hình thức tuyên truyền",
        "      - Tuyên truyền trên báo, đài của tỉnh;",
        "        + Chuyên mục trên Báo Bắc Kạn;",
        "        + Chuyên mục trên Đài Phát thanh - Truyền hình tỉnh.",
        "      - Tuyên truyền trên mạng xã hội.",
        "  2. Hoàn thiện cơ chế, chính sách bảo đảm trọng dụng trí thức.",
        "II. TỔ CHỨC THỰC HIỆN",
        "  ¶ Giao Sở Nội vụ theo dõi, đôn đốc./.",
    ]


def test_nesting_kinds_and_labels():
    doc = parse_body((
        "I. NHIỆM VỤ",
        "1. Tuyên truyền",
        "a) Quán triệt Nghị quyết.",
        "- Trên báo, đài;",
        "+ Báo Bắc Kạn.",
    ))
    sec = doc.body[0]
    clause = sec.children[0]
    point = clause.children[0]
    item = point.children[0]
    sub = item.children[0]
    assert (sec.kind, sec.label, sec.marker) == ("section", "I", "I.")
    assert (clause.kind, clause.label, clause.marker) == ("clause", "1", "1.")
    assert (point.kind, point.label, point.marker) == ("point", "a", "a)")
    assert (item.kind, item.label, item.marker) == ("item", None, "-")
    assert (sub.kind, sub.label, sub.marker) == ("subitem", None, "+")


def test_top_level_sections_labels_and_titles():
    # GOLD-CONVENTIONS `sections`: top-level labelled nodes as [label, title]
    doc = parse_body((
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao nhận thức của cán bộ, công chức.",
        "II. NỘI DUNG THỰC HIỆN",
        "Triển khai các nhiệm vụ trọng tâm.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Các sở, ban, ngành triển khai thực hiện./.",
    ))
    assert [[n.label, n.title] for n in doc.body if n.label] == [
        ["I", "MỤC ĐÍCH, YÊU CẦU"],
        ["II", "NỘI DUNG THỰC HIỆN"],
        ["III", "TỔ CHỨC THỰC HIỆN"],
    ]


def test_chapter_article_clause_point_with_inserted_units():
    doc = parse_body((
        "Chương I",
        "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh",
        "Quy định này quy định về quản lý cụm công nghiệp trên địa bàn tỉnh.",
        "Điều 2. Đối tượng áp dụng",
        "1. Cơ quan quản lý nhà nước về cụm công nghiệp.",
        "2. Tổ chức, cá nhân có liên quan.",
        "Chương II",
        "QUY ĐỊNH CỤ THỂ",
        "Điều 5. Hồ sơ đề nghị thành lập cụm công nghiệp",
        "1. Thành phần hồ sơ",
        "a) Văn bản đề nghị của chủ đầu tư;",
        "b) Báo cáo đầu tư xây dựng hạ tầng kỹ thuật.",
        "2. Số lượng hồ sơ là 01 bộ.",
        "Điều 5a. Thẩm định hồ sơ",
        "Sở Công Thương thẩm định hồ sơ trong thời hạn 15 ngày./.",
    ), number="Số: 84/2025/QĐ-UBND", type_line="QUY ĐỊNH", title="Quản lý cụm công nghiệp trên địa bàn tỉnh")
    assert outline(doc.body) == [
        "Chương I QUY ĐỊNH CHUNG",
        "  Điều 1. Phạm vi điều chỉnh",
        "    ¶ Quy định này quy định về quản lý cụm công nghiệp trên địa bàn tỉnh.",
        "  Điều 2. Đối tượng áp dụng",
        "    1. Cơ quan quản lý nhà nước về cụm công nghiệp.",
        "    2. Tổ chức, cá nhân có liên quan.",
        "Chương II QUY ĐỊNH CỤ THỂ",
        "  Điều 5. Hồ sơ đề nghị thành lập cụm công nghiệp",
        "    1. Thành phần hồ sơ",
        "      a) Văn bản đề nghị của chủ đầu tư;",
        "      b) Báo cáo đầu tư xây dựng hạ tầng kỹ thuật.",
        "    2. Số lượng hồ sơ là 01 bộ.",
        "  Điều 5a. Thẩm định hồ sơ",
        "    ¶ Sở Công Thương thẩm định hồ sơ trong thời hạn 15 ngày./.",
    ]
    ch1, ch2 = doc.body
    assert (ch1.kind, ch1.label, ch1.title) == ("chapter", "Chương I", "QUY ĐỊNH CHUNG")
    assert (ch2.kind, ch2.label, ch2.title) == ("chapter", "Chương II", "QUY ĐỊNH CỤ THỂ")
    art5a = find(doc.body, "Điều 5a")
    assert art5a.kind == "article"
    assert art5a.title == "Thẩm định hồ sơ"
    assert [c.label for c in ch2.children] == ["Điều 5", "Điều 5a"]
    art5 = ch2.children[0]
    assert [c.label for c in art5.children[0].children] == ["a", "b"]
    assert all(c.kind == "point" for c in art5.children[0].children)



def test_inserted_point_a1_is_a_sibling():
    doc = parse_body((
        "Điều 5. Hồ sơ đề nghị",
        "1. Thành phần hồ sơ",
        "a) Văn bản đề nghị của chủ đầu tư;",
        "a1) Bản sao giấy chứng nhận đăng ký doanh nghiệp;",
        "b) Báo cáo đầu tư xây dựng hạ tầng kỹ thuật.",
    ), number="Số: 84/2025/QĐ-UBND", type_line="QUY ĐỊNH", title="Quản lý cụm công nghiệp trên địa bàn tỉnh")
    assert outline(doc.body) == [
        "Điều 5. Hồ sơ đề nghị",
        "  1. Thành phần hồ sơ",
        "    a) Văn bản đề nghị của chủ đầu tư;",
        "    a1) Bản sao giấy chứng nhận đăng ký doanh nghiệp;",
        "    b) Báo cáo đầu tư xây dựng hạ tầng kỹ thuật.",
    ]
    assert [c.label for c in doc.body[0].children[0].children] == ["a", "a1", "b"]


def test_inserted_article_after_clauses_is_a_sibling():
    doc = parse_body((
        "Điều 5. Hồ sơ đề nghị",
        "1. Văn bản đề nghị của chủ đầu tư.",
        "2. Báo cáo đầu tư xây dựng hạ tầng kỹ thuật.",
        "Điều 5a. Thẩm định hồ sơ",
        "Sở Công Thương thẩm định hồ sơ trong thời hạn 15 ngày.",
        "Điều 6. Hiệu lực thi hành",
        "Quy định này có hiệu lực kể từ ngày ký./.",
    ), number="Số: 84/2025/QĐ-UBND", type_line="QUY ĐỊNH", title="Quản lý cụm công nghiệp trên địa bàn tỉnh")
    assert [n.label for n in doc.body] == ["Điều 5", "Điều 5a", "Điều 6"]
    assert [n.marker for n in doc.body] == ["Điều 5.", "Điều 5a.", "Điều 6."]


def test_article_title_on_same_line():
    doc = parse_body((
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.",
        "Điều 2. Hiệu lực thi hành",
        "Quyết định này có hiệu lực kể từ ngày ký./.",
    ), number="Số: 471/QĐ-UBND", type_line="QUYẾT ĐỊNH", title="Ban hành Quy chế làm việc")
    art1, art2 = doc.body
    assert art1.label == "Điều 1"
    assert art1.title is None
    assert art1.text == "Ban hành kèm theo Quyết định này Quy chế làm việc."
    assert art2.label == "Điều 2"
    assert art2.title == "Hiệu lực thi hành"


def test_part_and_chapter():
    doc = parse_body((
        "Phần I",
        "TÌNH HÌNH THỰC HIỆN",
        "Kết quả đạt được trong năm 2024.",
        "Phần II",
        "NHIỆM VỤ NĂM 2025",
        "Tiếp tục thực hiện các nhiệm vụ trọng tâm./.",
    ), number="Số: 310/BC-UBND", type_line="BÁO CÁO", title="Tình hình kinh tế - xã hội năm 2024")
    assert [[n.label, n.title] for n in doc.body] == [
        ["Phần I", "TÌNH HÌNH THỰC HIỆN"],
        ["Phần II", "NHIỆM VỤ NĂM 2025"],
    ]
    assert all(n.kind == "part" for n in doc.body)


def test_chapter_section_article():
    doc = parse_body((
        "Chương II",
        "QUẢN LÝ CỤM CÔNG NGHIỆP",
        "Mục 1",
        "QUY HOẠCH CỤM CÔNG NGHIỆP",
        "Điều 3. Lập quy hoạch",
        "Sở Công Thương lập quy hoạch.",
        "Mục 2",
        "ĐẦU TƯ HẠ TẦNG",
        "Điều 4. Chủ đầu tư",
        "Doanh nghiệp làm chủ đầu tư.",
        "Chương III",
        "TỔ CHỨC THỰC HIỆN",
        "Điều 5. Trách nhiệm thi hành",
        "Các sở, ban, ngành thi hành Quy định này./.",
    ), number="Số: 84/2025/QĐ-UBND", type_line="QUY ĐỊNH", title="Quản lý cụm công nghiệp trên địa bàn tỉnh")

    def shape(nodes):
        return [(n.kind, n.label, shape([c for c in n.children if c.label])) for n in nodes]

    assert shape(doc.body) == [
        ("chapter", "Chương II", [
            ("section", "Mục 1", [("article", "Điều 3", [])]),
            ("section", "Mục 2", [("article", "Điều 4", [])]),
        ]),
        ("chapter", "Chương III", [("article", "Điều 5", [])]),
    ]
    assert [m.title for m in doc.body[0].children] == ["QUY HOẠCH CỤM CÔNG NGHIỆP", "ĐẦU TƯ HẠ TẦNG"]
    assert doc.body[1].title == "TỔ CHỨC THỰC HIỆN"


def test_part_with_ordinal_word():
    doc = parse_body((
        "Phần thứ nhất",
        "ĐÁNH GIÁ TÌNH HÌNH",
        "Kết quả đạt được trong năm 2024.",
        "Phần thứ hai",
        "NHIỆM VỤ NĂM 2025",
        "Tiếp tục thực hiện các nhiệm vụ trọng tâm./.",
    ), number="Số: 310/BC-UBND", type_line="BÁO CÁO", title="Tình hình kinh tế - xã hội năm 2024")
    assert [(n.kind, n.label, n.title) for n in doc.body] == [
        ("part", "Phần thứ nhất", "ĐÁNH GIÁ TÌNH HÌNH"),
        ("part", "Phần thứ hai", "NHIỆM VỤ NĂM 2025"),
    ]


def test_decimal_numbering_nests_under_its_clause():
    doc = parse_body((
        "1. Nhiệm vụ",
        "1.1. Rà soát quy hoạch.",
        "1.2. Xây dựng cơ sở dữ liệu.",
        "2. Giải pháp",
        "2.1. Bố trí kinh phí.",
    ))
    assert outline(doc.body) == [
        "1. Nhiệm vụ",
        "  1.1. Rà soát quy hoạch.",
        "  1.2. Xây dựng cơ sở dữ liệu.",
        "2. Giải pháp",
        "  2.1. Bố trí kinh phí.",
    ]
    assert [c.label for c in doc.body[0].children] == ["1.1", "1.2"]


def test_letter_sequence_with_d_and_dbar():
    doc = parse_body((
        "1. Nhiệm vụ cụ thể",
        "a) Rà soát quy hoạch;",
        "b) Xây dựng kế hoạch;",
        "c) Bố trí kinh phí;",
        "d) Tổ chức tập huấn;",
        "đ) Kiểm tra, giám sát;",
        "e) Sơ kết, đánh giá;",
        "g) Khen thưởng;",
        "h) Báo cáo kết quả.",
    ))
    clause = doc.body[0]
    assert clause.label == "1"
    assert [c.label for c in clause.children] == ["a", "b", "c", "d", "đ", "e", "g", "h"]
    assert all(c.kind == "point" and not c.children for c in clause.children)


def test_letter_sequence_skipping_dbar_stays_flat():
    # d then e with no đ (the classic numbering error) is still the next point
    doc = parse_body((
        "1. Nhiệm vụ cụ thể",
        "c) Bố trí kinh phí;",
        "d) Tổ chức tập huấn;",
        "e) Sơ kết, đánh giá.",
    ))
    assert [c.label for c in doc.body[0].children] == ["c", "d", "e"]


def test_points_after_dash_items_return_to_point_level():
    doc = parse_body((
        "1. Nhiệm vụ cụ thể",
        "a) Tuyên truyền",
        "- Trên báo, đài;",
        "- Trên mạng xã hội.",
        "b) Kiểm tra",
        "- Định kỳ hằng quý.",
    ))
    assert outline(doc.body) == [
        "1. Nhiệm vụ cụ thể",
        "  a) Tuyên truyền",
        "    - Trên báo, đài;",
        "    - Trên mạng xã hội.",
        "  b) Kiểm tra",
        "    - Định kỳ hằng quý.",
    ]


def test_party_ordinals_dash_numbers_and_paren_numbers():
    doc = vbhc.parse(party_doc((
        "Thứ nhất, về nhiệm vụ trọng tâm",
        "1- Tiếp tục tổ chức thực hiện có hiệu quả Nghị quyết số 27-NQ/TW.",
        "2- Tiếp tục tuyên truyền, quán triệt Nghị quyết.",
        "Thứ hai, về các giải pháp chủ yếu",
        "1- Tăng cường công tác lãnh đạo, chỉ đạo của cấp ủy, chính quyền các cấp",
        "(1) Cấp ủy các cấp tiếp tục quán triệt Nghị quyết.",
        "(2) Chính quyền các cấp xây dựng kế hoạch thực hiện.",
        "2- Đổi mới công tác đào tạo, bồi dưỡng trí thức.",
    )))
    assert doc.family == "party"
    assert outline(doc.body) == [
        "Thứ nhất, về nhiệm vụ trọng tâm",
        "  1- Tiếp tục tổ chức thực hiện có hiệu quả Nghị quyết số 27-NQ/TW.",
        "  2- Tiếp tục tuyên truyền, quán triệt Nghị quyết.",
        "Thứ hai, về các giải pháp chủ yếu",
        "  1- Tăng cường công tác lãnh đạo, chỉ đạo của cấp ủy, chính quyền các cấp",
        "    (1) Cấp ủy các cấp tiếp tục quán triệt Nghị quyết.",
        "    (2) Chính quyền các cấp xây dựng kế hoạch thực hiện.",
        "  2- Đổi mới công tác đào tạo, bồi dưỡng trí thức.",
    ]
    first, second = doc.body
    assert first.label == "Thứ nhất"
    assert second.label == "Thứ hai"
    assert first.title == "về nhiệm vụ trọng tâm"
    assert [c.label for c in first.children] == ["1", "2"]
    enum = second.children[0].children
    assert [c.marker for c in enum] == ["(1)", "(2)"]


def test_party_dash_number_with_running_text():
    doc = vbhc.parse(party_doc((
        "1- Các cấp ủy, tổ chức đảng tổ chức quán triệt Kế hoạch này.",
        "2- Giao Ban Tuyên giáo Tỉnh ủy theo dõi, đôn đốc./.",
    )))
    assert [(n.label, n.marker, n.title, n.text) for n in doc.body] == [
        ("1", "1-", None, "Các cấp ủy, tổ chức đảng tổ chức quán triệt Kế hoạch này."),
        ("2", "2-", None, "Giao Ban Tuyên giáo Tỉnh ủy theo dõi, đôn đốc./."),
    ]


# --------------------------------------------------------------------------- headings against running text


def test_heading_item_followed_by_paragraph():
    doc = parse_body((
        "1. Mục đích",
        "Nâng cao nhận thức của cán bộ, công chức về chuyển đổi số.",
    ))
    item = doc.body[0]
    assert item.label == "1"
    assert item.title == "Mục đích"
    assert item.text is None
    assert [c.kind for c in item.children] == ["paragraph"]
    assert item.children[0].text == "Nâng cao nhận thức của cán bộ, công chức về chuyển đổi số."


def test_running_text_item_has_no_title():
    doc = parse_body((
        "1. Các cơ quan, đơn vị, địa phương tổ chức thực hiện.",
        "2. Sở Nội vụ theo dõi, tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
    ))
    first, second = doc.body
    assert first.title is None
    assert first.text == "Các cơ quan, đơn vị, địa phương tổ chức thực hiện."
    assert second.title is None
    assert second.text == "Sở Nội vụ theo dõi, tổng hợp, báo cáo Ủy ban nhân dân tỉnh."


def test_upper_case_section_heading_is_a_title():
    doc = parse_body((
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Các cơ quan, đơn vị thực hiện nghiêm túc Kế hoạch.",
    ))
    sec = doc.body[0]
    assert sec.title == "MỤC ĐÍCH, YÊU CẦU"
    assert sec.text is None
    assert sec.children[0].title is None


def test_roman_alone_on_its_line_takes_next_line_as_title():
    doc = parse_body((
        "I.",
        "MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao nhận thức của cán bộ, công chức.",
    ))
    sec = doc.body[0]
    assert sec.label == "I"
    assert sec.title == "MỤC ĐÍCH, YÊU CẦU"
    assert [c.text for c in sec.children] == ["Nâng cao nhận thức của cán bộ, công chức."]


# --------------------------------------------------------------------------- hard-wrap reflow


def test_heading_item_then_paragraph_in_short_unwrapped_document():
    doc = parse_body((
        "I. NHIỆM VỤ VÀ GIẢI PHÁP",
        "1. Tăng cường công tác tuyên truyền",
        "Tổ chức quán triệt Nghị quyết đến cán bộ, đảng viên.",
        "2. Hoàn thiện cơ chế, chính sách",
        "Rà soát các quy định hiện hành.",
        "II. TỔ CHỨC THỰC HIỆN",
        "Giao Sở Nội vụ theo dõi, đôn đốc./.",
    ))
    assert outline(doc.body) == [
        "I. NHIỆM VỤ VÀ GIẢI PHÁP",
        "  1. Tăng cường công tác tuyên truyền",
        "    ¶ Tổ chức quán triệt Nghị quyết đến cán bộ, đảng viên.",
        "  2. Hoàn thiện cơ chế, chính sách",
        "    ¶ Rà soát các quy định hiện hành.",
        "II. TỔ CHỨC THỰC HIỆN",
        "  ¶ Giao Sở Nội vụ theo dõi, đôn đốc./.",
    ]


def test_reflow_wrapped_upper_case_heading():
    doc = parse_body((
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao nhận thức của cán bộ, công chức.",
        "II. NỘI DUNG THỰC",
        "HIỆN",
        "1. Đẩy mạnh công tác thông tin, tuyên truyền.",
    ))
    assert [[n.label, n.title] for n in doc.body] == [
        ["I", "MỤC ĐÍCH, YÊU CẦU"],
        ["II", "NỘI DUNG THỰC HIỆN"],
    ]
    assert [c.label for c in doc.body[1].children] == ["1"]


def test_reflow_word_split_across_lines():
    doc = parse_body((
        "1. Nhiệm vụ cụ thể",
        "a) Sở Khoa học và Công nghệ chủ",
        "trì, phối hợp với các cơ quan liên quan tổ chức thực hiện.",
        "b) Sở Tài chính bố trí kinh phí.",
    ))
    points = doc.body[0].children
    assert [p.label for p in points] == ["a", "b"]
    assert points[0].text == ("Sở Khoa học và Công nghệ chủ trì, phối hợp với các cơ quan liên quan "
                              "tổ chức thực hiện.")
    assert points[0].children == []


def test_reflow_paragraph_wrapped_mid_sentence():
    doc = parse_body((
        "I. TỔ CHỨC THỰC HIỆN",
        "Sở Khoa học chủ",
        "trì, phối hợp với Sở Nội vụ tổ chức thực hiện Kế hoạch này.",
    ))
    sec = doc.body[0]
    assert [c.text for c in sec.children] == [
        "Sở Khoa học chủ trì, phối hợp với Sở Nội vụ tổ chức thực hiện Kế hoạch này."
    ]


def test_reflow_marker_with_one_word_then_wrap():
    # the seed document's shape: "1. Các cơ" / "quan, đơn vị, địa phương …"
    doc = parse_body((
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Các cơ",
        "quan, đơn vị, địa phương xác định rõ chức năng, nhiệm vụ.",
        "2. Bảo đảm",
        "sự lãnh đạo của Đảng, sự quản lý thống nhất của Nhà nước.",
    ))
    assert outline(doc.body) == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "  1. Các cơ quan, đơn vị, địa phương xác định rõ chức năng, nhiệm vụ.",
        "  2. Bảo đảm sự lãnh đạo của Đảng, sự quản lý thống nhất của Nhà nước.",
    ]


GAPPED_BODY = (
    # a web page that puts an empty line between paragraphs; first lines indented in the
    # original are short, and a wrap may fall before a capital letter or a digit
    "I. NHIỆM VỤ", "",
    "1. Hệ thống thông tin giải quyết",
    "TTHC tỉnh là hệ thống nghiệp vụ có chức năng tiếp nhận, giải quyết hồ sơ của tổ chức, cá nhân.", "",
    "2. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt",
    "Nam, Thông tấn xã Việt Nam kịp thời thông tin về tình hình mưa lũ trên địa bàn.", "",
    "3. Tổ chức thực hiện", "",
    "Sở Nội vụ theo dõi, đôn đốc các cơ quan, đơn vị triển khai thực hiện Kế hoạch này.", "",
    "Các sở, ngành báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15 tháng 12 hằng năm.", "",
    "Sở Tài chính bố trí kinh phí thực hiện Kế hoạch theo quy định của pháp luật.", "",
    "Ủy ban nhân dân các xã, phường chủ động triển khai các nhiệm vụ được giao.", "",
    "Văn phòng Ủy ban nhân dân tỉnh theo dõi, tổng hợp tình hình thực hiện.", "",
    "Sở Thông tin và Truyền thông hướng dẫn các cơ quan báo chí tuyên truyền.", "",
    "Công an tỉnh bảo đảm an ninh, trật tự trong quá trình triển khai thực hiện.", "",
    "Sở Y tế bảo đảm công tác y tế phục vụ các hoạt động của Kế hoạch này.", "",
)


def test_reflow_on_a_page_with_empty_lines_between_paragraphs():
    doc = parse_body(GAPPED_BODY)
    assert outline(doc.body)[:4] == [
        "I. NHIỆM VỤ",
        "  1. Hệ thống thông tin giải quyết TTHC tỉnh là hệ thống nghiệp vụ có chức năng tiếp nhận, giải "
        "quyết hồ sơ của tổ chức, cá nhân.",
        "  2. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam kịp thời thông tin về "
        "tình hình mưa lũ trên địa bàn.",
        # a heading followed by an empty line stays a heading
        "  3. Tổ chức thực hiện",
    ]


def test_reflow_without_empty_lines_keeps_a_short_line_as_a_heading():
    # the same lines with no empty line between paragraphs: nothing says the short line wraps
    doc = parse_body(tuple(x for x in GAPPED_BODY if x))
    assert outline(doc.body)[1:3] == [
        "  1. Hệ thống thông tin giải quyết",
        "    ¶ TTHC tỉnh là hệ thống nghiệp vụ có chức năng tiếp nhận, giải quyết hồ sơ của tổ chức, cá nhân.",
    ]


def test_reflow_bold_marker_then_plain_text_runs_on():
    # "**Điều 4. **" bolds the marker only, and the page wraps the text after such markers (one
    # goes on in lower case): the text after it is the article's, wrapped
    doc = parse_body((
        "**Điều 1. **Quyết định này có hiệu lực thi hành",
        "kể từ ngày ký.",
        "**Điều 2. **Chánh Văn phòng UBND tỉnh, Giám đốc",
        "Sở Văn hóa và Thể thao, Chủ tịch UBND các xã, phường chịu trách nhiệm thi hành Quyết định này./.",
    ), type_line="QUYẾT ĐỊNH", title="Phê duyệt Kế hoạch")
    art = find(doc.body, "Điều 2")
    assert (art.title, art.children) == (None, [])
    assert art.text == ("Chánh Văn phòng UBND tỉnh, Giám đốc Sở Văn hóa và Thể thao, Chủ tịch UBND các xã, "
                        "phường chịu trách nhiệm thi hành Quyết định này./.")
    assert doc.assignments[-1].lead[:2] == ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Văn hóa và Thể thao"]


def test_reflow_bold_marker_then_a_plain_title():
    # no marker's text wraps on this page: the plain text after a bold marker is its title
    doc = parse_body((
        "**Điều 1.** Phạm vi điều chỉnh",
        "Quyết định này quy định việc quản lý cụm công nghiệp.",
        "**Điều 2.** Tổ chức thực hiện",
        "Chánh Văn phòng UBND tỉnh; Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này./.",
    ), type_line="QUYẾT ĐỊNH", title="Ban hành Quy chế")
    assert [(n.label, n.title) for n in doc.body] == [("Điều 1", "Phạm vi điều chỉnh"), ("Điều 2", "Tổ chức thực hiện")]
    assert doc.assignments[-1].lead == ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Tài chính"]


def test_reflow_a_number_word_then_digits_runs_on():
    doc = parse_body((
        "I. CĂN CỨ",
        "Thực hiện Quyết định số",
        "1850/QĐ-TTg ngày 27 tháng 8 năm 2025 của Thủ tướng Chính phủ.",
    ))
    assert [c.text for c in doc.body[0].children] == [
        "Thực hiện Quyết định số 1850/QĐ-TTg ngày 27 tháng 8 năm 2025 của Thủ tướng Chính phủ."]


def test_a_heading_word_wrapped_away_from_its_number():
    doc = parse_body((
        "**Điều", "1**. Công bố kèm theo Quyết định này danh",
        "mục 01 thủ tục hành chính được sửa đổi.",
        "**Điều", "2. Tổ chức thực hiện**",
        "1. Sở Tài chính hướng dẫn thực hiện.",
        "**Điều", "3. **Quyết định này có hiệu lực thi hành kể từ ngày ký.",
    ), type_line="QUYẾT ĐỊNH", title="Công bố thủ tục hành chính")
    assert outline(doc.body) == [
        # a lower-case "mục" at a line's start is the sentence going on, not a section
        "Điều 1. Công bố kèm theo Quyết định này danh mục 01 thủ tục hành chính được sửa đổi.",
        "Điều 2. Tổ chức thực hiện",
        "  1. Sở Tài chính hướng dẫn thực hiện.",
        "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
    ]
    assert doc.body[0].span.start < doc.body[0].span.end
    chapter = parse_body(("**Chương", "I**", "", "**QUY ĐỊNH CHUNG**", "**Điều 1. Phạm vi điều chỉnh**",
                          "Quy định này quy định việc xét tặng danh hiệu."),
                         type_line="QUYẾT ĐỊNH", title="Ban hành Quy định").body[0]
    assert (chapter.label, chapter.title, [c.label for c in chapter.children]) == (
        "Chương I", "QUY ĐỊNH CHUNG", ["Điều 1"])


def test_a_dash_compound_wrapped_at_its_dash_is_no_list_item():
    doc = parse_body((
        "I. NHIỆM VỤ",
        "1. Các cơ quan, đơn vị, tổ chức chính trị",
        "- xã hội, đơn vị sự nghiệp triển khai thực hiện.",
        "2. Thành viên Hội đồng Thi đua",
        "- Khen thưởng tỉnh có trách nhiệm tổ chức thực hiện.",
        "3. Nhiệm vụ chung",
        "- Tuyên truyền.",
    ))
    assert outline(doc.body) == [
        "I. NHIỆM VỤ",
        "  1. Các cơ quan, đơn vị, tổ chức chính trị - xã hội, đơn vị sự nghiệp triển khai thực hiện.",
        "  2. Thành viên Hội đồng Thi đua - Khen thưởng tỉnh có trách nhiệm tổ chức thực hiện.",
        "  3. Nhiệm vụ chung",
        "    - Tuyên truyền.",
    ]


def test_a_proper_name_cut_by_the_wrap_joins_the_short_first_line_to_its_text():
    doc = parse_body((
        "I. TỔ CHỨC THỰC HIỆN",
        "a) Đài Truyền hình Việt Nam, Đài Tiếng nói Việt",
        "Nam, Thông tấn xã Việt Nam chủ trì xây dựng các chuyên mục.",
        "b) Cộng đồng người Việt",
        "Nam ở nước ngoài tham gia giới thiệu sản phẩm.",
        "c) Sở Y tế ở Thành phố Hồ",
        "Chí Minh tổ chức tập huấn.",
        "d) Tiếng Việt",
        "Nâng cao chất lượng dạy học.",
    ))
    assert outline(doc.body) == [
        "I. TỔ CHỨC THỰC HIỆN",
        "  a) Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam chủ trì xây dựng các chuyên mục.",
        "  b) Cộng đồng người Việt Nam ở nước ngoài tham gia giới thiệu sản phẩm.",
        "  c) Sở Y tế ở Thành phố Hồ Chí Minh tổ chức tập huấn.",
        # not another word after the first half: a heading over its paragraph
        "  d) Tiếng Việt",
        "    ¶ Nâng cao chất lượng dạy học.",
    ]


LONG_TITLE = ("Chế độ, chính sách đối với sĩ quan, quân nhân chuyên nghiệp, hạ sĩ quan, binh sĩ, công nhâ"
              "n và viên chức quốc phòng thuộc biên chế các đội tìm kiếm, quy tập hài cốt liệt sĩ")


def test_a_long_article_title_in_a_document_whose_articles_have_titles():
    doc = parse_body((
        "Điều 1. Phạm vi điều chỉnh", "Quy định này quy định chế độ, chính sách.",
        "Điều 2. Đối tượng áp dụng", "Các cơ quan, đơn vị có liên quan.",
        f"Điều 3. {LONG_TITLE}", "1. Được hưởng phụ cấp đặc thù.", "2. Được hỗ trợ tiền ăn.",
        "Điều 4. Kinh phí thực hiện", "Kinh phí do ngân sách nhà nước bảo đảm.",
        "Điều 5. Hiệu lực thi hành", "Thông tư này có hiệu lực từ ngày ký.",
    ), type_line="THÔNG TƯ", title="Quy định chế độ, chính sách", number="Số: 12/2025/TT-BQP")
    art = find(doc.body, "Điều 3")
    assert len(LONG_TITLE) > 160
    assert (art.title, [c.label for c in art.children]) == (LONG_TITLE, ["1", "2"])


def test_a_long_article_sentence_in_a_decision_is_its_text():
    sentence = ("Thành lập Tổ công tác rà soát, tháo gỡ khó khăn, vướng mắc cho các dự án đầu tư ngoài ngân sách "
                "trên địa bàn tỉnh để thực hiện các nhiệm vụ được giao trong năm 2025 và những năm tiếp theo")
    doc = parse_body((f"Điều 1. {sentence}", "1. Tổ trưởng: Phó Chủ tịch UBND tỉnh.", "2. Các thành viên.",
                      "Điều 2. Quyết định này có hiệu lực từ ngày ký."),
                     type_line="QUYẾT ĐỊNH", title="Thành lập Tổ công tác")
    art = find(doc.body, "Điều 1")
    assert (art.title, art.text) == (None, sentence)


def test_an_article_title_ending_in_a_number_word_then_its_first_clause():
    doc = parse_body(("Điều 1. Phạm vi điều chỉnh", "Thông tư này quy định về quản lý rủi ro.",
                      "Điều 2. Kiểm tra sức chịu đựng về thanh khoản", "1. Khi thực hiện kiểm tra.", "2. Kết quả.",
                      "Điều 3. Thời hạn", "Hoàn thành trước ngày", "15. Tháng sau."),
                     type_line="THÔNG TƯ", title="Quy định về quản lý rủi ro", number="Số: 14/2025/TT-NHNN")
    art = find(doc.body, "Điều 2")
    assert (art.title, [c.label for c in art.children]) == ("Kiểm tra sức chịu đựng về thanh khoản", ["1", "2"])
    # after a number word in running text a "15." is still the sentence going on
    assert [c.text for c in find(doc.body, "Điều 3").children] == ["Hoàn thành trước ngày 15. Tháng sau."]


def test_table_cells_do_not_make_a_page_read_as_one_with_empty_lines_between_paragraphs():
    cells = tuple(x for k in range(12) for x in ("|", f"Nội dung công việc số {k + 1} của kế hoạch năm 2025."))
    doc = parse_body(("I. MỤC ĐÍCH", "1. Mục đích", "Nâng cao hiệu quả công tác chuyển đổi số.", *cells))
    assert outline(doc.body)[1:3] == ["  1. Mục đích", "    ¶ Nâng cao hiệu quả công tác chuyển đổi số."]


def test_a_heading_then_a_dash_item_is_no_compound():
    doc = parse_body(("I. NHIỆM VỤ", "1. Công tác thi đua", "- Khen thưởng kịp thời các tập thể, cá nhân.",
                      "2. Lĩnh vực kinh tế", "- Xã hội hóa đầu tư hạ tầng.", "3. Lĩnh vực kinh tế",
                      "- xã hội hóa đầu tư hạ tầng."))
    assert [len(n.children) for n in doc.body[0].children] == [1, 1, 1]


def test_nesting_has_a_floor_deep_enough_for_any_document():
    from vbhc.body import MAX_DEPTH

    def depth(nodes) -> int:
        return 1 + max(depth(n.children) for n in nodes) if nodes else 0

    doc = vbhc.parse("I. A\n" + "Điều 1. Điều khoản lặp lại\n" * 400)
    assert depth(doc.body) <= MAX_DEPTH
    assert len(doc.to_json()) > 400 * 20  # serialises, nothing dropped


def test_marker_after_dangling_word_stays_in_paragraph():
    doc = parse_body((
        "1. Hồ sơ đề nghị thực hiện theo quy định tại điểm",
        "a) khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP.",
        "2. Thời hạn giải quyết là 15 ngày làm việc.",
    ))
    assert outline(doc.body) == [
        "1. Hồ sơ đề nghị thực hiện theo quy định tại điểm a) khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP.",
        "2. Thời hạn giải quyết là 15 ngày làm việc.",
    ]


def test_marker_after_dangling_date_word_stays_in_paragraph():
    doc = parse_body((
        "1. Thời gian hoàn thành trước ngày",
        "15. Các cơ quan báo cáo kết quả về Sở Nội vụ.",
    ))
    # "ngày" / "15. …": the number continues the date, it does not open item 15
    assert len(doc.body) == 1
    assert doc.body[0].children == []
    assert doc.body[0].text == "Thời gian hoàn thành trước ngày 15. Các cơ quan báo cáo kết quả về Sở Nội vụ."


def test_heading_ending_in_uy_followed_by_points():
    # "Tỉnh ủy" ends a heading; the "a)" on the next line opens a point
    doc = parse_body((
        "1. Trách nhiệm của Ban Tuyên giáo Tỉnh ủy",
        "a) Chủ trì hướng dẫn công tác tuyên truyền.",
        "b) Theo dõi, tổng hợp kết quả thực hiện.",
    ))
    assert outline(doc.body) == [
        "1. Trách nhiệm của Ban Tuyên giáo Tỉnh ủy",
        "  a) Chủ trì hướng dẫn công tác tuyên truyền.",
        "  b) Theo dõi, tổng hợp kết quả thực hiện.",
    ]


def test_list_restarting_under_dash_item_nests():
    doc = parse_body((
        "I. NHIỆM VỤ",
        "1. Nhiệm vụ chung",
        "Các cơ quan, đơn vị quán triệt Kế hoạch.",
        "2. Nhiệm vụ cụ thể",
        "- Sở Nội vụ thực hiện các nội dung sau:",
        "1. Rà soát đội ngũ cán bộ, công chức;",
        "2. Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.",
        "II. TỔ CHỨC THỰC HIỆN",
        "Các sở, ban, ngành triển khai thực hiện./.",
    ))
    assert outline(doc.body) == [
        "I. NHIỆM VỤ",
        "  1. Nhiệm vụ chung",
        "    ¶ Các cơ quan, đơn vị quán triệt Kế hoạch.",
        "  2. Nhiệm vụ cụ thể",
        "    - Sở Nội vụ thực hiện các nội dung sau:",
        "      1. Rà soát đội ngũ cán bộ, công chức;",
        "      2. Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.",
        "II. TỔ CHỨC THỰC HIỆN",
        "  ¶ Các sở, ban, ngành triển khai thực hiện./.",
    ]


def test_paragraphs_under_the_innermost_open_item():
    doc = parse_body((
        "1. Nhiệm vụ cụ thể",
        "a) Tuyên truyền",
        "Tổ chức tuyên truyền trên các phương tiện thông tin đại chúng.",
        "Lồng ghép nội dung tuyên truyền vào các hội nghị.",
    ))
    assert outline(doc.body) == [
        "1. Nhiệm vụ cụ thể",
        "  a) Tuyên truyền",
        "    ¶ Tổ chức tuyên truyền trên các phương tiện thông tin đại chúng.",
        "    ¶ Lồng ghép nội dung tuyên truyền vào các hội nghị.",
    ]


def test_paragraph_before_first_marker_is_top_level():
    doc = parse_body((
        "Thực hiện Quyết định số 142/QĐ-TTg ngày 21 tháng 01 năm 2020 của Thủ tướng Chính phủ, "
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao nhận thức của cán bộ, công chức.",
    ))
    assert doc.body[0].kind == "paragraph"
    assert doc.body[0].text.startswith("Thực hiện Quyết định số 142/QĐ-TTg")
    assert doc.body[1].label == "I"


# --------------------------------------------------------------------------- nothing dropped

BODY_EVERYTHING = (
    "Thực hiện Quyết định số 142/QĐ-TTg ngày 21 tháng 01 năm 2020 của Thủ tướng Chính phủ, "
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "Nâng cao nhận thức, trách nhiệm của các cấp, các ngành.",
    "2. Các cơ",
    "quan, đơn vị, địa phương xác định rõ chức năng, nhiệm vụ.",
    "II. NỘI DUNG THỰC",
    "HIỆN",
    "1. Đẩy mạnh công",
    "tác thông tin, tuyên truyền",
    "a) Sở Thông tin và Truyền thông chủ",
    "trì, phối hợp với Sở Khoa học và Công nghệ tổ chức tuyên truyền.",
    "b) Hồ sơ thực hiện theo quy định tại điểm",
    "a) khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP.",
    "c) Tổ chức hội nghị cấp tỉnh và cấp huyện (hoàn thành trong quý II năm 2020)",
    "- Hội nghị cấp tỉnh;",
    "+ Thành phần: lãnh đạo các sở, ngành;",
    "+ Thời gian: tháng 5/2020.",
    "- Hội nghị cấp huyện.",
    "đ) Các nhiệm vụ khác do Ủy ban nhân dân tỉnh giao.",
    "III. TỔ CHỨC THỰC HIỆN",
    "Các sở, ban, ngành triển khai thực hiện Kế hoạch này. Trong quá trình thực hiện, nếu có khó khăn, "
    "vướng mắc, kịp thời báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ) để xem xét, giải quyết./.",
)


def _squash(s: str) -> str:
    return "".join(s.split())


def _node_chars(nodes: list[Node]) -> str:
    parts: list[str] = []
    for top in nodes:
        for n in top.walk():
            parts.extend(p for p in (n.marker, n.title, n.text) if p)
    return _squash("".join(parts))


def test_nothing_dropped_in_body():
    doc = parse_body(BODY_EVERYTHING)
    assert _node_chars(doc.body) == _squash("".join(BODY_EVERYTHING))


def test_nothing_dropped_in_party_body():
    body = (
        "Thứ nhất, về nhiệm vụ trọng tâm",
        "1- Tiếp tục tổ chức thực hiện có hiệu quả Nghị quyết số 27-NQ/TW;",
        "(1) Cấp ủy các cấp quán triệt Nghị quyết.",
        "(2) Chính quyền các",
        "cấp xây dựng kế hoạch thực hiện.",
        "Thứ hai, về các giải pháp chủ yếu",
        "Gắn việc thực hiện Nghị quyết với các chương trình phát triển kinh tế - xã hội./.",
    )
    doc = vbhc.parse(party_doc(body))
    assert _node_chars(doc.body) == _squash("".join(body))


def test_nothing_dropped_in_legal_body():
    body = (
        "Chương I",
        "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh",
        "Quy định này quy định về quản lý cụm công nghiệp.",
        "Điều 5a. Thẩm định hồ sơ",
        "1. Thành phần hồ sơ",
        "a) Văn bản đề nghị;",
        "a1) Bản sao giấy chứng nhận;",
        "b) Báo cáo đầu tư./.",
    )
    doc = parse_body(body, number="Số: 84/2025/QĐ-UBND", type_line="QUY ĐỊNH",
                     title="Quản lý cụm công nghiệp trên địa bàn tỉnh")
    assert _node_chars(doc.body) == _squash("".join(body))


def test_nothing_dropped_colon_of_a_lead_in_line():
    body = (
        "1. Nhiệm vụ cụ thể",
        "a) Tổ chức hội nghị (hoàn thành trong quý II năm 2020):",
        "- Hội nghị cấp tỉnh;",
        "- Hội nghị cấp huyện.",
    )
    doc = parse_body(body)
    assert _node_chars(doc.body) == _squash("".join(body))


def test_node_spans_point_back_at_the_source():
    text = make_doc(BODY_EVERYTHING)
    doc = vbhc.parse(text)
    for top in doc.body:
        for n in top.walk():
            assert 0 <= n.span.start <= n.span.end <= len(text)
            src = _squash(text[n.span.start:n.span.end])
            if n.marker:
                assert src.startswith(_squash(n.marker)), (n.marker, src[:40])
            first = (n.title or n.text or "").split()[:1]
            if first:
                assert first[0] in text[n.span.start:n.span.end]
            for c in n.children:
                assert n.span.start <= c.span.start and c.span.end <= n.span.end


# --------------------------------------------------------------------------- preamble

QD_PREAMBLE = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
    "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 10 tháng 3 năm 2024.",
    "QUYẾT ĐỊNH:",
)
QD_BODY = (
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân tỉnh.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm "
    "thi hành Quyết định này./.",
)


def qd_doc(preamble: tuple[str, ...] = QD_PREAMBLE, body: tuple[str, ...] = QD_BODY) -> Document:
    return parse_body(("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", *preamble, *body),
                      number="Số: 471/QĐ-UBND", type_line="QUYẾT ĐỊNH", title="Ban hành Quy chế làm việc",
                      closing=("Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, NC.", "CHỦ TỊCH", "Nguyễn Văn Du"))


BODY_PLAN = ("I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức của cán bộ, công chức./.")


def test_preamble_kinds():
    doc = qd_doc()
    assert [(n.kind, n.text) for n in doc.preamble] == [
        ("basis", QD_PREAMBLE[0]),
        ("basis", QD_PREAMBLE[1]),
        ("proposal", QD_PREAMBLE[2]),
        ("operative", "QUYẾT ĐỊNH:"),
    ]
    assert doc.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"


def test_preamble_not_in_body():
    doc = qd_doc()
    assert [n.label for n in doc.body] == ["Điều 1", "Điều 2", "Điều 3"]
    for top in doc.body:
        for n in top.walk():
            assert "Căn cứ" not in (n.text or "")
            assert "Theo đề nghị" not in (n.text or "")
            assert "QUYẾT ĐỊNH:" not in (n.text or "")


def test_preamble_wrapped_basis_is_one_node():
    doc = qd_doc(preamble=(
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ",
        "về công tác văn thư;",
        "Theo đề nghị của Giám đốc Sở Nội vụ.",
        "QUYẾT ĐỊNH:",
    ))
    assert [n.kind for n in doc.preamble] == ["basis", "proposal", "operative"]
    assert doc.preamble[0].text == ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 "
                                    "của Chính phủ về công tác văn thư;")


def test_preamble_consideration_and_resolution_word():
    doc = parse_body((
        "HỘI ĐỒNG NHÂN DÂN TỈNH BẮC KẠN",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Xét Tờ trình số 45/TTr-UBND ngày 10 tháng 3 năm 2024 của Ủy ban nhân dân tỉnh.",
        "QUYẾT NGHỊ:",
        "Điều 1. Thông qua Đề án phát triển du lịch tỉnh.",
        "Điều 2. Nghị quyết này có hiệu lực kể từ ngày thông qua./.",
    ), head=("HỘI ĐỒNG NHÂN DÂN", "TỈNH BẮC KẠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc"),
       number="Số: 30/NQ-HĐND", type_line="NGHỊ QUYẾT", title="Thông qua Đề án phát triển du lịch tỉnh",
       closing=("Nơi nhận:", "- Như Điều 2;", "- Lưu: VT.", "CHỦ TỊCH", "Phương Thị Thanh"))
    assert [n.kind for n in doc.preamble][0] == "basis"
    assert doc.preamble[-1].kind == "operative"
    assert doc.preamble[-1].text == "QUYẾT NGHỊ:"
    assert [n.label for n in doc.body] == ["Điều 1", "Điều 2"]


def test_party_preamble_with_dashes():
    doc = vbhc.parse(party_doc((
        "- Căn cứ Điều lệ Đảng;",
        "- Căn cứ Quy chế làm việc của Tỉnh ủy khóa XIV;",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Quán triệt sâu sắc Kết luận số 52-KL/TW.",
        "2. Xác định rõ trách nhiệm của cấp ủy các cấp./.",
    )))
    assert [(n.kind, n.text) for n in doc.preamble] == [
        ("basis", "- Căn cứ Điều lệ Đảng;"),
        ("basis", "- Căn cứ Quy chế làm việc của Tỉnh ủy khóa XIV;"),
    ]
    assert [n.label for n in doc.body] == ["I"]
    assert [c.label for c in doc.body[0].children] == ["1", "2"]


@pytest.mark.parametrize("second", [
    "Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ;",  # a second instrument of the căn cứ
    "Thực hiện Quyết định số 2304/QĐ-BNNMT ngày 23 tháng 6 năm 2025 của Bộ trưởng Bộ Nông nghiệp và Môi trường;",
])
def test_the_enacting_sentence_of_a_normative_document_is_its_operative_line(second):
    # since Luật 64/2025/QH15 "Ủy ban nhân dân tỉnh ban hành Quyết định …" stands where "QUYẾT
    # ĐỊNH:" stood; every line before it is the preamble's
    doc = qd_doc(preamble=(
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;",
        second,
        "Theo đề nghị của Giám đốc Sở Tài chính;",
        "Ủy ban nhân dân tỉnh ban hành Quyết định quy định giờ bán hàng trên địa bàn tỉnh.",
    ))
    assert [n.kind for n in doc.preamble] == ["basis", "basis", "proposal", "operative"]
    assert [n.label for n in doc.body] == ["Điều 1", "Điều 2", "Điều 3"]


def test_the_sentence_that_opens_a_plan_is_not_a_basis():
    doc = parse_body(("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
                      "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:", *BODY_PLAN))
    assert [n.kind for n in doc.preamble] == ["basis"]
    assert doc.body[0].text == "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:"


def test_no_preamble_in_a_plan_without_basis():
    doc = parse_body(("I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức của cán bộ, công chức./."))
    assert doc.preamble == []


# --------------------------------------------------------------------------- quotations


def kinds(nodes: list[Node], depth: int = 0) -> list[str]:
    out: list[str] = []
    for n in nodes:
        out.append(f"{'  ' * depth}{n.kind} {n.marker or ''}".rstrip())
        out.extend(kinds(n.children, depth + 1))
    return out


def test_new_text_of_an_amended_provision_is_one_quote_with_its_own_structure():
    doc = parse_body((
        "Điều 1. Sửa đổi, bổ sung một số khoản của Điều 3",
        "1. Sửa đổi, bổ sung các khoản 6 và 7 như sau:",
        "“6. Khám phúc tra sức khỏe là việc khám lại theo đề nghị của công dân.",
        "7. Hội đồng khám sức khỏe khu vực là Hội đồng chuyên môn:",
        "a) Do Giám đốc Công an tỉnh thành lập;",
        "b) Hoạt động theo chế độ kiêm nhiệm.”.",
        "2. Sửa đổi, bổ sung khoản 12 như sau:",
        "“12. Hội đồng khám phúc tra sức khỏe là Hội đồng chuyên môn.”.",
        "Điều 2. Sửa đổi, bổ sung điểm a khoản 1 của Điều 6",
        "“a) Không phát hiện dương tính với các chất ma túy;”.",
        "Điều 3. Hiệu lực thi hành",
        "Quyết định này có hiệu lực kể từ ngày ký./.",
    ))
    # the quoted "7." is no sibling of the amending "1.", and the amending "2." is not nested in
    # the quoted text; the quote on the line after an article is not the article's title
    assert kinds(doc.body) == [
        "article Điều 1.",
        "  clause 1.",
        "    quote",
        "      clause 6.",
        "      clause 7.",
        "        point a)",
        "        point b)",
        "  clause 2.",
        "    quote",
        "      clause 12.",
        "article Điều 2.",
        "  quote",
        "    point a)",
        "article Điều 3.",
        "  paragraph",
    ]
    assert find(doc.body, "Điều 2").title == "Sửa đổi, bổ sung điểm a khoản 1 của Điều 6"
    quote = find(doc.body, "Điều 2").children[0]
    assert quote.span.start < quote.children[0].span.end <= quote.span.end


def test_quoted_running_text_keeps_its_marks_and_an_unclosed_quote_is_no_quotation():
    doc = parse_body((
        "1. Chủ đề năm 2025",
        "“Lập thành tích chào mừng Đại hội lần thứ XIV của Đảng”.",
        "2. Khẩu hiệu",
        "“Đoàn kết, kỷ cương, sáng tạo” là khẩu hiệu hành động của năm.",
        "3. Tổ chức thực hiện.",
    ))
    assert kinds(doc.body) == ["clause 1.", "  quote", "    paragraph", "clause 2.", "  paragraph", "clause 3."]
    assert find(doc.body, "1").children[0].children[0].text == "“Lập thành tích chào mừng Đại hội lần thứ XIV của Đảng”."


def test_a_sentence_that_closes_the_document_is_not_under_the_last_item():
    doc = parse_body(("III. TỔ CHỨC THỰC HIỆN", "1. Sở Tài chính bố trí kinh phí.", "- Báo cáo định kỳ.",
                      "Trên đây là Kế hoạch triển khai năm 2025 của Ủy ban nhân dân tỉnh."))
    assert [n.kind for n in doc.body] == ["section", "paragraph"]
    assert doc.body[1].text.startswith("Trên đây là")
    # the only sentence of an article stays its text; a summary with more structure after it stays put
    doc = parse_body(("Điều 1. Mức chi", "Mức chi theo Phụ lục.", "Điều 2. Hiệu lực thi hành",
                      "Nghị quyết này đã được Hội đồng nhân dân tỉnh khóa XVIII thông qua ngày 10 tháng 12 năm 2025."))
    assert [len(n.children) for n in doc.body] == [1, 1]
    doc = parse_body(("I. KẾT QUẢ", "1. Công tác tuyên truyền", "- In 500 tờ rơi.",
                      "Trên đây là kết quả công tác tuyên truyền, cụ thể:", "- Phát 20 bản tin.",
                      "2. Công tác kiểm tra", "- Kiểm tra 10 cơ sở."))
    assert [n.label for n in doc.body] == ["I"] and [n.label for n in doc.body[0].children] == ["1", "2"]


@pytest.mark.parametrize(("lines", "joined"), [
    # a dash that goes on a sentence, not a list item
    (("Trên đây là Kế hoạch tài chính", "- ngân sách nhà nước 03 năm 2026 - 2028 của tỉnh."),
     "Trên đây là Kế hoạch tài chính - ngân sách nhà nước 03 năm 2026 - 2028 của tỉnh."),
    (("1. Tăng trưởng xuất khẩu bình quân 05", "- 06%/năm."), "Tăng trưởng xuất khẩu bình quân 05 - 06%/năm."),
    (("1. Công suất: 13.92", "- 15.84 W;"), "Công suất: 13.92 - 15.84 W;"),
    (("1. Số lượng đạt 1900", "- 2100 người."), "Số lượng đạt 1900 - 2100 người."),
])
def test_a_dash_that_goes_on_a_sentence_is_no_item(lines, joined):
    doc = parse_body(lines)
    (node,) = doc.body
    assert not node.children and (node.text or node.title) == joined


def test_a_list_after_a_year_or_a_list_of_lowercase_items_stays_a_list():
    doc = parse_body(("1. Đến năm 2027", "- 100% thư viện được kết nối.", "2. Các nội dung gồm",
                      "- xây dựng kế hoạch", "- tổ chức thực hiện", "3. Mục tiêu cụ thể đến 2030",
                      "- 100% xã có nhà văn hóa;", "4. Kết quả kiểm tra ngày 30/6/2025", "- 12 cơ sở vi phạm;",
                      "5. Mục tiêu giai đoạn 2021 - 2025", "- 100% hộ có điện;", "6. Tiêu chí số 17", "- 95% xã đạt;"))
    assert [len(n.children) for n in doc.body] == [1, 2, 1, 1, 1, 1]
    # a paragraph that introduces a list ("… gồm"), its items ending in ";"
    doc = parse_body(("I. HỒ SƠ", "Thành phần hồ sơ gồm", "- đơn đề nghị cấp phép;", "- bản sao giấy tờ."))
    assert [n.kind for n in doc.body[0].children] == ["paragraph", "item", "item"]


def test_a_page_with_long_unwrapped_lines_still_has_its_wrap_width():
    # prose wrapped at about 80 characters, and long unwrapped lines (the site's own text, rows
    # printed on one line) that put the 90th percentile of line lengths far above the wrap: the
    # width is where most lines that stop in mid-sentence stop (before, 0: no wrap, so "… của" /
    # "Việt Nam …" on 48 of 130 tvpl pages was cut in two)
    from vbhc.grammar import grammar
    from vbhc.lines import tokenize, wrap_width

    wrapped = [
        "Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao tổ chức triển khai thực",
        "hiện nghiêm túc các nội dung của Kế hoạch này, bảo đảm tiến độ, chất lượng, hiệu",
        "quả; định kỳ báo cáo kết quả thực hiện về Sở Nội vụ để tổng hợp, tham mưu cho các",
        "Ủy ban nhân dân tỉnh theo quy định của pháp luật hiện hành và hướng dẫn của các",
    ] * 3
    site = ["Trang web này cung cấp văn bản pháp luật miễn phí cho mọi người dùng trên cả nước, "
            "cập nhật hằng ngày từ các nguồn chính thức và được kiểm tra kỹ lưỡng trước khi đăng tải."] * 4
    lines = tokenize("\n".join(["Sở Nội vụ báo cáo.", *wrapped, *site]) + "\n", grammar())
    assert 75 <= wrap_width(lines) <= 82
    # a page that is not wrapped has none
    assert wrap_width(tokenize("\n".join(site * 3) + "\n", grammar())) == 0


@pytest.mark.parametrize("lines", [
    # a heading's marker after a word that asks for a number or a place is the sentence going on
    ("Điều 1. Phạm vi", "1. Cấp dự báo cháy rừng chia từ cấp I đến cấp", "V. Chi tiết tại Mẫu số 04 kèm theo.",
     "Điều 2. Hiệu lực", "Quyết định này có hiệu lực từ ngày ký."),
    ("Điều 1. Phạm vi", "1. Thực hiện theo trình tự được quy định tại", "Mục 2 Phần XI của Phụ lục kèm theo.",
     "Điều 2. Hiệu lực", "Quyết định này có hiệu lực từ ngày ký."),
    ("Điều 1. Phạm vi", "1. Màn hình với kích thước", "1.82 inch, độ phân giải cao.",
     "Điều 2. Hiệu lực", "Quyết định này có hiệu lực từ ngày ký."),
])
def test_a_heading_marker_that_goes_on_a_sentence_opens_no_heading(lines):
    doc = parse_body(lines)
    assert [n.label for n in doc.body] == ["Điều 1", "Điều 2"]
    assert len(doc.body[0].children) == 1 and not doc.body[0].children[0].children


def test_lines_before_the_operative_line_stay_in_the_preamble():
    doc = qd_doc(preamble=(
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
        "Xét đề nghị của Bộ trưởng Bộ Công an;",
        "Trên cơ sở kết quả biểu quyết của các Thành viên Chính phủ,",
        "QUYẾT ĐỊNH:",
    ))
    assert [n.kind for n in doc.preamble][-1] == "operative"
    assert len(doc.preamble) == 4
    assert [n.label for n in doc.body] == ["Điều 1", "Điều 2", "Điều 3"]


def test_a_sentence_reporting_a_decision_is_no_enacting_line():
    doc = parse_body(("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
                      "Ủy ban nhân dân tỉnh đã ban hành Quyết định số 1234/QĐ-UBND ngày 05/3/2025 về chuyển đổi số.",
                      *BODY_PLAN))
    assert [n.kind for n in doc.preamble] == ["basis"]
    assert doc.body[0].text.startswith("Ủy ban nhân dân tỉnh đã ban hành")
    doc = qd_doc(preamble=("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;",
                           "UBND thành phố Đà Nẵng ban hành Quyết định bãi bỏ Quyết định số 14/2025/QĐ-UBND."))
    assert [n.kind for n in doc.preamble] == ["basis", "operative"]


def test_the_body_opens_with_its_own_sentence_after_the_basis():
    # "Thực hiện chỉ đạo …, Sở Nội vụ đề nghị …" is the request itself, not a basis
    doc = parse_body(("Căn cứ Kế hoạch số 10/KH-UBND ngày 01/01/2025 của UBND tỉnh;",
                      "Thực hiện chỉ đạo của UBND tỉnh, Sở Nội vụ đề nghị các đơn vị báo cáo trước ngày 15/12/2025.",
                      *BODY_PLAN))
    assert [n.kind for n in doc.preamble] == ["basis"]
    assert doc.deadlines and doc.deadlines[0].end == "2025-12-15"
    # an operative-looking line under the body's first heading does not pull the body above it in
    doc = parse_body(("Căn cứ Kế hoạch số 10/KH-UBND ngày 01/01/2025 của UBND tỉnh;",
                      "Để triển khai có hiệu quả, Sở Nội vụ xây dựng kế hoạch như sau.",
                      "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Nâng cao nhận thức.", "KẾT LUẬN:", "Các đơn vị thực hiện./."))
    assert [n.kind for n in doc.preamble] == ["basis"]


def test_a_wrapped_basis_stays_whole():
    doc = parse_body(("Căn cứ Thông tư số 31/2022/TT-BTC ngày 08/6/2022 của Bộ trưởng Bộ Tài chính;",
                      "Trên cơ sở Đơn đề nghị xác định mã số số 002 ngày 23/9/2025 của Công ty",
                      "TNHH Giải trí Our game (MST: 0110905160) và hồ sơ kèm theo;", *BODY_PLAN))
    assert [n.kind for n in doc.preamble] == ["basis", "basis"]
    assert doc.body[0].label == "I"



FIRST_LINE_WRAPPED = """1. Giao Sở Nội vụ
- Chủ trì rà soát, cập nhật
dữ liệu cán bộ, công chức, viên chức của các cơ quan, đơn vị trên địa bàn Thành phố
theo đúng kế hoạch đã đề ra.
- Tiếp tục phối hợp với Trung
tâm Chuyển đổi số Thành phố và các cơ quan, đơn vị liên quan đảm bảo hạ tầng
công nghệ, kịp thời xử lý các vấn đề về kỹ thuật, tạo điều kiện thuận lợi cho
các cơ quan, đơn vị thực hiện cập nhật dữ liệu cán bộ, công chức, viên chức.
- Hướng dẫn, theo dõi tiến độ và
đánh giá chất lượng cập nhật dữ liệu cán bộ, công chức, viên chức của các cơ quan,
đơn vị trên địa bàn Thành phố theo đúng kế hoạch và yêu cầu đã đề ra trong năm.
- Tham mưu Ủy ban nhân dân
Thành phố đánh giá, xem xét trách nhiệm người đứng đầu đối với các cơ quan, đơn
vị không thực hiện kịp thời, đầy đủ các nội dung chỉ đạo của Ủy ban nhân dân
Thành phố.
"""


def test_a_page_that_wraps_items_first_lines_short_joins_a_capitalised_wrap():
    (section,) = vbhc.parse(FIRST_LINE_WRAPPED).body
    last = section.children[-1]
    assert last.children == []
    assert last.text.startswith("Tham mưu Ủy ban nhân dân Thành phố đánh giá")


@pytest.mark.parametrize("change", [
    # only two short first lines wrapped in lower case: no page habit, the capital starts a paragraph
    ("- Hướng dẫn, theo dõi tiến độ và\nđánh", "- Hướng dẫn, theo dõi tiến độ và đánh"),
    # a bold line is a heading over its paragraph
    ("- Tham mưu Ủy ban nhân dân\n", "**- Tham mưu Ủy ban nhân dân**\n"),
])
def test_a_short_item_line_before_a_capitalised_line_stays_an_item_on_other_pages(change):
    text = FIRST_LINE_WRAPPED.replace(*change)
    (section,) = vbhc.parse(text).body
    assert [c.text for c in section.children[-1].children][0].startswith("Thành phố đánh giá")


def test_a_page_of_short_headings_over_paragraphs_wraps_no_first_lines():
    items = "".join(f"{k}) Mục tiêu số {k}\nNâng cao chất lượng, hiệu quả hoạt động của các cơ quan, đơn vị trên "
                    f"địa bàn tỉnh trong năm.\n" for k in "abcd")
    lower = "".join(f"- Nội dung thứ {k} và\nthực hiện rà soát, cập nhật dữ liệu của các cơ quan, đơn vị trên địa bàn "
                    f"tỉnh trong năm.\n" for k in range(3))
    (section,) = vbhc.parse("1. Mục tiêu\n" + lower + items).body
    assert [c.title or c.text for c in section.children][-1] == "Mục tiêu số d"
