# Everything needs only python3 and make: the first target run creates .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test test-standalone lint install quality bench chromium clean

demo: $(VENV)/.installed  ## build quizzes from seeds/ into output/ (installs only what quizgen needs to run)
	$(BIN)/quizgen build seeds --out output --format json,html,anki,player,qti,moodle,gift,kahoot,quizizz,blooket,gimkit,quizlet,blackboard,brightspace

test: $(VENV)/.installed-test lint chromium  ## run linters, type checks and the test suite
	$(BIN)/python -m pytest

# The suite as a user's clone runs it: without the team's ../shared data (those tests skip and say why).
test-standalone: $(VENV)/.installed-test chromium
	QUIZGEN_SHARED=/nonexistent/shared $(BIN)/python -m pytest -q

# Worksheet printing and the quiz player are tested in the system's Chromium, never a downloaded
# one (poppler-utils' pdftotext reads the printed text back). Installed with apt where we may (root,
# Debian); elsewhere those tests skip and say why.
chromium:
	@{ command -v chromium && command -v pdftotext; } >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		apt-get update -qq && apt-get install -y -qq chromium fonts-liberation poppler-utils >/dev/null; } || \
		echo "Chromium not installed: worksheet PDF and player tests will be skipped (apt-get install chromium)"

lint: $(VENV)/.installed-test
	$(BIN)/ruff check quizgen tests bench scripts
	$(BIN)/ruff format --check quizgen tests bench scripts
	$(BIN)/mypy

install: $(VENV)/.installed

quality: $(VENV)/.installed  ## question-builder quality report on ../shared/eval (see bench/README.md)
	$(BIN)/python bench/quality.py

bench: $(VENV)/.installed  ## speed and memory on 10, 100 and 1,000 documents (see bench/README.md)
	$(BIN)/python bench/speed.py

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) output/*.*
