# make run: set up, then serve on 127.0.0.1:5000.  make test: set up, then run every test
# (make test-fast: all but the slow ones).
# make setup does the set-up alone (Debian packages, .venv, htmx and axe-core from npm, catalogs);
# a second run only redoes what changed.

VENV := .venv
PYTHON := $(VENV)/bin/python
# Debian's own Python 3, built with profile-guided and link-time optimization: WeasyPrint renders
# a briefing about 12 % faster with it than with an unoptimized build (benchmarks/bench.py).
SYSTEM_PYTHON := /usr/bin/python3
FLASK := $(VENV)/bin/flask --app webapp
STAMPS := .setup-stamps
DEBIAN_PACKAGES := python3-venv fonts-noto-cjk fonts-liberation libharfbuzz-subset0 chromium poppler-utils \
	nginx-light libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static wrk
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
CATALOGS := translations/zh_Hans/LC_MESSAGES/messages.mo translations/en/LC_MESSAGES/messages.mo \
	translations/zh_Hant/LC_MESSAGES/messages.mo

.PHONY: setup run serve test test-fast bench audit messages clean debian-packages

# The content is built once per generation (validated, converted and indexed: webapp/build.py),
# for every process to open; a later run finds it built unless a content file changed.
setup: debian-packages $(STAMPS)/venv static/vendor/htmx.min.js $(STAMPS)/npm $(CATALOGS)
	$(FLASK) content build

# npm comes with Node.js where the machine has it; Debian's npm package only where it does not.
debian-packages:
	@missing="$$(dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1 || echo '$(DEBIAN_PACKAGES)')"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
		$(SUDO) apt-get update && \
		$(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi

# A .venv made by another interpreter is replaced by one of Debian's.
$(STAMPS)/venv: pyproject.toml | debian-packages
	$(PYTHON) -c 'import sys; sys.exit(sys.base_prefix != "/usr")' 2>/dev/null || \
		{ rm -rf $(VENV) && $(SYSTEM_PYTHON) -m venv $(VENV); }
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e '.[test]'
	mkdir -p $(STAMPS) && touch $@

# node_modules holds htmx, copied to static/vendor, axe-core, which the browser tests inject,
# and Lighthouse, which make bench runs.
$(STAMPS)/npm: package.json package-lock.json | debian-packages
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(STAMPS) && touch $@

static/vendor/htmx.min.js: $(STAMPS)/npm
	mkdir -p static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js $@.tmp && mv $@.tmp $@

translations/zh_Hant/LC_MESSAGES/messages.po: translations/zh_Hans/LC_MESSAGES/messages.po \
		content/conversion-overrides.yaml webapp/catalogs.py $(STAMPS)/venv
	$(PYTHON) -m webapp.catalogs

translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po $(STAMPS)/venv
	$(VENV)/bin/pybabel compile --statistics -d translations -l $* -i $< -o $@.tmp && mv $@.tmp $@

run: setup
	$(FLASK) run --host 127.0.0.1 --port 5000

# The production stack on this machine: nginx on PORT (8080) in front of gunicorn, both stopped
# by Ctrl-C or SIGTERM (webapp/serve.py, README § Production).
serve: setup
	$(PYTHON) -m webapp.serve

test: setup
	$(VENV)/bin/ruff check webapp tests benchmarks
	$(VENV)/bin/mypy
	$(FLASK) content check
	$(VENV)/bin/pytest

# The fast path while working: every test but those marked slow (PDF rendering, the browser,
# drafting real reports end to end, freezing the site, many generated examples); README § Tests.
test-fast: setup
	$(VENV)/bin/ruff check webapp tests benchmarks
	$(FLASK) content check
	$(VENV)/bin/pytest -q -m "not slow"

# Every benchmark runs, each printing its table; the run fails if any missed a floor.
bench: setup
	@status=0; for script in bench pages search_bench build_bench freeze_pages drafting lighthouse hardening; do \
		echo "== benchmarks/$$script.py"; $(PYTHON) benchmarks/$$script.py || status=1; \
	done; exit $$status

# Known vulnerabilities in the Python packages installed in .venv and in the npm packages; any
# fails the run. --strict: a package that cannot be looked up (no network to the vulnerability
# database) fails the run too, rather than being skipped in silence; so does npm audit.
audit: setup
	$(VENV)/bin/pip-audit --strict --skip-editable --progress-spinner off
	npm audit --audit-level=low

# Extract interface strings and merge them into every hand-kept catalog.
messages: $(STAMPS)/venv
	$(VENV)/bin/pybabel extract -F babel.cfg -k lazy_pgettext:1c,2 --add-comments "I18N:" --sort-by-file \
		--omit-header -o translations/messages.pot .
	$(VENV)/bin/pybabel update --ignore-obsolete -i translations/messages.pot -d translations -l zh_Hans
	$(VENV)/bin/pybabel update --ignore-obsolete -i translations/messages.pot -d translations -l en

clean:
	rm -rf $(VENV) $(STAMPS) node_modules static/vendor instance translations/zh_Hant
