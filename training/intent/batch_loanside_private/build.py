"""Build posts.jsonl from raw/*.txt (lines "<code>|<text>"; # lines name the section).

code: s service_ad, r recruitment, q question, l lawful_offer, n notice, w warning, o off_topic. Shuffled with a fixed seed.

    python training/intent/batch_loanside_private/build.py
"""

import json
import random
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CODES = {
    "s": "service_ad",
    "r": "recruitment",
    "q": "question",
    "l": "lawful_offer",
    "n": "notice",
    "w": "warning",
    "o": "off_topic",
}

rows, sections, seen = [], Counter(), set()
for f in sorted((HERE / "raw").glob("*.txt")):
    section = ""
    for line in f.read_text("utf-8").splitlines():
        if line.startswith("#"):
            section = line.lstrip("# ").split(" (")[0]
            continue
        if not line.strip():
            continue
        code, text = line.split("|", 1)
        text = text.strip()
        if text in seen:
            raise SystemExit(f"duplicate: {text}")
        seen.add(text)
        rows.append({"text": text, "intent": CODES[code]})
        sections[(f.name, section, CODES[code])] += 1
random.Random(20261201).shuffle(rows)
with open(HERE / "posts.jsonl", "w", encoding="utf-8") as fh:
    for r in rows:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
(HERE / "complaints.jsonl").write_text("", "utf-8")
for k, v in sections.items():
    print(v, *k)
print(Counter(r["intent"] for r in rows), len(rows))
