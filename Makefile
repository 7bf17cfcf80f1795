# Two commands on a fresh machine: `make book` (set up + build the HTML book) and `make test`
# (set up + the whole test suite). Everything installs into .venv; nothing global but the
# system packages the browser tests need (see .ci/run and the README).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JB_FLAGS := --builder html -W -n --keep-going

.PHONY: setup book test lab validate scorecard clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

setup: $(STAMP)

book: setup
	$(BIN)/jupyter-book build . $(JB_FLAGS)
	@echo "The book is in _build/html/index.html"

test: setup
	$(BIN)/python -m pytest

lab: setup
	$(BIN)/python -m pip install --quiet -e ".[lab]"
	$(BIN)/jupyter lab notebooks/

validate: setup
	$(BIN)/nqpf validate

scorecard: setup
	$(BIN)/nqpf scorecard

clean:
	rm -rf _build
