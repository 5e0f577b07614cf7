"""The cheap tests in front of the deadline patterns (grammars/deadlines.toml: a digit or a
`hint` phrase, then each pattern's `needs`) never change what is found: every match of every
pattern passes them. Checked against the same patterns run with no tests in front."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbhc import deadlines as D

WORDS = [
    "trước", "Trước", "TRƯỚC", "chậm", "nhất", "hạn", "chót", "không", "quá", "đến", "hết", "hoàn", "thành",
    "ngày", "Ngày", "tháng", "Tháng", "năm", "Năm", "NĂM", "quý", "Quý", "giai", "đoạn", "trong", "vòng",
    "thời", "kể", "từ", "ký", "hằng", "hàng", "định", "kỳ", "thường", "xuyên", "liên", "tục", "theo", "chỉ",
    "đạo", "của", "khi", "có", "yêu", "cầu", "tiến", "độ", "sau", "hướng", "dẫn", "đầu", "cuối", "làm", "việc",
    "tối", "đa", "là", "vào", "giờ", "tuần", "thiểu", "ít", "xét", "tặng", "gian", "thực", "hiện", ":", "I", "II", "III", "IV", "6", "05", "15", "30", "12", "3", "2025", "2021", "1999", "2030", "/", "-", "–", ",", ".",
    ";", ")", "(", "và", "Sở", "Nội", "vụ", "UBND", "tỉnh",
]


def ungated(text: str) -> list[D.RawDeadline]:
    """find() without the hint and the needs: every pattern on every text."""
    _, patterns = D._patterns()
    return D._scan(text, None, patterns)


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from([" ", "  ", " ", "\n"]))
def test_gates_never_hide_a_deadline(words, sep):
    text = sep.join(words)
    assert D.find(text) == ungated(text)


def test_gates_on_phrases_of_every_kind():
    for text in ["hoàn thành trước ngày 30/6/2025", "định kỳ hằng năm", "thường xuyên", "liên tục",
                 "trong thời hạn 15 ngày kể từ ngày ký", "tối thiểu 07 ngày làm việc trước ngày họp", "quý IV/2025", "6 tháng đầu năm 2025",
                 "tháng 12/2025", "giai đoạn 2021 - 2025", "hoàn thành 2021-2025", "Tháng 11 - 12/2025",
                 "chậm nhất 05 ngày làm việc kể từ ngày ban hành", "không quá 03 ngày kể từ ngày nhận hồ sơ",
                 "trước 16 giờ ngày 20 tháng 3 năm 2025", "Thời gian thực hiện: ngày 30/6/2025",
                 "khi có yêu cầu", "theo tiến độ chung", "sau khi có hướng dẫn của Bộ", "Năm 2026",
                 "Tháng 12 hằng năm", "báo cáo hằng tuần", "Trước ngày 31 tháng 7 của năm xét tặng",
                 "từ ngày 08 đến ngày 10 tháng 12 năm 2025", "Từ năm 2025 đến hết năm 2030",
                 "tháng 4 và tháng 8 năm 2026", "6 tháng (trước ngày 16/6)", "năm (trước ngày 16/12)",
                 "hoàn thành trước năm 2030", "lập trích lục bản đồ địa chính (2 ngày)."]:
        assert D.find(text) == ungated(text) != [], text


def test_text_without_digits_or_phrases_is_not_scanned(monkeypatch):
    calls = []
    _, patterns = D._patterns()

    class Spy:
        def __init__(self, p):
            self.p = p

        def finditer(self, text):
            calls.append(text)
            return self.p.finditer(text)

    hint, _ = D._patterns()
    monkeypatch.setattr(D, "_patterns", lambda: (hint, [(k, Spy(p), n, a, q) for k, p, n, a, q in patterns]))
    assert D.find("Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan") == []
    assert calls == []
    assert D.find("Năm 2026") != [] and calls


def test_a_count_of_days_from_a_starting_point_is_relative():
    assert [(d.kind, d.raw) for d in D.find("Thời hạn chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định.")] \
        == [("relative", "chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định")]
    assert [d.raw for d in D.find("giải quyết trong tối đa là 30 ngày kể từ ngày Quỹ tiếp nhận hồ sơ")] == [
        "tối đa là 30 ngày kể từ ngày Quỹ tiếp nhận hồ sơ"]
    # a length of time with no point to count from is no deadline
    assert D.find("thời gian xử lý không quá 5 ngày") == []


def test_a_whole_date_is_a_deadline_only_after_a_word_that_makes_it_one():
    # the date of a cited document, an effective date: no deadline, nor its month or year
    assert D.find("Nghị định số 35/2005/NĐ-CP ngày 17 tháng 3 năm 2005 của Chính phủ") == []
    assert D.find("Thông tư này có hiệu lực từ ngày 15 tháng 02 năm 2026.") == []
    (d,) = D.find("hoàn thành trước ngày 15 tháng 3 năm 2026")
    assert (d.kind, d.first, d.last) == ("date", "2026-03-15", "2026-03-15")
    # words between the one that makes it a deadline and the date
    for text in ["trước 16 giờ ngày 20 tháng 3 năm 2026", "chậm nhất là ngày 20/3/2026",
                 "chậm nhất vào ngày 20 tháng 3 năm 2026", "đến hết ngày 20/3/2026", "hoàn thành trong ngày 20/3/2026",
                 "Thời hạn: ngày 20 tháng 3 năm 2026", "Thời gian thực hiện: ngày 20/3/2026"]:
        assert [(d.kind, d.last) for d in D.find(text)] == [("date", "2026-03-20")], text
    # a month or a year on its own is still a period
    assert [(d.kind, d.raw) for d in D.find("trong tháng 3 năm 2026; năm 2027")] == [
        ("month", "tháng 3 năm 2026"), ("year", "năm 2027")]


@pytest.mark.parametrize(("text", "expected"), [
    # the year in a law's name, a budget line, a figure counted to a day: no deadline
    ("theo quy định của Luật Giáo dục năm 2019 và các văn bản hướng dẫn", []),
    ("bố trí từ nguồn kinh phí chi thường xuyên", []),
    ("tính đến ngày 19 tháng 11 năm 2025 đã có 20 tỉnh hoàn thành", []),
    # kept whole: the day of a yearly report, a capitalised "Năm", a range of quarters
    ("Báo cáo trước ngày 15/12 hàng năm", [("recurring", "trước ngày 15/12 hàng năm", None)]),
    ("Hoàn thành trong Quý III Năm 2026", [("quarter", "Quý III Năm 2026", "2026-09-30")]),
    ("Quý IV/2025- Quý II/2026", [("quarter", "Quý IV/2025- Quý II/2026", "2026-06-30")]),
    # periods counted from an event: "trong thời gian", a number spelled out in brackets, "sau khi"
    ("Trong thời gian 30 ngày kể từ ngày Thông tư này có hiệu lực, chủ trì",
     [("relative", "Trong thời gian 30 ngày kể từ ngày Thông tư này có hiệu lực", None)]),
    ("Trong vòng 02 (hai) ngày làm việc, sau khi nhận được Biên bản",
     [("relative", "Trong vòng 02 (hai) ngày làm việc, sau khi nhận được Biên bản", None)]),
    ("gửi báo cáo chậm nhất 03 tháng sau khi tổng kết đề án",
     [("relative", "chậm nhất 03 tháng sau khi tổng kết đề án", None)]),
    ("trong thời gian qua, các sở đã triển khai", []),
    # a duration is no deadline, nor does a period take over the half year it is part of
    ("lưu trữ hồ sơ trong thời gian 10 năm", []),
    ("Trong thời gian 02 ngày làm việc, Phòng Văn hóa - Xã hội chủ trì",
     [("relative", "Trong thời gian 02 ngày làm việc", None)]),
    ("Nghị định số 22/2019/NĐ-CP (sửa đổi, bổ sung năm 2017)", []),
    ("theo kế hoạch đã ban hành năm 2024", []),
    ("Trong thời gian 6 tháng đầu năm 2025, Sở Y tế chủ trì", [("half", "6 tháng đầu năm 2025", "2025-06-30")]),
    ("thực hiện trong giai đoạn từ năm 2026 - 2030", [("year", "giai đoạn từ năm 2026 - 2030", "2030-12-31")]),
    ("trình ban hành năm 2025", [("year", "năm 2025", "2025-12-31")]),
    ("Đề án \"Phát triển du lịch đến năm 2030\"", []),
    ("Đề án “Phát triển nhân lực y tế, hoàn thành năm 2025.", [("year", "năm 2025", "2025-12-31")]),
    ("giai đoạn 2026 - 2030 và các năm tiếp theo", [("recurring", "giai đoạn 2026 - 2030 và các năm tiếp theo", None)]),
    ("quý IV năm 2025 và các năm tiếp theo", [("recurring", "quý IV năm 2025 và các năm tiếp theo", None)]),
    # a term of office, an amendment's year, a start, a budget given, a year in a quoted name
    ("bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031", []),
    ("Nghị định số 22/2019/NĐ-CP (được sửa đổi, bổ sung năm 2025)", []),
    ("tham mưu tổ chức chấm điểm từ năm 2026", []),
    ("nguồn kinh phí đã giao năm 2025", []),
    ("hướng dẫn thực hiện Đề án “Phát triển du lịch cộng đồng đến năm 2030”", []),
    ("hoàn thành Đề án “Phát triển du lịch” trong năm 2026", [("year", "trong năm 2026", "2026-12-31")]),
    # "những năm tiếp theo" alone is a time said of the future, not a recurrence (nor is the
    # year of the goals a deadline)
    ("hoàn thành các mục tiêu năm 2025, tạo đà cho những năm tiếp theo", []),
    # work that goes on every year from one: not due at that year's end
    ("Thời gian thực hiện: năm 2025 và các năm tiếp theo.", [("recurring", "năm 2025 và các năm tiếp theo", None)]),
    # still deadlines
    ("Luật Đất đai năm 2024 có hiệu lực; hoàn thành trong năm 2025", [("year", "trong năm 2025", "2025-12-31")]),
    ("Luật Phòng, chống tham nhũng năm 2018", []),
    ("tuyên truyền Luật Đất đai trong năm 2025", [("year", "trong năm 2025", "2025-12-31")]),
    ("triển khai Luật Dữ liệu, hoàn thành năm 2025", [("year", "năm 2025", "2025-12-31")]),
    ("thi hành Luật Phòng, chống tham nhũng giai đoạn 2021-2025", [("year", "giai đoạn 2021-2025", "2025-12-31")]),
    ("thực hiện thường xuyên", [("recurring", "thường xuyên", None)]),
    ("đến ngày 30/6/2025 hoàn thành", [("date", "đến ngày 30/6/2025", "2025-06-30")]),
])
def test_what_is_and_is_not_a_deadline(text, expected):
    assert [(d.kind, d.raw, d.last) for d in D.find(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an effective date, with or without an end, is no deadline, nor the dates inside it
    ("Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 167/QĐ-BCĐ", []),
    ("có hiệu lực thi hành kể từ ngày 18 tháng 11 năm 2025 đến ngày 31 tháng 12 năm 2025", []),
    # a year is a deadline only after a word that makes it one
    ("ban hành Kế hoạch truyền thông về giảm nghèo trên địa bàn thành phố năm 2025", []),
    ("dự toán ngân sách trung ương thực hiện chính sách năm 2026", []),
    ("Tốc độ tăng trưởng kinh tế của tỉnh năm 2025 ước đạt 8%", []),
    ("giảm 20% so với mức trung bình năm 2024", []),
    ("Năm 2025, tỉnh đã hoàn thành 12 công trình", []),
    ("tổ chức sơ kết vào cuối năm 2027", [("year", "cuối năm 2027", "2027-01-01", "2027-12-31")]),
    ("phấn đấu đến năm 2030 đạt 80%", [("year", "năm 2030", "2030-01-01", "2030-12-31")]),
    ("Thời gian thực hiện: năm 2026.", [("year", "năm 2026", "2026-01-01", "2026-12-31")]),
    ("Năm 2026: tổ chức 05 lớp tập huấn", [("year", "Năm 2026", "2026-01-01", "2026-12-31")]),
    # ranges are kept whole, their start the first day
    ("(từ ngày 20 tháng 11 năm 2025 đến ngày 03 tháng 12 năm 2025)",
     [("date", "từ ngày 20 tháng 11 năm 2025 đến ngày 03 tháng 12 năm 2025", "2025-11-20", "2025-12-03")]),
    ("diễn ra từ ngày 08 đến ngày 10 tháng 12 năm 2025",
     [("date", "từ ngày 08 đến ngày 10 tháng 12 năm 2025", "2025-12-08", "2025-12-10")]),
    ("thời gian quan trắc từ tháng 3 đến tháng 10 năm 2026",
     [("month", "từ tháng 3 đến tháng 10 năm 2026", "2026-03-01", "2026-10-31")]),
    ("Thời gian hoàn thành: Tháng 11 - 12/2025.", [("month", "Tháng 11 - 12/2025", "2025-11-01", "2025-12-31")]),
    ("từ tháng 10 năm 2025 đến hết tháng 3 năm 2026",
     [("month", "từ tháng 10 năm 2025 đến hết tháng 3 năm 2026", "2025-10-01", "2026-03-31")]),
    ("Thời gian thực hiện Chương trình: Từ năm 2025 đến hết năm 2030",
     [("year", "Từ năm 2025 đến hết năm 2030", "2025-01-01", "2030-12-31")]),
    # a start alone is no due date
    ("Thời gian thực hiện: Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê.", []),
    # a recurring deadline keeps its day, month and period
    ("Tháng 12 hằng năm", [("recurring", "Tháng 12 hằng năm", None, None)]),
    ("b) Định kỳ hằng năm (trước ngày 15 tháng 12) báo cáo kết quả",
     [("recurring", "Định kỳ hằng năm (trước ngày 15 tháng 12)", None, None)]),
    ("Họp Ban Chỉ đạo định kỳ: 06 tháng một lần", [("recurring", "định kỳ: 06 tháng một lần", None, None)]),
    ("3. Định kỳ trước ngày 31 tháng 12 hằng năm, báo cáo",
     [("recurring", "Định kỳ trước ngày 31 tháng 12 hằng năm", None, None)]),
    ("tổng hợp đến ngày 30 tháng 6 hàng năm", [("recurring", "đến ngày 30 tháng 6 hàng năm", None, None)]),
    ("Hàng năm, trước ngày 25 tháng 12, các cơ quan gửi báo cáo",
     [("recurring", "Hàng năm, trước ngày 25 tháng 12", None, None)]),
    ("Trước ngày 31 tháng 7 của năm xét tặng, gửi hồ sơ",
     [("recurring", "Trước ngày 31 tháng 7 của năm xét tặng", None, None)]),
    ("báo cáo Thủ tướng Chính phủ hằng tuần", [("recurring", "hằng tuần", None, None)]),
    # a day of a year named from the report's or the plan's: the same day every year, no date
    ("Sở Nội vụ báo cáo kết quả trước ngày 31/3 năm sau.", [("recurring", "trước ngày 31/3 năm sau", None, None)]),
    ("gửi báo cáo quyết toán trước ngày 15 tháng 02 năm sau năm quyết toán để tổng hợp",
     [("recurring", "trước ngày 15 tháng 02 năm sau năm quyết toán", None, None)]),
    ("gửi cơ quan chủ quản chậm nhất vào ngày 10 tháng 7 của năm báo cáo",
     [("recurring", "chậm nhất vào ngày 10 tháng 7 của năm báo cáo", None, None)]),
    ("gửi Sở Tài chính chậm nhất vào ngày 01 tháng 02 của năm tiếp sau.",
     [("recurring", "chậm nhất vào ngày 01 tháng 02 của năm tiếp sau", None, None)]),
    ("ban hành trước ngày 15 tháng 12 của năm trước và", [("recurring", "trước ngày 15 tháng 12 của năm trước", None, None)]),
    ("trước ngày 30/6 năm tiếp theo", [("recurring", "trước ngày 30/6 năm tiếp theo", None, None)]),
    # "sau khi" after "năm" opens a clause, and a year in figures is a date
    ("trước ngày 31/3 năm sau khi kết thúc dự án", []),
    ("trước ngày 31/3 năm 2027", [("date", "trước ngày 31/3 năm 2027", "2027-03-31", "2027-03-31")]),
    # "năm sau" before a year in figures names the year after it: a date, not a cycle
    ("Báo cáo trước ngày 20 tháng 01 năm sau năm 2026.",
     [("date", "trước ngày 20 tháng 01 năm sau năm 2026", "2027-01-20", "2027-01-20")]),
    # a recurring word that qualifies a noun, or says how often something happens, is none
    ("đưa vào chương trình giáo dục thường xuyên", []),
    ("bố trí kinh phí trong phạm vi dự toán được cấp có thẩm quyền giao hàng năm", []),
    ("bố trí trong dự toán ngân sách hằng năm", []),
    ("số lượng chuyển tiền trợ cấp hàng tháng qua tài khoản", []),
    ("khu vực thường xuyên chịu tác động của thiên tai", []),
    ("Điều hành công việc thường xuyên của Ban Chỉ đạo", []),
    # nor one that closes a noun phrase headed by a plan, a budget or a payment
    ("Lồng ghép nhiệm vụ vào Kế hoạch phát triển kinh tế - xã hội hằng năm của địa phương", []),
    ("xây dựng dự toán thu chi ngân sách nhà nước hằng năm đối với các khoản viện trợ", []),
    ("giải ngân vốn kế hoạch đầu tư công trung hạn và hằng năm theo quy định", []),
    ("Mức lương hưu hằng tháng được tính bằng tỷ lệ hưởng", []),
    # a comma before a coordinated noun carries the phrase on
    ("người đang hưởng trợ cấp ốm đau, thai sản hằng tháng thì được", []),
    ("phê duyệt dự toán thu, chi hoạt động của trung tâm hằng năm", []),
    ("đưa nội dung vào chương trình kiểm tra, giám sát hằng năm của cấp ủy", []),
    ("bố trí kinh phí mua sắm, sửa chữa, bảo dưỡng thiết bị hằng năm", []),
    # "trình" at the end of a noun ("chương trình", "công trình", "quy trình") does not end it
    ("bố trí kinh phí thực hiện Chương trình hằng năm cho các đơn vị", []),
    ("lập kế hoạch bảo dưỡng công trình thủy lợi hằng năm", []),
    ("phân bổ dự toán theo quy trình hằng năm của Bộ", []),
    # but a comma, "và", a verb of its own or a modal ends that phrase: the cycle is the work's
    ("Lập dự toán kinh phí, báo cáo kết quả hằng năm", [("recurring", "hằng năm", None, None)]),
    ("Xây dựng kế hoạch và tổ chức kiểm tra hằng năm", [("recurring", "hằng năm", None, None)]),
    ("lập dự toán kinh phí gửi Sở Tài chính hằng năm", [("recurring", "hằng năm", None, None)]),
    ("Quy trình đánh giá mức đủ vốn phải được rà soát tối thiểu hằng năm", [("recurring", "hằng năm", None, None)]),
    ("Sở Nội vụ tổng hợp, báo cáo hằng năm", [("recurring", "hằng năm", None, None)]),
    ("lập dự toán kinh phí trình Ủy ban nhân dân tỉnh hằng năm", [("recurring", "hằng năm", None, None)]),
    # a comma before a verb of a task ends the noun phrase, wherever the verb comes after it
    ("lập dự toán kinh phí, gửi Sở Tài chính hằng năm", [("recurring", "hằng năm", None, None)]),
    ("rà soát trợ cấp ốm đau, thai sản, tổng hợp kết quả hằng quý", [("recurring", "hằng quý", None, None)]),
    ("xây dựng kế hoạch thanh tra, các phòng chuyên môn kiểm tra hằng năm", [("recurring", "hằng năm", None, None)]),
    ("lập kế hoạch học tập, trình Hiệu trưởng phê duyệt hằng năm", [("recurring", "hằng năm", None, None)]),
    ("lập kế hoạch vốn, sơ kết, tổng kết hằng năm", [("recurring", "hằng năm", None, None)]),
    # and so does a preposition: the plan is the object, the cycle the work's
    ("Các phòng báo cáo kết quả thực hiện Chương trình về Văn phòng hằng năm", [("recurring", "hằng năm", None, None)]),
    ("UBND các phường sơ kết việc triển khai Kế hoạch tại cơ sở hằng năm", [("recurring", "hằng năm", None, None)]),
    # a cycle with its day is always the work's, whatever noun comes before it
    ("gửi báo cáo thực hiện Kế hoạch về Sở Công Thương hằng năm (trước ngày 10/12) để tổng hợp",
     [("recurring", "hằng năm (trước ngày 10/12)", None, None)]),
    ("rà soát kinh phí thực hiện Kế hoạch hằng năm, trước ngày 20 tháng 10",
     [("recurring", "hằng năm, trước ngày 20 tháng 10", None, None)]),
    # a relative limit keeps the point it counts from, numbers and all
    ("Trong thời hạn 10 ngày, kể từ ngày nhận được quyết định theo khoản 1 Điều 6 Thông tư số 11/2020/TT-BTP, Sở",
     [("relative", "Trong thời hạn 10 ngày, kể từ ngày nhận được quyết định theo khoản 1 Điều 6 Thông tư số "
       "11/2020/TT-BTP", None, None)]),
    ("chậm nhất là sau 05 ngày làm việc kể từ ngày kết thúc phiên họp.",
     [("relative", "chậm nhất là sau 05 ngày làm việc kể từ ngày kết thúc phiên họp", None, None)]),
    ("gửi tài liệu tối thiểu 07 ngày làm việc trước ngày họp.",
     [("relative", "tối thiểu 07 ngày làm việc trước ngày họp", None, None)]),
    # who directs the work is not when it is due
    ("thực hiện các nhiệm vụ theo chỉ đạo của Bộ Công an", []),
    # a noun before a cycle's day does not make it a noun's
    ("Lập dự toán trước ngày 15/12 hằng năm.", [("recurring", "trước ngày 15/12 hằng năm", None, None)]),
    # a range over a month's or a year's end starts in the month or year before
    ("từ ngày 20 tháng 12 đến ngày 10 tháng 01 năm 2026",
     [("date", "từ ngày 20 tháng 12 đến ngày 10 tháng 01 năm 2026", "2025-12-20", "2026-01-10")]),
    ("từ ngày 25 đến ngày 05 tháng 12 năm 2025",
     [("date", "từ ngày 25 đến ngày 05 tháng 12 năm 2025", "2025-11-25", "2025-12-05")]),
    ("Tháng 11 - 02/2026", [("month", "Tháng 11 - 02/2026", "2025-11-01", "2026-02-28")]),
    # a year's results, a plan named by its year, a term of office
    ("Ước thực hiện năm 2025 là 27.535 tỷ đồng", []),
    ("Kế hoạch thực hiện năm 2025", []),
    ("trong chương trình năm 2025", []),
    ("nhiệm kỳ từ năm 2020 đến năm 2025", []),
    # a remark in brackets inside the counting point
    ("Trong thời hạn 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (theo quy định), Sở Tư pháp",
     [("relative", "Trong thời hạn 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (theo quy định)", None, None)]),
])
def test_audit_cases_of_deadlines(text, expected):
    assert [(d.kind, d.raw, d.first, d.last) for d in D.find(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # months listed before the one that gives the year: each is a deadline of that year
    ("quan trắc vào tháng 4 và tháng 8 năm 2026;",
     [("month", "tháng 4", "2026-04-01", "2026-04-30"), ("month", "tháng 8 năm 2026", "2026-08-01", "2026-08-31")]),
    ("kiểm tra tháng 3, tháng 6 và tháng 9/2026",
     [("month", "tháng 3", "2026-03-01", "2026-03-31"), ("month", "tháng 6", "2026-06-01", "2026-06-30"),
      ("month", "tháng 9/2026", "2026-09-01", "2026-09-30")]),
    # but not the month of a whole date, nor a start
    ("ngày 15 tháng 4 và tháng 8 năm 2026", [("month", "tháng 8 năm 2026", "2026-08-01", "2026-08-31")]),
    ("từ tháng 3 và tháng 5/2026", [("month", "tháng 5/2026", "2026-05-01", "2026-05-31")]),
    # a report's period with its day in brackets
    ("báo cáo 6 tháng (trước ngày 16/6) và năm (trước ngày 16/12).",
     [("recurring", "6 tháng (trước ngày 16/6)", None, None), ("recurring", "năm (trước ngày 16/12)", None, None)]),
    ("Định kỳ 06 tháng (trước ngày 20 tháng 6) và hằng năm (trước ngày 20 tháng 12)",
     [("recurring", "Định kỳ 06 tháng (trước ngày 20 tháng 6)", None, None),
      ("recurring", "hằng năm (trước ngày 20 tháng 12)", None, None)]),
])
def test_lists_of_months_and_report_periods(text, expected):
    assert [(d.kind, d.raw, d.first, d.last) for d in D.find(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # before a year is by the end of the year before it
    ("hoàn thành trước năm 2030.", [("year", "trước năm 2030", None, "2029-12-31")]),
    ("Trước năm 2027", [("year", "Trước năm 2027", None, "2026-12-31")]),
    # a plan's horizon is no due date; its period still is what the plan covers
    ("giai đoạn 2025 - 2035, định hướng đến năm 2045",
     [("year", "giai đoạn 2025 - 2035", "2025-01-01", "2035-12-31")]),
    ("Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050", []),
    # "đến năm" after a plan's name in its clause is the plan's horizon, commas and all
    ("rà soát, bổ sung quy hoạch cấp nước trong các cụm công nghiệp đến năm 2030.", []),
    ("hoàn thiện Chiến lược phát triển du lịch của tỉnh đến năm 2035 được phê duyệt", []),
    ("ban hành Kế hoạch phát triển mạng 5G, IoT tại các khu đô thị, cụm dân cư đến hết năm 2030", []),
    ("Chương trình mục tiêu quốc gia xây dựng nông thôn mới đến năm 2030", []),
    ("xây dựng lộ trình chuyển đổi năng lượng đến năm 2035 cho các ngành", []),
    # a target set after the name, or a year with no plan before it, is still one
    ("triển khai Kế hoạch chuyển đổi số, phấn đấu đến năm 2030 đạt 80% dịch vụ công trực tuyến",
     [("year", "năm 2030", "2030-01-01", "2030-12-31")]),
    ("giảm bụi mịn theo mỗi kỳ kế hoạch 5 năm, mục tiêu đến năm 2045 đạt quy chuẩn",
     [("year", "năm 2045", "2045-01-01", "2045-12-31")]),
    ("Kế hoạch đã ban hành; hoàn thành việc cải tạo đến năm 2027", [("year", "năm 2027", "2027-01-01", "2027-12-31")]),
    ("số hóa hồ sơ địa chính đến năm 2026", [("year", "năm 2026", "2026-01-01", "2026-12-31")]),
    # a period right after a plan's name is the plan's, not the time the work on it is due
    ("Ban hành kế hoạch thực hiện Chương trình tại địa phương giai đoạn 2026 - 2035, định hướng đến năm 2045", []),
    ("xây dựng Đề án phát triển nguồn nhân lực y tế của tỉnh giai đoạn 2026-2030.", []),
    ("ban hành Kế hoạch phát triển mạng 5G, Internet vạn vật (IoT) tại các khu đô thị giai đoạn 2026 - 2030", []),
    # unless the work is said to be done in it; a period after no plan's name is still one
    ("triển khai Kế hoạch số 15/KH-UBND trong giai đoạn 2026 - 2027",
     [("year", "giai đoạn 2026 - 2027", "2026-01-01", "2027-12-31")]),
    ("Hoàn thành đầu tư giai đoạn 2026 - 2027", [("year", "giai đoạn 2026 - 2027", "2026-01-01", "2027-12-31")]),
    # the plan's name ends at a comma or "và" before a verb of the task, at "này" and at ", đến":
    # the year after it is the work's
    ("Sở Công Thương chủ trì lập Đề án, tổ chức thực hiện giai đoạn 2027 - 2028",
     [("year", "giai đoạn 2027 - 2028", "2027-01-01", "2028-12-31")]),
    ("Theo Chương trình này, Sở Y tế chủ trì triển khai giai đoạn 2026 - 2029",
     [("year", "giai đoạn 2026 - 2029", "2026-01-01", "2029-12-31")]),
    ("kiện toàn tổ chức theo lộ trình, hoàn tất đến năm 2027", [("year", "năm 2027", "2027-01-01", "2027-12-31")]),
    ("rà soát quy hoạch phân khu, trình cấp có thẩm quyền điều chỉnh đến năm 2028",
     [("year", "năm 2028", "2028-01-01", "2028-12-31")]),
    ("lập Chương trình hành động và triển khai thí điểm đến năm 2026", [("year", "năm 2026", "2026-01-01", "2026-12-31")]),
    ("thực hiện Kế hoạch, đến năm 2028 có 90% hồ sơ được số hóa", [("year", "năm 2028", "2028-01-01", "2028-12-31")]),
    # a plan word right before a comma names no plan: it is the plan the text is about, as with "này"
    ("Căn cứ Kế hoạch, Sở Xây dựng chủ trì triển khai thực hiện giai đoạn 2026 - 2028",
     [("year", "giai đoạn 2026 - 2028", "2026-01-01", "2028-12-31")]),
    ("Căn cứ Chương trình, Sở Y tế tổ chức thí điểm đến năm 2027", [("year", "năm 2027", "2027-01-01", "2027-12-31")]),
    ("Căn cứ Kế hoạch phát triển du lịch giai đoạn 2026 - 2030, Sở Văn hóa chủ trì", []),
    # but a comma inside the name does not end it
    ("xây dựng Kế hoạch phát triển mạng 5G, IoT tại các khu đô thị, cụm dân cư giai đoạn 2026 - 2030", []),
    # "liên tục 24/24 giờ" says how, not how often
    ("bảo đảm hệ thống vận hành liên tục 24/24 giờ", []),
])
def test_years_before_horizons_and_manner(text, expected):
    assert [(d.kind, d.raw, d.first, d.last) for d in D.find(text)] == expected


@pytest.mark.parametrize(("value", "expected"), [
    # a bare month or date that starts a range with no dated end is no due date
    ("Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê", ("undated", None)),
    ("Từ 01/10/2025 đến khi có kết quả", ("undated", None)),
    ("11/2025", ("month", "2025-11-30")),
])
def test_a_deadline_column_start_is_no_due_date(value, expected):
    d = D.stated(value)
    assert (d.kind, d.last) == expected


@settings(max_examples=400)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=25), st.integers(0, 60), st.integers(1, 12))
def test_taken_spans_answer_as_a_scan_of_every_span_would(added, a, width):
    spans, naive = D._Spans(), []
    for x, w in added:
        spans.add(x, x + w)
        naive.append((x, x + w))
    assert spans.overlaps(a, a + width) == any(a < y and x < a + width for x, y in naive)
    assert spans.starts == sorted(spans.starts) and all(s < e for s, e in zip(spans.starts, spans.ends))


@pytest.mark.parametrize(("text", "expected"), [
    # a month listed after the last one is in the year before it
    ("vào tháng 11, tháng 12 và tháng 01 năm 2026",
     [("month", "tháng 11", "2025-11-01", "2025-11-30"), ("month", "tháng 12", "2025-12-01", "2025-12-31"),
      ("month", "tháng 01 năm 2026", "2026-01-01", "2026-01-31")]),
    # a duration with a day in brackets is no report period
    ("Thời gian thực hiện: 06 tháng (trước ngày 31 tháng 12).", []),
    ("hoàn thành trong 6 tháng (trước ngày 30/6) kể từ khi khởi công", []),
])
def test_review_cases_of_month_lists_and_durations(text, expected):
    assert [(d.kind, d.raw, d.first, d.last) for d in D.find(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the days a procedure gives a step, in brackets at the step's end
    ("Giao Văn phòng đăng ký đất đai lập trích lục bản đồ địa chính thửa đất (2 ngày).", [("relative", "2 ngày")]),
    ("- Kiểm tra hồ sơ (0,5 ngày)", [("relative", "0,5 ngày")]),
    ("Thẩm định hồ sơ (03 ngày làm việc); trình ký.", [("relative", "03 ngày làm việc")]),
    # not a length inside the clause, how long each time lasts, a heading's total, a bracket
    # alone, nor a form's blank range
    ("Tổ chức hội nghị (02 ngày) để tổng kết.", []),
    ("Tổ chức nghỉ dưỡng 01 lần/năm (05 ngày).", []),
    ("Thời gian giải quyết (03 ngày làm việc)", []),
    ("(03 ngày làm việc)", []),
    ("từ ngày … tháng … đến hết ngày … tháng … (03 ngày làm việc).", []),
    # nor how long an event named before it lasts
    ("Sở Nội vụ chủ trì tổ chức lớp tập huấn cho cán bộ, công chức (03 ngày).", []),
    ("Tổ chức đoàn học tập kinh nghiệm tại các tỉnh phía Nam (05 ngày).", []),
])
def test_a_procedure_steps_days_in_brackets_are_its_time(text, expected):
    assert [(d.kind, d.raw) for d in D.find(text)] == expected


@pytest.mark.parametrize(("text", "picked"), [
    # an undated condition only when nothing else is given; of cycles alone the first that gives
    # its day or length: several reports, the most frequent listed first
    ("tổng hợp báo cáo định kỳ hàng tháng (trước ngày 20 hàng tháng), 6 tháng (trước ngày 20/6), năm (trước "
     "ngày 20/12) hoặc khi có yêu cầu", "trước ngày 20 hàng tháng"),
    ("Định kỳ 06 tháng (trước ngày 15 tháng 6) và hằng năm (trước ngày 15 tháng 12), báo cáo Sở Nội vụ",
     "Định kỳ 06 tháng (trước ngày 15 tháng 6)"),
    ("cung cấp thông tin, báo cáo định kỳ hoặc đột xuất khi có yêu cầu", "định kỳ"),
    ("Thường xuyên theo dõi, báo cáo trước ngày 15/12 hằng năm", "trước ngày 15/12 hằng năm"),
    ("thường xuyên kiểm tra, định kỳ hằng năm đánh giá", "thường xuyên"),
    ("báo cáo khi có yêu cầu", "khi có yêu cầu"),
    # else the last of those that say the most: the end of the work; a date, a period or a cycle
    # with its day says more than a limit counted from an event, and that more than a bare cycle
    ("triển khai trong quý I năm 2026, hoàn thành trong quý IV năm 2026", "quý IV năm 2026"),
    ("hoàn thành trước ngày 30/6/2026 hoặc khi có yêu cầu", "hoàn thành trước ngày 30/6/2026"),
    ("báo cáo trước ngày 20 tháng 11 năm 2025 và hằng tháng", "trước ngày 20 tháng 11 năm 2025"),
    ("báo cáo hằng năm, gửi báo cáo kết thúc trong vòng 06 tháng sau khi kết thúc dự án",
     "trong vòng 06 tháng sau khi kết thúc dự án"),
    ("Báo cáo định kỳ chậm nhất vào ngày 10 tháng 7 của năm báo cáo; báo cáo kết thúc gửi chậm nhất không quá "
     "06 tháng sau khi kết thúc thực hiện.", "chậm nhất vào ngày 10 tháng 7 của năm báo cáo"),
])
def test_a_row_takes_the_deadline_that_says_the_most_of_when(text, picked):
    assert D.pick(D.find(text)).raw == picked


@pytest.mark.parametrize(("text", "expected"), [
    # a day joined to a deadline by "và" or "hoặc", after the first one's note in brackets, is read
    # with the first one's words before its day
    (("Báo cáo gửi chậm nhất vào ngày 10 tháng 7 của năm báo cáo (đối với báo cáo quý II) và ngày 20 tháng 01 "
      "của năm tiếp sau (đối với báo cáo năm)."),
     [("recurring", "chậm nhất vào ngày 10 tháng 7 của năm báo cáo", None, None),
      ("recurring", "ngày 20 tháng 01 của năm tiếp sau", None, None)]),
    ("nộp hồ sơ trước ngày 15/7/2026 và 15/01/2027",
     [("date", "trước ngày 15/7/2026", "2026-07-15", "2026-07-15"), ("date", "15/01/2027", "2027-01-15", "2027-01-15")]),
    ("hoàn thành trước ngày 30/9/2026 hoặc ngày 31/12/2026 và ngày 31/3/2027",
     [("date", "hoàn thành trước ngày 30/9/2026", "2026-09-30", "2026-09-30"),
      ("date", "ngày 31/12/2026", "2026-12-31", "2026-12-31"), ("date", "ngày 31/3/2027", "2027-03-31", "2027-03-31")]),
    # a day with no year before one in a year the report names is the same day every year too
    ("gửi trước ngày 15 tháng 7 và ngày 15 tháng 01 của năm tiếp sau",
     [("recurring", "trước ngày 15 tháng 7", None, None), ("recurring", "ngày 15 tháng 01 của năm tiếp sau", None, None)]),
    # a day the first one's words do not make a deadline of its kind is none, nor a day after no deadline
    ("hoàn thành trước ngày 30/6/2026 và ngày 17 tháng 3 đã họp",
     [("date", "hoàn thành trước ngày 30/6/2026", "2026-06-30", "2026-06-30")]),
    ("số liệu chốt tại ngày 30 tháng 6 và ngày 31 tháng 12 năm 2026", []),
    ("gửi trước ngày 15 tháng 7 và ngày 15 tháng 01 của năm 2027", []),
    # nor a day that the first one's words make a deadline without: "định kỳ hằng năm" alone
    ("báo cáo Sở Nội vụ định kỳ hằng năm, trước ngày 10/11 và 25/11 của năm sau.",
     [("recurring", "định kỳ hằng năm, trước ngày 10/11", None, None)]),
    # nor a day a task verb of its own follows: the date of an event, not a due day
    ("gửi báo cáo trước ngày 05/11/2026 và ngày 12/11/2026 tổ chức hội thảo chuyên đề",
     [("date", "trước ngày 05/11/2026", "2026-11-05", "2026-11-05")]),
    ("gửi báo cáo trước ngày 05/11/2026 và ngày 12/11/2026 triển khai kiểm tra",
     [("date", "trước ngày 05/11/2026", "2026-11-05", "2026-11-05")]),
    # but days before the clause's verb are all its due days: no verb stands before the first one
    ("Các phòng, ban trước ngày 10/5/2026 và ngày 10/11/2026 gửi kết quả về Văn phòng.",
     [("date", "trước ngày 10/5/2026", "2026-05-10", "2026-05-10"), ("date", "ngày 10/11/2026", "2026-11-10", "2026-11-10")]),
    ("Thu thập số liệu. Các xã chậm nhất ngày 05/4/2026 và ngày 05/10/2026 tổng hợp danh sách.",
     [("date", "chậm nhất ngày 05/4/2026", "2026-04-05", "2026-04-05"), ("date", "ngày 05/10/2026", "2026-10-05", "2026-10-05")]),
])
def test_a_day_joined_to_a_deadline_carries_it_on(text, expected):
    assert [(d.kind, d.raw, d.first, d.last) for d in D.find(text)] == expected


def test_a_task_verb_listed_once_ends_a_plan_name_for_the_period_and_the_year(monkeypatch):
    """deadlines.toml writes the task verbs once (``[words] task_verbs``): both the pattern of a
    period ("giai đoạn") and that of a year read the list."""
    texts = ["lập Đề án cải tạo, khởi công giai đoạn 2026 - 2027", "lập Quy hoạch cải tạo, khởi công đến năm 2027"]
    assert [D.find(t) for t in texts] == [[], []]
    data = D.read_table("deadlines.toml")
    words = {**data["words"], "task_verbs": [*data["words"]["task_verbs"], "khởi công"]}
    monkeypatch.setattr(D, "read_table", lambda name: {**data, "words": words})
    D._patterns.cache_clear()
    try:
        assert [[(d.kind, d.raw) for d in D.find(t)] for t in texts] == [
            [("year", "giai đoạn 2026 - 2027")], [("year", "năm 2027")]]
    finally:
        monkeypatch.undo()
        D._patterns.cache_clear()


def test_a_carried_day_is_a_deadline_over_its_own_words_only():
    """A day carried on is read over its own words (a span that starts before it ends, a raw that is
    its text), never over the first one's lead words alone."""
    for text in ["Sở Nội vụ báo cáo định kỳ hằng năm, trước ngày 10/11 và 25/11 của năm sau.",
                 "Sở Nội vụ báo cáo định kỳ hằng quý, chậm nhất ngày 10/4 và 10/7 năm sau; gửi trước ngày 05/11/2026 "
                 "và 12/11/2026."]:
        found = D.find(text)
        assert found and all(d.raw and d.start < d.end and " ".join(text[d.start:d.end].split()) == d.raw
                             for d in found), found


@pytest.mark.parametrize(("edit", "line_holds", "says"), [
    # a string, not a list: spelled out into single letters, it would stop at any of them
    (lambda s: s.replace('task_verbs = ["tổ chức", ', 'task_verbs = "tổ chức"\nx_verbs = [', 1),
     'task_verbs = "tổ chức"', "'task_verbs' must be a list of words"),
    # an empty list: an empty alternation, which matches everywhere
    (lambda s: s.replace("[words]\n", "[words]\nno_verbs = []\n", 1), "no_verbs = []", "'no_verbs' must be a list"),
    # a name with no list: literal braces, which never match
    (lambda s: s.replace(r",\s*(?i:{task_verbs}|đến|tới)", r",\s*(?i:{task_verb}|đến|tới)", 1),
     "{task_verb}", "names {task_verb}, which is no list of [words]"),
], ids=["string", "empty", "unknown-name"])
def test_a_bad_word_list_of_the_deadline_table_names_its_line(grammar_copy, edit, line_holds, says):
    from vbhc import grammar as G
    from vbhc.errors import GrammarError

    p = grammar_copy / "deadlines.toml"
    text = p.read_text(encoding="utf-8")
    new = edit(text)
    assert new != text, "the edit did not apply: the grammar file changed under the test"
    p.write_text(new, encoding="utf-8")
    line = next(n for n, ln in enumerate(new.splitlines(), 1) if line_holds in ln and not ln.startswith("#"))
    with pytest.raises(GrammarError, match=rf"^grammars/deadlines\.toml:{line}: .*{re.escape(says)}"):
        G.load_all()


def test_a_code_point_in_a_pattern_is_no_word_list():
    from vbhc.deadlines import _with_words

    # "\x{A0}" (a no-break space) and "\p{L}" are the regex engine's, not names of [words] lists
    assert _with_words(r"ngày\x{A0}\d+\p{L}", {"task_verbs": ["gửi"]}, "pattern") == r"ngày\x{A0}\d+\p{L}"
