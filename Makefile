# Two commands on a fresh machine: `make run` and `make test`. Each sets up .venv itself.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA ?= data

.PHONY: run test snapshots bench lint demo clean

$(BIN)/python:
	@$(PY) -m venv $(VENV)

# the first run: two progress lines, no pip chatter or build warnings (errors still show)
PIP := $(BIN)/python -m pip --quiet --quiet --disable-pip-version-check --no-input
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	@echo "ethics-tui: installing into $(VENV) (first run only, about a minute)..."
	@$(PIP) install --upgrade pip
	@PYTHONWARNINGS=ignore $(PIP) install -c constraints.txt -e ".[test,sign]"
	@touch $(STAMP)
	@echo "ethics-tui: installed."

run: $(STAMP)
	$(BIN)/ethics-tui --data $(DATA)

# bytecode caches on even where PYTHONDONTWRITEBYTECODE is set: each test process otherwise
# compiles the package and rewrites every test module again (~3 s of CPU each)
test: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 2 --dist worksteal -q

# ruff (configured in pyproject.toml): the lint rules, then the formatting, checked, not changed
LINT_PATHS := ethics_tui tests bench
lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
# rewrite tests/snapshots/*.txt (every screen at 80x24 and 120x40) from the current screens;
# review `git diff tests/snapshots` before committing
snapshots: $(STAMP)
	rm -f tests/snapshots/*.txt
	UPDATE_SNAPSHOTS=1 $(BIN)/python -m pytest -n 2 -q tests/tui/test_snapshots.py

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

demo: $(STAMP)
	$(BIN)/ethics-tui --data $(DATA) demo

clean:
	rm -rf $(VENV) build *.egg-info
