# 倾听徐州 · Listening to Xuzhou. `make help` lists the targets.
# Every target bootstraps the pinned .venv it needs on a fresh machine.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
INPUT  ?= data/sample
DATA   ?= data/public
OUTPUT ?= output
MAPPING ?=
RAW    ?=
ROWS   ?= 300
SEED   ?= 20241
EXPORT_FLAGS ?=

.DEFAULT_GOAL := help
.PHONY: help html export serve test check publish bench sample lint format clean install-hooks

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

html: $(VENV)/.installed ## Build the site from DATA (data/public) into OUTPUT (output)
	SHOWCASE_DATA="$(DATA)" $(VENV)/bin/pelican content -s pelicanconf.py -o "$(OUTPUT)" --delete-output-directory

export: $(VENV)/.installed ## Run the pipeline on INPUT (data/sample) and write DATA (data/public)
	$(PY) -m pipeline export --input "$(INPUT)" --out "$(DATA)" $(if $(MAPPING),--mapping "$(MAPPING)") $(EXPORT_FLAGS)

serve: html ## Build, then serve OUTPUT on http://localhost:8000
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory "$(OUTPUT)"

test: $(VENV)/.installed node_modules/axe-core/axe.min.js ## Run the whole test suite (lint included; browser tests need Debian's chromium)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

# axe-core for the accessibility tests (tests/browser/), pinned in package-lock.json.
# Without npm the accessibility tests skip (with CI=true they fail).
node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund && touch $@; \
	else echo "npm not found: install Node.js and npm for the accessibility tests"; fi

check: html ## Leak scan + schema check of DATA and OUTPUT (RAW=export adds its values), then links, HTML, feeds, datapackage of OUTPUT
	$(PY) -m pipeline check "$(DATA)" "$(OUTPUT)" $(if $(RAW),--raw "$(RAW)")
	$(PY) -m sitecheck "$(OUTPUT)"

publish: $(VENV)/.installed ## Production build with publishconf.py into OUTPUT
	SHOWCASE_DATA="$(DATA)" $(VENV)/bin/pelican content -s publishconf.py -o "$(OUTPUT)" --delete-output-directory

bench: $(VENV)/.installed ## Run the benchmarks (anonymiser recall, precision, throughput; page weight budgets)
	$(PY) benchmarks/anonymise.py
	$(PY) benchmarks/page_weight.py

sample: $(VENV)/.installed ## Regenerate the synthetic sample (ROWS, SEED) in data/sample and its export
	$(PY) -m pipeline sample --out data/sample --rows $(ROWS) --seed $(SEED)
	$(PY) -m pipeline export --input data/sample --out data/public --confirm-withdrawals

lint: $(VENV)/.installed ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed ## Format the code with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

install-hooks: $(VENV)/.installed ## Install the git pre-commit hooks (ruff, leak scan of data/public)
	$(VENV)/bin/pre-commit install

clean: ## Remove the build output and caches (keeps .venv)
	rm -rf "$(OUTPUT)" .pytest_cache .ruff_cache
