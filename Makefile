# `make review` and `make test` are all a fresh machine needs (Python 3.11+ and make).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
APP := $(VENV)/.installed-app
DEV := $(VENV)/.installed-dev

# The demo's own database: `make review` never touches your own cards.
DEMO_DB ?= demo.db

.PHONY: review install test soak lint bench clean

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

# A review of the shipped notes in a database of its own; the extract's summary stays on
# screen above the cards.
review: $(APP)
	@$(BIN)/revise extract data/notes.txt --db $(DEMO_DB)
	@$(BIN)/revise review --db $(DEMO_DB)
	@echo "This was a demo in $(DEMO_DB) (make review carries on with it)."
	@echo "Your own notes: make install, then  revise extract NOTES.txt  and  revise review"

# revise on your PATH: with pipx when it is there, else pip's per-user install.
install:
	@if command -v pipx >/dev/null 2>&1; then \
		pipx install --force . ; \
	else \
		$(PYTHON) -m pip install --user . || { \
			echo "pip cannot install for your user here; instead put this project's revise" \
			     "on your PATH:  export PATH=\"$(CURDIR)/$(BIN):\$$PATH\"  (after make review)"; \
			exit 1; } ; \
	fi
	@if command -v revise >/dev/null 2>&1; then \
		echo "Installed: revise is on your PATH. Start with:  revise extract NOTES.txt"; \
	else \
		echo "Installed, but not on your PATH yet: add $$($(PYTHON) -m site --user-base)/bin" \
		     "(pipx ensurepath does it when pipx is used), then open a new terminal."; \
	fi

test: $(DEV)
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest -q -n auto

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
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
