#!/usr/bin/env python3
"""Assemble posts.jsonl from hand-written raw/part*.txt (lines: CODE|text, '#' = section)."""
import collections, glob, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
CODES = {"S": "service_ad", "R": "recruitment", "W": "warning", "N": "notice",
         "news": "news", "L": "lawful_offer", "Q": "question", "O": "off_topic"}
KNOWN = set(CODES.values())

rows, seen, errors = [], set(), []
section_counts = collections.Counter()
for path in sorted(glob.glob(os.path.join(HERE, "part*.txt"))):
    section = None
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            section = line.lstrip("# ").strip()
            continue
        code, sep, text = line.partition("|")
        if not sep or code not in CODES:
            errors.append(f"{path}:{n}: bad code {code!r}")
            continue
        text = text.strip().replace("\\n", "\n")
        if not text:
            errors.append(f"{path}:{n}: empty text")
            continue
        if text in seen:
            errors.append(f"{path}:{n}: duplicate text")
            continue
        seen.add(text)
        intent = CODES[code]
        assert intent in KNOWN
        rows.append({"text": text, "intent": intent})
        section_counts[(section, intent)] += 1

if errors:
    print("\n".join(errors)); sys.exit(1)

random.Random(20261201).shuffle(rows)
with open(os.path.join(OUT, "posts.jsonl"), "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
open(os.path.join(OUT, "complaints.jsonl"), "w").close()

# re-read and verify
back = [json.loads(l) for l in open(os.path.join(OUT, "posts.jsonl"), encoding="utf-8")]
assert len(back) == len(rows) and all(set(r) == {"text", "intent"} for r in back)
assert all(r["intent"] in KNOWN for r in back)
assert len({r["text"] for r in back}) == len(back)
print("total", len(back))
for k, v in sorted(collections.Counter(r["intent"] for r in back).items()):
    print(f"  {k}: {v}")
print("per section:")
for (s, i), v in section_counts.items():
    print(f"  {s} -> {i}: {v}")
