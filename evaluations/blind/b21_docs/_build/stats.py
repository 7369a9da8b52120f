# Writes STATS.md from the built set. Run: /work/main/.venv/bin/python _build/stats.py
import os, json, csv, collections
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(OUT)
t = json.load(open('materials_truth.json'))['files']
comps = [json.loads(l) for l in open('complaints.jsonl')]
cust = list(csv.DictReader(open('customers.csv')))
L = ['# STATS', '', 'files: %d (genuine %d, forged %d); complaints: %d; customers: %d; size: %.1f MB' % (
    len(t), sum(not v['forged'] for v in t.values()), sum(v['forged'] for v in t.values()), len(comps), len(cust),
    sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk('.') for f in fs) / 2 ** 20), '']
k = collections.Counter(x for v in t.values() for x in v['kinds'])
L += ['## forged files per kind (a file may carry two kinds)', '', '| kind | files |', '|---|---|'] + ['| %s | %d |' % kv for kv in sorted(k.items())]
L += ['', 'files with two kinds: %d' % sum(len(v['kinds']) == 2 for v in t.values()), '']
caps = sorted({v['capture'] for v in t.values()})
L += ['## capture', '', '| capture | genuine | forged |', '|---|---|---|']
for c in caps:
    L.append('| %s | %d | %d |' % (c, sum(v['capture'] == c and not v['forged'] for v in t.values()), sum(v['capture'] == c and v['forged'] for v in t.values())))
L += ['', '## document type', '', '| doc_type | genuine | forged |', '|---|---|---|']
for d in sorted({v['doc_type'] for v in t.values()}):
    L.append('| %s | %d | %d |' % (d, sum(v['doc_type'] == d and not v['forged'] for v in t.values()), sum(v['doc_type'] == d and v['forged'] for v in t.values())))
ch = collections.Counter(c['channel'] for c in comps)
na = collections.Counter(len(c['attachments']) for c in comps)
L += ['', '## complaints', '', 'channels: ' + ', '.join('%s %d' % kv for kv in sorted(ch.items())),
      'attachments per complaint: ' + ', '.join('%d: %d' % kv for kv in sorted(na.items())),
      'received_at range: %s .. %s' % (min(c['received_at'] for c in comps), max(c['received_at'] for c in comps)), '']
open('STATS.md', 'w').write('\n'.join(L) + '\n')
print('\n'.join(L))
