# One command to open the module, one to prove it works. Both build .venv from pinned
# requirements first (idempotent: nothing is reinstalled while the pins are unchanged).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv pip install --python $(BIN)/python --compile-bytecode -q
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed
PORT ?= 8888
APP ?= compare
# make lab DATA=path / make app DATA=path: use a teacher's own texts (sets COURSE_DATA_DIR).
DATA ?=
DATA_ENV := $(if $(DATA),COURSE_DATA_DIR=$(abspath $(DATA)))
# JupyterLab and Voila refuse to run as root unless told to (containers, CI).
ROOT_ARGS := $(if $(filter 0,$(shell id -u)),--allow-root)
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: setup setup-dev lab app check-app test lint unit nbval browser notebooks answer-key bench check-data clean

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check uv==0.13.9

$(RUNTIME_STAMP): requirements.txt pyproject.toml | $(BIN)/uv
	$(UV) -r requirements.txt
	$(UV) --no-deps -e .
	$(BIN)/jupyter labextension disable --level=sys_prefix "@jupyterlab/apputils-extension:announcements" >/dev/null 2>&1
	touch $@

$(DEV_STAMP): $(RUNTIME_STAMP) requirements-dev.txt package-lock.json
	$(UV) -r requirements-dev.txt
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent; \
	else echo "NOTE: npm not found: the accessibility check (axe-core) will be skipped"; fi
	touch $@

setup: $(RUNTIME_STAMP)

setup-dev: $(DEV_STAMP)

# Serves the repository root (as Binder does) and opens the start notebook (default_url in
# jupyter_lab_config.py). DATA=path points every notebook and app at another set of texts.
# Trusting lets JupyterLab draw the widget views saved in the notebooks before they are run.
lab: setup
	$(BIN)/jupyter trust notebooks/*.ipynb >/dev/null 2>&1
	$(DATA_ENV) $(BIN)/jupyter lab --port $(PORT) $(ROOT_ARGS) --ServerApp.root_dir=. \
	  --config jupyter_lab_config.py

# Widget-only views for classrooms (Voila), e.g. make app APP=translation_traces. The `offline`
# template (app/jupyter/) is Voila's lab template with nothing fetched from a CDN.
APPS := $(basename $(notdir $(wildcard app/*.ipynb)))
app: check-app setup
	JUPYTER_PATH=$(CURDIR)/app/jupyter $(DATA_ENV) $(BIN)/voila app/$(APP).ipynb --port $(PORT) \
	  --template=offline

check-app:
	@test -f "app/$(APP).ipynb" || { echo "make app: there is no app called '$(APP)'. Choose one of: $(APPS) (e.g. make app APP=$(firstword $(APPS)))."; exit 2; }

test: setup-dev lint unit nbval browser

lint:
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

# Unit tests and environment checks; saved work goes to a throwaway folder.
unit:
	COURSE_WORK_DIR=$$(mktemp -d) $(BIN)/pytest -q tests --ignore=tests/browser

# Stored notebook outputs must match a fresh run (strict nbval): the course, the workbench and
# the teacher's class overview.
NOTEBOOKS := notebooks/*.ipynb teacher/*.ipynb
nbval:
	COURSE_WORK_DIR=$$(mktemp -d) $(BIN)/pytest -q $(NBVAL) $(NOTEBOOKS)

browser:
	@test -x /usr/bin/chromium || echo "NOTE: browser tests skipped: Chromium is not installed. Enable them with: apt-get install -y chromium"
	COURSE_WORK_DIR=$$(mktemp -d) $(BIN)/pytest -q tests/browser

# Re-execute every notebook in place so the stored outputs are current (run after editing one).
# Before: each question's Markdown is written from the bank (questions/*.toml); after: per-cell
# execution timestamps and other run-specific metadata are removed.
notebooks: setup-dev
	$(BIN)/python -m helpers.course.lessons notebooks/*.ipynb
	for nb in $(NOTEBOOKS); do \
	  COURSE_WORK_DIR=$$(mktemp -d) $(BIN)/jupyter nbconvert --to notebook --execute --inplace "$$nb" || exit 1; \
	done
	$(BIN)/python -m helpers.course.lessons notebooks/*.ipynb

# The answers part of teacher/answer_key.md, written from the question bank (a test fails when
# the committed file differs from what this writes).
answer-key: setup
	$(BIN)/python -m helpers.course.answer_key teacher/answer_key.md

# Speed and memory measurements (never part of make test); each peer is capped at ~2 minutes.
# bench_extractors.py fails when an extractor misses its 5 s budget at 1 MB.
bench: setup-dev
	$(BIN)/python benchmarks/accuracy/run.py --ablation
	$(BIN)/python benchmarks/bench_compare.py
	$(BIN)/python benchmarks/bench_claims.py
	$(BIN)/python benchmarks/bench_extractors.py
	$(BIN)/python benchmarks/student_load.py
	$(BIN)/python benchmarks/save_stress.py
	$(BIN)/python benchmarks/output_sizes.py

# Check a data folder (default data/, or DATA=path): every problem with its file, line and fix.
check-data: setup
	$(BIN)/python -m helpers.check_data $(abspath $(or $(DATA),data))

clean:
	rm -rf $(VENV) node_modules test-output .pytest_cache .ruff_cache

# A JupyterHub on this machine for a trial run or a small class (docs/larger-classes.md):
# loopback only, shared trial password, one server and home per student under HUB_ROOT
# (default hub/run/). Ctrl-C stops the students' servers, the hub and its proxy.
# JupyterHub comes with the dev tools (requirements-dev.txt includes requirements-hub.txt,
# configurable-http-proxy is in package-lock.json): its smoke test runs in `make unit`.
N ?= 10

$(DEV_STAMP): requirements-hub.txt

.PHONY: hub classtest

hub: setup-dev
	$(BIN)/python -m hub.launcher

# A class of N simulated students on that hub, measured, then the faults and the isolation
# test (benchmarks/README.md); loopback only, capped in requests and time, never in make test.
classtest: setup-dev
	$(BIN)/python benchmarks/class_load.py --students $(N)
	$(BIN)/python benchmarks/class_load.py --faults
