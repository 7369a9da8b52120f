# Consistency checks for b10_docs (run after build.py).
import os, json, csv, re, sys, datetime
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lib
from pypdf import PdfReader
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {'uscc_as_lawyer_licence', 'edited_image', 'reused_across_borrowers', 'edited_pdf_incremental', 'seal_copied_across_issuers',
         'name_id_mismatch', 'date_inconsistent', 'invalid_id_number'}
CAPS = {'phone_photo', 'scanner_jpeg', 'wechat_jpeg', 'png', 'pdf'}
err = []
cust = {r['customer_id']: r for r in csv.DictReader(open(os.path.join(OUT, 'customers.csv'), encoding='utf-8'))}
for c in cust.values():
    if not lib.id_valid(c['id_number']):
        err.append('customer ID invalid ' + c['customer_id'])
truth = json.load(open(os.path.join(OUT, 'materials_truth.json'), encoding='utf-8'))['files']
comps = [json.loads(l) for l in open(os.path.join(OUT, 'complaints.jsonl'), encoding='utf-8')]
ref = {}
for i, c in enumerate(comps):
    if c['complaint_id'] != f'D10-{i + 1:04d}':
        err.append('id seq ' + c['complaint_id'])
    dt = datetime.datetime.fromisoformat(c['received_at'])
    if not (dt.utcoffset() == datetime.timedelta(hours=8) and dt.year == 2026 and dt.month in (9, 10)):
        err.append('received_at ' + c['received_at'])
    if c['channel'] not in ('app', 'hotline', 'email', 'regulator', 'social', 'other'):
        err.append('channel')
    if c['customer_id'] not in cust or cust[c['customer_id']]['phone'] != c['phone']:
        err.append('customer/phone ' + c['complaint_id'])
    for a in c['attachments']:
        if a in ref:
            err.append('attachment used twice ' + a)
        ref[a] = c
        if not os.path.exists(os.path.join(OUT, a)):
            err.append('missing ' + a)
files = {'attachments/' + f for f in os.listdir(os.path.join(OUT, 'attachments'))}
if files != set(ref) or files != set(truth):
    err.append(f'file sets differ: unref={files - set(ref)} notruth={files - set(truth)} ghost={set(truth) - files}')
for f, t in truth.items():
    if set(t['kinds']) - KINDS or t['capture'] not in CAPS or t['forged'] != bool(t['kinds']):
        err.append('truth fields ' + f)
    if f in ref and ref[f]['customer_id'] != t['borrower']:
        err.append('borrower mismatch ' + f)
    # genuine PDFs with a text layer must print the borrower's own (valid) ID
    if not t['forged'] and f.endswith('.pdf'):
        txt = ''.join(PdfReader(os.path.join(OUT, f)).pages[0].extract_text().split())
        idn = cust[t['borrower']]['id_number']
        if txt and idn not in txt:
            err.append('genuine pdf lacks borrower ID ' + f)
        for m in re.findall(r'\d{17}[\dX]', txt):
            if not lib.id_valid(m) and '执业证号：' + m not in txt:
                err.append(f'genuine pdf invalid id {m} {f}')
size = sum(os.path.getsize(os.path.join(OUT, f)) for f in files)
n_f = sum(t['forged'] for t in truth.values())
from collections import Counter
kc = Counter(k for t in truth.values() for k in t['kinds'])
print(f'{len(files)} files ({len(files) - n_f} genuine, {n_f} forged), {len(comps)} complaints, {len(cust)} customers, attachments {size / 1e6:.1f} MB')
print(dict(kc))
print(dict(Counter(t['capture'] for t in truth.values())))
print('ERRORS:', err if err else 'none')
sys.exit(1 if err else 0)
