#!/usr/bin/env python3
"""Consistency checks for the B3 set and STATS.md writer (standard library only)."""
import json, csv, os, re, collections, datetime as dt
HERE = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(HERE)
P = lambda n: os.path.join(OUT, n)
comps = [json.loads(l) for l in open(P('complaints.jsonl'), encoding='utf-8')]
posts = [json.loads(l) for l in open(P('posts.jsonl'), encoding='utf-8')]
truth = json.load(open(P('truth.json'), encoding='utf-8'))
pt = json.load(open(P('posts_truth.json'), encoding='utf-8'))['posts']
cust = {r['customer_id']: r for r in csv.DictReader(open(P('customers.csv'), encoding='utf-8'))}
lo = dt.datetime.fromisoformat('2026-09-15T00:00:00+08:00'); hi = dt.datetime.fromisoformat('2026-11-15T23:59:59+08:00')
ids = [c['complaint_id'] for c in comps]
assert len(ids) == len(set(ids)), 'dup complaint ids'
CH = {'app', 'hotline', 'email', 'regulator', 'social', 'other'}
for c in comps:
    i = c['complaint_id']
    for k in ('campaigns', 'groups', 'complaint_intent'):
        assert i in truth[k], (k, i)
    assert c['channel'] in CH
    t = dt.datetime.fromisoformat(c['received_at']); assert lo <= t <= hi and t.utcoffset() == dt.timedelta(hours=8), i
    assert re.fullmatch(r'1[3-9]\d{9}', c['phone']), i
    assert c['customer_id'] in cust, i
    assert '{name}' not in c['text']
    g = truth['groups'][i]; camp = truth['campaigns'][i]
    assert (camp is not None) == g.startswith('agency_') and (camp is None or camp == g)
    if camp:
        r = cust[c['customer_id']]
        gap = (dt.date.fromisoformat(r['next_due_date']) - t.date()).days
        assert int(r['overdue_days']) > 0 or 0 <= gap <= 3, ('agency borrower not due/overdue', i)
assert set(truth['campaigns']) == set(ids)
used = {c['customer_id'] for c in comps}
assert used == set(cust), 'customers without complaints or missing'
# phones distinct except within families
fam_c = {c['customer_id'] for c in comps if truth['groups'][c['complaint_id']] == 'family'}
byphone = collections.defaultdict(list)
for r in cust.values(): byphone[r['phone']].append(r['customer_id'])
for ph, cs in byphone.items():
    if len(cs) > 1: assert all(x in fam_c for x in cs), ph
# texts unique except agency_a4 copy-paste (allowed exact duplicates)
txt = collections.Counter(c['text'] for c in comps)
for c in comps:
    if txt[c['text']] > 1: assert truth['groups'][c['complaint_id']] == 'agency_a4', c['text'][:30]
# posts
pids = [p['post_id'] for p in posts]; assert len(pids) == len(set(pids)) == len(pt)
for p in posts:
    tr = pt[p['post_id']]
    assert tr['is_ad'] == (tr['intent'] in ('service_ad', 'recruitment'))
    norm = p['text'].lower()
    digits = re.sub(r'[\s\-\*_]', '', norm)
    cn = str.maketrans('零〇一二三四五六七八九幺壹贰叁肆伍陆柒捌玖', '001234567891123456789')
    dnorm = re.sub(r'[\s\-\*]', '', norm.translate(cn))
    for ct in tr['contacts']:
        assert ct == ct.lower()
        assert ct in norm or ct in digits or ct in dnorm or ct.replace('_', '') in re.sub(r'[\s_下划线]', '', norm), (p['post_id'], ct)
    dt.datetime.fromisoformat(p['posted_at'])
# organizers appear somewhere
alltext = '\n'.join(c['text'] for c in comps) + '\n'.join(p['text'] for p in posts)
devs = {c.get('device_id') for c in comps}
for ag, items in truth['organizers'].items():
    for x in items:
        assert x in alltext or x in devs or any(x == c['phone'] for c in comps) or x.lower() in alltext.lower(), (ag, x)
print('all checks passed')

# ------------------------------------------------------------ STATS.md
G = collections.Counter(truth['groups'].values())
I = collections.Counter(truth['complaint_intent'].values())
C = collections.Counter(c['channel'] for c in comps)
A = collections.Counter(v for v in truth['campaigns'].values() if v)
PI = collections.Counter(v['intent'] for v in pt.values())
PA = collections.Counter(v['agency'] for v in pt.values() if v['agency'])
lens = collections.defaultdict(list)
for c in comps: lens[truth['groups'][c['complaint_id']]].append(len(c['text']))
chg = collections.defaultdict(collections.Counter)
for c in comps: chg[truth['groups'][c['complaint_id']]][c['channel']] += 1
out = ['# STATS (computed by _build/check.py)', '',
       f'- complaints: {len(comps)}; customers: {len(cust)}; posts: {len(posts)}',
       f'- complaints with ip: {sum("ip" in c for c in comps)}; with device_id: {sum("device_id" in c for c in comps)}',
       f'- mean complaint length: {sum(len(c["text"]) for c in comps)/len(comps):.1f} chars; mean post length: {sum(len(p["text"]) for p in posts)/len(posts):.1f} chars',
       f'- distinct complaint texts: {len(txt)} (exact duplicates only inside agency_a4)', '',
       '## Complaints per group', '', '| group | n | mean len | channels |', '|---|---|---|---|']
for g, n in sorted(G.items()):
    out.append(f'| {g} | {n} | {sum(lens[g])/n:.0f} | ' + ', '.join(f'{k} {v}' for k, v in sorted(chg[g].items())) + ' |')
out += ['', '## Complaints per agency (campaigns)', ''] + [f'- {k}: {v}' for k, v in sorted(A.items())] + [f'- null (genuine): {sum(1 for v in truth["campaigns"].values() if v is None)}']
out += ['', '## Complaint intent', ''] + [f'- {k}: {v}' for k, v in sorted(I.items())]
out += ['', '## Channels', ''] + [f'- {k}: {v}' for k, v in sorted(C.items())]
out += ['', '## Posts per intent', ''] + [f'- {k}: {v}' for k, v in sorted(PI.items())]
out += [f'- ads+recruitment: {sum(v["is_ad"] for v in pt.values())} ({100*sum(v["is_ad"] for v in pt.values())/len(pt):.0f} %)']
out += ['', '## Posts linked to an agency', ''] + [f'- {k}: {v}' for k, v in sorted(PA.items())]
open(P('STATS.md'), 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print('\n'.join(out))
