# dcmdeid — build, test, install. See README.md.
PREFIX ?= /usr/local
SWIFT ?= swift
CONFIG ?= release
BIN := .build/$(CONFIG)/dcmdeid
VENV := .venv
PYTHON := $(VENV)/bin/python

# Debian packages the project (and its tests) need.
APT_PACKAGES := libdcmtk-dev dcmtk libtesseract-dev tesseract-ocr-eng libpng-dev libjpeg-dev libopenjp2-7-dev \
	zlib1g-dev python3-venv chromium

.PHONY: all build deps test test-network demo install eval bench clean profiles

all: build

build:
	$(SWIFT) build -c $(CONFIG) --product dcmdeid

# Installs what is missing (idempotent). Needs root for apt; skipped when everything is present.
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
		else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi; \
	fi
	@test -x $(PYTHON) || python3 -m venv $(VENV)
	@$(PYTHON) -c "import pydicom, numpy, PIL" 2>/dev/null || $(PYTHON) -m pip install -q -r Tests/requirements.txt

profiles:
	python3 scripts/generate_profiles.py

# Unit tests (Swift Testing), CLI tests on the built binary, and the corpus round trip.
# One debug build serves all of them (the CLI tests run .build/debug/dcmdeid; `swift test` alone
# does not relink it).
test: deps
	python3 scripts/generate_profiles.py --check
	python3 scripts/test_generate_profiles.py
	$(SWIFT) build
	$(SWIFT) test
	DCMDEID=.build/debug/dcmdeid $(PYTHON) Tests/corpus/roundtrip.py

# `dcmdeid serve` against real peers on loopback: DCMTK storescu/echoscu -> gateway -> Orthanc
# (round trip, TLS, 4x500 load with throughput, SIGKILL and restart). Installs orthanc when missing.
test-network: deps build
	DCMDEID=$(BIN) PY=$(PYTHON) Tests/network/run.sh

demo: deps build
	rm -rf out
	$(BIN) deidentify TestData/samples --output out --key-file out.key
	@echo "de-identified outputs are in ./out (key: out.key)"

# Benchmarks (figures, not pass/fail): header-only throughput against cp -r.
bench: deps build
	PY=$(PYTHON) BIN=$(BIN) bench/header_bench.sh
	PY=$(PYTHON) BIN=$(BIN) bench/batch_bench.sh
	PY=$(PYTHON) BIN=$(BIN) bench/pixel_bench.sh

# Evaluation with the kit in ../shared/eval (its own venv, as its README says): headers on the
# development set, burned-in text on the synthetic and the real development sets (sensitive mode),
# all-text mode on the synthetic set, and sensitive mode on the project's own held-out synthetic set
# (bench/heldout_set.py: other phrasings, fonts and sizes, made to see how far the dev figures carry).
EVAL := ../shared/eval
EVALPY := /tmp/evalvenv/bin/python
EVALOUT := /tmp/dcmdeid-eval
eval: build
	@test -x $(EVALPY) || (python3 -m venv /tmp/evalvenv && /tmp/evalvenv/bin/pip install -q -r $(EVAL)/requirements.txt)
	rm -rf $(EVALOUT) && mkdir -p $(EVALOUT)
	-$(BIN) deidentify $(EVAL)/dev-headers/input --output $(EVALOUT)/hd --profile basic --key-file $(EVALOUT)/key --quiet
	@echo "dev-headers:"; $(EVALPY) $(EVAL)/score_headers.py --truth $(EVAL)/dev-headers --output $(EVALOUT)/hd --profile basic | tail -1
	-$(BIN) deidentify $(EVAL)/dev-pixels/input --output $(EVALOUT)/px --profile basic --pixels sensitive --key-file $(EVALOUT)/key --quiet
	@echo "dev-pixels, sensitive:"; $(EVALPY) $(EVAL)/score_pixels.py --truth $(EVAL)/dev-pixels --output $(EVALOUT)/px | tail -1
	-$(BIN) deidentify $(EVAL)/dev-real/input --output $(EVALOUT)/real --profile basic --pixels sensitive --key-file $(EVALOUT)/key --quiet
	@echo "dev-real, sensitive:"; $(EVALPY) $(EVAL)/score_pixels.py --truth $(EVAL)/dev-real --output $(EVALOUT)/real | tail -1
	-$(BIN) deidentify $(EVAL)/dev-pixels/input --output $(EVALOUT)/pxall --profile basic --pixels all-text --key-file $(EVALOUT)/key --quiet
	@echo "dev-pixels, all-text:"; $(EVALPY) $(EVAL)/score_pixels.py --truth $(EVAL)/dev-pixels --output $(EVALOUT)/pxall | tail -1
	@test -x $(PYTHON) || $(MAKE) deps
	$(PYTHON) bench/heldout_set.py --out $(EVALOUT)/heldout-set > /dev/null
	-$(BIN) deidentify $(EVALOUT)/heldout-set/input --output $(EVALOUT)/ho --profile basic --pixels sensitive --key-file $(EVALOUT)/key --quiet
	@echo "held-out (bench/heldout_set.py), sensitive:"; $(EVALPY) $(EVAL)/score_pixels.py --truth $(EVALOUT)/heldout-set --output $(EVALOUT)/ho | tail -1

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/dcmdeid/profiles
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/dcmdeid
	# the word lists beside the binary, where it looks first (else it looks in this build folder)
	rm -rf $(DESTDIR)$(PREFIX)/bin/dcmdeid_PHIDetection.resources
	cp -R .build/$(CONFIG)/dcmdeid_PHIDetection.resources $(DESTDIR)$(PREFIX)/bin/
	install -m 0644 profiles/*.yaml $(DESTDIR)$(PREFIX)/share/dcmdeid/profiles/

clean:
	rm -rf .build out
