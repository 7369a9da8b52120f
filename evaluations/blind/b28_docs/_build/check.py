# consistency check + STATS.md generation. Run after build.py
import os, json, csv, collections, sys
sys.path.insert(0, os.path.dirname(__file__))
from lib import id_valid
OUT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
truth = json.load(open(os.path.join(OUT, 'materials_truth.json')))['files']
comps = [json.loads(l) for l in open(os.path.join(OUT, 'complaints.jsonl'), encoding='utf-8')]
custs = {r['customer_id']: r for r in csv.DictReader(open(os.path.join(OUT, 'customers.csv'), encoding='utf-8'))}
errs = []
on_disk = {'attachments/' + f for f in os.listdir(os.path.join(OUT, 'attachments'))}
ref = collections.Counter(a for c in comps for a in c['attachments'])
for f in on_disk - set(truth): errs.append(f'not in truth: {f}')
for f in set(truth) - on_disk: errs.append(f'missing file: {f}')
for f in on_disk - set(ref): errs.append(f'unreferenced: {f}')
for f, n in ref.items():
    if f not in on_disk: errs.append(f'referenced but missing: {f}')
    if n > 1: errs.append(f'referenced twice: {f}')
ids = [c['complaint_id'] for c in comps]
if len(set(ids)) != len(ids): errs.append('duplicate complaint ids')
KINDS = {'uscc_as_lawyer_licence', 'edited_image', 'reused_across_borrowers', 'edited_pdf_incremental', 'seal_copied_across_issuers',
         'name_id_mismatch', 'date_inconsistent', 'invalid_id_number'}
CAPS = {'phone_photo', 'scanner_jpeg', 'wechat_jpeg', 'png', 'pdf'}
for c in comps:
    if c['customer_id'] not in custs: errs.append(f"unknown customer {c['customer_id']}")
    elif custs[c['customer_id']]['phone'] != c['phone']: errs.append(f"phone mismatch {c['complaint_id']}")
    if not (c['received_at'].startswith('2026-08') or c['received_at'].startswith('2026-09')) or not c['received_at'].endswith('+08:00'): errs.append(f"bad received_at {c}")
    if c['channel'] not in {'app', 'hotline', 'email', 'regulator', 'social', 'other'}: errs.append('bad channel')
    for a in c['attachments']:
        t = truth[a]
        if t['capture'] not in CAPS: errs.append(f'bad capture {a}')
        if not set(t['kinds']) <= KINDS: errs.append(f'bad kind {a}')
        if t['forged'] != bool(t['kinds']): errs.append(f'forged/kinds inconsistent {a}')
        if not t['forged'] and not id_valid(custs[c['customer_id']]['id_number']): errs.append(f'genuine borrower ID invalid {a}')
for cid, r in custs.items():
    if not id_valid(r['id_number']): errs.append(f'customer ID invalid {cid}')
size = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(OUT) for f in fs)
if size > 25e6: errs.append(f'folder too large {size}')
print('errors:', len(errs)); [print(' ', e) for e in errs]
kc = collections.Counter(k for t in truth.values() for k in t['kinds'])
cap_g = collections.Counter(t['capture'] for t in truth.values() if not t['forged'])
cap_f = collections.Counter(t['capture'] for t in truth.values() if t['forged'])
dt_c = collections.Counter((t['doc_type'], t['forged']) for t in truth.values())
two = sum(1 for t in truth.values() if len(t['kinds']) > 1)
L = ['# STATS — b28_docs', '', f"Files: {len(truth)} (genuine {sum(not t['forged'] for t in truth.values())}, forged {sum(t['forged'] for t in truth.values())}; forged with two kinds: {two})",
     f"Complaints: {len(comps)}; customers: {len(custs)}; folder size: {size/1e6:.1f} MB", '', '## Forgery kinds (a file may carry two)', '',
     '| kind | files |', '|---|---|'] + [f'| {k} | {kc[k]} |' for k in sorted(KINDS)] + ['', '## Capture', '', '| capture | genuine | forged |', '|---|---|---|'] + \
    [f'| {c} | {cap_g[c]} | {cap_f[c]} |' for c in sorted(CAPS)] + ['', '## Document types', '', '| doc_type | genuine | forged |', '|---|---|---|'] + \
    [f'| {d} | {dt_c[(d, False)]} | {dt_c[(d, True)]} |' for d in sorted({k[0] for k in dt_c})] + \
    ['', 'Channels: ' + ', '.join(f'{k} {v}' for k, v in sorted(collections.Counter(c['channel'] for c in comps).items())), '',
     f"Check (_build/check.py): {'PASS' if not errs else 'FAIL'} — files exist and are referenced exactly once, customers exist, all customer IDs pass GB 11643 check digit, size < 25 MB."]
open(os.path.join(OUT, 'STATS.md'), 'w').write('\n'.join(L) + '\n')
print('\n'.join(L))
