# Consistency check of the b21_docs set. Run: /work/main/.venv/bin/python _build/check.py
import os, sys, json, csv, re, datetime as dt
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import id_valid
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(OUT)
KINDS = {'uscc_as_lawyer_licence', 'edited_image', 'reused_across_borrowers', 'edited_pdf_incremental', 'seal_copied_across_issuers',
         'name_id_mismatch', 'date_inconsistent', 'invalid_id_number'}
CAPS = {'phone_photo', 'scanner_jpeg', 'wechat_jpeg', 'png', 'pdf'}
err = []
truth = json.load(open('materials_truth.json'))['files']
cust = {r['customer_id']: r for r in csv.DictReader(open('customers.csv'))}
comps = [json.loads(l) for l in open('complaints.jsonl')]
for c in cust.values():
    if not id_valid(c['id_number']):
        err.append('customer id invalid %s' % c['customer_id'])
ref = set()
ids = set()
for c in comps:
    if c['complaint_id'] in ids: err.append('dup complaint ' + c['complaint_id'])
    ids.add(c['complaint_id'])
    if not re.fullmatch(r'D21-\d{4}', c['complaint_id']): err.append('bad id ' + c['complaint_id'])
    t = dt.datetime.fromisoformat(c['received_at'])
    if t.utcoffset() != dt.timedelta(hours=8) or not (dt.datetime(2026, 8, 1, tzinfo=t.tzinfo) <= t < dt.datetime(2026, 10, 1, tzinfo=t.tzinfo)):
        err.append('bad received_at ' + c['complaint_id'])
    if c['channel'] not in ('app', 'hotline', 'email', 'regulator', 'social', 'other'): err.append('channel ' + c['complaint_id'])
    if c['customer_id'] not in cust: err.append('unknown customer ' + c['customer_id'])
    elif cust[c['customer_id']]['phone'] != c['phone']: err.append('phone mismatch ' + c['complaint_id'])
    for a in c['attachments']:
        if not os.path.exists(a): err.append('missing file ' + a)
        if a not in truth: err.append('no truth ' + a)
        ref.add(a)
on_disk = {'attachments/' + f for f in os.listdir('attachments')}
for a in on_disk - ref: err.append('unreferenced ' + a)
for a, v in truth.items():
    if a not in on_disk: err.append('truth for missing ' + a)
    if v['forged'] != bool(v['kinds']): err.append('forged/kinds ' + a)
    if not set(v['kinds']) <= KINDS or len(v['kinds']) > 2: err.append('kinds ' + a)
    if v['capture'] not in CAPS: err.append('capture ' + a)
# genuine native PDFs name the borrower with the borrower's ID
from pypdf import PdfReader
owner = {a: c['customer_id'] for c in comps for a in c['attachments']}
for a, v in truth.items():
    if a.endswith('.pdf') and not v['forged']:
        txt = PdfReader(a).pages[0].extract_text().replace(' ', '').replace('\n', '')
        if txt and (cust[owner[a]]['id_number'] not in txt or cust[owner[a]]['name'] not in txt):
            err.append('genuine pdf text lacks borrower name/id ' + a)
size = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk('.') for f in fs)
if size > 25 * 2 ** 20: err.append('folder too large %d' % size)
print('files', len(truth), 'complaints', len(comps), 'customers', len(cust), 'size_MB %.1f' % (size / 2 ** 20))
print('ERRORS' if err else 'OK', *err, sep='\n')
