"""Hostile and broken files: each is one line on stderr naming the file and the cause, exit 2,
in bounded time and memory; a batch mixing them with real documents writes one record per
input and parses every real document. No network, no external entities."""

from __future__ import annotations

import io
import json
import resource
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from conftest import REPO
from vbhc import limits, read_source
from vbhc.cli import main
from vbhc.errors import InputError

pytest.importorskip("docx")
pytest.importorskip("pypdfium2")

FORMATS = REPO / "corpus" / "formats"
PLAN_DOCX = FORMATS / "plan.docx"


def _with_document_xml(xml: bytes, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The plan's DOCX with word/document.xml replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(PLAN_DOCX) as src, zipfile.ZipFile(out, "w", compress) as dst:
        for info in src.infolist():
            data = xml if info.filename == "word/document.xml" else src.read(info.filename)
            dst.writestr(info.filename, data)
    return out.getvalue()


def zip_bomb() -> bytes:
    # 200 MB of one byte inflates from about 200 kB: over the ratio limit
    body = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/' \
           b'2006/main"><w:body><w:p><w:r><w:t>' + b"A" * (200 * 1024 * 1024) + b"</w:t></w:r></w:p></w:body></w:document>"
    return _with_document_xml(body)


ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
<w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY ext SYSTEM "http://127.0.0.1:9/secret"><!ENTITY file SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
<w:t>&ext;&file;</w:t></w:r></w:p></w:body></w:document>"""


def pdf_with_pages(n: int) -> bytes:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    for _ in range(n):
        doc.new_page(595, 842)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def hostile_files(folder: Path) -> dict[str, str]:
    """Write every hostile file into ``folder``; name → the error code it must give."""
    files = {
        "binary.txt": (bytes(range(256)) * 64, "binary"),
        "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 200, "binary"),
        "wrong-encoding.txt": (b"Report \x81\x8d\x8f\x90 \x9d\x9e data \xfe\xfd\xfc\xfb end\n", "encoding"),
        "empty.txt": (b"", "empty"),
        "zip-bomb.docx": (zip_bomb(), "zip_bomb"),
        "entity-bomb.docx": (_with_document_xml(ENTITY_BOMB), "xml_entities"),
        "external-entity.docx": (_with_document_xml(EXTERNAL_ENTITY), "xml_entities"),
        "no-document-part.docx": (_without_document_part(), "corrupt"),
        "truncated.docx": (PLAN_DOCX.read_bytes()[:5000], "corrupt"),
        "encrypted.pdf": ((FORMATS / "plan-encrypted.pdf").read_bytes(), "encrypted"),
        "2000-pages.pdf": (pdf_with_pages(2000), "too_large"),
        "truncated.pdf": ((FORMATS / "plan.pdf").read_bytes()[:3000], "corrupt"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    # a 50 MB HTML page, written without holding it twice in memory
    with open(folder / "huge.html", "wb") as fh:
        fh.write(b"<html><body>")
        chunk = b"<p>" + "Nội dung văn bản ".encode() * 1000 + b"</p>\n"
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
        fh.write(b"</body></html>")
    return {**{k: v[1] for k, v in files.items()}, "huge.html": "too_large"}


def _without_document_part() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(PLAN_DOCX) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info.filename))
    return out.getvalue()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("hostile")
    return folder, hostile_files(folder)


def test_each_hostile_file_is_one_clear_line(hostile, capsys):
    folder, expected = hostile
    for name, code in expected.items():
        path = str(folder / name)
        t0 = time.perf_counter()
        with pytest.raises(InputError) as info:
            read_source(path)
        assert time.perf_counter() - t0 < 30, name  # bounded: no hang
        assert info.value.code == code, (name, info.value.code, str(info.value))
        assert main(["parse", path]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1 and path in err and "Traceback" not in err, name


def test_memory_stays_bounded_on_bombs(hostile):
    folder, _ = hostile
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for name in ("zip-bomb.docx", "entity-bomb.docx", "2000-pages.pdf", "huge.html"):
        with pytest.raises(InputError):
            read_source(folder / name)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 150


def test_external_entities_are_never_fetched(hostile, monkeypatch):
    import socket

    def no_network(*a, **k):
        raise AssertionError("vbhc opened a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    folder, _ = hostile
    with pytest.raises(InputError) as info:
        read_source(folder / "external-entity.docx")
    assert "passwd" not in str(info.value) and "root:" not in str(info.value)


def test_limits_are_configurable(hostile, tmp_path):
    folder, _ = hostile
    small = tmp_path / "ten-pages.pdf"
    small.write_bytes(pdf_with_pages(10))
    saved = (limits.LIMITS.max_pages, limits.LIMITS.max_bytes)
    try:
        limits.configure(max_pages=5)
        with pytest.raises(InputError, match="too many pages"):
            read_source(small)
        limits.configure(max_pages=3000)
        with pytest.raises(InputError) as info:  # allowed now: blank pages, so no text layer
            read_source(folder / "2000-pages.pdf")
        assert info.value.code == "scanned"
        limits.configure(max_bytes=1000)
        with pytest.raises(InputError, match="too large"):
            read_source(FORMATS / "plan.txt")
    finally:
        limits.configure(max_pages=saved[0], max_bytes=saved[1])
    with pytest.raises(TypeError):
        limits.configure(max_cats=1)


def test_cli_limit_options(tmp_path, capsys):
    assert main(["parse", str(FORMATS / "plan.txt"), "--max-bytes", "100"]) == 2
    assert "too large" in capsys.readouterr().err
    limits.configure(max_bytes=32 * 1024 * 1024)


def test_limits_from_environment(monkeypatch):
    monkeypatch.setenv("VBHC_MAX_PAGES", "12")
    monkeypatch.setenv("VBHC_MAX_BYTES", "")  # empty: unset
    got = limits.Limits.from_env()
    assert got.max_pages == 12 and got.max_bytes == limits.Limits().max_bytes
    monkeypatch.setenv("VBHC_MAX_BYTES", "not a number")  # no longer ignored (tests/test_cli.py)
    with pytest.raises(ValueError, match="VBHC_MAX_BYTES"):
        limits.Limits.from_env()


def test_batch_over_hostile_and_real_documents(hostile, tmp_path):
    folder, expected = hostile
    mixed = tmp_path / "mixed"
    shutil.copytree(folder, mixed)
    real = sorted((REPO / "corpus" / "synthetic").glob("*.txt")) + [FORMATS / "plan.docx", FORMATS / "plan.pdf"]
    for p in real:
        shutil.copy(p, mixed / p.name)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(mixed), "-o", str(out), "-j", "2", "-q"]) == 2
    recs = {Path(r["source"]).name: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert len(recs) == len(expected) + len(real)
    for name, code in expected.items():
        assert recs[name]["error"]["code"] == code, name
    for p in real:
        assert "error" not in recs[p.name] and recs[p.name]["number"] is not None, p.name
