"""Assignments, deadlines and the task matrix (issue 3): one fixture per shape."""

from __future__ import annotations

import csv
import io

import pytest

import vbhc
from vbhc.assignments import key, split_names
from vbhc.cli import main
from vbhc.deadlines import find

HEADER = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 486/KH-UBND
Hà Tĩnh, ngày 12 tháng 3 năm 2024

KẾ HOẠCH
Phát triển văn hóa đọc năm 2024

"""


def rows(body: str):
    return [(a.lead, a.partners) for a in vbhc.parse(HEADER + body + "\n").assignments]


# --------------------------------------------------------------------------- splitting names

@pytest.mark.parametrize(("text", "names"), [
    ("Sở Văn hóa, Thể thao và Du lịch, Sở Nội vụ", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ"]),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các cơ quan, đơn vị, địa phương",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các cơ quan, đơn vị, địa phương"]),
    ("các sở, ban, ngành liên quan, Ủy ban nhân dân các huyện, thành phố",
     ["các sở, ban, ngành liên quan", "Ủy ban nhân dân các huyện, thành phố"]),
    ("các Sở: Giáo dục và Đào tạo, Nội vụ", ["Sở Giáo dục và Đào tạo", "Sở Nội vụ"]),
    ("các Sở: Giáo dục và Đào tạo, Văn hóa, Thể thao và Du lịch và các cơ quan, đơn vị liên quan",
     ["Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch", "các cơ quan, đơn vị liên quan"]),
    ("Bộ Chỉ huy Quân sự tỉnh và sở, ngành có liên quan", ["Bộ Chỉ huy Quân sự tỉnh", "sở, ngành có liên quan"]),
    # provinces are a collective like districts; "tỉnh" opens one only after "các" or a head
    ("Bộ Y tế, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
     ["Bộ Y tế", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
    # a place alone after a body of a place is that body there (grammars: levels)
    ("UBND thành phố Hà Nội, Thành phố Hồ Chí Minh và UBND các tỉnh, thành phố khác",
     ["UBND thành phố Hà Nội", "UBND Thành phố Hồ Chí Minh", "UBND các tỉnh, thành phố khác"]),
    ("Ủy ban nhân dân thành phố Cần Thơ, thành phố Hải Phòng, tỉnh Nam Định",
     ["Ủy ban nhân dân thành phố Cần Thơ", "Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân tỉnh Nam Định"]),
    ("Giám đốc Công an tỉnh, thành phố; các tổ chức có liên quan",
     ["Giám đốc Công an tỉnh", "Giám đốc Công an thành phố", "các tổ chức có liên quan"]),
    # and a level alone after a body of a level
    ("Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã", ["Ban Chỉ huy Phòng thủ dân sự cấp tỉnh",
                                                       "Ban Chỉ huy Phòng thủ dân sự cấp xã"]),
    ("Giám đốc Trung tâm Dịch vụ công cấp tỉnh, cấp xã và Sở Nội vụ",
     ["Giám đốc Trung tâm Dịch vụ công cấp tỉnh", "Giám đốc Trung tâm Dịch vụ công cấp xã", "Sở Nội vụ"]),
    # but not a place after a collective phrase, nor a level after a place
    ("UBND các tỉnh, Thành phố Hồ Chí Minh", ["UBND các tỉnh", "Thành phố Hồ Chí Minh"]),
    ("Công an tỉnh, cấp xã", ["Công an tỉnh", "cấp xã"]),
    # a region after a body's region is more of its description (grammars: regions)
    ("UBND các tỉnh vùng Tây Bắc, Tây Nguyên và Sở Y tế", ["UBND các tỉnh vùng Tây Bắc, Tây Nguyên", "Sở Y tế"]),
    ("Chủ tịch UBND các xã thuộc vùng cao, miền núi; Bộ Công an",
     ["Chủ tịch UBND các xã thuộc vùng cao, miền núi", "Bộ Công an"]),
    ("Chủ tịch Ủy ban nhân dân cấp tỉnh, Bộ trưởng, người đứng đầu ngành, cơ quan, tổ chức ở trung ương",
     ["Chủ tịch Ủy ban nhân dân cấp tỉnh", "Bộ trưởng", "người đứng đầu ngành, cơ quan, tổ chức ở trung ương"]),
    # a field after a comma or "và" goes on the compound name before it (grammars: name_parts)
    ("Phòng Kinh tế, Hạ tầng và Đô thị phường, Phòng Văn hóa - Xã hội",
     ["Phòng Kinh tế, Hạ tầng và Đô thị phường", "Phòng Văn hóa - Xã hội"]),
    ("Cục Địa chất và Khoáng sản Việt Nam, Vụ trưởng Vụ Pháp chế",
     ["Cục Địa chất và Khoáng sản Việt Nam", "Vụ trưởng Vụ Pháp chế"]),
    ("Sở Tài chính, Thuế tỉnh; Du lịch", ["Sở Tài chính", "Thuế tỉnh", "Du lịch"]),
    ("Cục Hàng hải và Đường thủy Việt Nam, Cục Kế hoạch và tài chính",
     ["Cục Hàng hải và Đường thủy Việt Nam", "Cục Kế hoạch và tài chính"]),
    ("Bộ Kế hoạch và Đầu tư, Sở Y tế và Sở Tài chính", ["Bộ Kế hoạch và Đầu tư", "Sở Y tế", "Sở Tài chính"]),
    # fields of a compound name (grammars: name_parts)
    ("Cục trưởng Cục Công nghệ thông tin và Chuyển đổi số, Chánh Văn phòng Bộ",
     ["Cục trưởng Cục Công nghệ thông tin và Chuyển đổi số", "Chánh Văn phòng Bộ"]),
    ("Cục trưởng Cục Văn hóa cơ sở, Gia đình và Thư viện, Thủ trưởng các đơn vị",
     ["Cục trưởng Cục Văn hóa cơ sở, Gia đình và Thư viện", "Thủ trưởng các đơn vị"]),
    # but not a name of its own, nor one after a comma that "và" does not close
    ("Tòa án nhân dân tỉnh, Thuế tỉnh; Kho bạc Nhà nước", ["Tòa án nhân dân tỉnh", "Thuế tỉnh", "Kho bạc Nhà nước"]),
    ("Sở Công Thương, Các doanh nghiệp viễn thông", ["Sở Công Thương", "Các doanh nghiệp viễn thông"]),
    ("Sở Công Thương và EVN", ["Sở Công Thương", "EVN"]),
    ("Sở Y tế và Bưu điện tỉnh", ["Sở Y tế", "Bưu điện tỉnh"]),
    ("Sở Công Thương, Điện lực tỉnh và Viettel Hà Tĩnh", ["Sở Công Thương", "Điện lực tỉnh", "Viettel Hà Tĩnh"]),
    # lower-case words after a comma or "và" that name no body go on the name before them
    ("Ban Quản lý các khu công nghệ cao và khu công nghiệp, Sở Tài chính",
     ["Ban Quản lý các khu công nghệ cao và khu công nghiệp", "Sở Tài chính"]),
    # a comma inside a known name, and a board over a zone "và các" parks (a shape of name)
    ("Ban Chính sách, chiến lược Trung ương, Bộ Nội vụ", ["Ban Chính sách, chiến lược Trung ương", "Bộ Nội vụ"]),
    ("Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp Thanh Hóa, Sở Xây dựng",
     ["Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp Thanh Hóa", "Sở Xây dựng"]),
    ("Ban Quản lý Khu kinh tế tỉnh và các Sở, ngành", ["Ban Quản lý Khu kinh tế tỉnh", "các Sở, ngành"]),
    ("Ban Quản lý các khu công nghệ cao và khu công nghiệp Thành phố, Sở Nội vụ",
     ["Ban Quản lý các khu công nghệ cao và khu công nghiệp Thành phố", "Sở Nội vụ"]),
    ("Ban Chỉ huy phòng cháy, chữa cháy rừng cấp xã và các chủ rừng",
     ["Ban Chỉ huy phòng cháy, chữa cháy rừng cấp xã", "các chủ rừng"]),
    ("Cục trưởng Cục Quản lý, giám sát kế toán, kiểm toán, Chánh Văn phòng Bộ",
     ["Cục trưởng Cục Quản lý, giám sát kế toán, kiểm toán", "Chánh Văn phòng Bộ"]),
    ("Thủ trưởng các cơ quan, đơn vị thuộc, trực thuộc Bộ Nội vụ và các tổ chức có liên quan",
     ["Thủ trưởng các cơ quan, đơn vị thuộc, trực thuộc Bộ Nội vụ", "các tổ chức có liên quan"]),
    # but people, other actors and collective nouns are items of their own
    ("Thủ trưởng các cơ quan và cán bộ, công chức, viên chức",
     ["Thủ trưởng các cơ quan", "cán bộ", "công chức", "viên chức"]),
    ("Ban Chỉ huy phòng cháy rừng cấp xã và chủ rừng", ["Ban Chỉ huy phòng cháy rừng cấp xã", "chủ rừng"]),
    ("Sở Y tế và đơn vị liên quan", ["Sở Y tế", "đơn vị liên quan"]),
    ("Sở Y tế và lực lượng chức năng", ["Sở Y tế", "lực lượng chức năng"]),
    # the short name a document gives a body is not part of its name
    ("Ban Quản lý khu công nghệ cao (sau đây gọi tắt là “Ban Quản lý”), Sở Nội vụ",
     ["Ban Quản lý khu công nghệ cao", "Sở Nội vụ"]),
    ("Ủy ban nhân dân xã, phường (sau đây gọi chung là cấp xã)", ["Ủy ban nhân dân xã, phường"]),
    # "Bộ trưởng" after a comma is a person's title, not one more noun of a collective "Bộ, Bộ …"
    ("Chánh Văn phòng Bộ, Bộ trưởng Bộ Tài chính", ["Chánh Văn phòng Bộ", "Bộ trưởng Bộ Tài chính"]),
    # a lower-case item goes on a name only when it shares the name's noun or follows a link word:
    # bodies of their own after a name or a collective phrase stay items
    ("các sở, ngành liên quan và chính quyền địa phương", ["các sở, ngành liên quan", "chính quyền địa phương"]),
    ("Sở Y tế và nhà trường", ["Sở Y tế", "nhà trường"]),
    ("Sở Y tế, trạm y tế xã", ["Sở Y tế", "trạm y tế xã"]),
    ("Hội Liên hiệp Phụ nữ, đoàn thanh niên", ["Hội Liên hiệp Phụ nữ", "đoàn thanh niên"]),
    ("UBND cấp xã, thôn, tổ dân phố", ["UBND cấp xã", "thôn", "tổ dân phố"]),
    ("các doanh nghiệp nhỏ và vừa, Sở Công Thương", ["các doanh nghiệp nhỏ và vừa", "Sở Công Thương"]),
    # a known name written with the old or the new tone placement stays whole
    ("Sở Văn hoá, Thể thao và Du lịch, Sở Nội vụ", ["Sở Văn hoá, Thể thao và Du lịch", "Sở Nội vụ"]),
    # and in capitals, as a heading prints it
    ("SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH, SỞ Y TẾ", ["SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH", "SỞ Y TẾ"]),
    # a capitalised noun before a capitalised word is the head of a name, not part of the collective
    ("UBND tỉnh, Sở Tài chính", ["UBND tỉnh", "Sở Tài chính"]),
    ("UBND huyện, Sở Tài chính, Công an Thành phố", ["UBND huyện", "Sở Tài chính", "Công an Thành phố"]),
    ("Ủy ban nhân dân các tỉnh, Bộ Quốc phòng", ["Ủy ban nhân dân các tỉnh", "Bộ Quốc phòng"]),
    ("các sở, ban, ngành Thành phố", ["các sở, ban, ngành Thành phố"]),
    ("Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu Lý Sơn",
     ["Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu Lý Sơn"]),
    # a noun before a name heads a body of its own, after a collective phrase
    ("các phòng, ban chuyên môn thuộc UBND cấp xã, cơ quan Thuế",
     ["các phòng, ban chuyên môn thuộc UBND cấp xã", "cơ quan Thuế"]),
    ("Ủy ban nhân dân cấp xã, cơ quan Thuế", ["Ủy ban nhân dân cấp xã", "cơ quan Thuế"]),
    ("các bộ, ngành Trung ương và địa phương", ["các bộ, ngành Trung ương", "địa phương"]),
    # the collective phrase of a place's government names places only (collective_place_heads)
    ("các sở, ban, ngành, UBND các xã, phường và cơ quan, đơn vị có liên quan",
     ["các sở, ban, ngành", "UBND các xã, phường", "cơ quan, đơn vị có liên quan"]),
    ("Ủy ban nhân dân các cấp và tổ chức, cá nhân khác có liên quan",
     ["Ủy ban nhân dân các cấp", "tổ chức, cá nhân khác có liên quan"]),
    ("Chủ tịch UBND các huyện, thị xã, doanh nghiệp viễn thông",
     ["Chủ tịch UBND các huyện, thị xã", "doanh nghiệp viễn thông"]),
    # one office of two bodies
    ("Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh, Viện kiểm sát nhân dân tỉnh",
     ["Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh", "Viện kiểm sát nhân dân tỉnh"]),
    ("Văn phòng Đoàn ĐBQH và Hội đồng nhân dân Thành phố và Sở Y tế",
     ["Văn phòng Đoàn ĐBQH và Hội đồng nhân dân Thành phố", "Sở Y tế"]),
    # the press by its media after a noun of bodies is one collective phrase (collective_inner:
    # the media words never open one bare)
    ("Thông tấn xã Việt Nam và các cơ quan báo chí, phát thanh, truyền hình khác",
     ["Thông tấn xã Việt Nam", "các cơ quan báo chí, phát thanh, truyền hình khác"]),
    ("các cơ quan thông tấn, báo chí, Sở Nội vụ", ["các cơ quan thông tấn, báo chí", "Sở Nội vụ"]),
    ("Đài Phát thanh và Truyền hình tỉnh, Đài Truyền hình Việt Nam",
     ["Đài Phát thanh và Truyền hình tỉnh", "Đài Truyền hình Việt Nam"]),
])
def test_split_names(text, names):
    assert split_names(text) == names


def test_an_empty_table_of_name_shapes_protects_nothing_more(grammar_copy):
    """With no shape of name listed (agencies.toml ``name_shapes = []``) the names split as before:
    the empty table adds no empty branch, which would hold an empty name at every word's edge."""
    from vbhc import assignments as A

    text = "Sở Y tế, Phòng Kinh tế, Hạ tầng và Ủy ban nhân dân các xã"
    names = ["Sở Y tế", "Phòng Kinh tế, Hạ tầng", "Ủy ban nhân dân các xã"]
    assert split_names(text) == names
    p = grammar_copy / "agencies.toml"
    source = p.read_text(encoding="utf-8")
    start = source.index("name_shapes = [")
    p.write_text(source[:start] + "name_shapes = []" + source[source.index("\n]\n", start) + 2:], encoding="utf-8")
    A.agency_grammar.cache_clear()  # read above from the table as shipped
    assert A.read_table("agencies.toml")["name_shapes"] == []
    assert split_names(text) == names
    assert A.agency_grammar().protect.match(" Sở Y tế", 0) is None


def test_grouping_key_folds_case_tones_and_abbreviations():
    assert key("UBND các huyện") == key("Ủy ban nhân dân các huyện") == key("Uỷ ban nhân dân các huyện")
    assert key("Văn phòng Đoàn ĐBQH và HĐND tỉnh") == key("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh")
    assert key("Sở Văn hoá") == key("sở văn hóa")


# --------------------------------------------------------------------------- row shapes

def test_lead_and_partners():
    assert rows("a) Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính và các cơ quan, đơn vị "
                "liên quan rà soát, hoàn thiện các chính sách.") == [
        (["Sở Khoa học và Công nghệ"], ["Sở Tài chính", "các cơ quan, đơn vị liên quan"])]


def test_partners_after_the_collective_phrase_of_communes_are_a_body_of_their_own():
    assert rows("1. Sở Công Thương chủ trì, phối hợp với các sở, ngành, UBND các xã, phường và cơ quan, đơn vị "
                "có liên quan tổ chức tập huấn.") == [
        (["Sở Công Thương"], ["các sở, ngành", "UBND các xã, phường", "cơ quan, đơn vị có liên quan"])]


def test_giao_opener_is_not_part_of_the_lead():
    assert rows("2. Giao Công an tỉnh chủ trì, phối hợp với Văn phòng UBND tỉnh theo dõi, đôn đốc.") == [
        (["Công an tỉnh"], ["Văn phòng UBND tỉnh"])]


def test_words_between_lead_and_partners():
    assert rows("4. Đài truyền hình Việt Nam chủ trì đạo diễn, phối hợp với các bộ ngành, địa phương liên quan "
                "xây dựng Chương trình.") == [(["Đài truyền hình Việt Nam"], ["các bộ ngành, địa phương liên quan"])]


@pytest.mark.parametrize("body, partners, task", [
    ("a) Sở Tài chính chủ trì tổng hợp, trình cấp có thẩm quyền và phối hợp với các sở, ngành bố trí kinh phí.",
     ["các sở, ngành"], "tổng hợp, trình cấp có thẩm quyền và bố trí kinh phí"),
    ("b) Sở Du lịch chủ trì biên tập, phối hợp với Sở Ngoại vụ xây dựng cẩm nang.",
     ["Sở Ngoại vụ"], "biên tập, xây dựng cẩm nang"),
    ("c) Sở Du lịch chủ trì tổng hợp, phối hợp thực hiện các nhiệm vụ được giao.",
     [], "tổng hợp, phối hợp thực hiện các nhiệm vụ được giao"),
    # a conjunction alone between them is no task
    ("d) Sở Du lịch chủ trì hoặc phối hợp với Sở Ngoại vụ xây dựng cẩm nang.",
     ["Sở Ngoại vụ"], "xây dựng cẩm nang"),
    ("e) Sở Du lịch chủ trì và phối hợp với Sở Ngoại vụ xây dựng cẩm nang.",
     ["Sở Ngoại vụ"], "xây dựng cẩm nang"),
])
def test_what_the_lead_does_before_its_partner_phrase_stays_in_the_task(body, partners, task):
    (a,) = vbhc.parse(HEADER + body + "\n").assignments
    assert (a.lead[0][:3], a.partners, a.task) == ("Sở ", partners, task)


@pytest.mark.parametrize("body, expected", [
    # a body named before the partner phrase is its subject: a clause of its own
    ("1. Sở Tài chính chủ trì thẩm định, Sở Y tế phối hợp với Sở Xây dựng kiểm tra hồ sơ.",
     [(["Sở Tài chính"], [], "thẩm định"), (["Sở Y tế"], ["Sở Xây dựng"], "kiểm tra hồ sơ")]),
    ("2. Sở Tài chính chủ trì thẩm định, UBND các xã phối hợp với Sở Xây dựng kiểm tra hồ sơ.",
     [(["Sở Tài chính"], [], "thẩm định"), (["UBND các xã"], ["Sở Xây dựng"], "kiểm tra hồ sơ")]),
    # with no partner named after it, that body is the lead's partner
    ("3. Sở Tài chính chủ trì thẩm định, Sở Y tế phối hợp thực hiện.",
     [(["Sở Tài chính"], ["Sở Y tế"], "thẩm định")]),
    # a remark in brackets on the lead's role is no task
    ("4. Sở Tài chính chủ trì (theo chức năng, nhiệm vụ), phối hợp với Sở Y tế triển khai kế hoạch.",
     [(["Sở Tài chính"], ["Sở Y tế"], "triển khai kế hoạch")]),
])
def test_a_body_named_before_a_partner_phrase_is_never_part_of_the_leads_task(body, expected):
    assert [(a.lead, a.partners, a.task) for a in vbhc.parse(HEADER + body + "\n").assignments] == expected


def test_a_later_clauses_partner_joins_the_one_named_before_the_partner_phrase():
    # "X chủ trì …, Y phối hợp thực hiện; Z phối hợp …": both are the lead's partners
    body = "1. Sở Công Thương chủ trì khảo sát, Sở Xây dựng phối hợp thực hiện; Công an tỉnh phối hợp bảo vệ.\n"
    assert [(a.lead, a.partners, a.task) for a in vbhc.parse(HEADER + body).assignments] == [
        (["Sở Công Thương"], ["Sở Xây dựng", "Công an tỉnh"], "khảo sát")]


def test_distributive_lead_without_chu_tri():
    assert rows("a) Các Sở: Khoa học và Công nghệ, Giáo dục và Đào tạo phối hợp với các cơ quan, tổ chức, "
                "đơn vị có liên quan xây dựng quy định.") == [
        (["Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo"], ["các cơ quan, tổ chức, đơn vị có liên quan"])]


def test_lead_after_a_lead_in_phrase():
    assert rows("a) Trên cơ sở Chiến lược quốc gia, Sở Khoa học và Công nghệ chủ trì, phối hợp với các Sở: "
                "Giáo dục và Đào tạo, Nội vụ nghiên cứu, tham mưu.") == [
        (["Sở Khoa học và Công nghệ"], ["Sở Giáo dục và Đào tạo", "Sở Nội vụ"])]


def test_lead_from_the_item_heading():
    found = rows("III. PHÂN CÔNG NHIỆM VỤ\n1. Công an tỉnh\n- Chủ trì, phối hợp với các cơ quan, đơn vị có liên "
                 "quan tham mưu kiện toàn Ban Chỉ đạo.")
    assert found == [(["Công an tỉnh"], ["các cơ quan, đơn vị có liên quan"])]


@pytest.mark.parametrize(("heading", "items"), [
    ("Điều 24. Trách nhiệm của Công an tỉnh", ("1.", "2.", "3.")),
    ("b) Đối với Công an tỉnh:", ("-", "-", "-")),
    ("2. Nhiệm vụ, quyền hạn của Công an tỉnh", ("a)", "b)", "c)")),
    ("3. Công an tỉnh (sau đây gọi tắt là “Công an”) có trách nhiệm:", ("a)", "b)", "c)")),
])
def test_lead_from_a_heading_that_names_whose_duties_follow(heading, items):
    one, two, three = items
    doc = vbhc.parse(HEADER + heading + f"\n{one} Chủ trì, phối hợp với Sở Xây dựng bảo đảm an ninh hạ tầng viễn thông.\n"
                     f"{two} Chủ trì phối hợp điều phối sử dụng hạ tầng viễn thông phục vụ quốc phòng, an ninh.\n"
                     f"{three} Chủ trì, phối hợp liên ngành trong công tác quản lý hạ tầng.\n")
    found = [(a.lead, a.partners, a.task) for a in doc.assignments if a.phrase == "chủ trì"]
    assert found == [
        (["Công an tỉnh"], ["Sở Xây dựng"], "bảo đảm an ninh hạ tầng viễn thông"),
        # no "với" and no body named after "phối hợp": what follows is the task, not partners
        (["Công an tỉnh"], [], "điều phối sử dụng hạ tầng viễn thông phục vụ quốc phòng, an ninh"),
        (["Công an tỉnh"], [], "liên ngành trong công tác quản lý hạ tầng"),
    ]


@pytest.mark.parametrize(("text", "lead", "task"), [
    ("Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm lập dự toán.",
     "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này", "lập dự toán."),
    ("Các cơ quan, đơn vị được xin ý kiến về hồ sơ đề xuất chấp thuận nhà đầu tư, có trách nhiệm xem xét, thẩm định.",
     "Các cơ quan, đơn vị được xin ý kiến về hồ sơ đề xuất chấp thuận nhà đầu tư", "xem xét, thẩm định."),
])
def test_bodies_described_by_what_they_were_given_are_one_lead(text, lead, task):
    doc = vbhc.parse(HEADER + text + "\n")
    assert [(a.phrase, a.lead, a.task) for a in doc.assignments] == [("trách nhiệm", [lead], task)]


def test_a_sentence_after_a_described_subject_is_no_lead():
    doc = vbhc.parse(HEADER + "Các cá nhân được cấp hộp thư điện tử công vụ phải thường xuyên sử dụng hộp thư và có "
                     "trách nhiệm bảo mật mật khẩu.\n")
    assert doc.assignments == []


@pytest.mark.parametrize("text", [
    "2. Sở Dân tộc và Tôn giáo\n- Có ý kiến bằng văn bản về hoạt động từ thiện theo đề nghị của cơ quan chủ trì.",
    "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh gửi đề xuất đến cơ quan chủ trì soạn thảo quy hoạch, đề án.",
])
def test_the_lead_word_as_a_noun_makes_no_row(text):
    assert [a for a in vbhc.parse(HEADER + text + "\n").assignments if a.phrase == "chủ trì"] == []


@pytest.mark.parametrize("text", ["Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối, chủ trì hướng dẫn thực hiện Đề án.",
                                  "Sở Nông nghiệp và Môi trường là đơn vị chủ trì hướng dẫn thực hiện Đề án."])
def test_what_the_lead_is_called_is_not_its_name(text):
    (a,) = vbhc.parse(HEADER + text + "\n").assignments
    assert a.lead == ["Sở Nông nghiệp và Môi trường"]


def test_heading_over_a_list_gives_one_row_per_task():
    doc = vbhc.parse(HEADER + "b) Sở Khoa học và Công nghệ chủ trì, phối hợp với các cơ quan, đơn vị liên quan:\n"
                     "- Rà soát các chính sách trọng dụng trí thức.\n- Tham mưu ban hành Quy chế xét chọn.\n")
    assert [(a.lead, a.task, a.path) for a in doc.assignments] == [
        (["Sở Khoa học và Công nghệ"], "Rà soát các chính sách trọng dụng trí thức.", ["b", "-1"]),
        (["Sở Khoa học và Công nghệ"], "Tham mưu ban hành Quy chế xét chọn.", ["b", "-2"]),
    ]


def test_a_task_that_goes_on_in_the_items_below_it_holds_their_text():
    doc = vbhc.parse(HEADER + "a) Công an tỉnh chủ trì triển khai các nhiệm vụ tại các dự án của Chương trình, bao gồm:\n"
                     "- Dự án 1: Phòng ngừa tội phạm.\n- Dự án 3: Quản lý sau cai nghiện.\n"
                     "b) Sở Nội vụ chủ trì thực hiện các nội dung, gồm:\n"
                     "- Xây dựng kế hoạch tuyển dụng.\n- Tổ chức tập huấn nghiệp vụ.\n")
    assert [(a.lead, a.task, a.path) for a in doc.assignments] == [
        (["Công an tỉnh"], "triển khai các nhiệm vụ tại các dự án của Chương trình, bao gồm: Dự án 1: Phòng ngừa "
         "tội phạm. Dự án 3: Quản lý sau cai nghiện.", ["a"]),
        # items that are tasks are one row each
        (["Sở Nội vụ"], "Xây dựng kế hoạch tuyển dụng.", ["b", "-1"]),
        (["Sở Nội vụ"], "Tổ chức tập huấn nghiệp vụ.", ["b", "-2"]),
    ]


def test_items_that_name_a_lead_of_their_own_are_no_parts_of_the_task_above_them():
    # "…, bao gồm:" over items that say which body leads each: their rows, not text of the lead's task
    found = tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính chủ trì thực hiện các nội dung, bao gồm:\n"
                  "- Sở Y tế chủ trì tổ chức tiêm chủng cho trẻ em.\n"
                  "- Đề nghị Sở Giáo dục và Đào tạo tuyên truyền trong trường học.\n"
                  "2. Sở Nội vụ chủ trì triển khai các dự án, bao gồm:\n- Dự án 1: Cải cách hành chính.\n"
                  "- Dự án 2: Chuyển đổi số.\n")
    assert [(a[1], a[3]) for a in found] == [
        (["Sở Tài chính"], "thực hiện các nội dung, bao gồm"),
        (["Sở Y tế"], "tổ chức tiêm chủng cho trẻ em"),
        (["Sở Giáo dục và Đào tạo"], "tuyên truyền trong trường học."),
        # items that only name what the task covers are still its text
        (["Sở Nội vụ"], "triển khai các dự án, bao gồm: Dự án 1: Cải cách hành chính. Dự án 2: Chuyển đổi số."),
    ]


def test_an_item_with_no_lead_of_its_own_among_led_items_is_a_task_of_the_lead_above():
    # "…, bao gồm:" over items most of which name their own lead: one that names none is the lead's
    # part, a row of its own in place of the lead's lead-in
    found = tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì triển khai các hoạt động, bao gồm:\n"
                  "- Sở Công Thương chủ trì khảo sát các chợ đầu mối.\n"
                  "- Sở Xây dựng chủ trì kiểm tra các công trình nhà ở.\n"
                  "- Biên soạn tài liệu hướng dẫn cho cấp xã.\n")
    assert [(a[1], a[3], a[4]) for a in found] == [
        (["Sở Công Thương"], "khảo sát các chợ đầu mối", ["IV", "1", "-1"]),
        (["Sở Xây dựng"], "kiểm tra các công trình nhà ở", ["IV", "1", "-2"]),
        (["Sở Nội vụ"], "Biên soạn tài liệu hướng dẫn cho cấp xã.", ["IV", "1", "-3"]),
    ]


def test_an_item_under_a_body_that_goes_on_in_parts_below_it_is_one_task():
    found = tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ:\na) Tổ chức các hoạt động truyền thông, gồm:\n"
                  "- Chuyên mục trên Cổng thông tin điện tử tỉnh;\n- 02 hội nghị tập huấn kỹ năng số;\n"
                  "- Cuộc thi tìm hiểu pháp luật.\nb) Báo cáo kết quả.\n"
                  "2. Sở Y tế:\na) Tổ chức các sự kiện, gồm:\n- Ngày hội văn hóa đọc;\n- Cuộc thi viết về sách.\n"
                  "3. Sở Tư pháp:\na) Thực hiện các nội dung, bao gồm:\n- Rà soát văn bản;\n- Kiểm tra văn bản.\n")
    assert found == [
        ("heading", ["Sở Nội vụ"], [], "Tổ chức các hoạt động truyền thông, gồm: Chuyên mục trên Cổng thông tin "
         "điện tử tỉnh; 02 hội nghị tập huấn kỹ năng số; Cuộc thi tìm hiểu pháp luật.", ["IV", "1", "a"]),
        ("heading", ["Sở Nội vụ"], [], "Báo cáo kết quả.", ["IV", "1", "b"]),
        # a body whose only item lists parts that are nouns has its row (it had none)
        ("heading", ["Sở Y tế"], [], "Tổ chức các sự kiện, gồm: Ngày hội văn hóa đọc; Cuộc thi viết về sách.",
         ["IV", "2", "a"]),
        # items that are tasks are one row each
        ("heading", ["Sở Tư pháp"], [], "Rà soát văn bản", ["IV", "3", "a", "-1"]),
        ("heading", ["Sở Tư pháp"], [], "Kiểm tra văn bản.", ["IV", "3", "a", "-2"]),
    ]


def tasks(body: str):
    return [(a.phrase, a.lead, a.partners, a.task, a.path) for a in vbhc.parse(HEADER + body + "\n").assignments]


def test_a_heading_that_names_a_body_leads_each_task_below_it():
    found = tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Công an tỉnh\na) Tham mưu tổ chức thực hiện Chương trình;\n"
                  "b) Chủ trì, phối hợp với Sở Y tế kiểm tra định kỳ;\n"
                  "c) Phối hợp với Sở Tư pháp, Sở Nội vụ rà soát văn bản trong quá trình thực hiện;\n"
                  "d) Đề nghị Bảo hiểm xã hội tỉnh cung cấp dữ liệu.\n"
                  "2. Sở Tài chính:\n- Bố trí kinh phí.\n- Đã cấp 500 triệu đồng cho Công an tỉnh.\n")
    assert found == [
        ("heading", ["Công an tỉnh"], [], "Tham mưu tổ chức thực hiện Chương trình", ["IV", "1", "a"]),
        ("chủ trì", ["Công an tỉnh"], ["Sở Y tế"], "kiểm tra định kỳ", ["IV", "1", "b"]),
        # "Phối hợp với Y …" under the heading: the heading's body works with Y; the partner list
        # ends where "trong quá trình" begins ("trình" is no verb there)
        ("phối hợp", ["Công an tỉnh"], ["Sở Tư pháp", "Sở Nội vụ"], "rà soát văn bản trong quá trình thực hiện",
         ["IV", "1", "c"]),
        # an item that names a body of its own gives that row alone
        ("đề nghị", ["Bảo hiểm xã hội tỉnh"], [], "cung cấp dữ liệu.", ["IV", "1", "d"]),
        ("heading", ["Sở Tài chính"], [], "Bố trí kinh phí.", ["IV", "2", "-1"]),
        ("heading", ["Sở Tài chính"], [], "Đã cấp 500 triệu đồng cho Công an tỉnh.", ["IV", "2", "-2"]),
    ]
    done = [a.reported for a in vbhc.parse(HEADER + "IV. TỔ CHỨC THỰC HIỆN\n2. Sở Tài chính:\n- Bố trí kinh phí.\n"
                                           "- Đã cấp 500 triệu đồng cho Công an tỉnh.\n").assignments]
    assert done == [False, True]  # work already done is reported, not given


def test_an_item_under_a_body_names_its_partners_after_what_it_says_first():
    found = tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Công an tỉnh\n"
                  "a) Chủ động phối hợp với Sở Tư pháp, Sở Nội vụ triển khai kết nối dữ liệu.\n"
                  "b) Hằng năm, phối hợp với Sở Y tế rà soát tài khoản.\n"
                  "c) Là đầu mối phối hợp với Cục Thống kê kiểm tra kết quả.\n"
                  "d) Phối hợp Sở Tài chính đề xuất ứng dụng bản đồ số.\n"
                  "e) Phối hợp tuyên truyền về dịch vụ công.\n")
    assert found == [
        # what the item says first stays in the task
        ("heading", ["Công an tỉnh"], ["Sở Tư pháp", "Sở Nội vụ"], "Chủ động triển khai kết nối dữ liệu.",
         ["IV", "1", "a"]),
        ("heading", ["Công an tỉnh"], ["Sở Y tế"], "Hằng năm, rà soát tài khoản.", ["IV", "1", "b"]),
        ("heading", ["Công an tỉnh"], ["Cục Thống kê"], "Là đầu mối kiểm tra kết quả.", ["IV", "1", "c"]),
        # "phối hợp" without "với" names a partner when a body's name follows it, not a verb
        ("phối hợp", ["Công an tỉnh"], ["Sở Tài chính"], "đề xuất ứng dụng bản đồ số.", ["IV", "1", "d"]),
        ("heading", ["Công an tỉnh"], [], "Phối hợp tuyên truyền về dịch vụ công.", ["IV", "1", "e"]),
    ]


def test_an_item_that_leads_without_partners_keeps_its_lead_ins_partners():
    found = tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Xây dựng\n"
                  "a) Chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ\n"
                  "- Là cơ quan đầu mối chủ trì theo dõi, đôn đốc các đơn vị triển khai Đề án.\n"
                  "- Chủ trì tập huấn cho cán bộ cấp xã.\n"
                  "- Tổng hợp kết quả thực hiện.\n"
                  "b) Phối hợp với Công an tỉnh\n"
                  "- Chủ trì kiểm tra an toàn công trình.\n"
                  "2. Sở Y tế\n- Chủ trì truyền thông về dịch bệnh.\n")
    assert [(a[1], a[2], a[3], a[4]) for a in found] == [
        (["Sở Xây dựng"], ["Sở Tài chính", "Sở Nội vụ"], "theo dõi, đôn đốc các đơn vị triển khai Đề án",
         ["IV", "1", "a", "-1"]),
        (["Sở Xây dựng"], ["Sở Tài chính", "Sở Nội vụ"], "tập huấn cho cán bộ cấp xã", ["IV", "1", "a", "-2"]),
        (["Sở Xây dựng"], ["Sở Tài chính", "Sở Nội vụ"], "Tổng hợp kết quả thực hiện.", ["IV", "1", "a", "-3"]),
        (["Sở Xây dựng"], ["Công an tỉnh"], "kiểm tra an toàn công trình", ["IV", "1", "b", "-1"]),
        # no lead-in: no partners to keep
        (["Sở Y tế"], [], "truyền thông về dịch bệnh", ["IV", "2", "-1"]),
    ]


def test_phoi_hop_without_voi_before_a_body_names_a_partner():
    assert [(a.phrase, a.lead, a.partners, a.task) for a in vbhc.parse(
        HEADER + "3. Sở Xây dựng phối hợp Sở Tài chính, Sở Nội vụ tiến hành kiểm tra hồ sơ.\n").assignments] == [
        ("phối hợp", ["Sở Xây dựng"], ["Sở Tài chính", "Sở Nội vụ"], "tiến hành kiểm tra hồ sơ.")]
    # a purpose inside a sentence about another task is no row of its own: the responsibility stays
    assert [(a.phrase, a.lead, a.partners) for a in vbhc.parse(
        HEADER + "Điều 3. Sở Tư pháp có trách nhiệm rà soát quy trình nội bộ trình Chủ tịch UBND tỉnh phê duyệt "
                 "làm cơ sở để phối hợp Sở Khoa học và Công nghệ cấu hình quy trình điện tử.\n").assignments] == [
        ("trách nhiệm", ["Sở Tư pháp"], [])]


def test_a_plain_sub_heading_gives_its_items_and_a_body_heading_its_own_rows():
    found = tasks("III. NHIỆM VỤ\n1. Các sở, ban, ngành:\na) Sở Y tế\n- Kiểm tra an toàn thực phẩm.\n"
                  "b) Về công tác tuyên truyền:\n- Tổ chức in tờ rơi.\n- Tuyên truyền trên loa.\n")
    assert found == [
        ("heading", ["Sở Y tế"], [], "Kiểm tra an toàn thực phẩm.", ["III", "1", "a", "-1"]),
        ("heading", ["Các sở, ban, ngành"], [], "Tổ chức in tờ rơi.", ["III", "1", "b", "-1"]),
        ("heading", ["Các sở, ban, ngành"], [], "Tuyên truyền trên loa.", ["III", "1", "b", "-2"]),
    ]


@pytest.mark.parametrize("body", [
    # a bare name outside a section about duties: "Điều 3. Văn phòng" in a decree on structure
    "Chương II\nCƠ CẤU TỔ CHỨC\nĐiều 3. Văn phòng Bộ\n1. Tham mưu tổng hợp.\n2. Quản lý con dấu.",
    # a heading that reads as a sentence about a body
    "IV. TỔ CHỨC THỰC HIỆN\n1. Ngân hàng phải có công cụ đo lường rủi ro đối với:\na) Tiền gửi;\nb) Tiền vay.",
    "IV. TỔ CHỨC THỰC HIỆN\n1. UBND tỉnh ủy quyền cho Giám đốc Sở Nội vụ:\na) Bổ nhiệm phó giám đốc;\nb) Nâng lương.",
    # a list of addresses or units under a body's name, not of tasks (no task verb in most items)
    "IV. TỔ CHỨC THỰC HIỆN\n1. Trung tâm Phục vụ hành chính công tỉnh:\n- Tòa nhà Trung tâm hành chính, đường Lê Lợi.\n"
    "- Trụ sở chính: số 4 đường Nguyễn Tất Thành.",
])
def test_headings_that_lead_no_list_of_tasks(body):
    assert [phrase for phrase, *_ in tasks(body) if phrase == "heading"] == []


def test_a_title_over_paragraphs_only_is_a_task_not_a_sub_heading():
    # "a) Tổ chức triển khai thực hiện" / "Thông tư này." read as a title and its paragraph (a
    # short line in a page of long ones): the item is one task, not a heading over "Thông tư này."
    from vbhc.assignments import extract
    from vbhc.models import Node, Span

    def node(kind, label, title=None, text=None, children=()):
        return Node(kind=kind, label=label, title=title, text=text, children=list(children), span=Span(start=0, end=1))

    tree = [node("section", "IV", "TỔ CHỨC THỰC HIỆN", children=[
        node("clause", "1", "Cục Đăng kiểm Việt Nam:", children=[
            node("point", "a", "Tổ chức triển khai thực hiện", children=[node("paragraph", None, text="Thông tư này.")]),
            node("point", "b", "Về giá:", children=[node("item", None, text="Kê khai giá.")]),
        ])])]
    assert [(r.task, r.path) for r in extract(tree)] == [
        ("Tổ chức triển khai thực hiện", ["IV", "1", "a"]), ("Kê khai giá.", ["IV", "1", "b", "-1"])]


def test_a_heading_lead_stops_at_a_subject_it_cannot_read():
    # "5. Các đơn vị sự nghiệp … có trách nhiệm:" names its own subject: its items are not the
    # tasks of the body in the article's heading
    found = tasks("Điều 16. Trách nhiệm của Ủy ban nhân dân tỉnh\n1. Các hội nghề nghiệp ở cơ sở có trách nhiệm:\n"
                  "a) Phối hợp với Sở Nội vụ rà soát hội viên.\n")
    assert found == []  # not a row of Ủy ban nhân dân tỉnh


def test_a_heading_that_says_chu_tri_leads_by_name():
    found = tasks("5. Bộ trưởng Bộ Tài chính chủ trì:\n(1) Phối hợp với Bộ Nông nghiệp và Môi trường rà soát thiệt hại;\n"
                  "(2) Hoàn thiện dự thảo Nghị quyết.\n")
    assert [(lead, partners) for _, lead, partners, *_ in found] == [
        (["Bộ trưởng Bộ Tài chính"], ["Bộ Nông nghiệp và Môi trường"]), (["Bộ trưởng Bộ Tài chính"], [])]


def test_giao_without_chu_tri_names_the_lead():
    found = tasks("Điều 2. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.\n"
                  "2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh giám sát việc "
                  "thực hiện Nghị quyết.\n3. Giao Văn phòng Ủy ban nhân dân tỉnh kịp thời kiểm tra, đôn đốc các cơ "
                  "quan, đơn vị có liên quan thực hiện.\n")
    assert found == [
        ("giao", ["Ủy ban nhân dân tỉnh"], [], "tổ chức thực hiện Nghị quyết.", ["Điều 2", "1"]),
        ("giao", ["Thường trực Hội đồng nhân dân tỉnh", "các Ban của Hội đồng nhân dân tỉnh"], [],
         "giám sát việc thực hiện Nghị quyết.", ["Điều 2", "2"]),
        # an aspect word is not part of the name; a collective after the verb is the task's object
        ("giao", ["Văn phòng Ủy ban nhân dân tỉnh"], [],
         "kiểm tra, đôn đốc các cơ quan, đơn vị có liên quan thực hiện.", ["Điều 2", "3"]),
    ]


def test_an_item_that_opens_with_a_body_and_its_verb_is_its_task():
    found = [(a.phrase, a.lead, a.task, a.reported) for a in vbhc.parse(
        HEADER + "II. NHIỆM VỤ\n1. Bộ Xây dựng chỉ đạo bảo đảm an toàn giao thông.\n"
        "2. Bộ Quốc phòng, Bộ Tài chính kịp thời xuất cấp phương tiện cứu hộ.\n"
        "3. Văn phòng giám định tư pháp phải gửi hồ sơ đến Sở Tư pháp.\n"
        "4. Sở Nội vụ là cơ quan chuyên môn thực hiện chức năng tham mưu.\n"
        "5. Hội đồng thẩm định hồ sơ theo quy chế.\n"
        "6. Văn phòng đăng ký đất đai không cung cấp thông tin.\n"
        "7. Cơ quan, đơn vị phối hợp tổ chức thi.\n8. Sở Y tế đã tổ chức 05 lớp tập huấn.\n").assignments]
    assert found == [
        ("subject", ["Bộ Xây dựng"], "chỉ đạo bảo đảm an toàn giao thông.", False),
        ("subject", ["Bộ Quốc phòng", "Bộ Tài chính"], "kịp thời xuất cấp phương tiện cứu hộ.", False),
        ("subject", ["Văn phòng giám định tư pháp"], "gửi hồ sơ đến Sở Tư pháp.", False),
        # 4: describes the body; 5: "Hội đồng thẩm định" is a name cut by its verb; 6: denied;
        # 7: names a partner; 8: work done is reported
        ("subject", ["Sở Y tế"], "đã tổ chức 05 lớp tập huấn.", True),
    ]


@pytest.mark.parametrize(("header", "body"), [
    # a report's items state results, a law's items what a body may do in general
    (HEADER.replace("KẾ HOẠCH", "BÁO CÁO").replace("KH-UBND", "BC-UBND"), "1. Sở Y tế tổ chức 05 lớp tập huấn.\n"),
    ("QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLuật số: 45/2019/QH14\n\nLUẬT\n"
     "LAO ĐỘNG\n\nĐiều 5. Hội đồng tiền lương\n1. Bộ Lao động tổ chức đối thoại định kỳ.\n", ""),
])
def test_no_rows_from_a_body_and_its_verb_in_reports_and_laws(header, body):
    assert [a.phrase for a in vbhc.parse(header + body).assignments if a.phrase == "subject"] == []


def test_a_chapter_title_names_no_lead_and_an_article_does():
    doc = vbhc.parse("BỘ QUỐC PHÒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                     "Số: 13/2026/TT-BQP\nHà Nội, ngày 10 tháng 2 năm 2026\n\nTHÔNG TƯ\nQuy định về hóa chất\n\n"
                     "Chương III\nTRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ\nĐiều 7. Binh chủng Hóa học\n"
                     "1. Chủ trì, phối hợp với các cơ quan, đơn vị liên quan xây dựng danh mục hóa chất.\n"
                     "Điều 8. Tổ chức thực hiện\n1. Chủ trì, phối hợp với các đơn vị tổ chức tập huấn.\n")
    assert [(a.lead, a.path) for a in doc.assignments] == [(["Binh chủng Hóa học"], ["Chương III", "Điều 7", "1"])]


def test_an_item_that_only_says_when_is_the_deadline_of_the_tasks_above():
    doc = vbhc.parse(HEADER + "1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Văn phòng UBND tỉnh:\n"
                     "- Xây dựng quy trình nội bộ giải quyết thủ tục hành chính.\n"
                     "- Cập nhật quy trình lên Hệ thống thông tin giải quyết thủ tục hành chính.\n"
                     "- Thời hạn chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định.\n"
                     "2. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp:\n- Rà soát quy chế, trước ngày 30/6/2024.\n"
                     "- Hoàn thành trước ngày 31/12/2024.\n")
    assert [(a.lead, a.task, a.deadline.raw if a.deadline else None) for a in doc.assignments] == [
        (["Sở Khoa học và Công nghệ"], "Xây dựng quy trình nội bộ giải quyết thủ tục hành chính.",
         "chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định"),
        (["Sở Khoa học và Công nghệ"], "Cập nhật quy trình lên Hệ thống thông tin giải quyết thủ tục hành chính.",
         "chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định"),
        # a task with a deadline of its own keeps it
        (["Sở Nội vụ"], "Rà soát quy chế, trước ngày 30/6/2024.", "trước ngày 30/6/2024"),
    ]


def test_a_deadline_note_dates_the_tasks_before_it_and_a_task_with_a_deadline_is_no_note():
    def found(body: str):
        return [(a.task, a.deadline.raw if a.deadline else None) for a in vbhc.parse(HEADER + body).assignments]

    assert found("1. Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Nội vụ:\n"
                 "- Hoàn thành trước ngày 30/6/2024 việc số hóa hồ sơ lưu trữ.\n"
                 "- Hoàn thành trong năm 2024 việc kết nối Cổng dịch vụ công.\n") == [
        ("Hoàn thành trước ngày 30/6/2024 việc số hóa hồ sơ lưu trữ.", "Hoàn thành trước ngày 30/6/2024"),
        ("Hoàn thành trong năm 2024 việc kết nối Cổng dịch vụ công.", "trong năm 2024")]
    assert found("1. Sở Y tế chủ trì, phối hợp với Sở Tài chính:\n- Rà soát danh mục thuốc.\n"
                 "- Thời hạn: trước ngày 30/6/2024.\n- Cập nhật giá thuốc.\n- Thời hạn: trước ngày 31/12/2024.\n") == [
        ("Rà soát danh mục thuốc.", "trước ngày 30/6/2024"),
        ("Cập nhật giá thuốc.", "trước ngày 31/12/2024")]
    # only notes below the lead: the row itself, dated
    assert found("1. Sở Y tế chủ trì, phối hợp với Sở Tài chính:\n- Thời hạn: trước ngày 30/6/2024.\n") == [
        (None, "trước ngày 30/6/2024")]


def test_a_remark_in_brackets_goes_with_the_partner_it_follows():
    doc = vbhc.parse(HEADER + "1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính (cơ quan thường trực), "
                     "Sở Xây dựng và Ủy ban nhân dân các huyện triển khai thực hiện kế hoạch này.\n"
                     "2. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp (trong việc thẩm định văn bản) tổ chức kiểm "
                     "tra việc thực hiện.\n"
                     "3. Sở Y tế chủ trì, phối hợp với các đơn vị liên quan (nếu có) xây dựng kế hoạch.\n"
                     "4. Sở Công Thương chủ trì, phối hợp với Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính "
                     "công) thiết lập quy trình điện tử.\n")
    assert [(a.partners, a.task) for a in doc.assignments] == [
        (["Sở Tài chính (cơ quan thường trực)", "Sở Xây dựng", "Ủy ban nhân dân các huyện"],
         "triển khai thực hiện kế hoạch này"),
        (["Sở Tư pháp (trong việc thẩm định văn bản)"], "tổ chức kiểm tra việc thực hiện"),
        (["các đơn vị liên quan (nếu có)"], "xây dựng kế hoạch"),
        (["Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)"], "thiết lập quy trình điện tử"),
    ]
    # a bracket that never closes still ends the list
    a = vbhc.parse(HEADER + "Sở Y tế chủ trì, phối hợp với Sở Nội vụ (cơ quan thường trực triển khai kế hoạch.\n"
                   ).assignments[0]
    assert a.partners == ["Sở Nội vụ"]


def test_labelled_fields():
    doc = vbhc.parse(HEADER + "1. Xây dựng kho dữ liệu\na) Nhiệm vụ: Xây dựng kho dữ liệu văn hóa đọc.\n"
                     "b) Cơ quan thực hiện:\n- Cơ quan chủ trì: Sở Nội vụ, Sở Giáo dục và Đào tạo.\n"
                     "- Cơ quan phối hợp: Ủy ban nhân dân các xã, phường.\n"
                     "c) Thời gian thực hiện: Quý II/2024.\n")
    (row,) = [a for a in doc.assignments if a.lead]
    assert row.lead == ["Sở Nội vụ", "Sở Giáo dục và Đào tạo"]
    assert row.partners == ["Ủy ban nhân dân các xã, phường"]
    # the fields sit under "b) Cơ quan thực hiện:": the task and the time are its siblings
    assert row.task == "Xây dựng kho dữ liệu văn hóa đọc."
    assert row.deadline is not None and row.deadline.kind == "quarter"


def test_fields_cơ_quan_thực_hiện_and_thời_hạn_ban_hành():
    doc = vbhc.parse(HEADER + "II. NỘI DUNG\n1. Tổ chức tuyên truyền pháp luật về dữ liệu\n"
                     "- Cơ quan thực hiện: Bộ Công an, Bộ Tư pháp.\n- Cơ quan phối hợp: các bộ, cơ quan ngang bộ.\n"
                     "- Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026.\n")
    (row,) = doc.assignments
    assert (row.phrase, row.lead, row.partners, row.task) == (
        "fields", ["Bộ Công an", "Bộ Tư pháp"], ["các bộ, cơ quan ngang bộ"], "Tổ chức tuyên truyền pháp luật về dữ liệu")
    assert row.deadline is not None and row.deadline.end == "2026-01-01"


def test_agency_key_beside_the_printed_name():
    (a,) = vbhc.parse(HEADER + "a) UBND tỉnh chủ trì, phối hợp với Sở Tài chính rà soát.\n").assignments
    assert a.lead == ["UBND tỉnh"]
    assert a.lead_keys == [key("Ủy ban nhân dân tỉnh")]


def test_no_agency_no_row():
    assert rows("1. Hội nghị do đồng chí Chủ tịch chủ trì đã thống nhất các nội dung sau.") == []


# --------------------------------------------------------------------------- deadlines

@pytest.mark.parametrize(("text", "kind", "start", "end"), [
    ("(hoàn thành trong quý II năm 2020)", "quarter", "2020-04-01", "2020-06-30"),
    ("Thời gian thực hiện: xong trong quý IV/2020", "quarter", "2020-10-01", "2020-12-31"),
    ("Quý II-III/2026", "quarter", "2026-04-01", "2026-09-30"),
    ("Quý IV/2026 đến hết Quý II/2027", "quarter", "2026-10-01", "2027-06-30"),
    ("trước ngày 30/6/2020", "date", "2020-06-30", "2020-06-30"),
    ("chậm nhất ngày 15 tháng 12 năm 2025", "date", "2025-12-15", "2025-12-15"),
    ("trong tháng 6/2020", "month", "2020-06-01", "2020-06-30"),
    ("6 tháng đầu năm 2025", "half", "2025-01-01", "2025-06-30"),
    ("giai đoạn 2021 - 2025", "year", "2021-01-01", "2025-12-31"),
    ("Năm 2021", "year", "2021-01-01", "2021-12-31"),
])
def test_deadline_periods(text, kind, start, end):
    (d,) = find(text)
    assert (d.kind, d.first, d.last) == (kind, start, end)


@pytest.mark.parametrize(("text", "kind"), [
    ("Thực hiện thường xuyên", "recurring"), ("hằng năm", "recurring"), ("định kỳ 6 tháng", "recurring"),
    ("trước ngày 15 hằng tháng", "recurring"), ("trong thời hạn 15 ngày kể từ ngày nhận được hồ sơ", "relative"),
    ("sau khi có hướng dẫn của Bộ Nội vụ", "undated"), ("khi có yêu cầu", "undated"),
])
def test_deadline_kinds_without_dates(text, kind):
    (d,) = find(text)
    assert d.kind == kind
    assert d.first is None and d.last is None


def test_impossible_deadline_date_gives_no_date():
    (d,) = find("trước ngày 31/02/2020")
    assert d.kind == "date" and d.last is None


def test_deadline_attached_to_the_row():
    (a,) = vbhc.parse(HEADER + "a) Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu kiện toàn tổ chức "
                      "(hoàn thành trong quý II năm 2024).\n").assignments
    assert (a.deadline.kind, a.deadline.end, a.deadline.raw) == ("quarter", "2024-06-30", "quý II năm 2024")


def test_each_row_is_dated_from_its_own_clause():
    doc = vbhc.parse(HEADER + "e) Bộ Giáo dục và Đào tạo chủ trì xây dựng hồ sơ học tập suốt đời, hoàn thành trước ngày "
                     "10 tháng 12 năm 2025; Bộ Y tế chủ trì số hóa sổ sức khỏe trong năm 2026.\n")
    assert [(a.lead, a.deadline.raw if a.deadline else None) for a in doc.assignments] == [
        (["Bộ Giáo dục và Đào tạo"], "hoàn thành trước ngày 10 tháng 12 năm 2025"),
        (["Bộ Y tế"], "trong năm 2026"),
    ]


def test_a_clause_that_only_says_when_dates_the_row_before_it():
    (a,) = vbhc.parse(HEADER + "1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính hướng dẫn các xã rà "
                      "soát theo Bộ tiêu chí giai đoạn 2021 - 2025; hoàn thành trong quý II năm 2025.\n").assignments
    assert a.deadline is not None and a.deadline.raw == "quý II năm 2025"


def test_a_plan_s_horizon_is_no_due_date_of_the_row():
    (a,) = vbhc.parse(HEADER + "1. Ban Quản lý các khu kinh tế chủ trì, phối hợp với các sở, ngành rà soát, bổ sung quy "
                      "hoạch cấp điện trong các khu công nghiệp đến năm 2030.\n").assignments
    assert a.lead == ["Ban Quản lý các khu kinh tế"] and a.deadline is None


def test_a_plan_s_period_is_no_due_date_for_the_work_on_it():
    doc = vbhc.parse(HEADER + "1. Sở Nội vụ chủ trì xây dựng Kế hoạch phát triển đội ngũ trí thức của tỉnh giai đoạn "
                     "2026 - 2030.\n2. Sở Y tế chủ trì triển khai Kế hoạch số 15/KH-UBND trong giai đoạn 2026 - 2027.\n")
    assert [(a.lead, a.deadline.raw if a.deadline else None) for a in doc.assignments] == [
        (["Sở Nội vụ"], None), (["Sở Y tế"], "giai đoạn 2026 - 2027")]


def test_a_year_after_a_plan_s_name_and_a_new_predicate_is_the_row_s_due_date():
    doc = vbhc.parse(HEADER + "1. Sở Công Thương chủ trì lập Đề án, tổ chức thực hiện giai đoạn 2027 - 2028.\n2. Căn cứ "
                     "Chương trình này, Sở Y tế chủ trì triển khai giai đoạn 2026 - 2029.\n3. Sở Nội vụ chủ trì kiện "
                     "toàn tổ chức theo lộ trình, hoàn tất đến năm 2027.\n")
    assert [(a.lead, a.deadline.raw if a.deadline else None) for a in doc.assignments] == [
        (["Sở Công Thương"], "giai đoạn 2027 - 2028"), (["Sở Y tế"], "giai đoạn 2026 - 2029"),
        (["Sở Nội vụ"], "năm 2027")]


def test_a_cycle_word_that_closes_a_plan_s_name_is_no_cycle_of_the_row():
    doc = vbhc.parse(HEADER + "1. Sở Tài chính chủ trì lồng ghép nhiệm vụ vào Kế hoạch phát triển kinh tế - xã hội hằng "
                     "năm của tỉnh.\n2. Sở Nội vụ chủ trì tổng hợp, báo cáo kết quả hằng năm.\n")
    assert [(a.lead, a.deadline.raw if a.deadline else None) for a in doc.assignments] == [
        (["Sở Tài chính"], None), (["Sở Nội vụ"], "hằng năm")]


def test_a_cycle_after_a_plan_that_is_the_object_of_the_task_is_the_row_s_cycle():
    doc = vbhc.parse(HEADER + "1. Các sở chủ trì báo cáo kết quả thực hiện Kế hoạch về Sở Công Thương hằng năm (trước "
                     "ngày 10/12) để tổng hợp.\n2. UBND các phường chủ trì sơ kết việc triển khai Chương trình tại cơ sở "
                     "hằng năm.\n")
    assert [(a.deadline.kind, a.deadline.raw) if a.deadline else None for a in doc.assignments] == [
        ("recurring", "hằng năm (trước ngày 10/12)"), ("recurring", "hằng năm")]
    assert [d.raw for d in doc.deadlines] == ["hằng năm (trước ngày 10/12)", "hằng năm"]


def test_a_row_of_several_reports_takes_the_first_dated_cycle_and_all_are_deadlines():
    doc = vbhc.parse(HEADER + "1. Sở Công Thương chủ trì tổng hợp báo cáo Ủy ban nhân dân tỉnh định kỳ hàng tháng "
                     "(trước ngày 20 hàng tháng), tổng kết năm (trước ngày 25/11 hàng năm) hoặc khi có yêu cầu.\n")
    (a,) = doc.assignments
    assert (a.deadline.kind, a.deadline.raw) == ("recurring", "trước ngày 20 hàng tháng")
    assert [d.raw for d in doc.deadlines] == [
        "định kỳ hàng tháng", "trước ngày 20 hàng tháng", "trước ngày 25/11 hàng năm", "khi có yêu cầu"]


def test_a_report_due_on_a_day_of_the_next_year_is_a_recurring_deadline():
    (a,) = vbhc.parse(HEADER + "1. Sở Nội vụ chủ trì tổng hợp, báo cáo kết quả trước ngày 31/3 năm sau.\n").assignments
    assert (a.deadline.kind, a.deadline.raw, a.deadline.end) == ("recurring", "trước ngày 31/3 năm sau", None)


def test_a_report_s_day_says_more_than_a_limit_counted_from_an_event():
    doc = vbhc.parse(HEADER + "1. Sở Tài chính chủ trì tổng hợp báo cáo 06 tháng, gửi Ủy ban nhân dân tỉnh chậm nhất vào "
                     "ngày 10 tháng 7 của năm báo cáo; gửi báo cáo kết thúc chương trình chậm nhất không quá 03 tháng "
                     "sau khi kết thúc thực hiện.\n")
    (a,) = doc.assignments
    assert (a.deadline.kind, a.deadline.raw) == ("recurring", "chậm nhất vào ngày 10 tháng 7 của năm báo cáo")
    assert [d.kind for d in doc.deadlines] == ["recurring", "relative"]


def test_a_date_in_another_row_s_clause_is_not_this_row_s():
    doc = vbhc.parse(HEADER + "Bộ Nông nghiệp và Môi trường chủ trì xây dựng hệ thống; các bộ ngành, địa phương có trách "
                     "nhiệm cập nhật kết quả định kỳ vào hệ thống.\n")
    rows_ = {tuple(a.lead): a.deadline.raw if a.deadline else None for a in doc.assignments}
    assert rows_[("Bộ Nông nghiệp và Môi trường",)] is None


# --------------------------------------------------------------------------- reported work

@pytest.mark.parametrize(("body", "reported"), [
    ("1. Sở Tài chính đã chủ trì, phối hợp với Sở Nội vụ rà soát định mức.", True),
    ("1. Năm 2025, Sở Y tế đã tích cực phối hợp với Công an tỉnh kiểm tra 20 cơ sở.", True),
    ("1. Sở Y tế đã và đang chủ trì triển khai đề án.", True),
    # a tense word after the partners may open a relative clause ("các địa phương đã triển khai thí
    # điểm"): only one before the lead word says the row is reported
    ("1. Sở Nội vụ chủ trì, phối hợp với các địa phương đã triển khai thí điểm tổng kết mô hình.", False),
    ("1. Hội Doanh nghiệp nhỏ và vừa chủ trì, phối hợp với Sở Công Thương tổ chức hội chợ.", False),
    ("1. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát định mức.", False),
    ("1. Sở Y tế sẽ tiếp tục chủ trì triển khai đề án.", False),
    ("1. Sở Y tế chủ trì tổng hợp kết quả đã đạt được.", False),
    # "đã" opening the task, right after the lead word or a named partner
    ("1. Sở Tư pháp chủ trì đã tổ chức 05 lớp tập huấn.", True),
    ("1. Sở Y tế phối hợp với Công an tỉnh đã kiểm tra 20 cơ sở.", True),
])
def test_a_row_says_whether_it_reports_work_already_done(body, reported):
    (a,) = vbhc.parse(HEADER + body + "\n").assignments
    assert a.reported is reported
    assert a.lead[0].startswith(("Sở", "Hội")) and "đã" not in a.lead[0] and "đã" not in " ".join(a.partners)


def test_vu_and_cuc_go_on_a_collective_only_capitalised_after_cac():
    assert split_names("Thủ trưởng các Vụ, Cục, đơn vị thuộc Bộ, Chánh Văn phòng Bộ") == [
        "Thủ trưởng các Vụ, Cục, đơn vị thuộc Bộ", "Chánh Văn phòng Bộ"]
    assert split_names("Sở Nội vụ, tổ chức chính trị - xã hội") == ["Sở Nội vụ", "tổ chức chính trị - xã hội"]


def test_nested_brackets_stay_with_their_item():
    assert split_names("Sở Y tế (Chi cục A (cơ quan thường trực), B), Sở Nội vụ") == [
        "Sở Y tế (Chi cục A (cơ quan thường trực), B)", "Sở Nội vụ"]


def test_an_item_ending_in_a_link_word_goes_on():
    assert split_names("các đơn vị thuộc, trực thuộc Bộ Nội vụ, Sở Y tế") == [
        "các đơn vị thuộc, trực thuộc Bộ Nội vụ", "Sở Y tế"]


def test_the_subject_after_a_lead_in_that_runs_over_several_commas():
    assert rows("4. Trên cơ sở đề xuất của Sở Nông nghiệp và Môi trường, Cơ quan Thuế tỉnh hoặc các sở, ngành có "
                "liên quan, Sở Tài chính chủ trì, phối hợp với các đơn vị có liên quan báo cáo.") == [
        (["Sở Tài chính"], ["các đơn vị có liên quan"])]


def test_a_time_before_the_subject_is_not_part_of_it():
    assert rows("1. Quý III/2025, Sở Y tế đã chủ trì kiểm tra an toàn thực phẩm.") == [(["Sở Y tế"], [])]
    assert rows("1. Tháng 10/2025, Sở Y tế phối hợp với Sở Công Thương kiểm tra.") == [(["Sở Y tế"], ["Sở Công Thương"])]


def test_to_chuc_after_a_collective_without_a_comma_is_the_verb():
    (a,) = vbhc.parse(HEADER + "1. Sở Nội vụ chủ trì, phối hợp với các bộ, ngành, địa phương tổ chức thực hiện "
                      "Kế hoạch.\n").assignments
    assert (a.partners, a.task) == (["các bộ, ngành, địa phương"], "tổ chức thực hiện Kế hoạch")
    # after a comma it is the noun, one more kind of body in the list
    (a,) = vbhc.parse(HEADER + "1. Sở Nội vụ chủ trì, phối hợp với các cơ quan, tổ chức liên quan rà soát.\n").assignments
    assert a.partners == ["các cơ quan, tổ chức liên quan"]


# --------------------------------------------------------------------------- surface

def test_tasks_and_records():
    doc = vbhc.parse(HEADER + "a) Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát (trước ngày 30/6/2024).\n")
    assert doc.tasks() == doc.assignments
    (rec,) = doc.to_records()
    assert rec["number"] == "486/KH-UBND"
    assert (rec["lead"], rec["partners"], rec["deadline_end"]) == ("Sở Nội vụ", "Sở Tài chính", "2024-06-30")
    assert rec["reported"] is False


def test_tasks_command_csv(tmp_path, capsys):
    f = tmp_path / "plan.txt"
    f.write_text(HEADER + "a) Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát.\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    assert main(["tasks", "--csv", str(f), str(missing)]) == 2
    out, err = capsys.readouterr()
    records = list(csv.DictReader(io.StringIO(out)))
    assert [(r["number"], r["lead"], r["partners"], r["reported"]) for r in records] == [
        ("486/KH-UBND", "Sở Nội vụ", "Sở Tài chính", "False")]
    assert err.count("\n") == 1 and "missing.txt" in err


def test_tasks_command_text(tmp_path, capsys):
    f = tmp_path / "plan.txt"
    f.write_text(HEADER + "a) Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát.\n", encoding="utf-8")
    assert main(["tasks", str(f)]) == 0
    assert "Sở Nội vụ  + Sở Tài chính: rà soát" in capsys.readouterr().out
    f.write_text(HEADER + "a) Sở Nội vụ đã chủ trì, phối hợp với Sở Tài chính rà soát.\n", encoding="utf-8")
    assert main(["tasks", str(f)]) == 0
    assert "Sở Nội vụ  + Sở Tài chính: rà soát  (reported)" in capsys.readouterr().out


def test_task_table_of_an_appendix():
    cells = ["**PHỤ LỤC**", "DANH MỤC NHIỆM VỤ", "*(Kèm theo Kế hoạch số 486/KH-UBND ngày 12/3/2024)*",
             "|", "**TT**", "|", "**Nội dung thực", "hiện**", "|", "**Cơ quan chủ trì**", "|",
             "**Cơ quan phối hợp**", "|", "**Thời gian hoàn", "thành**", "|", "|",
             "**I**", "|", "**TUYÊN TRUYỀN**", "|", "|",
             "1", "|", "Tổ chức tuần lễ", "văn hóa đọc", "|", "Sở Văn hóa, Thể thao và Du lịch", "|",
             "Sở Giáo dục và Đào tạo; các xã, phường", "|", "Quý II/2024", "|", "|",
             "2", "|", "Xây dựng thư viện số", "|", "Sở Nội vụ", "|", "", "|", "Năm 2024", "|", "|"]
    doc = vbhc.parse(HEADER + "I. NỘI DUNG\nTổ chức thực hiện theo Phụ lục.\n" + "\n".join(cells) + "\n")
    table_rows = [a for a in doc.assignments if a.path and a.path[0] == "I"]
    assert [(a.path, a.lead, a.partners, a.task, a.deadline.end) for a in table_rows] == [
        (["I", "1"], ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Giáo dục và Đào tạo", "các xã, phường"],
         "Tổ chức tuần lễ văn hóa đọc", "2024-06-30"),
        (["I", "2"], ["Sở Nội vụ"], [], "Xây dựng thư viện số", "2024-12-31"),
    ]


def _table(*rows: list[str]) -> str:
    """A web page's table as its text arrives: each cell on its own lines, `|` before and
    between cells, an empty cell between rows."""
    out: list[str] = ["|"]
    for row in rows:
        for cell in row:
            out += [cell, "|"]
        out.append("|")
    return "\n".join(out) + "\n"


SPANNED_HEADER = ["**STT**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Nhóm nhiệm vụ**",
                  "**Nội dung nhiệm vụ**", "**Sản phẩm**", "**Thời hạn hoàn thành**"]


def test_task_table_rows_under_cells_that_span_several_rows():
    # the first four cells of row 1 span three rows: the next two rows bring only the last three
    # cells (3 + an empty cell + 3 is also the width of a whole row: they must not be joined)
    text = HEADER + "I. NỘI DUNG\nTheo Phụ lục.\n" + _table(
        SPANNED_HEADER,
        ["1", "Sở Nội vụ", "Sở Tài chính", "Cải cách", "- Rà soát thủ tục", "- Danh mục", "Năm 2026"],
        ["- Số hóa hồ sơ", "- Kho dữ liệu", "31/12/2026"],
        ["- Đánh giá", "- Báo cáo", "Quý III/2026"],
        ["2", "Sở Y tế", "", "Y tế", "Tiêm chủng", "- Tỷ lệ", "Thường xuyên"],
        ["- Kiểm tra", "- Biên bản", "Hằng quý"],
        ["3", "Sở Xây dựng", "Sở Tài chính", "Hạ tầng", "Sửa đường", "- Đường", "2027"])
    rows_ = [(a.path, a.lead, a.partners, a.task, a.deadline.kind, a.deadline.end)
             for a in vbhc.parse(text).assignments if a.phrase == "table"]
    assert rows_ == [
        (["1"], ["Sở Nội vụ"], ["Sở Tài chính"], "- Rà soát thủ tục", "year", "2026-12-31"),
        (["1"], ["Sở Nội vụ"], ["Sở Tài chính"], "- Số hóa hồ sơ", "date", "2026-12-31"),
        (["1"], ["Sở Nội vụ"], ["Sở Tài chính"], "- Đánh giá", "quarter", "2026-09-30"),
        (["2"], ["Sở Y tế"], [], "Tiêm chủng", "recurring", None),
        (["2"], ["Sở Y tế"], [], "- Kiểm tra", "recurring", None),
        (["3"], ["Sở Xây dựng"], ["Sở Tài chính"], "Sửa đường", "year", "2027-12-31"),
    ]


def test_task_table_row_under_spanning_cells_with_a_partner_cell_of_its_own():
    # the lead and the group cells span two rows, the partner cell does not: the second row
    # brings its partners, then the task cells (not the group's column, which spans)
    assert _table_rows(SPANNED_HEADER,
                       ["1", "Sở Nội vụ", "Sở Tài chính", "Cải cách", "- Rà soát", "- Danh mục", "Năm 2026"],
                       ["Các sở, ngành liên quan", "- Số hóa hồ sơ", "- Kho dữ liệu", "2027"],
                       ["- Đánh giá", "- Báo cáo", "Quý III/2026"]) == [
        (["1"], ["Sở Nội vụ"], ["Sở Tài chính"], "- Rà soát", "Năm 2026"),
        (["1"], ["Sở Nội vụ"], ["Các sở, ngành liên quan"], "- Số hóa hồ sơ", "2027"),
        (["1"], ["Sở Nội vụ"], ["Sở Tài chính"], "- Đánh giá", "Quý III/2026")]
    # a first cell there that names no body is the group's, as before
    assert _table_rows(SPANNED_HEADER,
                       ["1", "Sở Nội vụ", "Sở Tài chính", "Cải cách", "- Rà soát", "- Danh mục", "Năm 2026"],
                       ["Chuyển đổi số", "- Số hóa hồ sơ", "- Kho dữ liệu", "2027"])[1] == (
        ["1"], ["Sở Nội vụ"], ["Sở Tài chính"], "- Số hóa hồ sơ", "2027")


def test_numbered_task_table_row_with_empty_last_cells_is_not_joined_to_the_next():
    text = HEADER + "I. NỘI DUNG\nTheo Phụ lục.\n" + _table(
        ["**STT**", "**Nhiệm vụ**", "**Cơ quan chủ trì**", "**Thời hạn**", "**Kết quả**", "**Tình trạng**"],
        ["36", "Khắc phục các nhiệm vụ chậm tiến độ", "Sở Nội vụ", "31/12/2025"],  # empty cells end it
        ["37", "Đăng ký mục tiêu", "Sở Tư pháp", "15/10/2025", "Đã gửi", "Đã hoàn thành"])
    rows_ = [(a.path, a.lead, a.task, a.deadline.kind, a.deadline.end)
             for a in vbhc.parse(text).assignments if a.phrase == "table"]
    assert rows_ == [(["36"], ["Sở Nội vụ"], "Khắc phục các nhiệm vụ chậm tiến độ", "date", "2025-12-31"),
                     (["37"], ["Sở Tư pháp"], "Đăng ký mục tiêu", "date", "2025-10-15")]


def _table_rows(*rows: list[str]) -> list[tuple]:
    text = HEADER + "I. NỘI DUNG\nTheo Phụ lục.\n" + _table(*rows)
    return [(a.path, a.lead, a.partners, a.task, a.deadline.raw if a.deadline else None)
            for a in vbhc.parse(text).assignments if a.phrase == "table"]


FIVE = ["**STT**", "**Nội dung**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Thời gian hoàn thành**"]


def test_task_table_whose_number_heading_is_glued_to_the_text_above():
    # no `|` before the header: "Theo Phụ lục. STT" is one cell, its last word the number column
    text = HEADER + "I. NỘI DUNG\nTheo Phụ lục.\n" + _table(
        SPANNED_HEADER, ["1", "Sở Nội vụ", "Sở Tài chính", "Cải cách", "- Rà soát", "- Danh mục", "Năm 2026"],
        ["- Số hóa hồ sơ", "- Kho dữ liệu", "31/12/2026"])[2:]
    assert [(a.path, a.lead, a.task) for a in vbhc.parse(text).assignments if a.phrase == "table"] == [
        (["1"], ["Sở Nội vụ"], "- Rà soát"), (["1"], ["Sở Nội vụ"], "- Số hóa hồ sơ")]


def test_task_table_rows_numbered_in_other_ways_are_rows():
    assert _table_rows(FIVE, ["1a", "Kiểm tra", "Sở Tài chính", "Sở Y tế", "Năm 2026"],
                       ["I.1", "Báo cáo", "Sở Công Thương", "Sở Nội vụ", "2027"],
                       ["(2)", "Rà soát", "Sở Xây dựng", "Sở Nội vụ", "Quý I/2026"]) == [
        (["1a"], ["Sở Tài chính"], ["Sở Y tế"], "Kiểm tra", "Năm 2026"),
        (["I.1"], ["Sở Công Thương"], ["Sở Nội vụ"], "Báo cáo", "2027"),
        (["(2)"], ["Sở Xây dựng"], ["Sở Nội vụ"], "Rà soát", "Quý I/2026")]


def test_task_table_section_row_after_a_data_row_is_a_section():
    assert _table_rows(FIVE, ["1", "Kiểm tra", "Sở Tài chính", "Sở Y tế", "Năm 2026"], ["Phần II", "Nhiệm vụ khác"],
                       ["2", "Báo cáo", "Sở Công Thương", "Sở Nội vụ", "2027"]) == [
        (["1"], ["Sở Tài chính"], ["Sở Y tế"], "Kiểm tra", "Năm 2026"),
        (["Phần II", "2"], ["Sở Công Thương"], ["Sở Nội vụ"], "Báo cáo", "2027")]


def test_task_table_row_with_an_empty_number_cell_has_its_own_lead():
    # the empty number cell reads as a row break: the row arrives one cell short, on the left;
    # the rows under it whose first cells span inherit from it, not from the numbered row above
    assert _table_rows(SPANNED_HEADER,
                       ["1", "Sở Nội vụ", "Sở Tài chính", "Cải cách", "- Rà soát", "- Danh mục", "Năm 2026"],
                       ["B", "BỘ Y TẾ"],
                       ["Sở Y tế", "Sở Tài chính", "Y tế", "- Tiêm chủng", "- Tỷ lệ", "Thường xuyên"],
                       ["- Kiểm tra", "- Biên bản", "2027"]) == [
        (["1"], ["Sở Nội vụ"], ["Sở Tài chính"], "- Rà soát", "Năm 2026"),
        (["B"], ["Sở Y tế"], ["Sở Tài chính"], "- Tiêm chủng", "Thường xuyên"),
        (["B"], ["Sở Y tế"], ["Sở Tài chính"], "- Kiểm tra", "2027")]


def test_task_table_second_lead_under_a_spanning_task():
    assert _table_rows(FIVE, ["1", "Kiểm tra", "Sở Tài chính", "Sở Y tế", "Năm 2026"],
                       ["Sở Xây dựng", "Sở Nội vụ", "2027"]) == [
        (["1"], ["Sở Tài chính"], ["Sở Y tế"], "Kiểm tra", "Năm 2026"),
        (["1"], ["Sở Xây dựng"], ["Sở Nội vụ"], "Kiểm tra", "2027")]


def test_task_table_continued_after_a_dotted_line_keeps_its_columns():
    # "……" behind the last row's closing `|`, then the rest of the table without its header:
    # row 2 was read as the tail of row 1 and lost
    text = HEADER + "I. NỘI DUNG\nTheo Phụ lục.\n" + _table(
        FIVE, ["1", "Kiểm tra", "Sở Tài chính", "Sở Y tế", "Năm 2026"])[:-2] + "…...............\n" + _table(
        ["2", "Thành lập Quỹ", "Sở Nội vụ", "Các cơ quan liên quan", "2025"],
        ["3", "Báo cáo", "Sở Công Thương", "Sở Nội vụ", "2027"])
    assert [(a.path, a.lead, a.partners, a.task, a.deadline.raw) for a in vbhc.parse(text).assignments] == [
        (["1"], ["Sở Tài chính"], ["Sở Y tế"], "Kiểm tra", "Năm 2026"),
        (["2"], ["Sở Nội vụ"], ["Các cơ quan liên quan"], "Thành lập Quỹ", "2025"),
        (["3"], ["Sở Công Thương"], ["Sở Nội vụ"], "Báo cáo", "2027")]
    # without a number column: the row after it is as wide as the table
    text = HEADER + "I. NỘI DUNG\nTheo Phụ lục.\n" + _table(
        FIVE[1:], ["Kiểm tra", "Sở Tài chính", "Sở Y tế", "Năm 2026"])[:-2] + "…...............\n" + _table(
        ["Thành lập Quỹ", "Sở Nội vụ", "Các cơ quan liên quan", "2025"], ["Báo cáo", "Sở Công Thương", "Sở Nội vụ", "2027"])
    assert [(a.lead, a.task) for a in vbhc.parse(text).assignments] == [
        (["Sở Tài chính"], "Kiểm tra"), (["Sở Nội vụ"], "Thành lập Quỹ"), (["Sở Công Thương"], "Báo cáo")]


def test_task_table_last_row_without_a_number_keeps_its_columns_and_the_text_after_it_out():
    # the number cell of the last row spans from the group row above: the row is one cell short,
    # and the appendix heading after the table's closing `|` came as its fifth cell; the row was
    # read one column to the left (lead = the partner cell) with the heading as its deadline
    header = ["**STT**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Nội dung nhiệm vụ**", "**Thời hạn**"]
    body = HEADER + "I. NỘI DUNG\nTheo Phụ lục.\n" + _table(
        header, ["1", "Sở Y tế", "Sở Tài chính", "Tiêm chủng", "Năm 2026"], ["**B.**", "**TỈNH ĐOÀN**"],
        ["Tỉnh đoàn", "Sở Y tế", "Vận động thanh niên", "Giai đoạn 2026 - 2030"])[:-2]
    rows = [(a.path, a.lead, a.partners, a.task, a.deadline.raw) for a in vbhc.parse(
        body + "PHỤ LỤC II\nDANH MỤC DỰ ÁN\nNội dung khác.\n").assignments]
    assert rows == [(["1"], ["Sở Y tế"], ["Sở Tài chính"], "Tiêm chủng", "Năm 2026"),
                    (["B"], ["Tỉnh đoàn"], ["Sở Y tế"], "Vận động thanh niên", "Giai đoạn 2026 - 2030")]
    # a paragraph after an empty line is the text after the table too, heading or not
    rows = [(a.path, a.lead, a.partners, a.task, a.deadline.raw) for a in vbhc.parse(
        body + "\nCác cơ quan triển khai thực hiện.\n").assignments if a.phrase == "table"]
    assert rows[1] == (["B"], ["Tỉnh đoàn"], ["Sở Y tế"], "Vận động thanh niên", "Giai đoạn 2026 - 2030")
    # the same row before the next table's header: that table's rows are read too
    rows = [(a.path, a.lead, a.task) for a in vbhc.parse(body + "PHỤ LỤC II\nDANH MỤC DỰ ÁN\n" + _table(
        FIVE, ["1", "Kiểm tra", "Sở Tài chính", "Sở Y tế", "Năm 2026"])).assignments]
    assert rows == [(["1"], ["Sở Y tế"], "Tiêm chủng"), (["B"], ["Tỉnh đoàn"], "Vận động thanh niên"),
                    (["1"], ["Sở Tài chính"], "Kiểm tra")]


def test_task_tables_last_row_before_a_heading_and_the_next_header_is_read():
    # "2. Các nhiệm vụ quá hạn" and the next table's header behind the last row's closing `|`
    text = HEADER + "I. NỘI DUNG\nTheo Phụ lục.\n" + _table(
        FIVE, ["1", "Kiểm tra", "Sở Tài chính", "Sở Y tế", "Năm 2026"],
        ["2", "Báo cáo", "Sở Công Thương", "Sở Nội vụ", "2027"])[:-2] + "**2. Các nhiệm vụ quá hạn**\n" + _table(
        FIVE, ["1", "Rà soát", "Sở Xây dựng", "Sở Nội vụ", "Quý I/2026"])
    assert [(a.path, a.lead, a.task) for a in vbhc.parse(text).assignments] == [
        (["1"], ["Sở Tài chính"], "Kiểm tra"), (["2"], ["Sở Công Thương"], "Báo cáo"), (["1"], ["Sở Xây dựng"], "Rà soát")]


def test_cells_of_a_task_table_are_not_read_again_as_prose():
    # the lead cell names two leads, each with its part in brackets, and the task cell says who
    # leads in a sentence: the table's rows are the only rows (no 'Sở Nội vụ (' / 'phần chính
    # sách)', no second row for "Sở Tài chính chủ trì …" with a path inside the cell)
    text = HEADER + "I. NỘI DUNG\nTheo Phụ lục.\n" + _table(
        FIVE, ["1", "Rà soát thủ tục", "Sở Nội vụ (chủ trì phần chính sách, điều phối); UBND các xã (chủ trì phần "
                    "thực hiện tại địa phương).", "Các cơ quan liên quan", "Năm 2026"],
        ["2", "Sở Tài chính chủ trì, phối hợp với Sở Y tế tổng hợp kinh phí", "Sở Tài chính", "", "2027"])
    doc = vbhc.parse(text)
    assert [(a.phrase, a.path, a.lead, a.partners) for a in doc.assignments] == [
        ("table", ["1"], ["Sở Nội vụ (chủ trì phần chính sách, điều phối)",
                          "UBND các xã (chủ trì phần thực hiện tại địa phương)"], ["Các cơ quan liên quan"]),
        ("table", ["2"], ["Sở Tài chính"], [])]


def test_sentences_in_a_table_that_gives_no_task_rows_are_read_as_prose():
    # a procedure's steps: no lead column, so no task table; the sentence in a cell is a row
    text = HEADER + "I. NỘI DUNG\nQuy trình như sau.\n" + _table(
        ["Bước", "Nội dung công việc", "Thời gian"],
        ["Bước 1", "Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ thẩm định hồ sơ.", "05 ngày làm việc"],
        ["Bước 2", "Trả kết quả.", "01 ngày"])
    assert [(a.phrase, a.lead, a.partners, a.task) for a in vbhc.parse(text).assignments] == [
        ("chủ trì", ["Sở Tư pháp"], ["Sở Nội vụ"], "thẩm định hồ sơ")]


@pytest.mark.parametrize(("value", "kind", "raw", "last"), [
    ("31/12/2025", "date", "31/12/2025", "2025-12-31"),
    ("Ngày 15 tháng 10 năm 2025", "date", "Ngày 15 tháng 10 năm 2025", "2025-10-15"),
    ("2025", "year", "2025", "2025-12-31"),
    ("Trước ngày 30/11/2025", "date", "Trước ngày 30/11/2025", "2025-11-30"),
    ("Quý II/2026", "quarter", "Quý II/2026", "2026-06-30"),
    ("Theo Kế hoạch riêng.", "undated", "Theo Kế hoạch riêng", None),
    ("31/02/2025", "undated", "31/02/2025", None),  # no such day: kept as written, no date
    ("1/2/2025/7", "undated", "1/2/2025/7", None),
    ("15/10/2025 - 31/12/2025", "date", "31/12/2025", "2025-12-31"),  # a range: its end
    ("12/2025", "month", "12/2025", "2025-12-31"),
    ("13/2025", "undated", "13/2025", None),
    ("31/12/2025; hằng năm", "date", "31/12/2025", "2025-12-31"),  # what is written first
    ("15/10/2025 - 31/12/2025, sau đó hằng quý", "date", "31/12/2025", "2025-12-31"),
    ("Hằng năm, trước 31/12/2025", "recurring", "Hằng năm", None),
    # a bare date before a dated expression opens a range: its end is the deadline
    ("Từ 01/10/2025 đến 31/12/2025", "date", "Từ 01/10/2025 đến 31/12/2025", "2025-12-31"),
    ("Từ 15/01/2025 đến quý II/2025", "quarter", "quý II/2025", "2025-06-30"),
    ("Bắt đầu 01/10/2025, hoàn thành trước ngày 31/12/2025", "date", "hoàn thành trước ngày 31/12/2025",
     "2025-12-31"),
])
def test_a_deadline_column_states_the_deadline(value, kind, raw, last):
    from vbhc.deadlines import stated

    d = stated(value)
    assert (d.kind, d.raw, d.last) == (kind, raw, last)


def test_an_empty_deadline_column_states_none():
    from vbhc.deadlines import stated

    assert stated("") is None and stated("  . ") is None


def test_partners_named_in_a_later_clause():
    assert rows("a) Sở Tư pháp chủ trì thẩm định dự thảo; Sở Nội vụ và các cơ quan liên quan phối hợp.") == [
        (["Sở Tư pháp"], ["Sở Nội vụ", "các cơ quan liên quan"])]


def test_theo_chuc_nang_qualifies_the_lead_and_is_not_a_name():
    assert rows("2. Bộ Quốc phòng, Bộ Công an theo chức năng, nhiệm vụ, thẩm quyền chủ trì, phối hợp với các "
                "địa phương rà soát hàng dự trữ.") == [(["Bộ Quốc phòng", "Bộ Công an"], ["các địa phương"])]
    assert rows("a) Sở Y tế trong phạm vi chức năng, nhiệm vụ được giao chủ trì kiểm tra.") == [(["Sở Y tế"], [])]


def test_a_remit_after_the_names_a_task_is_given_to_is_no_name():
    found = vbhc.parse(HEADER + "Điều 3. Tổ chức thực hiện\n"
                       "1. Giao Thường trực Hội đồng nhân dân, các Ban Hội đồng nhân dân và các đại biểu Hội đồng "
                       "nhân dân tỉnh trong phạm vi, nhiệm vụ, quyền hạn giám sát việc thực hiện Nghị quyết.\n"
                       "2. Giao Sở Tài chính, Sở Nội vụ theo chức năng, nhiệm vụ được giao kiểm tra việc thực hiện.\n"
                       "3. Sở Y tế trong phạm vi, nhiệm vụ, quyền hạn được giao kiểm tra việc thực hiện.\n").assignments
    assert [(a.lead, a.task) for a in found] == [
        # "trong phạm vi, nhiệm vụ, quyền hạn" ("chức năng" left out) qualifies the names
        (["Thường trực Hội đồng nhân dân", "các Ban Hội đồng nhân dân", "các đại biểu Hội đồng nhân dân tỉnh"],
         "giám sát việc thực hiện Nghị quyết."),
        # the task starts after the remit, whole, not at a verb after "được giao"
        (["Sở Tài chính", "Sở Nội vụ"], "kiểm tra việc thực hiện."),
        (["Sở Y tế"], "kiểm tra việc thực hiện."),
    ]


def test_the_ground_of_a_task_after_the_partner_list_opens_the_task():
    found = vbhc.parse(HEADER + "Điều 2. Giao Văn phòng Ủy ban nhân dân tỉnh chủ trì, phối hợp với Sở Tài chính, các "
                       "cơ quan, đơn vị có liên quan, trên cơ sở quy trình được phê duyệt tại Quyết định này xây "
                       "dựng quy trình điện tử.\nĐiều 3. Sở Y tế chủ trì, phối hợp với Sở Nội vụ trên cơ sở kết quả "
                       "rà soát đề xuất phương án sắp xếp.\n").assignments
    assert [(a.lead, a.partners, a.task) for a in found] == [
        (["Văn phòng Ủy ban nhân dân tỉnh"], ["Sở Tài chính", "các cơ quan, đơn vị có liên quan"],
         "trên cơ sở quy trình được phê duyệt tại Quyết định này xây dựng quy trình điện tử"),
        (["Sở Y tế"], ["Sở Nội vụ"], "trên cơ sở kết quả rà soát đề xuất phương án sắp xếp"),
    ]


def test_the_lead_follows_an_adverbial_clause_before_it():
    assert rows("- Trên cơ sở Quyết định phê duyệt danh sách của Ủy ban nhân dân xã, trong 05 ngày làm việc, "
                "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính trình phê duyệt.") == [
        (["Sở Khoa học và Công nghệ"], ["Sở Tài chính"])]
    (a,) = vbhc.parse(HEADER + "b) Trong thời hạn 03 ngày làm việc kể từ ngày nhận được hồ sơ, Sở Văn hóa, "
                      "Thể thao và Du lịch có trách nhiệm kiểm tra hồ sơ.\n").assignments
    assert (a.lead, a.phrase) == (["Sở Văn hóa, Thể thao và Du lịch"], "trách nhiệm")


def test_an_adverb_before_the_verb_is_not_part_of_the_name():
    (a,) = vbhc.parse(HEADER + "4. Đề nghị Bộ Nông nghiệp và Môi trường sớm ban hành hướng dẫn xét công nhận.\n"
                      ).assignments
    assert (a.lead, a.task) == (["Bộ Nông nghiệp và Môi trường"], "sớm ban hành hướng dẫn xét công nhận.")


def test_co_trach_nhiem_before_the_lead_word_is_not_part_of_the_name():
    assert rows("3. Sở Công Thương có trách nhiệm chủ trì, phối hợp với các cơ quan liên quan kiểm tra.") == [
        (["Sở Công Thương"], ["các cơ quan liên quan"])]


def test_giao_inside_the_subject_with_a_list_of_leads():
    # the place of "giao" in the whole subject must not be applied again to what follows it
    assert rows("1. Chủ tịch giao Sở Nội vụ, Sở Tài chính chủ trì rà soát các quy định.") == [
        (["Sở Nội vụ", "Sở Tài chính"], [])]
    assert rows("2. Giám đốc giao Sở Y tế và Sở Tài chính chủ trì kiểm tra.") == [(["Sở Y tế", "Sở Tài chính"], [])]


@pytest.mark.parametrize("body", [
    "Chiều ngày 07/11/2025, Ủy ban nhân dân tỉnh chủ trì cuộc họp với các sở, ngành về phòng chống lụt bão.",
    "Ngày 25 tháng 11 năm 2025, Sở Nội vụ chủ trì buổi làm việc với Ủy ban nhân dân xã Ia Tơr.",
    "Sáng nay, Sở Y tế chủ trì hội nghị trực tuyến với các bệnh viện.",
])
def test_a_meeting_chaired_on_a_day_is_an_event_not_a_task(body):
    assert rows(body) == []


@pytest.mark.parametrize("body", [
    "a) Ủy ban nhân dân tỉnh chủ trì hội nghị sơ kết vào quý IV năm 2025.",  # a meeting to hold: a task
    "Ngày 15 hằng tháng, Sở Nội vụ chủ trì tổng hợp báo cáo.",               # a day, but no meeting
])
def test_a_meeting_to_hold_or_a_task_on_a_day_is_still_a_task(body):
    assert len(rows(body)) == 1


def test_a_clause_about_agencies_is_not_the_lead():
    # "Trên cơ sở đề xuất của các sở, ban, ngành, …": one clause; the lead is the heading's agency
    doc = vbhc.parse(HEADER + "2. Sở Tài chính\na) Trên cơ sở đề xuất kinh phí của các sở, ban, ngành, địa phương, "
                     "chủ trì tổng hợp, trình cấp có thẩm quyền bố trí kinh phí.\n")
    assert [(a.lead, a.phrase) for a in doc.assignments] == [(["Sở Tài chính"], "chủ trì")]


def test_de_nghi_names_who_must_act():
    doc = vbhc.parse(HEADER + "5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội "
                     "tuyên truyền, vận động Nhân dân tham gia.\n")
    (a,) = doc.assignments
    assert (a.lead, a.partners, a.phrase) == (["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội"],
                                              [], "đề nghị")
    assert a.task.startswith("tuyên truyền")


def test_co_trach_nhiem_names_who_must_act():
    (a,) = vbhc.parse(HEADER + "3. Sở Tài chính có trách nhiệm bố trí kinh phí thực hiện Kế hoạch.\n").assignments
    assert (a.lead, a.phrase, a.task) == (["Sở Tài chính"], "trách nhiệm", "bố trí kinh phí thực hiện Kế hoạch.")


@pytest.mark.parametrize(("body", "lead", "task"), [
    # the subject is the name before the verb, when the verb is no part of a name
    ("2. Đề nghị Công ty căn cứ hồ sơ thực tế, liên hệ với Thuế tỉnh để được hướng dẫn.", ["Công ty"],
     "căn cứ hồ sơ thực tế"),
    ("2. Đề nghị Chủ tịch Ủy ban nhân dân tỉnh quyết định thu hồi, hủy bỏ giấy tờ hộ tịch trái quy định.",
     ["Chủ tịch Ủy ban nhân dân tỉnh"], "quyết định thu hồi"),
    ("2. Đề nghị Hội đồng Di sản văn hóa quốc gia có ý kiến bằng văn bản đối với hồ sơ.",
     ["Hội đồng Di sản văn hóa quốc gia"], "có ý kiến bằng văn bản"),
    # the tax offices named since 2025 are bodies
    ("2. Đề nghị Thuế tỉnh Quảng Ninh căn cứ các quy định trên và hồ sơ thực tế để xử lý.", ["Thuế tỉnh Quảng Ninh"],
     "căn cứ các quy định trên"),
    # the predicate cut from the subject opens the task
    ("2. Sở Y tế căn cứ Danh mục thủ tục hành chính tại Điều 1 có trách nhiệm cập nhật quy trình.", ["Sở Y tế"],
     "căn cứ Danh mục thủ tục hành chính tại Điều 1 có trách nhiệm cập nhật quy trình"),
    ("2. Sở Tài chính tổng hợp và chịu trách nhiệm về số liệu.", ["Sở Tài chính"], "tổng hợp và chịu trách nhiệm"),
    ("2. Bộ Chỉ huy Quân sự tỉnh chủ động xây dựng kế hoạch, bố trí lực lượng phối hợp với chủ rừng tham gia "
     "chữa cháy.", ["Bộ Chỉ huy Quân sự tỉnh"], "chủ động xây dựng kế hoạch"),
    # a verb word inside a name, or followed by more names of the list, is part of a name
    ("2. Đề nghị Chi nhánh Văn phòng đăng ký đất đai cung cấp tài liệu.", ["Chi nhánh Văn phòng đăng ký đất đai"],
     "cung cấp tài liệu"),
    ("2. Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự tỉnh phối hợp với Công an tỉnh theo dõi tình hình.",
     ["Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự tỉnh"], "theo dõi tình hình"),
    ("Điều 3. Cục trưởng Cục Đăng ký giao dịch bảo đảm và Bồi thường nhà nước, Thủ trưởng các đơn vị có liên "
     "quan chịu trách nhiệm thi hành Quyết định này.",
     ["Cục trưởng Cục Đăng ký giao dịch bảo đảm và Bồi thường nhà nước", "Thủ trưởng các đơn vị có liên quan"],
     "thi hành Quyết định này"),
    ("Điều 3. Thủ trưởng các cơ quan Trung ương được tổ chức theo ngành dọc tại địa phương chịu trách nhiệm thi "
     "hành Quyết định này.", ["Thủ trưởng các cơ quan Trung ương được tổ chức theo ngành dọc tại địa phương"],
     "thi hành Quyết định này"),
    # the first verb after the subject is cut, also one that can be a word of a name; names that
    # hold such words are listed (grammars: names) and stay whole
    ("2. Sở Xây dựng tổ chức thực hiện và chịu trách nhiệm về chất lượng công trình.", ["Sở Xây dựng"],
     "tổ chức thực hiện và chịu trách nhiệm"),
    ("2. Công an tỉnh xây dựng kế hoạch, phối hợp với Sở Y tế kiểm tra.", ["Công an tỉnh"], "xây dựng kế hoạch"),
    # after a common noun holding no name, a verb phrase not joined to "chịu trách nhiệm" by
    # "và" or a comma qualifies the noun
    ("Điều 5. Thủ trưởng cơ quan tổ chức lập quy hoạch chịu trách nhiệm kiểm soát việc thanh toán.",
     ["Thủ trưởng cơ quan tổ chức lập quy hoạch"], "kiểm soát việc thanh toán"),
    ("Điều 5. Các cơ quan tổ chức thực hiện và chịu trách nhiệm về kết quả.", ["Các cơ quan"],
     "tổ chức thực hiện và chịu trách nhiệm"),
    ("Điều 5. Các sở thẩm định, chịu trách nhiệm về kết quả.", ["Các sở"], "thẩm định, chịu trách nhiệm"),
    # "căn cứ …" opens an adverbial phrase: it ends the subject after a common noun too
    ("Điều 5. Thủ trưởng cơ quan, đơn vị căn cứ dự toán kinh phí, chế độ chi tiêu hiện hành có trách nhiệm "
     "lựa chọn hình thức tuyên truyền.", ["Thủ trưởng cơ quan, đơn vị"], "căn cứ dự toán kinh phí"),
    # a verb within a relative clause ("được …") describes the body
    ("2. Thủ trưởng các đơn vị thuộc Bộ được giao nhiệm vụ phổ biến thông tin thống kê chịu trách nhiệm xây "
     "dựng kế hoạch.", ["Thủ trưởng các đơn vị thuộc Bộ được giao nhiệm vụ phổ biến thông tin thống kê"],
     "xây dựng kế hoạch"),
    ("2. Thủ trưởng các đơn vị được giao nhiệm vụ kiểm tra chịu trách nhiệm báo cáo kết quả.",
     ["Thủ trưởng các đơn vị được giao nhiệm vụ kiểm tra"], "báo cáo kết quả"),
    ("2. Ban Quản lý dự án đầu tư xây dựng tỉnh có trách nhiệm hoàn thành công trình.",
     ["Ban Quản lý dự án đầu tư xây dựng tỉnh"], "hoàn thành công trình"),
    ("2. Trung tâm Hỗ trợ phát triển doanh nghiệp có trách nhiệm tư vấn.", ["Trung tâm Hỗ trợ phát triển doanh nghiệp"],
     "tư vấn"),
    ("2. Quỹ Đầu tư phát triển tỉnh phối hợp với Sở Tài chính rà soát.", ["Quỹ Đầu tư phát triển tỉnh"], "rà soát"),
    # a plural head before a verb is a subject, not the start of a name ("các Cục chủ động …")
    ("2. Đề nghị các Cục chủ động rà soát, báo cáo Bộ trưởng.", ["các Cục"], "chủ động rà soát"),
])
def test_the_subject_of_a_request_or_a_responsibility_ends_at_its_verb(body, lead, task):
    (a,) = vbhc.parse(HEADER + body + "\n").assignments
    assert a.lead == lead
    assert a.task.startswith(task)


def test_a_procedure_step_given_to_a_body_is_led_by_its_name_alone():
    # a survey step of a land procedure: the body's name ends at the survey verb, the step
    # (and its duration) is the task
    (a,) = vbhc.parse(HEADER + "Điều 5. Trình tự thực hiện\n2. Bước 2:\n- Giao Chi nhánh Văn phòng đăng ký "
                      "đất đai huyện đo đạc, chỉnh lý bản đồ địa chính thửa đất (3 ngày).\n- Chuyển hồ sơ.\n"
                      ).assignments
    assert (a.phrase, a.lead, a.task) == ("giao", ["Chi nhánh Văn phòng đăng ký đất đai huyện"],
                                          "đo đạc, chỉnh lý bản đồ địa chính thửa đất (3 ngày).")
    assert (a.deadline.kind, a.deadline.raw) == ("relative", "3 ngày")  # the step's days are its time
    # the trade a body is licensed for is part of its name
    (a,) = vbhc.parse(HEADER + "1. Văn phòng đăng ký đất đai hoặc đơn vị có giấy phép hành nghề đo đạc theo quy "
                      "định có trách nhiệm bàn giao kết quả đo.\n").assignments
    assert (a.lead, a.task) == (["Văn phòng đăng ký đất đai hoặc đơn vị có giấy phép hành nghề đo đạc theo quy "
                                 "định"], "bàn giao kết quả đo.")


def test_a_request_whose_names_run_to_the_sentence_end_keeps_its_row():
    # no verb ends the names: a known name at their start ends them, the rest is the task
    (a,) = vbhc.parse(HEADER + "2. Giao Văn phòng đăng ký đất đai tỉnh trích lục bản đồ thửa đất (2 ngày).\n").assignments
    assert (a.lead, a.task) == (["Văn phòng đăng ký đất đai tỉnh"], "trích lục bản đồ thửa đất (2 ngày).")
    # a request that names a body and no task is still a row (it is not lost)
    (a,) = vbhc.parse(HEADER + "2. Giao Sở Nội vụ.\n").assignments
    assert (a.lead, a.task) == (["Sở Nội vụ"], None)


def test_a_request_over_items_without_a_colon_still_leads_them():
    doc = vbhc.parse(HEADER + "1. Giao Sở Nội vụ\na) Rà soát hồ sơ.\nb) Tổ chức kiểm tra.\n")
    assert [(a.phrase, a.lead, a.task) for a in doc.assignments] == [
        ("giao", ["Sở Nội vụ"], "Rà soát hồ sơ."), ("giao", ["Sở Nội vụ"], "Tổ chức kiểm tra.")]


def test_a_row_whose_partner_list_ends_the_sentence_has_no_task():
    (a,) = vbhc.parse(HEADER + "2. Công an tỉnh phối hợp với chủ rừng.\n").assignments
    assert (a.lead, a.partners, a.task) == (["Công an tỉnh"], ["chủ rừng"], None)


def test_phoi_hop_followed_by_a_verb_names_no_partner():
    assert rows("1. Sở Y tế chủ trì, phối hợp thực hiện các nhiệm vụ được giao.") == [(["Sở Y tế"], [])]
    (a,) = vbhc.parse(HEADER + "1. Sở Y tế chủ trì, phối hợp tổ chức tập huấn cho cán bộ.\n").assignments
    assert a.task == "tổ chức tập huấn cho cán bộ"
    # after "với" a list of bodies follows, whatever its first word
    assert rows("1. Sở Y tế chủ trì, phối hợp với tổ chức đảng, cấp ủy triển khai.") == [
        (["Sở Y tế"], ["tổ chức đảng", "cấp ủy"])]


def test_split_names_keeps_a_bracketed_remark_with_its_item():
    assert split_names("Bộ Nông nghiệp và Môi trường (chủ trì phần chính sách, công nghệ); Văn phòng UBND tỉnh "
                       "(Sở Khoa học và Công nghệ, các sở liên quan), Sở Tài chính") == [
        "Bộ Nông nghiệp và Môi trường (chủ trì phần chính sách, công nghệ)",
        "Văn phòng UBND tỉnh (Sở Khoa học và Công nghệ, các sở liên quan)", "Sở Tài chính"]
    # the marks it holds names aside with are not read from the input
    assert split_names("Sở A \x005\x00, Sở B") == ["Sở A 5", "Sở B"]


def test_a_noun_ending_in_vu_before_a_comma_does_not_open_a_collective():
    # "Sở Nội vụ, tổ chức …": "vụ" is the end of a name, "tổ chức" the verb that starts the task
    (a,) = vbhc.parse(HEADER + "1. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ, tổ chức thẩm định hồ sơ.\n").assignments
    assert (a.partners, a.task) == (["Sở Nội vụ"], "tổ chức thẩm định hồ sơ")


def test_is_agency_on_a_run_of_nouns_fails_fast():
    from vbhc.assignments import is_agency

    # each noun could be read two ways: a failed match tried every split (seconds at 22 nouns)
    assert not is_agency("các sở " + "sở " * 24 + "Xyz chủ trì")


@pytest.mark.parametrize(("body", "partners", "task"), [
    # a known name with a verb and commas in it
    ("1. Công an tỉnh phối hợp với Cục Cảnh sát quản lý hành chính về trật tự xã hội, Bộ Công an quản lý, theo dõi "
     "tài khoản.", ["Cục Cảnh sát quản lý hành chính về trật tự xã hội", "Bộ Công an"], "quản lý, theo dõi tài khoản."),
    # a task verb that opens with a collective noun ends the collective phrase ("cấp" of a level goes on it)
    ("1. Sở Khoa học và Công nghệ chủ trì, phối hợp với các cơ quan, đơn vị cấp tài khoản công vụ theo quy định tại "
     "khoản 1, khoản 2 Điều này.", ["các cơ quan, đơn vị"], "cấp tài khoản công vụ theo quy định tại khoản 1, khoản 2 "
                                                           "Điều này"),
    ("1. Sở Y tế chủ trì, phối hợp với các cơ quan, đơn vị cấp xã kiểm tra.", ["các cơ quan, đơn vị cấp xã"], "kiểm tra"),
    # a party named by what it does: the verb after "chủ", "nhà" is a noun
    ("1. Sở Xây dựng phối hợp với chủ đầu tư hạ tầng khu công nghiệp, nhà cung cấp dịch vụ rà soát quy hoạch.",
     ["chủ đầu tư hạ tầng khu công nghiệp", "nhà cung cấp dịch vụ"], "rà soát quy hoạch."),
    # a verb after "có chức năng" describes the body; "trong thực hiện" opens the task
    ("1. Sở Tài chính phối hợp với cơ quan có chức năng quản lý đất đai cấp xã, Ủy ban nhân dân cấp xã trong thực "
     "hiện thống kê đất đai.", ["cơ quan có chức năng quản lý đất đai cấp xã", "Ủy ban nhân dân cấp xã"],
     "trong thực hiện thống kê đất đai."),
])
def test_a_partner_name_is_not_cut_at_a_verb_inside_it(body, partners, task):
    (a,) = vbhc.parse(HEADER + body + "\n").assignments
    assert (a.partners, a.task) == (partners, task)


def test_a_verb_word_after_dia_is_a_noun():
    # "trên địa bàn": "bàn" is no verb there, so the partner list runs on past it
    (a,) = vbhc.parse(HEADER + "1. Sở Công Thương chủ trì, phối hợp với các doanh nghiệp trên địa bàn tỉnh và "
                      "các cơ quan liên quan rà soát nguồn điện.\n").assignments
    assert a.partners == ["các doanh nghiệp trên địa bàn tỉnh", "các cơ quan liên quan"]
    assert a.task.startswith("rà soát")


@pytest.mark.parametrize(("body", "task"), [
    # the dot of an abbreviation, of "v.v.", of "..." or of an item number ends no sentence
    ("1. Đề nghị Sở Tài chính hướng dẫn UBND Tp. Huế lập dự toán, v.v. và báo cáo UBND tỉnh.",
     "hướng dẫn UBND Tp. Huế lập dự toán, v.v. và báo cáo UBND tỉnh."),
    ("1. Đề nghị Sở Nội vụ thực hiện các nội dung sau: 1. Rà soát biên chế; 2. Báo cáo.",
     "thực hiện các nội dung sau: 1. Rà soát biên chế; 2. Báo cáo."),
    ("1. Sở Tài chính có trách nhiệm hướng dẫn lập dự toán... và báo cáo.", "hướng dẫn lập dự toán... và báo cáo."),
    # a clause after ";" with a subject of its own is a row of its own
    ("1. Sở Tài chính có trách nhiệm bố trí kinh phí; Sở Nội vụ có trách nhiệm thẩm định biên chế.", "bố trí kinh phí"),
])
def test_where_a_request_or_a_responsibility_ends(body, task):
    assert vbhc.parse(HEADER + body + "\n").assignments[0].task == task


def test_an_abbreviation_with_a_dot_is_inside_a_name():
    assert rows("1. Đề nghị UBND TP. Hồ Chí Minh chủ trì, phối hợp với Bộ Xây dựng rà soát.") == [
        (["UBND TP. Hồ Chí Minh"], ["Bộ Xây dựng"])]
    assert rows("1. Sở Xây dựng chủ trì, phối hợp với UBND TP. Huế rà soát quy hoạch.") == [
        (["Sở Xây dựng"], ["UBND TP. Huế"])]


def test_a_request_beside_phoi_hop_without_voi_is_a_row():
    # the closing article of a resolution: "phối hợp" there is a verb of the task
    doc = vbhc.parse(HEADER + "Điều 3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền và "
                     "giám sát việc thực hiện Nghị quyết.\n")
    assert [(a.lead, a.phrase, a.task) for a in doc.assignments] == [
        (["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], "đề nghị", "phối hợp tuyên truyền và giám sát việc thực hiện "
                                                                "Nghị quyết.")]
    # "cùng" alone names no partner: the request stays
    assert rows("1. Đề nghị Sở Y tế báo cáo kết quả cùng kỳ năm trước.") == [(["Sở Y tế"], [])]


def test_a_denied_responsibility_is_no_row():
    assert rows("1. Văn phòng đăng ký đất đai không chịu trách nhiệm do các đơn vị không cung cấp văn bản.") == []


def test_a_request_or_a_responsibility_ends_at_its_sentence():
    # one paragraph of many sentences: each row's task is its own sentence, not the rest of the
    # paragraph (which made the output grow with the square of the paragraph's length)
    unit = ("Đề nghị Sở Y tế báo cáo kết quả. Sở Tài chính có trách nhiệm bố trí kinh phí. "
            "Công an tỉnh phối hợp với Sở Nội vụ kiểm tra. ")
    paragraph = unit * 40
    doc = vbhc.parse(HEADER + "1. " + paragraph + "\n")
    assert len(doc.assignments) == 120
    assert {a.task for a in doc.assignments} == {"báo cáo kết quả.", "bố trí kinh phí.", "kiểm tra."}
    assert sum(len(a.task) for a in doc.assignments) < len(paragraph)


def test_theo_de_nghi_is_not_a_request():
    assert rows("Theo đề nghị của Sở Nội vụ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau.") == []


# --------------------------------------------------------------------------- who the subject is

@pytest.mark.parametrize(("body", "expected"), [
    # words of time or manner before the lead word are not part of the name
    ("1. Sở Tài chính đã chủ trì, phối hợp với Sở Nội vụ rà soát.", [(["Sở Tài chính"], ["Sở Nội vụ"])]),
    ("1. Sở Y tế sẽ tiếp tục chủ trì triển khai.", [(["Sở Y tế"], [])]),
    ("1. Sở Nội vụ thường xuyên phối hợp với Sở Tư pháp kiểm tra.", [(["Sở Nội vụ"], ["Sở Tư pháp"])]),
    # an adverbial clause before the subject ("Thực hiện …,", "Đối với …,")
    ("1. Thực hiện chỉ đạo của Chủ tịch UBND tỉnh tại văn bản số 12/UBND-KT, Sở Tài chính chủ trì rà soát.",
     [(["Sở Tài chính"], [])]),
    ("1. Đối với các dự án mới, Sở Xây dựng chủ trì thẩm định.", [(["Sở Xây dựng"], [])]),
    # the second lead word names the one the first delegates to, not both
    ("1. Chủ tịch Hội đồng chủ trì hoặc ủy quyền cho Phó Chủ tịch Hội đồng chủ trì phiên họp.",
     [(["Chủ tịch Hội đồng"], []), (["Phó Chủ tịch Hội đồng"], [])]),
    # a body named after "tới", "thuộc" is an object, not the subject; "giao 01 địa phương" names none
    ("1. Trường hợp di sản có phạm vi trên 02 tỉnh, UBND cấp tỉnh đề nghị lập hồ sơ có trách nhiệm gửi văn "
     "bản tới UBND các tỉnh có liên quan để thống nhất xác định 01 địa phương chủ trì lập hồ sơ.", []),
    ("1. Bộ trưởng xem xét, trình Thủ tướng Chính phủ cho phép và giao 01 địa phương chủ trì lập hồ sơ.", []),
    # a meeting already held is an event reported; a meeting to hold, or work already done, stays a row
    ("1. UBND tỉnh đã chủ trì cuộc họp với các sở để bàn phương án.", []),
    ("1. UBND tỉnh chủ trì cuộc họp với các sở trong quý IV.", [(["UBND tỉnh"], [])]),
    ("1. UBND tỉnh đã chủ trì, phối hợp với Sở Y tế triển khai kế hoạch.", [(["UBND tỉnh"], ["Sở Y tế"])]),
    # the nearest agency label before the lead word, without its qualifier or verb
    ("1. Sở Tài chính có trách nhiệm: chủ trì thẩm định dự toán; chủ trì tổng hợp biên chế.",
     [(["Sở Tài chính"], []), (["Sở Tài chính"], [])]),
    ("1. Sở Y tế thực hiện các nội dung sau: chủ trì hội thảo; chủ trì tập huấn.", [(["Sở Y tế"], []), (["Sở Y tế"], [])]),
    ("1. Sở Y tế: chủ trì hội thảo; Sở Nội vụ: chủ trì tập huấn.", [(["Sở Y tế"], []), (["Sở Nội vụ"], [])]),
    # an opener verb followed by lower-case words is part of the text, not the start of a subject
    ("1. Ngoài ra, Trung tâm Chuyển giao công nghệ tỉnh chủ trì tổ chức hội thảo.",
     [(["Trung tâm Chuyển giao công nghệ tỉnh"], [])]),
    ("1. Đồng thời, Sở Nội vụ theo dõi nhiệm vụ được giao và chủ trì tổng hợp kết quả.", [(["Sở Nội vụ"], [])]),
    # a party no agency name opens leads when it is given the task by name, after a body that gives it
    ("1. Chủ tịch Ủy ban nhân dân cấp xã giao phòng chuyên môn có chức năng về tài chính chủ trì tổ chức thẩm tra.",
     [(["phòng chuyên môn có chức năng về tài chính"], [])]),
    ("1. Giao cơ quan có chức năng quản lý đất đai cấp tỉnh chủ trì, phối hợp với các cơ quan có liên quan thẩm định.",
     [(["cơ quan có chức năng quản lý đất đai cấp tỉnh"], ["các cơ quan có liên quan"])]),
    ("1. UBND tỉnh vừa chủ trì, phối hợp với Bộ Y tế kiểm tra.", [(["UBND tỉnh"], ["Bộ Y tế"])]),
    # the head of a body, named as printed
    ("5. Bộ trưởng Bộ Tài chính chủ trì, phối hợp với các bộ, ngành liên quan rà soát.",
     [(["Bộ trưởng Bộ Tài chính"], ["các bộ, ngành liên quan"])]),
    ("Điều 3. Chánh Văn phòng Bộ, Cục trưởng Cục Công nghệ thông tin và Chuyển đổi số, Thủ trưởng các đơn vị "
     "thuộc Bộ chịu trách nhiệm thi hành Quyết định này.",
     [(["Chánh Văn phòng Bộ", "Cục trưởng Cục Công nghệ thông tin và Chuyển đổi số",
        "Thủ trưởng các đơn vị thuộc Bộ"], [])]),
    # bodies under a named one are an agency
    ("1. Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh chủ trì quản lý tài sản.",
     [(["Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh"], [])]),
    # the agency that labels an item is the subject of its clauses that name none
    ("a) Cục Bảo tồn thiên nhiên và Đa dạng sinh học: Chủ trì triển khai Thông tư; đề xuất sửa đổi; chủ trì, "
     "phối hợp với Sở Tư pháp kiểm tra.",
     [(["Cục Bảo tồn thiên nhiên và Đa dạng sinh học"], []),
      (["Cục Bảo tồn thiên nhiên và Đa dạng sinh học"], ["Sở Tư pháp"])]),
])
def test_the_subject_of_a_lead_word(body, expected):
    assert rows(body) == expected


def test_a_body_of_cases_under_an_agency_is_not_an_agency():
    from vbhc.assignments import is_agency

    assert is_agency("các đơn vị sự nghiệp công lập trực thuộc Sở Y tế")
    assert not is_agency("các trường hợp thuộc Sở Y tế quản lý")


def test_names_listed_with_semicolons_before_a_responsibility_all_lead():
    (a,) = vbhc.parse(HEADER + "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Xây dựng, Nông nghiệp "
                      "và Môi trường; Thủ trưởng các sở, ngành, đoàn thể tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường "
                      "và các cơ quan, đơn vị, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.\n"
                      ).assignments
    assert a.lead == ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Xây dựng",
                      "Giám đốc Sở Nông nghiệp và Môi trường", "Thủ trưởng các sở, ngành, đoàn thể tỉnh",
                      "Chủ tịch Ủy ban nhân dân các xã, phường", "các cơ quan, đơn vị, tổ chức, cá nhân có liên quan"]
    assert a.task == "thi hành Quyết định này./."
    # a clause of its own before the ";" is not part of the list
    rows_ = [(r.lead, r.task) for r in vbhc.parse(
        HEADER + "2. Sở Y tế xây dựng kế hoạch; Sở Tài chính chịu trách nhiệm bố trí kinh phí.\n").assignments]
    assert rows_ == [(["Sở Tài chính"], "bố trí kinh phí.")]


@pytest.mark.parametrize("blank", ["…..(B)……", "(02)", "…….(tên tổ chức, cá nhân)……", "…………", "………",
                                   "…(tên đơn vị)…"])
def test_a_sample_decision_with_a_name_left_blank_is_no_task(blank):
    # a form printed in an appendix holds a sample decision whose names are left to fill in
    text = (HEADER + "1. Sở Tài chính chủ trì xây dựng dự toán.\n"
            f"Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, {blank} và tổ chức, cá nhân có liên quan "
            "chịu trách nhiệm thi hành Quyết định này.\n")
    assert [(a.lead, a.task) for a in vbhc.parse(text).assignments] == [(["Sở Tài chính"], "xây dựng dự toán")]
    # the same sentence with every name given is a task
    filled = text.replace(blank, "Giám đốc Sở Nội vụ")
    assert [a.lead for a in vbhc.parse(filled).assignments][-1] == [
        "Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ", "tổ chức, cá nhân có liên quan"]


@pytest.mark.parametrize(("partners", "kept"), [
    ("Sở Y tế, Sở Xây dựng, …", ["Sở Y tế", "Sở Xây dựng", "…"]),  # "and others", no blank
    ("Sở Y tế, (Sở Xây dựng)", ["Sở Y tế", "(Sở Xây dựng)"]),
    ("Sở Y tế, …………", ["Sở Y tế"]),  # a blank to fill in is no partner; the row stays
])
def test_a_partner_that_is_a_blank_is_dropped_not_the_row(partners, kept):
    (a,) = vbhc.parse(HEADER + f"1. Sở Tài chính chủ trì, phối hợp với {partners} triển khai thực hiện kế hoạch.\n"
                      ).assignments
    assert (a.lead, a.partners, a.task) == (["Sở Tài chính"], kept, "triển khai thực hiện kế hoạch")


@pytest.mark.parametrize("mark, note", [("………………(1)", "(1)"), ("\n(1) ………………", "(1):")])
def test_a_forms_notes_on_what_to_write_in_its_blanks_are_no_tasks(mark, note):
    signed = (HEADER + "I. TỔ CHỨC THỰC HIỆN\n1. Sở Văn hóa chủ trì tổ chức Ngày sách.\n\n"
              "Nơi nhận:\n- Các sở, ngành;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n\n"
              "PHỤ LỤC\nMẪU ĐƠN ĐĂNG KÝ THAM GIA\n(Kèm theo Kế hoạch số 486/KH-UBND ngày 12/3/2024 của UBND tỉnh)\n")
    form = (f"Kính gửi: {mark}\nTên đơn vị: ………………(2)\nĐơn vị cam kết thực hiện đúng thể lệ./.\n"
            "………, ngày … tháng … năm …\n(Ký, ghi rõ họ tên)\n")
    notes = (f"{note} Ủy ban nhân dân cấp xã nơi đơn vị đặt trụ sở hoặc nơi người đăng ký đang sinh sống.\n"
             "(2) Sở Văn hóa chủ trì tổng hợp các đơn đăng ký.\n")
    found = [(a.lead, a.task) for a in vbhc.parse(signed + form + notes).assignments]
    assert found == [(["Sở Văn hóa"], "tổ chức Ngày sách")]
    # the same items below a form with no blanks marked so are read
    found = [(a.lead, a.task) for a in vbhc.parse(signed + form.replace("(1)", "").replace("(2)", "") + notes).assignments]
    assert found[-1] == (["Sở Văn hóa"], "tổng hợp các đơn đăng ký")


@pytest.mark.parametrize(("text", "partners", "task"), [
    ("Sở Tài chính chủ trì, Sở Nội vụ phối hợp thực hiện rà soát biên chế.", ["Sở Nội vụ"],
     "thực hiện rà soát biên chế"),
    ("Sở Tài chính chủ trì, Sở Nội vụ và Sở Y tế phối hợp rà soát biên chế.", ["Sở Nội vụ", "Sở Y tế"],
     "rà soát biên chế"),
    ("Sở Tài chính chủ trì, các sở, ngành phối hợp rà soát biên chế.", ["các sở, ngành"], "rà soát biên chế"),
    ("Sở Tài chính chủ trì, Sở Nội vụ phối hợp với Sở Y tế rà soát biên chế.", ["Sở Nội vụ", "Sở Y tế"],
     "rà soát biên chế"),
    # what qualifies the body is not its name
    ("Sở Tài chính chủ trì, Sở Nội vụ có trách nhiệm phối hợp rà soát biên chế.", ["Sở Nội vụ"], "rà soát biên chế"),
    # a body the lead word governs, or the object of its verb, is no partner
    ("Sở Tài chính chủ trì Hội đồng thi tuyển, phối hợp với Sở Y tế tổ chức kỳ thi.", ["Sở Y tế"],
     "tổ chức kỳ thi"),
])
def test_bodies_named_between_the_lead_word_and_phoi_hop_are_partners(text, partners, task):
    # "X chủ trì, Y phối hợp …": Y was lost (no "với" before it)
    found = [(a.lead, a.partners, a.task) for a in vbhc.parse(HEADER + "1. " + text + "\n").assignments]
    assert found == [(["Sở Tài chính"], partners, task)]


def test_a_list_of_bodies_the_lead_works_with_is_not_cut_into_another_clause():
    found = [(a.lead, a.partners, a.task) for a in vbhc.parse(
        HEADER + "1. Sở Tài chính chủ trì làm việc với Sở Y tế, Sở Nội vụ, phối hợp với Sở Xây dựng kiểm tra.\n"
    ).assignments]
    assert [(lead, partners) for lead, partners, _ in found] == [(["Sở Tài chính"], ["Sở Xây dựng"])]
    assert found[0][2].startswith("làm việc với Sở Y tế, Sở Nội vụ")


def test_a_lead_task_goes_on_through_its_own_duties_after_a_semicolon():
    doc = vbhc.parse(HEADER + "1. Công an tỉnh chủ trì, phối hợp với Sở Nội vụ tham mưu kiện toàn Ban Chỉ đạo; tham mưu sửa "
                     "đổi Quyết định số 15/2021/QĐ-UBND; kiểm tra trật tự an toàn giao thông; Sở Tư pháp thẩm định.\n"
                     "2. Sở Y tế chủ trì kiểm tra an toàn thực phẩm; các sở, ngành phối hợp.\n"
                     "3. Sở Xây dựng chủ trì rà soát quy hoạch; chủ trì, phối hợp với Sở Tài chính lập dự toán.\n")
    found = [(a.lead, a.partners, a.task) for a in doc.assignments if a.phrase == "chủ trì"]
    assert found == [
        # the second duty has no subject of its own; "Sở Tư pháp …" has one
        (["Công an tỉnh"], ["Sở Nội vụ"], "tham mưu kiện toàn Ban Chỉ đạo; tham mưu sửa đổi Quyết định số 15/2021/QĐ-UBND; "
                                          "kiểm tra trật tự an toàn giao thông"),
        # "…; Y phối hợp" names the partners, not more of the task
        (["Sở Y tế"], ["các sở, ngành"], "kiểm tra an toàn thực phẩm"),
        # a clause with its own lead word is a row of its own, of the same subject
        (["Sở Xây dựng"], [], "rà soát quy hoạch"),
        (["Sở Xây dựng"], ["Sở Tài chính"], "lập dự toán"),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # the subject ends before what is said of it
    ("Sở Khoa học và Công nghệ là cơ quan chuyên môn được UBND tỉnh giao chủ trì tham mưu triển khai.",
     [("chủ trì", ["Sở Khoa học và Công nghệ"])]),
    ("Sở Khoa học và Công nghệ có trách nhiệm theo dõi, đôn đốc, chủ trì tổng hợp kết quả.",
     [("chủ trì", ["Sở Khoa học và Công nghệ"])]),
    # a post described is no task; an alias in brackets is no description
    ("Giám đốc Sở là người đứng đầu Sở Tư pháp do Chủ tịch Ủy ban nhân dân tỉnh bổ nhiệm, chịu trách nhiệm "
     "trước Chủ tịch Ủy ban nhân dân tỉnh.", []),
    ("Ủy ban nhân dân xã, phường (sau đây gọi là cấp xã) chịu trách nhiệm hướng dẫn đăng ký kết hôn.",
     [("trách nhiệm", ["Ủy ban nhân dân xã, phường"])]),
])
def test_what_is_said_of_a_subject_is_not_its_name(text, expected):
    assert [(a.phrase, a.lead) for a in vbhc.parse(HEADER + text + "\n").assignments] == expected



@pytest.mark.parametrize(("body", "expected"), [
    # a city whose name starts with a modal-looking word
    ("II. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân thành phố Cần Thơ:\n- Rà soát hồ sơ;\n- Tổ chức kiểm tra.",
     [("heading", ["Ủy ban nhân dân thành phố Cần Thơ"])] * 2),
    # "Giao X:" over items: an item that names its own lead gives that row alone
    ("Điều 2. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân Thành phố:\na) Tổ chức thực hiện Nghị quyết.\n"
     "b) Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố giám sát việc thực hiện.",
     [("giao", ["Ủy ban nhân dân Thành phố"]), ("đề nghị", ["Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố"])]),
    # under a heading: a denial gives no row, an item labelled with its own body is led by it
    ("Điều 7. Trách nhiệm của Văn phòng đăng ký đất đai\n1. Kiểm tra hồ sơ địa chính.\n"
     "2. Văn phòng đăng ký đất đai không chịu trách nhiệm về nội dung hồ sơ do cơ quan khác lập.\n"
     "3. Sở Tài chính: Bố trí kinh phí thực hiện.",
     [("heading", ["Văn phòng đăng ký đất đai"]), ("heading", ["Sở Tài chính"])]),
    # "Phối hợp với" under a heading that leads no tasks (a decree's structure) gives no row
    ("Chương II\nCƠ CẤU TỔ CHỨC\nĐiều 3. Văn phòng Bộ\n1. Tham mưu tổng hợp.\n2. Phối hợp với Vụ Pháp chế rà soát văn bản.",
     []),
    # a plan's results section reports, it gives no tasks
    ("II. KẾT QUẢ THỰC HIỆN NĂM 2024\n1. Sở Y tế tổ chức 05 lớp tập huấn cho 300 học viên.\n"
     "2. Sở Tư pháp:\n- Tổ chức 10 hội nghị phổ biến pháp luật;\n- Biên soạn 2.000 tờ gấp.", []),
    # a procedure's record says where one applies
    ("II. THỦ TỤC\n1. Thủ tục đăng ký khai sinh\na) Trình tự thực hiện: nộp hồ sơ.\n"
     "b) Cơ quan thực hiện: Ủy ban nhân dân cấp xã.", []),
    # a time said between the name and its verb, and a "Tờ trình" after it, are not the name
    ("1. Giao Sở Tài chính trước ngày 15 tháng 11 năm 2025 kiểm tra hồ sơ.\n"
     "2. Giao Bộ trưởng Bộ Tư pháp thay mặt Chính phủ ký Tờ trình dự án Luật.",
     [("giao", ["Sở Tài chính"]), ("giao", ["Bộ trưởng Bộ Tư pháp"])]),
    # "Trách nhiệm của X trong công tác …" leads its items by X
    ("1. Trách nhiệm của Sở Y tế trong công tác phòng, chống dịch:\n- Rà soát cơ sở y tế;\n- Tổ chức tiêm chủng.",
     [("heading", ["Sở Y tế"])] * 2),
])
def test_review_cases_of_heading_subject_and_giao_rows(body, expected):
    assert [(a.phrase, a.lead) for a in vbhc.parse(HEADER + body + "\n").assignments] == expected


def test_heading_rows_are_not_read_in_a_report():
    header = HEADER.replace("KẾ HOẠCH", "BÁO CÁO").replace("KH-UBND", "BC-UBND")
    doc = vbhc.parse(header + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế:\n- Tổ chức 05 lớp tập huấn;\n- Kiểm tra 20 cơ sở.\n")
    assert [a.phrase for a in doc.assignments if a.phrase == "heading"] == []


def test_an_elided_list_of_bodies_stays_split():
    assert split_names("Sở Y tế, Tài chính") == ["Sở Y tế", "Tài chính"]



@pytest.mark.parametrize(("body", "expected"), [
    # "giao" in a name or a common noun is no request
    ("III. NHIỆM VỤ\n1. Sở Giao thông vận tải khẩn trương rà soát các tuyến đường.\n"
     "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Xây dựng:\na) Lĩnh vực giao thông:\n- Rà soát các tuyến đường.",
     [("subject", ["Sở Giao thông vận tải"], [], "khẩn trương rà soát các tuyến đường."),
      ("heading", ["Sở Xây dựng"], [], "Rà soát các tuyến đường.")]),
    # a role said with "là" before the duties: the name before it leads
    ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ là cơ quan thường trực của Hội đồng thi đua có trách nhiệm tham mưu sơ kết.",
     [("trách nhiệm", ["Sở Nội vụ"], [], "tham mưu sơ kết.")]),
    # a task that announces the list below it: one row per item
    ("Điều 8. Trách nhiệm của Chi nhánh Văn phòng đăng ký đất đai\n2. Chủ trì, phối hợp với Sở Tài chính thực hiện "
     "các nhiệm vụ sau:\na) Rà soát hồ sơ địa chính;\nb) Cập nhật cơ sở dữ liệu đất đai.",
     [("chủ trì", ["Chi nhánh Văn phòng đăng ký đất đai"], ["Sở Tài chính"], "Rà soát hồ sơ địa chính"),
      ("chủ trì", ["Chi nhánh Văn phòng đăng ký đất đai"], ["Sở Tài chính"], "Cập nhật cơ sở dữ liệu đất đai.")]),
    # a clause after ";" with a subject of its own is not more of the task
    ("1. Sở Y tế chủ trì tổ chức tập huấn cho cán bộ y tế; các địa phương bố trí kinh phí.",
     [("chủ trì", ["Sở Y tế"], [], "tổ chức tập huấn cho cán bộ y tế")]),
    # "về" inside a name; "Đăng ký" in a name; "tập trung" ends a partner list
    ("II. TỔ CHỨC THỰC HIỆN\n2. Trách nhiệm của Ủy ban Quốc gia về người cao tuổi Việt Nam:\n- Hướng dẫn các địa phương.\n"
     "3. Phòng Đăng ký kinh doanh khẩn trương hướng dẫn doanh nghiệp.\n"
     "4. Ủy ban nhân dân các tỉnh phối hợp với Bộ Xây dựng tập trung khắc phục hậu quả.",
     [("heading", ["Ủy ban Quốc gia về người cao tuổi Việt Nam"], [], "Hướng dẫn các địa phương."),
      ("subject", ["Phòng Đăng ký kinh doanh"], [], "khẩn trương hướng dẫn doanh nghiệp."),
      ("phối hợp", ["Ủy ban nhân dân các tỉnh"], ["Bộ Xây dựng"], "tập trung khắc phục hậu quả.")]),
    # a section about evaluating and summing up still gives tasks
    ("IV. ĐÁNH GIÁ, SƠ KẾT, TỔNG KẾT\n1. Sở Nội vụ tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.",
     [("subject", ["Sở Nội vụ"], [], "tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.")]),
])
def test_second_review_cases(body, expected):
    assert [(a.phrase, a.lead, a.partners, a.task) for a in vbhc.parse(HEADER + body + "\n").assignments] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # items labelled with their own bodies under a collective heading
    ("II. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành có trách nhiệm:\na) Sở Tài chính: bố trí kinh phí thực hiện.\n"
     "b) Sở Nội vụ: hướng dẫn thi đua, khen thưởng.",
     [(["Sở Tài chính"], "bố trí kinh phí thực hiện."), (["Sở Nội vụ"], "hướng dẫn thi đua, khen thưởng.")]),
    # a task that ends in "cụ thể" without a colon keeps its own text
    ("1. Sở Tài chính chủ trì, phối hợp với Sở Y tế thực hiện các nội dung cụ thể\na) Rà soát hồ sơ;",
     [(["Sở Tài chính"], "thực hiện các nội dung cụ thể")]),
    # "các nhiệm vụ sau đây:" announces its items
    ("1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính thực hiện các nhiệm vụ sau đây:\na) Rà soát biên chế;\n"
     "b) Báo cáo kết quả.",
     [(["Sở Nội vụ"], "Rà soát biên chế"), (["Sở Nội vụ"], "Báo cáo kết quả.")]),
    # a name cut at its verb after "về" stays whole
    ("II. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của Ban Chỉ đạo tỉnh về phát triển du lịch:\n- Chỉ đạo các sở triển khai.",
     [(["Ban Chỉ đạo tỉnh về phát triển du lịch"], "Chỉ đạo các sở triển khai.")]),
    # an object list after ";" is more of the task
    ("1. Sở Y tế chủ trì kiểm tra an toàn thực phẩm; các cơ sở sản xuất, kinh doanh trên địa bàn.",
     [(["Sở Y tế"], "kiểm tra an toàn thực phẩm; các cơ sở sản xuất, kinh doanh trên địa bàn")]),
])
def test_third_review_cases(body, expected):
    assert [(a.lead, a.task) for a in vbhc.parse(HEADER + body + "\n").assignments] == expected


def test_a_partner_list_ends_before_when_what_and_the_verbs_that_follow_it():
    def one(body: str):
        (a,) = vbhc.parse(HEADER + body + "\n").assignments
        return a.partners, a.task

    # "khi" (when) opens the task; so do "chịu trách nhiệm" and "tính toán" after a name
    assert one("a) Chi nhánh Văn phòng đăng ký đất đai chủ trì, phối hợp với Ủy ban nhân dân cấp xã khi thực hiện "
               "các thủ tục đăng ký.") == (["Ủy ban nhân dân cấp xã"], "khi thực hiện các thủ tục đăng ký")
    assert one("1. Bộ trưởng Bộ Nội vụ chủ trì, phối hợp với Bộ trưởng Bộ Công an chịu trách nhiệm hướng dẫn thi "
               "hành Quyết định này.") == (["Bộ trưởng Bộ Công an"], "chịu trách nhiệm hướng dẫn thi hành Quyết định này")
    # a conjunction before the task's verb joins the task, not a name
    assert one("2. Ban Chỉ đạo chủ trì, phối hợp với các bộ, ngành, địa phương và chỉ đạo các địa phương triển "
               "khai.")[0] == ["các bộ, ngành, địa phương"]


def test_a_partner_list_goes_on_across_semicolons_to_its_task():
    (a,) = vbhc.parse(HEADER + "Điều 2. Giao Sở Công Thương chủ trì, phối hợp với các sở, ban, ngành của tỉnh; Ủy ban "
                      "nhân dân các xã, phường; các doanh nghiệp có liên quan triển khai thực hiện Kế hoạch này.\n"
                      ).assignments
    assert (a.partners, a.task) == (["các sở, ban, ngành của tỉnh", "Ủy ban nhân dân các xã, phường",
                                     "các doanh nghiệp có liên quan"], "triển khai thực hiện Kế hoạch này")
    # a clause after ";" with a lead of its own is a row of its own
    rows_ = vbhc.parse(HEADER + "1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính; Sở Y tế chủ trì, phối hợp với Công "
                       "an tỉnh kiểm tra.\n").assignments
    assert [(r.lead, r.partners) for r in rows_] == [(["Sở Nội vụ"], ["Sở Tài chính"]), (["Sở Y tế"], ["Công an tỉnh"])]


@pytest.mark.parametrize("opening", ["Chậm nhất ngày 30/6/2026", "Hằng năm", "Định kỳ 6 tháng", "Từ năm 2026"])
def test_a_time_before_the_subject_of_a_duty(opening):
    (a,) = vbhc.parse(HEADER + f"c) {opening}, Sở Nội vụ có trách nhiệm báo cáo kết quả thực hiện.\n").assignments
    assert (a.lead, a.phrase, a.task) == (["Sở Nội vụ"], "trách nhiệm", "báo cáo kết quả thực hiện.")


def test_a_body_with_a_duty_of_its_own_after_a_semicolon_is_no_partner():
    rows_ = vbhc.parse(HEADER + "1. Công an tỉnh chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh; Sở Y tế bảo đảm công "
                       "tác y tế trong thời gian diễn ra sự kiện.\n").assignments
    assert [(r.lead, r.partners) for r in rows_ if r.phrase == "chủ trì"] == [(["Công an tỉnh"], ["Bộ Chỉ huy Quân sự tỉnh"])]


def test_before_and_after_when_open_the_task():
    (a,) = vbhc.parse(HEADER + "a) Sở Tài chính chủ trì, phối hợp với Sở Nội vụ trước khi trình Ủy ban nhân dân tỉnh "
                      "quyết định.\n").assignments
    assert (a.partners, a.task) == (["Sở Nội vụ"], "trước khi trình Ủy ban nhân dân tỉnh quyết định")


def test_a_place_or_a_name_that_opens_with_a_time_word_is_no_time_clause():
    assert rows("1. UBND các huyện Tiên Du, Từ Sơn, Quế Võ có trách nhiệm báo cáo kết quả.") == [
        (["UBND các huyện Tiên Du", "Từ Sơn", "Quế Võ"], [])]


LEGAL = HEADER.replace("KẾ HOẠCH\nPhát triển văn hóa đọc năm 2024", "QUYẾT ĐỊNH\nBan hành Quy chế phối hợp").replace(
    "KH-UBND", "QĐ-UBND")


@pytest.mark.parametrize(("body", "expected"), [
    # a party no agency name opens, after "Trách nhiệm của": its description (verbs, "có", commas)
    # is one lead, its remark in brackets and the time or scope of its duties are not
    ("Điều 11. Trách nhiệm của cơ quan thuế\n1. Tiếp nhận hồ sơ xác định nghĩa vụ tài chính.\n"
     "2. Thông báo nghĩa vụ tài chính cho người sử dụng đất.",
     [(["cơ quan thuế"], "Tiếp nhận hồ sơ xác định nghĩa vụ tài chính."),
      (["cơ quan thuế"], "Thông báo nghĩa vụ tài chính cho người sử dụng đất.")]),
    ("Điều 9. Trách nhiệm của cơ quan có chức năng quản lý nhà nước về lĩnh vực xây dựng cấp xã\n"
     "1. Tiếp nhận và trả lời bằng văn bản.\n2. Cung cấp thông tin về chỉ giới xây dựng.",
     [(["cơ quan có chức năng quản lý nhà nước về lĩnh vực xây dựng cấp xã"], "Tiếp nhận và trả lời bằng văn bản."),
      (["cơ quan có chức năng quản lý nhà nước về lĩnh vực xây dựng cấp xã"], "Cung cấp thông tin về chỉ giới xây dựng.")]),
    ("Điều 12. Trách nhiệm của đơn vị, tổ chức thực hiện nhiệm vụ bồi thường, giải phóng mặt bằng\n"
     "1. Gửi hồ sơ thu hồi đất đến Văn phòng đăng ký đất đai.\n2. Lập danh sách các thửa đất.",
     [(["đơn vị, tổ chức thực hiện nhiệm vụ bồi thường, giải phóng mặt bằng"], "Gửi hồ sơ thu hồi đất đến Văn phòng đăng ký đất đai."),
      (["đơn vị, tổ chức thực hiện nhiệm vụ bồi thường, giải phóng mặt bằng"], "Lập danh sách các thửa đất.")]),
    ("Điều 21. Trách nhiệm của cơ quan, tổ chức, cá nhân khi thăm dò, khai quật khảo cổ\n"
     "1. Thực hiện đúng nội dung giấy phép.\n2. Bàn giao di vật khảo cổ thu được.",
     [(["cơ quan, tổ chức, cá nhân"], "Thực hiện đúng nội dung giấy phép."),
      (["cơ quan, tổ chức, cá nhân"], "Bàn giao di vật khảo cổ thu được.")]),
    ("Điều 6. Trách nhiệm của các cơ quan quản lý cấp trên (bao gồm cả cơ quan đại diện chủ sở hữu)\n"
     "1. Đôn đốc các đơn vị thực hiện kiểm kê.\n2. Tổng hợp kết quả kiểm kê.",
     [(["các cơ quan quản lý cấp trên"], "Đôn đốc các đơn vị thực hiện kiểm kê."),
      (["các cơ quan quản lý cấp trên"], "Tổng hợp kết quả kiểm kê.")]),
    # a sentence about the party is no heading of its duties
    ("Điều 5. Trách nhiệm của cơ quan là bảo đảm an toàn\n1. Kiểm tra hồ sơ.\n2. Lập báo cáo.", []),
    # an item labelled "Trách nhiệm của X:" under a heading of two bodies is X's alone
    ("Điều 15. Trách nhiệm của Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai\n"
     "1. Quản lý cơ sở dữ liệu địa chính\na) Trách nhiệm của Văn phòng đăng ký đất đai: Vận hành cơ sở dữ liệu đất đai;\n"
     "b) Trách nhiệm của Chi nhánh Văn phòng đăng ký đất đai: Cập nhật biến động đất đai.",
     [(["Văn phòng đăng ký đất đai"], "Vận hành cơ sở dữ liệu đất đai"),
      (["Chi nhánh Văn phòng đăng ký đất đai"], "Cập nhật biến động đất đai.")]),
    # "…, giao Bộ Tài chính:" gives the items below to that body, not to the article's party
    ("Điều 50. Nhiệm vụ của cơ quan tài chính các cấp\n1. Thực hiện công tác quản lý tài chính đầu tư công.\n"
     "2. Ngoài những nhiệm vụ quy định tại khoản 1 Điều này, giao Bộ Tài chính:\na) Hướng dẫn đăng ký tài khoản.\n"
     "b) Tổng hợp, báo cáo Chính phủ.",
     [(["cơ quan tài chính các cấp"], "Thực hiện công tác quản lý tài chính đầu tư công."),
      (["Bộ Tài chính"], "Hướng dẫn đăng ký tài khoản."), (["Bộ Tài chính"], "Tổng hợp, báo cáo Chính phủ.")]),
    # a sub-heading of someone else's duties is not led by the heading above it
    ("Điều 5. Trách nhiệm của Sở Nội vụ\n1. Hướng dẫn thực hiện Quy chế này.\n2. Trách nhiệm của các bên tham gia "
     "kiểm kê:\na) Lập danh sách hồ sơ.\nb) Báo cáo kết quả thực hiện.",
     [(["Sở Nội vụ"], "Hướng dẫn thực hiện Quy chế này.")]),
    # one that names the body above again by a bare word is still that body's
    ("Điều 5. Trách nhiệm của Sở Nội vụ\n1. Nhiệm vụ của đơn vị trong công tác tuyển dụng:\na) Lập kế hoạch tuyển dụng.\n"
     "b) Tổ chức thi tuyển.",
     [(["Sở Nội vụ"], "Lập kế hoạch tuyển dụng."), (["Sở Nội vụ"], "Tổ chức thi tuyển.")]),
])
def test_a_heading_names_a_party_that_is_no_agency(body, expected):
    assert [(a.lead, a.task) for a in vbhc.parse(LEGAL + body + "\n").assignments] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "Nhiệm vụ, quyền hạn của" a project's board: no named body, a party all the same
    ("Điều 10. Nhiệm vụ, quyền hạn của Ban quản lý dự án\n1. Lập kế hoạch thực hiện dự án.\n"
     "2. Báo cáo tình hình thực hiện dự án cho chủ đầu tư.",
     [(["Ban quản lý dự án"], "Lập kế hoạch thực hiện dự án."),
      (["Ban quản lý dự án"], "Báo cáo tình hình thực hiện dự án cho chủ đầu tư.")]),
    # "X chịu trách nhiệm:" over lettered points, X a party no agency name opens (capitalised)
    ("Điều 11. Quản lý hợp đồng\n1. Chủ đầu tư chịu trách nhiệm:\na) Ban hành quyết định thành lập "
     "Ban quản lý dự án.\nb) Giám sát việc thực hiện hợp đồng.\n2. Nhà thầu có trách nhiệm:\n"
     "a) Bảo đảm chất lượng công trình.",
     [(["Chủ đầu tư"], "Ban hành quyết định thành lập Ban quản lý dự án."),
      (["Chủ đầu tư"], "Giám sát việc thực hiện hợp đồng."), (["Nhà thầu"], "Bảo đảm chất lượng công trình.")]),
    # a long description of the party is still its name, and a word of manner in it is kept
    ("Điều 13. Trách nhiệm của cơ quan, đơn vị trên địa bàn tỉnh có hệ thống thông tin, cơ sở dữ liệu chuyên "
     "ngành kết nối với Hệ thống thông tin giải quyết TTHC tỉnh\n1. Bảo đảm kết nối, chia sẻ dữ liệu.",
     [(["cơ quan, đơn vị trên địa bàn tỉnh có hệ thống thông tin, cơ sở dữ liệu chuyên ngành kết nối với Hệ "
        "thống thông tin giải quyết TTHC tỉnh"], "Bảo đảm kết nối, chia sẻ dữ liệu.")]),
    ("Điều 17. Trách nhiệm của Cơ quan quản lý trực tiếp\n1. Phân công cán bộ tiếp nhận chứng thư số.",
     [(["Cơ quan quản lý trực tiếp"], "Phân công cán bộ tiếp nhận chứng thư số.")]),
    # a bare "Cơ quan" is no party of its own
    ("Điều 5. Quản lý hồ sơ\n1. Cơ quan chịu trách nhiệm:\na) Lập kế hoạch tuyển dụng.", []),
])
def test_a_party_that_is_no_agency_leads_the_duties_its_heading_gives_it(body, expected):
    assert [(a.lead, a.task) for a in vbhc.parse(LEGAL + body + "\n").assignments] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # bodies outside the apparatus: parties in the plural, mass organisations, the press
    ("3. Các doanh nghiệp viễn thông\n- Bảo đảm hạ tầng kết nối.\n"
     "4. Báo và Phát thanh, Truyền hình tỉnh\n- Tuyên truyền nội dung Kế hoạch.\n"
     "5. Đề nghị Liên minh Hợp tác xã tỉnh, Hội nông dân tỉnh, Hiệp hội doanh nghiệp tỉnh\n"
     "- Vận động hội viên tham gia.",
     [(["Các doanh nghiệp viễn thông"], "Bảo đảm hạ tầng kết nối."),
      (["Báo và Phát thanh, Truyền hình tỉnh"], "Tuyên truyền nội dung Kế hoạch."),
      (["Liên minh Hợp tác xã tỉnh", "Hội nông dân tỉnh", "Hiệp hội doanh nghiệp tỉnh"], "Vận động hội viên tham gia.")]),
    # a plural noun and the words describing it over lettered items is a party, not a body and
    # its verb ("đăng ký", "đào tạo"); its remark in brackets is not part of its name
    ("1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu kinh tế):\n"
     "a) Là đầu mối tiếp nhận hồ sơ.\nb) Kiểm tra tính hợp lệ của hồ sơ.\n"
     "2. Các cơ sở đào tạo đại học, sau đại học\na) Mở thêm chuyên ngành về chuyển đổi số.\n"
     "b) Tổ chức đào tạo kỹ năng số.",
     [(["Các cơ quan đăng ký đầu tư"], "Là đầu mối tiếp nhận hồ sơ."),
      (["Các cơ quan đăng ký đầu tư"], "Kiểm tra tính hợp lệ của hồ sơ."),
      (["Các cơ sở đào tạo đại học, sau đại học"], "Mở thêm chuyên ngành về chuyển đổi số."),
      (["Các cơ sở đào tạo đại học, sau đại học"], "Tổ chức đào tạo kỹ năng số.")]),
    # a task that announces its list, or one wrapped onto paragraphs, is still the body's own
    ("2. Các đơn vị triển khai các nội dung sau:\na) Rà soát hồ sơ.\nb) Báo cáo kết quả.",
     [(["Các đơn vị"], "Rà soát hồ sơ."), (["Các đơn vị"], "Báo cáo kết quả.")]),
    ("8. Các đơn vị tổ chức trực ban và thực hiện chế độ báo cáo về\nSở Y tế (qua số điện thoại 0123)./.",
     [(["Các đơn vị"], "tổ chức trực ban và thực hiện chế độ báo cáo về Sở Y tế (qua số điện thoại 0123)./.")]),
    # headings that name no party given tasks
    ("1. Đối tượng áp dụng\na) Học sinh phổ thông.\nb) Cơ quan, tổ chức có liên quan.\n"
     "2. Các đơn vị sự nghiệp công lập, bao gồm:\na) Đơn vị tự bảo đảm chi thường xuyên.\n"
     "b) Đơn vị do Nhà nước bảo đảm chi thường xuyên.", []),
])
def test_a_heading_about_duties_names_parties_outside_the_agency_list(body, expected):
    found = vbhc.parse(HEADER + "IV. TỔ CHỨC THỰC HIỆN\n" + body + "\n").assignments
    assert [(a.lead, a.task) for a in found] == expected


def test_a_request_inside_a_sentence_heading_leads_no_items():
    body = ("2. Để bảo đảm tiến độ hoàn thành công trình, yêu cầu Bộ Y tế, Ban Quản lý dự án theo chức năng, "
            "nhiệm vụ tiếp tục quyết tâm, trong đó lưu ý một số nội dung như sau:\n"
            "(1) Đồng chí Bộ trưởng Bộ Y tế tiếp tục bám sát tình hình thực tế.\n"
            "- Chủ trì, phối hợp với Bộ Tài chính hoàn thiện hồ sơ.")
    assert [a.lead for a in vbhc.parse(HEADER + body + "\n").assignments if "Ban Quản lý dự án" in a.lead] == []


def test_the_person_who_chairs_is_a_noun_not_a_lead():
    body = ("Điều 21. Trách nhiệm của tổ chức khai quật\n1. Thực hiện khai quật đúng giấy phép.\n"
            "Trường hợp thay đổi cơ quan, tổ chức hoặc người chủ trì thăm dò, khai quật thì phải có văn bản đề nghị.")
    assert [a.phrase for a in vbhc.parse(LEGAL + body + "\n").assignments] == ["heading"]


def test_rooms_and_boards_are_one_collective_phrase():
    assert split_names("Ủy ban nhân dân cấp xã, các phòng, ban, đơn vị liên quan") == [
        "Ủy ban nhân dân cấp xã", "các phòng, ban, đơn vị liên quan"]


def test_a_deadline_spans_its_own_words_in_the_source():
    text = (HEADER + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát hồ sơ "
            "trước ngày 30/6/2024; báo cáo kết quả **trước\nngày** 30/6/2024.\n")
    doc = vbhc.parse(text)
    printed = [" ".join(text[d.span.start:d.span.end].replace("*", " ").split()) for d in doc.deadlines]
    assert printed == [d.raw for d in doc.deadlines] == ["trước ngày 30/6/2024"] * 2
    assert doc.deadlines[0].span.start < doc.deadlines[1].span.start  # each its own printing
    (row,) = doc.assignments
    assert row.deadline is not None and row.span.start <= row.deadline.span.start < row.deadline.span.end <= row.span.end


def test_a_deadline_in_a_paragraph_under_a_task_item_dates_it():
    body = ("II. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân các xã:\n- Thành lập Ban Chỉ đạo kiểm kê cấp xã.\n"
            "Thời gian hoàn thành: Trước ngày 15/11/2024.\n- Tổng hợp kết quả kiểm kê.\n"
            "Thời gian thực hiện: Từ tháng 11/2024 đến khi kết thúc kiểm kê.\n")
    doc = vbhc.parse(HEADER + body)
    assert [(a.task, a.deadline.raw if a.deadline else None, a.deadline.end if a.deadline else None)
            for a in doc.assignments] == [
        ("Thành lập Ban Chỉ đạo kiểm kê cấp xã.", "Trước ngày 15/11/2024", "2024-11-15"),
        # a start with no date at its end is no due date: the text as written, undated
        ("Tổng hợp kết quả kiểm kê.", "Từ tháng 11/2024 đến khi kết thúc kiểm kê", None)]


def test_a_fields_row_spans_the_fields_it_was_read_from():
    body = ("1. Xây dựng Nghị định quy định chi tiết Luật An ninh mạng\n+ Cơ quan chủ trì: Bộ Công an.\n"
            "+ Cơ quan phối hợp: Bộ Tư pháp.\n+ Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026.\n")
    text = HEADER + body
    (row,) = vbhc.parse(text).assignments
    assert row.phrase == "fields" and row.deadline is not None
    assert "Thời hạn ban hành" in text[row.span.start:row.span.end]
    assert text[row.deadline.span.start:row.deadline.span.end] == "trước ngày 01 tháng 01 năm 2026"


def test_a_deadline_column_gives_the_documents_deadlines_too():
    body = ("II. NHIỆM VỤ\n| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n"
            "| 1 | Rà soát hồ sơ | Sở Nội vụ | 31/10/2025 |\n| 2 | Báo cáo kết quả | Sở Tài chính | 2025 |\n")
    doc = vbhc.parse(HEADER + body)
    assert [(a.lead, a.deadline.raw) for a in doc.assignments] == [(["Sở Nội vụ"], "31/10/2025"), (["Sở Tài chính"], "2025")]
    assert [(d.raw, d.end, d.path) for d in doc.deadlines] == [
        ("31/10/2025", "2025-10-31", a.path) for a in doc.assignments[:1]] + [("2025", "2025-12-31", doc.assignments[1].path)]


def test_a_deadline_span_is_the_printing_that_was_read():
    text = (HEADER + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí chi thường xuyên cho Kế hoạch năm 2025 "
            "và báo cáo thường xuyên, hoàn thành năm 2025.\n")
    doc = vbhc.parse(text)
    got = [(d.raw, text[d.span.start - 11:d.span.start].strip()) for d in doc.deadlines]
    assert got == [("thường xuyên", "và báo cáo"), ("năm 2025", "hoàn thành")]


def test_a_table_rows_deadline_is_its_deadline_cell():
    text = (HEADER + "II. NHIỆM VỤ\n| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n"
            "| 1 | Rà soát hồ sơ phát sinh trước 31/12/2025 | Sở Tư pháp | 31/12/2025 |\n")
    doc = vbhc.parse(text)
    (row,) = doc.assignments
    assert text[row.deadline.span.start:row.deadline.span.end] == "31/12/2025"
    assert text[row.deadline.span.end:].startswith(" |\n")  # the last cell, not the task's
    # both printings are deadlines of the document: the task's own words and the column's cell
    assert [text[d.span.start:d.span.end] for d in doc.deadlines] == ["trước 31/12/2025", "31/12/2025"]


def test_deadline_and_reference_spans_are_exact_in_decomposed_text_with_crlf():
    import unicodedata
    body = ("II. TỔ CHỨC THỰC HIỆN\r\n1. Sở Tư pháp\u200b chủ trì, phối hợp với Sở Nội vụ rà soát theo Quyết định số "
            "12/2020/QĐ-UBND, hoàn thành trước ngày 30/6/2024.\r\n2. Sở Y tế chủ trì kiểm tra, hoàn thành trước ngày "
            "30/6/2024.\r\n")
    text = unicodedata.normalize("NFD", HEADER.replace("\n", "\r\n") + body)
    doc = vbhc.parse(text)
    assert len(doc.deadlines) == 2 and doc.deadlines[0].span.start < doc.deadlines[1].span.start
    for d, row in zip(doc.deadlines, doc.assignments):
        assert unicodedata.normalize("NFC", text[d.span.start:d.span.end]) == d.raw == "hoàn thành trước ngày 30/6/2024"
        assert row.span.start <= d.span.start < d.span.end <= row.span.end
    (r,) = doc.references
    assert unicodedata.normalize("NFC", text[r.span.start:r.span.end]) == "12/2020/QĐ-UBND"


# ------------------------------------------------------------ requests made by a named body

@pytest.mark.parametrize(("body", "expected"), [
    # the body that makes the request before its word: the items below are the named bodies' tasks
    ("IV. TỔ CHỨC THỰC HIỆN\n2. Ủy ban nhân dân tỉnh yêu cầu Sở Y tế, Sở Tài chính khẩn trương thực hiện các nội "
     "dung sau:\na) Tổ chức tập huấn cho cán bộ.\nb) Bố trí kinh phí thực hiện.",
     [(["Sở Y tế", "Sở Tài chính"], "Tổ chức tập huấn cho cán bộ."),
      (["Sở Y tế", "Sở Tài chính"], "Bố trí kinh phí thực hiện.")]),
    ("IV. TỔ CHỨC THỰC HIỆN\n3. Để triển khai, UBND tỉnh yêu cầu Sở Công Thương thực hiện các nhiệm vụ sau:\n"
     "a) Tuyên truyền vận động.", [(["Sở Công Thương"], "Tuyên truyền vận động.")]),
    ("IV. TỔ CHỨC THỰC HIỆN\n4. UBND tỉnh giao Sở Nội vụ:\na) Tham mưu thành lập Ban Chỉ đạo.",
     [(["Sở Nội vụ"], "Tham mưu thành lập Ban Chỉ đạo.")]),
    ("IV. TỔ CHỨC THỰC HIỆN\n5. UBND tỉnh giao Sở Xây dựng tổ chức kiểm tra.", [(["Sở Xây dựng"], "tổ chức kiểm tra.")]),
    # the names a request is made to go on over ";"
    ("Sở Giáo dục và Đào tạo đề nghị UBND các xã, phường; các đơn vị, cơ sở giáo dục trực thuộc thực hiện nghiêm túc.",
     [(["UBND các xã, phường", "các đơn vị, cơ sở giáo dục trực thuộc"], "thực hiện nghiêm túc.")]),
    # a task given by someone in a relative clause is no request of this text
    ("1. Ban Chỉ đạo định kỳ tổ chức kiểm tra các nhiệm vụ do Thủ tướng Chính phủ, Chính phủ giao các bộ, ngành.",
     [(["Ban Chỉ đạo định kỳ"], "tổ chức kiểm tra các nhiệm vụ do Thủ tướng Chính phủ, Chính phủ giao các bộ, ngành.")]),
    # nor a body that acts and then asks ("Sở Y tế kiểm tra và yêu cầu …" is Sở Y tế's row)
    ("1. Sở Y tế kiểm tra và yêu cầu các cơ sở khắc phục.",
     [(["Sở Y tế"], "kiểm tra và yêu cầu các cơ sở khắc phục.")]),
])
def test_a_request_made_by_a_named_body(body, expected):
    assert [(a.lead, a.task) for a in vbhc.parse(HEADER + body + "\n").assignments] == expected


def test_a_request_in_a_paragraph_below_an_item_keeps_the_items_row():
    found = tasks("V. TỔ CHỨC THỰC HIỆN\n10. Ủy ban nhân dân các xã, phường\ne) Hằng năm, tổ chức kiểm tra việc thực "
                  "hiện Chương trình.\nỦy ban nhân dân tỉnh giao Giám đốc các sở triển khai thực hiện Kế hoạch này./.")
    assert [(phrase, lead) for phrase, lead, *_ in found] == [
        ("heading", ["Ủy ban nhân dân các xã, phường"]), ("giao", ["Giám đốc các sở"])]


def test_a_distributed_list_after_other_names():
    assert split_names("Chủ tịch UBND các tỉnh và lãnh đạo các Bộ, ngành có liên quan, nhất là các Bộ: Quốc phòng, "
                       "Công an, Nông nghiệp và Môi trường") == [
        "Chủ tịch UBND các tỉnh", "lãnh đạo các Bộ, ngành có liên quan", "Bộ Quốc phòng", "Bộ Công an",
        "Bộ Nông nghiệp và Môi trường"]


def test_a_tense_word_before_the_predicate_is_no_part_of_the_name():
    (a,) = vbhc.parse(HEADER + "1. Nội dung\n- Ngân hàng Nhà nước đã khẩn trương làm việc với các ngân hàng và "
                      "tích cực phối hợp với các Bộ để nắm bắt nhu cầu vốn.\n").assignments
    assert (a.lead, a.reported) == (["Ngân hàng Nhà nước"], True)


def test_a_heading_that_lists_a_collective_phrase_and_another_body_leads_its_items():
    found = tasks("II. TỔ CHỨC THỰC HIỆN\n2. Các sở, ban, ngành, UBND các xã, phường\n- Xây dựng kế hoạch triển khai "
                  "tại đơn vị.\n3. Các sở, ban, ngành thành phố và Ủy ban nhân dân xã, phường:\na) Báo cáo kết quả về "
                  "Sở Y tế trước ngày 15/12 hằng năm.")
    assert [(lead, path) for _, lead, _, _, path in found] == [
        (["Các sở, ban, ngành", "UBND các xã, phường"], ["II", "2", "-1"]),
        (["Các sở, ban, ngành thành phố", "Ủy ban nhân dân xã, phường"], ["II", "3", "a"])]


def test_an_adverb_after_the_names_opens_the_task():
    assert rows("1. Đề nghị Sở Y tế nghiêm túc triển khai thực hiện.") == [(["Sở Y tế"], [])]


@pytest.mark.parametrize("body", [
    "1. Các cơ quan chủ trì triển khai thực hiện các dự án thuộc Chương trình là sở, ban, ngành.",
    "c) Cơ quan chủ trì thẩm tra quyết toán dự án hướng dẫn, kiểm tra.",
    "- Triển khai các nhiệm vụ được giao chủ trì tại Phụ lục của Kế hoạch.",
])
def test_the_lead_word_as_a_noun_leads_nothing(body):
    assert [a.phrase for a in vbhc.parse(HEADER + "II. NHIỆM VỤ\n" + body + "\n").assignments] == []


def test_the_lead_word_after_a_bodys_remit_still_leads():
    assert rows("2. Bộ Y tế theo chức năng, nhiệm vụ được giao chủ trì, phối hợp với Bộ Tài chính chỉ đạo việc "
                "giải quyết quyền lợi.") == [(["Bộ Y tế"], ["Bộ Tài chính"])]


@pytest.mark.parametrize(("item", "lead"), [
    ("2. Căn cứ nội dung Kế hoạch, Sở Tư pháp xây dựng kế hoạch.", ["Sở Tư pháp"]),
    ("3. Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ban, ngành, Ủy ban nhân dân các xã, phường xây "
     "dựng Kế hoạch triển khai.", ["các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]),
    ("4. Hằng năm, Sở Y tế báo cáo kết quả.", ["Sở Y tế"]),
])
def test_an_items_subject_after_an_opening_clause(item, lead):
    (a,) = vbhc.parse(HEADER + "II. NHIỆM VỤ\n" + item + "\n").assignments
    assert (a.phrase, a.lead) == ("subject", lead)


def test_a_body_given_the_lead_leads_and_a_past_request_is_reported():
    assert rows("II. NHIỆM VỤ\n1. Sở Y tế được giao chủ trì, phối hợp với Sở Tài chính kiểm tra.") == [
        (["Sở Y tế"], ["Sở Tài chính"])]
    (a,) = vbhc.parse(HEADER + "II. NHIỆM VỤ\n1. UBND tỉnh đã yêu cầu Sở Tài chính bố trí kinh phí.\n").assignments
    assert (a.lead, a.reported) == (["Sở Tài chính"], True)


@pytest.mark.parametrize("text", ["phòng, Thủ trưởng cơ quan", "ngành, Sở Y tế"])
def test_a_bare_noun_before_a_comma_is_no_collective_phrase_then_bodies(text):
    from vbhc.assignments import is_agency
    assert not is_agency(text)


def test_a_lead_in_paragraph_gives_the_items_after_it_its_partners_and_no_row_of_its_own():
    found = vbhc.parse(HEADER + "IV. TỔ CHỨC THỰC HIỆN\n2. Sở Khoa học và Công nghệ\n"
                       "Chủ trì, phối hợp với các sở, ngành, UBND các xã, phường:\n"
                       "- Triển khai chính sách khuyến khích đổi mới công nghệ.\n"
                       "- Hỗ trợ xây dựng nhãn hiệu sản phẩm.\n3. Sở Y tế\n"
                       "Ngoài các nhiệm vụ chung nêu trên, Sở Y tế còn có trách nhiệm thực hiện các nội dung sau:\n"
                       "- Đánh giá tác động đến sức khỏe cộng đồng.\n").assignments
    assert [(a.lead, a.partners, a.task) for a in found] == [
        (["Sở Khoa học và Công nghệ"], ["các sở, ngành", "UBND các xã, phường"],
         "Triển khai chính sách khuyến khích đổi mới công nghệ."),
        (["Sở Khoa học và Công nghệ"], ["các sở, ngành", "UBND các xã, phường"], "Hỗ trợ xây dựng nhãn hiệu sản phẩm."),
        (["Sở Y tế"], [], "Đánh giá tác động đến sức khỏe cộng đồng."),
    ]


def test_items_under_a_party_that_deny_or_only_mention_other_duties_are_no_tasks():
    body = ("Điều 30. Nhiệm vụ và quyền hạn của cơ quan chủ quản\n1. Thẩm định các khoản viện trợ.\n"
            "2. Đối với các khoản viện trợ quy định tại khoản 2 Điều 7, cơ quan chủ quản không thực hiện "
            "các nhiệm vụ quy định tại khoản 1 Điều này.\n"
            "3. Báo cáo Bộ Tài chính đối với cơ quan chủ quản không phải là cơ quan hành chính nhà nước.\n"
            "4. Nhiệm vụ và quyền hạn khác theo quy định của pháp luật.\n"
            "5. Thực hiện các nhiệm vụ khác do Thủ tướng Chính phủ giao.")
    assert [a.task for a in vbhc.parse(LEGAL + body + "\n").assignments] == [
        "Thẩm định các khoản viện trợ.",
        "Báo cáo Bộ Tài chính đối với cơ quan chủ quản không phải là cơ quan hành chính nhà nước.",
        "Thực hiện các nhiệm vụ khác do Thủ tướng Chính phủ giao.",
    ]


def test_a_task_read_by_two_phrases_is_one_row():
    found = vbhc.parse(HEADER + "IV. TỔ CHỨC THỰC HIỆN\n3. Giao Công an tỉnh có trách nhiệm theo dõi, đôn đốc "
                       "việc triển khai Kế hoạch này.\n4. Ủy ban nhân dân tỉnh giao Sở Tài chính làm đầu mối về "
                       "quản lý viện trợ.\n").assignments
    assert [(a.lead, a.task) for a in found] == [
        (["Công an tỉnh"], "theo dõi, đôn đốc việc triển khai Kế hoạch này."),
        (["Sở Tài chính"], "làm đầu mối về quản lý viện trợ."),
    ]


def test_a_subject_with_its_remit_and_a_list_announced_with_nhung():
    found = vbhc.parse(HEADER + "IV. TỔ CHỨC THỰC HIỆN\n"
                       "5. Để nâng cao hiệu quả quản lý, các Sở, ngành, UBND cấp xã triển khai thực hiện những "
                       "nội dung sau:\na) Rà soát tình hình hoạt động của các dự án.\nb) Tham gia kiểm tra vị trí đầu tư.\n"
                       "6. Văn phòng UBND tỉnh theo chức năng, nhiệm vụ được giao theo dõi, đôn đốc thực hiện Kế hoạch này.\n"
                       "7. Sở Y tế theo chức năng, nhiệm vụ, thẩm quyền chỉ đạo các bệnh viện tuyến tỉnh.\n").assignments
    assert [(a.lead, a.task) for a in found] == [
        (["các Sở, ngành", "UBND cấp xã"], "Rà soát tình hình hoạt động của các dự án."),
        (["các Sở, ngành", "UBND cấp xã"], "Tham gia kiểm tra vị trí đầu tư."),
        (["Văn phòng UBND tỉnh"], "theo dõi, đôn đốc thực hiện Kế hoạch này."),
        (["Sở Y tế"], "chỉ đạo các bệnh viện tuyến tỉnh."),
    ]


def test_a_task_field_over_items_gives_one_row_per_item():
    body = ("I. NHIỆM VỤ\n1. Về các nền tảng số\na) Nhiệm vụ:\n- Tổ chức triển khai các nền tảng số dùng chung.\n"
            "- Rà soát, nâng cấp các hệ thống thông tin.\nb) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Y tế.\n"
            "- Đơn vị phối hợp: Sở Tài chính.\nc) Thời gian thực hiện: Hoàn thành trong năm 2025.\n")
    found = vbhc.parse(HEADER + body).assignments
    assert [(a.lead, a.partners, a.task, a.deadline.raw, a.path) for a in found] == [
        (["Sở Y tế"], ["Sở Tài chính"], "Tổ chức triển khai các nền tảng số dùng chung.", "trong năm 2025",
         ["I", "1", "a", "-1"]),
        (["Sở Y tế"], ["Sở Tài chính"], "Rà soát, nâng cấp các hệ thống thông tin.", "trong năm 2025",
         ["I", "1", "a", "-2"]),
    ]
    text = HEADER + body
    assert [text[a.span.start:a.span.end] for a in found] == [
        "- Tổ chức triển khai các nền tảng số dùng chung.", "- Rà soát, nâng cấp các hệ thống thông tin."]


def test_a_closing_article_names_every_title_listed_before_its_duty():
    body = ("Điều 31. Trách nhiệm thi hành\nCác Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc "
            "Chính phủ; Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương và các cơ quan, tổ chức, "
            "cá nhân có liên quan chịu trách nhiệm thi hành Nghị định này.")
    (row,) = vbhc.parse(LEGAL + body + "\n").assignments
    assert row.lead == ["Các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ", "Thủ trưởng cơ quan thuộc Chính phủ",
                        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
                        "các cơ quan, tổ chức, cá nhân có liên quan"]


def test_the_places_a_colon_lists_after_a_name_are_not_the_task():
    found = vbhc.parse(HEADER + "Thủ tướng Chính phủ yêu cầu Bộ trưởng, Thủ trưởng các cơ quan liên quan, Chủ tịch "
                       "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, Quảng Trị, Đà Nẵng tập "
                       "trung khắc phục hậu quả mưa lũ.\nl) Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ thực hiện "
                       "nghiêm chỉ đạo của Thủ tướng Chính phủ.\n").assignments
    assert [(a.lead, a.task) for a in found] == [
        (["Bộ trưởng", "Thủ trưởng các cơ quan liên quan",
          "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], "tập trung khắc phục hậu quả mưa lũ."),
        (["Ủy ban nhân dân các thành phố"], "thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ.")]


def test_an_item_that_names_its_own_party_before_its_duty_is_led_by_it():
    body = ("Điều 33. Nhiệm vụ và quyền hạn của cơ quan chủ quản\n1. Thẩm định các khoản viện trợ.\n"
            "2. Người đứng đầu cơ quan chủ quản chịu trách nhiệm phê duyệt khoản viện trợ theo thẩm quyền.\n"
            "Điều 15. Nhiệm vụ, quyền hạn của Ban quản lý dự án\n1. Đại diện cho chủ dự án, chịu trách nhiệm "
            "trước chủ dự án và trước pháp luật về các quyết định của mình.")
    assert [(a.lead, a.task) for a in vbhc.parse(LEGAL + body + "\n").assignments] == [
        (["cơ quan chủ quản"], "Thẩm định các khoản viện trợ."),
        (["Người đứng đầu cơ quan chủ quản"], "phê duyệt khoản viện trợ theo thẩm quyền."),
        # one duty in a list of them, and to whom the party answers: still the heading's party
        (["Ban quản lý dự án"], "Đại diện cho chủ dự án, chịu trách nhiệm trước chủ dự án và trước pháp luật về các "
                                "quyết định của mình.")]


def test_taking_the_partners_out_keeps_the_rest_of_the_task():
    found = vbhc.parse(HEADER + "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ\n- Chủ động phối hợp với Sở Tài "
                       "chính rà soát hạ tầng số. Báo cáo UBND tỉnh kết quả trước ngày 30/6/2026.\n").assignments
    assert [(a.partners, a.task, a.deadline.raw) for a in found] == [
        (["Sở Tài chính"], "Chủ động rà soát hạ tầng số. Báo cáo UBND tỉnh kết quả trước ngày 30/6/2026.",
         "trước ngày 30/6/2026")]


def test_a_lead_in_gives_its_partners_to_its_own_items_only_and_a_task_over_criteria_is_a_row():
    found = vbhc.parse(HEADER + "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\nChủ trì, phối hợp với Sở Tài chính:\n"
                       "- Lập dự toán kinh phí mua sắm thiết bị.\n- Thẩm định giá thiết bị y tế.\n"
                       "Ngoài ra, Sở Y tế thực hiện các nhiệm vụ sau:\n- Tổ chức kiểm tra các cơ sở khám chữa bệnh.\n"
                       "2. Sở Nội vụ\nTổ chức đánh giá, xếp loại mức độ chuyển đổi số theo các tiêu chí sau:\n"
                       "- Mức độ hoàn thành nhiệm vụ.\n- Tỷ lệ hồ sơ trực tuyến.\n").assignments
    rows = [(a.lead, a.partners, a.task) for a in found]
    assert rows[:3] == [
        (["Sở Y tế"], ["Sở Tài chính"], "Lập dự toán kinh phí mua sắm thiết bị."),
        (["Sở Y tế"], ["Sở Tài chính"], "Thẩm định giá thiết bị y tế."),
        (["Sở Y tế"], [], "Tổ chức kiểm tra các cơ sở khám chữa bệnh.")]
    assert (["Sở Nội vụ"], [], "Tổ chức đánh giá, xếp loại mức độ chuyển đổi số theo các tiêu chí sau") in rows


@pytest.mark.parametrize(("body", "leads"), [
    # "chủ" opens an owner's name only before what it owns: "Các chủ trương" names no party
    ("II. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Các chủ trương lớn của tỉnh\n- Triển khai Nghị quyết của Tỉnh ủy.\n"
     "- Tổ chức sơ kết việc thực hiện.", []),
    # a heading that is a plural party and a bare verb names the party, not the verb
    ("III. TỔ CHỨC THỰC HIỆN\n1. Các địa phương thực hiện\na) Rà soát hạ tầng số trên địa bàn.\n"
     "b) Báo cáo kết quả về Sở Khoa học và Công nghệ.", [["Các địa phương"], ["Các địa phương"]]),
])
def test_what_a_heading_names_as_a_party(body, leads):
    assert [a.lead for a in vbhc.parse(HEADER + body + "\n").assignments] == leads


@pytest.mark.parametrize(("text", "names"), [
    # a bare place elides only a bare place; a body written with the place's word is its own
    ("Bộ Chỉ huy Quân sự tỉnh, Tỉnh Đoàn", ["Bộ Chỉ huy Quân sự tỉnh", "Tỉnh Đoàn"]),
    ("Giám đốc Công an tỉnh, thành phố", ["Giám đốc Công an tỉnh", "Giám đốc Công an thành phố"]),
    # a level elides a level, whatever its case
    ("Ban Chỉ đạo cấp Trung ương, cấp tỉnh", ["Ban Chỉ đạo cấp Trung ương", "Ban Chỉ đạo cấp tỉnh"]),
    ("UBND thành phố Hà Nội, Thành phố Hồ Chí Minh", ["UBND thành phố Hà Nội", "UBND Thành phố Hồ Chí Minh"]),
])
def test_an_elided_place_takes_the_head_of_the_name_before_it(text, names):
    assert split_names(text) == names


def test_answering_for_results_is_no_task():
    found = vbhc.parse(HEADER + "IV. TỔ CHỨC THỰC HIỆN\n1. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân cấp tỉnh chịu "
                       "trách nhiệm toàn diện trước Chính phủ về kết quả công tác phòng, chống bão, lũ.\n").assignments
    assert found == []
