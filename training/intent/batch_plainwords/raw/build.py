#!/usr/bin/env python3
"""Build ../posts.jsonl from raw/part*.txt (standard library only)."""
import glob, json, os, random, sys
from collections import Counter

CODES = {"S": "service_ad", "R": "recruitment", "W": "warning", "N": "notice",
         "news": "news", "L": "lawful_offer", "Q": "question", "O": "off_topic"}
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

def main():
    posts, seen, errors = [], set(), []
    for path in sorted(glob.glob(os.path.join(HERE, "part*.txt"))):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                if "|" not in line:
                    errors.append(f"{path}:{n}: no code separator"); continue
                code, text = line.split("|", 1)
                code, text = code.strip(), text.strip().replace("\\n", "\n")
                if code not in CODES:
                    errors.append(f"{path}:{n}: unknown code {code!r}"); continue
                if not text:
                    errors.append(f"{path}:{n}: empty text"); continue
                if text in seen:
                    errors.append(f"{path}:{n}: duplicate text"); continue
                seen.add(text)
                posts.append({"text": text, "intent": CODES[code]})
    if errors:
        print("\n".join(errors), file=sys.stderr); sys.exit(1)
    random.Random(20261201).shuffle(posts)
    with open(os.path.join(OUT, "posts.jsonl"), "w", encoding="utf-8") as f:
        for p in posts:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    open(os.path.join(OUT, "complaints.jsonl"), "w", encoding="utf-8").close()
    counts = Counter(p["intent"] for p in posts)
    for k in sorted(counts):
        print(f"{k}\t{counts[k]}")
    print(f"total\t{len(posts)}")

if __name__ == "__main__":
    main()
