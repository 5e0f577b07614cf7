"""Shared paths, markers and fixtures for the vbhc test suite."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"
CORPUS = REPO / "corpus"
SEED = CORPUS / "seeds" / "bac-kan-155-kh-ubnd.txt"
PYTHON = sys.executable


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: builds a wheel or runs subprocesses; runs by default")


@pytest.fixture
def grammar_copy(tmp_path, monkeypatch):
    """A copy of the grammar files that vbhc reads instead of its own, to break; the
    compiled tables are forgotten before and after."""
    import shutil

    from vbhc import grammar as G

    d = tmp_path / "grammars"
    shutil.copytree(G.grammar_dir(), d)

    def forget() -> None:
        for compiled in G._compiled():
            compiled.cache_clear()

    monkeypatch.setattr(G, "grammar_dir", lambda: d)
    forget()
    yield d
    monkeypatch.undo()
    forget()
