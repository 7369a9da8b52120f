# Two commands on a fresh machine: `make demo` and `make test`. Everything else is installed here.
VENV   ?= .venv
PY     := $(VENV)/bin/python
QL     := $(VENV)/bin/qinglang
STAMP  := $(VENV)/.installed-stamp
DEMO   ?= demo-out
SEED   ?= 20260301
N      ?= 20000

.PHONY: install sysdeps demo test lint serve bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

sysdeps:
	bash scripts/install-sysdeps.sh

demo: install sysdeps
	bash scripts/demo.sh "$(DEMO)" "$(N)" "$(SEED)"

test: install sysdeps
	$(VENV)/bin/ruff check src tests benchmarks evaluations
	$(VENV)/bin/ruff format --check src tests benchmarks evaluations
	$(VENV)/bin/mypy
	$(PY) -m pytest -q -p no:cacheprovider

lint: install
	$(VENV)/bin/ruff check src tests benchmarks evaluations
	$(VENV)/bin/ruff format --check src tests benchmarks evaluations
	$(VENV)/bin/mypy

# demo users for the workbench on the demo data (docs/workbench.md); override QINGLANG_DEMO_USERS to change
serve: export QINGLANG_DEMO_USERS ?= lead:qinglang-lead:lead,analyst:qinglang-analyst:analyst,auditor:qinglang-auditor:auditor
serve: install
	$(QL) serve --db sqlite:///$(DEMO)/qinglang.sqlite

bench: install sysdeps
	bash benchmarks/run_all.sh

clean:
	rm -rf $(DEMO) qinglang-data .pytest_cache
