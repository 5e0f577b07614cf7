"""The built wheel carries the grammar files and works without the source tree."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import PYTHON, REPO, SEED
from vbhc.grammar import FILES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    if importlib.util.find_spec("hatchling") is not None:
        cmd = [PYTHON, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(out), str(REPO)]
    else:
        cmd = [PYTHON, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(REPO)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=out)
    assert proc.returncode == 0, f"{' '.join(cmd)}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    wheels = sorted(out.glob("vbhc-*.whl"))
    assert len(wheels) == 1, list(out.iterdir())
    return wheels[0]


@pytest.fixture(scope="module")
def site(wheel, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("install") / "site"
    cmd = [PYTHON, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return target


def test_wheel_contents(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = zf.read(entry_points).decode("utf-8")
    for name in FILES:
        assert f"vbhc/grammars/{name}" in names, sorted(names)
    assert {"vbhc/__init__.py", "vbhc/py.typed", "vbhc/cli.py"} <= names
    assert "vbhc = vbhc.cli:main" in scripts
    assert not any(n.startswith(("tests/", "corpus/", "src/")) for n in names), sorted(names)


SCRIPT = """
import sys
from pathlib import Path

repo = Path(sys.argv[3]).resolve()
# the editable install of the development venv puts src/ on sys.path: take it off
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() not in (repo, repo / "src")]
site = Path(sys.argv[1]).resolve()

import vbhc
import vbhc.grammar

assert Path(vbhc.__file__).resolve().is_relative_to(site), vbhc.__file__
gdir = vbhc.grammar.grammar_dir().resolve()
assert gdir.is_relative_to(site), gdir
doc = vbhc.parse_file(sys.argv[2])
print(doc.number.raw)
print(gdir)
"""


def test_installed_wheel_runs_without_source_tree(site, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(site)
    proc = subprocess.run([PYTHON, "-c", SCRIPT, str(site), str(SEED), str(REPO)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    number, gdir = proc.stdout.splitlines()
    assert number == "155/KH-UBND"
    assert Path(gdir) == (site / "vbhc" / "grammars").resolve()


def test_installed_wheel_cli(site, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(site)
    code = (f"import sys; sys.path[:] = [p for p in sys.path if not p.startswith({str(REPO / 'src')!r})]; "
            "from vbhc.cli import main; sys.exit(main())")
    proc = subprocess.run([PYTHON, "-c", code, "parse", str(SEED), "--json"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert '"raw": "155/KH-UBND"' in proc.stdout
