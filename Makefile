# Two commands for a fresh machine with Python >= 3.11 and pip:
#   make demo   parse a sample document and print its tree
#   make test   run the whole test suite (and the corpus score when ../shared exists)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE ?= corpus/seeds/bac-kan-155-kh-ubnd.txt

.PHONY: demo test venv score bench clean

$(BIN)/vbhc: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

venv: $(BIN)/vbhc

demo: $(BIN)/vbhc
	$(BIN)/vbhc parse $(SAMPLE)

test: $(BIN)/vbhc
	$(BIN)/python -m pytest

score: $(BIN)/vbhc
	for d in seeds annotated tvpl; do echo "== $$d"; $(BIN)/python ../shared/tools/score.py ../shared/corpus/$$d --vbhc "$(BIN)/vbhc"; done

bench: $(BIN)/vbhc
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist
