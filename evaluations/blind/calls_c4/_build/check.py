#!/usr/bin/env python3
"""Integrity check for calls_c4; writes STATS.md (counts only). stdlib only."""
import csv, json, os, re, collections, datetime as dt, sys

D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
err = []


def E(m):
    err.append(m)


calls = list(csv.DictReader(open(os.path.join(D, 'calls.csv'), encoding='utf-8')))
custs = list(csv.DictReader(open(os.path.join(D, 'customers.csv'), encoding='utf-8')))
notes = [json.loads(l) for l in open(os.path.join(D, 'notes.jsonl'), encoding='utf-8') if l.strip()]
truth = json.load(open(os.path.join(D, 'truth.json'), encoding='utf-8'))
lender = [l.strip() for l in open(os.path.join(D, 'lender_numbers.txt'), encoding='utf-8') if l.strip()]

CALL_COLS = ['call_id', 'started_at', 'direction', 'customer_id', 'dialled', 'answered', 'ring_seconds',
             'talk_seconds', 'answered_by', 'diversion_reason', 'recording']
if list(calls[0].keys()) != CALL_COLS:
    E('calls.csv header')
if list(custs[0].keys()) != ['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days']:
    E('customers.csv header')

cids = [c['customer_id'] for c in custs]
if len(set(cids)) != len(cids): E('duplicate customer ids')
phones = [c['phone'] for c in custs]
if len(set(phones)) != len(phones): E('duplicate customer phones')
cset = set(cids)
if set(truth['customers']) != cset: E('truth customers != customers.csv')
ids = [r['call_id'] for r in calls]
if len(set(ids)) != len(ids): E('duplicate call ids')
nids = [n['note_id'] for n in notes]
if len(set(nids)) != len(nids): E('duplicate note ids')

lo = dt.datetime(2026, 2, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))
hi = dt.datetime(2026, 5, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))
NUM = re.compile(r'^\d{5,12}$')
for r in calls:
    if r['customer_id'] not in cset: E('call %s unknown customer' % r['call_id'])
    if not r['started_at'].endswith('+08:00'): E('tz %s' % r['call_id'])
    t = dt.datetime.fromisoformat(r['started_at'])
    if not (lo <= t < hi): E('window %s' % r['call_id'])
    if r['direction'] not in ('outbound', 'inbound'): E('direction %s' % r['call_id'])
    if r['answered'] not in ('true', 'false'): E('answered %s' % r['call_id'])
    if not NUM.match(r['dialled']): E('dialled %s' % r['call_id'])
    rs, ts = int(r['ring_seconds']), int(r['talk_seconds'])
    if rs < 0 or ts < 0: E('neg secs %s' % r['call_id'])
    if r['answered'] == 'false' and ts != 0: E('talk without answer %s' % r['call_id'])
    if r['answered'] == 'true' and ts <= 0: E('answer without talk %s' % r['call_id'])
    if bool(r['answered_by']) != bool(r['diversion_reason']): E('diversion pair %s' % r['call_id'])
    if r['diversion_reason'] not in ('', 'unconditional', 'busy', 'no_answer', 'unreachable'): E('reason %s' % r['call_id'])
    if r['answered_by'] and not NUM.match(r['answered_by']): E('answered_by %s' % r['call_id'])
    if r['direction'] == 'inbound' and r['answered_by']: E('inbound diverted %s' % r['call_id'])
    if r['recording']: E('recording not empty %s' % r['call_id'])
    if r['direction'] == 'outbound' and r['dialled'] in lender: E('outbound to lender %s' % r['call_id'])
for n in notes:
    if n['customer_id'] not in cset: E('note unknown customer %s' % n['note_id'])
    if not n['written_at'].endswith('+08:00'): E('note tz %s' % n['note_id'])
    if set(n) != {'note_id', 'customer_id', 'written_at', 'text'}: E('note keys %s' % n['note_id'])
for c in custs:
    dt.date.fromisoformat(c['next_due_date'])
    if int(c['overdue_days']) < 0 or int(c['principal']) <= 0: E('customer fields %s' % c['customer_id'])

GROUPS = {'family', 'switchboard', 'stopped_answering', 'changed_number', 'voicemail', 'secretary',
          'own_second_phone', 'normal'}
ags = set(truth['agency_numbers'])
for k, v in truth['customers'].items():
    if set(v) != {'group', 'forwarded', 'agency'}: E('truth keys %s' % k)
    if v['group'] in ags:
        if v['agency'] != v['group']: E('agency mismatch %s' % k)
    elif v['group'] in GROUPS:
        if v['agency'] is not None: E('agency on non-agency %s' % k)
    else:
        E('bad group %s' % k)
    if not isinstance(v['forwarded'], bool): E('forwarded type %s' % k)
allag = [n for v in truth['agency_numbers'].values() for n in v]
if len(allag) != len(set(allag)): E('agency number shared between agencies')
if set(allag) & set(lender): E('agency number is a lender number')
if set(allag) & set(phones): E('agency number is a customer phone')

# forwarded flag consistency with call data: a customer with forwarded=true must show a diversion
# to a non-own number; agency clients never forwarded must be linked some other way
div = collections.defaultdict(set)
for r in calls:
    if r['answered_by']:
        div[r['customer_id']].add(r['answered_by'])
for k, v in truth['customers'].items():
    if v['forwarded'] and not div[k]: E('forwarded but no diversion %s' % k)
    if v['group'] in ags:
        nums = set(truth['agency_numbers'][v['group']])
        linked = bool(div[k] & nums) or any(r['customer_id'] == k and r['dialled'] in nums for r in calls) \
            or any(n['customer_id'] == k for n in notes)
        if not linked: E('agency client not linked %s' % k)

g = collections.Counter(v['group'] for v in truth['customers'].values())
fw = collections.Counter((v['group'], v['forwarded']) for v in truth['customers'].values())
cg = collections.Counter(truth['customers'][r['customer_id']]['group'] for r in calls)
out = ['# STATS — calls_c4', '', 'Generated by _build/check.py. Check result: %s' % ('PASS' if not err else 'FAIL (%d errors)' % len(err)), '',
       '- customers: %d' % len(custs), '- calls: %d (outbound %d, inbound %d)' % (
           len(calls), sum(r['direction'] == 'outbound' for r in calls), sum(r['direction'] == 'inbound' for r in calls)),
       '- calls answered: %d' % sum(r['answered'] == 'true' for r in calls),
       '- calls with a diversion: %d' % sum(bool(r['answered_by']) for r in calls),
       '- notes: %d' % len(notes), '- lender numbers: %d' % len(lender),
       '- agencies: %d; agency numbers: %d' % (len(ags), len(allag)), '',
       '| group | customers | forwarded=true | calls |', '|---|---|---|---|']
for k in sorted(g):
    out.append('| %s | %d | %d | %d |' % (k, g[k], fw[(k, True)], cg[k]))
out += ['', '| diversion_reason | calls |', '|---|---|']
for k, n in sorted(collections.Counter(r['diversion_reason'] or '(none)' for r in calls).items()):
    out.append('| %s | %d |' % (k, n))
out += ['', '| agency | numbers |', '|---|---|']
for k, v in sorted(truth['agency_numbers'].items()):
    out.append('| %s | %d |' % (k, len(v)))
if err:
    out += ['', 'Errors (first 20):'] + ['- ' + e for e in err[:20]]
open(os.path.join(D, 'STATS.md'), 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print('\n'.join(out))
sys.exit(1 if err else 0)
