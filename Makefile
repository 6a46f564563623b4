# Everything needs only python3 and make: the first target run creates .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install clean

demo: $(VENV)/.installed  ## build quizzes from seeds/ into output/
	$(BIN)/quizgen build seeds --out output --format json

test: $(VENV)/.installed lint  ## run linters, type checks and the test suite
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check quizgen tests
	$(BIN)/ruff format --check quizgen tests
	$(BIN)/mypy

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) output/*.json
