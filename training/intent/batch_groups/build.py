#!/usr/bin/env python3
"""Build posts.jsonl and complaints.jsonl from raw/*.txt (standard library only).

raw/p_<intent>.txt -> posts.jsonl, raw/c_<intent>.txt -> complaints.jsonl.
One text per line. Checks: allowed intents, no empty lines, no duplicate texts,
output re-parses as JSON. Prints counts per intent.
"""
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")

ALLOWED = {
    "p": ("posts.jsonl", ["service_ad", "recruitment", "warning", "notice", "news",
                          "lawful_offer", "question", "off_topic"]),
    "c": ("complaints.jsonl", ["grievance", "hardship", "agency_package",
                               "representative", "other"]),
}


def main():
    errors = []
    for prefix, (out_name, intents) in ALLOWED.items():
        rows = []
        seen = {}
        for fn in sorted(os.listdir(RAW)):
            if not fn.endswith(".txt") or not fn.startswith(prefix + "_"):
                continue
            intent = fn[len(prefix) + 1:-4]
            if intent not in intents:
                errors.append(f"{fn}: intent '{intent}' not allowed for {out_name}")
                continue
            with open(os.path.join(RAW, fn), encoding="utf-8") as f:
                for i, line in enumerate(f, 1):
                    text = line.rstrip("\n").rstrip("\r").strip()
                    if not text:
                        errors.append(f"{fn}:{i}: empty line")
                        continue
                    if text in seen:
                        errors.append(f"{fn}:{i}: duplicate of {seen[text]}")
                        continue
                    seen[text] = f"{fn}:{i}"
                    rows.append({"text": text, "intent": intent})
        out_path = os.path.join(HERE, out_name)
        with open(out_path, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        # re-parse check
        counts = Counter()
        with open(out_path, encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{out_name}:{i}: bad JSON ({e})")
                    continue
                if set(obj) != {"text", "intent"} or obj["intent"] not in intents:
                    errors.append(f"{out_name}:{i}: bad record")
                counts[obj["intent"]] += 1
        print(f"{out_name}: {sum(counts.values())}")
        for it in intents:
            print(f"  {it}: {counts.get(it, 0)}")
    if errors:
        print("ERRORS:", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
