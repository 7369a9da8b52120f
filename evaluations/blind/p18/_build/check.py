#!/usr/bin/env python3
import json, os, re, collections
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
posts = [json.loads(l) for l in open(os.path.join(OUT, 'posts.jsonl'), encoding='utf-8')]
truth = json.load(open(os.path.join(OUT, 'posts_truth.json'), encoding='utf-8'))['posts']
NUM = str.maketrans('零〇一二三四五六七八九幺两', '0012345678912')
ids = [p['post_id'] for p in posts]
assert len(ids) == len(set(ids)), 'dup ids'
assert set(ids) == set(truth), 'truth mismatch'
INTENTS = {'service_ad','recruitment','warning','notice','news','lawful_offer','question','off_topic'}
errs = 0
for p in posts:
    t = truth[p['post_id']]
    assert t['intent'] in INTENTS and t['agency'] is None
    assert t['is_ad'] == (t['intent'] in ('service_ad','recruitment'))
    assert re.match(r'^2026-(09|10)-\d\dT\d\d:\d\d:\d\d\+08:00$', p['posted_at'])
    norm = re.sub(r'\s+', '', p['text']).translate(NUM).lower()
    for c in t['contacts']:
        if c != c.lower() or ' ' in c or c not in norm:
            print('MISSING', p['post_id'], c); errs += 1
    # sanity: any 11-digit mobile in normalised text should be listed
    for m in re.findall(r'(?<!\d)1[3-9]\d{9}(?!\d)', norm):
        if m not in t['contacts']:
            print('UNLISTED', p['post_id'], m); errs += 1
print('posts', len(posts), 'errors', errs)
