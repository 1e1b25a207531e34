# Two commands for everyone:  make serve  (preview with live reload)  and  make test.
# Everything installs into .venv/ on first use. Needs Python 3.11+ and make.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

CHROMIUM_FLAGS := --headless --no-sandbox --disable-gpu --disable-background-networking \
                  --disable-component-update --disable-sync --hide-scrollbars

.PHONY: serve build test check browser-deps clean og-image bench

$(BIN)/mkdocs: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.test-deps: requirements.txt requirements-test.txt $(BIN)/mkdocs
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

serve: $(BIN)/mkdocs  ## Preview at http://127.0.0.1:8000/ (English at /en/), reloads on save
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(BIN)/mkdocs  ## Strict build into site/ (fails on any warning)
	$(BIN)/mkdocs build --strict

browser-deps:  ## Browser tests need Debian's Chromium; install it or say exactly how
	@bash scripts/ensure_chromium.sh

check: $(VENV)/.test-deps build  ## Every check script, on the sources and the built site
	$(BIN)/python scripts/kit/comm_kit.py
	$(BIN)/python scripts/faq/check_faq.py
	$(BIN)/python scripts/tasks/check_deadlines.py site
	$(BIN)/python scripts/search/search_index.py site
	$(BIN)/python scripts/search/synonyms.py
	$(BIN)/python scripts/phones/phone_markers.py
	$(BIN)/python scripts/content/check_content.py
	$(BIN)/python scripts/i18n/check_i18n.py
	$(BIN)/python scripts/links/check_links.py site
	$(BIN)/python scripts/links/check_urls.py site

test: $(VENV)/.test-deps browser-deps check  ## Strict build + checks + the whole pytest suite
	$(BIN)/python -m pytest -n auto --dist loadgroup

# Benchmarks (not tests): each prints its figures. Lighthouse is pinned in benchmarks/package*.json.
bench: $(VENV)/.test-deps browser-deps benchmarks/node_modules/.bin/lighthouse  ## Lighthouse, first-load bytes, build time as the site grows, search relevance
	@rc=0; \
	$(BIN)/python benchmarks/lighthouse.py || rc=1; \
	$(BIN)/python benchmarks/first_load.py || rc=1; \
	$(BIN)/python benchmarks/build_growth.py || rc=1; \
	$(BIN)/python benchmarks/bench_relevance.py || rc=1; \
	exit $$rc

benchmarks/node_modules/.bin/lighthouse: benchmarks/package.json benchmarks/package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for Lighthouse: apt-get install npm" >&2; exit 1; }
	cd benchmarks && npm ci --no-audit --no-fund
	@touch $@

og-image:  ## Regenerate the link-preview image from scripts/website/og_image.html
	chromium $(CHROMIUM_FLAGS) --window-size=1200,630 \
	  --screenshot=docs/assets/images/og-default.png scripts/website/og_image.html

clean:
	rm -rf site .pytest_cache
