"""Write STATS.md from materials_truth.json / complaints.jsonl."""
import json, os, collections
B = os.path.dirname(os.path.dirname(os.path.abspath(__file__))); os.chdir(B)
T = json.load(open('materials_truth.json'))['files']
P = [json.loads(l) for l in open('complaints.jsonl', encoding='utf-8')]
g = [v for v in T.values() if not v['forged']]; f = [v for v in T.values() if v['forged']]
L = ['# STATS — b26_docs', '', 'Files: %d (genuine %d, forged %d); complaints: %d; customers: %d' % (
    len(T), len(g), len(f), len(P), sum(1 for _ in open('customers.csv')) - 1), '']
L += ['## Forged files per kind (a file may carry two kinds)', '', '| kind | files |', '|---|---|']
kc = collections.Counter(k for v in f for k in v['kinds'])
L += ['| %s | %d |' % kv for kv in sorted(kc.items())]
L += ['', 'Forged files with two kinds: %d' % sum(1 for v in f if len(v['kinds']) == 2), '']
L += ['## Capture × genuine/forged', '', '| capture | genuine | forged |', '|---|---|---|']
for c in ['phone_photo', 'scanner_jpeg', 'wechat_jpeg', 'png', 'pdf']:
    L.append('| %s | %d | %d |' % (c, sum(v['capture'] == c for v in g), sum(v['capture'] == c for v in f)))
L += ['', '## Doc type × genuine/forged', '', '| doc_type | genuine | forged |', '|---|---|---|']
for d in sorted({v['doc_type'] for v in T.values()}):
    L.append('| %s | %d | %d |' % (d, sum(v['doc_type'] == d for v in g), sum(v['doc_type'] == d for v in f)))
L += ['', '## Complaints', '', 'channels: ' + ', '.join('%s %d' % kv for kv in sorted(collections.Counter(p['channel'] for p in P).items())),
      'attachments per complaint: ' + ', '.join('%d→%d' % kv for kv in sorted(collections.Counter(len(p['attachments']) for p in P).items())),
      'received_at range: %s … %s' % (min(p['received_at'] for p in P), max(p['received_at'] for p in P)), '']
size = sum(os.path.getsize(os.path.join(dp, x)) for dp, _, fs in os.walk('.') for x in fs)
L.append('Folder size: %.1f MB' % (size / 1e6))
open('STATS.md', 'w').write('\n'.join(L) + '\n')
print('\n'.join(L))
