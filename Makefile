# Two commands to know: `make serve` (preview the playbook) and `make test` (everything CI runs).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# Material prints a notice about MkDocs 2.0 on every run; the pin in pyproject.toml already handles it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build build-zensical test bench lighthouse chromium node clean help lock

help:
	@echo "make serve   preview the playbook at http://$(HOST) with live reload"
	@echo "make build   write the static site to site/ (strict), with its offline copy in site/downloads/"
	@echo "make build-zensical  the same site built by Zensical, into site-zensical/"
	@echo "make test    install test tools, a Chromium and Node.js, then run every test on every core (TEST_WORKERS=0: one at a time)"
	@echo "make lighthouse  Lighthouse scores of the key page types (needs npm)"
	@echo "make lock    recompile the hashed lock files in requirements/ from pyproject.toml (LOCK_ARGS=--upgrade)"
	@echo "make bench   time the build at 100 and 1,000 synthetic case studies against the budgets (BENCH_ARGS=--help)"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s); set PYTHON=python3.11" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Install from the hashed lock files (make lock): every package, transitive ones included, at its pinned
# version and checked against its hash, so a pull request's CI run gets what was reviewed. The project
# itself goes in editable with --no-deps: nothing unpinned comes with it. Reinstall when either changes.
$(VENV)/.installed: pyproject.toml requirements/runtime.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/runtime.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m pip check
	@touch $@

$(VENV)/.installed-test: pyproject.toml requirements/test.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/test.txt
	@touch $@

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dev-addr $(HOST) --livereload

# The site as published: the strict build, with its offline copy zipped into site/downloads/.
build: $(VENV)/.installed
	$(BIN)/playbook build --site-dir site

# The same site built by Zensical (macros/zensical.py), into site-zensical/.
build-zensical: $(VENV)/.installed-test
	$(BIN)/playbook build --engine zensical --site-dir site-zensical

# Use the system Chromium when there is one; on Debian/Ubuntu as root install it; else Playwright's own.
chromium: $(VENV)/.installed-test
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then \
	  echo "Using system Chromium: $$(command -v chromium || command -v chromium-browser)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  $(BIN)/python -m playwright install chromium; \
	fi

# Node.js runs the adventure's JavaScript unit tests (tests/js): the one found, else on Debian/Ubuntu as root the
# nodejs package; without it those tests skip, and fail under CI=true.
node:
	@if command -v node >/dev/null 2>&1 || command -v nodejs >/dev/null 2>&1; then \
	  echo "Using Node.js: $$(command -v node || command -v nodejs)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null; \
	else \
	  echo "Node.js is missing: install Node.js 20 or newer, or the JavaScript unit tests (tests/js) are skipped"; \
	fi

# On every core (pytest-xdist; the built sites are shared between workers; with --dist loadgroup, tests/scheduling.py
# keeps the hostile build on one worker and starts it first, so it builds its sites once), ending with the ten slowest tests.
TEST_WORKERS ?= auto
test: $(VENV)/.installed-test chromium node
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup --durations=10

# Prints a table, writes benchmarks/results.json and fails if a budget fails; e.g. BENCH_ARGS="--runs 9".
bench: $(VENV)/.installed-test chromium
	$(BIN)/python -m benchmarks.bench $(BENCH_ARGS)

clean:
	rm -rf site $(VENV) .pytest_cache

# Recompile the hashed locks from pyproject.toml with pip-tools, for Python 3.11 on Linux (what CI runs):
# test.txt first, then runtime.txt held to the same pins. LOCK_ARGS=--upgrade moves every pin to the newest release.
PIP_TOOLS := .tools/pip-tools/bin
lock:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "The locks are for Python 3.11, what CI runs; set PYTHON=python3.11")'
	@test -x $(PIP_TOOLS)/pip-compile || { $(PYTHON) -m venv .tools/pip-tools && $(PIP_TOOLS)/python -m pip install --quiet 'pip-tools==7.6.2'; }
	$(PIP_TOOLS)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS) --extra test --output-file requirements/test.txt pyproject.toml
	$(PIP_TOOLS)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS) --constraint requirements/test.txt --output-file requirements/runtime.txt pyproject.toml

# Lighthouse (from npm, run with the local Chromium) over the key page types of a fresh build, served gzipped on loopback.
lighthouse: build chromium
	@test -x .tools/node_modules/.bin/lighthouse || npm install --prefix .tools --no-audit --no-fund lighthouse@13
	$(BIN)/python tools/lighthouse.py site
