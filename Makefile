# make site: build the site into site/ (sets up .venv first). make test: the whole test suite.
export NO_MKDOCS_2_WARNING := 1
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site serve test browser bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

site: $(STAMP)
	$(VENV)/bin/mkdocs build --strict
	@echo "Site built: $(CURDIR)/site/index.html"

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve

# Browser tests drive Debian's chromium; CJK fonts so pages render as readers see them.
browser:
	@command -v chromium >/dev/null && fc-list :lang=zh | grep -q . || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; }

test: $(STAMP) browser
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) bench/build_bench.py

clean:
	rm -rf site bench/out
