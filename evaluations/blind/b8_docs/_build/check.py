# -*- coding: utf-8 -*-
"""Consistency check for b8_docs. Usage: python check.py DIR"""
import sys, os, json, csv, datetime as dt
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import id_valid
D = sys.argv[1]; errs = []
truth = json.load(open(os.path.join(D, 'materials_truth.json'), encoding='utf-8'))['files']
cust = {r['customer_id']: r for r in csv.DictReader(open(os.path.join(D, 'customers.csv'), encoding='utf-8'))}
comps = [json.loads(l) for l in open(os.path.join(D, 'complaints.jsonl'), encoding='utf-8')]
KINDS = {'uscc_as_lawyer_licence', 'edited_image', 'reused_across_borrowers', 'edited_pdf_incremental', 'seal_copied_across_issuers',
         'name_id_mismatch', 'date_inconsistent', 'invalid_id_number'}
ref = set()
for k, c in enumerate(comps, 1):
    if c['complaint_id'] != 'D8-%04d' % k: errs.append('id order ' + c['complaint_id'])
    t = dt.datetime.fromisoformat(c['received_at'])
    if t.utcoffset() != dt.timedelta(hours=8) or not (dt.date(2026, 8, 1) <= t.date() <= dt.date(2026, 9, 30)): errs.append('received_at ' + c['received_at'])
    if c['channel'] not in {'app', 'hotline', 'email', 'regulator', 'social', 'other'}: errs.append('channel')
    if c['customer_id'] not in cust: errs.append('unknown customer ' + c['customer_id'])
    elif cust[c['customer_id']]['phone'] != c['phone']: errs.append('phone mismatch ' + c['complaint_id'])
    for a in c['attachments']:
        ref.add(a)
        if not os.path.exists(os.path.join(D, a)): errs.append('missing ' + a)
        if a not in truth: errs.append('no truth ' + a)
on_disk = {'attachments/' + f for f in os.listdir(os.path.join(D, 'attachments'))}
for f in on_disk - ref: errs.append('unreferenced ' + f)
for f in set(truth) - on_disk: errs.append('truth without file ' + f)
for f, v in truth.items():
    if v['forged'] != bool(v['kinds']): errs.append('forged/kinds ' + f)
    if set(v['kinds']) - KINDS: errs.append('bad kind ' + f)
    if v['capture'] not in {'phone_photo', 'scanner_jpeg', 'wechat_jpeg', 'png', 'pdf'}: errs.append('capture ' + f)
for r in cust.values():
    if not id_valid(r['id_number']): errs.append('invalid customer id ' + r['customer_id'])
# genuine documents belong to customers with valid IDs
owner = {a: c['customer_id'] for c in comps for a in c['attachments']}
for f, v in truth.items():
    if not v['forged'] and not id_valid(cust[owner[f]]['id_number']): errs.append('genuine with bad id ' + f)
    if f.endswith('.pdf'):
        b = open(os.path.join(D, f), 'rb').read()
        n = b.count(b'%%EOF')
        if 'edited_pdf_incremental' in v['kinds'] and n < 2: errs.append('no incremental update ' + f)
size = sum(os.path.getsize(os.path.join(r, x)) for r, _, fs in os.walk(D) for x in fs)
print('complaints', len(comps), 'files', len(truth), 'forged', sum(v['forged'] for v in truth.values()), 'customers', len(cust), 'size_MB %.1f' % (size / 1e6))
print('ERRORS:', len(errs)); [print(' ', e) for e in errs]
sys.exit(1 if errs else 0)
