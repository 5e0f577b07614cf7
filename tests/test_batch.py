"""vbhc batch and vbhc.parse_many: one record per input in a stable order, errors as records,
parallel workers, resume, interruption, progress."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

import vbhc
from conftest import REPO
from vbhc import batch
from vbhc.cli import main

# tests that patch vbhc in this process and expect its worker processes to run the patch: true
# only where workers are forked from it (Linux; elsewhere they are spawned and import vbhc anew)
forked_workers = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                    reason="workers inherit this process's patches only when forked (Linux)")


def _copies(folder: Path, n: int, width: int = 2) -> Path:
    """``folder`` made and filled with ``n`` copies of the synthetic documents (00.txt, 01.txt …)."""
    folder.mkdir()
    synth = sorted(SYNTH.glob("*.txt"))
    for k in range(n):
        shutil.copy(synth[k % len(synth)], folder / f"{k:0{width}d}.txt")
    return folder

SYNTH = REPO / "corpus" / "synthetic"
FORMATS = REPO / "corpus" / "formats"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    for p in sorted(SYNTH.glob("*.txt"))[:4]:
        shutil.copy(p, d / p.name)
    shutil.copy(FORMATS / "plan.docx", d / "sub" / "plan.docx")
    shutil.copy(FORMATS / "plan.pdf", d / "sub" / "plan.pdf")
    (d / "sub" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40)
    (d / "empty.txt").write_bytes(b"")
    (d / "notes.gold.json").write_text("{}")
    (d / "readme.md").write_text("not a document type we walk for")
    return d


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_collect_walks_folders_sorted_and_keeps_named_files(folder):
    files = batch.collect([folder, folder / "readme.md"])
    names = [Path(f).relative_to(folder).as_posix() for f in files]
    assert names == sorted(names[:-1]) + ["readme.md"]
    assert "notes.gold.json" not in names and "sub/plan.docx" in names and "sub/image.txt" in names
    assert batch.collect([folder], glob="*.pdf") == [str(folder / "sub" / "plan.pdf")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_one_record_per_input_in_order(folder, tmp_path, capsys, jobs):
    out = tmp_path / "out.jsonl"
    missing = str(tmp_path / "nope.txt")
    code = main(["batch", str(folder), missing, "-o", str(out), "--jobs", jobs, "--quiet"])
    assert code == 2  # some inputs failed
    recs = records(out)
    expected = [*batch.collect([folder]), missing]
    assert [r["source"] for r in recs] == expected
    errors = {Path(r["source"]).name: r["error"]["code"] for r in recs if "error" in r}
    assert errors == {"image.txt": "binary", "nope.txt": "not_found", "empty.txt": "empty"}
    docs = {Path(r["source"]).name: r for r in recs if "error" not in r}
    assert docs["plan.docx"]["number"]["raw"] == docs["plan.pdf"]["number"]["raw"] == "215/KH-UBND"
    assert all(r["error"]["message"].startswith(r["source"]) for r in recs if "error" in r)
    assert capsys.readouterr().err == ""  # --quiet


def test_one_and_two_workers_write_the_same_file(folder, tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    main(["batch", str(folder), "-o", str(a), "-j", "1", "-q"])
    main(["batch", str(folder), "-o", str(b), "-j", "2", "-q"])
    assert a.read_bytes() == b.read_bytes()


def test_all_good_inputs_exit_zero_and_summary(tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    assert main(["batch", str(SYNTH), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{len(list(SYNTH.glob('*.txt')))} parsed, 0 failed" in err
    assert "docs/s" not in err  # no progress bar when stderr is not a terminal


def test_json_array_output(folder, tmp_path):
    out = tmp_path / "o.json"
    main(["batch", str(folder), "-o", str(out), "--format", "json", "-q"])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data) == len(batch.collect([folder]))


@pytest.mark.parametrize("how", ["named", "in-folder", "other-spelling", "hard-link", "resume", "json"])
def test_an_output_that_is_one_of_the_inputs_is_refused_and_left_alone(folder, tmp_path, capsys, monkeypatch, how):
    victim = folder / min(p.name for p in folder.glob("*.txt"))
    before = victim.read_bytes()
    monkeypatch.chdir(tmp_path)
    out, extra = str(victim), []
    if how == "named":
        args = [str(victim)]
    elif how == "in-folder":
        args = [str(folder)]
    elif how == "other-spelling":
        args, out = ["in"], str(folder / "sub" / ".." / victim.name)
    elif how == "hard-link":
        import os

        os.link(victim, tmp_path / "link.txt")
        args, out = [str(folder)], "link.txt"
    else:
        args, extra = [str(folder)], ["--resume"] if how == "resume" else ["--format", "json"]
    code = main(["batch", *args, "-o", out, "-q", *extra])
    assert code == 2
    assert capsys.readouterr().err == f"vbhc: {out}: the output is one of the inputs\n"
    assert victim.read_bytes() == before


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_no_input_file_found_is_an_error_and_writes_nothing(tmp_path, capsys, fmt):
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "notes.md").write_text("not a document type we walk for")
    out = tmp_path / "o.out"
    assert main(["batch", str(empty), "-o", str(out), "--format", fmt]) == 2
    assert capsys.readouterr().err == (f"vbhc: no input files found under {empty} "
                                       "(looked for *.txt, *.docx, *.doc, *.pdf, *.html, *.htm)\n")
    assert not out.exists()
    assert main(["batch", str(empty), str(empty / "sub"), "--glob", "*.pdf", "--format", fmt]) == 2
    out_, err = capsys.readouterr()
    assert out_ == "" and err == f"vbhc: no input files found under {empty}, {empty / 'sub'} (looked for '*.pdf')\n"


def test_batch_help_names_every_extension_walked(capsys):
    with pytest.raises(SystemExit):
        main(["batch", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "walked for " + ", ".join(batch.EXTENSIONS) in text


def test_a_bad_grammar_stops_parse_many_before_any_worker(grammar_copy, folder):
    from vbhc.errors import GrammarError

    (grammar_copy / "deadlines.toml").write_text("[deadline\n", encoding="utf-8")
    with pytest.raises(GrammarError, match=r"^grammars/deadlines.toml:1: "):
        next(vbhc.parse_many(batch.collect([folder]), jobs=2))  # not a "crashed" record per file


def test_resume_skips_done_inputs_and_repairs_a_cut_line(folder, tmp_path):
    out = tmp_path / "o.jsonl"
    files = batch.collect([folder])
    main(["batch", *files[:3], "-o", str(out), "-q"])
    with open(out, "a", encoding="utf-8") as fh:
        fh.write('{"source": "half a rec')  # what a kill -9 in mid-write would leave
    main(["batch", str(folder), "-o", str(out), "--resume", "-q"])
    recs = records(out)
    assert sorted(r["source"] for r in recs) == sorted(files)


def test_resume_exits_2_while_the_output_holds_an_error_record_of_its_inputs(folder, tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    files = batch.collect([folder])
    good = [f for f in files if Path(f).name not in ("image.txt", "empty.txt")]
    empty = str(folder / "empty.txt")
    assert main(["batch", good[0], empty, "-o", str(out), "-q"]) == 2
    capsys.readouterr()
    # the rest parses but for the image, and the record of empty.txt is still an error: not a success
    assert main(["batch", *files, "-o", str(out), "--resume"]) == 2
    assert capsys.readouterr().err == (f"vbhc: {len(files) - 3} parsed, 1 failed, 2 already done "
                                       "(1 of them error records; --retry-errors parses them again)\n")
    assert main(["batch", *files, "-o", str(out), "--resume"]) == 2
    assert capsys.readouterr().err == (f"vbhc: 0 parsed, 0 failed, {len(files)} already done "
                                       "(2 of them error records; --retry-errors parses them again)\n")
    # an error record of an input not in this run does not count
    assert main(["batch", *good, "-o", str(out), "--resume"]) == 0
    assert capsys.readouterr().err == f"vbhc: 0 parsed, 0 failed, {len(good)} already done\n"
    assert len(records(out)) == len(files)


def test_resume_knows_an_input_however_it_is_spelled(folder, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link").symlink_to(folder)
    out = tmp_path / "o.jsonl"
    assert main(["batch", "in", "-o", "o.jsonl", "-q"]) == 2  # the image and the empty file fail
    first = out.read_bytes()
    n = len(records(out))
    for spelling in ["./in", str(folder), "link", str(tmp_path / "in" / "sub" / "..")]:
        capsys.readouterr()
        main(["batch", spelling, "-o", "o.jsonl", "--resume"])
        assert f"0 parsed, 0 failed, {n} already done" in capsys.readouterr().err, spelling
        assert out.read_bytes() == first  # no record twice
    # the records keep the paths as they were written
    assert [r["source"] for r in records(out)] == batch.collect(["in"])


def test_an_input_named_twice_however_spelled_has_one_record(folder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = min(p.name for p in folder.glob("*.txt"))
    files = batch.collect([f"in/{name}", "in", f"./in/{name}", str(folder)])
    assert files[0] == f"in/{name}" and len(files) == len(set(files)) == len(batch.collect(["in"]))
    out = tmp_path / "o.jsonl"
    main(["batch", f"in/{name}", "in", str(folder), "-o", str(out), "-q"])
    assert [r["source"] for r in records(out)] == files


def test_resume_from_another_folder_is_refused_not_parsed_twice(folder, tmp_path, capsys, monkeypatch):
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "o.jsonl"
    main(["batch", "in", "-o", "o.jsonl", "-q"])
    before = out.read_bytes()
    monkeypatch.chdir(tmp_path / "elsewhere")  # "in/…" no longer names the inputs
    capsys.readouterr()
    assert main(["batch", "../in", "-o", "../o.jsonl", "--resume", "--retry-errors"]) == 2
    line = capsys.readouterr().err
    assert line.startswith("vbhc: ../o.jsonl: its records name inputs by paths relative to another folder (in")
    assert line.count("\n") == 1
    assert out.read_bytes() == before
    monkeypatch.chdir(tmp_path)  # from the folder the batch ran in it goes on
    main(["batch", str(folder), "-o", "o.jsonl", "--resume", "-q"])
    assert out.read_bytes() == before


def test_resume_by_bare_names_from_the_folder_above_is_refused(folder, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(folder)
    main(["batch", ".", "-o", "../o.jsonl", "-q"])  # records name the files "a.txt", "sub/…"
    before = (tmp_path / "o.jsonl").read_bytes()
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["batch", "in", "-o", "o.jsonl", "--resume", "-q"]) == 2
    assert "relative to another folder" in capsys.readouterr().err
    assert (tmp_path / "o.jsonl").read_bytes() == before


def test_resume_parses_a_new_input_named_like_a_file_gone_from_the_batchs_folder(folder, tmp_path, capsys,
                                                                                  monkeypatch):
    monkeypatch.chdir(folder)
    main(["batch", ".", "-o", "../o.jsonl", "-q"])
    first = records(tmp_path / "o.jsonl")
    name = min(p.name for p in folder.glob("*.txt") if p.stat().st_size)
    assert name in {r["source"] for r in first}  # a bare file name
    (folder / "new").mkdir()
    (folder / name).unlink()  # gone; another document of the same name is a new input
    shutil.copy(max(SYNTH.glob("*.txt")), folder / "new" / name)
    capsys.readouterr()
    main(["batch", ".", "-o", "../o.jsonl", "--resume", "-q"])
    assert "another folder" not in capsys.readouterr().err
    again = records(tmp_path / "o.jsonl")
    assert again[:len(first)] == first
    assert [r["source"] for r in again[len(first):]] == [f"new/{name}"]
    assert again[-1]["number"]["raw"]


def test_resume_retry_errors_parses_failed_inputs_again(folder, tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    late = tmp_path / "late.txt"  # missing on the first run
    inputs = [*batch.collect([folder]), str(late)]
    assert main(["batch", *inputs, "-o", str(out), "-q"]) == 2
    first = records(out)
    failed = {r["source"] for r in first if "error" in r}
    assert str(late) in failed and len(failed) == 3  # also the image and the empty file
    shutil.copy(sorted(SYNTH.glob("*.txt"))[0], late)
    # --resume alone: an error record counts as done (not parsed again), and still fails the batch
    assert main(["batch", *inputs, "-o", str(out), "--resume", "-q"]) == 2
    assert records(out) == first
    assert main(["batch", *inputs, "-o", str(out), "--resume", "--retry-errors", "-q"]) == 2
    again = records(out)
    assert sorted(r["source"] for r in again) == sorted(inputs)  # still one line per input
    assert {r["source"] for r in again if "error" in r} == failed - {str(late)}
    assert next(r for r in again if r["source"] == str(late))["number"]["raw"]
    assert [r for r in again if r["source"] not in failed] == [r for r in first if r["source"] not in failed]
    capsys.readouterr()
    assert main(["batch", *inputs, "-o", str(out), "--retry-errors", "-q"]) == 2
    assert "--retry-errors goes with --resume" in capsys.readouterr().err


def test_interrupted_batch_leaves_valid_jsonl(folder, tmp_path, monkeypatch, capsys):
    real = batch.parse_many

    def interrupted(paths, **kw):
        for k, r in enumerate(real(paths, **kw)):
            if k == 3:
                raise KeyboardInterrupt
            yield r

    monkeypatch.setattr(batch, "parse_many", interrupted)
    out = tmp_path / "o.jsonl"
    assert main(["batch", str(folder), "-o", str(out), "-j", "2"]) == 130
    assert len(records(out)) == 3
    assert "--resume" in capsys.readouterr().err


def test_progress_bar_draws_rate_and_eta(capsys):
    p = batch.Progress(3, enabled=True)
    for ok in (True, False, True):
        p.last = 0.0
        p.step(ok)
    p.close()
    err = capsys.readouterr().err
    assert "3/3" in err and "docs/s" in err and "ETA" in err and "1 failed" in err


def test_parse_many_yields_every_input(folder):
    files = batch.collect([folder])
    results = list(vbhc.parse_many(files, jobs=2))
    assert sorted(r.path for r in results) == sorted(files)
    good = [r for r in results if r.ok]
    doc = next(r for r in good if r.path.endswith("plan.docx")).document()
    assert doc.number.raw == "215/KH-UBND" and doc.origin.format == "docx"
    ordered = list(vbhc.parse_many(files, jobs=2, ordered=True))
    assert [r.path for r in ordered] == files


def test_worker_bug_is_a_record_not_a_crash(tmp_path, monkeypatch):
    import vbhc.document

    def boom(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr(vbhc.document, "parse_source", boom)
    p = tmp_path / "a.txt"
    p.write_text("Số: 1/TB-UBND\n", encoding="utf-8")
    (r,) = list(vbhc.parse_many([p], jobs=1))
    assert r.error["code"] == "internal" and "RuntimeError: boom" in r.error["message"]


def _dies_on_crash_me(path, format=None, pdf_engine="pdfium", timeout=None):
    import os as _os

    if Path(path).name == "crash-me.txt":
        _os._exit(1)  # what a segfault in a native library or the OOM killer does to a worker
    return batch.work.__wrapped__(path, format, pdf_engine, timeout)


def _batch_with_a_crash(folder: Path, monkeypatch) -> tuple[list[str], list]:
    """Put a file that kills its worker in ``folder``; parse the folder with two workers."""
    (folder / "crash-me.txt").write_text("Số: 1/TB-UBND\n", encoding="utf-8")
    _dies_on_crash_me.__wrapped__ = batch.work  # type: ignore[attr-defined]
    monkeypatch.setattr(batch, "work", _dies_on_crash_me)
    files = batch.collect([folder])
    results = list(vbhc.parse_many(files, jobs=2, ordered=True))
    assert [r.path for r in results] == files
    return files, results


@forked_workers
def test_a_dying_worker_costs_only_its_file(folder, monkeypatch):
    files, results = _batch_with_a_crash(folder, monkeypatch)
    codes = {Path(r.path).name: (r.error or {}).get("code") for r in results}
    assert codes["crash-me.txt"] == "crashed"
    assert codes["plan.docx"] is None and codes["plan.pdf"] is None and codes["image.txt"] == "binary"


@forked_workers
def test_chunked_batch_keeps_every_record_and_isolates_a_crash(tmp_path, monkeypatch):
    # enough files that workers get them several at a time: a crash costs only its own file
    d = _copies(tmp_path / "many", 80, width=3)
    files, results = _batch_with_a_crash(d, monkeypatch)
    assert len(files) == 81 and len({r.path for r in results}) == 81
    bad = [Path(r.path).name for r in results if not r.ok]
    assert bad == ["crash-me.txt"]
    assert results[files.index(str(d / "crash-me.txt"))].error["code"] == "crashed"


def test_chunks_cover_every_file_once_in_order_and_keep_big_files_alone(tmp_path):
    files = []
    for k in range(200):
        p = tmp_path / f"{k:03d}.txt"
        p.write_bytes(b"x" * (batch.CHUNK_BYTES + 1 if k % 50 == 7 else 1000))
        files.append(str(p))
    files.append(str(tmp_path / "missing.txt"))
    chunks = list(batch._chunks(files, 2))
    assert [f for c in chunks for _, f in c] == files
    assert [i for c in chunks for i, _ in c] == list(range(len(files)))
    assert all(len(c) <= batch.CHUNK_FILES for c in chunks)
    for c in chunks:
        big = [f for _, f in c if Path(f).exists() and Path(f).stat().st_size > batch.CHUNK_BYTES]
        assert not big or len(c) == 1
    # a handful of files: one per task, so that both workers get some
    assert [len(c) for c in batch._chunks(files[:10], 2)] == [1] * 10


def _stuck_on_slow(real):
    """parse_source that takes far too long on a file named slow-*: a Python loop for
    slow-loop, a regular expression backtracking inside the engine for slow-regex (both end,
    after some seconds, so that a broken timeout fails the test rather than hangs it)."""
    import time

    import regex

    def parse_source(src, source=None):
        name = Path(source or "").name
        if name == "slow-loop.txt":
            end = time.monotonic() + 10
            while time.monotonic() < end:
                pass
        if name == "slow-regex.txt":
            regex.search(r"(?:\w+\s?)+\d", "ab " * 2500)  # seconds of backtracking, in C
        return real(src, source=source)

    return parse_source


@pytest.fixture()
def slow_folder(tmp_path, monkeypatch):
    import vbhc.document

    monkeypatch.setattr(vbhc.document, "parse_source", _stuck_on_slow(vbhc.document.parse_source))
    d = _copies(tmp_path / "slow", 6)
    for name in ("slow-loop.txt", "slow-regex.txt"):
        (d / name).write_text("Số: 1/TB-UBND\n", encoding="utf-8")
    return d


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=forked_workers)])
def test_a_file_that_never_finishes_gets_a_timeout_record(slow_folder, jobs):
    import signal

    files = batch.collect([slow_folder])
    before = signal.getsignal(signal.SIGALRM)
    results = list(vbhc.parse_many(files, jobs=jobs, ordered=True, timeout=0.5))
    assert [r.path for r in results] == files
    errors = {Path(r.path).name: r.error for r in results if not r.ok}
    assert sorted(errors) == ["slow-loop.txt", "slow-regex.txt"]
    for name, err in errors.items():
        assert err["code"] == "timeout" and name in err["message"] and "0.5 s" in err["message"]
    assert all(r.document() is not None for r in results if r.ok)
    # nothing of the alarm is left behind in this process
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_timeout_leaves_a_callers_running_timer_alone(tmp_path):
    import signal

    p = tmp_path / "a.txt"
    p.write_text("Số: 1/TB-UBND\n", encoding="utf-8")
    signal.setitimer(signal.ITIMER_REAL, 1000)
    try:
        r = batch.work(str(p), timeout=0.5)
        left = signal.getitimer(signal.ITIMER_REAL)[0]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    assert r.ok and left > 900  # not cancelled, not replaced by ours


def test_cli_batch_timeout(slow_folder, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(slow_folder), "-o", str(out), "-j", "1", "-q", "--timeout", "0.5"]) == 2
    recs = records(out)
    assert len(recs) == 8
    assert sorted(Path(r["source"]).name for r in recs if "error" in r) == ["slow-loop.txt", "slow-regex.txt"]
    assert {r["error"]["code"] for r in recs if "error" in r} == {"timeout"}
    for bad in ("-1", "nan"):
        assert main(["batch", str(slow_folder), "-o", str(out), "--timeout", bad]) == 2
        assert "--timeout" in capsys.readouterr().err


def test_retry_errors_leaves_other_inputs_records_and_the_files_link_and_mode(tmp_path):
    import os
    import stat

    ok = tmp_path / "ok.txt"
    shutil.copy(sorted(SYNTH.glob("*.txt"))[0], ok)
    missing = tmp_path / "b" / "missing.txt"
    real = tmp_path / "real.jsonl"
    out = tmp_path / "out.jsonl"
    out.symlink_to(real)
    assert main(["batch", str(ok), str(missing), "-o", str(out), "-q"]) == 2
    real.chmod(0o600)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    assert main(["batch", str(bad), "-o", str(out), "--resume", "-q"]) == 2
    # a retry of this run's inputs only: the other input's error record stays, one line each
    assert main(["batch", str(ok), str(bad), "-o", str(out), "--resume", "--retry-errors", "-q"]) == 2
    recs = records(out)
    assert sorted(r["source"] for r in recs) == sorted([str(ok), str(missing), str(bad)])
    assert {r["source"] for r in recs if "error" in r} == {str(missing), str(bad)}
    assert out.is_symlink() and stat.S_IMODE(os.stat(real).st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_an_infinite_or_huge_timeout_is_no_timeout(tmp_path):
    import math

    p = tmp_path / "a.txt"
    shutil.copy(sorted(SYNTH.glob("*.txt"))[0], p)
    for t in (math.inf, 1e12):
        (r,) = list(vbhc.parse_many([p], jobs=1, timeout=t))
        assert r.ok
    assert main(["batch", str(p), "-o", str(tmp_path / "o.jsonl"), "-q", "--timeout", "inf"]) == 0


def _hangs_in_native_code(path, format=None, pdf_engine="pdfium", timeout=None):
    """work() for a file named stuck-*.txt: stuck where no alarm reaches (the signal is
    blocked, as it is in effect inside one long call into a native library)."""
    import signal
    import time

    if "stuck-" in Path(path).name:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(120)
    time.sleep(0.1)  # other files finish while the stuck one is stopped: records and a kill in one round
    return _hangs_in_native_code.__wrapped__(path, format, pdf_engine, timeout)


def _stuck_folder(tmp_path: Path, n: int, stuck: list[str], monkeypatch) -> Path:
    """``n`` documents and the files named ``stuck``, on which a worker hangs where no alarm
    reaches; the watchdog steps in half a second after the timeout."""
    d = _copies(tmp_path / "stuck", n)
    for name in stuck:
        (d / name).write_text("Số: 1/TB-UBND\n", encoding="utf-8")
    _hangs_in_native_code.__wrapped__ = batch.work  # type: ignore[attr-defined]
    monkeypatch.setattr(batch, "work", _hangs_in_native_code)
    monkeypatch.setattr(batch, "GRACE", 0.5)
    return d


@forked_workers
@pytest.mark.parametrize("ordered", [True, False])
def test_a_worker_stuck_in_native_code_is_stopped_and_the_batch_goes_on(tmp_path, monkeypatch, ordered):
    import time

    d = _stuck_folder(tmp_path, 60, ["00-stuck-0.txt", "stuck-1.txt"], monkeypatch)
    kill = batch._Board.kill_stuck

    def kill_and_wait(self, limit, live=None):
        # the pool learns of the death before the batch goes on: nothing may be sent to it then
        killed = kill(self, limit, live)
        if killed:
            time.sleep(0.3)
        return killed

    monkeypatch.setattr(batch._Board, "kill_stuck", kill_and_wait)
    files = batch.collect([d])
    t0 = time.monotonic()
    results = list(vbhc.parse_many(files, jobs=4, ordered=ordered, timeout=0.5))
    assert time.monotonic() - t0 < 60  # not the two minutes the stuck file would take
    assert sorted(r.path for r in results) == files  # one record per input, none twice
    if ordered:
        assert [r.path for r in results] == files
    bad = {Path(r.path).name: r.error for r in results if not r.ok}
    assert sorted(bad) == ["00-stuck-0.txt", "stuck-1.txt"]
    for name, err in bad.items():
        assert err["code"] == "timeout" and name in err["message"]
    assert all(r.document() is not None for r in results if r.ok)


@forked_workers
def test_leaving_a_batch_early_does_not_wait_for_a_stuck_worker(tmp_path, monkeypatch):
    import time

    d = _stuck_folder(tmp_path, 4, ["stuck-1.txt"], monkeypatch)
    files = batch.collect([d])
    t0 = time.monotonic()
    it = vbhc.parse_many(files, jobs=2, ordered=True, timeout=0.5)
    first = next(it)
    it.close()  # the caller stops reading while a worker is stuck
    assert first.path == files[0]
    assert time.monotonic() - t0 < 60
