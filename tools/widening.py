#!/usr/bin/env python3
"""Counts principles that widen a limit every source clause of an idea states.

Reads the convert outputs of scripts/outputs.sh (OUT/convert/*/en/<doc>/principles.jsonl)
and, per kind of limit, counts the principles naming an idea whose every source clause
(a lead-in ending in a colon or dash aside) states a limit of it (an exception, a level or
place of free education, religious instruction, a trade union, a last resort) while the
principle's text does not keep it. The test documents of ../shared/eval/README.md are
skipped. A heuristic: a cue can match a clause whose limit is no limit (a count of
candidates to read, not of defects).

    python3 tools/widening.py OUT [-v]
"""
import json, sys, glob, re
TEST = set("aus bgd bra chl fin idn irl jpn ken mex nga pak tza iccpr".split())
I = re.I
KINDS = {
  # kind: (ideas, source cue every clause has, text that shows the principle keeps it)
  'exception': ({'slavery','forced_labour'},
                re.compile(r'\b(?:except|save|unless)\b|\bonly\s+(?:on|by|in)\b|\bbut\s+pursuant\b', I),
                re.compile(r'\b(?:slavery or servitude|compulsory labour) except\b', I)),
  'free_education_scope': ({'free_education'},
                re.compile(r'\b(?:primary|basic|elementary|secondary|higher|compulsory|public|state|government)\s+(?:\w+\s+){0,2}(?:education|schooling|schools|instruction|establishments|institutions)\b|\bchildren\s+of\b|\bup\s+to\b', I),
                re.compile(r'\bfree (?:primary|basic|elementary|secondary|higher|compulsory|public)\b|\bfree (?:\w+ )?education (?:in|to|for|up)\b', I)),
  'religious_instruction': ({'parents_education_choice'},
                re.compile(r'\b(?:religious|moral)\s+(?:and\s+(?:religious|moral)\s+)?(?:instruction|education|upbringing|teaching)\b', I),
                re.compile(r'religious', I)),
  'trade_union': ({'compelled_association'},
                re.compile(r'\bunion\b', I), re.compile(r'trade union', I)),
  'resist_remedy': ({'right_to_resist'},
                re.compile(r'\bno\s+other\s+(?:remedy|recourse)\b', I), re.compile(r'no other remedy', I)),
}
out = sys.argv[1]; verbose = "-v" in sys.argv[2:]
counts = {k: 0 for k in KINDS}
for path in sorted(glob.glob(out + '/convert/*/en/*/principles.jsonl')):
    doc = path.split('/')[-2]
    if doc in TEST: continue
    for line in open(path):
        p = json.loads(line)
        for kind, (ideas, cue, kept) in KINDS.items():
            for idea in set(p.get('ideas', [])) & ideas:
                srcs = [s for s in p['sources'] if idea in (s.get('ideas') or [])]
                # a lead-in cited with its items states nothing itself
                texts = [s['text'] for s in srcs if not re.search(r'[:\-—]\s*$', s['text'])]
                if texts and all(cue.search(t) for t in texts) and not kept.search(p['text']):
                    counts[kind] += 1
                    if verbose: print(f'{kind}\t{doc}\t{idea}\t{p["text"][:160]}\n\t' + '\n\t'.join(t[:200] for t in texts))
print(counts, sum(counts.values()))
