# Writes STATS.md from the built set.
import json, os, csv, collections
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..")); os.chdir(ROOT)
t = json.load(open("materials_truth.json", encoding="utf-8"))["files"]
comps = [json.loads(l) for l in open("complaints.jsonl", encoding="utf-8")]
C = collections.Counter
size = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(ROOT) for f in fs)
L = ["# STATS — b6_docs", "", f"- attachments: {len(t)} (genuine {sum(not v['forged'] for v in t.values())}, forged {sum(v['forged'] for v in t.values())})",
     f"- complaints: {len(comps)} (D6-0001…D6-{len(comps):04d}), received {min(c['received_at'] for c in comps)[:10]} … {max(c['received_at'] for c in comps)[:10]}",
     f"- customers: {sum(1 for _ in open('customers.csv')) - 1}; complaints with 2+ attachments: {sum(len(c['attachments']) > 1 for c in comps)}",
     f"- channels: {dict(C(c['channel'] for c in comps))}", f"- folder size: {size/2**20:.1f} MB", "", "## Forgery kinds (files; a file may carry two kinds)", ""]
for k, n in C(k for v in t.values() for k in v["kinds"]).most_common(): L.append(f"- {k}: {n}")
L += ["", f"- files with two kinds: {sum(len(v['kinds']) == 2 for v in t.values())}", "", "## Capture × truth", "", "| capture | genuine | forged |", "|---|---|---|"]
for cap in ["phone_photo", "scanner_jpeg", "wechat_jpeg", "png", "pdf"]:
    L.append(f"| {cap} | {sum(1 for v in t.values() if v['capture']==cap and not v['forged'])} | {sum(1 for v in t.values() if v['capture']==cap and v['forged'])} |")
L += ["", "## Document type × truth", "", "| doc_type | genuine | forged |", "|---|---|---|"]
for d in sorted({v["doc_type"] for v in t.values()}):
    L.append(f"| {d} | {sum(1 for v in t.values() if v['doc_type']==d and not v['forged'])} | {sum(1 for v in t.values() if v['doc_type']==d and v['forged'])} |")
open("STATS.md", "w", encoding="utf-8").write("\n".join(L) + "\n")
print("\n".join(L))
