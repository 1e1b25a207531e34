# Two commands for everyone:  make serve  (preview with live reload)  and  make test.
# Everything installs into .venv/ on first use. Needs Python 3.11+ and make.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

CHROMIUM_FLAGS := --headless --no-sandbox --disable-gpu --disable-background-networking \
                  --disable-component-update --disable-sync --hide-scrollbars

.PHONY: serve build test check browser-deps clean og-image

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
	$(BIN)/python scripts/comm_kit.py
	$(BIN)/python scripts/check_faq.py
	$(BIN)/python scripts/check_deadlines.py site
	$(BIN)/python scripts/search_index.py site
	$(BIN)/python scripts/phone_markers.py
	$(BIN)/python scripts/check_content.py
	$(BIN)/python scripts/check_i18n.py
	$(BIN)/python scripts/check_links.py site
	$(BIN)/python scripts/check_urls.py site

test: $(VENV)/.test-deps browser-deps check  ## Strict build + checks + the whole pytest suite
	$(BIN)/python -m pytest -n auto

og-image:  ## Regenerate the link-preview image from scripts/og_image.html
	chromium $(CHROMIUM_FLAGS) --window-size=1200,630 \
	  --screenshot=docs/assets/images/og-default.png scripts/og_image.html

clean:
	rm -rf site .pytest_cache
