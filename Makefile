# newsintel — the two commands are `make demo` and `make test`; both build .venv from scratch if needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_DB ?= build/demo.db
export HF_HUB_OFFLINE := 1

.PHONY: demo test lint bench eval fuzz clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p $(dir $(DEMO_DB))
	$(VENV)/bin/newsintel ingest examples/corpus --db $(DEMO_DB)
	$(VENV)/bin/newsintel summary --db $(DEMO_DB)
	$(VENV)/bin/newsintel profile "Liwa al-Muhajirin al-Balqan" --limit 6 --db $(DEMO_DB)
	$(VENV)/bin/newsintel profile "Driton Haliti" --limit 6 --db $(DEMO_DB)
	$(VENV)/bin/newsintel conflicts --db $(DEMO_DB)

test: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks evaluation
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks evaluation

bench: $(STAMP)
	$(PY) -m benchmarks
	$(PY) -m benchmarks.export_bench

eval: $(STAMP)
	$(PY) -m evaluation

fuzz: $(STAMP)
	$(PY) -m benchmarks.fuzz --count 10000

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
