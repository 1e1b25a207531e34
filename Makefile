# Two commands for everyone:  make serve  (preview with live reload)  and  make test.
# Everything installs into .venv/ on first use. Needs Python 3.11+ and make.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

HTML_VALIDATE := scripts/safety/node_modules/.bin/html-validate

CHROMIUM_FLAGS := --headless --no-sandbox --disable-gpu --disable-background-networking \
                  --disable-component-update --disable-sync --hide-scrollbars

.PHONY: serve build test check run-checks pdf browser-deps clean og-image bench lock

# Installs come only from the hash-locked files (every package pinned, with its hashes); they are
# generated from requirements*.in by `make lock` (CONTRIBUTING.md, "Locked requirements").
$(BIN)/mkdocs: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	@touch $@

$(VENV)/.test-deps: requirements.txt requirements-test.txt $(BIN)/mkdocs
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-test.txt
	@touch $@

# Regenerate the locked files after editing a requirements*.in file (needs PyPI). Versions stay
# as locked unless asked: make lock LOCK_ARGS=--upgrade  or  LOCK_ARGS="--upgrade-package mkdocs-material"
LOCK_VENV   := .venv-lock
PIP_COMPILE  = $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS)
lock:  ## Rewrite requirements*.txt (hash-locked) from requirements*.in
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-lock.txt
	$(PIP_COMPILE) --allow-unsafe --output-file requirements-lock.txt requirements-lock.in
	$(PIP_COMPILE) --output-file requirements.txt requirements.in
	$(PIP_COMPILE) --output-file requirements-test.txt requirements-test.in

serve: $(BIN)/mkdocs  ## Preview at http://127.0.0.1:8000/ (English at /en/), reloads on save
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(BIN)/mkdocs  ## Strict build into site/ (fails on any warning)
	$(BIN)/mkdocs build --strict

browser-deps:  ## Browser tests need Debian's Chromium; install it or say exactly how
	@bash scripts/ensure_chromium.sh

check: $(VENV)/.test-deps  ## Build, then every check script; all run, then one summary line per tool
	@$(MAKE) --no-print-directory run-checks

# The checks themselves, installing nothing (check above installs first; tests/core runs this on a
# broken copy). Each tool keeps its own command and exit code; scripts/core/run_checks.py runs
# them all even when one fails, prints a summary, and fails if any failed. "@build": needs the site.
run-checks:
	@$(BIN)/python scripts/core/run_checks.py \
	  "build=$(BIN)/mkdocs build --strict" \
	  "check_supply=$(BIN)/python scripts/supply/check_supply.py" \
	  "comm_kit=$(BIN)/python scripts/kit/comm_kit.py" \
	  "check_faq=$(BIN)/python scripts/faq/check_faq.py" \
	  "check_deadlines@build=$(BIN)/python scripts/tasks/check_deadlines.py site" \
	  "search_index@build=$(BIN)/python scripts/search/search_index.py site" \
	  "synonyms=$(BIN)/python scripts/search/synonyms.py" \
	  "phone_markers=$(BIN)/python scripts/phones/phone_markers.py" \
	  "check_phones=$(BIN)/python scripts/phones/check_phones.py" \
	  "emergency=$(BIN)/python scripts/phones/emergency.py" \
	  "check_review=$(BIN)/python scripts/review/check_review.py --quiet" \
	  "check_content=$(BIN)/python scripts/content/check_content.py --readability" \
	  "plan_quotes=$(BIN)/python scripts/content/plan_quotes.py --figures" \
	  "check_legal=$(BIN)/python scripts/legal/check_legal.py" \
	  "check_i18n=$(BIN)/python scripts/i18n/check_i18n.py" \
	  "check_links@build=$(BIN)/python scripts/links/check_links.py site" \
	  "check_urls@build=$(BIN)/python scripts/links/check_urls.py site" \
	  "check_markup@build=$(BIN)/python scripts/safety/check_markup.py site"

# A4 PDFs printed by Chromium from the built site, written next to their pages, which then link
# them with their size (scripts/printing/make_pdf.py). Not part of serve: a preview has no PDF links.
# After `check` (whose build would remove them); the links are checked again with the PDFs in place.
pdf: $(VENV)/.test-deps browser-deps build  ## A4 PDFs (posters, radio scripts, study guide, school kit, parents' FAQ) into site/
	$(BIN)/python scripts/printing/make_pdf.py site
	$(BIN)/python scripts/links/check_links.py site

test: $(VENV)/.test-deps browser-deps $(HTML_VALIDATE) check pdf  ## Strict build + checks + PDFs + the whole pytest suite
	$(BIN)/python -m pytest -n auto --dist loadgroup

# html-validate for the test suite (tests/safety/test_html_valid.py), pinned in
# scripts/safety/package*.json. Only `make test` needs Node.js; `make serve` and `make build` do not.
$(HTML_VALIDATE): scripts/safety/package.json scripts/safety/package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed to validate the HTML (make test): apt-get install nodejs npm" >&2; exit 1; }
	cd scripts/safety && npm ci --no-audit --no-fund
	@touch $@

# Benchmarks (not tests): each prints its figures. Lighthouse is pinned in benchmarks/package*.json.
bench: $(VENV)/.test-deps browser-deps benchmarks/node_modules/.bin/lighthouse  ## Lighthouse, first-load bytes, build time as the site grows, search relevance
	@rc=0; \
	$(BIN)/python benchmarks/lighthouse.py || rc=1; \
	$(BIN)/python benchmarks/first_load.py || rc=1; \
	$(BIN)/python benchmarks/build_growth.py || rc=1; \
	$(BIN)/python benchmarks/pdf.py || rc=1; \
	$(BIN)/python benchmarks/bench_relevance.py || rc=1; \
	$(BIN)/python benchmarks/bench_relevance.py --queries benchmarks/search_queries_later.yml --figures-only --misses 10 || rc=1; \
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
