# The two set-up commands of the README: `make run` and `make test`. Both set up what is
# missing first (a virtual environment in .venv with the project installed).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The pkuseg model: fetched once from the package registry into a cache outside the repository.
MODEL := $(or $(POLICYKG_PKUSEG_MODEL),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/policykg/pkuseg/default)/weights.npz
CHROMIUM := /usr/bin/chromium
# A font with Chinese characters, for the pictures `policykg export` draws and Chromium's screenshots.
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
# The browser workbench's JavaScript and CSS: from the npm registry (ui/package-lock.json), copied
# into api/static/vendor/, which the app serves; nothing is fetched from a CDN at run time.
VENDOR := api/static/vendor/.installed
VENDOR_FILES := cytoscape/dist/cytoscape.min.js layout-base/layout-base.js cose-base/cose-base.js \
	cytoscape-fcose/cytoscape-fcose.js codemirror/lib/codemirror.js codemirror/lib/codemirror.css \
	codemirror/mode/sparql/sparql.js codemirror/addon/hint/show-hint.js codemirror/addon/hint/show-hint.css \
	swagger-ui-dist/swagger-ui-bundle.js swagger-ui-dist/swagger-ui.css redoc/bundles/redoc.standalone.js

.PHONY: setup run test lint

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(MODEL): | $(STAMP)
	$(BIN)/python -m extract.models

# Debian's Chromium for the browser tests (tests/ui), driven by Playwright; no browser download.
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

$(CJK_FONT):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei

$(VENDOR): ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	mkdir -p api/static/vendor
	for file in $(VENDOR_FILES); do cp ui/node_modules/$$file api/static/vendor/; done
	for package in cytoscape layout-base cose-base cytoscape-fcose codemirror swagger-ui-dist redoc; do \
		cp ui/node_modules/$$package/LICENSE api/static/vendor/$$package.LICENSE.txt; done
	touch $(VENDOR)

setup: $(STAMP) $(MODEL) $(CHROMIUM) $(CJK_FONT) $(VENDOR)

run: setup
	$(BIN)/policykg build samples
	$(BIN)/policykg shared --top 10
	$(BIN)/policykg serve --host 127.0.0.1 --port 8000

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy extract graph api bench

# The tests in one process more than the machine has cores (pytest-xdist): many tests wait on a
# server, a build or a browser they started, and the extra process runs while they wait (on 2
# cores, 3 processes take about a fifth less time than 2). They are shared out as
# tests/scheduling.py says: whole files, or whole folders where their tests share costly fixtures,
# the longest first; the limit tests of tests/e2e that race a server's answers against other
# clients' requests (test_limits_alone.py) last, with nothing else running.
# `make test TEST_WORKERS=0` runs them all in this one process.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))
# Chromium's headless build for the browser tests (tests/ui): the same Debian Chromium, a third of
# the CPU per page; installed beside the whole browser of `make setup`.
HEADLESS_SHELL := /usr/bin/chromium-headless-shell

$(HEADLESS_SHELL): | $(CHROMIUM)
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell)

test: lint $(HEADLESS_SHELL)
	$(BIN)/pytest -n $(TEST_WORKERS)
