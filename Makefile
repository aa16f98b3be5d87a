# The two commands of the README: `make run` cleans seeds/, `make test` runs the tests.
# Both bootstrap .venv from pinned versions (constraints.txt) on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXTRAS ?= test,bench,datatrove

.PHONY: run test check bench lock clean-venv

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check pip==26.3
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[$(EXTRAS)]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/cleaner clean seeds/

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/cleaner check seeds/

bench: $(STAMP)
	$(BIN)/python bench/quality.py

# Refresh the pins after changing dependencies in pyproject.toml (review the diff).
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^cleaner' > constraints.txt

clean-venv:
	rm -rf $(VENV)
