# dangjian: `make run` to try it, `make test` to check it. See README.md.
SHELL := /bin/bash
PYTHON ?= python3# .python-version pins 3.12.1 for pyenv; any python3 >= 3.12 works
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT# settings.py derives SITE_URL (links in e-mails) from it
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the tests need: Chromium for Playwright (never a downloaded browser), CJK fonts
# so screenshots show Chinese, Java for the Nu Html Checker, nginx and openssl to test deploy/ configs,
# faketime to run the suite at other hours and dates (.ci/run).
TEST_DEBS := chromium fonts-noto-cjk default-jre-headless nginx openssl faketime

.PHONY: run install test test-tools screenshots lint bench clean

run: install ## venv, install, migrate, demo data, logins, serve on SQLite (with the background worker)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo
	@echo "网站首页：  http://127.0.0.1:$(PORT)/"
	@echo "工作台：    http://127.0.0.1:$(PORT)/workspace/"
	@echo "管理后台：  http://127.0.0.1:$(PORT)/admin/"
	@echo
	@$(BIN)/python manage.py run_worker & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

install: $(VENV)/.installed .env ## the virtualenv with pinned requirements

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || \
		{ echo "需要 Python 3.12 或更高版本（当前：$$($(PYTHON) --version)）。可用 PYTHON=python3.12 make run 指定。"; exit 1; }
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

.env: ## local development settings (never committed)
	printf 'DEBUG=true\nSECRET_KEY=%s\n' "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > $@

test-tools: ## Chromium, CJK fonts, Java, and the npm test tools (vnu-jar, axe-core)
	@dpkg -s $(TEST_DEBS) >/dev/null 2>&1 || \
		{ $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(TEST_DEBS); }
	@[ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package.json ] || \
		npm install --ignore-scripts --no-audit --no-fund --loglevel=error

test: install test-tools ## the whole suite (SQLite unless DATABASE_URL is set)
	# CONN_MAX_AGE=0: the live server thread must not keep a connection that blocks dropping the test DB.
	CONN_MAX_AGE=0 $(BIN)/pytest -n 2 --dist loadfile -q $(PYTEST_ARGS)

screenshots: install test-tools ## retake the README's screenshots (docs/screenshots/) with the browser tests that take them
	rm -rf var/screenshots
	CONN_MAX_AGE=0 $(BIN)/pytest -n 2 --dist loadfile -q -m screenshots $(PYTEST_ARGS)
	cp var/screenshots/* docs/screenshots/

bench: install ## dangjian beside Wagtail, plain Django and nginx (../shared/peers), plus search timing
	bash bench/run.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache
