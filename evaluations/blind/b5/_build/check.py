#!/usr/bin/env python3
import csv, json, os, re, collections
from datetime import datetime
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
P = lambda n: os.path.join(OUT, n)
cs = [json.loads(l) for l in open(P('complaints.jsonl'), encoding='utf-8')]
ps = [json.loads(l) for l in open(P('posts.jsonl'), encoding='utf-8')]
tr = json.load(open(P('truth.json'), encoding='utf-8'))
pt = json.load(open(P('posts_truth.json'), encoding='utf-8'))['posts']
cust = {r['customer_id']: r for r in csv.DictReader(open(P('customers.csv'), encoding='utf-8'))}
lo, hi = datetime.fromisoformat('2026-06-01T00:00:00+08:00'), datetime.fromisoformat('2026-07-31T23:59:59+08:00')
ids = [c['complaint_id'] for c in cs]; assert len(ids) == len(set(ids))
pids = [p['post_id'] for p in ps]; assert len(pids) == len(set(pids))
for k in ('campaigns', 'groups', 'complaint_intent'):
    assert set(tr[k]) == set(ids), k
assert set(pt) == set(pids)
for c in cs:
    assert c['customer_id'] in cust, c
    assert re.fullmatch(r'1\d{10}', c['phone'])
    assert lo <= datetime.fromisoformat(c['received_at']) <= hi
    assert c['channel'] in ('app', 'hotline', 'email', 'regulator', 'social', 'other')
    assert 5 <= len(c['text']) <= 700, len(c['text'])
for p in ps:
    assert lo <= datetime.fromisoformat(p['posted_at']) <= hi
for r in cust.values():
    assert re.fullmatch(r'1\d{10}', r['phone'])
# agency borrowers overdue or within 7 days of a due date at filing
from datetime import date, timedelta
for c in cs:
    ag = tr['campaigns'][c['complaint_id']]
    if ag:
        r = cust[c['customer_id']]
        assert int(r['overdue_days']) > 0 or (date.fromisoformat(r['next_due_date']) - datetime.fromisoformat(c['received_at']).date()).days <= 7 or c['channel'] in ('regulator', 'other'), (c, r)
CN = dict(zip('零〇一二三四五六七八九幺壹贰叁肆伍陆柒捌玖两', '001234567891123456789' + '2'))
def norm(s):
    s = ''.join(CN.get(ch, ch) for ch in s).lower()
    return re.sub(r'[\s\-—_.·()（）]', '', s)
for p in ps:
    t = pt[p['post_id']]
    assert t['is_ad'] == (t['intent'] in ('service_ad', 'recruitment'))
    for ct in t['contacts']:
        assert norm(ct) in norm(p['text']), (p['post_id'], ct, p['text'])
# organizer sanity
org = tr['organizers']
txt = ' '.join(c['text'] for c in cs)
assert '6217 0037 6001 4482 915' in txt
print('OK', len(cs), 'complaints', len(ps), 'posts', len(cust), 'customers')
