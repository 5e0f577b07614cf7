"""Rebuild the format fixtures: one plan written as text, as a DOCX (python-docx, in the
shapes real Word files have), as that DOCX re-saved by LibreOffice, and as a PDF LibreOffice
printed from it (and that PDF with an open password). Needs python-docx and LibreOffice (soffice).

    .venv/bin/python corpus/formats/build.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests"))

import docbuild  # noqa: E402


def main() -> None:
    with open(os.path.join(HERE, "plan.txt"), "w", encoding="utf-8") as fh:
        fh.write(docbuild.to_text(docbuild.PLAN))
    docx_path = os.path.join(HERE, "plan.docx")
    docbuild.to_docx(docbuild.PLAN, docx_path)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(docx_path, os.path.join(tmp, "plan-lo.docx"))
        src = os.path.join(tmp, "plan-lo.docx")
        out = os.path.join(tmp, "out")
        shutil.copy(docbuild.libreoffice_convert(src, out, "docx"), os.path.join(HERE, "plan-lo.docx"))
        shutil.copy(docbuild.libreoffice_convert(docx_path, out, "pdf"), os.path.join(HERE, "plan.pdf"))
        # the same PDF with an open password ("secret")
        shutil.copy(docbuild.libreoffice_convert(docx_path, out, "pdf", password="secret"),
                    os.path.join(HERE, "plan-encrypted.pdf"))


if __name__ == "__main__":
    main()
