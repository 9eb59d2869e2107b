# くにたち協働ポータル: build, run and test.
#   make demo   run the portal on SQLite with demo data (http://127.0.0.1:8000/), as production runs it
#   make dev    the same with the auto-reloading development server (DEBUG on)
#   make test   lint + the whole suite on SQLite and on a throwaway PostgreSQL 15
# `make help` lists every target.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# Targets share .venv and the database files: never run them concurrently.
.NOTPARALLEL:

VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
STAMP := $(VENV)/.installed
# The demo, lint and compilemessages always use the embedded SQLite setup,
# whatever database the calling shell points at.
SQLITE := env -u DATABASE_URL -u PGDATABASE
MANAGE := $(SQLITE) $(PYTHON) manage.py
PIP_COMPILE := $(BIN)/pip-compile -q --strip-extras --no-emit-index-url --no-emit-find-links \
	--extra dev -o requirements.lock pyproject.toml

.PHONY: help venv system-deps demo dev cluster faults lint test test-sqlite test-postgres \
	compilemessages lock format clean bench

help:
	@echo "make demo           デモデータ入りで本番と同じ構成 (DEBUG オフ・gunicorn) で起動 (SQLite) / run the portal with demo data as production does"
	@echo "make dev            自動再読み込みの開発サーバ (DEBUG オン・SQLite) / the auto-reloading development server"
	@echo "make cluster        本番構成をこの機械で起動 (nginx・gunicorn 2台・PostgreSQL・Redis・S3・worker) / the production layout on loopback"
	@echo "make faults         cluster を負荷下で壊して回復を確認 / break the cluster under load (deploy/faults-latest.txt)"
	@echo "make test           lint + 全テスト (SQLite と PostgreSQL 15) / lint and the whole suite on both databases"
	@echo "make test-sqlite    テスト (SQLite) / tests on SQLite (extra pytest args: ARGS=...)"
	@echo "make test-postgres  テスト (一時 PostgreSQL 15) / tests on a throwaway PostgreSQL 15"
	@echo "make bench          全国規模のデータで公開ページの性能を測定 / measure public pages at national scale (bench/results.md; BENCH_SCALE=0.05 for a quick run)"
	@echo "make lint           ruff, djhtml, djlint, import-linter, makemigrations --check, check"
	@echo "make format         ruff format + import order + djhtml"
	@echo "make venv           .venv を作成・更新 / create or update .venv from requirements.lock"
	@echo "make system-deps    Chromium, CJK font, PostgreSQL 15, poppler, gettext, Java (apt, root)"
	@echo "make lock           requirements.lock を再生成 / regenerate requirements.lock (pip-compile)"
	@echo "make trim-css       Bootstrap をテンプレートで使うクラスに絞る / regenerate static/css/bootstrap.trimmed.min.css (PurgeCSS, needs npm)"
	@echo "make clean          キャッシュと生成物を削除 / remove caches and artifacts (keeps .venv, db.sqlite3)"

# --- environment -------------------------------------------------------------

venv: $(STAMP)

$(PYTHON):
	@py=$$(command -v python3.11 || command -v python3) || { echo "python3.11 or python3 is required" >&2; exit 1; }; \
	echo "Creating $(VENV) with $$py"; \
	"$$py" -m venv $(VENV)

# Reinstall only when the lock file changed since the last install.
$(STAMP): requirements.lock | $(PYTHON)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.lock
	@touch $@

system-deps:
	@scripts/system-deps

lock: $(PYTHON)
	@test -x $(BIN)/pip-compile || $(PYTHON) -m pip install --quiet pip-tools
	$(PIP_COMPILE)

# Compiles .po files to .mo when the project has translations; gettext's msgfmt
# is needed only then.
compilemessages: venv
	@if [ -n "$$(find . -path ./$(VENV) -prune -o -name '*.po' -print -quit)" ]; then \
		$(MANAGE) compilemessages --ignore=$(VENV) --verbosity 0; \
	else \
		echo "compilemessages: no .po files, skipped"; \
	fi

# --- run ---------------------------------------------------------------------

# The task worker sends the queued e-mail (printed to this console in the demo); it stops
# with the server. `make demo` runs as production does: DEBUG off (the portal's own 404 and
# 500 pages), gunicorn, static files through whitenoise; PORTAL_LOCAL_DEMO allows plain HTTP
# on 127.0.0.1 and the embedded SQLite, local files and per-process cache.
DEMO_PORT ?= 8000
demo: venv compilemessages
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	PORTAL_LOCAL_DEMO=true $(MANAGE) db_worker --no-reload --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	echo "demo: http://127.0.0.1:$(DEMO_PORT)/ (Ctrl-C で停止 / to stop)"; \
	PORTAL_LOCAL_DEMO=true $(SQLITE) GUNICORN_BIND=127.0.0.1:$(DEMO_PORT) GUNICORN_WORKERS=2 \
		$(BIN)/gunicorn -c deploy/gunicorn.conf.py kunitachi_kyodo.wsgi

# Development: DEBUG on, the server restarts when the code changes.
dev: venv compilemessages
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	$(MANAGE) db_worker --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(DEMO_PORT)

# The production layout (deploy/) on this machine's loopback: PostgreSQL, Redis, an
# S3-compatible object store, two gunicorn app servers, a worker and nginx; Ctrl-C stops it.
cluster: venv compilemessages
	@scripts/system-deps
	VENV=$(abspath $(VENV)) scripts/cluster

# Kills an app server, restarts PostgreSQL, kills the worker and fills the upload storage,
# each under load, and writes what it saw to deploy/faults-latest.txt (5–10 minutes; not
# part of `make test`: CI has no time left for it).
faults: venv compilemessages
	@scripts/system-deps
	$(PYTHON) scripts/faults --out deploy/faults-latest.txt

# --- quality -----------------------------------------------------------------

# Runs every check even after one fails, so one run shows every problem.
lint: venv
	@failed=""; \
	step() { echo "--> $$*"; "$$@" || failed="$$failed"$$'\n'"  $$*"; }; \
	step $(BIN)/ruff check .; \
	step $(BIN)/ruff format --check --output-format concise .; \
	if [ -d templates ]; then \
		step $(BIN)/djhtml --check templates; \
		step $(BIN)/djlint templates --lint; \
	else \
		echo "--> templates/ not found: djhtml and djlint skipped"; \
	fi; \
	step $(BIN)/lint-imports --no-cache; \
	step $(MANAGE) makemigrations --check --dry-run; \
	step $(MANAGE) check; \
	if [ -n "$$failed" ]; then echo "lint FAILED:$$failed" >&2; exit 1; fi; \
	echo "lint passed"

format: venv
	$(BIN)/ruff check --select I --fix .
	$(BIN)/ruff format .
	@if [ -d templates ]; then $(BIN)/djhtml templates; fi

# --- tests -------------------------------------------------------------------

test-sqlite: venv compilemessages
	scripts/test-sqlite $(ARGS)

test-postgres: venv compilemessages
	scripts/test-postgres $(ARGS)

# Both backends run at once, one per core, and both run to the end even when one fails; the
# PostgreSQL run's output is kept in artifacts/test-postgres.log and printed after the SQLite
# run's, and the summary says which failed. The browser tests run on SQLite only (the pages are
# the same on both; PostgreSQL runs every other test), so CI stays within 30 minutes on two cores.
test: system-deps venv lint compilemessages
	@mkdir -p artifacts; \
	scripts/test-postgres --ignore=tests/e2e $(ARGS) >artifacts/test-postgres.log 2>&1 & pg=$$!; \
	trap 'kill $$pg 2>/dev/null' INT TERM; \
	sqlite=0; postgres=0; \
	scripts/test-sqlite $(ARGS) || sqlite=$$?; \
	wait $$pg || postgres=$$?; \
	echo "================ PostgreSQL 15 (artifacts/test-postgres.log) ================"; \
	cat artifacts/test-postgres.log; \
	echo "================ test summary ================"; \
	if [ $$sqlite -eq 0 ]; then echo "SQLite:        passed"; else echo "SQLite:        FAILED (exit $$sqlite)"; fi; \
	if [ $$postgres -eq 0 ]; then echo "PostgreSQL 15: passed (browser tests on SQLite only)"; else echo "PostgreSQL 15: FAILED (exit $$postgres)"; fi; \
	[ $$sqlite -eq 0 ] && [ $$postgres -eq 0 ]

# --- performance ---------------------------------------------------------------

# A throwaway PostgreSQL with the national-scale data set, gunicorn and wrk; writes
# bench/results.md. About 14 minutes at full scale; everything it starts is stopped.
bench: venv compilemessages
	@command -v wrk >/dev/null || scripts/system-deps
	PYTHON=$(PYTHON) scripts/bench

# The pages load Bootstrap trimmed to the classes they use (PurgeCSS via npx); run after
# using a new Bootstrap class (tests/test_trimmed_css.py says when).
.PHONY: trim-css
trim-css: venv
	PYTHON=$(PYTHON) scripts/trim-css

clean:
	rm -rf artifacts staticfiles .pytest_cache .ruff_cache .hypothesis
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
