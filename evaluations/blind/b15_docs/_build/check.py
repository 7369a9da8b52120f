# -*- coding: utf-8 -*-
"""Consistency checks for the b15_docs set (run after build.py)."""
import os, json, csv, datetime as dt, sys
HERE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def valid(s):
    return len(s) == 18 and s[:17].isdigit() and '10X98765432'[sum(int(a) * b for a, b in zip(s, W)) % 11] == s[17]

errs = []
cust = {r['customer_id']: r for r in csv.DictReader(open(os.path.join(HERE, 'customers.csv'), encoding='utf-8'))}
for r in cust.values():
    if not valid(r['id_number']):
        errs.append('customer id invalid %s' % r)
truth = json.load(open(os.path.join(HERE, 'materials_truth.json'), encoding='utf-8'))['files']
shown = json.load(open(os.path.join(HERE, '_build', 'shown_person.json'), encoding='utf-8'))
comps = [json.loads(l) for l in open(os.path.join(HERE, 'complaints.jsonl'), encoding='utf-8')]
KINDS = {'uscc_as_lawyer_licence', 'edited_image', 'reused_across_borrowers', 'edited_pdf_incremental',
         'seal_copied_across_issuers', 'name_id_mismatch', 'date_inconsistent', 'invalid_id_number'}
CAPS = {'phone_photo', 'scanner_jpeg', 'wechat_jpeg', 'png', 'pdf'}
ref = {}
ids = set()
for i, c in enumerate(comps):
    if c['complaint_id'] != 'D15-%04d' % (i + 1):
        errs.append('complaint id order %s' % c['complaint_id'])
    t = dt.datetime.fromisoformat(c['received_at'])
    if not (t.utcoffset() == dt.timedelta(hours=8) and t.year == 2026 and t.month in (10, 11)):
        errs.append('received_at %s' % c['received_at'])
    if c['channel'] not in ('app', 'hotline', 'email', 'regulator', 'social', 'other'):
        errs.append('channel %s' % c['channel'])
    if c['customer_id'] not in cust:
        errs.append('unknown customer %s' % c['customer_id'])
    elif cust[c['customer_id']]['phone'] != c['phone']:
        errs.append('phone mismatch %s' % c['complaint_id'])
    for a in c['attachments']:
        if not os.path.isfile(os.path.join(HERE, a)):
            errs.append('missing file %s' % a)
        if a in ref:
            errs.append('file referenced twice %s' % a)
        ref[a] = c
on_disk = {'attachments/' + f for f in os.listdir(os.path.join(HERE, 'attachments'))}
for f in on_disk - set(ref):
    errs.append('unreferenced file %s' % f)
for f in set(truth) ^ on_disk:
    errs.append('truth/disk mismatch %s' % f)
for f, t in truth.items():
    if t['capture'] not in CAPS or not set(t['kinds']) <= KINDS:
        errs.append('bad truth entry %s' % f)
    if t['forged'] != bool(t['kinds']) or len(t['kinds']) > 2:
        errs.append('forged/kinds %s' % f)
    if not t['forged']:
        s = shown[f]
        cu = cust[ref[f]['customer_id']]
        if s['id'] != cu['id_number'] or s['name'] != cu['name'] or not valid(s['id']):
            errs.append('genuine doc person mismatch %s' % f)
size = sum(os.path.getsize(os.path.join(dp, x)) for dp, _, fs in os.walk(HERE) for x in fs)
if size > 25 * 2 ** 20:
    errs.append('folder too big %d' % size)
print('complaints %d, files %d, genuine %d, forged %d, size %.1f MB' % (
    len(comps), len(truth), sum(not t['forged'] for t in truth.values()), sum(t['forged'] for t in truth.values()), size / 2 ** 20))
print('\n'.join(errs) or 'all checks passed')
sys.exit(1 if errs else 0)
