"""Validate the B1 files and write STATS.md."""
import json, csv, os, re, datetime as dt
from collections import Counter, defaultdict

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
P = lambda f: os.path.join(OUT, f)
errors = []

comps = []
for n, line in enumerate(open(P('complaints.jsonl'), encoding='utf-8'), 1):
    try:
        comps.append(json.loads(line))
    except Exception as e:
        errors.append('complaints line %d: %s' % (n, e))
posts = []
for n, line in enumerate(open(P('posts.jsonl'), encoding='utf-8'), 1):
    try:
        posts.append(json.loads(line))
    except Exception as e:
        errors.append('posts line %d: %s' % (n, e))
custs = {r['customer_id']: r for r in csv.DictReader(open(P('customers.csv'), encoding='utf-8'))}
truth = json.load(open(P('truth.json'), encoding='utf-8'))
ptruth = json.load(open(P('posts_truth.json'), encoding='utf-8'))['posts']

MOB = re.compile(r'^1(3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$')
ids = [c['complaint_id'] for c in comps]
if len(ids) != len(set(ids)):
    errors.append('duplicate complaint ids')
lo, hi = dt.datetime(2026, 9, 1, tzinfo=dt.timezone(dt.timedelta(hours=8))), dt.datetime(2026, 11, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))
CH = {'app', 'hotline', 'email', 'regulator', 'social', 'other'}
for c in comps:
    cid = c['complaint_id']
    for k in ('complaint_id', 'received_at', 'channel', 'customer_id', 'phone', 'text'):
        if k not in c:
            errors.append('%s missing %s' % (cid, k))
    t = dt.datetime.fromisoformat(c['received_at'])
    if t.utcoffset() != dt.timedelta(hours=8) or not (lo <= t < hi):
        errors.append('%s bad time %s' % (cid, c['received_at']))
    if c['channel'] not in CH:
        errors.append('%s bad channel' % cid)
    if c['customer_id'] not in custs:
        errors.append('%s unknown customer' % cid)
    if not MOB.match(c['phone']):
        errors.append('%s bad phone %s' % (cid, c['phone']))
    if 'ip' in c and not re.match(r'^\d{1,3}(\.\d{1,3}){3}$', c['ip']):
        errors.append('%s bad ip' % cid)
    for key in ('campaigns', 'groups', 'complaint_intent'):
        if cid not in truth[key]:
            errors.append('%s missing in truth.%s' % (cid, key))
for key in ('campaigns', 'groups', 'complaint_intent'):
    if set(truth[key]) != set(ids):
        errors.append('truth.%s keys differ from complaint ids' % key)

# customers
used = set(c['customer_id'] for c in comps)
if used != set(custs):
    errors.append('customers.csv rows not equal to customers in complaints')
fam_of = {}
for c in comps:
    if truth['groups'][c['complaint_id']] == 'family':
        fam_of[c['customer_id']] = c['phone']
phone_owners = defaultdict(set)
for r in custs.values():
    if not MOB.match(r['phone']):
        errors.append('customer %s bad phone' % r['customer_id'])
    dt.date.fromisoformat(r['next_due_date'])
    int(r['overdue_days']); int(r['principal'])
    phone_owners[r['phone']].add(r['customer_id'])
for ph, owners in phone_owners.items():
    if len(owners) > 1 and not all(o in fam_of and fam_of[o] == ph for o in owners):
        errors.append('phone %s shared outside a family: %s' % (ph, owners))

# agency borrowers overdue or near due
for c in comps:
    a = truth['campaigns'][c['complaint_id']]
    if a:
        r = custs[c['customer_id']]
        d = (dt.date.fromisoformat(r['next_due_date']) - dt.date.fromisoformat(c['received_at'][:10])).days
        if int(r['overdue_days']) == 0 and not (0 <= d <= 4):
            errors.append('%s agency %s borrower neither overdue nor near due (%d days)' % (c['complaint_id'], a, d))
        if a == 'C' and not (0 <= d <= 3):
            errors.append('%s agency C not 0-3 days before due (%d)' % (c['complaint_id'], d))

# posts
pids = [p['post_id'] for p in posts]
if len(pids) != len(set(pids)) or set(pids) != set(ptruth):
    errors.append('post ids / posts_truth mismatch')
for p in posts:
    dt.datetime.fromisoformat(p['posted_at'])
org_vals = {a: set(v) for a, v in truth['organizers'].items()}
for pid, t in ptruth.items():
    for ct in t['contacts']:
        if ct != ct.lower():
            errors.append('%s contact not lower-case' % pid)
    if t['agency'] and not (set(t['contacts']) & org_vals[t['agency']]):
        errors.append('%s agency %s without shared contact' % (pid, t['agency']))

print('ERRORS:' if errors else 'all checks passed', *errors[:50], sep='\n')

# ---------------------------------------------------------------- stats
g = Counter(truth['groups'].values())
camp = Counter(v for v in truth['campaigns'].values() if v)
intent = Counter(truth['complaint_intent'].values())
ch = Counter(c['channel'] for c in comps)
by_group_ch = defaultdict(Counter)
by_group_len = defaultdict(list)
for c in comps:
    gg = truth['groups'][c['complaint_id']]
    by_group_ch[gg][c['channel']] += 1
    by_group_len[gg].append(len(c['text']))
lens = [len(c['text']) for c in comps]
plens = [len(p['text']) for p in posts]
pint = Counter(t['intent'] for t in ptruth.values())
pag = Counter(t['agency'] for t in ptruth.values() if t['agency'])
pplat = Counter(p['platform'] for p in posts)
fam_groups = len(set(c['phone'] for c in comps if truth['groups'][c['complaint_id']] == 'family'))
rep_custs = len(set(c['customer_id'] for c in comps if truth['groups'][c['complaint_id']] == 'repeat'))
with_ip = sum('ip' in c for c in comps); with_dev = sum('device_id' in c for c in comps)
order = ['A', 'B', 'C', 'D', 'E', 'incident_double_deduction', 'incident_app_outage', 'grievance', 'hardship',
         'family', 'collector_cited', 'repeat', 'background']
L = ['# B1 statistics', '', '(computed by `_build/check_and_stats.py` from the files in this folder)', '',
     '- complaints: %d (agency: %d, genuine: %d)' % (len(comps), sum(camp.values()), len(comps) - sum(camp.values())),
     '- customers: %d' % len(custs),
     '- posts: %d' % len(posts),
     '- complaints with ip: %d, with device_id: %d' % (with_ip, with_dev),
     '- mean complaint text length: %.1f characters (median %d, min %d, max %d)' % (
         sum(lens) / len(lens), sorted(lens)[len(lens) // 2], min(lens), max(lens)),
     '- mean post text length: %.1f characters' % (sum(plens) / len(plens)),
     '- family groups: %d (sharing one phone), repeat complainers: %d customers' % (fam_groups, rep_custs), '',
     '## Complaints per group', '', '| group | n | mean length | channels |', '|---|---|---|---|']
for k in order:
    L.append('| %s | %d | %.0f | %s |' % (k, g[k], sum(by_group_len[k]) / len(by_group_len[k]),
                                         ', '.join('%s %d' % kv for kv in sorted(by_group_ch[k].items()))))
L += ['', '## Complaints per agency (campaigns)', '', '| agency | n | organizer indicators |', '|---|---|---|']
for a in sorted(camp):
    L.append('| %s | %d | %s |' % (a, camp[a], ', '.join(truth['organizers'][a])))
L += ['', '## Complaint intent', '', '| intent | n |', '|---|---|'] + ['| %s | %d |' % kv for kv in sorted(intent.items())]
L += ['', '## Channels', '', '| channel | n |', '|---|---|'] + ['| %s | %d |' % kv for kv in sorted(ch.items())]
L += ['', '## Posts per intent', '', '| intent | n | is_ad |', '|---|---|---|']
for k, v in sorted(pint.items()):
    L.append('| %s | %d | %s |' % (k, v, 'true' if k in ('service_ad', 'recruitment') else 'false'))
L += ['', 'ads + recruitment: %d of %d (%.0f %%)' % (pint['service_ad'] + pint['recruitment'], len(posts),
                                                  100 * (pint['service_ad'] + pint['recruitment']) / len(posts)), '',
      '## Posts linked to an agency (share a contact with it)', '', '| agency | n | of which ads/recruitment |', '|---|---|---|']
for a in sorted(pag):
    n_ad = sum(1 for t in ptruth.values() if t['agency'] == a and t['is_ad'])
    L.append('| %s | %d | %d |' % (a, pag[a], n_ad))
L += ['', '## Posts per platform', '', '| platform | n |', '|---|---|'] + ['| %s | %d |' % kv for kv in sorted(pplat.items(), key=lambda x: -x[1])]
open(P('STATS.md'), 'w', encoding='utf-8').write('\n'.join(L) + '\n')
print('\n'.join(L))
