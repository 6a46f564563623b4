# Everything needs only python3 and make: the first target run creates .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install quality clean

demo: $(VENV)/.installed  ## build quizzes from seeds/ into output/
	$(BIN)/quizgen build seeds --out output --format json

test: $(VENV)/.installed lint  ## run linters, type checks and the test suite
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check quizgen tests bench
	$(BIN)/ruff format --check quizgen tests bench
	$(BIN)/mypy

install: $(VENV)/.installed

quality: $(VENV)/.installed  ## question-builder quality report on ../shared/eval (see bench/README.md)
	$(BIN)/python bench/quality.py

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) output/*.json
