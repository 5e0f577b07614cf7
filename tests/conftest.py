"""Shared paths and markers for the vbhc test suite."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"
CORPUS = REPO / "corpus"
SEED = CORPUS / "seeds" / "bac-kan-155-kh-ubnd.txt"
PYTHON = sys.executable


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: builds a wheel or runs subprocesses; runs by default")
