#!/usr/bin/env python3
"""Validate the b7 set and write STATS.md."""
import json, csv, os, re
from collections import Counter, defaultdict
from datetime import datetime, date, timedelta, timezone
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TZ = timezone(timedelta(hours=8))
lo, hi = datetime(2026, 6, 1, tzinfo=TZ), datetime(2026, 8, 1, tzinfo=TZ)
errs = []
comps = [json.loads(l) for l in open(os.path.join(OUT, 'complaints.jsonl'), encoding='utf-8')]
posts = [json.loads(l) for l in open(os.path.join(OUT, 'posts.jsonl'), encoding='utf-8')]
truth = json.load(open(os.path.join(OUT, 'truth.json'), encoding='utf-8'))
ptruth = json.load(open(os.path.join(OUT, 'posts_truth.json'), encoding='utf-8'))['posts']
cust = {r['customer_id']: r for r in csv.DictReader(open(os.path.join(OUT, 'customers.csv'), encoding='utf-8'))}

ids = [c['complaint_id'] for c in comps]
if len(ids) != len(set(ids)): errs.append('dup complaint ids')
for k in ('campaigns', 'groups', 'complaint_intent'):
    if set(truth[k]) != set(ids): errs.append('truth incomplete: ' + k)
CHS = {'app', 'hotline', 'email', 'regulator', 'social', 'other'}
for c in comps:
    if not re.fullmatch(r'B7-\d{6}', c['complaint_id']): errs.append('bad id ' + c['complaint_id'])
    t = datetime.fromisoformat(c['received_at'])
    if not (lo <= t < hi) or not c['received_at'].endswith('+08:00'): errs.append('time ' + c['complaint_id'])
    if c['channel'] not in CHS: errs.append('channel ' + c['complaint_id'])
    if c['customer_id'] not in cust: errs.append('no customer ' + c['complaint_id'])
    if not re.fullmatch(r'1\d{10}', c['phone']): errs.append('phone ' + c['complaint_id'])
    if not c['text'].strip(): errs.append('empty ' + c['complaint_id'])
for r in cust.values():
    if not re.fullmatch(r'1\d{10}', r['phone']): errs.append('cust phone ' + r['customer_id'])
    date.fromisoformat(r['next_due_date']); int(r['overdue_days']); int(r['principal'])
agencies = set(truth['organizers'])
for cid, a in truth['campaigns'].items():
    g = truth['groups'][cid]
    if a is not None and (a not in agencies or g != a): errs.append('campaign/group mismatch ' + cid)
    if a is None and g in agencies: errs.append('group agency w/o campaign ' + cid)
# every agency borrower overdue or within 7 days of due date (as at complaint)
byid = {c['complaint_id']: c for c in comps}
for cid, a in truth['campaigns'].items():
    if a is None: continue
    r = cust[byid[cid]['customer_id']]; d = datetime.fromisoformat(byid[cid]['received_at']).date()
    if int(r['overdue_days']) == 0 and (date.fromisoformat(r['next_due_date']) - d).days > 7:
        errs.append('agency borrower not near due ' + cid)
# organizers appear in complaint data or posts
alltext = ' '.join(c['text'] + ' ' + c['phone'] + ' ' + c.get('device_id', '') + ' ' + c.get('ip', '') for c in comps).lower() + ' ' + ' '.join(p['text'] for p in posts).lower()
for a, inds in truth['organizers'].items():
    for x in inds:
        key = x.split('.0/24')[0] + '.' if x.endswith('.0/24') else x.lower()
        if key not in alltext: errs.append(f'organizer {x} of {a} not found anywhere')
# posts
pids = [p['post_id'] for p in posts]
if len(pids) != len(set(pids)) or set(pids) != set(ptruth): errs.append('post ids / truth mismatch')
DIG = {c: str(i) for i, c in enumerate('０１２３４５６７８９')}
for s, d in [('〇零', '0'), ('一壹幺', '1'), ('二贰两', '2'), ('三叁', '3'), ('四肆', '4'), ('五伍', '5'), ('六陆', '6'), ('七柒', '7'), ('八捌', '8'), ('九玖', '9')]:
    for ch in s: DIG[ch] = d
def norm(t):
    t = ''.join(DIG.get(ch, ch) for ch in t).lower()
    return re.sub(r'[\s\-－·.]', '', t)
INTENTS = {'service_ad', 'recruitment', 'warning', 'notice', 'news', 'lawful_offer', 'question', 'off_topic'}
for p in posts:
    tr = ptruth[p['post_id']]
    t = datetime.fromisoformat(p['posted_at'])
    if not (lo <= t < hi): errs.append('post time ' + p['post_id'])
    if tr['intent'] not in INTENTS: errs.append('post intent ' + p['post_id'])
    if tr['is_ad'] != (tr['intent'] in ('service_ad', 'recruitment')): errs.append('is_ad ' + p['post_id'])
    nt = norm(p['text'])
    for c in tr['contacts']:
        if norm(c) not in nt: errs.append(f"contact {c} missing in {p['post_id']}")
        if c.startswith('400') or c == '12378': errs.append('hotline in contacts ' + p['post_id'])
    if tr['agency'] is not None:
        if not (set(tr['contacts']) & set(truth['organizers'][tr['agency']])): errs.append('agency post without shared contact ' + p['post_id'])
# ---- stats ----
G = Counter(truth['groups'].values()); I = Counter(truth['complaint_intent'].values())
CH = Counter(c['channel'] for c in comps)
bygc = defaultdict(Counter)
for c in comps: bygc[truth['groups'][c['complaint_id']]][c['channel']] += 1
PI = Counter(v['intent'] for v in ptruth.values()); ads = sum(v['is_ad'] for v in ptruth.values())
PA = Counter(v['agency'] for v in ptruth.values() if v['agency'])
inc = sorted(datetime.fromisoformat(c['received_at']) for c in comps if truth['groups'][c['complaint_id']].startswith('incident_'))
hb = sorted(datetime.fromisoformat(c['received_at']) for c in comps if truth['groups'][c['complaint_id']] == 'hardship_burst')
pre = 0
for c in comps:
    if truth['groups'][c['complaint_id']] == 'hardship':
        r = cust[c['customer_id']]; d = datetime.fromisoformat(c['received_at']).date()
        if int(r['overdue_days']) == 0 and 0 <= (date.fromisoformat(r['next_due_date']) - d).days <= 3: pre += 1
L = ['# STATS (generated by _build/check.py)', '', f'- complaints: {len(comps)}; customers: {len(cust)}; posts: {len(posts)}',
     f'- complaints with ip: {sum("ip" in c for c in comps)}; with device_id: {sum("device_id" in c for c in comps)}', '',
     '## Complaints by group', '', '| group | n | channels |', '|---|---|---|']
for g, n in sorted(G.items(), key=lambda x: -x[1]):
    L.append(f'| {g} | {n} | ' + ', '.join(f'{k} {v}' for k, v in sorted(bygc[g].items())) + ' |')
L += ['', '## Complaints by channel', ''] + [f'- {k}: {v}' for k, v in sorted(CH.items())]
L += ['', '## Complaint intent', ''] + [f'- {k}: {v}' for k, v in sorted(I.items())]
L += ['', f'- agency complaints: {sum(1 for v in truth["campaigns"].values() if v)}; genuine: {sum(1 for v in truth["campaigns"].values() if not v)}',
      f'- incident window (all): {inc[0].isoformat()} .. {inc[-1].isoformat()}; within 3h of first: {sum(1 for t in inc if (t - inc[0]).total_seconds() <= 3*3600)}',
      f'- hardship burst window: {hb[0].isoformat()} .. {hb[-1].isoformat()}',
      f'- hardship pleas filed 0-3 days before due date (not overdue): {pre}', '',
      '## Posts', ''] + [f'- {k}: {v}' for k, v in sorted(PI.items())]
L += [f'- ads+recruitment (is_ad): {ads} ({ads*100//len(posts)}%)', '- posts sharing a contact with an agency: ' + ', '.join(f'{k} {v}' for k, v in sorted(PA.items())),
      f'- posts with contacts: {sum(1 for v in ptruth.values() if v["contacts"])}', '', f'## Check result', '', 'OK' if not errs else '\n'.join('- ' + e for e in errs)]
open(os.path.join(OUT, 'STATS.md'), 'w', encoding='utf-8').write('\n'.join(L) + '\n')
print('\n'.join(L))
print('ERRORS:', len(errs))
