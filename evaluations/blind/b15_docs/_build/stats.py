# -*- coding: utf-8 -*-
"""Write ../STATS.md from the built set."""
import os, json, collections
HERE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
truth = json.load(open(os.path.join(HERE, 'materials_truth.json'), encoding='utf-8'))['files']
comps = [json.loads(l) for l in open(os.path.join(HERE, 'complaints.jsonl'), encoding='utf-8')]
C = collections.Counter
kinds = C(k for t in truth.values() for k in t['kinds'])
capg = C(t['capture'] for t in truth.values() if not t['forged'])
capf = C(t['capture'] for t in truth.values() if t['forged'])
dtg = C(t['doc_type'] for t in truth.values() if not t['forged'])
dtf = C(t['doc_type'] for t in truth.values() if t['forged'])
nk = C(len(t['kinds']) for t in truth.values() if t['forged'])
ch = C(c['channel'] for c in comps)
na = C(len(c['attachments']) for c in comps)
size = sum(os.path.getsize(os.path.join(dp, x)) for dp, _, fs in os.walk(HERE) for x in fs)
L = ['# STATS — b15_docs', '', 'Files: %d (genuine %d, forged %d); complaints: %d; customers: %d; folder size %.1f MB.' % (
    len(truth), sum(not t['forged'] for t in truth.values()), sum(t['forged'] for t in truth.values()), len(comps),
    sum(1 for _ in open(os.path.join(HERE, 'customers.csv'), encoding='utf-8')) - 1, size / 2 ** 20), '',
    '## Forgery kinds (a file may carry two)', '', '| kind | files |', '|---|---|']
L += ['| %s | %d |' % kv for kv in sorted(kinds.items())]
L += ['', 'Forged files with one kind: %d; with two kinds: %d.' % (nk[1], nk[2]), '',
      '## Capture', '', '| capture | genuine | forged |', '|---|---|---|']
L += ['| %s | %d | %d |' % (c, capg[c], capf[c]) for c in sorted(set(capg) | set(capf))]
L += ['', '## Document types', '', '| doc_type | genuine | forged |', '|---|---|---|']
L += ['| %s | %d | %d |' % (c, dtg[c], dtf[c]) for c in sorted(set(dtg) | set(dtf))]
L += ['', '## Complaints', '', 'Channels: ' + ', '.join('%s %d' % kv for kv in sorted(ch.items())),
      '', 'Attachments per complaint: ' + ', '.join('%d → %d complaints' % kv for kv in sorted(na.items())),
      '', 'received_at range: %s … %s' % (min(c['received_at'] for c in comps), max(c['received_at'] for c in comps)), '']
open(os.path.join(HERE, 'STATS.md'), 'w', encoding='utf-8').write('\n'.join(L))
print('\n'.join(L))
