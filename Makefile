# luanchuyen — two commands: `make demo` and `make test`. Everything is installed from here.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: demo test install chromium serve bench clean-db

$(VENV)/.installed: requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Cần Python 3.11 ($(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r requirements.txt
	$(VENV)/bin/pip install -q --no-deps -e .
	@touch $@

install: $(VENV)/.installed

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; no browser download).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Cài Chromium của Debian…"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

demo: install
	$(PY) manage.py migrate --noinput -v0
	$(VENV)/bin/luanchuyen demo-data --if-empty
	$(VENV)/bin/luanchuyen create-demo-users
	$(PY) manage.py collectstatic --noinput -v0
	@echo "Mở http://127.0.0.1:$(PORT) trong trình duyệt (Ctrl+C để dừng)."
	DEBUG=0 $(PY) manage.py runserver --insecure 127.0.0.1:$(PORT)

test: install chromium
	$(PY) -m pytest

bench: install
	$(PY) bench/optimizer.py
	$(PY) bench/rules.py

clean-db:
	rm -f luanchuyen.sqlite3
