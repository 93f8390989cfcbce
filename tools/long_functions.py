#!/usr/bin/env python3
"""tools/long_functions.py [N] [DIR]: functions in DIR (src/) longer than N lines (80).
A brace counter
that strips comments and strings; a function starts at a line ending a
signature ')' ... '{' at namespace depth."""
import re, sys, pathlib
N = int(sys.argv[1]) if len(sys.argv) > 1 else 80
root = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else 'src')
out = []
for f in sorted(root.rglob('*.cc')) + sorted(root.rglob('*.h')):
    text = f.read_text()
    # strip comments / strings / chars
    text = re.sub(r'//[^\n]*', '', text)
    text = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)
    text = re.sub(r'R"(\w*)\((.*?)\)\1"', lambda m: '""' + '\n' * m.group(0).count('\n'), text, flags=re.S)
    text = re.sub(r'"(\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"'(\\.|[^'\\\n])*'", "''", text)
    lines = text.split('\n')
    depth = 0; ns_depth = 0; stack = []  # stack of (kind, startline)
    cur = None
    pending = ''
    for i, line in enumerate(lines, 1):
        for ch in line:
            if ch == '{':
                head = pending.strip()
                if re.search(r'\bnamespace\b[^;{]*$', head) or re.search(r'extern\s*""\s*$', head):
                    stack.append(('ns', i))
                elif re.search(r'\b(class|struct|union|enum)\b[^;(){}]*$', head) and '(' not in head.split('\n')[-1]:
                    stack.append(('cls', i))
                elif all(t[0] in ("ns", "cls") for t in stack) and re.search(r'\)\s*(const|override|noexcept|final|->[^{]*|:[^{]*|\s)*$', head, re.S):
                    m = re.findall(r'([~\w:]+(?:<[^<>]*>)?|operator\S+)\s*\(', head)
                    stack.append(('fn', i, m[-1] if m else '?' ) if False else ('fn', i))
                    stack[-1] = ('fn', i, (re.findall(r'([~\w:]+|operator[^\s(]+)\s*\(', head) or ['?'])[0])
                else:
                    stack.append(('blk', i))
                pending = ''
            elif ch == '}':
                if stack:
                    top = stack.pop()
                    if top[0] == 'fn':
                        n = i - top[1] + 1
                        if n > N:
                            out.append((n, f'{f}:{top[1]}', top[2]))
                pending = ''
            elif ch == ';':
                pending = ''
            else:
                pending += ch
        pending += '\n'
for n, loc, name in sorted(out, reverse=True):
    print(f'{n:5d} {loc} {name}')
print(f'long_functions: {len(out)} over {N} lines', file=sys.stderr)
