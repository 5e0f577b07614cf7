"""The command line, called in-process through ``vbhc.cli.main(argv)``."""

from __future__ import annotations

import codecs
import io
import json
import os
import subprocess
import sys

import pytest

import vbhc

from conftest import PYTHON, REPO, SEED
from vbhc import cli

DOC = """\
ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/TB-UBND
Lạng Sơn, ngày {day} tháng {month} năm 2020

THÔNG BÁO
Về việc nghỉ lễ

Các cơ quan, đơn vị thực hiện nghiêm túc nội dung Thông báo này.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn An

Nơi nhận:
- Các sở, ban, ngành;
- Lưu: VT.
"""
GOOD_DOC = DOC.format(day=28, month="02")
BAD_DATE_DOC = DOC.format(day=31, month="02")  # not a calendar date: an error diagnostic
# Vietnamese text saved from a legacy editor as ISO-8859-1 ("ề", "ộ" become "?", "á" is 0xE1)
# not UTF-8, and not Vietnamese in Windows-1258, TCVN3 or VNI either: bytes no text encoding explains
UNDECODABLE = b"Report \x81\x8d\x8f\x90 \x9d\x9e data \xfe\xfd\xfc\xfb end\n"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"
       b"\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    return code, out, err


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text(GOOD_DOC, encoding="utf-8")
    return p


@pytest.fixture
def bad_date(tmp_path):
    p = tmp_path / "bad-date.txt"
    p.write_text(BAD_DATE_DOC, encoding="utf-8")
    return p


def _one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


# --- output ---------------------------------------------------------------------------------------


def test_parse_json(capsys):
    code, out, err = run(capsys, "parse", str(SEED), "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["schema_version"] == "1.3"
    assert data["source"] == str(SEED)
    assert data["number"]["raw"] == "155/KH-UBND"
    assert data["date"] == "2020-03-27"


def test_parse_jsonl_one_line_per_file(capsys, good):
    code, out, _ = run(capsys, "parse", str(SEED), str(good), "--jsonl")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert [json.loads(x)["number"]["raw"] for x in lines] == ["155/KH-UBND", "12/TB-UBND"]


def test_parse_tree(capsys):
    code, out, err = run(capsys, "parse", str(SEED))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Kế hoạch 155/KH-UBND [administrative]"
    assert "body:" in lines
    assert "  I. MỤC ĐÍCH, YÊU CẦU" in lines
    assert "  III. TỔ CHỨC THỰC HIỆN" in lines
    assert any(x.startswith("signature: ") and x.endswith("Lý Thái Hải") for x in lines)
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def test_parse_tokens(capsys):
    code, out, _ = run(capsys, "parse", str(SEED), "--tokens")
    assert code == 0
    assert any("roman" in ln and "I. MỤC ĐÍCH, YÊU CẦU" in ln for ln in out.splitlines())


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("utf-16"),  # with a BOM
    lambda t: t.replace("\n", "\r\n").encode("utf-8"),
], ids=["utf8", "utf8-bom", "utf16-bom", "crlf"])
def test_parse_stdin(capsys, monkeypatch, encode):
    _stdin(monkeypatch, encode(GOOD_DOC))
    code, out, err = run(capsys, "parse", "-", "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["source"] is None
    assert data["number"]["raw"] == "12/TB-UBND"
    assert data["date"] == "2020-02-28"
    assert data["signatures"][0]["name"] == "Nguyễn Văn An"


def test_parse_stdin_undecodable(capsys, monkeypatch):
    _stdin(monkeypatch, UNDECODABLE)
    code, out, err = run(capsys, "parse", "-")
    assert code == 2 and out == ""
    assert "<stdin>" in _one_line(err)


def test_schema(capsys):
    code, out, err = run(capsys, "schema")
    assert code == 0 and err == ""
    schema = json.loads(out)
    assert schema["type"] == "object"
    assert schema["title"] == "Document"
    expected = {"schema_version", "family", "number", "body", "signatures", "recipients", "diagnostics"}
    assert expected <= set(schema["properties"])
    assert "family" in schema["required"]
    assert "Node" in schema["$defs"]


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == "vbhc 0.1.0"


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["parse"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "Traceback" not in err


# --- unreadable inputs ------------------------------------------------------------------------------


def test_missing_file(capsys, tmp_path):
    missing = tmp_path / "nope.txt"
    code, out, err = run(capsys, "parse", str(missing))
    assert code == 2 and out == ""
    line = _one_line(err)
    assert str(missing) in line and "no such file" in line


def test_binary_file(capsys, tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(PNG)
    code, out, err = run(capsys, "parse", str(p), "--json")
    assert code == 2 and out == ""
    line = _one_line(err)
    assert str(p) in line and "binary" in line


def test_undecodable_file(capsys, tmp_path):
    p = tmp_path / "undecodable.txt"
    p.write_bytes(UNDECODABLE)
    code, out, err = run(capsys, "parse", str(p))
    assert code == 2 and out == ""
    line = _one_line(err)
    assert str(p) in line and "not UTF-8" in line


def test_directory(capsys, tmp_path):
    code, out, err = run(capsys, "parse", str(tmp_path))
    assert code == 2 and out == ""
    line = _one_line(err)
    assert str(tmp_path) in line and "directory" in line


def test_good_files_still_print_and_exit_2(capsys, tmp_path, good):
    missing = tmp_path / "missing.txt"
    png = tmp_path / "png.txt"
    png.write_bytes(PNG)
    code, out, err = run(capsys, "parse", str(good), str(missing), str(png), str(SEED), "--jsonl")
    assert code == 2
    recs = [json.loads(x) for x in out.splitlines()]  # line N is file N
    assert [r["source"] for r in recs] == [str(good), str(missing), str(png), str(SEED)]
    assert [r["number"]["raw"] for r in recs if "error" not in r] == ["12/TB-UBND", "155/KH-UBND"]
    lines = err.splitlines()
    assert len(lines) == 2
    assert str(missing) in lines[0] and str(png) in lines[1]


def test_parse_jsonl_error_records_are_batchs(capsys, tmp_path, good):
    missing = tmp_path / "missing.txt"
    png = tmp_path / "png.txt"
    png.write_bytes(PNG)
    files = [str(missing), str(good), str(png)]
    code, out, err = run(capsys, "parse", *files, "--jsonl")
    assert code == 2
    lines = out.splitlines()
    assert len(lines) == 3 and json.loads(lines[1])["source"] == str(good)
    assert err.splitlines() == ["vbhc: " + json.loads(lines[k])["error"]["message"] for k in (0, 2)]
    batch_out = tmp_path / "b.jsonl"
    assert cli.main(["batch", *files, "-o", str(batch_out), "-q", "-j", "1"]) == 2
    written = batch_out.read_text(encoding="utf-8").splitlines()
    assert [lines[0], lines[2]] == [written[0], written[2]]  # the same error records, byte for byte
    assert json.loads(lines[0]) == {"source": str(missing), "error": {"code": "not_found",
                                                                      "message": f"{missing}: no such file"}}


def test_parse_json_of_several_files_is_one_array(capsys, tmp_path, good):
    code, out, err = run(capsys, "parse", str(good), str(SEED), "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert [d["number"]["raw"] for d in data] == ["12/TB-UBND", "155/KH-UBND"]
    assert data[1] == json.loads(vbhc.parse_file(str(SEED)).to_json())
    missing = str(tmp_path / "missing.txt")
    code, out, err = run(capsys, "parse", missing, str(good), "--json")
    assert code == 2 and _one_line(err) == f"vbhc: {missing}: no such file"
    data = json.loads(out)
    assert data[0] == {"source": missing, "error": {"code": "not_found", "message": f"{missing}: no such file"}}
    assert data[1]["source"] == str(good)
    # one file: the object, as before; one file that cannot be read: nothing on stdout
    assert json.loads(run(capsys, "parse", str(good), "--json")[1])["source"] == str(good)
    assert run(capsys, "parse", missing, "--json")[1] == ""


def test_good_files_still_print_tree(capsys, tmp_path, good):
    code, out, err = run(capsys, "parse", str(tmp_path / "missing.txt"), str(good))
    assert code == 2
    assert out.startswith("Thông báo 12/TB-UBND [administrative]")
    assert len(err.splitlines()) == 1


# --- --strict ---------------------------------------------------------------------------------------


def test_strict_exits_1_on_error_diagnostic(capsys, bad_date):
    code, out, _ = run(capsys, "parse", str(bad_date), "--strict", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["date"] is None
    assert any(d["severity"] == "error" and d["code"] == "header.date.invalid" for d in data["diagnostics"])


def test_without_strict_exits_0(capsys, bad_date):
    code, out, _ = run(capsys, "parse", str(bad_date))
    assert code == 0
    assert "error: header.date.invalid" in out


def test_strict_clean_document_exits_0(capsys, good):
    code, out, _ = run(capsys, "parse", str(good), "--strict", "--json")
    assert code == 0
    assert not [d for d in json.loads(out)["diagnostics"] if d["severity"] == "error"]


@pytest.mark.parametrize("order", ["bad-first", "missing-first"])
def test_strict_and_unreadable_exits_2(capsys, tmp_path, bad_date, order):
    files = [str(bad_date), str(tmp_path / "missing.txt")]
    if order == "missing-first":
        files.reverse()
    code, _, _ = run(capsys, "parse", *files, "--strict")
    assert code == 2


@pytest.mark.parametrize("content", [b"", b"  \n\n\t \n"])
def test_empty_file_is_a_clear_error(capsys, tmp_path, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    code, out, err = run(capsys, "parse", str(p), "--json")
    assert code == 2 and out == ""
    line = _one_line(err)
    assert str(p) in line and "empty" in line


def test_empty_text_is_a_document_with_a_diagnostic():
    doc = vbhc.parse("")  # text given directly never raises
    assert doc.family == "other" and [d.code for d in doc.errors] == ["input.empty"]


# --- a real process -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_python_m_vbhc_subprocess():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    proc = subprocess.run([PYTHON, "-m", "vbhc", "parse", str(SEED.relative_to(REPO))], cwd=REPO, env=env,
                          capture_output=True, timeout=120)
    err = proc.stderr.decode("utf-8", errors="replace")
    assert proc.returncode == 0, err
    assert err == ""
    out = proc.stdout.decode("utf-8")
    assert out.splitlines()[0] == "Kế hoạch 155/KH-UBND [administrative]"
    assert "Lý Thái Hải" in out


@pytest.mark.slow
def test_python_m_vbhc_subprocess_missing_file():
    proc = subprocess.run([PYTHON, "-m", "vbhc", "parse", "no-such-file.txt", "--json"], cwd=REPO,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == ["vbhc: no-such-file.txt: no such file"]


@pytest.mark.parametrize("flag", ["--input-format", "--format"])
def test_parse_and_tasks_take_the_input_format_under_batchs_name_too(tmp_path, capsys, flag):
    # HTML markup read as text stays markup; read as HTML it is the document
    page = tmp_path / "page.txt"
    page.write_text("<html><body><p>" + DOC.format(day=5, month=1).replace("\n", "</p><p>") + "</p></body></html>",
                    encoding="utf-8")
    assert cli.main(["parse", str(page), flag, "html", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["number"]["raw"] == "12/TB-UBND"
    assert cli.main(["tasks", str(page), flag, "txt"]) == 0
    assert cli.main(["parse", str(page), "--input-format", "pdf"]) == 2
    assert "page.txt" in capsys.readouterr().err


# --- the output: a full disk, a closed pipe, Ctrl-C -------------------------------------------------


def _vbhc(*argv: str, **kw) -> list[str]:
    return [PYTHON, "-m", "vbhc", *argv]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VBHC_")}
    env["PYTHONPATH"] = str(REPO / "src")
    return env


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("argv, name", [
    (["parse", str(SEED), "--json"], "<stdout>"),
    (["parse", str(SEED)], "<stdout>"),
    (["tasks", str(SEED), "--csv"], "<stdout>"),
    (["schema"], "<stdout>"),
    (["batch", str(SEED), str(SEED.parent / "x.txt")], "<stdout>"),
    (["batch", str(SEED), str(SEED.parent / "x.txt"), "-o", "/dev/full"], "/dev/full"),
    (["batch", str(SEED), "--format", "json", "-o", "/dev/full", "-j", "1"], "/dev/full"),
], ids=["parse-json", "parse-tree", "tasks-csv", "schema", "batch-stdout", "batch-o", "batch-json"])
def test_a_full_disk_is_one_line_not_a_traceback(argv, name):
    with open("/dev/full", "w") as full:
        proc = subprocess.run(_vbhc(*argv), stdout=full, stderr=subprocess.PIPE, env=_env(), timeout=120,
                              check=False)
    assert proc.stderr.decode() == f"vbhc: {name}: cannot write the output: No space left on device\n"
    assert proc.returncode == 2


@pytest.mark.slow
@pytest.mark.parametrize("argv", [
    ["parse", str(SEED), "--json"], ["parse", str(SEED)], ["parse", str(SEED), "--text"],
    ["parse", str(SEED), "--tokens"], ["tasks", str(SEED)], ["tasks", str(SEED), "--csv"], ["schema"],
    ["batch", str(SEED), "-j", "1"],
], ids=["json", "tree", "text", "tokens", "tasks", "tasks-csv", "schema", "batch"])
def test_a_reader_that_went_away_ends_vbhc_quietly(argv):
    # what `vbhc … | head -1` does once head has exited: the pipe has no reader left
    with subprocess.Popen(_vbhc(*argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env()) as proc:
        proc.stdout.close()
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=120)
    assert err == ""
    assert code == 141  # the shell's code for a program ended by SIGPIPE


@pytest.mark.parametrize("argv", [["parse", "--jsonl"], ["parse", "--json"], ["tasks"]])
def test_ctrl_c_during_parse_or_tasks_is_one_line(capsys, monkeypatch, tmp_path, good, argv):
    from vbhc import document

    real, calls = document.parse_source, []

    def interrupted(src, source=None):
        calls.append(source)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(src, source=source)

    monkeypatch.setattr(document, "parse_source", interrupted)
    files = [str(good), str(tmp_path / "missing.txt"), str(SEED), str(good), str(SEED)]
    code, out, err = run(capsys, argv[0], *files, *argv[1:])
    assert code == 130
    assert err.splitlines() == [f"vbhc: {files[1]}: no such file", "vbhc: interrupted after 3 of 5 inputs"]
    if argv[1:] == ["--jsonl"]:
        assert [json.loads(x)["source"] for x in out.splitlines()] == files[:3]
    elif argv[1:] == ["--json"]:  # the array is closed: valid JSON
        assert [d["source"] for d in json.loads(out)] == files[:3]


@pytest.mark.slow
def test_ctrl_c_during_parse_of_many_files(tmp_path):
    import re
    import signal

    files = []
    for k in range(60):
        files.append(tmp_path / f"{k:02d}.txt")
        files[-1].write_bytes(SEED.read_bytes())
    with subprocess.Popen(_vbhc("parse", *map(str, files), "--jsonl"), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=_env()) as proc:
        first = proc.stdout.readline()  # one document is out: it is parsing the next ones
        proc.send_signal(signal.SIGINT)
        rest = proc.stdout.read()
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=120)
    assert code == 130, err
    m = re.fullmatch(r"vbhc: interrupted after (\d+) of 60 inputs\n", err)
    assert m, err
    whole = [x for x in (first + rest).decode().splitlines(keepends=True) if x.endswith("\n")]
    assert json.loads(whole[0])["source"] == str(files[0])
    # the count is of the documents written out (a signal while one is written may cut it)
    assert int(m.group(1)) <= len(whole) < 60


# --- a bad grammar edit --------------------------------------------------------------------------------


def _break(path, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in a grammar file; the line it is on."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize("name, old, new", [
    ("markers.toml", "tieu_ngu = '", "tieu_ngu = '(("),   # compiled by the grammar
    ("agencies.toml", "[", "[[x"),                         # read by an extractor, on its first document
    ("html.toml", "[", "[[x"),                              # read by a reader, never for a .txt
], ids=["markers", "agencies", "html"])
@pytest.mark.parametrize("argv", [["parse"], ["tasks"], ["parse", "--text"], ["batch", "-j", "2"]],
                         ids=["parse", "tasks", "text", "batch"])
def test_a_bad_grammar_edit_is_one_line_naming_file_and_line(capsys, tmp_path, grammar_copy, good, name, old, new,
                                                           argv):
    line = _break(grammar_copy / name, old, new)
    out = tmp_path / "out.jsonl"
    extra = ["-o", str(out)] if argv[0] == "batch" else []
    code, stdout, err = run(capsys, argv[0], str(good), str(SEED), *argv[1:], *extra)
    assert code == 2 and stdout == ""
    assert _one_line(err).startswith(f"vbhc: grammars/{name}:{line}: ")
    assert not out.exists()  # batch: stopped before any worker or record


def test_after_load_all_no_grammar_file_is_read_again(monkeypatch, tmp_path):
    from vbhc import grammar as G

    G.load_all()

    def no(path):
        raise AssertionError(f"{path} read after load_all")

    monkeypatch.setattr(G, "_Source", no)
    formats = REPO / "corpus" / "formats"
    for p in [SEED, formats / "plan.docx", formats / "plan.pdf", REPO / "tests" / "fixtures" / "html" / "tvpl-ke-hoach.html"]:
        assert vbhc.parse_file(str(p)).body


# --- limits from the environment -------------------------------------------------------------------


@pytest.mark.parametrize("name, value", [("VBHC_MAX_BYTES", "abc"), ("VBHC_MAX_BYTES", "10k"),
                                         ("VBHC_MAX_BYTES", "-1"), ("VBHC_MAX_PAGES", "0"),
                                         ("VBHC_MAX_INFLATED", "1.5"), ("VBHC_MAX_RATIO", "x")])
@pytest.mark.parametrize("command", ["parse", "tasks", "batch"])
def test_a_bad_limit_variable_is_one_line_naming_it(capsys, monkeypatch, tmp_path, name, value, command):
    from vbhc.errors import LimitError
    from vbhc.limits import Limits

    monkeypatch.setenv(name, value)
    with pytest.raises(LimitError, match=f"^{name} must be a whole number, at least 1") as info:
        Limits.from_env()
    assert isinstance(info.value, ValueError)
    out = tmp_path / "o.jsonl"
    code, stdout, err = run(capsys, command, str(SEED), *(["-o", str(out)] if command == "batch" else []))
    assert code == 2 and stdout == "" and not out.exists()
    assert _one_line(err) == f"vbhc: {name} must be a whole number, at least 1 (it is {value!r})"


@pytest.mark.slow
def test_a_bad_limit_variable_in_a_new_process():
    env = {**_env(), "VBHC_MAX_BYTES": "10k"}
    proc = subprocess.run(_vbhc("parse", str(SEED)), capture_output=True, text=True, env=env, timeout=120,
                          check=False)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "vbhc: VBHC_MAX_BYTES must be a whole number, at least 1 (it is '10k')\n"
    # the library: a ValueError that names the variable, from reading a file
    code = f"import vbhc\ntry:\n vbhc.parse_file({str(SEED)!r})\nexcept ValueError as e:\n print(type(e).__name__, e)"
    proc = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=False)
    assert proc.stdout == "LimitError VBHC_MAX_BYTES must be a whole number, at least 1 (it is '10k')\n"
    assert subprocess.run(_vbhc("parse", "--help"), capture_output=True, env=env, timeout=120, check=False).returncode == 0


def test_the_cli_knows_the_readers_formats():
    from vbhc.reader import FORMATS

    assert cli.INPUT_FORMATS == FORMATS


def test_a_closed_standard_output_is_one_line_and_exit_2():
    proc = subprocess.run(["sh", "-c", f'"{PYTHON}" -m vbhc parse "{SEED}" >&-'], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().splitlines() == ["vbhc: <stdout>: cannot write the output: it is closed"]
