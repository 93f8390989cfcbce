#!/usr/bin/env bash
# Writes every output Charter makes from the real documents, so that two builds
# can be compared byte for byte (a refactoring must not change them):
#   scripts/outputs.sh CHARTER OUT_DIR        then   diff -r OUT_A OUT_B
# convert: every document of ../shared/corpora/constitutions and instruments
# (each with the 2023 base); bulk: the English constitutions and instruments;
# merge --global over that bulk; polis: the three public-input exports.
# Timings and the rules and models folders are not written, only results.
# With OUTPUTS_DEV_ONLY=1 convert leaves out the test documents of
# ../shared/eval/README.md and their originals in other languages (bulk and
# the global merge keep them, as users run them): a rule change's diff then
# shows no test document's principles.
set -euo pipefail
if [ "$#" -ne 2 ]; then
  echo "usage: scripts/outputs.sh CHARTER OUT_DIR" >&2
  exit 2
fi
BIN="$(realpath "$1")"
OUT="$2"
cd "$(dirname "$0")/.."
C=../shared/corpora
[ -d "$C" ] || { echo "outputs.sh: $C not found" >&2; exit 1; }
BASE="$C/principles/claude-constitution-2023.jsonl"
rm -rf "$OUT"
mkdir -p "$OUT"
fail=0
TEST_DOCS=""
if [ "${OUTPUTS_DEV_ONLY:-0}" = 1 ]; then
  # "Test documents: `constitutions/en/` aus, bgd, ...; `instruments/en/iccpr.txt`."
  TEST_DOCS="$(sed -n '/^Test documents:/,/^$/p' ../shared/eval/README.md | tr -d '\n' |
    sed -E 's/^Test documents: `constitutions\/en\/` //; s/; `instruments\/en\/([a-z]+)\.txt`.*/, \1/' |
    tr -d ' ')"
  [ -n "$TEST_DOCS" ] || { echo "outputs.sh: no test documents in ../shared/eval/README.md" >&2; exit 1; }
fi
while IFS= read -r doc; do
  rel="${doc#"$C"/}"
  name="$(basename "${doc%.*}")"
  # A test document's originals in other languages are left out with it.
  case ",$TEST_DOCS," in *",$name,"*) continue ;; esac
  dest="$OUT/convert/${rel%.*}"
  rc=0
  "$BIN" convert "$doc" --base "$BASE" --rules rules --models models --out "$dest" \
    >"$OUT/.log" 2>&1 || rc=$?
  # A refusal (a language without rules) is an output too: its message is kept.
  [ "$rc" = 0 ] || echo "convert $rel: exit $rc: $(tail -1 "$OUT/.log")" >>"$OUT/refused.txt"
done < <(find "$C/constitutions" "$C/instruments" -type f -name '*.txt' | sort)
"$BIN" bulk "$C/constitutions/en" "$C/instruments/en" --rules rules --models models \
  --out "$OUT/bulk" --jobs 2 >"$OUT/.log" 2>&1 || { echo "bulk failed" >&2; fail=1; }
"$BIN" merge --global "$OUT/bulk" --rules rules --models models --out "$OUT/global" \
  >"$OUT/.log" 2>&1 || { echo "merge --global failed" >&2; fail=1; }
for p in "$C"/public-input/*/; do
  name="$(basename "$p")"
  "$BIN" polis "$p" --base "$BASE" --rules rules --models models --out "$OUT/polis/$name" \
    >"$OUT/.log" 2>&1 || { echo "polis failed: $name: $(tail -1 "$OUT/.log")" >&2; fail=1; }
done
rm -f "$OUT/.log"
# Run timings and the bulk journal differ from run to run by design.
find "$OUT" -name '.bulk-journal.tsv' -delete
echo "outputs.sh: $(find "$OUT" -type f | wc -l) files in $OUT ($(wc -l <"$OUT/refused.txt" 2>/dev/null || echo 0) documents refused)"
exit "$fail"
