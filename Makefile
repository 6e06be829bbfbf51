# The two set-up commands of the README: `make crawl` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DATA_DIR ?= data

.PHONY: venv test crawl demo bench soak lint clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

test: venv
	$(BIN)/pytest -q -n 2 --dist loadfile

crawl: venv
	$(BIN)/newscrawler crawl --data-dir $(DATA_DIR)

demo: venv
	$(BIN)/python -m newscrawler.demo --data-dir $(DATA_DIR)/demo

bench: venv
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m benchmarks.run

# Issue 13's acceptance soak: 100 kill -9 trials at random signalled points (~10 min).
soak: venv
	$(BIN)/python -m benchmarks.soak_kill

lint: venv
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
