# Two commands set everything up on a fresh machine with Python 3.11:
#   make run    install, code the bundled examples into out/detente.sqlite, print a summary
#   make test   install, run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= out/detente.sqlite

.PHONY: setup run test golden calibrate clean

$(BIN)/detente: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test]"
	touch $(BIN)/detente

setup: $(BIN)/detente

run: setup
	rm -f $(DB)
	$(BIN)/detente code examples/articles --db $(DB) --quiet
	$(BIN)/detente summary --db $(DB)

test: setup
	$(BIN)/python -m pytest -q

golden: setup
	$(BIN)/python -m tests.golden

calibrate: setup
	$(BIN)/python -m tests.calibrate

clean:
	rm -rf $(VENV) out .pytest_cache
