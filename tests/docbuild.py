"""Build the same document as plain text and as a DOCX, in the shapes real Word files have:
the header as a borderless two-column table (issuer, Số, V/v | quốc hiệu, motto, place and
date), the signature area as another (Nơi nhận | signature block), list markers either typed
or left to Word's automatic numbering, a page header and a footer with a PAGE field, a
footnote and a text box. Used by the tests and by ``corpus/formats/build.py``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

Item = tuple[str, str, str]  # (kind, marker, text); kind: heading, item, letter, dash, plus, para


@dataclass
class Spec:
    issuer: list[str]
    number: str
    nation: list[str]
    place_date: str
    doc_type: str | None
    title: list[str]
    body: list[Item]
    signature: list[str]
    name: str
    recipients: list[str]
    vv: str | None = None
    kinh_gui: list[str] = field(default_factory=list)
    appendix: tuple[str, list[str], list[list[str]]] | None = None  # (title, header row, rows)
    footnote: tuple[str, str] | None = None  # (text the note hangs on, note text)


PLAN = Spec(
    issuer=["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"],
    number="Số: 215/KH-UBND",
    nation=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    place_date="Quảng Ngãi, ngày 12 tháng 11 năm 2024",
    doc_type="KẾ HOẠCH",
    title=["Triển khai thực hiện chuyển đổi số trong cơ quan nhà nước", "trên địa bàn tỉnh năm 2025"],
    body=[
        ("para", "", "Thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt "
                     "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030; Ủy ban nhân dân "
                     "tỉnh ban hành Kế hoạch thực hiện như sau:"),
        ("heading", "I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("item", "1.", "Mục đích"),
        ("letter", "a)", "Nâng cao hiệu quả hoạt động của các cơ quan nhà nước, bảo đảm cung cấp dịch vụ công "
                         "trực tuyến toàn trình cho người dân và doanh nghiệp."),
        ("letter", "b)", "Bảo đảm an toàn thông tin mạng trong quá trình chuyển đổi số."),
        ("item", "2.", "Yêu cầu"),
        ("dash", "-", "Các nhiệm vụ được triển khai đồng bộ, có trọng tâm, trọng điểm."),
        ("dash", "-", "Phân công rõ trách nhiệm của từng cơ quan, đơn vị:"),
        ("plus", "+", "Cơ quan chủ trì chịu trách nhiệm về tiến độ;"),
        ("plus", "+", "Cơ quan phối hợp chịu trách nhiệm về nội dung được giao."),
        ("heading", "II.", "NHIỆM VỤ TRỌNG TÂM"),
        ("item", "1.", "Sở Thông tin và Truyền thông chủ trì, phối hợp với Văn phòng Ủy ban nhân dân tỉnh, "
                       "Sở Nội vụ xây dựng nền tảng tích hợp, chia sẻ dữ liệu của tỉnh; hoàn thành trong quý II "
                       "năm 2025."),
        ("item", "2.", "Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư tham mưu bố trí kinh phí "
                       "thực hiện Kế hoạch."),
        ("heading", "III.", "TỔ CHỨC THỰC HIỆN"),
        ("para", "", "Các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố triển khai thực hiện; "
                     "định kỳ báo cáo kết quả về Sở Thông tin và Truyền thông trước ngày 15 tháng 12 năm 2025 "
                     "để tổng hợp, báo cáo Ủy ban nhân dân tỉnh./."),
    ],
    signature=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    name="Trần Phước Hiền",
    recipients=["Bộ Thông tin và Truyền thông;", "Thường trực Tỉnh ủy;", "Thường trực HĐND tỉnh;",
                "CT, các PCT UBND tỉnh;", "Các sở, ban, ngành tỉnh;", "UBND các huyện, thị xã, thành phố;",
                "Lưu: VT, KGVX."],
    appendix=("PHỤ LỤC: DANH MỤC NHIỆM VỤ",
              ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
              [["1", "Xây dựng kho dữ liệu dùng chung", "Sở Thông tin và Truyền thông", "Sở Nội vụ", "Quý II/2025"],
               ["2", "Bố trí kinh phí thực hiện", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Năm 2025"]]),
    footnote=("Chương trình Chuyển đổi số quốc gia", "Ban hành kèm theo Quyết định số 749/QĐ-TTg."),
)


def to_text(spec: Spec) -> str:
    """The document as the clean text a careful person would type."""
    out = [*spec.issuer, "-------", *spec.nation, "---------------", spec.number]
    if spec.vv:
        out.append(spec.vv)
    out.append(spec.place_date)
    out.append("")
    if spec.doc_type:
        out += [spec.doc_type, *spec.title, ""]
    if spec.kinh_gui:
        out += ["Kính gửi:", *[f"- {k}" for k in spec.kinh_gui], ""]
    for kind, marker, text in spec.body:
        out.append(f"{marker} {text}" if marker else text)
    out += ["", *spec.signature, "", spec.name, "", "Nơi nhận:", *[f"- {r}" for r in spec.recipients]]
    if spec.appendix:
        title, head, rows = spec.appendix
        out += ["", title, "| " + " | ".join(head) + " |"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out) + "\n"


# -- DOCX ---------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING = f"""<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="11"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
<w:lvlText w:val="%1)"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="12"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>
</w:numbering>"""


def _no_borders(table) -> None:
    from docx.oxml import parse_xml

    tblPr = table._tbl.tblPr
    tblPr.append(parse_xml(
        f'<w:tblBorders xmlns:w="{W}">' + "".join(
            f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"))


def _set_cell(cell, lines: list[str], bold: set[int] = frozenset(), italic: set[int] = frozenset(),
              center: bool = True, use_breaks: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    first = cell.paragraphs[0]
    if use_breaks:  # one paragraph, lines separated by line breaks (Shift+Enter)
        for i, line in enumerate(lines):
            run = first.add_run(line)
            run.bold = i in bold
            run.italic = i in italic
            if i < len(lines) - 1:
                run.add_break()
        if center:
            first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        run = p.add_run(line)
        run.bold = i in bold
        run.italic = i in italic
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


class _Numbers:
    """Word numbering: a fresh list instance (restarting at 1) for each run of items."""

    def __init__(self, doc) -> None:
        from docx.oxml import parse_xml

        part = doc.part.numbering_part
        root = parse_xml(NUMBERING)
        part._element = root
        self.root = root
        self.next_id = 100

    def new(self, abstract: int) -> str:
        from docx.oxml import parse_xml

        nid = str(self.next_id)
        self.next_id += 1
        self.root.append(parse_xml(
            f'<w:num xmlns:w="{W}" w:numId="{nid}"><w:abstractNumId w:val="{abstract}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
        return nid


def _number(paragraph, nid: str) -> None:
    from docx.oxml import parse_xml

    pPr = paragraph._p.get_or_add_pPr()
    pPr.insert(0, parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="0"/><w:numId w:val="{nid}"/></w:numPr>'))


def _footnote(doc, paragraph, text: str) -> None:
    """A real footnote: a footnotes part with the note, a reference run in the paragraph."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
           '</w:p></w:footnote>'
           f'<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="20"/></w:rPr>'
           f'<w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> {text}</w:t>'
           '</w:r></w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    paragraph._p.append(parse_xml(
        f'<w:r xmlns:w="{W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        '<w:footnoteReference w:id="1"/></w:r>'))


def to_docx(spec: Spec, path: str, *, auto_numbering: bool = True, breaks_in_header: bool = False) -> None:
    """Write the document as a DOCX the way a secretary's Word template lays it out."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    section = doc.sections[0]
    section.header.paragraphs[0].text = "Bản điện tử"
    fp = section.footer.paragraphs[0]
    fp._p.append(parse_xml(f'<w:fldSimple xmlns:w="{W}" w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))

    left = [*spec.issuer, "-------", spec.number] + ([spec.vv] if spec.vv else [])
    right = [*spec.nation, "---------------", spec.place_date]
    head = doc.add_table(rows=1, cols=2)
    _no_borders(head)
    _set_cell(head.cell(0, 0), left, bold=set(range(len(spec.issuer))), use_breaks=breaks_in_header)
    _set_cell(head.cell(0, 1), right, bold={0, 1}, italic={len(right) - 1}, use_breaks=breaks_in_header)

    if spec.doc_type:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(spec.doc_type).bold = True
        for line in spec.title:
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(line).bold = True
    if spec.kinh_gui:
        doc.add_paragraph("Kính gửi:")
        for k in spec.kinh_gui:
            doc.add_paragraph(f"- {k}")

    numbers = _Numbers(doc) if auto_numbering else None
    current: dict[str, str] = {}
    note_done = False
    for kind, marker, text in spec.body:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        abstract = {"heading": 12, "item": 10, "letter": 11}.get(kind)
        if numbers is not None and abstract is not None:
            # a new list instance whenever a shallower item interrupts this level
            if kind not in current:
                current[kind] = numbers.new(abstract)
            _number(p, current[kind])
            deeper = {"heading": ("item", "letter"), "item": ("letter",), "letter": ()}[kind]
            for k in deeper:
                current.pop(k, None)
            run = p.add_run(text)
        else:
            run = p.add_run(f"{marker} {text}" if marker else text)
        run.bold = kind in ("heading", "item") and len(text) < 60
        if spec.footnote and not note_done and spec.footnote[0] in text:
            _footnote(doc, p, spec.footnote[1])
            note_done = True

    sig = doc.add_table(rows=1, cols=2)
    _no_borders(sig)
    _set_cell(sig.cell(0, 0), ["Nơi nhận:", *[f"- {r}" for r in spec.recipients]], bold={0}, italic={0},
              center=False)
    _set_cell(sig.cell(0, 1), [*spec.signature, "", "", spec.name], bold=set(range(len(spec.signature) + 3)))

    if spec.appendix:
        title, header, rows = spec.appendix
        doc.add_page_break()
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(title).bold = True
        t = doc.add_table(rows=1 + len(rows), cols=len(header))
        t.style = "Table Grid"
        for j, h in enumerate(header):
            t.cell(0, j).paragraphs[0].add_run(h).bold = True
        for i, row in enumerate(rows, 1):
            for j, v in enumerate(row):
                t.cell(i, j).paragraphs[0].add_run(v)
    doc.save(path)


def libreoffice_convert(src: str, outdir: str, target: str, password: str | None = None) -> str:
    """Convert with LibreOffice (``target``: "docx", "doc" or "pdf"; a PDF may get an open
    password); returns the new file's path."""
    import os
    import subprocess
    import tempfile

    from vbhc.docx_reader import soffice

    exe = soffice()
    assert exe, "LibreOffice is not installed"
    with tempfile.TemporaryDirectory() as profile:
        filt = {"docx": "docx:MS Word 2007 XML", "doc": "doc:MS Word 97", "pdf": "pdf:writer_pdf_Export"}[target]
        if password:
            filt += (':{"EncryptFile":{"type":"boolean","value":"true"},'
                     f'"DocumentOpenPassword":{{"type":"string","value":"{password}"}}}}')
        subprocess.run([exe, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                        "--convert-to", filt, "--outdir", outdir, src], check=True, capture_output=True, timeout=300)
    base = os.path.splitext(os.path.basename(src))[0]
    return os.path.join(outdir, f"{base}.{target}")


def variant(spec: Spec, **changes) -> Spec:
    new = copy.deepcopy(spec)
    for k, v in changes.items():
        setattr(new, k, v)
    return new
