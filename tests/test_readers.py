"""File readers: the same document as text, DOCX (ours and LibreOffice's) and PDF gives the
same tree; DOCX shapes (layout tables, automatic numbering, breaks, fields, footnotes, text
boxes, page headers, legacy fonts); PDF layout, furniture, and every kind of bad file."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

import docbuild
from conftest import REPO, SHARED_CORPUS
from vbhc import parse, parse_file, read_source
from vbhc.cli import main
from vbhc.errors import InputError

pytest.importorskip("docx")
pytest.importorskip("pypdfium2")
pytest.importorskip("pdfplumber")

FORMATS = REPO / "corpus" / "formats"
PDF_DIR = SHARED_CORPUS / "pdf"


def summary(doc) -> dict:
    sig = doc.signatures[0] if doc.signatures else None
    return {
        "family": doc.family,
        "number": doc.number.raw if doc.number else None,
        "type": doc.doc_type.code if doc.doc_type else None,
        "issuer": doc.issuer.name, "parent": doc.issuer.parent,
        "place": doc.place, "date": doc.date, "title": doc.title,
        "sections": [(n.label, n.title) for n in doc.body if n.label],
        "labels": [n.label for n in doc.walk() if n.label and n.kind != "footnote"],
        "recipients": [r.name for r in doc.recipients],
        "signature": (sig.mode, sig.prefixes, sig.position, sig.name) if sig else None,
        "assignments": sorted((tuple(a.lead), tuple(a.partners)) for a in doc.assignments),
        "attachments": [a.title for a in doc.attachments],
    }


@pytest.fixture(scope="module")
def text_doc():
    return parse(docbuild.to_text(docbuild.PLAN))


@pytest.mark.parametrize("name,engine", [("plan.txt", "pdfium"), ("plan.docx", "pdfium"),
                                         ("plan-lo.docx", "pdfium"), ("plan.pdf", "pdfium"),
                                         ("plan.pdf", "pdfplumber")])
def test_same_tree_from_every_format(text_doc, name, engine):
    doc = parse_file(str(FORMATS / name), pdf_engine=engine)
    assert summary(doc) == summary(text_doc)
    assert doc.number.raw == "215/KH-UBND" and doc.date == "2024-11-12"
    assert [s for s, _ in summary(doc)["sections"]] == ["I", "II", "III"]
    assert doc.origin.format == name.rsplit(".", 1)[1]


def test_committed_fixture_text_is_current():
    assert (FORMATS / "plan.txt").read_text(encoding="utf-8") == docbuild.to_text(docbuild.PLAN)


def test_pdf_engines_agree():
    a = read_source(FORMATS / "plan.pdf", pdf_engine="pdfium")
    b = read_source(FORMATS / "plan.pdf", pdf_engine="pdfplumber")
    assert a.text == b.text
    assert a.pages == b.pages == 3


# -- DOCX -----------------------------------------------------------------------------------

def _docx(tmp_path: Path, spec=docbuild.PLAN, **kw) -> Path:
    p = tmp_path / "doc.docx"
    docbuild.to_docx(spec, str(p), **kw)
    return p


def test_docx_header_and_signature_tables_are_regions(tmp_path):
    src = read_source(_docx(tmp_path))
    lines = src.text.splitlines()
    # left column (issuer, Số) before the right one (quốc hiệu, date), never interleaved
    assert lines.index("TỈNH QUẢNG NGÃI") < lines.index("Số: 215/KH-UBND") < \
        lines.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") < lines.index("Quảng Ngãi, ngày 12 tháng 11 năm 2024")
    assert lines.index("- Lưu: VT, KGVX.") < lines.index("TM. ỦY BAN NHÂN DÂN")


def test_docx_line_breaks_in_header_cells(tmp_path, text_doc):
    doc = parse_file(str(_docx(tmp_path, breaks_in_header=True)))
    assert summary(doc) == summary(text_doc)


def test_docx_typed_markers_and_automatic_numbering_agree(tmp_path, text_doc):
    auto = parse_file(str(_docx(tmp_path, auto_numbering=True)))
    typed_path = tmp_path / "typed.docx"
    docbuild.to_docx(docbuild.PLAN, str(typed_path), auto_numbering=False)
    typed = parse_file(str(typed_path))
    assert summary(auto) == summary(typed) == summary(text_doc)


def test_docx_numbering_markers_restored(tmp_path):
    text = read_source(_docx(tmp_path)).text
    for line in ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NHIỆM VỤ TRỌNG TÂM",
                 "III. TỔ CHỨC THỰC HIỆN"):
        assert line in text.splitlines()
    assert any(ln.startswith("b) Bảo đảm an toàn") for ln in text.splitlines())


def test_docx_footnote_page_header_and_footer(tmp_path):
    path = _docx(tmp_path)
    src = read_source(path)
    assert "như sau:[1]" in src.text
    assert src.text.rstrip().endswith("[1] Ban hành kèm theo Quyết định số 749/QĐ-TTg.")
    assert "Bản điện tử" not in src.text  # the page header is furniture, kept apart
    assert ("header", "Bản điện tử") in src.furniture
    doc = parse_file(str(path))
    assert [n.text for n in doc.notes] == ["Ban hành kèm theo Quyết định số 749/QĐ-TTg."]
    assert any(f.kind == "header" and f.text == "Bản điện tử" for f in doc.origin.furniture)


def test_docx_page_field_is_skipped(tmp_path):
    src = read_source(_docx(tmp_path))
    assert all(text != "1" for kind, text in src.furniture if kind == "footer")


def test_docx_pieces_point_at_runs_with_styles(tmp_path):
    src = read_source(_docx(tmp_path))
    assert src.pieces
    for p in src.pieces:
        assert 0 <= p.start < p.end <= len(src.text)
        assert "\n" not in src.text[p.start:p.end]
        assert "paragraph" in p.where and "run" in p.where or p.where.get("numbering") or "footnote" in p.where
    by_text = {src.text[p.start:p.end]: p for p in src.pieces}
    kh = by_text["KẾ HOẠCH"]
    assert kh.style.bold is True and kh.style.align == "center"
    date = by_text["Quảng Ngãi, ngày 12 tháng 11 năm 2024"]
    assert date.style.italic is True and date.where["table"] == 1 and date.where["cell"] == 2
    assert by_text["Số: 215/KH-UBND"].style.size == 13.0


def test_docx_spans_map_to_paragraphs(tmp_path):
    doc = parse_file(str(_docx(tmp_path)))
    pieces = doc.origin.locate(doc.number.span)
    assert pieces and pieces[0].where["table"] == 1 and pieces[0].where["cell"] == 1


def _raw_docx(tmp_path: Path, body_xml: str, name: str = "raw.docx", extra: dict[str, str] | None = None) -> Path:
    """A minimal DOCX written by hand, for shapes python-docx has no API for."""
    w = docbuild.W
    files = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
        '+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0"?><w:document xmlns:w="{w}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        f'xmlns:v="urn:schemas-microsoft-com:vml"><w:body>{body_xml}</w:body></w:document>',
        **(extra or {}),
    }
    p = tmp_path / name
    with zipfile.ZipFile(p, "w") as z:
        for k, v in files.items():
            z.writestr(k, v)
    return p


def _p(text: str, rpr: str = "") -> str:
    return f'<w:p><w:r>{rpr and f"<w:rPr>{rpr}</w:rPr>"}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def test_docx_text_box_hidden_text_and_complex_fields(tmp_path):
    box = ('<w:p><w:r><w:t>Trước hộp.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
           '<w:drawing><wps:txbx><w:txbxContent>' + _p("DỰ THẢO LẦN 2") + '</w:txbxContent></wps:txbx></w:drawing>'
           '</mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>' + _p("DỰ THẢO LẦN 2") +
           '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    hidden = _p("chữ ẩn", "<w:vanish/>")
    field = ('<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             '<w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
             '<w:r><w:t xml:space="preserve"> xem </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText> REF muc1 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             '<w:r><w:t>Mục 1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    src = read_source(_raw_docx(tmp_path, box + hidden + field + _p("Sau.")))
    assert [" ".join(x.split()) for x in src.text.splitlines()] == ["Trước hộp.", "DỰ THẢO LẦN 2", "Trang xem Mục 1",
                                                                    "Sau."]


def test_docx_legacy_font_runs_are_converted(tmp_path):
    # how Word stores a TCVN3 (.VnTime) and a VNI (VNI-Times) run: the font's codes as cp1252 letters
    body = (_p("Céng hoµ x· héi chñ nghÜa ViÖt Nam", '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>')
            + _p("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", '<w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/>')
            + _p("Unicode text."))
    src = read_source(_raw_docx(tmp_path, body))
    assert src.text.splitlines() == ["Cộng hoà xã hội chủ nghĩa Việt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam",
                                     "Unicode text."]
    assert [p.style.font for p in src.pieces] == [".VnTime", "VNI-Times", None]


def test_docx_data_table_gives_task_rows(tmp_path):
    doc = parse_file(str(_docx(tmp_path)))
    leads = {a.lead[0] for a in doc.assignments if a.path and "Phụ lục" in " ".join(a.path)} or \
        {a.lead[0] for a in doc.assignments}
    assert {"Sở Thông tin và Truyền thông", "Sở Tài chính"} <= leads
    assert len(doc.assignments) == 4


@pytest.mark.parametrize("data,code", [
    (b"PK\x03\x04" + b"\x00" * 40, "corrupt"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le"), "encrypted"),
])
def test_docx_bad_files(tmp_path, data, code):
    p = tmp_path / "bad.docx"
    p.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_source(p)
    assert info.value.code == code and str(p) in str(info.value)


def test_docx_truncated_zip(tmp_path):
    whole = (FORMATS / "plan.docx").read_bytes()
    p = tmp_path / "truncated.docx"
    p.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InputError) as info:
        read_source(p)
    assert info.value.code == "corrupt"


def test_zip_that_is_not_a_docx(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "xin chào")
    p = tmp_path / "archive.docx"
    p.write_bytes(buf.getvalue())
    with pytest.raises(InputError, match="word/document.xml"):
        read_source(p)


def test_legacy_doc_without_libreoffice(tmp_path, monkeypatch):
    import vbhc.docx_reader as dr

    monkeypatch.setattr(dr, "soffice", lambda: None)
    p = tmp_path / "old.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    with pytest.raises(InputError) as info:
        read_source(p)
    assert info.value.code == "legacy_doc" and "LibreOffice" in str(info.value) and ".docx" in str(info.value)


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice is not installed")
def test_legacy_doc_through_libreoffice(tmp_path, text_doc):
    doc_path = docbuild.libreoffice_convert(str(FORMATS / "plan.docx"), str(tmp_path), "doc")
    doc = parse_file(doc_path)
    assert doc.origin.format == "doc"
    # LibreOffice's .doc export loses where one Word list continues another (it renders the
    # .doc itself as "I.", "I."), so only what survives the .doc round trip is compared
    for key in ("number", "type", "issuer", "place", "date", "title", "recipients", "signature"):
        assert summary(doc)[key] == summary(text_doc)[key], key


def test_a_file_without_the_ole_signature_is_no_doc(tmp_path):
    with pytest.raises(InputError) as info:
        read_source(FORMATS / "plan.txt", format="doc")
    assert info.value.code == "corrupt" and "OLE2" in str(info.value)


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice is not installed")
def test_noise_behind_an_ole_signature_is_refused(tmp_path):
    import random
    rnd = random.Random(7)
    p = tmp_path / "fake.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(rnd.randrange(256) for _ in range(5000)))
    with pytest.raises(InputError) as info:
        read_source(p)
    assert info.value.code in ("corrupt", "convert")


def test_garbled_tells_noise_from_vietnamese():
    from vbhc.docx_reader import garbled
    assert garbled("탏ᇠꆱ᫡ꃝૻ썻扃ⶹ攟㮬砢签湲䗝幈㾚鬎暑渧懊" * 20)
    assert not garbled("Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện nhiệm vụ năm 2025. " * 10)
    assert not garbled("短い")  # too little to judge


# -- PDF ------------------------------------------------------------------------------------

def test_pdf_pieces_carry_page_and_box():
    src = read_source(FORMATS / "plan.pdf")
    assert src.format == "pdf" and src.pages == 3
    for p in src.pieces:
        assert 0 <= p.start < p.end <= len(src.text)
        x0, top, x1, bottom = p.where["bbox"]
        assert 1 <= p.where["page"] <= 3 and 0 <= x0 < x1 <= 600 and 0 <= top < bottom <= 850
    bold = {src.text[p.start:p.end] for p in src.pieces if p.style and p.style.bold}
    assert "KẾ HOẠCH" in bold


def test_pdf_page_numbers_and_running_header_are_furniture():
    src = read_source(FORMATS / "plan.pdf")
    assert "Bản điện tử" not in src.text
    assert {t for _, t in src.furniture} >= {"Bản điện tử", "1", "2", "3"}
    assert "3" not in [line.strip() for line in src.text.splitlines()]  # "1", "2" are the table's STT cells


def test_pdf_footnote_moves_after_the_document():
    doc = parse_file(str(FORMATS / "plan.pdf"))
    assert [n.text for n in doc.notes] == ["Ban hành kèm theo Quyết định số 749/QĐ-TTg."]


def test_pdf_bordered_table_read_as_cells():
    doc = parse_file(str(FORMATS / "plan.pdf"))
    rows = [a for a in doc.assignments if a.task and "kho dữ liệu" in a.task]
    assert rows and rows[0].lead == ["Sở Thông tin và Truyền thông"] and rows[0].partners == ["Sở Nội vụ"]


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_pdf_encrypted(engine):
    with pytest.raises(InputError) as info:
        read_source(FORMATS / "plan-encrypted.pdf", pdf_engine=engine)
    assert info.value.code == "encrypted"


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_pdf_truncated(tmp_path, engine):
    p = tmp_path / "cut.pdf"
    p.write_bytes((FORMATS / "plan.pdf").read_bytes()[:2000])
    with pytest.raises(InputError) as info:
        read_source(p, pdf_engine=engine)
    assert info.value.code == "corrupt" and str(p) in str(info.value)


@pytest.mark.skipif(not PDF_DIR.is_dir(), reason="../shared/corpus/pdf is not present")
def test_real_text_layer_pdf():
    doc = parse_file(str(PDF_DIR / "bnt-btttt-gop-y.pdf"))
    assert doc.number.raw == "/UBND-KGVX"
    assert doc.place == "Quảng Ngãi"
    assert doc.issuer.name == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
    assert doc.doc_type.code == "CV"
    assert doc.title == ("góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều của Quyết định số 2269/QĐ-TTg "
                         "về Chương trình cung cấp dịch vụ viễn thông công ích")
    assert doc.date is None and any(d.code == "header.date.blank" for d in doc.diagnostics)
    assert doc.signatures[0].name == "Phùng Tô Long" and doc.signatures[0].mode == "KT"
    assert [r.name for r in doc.recipients if r.source == "noi_nhan"][:2] == \
        ["Như trên", "Bộ Thông tin và Truyền thông (b/cáo)"]
    assert [(a.lead, a.partners) for a in doc.assignments] == \
        [(["Sở Thông tin và Truyền thông"], ["các cơ quan, đơn vị, địa phương liên quan"])]


@pytest.mark.skipif(not PDF_DIR.is_dir(), reason="../shared/corpus/pdf is not present")
@pytest.mark.parametrize("name", ["2770-08-ct-ubnd-scanned.pdf", "574-ub-scanned.pdf"])
def test_scanned_pdf_is_a_clear_error(capsys, name):
    path = str(PDF_DIR / name)
    assert main(["parse", path]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and path in err and "no text layer: this PDF is a scanned image" in err


# -- dispatch and CLI ----------------------------------------------------------------------

def test_format_is_told_by_content_not_name(tmp_path):
    p = tmp_path / "plan.txt"  # a PDF misnamed
    p.write_bytes((FORMATS / "plan.pdf").read_bytes())
    assert read_source(p).format == "pdf"


def test_cli_text_and_json_origin(capsys):
    import json

    assert main(["parse", str(FORMATS / "plan.docx"), "--text"]) == 0
    assert "Số: 215/KH-UBND" in capsys.readouterr().out
    assert main(["parse", str(FORMATS / "plan.pdf"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["origin"]["format"] == "pdf" and data["origin"]["pages"] == 3
    assert data["number"]["raw"] == "215/KH-UBND"


def test_batch_of_mixed_formats_keeps_going(capsys, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    code = main(["parse", str(FORMATS / "plan.docx"), str(bad), str(FORMATS / "plan.pdf"), "--jsonl"])
    out, err = capsys.readouterr()
    recs = [json.loads(x) for x in out.splitlines()]  # line N is file N, an error record for the bad one
    assert code == 2 and [r.get("error", {}).get("code") for r in recs] == [None, "corrupt", None] and str(bad) in err


@pytest.mark.parametrize(("name", "modules", "extra"), [
    ("plan.pdf", ["pypdfium2", "pypdfium2.raw"], "pdf"),
    ("plan.docx", ["lxml", "lxml.etree"], "docx"),  # what the DOCX reader needs of the docx extra
])
def test_a_missing_extra_is_named_with_its_install_command(monkeypatch, name, modules, extra):
    import sys
    for m in modules:
        monkeypatch.setitem(sys.modules, m, None)  # import fails as if the package were not installed
    with pytest.raises(InputError) as err:
        parse_file(str(FORMATS / name))
    assert err.value.code == "missing_extra"
    assert f"pip install 'vbhc[{extra}]'" in str(err.value)
