#!/usr/bin/env python3
"""Scores a global constitution's support for the 30 core ideas against a hand truth.

    python3 bench/global_support.py TRUTH.tsv OUT/global/constitution.jsonl [--fill]

TRUTH.tsv (bench/judgments/global-support-*.tsv): `idea doc hand charter note`, one line
per core idea and document (`REP` lines and comments are skipped); `hand` is 1 when the
document states the idea (read by hand), `charter` what Charter counted when it was judged.
The global principle of a core idea is the idea entry (template "idea") whose first idea is
the core idea's broad id below: with rules/idea_global.tsv that one principle counts every
document that states the idea or a narrower idea it speaks for, so no other entry is added
in. Only the documents of TRUTH.tsv are counted. For each core idea: the hand count, the
documents Charter counts, their ratio and whether Charter is within 10% of the hand count;
then how many are within 10%, the median ratio, the documents missed (hand 1, Charter 0)
and counted wrongly (hand 0, Charter 1). `--fill` rewrites TRUTH.tsv's `charter` column
from this output.
"""
import json
import statistics
import sys

# Core idea (as the truth files name it) -> the idea id of its global principle.
BROAD = {
    "environment": "environment_protection",
    "disability": "disability_rights",
}


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    truth_path, constitution = argv[1], argv[2]
    rows = []
    for line in open(truth_path, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if line.startswith("#") or cols[0] == "REP" or len(cols) < 3:
            rows.append((line, None))
            continue
        rows.append((line, cols))
    support = {}
    for line in open(constitution, encoding="utf-8"):
        p = json.loads(line)
        if p.get("template") == "idea" and p.get("ideas"):
            support.setdefault(p["ideas"][0], set(p["countries"]))
    truth = {}
    for _, cols in rows:
        if cols:
            truth.setdefault(cols[0], {})[cols[1]] = int(cols[2])
    within, ratios, missed, wrong = 0, [], [], []
    for idea, docs in truth.items():
        counted = support.get(BROAD.get(idea, idea), set())
        hand = sum(docs.values())
        charter = sum(1 for d in docs if d in counted)
        missed += [f"{idea}:{d}" for d, v in docs.items() if v and d not in counted]
        wrong += [f"{idea}:{d}" for d, v in docs.items() if not v and d in counted]
        ratio = charter / hand if hand else 1.0
        ratios.append(ratio)
        ok = abs(charter - hand) <= 0.1 * hand
        within += ok
        print(f"{idea:28s} hand {hand:2d} charter {charter:2d} ratio {ratio:.2f} {'ok' if ok else ''}")
    print(f"within 10%: {within} of {len(truth)}; median ratio {statistics.median(ratios):.2f}; "
          f"missed {len(missed)}; counted wrongly {len(wrong)}")
    print("missed:", " ".join(missed))
    print("counted wrongly:", " ".join(wrong))
    if "--fill" in argv:
        with open(truth_path, "w", encoding="utf-8") as out:
            for line, cols in rows:
                if cols:
                    counted = support.get(BROAD.get(cols[0], cols[0]), set())
                    cols = cols + [""] * (5 - len(cols))
                    cols[3] = "1" if cols[1] in counted else "0"
                    line = "\t".join(cols) + "\n"
                out.write(line)


if __name__ == "__main__":
    main(sys.argv)
