# `make review` and `make test` are all a fresh machine needs (Python 3.11+ and make).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
APP := $(VENV)/.installed-app
DEV := $(VENV)/.installed-dev

.PHONY: review test soak lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The app alone for reviewing; the test tools and Anki's engine (to prove exports) for testing.
# Bytecode is compiled at install time so every start is fast, even where Python is
# told not to write it (PYTHONDONTWRITEBYTECODE).
$(APP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q src
	touch $@

$(DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,anki]'
	$(BIN)/python -m compileall -q src
	touch $@ $(APP)

review: $(APP)
	$(BIN)/revise extract data/notes.txt
	$(BIN)/revise review

test: $(DEV)
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest -q

# The soak runs left out of `make test`: 200 review sessions and 50 extracts killed at
# random moments. Several minutes.
soak: $(DEV)
	$(BIN)/python -m pytest -q -m soak

# revise beside Anki's own engine at 100,000 cards and 1,000,000 reviews; the table goes
# into bench/README.md. Several minutes; smaller:
#   make bench BENCH_ARGS="--cards 10000 --reviews 100000"
bench: $(DEV)
	$(BIN)/python bench/run.py --readme bench/README.md $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
