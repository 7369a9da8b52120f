import json, collections, os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
t = json.load(open(os.path.join(ROOT, 'materials_truth.json'), encoding='utf-8'))['files']
comps = [json.loads(l) for l in open(os.path.join(ROOT, 'complaints.jsonl'), encoding='utf-8')]
k = collections.Counter(x for v in t.values() for x in v['kinds'])
cap = collections.Counter((v['capture'], v['forged']) for v in t.values())
dtc = collections.Counter((v['doc_type'], v['forged']) for v in t.values())
ch = collections.Counter(c['channel'] for c in comps)
size = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(ROOT) for f in fs)
L = ['# STATS', '', f"- files: {len(t)} (genuine {sum(not v['forged'] for v in t.values())}, forged {sum(v['forged'] for v in t.values())}); complaints: {len(comps)}; folder size {size/1e6:.1f} MB",
     f"- forged files with two kinds: {sum(len(v['kinds']) == 2 for v in t.values())}", '', '## Kinds (file counts)', '', '| kind | files |', '|---|---|']
L += [f'| {a} | {b} |' for a, b in sorted(k.items())]
L += ['', '## Capture', '', '| capture | genuine | forged |', '|---|---|---|']
for c_ in sorted({c for c, _ in cap}):
    L.append(f'| {c_} | {cap[(c_, False)]} | {cap[(c_, True)]} |')
L += ['', '## Document type', '', '| doc_type | genuine | forged |', '|---|---|---|']
for d in sorted({d for d, _ in dtc}):
    L.append(f'| {d} | {dtc[(d, False)]} | {dtc[(d, True)]} |')
L += ['', '## Channels', '', ', '.join(f'{a}: {b}' for a, b in sorted(ch.items()))]
open(os.path.join(ROOT, 'STATS.md'), 'w', encoding='utf-8').write('\n'.join(L) + '\n')
print('\n'.join(L))
