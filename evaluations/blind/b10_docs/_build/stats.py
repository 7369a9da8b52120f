# Writes STATS.md from the built set.
import os, json, csv
from collections import Counter
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
t = json.load(open(os.path.join(OUT, 'materials_truth.json'), encoding='utf-8'))['files']
comps = [json.loads(l) for l in open(os.path.join(OUT, 'complaints.jsonl'), encoding='utf-8')]
cust = list(csv.DictReader(open(os.path.join(OUT, 'customers.csv'), encoding='utf-8')))
size = sum(os.path.getsize(os.path.join(OUT, f)) for f in t)
L = ['# STATS', '', f'- files: {len(t)} (genuine {sum(not v["forged"] for v in t.values())}, forged {sum(v["forged"] for v in t.values())})',
     f'- complaints: {len(comps)} ({sum(len(c["attachments"]) > 1 for c in comps)} with more than one attachment); customers: {len(cust)}',
     f'- received_at range: {min(c["received_at"] for c in comps)} … {max(c["received_at"] for c in comps)}',
     f'- attachments size: {size / 1e6:.1f} MB', '']
def table(title, cnt):
    L.extend([f'## {title}', '', '| value | files |', '|---|---|'] + [f'| {k} | {v} |' for k, v in sorted(cnt.items(), key=lambda x: -x[1])] + [''])
table('kinds (forged files; a file may have two)', Counter(k for v in t.values() for k in v['kinds']))
table('kind combinations', Counter('+'.join(v['kinds']) or '(genuine)' for v in t.values()))
table('capture, genuine', Counter(v['capture'] for v in t.values() if not v['forged']))
table('capture, forged', Counter(v['capture'] for v in t.values() if v['forged']))
table('doc_type, genuine', Counter(v['doc_type'] for v in t.values() if not v['forged']))
table('doc_type, forged', Counter(v['doc_type'] for v in t.values() if v['forged']))
table('channel', Counter(c['channel'] for c in comps))
open(os.path.join(OUT, 'STATS.md'), 'w', encoding='utf-8').write('\n'.join(L))
print('\n'.join(L[:6]))
