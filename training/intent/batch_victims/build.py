#!/usr/bin/env python3
"""Build posts.jsonl (and an empty complaints.jsonl) from raw/p_<intent>.txt.

Standard library only. One hand-written text per line in each raw file.
Checks: allowed intents, no empty texts, no duplicate texts, output parses.
"""
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
ALLOWED = ["service_ad", "recruitment", "warning", "notice", "news",
           "lawful_offer", "question", "off_topic"]


def main():
    rows, errors, seen = [], [], {}
    for name in sorted(os.listdir(RAW)):
        if not (name.startswith("p_") and name.endswith(".txt")):
            continue
        intent = name[2:-4]
        if intent not in ALLOWED:
            errors.append(f"{name}: intent {intent!r} not allowed")
            continue
        with open(os.path.join(RAW, name), encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                text = line.strip()
                if not text:
                    errors.append(f"{name}:{lineno}: empty text")
                    continue
                if text in seen:
                    errors.append(f"{name}:{lineno}: duplicate of {seen[text]}")
                    continue
                seen[text] = f"{name}:{lineno}"
                rows.append({"text": text, "intent": intent})
    if errors:
        for e in errors:
            print("ERROR", e, file=sys.stderr)
        sys.exit(1)

    posts = os.path.join(HERE, "posts.jsonl")
    with open(posts, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    open(os.path.join(HERE, "complaints.jsonl"), "w", encoding="utf-8").close()

    # re-parse and verify
    counts = Counter()
    with open(posts, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            obj = json.loads(line)
            assert set(obj) == {"text", "intent"}, f"line {i}: bad keys"
            assert obj["intent"] in ALLOWED and obj["text"].strip()
            counts[obj["intent"]] += 1
    assert sum(counts.values()) == len(rows)
    with open(os.path.join(HERE, "complaints.jsonl"), encoding="utf-8") as f:
        assert f.read() == ""

    for intent in ALLOWED:
        print(f"{intent:13s} {counts.get(intent, 0)}")
    print(f"{'total':13s} {len(rows)}")
    print("complaints.jsonl: 0 (empty)")


if __name__ == "__main__":
    main()
