#!/usr/bin/env python3
"""Assemble P18 blind set from hand-written texts (*.txt). Stdlib only, fixed seed."""
import json, random, re, glob, os, datetime, collections
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
random.seed(1818)
recs = []
for fn in sorted(glob.glob(os.path.join(HERE, '*.txt'))):
    cur = None
    for line in open(fn, encoding='utf-8').read().split('\n'):
        if line.startswith('=== '):
            if cur: recs.append(cur)
            intent, platform, account, contacts = line[4:].split('|')
            cur = dict(intent=intent, platform=platform, account=account,
                       contacts=[c for c in contacts.split(',') if c], lines=[])
        elif cur is not None:
            cur['lines'].append(line)
    if cur: recs.append(cur)
for r in recs:
    r['text'] = '\n'.join(r['lines']).strip()
random.shuffle(recs)
start = datetime.datetime(2026, 9, 1, 0, 0, 0)
span = int((datetime.datetime(2026, 10, 31, 23, 59, 0) - start).total_seconds())
times = sorted(start + datetime.timedelta(seconds=random.randrange(span)) for _ in recs)
posts, truth = [], {}
for i, (r, t) in enumerate(zip(recs, times), 1):
    pid = 'P18-%04d' % i
    posts.append(dict(post_id=pid, platform=r['platform'], account=r['account'],
                      posted_at=t.strftime('%Y-%m-%dT%H:%M:%S') + '+08:00', text=r['text']))
    truth[pid] = dict(intent=r['intent'], is_ad=r['intent'] in ('service_ad', 'recruitment'),
                      contacts=r['contacts'], agency=None)
with open(os.path.join(OUT, 'posts.jsonl'), 'w', encoding='utf-8') as f:
    for p in posts: f.write(json.dumps(p, ensure_ascii=False) + '\n')
with open(os.path.join(OUT, 'posts_truth.json'), 'w', encoding='utf-8') as f:
    json.dump({'posts': truth}, f, ensure_ascii=False, indent=1)
print('written', len(posts))
