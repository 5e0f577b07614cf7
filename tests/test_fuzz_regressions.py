"""Inputs the fuzzers (fuzz/fuzz.py) found crashing, pinned: each must now give a document
or a clean InputError, never another exception."""

from __future__ import annotations

from pathlib import Path

import pytest

import vbhc
from conftest import REPO
from vbhc import reader
from vbhc.document import parse_source
from vbhc.errors import InputError

CRASHES = sorted((REPO / "fuzz" / "crashes").glob("*"))


@pytest.mark.parametrize("path", CRASHES, ids=[p.name for p in CRASHES])
def test_crash_input_is_handled(path: Path, monkeypatch):
    monkeypatch.setattr(reader, "STRICT", True)  # no safety net: the reader itself must cope
    data = path.read_bytes()
    fmt = path.name.split("-", 1)[0]
    if fmt == "parse":
        doc = vbhc.parse(data.decode("utf-8", "replace"))
        assert doc.to_json()
        return
    try:
        src = reader.read_bytes(data, str(path), format=fmt)
    except InputError as exc:
        assert str(path) in str(exc) and "\n" not in str(exc)
        return
    parse_source(src).to_json()


def test_crash_corpus_is_not_empty():
    assert CRASHES, "fuzz/crashes holds the pinned inputs"
