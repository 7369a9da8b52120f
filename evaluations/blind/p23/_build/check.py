#!/usr/bin/env python3
import json, re, os
HERE = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(HERE)
CNMAP = {"零":"0","〇":"0","一":"1","二":"2","三":"3","四":"4","五":"5","六":"6","七":"7","八":"8","九":"9","幺":"1",
         "壹":"1","贰":"2","叁":"3","肆":"4","伍":"5","陆":"6","柒":"7","捌":"8","玖":"9"}
def norm(s): return re.sub(r"\s+", "", "".join(CNMAP.get(c, c) for c in s)).lower()
posts = [json.loads(l) for l in open(os.path.join(OUT, "posts.jsonl"), encoding="utf-8")]
truth = json.load(open(os.path.join(OUT, "posts_truth.json"), encoding="utf-8"))["posts"]
ids = [p["post_id"] for p in posts]
assert len(ids) == len(set(ids)) == 150, "ids"
assert set(ids) == set(truth), "truth complete"
errs = 0
for p in posts:
    t = truth[p["post_id"]]; n = norm(p["text"])
    assert t["intent"] in {"service_ad","recruitment","warning","notice","news","lawful_offer","question","off_topic"}
    assert t["is_ad"] == (t["intent"] in ("service_ad","recruitment")) and t["agency"] is None
    assert p["posted_at"].startswith("2026-11") and p["posted_at"].endswith("+08:00")
    for c in t["contacts"]:
        if c not in n: print("MISSING", p["post_id"], c); errs += 1
    # heuristic: digit runs of 9+ not covered by a listed contact
    for d in re.findall(r"\d{9,}", n):
        if not any(d == c or d in c for c in t["contacts"]): print("UNLISTED?", p["post_id"], d); errs += 1
print("errors:", errs)
