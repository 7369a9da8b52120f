import json, csv, os, sys, datetime as dt
sys.path.insert(0, os.path.dirname(__file__))
import lib
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
truth = json.load(open(os.path.join(ROOT, 'materials_truth.json'), encoding='utf-8'))['files']
mani = json.load(open(os.path.join(ROOT, '_build', 'manifest_printed_identity.json'), encoding='utf-8'))
cust = {r['customer_id']: r for r in csv.DictReader(open(os.path.join(ROOT, 'customers.csv'), encoding='utf-8'))}
comps = [json.loads(l) for l in open(os.path.join(ROOT, 'complaints.jsonl'), encoding='utf-8')]
err = []
KINDS = {'uscc_as_lawyer_licence', 'edited_image', 'reused_across_borrowers', 'edited_pdf_incremental', 'seal_copied_across_issuers', 'name_id_mismatch', 'date_inconsistent', 'invalid_id_number'}
CAPS = {'phone_photo', 'scanner_jpeg', 'wechat_jpeg', 'png', 'pdf'}
ref = {}
ids = set()
for c in comps:
    for k in ['complaint_id', 'received_at', 'channel', 'customer_id', 'phone', 'text', 'attachments']:
        if k not in c: err.append(f'{c.get("complaint_id")} missing {k}')
    if c['complaint_id'] in ids: err.append('dup complaint id')
    ids.add(c['complaint_id'])
    if c['channel'] not in ('app', 'hotline', 'email', 'regulator', 'social', 'other'): err.append('channel')
    r = dt.datetime.fromisoformat(c['received_at'])
    if not (r.utcoffset() == dt.timedelta(hours=8) and r.year == 2026 and r.month in (8, 9)): err.append('received_at ' + c['received_at'])
    if c['customer_id'] not in cust: err.append('no customer ' + c['customer_id'])
    elif cust[c['customer_id']]['phone'] != c['phone']: err.append('phone mismatch')
    for a in c['attachments']:
        ref.setdefault(a, []).append(c['customer_id'])
        if not os.path.isfile(os.path.join(ROOT, a)): err.append('missing file ' + a)
files = {'attachments/' + f for f in os.listdir(os.path.join(ROOT, 'attachments'))}
if files != set(truth): err.append(f'truth/files differ {files ^ set(truth)}')
if files != set(ref): err.append(f'unreferenced {files - set(ref)}')
for a, t in truth.items():
    if set(t['kinds']) - KINDS: err.append('kind ' + a)
    if t['capture'] not in CAPS: err.append('capture ' + a)
    if t['forged'] != bool(t['kinds']): err.append('forged/kinds ' + a)
    m = mani[a]; cu = cust[ref[a][0]]
    if m['customer'] != ref[a][0]: err.append('manifest customer ' + a)
    if not t['forged']:
        if not (m['name'] == cu['name'] and m['id'] == cu['id_number'] and lib.id_valid(m['id'])): err.append('genuine identity ' + a)
for c in cust.values():
    if not lib.id_valid(c['id_number']): err.append('customer id invalid ' + c['customer_id'])
size = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(ROOT) for f in fs)
print('complaints', len(comps), 'files', len(files), 'customers', len(cust), 'size MB %.1f' % (size / 1e6))
print('ERRORS' if err else 'OK', err[:20])
