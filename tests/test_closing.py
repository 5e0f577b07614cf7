"""Per-rule fixtures for the closing: signature blocks (stacked prefixes, Party prefixes,
placeholders, bare titles, joint documents), Nơi nhận (either side of the signature,
``+`` sub-items, group labels), the ``Lưu`` line, page furniture after the document, and
attachments (phụ lục, a Quy định issued with a Quyết định).

Each fixture is a small synthetic document from :func:`make_doc`; expected values are read
off the fixture by hand following GOLD-CONVENTIONS.md and FORMAT-SPEC.md §1.3, §2.3, §2.4.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vbhc
from vbhc.grammar import grammar
from vbhc.models import Document

# --------------------------------------------------------------------------- helpers

STATE_HEAD = (
    "ỦY BAN NHÂN DÂN",
    "TỈNH BẮC KẠN",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 155/KH-UBND",
    "Bắc Kạn, ngày 27 tháng 3 năm 2020",
    "",
    "KẾ HOẠCH",
    "Triển khai công tác chuyển đổi số năm 2020",
    "",
)
PARTY_HEAD = (
    "ĐẢNG BỘ TỈNH SƠN LA",
    "TỈNH ỦY",
    "*",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Số 165-KH/TU",
    "Sơn La, ngày 04 tháng 10 năm 2019",
    "",
    "KẾ HOẠCH",
    "thực hiện Kết luận số 52-KL/TW của Ban Bí thư",
    "",
)
BODY = (
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Nâng cao nhận thức của cán bộ, công chức về chuyển đổi số.",
    "II. TỔ CHỨC THỰC HIỆN",
    "Các sở, ban, ngành triển khai thực hiện Kế hoạch này./.",
)
NOI_NHAN = (
    "Nơi nhận:",
    "- Thường trực Tỉnh ủy;",
    "- Thường trực HĐND tỉnh;",
    "- Các sở, ban, ngành;",
    "- Lưu: VT, NCPC.",
)
RECIPIENTS = ["Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh", "Các sở, ban, ngành"]


def make_doc(closing: tuple[str, ...], *, head: tuple[str, ...] = STATE_HEAD, body: tuple[str, ...] = BODY,
             after: tuple[str, ...] = ()) -> str:
    return "\n".join([*head, *body, "", *closing, *after]) + "\n"


def parse(closing: tuple[str, ...], **kw) -> Document:
    doc = vbhc.parse(make_doc(closing, **kw))
    assert doc.family != "other", "the fixture header was not recognised"
    return doc


def names(doc: Document, source: str = "noi_nhan") -> list[str]:
    return [r.name for r in doc.recipients if r.source == source]


def body_text(doc: Document) -> str:
    return " ".join(filter(None, (p for top in doc.body for n in top.walk() for p in (n.title, n.text))))


def content_strings(doc: Document) -> list[str]:
    def walk(obj):
        if isinstance(obj, str):
            yield obj
        elif isinstance(obj, dict):
            for v in obj.values():
                yield from walk(v)
        elif isinstance(obj, list):
            for v in obj:
                yield from walk(v)

    data = json.loads(doc.to_json())
    data.pop("diagnostics", None)
    return list(walk(data))


# --------------------------------------------------------------------------- signatures


def test_signature_tm_then_kt_stack():
    doc = parse((*NOI_NHAN, "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Du"))
    assert len(doc.signatures) == 1
    sig = doc.signatures[0]
    assert sig.mode == "KT"
    assert sig.prefixes == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    assert sig.authority == "CHỦ TỊCH"
    assert sig.position == "PHÓ CHỦ TỊCH"
    assert sig.name == "Nguyễn Văn Du"
    assert sig.placeholder is None


@pytest.mark.parametrize(("prefix", "authority"), [("KT.CHỦ TỊCH", "CHỦ TỊCH"), ("KT.BỘ TRƯỞNG", "BỘ TRƯỞNG")])
def test_signature_prefix_without_a_space_after_its_dot(prefix, authority):
    doc = parse((*NOI_NHAN, prefix, "THỨ TRƯỞNG" if "BỘ" in prefix else "PHÓ CHỦ TỊCH", "Nguyễn Văn Du"))
    (sig,) = doc.signatures
    assert (sig.mode, sig.authority) == ("KT", authority)


@pytest.mark.parametrize(("line", "authority", "position"), [
    ("KT. TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HQ PHÓ TRƯỞNG BAN", "TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HQ", "PHÓ TRƯỞNG BAN"),
    ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
])
def test_deputy_title_on_the_prefix_line(line, authority, position):
    doc = parse((*NOI_NHAN, "TL. CỤC TRƯỞNG", line, "Nguyễn Bắc Hải"))
    (sig,) = doc.signatures
    assert (sig.mode, sig.authority, sig.position, sig.name) == ("KT", authority, position, "Nguyễn Bắc Hải")


@pytest.mark.parametrize("qualifier", ["THƯỜNG TRỰC", "PHỤ TRÁCH"])
def test_signature_position_qualifier_on_its_own_line(qualifier):
    # "KT. BỘ TRƯỞNG / THỨ TRƯỞNG / THƯỜNG TRỰC" (a vbpl Thông tư): one position, two lines
    doc = parse((*NOI_NHAN, "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", qualifier, "(Đã ký)", "Vũ Mạnh Hà"))
    sig = doc.signatures[0]
    assert (sig.mode, sig.authority, sig.position, sig.name) == ("KT", "BỘ TRƯỞNG", f"THỨ TRƯỞNG {qualifier}",
                                                                 "Vũ Mạnh Hà")


def test_title_lines_with_no_prefix_are_all_the_signers_position():
    # the capacity he signs in and his own title, both printed, neither dropped
    doc = parse((*NOI_NHAN, "TRƯỞNG BAN", "PHÓ CHỦ TỊCH UBND TỈNH", "Trần Văn Bình"))
    sig = doc.signatures[0]
    assert (sig.mode, sig.authority, sig.position, sig.name) == (None, None, "TRƯỞNG BAN PHÓ CHỦ TỊCH UBND TỈNH",
                                                                 "Trần Văn Bình")
    # a line that names a body is who is signed for ("TM." lost), not part of the position
    doc = parse((*NOI_NHAN, "ỦY BAN NHÂN DÂN TỈNH A", "CHỦ TỊCH", "Trần Văn Bình"))
    sig = doc.signatures[0]
    assert (sig.authority, sig.position) == ("ỦY BAN NHÂN DÂN TỈNH A", "CHỦ TỊCH")


def test_signature_tm_with_head():
    doc = parse((*NOI_NHAN, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lý Thái Hải"))
    sig = doc.signatures[0]
    assert sig.mode == "TM"
    assert sig.prefixes == ["TM. ỦY BAN NHÂN DÂN"]
    assert sig.authority == "ỦY BAN NHÂN DÂN"
    assert sig.position == "CHỦ TỊCH"
    assert sig.name == "Lý Thái Hải"


def test_signature_tl_then_kt_stack():
    # FORMAT-SPEC §1.3: "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"
    doc = parse((*NOI_NHAN, "TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Hoàng Văn Minh"))
    sig = doc.signatures[0]
    assert sig.mode == "KT"
    assert sig.prefixes == ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"]
    assert sig.authority == "CHÁNH VĂN PHÒNG"
    assert sig.position == "PHÓ CHÁNH VĂN PHÒNG"
    assert sig.name == "Hoàng Văn Minh"


@pytest.mark.parametrize(("prefix", "position", "mode"), [
    ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "KT"),
    ("TL. BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ PHÁP CHẾ", "TL"),
    ("TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ", "TUQ"),
    ("Q. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Q"),
])
def test_signature_state_prefixes(prefix, position, mode):
    doc = parse((*NOI_NHAN, prefix, position, "Trần Văn Sơn"))
    sig = doc.signatures[0]
    assert sig.mode == mode
    assert sig.prefixes == [prefix]
    assert sig.position == position
    assert sig.name == "Trần Văn Sơn"


def test_signature_party_tm():
    doc = parse(("Nơi nhận:", "- Các huyện ủy, thành ủy;", "- Lưu Văn phòng Tỉnh ủy.",
                 "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lò Minh Hùng"), head=PARTY_HEAD)
    assert doc.family == "party"
    sig = doc.signatures[0]
    # Party prefixes take a slash; GOLD-CONVENTIONS: T/M compares equal to TM
    assert sig.mode in ("T/M", "TM")
    assert sig.prefixes == ["T/M BAN THƯỜNG VỤ"]
    assert sig.authority == "BAN THƯỜNG VỤ"
    assert sig.position == "PHÓ BÍ THƯ"
    assert sig.name == "Lò Minh Hùng"


def test_signature_party_kt():
    doc = parse(("Nơi nhận:", "- Như trên;", "- Lưu Văn phòng Tỉnh ủy.",
                 "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Vì Thị Hằng"), head=PARTY_HEAD)
    sig = doc.signatures[0]
    assert sig.mode in ("K/T", "KT")
    assert sig.position == "PHÓ TRƯỞNG BAN"
    assert sig.name == "Vì Thị Hằng"


@pytest.mark.parametrize("placeholder", ["(Đã ký)", "(đã ký)", "Đã ký", "(Đã ký và đóng dấu)"])
def test_signature_placeholder_between_title_and_name(placeholder):
    doc = parse((*NOI_NHAN, "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", placeholder,
                 "Nguyễn Văn Du"))
    sig = doc.signatures[0]
    assert sig.placeholder == placeholder
    assert sig.position == "PHÓ CHỦ TỊCH"
    assert sig.name == "Nguyễn Văn Du"
    assert sig.mode == "KT"


def test_signature_bare_title():
    doc = parse((*NOI_NHAN, "CHỦ TỊCH", "Nguyễn Văn Du"))
    assert len(doc.signatures) == 1
    sig = doc.signatures[0]
    assert sig.mode is None
    assert sig.prefixes == []
    assert sig.authority is None
    assert sig.position == "CHỦ TỊCH"
    assert sig.name == "Nguyễn Văn Du"


def test_signature_bare_title_with_placeholder():
    doc = parse((*NOI_NHAN, "THỦ TƯỚNG", "(Đã ký)", "Phạm Minh Chính"))
    sig = doc.signatures[0]
    assert sig.mode is None
    assert sig.position == "THỦ TƯỚNG"
    assert sig.placeholder == "(Đã ký)"
    assert sig.name == "Phạm Minh Chính"


def test_signature_name_printed_in_capitals():
    doc = parse((*NOI_NHAN, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "NGUYỄN VĂN AN"))
    sig = doc.signatures[0]
    assert sig.position == "PHÓ GIÁM ĐỐC"
    assert sig.name == "NGUYỄN VĂN AN"


def test_signature_honorific_kept_apart():
    doc = parse((*NOI_NHAN, "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Thượng tướng Lê Huy Vịnh"))
    sig = doc.signatures[0]
    assert sig.honorific == "Thượng tướng"
    assert sig.name == "Lê Huy Vịnh"


def test_two_signers_in_a_joint_document():
    doc = parse((
        "TM. BAN CHẤP HÀNH TỈNH ĐOÀN",
        "BÍ THƯ",
        "Hoàng Thị Lan",
        "TM. ỦY BAN NHÂN DÂN TỈNH",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn Du",
        *NOI_NHAN,
    ))
    assert [(s.mode, s.position, s.name) for s in doc.signatures] == [
        ("TM", "BÍ THƯ", "Hoàng Thị Lan"),
        ("KT", "PHÓ CHỦ TỊCH", "Nguyễn Văn Du"),
    ]
    assert doc.signatures[1].prefixes == ["TM. ỦY BAN NHÂN DÂN TỈNH", "KT. CHỦ TỊCH"]
    assert names(doc) == RECIPIENTS


JOINT_ROWS = (
    ("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", "TM. ỦY BAN NHÂN DÂN TỈNH"),
    ("BÍ THƯ", "KT. CHỦ TỊCH"),
    ("", "PHÓ CHỦ TỊCH"),
    ("(Đã ký)", "(Đã ký)"),
    ("Hoàng Thị Lan", "Nguyễn Văn Du"),
)


@pytest.mark.parametrize("layout", ["spaces", "tab", "pipes"])
def test_joint_signers_side_by_side_are_two_signature_blocks(layout):
    # a joint document's two signers printed in two columns on the same lines
    if layout == "spaces":
        rows = tuple(f"{left:<40}{right}".rstrip() for left, right in JOINT_ROWS)
    elif layout == "tab":
        rows = tuple(f"{left}\t{right}" for left, right in JOINT_ROWS)
    else:
        rows = tuple(f"| **{left}** | **{right}** |" if left else f"| | **{right}** |" for left, right in JOINT_ROWS)
    doc = parse((*rows, "", *NOI_NHAN))
    assert [(s.mode, s.prefixes, s.position, s.name) for s in doc.signatures] == [
        ("TM", ["TM. BAN THƯỜNG VỤ TỈNH ĐOÀN"], "BÍ THƯ", "Hoàng Thị Lan"),
        ("KT", ["TM. ỦY BAN NHÂN DÂN TỈNH", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Nguyễn Văn Du"),
    ]
    assert [s.placeholder for s in doc.signatures] == ["(Đã ký)", "(Đã ký)"]
    assert names(doc) == RECIPIENTS


def test_joint_signers_on_a_line_longer_than_one_prefix_start_the_closing():
    # the two prefixes together are longer than any one signature line; a column's lines are
    # placed by where the last full row put the columns
    rows = (
        "TM. BAN CHẤP HÀNH ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH TỈNH BẮC KẠN      TM. ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",
        "BÍ THƯ                                   KT. CHỦ TỊCH",
        "                                         PHÓ CHỦ TỊCH",
        "",
        "Hoàng Thị Lan                            Nguyễn Văn Du",
    )
    doc = parse((*rows, "", *NOI_NHAN))
    assert [(s.authority, s.position, s.name) for s in doc.signatures] == [
        ("BAN CHẤP HÀNH ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH TỈNH BẮC KẠN", "BÍ THƯ", "Hoàng Thị Lan"),
        ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Du"),
    ]
    assert "TM." not in body_text(doc)


TWO_SIGNERS = [("TM", ["TM. BAN THƯỜNG VỤ"], "BÍ THƯ", "Hoàng Thị Lan"),
               ("TM", ["TM. ỦY BAN NHÂN DÂN"], "CHỦ TỊCH", "Nguyễn Văn Du")]


@pytest.mark.parametrize("rows", [
    # a markdown table: the separator row under its first row is no signature line
    ("| **TM. BAN THƯỜNG VỤ** | **TM. ỦY BAN NHÂN DÂN** |", "|---|---|", "| **BÍ THƯ** | **CHỦ TỊCH** |",
     "| **Hoàng Thị Lan** | **Nguyễn Văn Du** |"),
    # Word's alignment tabs: a run of tabs is one column gap
    ("TM. BAN THƯỜNG VỤ\tTM. ỦY BAN NHÂN DÂN", "BÍ THƯ\t\tCHỦ TỊCH", "", "Hoàng Thị Lan\t\tNguyễn Văn Du"),
    # a tab row, then rows cut by spaces, as many pieces as columns
    ("TM. BAN THƯỜNG VỤ\tTM. ỦY BAN NHÂN DÂN", "BÍ THƯ      CHỦ TỊCH", "Hoàng Thị Lan      Nguyễn Văn Du"),
    # no-break spaces, as pasted from a web page
    ("TM. BAN THƯỜNG VỤ\u00a0\u00a0\u00a0\u00a0TM. ỦY BAN NHÂN DÂN", "BÍ THƯ\u00a0\u00a0\u00a0\u00a0CHỦ TỊCH",
     "Hoàng Thị Lan\u00a0\u00a0\u00a0\u00a0Nguyễn Văn Du"),
])
def test_joint_signers_side_by_side_in_other_layouts(rows):
    doc = parse((*rows, "", *NOI_NHAN))
    assert [(s.mode, s.prefixes, s.position, s.name) for s in doc.signatures] == TWO_SIGNERS
    assert names(doc) == RECIPIENTS


@pytest.mark.parametrize("rows", [
    ("TM. ỦY BAN NHÂN DÂN      KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn Du"),
    ("TM. ỦY BAN NHÂN DÂN\tKT. CHỦ TỊCH", "\tPHÓ CHỦ TỊCH", "\tNguyễn Văn Du"),
    ("| **TM. ỦY BAN NHÂN DÂN** | **KT. CHỦ TỊCH** |", "| | **PHÓ CHỦ TỊCH** |", "| | **Nguyễn Văn Du** |"),
])
def test_one_signers_two_prefixes_on_one_line_are_one_signature(rows):
    # "TM." and "KT." of one signer side by side: the left column goes on to no title or name
    # of its own, so it is the first prefix of the block beside it
    doc = parse((*rows, "", *NOI_NHAN))
    assert [(s.mode, s.prefixes, s.position, s.name) for s in doc.signatures] == [
        ("KT", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Nguyễn Văn Du")]
    assert names(doc) == RECIPIENTS


def test_joint_signers_cut_by_one_fixed_gap_a_row_opening_with_it_has_an_empty_first_cell():
    # every row is "left    right": a row opening with that gap has nothing in the left column,
    # though it starts nearer the left column's start
    rows = ("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN    TM. ỦY BAN NHÂN DÂN TỈNH", "BÍ THƯ    KT. CHỦ TỊCH",
            "    PHÓ CHỦ TỊCH", "Hoàng Thị Lan    Nguyễn Văn Du")
    doc = parse((*rows, "", *NOI_NHAN))
    assert [(s.authority, s.position, s.name) for s in doc.signatures] == [
        ("BAN THƯỜNG VỤ TỈNH ĐOÀN", "BÍ THƯ", "Hoàng Thị Lan"), ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Du")]


def test_joint_signers_a_short_centred_row_goes_to_the_column_it_stands_under():
    rows = ("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN          TM. ỦY BAN NHÂN DÂN TỈNH",
            "          BÍ THƯ",
            "                                         CHỦ TỊCH",
            "        Hoàng Thị Lan                  Nguyễn Văn Du")
    doc = parse((*rows, "", *NOI_NHAN))
    assert [(s.authority, s.position, s.name) for s in doc.signatures] == [
        ("BAN THƯỜNG VỤ TỈNH ĐOÀN", "BÍ THƯ", "Hoàng Thị Lan"), ("ỦY BAN NHÂN DÂN TỈNH", "CHỦ TỊCH", "Nguyễn Văn Du")]


@pytest.mark.parametrize("rows", [
    ("\t\tTM. BAN THƯỜNG VỤ\t\t\tTM. ỦY BAN NHÂN DÂN", "\t\tBÍ THƯ\t\t\t\tKT. CHỦ TỊCH", "\t\t\t\t\t\tPHÓ CHỦ TỊCH",
     "", "\t\tHoàng Thị Lan\t\t\tNguyễn Văn Du"),
    # tabs that end a row open no column
    ("\t\tTM. BAN THƯỜNG VỤ\t\t\tTM. ỦY BAN NHÂN DÂN\t", "\t\tBÍ THƯ\t\t\t\tKT. CHỦ TỊCH\t",
     "\t\t\t\t\t\tPHÓ CHỦ TỊCH\t", "", "\t\tHoàng Thị Lan\t\t\tNguyễn Văn Du\t"),
    # a row with no indent under indented columns
    ("\t\tTM. BAN THƯỜNG VỤ\t\t\tTM. ỦY BAN NHÂN DÂN", "BÍ THƯ\t\t\t\t\tKT. CHỦ TỊCH", "\t\t\t\t\t\tPHÓ CHỦ TỊCH",
     "", "\t\tHoàng Thị Lan\t\t\tNguyễn Văn Du"),
])
def test_joint_signers_indented_with_tabs_a_short_row_goes_to_the_column_it_stands_under(rows):
    # the indent makes an empty first cell: "PHÓ CHỦ TỊCH", the second cell of its row, stands
    # under the right signer once its tabs are expanded
    doc = parse((*rows, "", *NOI_NHAN))
    assert [(s.prefixes, s.position, s.name) for s in doc.signatures] == [
        (["TM. BAN THƯỜNG VỤ"], "BÍ THƯ", "Hoàng Thị Lan"),
        (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Nguyễn Văn Du")]


def test_noi_nhan_beside_a_signature_is_no_joint_signature():
    # one signing mark in the row: the two-column table of Nơi nhận and signature, read row by row
    rows = tuple(f"| {left} | **{right}** |" for left, right in (
        ("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"), ("- Thường trực Tỉnh ủy;", "CHỦ TỊCH"),
        ("- Lưu: VT.", "Lý Thái Hải")))
    doc = parse(rows)
    assert [(s.mode, s.position, s.name) for s in doc.signatures] == [("TM", "CHỦ TỊCH", "Lý Thái Hải")]
    assert names(doc) == ["Thường trực Tỉnh ủy"]


def test_two_signers_with_bare_titles():
    doc = parse((
        "GIÁM ĐỐC SỞ Y TẾ",
        "Nguyễn Văn An",
        "GIÁM ĐỐC SỞ TÀI CHÍNH",
        "Trần Thị Bình",
        *NOI_NHAN,
    ))
    assert [(s.mode, s.position, s.name) for s in doc.signatures] == [
        (None, "GIÁM ĐỐC SỞ Y TẾ", "Nguyễn Văn An"),
        (None, "GIÁM ĐỐC SỞ TÀI CHÍNH", "Trần Thị Bình"),
    ]


def test_signature_span_covers_its_lines():
    closing = (*NOI_NHAN, "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Du")
    text = make_doc(closing)
    doc = vbhc.parse(text)
    span = doc.signatures[0].span
    assert span is not None
    printed = text[span.start:span.end]
    assert printed.startswith("TM. ỦY BAN NHÂN DÂN")
    assert printed.endswith("Nguyễn Văn Du")


def test_no_signature_gives_diagnostic():
    doc = parse(NOI_NHAN)
    assert doc.signatures == []
    assert "closing.signature.missing" in [d.code for d in doc.diagnostics]


def test_signature_not_in_body():
    doc = parse((*NOI_NHAN, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lý Thái Hải"))
    text = body_text(doc)
    for piece in ("Nơi nhận", "Thường trực Tỉnh ủy", "TM. ỦY BAN", "Lý Thái Hải", "Lưu"):
        assert piece not in text
    assert doc.body[-1].children[-1].text == "Các sở, ban, ngành triển khai thực hiện Kế hoạch này./."


# --------------------------------------------------------------------------- Nơi nhận


def test_noi_nhan_before_signature():
    doc = parse((*NOI_NHAN, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lý Thái Hải"))
    assert names(doc) == RECIPIENTS
    assert doc.signatures[0].name == "Lý Thái Hải"


def test_noi_nhan_after_signature():
    doc = parse(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lý Thái Hải", *NOI_NHAN))
    assert names(doc) == RECIPIENTS
    assert doc.signatures[0].name == "Lý Thái Hải"
    assert doc.signatures[0].position == "CHỦ TỊCH"
    assert doc.archive is not None and doc.archive.units == ["VT", "NCPC"]


def test_noi_nhan_interleaved_row_by_row():
    # a two-column table read row by row: each Nơi nhận row sits next to a signature row
    doc = parse((
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "- Thường trực Tỉnh ủy;",
        "KT. CHỦ TỊCH",
        "- Thường trực HĐND tỉnh;",
        "PHÓ CHỦ TỊCH",
        "- Các sở, ban, ngành;",
        "- Lưu: VT, NCPC.",
        "Nguyễn Văn Du",
    ))
    assert names(doc) == RECIPIENTS
    sig = doc.signatures[0]
    assert (sig.mode, sig.position, sig.name) == ("KT", "PHÓ CHỦ TỊCH", "Nguyễn Văn Du")


def test_noi_nhan_first_item_on_label_line():
    doc = parse(("Nơi nhận: - Như trên;", "- Sở Nội vụ;", "- Lưu: VT.", "CHỦ TỊCH", "Lý Thái Hải"))
    assert names(doc) == ["Như trên", "Sở Nội vụ"]


def test_noi_nhan_label_wrapped():
    doc = parse(("Nơi", "nhận:", "- Như trên;", "- Sở Nội vụ;", "- Lưu: VT.", "CHỦ TỊCH", "Lý Thái Hải"))
    assert names(doc) == ["Như trên", "Sở Nội vụ"]


def test_recipient_wrapped_over_two_lines():
    doc = parse((
        "Nơi nhận:",
        "- Ủy ban nhân dân các huyện,",
        "thành phố;",
        "- Sở Nội vụ;",
        "- Lưu: VT.",
        "CHỦ TỊCH",
        "Lý Thái Hải",
    ))
    assert names(doc) == ["Ủy ban nhân dân các huyện, thành phố", "Sở Nội vụ"]


def test_recipient_final_punctuation_removed():
    doc = parse(("Nơi nhận:", "- Như trên;", "- Bộ Nội vụ (để b/c);", "- Sở Tài chính.",
                 "CHỦ TỊCH", "Lý Thái Hải"))
    assert names(doc) == ["Như trên", "Bộ Nội vụ (để b/c)", "Sở Tài chính"]


def test_plus_sub_items_are_not_recipients():
    doc = parse((
        "Nơi nhận:",
        "- Thường trực Tỉnh ủy;",
        "- Ủy ban nhân dân các huyện, thành phố;",
        "+ Huyện Ba Bể;",
        "+ Thành phố Bắc Kạn;",
        "- Lưu: VT, NCPC.",
        "CHỦ TỊCH",
        "Lý Thái Hải",
    ))
    assert names(doc) == ["Thường trực Tỉnh ủy", "Ủy ban nhân dân các huyện, thành phố"]
    parent = doc.recipients[1]
    assert parent.sub_items == ["Huyện Ba Bể", "Thành phố Bắc Kạn"]
    assert doc.recipients[0].sub_items == []


def test_recipient_list_goes_on_past_an_item_without_its_dash():
    doc = parse(("Nơi nhận:", "- Như Điều 3;", "- VPUB: CVP, các PCVP;", "Phòng KT, TTPVHCC;", "- Công báo tỉnh;",
                 "- Lưu: VT, KSTT.", "CHỦ TỊCH", "Lý Thái Hải"))
    assert names(doc) == ["Như Điều 3", "VPUB: CVP, các PCVP", "Phòng KT, TTPVHCC", "Công báo tỉnh"]
    assert doc.archive is not None and doc.archive.units == ["VT", "KSTT"]
    assert doc.notes == []


def test_recipient_address_wrapped_after_an_abbreviation():
    doc = parse(("Nơi nhận:", "- Công ty Cổ phần Dược phẩm Minh Hà (181 Nguyễn Đình Chiểu, phường Xuân Hòa, TP.",
                 "Hồ Chí Minh);", "- Chi cục Kiểm định Hải quan;", "- Lưu: VT, NV.", "CHỦ TỊCH", "Lý Thái Hải"))
    assert names(doc) == ["Công ty Cổ phần Dược phẩm Minh Hà (181 Nguyễn Đình Chiểu, phường Xuân Hòa, TP. Hồ Chí Minh)",
                          "Chi cục Kiểm định Hải quan"]


@pytest.mark.parametrize("footnote", [("[1] Các tỉnh: Tuyên Quang, Cao Bằng, Sơn La.",),
                                      ("[1]", "Các tỉnh: Tuyên Quang, Cao Bằng, Sơn La.")],
                         ids=["one-line", "number-alone-on-its-line"])
def test_footnote_after_the_signature(footnote):
    doc = parse((*NOI_NHAN, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lý Thái Hải"), after=("", *footnote, "[2] Theo Kế hoạch số 12."))
    assert [(n.kind, n.label, n.text) for n in doc.notes] == [
        ("footnote", "1", "Các tỉnh: Tuyên Quang, Cao Bằng, Sơn La."), ("footnote", "2", "Theo Kế hoạch số 12.")]


def test_an_unclosed_bracket_in_a_recipient_does_not_take_the_signature():
    doc = parse(("Nơi nhận:", "- Như Điều 2;", "- Sở Y tế (để biết;", "- Lưu: VT, KGVX.", "CHỦ TỊCH", "Nguyễn Văn An"))
    assert [(s.position, s.name) for s in doc.signatures] == [("CHỦ TỊCH", "Nguyễn Văn An")]
    assert names(doc) == ["Như Điều 2", "Sở Y tế (để biết"]


def test_recipient_above_its_sub_items_has_no_colon():
    doc = parse(("Nơi nhận:", "- Như Điều 3;", "- VP UBND tỉnh:", "+ CVP, các PCVP;", "+ Lưu: VT, KT.",
                 "CHỦ TỊCH", "Lý Thái Hải"))
    assert names(doc) == ["Như Điều 3", "VP UBND tỉnh"]
    assert doc.recipients[1].sub_items == ["CVP, các PCVP"]


def test_group_label_is_not_a_recipient():
    doc = parse((
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT, CS.",
        "Gửi bản điện tử:",
        "- Cổng thông tin điện tử Bộ Tài chính;",
        "- Website Cục Thuế.",
        "KT. CỤC TRƯỞNG",
        "PHÓ CỤC TRƯỞNG",
        "Nguyễn Văn Bình",
    ))
    assert names(doc) == ["Như trên", "Cổng thông tin điện tử Bộ Tài chính", "Website Cục Thuế"]
    groups = {r.name: r.group for r in doc.recipients}
    assert groups["Như trên"] is None
    assert groups["Cổng thông tin điện tử Bộ Tài chính"] == "Gửi bản điện tử"
    assert groups["Website Cục Thuế"] == "Gửi bản điện tử"
    assert doc.signatures[0].name == "Nguyễn Văn Bình"


def test_group_label_after_unterminated_item():
    doc = parse((
        "Nơi nhận:",
        "- Như trên;",
        "- Sở Nội vụ",
        "Gửi bản điện tử:",
        "- Cổng thông tin điện tử tỉnh.",
        "CHỦ TỊCH",
        "Lý Thái Hải",
    ))
    assert names(doc) == ["Như trên", "Sở Nội vụ", "Cổng thông tin điện tử tỉnh"]
    assert doc.recipients[-1].group == "Gửi bản điện tử"


def test_group_label_first_in_block():
    doc = parse((
        "Nơi nhận:",
        "Bản điện tử:",
        "- Các sở, ban, ngành;",
        "- Ủy ban nhân dân các huyện, thành phố.",
        "CHỦ TỊCH",
        "Lý Thái Hải",
    ))
    assert names(doc) == ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố"]
    assert {r.group for r in doc.recipients} == {"Bản điện tử"}


# --------------------------------------------------------------------------- Lưu


@pytest.mark.parametrize(("line", "units", "drafter", "copies"), [
    ("- Lưu: VT, NCPC (Thái).", ["VT", "NCPC"], "Thái", None),
    ("- Lưu: VT, HC (2).", ["VT", "HC"], None, 2),
    ("- Lưu: VT, TCCB.", ["VT", "TCCB"], None, None),
    ("- Lưu: VT.", ["VT"], None, None),
    ("- Lưu: VT, KGVX (3b).", ["VT", "KGVX"], None, 3),
    # the drafter's initials after the copies, or inside their bracket
    ("- Lưu: VT, KTTH (2). M.Cường", ["VT", "KTTH"], "M.Cường", 2),
    ("- Lưu: Văn thư, NN (2) Khôi", ["Văn thư", "NN"], "Khôi", 2),
    ("- Lưu: VT, NVTHQ (L.Anh - 3b).", ["VT", "NVTHQ"], "L.Anh", 3),
    ("- Lưu: VT, ĐTKT (cn 02b).", ["VT", "ĐTKT"], "cn", 2),
    ("- Lưu: VT. N.T.Hiếu.", ["VT"], "N.T.Hiếu", None),
    # a comma inside the bracket does not split a unit
    ("- Lưu: VTUB, NC (TP, Vinh).", ["VTUB", "NC"], "TP, Vinh", None),
    ("- Lưu: VT, QLKT ( b).", ["VT", "QLKT"], None, None),
    # unit codes after a full stop are units, not a drafter's initials
    ("- Lưu: VT. UBND.", ["VT", "UBND"], None, None),
    ("- Lưu: VT, TH, NC (Hà, 03b).", ["VT", "TH", "NC"], "Hà", 3),
    # a drafter after a space or a dot, initials and copies after a unit, a unit's dot, a name alone
    ("- Lưu: VT, NC Ngân.", ["VT", "NC"], "Ngân", None),
    ("- Lưu: VT, KGVX.Dũng.", ["VT", "KGVX"], "Dũng", None),
    ("- Lưu: VT, ĐTKT NN 10b", ["VT", "ĐTKT"], "NN", 10),
    ("- Lưu: VT. (ĐT-HS)", ["VT"], "ĐT-HS", None),
    ("- Lưu: VT, N.Đ.Minh.", ["VT"], "N.Đ.Minh", None),
    ("- Lưu: VT.KT9", ["VT", "KT9"], None, None),
], ids=["drafter", "copies", "plain", "vt-only", "copies-b", "initials-after-copies", "name-after-copies",
        "drafter-and-copies", "copies-after-code", "initials-after-unit", "comma-in-bracket", "blank-copies",
        "codes-after-stop", "drafter-comma-copies", "name-after-space", "name-after-dot", "initials-copies",
        "unit-dot-bracket", "name-alone", "codes-no-space"])
def test_archive_line(line, units, drafter, copies):
    doc = parse(("Nơi nhận:", "- Như trên;", line, "CHỦ TỊCH", "Lý Thái Hải"))
    assert doc.archive is not None
    assert doc.archive.units == units
    assert doc.archive.drafter == drafter
    assert doc.archive.copies == copies
    assert names(doc) == ["Như trên"]


def test_archive_line_party_without_colon():
    # HD 36 §2.4: "- Lưu Văn phòng Tỉnh ủy." (no colon, no VT)
    doc = parse(("Nơi nhận:", "- Các huyện ủy, thành ủy;", "- Lưu Văn phòng Tỉnh ủy.",
                 "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Hoàng Văn Chất"), head=PARTY_HEAD)
    assert doc.archive is not None
    assert doc.archive.units == ["Văn phòng Tỉnh ủy"]
    assert names(doc) == ["Các huyện ủy, thành ủy"]


def test_archive_raw_and_span():
    closing = ("Nơi nhận:", "- Như trên;", "- Lưu: VT, NCPC (Thái).", "CHỦ TỊCH", "Lý Thái Hải")
    text = make_doc(closing)
    doc = vbhc.parse(text)
    assert doc.archive is not None
    assert doc.archive.raw == "VT, NCPC (Thái)."
    assert doc.archive.span is not None
    assert text[doc.archive.span.start:doc.archive.span.end] == "- Lưu: VT, NCPC (Thái)."


# --------------------------------------------------------------------------- page furniture after the end

JUNK = [
    ("Văn bản này chưa cập nhật nội dung Tiếng Anh",),
    ("Bình luận",),
    ("Văn bản liên quan", "Quyết định 142/QĐ-TTg năm 2020 ban hành Kế hoạch thực hiện Kết luận 52-KL/TW"),
    ("Bạn vui lòng Đăng nhập để gửi bình luận",),
    ("Văn bản này chưa cập nhật nội dung Tiếng Anh", "Bình luận", "Gửi bình luận", "Đăng nhập"),
]


@pytest.mark.parametrize("junk", JUNK,
                         ids=["tieng-anh", "binh-luan", "van-ban-lien-quan", "dang-nhap", "all"])
def test_trailing_site_text_not_in_document(junk):
    doc = parse((*NOI_NHAN, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lý Thái Hải"), after=("", *junk))
    assert doc.signatures[0].name == "Lý Thái Hải"
    assert names(doc) == RECIPIENTS
    assert doc.notes == []
    assert doc.attachments == []
    for s in content_strings(doc):
        for line in junk:
            assert line not in s
    assert "page.trailing" in [d.code for d in doc.diagnostics]


@pytest.mark.parametrize("junk", [
    # the site's one-line summary, then its furniture or its English translation
    ("Quyết định 84/2025/QĐ-UBND bãi bỏ toàn bộ Quyết định 10/2016/QĐ-UBND", "Văn bản này chưa cập nhật nội dung Tiếng Anh"),
    ("Thông tư 61/2025/TT-BCT quy định về hạn ngạch thuế quan", "**THE MINISTRY OF", "INDUSTRY AND TRADE**",
     "**THE SOCIALIST", "REPUBLIC OF VIET NAM**", "Independence-Freedom-Happiness", "No. 61/2025/TT-BCT"),
    ("MINISTRY OF FINANCE OF VIETNAM", "SOCIALIST REPUBLIC OF VIETNAM", "Independence – Freedom – Happiness"),
], ids=["summary", "english-translation", "english-without-the"])
def test_site_summary_and_translation_after_the_document(junk):
    doc = parse((*NOI_NHAN, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lý Thái Hải"), after=("", *junk))
    assert doc.notes == [] and doc.attachments == []
    assert len(doc.signatures) == 1


def test_a_bilingual_form_in_an_appendix_is_no_translation():
    doc = parse((*NOI_NHAN, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lý Thái Hải"), after=(
        "PHỤ LỤC", "(Ban hành kèm theo Thông tư số 12/2025/TT-BCA)", "Mẫu NA1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SOCIALIST REPUBLIC OF VIETNAM", "Độc lập - Tự do - Hạnh phúc", "TỜ KHAI ĐỀ NGHỊ CẤP THỊ THỰC",
        "1. Họ tên (Full name): ...."))
    (att,) = doc.attachments
    assert "page.trailing" not in [d.code for d in doc.diagnostics]
    assert any("Họ tên" in (n.text or n.title or "") for n in att.body for n in n.walk())


def test_trailing_site_text_after_an_appendix():
    doc = parse((*NOI_NHAN, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lý Thái Hải"), after=(
        "PHỤ LỤC I",
        "DANH MỤC NHIỆM VỤ",
        "(Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh)",
        "1. Rà soát quy hoạch.",
        "Văn bản này chưa cập nhật nội dung Tiếng Anh",
        "Bình luận",
    ))
    assert len(doc.attachments) == 1
    for s in content_strings(doc):
        assert "Tiếng Anh" not in s
        assert "Bình luận" not in s


# --------------------------------------------------------------------------- attachments

APPENDIX_I = (
    "PHỤ LỤC I",
    "DANH MỤC NHIỆM VỤ TRỌNG TÂM",
    "(Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh)",
    "1. Rà soát quy hoạch phát triển hạ tầng số.",
    "2. Xây dựng cơ sở dữ liệu dùng chung của tỉnh.",
)
APPENDIX_II = (
    "PHỤ LỤC II",
    "PHÂN CÔNG THỰC HIỆN",
    "(Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh)",
    "1. Sở Thông tin và Truyền thông chủ trì.",
)
SIGNED = (*NOI_NHAN, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lý Thái Hải")


def test_appendix_after_signature():
    doc = parse(SIGNED, after=("", *APPENDIX_I))
    assert len(doc.attachments) == 1
    att = doc.attachments[0]
    assert att.kind == "appendix"
    assert att.label == "Phụ lục I"
    assert att.title == "DANH MỤC NHIỆM VỤ TRỌNG TÂM"
    assert att.issued_with == ("Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020 "
                               "của Ủy ban nhân dân tỉnh")
    assert [(n.label, n.text) for n in att.body] == [
        ("1", "Rà soát quy hoạch phát triển hạ tầng số."),
        ("2", "Xây dựng cơ sở dữ liệu dùng chung của tỉnh."),
    ]


def test_appendix_not_in_main_body_or_closing():
    doc = parse(SIGNED, after=("", *APPENDIX_I))
    assert [n.label for n in doc.body] == ["I", "II"]
    text = body_text(doc)
    assert "PHỤ LỤC" not in text
    assert "Rà soát quy hoạch" not in text
    assert doc.notes == []
    assert names(doc) == RECIPIENTS
    assert len(doc.signatures) == 1


def _spaced(lines: tuple[str, ...]) -> tuple[str, ...]:
    """A web page's way: bold headings, italics, an empty line after every line."""
    out: list[str] = []
    for x in lines:
        out += [x, ""]
    return tuple(out)


def test_appendix_with_empty_lines_between_its_title_lines():
    doc = parse(SIGNED, after=("", *_spaced(("**PHỤ LỤC I**", "DANH MỤC NHIỆM VỤ TRỌNG TÂM",
                                              "*(Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020)*",
                                              "1. Rà soát quy hoạch phát triển hạ tầng số."))))
    (att,) = doc.attachments
    assert (att.kind, att.label, att.title, att.issued_with) == (
        "appendix", "Phụ lục I", "DANH MỤC NHIỆM VỤ TRỌNG TÂM",
        "Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020")
    assert [n.label for n in att.body] == ["1"]


def test_regulation_with_empty_lines_between_its_title_lines_is_one_attachment():
    doc = parse(QD_CLOSING, head=QD_HEAD, body=QD_BODY, after=("", *_spaced(("**QUY ĐỊNH**", *ISSUED_REGULATION[1:]))))
    (att,) = doc.attachments
    assert (att.kind, att.title) == ("issued_with", "Quản lý cụm công nghiệp trên địa bàn tỉnh Bắc Kạn")
    assert att.issued_with.startswith("Ban hành kèm theo Quyết định số 84/2025/QĐ-UBND")
    assert [n.label for n in att.body] == ["Chương I"]


def test_a_form_printed_below_an_appendix_title_is_not_its_title():
    doc = parse(SIGNED, after=("", "PHỤ LỤC II", "MẪU BÁO CÁO KẾT QUẢ", "", "ỦY BAN NHÂN DÂN HUYỆN ……",
                               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    assert doc.attachments[0].title == "MẪU BÁO CÁO KẾT QUẢ"


FORMS_APPENDIX = (
    "PHỤ LỤC II",
    "MẪU HỢP ĐỒNG THUÊ KHO",
    "(Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh)",
    "1. Các bên thỏa thuận thời hạn thuê kho.",
    "",
    "PHỤ LỤC I",
    "DANH MỤC TÀI SẢN TRONG KHO",
    "(Kèm theo Hợp đồng số …/HĐ ngày … tháng … năm …)",
    "1. Tên tài sản, số lượng.",
    "",
    "PHỤ LỤC II",
    "TIẾN ĐỘ GIAO NHẬN KHO",
    "1. Ngày bàn giao.",
)


def test_a_forms_own_appendices_stay_inside_the_attachment_that_prints_it():
    # "PHỤ LỤC I" "(Kèm theo Hợp đồng số …)": an appendix of the contract form, with the number
    # left as dots to fill in, and the unlabelled "PHỤ LỤC II" after it, are inside Phụ lục II
    doc = parse(SIGNED, after=("", *APPENDIX_I, "", *FORMS_APPENDIX))
    assert [(a.label, a.title) for a in doc.attachments] == [
        ("Phụ lục I", "DANH MỤC NHIỆM VỤ TRỌNG TÂM"), ("Phụ lục II", "MẪU HỢP ĐỒNG THUÊ KHO")]
    inner = body_text(doc.attachments[1])
    assert "DANH MỤC TÀI SẢN TRONG KHO" in inner and "Ngày bàn giao." in inner


def test_the_documents_next_appendix_after_a_forms_own_appendix_is_the_documents():
    # Phụ lục I is a contract form with its own unnumbered appendix; "PHỤ LỤC II" after it, with
    # no "(Kèm theo …)" line, goes on the document's numbering (II after I), not the form's
    form = ("PHỤ LỤC I", "MẪU HỢP ĐỒNG THUÊ KHO", APPENDIX_I[2], "1. Các bên thỏa thuận thời hạn thuê kho.", "",
            "PHỤ LỤC", "DANH MỤC TÀI SẢN TRONG KHO", "(Kèm theo Hợp đồng số …/HĐ ngày … tháng … năm …)",
            "1. Tên tài sản, số lượng.", "")
    doc = parse(SIGNED, after=("", *form, "PHỤ LỤC II", "DANH SÁCH CÁC ĐƠN VỊ THAM GIA", "1. Sở Tài chính.", "",
                               "PHỤ LỤC III", "BIỂU TỔNG HỢP KINH PHÍ", "1. Kinh phí năm 2020."))
    assert [(a.label, a.title) for a in doc.attachments] == [
        ("Phụ lục I", "MẪU HỢP ĐỒNG THUÊ KHO"), ("Phụ lục II", "DANH SÁCH CÁC ĐƠN VỊ THAM GIA"),
        ("Phụ lục III", "BIỂU TỔNG HỢP KINH PHÍ")]
    inner = body_text(doc.attachments[0])
    assert "DANH MỤC TÀI SẢN TRONG KHO" in inner and "Sở Tài chính" not in inner


CONTRACT_FORM = ("PHỤ LỤC I", "MẪU HỢP ĐỒNG THUÊ KHO", APPENDIX_I[2], "1. Các bên thỏa thuận thời hạn thuê kho.", "",
                 "PHỤ LỤC I", "DANH MỤC TÀI SẢN TRONG KHO", "(Kèm theo Hợp đồng số …/HĐ ngày … tháng … năm …)",
                 "1. Tên tài sản, số lượng.", "")


def test_a_label_that_goes_on_the_forms_numbering_and_the_documents_stays_the_forms():
    # the form numbers its own appendices (its "PHỤ LỤC I" repeats the document's); "PHỤ LỤC II"
    # after it, with no "(Kèm theo …)" line, goes on both numberings and is the form's
    doc = parse(SIGNED, after=("", *CONTRACT_FORM, "PHỤ LỤC II", "TIẾN ĐỘ GIAO NHẬN KHO", "1. Ngày bàn giao."))
    assert [(a.label, a.title) for a in doc.attachments] == [("Phụ lục I", "MẪU HỢP ĐỒNG THUÊ KHO")]
    inner = body_text(doc.attachments[0])
    assert "DANH MỤC TÀI SẢN TRONG KHO" in inner and "Ngày bàn giao." in inner


def test_a_label_that_goes_on_both_numberings_with_this_documents_issued_with_line_is_the_documents():
    doc = parse(SIGNED, after=("", *CONTRACT_FORM, "PHỤ LỤC II", "TIẾN ĐỘ GIAO NHẬN KHO", APPENDIX_I[2],
                               "1. Ngày bàn giao."))
    assert [(a.label, a.title) for a in doc.attachments] == [
        ("Phụ lục I", "MẪU HỢP ĐỒNG THUÊ KHO"), ("Phụ lục II", "TIẾN ĐỘ GIAO NHẬN KHO")]
    assert "Ngày bàn giao." not in body_text(doc.attachments[0])


@pytest.mark.parametrize("issued", [
    "(Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh).",
    "Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh",
])
def test_a_form_field_to_fill_in_below_a_real_issued_with_line_keeps_the_appendix(issued):
    # the appendix is issued with this plan's own number; the form's blank field under that
    # line ("Đơn vị báo cáo: ………(1)") is no template's number
    doc = parse(SIGNED, after=("", *APPENDIX_I, "", "PHỤ LỤC II", "MẪU BÁO CÁO KẾT QUẢ", issued,
                               "Đơn vị báo cáo: ………………(1)", "1. Kết quả thực hiện."))
    assert [(a.label, a.title) for a in doc.attachments] == [
        ("Phụ lục I", "DANH MỤC NHIỆM VỤ TRỌNG TÂM"), ("Phụ lục II", "MẪU BÁO CÁO KẾT QUẢ")]


def test_a_drafts_appendices_with_its_own_blank_number_stay_attachments():
    head = tuple("Số: /KH-UBND" if x.startswith("Số:") else x for x in STATE_HEAD)
    blank = tuple(x.replace("155/KH-UBND", "…/KH-UBND") for x in (*APPENDIX_I, "", *APPENDIX_II))
    doc = parse(SIGNED, head=head, after=("", *blank))
    assert [a.label for a in doc.attachments] == ["Phụ lục I", "Phụ lục II"]


def test_a_forms_last_heading_above_the_next_appendix_is_no_attachment():
    doc = parse(SIGNED, after=("", *APPENDIX_I, "", "**V. KIẾN NGHỊ VÀ ĐỀ XUẤT", "CỦA ĐƠN VỊ BÁO CÁO**", "",
                               *APPENDIX_II))
    assert [a.label for a in doc.attachments] == ["Phụ lục I", "Phụ lục II"]
    assert "KIẾN NGHỊ VÀ ĐỀ XUẤT" in body_text(doc.attachments[0])


@pytest.mark.parametrize("title", [("**QUY", "CHẾ**", "", "THI ĐUA KHEN THƯỞNG CỦA TỈNH"),
                                   ("DANH MỤC", "", "01 QUY TRÌNH THI ĐUA KHEN THƯỞNG CỦA TỈNH")])
def test_an_attachment_title_after_an_empty_line_is_no_second_attachment(title):
    doc = parse(QD_CLOSING, head=QD_HEAD, body=QD_BODY, after=(
        "", *title, "", "(Ban hành kèm theo Quyết định số 84/2025/QĐ-UBND ngày 05 tháng 01 năm 2025)",
        "Điều 1. Phạm vi điều chỉnh", "Quy chế này quy định việc thi đua."))
    (att,) = doc.attachments
    assert att.title.endswith("THI ĐUA KHEN THƯỞNG CỦA TỈNH")
    assert att.issued_with.startswith("Ban hành kèm theo Quyết định số 84/2025/QĐ-UBND")
    assert [n.label for n in att.body] == ["Điều 1"]


def test_a_table_cell_after_the_title_ends_it():
    doc = parse(SIGNED, after=("", "PHỤ LỤC I", "DANH MỤC NHIỆM VỤ TRỌNG TÂM", "|", "STT", "|", "NỘI DUNG", "|"))
    assert doc.attachments[0].title == "DANH MỤC NHIỆM VỤ TRỌNG TÂM"


def test_two_appendices():
    doc = parse(SIGNED, after=("", *APPENDIX_I, "", *APPENDIX_II))
    assert [a.label for a in doc.attachments] == ["Phụ lục I", "Phụ lục II"]
    assert [a.title for a in doc.attachments] == ["DANH MỤC NHIỆM VỤ TRỌNG TÂM", "PHÂN CÔNG THỰC HIỆN"]
    assert [n.label for n in doc.attachments[1].body] == ["1"]



@pytest.mark.parametrize(("label_line", "label"), [("Phụ lục I", "Phụ lục I"), ("Phụ lục", "Phụ lục")])
def test_appendix_label_in_normal_case(label_line, label):
    doc = parse(SIGNED, after=("", label_line, "DANH MỤC NHIỆM VỤ TRỌNG TÂM",
                               "(Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020)",
                               "1. Rà soát quy hoạch."))
    assert len(doc.attachments) == 1
    att = doc.attachments[0]
    assert att.kind == "appendix"
    assert att.label == label
    assert att.title == "DANH MỤC NHIỆM VỤ TRỌNG TÂM"
    assert [n.label for n in att.body] == ["1"]


def test_a_title_wrapped_before_a_mixed_case_or_numeric_line_is_one_title():
    doc = parse(SIGNED, after=("", "**PHỤ LỤC**", "", "DANH MỤC DỰ ÁN PHỦ SÓNG DI ĐỘNG",
                               "4G, LoRa TẠI CÁC THÔN, BẢN VÙNG SÂU, TRƯỜNG HỌC VÀ TRẠM Y TẾ TRÊN",
                               "ĐỊA BÀN TỈNH ĐẾN NĂM", "2028", "",
                               "*(Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020)*", "",
                               "1. Rà soát quy hoạch."))
    (att,) = doc.attachments
    assert att.title == ("DANH MỤC DỰ ÁN PHỦ SÓNG DI ĐỘNG 4G, LoRa TẠI CÁC THÔN, BẢN VÙNG SÂU, TRƯỜNG HỌC VÀ "
                         "TRẠM Y TẾ TRÊN ĐỊA BÀN TỈNH ĐẾN NĂM 2028")
    assert att.issued_with == "Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020"
    assert [n.label for n in att.body] == ["1"]


def test_numbered_templates_attached_like_appendices_are_labelled():
    issued = "*(Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020)*"
    doc = parse(SIGNED, after=("", "**Mẫu biểu số 01**", "", "**DỰ BÁO MỘT SỐ CHỈ TIÊU CHỦ YẾU**", "", issued, "",
                               "1. Tăng trưởng kinh tế.", "", "**Mẫu biểu số 02**", "",
                               "**BIỂU TỔNG HỢP DỰ TOÁN THU GIAI ĐOẠN 2026 –", "2028**", "", issued, "",
                               "1. Thu nội địa."))
    assert [(a.kind, a.label, a.title) for a in doc.attachments] == [
        ("appendix", "Mẫu biểu số 01", "DỰ BÁO MỘT SỐ CHỈ TIÊU CHỦ YẾU"),
        ("appendix", "Mẫu biểu số 02", "BIỂU TỔNG HỢP DỰ TOÁN THU GIAI ĐOẠN 2026 – 2028")]
    assert doc.notes == []
    # inside an appendix, a list of its forms is body text, not a new attachment each, also
    # when the next appendix's "(Kèm theo …)" follows close after
    doc = parse(SIGNED, after=("", *APPENDIX_I, "Mẫu biểu số 01: Báo cáo tiến độ.", "Mẫu biểu số 02: Báo cáo kết quả."))
    assert [a.label for a in doc.attachments] == ["Phụ lục I"]
    doc = parse(SIGNED, after=("", *APPENDIX_I, "Mẫu biểu số 01: Báo cáo tiến độ", "Mẫu biểu số 02: Báo cáo kết quả",
                               "", *APPENDIX_II))
    assert [a.label for a in doc.attachments] == ["Phụ lục I", "Phụ lục II"]


def test_appendix_label_with_title_on_same_line():
    doc = parse(SIGNED, after=("", "PHỤ LỤC I: DANH MỤC NHIỆM VỤ TRỌNG TÂM",
                               "(Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020)",
                               "1. Rà soát quy hoạch."))
    assert len(doc.attachments) == 1
    att = doc.attachments[0]
    assert att.label == "Phụ lục I"
    assert att.title == "DANH MỤC NHIỆM VỤ TRỌNG TÂM"


QD_HEAD = (
    "ỦY BAN NHÂN DÂN",
    "TỈNH BẮC KẠN",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 84/2025/QĐ-UBND",
    "Bắc Kạn, ngày 15 tháng 8 năm 2025",
    "",
    "QUYẾT ĐỊNH",
    "Ban hành Quy định quản lý cụm công nghiệp trên địa bàn tỉnh Bắc Kạn",
    "",
    "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",
    "",
)
QD_BODY = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Theo đề nghị của Giám đốc Sở Công Thương.",
    "QUYẾT ĐỊNH:",
    "Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý cụm công nghiệp trên địa bàn tỉnh Bắc Kạn.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày 25 tháng 8 năm 2025.",
    "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Công Thương chịu trách nhiệm thi hành "
    "Quyết định này./.",
)
QD_CLOSING = (
    "Nơi nhận:",
    "- Như Điều 3;",
    "- Bộ Công Thương;",
    "- Lưu: VT, KT.",
    "TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Nguyễn Đăng Bình",
)
ISSUED_REGULATION = (
    "QUY ĐỊNH",
    "Quản lý cụm công nghiệp trên địa bàn tỉnh Bắc Kạn",
    "(Ban hành kèm theo Quyết định số 84/2025/QĐ-UBND ngày 15 tháng 8 năm 2025 "
    "của Ủy ban nhân dân tỉnh Bắc Kạn)",
    "Chương I",
    "QUY ĐỊNH CHUNG",
    "Điều 1. Phạm vi điều chỉnh",
    "Quy định này quy định về quản lý cụm công nghiệp trên địa bàn tỉnh.",
    "Điều 2. Đối tượng áp dụng",
    "Các cơ quan, tổ chức, cá nhân có liên quan.",
)


def qd_with_regulation() -> Document:
    return parse(QD_CLOSING, head=QD_HEAD, body=QD_BODY, after=("", *ISSUED_REGULATION))


def test_regulation_issued_with_decision_is_an_attachment():
    doc = qd_with_regulation()
    assert len(doc.attachments) == 1
    att = doc.attachments[0]
    assert att.kind == "issued_with"
    assert att.doc_type is not None and att.doc_type.name == "Quy định"
    assert att.title == "Quản lý cụm công nghiệp trên địa bàn tỉnh Bắc Kạn"
    assert att.issued_with == ("Ban hành kèm theo Quyết định số 84/2025/QĐ-UBND ngày 15 tháng 8 năm 2025 "
                               "của Ủy ban nhân dân tỉnh Bắc Kạn")
    assert [n.label for n in att.body] == ["Chương I"]
    assert att.body[0].title == "QUY ĐỊNH CHUNG"
    assert [c.label for c in att.body[0].children] == ["Điều 1", "Điều 2"]


def test_regulation_issued_with_decision_not_in_body():
    doc = qd_with_regulation()
    assert [n.label for n in doc.body] == ["Điều 1", "Điều 2", "Điều 3"]
    text = body_text(doc)
    assert "Phạm vi điều chỉnh" not in text
    assert "QUY ĐỊNH CHUNG" not in text
    # the decision's own closing is intact
    sig = doc.signatures[0]
    assert (sig.mode, sig.position, sig.name) == ("KT", "PHÓ CHỦ TỊCH", "Nguyễn Đăng Bình")
    assert names(doc) == ["Như Điều 3", "Bộ Công Thương"]
    assert doc.archive is not None and doc.archive.units == ["VT", "KT"]


def test_regulation_printed_with_its_own_header_starts_at_that_header():
    # the issuer and quốc hiệu above "QUY ĐỊNH" are the attachment's, not a second signature
    doc = parse(QD_CLOSING, head=QD_HEAD, body=QD_BODY, after=(
        "", "ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "---------------", "", *ISSUED_REGULATION))
    assert len(doc.signatures) == 1 and doc.notes == []
    (att,) = doc.attachments
    assert att.doc_type is not None and att.doc_type.name == "Quy định"
    assert att.title == "Quản lý cụm công nghiệp trên địa bàn tỉnh Bắc Kạn"
    assert [n.label for n in att.body] == ["Chương I"]


@pytest.mark.parametrize("head", [("**PHỤ", "LỤC**"), ("PHỤ LỤC",)], ids=["wrapped-in-its-words", "one-line"])
@pytest.mark.parametrize("issued", [("*(Ban hành kèm", "theo Kế hoạch số 155/KH-UBND ngày 27/3/2020)*"),
                                    ("(*Ban", "hành kèm theo Kế hoạch số 155/KH-UBND ngày 27/3/2020)*")],
                         ids=["wrapped-after-kem", "wrapped-after-ban"])
def test_appendix_heading_and_issued_with_line_wrapped(head, issued):
    doc = parse((*NOI_NHAN, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lý Thái Hải"), after=(
        *head, *issued, "DANH MỤC NHIỆM VỤ", "1. Rà soát quy hoạch phát triển hạ tầng số."))
    assert [(s.position, s.name) for s in doc.signatures] == [("CHỦ TỊCH", "Lý Thái Hải")]
    (att,) = doc.attachments
    assert att.kind == "appendix"
    assert att.issued_with == "Ban hành kèm theo Kế hoạch số 155/KH-UBND ngày 27/3/2020"
    assert doc.notes == []


def test_plan_attached_without_its_kem_theo_line():
    doc = parse(QD_CLOSING, head=QD_HEAD, body=QD_BODY, after=(
        "", "**KẾ HOẠCH**", "XUẤT KHẨU SẢN PHẨM HÀNG HÓA TỈNH BẮC KẠN GIAI ĐOẠN 2026 -", "2030", "",
        "I. MỤC TIÊU", "1. Duy trì tốc độ tăng trưởng xuất khẩu ổn định.",
        # a form printed inside the plan is part of it, not another attachment
        "PHỤ LỤC", "(Kèm theo Kế hoạch số 12/KH-UBND)", "BÁO CÁO", "KẾT QUẢ THỰC HIỆN KẾ HOẠCH", "1. Kết quả đạt được."))
    assert len(doc.signatures) == 1 and doc.notes == []
    plan, appendix = doc.attachments
    assert plan.doc_type is not None and plan.doc_type.code == "KH"
    assert plan.title == "XUẤT KHẨU SẢN PHẨM HÀNG HÓA TỈNH BẮC KẠN GIAI ĐOẠN 2026 - 2030"
    assert [n.label for n in plan.body] == ["I"]
    assert appendix.kind == "appendix" and appendix.issued_with == "Kèm theo Kế hoạch số 12/KH-UBND"


def test_issued_with_line_with_kem_mistyped():
    doc = parse((*NOI_NHAN, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lý Thái Hải"), after=(
        "DANH SÁCH XÃ, PHƯỜNG MIỀN NÚI", "(Ban hành kem theo Quyết định số 2003/QĐ-UBND)", "STT", "Tên xã"))
    (att,) = doc.attachments
    assert att.issued_with == "Ban hành kem theo Quyết định số 2003/QĐ-UBND"
    assert len(doc.signatures) == 1


def test_words_nơi_nhận_in_a_sentence_do_not_start_a_closing():
    doc = parse(QD_CLOSING, head=QD_HEAD, body=QD_BODY, after=("", *ISSUED_REGULATION[:-1],
                                                              "Nơi nhận kết quả.",
                                                              "- Tại Bộ phận Một cửa;",
                                                              "Điều 3. Hồ sơ",
                                                              "Hồ sơ gồm đơn đề nghị."))
    (att,) = doc.attachments
    assert [c.label for c in att.body[0].children] == ["Điều 1", "Điều 2", "Điều 3"]
    assert att.recipients == [] and att.signatures == []


def test_plan_issued_with_decision_and_its_own_signature():
    plan = (
        "KẾ HOẠCH",
        "Thực hiện chuyển đổi số tỉnh Bắc Kạn năm 2025",
        "(Kèm theo Quyết định số 84/2025/QĐ-UBND ngày 15 tháng 8 năm 2025 của Ủy ban nhân dân tỉnh)",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao nhận thức của cán bộ, công chức.",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Đăng Bình",
    )
    doc = parse(QD_CLOSING, head=QD_HEAD, body=QD_BODY, after=("", *plan))
    assert len(doc.attachments) == 1
    att = doc.attachments[0]
    assert att.kind == "issued_with"
    assert att.doc_type is not None and att.doc_type.code == "KH"
    assert att.title == "Thực hiện chuyển đổi số tỉnh Bắc Kạn năm 2025"
    assert [n.label for n in att.body] == ["I"]
    assert [s.name for s in att.signatures] == ["Nguyễn Đăng Bình"]
    assert len(doc.signatures) == 1
    assert [n.label for n in doc.body] == ["Điều 1", "Điều 2", "Điều 3"]


def test_attachment_span_inside_source():
    text = make_doc(SIGNED, after=("", *APPENDIX_I))
    doc = vbhc.parse(text)
    att = doc.attachments[0]
    assert text[att.span.start:att.span.end].startswith("PHỤ LỤC I")
    assert text[att.span.start:att.span.end].rstrip().endswith("dùng chung của tỉnh.")


def test_attachment_keeps_its_own_signature_and_recipients():
    text = "\n".join((
        "ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/QĐ-UBND", "Bắc Kạn, ngày 05 tháng 01 năm 2024", "", "QUYẾT ĐỊNH", "Ban hành Quy chế làm việc", "",
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.", "Điều 2. Quyết định có hiệu lực từ ngày ký./.",
        "Nơi nhận:", "- Như Điều 2;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An", "",
        "QUY CHẾ", "Làm việc của Ủy ban nhân dân tỉnh",
        "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh)",
        "Điều 1. Phạm vi điều chỉnh", "Quy chế này quy định nguyên tắc làm việc.",
        "Nơi nhận:", "- Các sở, ban, ngành;", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An",
    ))
    doc = vbhc.parse(text + "\n")
    assert [r.name for r in doc.recipients] == ["Như Điều 2"]
    (att,) = doc.attachments
    assert [r.name for r in att.recipients] == ["Các sở, ban, ngành"]
    assert [s.name for s in att.signatures] == ["Nguyễn Văn An"]


def test_text_after_a_forms_closing_inside_an_attachment_is_read_as_text():
    # a form's "Nơi nhận" inside an appendix: the procedures after it keep their numbering and their
    # wrapped lines, and a second form's closing further down is kept
    doc = parse(SIGNED, after=(
        "", *APPENDIX_I[:3], "MẪU THÔNG BÁO", "Nơi nhận:", "- Như trên;", "- Lưu tại cơ sở.", "",
        "3. Thủ tục cấp giấy phép: hồ sơ nộp tại Sở Y", "tế nơi người đề nghị cư trú.", "",
        "Nơi nhận:", "- Như trên;", "", "4. Thủ tục gia hạn giấy phép.",
    ))
    (att,) = doc.attachments
    assert [r.name for r in att.recipients] == ["Như trên"]
    clauses = [(n.label, n.text) for n in att.body if n.label]
    assert clauses == [("3", "Thủ tục cấp giấy phép: hồ sơ nộp tại Sở Y tế nơi người đề nghị cư trú."),
                       ("4", "Thủ tục gia hạn giấy phép.")]
    assert "- Như trên;" in [n.text for n in att.body]


CLOSING_LINES = ["Nơi nhận:", "Nơi", "nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                 "PHÓ CHỦ TỊCH", "CHỦ TỊCH", "Nguyễn Văn An", "(Đã ký)", "Tổ chức thực hiện kế hoạch.", "NƠI NHẬN:",
                 "II. TỔ CHỨC THỰC HIỆN", "a) Sở Nội vụ", "Ký", "nơi nhận", "GIÁM ĐỐC", "Trần Thị B"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CLOSING_LINES), max_size=25))
def test_first_closing_finds_what_a_test_of_every_line_finds(texts):
    from vbhc.closing import first_closing, starts_closing
    from vbhc.lines import tokenize

    g = grammar()
    lines = tokenize("\n".join(texts), g)
    naive = next((i for i in range(len(lines)) if starts_closing(lines, i, g)), len(lines))
    assert first_closing(lines, 0, len(lines), g) == naive


# --------------------------------------------------------------------------- review of the closing

@pytest.mark.parametrize("mark", ["(Ký, đóng dấu)", "(ký, đóng dấu)", "(Ký và ghi rõ họ tên)", "Ký tên, đóng dấu",
                                  "(Đã ký)", "[daky]"])
def test_a_signing_mark_between_title_and_name_keeps_the_name(mark):
    doc = parse(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", mark, "Nguyễn Văn An", *NOI_NHAN))
    (sig,) = doc.signatures
    assert (sig.position, sig.name, sig.placeholder) == ("PHÓ CHỦ TỊCH", "Nguyễn Văn An", mark)


def test_a_heading_after_a_signed_block_is_no_second_signature():
    doc = parse((*NOI_NHAN, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An", "", "BIỂU TỔNG HỢP KINH PHÍ"))
    assert [s.name for s in doc.signatures] == ["Nguyễn Văn An"]
    assert "BIỂU TỔNG HỢP KINH PHÍ" in content_strings(doc)  # kept, not lost


def test_a_second_signer_after_a_signed_block_is_a_signature():
    doc = parse(("KT. BỘ TRƯỞNG BỘ TÀI CHÍNH", "THỨ TRƯỞNG", "Nguyễn Văn A", "KT. BỘ TRƯỞNG BỘ NỘI VỤ", "THỨ TRƯỞNG",
                 "Trần Văn B", *NOI_NHAN))
    assert [(s.authority, s.name) for s in doc.signatures] == [
        ("BỘ TRƯỞNG BỘ TÀI CHÍNH", "Nguyễn Văn A"), ("BỘ TRƯỞNG BỘ NỘI VỤ", "Trần Văn B")]


@pytest.mark.parametrize(("prefix", "position"), [("KT. CHỦ TỊCH", None), ("TM. ỦY BAN NHÂN DÂN", None),
                                                  ("Q. GIÁM ĐỐC", "GIÁM ĐỐC")])
def test_a_prefix_without_a_title_line_gives_no_position_but_the_post_held(prefix, position):
    doc = parse((prefix, "Trần Văn Bình", *NOI_NHAN))
    (sig,) = doc.signatures
    assert (sig.position, sig.name) == (position, "Trần Văn Bình")


@pytest.mark.parametrize(("lines", "expected"), [
    (("Kính gửi:", "Công Ty TNHH Khuôn Mẫu Yong Hong;"), ["Công Ty TNHH Khuôn Mẫu Yong Hong"]),
    (("Kính gửi:", "Ông Nguyễn Văn A"), ["Ông Nguyễn Văn A"]),
    (("Kính gửi:", "Đồng chí Bí thư Đảng ủy các xã"), ["Đồng chí Bí thư Đảng ủy các xã"]),
    (("Kính gửi: Các sở, ban, ngành tỉnh;", "Ủy ban nhân dân các xã, phường."),
     ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"]),
    (("Kính gửi: Sở Tài chính; Sở Nội vụ.",), ["Sở Tài chính", "Sở Nội vụ"]),
])
def test_kinh_gui_addressees(lines, expected):
    head = ("ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Số: 1234/UBND-KT", "V/v triển khai công tác phòng chống thiên tai", "Bắc Ninh, ngày 05 tháng 11 năm 2025",
            "", *lines, "")
    doc = vbhc.parse(make_doc(("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "CHỦ TỊCH", "Lý Thái Hải"), head=head,
                              body=("Ủy ban nhân dân tỉnh đề nghị thực hiện./.",)))
    assert doc.addressees == expected
    assert "Ủy ban nhân dân tỉnh đề nghị thực hiện./." in body_text(doc)


@pytest.mark.parametrize("banner", [("FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN",), ("FILE ĐƯỢC ĐÍNH", "KÈM THEO VĂN BẢN")])
def test_the_sites_attachment_banner_is_page_furniture(banner):
    doc = parse(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An", *NOI_NHAN), after=("", *banner, "plan.pdf"))
    assert doc.attachments == [] and len(doc.signatures) == 1
    assert not any("ĐÍNH" in s for s in content_strings(doc))


@pytest.mark.parametrize("label", [("PHỤ LỤC 01",), ("PHỤ", "LỤC 01")])
@pytest.mark.parametrize("title", ["QUY ĐỊNH MỘT SỐ CHẾ ĐỘ ĐỐI VỚI CÁN BỘ", "PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH",
                                   "CÁC THÔNG SỐ ĐƯỢC SỬ DỤNG TÍNH TOÁN"])
def test_an_appendix_label_alone_takes_the_title_below_it(label, title):
    doc = parse(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An", *NOI_NHAN),
                after=("", *label, title, "(Kèm theo Kế hoạch số 155/KH-UBND ngày 27 tháng 3 năm 2020 của UBND tỉnh)",
                       "", "I. NỘI DUNG", "1. Mức chi khám sức khỏe định kỳ."))
    assert [(a.kind, a.label, a.title) for a in doc.attachments] == [("appendix", "Phụ lục 01", title)]


def test_a_footnote_goes_on_until_it_ends_a_sentence():
    doc = parse(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An", *NOI_NHAN),
                after=("", "[1] Thông báo số 627/TB-VPCP của Văn phòng Chính phủ.", "[2] Bộ",
                       "Giáo dục và Đào tạo, Bộ Ngoại giao.", "[3] Từ", "0h sáng đến 6h sáng."))
    assert [(n.kind, n.label, n.text) for n in doc.notes] == [
        ("footnote", "1", "Thông báo số 627/TB-VPCP của Văn phòng Chính phủ."),
        ("footnote", "2", "Bộ Giáo dục và Đào tạo, Bộ Ngoại giao."), ("footnote", "3", "Từ 0h sáng đến 6h sáng.")]


def test_a_second_signer_printed_in_capitals_is_a_signature():
    doc = parse((*NOI_NHAN, "GIÁM ĐỐC SỞ Y TẾ", "Nguyễn Văn A", "GIÁM ĐỐC SỞ TÀI CHÍNH", "TRẦN VĂN B", "",
                 "KINH PHÍ DỰ ÁN"))
    assert [(s.position, s.name) for s in doc.signatures] == [("GIÁM ĐỐC SỞ Y TẾ", "Nguyễn Văn A"),
                                                             ("GIÁM ĐỐC SỞ TÀI CHÍNH", "TRẦN VĂN B")]


def test_a_heading_after_a_signing_mark_is_no_title_of_the_signer():
    doc = parse((*NOI_NHAN, "CHỦ TỊCH HỘI ĐỒNG", "(Ký tên, đóng dấu)", "", "BIỂU TỔNG HỢP KINH PHÍ"))
    assert [(s.position, s.placeholder) for s in doc.signatures] == [("CHỦ TỊCH HỘI ĐỒNG", "(Ký tên, đóng dấu)")]


@pytest.mark.parametrize(("lines", "expected"), [
    (("Kính gửi: Sở Tài chính;", "Trường hợp các đơn vị chưa gửi báo cáo thì gửi trước ngày 15/12/2025."),
     ["Sở Tài chính"]),
    (("Kính gửi: Ông Nguyễn Văn A;", "Công ty TNHH ABC có văn bản số 12/CV ngày 1/1/2025 đề nghị giải quyết."),
     ["Ông Nguyễn Văn A"]),
    (("Kính gửi: Sở Y tế (Phòng Nghiệp vụ; Phòng Tổ chức).",), ["Sở Y tế (Phòng Nghiệp vụ; Phòng Tổ chức)"]),
])
def test_a_body_sentence_after_kinh_gui_is_no_addressee(lines, expected):
    head = ("ỦY BAN NHÂN DÂN", "TỈNH X", "Số: 1/UBND-KT", "V/v triển khai", "", *lines, "")
    doc = vbhc.parse(make_doc(("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "CHỦ TỊCH", "Lý Thái Hải"), head=head,
                              body=("Ủy ban nhân dân tỉnh đề nghị thực hiện./.",)))
    assert doc.addressees == expected


@pytest.mark.parametrize(("raw", "units", "drafter"), [
    ("VT, P.KT.", ["VT", "P.KT"], None), ("VT, MT.100.", ["VT", "MT.100"], None),
    # a body's word after the code is the unit's name ("VP Sở"), a person's name the drafter
    ("VT, VP Sở.", ["VT", "VP Sở"], None), ("VT, NC Ngân.", ["VT", "NC"], "Ngân")])
def test_a_units_own_dot_is_kept(raw, units, drafter):
    from vbhc.closing import parse_archive
    got = parse_archive(raw)
    assert (got["units"], got["drafter"]) == (units, drafter)
