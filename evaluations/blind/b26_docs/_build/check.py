"""Consistency check for b26_docs (run after build.py)."""
import json, csv, os, re, sys, collections
sys.path.insert(0, os.path.dirname(__file__))
from lib import id_check
B = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(B)
T = json.load(open('materials_truth.json'))['files']
C = {r['customer_id']: r for r in csv.DictReader(open('customers.csv', encoding='utf-8'))}
P = [json.loads(l) for l in open('complaints.jsonl', encoding='utf-8')]
err = []
ref = collections.Counter()
KINDS = {'uscc_as_lawyer_licence', 'edited_image', 'reused_across_borrowers', 'edited_pdf_incremental',
         'seal_copied_across_issuers', 'name_id_mismatch', 'date_inconsistent', 'invalid_id_number'}
for i, p in enumerate(P):
    if p['complaint_id'] != 'D26-%04d' % (i + 1): err.append('id seq ' + p['complaint_id'])
    if not re.match(r'2026-0[89]-\d\dT\d\d:\d\d:\d\d\+08:00$', p['received_at']): err.append('time ' + p['received_at'])
    if p['channel'] not in ('app', 'hotline', 'email', 'regulator', 'social', 'other'): err.append('channel')
    c = C.get(p['customer_id'])
    if not c: err.append('no customer ' + p['customer_id'])
    elif c['phone'] != p['phone']: err.append('phone mismatch')
    for a in p['attachments']:
        ref[a] += 1
        if not os.path.exists(a): err.append('missing ' + a)
        if a not in T: err.append('not in truth ' + a)
for f, v in T.items():
    if ref[f] != 1: err.append('ref count %s %d' % (f, ref[f]))
    if v['forged'] != bool(v['kinds']): err.append('forged/kinds ' + f)
    if not set(v['kinds']) <= KINDS or len(v['kinds']) > 2: err.append('kinds ' + f)
    if v['capture'] not in ('phone_photo', 'scanner_jpeg', 'wechat_jpeg', 'png', 'pdf'): err.append('capture ' + f)
on_disk = set('attachments/' + x for x in os.listdir('attachments'))
if on_disk != set(T): err.append('disk/truth differ %s' % (on_disk ^ set(T)))
for c in C.values():
    s = c['id_number']
    if len(s) != 18 or id_check(s[:17]) != s[17]: err.append('bad customer id ' + c['customer_id'])
# genuine files: the customer is the borrower named; IDs valid (checked via build fields)
gen_custs = {p['customer_id'] for p in P for a in p['attachments'] if not T[a]['forged']}
for cid in gen_custs:
    s = C[cid]['id_number']
    if id_check(s[:17]) != s[17]: err.append('genuine borrower id invalid ' + cid)
size = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk('.') for f in fs)
print('files', len(T), 'complaints', len(P), 'customers', len(C), 'size MB %.1f' % (size / 1e6))
print('ERRORS', len(err)); [print(' ', e) for e in err[:30]]
