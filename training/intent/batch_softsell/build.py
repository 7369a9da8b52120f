import json, os, collections
HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
SETS = {
    "posts": ["service_ad", "recruitment", "warning", "notice", "news", "lawful_offer", "question", "off_topic"],
    "complaints": ["grievance", "hardship", "agency_package", "representative", "other"],
}
PREFIX = {"posts": "p_", "complaints": "c_"}
for name, intents in SETS.items():
    rows = []
    for it in intents:
        with open(os.path.join(RAW, PREFIX[name] + it + ".txt"), encoding="utf-8") as f:
            for line in f:
                t = line.strip()
                if t:
                    rows.append({"text": t, "intent": it})
    with open(os.path.join(HERE, name + ".jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
# check
for name, intents in SETS.items():
    cnt = collections.Counter(); ln = collections.defaultdict(int); seen = set(); dup = 0
    with open(os.path.join(HERE, name + ".jsonl"), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            r = json.loads(line)
            assert set(r) == {"text", "intent"}, (name, i)
            assert r["intent"] in intents, (name, i, r["intent"])
            assert isinstance(r["text"], str) and r["text"], (name, i)
            cnt[r["intent"]] += 1; ln[r["intent"]] += len(r["text"])
            dup += r["text"] in seen; seen.add(r["text"])
    print(name, sum(cnt.values()), "lines, duplicates:", dup)
    for it in intents:
        print(f"  {it}: {cnt[it]}  avg_len={ln[it]/max(cnt[it],1):.1f}")
