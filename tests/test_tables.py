"""Task tables read from a web page's cells: the search for the first lead-column heading in
front of the reader (tables._first_header) never changes what is read. Checked against the
reader run over every line, on generated pages of cells."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vbhc import tables
from vbhc.grammar import grammar
from vbhc.lines import tokenize
from vbhc.normalize import normalize

CELLS = [
    "STT", "TT", "Nội dung", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan chủ", "trì", "CHỦ TRÌ", "Chủ trì",
    "Đơn vị chủ trì[1]", "Cơ quan phối hợp", "Phối hợp", "Thời gian hoàn thành", "Thời hạn", "Sản phẩm",
    "1", "2", "3", "I", "A.", "Sở Nội vụ", "Sở Tài chính; Sở Y tế", "UBND các xã, phường", "Rà soát thủ tục",
    "- Số hóa hồ sơ", "duy trì hệ thống", "Năm 2026", "31/12/2025", "Quý II/2026", "Thường xuyên", "",
    "Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức", "**Cơ quan chủ trì**",
]


def page(cells: list[str], breaks: list[int]) -> str:
    """Cells one or two lines each, `|` between them and, where ``breaks`` says, an empty
    cell (a row break) or plain text between."""
    out = ["Kế hoạch thực hiện"]
    for cell, brk in zip(cells, breaks):
        out.append(cell.replace(" ", "\n", 1) if brk == 3 else cell)
        out.append("|")
        if brk == 1:
            out.append("|")
        elif brk == 2:
            out.append("Văn bản giữa hai bảng.")
    return "\n".join(out) + "\n"


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(CELLS), st.integers(0, 3)), max_size=40))
def test_the_heading_search_never_hides_a_row(cells):
    lines = tokenize(normalize(page([c for c, _ in cells], [b for _, b in cells])).text, grammar())
    assert tables.extract(lines) == tables._read(lines)


def test_no_lead_heading_no_work():
    lines = tokenize("Sở Nội vụ\n|\nduy trì hệ thống\n|\n|\n1\n|\nRà soát\n", grammar())
    assert tables._first_header(lines) is None and tables.extract(lines) == []


def test_the_search_starts_at_the_row_of_the_heading():
    text = "Mở đầu\n|\nbảng khác\n|\n|\nSTT\n|\nNội dung\n|\nCơ quan\nchủ trì\n|\n|\n1\n|\nRà soát\n|\nSở Nội vụ\n"
    lines = tokenize(text, grammar())
    start = tables._first_header(lines)
    assert lines[start].text == "STT"
    (row,) = tables.extract(lines)
    assert (row.lead, row.task) == (["Sở Nội vụ"], "Rà soát")


def test_task_column_headings_as_plans_print_them():
    for heading in ("Nội dung/nhiệm vụ", "Tên dự án, nhiệm\nvụ", "Nhiệm vụ, giải pháp", "Nội dung chính", "Tên nhiệm vụ"):
        text = f"Mở đầu\n|\nSTT\n|\n{heading}\n|\nCơ quan chủ trì\n|\nCơ quan phối hợp\n|\n|\n1\n|\nRà soát thủ tục\n|\nSở Nội vụ\n|\nSở Tài chính\n"
        (row,) = tables.extract(tokenize(text, grammar()))
        assert (row.lead, row.task) == (["Sở Nội vụ"], "Rà soát thủ tục"), heading


def test_a_table_that_assigns_targets_to_their_leads():
    # "TT | Chỉ tiêu | Chủ trì": each target is the task of the body that leads it
    text = ("Mở đầu\n|\nTT\n|\nChỉ tiêu\n|\nChủ trì\n|\n|\nI. Kinh tế số\n|\n|\n1\n|\n"
            "Kinh tế số chiếm 45% GRDP tỉnh.\n|\nSở Tài chính\n|\n|\n2\n|\nTỷ lệ phủ sóng 5G đạt 100% dân số.\n|\n"
            "Sở Khoa học và Công nghệ\n")
    rows = tables.extract(tokenize(text, grammar()))
    assert [(r.lead, r.task, r.path) for r in rows] == [
        (["Sở Tài chính"], "Kinh tế số chiếm 45% GRDP tỉnh.", ["I. Kinh tế số", "1"]),
        (["Sở Khoa học và Công nghệ"], "Tỷ lệ phủ sóng 5G đạt 100% dân số.", ["I. Kinh tế số", "2"])]


def test_a_lead_cell_written_as_a_sentence_gives_its_names():
    text = ("Mở đầu\n|\nTT\n|\nChỉ tiêu\n|\nChủ trì\n|\n|\n1\n|\nTỷ lệ doanh nghiệp ứng dụng công nghệ số đạt 60%.\n|\n"
            "Sở KH&CN chủ trì hướng dẫn, tổng hợp; các sở, ngành thực hiện công bố dữ liệu\n|\n|\n2\n|\n"
            "Phát triển 05 bộ dữ liệu mở.\n|\nQuỹ Hỗ trợ phát triển hợp tác xã\n|\n|\n3\n|\nKết nối dữ liệu.\n|\n"
            "Bộ Nông nghiệp và Môi trường (chủ trì phần chính sách)\n")
    rows = tables.extract(tokenize(text, grammar()))
    assert [r.lead for r in rows] == [["Sở KH&CN"], ["Quỹ Hỗ trợ phát triển hợp tác xã"],
                                      ["Bộ Nông nghiệp và Môi trường (chủ trì phần chính sách)"]]


def test_a_lead_cell_written_as_a_sentence_with_a_list_of_verbs_gives_its_names():
    # the README's own example: no "chủ trì", the names then verbs after commas
    text = ("Mở đầu\n|\nTT\n|\nChỉ tiêu\n|\nChủ trì\n|\n|\n1\n|\nTỷ lệ doanh nghiệp ứng dụng công nghệ số đạt 60%.\n|\n"
            "Sở Khoa học và Công nghệ thúc đẩy, theo dõi\n|\n|\n2\n|\nĐào tạo kỹ năng số.\n|\n"
            "Sở Giáo dục và Đào tạo, Sở Tài chính tổng hợp, báo cáo chỉ tiêu\n|\n|\n3\n|\nKết nối dữ liệu.\n|\n"
            "Quỹ Hỗ trợ phát triển hợp tác xã, Sở Tài chính\n")
    rows = tables.extract(tokenize(text, grammar()))
    # a verb inside a name, then more names, is no sentence
    assert [r.lead for r in rows] == [["Sở Khoa học và Công nghệ"], ["Sở Giáo dục và Đào tạo", "Sở Tài chính"],
                                      ["Quỹ Hỗ trợ phát triển hợp tác xã", "Sở Tài chính"]]


def test_a_task_cell_names_the_partners_of_a_table_without_a_partner_column():
    text = ("Mở đầu\n|\nTT\n|\nNhiệm vụ\n|\nCơ quan chủ trì\n|\nThời hạn\n|\n|\n1\n|\n"
            "Chủ trì, phối hợp với Bộ Công an và các cơ quan liên quan hoàn thành cơ sở dữ liệu ngành.\n|\nBộ Y tế\n|\n"
            "31/10/2025\n|\n|\n2\n|\nCùng với việc rà soát hồ sơ, cắt giảm thủ tục.\n|\nBộ Tư pháp\n|\n31/8/2025\n")
    rows = tables.extract(tokenize(text, grammar()))
    assert [(r.lead, r.partners, r.task) for r in rows] == [
        (["Bộ Y tế"], ["Bộ Công an", "các cơ quan liên quan"], "hoàn thành cơ sở dữ liệu ngành."),
        # "cùng với việc …" names no body: the cell is the task
        (["Bộ Tư pháp"], [], "Cùng với việc rà soát hồ sơ, cắt giảm thủ tục.")]
