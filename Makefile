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
# The export date written as first_published/last_updated/withdrawn_on. Empty:
# today in Asia/Shanghai (real exports). The synthetic sample is exported as of
# a fixed day after its dates end, so its committed export is reproducible.
SAMPLE_AS_OF := 2025-11-01
AS_OF  ?= $(if $(filter data/sample,$(patsubst %/,%,$(INPUT))),$(SAMPLE_AS_OF))

.DEFAULT_GOAL := help
.PHONY: help html export diff serve test fuzz check publish bench sample lint format clean install-hooks

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(VENV)/.installed: requirements.txt requirements-dev.txt requirements-bench.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Incremental: only pages whose inputs changed are rendered and written (cache in .cache/showcase,
# keyed on content; SHOWCASE_CACHE= turns it off). The output folder is kept, stale pages removed.
html: $(VENV)/.installed ## Build the site from DATA (data/public) into OUTPUT (output), incrementally
	SHOWCASE_DATA="$(DATA)" $(VENV)/bin/pelican content -s pelicanconf.py -o "$(OUTPUT)"

export: $(VENV)/.installed ## Run the pipeline on INPUT (data/sample) and write DATA (data/public); AS_OF=YYYY-MM-DD (default today)
	$(PY) -m pipeline export --input "$(INPUT)" --out "$(DATA)" $(if $(MAPPING),--mapping "$(MAPPING)") \
		$(if $(AS_OF),--as-of "$(AS_OF)") $(EXPORT_FLAGS)

diff: $(VENV)/.installed ## What the export changed in DATA since AGAINST (HEAD), in Chinese; MARKDOWN=1 for a pull request
	@$(PY) -m pipeline diff --data "$(DATA)" --against "$(or $(AGAINST),HEAD)" $(if $(MARKDOWN),--markdown)

serve: html ## Build, then serve OUTPUT on http://localhost:8000
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory "$(OUTPUT)"

test: $(VENV)/.installed node_modules/axe-core/axe.min.js ## Run the whole test suite (lint included; browser tests need Debian's chromium)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

# The property-based fuzz tests with many more (random) examples than `make test`'s fixed ci profile;
# failures are remembered in .cache/hypothesis and replayed first next time (tests/conftest.py).
fuzz: $(VENV)/.installed ## Fuzz the export and the scrubber (hypothesis profile `fuzz`: FUZZ_EXAMPLES=2000 a test, about an hour)
	HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=$(or $(FUZZ_EXAMPLES),2000) $(PY) -m pytest tests/test_fuzz_export.py tests/test_fuzz_scrub.py -p no:cacheprovider

# axe-core for the accessibility tests (tests/browser/), pinned in package-lock.json.
# Without npm the accessibility tests skip (with CI=true they fail).
node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund && touch $@; \
	else echo "npm not found: install Node.js and npm for the accessibility tests"; fi

# The checks of `make check` and `make publish`, one recipe for both: leak scan + schema of DATA and
# the site, then links, HTML, feeds, datapackage of the site (RAW=export adds its personal values).
# $(1): the address the site was built for (empty: relative URLs); $(2): the site's folder.
site-checks = $(PY) -m pipeline check "$(DATA)" "$(2)" $(if $(RAW),--raw "$(RAW)") \
	&& $(PY) -m sitecheck "$(2)" --siteurl "$(1)"

check: html ## Leak scan + schema check of DATA and OUTPUT (RAW=export adds its values), then links, HTML, feeds, datapackage of OUTPUT
	$(call site-checks,,$(OUTPUT))

# Built and checked in a staging folder beside OUTPUT (sitepublish/), swapped in only once every check
# passed: a killed publish leaves the previous OUTPUT or none, never an unchecked one.
publish: $(VENV)/.installed ## Production build with publishconf.py (SITEURL), checked like make check, then swapped into OUTPUT; any failure deletes OUTPUT
	@case "$(CURDIR)/" in "$(abspath $(OUTPUT))/"*) echo "发布中止：OUTPUT=$(OUTPUT) 不能是项目目录或它的上级目录。" >&2; exit 2;; esac
	@$(if $(SITEURL),,echo "注意：没有设置 SITEURL，网站按相对地址构建；正式发布请写明网址，例如 make publish SITEURL=https://网站域名")
	@echo "构建正式网站（publishconf.py）：$(DATA) → $(OUTPUT)"
	@$(PY) -m sitepublish "$(OUTPUT)" \
		--build 'SITEURL="$(SITEURL)" SHOWCASE_DATA="$(DATA)" $(VENV)/bin/pelican content -s publishconf.py -o "$$STAGING" --delete-output-directory' \
		--check '$(call site-checks,$(SITEURL),$$STAGING)'
	@echo "发布检查通过：$(OUTPUT) 可以部署$(if $(SITEURL),（网址 $(SITEURL)）)。"

# Published proposals per benchmark size; BENCH_SIZES="1000 10000 50000" adds 50k (about 7 more minutes, 6 GB RAM).
BENCH_SIZES ?= 1000 10000
bench: $(VENV)/.installed ## Benchmarks at BENCH_SIZES published (1000 10000) + a 100k-row export; writes benchmarks/results.md and build-time.svg
	$(PY) benchmarks/bench.py --sizes $(BENCH_SIZES)

sample: $(VENV)/.installed ## Regenerate the synthetic sample (ROWS, SEED) in data/sample and its export
	$(PY) -m pipeline sample --out data/sample --rows $(ROWS) --seed $(SEED)
	$(PY) -m pipeline export --input data/sample --out data/public --confirm-withdrawals --as-of "$(SAMPLE_AS_OF)"

lint: $(VENV)/.installed ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed ## Format the code with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

install-hooks: $(VENV)/.installed ## Install the commit guards: raw exports, YAML, data/public schema, leak scan of data/public and content/, ruff
	$(VENV)/bin/pre-commit install
	@echo "已安装提交检查：每次 git commit 都会运行（说明见 docs/guards.md）"

clean: ## Remove the build output and caches (keeps .venv)
	rm -rf "$(OUTPUT)" .cache .pytest_cache .ruff_cache
