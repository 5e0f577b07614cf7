"""The corpora: the project's own gold files field by field, the shared corpus through the
scorer, and every shared text parsed without an exception."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import goldcheck
import vbhc
from conftest import CORPUS, PYTHON, REPO, SHARED, SHARED_CORPUS
from vbhc.models import Document

# --- (a) corpus/**/NAME.gold.json, one test per document and field -------------------------

GOLD_FILES = sorted(CORPUS.glob("*/*.gold.json"))


def _doc_path(gold_path: Path) -> Path:
    return gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".txt")


def _gold_cases():
    for gpath in GOLD_FILES:
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        name = f"{gpath.parent.name}/{gpath.name.removesuffix('.gold.json')}"
        for field in goldcheck.scored_fields(gold):
            yield pytest.param(gpath, field, id=f"{name}:{field}")


_PARSED: dict[Path, dict] = {}


def _parsed(doc: Path) -> dict:
    if doc not in _PARSED:
        _PARSED[doc] = vbhc.parse_file(str(doc)).model_dump(mode="json")
    return _PARSED[doc]


def test_gold_files_present():
    assert len(GOLD_FILES) >= 17, [str(p) for p in GOLD_FILES]
    for gpath in GOLD_FILES:
        assert _doc_path(gpath).is_file(), f"{gpath} has no .txt beside it"


@pytest.mark.parametrize(("gold_path", "field"), list(_gold_cases()))
def test_gold_field(gold_path: Path, field: str):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    out = _parsed(_doc_path(gold_path))
    if field in goldcheck.SCALAR_FIELDS:
        got = goldcheck.predicted(out, field)
        assert goldcheck.scalar_ok(field, gold[field], got), f"{field}: gold={gold[field]!r} got={got!r}"
    else:
        g = goldcheck.gold_set(gold, field)
        p = goldcheck.predicted_set(out, field, g)
        assert p == g, f"{field}: missing={sorted(map(str, g - p))} extra={sorted(map(str, p - g))}"


class TestGoldcheck:
    """The comparer itself: the folding the conventions ask for."""

    def test_key_folds_tones_case_space_and_eth(self):
        assert goldcheck.key("UỶ  BAN\u00a0nhân dân") == goldcheck.key("Ủy ban nhân dân")
        assert goldcheck.key("hoà") == goldcheck.key("hòa")
        assert goldcheck.key("Thuý") == goldcheck.key("Thúy")
        assert goldcheck.key("\u00d0ỒNG") == goldcheck.key("ĐỒNG")
        assert goldcheck.key("Ho\u0300a") == goldcheck.key("Hòa")  # NFD input
        assert goldcheck.key("- Sở Nội vụ;")[-1] != ";"

    def test_key_keeps_what_differs(self):
        assert goldcheck.key("hoàn") != goldcheck.key("hòan")  # only at the end of a syllable
        assert goldcheck.key("quý") == "quý"  # q + uý is not a tone-placement variant
        assert goldcheck.key("HĐ") != goldcheck.key("HD")

    def test_scalar_rules(self):
        assert goldcheck.scalar_ok("number", "155/KH-UBND", "155 / KH-UBND")
        assert goldcheck.scalar_ok("sign_mode", "TM", "T/M")
        assert goldcheck.scalar_ok("issuer_parent", None, None)
        assert not goldcheck.scalar_ok("issuer_parent", None, "BỘ TÀI CHÍNH")
        assert goldcheck.scalar_ok("issuer_contains", "Tỉnh Bắc Ninh", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH")
        assert not goldcheck.scalar_ok("issuer_contains", "Tỉnh Bắc Giang", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH")
        assert goldcheck.scalar_ok("title", "Về việc tăng cường phòng chống dịch",
                                   "Về việc tăng cường phòng, chống dịch")
        assert not goldcheck.scalar_ok("title", "Về việc tăng cường", "Kế hoạch khác hẳn")

    def test_sections_null_title_compares_label_only(self):
        gold = {"sections": [["I", None], ["II", "NỘI DUNG"]]}
        out = {"body": [{"label": "I", "title": "Anything"}, {"label": "II", "title": "Nội dung"},
                        {"label": None, "title": None}]}
        g = goldcheck.gold_set(gold, "sections")
        assert goldcheck.predicted_set(out, "sections", g) == g


# --- (b) the shared corpus through the scorer ----------------------------------------------

SCORE = SHARED / "tools" / "score.py"
SKIP_FIELDS: set[str] = set()
ANNOTATED_ACCURACY = 0.95
# the thresholds issue #2 sets for the hand-checked real documents
ANNOTATED_THRESHOLDS: dict[str, float] = {
    **{f: ANNOTATED_ACCURACY for f in ("family", "number", "doc_type", "doc_type_name", "issuer",
                                       "issuer_parent", "issuer_contains", "place", "date", "title",
                                       "signer", "position", "sign_mode")},
    "recipients": 0.95,
    "sections": 0.95,
    "references": 0.95,
    "assignments": 0.85,
}
TVPL_THRESHOLDS: dict[str, float] = {
    "number": 0.97, "doc_type_name": 0.97, "date": 0.97, "signer": 0.97, "issuer_contains": 0.95,
}

needs_shared = pytest.mark.skipif(not (SHARED_CORPUS.is_dir() and SCORE.is_file()),
                                  reason="../shared/corpus and ../shared/tools/score.py are not here")


def _score(folder: str) -> dict:
    proc = subprocess.run([PYTHON, str(SCORE), str(SHARED_CORPUS / folder), "--api", "--json"],
                          capture_output=True, text=True, timeout=600, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def _value(entry: dict) -> float:
    return entry["accuracy"] if "accuracy" in entry else entry["f1"]


def _below(summary: dict, thresholds: dict[str, float]) -> dict[str, tuple[float, float]]:
    fields = summary["fields"]
    low = {}
    for field, floor in thresholds.items():
        if field not in fields:
            low[field] = (None, floor)
        elif _value(fields[field]) < floor:
            low[field] = (_value(fields[field]), floor)
    return low


@needs_shared
@pytest.mark.slow
def test_score_seeds():
    summary = _score("seeds")
    assert summary["failed_runs"] == 0
    thresholds = {f: 1.0 for f in summary["fields"] if f not in SKIP_FIELDS}
    assert thresholds, summary
    assert not _below(summary, thresholds), summary["fields"]


@needs_shared
@pytest.mark.slow
def test_score_annotated():
    summary = _score("annotated")
    assert summary["failed_runs"] == 0
    assert not _below(summary, ANNOTATED_THRESHOLDS), summary["fields"]


@needs_shared
@pytest.mark.slow
def test_score_tvpl():
    summary = _score("tvpl")
    assert summary["failed_runs"] == 0
    assert not _below(summary, TVPL_THRESHOLDS), summary["fields"]


# --- (c) every shared text parses and round-trips -------------------------------------------

SHARED_TEXTS = sorted(SHARED_CORPUS.rglob("*.txt")) if SHARED_CORPUS.is_dir() else []


@needs_shared
@pytest.mark.slow
def test_shared_corpus_parses_and_round_trips():
    assert SHARED_TEXTS, "no .txt under ../shared/corpus"
    failures = []
    for path in SHARED_TEXTS:
        rel = path.relative_to(SHARED_CORPUS)
        try:
            doc = vbhc.parse_file(str(path))
            js = doc.to_json()
            if Document.from_json(js).to_json() != js:
                failures.append(f"{rel}: JSON round trip differs")
        except Exception as exc:  # noqa: BLE001 - collect every failure, then report them all
            failures.append(f"{rel}: {type(exc).__name__}: {exc}")
    assert not failures, "\n".join(failures)
