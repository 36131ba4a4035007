# The two set-up commands of the README: `make run` and `make test`. Both set up what is
# missing first (a virtual environment in .venv with the project installed).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The pkuseg model: fetched once from the package registry into a cache outside the repository.
MODEL := $(or $(POLICYKG_PKUSEG_MODEL),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/policykg/pkuseg/default)/weights.npz
CHROMIUM := /usr/bin/chromium

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

setup: $(STAMP) $(MODEL) $(CHROMIUM)

run: setup
	$(BIN)/policykg build samples
	$(BIN)/policykg shared --top 10
	$(BIN)/policykg serve --host 127.0.0.1 --port 8000

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy extract graph api bench

test: lint
	$(BIN)/pytest
