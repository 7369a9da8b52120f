#!/usr/bin/env python3
"""Assemble p16 blind evaluation set from hand-written texts (standard library only)."""
import json, random, re, os, datetime, collections
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
SEED = 20260716
FILES = [("ads.txt","service_ad"),("recruit.txt","recruitment"),("warn.txt","warning"),
         ("notice.txt","notice"),("news.txt","news"),("lawful.txt","lawful_offer"),
         ("question.txt","question"),("offtopic.txt","off_topic")]
rows = []
for fn, intent in FILES:
    for ln in open(os.path.join(HERE, fn), encoding="utf-8"):
        ln = ln.rstrip("\n")
        if not ln.strip(): continue
        plat, acct, contacts, text = ln.split("|", 3)
        text = text.lstrip("|").strip()
        cs = [c.strip().lower().replace(" ", "") for c in contacts.split(",") if c.strip()]
        rows.append(dict(platform=plat, account=acct, text=text, intent=intent, contacts=cs))
rng = random.Random(SEED)
rng.shuffle(rows)
start = datetime.datetime(2026, 7, 1, 0, 0, 0)
span = int((datetime.datetime(2026, 9, 1) - start).total_seconds())
tz = datetime.timezone(datetime.timedelta(hours=8))
times = sorted(rng.randrange(span) for _ in rows)
posts, truth = [], {}
for i, (r, s) in enumerate(zip(rows, times), 1):
    pid = "P16-%04d" % i
    ts = (start + datetime.timedelta(seconds=s)).replace(tzinfo=tz).isoformat()
    posts.append(dict(post_id=pid, platform=r["platform"], account=r["account"], posted_at=ts, text=r["text"]))
    truth[pid] = dict(intent=r["intent"], is_ad=r["intent"] in ("service_ad", "recruitment"),
                      contacts=r["contacts"], agency=None)
with open(os.path.join(OUT, "posts.jsonl"), "w", encoding="utf-8") as f:
    for p in posts: f.write(json.dumps(p, ensure_ascii=False) + "\n")
with open(os.path.join(OUT, "posts_truth.json"), "w", encoding="utf-8") as f:
    json.dump({"posts": truth}, f, ensure_ascii=False, indent=1)
