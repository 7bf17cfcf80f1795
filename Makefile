# Two commands on a fresh Debian machine:
#   make book   set up everything and build the HTML book into _build/html
#   make test   the same set-up, then the whole test suite (build and browser tests included)
# Python packages go into .venv, front-end assets into node_modules/ (copied to vendor/);
# the system packages (a CJK font; Chromium for the tests) come from apt when missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
JB_FLAGS := --builder html -W -n --keep-going

.PHONY: setup system-font system-browser book test test-fast check lab validate scorecard bench clean i18n

# The environment is the lock: exact versions with their hashes (requirements.lock, from `make lock`),
# then the package itself without dependencies (all of them are in the lock).
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# Regenerate requirements.lock from pyproject.toml (the dependencies and the test and lab extras), for
# Linux and any Python 3.11.x, with uv (fast; pip-tools-compatible output that plain pip installs).
# Pins that still satisfy pyproject.toml are kept; `make lock LOCK_ARGS=--upgrade` takes the newest.
UV_VERSION ?= 0.13.9
LOCK_ARGS ?=
.PHONY: lock
lock:
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	[ -x $(BIN)/uv ] || $(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"
	$(BIN)/uv pip compile pyproject.toml --extra test --extra lab --python-version 3.11 --python-platform linux \
	  --generate-hashes --custom-compile-command "make lock" --quiet $(LOCK_ARGS) -o requirements.lock

# The ipywidgets HTML manager and MathJax, from the npm registry, served by the book itself.
vendor/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	rm -rf vendor && mkdir -p vendor/html-manager vendor/mathjax
	cp node_modules/@jupyter-widgets/html-manager/dist/embed.js node_modules/@jupyter-widgets/html-manager/dist/embed.js.LICENSE.txt vendor/html-manager/
	cp node_modules/@jupyter-widgets/html-manager/dist/*.woff2 node_modules/@jupyter-widgets/html-manager/dist/*.woff \
	   node_modules/@jupyter-widgets/html-manager/dist/*.ttf node_modules/@jupyter-widgets/html-manager/dist/*.eot \
	   node_modules/@jupyter-widgets/html-manager/dist/*.svg vendor/html-manager/
	cp node_modules/mathjax/es5/tex-chtml.js vendor/mathjax/
	cp -r node_modules/mathjax/es5/input node_modules/mathjax/es5/output node_modules/mathjax/es5/ui \
	   node_modules/mathjax/es5/a11y node_modules/mathjax/es5/adaptors vendor/mathjax/
	cp node_modules/mathjax/LICENSE vendor/mathjax/
	touch $@

# Chinese labels in figures need a CJK font; matplotlib is pointed at it by nqpf.plots.
system-font:
	@fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || { \
	  echo "Installing Debian's fonts-noto-cjk (Chinese glyphs for the figures)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends fonts-noto-cjk fontconfig >/dev/null; }

# The browser tests drive Debian's Chromium (Playwright cannot download a browser offline).
system-browser:
	@{ command -v chromium >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; } || { \
	  echo "Installing Debian's chromium (the PDF, the browser tests) and poppler-utils (pdftotext)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends chromium poppler-utils >/dev/null; }

setup: $(STAMP) vendor/.installed system-font

# Validate the data, build the HTML, scan it for error output and missing files, print the PDF; on any
# failure _build/html is moved aside (tools/build_book.py), so no stale site looks complete.
book: setup system-browser
	$(BIN)/python tools/build_book.py .

test: setup system-browser
	$(BIN)/python -m pytest

# No build, no browser: the unit tests (a few seconds).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not build and not browser"

# What review should not have to catch: format, lint (package, tests, tools, notebooks' code),
# notebooks stored as MyST text, the package's layer contract, and the fast tests.
check: $(STAMP)
	$(BIN)/ruff format --check src tests tools
	$(BIN)/ruff check src tests tools
	$(BIN)/nbqa ruff notebooks book
	$(BIN)/python tools/check_notebooks.py
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q -m "not build and not browser"

# JupyterLab at the repository root (data/ and src/ in reach), on the notebooks' folder; as root too.
# Only what Lab needs: the locked environment (it holds the lab extra) and a CJK font, not npm or the browser.
LAB_ARGS ?=
lab: $(STAMP) system-font
	$(BIN)/jupyter lab --notebook-dir=. $(if $(filter 0,$(shell id -u)),--allow-root,) $(LAB_ARGS) notebooks/

# The Chinese edition's catalogues: extract the English messages (changed ones become stale), collect new
# generated texts, and list what is left to translate (tools/i18n.py; see README, 中文版).
i18n: $(STAMP)
	$(BIN)/python tools/i18n.py update

validate: $(STAMP)
	$(BIN)/nqpf validate

scorecard: $(STAMP)
	$(BIN)/nqpf scorecard

bench: setup
	$(BIN)/python tools/bench.py

clean:
	rm -rf _build
