# Consistency checks for b29_docs and STATS.md generation.
import os, json, csv, re, collections, datetime, sys
sys.path.insert(0, os.path.dirname(__file__))
from lib import id_valid

OUT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
err = []
truth = json.load(open(os.path.join(OUT, 'materials_truth.json'), encoding='utf-8'))['files']
cpl = [json.loads(l) for l in open(os.path.join(OUT, 'complaints.jsonl'), encoding='utf-8')]
cust = {r['customer_id']: r for r in csv.DictReader(open(os.path.join(OUT, 'customers.csv'), encoding='utf-8'))}
att_disk = {'attachments/' + f for f in os.listdir(os.path.join(OUT, 'attachments'))}
refd = [a for c in cpl for a in c['attachments']]
if set(refd) != att_disk:
    err.append(f"referenced vs disk mismatch: {set(refd) ^ att_disk}")
if len(refd) != len(set(refd)):
    err.append('attachment referenced twice')
if set(truth) != att_disk:
    err.append('truth vs disk mismatch')
KINDS = {'uscc_as_lawyer_licence', 'edited_image', 'reused_across_borrowers', 'edited_pdf_incremental', 'seal_copied_across_issuers',
         'name_id_mismatch', 'date_inconsistent', 'invalid_id_number'}
CAPS = {'phone_photo', 'scanner_jpeg', 'wechat_jpeg', 'png', 'pdf'}
for k, v in truth.items():
    if v['forged'] != bool(v['kinds']) or not set(v['kinds']) <= KINDS or v['capture'] not in CAPS or not (1 <= len(v['kinds']) <= 2 or not v['forged']):
        err.append(f"bad truth {k}")
ids = [c['complaint_id'] for c in cpl]
if ids != [f"D29-{i + 1:04d}" for i in range(len(cpl))]:
    err.append('complaint ids not sequential')
for c in cpl:
    if c['customer_id'] not in cust:
        err.append(f"unknown customer {c['customer_id']}")
    if c['channel'] not in {'app', 'hotline', 'email', 'regulator', 'social', 'other'}:
        err.append('bad channel')
    t = datetime.datetime.fromisoformat(c['received_at'])
    if not (t.utcoffset() == datetime.timedelta(hours=8) and t.year == 2026 and t.month in (8, 9)):
        err.append(f"bad received_at {c['received_at']}")
    if '附' not in c['text']:
        err.append(f"text does not mention attachment {c['complaint_id']}")
for cid, r in cust.items():
    if not id_valid(r['id_number']):
        err.append(f"customer {cid} invalid id")
# genuine files: their customer's ID must be valid (all customer IDs checked above)
for k, v in truth.items():
    m = re.search(r'\[customer (C\d+)\]', v['note'])
    owner = next(c['customer_id'] for c in cpl if k in c['attachments'])
    if not m or m.group(1) != owner:
        err.append(f"owner mismatch {k}")
size = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(OUT) for f in fs)
if size > 25 * 2 ** 20:
    err.append(f"folder too big {size}")

# stats
kc = collections.Counter(kd for v in truth.values() for kd in v['kinds'])
cc = collections.Counter((v['capture'], v['forged']) for v in truth.values())
dc = collections.Counter(v['doc_type'] for v in truth.values())
n_g = sum(not v['forged'] for v in truth.values()); n_f = len(truth) - n_g
lines = ['# STATS', '', f"files: {len(truth)} (genuine {n_g}, forged {n_f}); complaints: {len(cpl)}; customers: {len(cust)}; folder size: {size / 2 ** 20:.1f} MB", '',
         '## forged files per kind (a file may carry two kinds)', '']
lines += [f"- {k}: {kc[k]}" for k in sorted(KINDS)]
lines += ['', f"- files with two kinds: {sum(len(v['kinds']) == 2 for v in truth.values())}", '', '## capture (genuine / forged)', '']
lines += [f"- {c}: {cc[(c, False)]} / {cc[(c, True)]}" for c in sorted(CAPS)]
lines += ['', '## doc types', ''] + [f"- {d}: {n}" for d, n in dc.most_common()]
lines += ['', '## channels', ''] + [f"- {d}: {n}" for d, n in collections.Counter(c['channel'] for c in cpl).most_common()]
lines += ['', f"checks: {'PASS' if not err else 'FAIL'} ({len(err)} errors)"]
open(os.path.join(OUT, 'STATS.md'), 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
print('\n'.join(lines))
for e in err:
    print('ERR', e)
