"""Tables inside the body: a web page's `|` cell lines (one between cells, two between rows, one
before and after the table) and the tables Word, PDF and HTML readers write the same way become
a ``table`` node of ``row`` nodes of ``cell`` nodes, under the item they stand in, instead of a
paragraph per cell; the text after a table is never one of its cells."""

from __future__ import annotations

import vbhc
from vbhc.models import Document, Node

from test_body import make_doc, outline


def cells(*rows: tuple[str, ...]) -> tuple[str, ...]:
    """The lines a web page prints for a table: `|` before and after it and between cells, two
    between rows. A cell of several paragraphs is a string with line ends in it."""
    out: list[str] = ["|"]
    for k, row in enumerate(rows):
        if k:
            out += ["|", "|"]
        for m, cell in enumerate(row):
            if m:
                out.append("|")
            out.extend(cell.split("\n"))
    out.append("|")
    return tuple(out)


def parse(body: tuple[str, ...]) -> Document:
    doc = vbhc.parse(make_doc(body))
    assert doc.family != "other"
    return doc


def tables(nodes: list[Node]) -> list[Node]:
    return [n for top in nodes for n in top.walk() if n.kind == "table"]


def grid(table: Node) -> list[list[str]]:
    """A table's cells as text: a cell of several blocks as its outline joined with " / "."""
    assert [row.kind for row in table.children] == ["row"] * len(table.children)
    out = []
    for row in table.children:
        assert all(c.kind == "cell" for c in row.children)
        out.append([c.text if c.text is not None else " / ".join(outline(c.children)) for c in row.children])
    return out


TASKS = (
    ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"),
    ("1.", "Xây dựng kế hoạch chuyển đổi số", "Sở Khoa học và Công nghệ", "30/6/2025"),
    ("2.", "Rà soát thủ tục hành chính", "Văn phòng UBND tỉnh", "31/12/2025"),
)


def test_a_table_under_an_item_is_one_node_and_its_row_numbers_are_no_items():
    doc = parse(("1. Các nhiệm vụ chậm muộn", *cells(*TASKS), "2. Các nhiệm vụ đã hoàn thành",
                 "Các đơn vị báo cáo kết quả về Sở Nội vụ."))
    assert [n.marker for n in doc.body] == ["1.", "2."]  # the rows' "1." and "2." are cells
    [table] = tables(doc.body)
    assert doc.body[0].children == [table]
    assert grid(table) == [list(r) for r in TASKS]
    assert doc.body[1].children[0].text == "Các đơn vị báo cáo kết quả về Sở Nội vụ."


def test_spans_nest_and_each_cell_is_its_text_in_the_source():
    text = make_doc(("I. NHIỆM VỤ", *cells(*TASKS), "II. TỔ CHỨC THỰC HIỆN"))
    [table] = tables(vbhc.parse(text).body)
    assert table.span.start <= table.children[0].span.start and table.children[-1].span.end <= table.span.end
    last = table.span.start
    for row in table.children:
        for cell in row.children:
            assert last <= cell.span.start <= cell.span.end
            assert text[cell.span.start:cell.span.end] == cell.text
            last = cell.span.end


def test_the_text_after_a_table_and_the_next_tables_header_are_not_cells():
    # "| 30/09/2025 | 2. Các nhiệm vụ … | STT | …": the page's single `|` after the last row
    # looks like the one between cells
    other = (("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"),
             ("1.", "Ban hành quy chế phối hợp", "Sở Tư pháp", "15/10/2025"))
    for between in (cells(*TASKS), cells(*TASKS)[:-1]):  # and a page that left out that `|`
        doc = parse(("1. Các nhiệm vụ về khoa học", *between, "2. Các nhiệm vụ về chuyển đổi số",
                     *cells(*other)))
        assert [n.marker for n in doc.body] == ["1.", "2."]
        assert grid(tables(doc.body[0:1])[0]) == [list(r) for r in TASKS]
        assert grid(tables(doc.body[1:2])[0]) == [list(r) for r in other]


def test_a_last_row_narrower_than_the_table_keeps_the_text_after_it_out():
    # "… | Tổng thời gian | 03 ngày | B. LĨNH VỰC … | Thứ tự | Nội dung | …": where the rows
    # that follow say the next table starts
    steps = (("Thứ tự", "Nội dung", "Đơn vị thực hiện", "Thời gian"),
             ("Bước 1", "Tiếp nhận hồ sơ", "Bộ phận một cửa", "0,5 ngày"),
             ("Bước 2", "Thẩm định hồ sơ", "Phòng chuyên môn", "2 ngày"),
             ("Tổng thời gian giải quyết", "03 ngày làm việc"))
    nxt = (("Thứ tự", "Nội dung", "Đơn vị thực hiện", "Thời gian"),
           ("Bước 1", "Tiếp nhận hồ sơ", "Bộ phận một cửa", "0,5 ngày"),
           ("Bước 2", "Trả kết quả", "Bộ phận một cửa", "0,5 ngày"))
    doc = parse(("I. QUY TRÌNH NỘI BỘ", *cells(*steps), "**Quy trình số 02: cấp lại giấy phép**", *cells(*nxt)))
    first, second = tables(doc.body)
    assert grid(first) == [list(r) for r in steps]
    assert grid(second) == [list(r) for r in nxt]
    assert "Quy trình số 02: cấp lại giấy phép" in [n.text for n in doc.body[0].children]


def test_an_empty_line_ends_a_table():
    rows = (*TASKS, ("Tổng cộng", "02 nhiệm vụ"))  # a last row narrower than the table
    doc = parse(("I. NHIỆM VỤ", *cells(*rows), "", "Các sở báo cáo kết quả thực hiện trước ngày 15/12.",
                 "Văn phòng UBND tỉnh tổng hợp."))
    [table] = tables(doc.body)
    assert grid(table) == [list(r) for r in rows]
    assert [c.text for c in doc.body[0].children[1:]] == [
        "Các sở báo cáo kết quả thực hiện trước ngày 15/12.", "Văn phòng UBND tỉnh tổng hợp."]


def test_an_article_after_a_table_is_never_inside_a_cell():
    # the last row is short (its first cells span from the row above), so the sentence after the
    # table reads as one more cell; the article after it shows that it was not
    fees = (("STT", "Cấp học", "Nông thôn", "Thành thị"), ("1", "Mầm non", "80", "120"),
            ("2", "Tiểu học", "80", "120"), ("Trung học cơ sở", "100", "150"))
    doc = parse(("Điều 1. Mức học phí", *cells(*fees), "Mức học phí trên là mức thu tối đa.",
                 "Điều 2. Tổ chức thực hiện", "Giao Sở Giáo dục và Đào tạo hướng dẫn thực hiện."))
    assert [n.label for n in doc.body] == ["Điều 1", "Điều 2"]
    [table] = tables(doc.body)
    assert grid(table) == [list(r) for r in fees]
    assert doc.body[0].children[-1].text == "Mức học phí trên là mức thu tối đa."


def test_the_next_item_of_a_list_open_above_the_table_is_not_a_cell():
    # the last row is short (its first cell spans two rows), so the width cannot tell
    fees = (("STT", "Cấp học", "Nông thôn", "Thành thị"), ("1", "Mầm non", "80", "120"),
            ("2", "Phổ thông", "", ""), ("Tiểu học", "80", "120"))
    lines = list(cells(*fees))
    lines.remove("")  # the empty cells of the "2 | Phổ thông" row print nothing between their `|`
    lines.remove("")
    doc = parse(("Điều 1. Mức học phí", "1. Mức học phí năm học 2025 - 2026:", *lines,
                 "2. Mức học phí học trực tuyến bằng mức học phí quy định tại khoản 1.",
                 "3. Mức hỗ trợ học phí", "Ngân sách cấp bù theo quy định."))
    article = doc.body[0]
    assert [c.marker for c in article.children] == ["1.", "2.", "3."]
    [table] = tables(doc.body)
    assert grid(table)[-1] == ["Tiểu học", "80", "120"]


def test_rows_of_one_cell_are_a_frame_not_a_table():
    # a notice printed in a box: each row one cell, one row of two
    box = (("Ký, mã hiệu: CPX", "Nhà sản xuất: SUHIL"), ("Tên thương mại: Thanh đèn LED",),
           ("Tên gọi: Thanh đèn LED dùng trong sản xuất",), ("Mô tả: đèn chiếu sáng",))
    doc = parse(("Cục Hải quan thông báo kết quả như sau:", *cells(*box), "", "Mã số 9405.42.90."))
    assert tables(doc.body) == []
    assert "Nhà sản xuất: SUHIL" in [c.text for c in doc.body]


def test_a_heading_printed_in_the_tables_frame_is_not_its_first_cell():
    # "| **1. Hàng hóa …:** | STT | Tên hàng | Mã số | | 1 | …": the heading shares the table's frame
    goods = (("STT", "Tên hàng", "Mã số"), ("1", "Thanh đèn LED", "9405.42.90"), ("2", "Bóng đèn", "8539.52.00"))
    lines = cells(*goods)
    doc = parse(("Cục Hải quan thông báo kết quả như sau:", "|", "**1. Hàng hóa đề nghị xác định trước mã số:**",
                 *lines, "", "2. Hiệu lực", "Thông báo có hiệu lực kể từ ngày ký."))
    assert [n.marker for n in doc.body if n.marker] == ["1.", "2."]
    [table] = tables(doc.body)
    assert grid(table) == [list(r) for r in goods]


def test_an_empty_cell_in_a_numbered_table_keeps_its_row_whole():
    # "| 2 | Rà soát … | | Văn phòng UBND tỉnh |": the page prints an empty cell as a row break
    rows = (("STT", "Nhiệm vụ", "Cơ quan phối hợp", "Cơ quan chủ trì"),
            ("1", "Xây dựng kế hoạch", "Sở Tài chính", "Sở Nội vụ"),
            ("2", "Rà soát thủ tục", "", "Văn phòng UBND tỉnh"),
            ("3", "Tổng hợp báo cáo", "Các sở", "Sở Nội vụ"))
    lines = list(cells(*rows))
    lines.remove("")
    [table] = tables(parse(("I. NHIỆM VỤ", *lines)).body)
    assert grid(table) == [list(r) for r in rows]


def test_a_header_narrower_than_its_rows_keeps_the_rows_whole():
    # "Thời gian" spans two columns: the header has one cell fewer than the rows below it
    rows = (("STT", "Nội dung", "Thời gian", "Ghi chú"),
            ("1", "Khảo sát hiện trạng", "Quý I", "Quý II", "Sở Nội vụ"),
            ("2", "Xây dựng đề án", "Quý III", "Quý IV", "Sở Tài chính"))
    [table] = tables(parse(("I. TIẾN ĐỘ", *cells(*rows), "", "II. KINH PHÍ")).body)
    assert [len(r) for r in grid(table)] == [4, 5, 5]


def test_a_cell_of_several_paragraphs_holds_their_tree():
    rows = (("STT", "Thủ tục", "Cách thức thực hiện"),
            ("1", "Cấp giấy chứng nhận", "- Trực tiếp;\n- Qua dịch vụ bưu chính công ích;\n- Trực tuyến."))
    [table] = tables(parse(("I. DANH MỤC", *cells(*rows))).body)
    cell = table.children[1].children[2]
    assert cell.text is None
    assert outline(cell.children) == ["- Trực tiếp;", "- Qua dịch vụ bưu chính công ích;", "- Trực tuyến."]


def test_an_html_table_ends_where_the_page_says(tmp_path):
    page = ("<html><body><div class='content1'>"
            "<p>ỦY BAN NHÂN DÂN</p><p>TỈNH BẮC KẠN</p><p>Số: 155/KH-UBND</p>"
            "<p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p>"
            "<p>Bắc Kạn, ngày 27 tháng 3 năm 2020</p><p>KẾ HOẠCH</p><p>Triển khai chuyển đổi số</p>"
            "<p>I. NHIỆM VỤ</p>"
            "<table><tr><td>STT</td><td>Nhiệm vụ</td><td>Cơ quan chủ trì</td></tr>"
            "<tr><td>1</td><td>Xây dựng kế hoạch</td><td>Sở Nội vụ</td></tr>"
            "<tr><td>2</td><td>Tổng hợp</td><td>Sở Tài chính</td></tr>"
            "<tr><td colspan=2>Tổng cộng</td><td>02 nhiệm vụ</td></tr></table>"
            "<p>Các sở báo cáo kết quả.</p><p>Văn phòng UBND tỉnh tổng hợp, báo cáo Chủ tịch.</p>"
            "<p>TM. ỦY BAN NHÂN DÂN</p><p>CHỦ TỊCH</p><p>Lý Thái Hải</p>"
            "</div></body></html>")
    path = tmp_path / "kh.html"
    path.write_text(page, encoding="utf-8")
    doc = vbhc.parse_file(str(path))
    [table] = tables(doc.body)
    assert grid(table) == [["STT", "Nhiệm vụ", "Cơ quan chủ trì"], ["1", "Xây dựng kế hoạch", "Sở Nội vụ"],
                           ["2", "Tổng hợp", "Sở Tài chính"], ["Tổng cộng", "02 nhiệm vụ"]]
    assert [c.text for c in doc.body[0].children[1:]] == [
        "Các sở báo cáo kết quả.", "Văn phòng UBND tỉnh tổng hợp, báo cáo Chủ tịch."]


def test_task_rows_are_still_read_from_a_table_in_the_body():
    doc = parse(("I. NHIỆM VỤ", *cells(*TASKS)))
    rows = [(a.lead, a.task, a.deadline.end if a.deadline else None) for a in doc.assignments if a.phrase == "table"]
    assert rows == [(["Sở Khoa học và Công nghệ"], "Xây dựng kế hoạch chuyển đổi số", "2025-06-30"),
                    (["Văn phòng UBND tỉnh"], "Rà soát thủ tục hành chính", "2025-12-31")]


def test_the_tree_rendering_prints_a_table_row_by_row():
    from vbhc.render import tree

    out = tree(parse(("I. NHIỆM VỤ", *cells(*TASKS))))
    assert "[table] 3 rows, 4 columns" in out
    assert "| 2. | Rà soát thủ tục hành chính | Văn phòng UBND tỉnh | 31/12/2025 |" in out


def test_documents_listed_in_a_table_under_a_repeal_are_repealed():
    doc = parse(("Điều 1. Bãi bỏ toàn bộ các quyết định sau của Ủy ban nhân dân tỉnh:",
                 *cells(("STT", "Số, ký hiệu", "Trích yếu"),
                        ("1", "Quyết định số 10/2016/QĐ-UBND", "Quy định về quản lý, phát triển và khai thác chợ "
                                                               "trên địa bàn tỉnh, phân cấp quản lý chợ cho cấp xã"),
                        ("2", "Quyết định số 14/2019/QĐ-UBND", "Quy định về giá dịch vụ sử dụng diện tích bán hàng "
                                                               "tại chợ do Nhà nước đầu tư trên địa bàn tỉnh"),
                        ("3", "Quyết định số 22/2020/QĐ-UBND", "Sửa đổi Quyết định số 14/2019/QĐ-UBND")),
                 "", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."))
    assert [(r.number, r.relation) for r in doc.references if r.kind == "full"][:3] == [
        ("10/2016/QĐ-UBND", "bãi bỏ"), ("14/2019/QĐ-UBND", "bãi bỏ"), ("22/2020/QĐ-UBND", "bãi bỏ")]


def test_a_header_of_two_rows_keeps_the_wider_rows_below_it_whole():
    # "Năm 2025" and "Giai đoạn 2026 - 2030" span columns: the header rows are narrower than the data
    rows = (("STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Giai đoạn 2026 - 2030"),
            ("Kế hoạch", "Ước thực hiện", "Kế hoạch", "Ước thực hiện"),
            ("1", "Tổng sản phẩm", "tỷ đồng", "120", "118", "150", "149", "160", "158"),
            ("2", "Thu ngân sách", "tỷ đồng", "20", "21", "25", "26", "30", "31"),
            ("3", "Vốn đầu tư", "tỷ đồng", "40", "39", "45", "44", "50", "52"))
    [table] = tables(parse(("I. CHỈ TIÊU", *cells(*rows), "", "II. GIẢI PHÁP")).body)
    assert [len(r) for r in grid(table)] == [5, 4, 9, 9, 9]


def test_a_list_a_cell_opens_goes_on_in_the_cell():
    # "1. Nộp hồ sơ" / "2. Kiểm tra hồ sơ" inside a step's cell, the table under the document's "1."
    rows = (("Thứ tự", "Nội dung công việc", "Thời gian"),
            ("Bước 1", "1. Nộp hồ sơ tại Trung tâm Phục vụ hành chính công.\n2. Kiểm tra tính đầy đủ của hồ sơ.",
             "0,5 ngày"),
            ("Bước 2", "Thẩm định hồ sơ", "02 ngày"))
    doc = parse(("1. Quy trình cấp giấy phép", *cells(*rows), "", "2. Quy trình cấp lại giấy phép",
                 "Thực hiện như quy trình cấp giấy phép."))
    assert [n.marker for n in doc.body] == ["1.", "2."]
    [table] = tables(doc.body)
    assert [r[0] for r in grid(table)] == ["Thứ tự", "Bước 1", "Bước 2"]
    assert grid(table)[1][1] == "1. Nộp hồ sơ tại Trung tâm Phục vụ hành chính công. / 2. Kiểm tra tính đầy đủ của hồ sơ."


def test_a_letterhead_printed_as_a_table_is_no_table():
    doc = parse(("Mẫu số 01", *cells(("TÊN CƠ QUAN, TỔ CHỨC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
                                      "Hạnh phúc"), ("Số: …/…", "…, ngày … tháng … năm …")), "",
                 "ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP"))
    assert tables(doc.body) == []


def test_sentences_after_a_narrow_last_row_are_not_its_cell():
    fees = (("STT", "Nội dung", "Mức thu (đồng)"), ("1", "Thẩm định hồ sơ", "100.000"),
            ("2", "Cấp giấy phép", "50.000"), ("Tổng cộng", "150.000"))
    doc = parse(("1. Mức thu phí:", *cells(*fees), "Mức thu trên đã bao gồm thuế giá trị gia tăng.",
                 "Phí được nộp vào ngân sách nhà nước.", "2. Tổ chức thực hiện"))
    [table] = tables(doc.body)
    assert grid(table) == [list(r) for r in fees]
    assert [c.text for c in doc.body[0].children[1:]] == [
        "Mức thu trên đã bao gồm thuế giá trị gia tăng.", "Phí được nộp vào ngân sách nhà nước."]


def _html_doc(tmp_path, body_html: str) -> Document:
    page = ("<html><body><div class='content1'>"
            "<p>ỦY BAN NHÂN DÂN</p><p>TỈNH BẮC KẠN</p><p>Số: 155/KH-UBND</p>"
            "<p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p>"
            "<p>Bắc Kạn, ngày 27 tháng 3 năm 2020</p><p>KẾ HOẠCH</p><p>Triển khai chuyển đổi số</p>"
            + body_html + "<p>TM. ỦY BAN NHÂN DÂN</p><p>CHỦ TỊCH</p><p>Lý Thái Hải</p></div></body></html>")
    path = tmp_path / "kh.html"
    path.write_text(page, encoding="utf-8")
    return vbhc.parse_file(str(path))


def test_tables_written_back_to_back_by_a_reader_stay_two(tmp_path):
    doc = _html_doc(tmp_path, "<p>I. CHỈ TIÊU</p>"
                    "<table><tr><td>STT</td><td>Nhiệm vụ</td><td>Cơ quan chủ trì</td></tr>"
                    "<tr><td>1</td><td>Xây dựng kế hoạch</td><td>Sở Nội vụ</td></tr></table>"
                    "<table><tr><td>Chỉ tiêu</td><td>Năm 2025</td></tr><tr><td>Hồ sơ trực tuyến</td><td>90%</td></tr>"
                    "</table><p>II. TỔ CHỨC THỰC HIỆN</p><p>Giao Sở Nội vụ theo dõi.</p>")
    assert [len(grid(t)[0]) for t in tables(doc.body)] == [3, 2]


def test_a_form_header_written_as_regions_keeps_the_items_after_it(tmp_path):
    # a reader writes a layout table (letterhead) region by region; the items after it are the
    # document's, and the data table after them is a table of its own
    doc = _html_doc(tmp_path, "<p>I. MẪU BÁO CÁO</p>"
                    "<table><tr><td><p>SỞ NỘI VỤ</p><p>Số: …/BC</p></td>"
                    "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr></table>"
                    "<p>1. Tình hình thực hiện nhiệm vụ</p><p>a) Kết quả đạt được.</p><p>b) Tồn tại, hạn chế.</p>"
                    "<p>2. Số liệu cụ thể:</p>"
                    "<table><tr><td>STT</td><td>Chỉ tiêu</td><td>Kết quả</td></tr>"
                    "<tr><td>1</td><td>Hồ sơ tiếp nhận</td><td>120</td></tr></table>"
                    "<p>II. ĐỀ XUẤT</p>")
    section = doc.body[0]
    assert [c.marker for c in section.children if c.marker] == ["1.", "2."]
    [table] = tables(doc.body)
    assert grid(table)[0] == ["STT", "Chỉ tiêu", "Kết quả"]


def test_a_formula_laid_out_in_a_grid_is_no_table():
    doc = parse(("1. Mức lương bình quân được tính như sau:", *cells(("Mbqtl", "=", "Tổng các mức lương đóng bảo hiểm",
                                                                       "+", "Tổng số tháng đóng"),
                                                                      ("Tổng số tháng", "+", "Số tháng")),
                 "", "2. Tổ chức thực hiện"))
    assert tables(doc.body) == []
    doc = parse(("1. Mức thu được tính theo công thức:", *cells(("Nt = Nb -", "(Nb - Na)", "x (Gb - Gt)"),
                                                               ("(Gb - Ga)",)), "", "Trong đó: Nt là mức thu."))
    assert tables(doc.body) == []


def test_an_article_after_the_tables_closing_bar_is_not_a_cell():
    steps = (("Bước", "Nội dung", "Thời gian", "Kết quả"), ("Bước 1", "Tiếp nhận hồ sơ", "0,5 ngày", "Phiếu hẹn"),
             ("Bước 2", "Thẩm định hồ sơ", "02 ngày", "Tờ trình"), ("Tổng thời gian", "2,5 ngày"))
    doc = parse(("Điều 9. Cấp giấy phép", *cells(*steps), "Mục 2. CẤP LẠI GIẤY PHÉP", "Thực hiện như Điều 9."))
    assert [n.label for n in doc.body] == ["Điều 9", "Mục 2"]
    assert [len(grid(t)) for t in tables(doc.body)] == [4]


def test_a_group_row_that_opens_with_a_roman_number_stays_in_the_table():
    rows = (("TT", "Chỉ tiêu", "Chủ trì"), ("I. Kinh tế số",), ("1", "Kinh tế số chiếm 45% GRDP", "Sở Tài chính"),
            ("II. Xã hội số",), ("1", "Phủ sóng 5G đạt 100% dân số", "Sở Khoa học và Công nghệ"))
    [table] = tables(parse(("PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU", *cells(*rows), "", "Các sở báo cáo kết quả.")).body)
    assert grid(table) == [list(r) for r in rows]


def test_short_upper_case_and_long_last_cells_stay_in_the_table():
    rows = (("STT", "Nhiệm vụ", "Chủ trì"), ("1", "Tổng hợp báo cáo năm", "Sở Nội vụ"), ("2", "Thẩm tra dự thảo", "HĐND"))
    [table] = tables(parse(("1. Phân công:", *cells(*rows), "", "2. Tổ chức thực hiện")).body)
    assert grid(table) == [list(r) for r in rows]
    notes = (("STT", "Nội dung", "Ghi chú"), ("1", "Rà soát hồ sơ", "Thực hiện theo quy trình chung của tỉnh, "
                                                                   "bảo đảm đúng thời hạn quy định."),
             ("2", "Trả kết quả", "Trả kết quả trực tiếp hoặc qua dịch vụ bưu chính.\nNgười nhận ký vào sổ theo dõi "
                                  "và nhận bản chính giấy tờ đã nộp."))
    [table] = tables(parse(("1. Quy trình:", *cells(*notes), "", "2. Tổ chức thực hiện")).body)
    assert len(grid(table)) == 3 and len(grid(table)[-1]) == 3


def test_a_step_that_mentions_a_seal_keeps_its_table():
    rows = (("Bước", "Nội dung", "Thời gian"), ("Bước 1", "Chuyên viên trình hồ sơ", "0,5 ngày"),
            ("Bước 2", "Lãnh đạo Sở ký, đóng dấu văn bản trả lời cho tổ chức, cá nhân", "0,5 ngày"))
    [table] = tables(parse(("1. Quy trình nội bộ:", *cells(*rows), "", "2. Tổ chức thực hiện")).body)
    assert len(grid(table)) == 3


def test_a_first_cell_that_holds_a_numbered_list_is_the_tables():
    rows = (("1. Máy móc, thiết bị.\n2. Phụ tùng thay thế.", "10%"), ("Nhóm hàng nông nghiệp", "5%"),
            ("Nhóm hàng khác", "0%"))
    doc = parse(("Điều 2. Mức thuế suất áp dụng", *cells(*rows), "", "Điều 3. Hiệu lực thi hành"))
    [table] = tables(doc.body)
    assert [r[1] for r in grid(table)] == ["10%", "5%", "0%"]


def test_documents_listed_in_a_table_with_no_header_under_a_repeal_are_repealed():
    doc = parse(("Điều 1. Bãi bỏ toàn bộ các quyết định sau của Ủy ban nhân dân tỉnh:",
                 *cells(("1", "Quyết định số 10/2016/QĐ-UBND", "Quy định về quản lý, phát triển và khai thác chợ "
                                                              "trên địa bàn tỉnh, phân cấp quản lý chợ cho cấp xã"),
                        ("2", "Quyết định số 14/2019/QĐ-UBND", "Quy định về giá dịch vụ sử dụng diện tích bán hàng "
                                                              "tại chợ do Nhà nước đầu tư trên địa bàn tỉnh")),
                 "", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."))
    assert [(r.number, r.relation) for r in doc.references if r.kind == "full"][:2] == [
        ("10/2016/QĐ-UBND", "bãi bỏ"), ("14/2019/QĐ-UBND", "bãi bỏ")]


def test_a_comparison_table_of_articles_stays_a_table():
    rows = (("Quy định hiện hành", "Nội dung sửa đổi"), ("Điều 5. Phạm vi điều chỉnh", "Sửa đổi khoản 2"),
            ("Điều 7. Hồ sơ đề nghị", "Bãi bỏ điểm c"))
    doc = parse(("Điều 1. Sửa đổi Quy chế như sau:", *cells(*rows), "", "Điều 2. Hiệu lực thi hành"))
    assert [n.label for n in doc.body] == ["Điều 1", "Điều 2"]
    [table] = tables(doc.body)
    assert grid(table) == [list(r) for r in rows]


def test_a_signature_box_is_no_table_but_a_step_that_seals_is():
    doc = parse(("Mẫu số 02", *cells(("NGƯỜI LẬP BIỂU\n(Ký, ghi rõ họ tên)", "THỦ TRƯỞNG ĐƠN VỊ\n(Ký tên, đóng dấu)"),
                                     ("Nguyễn Văn A", "Trần Văn B")), "", "Ghi chú: lập 02 bản."))
    assert tables(doc.body) == []
    rows = (("Bước", "Nội dung", "Thời gian"), ("Bước 1", "Trình ký", "0,5 ngày"),
            ("Bước 2", "Văn thư đóng dấu, phát hành", "0,25 ngày"))
    [table] = tables(parse(("1. Quy trình nội bộ:", *cells(*rows), "", "2. Tổ chức thực hiện")).body)
    assert len(grid(table)) == 3


def test_fields_of_a_notice_in_a_frame_are_no_table():
    box = (("Tên thương mại: Thiết bị đeo tay thông minh",), ("Tên gọi theo cấu tạo, công dụng: Đồng hồ thông minh",),
           ("Ký, mã hiệu, chủng loại: SYN-B19", "Nhà sản xuất: Huawei Device Co., Ltd"))
    doc = parse(("1. Hàng hóa đề nghị xác định trước mã số:", *cells(*box), "", "2. Kết quả xác định"))
    assert tables(doc.body) == []
