#!/usr/bin/env python3
import json, csv, os, re, datetime as dt
from collections import Counter, defaultdict
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
def jl(fn):
    with open(os.path.join(OUT, fn), encoding='utf-8') as f:
        return [json.loads(l) for l in f]
C = jl('complaints.jsonl'); P = jl('posts.jsonl')
T = json.load(open(os.path.join(OUT, 'truth.json'), encoding='utf-8'))
PT = json.load(open(os.path.join(OUT, 'posts_truth.json'), encoding='utf-8'))
cust = {r['customer_id']: r for r in csv.DictReader(open(os.path.join(OUT, 'customers.csv'), encoding='utf-8'))}
err = []
ids = [c['complaint_id'] for c in C]
assert len(ids) == len(set(ids)), 'dup complaint ids'
pids = [p['post_id'] for p in P]
assert len(pids) == len(set(pids)), 'dup post ids'
lo = dt.datetime(2026, 9, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))
hi = dt.datetime(2026, 11, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))
CH = {'app', 'hotline', 'email', 'regulator', 'social', 'other'}
for c in C:
    for k in ('campaigns', 'groups', 'complaint_intent'):
        if c['complaint_id'] not in T[k]: err.append('truth missing %s %s' % (k, c['complaint_id']))
    if c['customer_id'] not in cust: err.append('no customer ' + c['customer_id'])
    if not re.fullmatch(r'1\d{10}', c['phone']): err.append('bad phone ' + c['phone'])
    t = dt.datetime.fromisoformat(c['received_at'])
    if not (lo <= t < hi) or not c['received_at'].endswith('+08:00'): err.append('time ' + c['received_at'])
    if c['channel'] not in CH: err.append('channel ' + c['channel'])
    if '{' in c['text']: err.append('placeholder ' + c['complaint_id'])
assert set(T['campaigns']) == set(ids) and set(T['groups']) == set(ids) and set(T['complaint_intent']) == set(ids)
for r in cust.values():
    if not re.fullmatch(r'1\d{10}', r['phone']): err.append('cust phone')
# agency borrowers overdue or due within 7 days
for c in C:
    g = T['groups'][c['complaint_id']]
    if g.startswith('agency_'):
        r = cust[c['customer_id']]; day = dt.date.fromisoformat(c['received_at'][:10])
        if int(r['overdue_days']) <= 0:
            due = dt.date.fromisoformat(r['next_due_date'])
            if not (0 <= (due - day).days <= 7): err.append('agency borrower not due/overdue ' + c['complaint_id'])
# SIM cards <= ~7 days
sim = defaultdict(list)
for c in C:
    if T['groups'][c['complaint_id']] == 'agency_simcard':
        sim[c['phone']].append(dt.date.fromisoformat(c['received_at'][:10]))
for p, ds in sim.items():
    if (max(ds) - min(ds)).days > 7: err.append('sim used > 7 days ' + p)
# coached group quotes handle <=2
orgA = T['organizers']['agency_shangan']
q = sum(1 for c in C if T['groups'][c['complaint_id']] == 'agency_shangan' and (any(o in c['text'].lower() for o in orgA) or '上岸互助' in c['text']))
if q > 2: err.append('coached handle quotes %d' % q)
# organiser phones/devices in genuine complaints?
orgset = set(x for v in T['organizers'].values() for x in v)
for c in C:
    if T['campaigns'][c['complaint_id']] is None and (c['phone'] in orgset or c.get('device_id') in orgset):
        err.append('organiser contact in genuine complaint ' + c['complaint_id'])
# incident window
inc = sorted(c['received_at'] for c in C if T['groups'][c['complaint_id']].startswith('incident_'))
bur = sorted(c['received_at'] for c in C if T['groups'][c['complaint_id']] == 'hardship_burst')
# posts
NUM = dict(zip('零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖幺两', '0012345678912345678912'))
def norm(s):
    s = ''.join(NUM.get(ch, ch) for ch in s.lower())
    return re.sub(r'[\s\-—_·.]', '', s)
for p in P:
    pt = PT['posts'].get(p['post_id'])
    if pt is None: err.append('post truth missing ' + p['post_id']); continue
    t = dt.datetime.fromisoformat(p['posted_at'])
    if not (lo <= t < hi): err.append('post time ' + p['post_id'])
    for ct in pt['contacts']:
        if norm(ct) not in norm(p['text']): err.append('contact %s not in post %s' % (ct, p['post_id']))
assert set(PT['posts']) == set(pids)
print('errors:', len(err)); [print(' ', e) for e in err[:40]]
print('incident window', inc[0], inc[-1], len(inc)); print('burst window', bur[0], bur[-1], len(bur))
for p, ds in sorted(sim.items(), key=lambda x: min(x[1])): print('sim', p, min(ds), max(ds), len(ds))
print('coached handle quotes', q)
