import json, random, datetime, os
random.seed(14)
D = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(D)
M = {'A':'service_ad','R':'recruitment','W':'warning','N':'notice','S':'news','L':'lawful_offer','Q':'question','O':'off_topic'}
CN = str.maketrans('零〇一二三四五六七八九幺','001234567891')
def norm(s): return s.replace(' ','').lower().translate(CN)
rows=[]
for f in ['texts_a.txt','texts_b.txt','texts_c.txt','texts_d.txt']:
    for line in open(os.path.join(D,f),encoding='utf-8'):
        line=line.rstrip('\n')
        if not line: continue
        k,plat,acct,cs,text=line.split('|')
        rows.append((M[k],plat,acct,[norm(c) for c in cs.split(';') if c],text))
random.shuffle(rows)
start=datetime.datetime(2026,5,1,0,0,0); span=61*86400
times=sorted(random.randrange(span) for _ in rows)
posts=[];truth={}
for i,(intent,plat,acct,cs,text) in enumerate(rows):
    pid='P14-%04d'%(i+1)
    t=(start+datetime.timedelta(seconds=times[i])).strftime('%Y-%m-%dT%H:%M:%S+08:00')
    posts.append({'post_id':pid,'platform':plat,'account':acct,'posted_at':t,'text':text})
    truth[pid]={'intent':intent,'is_ad':intent in('service_ad','recruitment'),'contacts':cs,'agency':None}
with open(os.path.join(OUT,'posts.jsonl'),'w',encoding='utf-8') as fh:
    for p in posts: fh.write(json.dumps(p,ensure_ascii=False)+'\n')
json.dump({'posts':truth},open(os.path.join(OUT,'posts_truth.json'),'w',encoding='utf-8'),ensure_ascii=False,indent=1)
