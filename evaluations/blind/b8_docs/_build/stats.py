import json, collections, os, sys
D = sys.argv[1]
t = json.load(open(os.path.join(D, 'materials_truth.json'), encoding='utf-8'))['files']
comps = [json.loads(l) for l in open(os.path.join(D, 'complaints.jsonl'), encoding='utf-8')]
L = ['# STATS — b8_docs', '']
g = [v for v in t.values() if not v['forged']]; f = [v for v in t.values() if v['forged']]
size = sum(os.path.getsize(os.path.join(r, x)) for r, _, fs in os.walk(D) for x in fs)
L += ['- files: %d (genuine %d, forged %d)' % (len(t), len(g), len(f)), '- complaints: %d (received 2026-08-01 … 2026-09-30, +08:00)' % len(comps),
      '- customers: %d' % sum(1 for _ in open(os.path.join(D, 'customers.csv'))) + ' (rows incl. header: subtract 1)', '- folder size: %.1f MB' % (size / 1e6), '']
L += ['## Forgery kinds (files; a file may carry two kinds)', '', '| kind | files |', '|---|---|']
kc = collections.Counter(k for v in f for k in v['kinds'])
for k, n in sorted(kc.items()): L.append('| %s | %d |' % (k, n))
L += ['', 'Files with two kinds: %d' % sum(1 for v in f if len(v['kinds']) == 2), '']
L += ['## Capture × label', '', '| capture | genuine | forged |', '|---|---|---|']
for c in ['phone_photo', 'scanner_jpeg', 'wechat_jpeg', 'png', 'pdf']:
    L.append('| %s | %d | %d |' % (c, sum(v['capture'] == c for v in g), sum(v['capture'] == c for v in f)))
L += ['', '## Document type × label', '', '| doc_type | genuine | forged |', '|---|---|---|']
for d in sorted({v['doc_type'] for v in t.values()}):
    L.append('| %s | %d | %d |' % (d, sum(v['doc_type'] == d for v in g), sum(v['doc_type'] == d for v in f)))
L += ['', '## Channels', '']
for ch, n in collections.Counter(c['channel'] for c in comps).most_common(): L.append('- %s: %d' % (ch, n))
open(os.path.join(D, 'STATS.md'), 'w', encoding='utf-8').write('\n'.join(L) + '\n')
